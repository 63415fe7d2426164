"""What the local-measure pages show, worked out before the template sees it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.urls import reverse

from corparent.measures import figures, selectors
from corparent.measures.models import Measure, MeasureValue
from corparent.measures.periods import period_label
from corparent.measures.selectors import PeriodStatus, Status
from corparent.scorecard.presenters import number

DISPLAY_UNIT = {"percent": "%", "count": "count", "rate": "per 10,000", "days": "days", "number": "number"}
TAG = {Status.IN: "govuk-tag--green", Status.DUE: "govuk-tag--blue", Status.LATE: "govuk-tag--red"}


def value_text(measure: Measure, value: float | None) -> str:
    return number(value, DISPLAY_UNIT[measure.unit])


def parts_text(row: MeasureValue | None) -> str:
    if row is None or row.numerator is None or row.denominator is None:
        return ""
    return f"{row.numerator:,.0f} of {row.denominator:,.0f}"


def interval_text(measure: Measure, row: MeasureValue | None) -> str:
    if row is None:
        return ""
    lower, upper = figures.interval(unit=measure.unit, numerator=row.numerator, denominator=row.denominator)
    if lower is None or upper is None:
        return ""
    return f"{value_text(measure, lower)} to {value_text(measure, upper)}"


def when(moment: Any) -> str:
    return f"{moment:%-d %b %Y %H:%M}"


@dataclass(frozen=True)
class OverviewRow:
    measure: Measure
    href: str
    owner: str
    latest: str
    late: int
    due: int
    received: int
    status: Status | None
    tag: str
    can_submit: bool


def overview(*, user: Any, on: date | None = None) -> list[OverviewRow]:
    """Every measure the person works on, with how many periods are late, due and in."""
    measures = list(selectors.measures_for(user=user))
    values = selectors.current_values(measures=measures)
    rows = []
    for measure in measures:
        statuses = selectors.period_statuses(measure=measure, values=values.get(measure.pk, {}), on=on)
        newest = statuses[0] if statuses else None
        latest_in = next((s for s in statuses if s.value is not None), None)
        rows.append(
            OverviewRow(
                measure=measure,
                href=reverse("measures:detail", kwargs={"measure_id": measure.pk}),
                owner=measure.owner_name,
                latest=(
                    f"{value_text(measure, latest_in.value.value)} ({latest_in.period.label})"
                    if latest_in and latest_in.value
                    else "none yet"
                ),
                late=sum(s.status is Status.LATE for s in statuses),
                due=sum(s.status is Status.DUE for s in statuses),
                received=sum(s.status is Status.IN for s in statuses),
                status=newest.status if newest else None,
                tag=TAG[newest.status] if newest else "",
                can_submit=selectors.may_submit(user=user, measure=measure),
            )
        )
    order = {Status.LATE: 0, Status.DUE: 1, Status.IN: 2, None: 3}
    return sorted(rows, key=lambda r: (order[r.status] if r.late == 0 else -1, r.measure.title))


@dataclass(frozen=True)
class PeriodRow:
    start: date
    label: str
    due: date
    status: Status
    tag: str
    figure: str
    parts: str
    interval: str
    entered: str
    submit_href: str


@dataclass(frozen=True)
class HistoryRow:
    period: str
    version: int
    change: str
    who: str
    at: str
    how: str
    note: str


@dataclass
class MeasurePage:
    measure: Measure
    periods: list[PeriodRow]
    history: list[HistoryRow]
    can_submit: bool
    counts: dict[str, int]


def _period_row(measure: Measure, s: PeriodStatus, can_submit: bool) -> PeriodRow:
    row = s.value
    submit = (
        reverse("measures:submit", kwargs={"measure_id": measure.pk}) + f"?period={s.period.start:%Y-%m-%d}"
    )
    return PeriodRow(
        start=s.period.start,
        label=s.period.label,
        due=s.period.due,
        status=s.status,
        tag=TAG[s.status],
        figure=value_text(measure, row.value) if row else "",
        parts=parts_text(row),
        interval=interval_text(measure, row),
        entered=f"{row.entered_by.get_full_name() or row.entered_by.username}, {when(row.entered_at)}"
        if row
        else "",
        submit_href=submit if can_submit else "",
    )


def history(measure: Measure, rows: list[MeasureValue]) -> list[HistoryRow]:
    """Each version with what it changed: "new" for the first, "old → new" for a correction."""
    by_period: dict[date, list[MeasureValue]] = {}
    for row in sorted(rows, key=lambda r: (r.period_start, r.version)):
        by_period.setdefault(row.period_start, []).append(row)
    shown: list[tuple[tuple[Any, int], HistoryRow]] = []
    for start, versions in by_period.items():
        previous: MeasureValue | None = None
        for row in versions:
            new = _figure_with_parts(measure, row)
            change = new if previous is None else f"{_figure_with_parts(measure, previous)} → {new}"
            entry = HistoryRow(
                period=period_label(start, measure.frequency),
                version=row.version,
                change=change,
                who=row.entered_by.get_full_name() or row.entered_by.username,
                at=when(row.entered_at),
                how=row.get_source_display() + (f" ({row.file_name})" if row.file_name else ""),
                note=row.note,
            )
            shown.append(((row.entered_at, row.version), entry))
            previous = row
    return [entry for _, entry in sorted(shown, key=lambda pair: pair[0], reverse=True)]


def _figure_with_parts(measure: Measure, row: MeasureValue) -> str:
    parts = parts_text(row)
    return value_text(measure, row.value) + (f" ({parts})" if parts else "")


def measure_page(*, user: Any, measure: Measure, on: date | None = None) -> MeasurePage:
    can_submit = selectors.may_submit(user=user, measure=measure)
    statuses = selectors.period_statuses(measure=measure, on=on)
    all_versions = list(selectors.value_history(measure=measure))
    corrected = [
        r
        for r in all_versions
        if any(o.period_start == r.period_start and o.version > 1 for o in all_versions)
    ]
    return MeasurePage(
        measure=measure,
        periods=[_period_row(measure, s, can_submit) for s in statuses],
        history=history(measure, corrected),
        can_submit=can_submit,
        counts={st.value: sum(s.status is st for s in statuses) for st in Status},
    )
