"""Importing values from the template: a good file, a bad one (nothing changes), the download."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from corparent.accounts.models import User
from corparent.accounts.roles import Role
from corparent.measures import selectors, services
from corparent.measures.models import Measure, MeasureValue

GOOD = (
    "period_start,period,numerator,denominator,note\n"
    "2024-04-01,April 2024,12,16,\n"
    "2024-05-01,May 2024,,,\n"  # left blank: skipped
    "2024-06-01,June 2024,9,10,one late\n"
)
BAD = (
    "period_start,period,numerator,denominator,note\n"
    "2024-04-01,April 2024,12,16,\n"  # fine, but the file is refused whole
    "2024-04-15,,3,4,\n"  # not the start of a month
    "2024-06-01,,lots,10,\n"  # not a number
    "2024-07-01,,11,10,\n"  # more than the denominator
    "2024-04-01,,1,2,\n"  # April again
    "2099-01-01,,1,2,\n"  # not ended
)


def test_a_good_file_imports_its_filled_rows(people: dict[Role, User], health_measure: Measure) -> None:
    written = services.measure_values_import(
        user=people[Role.OFFICER], measure=health_measure, file_name="iha.csv", content=GOOD.encode()
    )
    assert written == 2
    values = selectors.current_values(measures=[health_measure])[health_measure.pk]
    assert sorted(values) == [date(2024, 4, 1), date(2024, 6, 1)]
    assert values[date(2024, 4, 1)].value == 75.0
    assert values[date(2024, 6, 1)].note == "one late"
    assert values[date(2024, 6, 1)].source == MeasureValue.Source.IMPORT
    # importing the same file again adds nothing
    assert (
        services.measure_values_import(
            user=people[Role.OFFICER], measure=health_measure, file_name="iha.csv", content=GOOD.encode()
        )
        == 0
    )


def test_a_bad_file_names_every_problem_and_changes_nothing(
    people: dict[Role, User], health_measure: Measure
) -> None:
    with pytest.raises(ValidationError) as caught:
        services.measure_values_import(
            user=people[Role.OFFICER], measure=health_measure, file_name="iha.csv", content=BAD.encode()
        )
    problems = caught.value.messages
    assert problems == [
        "iha.csv, row 3, column period_start: expected the first day of a monthly period, "
        "found '2024-04-15'.",
        "iha.csv, row 4, column numerator: expected a number, found 'lots'.",
        "iha.csv, row 5, column numerator: "
        "the numerator cannot be more than the denominator for a percentage.",
        "iha.csv, row 6, column period_start: 2024-04-01 is also on row 2; give each period once.",
        "iha.csv, row 7, column period_start: expected a period from 2024-04-01 that has ended, "
        "found '2099-01-01' (January 2099).",
    ]
    assert not MeasureValue.objects.exists()


def test_a_file_without_the_columns_is_refused(people: dict[Role, User], council_measure: Measure) -> None:
    with pytest.raises(ValidationError) as caught:
        services.measure_values_import(
            user=people[Role.OFFICER],
            measure=council_measure,
            file_name="pa.csv",
            content=b"month,caseload\n",
        )
    assert (
        "pa.csv: the first row must name the columns period_start, period, value, note"
        in caught.value.messages[0]
    )
    assert "period_start, value are missing" in caught.value.messages[0]


def test_the_template_round_trips(
    people: dict[Role, User], council_measure: Measure, client_for: Callable[[Role], Client]
) -> None:
    services.measure_value_submit(
        user=people[Role.OFFICER], measure=council_measure, period_start=date(2024, 4, 1), value=21.5
    )
    response = client_for(Role.OFFICER).get(f"/measures/{council_measure.pk}/template.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert rows[0] == {"period_start": "2024-04-01", "period": "April 2024", "value": "21.5", "note": ""}
    assert rows[1]["period_start"] == "2024-05-01" and rows[1]["value"] == ""
    assert len(rows) == len(selectors.measure_periods(measure=council_measure))
    # fill one more period in and import it back
    rows[1]["value"] = "19"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    response = client_for(Role.OFFICER).post(
        f"/measures/{council_measure.pk}/import/",
        {"file": SimpleUploadedFile("pa.csv", out.getvalue().encode(), content_type="text/csv")},
    )
    assert response.status_code == 302
    values = selectors.current_values(measures=[council_measure])[council_measure.pk]
    assert {d: v.value for d, v in values.items()} == {date(2024, 4, 1): 21.5, date(2024, 5, 1): 19.0}


def test_the_import_page_shows_the_problems_with_a_400(
    people: dict[Role, User], health_measure: Measure, client_for: Callable[[Role], Client]
) -> None:
    response = client_for(Role.OFFICER).post(
        f"/measures/{health_measure.pk}/import/",
        {"file": SimpleUploadedFile("iha.csv", BAD.encode(), content_type="text/csv")},
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "Nothing was changed" in text
    assert "iha.csv, row 4, column numerator: expected a number, found &#x27;lots&#x27;." in text
    assert not MeasureValue.objects.exists()


def test_partners_may_not_import(health_measure: Measure, client_for: Callable[[Role], Client]) -> None:
    response = client_for(Role.PARTNER).post(
        f"/measures/{health_measure.pk}/import/",
        {"file": SimpleUploadedFile("iha.csv", GOOD.encode(), content_type="text/csv")},
    )
    assert response.status_code == 403
    assert not MeasureValue.objects.exists()
