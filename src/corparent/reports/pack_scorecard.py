"""The scorecard section of the panel pack.

The figures are the scorecard frozen into the meeting (``Meeting.frozen_scorecard``) when it has
been frozen. Otherwise they are the published snapshot chosen for the meeting (``Meeting.snapshot``)
or else the latest published one, read through the scorecard app with the MEMBER audience, so small
numbers are hidden exactly as members see them. A pack never carries an unsuppressed figure.

The frozen JSON is written by ``panels.services.meetings.scorecard_freeze``: a flat list of rows
``{"theme", "indicator", "title", "figure", "suppressed", "as_at", "target", "rag"}`` with the
figure, date and target already as text. It is read tolerantly here, so a later shape still prints:
a list of themes (``{"title": ..., "rows": [...]}``) is read too, a row may carry ``value`` and
``unit`` instead of the figure's text, ``reference_date`` instead of ``as_at``, and a theme's slug.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils import timezone

from corparent.engine.indicators.suppression import Audience
from corparent.panels.models import Meeting
from corparent.reports import charts
from corparent.reports.document import Chart, Paragraph, Section, Table
from corparent.scorecard import presenters as scorecard_presenters
from corparent.scorecard import selectors as scorecard_selectors
from corparent.scorecard.rag import Rag
from corparent.scorecard.themes import THEMES, theme_of

HIDDEN = scorecard_presenters.HIDDEN
HEADERS = ("Indicator", "Figure", "As at", "Against target", "Target")
SUPPRESSION_NOTE = (
    'A figure shown as "hidden" rests on a count of 1 to 5 children (or would let one be worked out), '
    "so it is not published, to protect the children it is about."
)


@dataclass
class Row:
    title: str
    figure: str
    as_at: str = ""
    rag: str = ""
    target: str = ""
    percentage: float | None = None  # for the chart: a shown percentage, else None


@dataclass
class Theme:
    title: str
    rows: list[Row] = field(default_factory=list)


# ------------------------------------------------------------------ reading the frozen JSON


def _first(row: dict[str, Any], *keys: str) -> Any:
    for key in keys:
        value = row.get(key)
        if value not in (None, ""):
            return value
    return None


def _date_text(value: Any) -> str:
    if value in (None, ""):
        return ""
    try:
        return scorecard_presenters.when(date.fromisoformat(str(value)[:10]))
    except ValueError:
        return str(value)


def _rag_text(value: Any) -> str:
    if isinstance(value, dict):
        value = _first(value, "label", "value", "rag")
    if value in (None, ""):
        return ""
    try:
        found = Rag(str(value).lower())
    except ValueError:
        return str(value)
    return f"{found.label}: {found.meaning}"


def _number(value: Any) -> float | None:
    try:
        return None if value in (None, "") or isinstance(value, bool) else float(value)
    except (TypeError, ValueError):
        return None


def _frozen_row(raw: dict[str, Any]) -> Row:
    unit = str(raw.get("unit") or "")
    value = _number(raw.get("value"))
    suppressed = bool(raw.get("suppressed")) or raw.get("figure") == HIDDEN
    figure = _first(raw, "figure", "figure_text", "text")
    if suppressed:
        figure = HIDDEN
    elif figure is None:
        figure = scorecard_presenters.number(value, unit)
    target = _first(raw, "target_text", "target")
    if isinstance(target, int | float) and not isinstance(target, bool):
        target = scorecard_presenters.number(float(target), unit)
    return Row(
        title=str(_first(raw, "title", "indicator_title", "name", "id", "indicator_id", "indicator") or ""),
        figure=str(figure),
        as_at=_date_text(_first(raw, "as_at", "reference_date")),
        rag="" if suppressed else _rag_text(raw.get("rag")),
        target=str(target or ""),
        percentage=None if suppressed else _percentage(value, unit, str(figure)),
    )


def _percentage(value: float | None, unit: str, figure: str) -> float | None:
    """The figure as a percentage for the chart: its value when its unit is "%", else read from the
    figure as shown ("88.5%")."""
    if unit == "%":
        return value
    if unit or not figure.endswith("%"):
        return None
    return _number(figure.removesuffix("%").replace(",", ""))


def _theme_title(raw: dict[str, Any]) -> str:
    named = _first(raw, "theme_title", "theme")
    if named:
        by_slug = {t.slug: t.title for t in THEMES}
        return by_slug.get(str(named), str(named))
    indicator = _first(raw, "id", "indicator_id", "indicator")
    return theme_of(str(indicator)).title if indicator else "Scorecard"


def frozen_themes(data: Any) -> list[Theme]:
    """The frozen scorecard JSON as themes of rows, in the order it was frozen."""
    themes: dict[str, Theme] = {}
    for entry in data if isinstance(data, list) else []:
        if not isinstance(entry, dict):
            continue
        if isinstance(entry.get("rows"), list):
            title = str(_first(entry, "title", "theme_title", "theme") or "Scorecard")
            theme = themes.setdefault(title, Theme(title))
            theme.rows.extend(_frozen_row(r) for r in entry["rows"] if isinstance(r, dict))
        else:
            title = _theme_title(entry)
            themes.setdefault(title, Theme(title)).rows.append(_frozen_row(entry))
    return [t for t in themes.values() if t.rows]


# ------------------------------------------------------------------ or a published snapshot


def snapshot_themes(snapshot: Any) -> list[Theme]:
    """A published snapshot's scorecard as members see it (small numbers hidden)."""
    found = []
    for view in scorecard_presenters.scorecard(snapshot=snapshot, audience=Audience.MEMBER):
        theme = Theme(view.title)
        for row in view.rows:
            latest = row.trend[-1].value if row.trend and not row.suppressed else None
            theme.rows.append(
                Row(
                    title=row.title,
                    figure=row.figure,
                    as_at=row.as_at,
                    rag=f"{row.rag.label}: {row.rag.meaning}" if row.rag else "",
                    target=row.target,
                    percentage=latest if row.unit == "%" else None,
                )
            )
        found.append(theme)
    return found


