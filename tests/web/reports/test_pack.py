"""The pack's content, worked out by hand from the small panel in conftest.py: which meeting is
"the previous one", who sits on the panel that day, which actions are in the log and which are
overdue, what the work programme shows, where the scorecard comes from and what the voice section
says when there is nothing to say."""

from __future__ import annotations

from datetime import date

import pytest

from corparent.accounts.models import User
from corparent.panels.models import AgendaItem, Meeting, Minute, Panel
from corparent.reports.document import Chart, Document, Paragraph, Section, Table
from corparent.reports.pack import NO_VOICE, panel_pack
from corparent.reports.pack_scorecard import frozen_themes
from corparent.returns.models import Snapshot, Upload
from corparent.scorecard.models import IndicatorResult

from .conftest import PackWorld, at

pytestmark = pytest.mark.django_db


def section(document: Document, heading: str) -> Section:
    return next(s for top in document.sections for s in top.walk() if s.heading == heading)


def tables(s: Section) -> list[Table]:
    return [b for sub in s.walk() for b in sub.blocks if isinstance(b, Table)]


def paragraphs(s: Section) -> list[str]:
    return [f"{b.label} {b.text}".strip() for sub in s.walk() for b in sub.blocks if isinstance(b, Paragraph)]


def test_the_sections_come_in_the_order_of_a_panel_pack(world: PackWorld) -> None:
    document = panel_pack(meeting=world.meeting)

    assert document.title == "Corporate Parenting Panel, 12 March 2026: meeting pack"
    assert [s.heading for s in document.sections] == [
        "Meeting details",
        "Agenda",
        "Minutes of the previous meeting",
        "Action log",
        "Performance scorecard",
        "Forward work programme",
        "Voice of children and young people",
        "Terms used in this pack",
    ]
    assert document.language == "en-GB"
    assert document.file_stem == "corporate-parenting-panel-2026-03-12-pack"


def test_the_cover_gives_the_time_and_place_and_the_seats_held_that_day(world: PackWorld) -> None:
    cover = section(panel_pack(meeting=world.meeting), "Meeting details")
    details, membership = tables(cover)

    assert dict(details.rows)["Time"] == "6pm"
    assert dict(details.rows)["Place"] == "Committee Room 1, Town Hall"
    # The chair first, then the vice-chair; the member whose seat ended on 1 February is gone; the
    # vacant seat is listed so the panel sees it.
    assert [(r[0], r[1], r[3]) for r in membership.rows] == [
        ("Cllr Ada Brown", "Chair", "Yes"),
        ("Cllr Ben Cole", "Vice-chair", "Yes"),
        ("Dr Priya Shah", "Member", "No"),
        ("Jo Young", "Member", "No"),
        ("Vacant seat", "Member", "Yes"),
    ]
    assert membership.rows[0][2] == "Councillor, Labour, Riverside ward"
    assert membership.rows[2][2] == (
        "Partner, Designated Nurse for Children in Care, Riverside Integrated Care Board"
    )


def test_the_agenda_numbers_the_items_and_names_who_presents(world: PackWorld) -> None:
    (agenda,) = tables(section(panel_pack(meeting=world.meeting), "Agenda"))

    assert agenda.rows[0] == ("1", "Apologies for absence", "")
    assert agenda.rows[4] == ("5", "Performance scorecard", "Head of Service")
    # A deep dive with no presenter named is presented by the partner asked to report.
    assert agenda.rows[6] == (
        "7",
        "Emotional wellbeing and mental health services",
        "Riverside Integrated Care Board",
    )
    assert len(agenda.rows) == 8


def test_the_previous_minutes_are_the_last_meeting_held_not_the_cancelled_one(world: PackWorld) -> None:
    minutes = section(panel_pack(meeting=world.meeting), "Minutes of the previous meeting")

    assert paragraphs(minutes)[:3] == [
        "The meeting held on 15 January 2026.",
        "Present: Cllr Ada Brown, Dr Priya Shah",
        "Apologies: Cllr Ben Cole",
    ]
    assert [s.heading for s in minutes.subsections] == [
        "1. Apologies for absence",
        "2. Voice of children and young people",
        "3. Education of children in care",
    ]
    assert paragraphs(minutes.subsections[2]) == [
        "The Virtual School Head presented attendance figures.",
        "Resolved: That the panel notes the report and asks for termly updates.",
    ]


