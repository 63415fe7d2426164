"""95% intervals: hand-worked and published values, boundaries, and properties."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import stats

from corparent.engine.indicators.intervals import (
    Z_95,
    poisson_rate,
    poisson_rate_or_none,
    t_mean,
    wilson,
    wilson_or_none,
)

# ---------------------------------------------------------------- Wilson


def test_wilson_hand_worked_8_of_10() -> None:
    # p = 0.8, z^2 = 3.8415: centre = (0.8 + 0.19207) / 1.38415 = 0.71681,
    # half = 1.95996 / 1.38415 * sqrt(0.016 + 0.0096037) = 0.22663
    lower, upper = wilson(8, 10)
    assert lower == pytest.approx(49.016, abs=0.01)
    assert upper == pytest.approx(94.332, abs=0.01)
    assert (round(lower, 1), round(upper, 1)) == (49.0, 94.3)


@pytest.mark.parametrize(
    ("numerator", "denominator", "lower", "upper"),
    [
        # Newcombe (1998), Statistics in Medicine 17:857-872, Table I, method 3 (Wilson score)
        (81, 263, 25.53, 36.62),
        (15, 148, 6.24, 16.05),
        (0, 20, 0.0, 16.11),
        (1, 29, 0.61, 17.18),
    ],
)
def test_wilson_matches_published_values(
    numerator: int, denominator: int, lower: float, upper: float
) -> None:
    lo, hi = wilson(numerator, denominator)
    assert lo == pytest.approx(lower, abs=0.006)
    assert hi == pytest.approx(upper, abs=0.006)


def test_wilson_boundaries_are_exact() -> None:
    assert wilson(0, 10) == (0.0, pytest.approx(27.753, abs=0.001))
    lo, hi = wilson(10, 10)
    assert hi == 100.0
    assert lo == pytest.approx(72.247, abs=0.001)
    assert wilson(0, 1)[0] == 0.0 and wilson(1, 1)[1] == 100.0


def test_wilson_rejects_impossible_input() -> None:
    for numerator, denominator in [(1, 0), (0, 0), (-1, 10), (11, 10), (1, -5)]:
        with pytest.raises(ValueError):
            wilson(numerator, denominator)
    with pytest.raises(ValueError):
        wilson(1, 2, z=0)


def test_wilson_or_none() -> None:
    assert wilson_or_none(0, 0) == (None, None)
    assert wilson_or_none(None, 10) == (None, None)
    assert wilson_or_none(3, None) == (None, None)
    assert wilson_or_none(8.0, 10.0) == wilson(8, 10)


def test_wilson_other_z_is_used() -> None:
    narrow = wilson(8, 10, z=1.0)
    wide = wilson(8, 10)
    assert wide[0] < narrow[0] < 80 < narrow[1] < wide[1]


denominators = st.integers(min_value=1, max_value=1_000_000)


@given(st.data(), denominators)
def test_wilson_contains_the_point_and_stays_in_range(data: st.DataObject, n: int) -> None:
    k = data.draw(st.integers(min_value=0, max_value=n))
    lower, upper = wilson(k, n)
    assert 0.0 <= lower <= 100.0 * k / n <= upper <= 100.0
    assert lower < upper


@given(st.data(), denominators)
def test_wilson_bounds_solve_the_score_equation(data: st.DataObject, n: int) -> None:
    # The Wilson bounds are the proportions pi with (p - pi)^2 = z^2 pi (1 - pi) / n.
    k = data.draw(st.integers(min_value=0, max_value=n))
    p = k / n
    for bound in wilson(k, n):
        pi = bound / 100
        assert (p - pi) ** 2 == pytest.approx(Z_95**2 * pi * (1 - pi) / n, rel=1e-6, abs=1e-12)


@given(st.data(), st.integers(min_value=1, max_value=5_000), st.integers(min_value=2, max_value=50))
def test_wilson_narrows_as_n_grows_at_fixed_proportion(data: st.DataObject, n: int, times: int) -> None:
    k = data.draw(st.integers(min_value=0, max_value=n))
    small = wilson(k, n)
    big = wilson(k * times, n * times)
    assert big[1] - big[0] < small[1] - small[0]


@given(st.data(), denominators)
def test_wilson_is_symmetric_in_success_and_failure(data: st.DataObject, n: int) -> None:
    k = data.draw(st.integers(min_value=0, max_value=n))
    lower, upper = wilson(k, n)
    other_lower, other_upper = wilson(n - k, n)
    assert lower == pytest.approx(100 - other_upper, abs=1e-9)
    assert upper == pytest.approx(100 - other_lower, abs=1e-9)


# ---------------------------------------------------------------- exact Poisson


@pytest.mark.parametrize(
    ("count", "lower", "upper"),
    [
        # exact 95% limits for a Poisson count (e.g. Ulm 1990; the standard tables in
        # Breslow & Day vol. II, Table 2.11): 0 -> 0-3.689, 1 -> 0.0253-5.572, 5 -> 1.624-11.668,
        # 10 -> 4.795-18.390
        (0, 0.0, 3.689),
        (1, 0.0253, 5.572),
        (5, 1.624, 11.668),
        (10, 4.795, 18.390),
    ],
)
def test_poisson_matches_published_limits(count: int, lower: float, upper: float) -> None:
    lo, hi = poisson_rate(count, 1, per=1)
    assert lo == pytest.approx(lower, abs=0.0011)
    assert hi == pytest.approx(upper, abs=0.0011)


def test_poisson_rate_scales_to_per_10000() -> None:
    # 10 events in a population of 50,000: 2 per 10,000, interval 0.959-3.678 per 10,000
    lo, hi = poisson_rate(10, 50_000)
    assert lo == pytest.approx(4.7954 / 5, abs=1e-3)
    assert hi == pytest.approx(18.3904 / 5, abs=1e-3)
    assert lo < 2.0 < hi


def test_poisson_zero_count_has_lower_bound_zero() -> None:
    lo, hi = poisson_rate(0, 60_000)
    assert lo == 0.0
    assert hi == pytest.approx(3.6889 / 6, abs=1e-3)


def test_poisson_rejects_impossible_input() -> None:
    for count, population in [(-1, 100), (1, 0), (1, -1), (math.nan, 100)]:
        with pytest.raises(ValueError):
            poisson_rate(count, population)
    assert poisson_rate_or_none(3, 0) == (None, None)
    assert poisson_rate_or_none(None, 10) == (None, None)
    assert poisson_rate_or_none(10, 1, per=1) == poisson_rate(10, 1, per=1)


@given(st.integers(min_value=0, max_value=100_000), st.floats(min_value=1.0, max_value=1e8))
def test_poisson_contains_the_rate(count: int, population: float) -> None:
    lower, upper = poisson_rate(count, population)
    assert 0.0 <= lower <= count / population * 10_000 <= upper
    assert lower < upper


@given(st.integers(min_value=1, max_value=5_000))
def test_poisson_limits_have_exact_tail_probabilities(count: int) -> None:
    # Garwood: at the lower limit P(X >= count) = 2.5%; at the upper limit P(X <= count) = 2.5%.
    lower, upper = poisson_rate(count, 1, per=1)
    assert stats.poisson.sf(count - 1, lower) == pytest.approx(0.025, rel=1e-6)
    assert stats.poisson.cdf(count, upper) == pytest.approx(0.025, rel=1e-6)


@given(st.integers(min_value=0, max_value=10_000))
def test_poisson_limits_rise_with_the_count(count: int) -> None:
    lo, hi = poisson_rate(count, 1, per=1)
    lo_next, hi_next = poisson_rate(count + 1, 1, per=1)
    assert lo < lo_next and hi < hi_next


# ---------------------------------------------------------------- t


def test_t_mean_hand_worked() -> None:
    # t(0.975, 4 df) = 2.776445; half-width = 2.776445 * 2 / sqrt(5) = 2.48333
    lower, upper = t_mean(10.0, 2.0, 5)
    assert lower == pytest.approx(7.51667, abs=1e-4)
    assert upper == pytest.approx(12.48333, abs=1e-4)


def test_t_mean_needs_two_values() -> None:
    assert t_mean(14.0, 0.0, 1) == (None, None)
    assert t_mean(14.0, 3.0, 0) == (None, None)
    assert t_mean(14.0, 0.0, 2) == (14.0, 14.0)
    with pytest.raises(ValueError):
        t_mean(14.0, -1.0, 10)


@given(
    st.floats(min_value=-1e6, max_value=1e6),
    st.floats(min_value=0.01, max_value=1e3),
    st.integers(min_value=2, max_value=100_000),
)
def test_t_mean_is_symmetric_and_narrows(mean: float, sd: float, n: int) -> None:
    lower, upper = t_mean(mean, sd, n)
    assert lower is not None and upper is not None
    assert lower < mean < upper
    assert mean - lower == pytest.approx(upper - mean, rel=1e-9, abs=1e-6)
    bigger_lower, bigger_upper = t_mean(mean, sd, n + 1)
    assert bigger_lower is not None and bigger_upper is not None
    assert bigger_upper - bigger_lower < upper - lower
