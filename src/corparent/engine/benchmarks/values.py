"""Reading DfE's cells: numbers, symbols (c, z, x, k, low, u) and time periods."""

from __future__ import annotations

import re
from typing import Final

from corparent.engine.benchmarks.model import SYMBOLS, GeoLevel

LEVELS: Final[dict[str, GeoLevel]] = {
    "National": GeoLevel.NATIONAL,
    "Regional": GeoLevel.REGIONAL,
    "Local authority": GeoLevel.LOCAL,
}
_PERIOD: Final = re.compile(r"^(\d{4})(\d{2})?$")
_LA_CODE: Final = re.compile(r"^\d{3}$")
NUMBER_EXPECTED: Final = "a number or one of DfE's symbols (" + ", ".join(SYMBOLS) + ")"


def collection_year(text: str) -> int | None:
    """2025 -> 2025; 202425 -> 2025 (the year ending 31 March); anything else -> None."""
    m = _PERIOD.match(text.strip())
    if not m:
        return None
    first = int(m.group(1))
    if m.group(2) is None:
        return first
    second = int(m.group(2))
    return first + 1 if second == (first + 1) % 100 else None


def number(text: str) -> tuple[float | None, str, bool]:
    """(value, marker, ok): a number gives (value, "", True); a symbol (None, symbol, True); a blank
    (None, "", True); anything else (None, "", False)."""
    cell = text.strip()
    if not cell:
        return None, "", True
    if cell.lower() in SYMBOLS:
        return None, cell.lower(), True
    try:
        value = float(cell.replace(",", ""))
    except ValueError:
        return None, "", False
    if value != value or value in (float("inf"), float("-inf")):
        return None, "", False
    return value, "", True


def is_la_code(text: str) -> bool:
    return bool(_LA_CODE.match(text))