def test_a_first_meeting_has_no_previous_minutes(world: PackWorld) -> None:
    first = Meeting.objects.create(panel=world.panel, starts_at=at(2025, 6, 1))

    minutes = section(panel_pack(meeting=first), "Minutes of the previous meeting")

    assert paragraphs(minutes) == ["This is the panel's first meeting: there are no previous minutes."]


def test_the_action_log_holds_open_actions_and_those_closed_since_the_last_meeting(
    world: PackWorld,
) -> None:
    actions = section(panel_pack(meeting=world.meeting), "Action log")
    (log,) = tables(actions)

    # Due-date order. The action closed on 10 January (before the 15 January meeting) is not here.
    assert [(r[1], r[3], r[4]) for r in log.rows] == [
        (
            "Share health assessment timeliness by team",
            "1 February 2026",
            "Open: overdue (was due 1 February 2026)",
        ),
        ("Visit the new children's home", "28 February 2026", "Done on 20 February 2026"),
        ("Write to schools about pocket money for children in care", "30 April 2026", "In progress"),
    ]
    assert log.rows[0][2] == "Riverside Integrated Care Board"
    assert log.rows[0][5].endswith(": Data requested from the provider")
    assert paragraphs(actions)[0] == (
        "2 open (of which 1 overdue on 12 March 2026) and 1 closed since the last meeting."
    )


def test_an_action_is_overdue_only_once_its_due_date_has_passed_by_the_meeting(world: PackWorld) -> None:
    later = Meeting.objects.create(panel=world.panel, starts_at=at(2026, 5, 7))

    (log,) = tables(section(panel_pack(meeting=later), "Action log"))

    # By 7 May the pocket-money action (due 30 April) is overdue too; the visit, closed before the
    # 12 March meeting (the previous one now), has left the log.
    assert [r[4] for r in log.rows] == [
        "Open: overdue (was due 1 February 2026)",
        "In progress: overdue (was due 30 April 2026)",
    ]


def test_the_work_programme_leaves_out_what_was_presented_before(world: PackWorld) -> None:
    fwp = section(panel_pack(meeting=world.meeting), "Forward work programme")
    (programme,) = tables(fwp)

    assert [(r[0], r[1], r[3], r[5]) for r in programme.rows] == [
        (
            "Mental health",
            "Emotional wellbeing and mental health services",
            "12 March 2026",
            "Report received",
        ),
        ("Voice", "What the Children in Care Council told us", "12 March 2026", "Report received"),
        ("Housing", "Housing for care leavers", "Not yet scheduled", "Report requested"),
    ]
    assert "Waiting times for first appointments fell to 9 weeks." in paragraphs(fwp)


def test_the_voice_summary_has_the_voice_reports_and_minutes(world: PackWorld) -> None:
    voice_item = world.meeting.agenda.get(kind=AgendaItem.Kind.VOICE)
    Minute.objects.create(
        meeting=world.meeting,
        agenda_item=voice_item,
        text="Two care leavers described moving into their first flat.",
    )

    voice = section(panel_pack(meeting=world.meeting), "Voice of children and young people")

    assert paragraphs(voice) == [
        "Two care leavers described moving into their first flat.",
        "Report: Young people on health checks (Riverside Integrated Care Board)",
        "Young people asked for health checks at school, not at clinics.",
    ]


def test_a_meeting_with_no_voice_items_says_so(db: None) -> None:
    panel = Panel.objects.create(name="Corporate Parenting Board", kind="board")
    meeting = Meeting.objects.create(panel=panel, starts_at=at(2026, 3, 12))

    voice = section(panel_pack(meeting=meeting), "Voice of children and young people")

    assert paragraphs(voice) == [NO_VOICE]


def test_the_frozen_scorecard_is_shown_as_frozen_with_hidden_figures_hidden(world: PackWorld) -> None:
    scorecard = section(panel_pack(meeting=world.meeting), "Performance scorecard")

    assert paragraphs(scorecard)[0] == "The figures were frozen into this meeting on 2 Mar 2026."
    assert [s.heading for s in scorecard.subsections] == ["How many children are in our care", "Health"]
    health = tables(scorecard.subsections[1])[0]
    assert health.rows == (
        ("Annual health assessment done", "88.5%", "31 Mar 2025", "Red: misses the target", "95.0% or more"),
        ("Dental check done", "hidden", "31 Mar 2025", "", ""),
    )
    # The chart draws only the figure that is shown, and says it in words.
    (chart,) = [b for b in scorecard.subsections[1].blocks if isinstance(b, Chart)]
    assert "Annual health assessment done 88.5%" in chart.alt
    assert "Dental" not in chart.alt and "Dental" not in chart.svg


