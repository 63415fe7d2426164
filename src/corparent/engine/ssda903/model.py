"""What reading a return produces: the loaded tables, where they came from, and read errors."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import duckdb


def collection_year_of(d: date) -> int:
    """The collection year a date falls in, named by the year it ends (1 April Y-1 to 31 March Y)."""
    return d.year + 1 if (d.month, d.day) > (3, 31) else d.year


def collection_year_end(year: int) -> date:
    return date(year, 3, 31)


@dataclass(frozen=True)
class SourceFile:
    """One CSV file read into the engine."""

    path: Path
    table: str  # DfE table name, e.g. "Episodes"
    year: int  # collection year (ending 31 March of this year)
    encoding: str  # "utf-8", "utf-8-sig" or "cp1252"
    rows: int
    sha256: str


@dataclass
class Return:
    """A 903 return (one or more collection years) loaded into a DuckDB connection.

    For every table in ``tables.TABLES`` the connection holds:

    - ``<key>_all``: every row of every year's file, typed, with ``year`` (collection year),
      ``_file`` (path) and ``_row`` (0-based data row in that file);
    - ``<key>``: the rows joined across years as indicators.md says (for Episodes, one row per
      CHILD and DECOM, the latest year's row winning; likewise for the other tables by their key).

    A table with no file is present and empty, and absent from ``present``. ``malformed_values``
    holds the dates a lenient read (``read_return(..., lenient_dates=True)``) could not read, as
    written: ``tbl`` (DfE table name), ``field``, ``value``, ``year``, ``_file``, ``_row``; they are
    NULL in the tables above, and ``malformed`` counts them (always 0 for a strict read).
    """

    con: duckdb.DuckDBPyConnection
    years: list[int]
    files: list[SourceFile] = field(default_factory=list)
    present: set[str] = field(default_factory=set)  # DfE table names that had at least one file
    columns: dict[str, set[str]] = field(default_factory=dict)  # DfE table name -> optional columns seen
    malformed: int = 0  # dates read as NULL because they were not dates (lenient reads only)

    @property
    def latest_year(self) -> int:
        return max(self.years)

    def has(self, table: str, column: str | None = None) -> bool:
        if table not in self.present:
            return False
        return column is None or column in self.columns.get(table, set())


@dataclass(frozen=True)
class ReadProblem:
    """One reason a file could not be read, named precisely enough to fix it."""

    file: str
    row: int | None  # 0-based data row (the header is not a data row); None for whole-file problems
    column: str | None
    value: str | None
    expected: str

    @property
    def line(self) -> int | None:
        """1-based line in the file as a spreadsheet shows it (the header is line 1)."""
        return None if self.row is None else self.row + 2

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row} (line {self.line})"
        if self.column:
            where += f", column {self.column}"
        got = f": {self.value!r}" if self.value is not None else ""
        return f"{where}{got}: expected {self.expected}"


class ReturnReadError(Exception):
    """The return could not be read. Nothing was loaded. ``problems`` lists every reason found."""

    def __init__(self, problems: list[ReadProblem]) -> None:
        self.problems = problems
        head = f"{len(problems)} problem(s) reading the return"
        shown = "\n".join(f"  - {p}" for p in problems[:50])
        more = f"\n  ... and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"{head}:\n{shown}{more}")
