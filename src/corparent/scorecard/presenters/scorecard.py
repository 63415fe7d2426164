"""The one-page scorecard: every indicator the snapshot has, a row each, grouped by theme."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from corparent.engine.indicators.catalogue import Indicator
from corparent.engine.indicators.result import ALL, Result
from corparent.engine.indicators.suppression import Audience
from corparent.returns.models import Snapshot
from corparent.scorecard import charts, selectors
from corparent.scorecard.models import Commentary, Target
from corparent.scorecard.presenters.text import (
    figure_text,
    marker_text,
    number,
    polarity_text,
    target_text,
    when,
)
from corparent.scorecard.rag import Rag
from corparent.scorecard.themes import OTHER, THEMES, theme_of


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

    @property
    def trend_id(self) -> str:
        """The id of the list of the trend's figures on the scorecard page."""
        return trend_id(self.id)


def trend_id(row_id: str) -> str:
    return f"trend-{row_id}"


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
        text = number(comp.value, unit) if comp.value is not None else marker_text(comp.marker)
        shown.append(ComparatorView(label=label, text=text, year=str(comp.year), synthetic=comp.synthetic))
    return shown


def row_of(
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
            described_by=trend_id(indicator.id),  # the trend's figures, listed beside it
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
            row_of(
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
