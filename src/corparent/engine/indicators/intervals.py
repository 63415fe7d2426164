"""95% intervals for published figures: Wilson for percentages, exact Poisson for rates, t for means.

Pure functions of the figure's parts. The strict forms (``wilson``, ``poisson_rate``) raise
``ValueError`` on input that has no interval (an empty denominator, a negative count); the
``*_or_none`` forms return ``(None, None)`` instead, for rows whose figure itself is blank.
``t_mean`` returns ``(None, None)`` when there are fewer than two values, since a sample standard
deviation needs two.
"""

from __future__ import annotations

import math
from typing import Final, TypeAlias

from scipy import stats

CONFIDENCE: Final = 0.95
Z_95: Final = 1.959963984540054  # the standard normal's 97.5th percentile

Interval: TypeAlias = tuple[float, float]
MaybeInterval: TypeAlias = tuple[float, float] | tuple[None, None]
NO_INTERVAL: Final[tuple[None, None]] = (None, None)


def wilson(numerator: float, denominator: float, z: float = Z_95) -> Interval:
    """The Wilson score interval for ``numerator / denominator``, in percent (0 to 100).

    ``0 / n`` has lower bound exactly 0 and ``n / n`` upper bound exactly 100.
    """
    if not denominator > 0:
        raise ValueError(f"a Wilson interval needs a denominator above 0, not {denominator!r}")
    if not 0 <= numerator <= denominator:
        raise ValueError(f"numerator {numerator!r} is not between 0 and the denominator {denominator!r}")
    if not z > 0:
        raise ValueError(f"z must be above 0, not {z!r}")
    n = float(denominator)
    p = numerator / n
    z2 = z * z
    scale = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / scale
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / scale
    # Clamp away rounding error: the interval always contains p and lies within [0, 1].
    lower = 0.0 if numerator == 0 else min(p, max(0.0, centre - half))
    upper = 1.0 if numerator == denominator else max(p, min(1.0, centre + half))
    return 100.0 * lower, 100.0 * upper


def wilson_or_none(numerator: float | None, denominator: float | None, z: float = Z_95) -> MaybeInterval:
    """``wilson``, or ``(None, None)`` when either part is missing or the denominator is 0."""
    if numerator is None or denominator is None or denominator == 0:
        return NO_INTERVAL
    return wilson(numerator, denominator, z)


def poisson_rate(
    count: float, population: float, per: float = 10_000, confidence: float = CONFIDENCE
) -> Interval:
    """The exact (Garwood) interval for the rate ``count / population * per``.

    Bounds come from the chi-square distribution: ``chi2(a/2, 2x) / 2`` and
    ``chi2(1 - a/2, 2x + 2) / 2`` events, scaled to the rate. A count of 0 has lower bound 0.
    """
    if not count >= 0:
        raise ValueError(f"a Poisson interval needs a count of 0 or more, not {count!r}")
    if not population > 0:
        raise ValueError(f"a rate needs a population above 0, not {population!r}")
    if not per > 0:
        raise ValueError(f"per must be above 0, not {per!r}")
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be between 0 and 1, not {confidence!r}")
    alpha = 1 - confidence
    low_events = 0.0 if count == 0 else float(stats.chi2.ppf(alpha / 2, 2 * count)) / 2
    high_events = float(stats.chi2.ppf(1 - alpha / 2, 2 * count + 2)) / 2
    scale = per / population
    return low_events * scale, high_events * scale


def poisson_rate_or_none(
    count: float | None, population: float | None, per: float = 10_000, confidence: float = CONFIDENCE
) -> MaybeInterval:
    """``poisson_rate``, or ``(None, None)`` when the count or a positive population is missing."""
    if count is None or population is None or not population > 0:
        return NO_INTERVAL
    return poisson_rate(count, population, per, confidence)


def t_mean(mean: float, sd: float, n: int, confidence: float = CONFIDENCE) -> MaybeInterval:
    """The t interval for a mean of ``n`` values with sample standard deviation ``sd`` (n - 1 df).

    Fewer than two values give ``(None, None)``.
    """
    if n < 2:
        return NO_INTERVAL
    if not sd >= 0:
        raise ValueError(f"a standard deviation is 0 or more, not {sd!r}")
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be between 0 and 1, not {confidence!r}")
    half = float(stats.t.ppf(1 - (1 - confidence) / 2, n - 1)) * sd / math.sqrt(n)
    return mean - half, mean + half
