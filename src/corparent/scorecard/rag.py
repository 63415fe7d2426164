"""RAG: how a figure compares with the council's target, as a pure function.

Green when the value meets the target in the good direction; amber when it is on the wrong side
by no more than the amber tolerance; red beyond that. No RAG without a target, without a value, or
for an indicator with no better direction (a count such as ``cla`` is context, not performance).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final

from corparent.engine.indicators.catalogue import Polarity

_EPS: Final = 1e-9  # figures are floats: a value equal to its target (to rounding) meets it


class Rag(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"

    @property
    def label(self) -> str:
        return {"green": "Green", "amber": "Amber", "red": "Red"}[self.value]

    @property
    def meaning(self) -> str:
        return {
            "green": "meets the target",
            "amber": "just misses the target",
            "red": "misses the target",
        }[self.value]

    @property
    def needs_commentary(self) -> bool:
        return self is not Rag.GREEN


def rag(
    *, value: float | None, target: float | None, amber_tolerance: float = 0.0, polarity: Polarity | str
) -> Rag | None:
    """The RAG rating of ``value`` against ``target`` (None when there is none to give)."""
    polarity = Polarity(polarity)
    if value is None or target is None or polarity is Polarity.NEUTRAL:
        return None
    shortfall = (target - value) if polarity is Polarity.UP else (value - target)
    if shortfall <= _EPS:
        return Rag.GREEN
    if shortfall <= abs(amber_tolerance) + _EPS:
        return Rag.AMBER
    return Rag.RED
