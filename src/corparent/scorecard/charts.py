"""Charts as inline SVG, made in Python: a sparkline, a trend chart and a funnel plot.

Each chart has role="img", a <title> and a <desc> saying what it shows (or, for the scorecard's
sparklines, is described by the list of the trend's figures beside it rather than repeating them);
the page puts its data table beside it, so nothing is in the picture alone. Colours are GOV.UK's
and every point also differs by shape or label, not by colour only.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import count
from typing import Final

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

Z_95: Final = 1.959963984540054
Z_998: Final = 3.090232306167813

_ids = count(1)

BLUE: Final = "#1d70b8"
BLACK: Final = "#0b0c0c"
GREY: Final = "#505a5f"
LIGHT: Final = "#b1b4b6"


def _open(
    width: int, height: int, title: str, desc: str, css: str, described_by: str = ""
) -> tuple[str, str]:
    """The chart's opening: an image labelled by its title and described by its <desc>, or, with
    ``described_by``, by the element of that id on the page (its data, shown beside it)."""
    n = next(_ids)
    if described_by:
        labels = f'aria-labelledby="chart-{n}-title" aria-describedby="{escape(described_by)}"'
        description = ""
    else:
        labels = f'aria-labelledby="chart-{n}-title chart-{n}-desc"'
        description = f'<desc id="chart-{n}-desc">{escape(desc)}</desc>'
    head = (
        f'<svg class="{css}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" {labels} '
        f'style="max-width:100%;height:auto" focusable="false">'
        f'<title id="chart-{n}-title">{escape(title)}</title>{description}'
    )
    return head, "</svg>"


def _xy(x: float, y: float) -> str:
    """A point to a tenth, with no trailing ".0" (the sparklines are repeated on every row)."""
    return f"{x:.1f},{y:.1f}".replace(".0,", ",").removesuffix(".0")


def _scale(lo: float, hi: float, out_lo: float, out_hi: float):
    span = (hi - lo) or 1.0

    def f(v: float) -> float:
        return out_lo + (v - lo) / span * (out_hi - out_lo)

    return f


def _nice_ticks(lo: float, hi: float, n: int = 4) -> list[float]:
    if hi <= lo:
        return [lo]
    raw = (hi - lo) / n
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    first = math.ceil(lo / step) * step
    ticks = []
    v = first
    while v <= hi + step * 1e-9:
        ticks.append(round(v, 10))
        v += step
    return ticks


def _num(v: float) -> str:
    return f"{v:,.0f}" if abs(v) >= 100 or float(v).is_integer() else f"{v:,.1f}"


def sparkline(
    values: Sequence[float | None], *, title: str, desc: str = "", described_by: str = ""
) -> SafeString:
    """A small line of the trend (oldest first); gaps where a figure is hidden or missing. Described
    by ``desc``, or by the element with the id ``described_by`` (the trend's figures beside it)."""
    width, height, pad = 120, 32, 4
    head, tail = _open(width, height, title, desc, "app-sparkline", described_by)
    known = [v for v in values if v is not None]
    if len(values) < 2 or not known:
        return mark_safe(head + tail)
    x = _scale(0, len(values) - 1, pad, width - pad)
    y = _scale(min(known), max(known), height - pad, pad)
    parts: list[str] = []
    run: list[str] = []
    for i, v in enumerate(values):
        if v is None:
            if len(run) > 1:
                parts.append(
                    f'<polyline points="{" ".join(run)}" fill="none" stroke="{BLUE}" stroke-width="2"/>'
                )
            run = []
            continue
        run.append(_xy(x(i), y(v)))
    if len(run) > 1:
        parts.append(f'<polyline points="{" ".join(run)}" fill="none" stroke="{BLUE}" stroke-width="2"/>')
    last = max(i for i, v in enumerate(values) if v is not None)
    cx, cy = _xy(x(last), y(values[last])).split(",")  # type: ignore[arg-type]
    parts.append(f'<circle cx="{cx}" cy="{cy}" r="3" fill="{BLACK}"/>')
    return mark_safe(head + "".join(parts) + tail)


def trend_chart(
    points: Sequence[tuple[str, float | None]],
    *,
    title: str,
    desc: str,
    unit: str,
    target: float | None = None,
) -> SafeString:
    """A line chart of the trend, with the target as a dashed line when there is one."""
    width, height = 560, 240
    left, right, top, bottom = 64, 16, 16, 40
    head, tail = _open(width, height, title, desc, "app-chart")
    known = [v for _, v in points if v is not None] + ([target] if target is not None else [])
    if not points or not known:
        return mark_safe(head + tail)
    lo, hi = min(0.0, min(known)), max(known) * 1.1 or 1.0
    if unit == "%":
        hi = min(100.0, max(hi, 10.0))
    ticks = _nice_ticks(lo, hi)
    hi = max(hi, ticks[-1])
    x = _scale(0, max(len(points) - 1, 1), left + 20, width - right - 20)
    y = _scale(lo, hi, height - bottom, top)
    out: list[str] = []
    for t in ticks:
        out.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(t):.1f}" y2="{y(t):.1f}" stroke="{LIGHT}"/>'
            f'<text x="{left - 6}" y="{y(t) + 4:.1f}" text-anchor="end" font-size="12" fill="{BLACK}">'
            f"{_num(t)}</text>"
        )
    for i, (label, _) in enumerate(points):
        out.append(
            f'<text x="{x(i):.1f}" y="{height - bottom + 18}" text-anchor="middle" font-size="12" '
            f'fill="{BLACK}">{escape(label)}</text>'
        )
    if target is not None:
        out.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(target):.1f}" y2="{y(target):.1f}" '
            f'stroke="{BLACK}" stroke-dasharray="6 4"/>'
            f'<text x="{width - right}" y="{y(target) - 4:.1f}" text-anchor="end" font-size="12" '
            f'fill="{BLACK}">target {_num(target)}</text>'
        )
    coords = [(x(i), y(v)) for i, (_, v) in enumerate(points) if v is not None]
    if len(coords) > 1:
        pts = " ".join(f"{a:.1f},{b:.1f}" for a, b in coords)
        out.append(f'<polyline points="{pts}" fill="none" stroke="{BLUE}" stroke-width="3"/>')
    for a, b in coords:
        out.append(f'<circle cx="{a:.1f}" cy="{b:.1f}" r="4" fill="{BLUE}"/>')
    return mark_safe(head + "".join(out) + tail)


