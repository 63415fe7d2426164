"""What the readers of DfE's published files return: normalized rows and the problems found."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Final

# DfE's symbols for a figure that is not shown (Explore Education Statistics conventions).
SYMBOLS: Final[dict[str, str]] = {
    "c": "suppressed to protect confidentiality",
    "z": "not applicable",
    "x": "not available",
    "k": "rounds to 0",
    "low": "a positive number that rounds to 0",
    "u": "low reliability",
}
ENGLAND_CODE: Final = "E92000001"


class GeoLevel(StrEnum):
    NATIONAL = "national"
    REGIONAL = "regional"
    LOCAL = "local"


class Level(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file: where it is and what was expected there."""

    file: str
    expected: str
    row: int | None = None  # the line in the file (the header is line 1)
    column: str | None = None
    found: str | None = None
    level: Level = Level.ERROR

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {self.column}")
        text = f"{', '.join(where)}: expected {self.expected}"
        if self.found is not None:
            text += f", found {self.found!r}"
        return text if self.level is Level.ERROR else f"{text} (warning)"


@dataclass(frozen=True)
class BenchmarkRow:
    """One published figure for one area, normalized.

    ``year`` is the collection year ending 31 March (time period 2025 or 202425 gives 2025).
    ``area_code`` is the old three-digit LA code for a council, the region code for a region and
    E92000001 for England. ``value`` is DfE's published figure, or None with DfE's ``marker``.
    """

    indicator_id: str
    year: int
    level: GeoLevel
    area_code: str
    area_name: str
    region_code: str
    region_name: str
    value: float | None
    numerator: float | None = None
    denominator: float | None = None
    marker: str = ""


@dataclass(frozen=True)
class NeighbourRow:
    """One council's statistical neighbours in DfE's model, closest first."""

    la_code: str
    la_name: str
    region_name: str
    neighbours: tuple[str, ...]
    closeness: tuple[str, ...]


@dataclass(frozen=True)
class PopulationRow:
    """ONS mid-year estimate of children aged 0 to 17 in one council (``mid_year``: mid-2024 is 2024)."""

    la_code: str
    la_name: str
    mid_year: int
    population: int


@dataclass
class BenchmarkFile:
    """Everything read from one file: its recognised shape, rows of one kind, and the problems."""

    file: str
    kind: str = ""  # a shape id, "sn_model" or "ons_population"; empty when not recognised
    title: str = ""
    sha256: str = ""
    rows: list[BenchmarkRow] = field(default_factory=list)
    neighbours: list[NeighbourRow] = field(default_factory=list)
    populations: list[PopulationRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level is Level.ERROR]

    @property
    def ok(self) -> bool:
        return bool(self.kind) and not self.errors

    @property
    def years(self) -> list[int]:
        found = {r.year for r in self.rows} | {p.mid_year for p in self.populations}
        return sorted(found)

    @property
    def record_count(self) -> int:
        return len(self.rows) + len(self.neighbours) + len(self.populations)
