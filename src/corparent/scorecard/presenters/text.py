"""How the scorecard pages write a figure, a date, a target or an interval as text.

A hidden (suppressed) figure is written as "hidden", never as a number.
"""

from __future__ import annotations

from datetime import date

from corparent.engine.indicators.catalogue import Indicator, Polarity
from corparent.engine.indicators.result import Result
from corparent.scorecard.models import Target

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


def marker_text(marker: str) -> str:
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


def interval_text(figure: Result) -> str:
    if figure.suppressed or figure.lower is None or figure.upper is None:
        return ""
    unit = figure.unit.value
    return f"{number(figure.lower, unit)} to {number(figure.upper, unit)}"