def test_a_scorecard_frozen_as_themes_reads_the_same() -> None:
    themes = frozen_themes(
        [
            {
                "title": "Health",
                "rows": [
                    {
                        "indicator_id": "dental_check_pct",
                        "value": 71.25,
                        "unit": "%",
                        "reference_date": "2025-03-31",
                        "rag": {"label": "Amber"},
                        "target": 75,
                    },
                    {
                        "indicator_title": "Immunisations up to date",
                        "value": 4,
                        "unit": "count",
                        "suppressed": True,
                    },
                ],
            },
        ]
    )

    assert [t.title for t in themes] == ["Health"]
    assert [(r.title, r.figure, r.as_at, r.rag, r.target, r.percentage) for r in themes[0].rows] == [
        ("dental_check_pct", "71.2%", "31 Mar 2025", "Amber: just misses the target", "75.0%", 71.25),
        ("Immunisations up to date", "hidden", "", "", "", None),
    ]


def _published(by: User, figures: dict[str, tuple[float, str]]) -> Snapshot:
    upload = Upload.objects.create(uploaded_by=by, latest_year=2025, collection_years=[])
    snapshot = Snapshot.objects.create(
        upload=upload,
        reference_date=date(2025, 3, 31),
        reference_dates=["2025-03-31"],
        published_by=by,
        status=Snapshot.Status.READY,
        definition_version="1",
    )
    for indicator, (value, unit) in figures.items():
        IndicatorResult.objects.create(
            snapshot=snapshot,
            indicator_id=indicator,
            reference_date=date(2025, 3, 31),
            numerator=value,
            value=value,
            unit=unit,
            definition_version="1",
        )
    return snapshot


def test_without_a_frozen_scorecard_the_latest_published_figures_are_shown_suppressed(
    world: PackWorld,
) -> None:
    world.meeting.frozen_scorecard = []
    world.meeting.save()
    snapshot = _published(world.clerk, {"cla": (40, "count"), "uasc": (3, "count")})

    scorecard = section(panel_pack(meeting=world.meeting), "Performance scorecard")

    assert paragraphs(scorecard)[0] == (
        "The scorecard has not been frozen into this meeting: these are the published figures as at "
        f"31 Mar 2025 (snapshot {snapshot.pk})."
    )
    rows = {r[0]: r[1] for t in tables(scorecard) for r in t.rows}
    # 40 children is shown; 3 unaccompanied children is a count of 1 to 5, so it is hidden.
    assert rows == {
        "Children looked after": "40",
        "Unaccompanied asylum-seeking children looked after": "hidden",
    }


def test_without_any_published_figures_the_scorecard_says_so(world: PackWorld) -> None:
    world.meeting.frozen_scorecard = []
    world.meeting.save()

    scorecard = section(panel_pack(meeting=world.meeting), "Performance scorecard")

    assert paragraphs(scorecard) == ["No published figures are available for this meeting."]


def test_the_acronyms_used_are_explained_at_the_end(world: PackWorld) -> None:
    terms = section(panel_pack(meeting=world.meeting), "Terms used in this pack")

    (table,) = tables(terms)
    assert [r[0] for r in table.rows] == ["CiCC"]


def test_a_scorecard_frozen_by_the_meetings_service_prints_as_frozen(world: PackWorld) -> None:
    """The contract with panels.services.meetings.scorecard_freeze: what it stores, the pack reads."""
    from corparent.panels.services.meetings import scorecard_freeze

    world.clerk.role = "officer"
    world.clerk.save()
    _published(world.clerk, {"cla": (40, "count"), "uasc": (3, "count")})
    scorecard_freeze(user=world.clerk, meeting=world.meeting)

    scorecard = section(panel_pack(meeting=world.meeting), "Performance scorecard")

    assert paragraphs(scorecard)[0].startswith("The figures were frozen into this meeting on ")
    rows = {r[0]: (r[1], r[2]) for t in tables(scorecard) for r in t.rows}
    assert rows == {
        "Children looked after": ("40", "31 Mar 2025"),
        "Unaccompanied asylum-seeking children looked after": ("hidden", "31 Mar 2025"),
    }
