"""Synthetic councils look like England: the demo, docs and benchmarks rely on plausible figures.

The first test uses the bands the foundation issue sets; the second compares a larger synthetic
council with DfE's published England figures in ../shared/reference (real, aggregate statistics),
where that folder exists.
"""

from __future__ import annotations

import csv
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from corparent.engine.indicators.engine import Scorecard, compute
from corparent.engine.ssda903.reader import read_return
from corparent.engine.ssda903.synth import generate, write_council

R = date(2025, 3, 31)
REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference" / "dfe"

# indicator -> (low, high): plausible for one council of ~400 children (England in indicators.md).
BANDS = {
    "placements_3plus_pct": (7, 14),  # England 10-11%
    "long_term_stability_pct": (60, 78),  # England 68-69%
    "cl_19_21_eet_pct": (45, 65),  # England 54-56%
    "placed_foster_pct": (60, 75),  # England 67-68%
    "uasc_pct": (4, 14),  # England 8-9%
    "health_assessment_pct": (82, 96),  # England 89-90%
    "sdq_average": (12.5, 17),  # England 14.4-14.9
    "cl_19_21_suitable_accom_pct": (80, 95),  # England 88-89%
    "ceased_adopted_pct": (4, 15),  # England 9%
    "ceased_sgo_pct": (6, 18),  # England 12%
    "cla_rate": (60, 77),  # England 67-70
}


def _scorecard(tmp: Path, children: int, seed: int) -> Scorecard:
    council = generate(children=children, years=3, reference_date=R, seed=seed)
    write_council(council, tmp)
    ret = read_return(tmp)
    return compute(ret, R, population=council.population_0_17)


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_councils_from_seeds_1_to_5_land_in_plausible_bands(tmp_path: Path, seed: int) -> None:
    """Given a 400-child synthetic council, when its scorecard is computed, then the headline
    figures sit within plausible bands around England's."""
    card = _scorecard(tmp_path, 400, seed)
    outside = {
        ind: round(card.headline(ind).value or -1, 1)
        for ind, (lo, hi) in BANDS.items()
        if not lo <= (card.headline(ind).value or -1) <= hi
    }
    assert outside == {}, f"seed {seed}: outside the plausible bands {BANDS}"
    assert card.headline("cla").value == 400


@cache
def _england(file: str, column: str, match: tuple[tuple[str, str], ...], year: str = "2025") -> float:
    with (REFERENCE / file).open(encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            if (
                row["time_period"] == year
                and row["geographic_level"] == "National"
                and all(row[k] == v for k, v in match)
            ):
                return float(row[column])
    raise LookupError(f"no England row in {file} for {match}")


@pytest.mark.reference
@pytest.mark.skipif(not REFERENCE.is_dir(), reason="../shared/reference/dfe is absent (it is present in CI)")
def test_a_large_council_is_near_dfe_england_figures(tmp_path: Path) -> None:
    """Given a 20,000-child synthetic council, its figures are within 15% (relative) of England's
    published 2025 figures, read from DfE's own files."""
    card = _scorecard(tmp_path, 20_000, 1)
    cla_file = "cla_number_and_rate_per_10k_children.csv"
    pop = "population_type"

    def count(kind: str) -> float:
        return _england(cla_file, "children_count", ((pop, kind),))

    cla = count("Children looked after on 31 March each year")
    stability = "la_cla_placement_stability.csv"
    lts_group = "Children looked after continuously for at least 2.5 years on 31 March aged under 16 years"
    activity = "la_care_leavers_activity.csv"
    england = {
        "cla_rate": _england(
            cla_file, "rate_per_10000", ((pop, "Children looked after on 31 March each year"),)
        ),
        "starts_per_cla": count("Children starting to be looked after each year") / cla,
        "ceases_per_cla": count("Children ceasing to be looked after each year") / cla,
        "long_term_stability_pct": _england(
            stability,
            "children_percent",
            (
                ("cla_group", lts_group),
                ("placement_stability", "Living with the same carer for at least 2 years"),
            ),
        ),
        "placements_3plus_pct": _england(
            stability,
            "children_percent",
            (
                ("cla_group", "CLA on 31 March"),
                ("placement_stability", "With 3 or more placements during the year"),
            ),
        ),
        "cl_19_21_eet_pct": _england(
            activity,
            "care_leaver_percent",
            (
                ("care_leaver_age", "19 to 21 years"),
                ("breakdown", "Total in education, employment or training"),
            ),
        ),
    }
    ours = {
        "cla_rate": card.headline("cla_rate").value,
        "starts_per_cla": (card.headline("starts").value or 0) / (card.headline("cla").value or 1),
        "ceases_per_cla": (card.headline("ceases").value or 0) / (card.headline("cla").value or 1),
        "long_term_stability_pct": card.headline("long_term_stability_pct").value,
        "placements_3plus_pct": card.headline("placements_3plus_pct").value,
        "cl_19_21_eet_pct": card.headline("cl_19_21_eet_pct").value,
    }
    far = {
        k: (round(ours[k] or 0, 3), england[k])
        for k in england
        if abs((ours[k] or 0) / england[k] - 1) > 0.15
    }
    assert far == {}, "synthetic (ours, England) more than 15% apart"
