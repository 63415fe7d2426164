"""Reads for local measures: which a person may see and submit, each period's value and status
(due, late or in), the history of corrections, and what the scorecard needs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from corparent.accounts.roles import Capability
from corparent.measures.models import Measure, MeasureCommentary, MeasureValue
from corparent.measures.periods import Period, periods


class Status(StrEnum):
    IN = "in"
    DUE = "due"
    LATE = "late"

    @property
    def label(self) -> str:
        return {"in": "In", "due": "Due", "late": "Late"}[self.value]


def today() -> date:
    return timezone.localdate()


def measures_all() -> QuerySet[Measure]:
    return Measure.objects.select_related("owner_organisation").order_by("title")


def measures_for(*, user: Any) -> QuerySet[Measure]:
    """The measures a person works on: every measure for those who manage measures; a partner's
    organisation's own measures for a partner."""
    if user.can(Capability.MANAGE_MEASURES):
        return measures_all()
    if user.organisation_id is None:
        return Measure.objects.none()
    return measures_all().filter(owner_organisation_id=user.organisation_id)


def measure_get(*, measure_id: int) -> Measure | None:
    return measures_all().filter(pk=measure_id).first()


def may_submit(*, user: Any, measure: Measure) -> bool:
    """Whether a person may enter this measure's values: officers and analysts any measure's, a
    partner only its own organisation's."""
    if not user.can(Capability.SUBMIT_MEASURE_VALUES):
        return False
    if user.can(Capability.MANAGE_MEASURES):
        return True
    return measure.owner_organisation_id is not None and measure.owner_organisation_id == user.organisation_id


def measure_periods(*, measure: Measure, on: date | None = None) -> list[Period]:
    return periods(
        first=measure.first_period,
        frequency=measure.frequency,
        due_days=measure.due_days,
        today=on or today(),
    )


def current_values(*, measures: list[Measure] | None = None) -> dict[int, dict[date, MeasureValue]]:
    """The value of every period (its highest version), by measure id then period start."""
    rows = MeasureValue.objects.order_by("measure_id", "period_start", "-version")
    if measures is not None:
        rows = rows.filter(measure__in=measures)
    found: dict[int, dict[date, MeasureValue]] = {}
    for row in rows:
        found.setdefault(row.measure_id, {}).setdefault(row.period_start, row)
    return found


def value_history(*, measure: Measure, period_start: date | None = None) -> QuerySet[MeasureValue]:
    rows = MeasureValue.objects.filter(measure=measure).select_related("entered_by")
    if period_start is not None:
        rows = rows.filter(period_start=period_start)
    return rows.order_by("-period_start", "-version")


def status_of(period: Period, value: MeasureValue | None, on: date) -> Status:
    if value is not None:
        return Status.IN
    return Status.LATE if period.due < on else Status.DUE


@dataclass(frozen=True)
class PeriodStatus:
    period: Period
    status: Status
    value: MeasureValue | None


def period_statuses(
    *, measure: Measure, values: dict[date, MeasureValue] | None = None, on: date | None = None
) -> list[PeriodStatus]:
    """Every period of the measure that has ended, newest first, with its value and status."""
    on = on or today()
    if values is None:
        values = current_values(measures=[measure]).get(measure.pk, {})
    return [
        PeriodStatus(p, status_of(p, values.get(p.start), on), values.get(p.start))
        for p in reversed(measure_periods(measure=measure, on=on))
    ]


def latest_commentary(*, measures: list[Measure] | None = None) -> dict[int, MeasureCommentary]:
    rows = MeasureCommentary.objects.select_related("author").order_by("measure_id", "-written_at", "-id")
    if measures is not None:
        rows = rows.filter(measure__in=measures)
    found: dict[int, MeasureCommentary] = {}
    for row in rows:
        found.setdefault(row.measure_id, row)
    return found


def scorecard_version_sql(table: Callable[[str], str]) -> list[str]:
    """The local measures' part of the scorecard page's version, as SQL scalars (the scorecard asks
    them in the one query it makes per page): what changes when a measure, value or note does."""
    return [
        f"(SELECT COUNT(*) FROM {table('measures.Measure')})",
        f"(SELECT MAX(updated_at) FROM {table('measures.Measure')})",
        f"(SELECT COUNT(*) FROM {table('measures.MeasureValue')})",
        f"(SELECT MAX(id) FROM {table('measures.MeasureValue')})",
        f"(SELECT COUNT(*) FROM {table('measures.MeasureCommentary')})",
        f"(SELECT MAX(id) FROM {table('measures.MeasureCommentary')})",
    ]
