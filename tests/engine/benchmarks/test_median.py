"""The statistical neighbours' median, DfE's dashboard method, worked by hand."""

from __future__ import annotations

from corparent.engine.benchmarks import neighbour_median


def test_odd_count_is_the_middle_value() -> None:
    assert neighbour_median([50, 90, 70]) == (70.0, 3)


def test_even_count_is_the_mean_of_the_two_middle_values() -> None:
    assert neighbour_median([40, 100, 60, 62]) == (61.0, 4)


def test_suppressed_neighbours_are_left_out_not_counted_as_zero() -> None:
    # 10 neighbours, 4 suppressed or missing: the median of the other 6 (10, 20, 30, 40, 50, 60)
    values = [10, None, 20, None, 30, 40, None, 50, 60, None]
    assert neighbour_median(values) == (35.0, 6)


def test_no_published_figure_gives_no_median() -> None:
    assert neighbour_median([None, None]) == (None, 0)
    assert neighbour_median([]) == (None, 0)
