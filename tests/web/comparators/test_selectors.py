"""Comparisons: England, region and the statistical neighbours' median, worked by hand on the fixtures.

Testshire (980) has neighbours 981 to 990 (the fixture's model). CLA rate per 10,000:
2025: 981 = 50, 982 = 70, 983 = c, 984 = 90, the rest have no row -> median of 3 of 10 = 70.
2024: 981 = 40, 982 = 60, 983 = 62, 984 = c, 985 = 100 -> median of 4 of 10 = (60 + 62) / 2 = 61.
"""

from __future__ import annotations

from corparent.accounts.models import User
from corparent.comparators.models import Council
from corparent.comparators.selectors import (
    Comparator,
    all_councils,
    comparison,
    council_name,
    population_0_17,
)
from corparent.comparators.services import council_configure, synthetic_comparators_create


def test_the_latest_year_compares_with_england_region_and_an_odd_count_of_neighbours(imported: User) -> None:
    council_configure(name="Testshire", la_code="980")
    found = comparison(indicator_id="cla_rate")
    assert found.england == Comparator("England", 70, 2025, False)
    assert found.region == Comparator("Invented Region", 60, 2025, False)
    assert found.council == Comparator("Testshire", 60, 2025, False)
    assert found.neighbours is not None and found.neighbours.value == 70
    assert (found.neighbour_count, found.neighbours_configured) == (3, 10)


def test_an_even_count_of_neighbours_takes_the_mean_of_the_middle_two(imported: User) -> None:
    council_configure(name="Testshire", la_code="980")
    found = comparison(indicator_id="cla_rate", year=2024)
    assert found.neighbours is not None and found.neighbours.value == 61
    assert found.neighbour_count == 4


def test_a_suppressed_figure_keeps_dfes_marker(imported: User) -> None:
    council_configure(name="Gammabury", la_code="983", statistical_neighbours=["981"])
    found = comparison(indicator_id="cla_rate", year=2025)
    assert found.council == Comparator("Gammabury", None, 2025, False, "c")


def test_a_percentage_uses_the_neighbours_that_published_it(imported: User) -> None:
    council_configure(name="Testshire", la_code="980")
    found = comparison(indicator_id="placements_3plus_pct")
    # 981 is suppressed (c), 982 published 10: the median of 1 of 10
    assert found.neighbours is not None and (found.neighbours.value, found.neighbour_count) == (10, 1)
    assert found.england is not None and found.england.value == 10


def test_without_figures_or_a_council_nothing_is_invented(imported: User) -> None:
    found = comparison(indicator_id="cla_rate")
    assert found.england is not None and found.region is None and found.neighbours is None
    empty = comparison(indicator_id="missing_pct")
    assert (empty.england, empty.region, empty.neighbours, empty.council) == (None, None, None, None)
    assert comparison(indicator_id="cla_rate", year=2019).england is None


def test_every_council_with_a_published_figure_for_a_funnel_plot(imported: User) -> None:
    figures = all_councils(indicator_id="cla_rate", year=2025)
    assert [(f.area_code, f.value, f.numerator, f.denominator) for f in figures] == [
        ("981", 50, 100, 20000),
        ("982", 70, 70, 10000),
        ("984", 90, 90, 10000),
        ("980", 60, 60, 10000),
    ]  # by name: Alphaton, Betaford, Deltaham, Testshire; Gammabury's "c" is left out


def test_population_for_a_collection_year_is_the_previous_mid_year(imported: User) -> None:
    assert population_0_17(year=2025) is None  # no council yet
    council_configure(name="Testshire", la_code="980")
    assert population_0_17(year=2025) == 10100  # mid-2024
    assert population_0_17(year=2024) == 9900  # mid-2023
    assert population_0_17(year=2026) == 10100  # the latest earlier estimate


def test_population_falls_back_to_the_one_dfe_published_beside_the_rate(imported: User) -> None:
    council_configure(name="Alphaton", la_code="981")  # its ONS estimate is "x" (not available)
    assert population_0_17(year=2025) == 20000


def test_synthetic_comparators_are_labelled_and_englands_quoted_figures_are_real(db: None) -> None:
    council = council_configure(name="Demo Council", la_code="999", synthetic=True)
    record = synthetic_comparators_create(council=council)
    assert record.synthetic and record.rows > 0
    council = Council.objects.get()
    assert len(council.statistical_neighbours) == 10 and council_name() == "Demo Council"
    found = comparison(indicator_id="cla_rate", year=2025)
    assert found.england == Comparator("England", 67, 2025, False)  # indicators.md: a real figure
    assert found.region is not None and found.region.synthetic
    assert found.neighbours is not None and found.neighbours.synthetic and found.neighbours.value is not None
    invented_england = comparison(indicator_id="immunisations_pct", year=2025).england
    assert invented_england is not None and invented_england.synthetic
    assert all(f.synthetic for f in all_councils(indicator_id="cla_rate", year=2025))
    # running it again gives the same figures, replaced not duplicated
    synthetic_comparators_create(council=council)
    assert comparison(indicator_id="cla_rate", year=2025) == found
