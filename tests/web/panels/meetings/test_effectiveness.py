"""How well the panel works, worked by hand on Brookfield's year 2026/27 (1 April 2026 to 31 March
2027), counted as at 1 February 2027.

Meetings: 9 July (held; present Ash, Birch, Dale, Pat, Jordan, and Fir substituting for Cedar;
apologies Cedar, Elm, Harper), 10 September (held; present Ash and Harper: not quorate), 12 November
(cancelled), 14 January (held; all five councillors and Sam, a young person from the Children in Care
Council with no seat), 11 March (scheduled, after the as-of date).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

import docx
import pypdfium2 as pdfium
import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from corparent.accounts.roles import Role
from corparent.panels.models import (
    Action,
    Attendance,
    Meeting,
    PartnerReport,
    Person,
    Question,
    WorkProgrammeItem,
)
from corparent.panels.selectors.effectiveness import (
    MEASURE_IDS,
    MEASURES,
    PanelYear,
    Ratio,
    _actions_due,
    meeting_figures,
    panel_years,
    year_figures,
)
from tests.web.api_schema import schema_without_warnings
from tests.web.panels.meetings.conftest import Brookfield, at

pytestmark = pytest.mark.django_db
TODAY = dt.date(2027, 2, 1)
YEAR = PanelYear(2026)


def _attend(
    meeting: Meeting, b: Brookfield, present: list[str], apologies: list[str] = (), **subs: str
) -> None:
    for key in present:
        Attendance.objects.create(
            meeting=meeting,
            person=b.people[key],
            status=Attendance.Status.PRESENT,
            substitute_for=b.people[subs[key]] if key in subs else None,
        )
    for key in apologies:
        Attendance.objects.create(meeting=meeting, person=b.people[key], status=Attendance.Status.APOLOGIES)


def _action(
    b: Brookfield, at_meeting: Meeting, due: dt.date, status: str, closed: dt.date | None = None
) -> None:
    Action.objects.create(
        panel=b.panel,
        raised_at=at_meeting,
        description=f"Action due {due}",
        due_date=due,
        status=status,
        closed_on=closed,
        created_by=b.officer,
    )


def _item(
    b: Brookfield,
    meeting: Meeting | None,
    partner: object,
    due: dt.date,
    submitted: dt.date | None,
    status: str = WorkProgrammeItem.Status.REQUESTED,
) -> None:
    item = WorkProgrammeItem.objects.create(
        panel=b.panel,
        theme="health",
        title=f"Report due {due}",
        partner=partner,
        meeting=meeting,
        due_date=due,
        status=status,
    )
    if submitted is not None:
        report = PartnerReport.objects.create(
            item=item, organisation=partner, title="Report", summary="Summary", submitted_by=b.officer
        )
        PartnerReport.objects.filter(pk=report.pk).update(submitted_at=at(submitted, 12))


def _question(
    b: Brookfield,
    meeting: Meeting | None,
    answer_by: dt.date | None,
    answered: dt.date | None,
    created: dt.date | None = None,
) -> None:
    q = Question.objects.create(
        panel=b.panel,
        meeting=meeting,
        asked_by=b.people["dale"],
        text="Why?",
        answer_by=answer_by,
        answer="Because." if answered else "",
        answered_on=answered,
    )
    if created is not None:
        Question.objects.filter(pk=q.pk).update(created_at=at(created, 12))


@pytest.fixture
def year(brookfield: Brookfield) -> dict[str, Meeting]:
    b = brookfield
    held = Meeting.Status.HELD
    july = b.meeting(dt.date(2026, 7, 9), held)
    september = b.meeting(dt.date(2026, 9, 10), held)
    b.meeting(dt.date(2026, 11, 12), Meeting.Status.CANCELLED)
    january = b.meeting(dt.date(2027, 1, 14), held)
    b.meeting(dt.date(2027, 3, 11))
    _attend(
        july, b, ["ash", "birch", "dale", "pat", "jordan", "fir"], ["cedar", "elm", "harper"], fir="cedar"
    )
    _attend(september, b, ["ash", "harper"])
    b.people["sam"] = Person.objects.create(name="Sam", kind=Person.Kind.YOUNG_PERSON)
    _attend(january, b, ["ash", "birch", "cedar", "dale", "elm", "sam"])

    _action(b, july, dt.date(2026, 8, 1), Action.Status.DONE, dt.date(2026, 7, 30))  # on time
    _action(b, july, dt.date(2026, 9, 1), Action.Status.DONE, dt.date(2026, 9, 5))  # late
    _action(b, july, dt.date(2026, 10, 1), Action.Status.OPEN)  # overdue
    _action(b, september, dt.date(2026, 10, 1), Action.Status.DROPPED)  # left out
    _action(b, september, dt.date(2027, 6, 1), Action.Status.OPEN)  # due next year
    _action(b, january, dt.date(2027, 3, 1), Action.Status.IN_PROGRESS)  # not due by 1 February

    _item(b, july, b.health, dt.date(2026, 7, 1), dt.date(2026, 6, 30))  # on time
    _item(b, september, b.housing, dt.date(2026, 9, 1), dt.date(2026, 9, 3))  # late
    _item(b, january, b.health, dt.date(2027, 1, 1), None)  # never came
    _item(b, None, b.housing, dt.date(2027, 3, 1), None)  # not due yet
    _item(b, None, b.housing, dt.date(2026, 11, 1), None, WorkProgrammeItem.Status.DEFERRED)  # left out

    _question(b, july, dt.date(2026, 8, 1), dt.date(2026, 7, 20))  # answered on time
    _question(b, july, dt.date(2026, 8, 1), dt.date(2026, 8, 10))  # answered late
    _question(b, september, dt.date(2026, 10, 1), None)  # not answered, late
    _question(b, None, None, None, created=dt.date(2026, 12, 1))  # between meetings, not answered
    _question(b, january, dt.date(2027, 3, 1), None)  # not due yet
    _question(b, None, None, dt.date(2026, 3, 20), created=dt.date(2026, 3, 2))  # last year's
    return {"july": july, "september": september, "january": january}


def test_the_year_is_counted_by_hand(brookfield: Brookfield, year: dict[str, Meeting]) -> None:
    figures = year_figures(panel=brookfield.panel, year=YEAR, today=TODAY)

    assert (figures.held, figures.cancelled, figures.as_of) == (3, 1, TODAY)
    assert figures.values == {
        "quorate_meetings": Ratio(2, 3),  # July (4 voting, counting Fir for Cedar) and January
        "councillor_attendance": Ratio(3 + 1 + 5, 15),  # Fir's substitution is not Cedar attending
        "partner_attendance": Ratio(1 + 1 + 0, 6),
        "young_people_attendance": Ratio(1, 3),  # Jordan's seat, in July only
        "young_people_participation": Ratio(2, 3),  # Jordan in July, Sam in January
        "actions_closed_on_time": Ratio(1, 3),  # dropped one left out, later ones not yet due
        "partner_reports_on_time": Ratio(1, 3),
        "questions_answered": Ratio(2, 5),  # last year's question left out
        "questions_answered_on_time": Ratio(1, 3),
    }
    assert figures.actions_overdue == 1
    assert set(figures.values) == set(MEASURE_IDS)


def test_each_meeting_is_counted_by_hand(brookfield: Brookfield, year: dict[str, Meeting]) -> None:
    july = meeting_figures(meeting=year["july"], as_of=TODAY)
    assert july.quorate is True
    assert (july.substitutes_present, july.young_people_present, july.actions_overdue) == (1, 1, 1)
    assert july.values["councillor_attendance"] == Ratio(3, 5)
    assert july.values["actions_closed_on_time"] == Ratio(1, 3)
    assert july.values["partner_reports_on_time"] == Ratio(1, 1)
    assert july.values["questions_answered"] == Ratio(2, 2)
    assert july.values["questions_answered_on_time"] == Ratio(1, 2)

    september = meeting_figures(meeting=year["september"], as_of=TODAY)
    assert september.quorate is False
    assert september.values["young_people_participation"] == Ratio(0, 1)
    assert september.values["actions_closed_on_time"] == Ratio(0, 0)  # dropped, and one not yet due
    assert september.values["partner_reports_on_time"] == Ratio(0, 1)


def test_a_meeting_not_held_counts_no_attendance(brookfield: Brookfield) -> None:
    planned = brookfield.meeting(dt.date(2026, 7, 9))
    _attend(planned, brookfield, ["ash", "birch", "dale"])
    figures = meeting_figures(meeting=planned, as_of=TODAY)
    assert figures.quorate is None
    assert figures.values["councillor_attendance"] == Ratio(0, 0)
    assert figures.values["quorate_meetings"] == Ratio(0, 0)


def test_a_past_year_is_counted_to_its_last_day_and_years_are_listed(
    brookfield: Brookfield, year: dict[str, Meeting]
) -> None:
    later = year_figures(panel=brookfield.panel, year=YEAR, today=dt.date(2027, 6, 1))
    assert later.as_of == dt.date(2027, 3, 31)
    assert later.values["actions_closed_on_time"] == Ratio(1, 4)  # the March action is now due, still open
    assert later.actions_overdue == 2
    assert later.values["partner_reports_on_time"] == Ratio(1, 4)
    assert [y.label for y in panel_years(panel=brookfield.panel, today=dt.date(2027, 6, 1))] == [
        "2027/28",
        "2026/27",
    ]
    assert PanelYear.containing(dt.date(2027, 3, 31)) == YEAR
    assert PanelYear.containing(dt.date(2027, 4, 1)) == PanelYear(2027)


DAYS = st.dates(min_value=dt.date(2026, 4, 1), max_value=dt.date(2027, 3, 31))


@given(
    st.lists(
        st.tuples(DAYS, st.sampled_from(Action.Status.values), DAYS),
        max_size=30,
    ),
    DAYS,
    DAYS,
)
def test_actions_on_time_never_exceed_those_due_and_more_fall_due_as_time_passes(
    rows: list[tuple[dt.date, str, dt.date]], first: dt.date, second: dt.date
) -> None:
    actions = [
        Action(due_date=due, status=status, closed_on=closed if status == Action.Status.DONE else None)
        for due, status, closed in rows
    ]
    early, late = sorted((first, second))
    before, overdue_before = _actions_due(actions, as_of=early)
    after, _ = _actions_due(actions, as_of=late)
    assert before.numerator + overdue_before <= before.denominator
    assert before.denominator <= after.denominator
    assert before.numerator <= after.numerator
    assert after.denominator == sum(1 for d, s, _ in rows if s != Action.Status.DROPPED and d <= late)


# ------------------------------------------------------------------ the pages and the annual report


def test_the_year_page_shows_each_measure_and_each_meeting(
    client_for: Any, brookfield: Brookfield, year: dict[str, Meeting]
) -> None:
    url = reverse("panels:effectiveness", kwargs={"panel_id": brookfield.panel.pk})
    html = client_for(Role.MEMBER).get(url, {"year": "2026"}).content.decode()
    assert "2026/27 (1 April 2026 to 31 March 2027" in html
    assert "3 meetings held, 1 cancelled" in html
    for measure in MEASURES:
        assert measure.title.replace("'", "&#x27;") in html
    assert "9 of 15 (60%)" in html  # councillors' attendance over the year
    rows = re.findall(
        r"<tr class=\"govuk-table__row\">\s*<th scope=\"row\"[^>]*><a[^>]*>([^<]+)</a></th>(.*?)</tr>",
        html,
        re.S,
    )
    cells = {day: re.findall(r"<td class=\"govuk-table__cell\">([^<]*)</td>", rest) for day, rest in rows}
    assert list(cells) == ["9 July 2026", "10 September 2026", "14 January 2027"]
    assert cells["9 July 2026"][:4] == ["Yes", "3 of 5 (60%)", "1 of 2 (50%)", "1 of 1 (100%)"]
    assert cells["9 July 2026"][-1] == "1 substitute; 1 young person took part"
    assert cells["10 September 2026"][0] == "No"
    assert client_for(Role.MEMBER).get(url, {"year": "1999"}).status_code == 404


def test_the_panel_page_shows_this_year_beside_last_year(
    client_for: Any, brookfield: Brookfield, year: dict[str, Meeting]
) -> None:
    html = client_for(Role.PARTNER).get(reverse("panels:panel", kwargs={"panel_id": brookfield.panel.pk}))
    text = html.content.decode()
    this_year = PanelYear.containing(timezone.localdate())
    assert "How well the panel works" in text
    assert f"{this_year.label} so far" in text and f">{this_year.previous.label}<" in text
    if YEAR in (this_year, this_year.previous):  # the hand-worked year is one of the two shown
        assert "9 of 15 (60%)" in text


def test_a_held_meeting_says_how_well_it_worked_and_a_scheduled_one_does_not(
    client_for: Any, brookfield: Brookfield, year: dict[str, Meeting]
) -> None:
    client = client_for(Role.OFFICER)
    july = client.get(reverse("panels:meeting", kwargs={"meeting_id": year["july"].pk})).content.decode()
    assert "How well this meeting worked" in july
    assert re.search(r"Councillors present</dt><dd[^>]*>3 of 5 \(60%\)</dd>", july)
    assert re.search(r"Quorate</dt><dd[^>]*>Yes</dd>", july)
    march = Meeting.objects.get(panel=brookfield.panel, status=Meeting.Status.SCHEDULED)
    page = client.get(reverse("panels:meeting", kwargs={"meeting_id": march.pk})).content.decode()
    assert "How well this meeting worked" not in page


def test_the_annual_report_opens_as_pdf_and_word_with_the_years_figures(
    client_for: Any, brookfield: Brookfield, year: dict[str, Meeting]
) -> None:
    client = client_for(Role.MEMBER)
    kwargs = {"panel_id": brookfield.panel.pk, "year": 2026}
    pdf_response = client.get(reverse("reports:annual_pdf", kwargs=kwargs))
    assert pdf_response.status_code == 200 and pdf_response["Content-Type"] == "application/pdf"
    assert "corporate-parenting-panel-annual-report-2026-27.pdf" in pdf_response["Content-Disposition"]
    pdf = pdfium.PdfDocument(pdf_response.content)
    try:
        text = "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
        assert pdf[0].get_size() == pytest.approx((595.28, 841.89), abs=0.5)  # A4
    finally:
        pdf.close()
    flat = " ".join(text.split())
    for expected in (
        "Corporate Parenting Panel: annual report 2026/27",
        "How well the panel works",
        "Councillors' attendance 9 of 15 (60%) No meetings held",  # this year beside last year
        "Meeting by meeting",
        "9 July 2026 Yes 3 of 5 (60%)",
        "Report due 2026-09-01",  # the late housing report, listed with when it came
        "3 September 2026 (late)",
        "What each measure counts",
    ):
        assert expected in flat, expected

    word_response = client.get(reverse("reports:annual_docx", kwargs=kwargs))
    assert word_response.status_code == 200
    word = docx.Document(io.BytesIO(word_response.content))
    headings = [(p.style.name, p.text) for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert ("Heading 2", "How well the panel works") in headings
    assert ("Heading 3", "Meeting by meeting") in headings
    measures = next(t for t in word.tables if t.rows[0].cells[0].text == "Measure")
    rows = {r.cells[0].text: [c.text for c in r.cells[1:]] for r in measures.rows[1:]}
    assert rows["Councillors' attendance"] == ["9 of 15 (60%)", "No meetings held"]
    assert client.get(reverse("reports:annual_pdf", kwargs={**kwargs, "year": 1999})).status_code == 404


def test_every_measure_is_documented() -> None:
    docs = " ".join((Path(__file__).resolve().parents[4] / "docs" / "panels.md").read_text().split())
    missing = [m.id for m in MEASURES if m.title not in docs or " ".join(m.definition.split()) not in docs]
    assert not missing, f"docs/panels.md does not define {missing}"


def test_the_api_gives_the_years_measures_and_each_meetings(
    client_for: Any, brookfield: Brookfield, year: dict[str, Meeting]
) -> None:
    url = reverse("api:panels-api:effectiveness", kwargs={"panel_id": brookfield.panel.pk})
    body = client_for(Role.YOUNG_PERSON).get(url, {"year": "2026"}).json()
    assert (body["year"], body["start"], body["end"]) == ("2026/27", "2026-04-01", "2027-03-31")
    assert (body["meetings_held"], body["meetings_cancelled"]) == (3, 1)
    measures = {m["id"]: m for m in body["measures"]}
    assert list(measures) == list(MEASURE_IDS)
    assert measures["councillor_attendance"] | {"definition": ""} == {
        "id": "councillor_attendance",
        "title": "Councillors' attendance",
        "definition": "",
        "numerator": 9,
        "denominator": 15,
        "percent": 60.0,
    }
    assert [m["date"] for m in body["meetings"]] == ["2026-07-09", "2026-09-10", "2027-01-14"]
    july = body["meetings"][0]
    assert (july["quorate"], july["substitutes_present"], july["young_people_present"]) == (True, 1, 1)
    assert july["measures"]["partner_attendance"] == {"numerator": 1, "denominator": 2, "percent": 50.0}
    assert client_for(Role.YOUNG_PERSON).get(url, {"year": "1999"}).status_code == 404


def test_the_effectiveness_endpoint_makes_a_schema_without_warnings() -> None:
    from corparent.panels.api.effectiveness import effectiveness_api_patterns

    schema = schema_without_warnings(effectiveness_api_patterns, "panels")
    assert "/api/v1/panels/{panel_id}/how-well-it-works/" in schema["paths"]