def _source(meeting: Meeting) -> tuple[list[Theme], str]:
    if meeting.frozen_scorecard:
        when = (
            f" on {scorecard_presenters.when(timezone.localtime(meeting.frozen_at).date())}"
            if meeting.frozen_at
            else ""
        )
        return frozen_themes(meeting.frozen_scorecard), f"The figures were frozen into this meeting{when}."
    snapshot = meeting.snapshot
    if snapshot is None or snapshot.status != snapshot.Status.READY:
        snapshot = scorecard_selectors.snapshot_get()
    if snapshot is None:
        return [], ""
    as_at = scorecard_presenters.when(snapshot.reference_date)
    return snapshot_themes(snapshot), (
        f"The scorecard has not been frozen into this meeting: these are the published figures as at "
        f"{as_at} (snapshot {snapshot.pk})."
    )


# ------------------------------------------------------------------ the section


def _chart(theme: Theme) -> Chart | None:
    points = [(r.title, r.percentage) for r in theme.rows if r.percentage is not None]
    if not points:
        return None
    alt = f"Bar chart of the percentages in {theme.title}, each out of 100: " + "; ".join(
        f"{label} {value:.1f}%" for label, value in points
    )
    return Chart(
        svg=charts.percentage_bars(points),
        alt=alt + ". The same figures are in the table below.",
        caption=f"{theme.title}: percentages (hidden figures are left out)",
    )


def scorecard_section(meeting: Meeting) -> Section:
    section = Section("Performance scorecard", level=2, new_page=True, anchor="scorecard")
    themes, source = _source(meeting)
    if not themes:
        section.blocks.append(Paragraph("No published figures are available for this meeting."))
        return section
    section.blocks += [Paragraph(source), Paragraph(SUPPRESSION_NOTE)]
    for theme in themes:
        sub = Section(theme.title, level=3)
        chart = _chart(theme)
        if chart is not None:
            sub.blocks.append(chart)
        sub.blocks.append(
            Table(
                caption=f"{theme.title}: figures",
                headers=HEADERS,
                rows=tuple((r.title, r.figure, r.as_at, r.rag, r.target) for r in theme.rows),
                row_headers=True,
            )
        )
        section.subsections.append(sub)
    return section
