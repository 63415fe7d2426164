"""Survey results and complaints counts from CSV: the template imports as it is, a bad file names
its file, row, column and what was expected and changes nothing, and small numbers are hidden from
everyone but analysts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from corparent.accounts.models import User
from corparent.accounts.roles import Role
from corparent.voice import imports, selectors
from corparent.voice.models import FeedbackCount, SurveyResult

pytestmark = pytest.mark.django_db

GOOD = (
    "survey,year,domain,respondents,positive\n"
    "Wellbeing,2025,I feel safe,40,36\n"  # 36 and 4 not positive: 4 is small, so hidden whole
    "Wellbeing,2025,I have a trusted adult,40,30\n"  # 40, 30 and 10: shown
    "Wellbeing,2024,I have a trusted adult,5,5\n"  # 5 respondents: hidden
    "Wellbeing,2024,I feel safe,12,0\n"  # 0 is shown (only 1 to 5 is hidden)
)


def _upload(text: str, name: str = "wellbeing.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


def test_the_template_imports_as_it_is(people: dict[Role, User]) -> None:
    for kind, importer in (("survey", imports.survey_results_import), ("feedback", imports.feedback_import)):
        assert (
            importer(user=people[Role.OFFICER], file_name="t.csv", content=imports.template(kind).encode())
            == 2
        )
    assert SurveyResult.objects.count() == 2 and FeedbackCount.objects.count() == 2


def test_a_bad_file_names_every_problem_and_changes_nothing(client_for: Callable[[Role], Client]) -> None:
    SurveyResult.objects.create(
        survey="Wellbeing", year=2025, domain="I feel safe", respondents=10, positive=9
    )
    bad = (
        "survey,year,domain,respondents,positive\n"
        "Wellbeing,2025,I feel safe,40,36\n"
        "Wellbeing,twenty,I feel safe,40,36\n"
        "Wellbeing,2025,I have a trusted adult,40,41\n"
    )
    response = client_for(Role.OFFICER).post("/voice/surveys/import/", {"file": _upload(bad)})

    assert response.status_code == 400
    text = response.content.decode()
    assert "wellbeing.csv, row 3, column year: expected a year such as 2025, got &#x27;twenty&#x27;" in text
    assert (
        "wellbeing.csv, row 4, column positive: expected at most respondents (40), got &#x27;41&#x27;" in text
    )
    assert "Nothing was changed." in text
    assert list(SurveyResult.objects.values_list("respondents", "positive")) == [(10, 9)]


def test_a_missing_column_is_named(people: dict[Role, User]) -> None:
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as caught:
        imports.feedback_import(
            user=people[Role.OFFICER], file_name="q.csv", content=b"quarter_start,kind,count\n"
        )
    assert caught.value.messages == [
        "q.csv, row 1 (the header): missing column(s) theme; expected quarter_start, kind, theme, count"
    ]


def test_feedback_rows_must_be_quarters_and_kinds(people: dict[Role, User]) -> None:
    from django.core.exceptions import ValidationError

    body = b"quarter_start,kind,theme,count\n2025-05-01,moan,Contact,3\n"
    with pytest.raises(ValidationError) as caught:
        imports.feedback_import(user=people[Role.OFFICER], file_name="q.csv", content=body)
    assert caught.value.messages == [
        "q.csv, row 2, column quarter_start: expected the first day of a quarter, such as 2025-04-01,"
        " got '2025-05-01'",
        "q.csv, row 2, column kind: expected complaint or compliment, got 'moan'",
    ]


def test_small_numbers_are_hidden_from_members_but_not_analysts(people: dict[Role, User]) -> None:
    imports.survey_results_import(user=people[Role.OFFICER], file_name="w.csv", content=GOOD.encode())

    member = {
        (r.year, r.domain): (r.respondents, r.percent)
        for r in selectors.survey_rows(user=people[Role.MEMBER])
    }
    analyst = {
        (r.year, r.domain): (r.respondents, r.percent)
        for r in selectors.survey_rows(user=people[Role.ANALYST])
    }

    assert member == {
        (2025, "I feel safe"): (None, None),
        (2025, "I have a trusted adult"): (40, 75.0),
        (2024, "I have a trusted adult"): (None, None),
        (2024, "I feel safe"): (12, 0.0),
    }
    assert analyst[(2025, "I feel safe")] == (40, 90.0)
    assert analyst[(2024, "I have a trusted adult")] == (5, 100.0)


def test_complaint_counts_of_1_to_5_are_hidden_on_the_page(
    people: dict[Role, User], client_for: Callable[[Role], Client]
) -> None:
    FeedbackCount.objects.create(
        quarter_start=date(2025, 4, 1), kind="complaint", theme="Contact with family", count=3
    )
    FeedbackCount.objects.create(
        quarter_start=date(2025, 4, 1), kind="compliment", theme="Social worker", count=12
    )

    for role, shown in ((Role.YOUNG_PERSON, "Fewer than 6"), (Role.ANALYST, ">3<")):
        text = client_for(role).get("/voice/complaints-and-compliments/").content.decode()
        assert shown in text and ">12<" in text
    assert ">3<" not in client_for(Role.MEMBER).get("/voice/complaints-and-compliments/").content.decode()
