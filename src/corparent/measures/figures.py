"""A local measure's figure from what is entered, and its 95% interval (pure functions)."""

from __future__ import annotations

import math

from corparent.engine.indicators.intervals import wilson_or_none
from corparent.engine.indicators.result import Unit

SCALE = {"percent": 100.0, "rate": 10_000.0}

# How each unit is suppressed: which engine unit's small-number rules it follows.
ENGINE_UNIT = {
    "percent": Unit.PERCENT,
    "count": Unit.COUNT,
    "rate": Unit.PER_10K,
    "days": Unit.DAYS,
    "number": Unit.MEAN,
}


def check_parts(
    *, unit: str, has_parts: bool, numerator: float | None, denominator: float | None, value: float | None
) -> dict[str, str]:
    """What is wrong with the figures entered for one period (field name -> message); {} when none."""
    problems: dict[str, str] = {}
    numbers = {"numerator": numerator, "denominator": denominator, "value": value}
    for name, number in numbers.items():
        if number is not None and not math.isfinite(number):
            problems[name] = f"Enter the {name} as a number"
    if problems:
        return problems
    if has_parts:
        if numerator is None:
            problems["numerator"] = "Enter the numerator, a whole number of 0 or more"
        elif numerator < 0:
            problems["numerator"] = "Enter the numerator as 0 or more"
        if denominator is None:
            problems["denominator"] = "Enter the denominator, a number above 0"
        elif denominator <= 0:
            problems["denominator"] = "Enter the denominator as a number above 0"
        if not problems and unit == "percent" and numerator > denominator:  # type: ignore[operator]
            problems["numerator"] = "The numerator cannot be more than the denominator for a percentage"
        return problems
    if value is None:
        problems["value"] = "Enter the value"
    elif value < 0:
        problems["value"] = "Enter the value as 0 or more"
    elif unit == "percent" and value > 100:
        problems["value"] = "Enter a percentage from 0 to 100"
    return problems


def figure(
    *, unit: str, has_parts: bool, numerator: float | None, denominator: float | None, value: float | None
) -> float:
    """The value shown: from numerator and denominator when the measure has them, else as entered."""
    if has_parts and numerator is not None and denominator:
        return numerator / denominator * SCALE.get(unit, 1.0)
    assert value is not None
    return float(value)


def interval(
    *, unit: str, numerator: float | None, denominator: float | None
) -> tuple[float | None, float | None]:
    """The 95% Wilson interval of a percentage made of a numerator and a denominator."""
    if unit != "percent" or numerator is None or not denominator or numerator > denominator:
        return None, None
    return wilson_or_none(numerator, denominator)
