"""What the scorecard pages show, worked out before the template sees it (templates keep no logic).

Every figure here has already been through ``selectors.snapshot_results``, so it is suppressed for
everyone but analysts; a hidden figure shows as "hidden", never as a number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from corparent.engine.indicators.catalogue import Indicator, Polarity
from corparent.engine.indicators.result import ALL, Result
from corparent.engine.indicators.suppression import Audience
from corparent.returns.models import Snapshot
from corparent.scorecard import charts, selectors
from corparent.scorecard.models import Commentary, Target
from corparent.scorecard.rag import Rag
from corparent.scorecard.themes import BREAKDOWN_TITLES, GROUP_ORDER, OTHER, THEMES, theme_of

HIDDEN = "hidden"
HIDDEN_REASON = "Hidden to protect children: it rests on a count of 1 to 5."


def number(value: float | None, unit: str) -> str:
    """A figure as text with its unit (no unit word for counts)."""
    if value is None:
        return "no figure"
    if unit == "count":
        return f"{value:,.0f}"
    if unit == "%":
        return f"{value:.1f}%"
    if unit == "days":
        return f"{value:,.0f} days"
    if unit == "per 10,000":
        return f"{value:,.1f} per 10,000"
    return f"{value:,.1f}"


def figure_text(figure: Result | None) -> str:
    if figure is None:
        return "no figure"
    if figure.suppressed:
        return HIDDEN
    return number(figure.value, figure.unit.value)


def count_text(value: float | None) -> str:
    return "" if value is None else f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def when(d: date) -> str:
    return f"{d.day} {d:%b %Y}"


def polarity_text(indicator: Indicator) -> str:
    return indicator.polarity.label


@dataclass(frozen=True)
class ComparatorView:
    label: str
    text: str
    year: str
    synthetic: bool


@dataclass(frozen=True)
class TrendPoint:
    label: str
    text: str
    value: float | None


@dataclass
class IndicatorRow:
    id: str
    title: str
    meaning: str
    unit: str
    polarity: str
    figure: str
    suppressed: bool
    as_at: str
    trend: list[TrendPoint]
    sparkline: Any
    comparators: list[ComparatorView]
    rag: Rag | None
    target: str
    commentary: Commentary | None
    needs_commentary: bool
    # Local measures (corparent.measures) are shown as rows too: marked local, linked to their own
    # page and commentary form, with their interval on the row (they have no drill-down page).
    local: bool = False
    href: str = ""
    commentary_href: str = ""
    interval: str = ""
    owner: str = ""


@dataclass
class ThemeView:
    slug: str
    title: str
    rows: list[IndicatorRow] = field(default_factory=list)


def _comparators(found: Any, unit: str) -> list[ComparatorView]:
    if found is None:
        return []
    shown = []
    labels = (
        ("England", found.england),
        (found.region.label if found.region else "Region", found.region),
        (f"Statistical neighbours (median of {found.neighbour_count})", found.neighbours),
    )
    for label, comp in labels:
        if comp is None:
            continue
        text = number(comp.value, unit) if comp.value is not None else _marker_text(comp.marker)
        shown.append(ComparatorView(label=label, text=text, year=str(comp.year), synthetic=comp.synthetic))
    return shown


def _marker_text(marker: str) -> str:
    return {
        "c": "not published (small number)",
        "z": "not applicable",
        "x": "not available",
        "k": "less than 0.5",
    }.get(marker, "not published")


def tolerance_text(tolerance: float, unit: str) -> str:
    """How far from a target is amber: percentage points for a percentage, else the figure's unit."""
    if unit == "%":
        return f"{tolerance:g} percentage points"
    return number(tolerance, unit)


def target_text(target: Target | None, indicator: Indicator) -> str:
    if target is None:
        return ""
    unit = indicator.unit.value
    direction = "or more" if indicator.polarity is Polarity.UP else "or less"
    text = f"{number(target.target, unit)} {direction}"
    if target.amber_tolerance:
        text += f" (amber within {tolerance_text(target.amber_tolerance, unit)})"
    return text


def _row(
    indicator: Indicator,
    series: list[Result],
    snapshot: Snapshot,
    target: Target | None,
    commentary: Commentary | None,
    found: Any | None,
) -> IndicatorRow:
    figure = selectors.current(series, snapshot)
    status = selectors.rag_for(indicator=indicator, figure=figure, target=target)
    unit = indicator.unit.value
    trend = [
        TrendPoint(f"{r.reference_date:%b %Y}", figure_text(r), None if r.suppressed else r.value)
        for r in series
    ]
    return IndicatorRow(
        id=indicator.id,
        title=indicator.title,
        meaning=indicator.meaning,
        unit=unit,
        polarity=polarity_text(indicator),
        figure=figure_text(figure),
        suppressed=bool(figure and figure.suppressed),
        as_at=when(figure.reference_date) if figure else "",
        trend=trend,
        sparkline=charts.sparkline(
            [p.value for p in trend],
            title=f"Trend: {indicator.title}",
            desc="; ".join(f"{p.label}: {p.text}" for p in trend),
        ),
        comparators=_comparators(found, unit),
        rag=status,
        target=target_text(target, indicator),
        commentary=commentary,
        needs_commentary=bool(status and status.needs_commentary and commentary is None),
    )


