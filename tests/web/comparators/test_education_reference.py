"""The real DfE education files (../shared/reference/dfe) imported through the service, for Kent (886):
every academic year's stored and displayed figure equals the file's cell for Kent, England and the
South East, and the statistical neighbours' median equals the median worked out here from the file.

Kent is chosen because its children looked after publish unsuppressed results in most years.
Skipped, saying why, where the files are absent (they are not part of the repo).
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from statistics import median

import pytest
from django.test import Client

from corparent.accounts.models import User
from corparent.accounts.roles import Role
from corparent.comparators.selectors import education_comparisons
from corparent.comparators.services import comparator_file_import, council_configure
from tests.web.comparators.education_page import rows_by_year

pytestmark = pytest.mark.reference
REFERENCE = Path(__file__).resolve().parents[3].parent / "shared" / "reference" / "dfe"
KENT, SOUTH_EAST, ENGLAND = "886", "E12000008", "E92000001"
CLA = "CLA 12 months at 31 March"
# Our measure -> (its title on the page, the DfE file, the column of the published figure, is it a %).
MEASURES = {
    "ks2_rwm_expected_pct": (
        "Key stage 2: reading, writing and maths at the expected standard",
        "ks2_la.csv",
        "pt_rwm_met_expected_standard",
        True,
    ),
    "ks4_attainment8_avg": ("Key stage 4: Attainment 8 average score", "ks4_la.csv", "avg_att8", False),
    "ks4_progress8_avg": ("Key stage 4: Progress 8 average score", "ks4_la.csv", "avg_p8score", False),
    "absence_overall_pct": ("Overall absence", "absence_la.csv", "pt_overall", True),
    "persistent_absence_pct": ("Persistent absence", "absence_la.csv", "pt_pupils_pa_10_exact", True),
}


@pytest.fixture
def reference() -> Path:
    if not (REFERENCE / "ks2_la.csv").exists():
        pytest.skip(f"the real DfE files are not here ({REFERENCE}); they live outside the repo")
    return REFERENCE


def _cells(path: Path, column: str) -> dict[tuple[int, str], str]:
    """(year ending, area code) -> the file's cell, for children looked after 12 months (all phases)."""
    out: dict[tuple[int, str], str] = {}
    with path.open(encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f):
            if r["social_care_group"] != CLA or r.get("phase_type_grouping", "Total") != "Total":
                continue
            code = {"National": r["country_code"], "Regional": r["region_code"]}.get(
                r["geographic_level"], r["old_la_code"]
            )
            out[(int(r["time_period"][:4]) + 1, code)] = r[column]
    return out


def _number(cell: str) -> float | None:
    try:
        return float(cell)
    except ValueError:
        return None


def _shown(cell: str, percent: bool) -> str:
    """How the page shows a published cell: the figure as DfE wrote it (a true minus sign), or the symbol."""
    if _number(cell) is None:
        return cell
    return cell.replace("-", "\u2212") + ("%" if percent else "")


def test_kents_education_figures_match_the_dfe_files(
    reference: Path, people: dict[Role, User], client_for: Callable[[Role], Client]
) -> None:
    for name in ("sn_model_2025_wide.csv", "ks2_la.csv", "ks4_la.csv", "absence_la.csv"):
        comparator_file_import(user=people[Role.ANALYST], path_or_file=reference / name, file_name=name)
    council = council_configure(name="Kent", la_code=KENT)
    with (reference / "sn_model_2025_wide.csv").open(encoding="utf-8-sig", newline="") as f:
        model = next(r for r in csv.DictReader(f) if r["old_la_code"] == KENT)
    neighbours = [model[f"SN_{k}"] for k in range(1, 11)]
    assert council.statistical_neighbours == neighbours and council.region_code == SOUTH_EAST

    stored = education_comparisons()
    html = client_for(Role.MEMBER).get("/comparators/education/").content.decode()
    checked = 0
    for measure_id, (title, file_name, column, percent) in MEASURES.items():
        cells = _cells(reference / file_name, column)
        years = sorted({y for y, code in cells if code == KENT}, reverse=True)
        assert [y for y, _ in stored[measure_id]] == years
        shown = rows_by_year(html, title)
        for year, found in stored[measure_id]:
            where = f"{measure_id} {year}"
            own, england, region = cells[(year, KENT)], cells[(year, ENGLAND)], cells[(year, SOUTH_EAST)]
            for comparator, cell in ((found.council, own), (found.england, england), (found.region, region)):
                assert comparator is not None, where
                assert comparator.value == _number(cell), where
                assert comparator.marker == ("" if _number(cell) is not None else cell), where
            published = [v for v in (_number(cells.get((year, c), "")) for c in neighbours) if v is not None]
            assert found.neighbour_count == len(published), where
            assert (found.neighbours.value if found.neighbours else None) == (
                median(published) if published else None
            ), where
            row = shown[f"{year - 1}/{year % 100:02d}"]
            assert [c.split(" | ")[0] for c in row[:3]] == [
                _shown(own, percent),
                _shown(england, percent),
                _shown(region, percent),
            ], where
            checked += 1
    # seven academic years (2018/19 to 2024/25) of five measures
    assert checked == 35
    # a year Kent's figure was published: key stage 2 in 2024/25 was 27% (England 35%, South East 30%)
    assert rows_by_year(html, MEASURES["ks2_rwm_expected_pct"][0])["2024/25"][:3] == ["27%", "35%", "30%"]
