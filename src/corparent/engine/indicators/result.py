"""One computed figure: an indicator for one breakdown group at one reference date."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from typing import Final

# The columns of `corparent scorecard` output, in order (indicators.md, "Output of corparent scorecard").
OUTPUT_COLUMNS: Final = (
    "indicator",
    "title",
    "reference_date",
    "period_start",
    "period_end",
    "breakdown",
    "group",
    "numerator",
    "denominator",
    "value",
    "unit",
    "lower",
    "upper",
    "suppressed",
)

ALL: Final = "all"


class Unit(StrEnum):
    COUNT = "count"  # a number of children (or of events, e.g. missing incidents)
    PERCENT = "%"  # numerator / denominator x 100
    PER_10K = "per 10,000"  # numerator / population x 10,000
    MEAN = "mean"  # mean of a measure over the denominator's rows
    DAYS = "days"  # mean number of calendar days


@dataclass(frozen=True)
class Result:
    """A figure as published: value, how it was made, and its 95% interval.

    For counts, ``numerator`` equals ``value`` and ``denominator`` is None. For means, ``numerator``
    is the sum of the measure and ``denominator`` the number of rows averaged. ``lower``/``upper``
    are the 95% interval: Wilson for percentages, exact Poisson for rates, t for means, none for
    counts.
    """

    indicator: str
    title: str
    reference_date: date
    period_start: date
    period_end: date
    breakdown: str
    group: str
    numerator: float | None
    denominator: float | None
    value: float | None
    unit: Unit
    lower: float | None = None
    upper: float | None = None
    suppressed: bool = False
    definition_version: str = "1"
    snapshot: str | None = None  # which snapshot (e.g. the return's SHA-256s) the figure came from

    @property
    def is_headline(self) -> bool:
        return self.breakdown == ALL and self.group == ALL

    def hidden(self) -> Result:
        """The same row with every figure blanked and ``suppressed`` set."""
        return replace(
            self, numerator=None, denominator=None, value=None, lower=None, upper=None, suppressed=True
        )

    def as_row(self) -> dict[str, object]:
        return {
            "indicator": self.indicator,
            "title": self.title,
            "reference_date": self.reference_date.isoformat(),
            "period_start": self.period_start.isoformat(),
            "period_end": self.period_end.isoformat(),
            "breakdown": self.breakdown,
            "group": self.group,
            "numerator": self.numerator,
            "denominator": self.denominator,
            "value": self.value,
            "unit": self.unit.value,
            "lower": self.lower,
            "upper": self.upper,
            "suppressed": self.suppressed,
        }