@dataclass(frozen=True)
class FunnelPoint:
    label: str
    denominator: float
    value: float
    ours: bool = False


def control_limits(centre: float, n: float, unit: str, z: float) -> tuple[float, float]:
    """The limits around ``centre`` for a denominator ``n``: binomial (normal approximation) for a
    percentage, Poisson for a rate per 10,000."""
    if n <= 0:
        return (math.nan, math.nan)
    if unit == "%":
        p = min(max(centre / 100, 0.0), 1.0)
        half = z * math.sqrt(p * (1 - p) / n) * 100
        return max(0.0, centre - half), min(100.0, centre + half)
    half = z * math.sqrt(max(centre, 0.0) * 10_000 / n)
    return max(0.0, centre - half), centre + half


def funnel_plot(
    points: Sequence[FunnelPoint], *, centre: float, unit: str, title: str, desc: str
) -> SafeString:
    """Every council's value against its denominator, with 95% and 99.8% limits around ``centre``."""
    width, height = 640, 360
    left, right, top, bottom = 64, 16, 16, 48
    head, tail = _open(width, height, title, desc, "app-chart")
    if not points:
        return mark_safe(head + tail)
    max_n = max(p.denominator for p in points) * 1.05
    min_n = max(1.0, min(p.denominator for p in points) * 0.8)
    values = [p.value for p in points] + [centre]
    steps = [min_n + (max_n - min_n) * i / 60 for i in range(61)]
    limits = {z: [control_limits(centre, n, unit, z) for n in steps] for z in (Z_95, Z_998)}
    lo = min(0.0, *values)
    hi = max(*values, *(b for _, b in limits[Z_95])) * 1.05
    if unit == "%":
        hi = min(100.0, hi)
    ticks = _nice_ticks(lo, hi)
    hi = max(hi, ticks[-1])
    x = _scale(0, max_n, left, width - right)
    y = _scale(lo, hi, height - bottom, top)
    out: list[str] = []
    for t in ticks:
        out.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(t):.1f}" y2="{y(t):.1f}" stroke="{LIGHT}"/>'
            f'<text x="{left - 6}" y="{y(t) + 4:.1f}" text-anchor="end" font-size="12" fill="{BLACK}">'
            f"{_num(t)}</text>"
        )
    for t in _nice_ticks(0, max_n):
        out.append(
            f'<text x="{x(t):.1f}" y="{height - bottom + 18}" text-anchor="middle" font-size="12" '
            f'fill="{BLACK}">{_num(t)}</text>'
        )
    out.append(
        f'<text x="{(left + width - right) / 2:.0f}" y="{height - 8}" text-anchor="middle" font-size="12" '
        f'fill="{BLACK}">children counted (denominator)</text>'
    )
    out.append(
        f'<line x1="{left}" x2="{width - right}" y1="{y(centre):.1f}" y2="{y(centre):.1f}" stroke="{BLACK}"/>'
    )
    for z, dash in ((Z_95, "6 4"), (Z_998, "2 3")):
        for side in (0, 1):
            pts = " ".join(
                f"{x(n):.1f},{y(min(max(lim[side], lo), hi)):.1f}"
                for n, lim in zip(steps, limits[z], strict=True)
            )
            out.append(f'<polyline points="{pts}" fill="none" stroke="{GREY}" stroke-dasharray="{dash}"/>')
    for p in sorted(points, key=lambda p: p.ours):
        cx, cy = x(p.denominator), y(p.value)
        if p.ours:
            out.append(
                f'<path d="M{cx:.1f},{cy - 8:.1f} L{cx + 8:.1f},{cy:.1f} L{cx:.1f},{cy + 8:.1f} '
                f'L{cx - 8:.1f},{cy:.1f} Z" fill="{BLACK}" stroke="#ffffff"/>'
                f'<text x="{cx + 11:.1f}" y="{cy + 4:.1f}" font-size="12" font-weight="bold" '
                f'fill="{BLACK}">{escape(p.label)}</text>'
            )
        else:
            out.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="3" fill="{BLUE}" fill-opacity="0.7"/>')
    return mark_safe(head + "".join(out) + tail)
