"""The real DfE files (../shared/reference/dfe) imported through the service: Camden (202), by hand.

Skipped, saying why, where the files are absent (they are not part of the repo).
"""

from __future__ import annotations

import csv
from pathlib import Path
from statistics import median

import pytest

from corparent.accounts.models import User
from corparent.accounts.roles import Role
from corparent.comparators.selectors import comparison, population_0_17
from corparent.comparators.services import comparator_file_import, council_configure

pytestmark = pytest.mark.reference
REFERENCE = Path(__file__).resolve().parents[3].parent / "shared" / "reference" / "dfe"


@pytest.fixture
def reference() -> Path:
    if not (REFERENCE / "sn_model_2025_wide.csv").exists():
        pytest.skip(f"the real DfE files are not here ({REFERENCE}); they live outside the repo")
    return REFERENCE


def test_camdens_2025_cla_rate_against_england_inner_london_and_its_neighbours(
    reference: Path, people: dict[Role, User]
) -> None:
    for name in (
        "cla_number_and_rate_per_10k_children.csv",
        "sn_model_2025_wide.csv",
        "ons_mid-year_population_estimates_2012_to_2024.csv",
    ):
        comparator_file_import(user=people[Role.ANALYST], path_or_file=reference / name, file_name=name)
    council = council_configure(name="Camden", la_code="202")
    with (reference / "sn_model_2025_wide.csv").open(encoding="utf-8-sig", newline="") as f:
        row = next(r for r in csv.DictReader(f) if r["old_la_code"] == "202")
    neighbours = [row[f"SN_{k}"] for k in range(1, 11)]
    assert council.statistical_neighbours == neighbours
    with (reference / "cla_number_and_rate_per_10k_children.csv").open(encoding="utf-8-sig", newline="") as f:
        rates = {
            r["old_la_code"]: r["rate_per_10000"]
            for r in csv.DictReader(f)
            if r["time_period"] == "2025"
            and r["population_type"] == "Children looked after on 31 March each year"
        }
    published = [float(rates[c]) for c in neighbours if rates.get(c, "c").isdigit()]

    found = comparison(indicator_id="cla_rate", year=2025)
    assert found.council is not None and found.council.value == 58
    assert found.england is not None and found.england.value == 67
    assert found.region is not None and (found.region.label, found.region.value) == ("Inner London", 59)
    assert found.neighbours is not None and found.neighbours.value == median(published)
    assert found.neighbour_count == len(published)
    assert population_0_17(year=2025) == 35276  # ONS mid-2024, as DfE's 2025 rate uses
