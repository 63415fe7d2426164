"""A bar chart of a scorecard theme's percentages, as SVG for the printed pack.

The pack puts the chart in an <img> with alt text (WeasyPrint tags it as a Figure with that text)
and the same figures in the table under it, so nothing is in the picture alone. Bars are GOV.UK
blue with the value written at the end of each: nothing depends on colour.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from django.utils.html import escape

BLUE: Final = "#1d70b8"
BLACK: Final = "#0b0c0c"
GREY: Final = "#505a5f"

WIDTH: Final = 640
LABEL_WIDTH: Final = 300
BAR_HEIGHT: Final = 16
ROW_HEIGHT: Final = 26
MAX_LABEL: Final = 46


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1].rstrip() + "…"


def percentage_bars(points: Sequence[tuple[str, float]]) -> str:
    """Horizontal bars on a 0 to 100 scale, one per (label, percentage), in the order given."""
    height = ROW_HEIGHT * len(points) + 24
    scale = (WIDTH - LABEL_WIDTH - 60) / 100
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" font-family="DejaVu Sans, Arial, sans-serif" font-size="11">'
    ]
    for i, (label, value) in enumerate(points):
        y = i * ROW_HEIGHT + 4
        bar = max(0.0, min(100.0, value)) * scale
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + BAR_HEIGHT - 4}" text-anchor="end" fill="{BLACK}">'
            f"{escape(_short(label))}</text>"
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{bar:.1f}" height="{BAR_HEIGHT}" fill="{BLUE}"/>'
            f'<text x="{LABEL_WIDTH + bar + 4:.1f}" y="{y + BAR_HEIGHT - 4}" fill="{BLACK}">'
            f"{value:.1f}%</text>"
        )
    axis_y = ROW_HEIGHT * len(points) + 4
    parts.append(
        f'<line x1="{LABEL_WIDTH}" y1="{axis_y}" x2="{LABEL_WIDTH + 100 * scale:.1f}" y2="{axis_y}" '
        f'stroke="{GREY}"/>'
    )
    for tick in (0, 50, 100):
        x = LABEL_WIDTH + tick * scale
        parts.append(f'<text x="{x:.1f}" y="{axis_y + 14}" text-anchor="middle" fill="{GREY}">{tick}%</text>')
    parts.append("</svg>")
    return "".join(parts)
