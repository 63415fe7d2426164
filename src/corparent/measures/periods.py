"""Reporting periods of a local measure, worked out from its frequency (pure functions).

Monthly periods are calendar months; quarterly and annual periods follow the financial year
(quarter 1 is April to June; the year runs 1 April to 31 March), as councils report.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class Frequency(StrEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    ANNUAL = "annual"

    @property
    def label(self) -> str:
        return self.value.capitalize()


MONTHS_IN = {Frequency.MONTHLY: 1, Frequency.QUARTERLY: 3, Frequency.ANNUAL: 12}


def _add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def period_start_of(d: date, frequency: Frequency | str) -> date:
    """The start of the period that holds ``d``."""
    frequency = Frequency(frequency)
    if frequency is Frequency.MONTHLY:
        return date(d.year, d.month, 1)
    # months since the start of the financial year (April = 0)
    since_april = (d.month - 4) % 12
    step = MONTHS_IN[frequency]
    return _add_months(date(d.year, d.month, 1), -(since_april % step))


def is_period_start(d: date, frequency: Frequency | str) -> bool:
    return period_start_of(d, frequency) == d


def period_end(start: date, frequency: Frequency | str) -> date:
    return _add_months(start, MONTHS_IN[Frequency(frequency)]) - timedelta(days=1)


def next_start(start: date, frequency: Frequency | str) -> date:
    return _add_months(start, MONTHS_IN[Frequency(frequency)])


def financial_year(d: date) -> str:
    first = d.year if d.month >= 4 else d.year - 1
    return f"{first}-{(first + 1) % 100:02d}"


def period_label(start: date, frequency: Frequency | str) -> str:
    frequency = Frequency(frequency)
    if frequency is Frequency.MONTHLY:
        return f"{start:%B %Y}"
    if frequency is Frequency.QUARTERLY:
        end = period_end(start, frequency)
        quarter = (start.month - 4) % 12 // 3 + 1
        return f"Quarter {quarter} {financial_year(start)} ({start:%b} to {end:%b %Y})"
    return f"Year {financial_year(start)}"


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    label: str
    due: date


def periods(*, first: date, frequency: Frequency | str, due_days: int, today: date) -> list[Period]:
    """Every period from the one holding ``first`` to the last that has ended by ``today``."""
    start = period_start_of(first, frequency)
    found: list[Period] = []
    while (end := period_end(start, frequency)) < today:
        found.append(Period(start, end, period_label(start, frequency), end + timedelta(days=due_days)))
        start = next_start(start, frequency)
    return found
