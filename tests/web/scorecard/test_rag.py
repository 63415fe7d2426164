"""RAG against a target, hand-worked."""

from __future__ import annotations

import pytest

from corparent.engine.indicators.catalogue import Polarity
from corparent.scorecard.rag import Rag, rag


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (80.0, Rag.GREEN),  # above a higher-is-better target
        (75.0, Rag.GREEN),  # exactly on it meets it
        (74.0, Rag.AMBER),  # 1 point short, within the 2-point tolerance
        (73.0, Rag.AMBER),  # 2 points short: the edge of amber is still amber
        (72.9, Rag.RED),  # 2.1 points short
        (10.0, Rag.RED),
    ],
)
def test_higher_is_better_target_75_amber_within_2(value: float, expected: Rag) -> None:
    assert rag(value=value, target=75, amber_tolerance=2, polarity=Polarity.UP) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (8.0, Rag.GREEN),  # below a lower-is-better target
        (10.0, Rag.GREEN),
        (10.5, Rag.AMBER),
        (11.0, Rag.AMBER),
        (11.5, Rag.RED),
    ],
)
def test_lower_is_better_target_10_amber_within_1(value: float, expected: Rag) -> None:
    assert rag(value=value, target=10, amber_tolerance=1, polarity=Polarity.DOWN) is expected


def test_without_tolerance_any_shortfall_is_red() -> None:
    assert rag(value=74.9, target=75, polarity=Polarity.UP) is Rag.RED
    assert rag(value=10.1, target=10, polarity="down") is Rag.RED


def test_a_value_equal_to_its_target_after_float_arithmetic_meets_it() -> None:
    value = 0.1 * 3 * 100  # 30.000000000000004 in floating point
    assert value != 30  # the premise
    assert rag(value=value, target=30, polarity=Polarity.DOWN) is Rag.GREEN


def test_no_rag_without_a_target_a_value_or_a_better_direction() -> None:
    assert rag(value=None, target=75, polarity=Polarity.UP) is None
    assert rag(value=80, target=None, polarity=Polarity.UP) is None
    assert rag(value=120, target=100, amber_tolerance=5, polarity=Polarity.NEUTRAL) is None


def test_red_and_amber_need_commentary_green_does_not() -> None:
    assert Rag.RED.needs_commentary and Rag.AMBER.needs_commentary
    assert not Rag.GREEN.needs_commentary
