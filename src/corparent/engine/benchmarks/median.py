"""The statistical neighbours' median, as DfE's dashboard computes it.

DfE's children's social care outcomes dashboard compares a council with the median of its 10
statistical neighbours' published figures, leaving out neighbours with no figure (a suppressed
value ``c``, or ``z``, ``x``, ``k``: R's ``median(as.numeric(x), na.rm = TRUE)``).
"""

from __future__ import annotations

from collections.abc import Iterable
from statistics import median


def neighbour_median(values: Iterable[float | None]) -> tuple[float | None, int]:
    """(median of the values present, how many were present); (None, 0) when none are."""
    present = [v for v in values if v is not None]
    if not present:
        return None, 0
    return float(median(present)), len(present)
