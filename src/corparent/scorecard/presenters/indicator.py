"""The drill-down page of one indicator: its figure, trend, breakdowns, funnel plot of every
council, commentary and targets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from corparent.engine.indicators.catalogue import Indicator
from corparent.engine.indicators.result import ALL, Result
from corparent.engine.indicators.suppression import Audience
from corparent.returns.models import Snapshot
from corparent.scorecard import charts, selectors
from corparent.scorecard.models import Commentary, Target
from corparent.scorecard.presenters.scorecard import IndicatorRow, row_of
from corparent.scorecard.presenters.text import HIDDEN, count_text, figure_text, interval_text, number
from corparent.scorecard.themes import BREAKDOWN_TITLES, GROUP_ORDER


@dataclass(frozen=True)
class BreakdownRow:
    group: str
    numerator: str
    denominator: str
    figure: str
    interval: str
    suppressed: bool


@dataclass
class BreakdownTable:
    slug: str
    title: str
    rows: list[BreakdownRow]


@dataclass(frozen=True)
class FunnelRow:
    name: str
    numerator: str
    denominator: str
    figure: str
    ours: bool
    outside: str


@dataclass
class IndicatorPage:
    indicator: Indicator
    row: IndicatorRow
    breakdowns: list[BreakdownTable]
    trend_chart: Any
    funnel_chart: Any | None
    funnel_rows: list[FunnelRow]
    funnel_year: str
    funnel_note: str
    targets: list[Target]
    commentary: list[Commentary]
    current_target: Target | None


def _breakdown_row(r: Result) -> BreakdownRow:
    return BreakdownRow(
        group="All children" if r.group == ALL else r.group,
        numerator=HIDDEN if r.suppressed else count_text(r.numerator),
        denominator=HIDDEN if r.suppressed else count_text(r.denominator),
        figure=figure_text(r),
        interval=interval_text(r),
        suppressed=r.suppressed,
    )


def _group_order(r: Result) -> tuple[int, str]:
    return (GROUP_ORDER.get(r.group, len(GROUP_ORDER)), r.group)


def indicator_page(*, snapshot: Snapshot, audience: Audience, indicator: Indicator) -> IndicatorPage:
    results = selectors.snapshot_results(snapshot=snapshot, audience=audience, indicator_id=indicator.id)
    series = selectors.headlines(results).get(indicator.id, [])
    target = selectors.target_current(indicator_id=indicator.id)
    comments = list(selectors.commentary_history(indicator_id=indicator.id))
    latest = next((c for c in comments if c.snapshot_id == snapshot.pk), None)
    figure = selectors.current(series, snapshot)
    found = (
        selectors.comparison(indicator_id=indicator.id, reference_date=figure.reference_date)
        if figure
        else None
    )
    row = row_of(indicator, series, snapshot, target, latest, found)
    figure = selectors.current(series, snapshot)
    tables: list[BreakdownTable] = []
    if figure is not None:
        at = [r for r in results if r.reference_date == figure.reference_date]
        for slug in ("all", *indicator.breakdowns):
            rows = [
                _breakdown_row(r) for r in sorted((r for r in at if r.breakdown == slug), key=_group_order)
            ]
            if rows:
                tables.append(BreakdownTable(slug, BREAKDOWN_TITLES.get(slug, slug.replace("_", " ")), rows))
    trend = charts.trend_chart(
        [(p.label, p.value) for p in row.trend],
        title=f"{indicator.title}: trend",
        desc="; ".join(f"{p.label}: {p.text}" for p in row.trend)
        + (f". Target: {row.target}." if row.target else ""),
        unit=row.unit,
        target=target.target if target else None,
    )
    funnel_chart, funnel_rows, funnel_year, note = _funnel(indicator, figure, snapshot)
    return IndicatorPage(
        indicator=indicator,
        row=row,
        breakdowns=tables,
        trend_chart=trend,
        funnel_chart=funnel_chart,
        funnel_rows=funnel_rows,
        funnel_year=funnel_year,
        funnel_note=note,
        targets=list(selectors.target_history(indicator_id=indicator.id)),
        commentary=comments,
        current_target=target,
    )


def _funnel(
    indicator: Indicator, figure: Result | None, snapshot: Snapshot
) -> tuple[Any, list[FunnelRow], str, str]:
    unit = indicator.unit.value
    if unit not in ("%", "per 10,000"):
        return (
            None,
            [],
            "",
            "A funnel plot is drawn for percentages and rates; this figure is a "
            + ("count." if unit == "count" else "mean."),
        )
    ref = figure.reference_date if figure is not None else snapshot.reference_date
    data = selectors.funnel(indicator_id=indicator.id, reference_date=ref)
    usable = [
        f
        for f in (data.figures if data else [])
        if f.value is not None and f.denominator is not None and f.denominator > 0
    ]
    if data is None or not usable:
        return None, [], "", "No figures for all councils have been imported for this indicator yet."
    found = selectors.comparison(indicator_id=indicator.id, reference_date=ref)
    england = found.england.value if found is not None and found.england is not None else None
    if england is None:
        num = sum(f.numerator or 0 for f in usable)
        den = sum(f.denominator for f in usable)
        england = num / den * (100 if unit == "%" else 10_000) if den else 0.0
    entries = [
        (
            charts.FunnelPoint(f.area_name, f.denominator, f.value, ours=f.area_code == data.council_code),
            f.numerator,
        )
        for f in usable
    ]
    if figure is not None and not figure.suppressed and figure.denominator and figure.value is not None:
        entries.append(
            (
                charts.FunnelPoint("This snapshot", figure.denominator, figure.value, ours=True),
                figure.numerator,
            )
        )
    points = [p for p, _ in entries]
    rows = [
        FunnelRow(
            name=p.label,
            numerator=count_text(numerator),
            denominator=count_text(p.denominator),
            figure=number(p.value, unit),
            ours=p.ours,
            outside=_position(p, england, unit),
        )
        for p, numerator in sorted(entries, key=lambda e: (not e[0].ours, e[0].label))
    ]
    chart = charts.funnel_plot(
        points,
        centre=england,
        unit=unit,
        title=f"{indicator.title}: funnel plot of every council, {data.year}",
        desc=(
            f"Each council's figure against the number of children it counts, with 95% and 99.8% "
            f"control limits around England's {number(england, unit)}. Our council is the black diamond."
        ),
    )
    return chart, rows, str(data.year), ""


def _position(p: charts.FunnelPoint, centre: float, unit: str) -> str:
    lo95, hi95 = charts.control_limits(centre, p.denominator, unit, charts.Z_95)
    lo998, hi998 = charts.control_limits(centre, p.denominator, unit, charts.Z_998)
    if not lo998 <= p.value <= hi998:
        return "outside the 99.8% limits"
    if not lo95 <= p.value <= hi95:
        return "outside the 95% limits"
    return "within the limits"
