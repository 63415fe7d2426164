"""Local measures as scorecard rows, beside the statutory indicators.

Each measure with a value becomes an ``IndicatorRow`` (marked local) under the theme its officer
chose (by default "Local measures"): its latest value, trend, 95% interval, target and RAG (the
scorecard's Target rows and RAG rule), and commentary on its latest period. Small numbers are
suppressed for everyone but analysts by the engine's policy, as statutory figures are.
"""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from corparent.engine.indicators.result import ALL, Result
from corparent.engine.indicators.suppression import Audience, suppress
from corparent.measures import figures, selectors
from corparent.measures.models import Measure, MeasureValue
from corparent.measures.periods import period_label
from corparent.measures.presenters import DISPLAY_UNIT, value_text
from corparent.scorecard import charts
from corparent.scorecard.presenters import HIDDEN, IndicatorRow, TrendPoint, number, tolerance_text
from corparent.scorecard.rag import rag
from corparent.scorecard.selectors import current_targets

LOCAL_THEME = ("local", "Local measures")
TREND_POINTS = 8


def _result(measure: Measure, row: MeasureValue) -> Result:
    lower, upper = figures.interval(unit=measure.unit, numerator=row.numerator, denominator=row.denominator)
    return Result(
        indicator=measure.indicator_id,
        title=measure.title,
        reference_date=row.period_end,
        period_start=row.period_start,
        period_end=row.period_end,
        breakdown=ALL,
        group=ALL,
        numerator=row.numerator if row.numerator is not None else None,
        denominator=row.denominator,
        value=row.value,
        unit=figures.ENGINE_UNIT[measure.unit],
        lower=lower,
        upper=upper,
    )


def series(*, measure: Measure, values: dict[date, MeasureValue], audience: Audience) -> list[Result]:
    """The measure's values as figures, oldest first, as ``audience`` may see them."""
    results = [_result(measure, values[start]) for start in sorted(values)]
    return suppress(results, audience)


def _text(measure: Measure, figure: Result) -> str:
    return HIDDEN if figure.suppressed else value_text(measure, figure.value)


def _target_text(measure: Measure, target: object | None) -> str:
    if target is None:
        return ""
    unit = DISPLAY_UNIT[measure.unit]
    direction = "or more" if measure.polarity == Measure.Polarity.UP else "or less"
    text = f"{number(target.target, unit)} {direction}"  # type: ignore[attr-defined]
    if target.amber_tolerance:  # type: ignore[attr-defined]
        text += f" (amber within {tolerance_text(target.amber_tolerance, unit)})"  # type: ignore[attr-defined]
    return text


def local_rows(*, audience: Audience) -> dict[str, list[IndicatorRow]]:
    """Scorecard rows for every local measure with a value, by theme slug."""
    measures = list(selectors.measures_all())
    values = selectors.current_values(measures=measures)
    notes = selectors.latest_commentary(measures=measures)
    targets = current_targets()
    found: dict[str, list[IndicatorRow]] = {}
    for measure in measures:
        shown = series(measure=measure, values=values.get(measure.pk, {}), audience=audience)
        if not shown:
            continue
        latest = shown[-1]
        target = targets.get(measure.indicator_id)
        status = (
            None
            if latest.suppressed or target is None
            else rag(
                value=latest.value,
                target=target.target,
                amber_tolerance=target.amber_tolerance,
                polarity=measure.polarity,
            )
        )
        note = notes.get(measure.pk)
        if note is not None and note.period_start != latest.period_start:
            note = None  # commentary on an earlier period is not about this figure
        trend = [
            TrendPoint(period_label(r.period_start, measure.frequency), _text(measure, r), r.value)
            for r in shown[-TREND_POINTS:]
        ]
        interval = ""
        if not latest.suppressed and latest.lower is not None and latest.upper is not None:
            interval = f"{value_text(measure, latest.lower)} to {value_text(measure, latest.upper)}"
        row = IndicatorRow(
            id=measure.indicator_id.replace(":", "-"),
            title=measure.title,
            meaning=measure.meaning,
            unit=DISPLAY_UNIT[measure.unit],
            polarity=measure.get_polarity_display(),
            figure=_text(measure, latest),
            suppressed=latest.suppressed,
            as_at=period_label(latest.period_start, measure.frequency),
            trend=trend,
            sparkline=charts.sparkline(
                [p.value for p in trend],
                title=f"Trend: {measure.title}",
                desc="; ".join(f"{p.label}: {p.text}" for p in trend),
            ),
            comparators=[],
            rag=status,
            target=_target_text(measure, target),
            commentary=note,  # type: ignore[arg-type]  # the same fields: why, action, by_when
            needs_commentary=bool(status and status.needs_commentary and note is None),
            local=True,
            href=reverse("measures:detail", kwargs={"measure_id": measure.pk}),
            commentary_href=reverse("measures:commentary_edit", kwargs={"measure_id": measure.pk}),
            interval=interval,
            owner=measure.owner_name,
        )
        found.setdefault(measure.theme or LOCAL_THEME[0], []).append(row)
    return found
