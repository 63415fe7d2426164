"""Periods from a frequency, hand-worked: months are calendar months, quarters and years follow the
financial year (quarter 1 is April to June)."""

from __future__ import annotations

from datetime import date

from corparent.measures.periods import is_period_start, period_end, period_label, period_start_of, periods


def test_period_starts_follow_the_financial_year() -> None:
    assert period_start_of(date(2025, 2, 10), "monthly") == date(2025, 2, 1)
    assert period_start_of(date(2025, 2, 10), "quarterly") == date(2025, 1, 1)
    assert period_start_of(date(2025, 4, 1), "quarterly") == date(2025, 4, 1)
    assert period_start_of(date(2025, 12, 31), "quarterly") == date(2025, 10, 1)
    assert period_start_of(date(2025, 2, 10), "annual") == date(2024, 4, 1)
    assert period_start_of(date(2025, 4, 1), "annual") == date(2025, 4, 1)
    assert not is_period_start(date(2025, 2, 1), "quarterly")


def test_period_ends_and_labels() -> None:
    assert period_end(date(2024, 2, 1), "monthly") == date(2024, 2, 29)
    assert period_end(date(2025, 1, 1), "quarterly") == date(2025, 3, 31)
    assert period_end(date(2024, 4, 1), "annual") == date(2025, 3, 31)
    assert period_label(date(2025, 1, 1), "quarterly") == "Quarter 4 2024-25 (Jan to Mar 2025)"
    assert period_label(date(2025, 4, 1), "annual") == "Year 2025-26"
    assert period_label(date(2025, 4, 1), "monthly") == "April 2025"


def test_periods_run_to_the_last_that_has_ended_with_due_dates() -> None:
    found = periods(first=date(2024, 5, 20), frequency="quarterly", due_days=20, today=date(2025, 1, 15))
    # Q1 2024-25 (Apr-Jun) holds 20 May; Q3 (Oct-Dec) ended 31 Dec; Q4 has not ended by 15 January.
    assert [p.start for p in found] == [date(2024, 4, 1), date(2024, 7, 1), date(2024, 10, 1)]
    assert found[-1].end == date(2024, 12, 31)
    assert found[-1].due == date(2025, 1, 20)