def _comparisons_at_their_dates(
    indicators: list[Indicator], series: dict[str, list[Result]], snapshot: Snapshot
) -> dict[str, Any]:
    """Each indicator's comparators for the date of its current figure, batched by date."""
    by_date: dict[date, list[str]] = {}
    for indicator in indicators:
        figure = selectors.current(series[indicator.id], snapshot)
        if figure is not None:
            by_date.setdefault(figure.reference_date, []).append(indicator.id)
    found: dict[str, Any] = {}
    for ref, ids in by_date.items():
        found.update(selectors.comparisons(indicator_ids=ids, reference_date=ref))
    return found


def scorecard(*, snapshot: Snapshot, audience: Audience) -> list[ThemeView]:
    """The one-page scorecard: every indicator the snapshot has, grouped by theme."""
    series = selectors.headlines(
        selectors.snapshot_results(snapshot=snapshot, audience=audience, breakdown=ALL)
    )
    targets = selectors.current_targets()
    commentary = selectors.latest_commentary(snapshot=snapshot)
    themes = {t.slug: ThemeView(t.slug, t.title) for t in (*THEMES, OTHER)}
    order = {ind_id: i for i, ind_id in enumerate(i for t in THEMES for i in t.indicators)}
    shown = [
        i for i in sorted(selectors.catalogue(), key=lambda i: order.get(i.id, len(order))) if i.id in series
    ]
    found = _comparisons_at_their_dates(shown, series, snapshot)
    for indicator in shown:
        themes[theme_of(indicator.id).slug].rows.append(
            _row(
                indicator,
                series[indicator.id],
                snapshot,
                targets.get(indicator.id),
                commentary.get(indicator.id),
                found.get(indicator.id),
            )
        )
    _add_local_measures(themes, audience)
    return [t for t in themes.values() if t.rows]


def _add_local_measures(themes: dict[str, ThemeView], audience: Audience) -> None:
    """Local measures beside the statutory indicators: under the theme their officer chose, else
    in their own "Local measures" theme, after the statutory ones."""
    from corparent.measures.scorecard import LOCAL_THEME, local_rows

    themes.setdefault(LOCAL_THEME[0], ThemeView(*LOCAL_THEME))
    for slug, rows in local_rows(audience=audience).items():
        themes.get(slug, themes[LOCAL_THEME[0]]).rows.extend(rows)


# ------------------------------------------------------------------ the drill-down


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


def interval_text(figure: Result) -> str:
    if figure.suppressed or figure.lower is None or figure.upper is None:
        return ""
    unit = figure.unit.value
    return f"{number(figure.lower, unit)} to {number(figure.upper, unit)}"


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
    row = _row(indicator, series, snapshot, target, latest, found)
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


# ------------------------------------------------------------------ easy read


@dataclass(frozen=True)
class EasyFact:
    heading: str
    sentence: str
    england: str


# (indicator, heading, sentence with {n} = out of every 100 / the count)
EASY_READ: tuple[tuple[str, str, str], ...] = (
    ("cla", "Children in our care", "We look after {n} children and young people."),
    (
        "placed_foster_pct",
        "Living with foster carers",
        "Out of every 100 children in our care, {n} live with foster carers.",
    ),
    (
        "placements_3plus_pct",
        "Moving home",
        "Out of every 100 children in our care, {n} moved home 3 or more times this year.",
    ),
    (
        "health_assessment_pct",
        "Health checks",
        "Out of every 100 children who have been in our care for a year, {n} had a health check.",
    ),
    (
        "dental_check_pct",
        "Seeing a dentist",
        "Out of every 100 children who have been in our care for a year, {n} saw a dentist.",
    ),
    (
        "review_participation_pct",
        "Having your say",
        "Out of every 100 meetings about a young person's care plan, {n} had the young person taking part.",
    ),
    (
        "cl_19_21_eet_pct",
        "After care: school, college, training or work",
        "Out of every 100 young people aged 19 to 21 who left our care, {n} are in school, college, "
        "training or work.",
    ),
    (
        "cl_19_21_suitable_accom_pct",
        "After care: a good place to live",
        "Out of every 100 young people aged 19 to 21 who left our care, {n} live somewhere suitable.",
    ),
)
EASY_HIDDEN = (
    "We do not show this number because it is about very few young people, and we keep them private."
)


def easy_read(*, snapshot: Snapshot, audience: Audience) -> list[EasyFact]:
    series = selectors.headlines(
        selectors.snapshot_results(snapshot=snapshot, audience=audience, breakdown=ALL)
    )
    facts = []
    for ind_id, heading, sentence in EASY_READ:
        figure = selectors.current(series.get(ind_id, []), snapshot)
        if figure is None:
            continue
        if figure.suppressed or figure.value is None:
            facts.append(EasyFact(heading, EASY_HIDDEN, ""))
            continue
        england = ""
        found = selectors.comparison(indicator_id=ind_id, reference_date=figure.reference_date)
        if (
            ind_id != "cla"
            and found is not None
            and found.england is not None
            and found.england.value is not None
        ):
            england = f"Across England, it is {found.england.value:.0f} out of every 100."
        facts.append(EasyFact(heading, sentence.format(n=f"{figure.value:,.0f}"), england))
    return facts
