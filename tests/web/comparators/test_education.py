"""The Education page: DfE's published results of children looked after for 12 months, by academic
year, for the council beside England, its region and its statistical neighbours' median.

On the fixtures (tests/fixtures/dfe, invented figures): Testshire (980), with DfE's model's 10
neighbours 981 to 990, of which 981 to 985 are in the files. Hand-worked neighbours' medians:

| measure, academic year | 981 | 982 | 983 | 984 | 985 | with a figure | median |
|---|---|---|---|---|---|---|---|
| key stage 2 %, 2024/25 | 20 | c | 50 | 40 | (no row) | 3 of 10 | 40 |
| key stage 2 %, 2023/24 | 10 | 30 | 20 | x | 60 | 4 of 10 | (20 + 30) / 2 = 25 |
| Attainment 8, 2024/25 | 12 | 20.5 | c | 18.1 | 14 | 4 of 10 | (14 + 18.1) / 2 = 16.05 |
| Progress 8, 2023/24 | -1.5 | -0.5 | c | c | (no row) | 2 of 10 | -1 |
| overall absence %, 2024/25 | 8 | 12.5 | 11 | c | 7 | 4 of 10 | (8 + 11) / 2 = 9.5 |
| persistent absence %, 2024/25 | 18 | 30 | 25 | c | 15 | 4 of 10 | (18 + 25) / 2 = 21.5 |
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from corparent.accounts.models import User
from corparent.accounts.roles import Role
from corparent.comparators.models import ComparatorImport, ComparatorValue
from corparent.comparators.selectors import education_comparisons
from corparent.comparators.services import council_configure, synthetic_comparators_create
from tests.web.api_schema import schema_without_warnings
from tests.web.comparators.conftest import FIXTURES, MODEL, import_fixture
from tests.web.comparators.education_page import rows_by_year

KS2, KS4, ABSENCE = (FIXTURES / f"{n}_la.csv" for n in ("ks2", "ks4", "absence"))
URL = "/comparators/education/"
KS2_TITLE = "Key stage 2: reading, writing and maths at the expected standard"
ATT8_TITLE = "Key stage 4: Attainment 8 average score"
P8_TITLE = "Key stage 4: Progress 8 average score"
ABSENCE_TITLE = "Overall absence"
PERSISTENT_TITLE = "Persistent absence"


@pytest.fixture
def testshire(people: dict[Role, User]) -> User:
    """The model and the three education files imported; the council is Testshire (980)."""
    analyst = people[Role.ANALYST]
    for path in (MODEL, KS2, KS4, ABSENCE):
        import_fixture(analyst, path)
    council_configure(name="Testshire", la_code="980")
    return analyst


def _values() -> list[tuple[object, ...]]:
    return list(
        ComparatorValue.objects.order_by("id").values_list(
            "indicator_id", "year", "area_code", "value", "marker", "source_id"
        )
    )


@pytest.mark.parametrize("role", list(Role))
def test_every_role_that_sees_the_scorecard_sees_the_education_page(
    client_for: Callable[[Role], Client], role: Role, testshire: User
) -> None:
    response = client_for(role).get(URL)
    assert response.status_code == 200
    assert rows_by_year(response.content.decode(), KS2_TITLE)["2024/25"][0] == "30%"


def test_someone_not_signed_in_is_sent_to_sign_in(client: Client) -> None:
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/sign-in/")


def test_the_education_page_is_in_the_navigation_for_a_young_person(
    client_for: Callable[[Role], Client],
) -> None:
    page = client_for(Role.YOUNG_PERSON).get("/").content.decode()
    assert f'href="{URL}"' in page


def test_each_measure_by_academic_year_with_england_region_and_neighbours_median(
    client_for: Callable[[Role], Client], testshire: User
) -> None:
    # Given the fixtures imported and Testshire set; when a councillor opens the page
    html = client_for(Role.MEMBER).get(URL).content.decode()
    # Then each measure's table reads: the council, England, the region, the neighbours' median
    ks2 = rows_by_year(html, KS2_TITLE)
    assert list(ks2) == ["2024/25", "2023/24"]  # newest first
    assert ks2["2024/25"] == ["30%", "35%", "40%", "40% | Median of 3 of 10 with a figure"]
    assert ks2["2023/24"] == [
        "c | suppressed to protect confidentiality",
        "34%",
        "38%",
        "25% | Median of 4 of 10 with a figure",
    ]
    att8 = rows_by_year(html, ATT8_TITLE)
    assert att8["2024/25"] == ["15.5", "17.3", "18", "16.05 | Median of 4 of 10 with a figure"]
    p8 = rows_by_year(html, P8_TITLE)
    assert p8["2024/25"][0] == "x | not available"
    assert p8["2023/24"] == [
        "\u22120.85",
        "\u22121.31",
        "\u22121.2",
        "\u22121 | Median of 2 of 10 with a figure",
    ]
    assert rows_by_year(html, ABSENCE_TITLE)["2024/25"] == [
        "9.7%",
        "9%",
        "10.1%",
        "9.5% | Median of 4 of 10 with a figure",
    ]
    assert rows_by_year(html, PERSISTENT_TITLE)["2024/25"][3] == "21.5% | Median of 4 of 10 with a figure"
    # and the columns are named by the council and its region, with the measure's meaning and direction
    assert '<th scope="col" class="govuk-table__header govuk-table__header--numeric">Testshire</th>' in html
    assert "Invented Region</th>" in html
    assert "10% or more of their school sessions" in html and "Lower is better." in html


def test_the_comparison_holds_the_stored_figures_and_the_median_count(testshire: User) -> None:
    by_year = dict(education_comparisons()["ks2_rwm_expected_pct"])
    latest = by_year[2025]
    assert latest.council is not None and latest.council.value == 30
    assert latest.neighbours is not None and latest.neighbours.value == 40
    assert (latest.neighbour_count, latest.neighbours_configured) == (3, 10)
    assert by_year[2024].council is not None and by_year[2024].council.marker == "c"


def test_before_anything_is_imported_the_page_says_so(client_for: Callable[[Role], Client]) -> None:
    page = client_for(Role.PARTNER).get(URL).content.decode()
    assert "No education figures have been imported yet" in page
    assert "The council has not been set yet" in page


def test_an_education_file_imported_through_the_form_is_listed_by_academic_year(
    client_for: Callable[[Role], Client],
) -> None:
    client = client_for(Role.ANALYST)
    upload = SimpleUploadedFile(KS2.name, KS2.read_bytes(), content_type="text/csv")
    response = client.post("/comparators/import/", {"file": upload}, follow=True)
    page = response.content.decode()
    assert f"Imported {KS2.name}: Key stage 2 attainment of children looked after for 12 months" in page
    assert ComparatorValue.objects.filter(indicator_id="ks2_rwm_expected_pct").count() == 15
    # the comparators page gives the latest year as an academic year
    assert '<td class="govuk-table__cell">2024/25</td>' in page


def _bad(path: Path, old: bytes, new: bytes) -> bytes:
    content = path.read_bytes()
    assert old in content
    return content.replace(old, new, 1)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "ks2.csv",
            _bad(KS2, b",10,3,30,", b",10,3,thirty,"),
            "ks2.csv, row 7, column pt_rwm_met_expected_standard: expected a number",
        ),
        (
            "ks4.csv",
            _bad(KS4, b"202425,Academic year,National", b"2024-25,Academic year,National"),
            "ks4.csv, row 2, column time_period: expected a year such as 2025 or an academic year",
        ),
        (
            "absence.csv",
            ABSENCE.read_bytes().replace(b"CLA 12 months at 31 March", b"CLA at 31 March"),
            "expected rows with the filter values we compare",
        ),
    ],
)
def test_a_bad_education_file_is_a_400_naming_the_problem_and_changes_nothing(
    client_for: Callable[[Role], Client], testshire: User, name: str, content: bytes, message: str
) -> None:
    before, imports = _values(), ComparatorImport.objects.count()
    response = client_for(Role.ANALYST).post(
        "/comparators/import/", {"file": SimpleUploadedFile(name, content)}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "The file was not imported" in page and message in page.replace("&#x27;", "'")
    assert _values() == before and ComparatorImport.objects.count() == imports


@pytest.mark.parametrize("role", [Role.OFFICER, Role.MEMBER, Role.PARTNER, Role.YOUNG_PERSON])
def test_only_admins_and_analysts_may_import_education_files(
    client_for: Callable[[Role], Client], role: Role
) -> None:
    upload = SimpleUploadedFile(KS2.name, KS2.read_bytes(), content_type="text/csv")
    assert client_for(role).post("/comparators/import/", {"file": upload}).status_code == 403
    assert not ComparatorValue.objects.exists()


def test_the_demo_councils_education_figures_are_invented_and_labelled(
    client_for: Callable[[Role], Client], db: None
) -> None:
    # Given the demo council with its invented comparators
    council = council_configure(name="Demo Council", la_code="999", synthetic=True)
    synthetic_comparators_create(council=council)
    # Then every education figure, England's too, comes from an invented (synthetic) import
    education = ComparatorValue.objects.filter(indicator_id__in=list(education_comparisons()))
    assert education.filter(area_code="999").count() == 5 * 3  # five measures, three academic years
    assert not education.filter(source__synthetic=False).exists()
    # and the page shows three academic years, each labelled synthetic
    html = client_for(Role.MEMBER).get(URL).content.decode()
    rows = rows_by_year(html, KS2_TITLE)
    assert list(rows) == ["2024/25", "2023/24", "2022/23"]
    assert all("Synthetic" in cell for cell in rows["2024/25"][1:3])
    assert "are invented for this demo council" in html


def test_the_api_gives_each_measure_by_academic_year_to_every_role_that_sees_the_scorecard(
    client_for: Callable[[Role], Client], testshire: User
) -> None:
    for role in Role:
        assert client_for(role).get("/api/v1/comparators/education/").status_code == 200
    rows = client_for(Role.PARTNER).get("/api/v1/comparators/education/").json()
    ks2 = {r["academic_year"]: r for r in rows if r["measure"] == "ks2_rwm_expected_pct"}
    assert list(ks2) == ["2024/25", "2023/24"]
    latest = ks2["2024/25"]
    assert latest["year"] == 2025 and latest["unit"] == "percent" and latest["polarity"] == "up"
    assert latest["council"] == {"label": "Testshire", "value": 30.0, "marker": "", "synthetic": False}
    assert latest["england"]["value"] == 35 and latest["region"]["value"] == 40
    assert latest["neighbours_median"]["value"] == 40
    assert (latest["neighbours_with_figure"], latest["neighbours_configured"]) == (3, 10)
    assert ks2["2023/24"]["council"]["marker"] == "c" and ks2["2023/24"]["council"]["value"] is None


def test_the_api_refuses_someone_not_signed_in(client: Client) -> None:
    assert client.get("/api/v1/comparators/education/").status_code in (401, 403)


def test_the_education_endpoint_makes_a_schema_without_warnings() -> None:
    from corparent.comparators.api import api_patterns

    schema = schema_without_warnings(api_patterns, "comparators")
    assert "/api/v1/comparators/education/" in schema["paths"]
