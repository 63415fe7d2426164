"""The SQL that loads one recognised CSV file of a return into DuckDB, and that names its bad values.

Loading is one pass: ``read_csv`` reads every field as text (dates, optionally, as DATE in the
reader itself, which is faster) and the SELECT trims and types them, calling ``error()`` on the
first value it cannot type. The checks in ``valid`` are the single definition of a readable value:
the loading SQL raises exactly when the diagnosing SQL (``diagnose``) finds a row.

Read leniently (``lenient``: what validation reads), a date that is not a DD/MM/YYYY date is not a
reason to refuse the file: it is loaded as NULL and kept, as written, in ``MALFORMED`` (``malformed``),
for the validation rules that report it (DfE's "is not a valid date" rules).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Final

import duckdb

from corparent.engine.ssda903.encoding import FileBytes
from corparent.engine.ssda903.model import ReadProblem, ReturnReadError
from corparent.engine.ssda903.tables import Column, ColumnType, TableSpec

MAX_PROBLEMS: Final = 1000
# Read leniently, the date values that are not dates: (DfE table, field, value as written, year, file, row).
MALFORMED: Final = "malformed_values"
DATE_FORMAT: Final = "%d/%m/%Y"
EXPECTED: Final[Mapping[ColumnType, str]] = MappingProxyType(
    {
        ColumnType.DATE: "a date as DD/MM/YYYY",
        ColumnType.INTEGER: "a whole number",
        ColumnType.DECIMAL: "a number",
    }
)


@dataclass
class CsvFile:
    """One CSV file of a return, as far as it has been understood."""

    path: Path  # as given: the return's folder joined with the file's place in it
    label: str  # the file's place in the return, e.g. "2025/episodes.csv"
    year: int | None  # None until inferred, for a single folder read without ``year``
    found: FileBytes
    spec: TableSpec | None = None
    positions: dict[str, int] = field(default_factory=dict)  # column name -> field index
    read_path: Path | None = None  # what DuckDB reads: the file itself, or its UTF-8 copy
    rows: int = 0

    @property
    def name(self) -> str:
        return str(self.path)


class Problems:
    """Problems found so far: the first MAX_PROBLEMS, and a count of the rest."""

    def __init__(self) -> None:
        self.listed: list[ReadProblem] = []
        self.unlisted = 0

    def add(self, problem: ReadProblem) -> None:
        if len(self.listed) < MAX_PROBLEMS:
            self.listed.append(problem)
        else:
            self.unlisted += 1

    @property
    def room(self) -> int:
        return max(0, MAX_PROBLEMS - len(self.listed))

    def __bool__(self) -> bool:
        return bool(self.listed)

    def error(self) -> ReturnReadError:
        more = []
        if self.unlisted:
            expected = f"values like those above to be corrected (only the first {MAX_PROBLEMS} are listed)"
            more = [ReadProblem(f"... and {self.unlisted} more", None, None, None, expected)]
        return ReturnReadError([*self.listed, *more])


def q(text: str) -> str:
    """A SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def ident(name: str) -> str:
    """A SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def _native_dates(f: CsvFile) -> set[int]:
    assert f.spec is not None
    dates = (f.positions.get(c.name) for c in f.spec.all_columns if c.type is ColumnType.DATE)
    return {i for i in dates if i is not None}


def source(f: CsvFile, native_dates: bool = False) -> str:
    """The file as DuckDB reads it, field i as ``c<i>``; its rows keep the file's order."""
    assert f.read_path is not None
    dates = _native_dates(f) if native_dates else set()
    cols = ", ".join(f"'c{i}': '{'DATE' if i in dates else 'VARCHAR'}'" for i in range(len(f.found.header)))
    return (
        f"read_csv({q(str(f.read_path))}, auto_detect=false, header=true, delim=',', quote='\"', "
        f"escape='\"', strict_mode=true, dateformat='{DATE_FORMAT}', columns={{{cols}}})"
    )


def valid(col: Column, c: str) -> str | None:
    """SQL true when the text ``c`` can be typed as ``col`` (None: any text can).

    Surrounding spaces are allowed: strptime and CAST ignore them.
    """
    if col.type is ColumnType.DATE:  # strptime takes 1-4 digit years: DD/MM/YYYY means year >= 1000
        return f"year(try_strptime({c}, '{DATE_FORMAT}')) >= 1000"
    if col.type is ColumnType.INTEGER:
        return f"regexp_full_match({c}, ' *[+-]?[0-9]{{1,18}} *')"
    if col.type is ColumnType.DECIMAL:
        return f"regexp_full_match({c}, ' *[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+) *')"
    return None


def typed(col: Column, c: str, lowercase: bool = True, lenient: bool = False) -> str:
    """SQL typing the text ``c`` as ``col``: trimmed, blank as NULL, raising if it cannot be typed.

    Codes are upper-cased, unless the file has no lowercase letters (``lowercase`` False). With
    ``lenient``, a date that cannot be typed is NULL instead (``malformed`` keeps it).
    """
    check = valid(col, c)
    if check is None:
        text = f"NULLIF(trim({c}), '')"
        return f"upper({text})" if col.type is ColumnType.CODE and lowercase else text
    value = f"CAST({c} AS {col.sql_type})"
    if col.type is ColumnType.DATE:
        value = f"CAST(strptime({c}, '{DATE_FORMAT}') AS DATE)"
        if lenient:
            return f"CASE WHEN {check} THEN {value} END"
    return (
        f"CASE WHEN {c} IS NULL THEN NULL WHEN {check} THEN {value} "
        f"WHEN trim({c}) = '' THEN NULL ELSE error('unreadable value') END"
    )


def select(f: CsvFile, native_dates: bool, *, lenient: bool = False, frm: str | None = None) -> str:
    """The file's rows, typed, as the columns of ``<key>_all``; ``_row`` is set by ``number_rows``.

    ``frm``: read the file's fields (as text) from this table instead of the file itself.
    """
    assert f.spec is not None
    dates = _native_dates(f) if native_dates else set()
    cols = []
    for col in f.spec.all_columns:
        i = f.positions.get(col.name)
        if i is None:
            expr = f"CAST(NULL AS {col.sql_type})"
        else:
            expr = f"c{i}" if i in dates else typed(col, f"c{i}", f.found.lowercase, lenient)
        cols.append(f"{expr} AS {ident(col.name)}")
    year = "NULL" if f.year is None else str(f.year)
    return (
        f"SELECT {', '.join(cols)}, CAST({year} AS INTEGER) AS year, {q(f.name)} AS _file, "
        f"CAST(NULL AS BIGINT) AS _row FROM {frm or source(f, native_dates)}"
    )


def _bad(col: Column, i: int) -> str:
    """SQL true when field ``c<i>`` holds a value that cannot be typed as ``col`` (blank can)."""
    check = valid(col, f"c{i}")
    assert check is not None
    return f"c{i} IS NOT NULL AND NOT coalesce({check}, false) AND trim(c{i}) <> ''"


def malformed_schema() -> str:
    return "tbl VARCHAR, field VARCHAR, value VARCHAR, year INTEGER, _file VARCHAR, _row BIGINT"


def malformed(f: CsvFile, raw: str, first_rowid: int) -> str | None:
    """The INSERT keeping the file's malformed dates in ``MALFORMED``, from ``raw`` (the file's fields
    as text, its rows in the file's order, so rowid - ``first_rowid`` is the data row; rowids inside a
    transaction do not start at 0); None: the file has no dates."""
    assert f.spec is not None
    year = "NULL" if f.year is None else str(f.year)
    parts = [
        f"SELECT {q(f.spec.name)}, {q(col.name)}, c{i}, CAST({year} AS INTEGER), {q(f.name)}, "
        f"rowid - {int(first_rowid)} "
        f"FROM {raw} WHERE {_bad(col, i)}"
        for col in f.spec.all_columns
        if col.type is ColumnType.DATE and (i := f.positions.get(col.name)) is not None
    ]
    return f"INSERT INTO {MALFORMED} {' UNION ALL '.join(parts)}" if parts else None


def number_rows(f: CsvFile, first_rowid: int) -> str:
    """Set ``_row`` on the rows just inserted, checking that their dates have 4-digit years.

    DuckDB keeps a file's rows in order when inserting them (preserve_insertion_order) and numbers
    a table's rows in the order they were added (rowid), so the data row is rowid - first rowid.
    """
    assert f.spec is not None
    dates = [c.name for c in f.spec.all_columns if c.type is ColumnType.DATE and c.name in f.positions]
    early = " OR ".join(f"{ident(d)} < DATE '1000-01-01'" for d in dates) or "false"
    return (
        f"UPDATE {ident(f.spec.key + '_all')} SET _row = CASE WHEN {early} THEN error('unreadable value') "
        f"ELSE rowid - {int(first_rowid)} END WHERE _row IS NULL"
    )


def schema(spec: TableSpec) -> str:
    cols = [f"{ident(c.name)} {c.sql_type}" for c in spec.all_columns]
    return ", ".join([*cols, "year INTEGER", "_file VARCHAR", "_row BIGINT"])


def join(spec: TableSpec, key: tuple[str, ...]) -> str:
    """``<key>``, a view of ``<key>_all``: per complete key the latest year's row (then its first).

    Rows lacking part of the key are all kept (they never match in the join).
    """
    src = ident(f"{spec.key}_all")
    cols = ", ".join(ident(k) for k in key)
    complete = " AND ".join(f"{ident(k)} IS NOT NULL" for k in key)
    on = " AND ".join(f"a.{ident(k)} = d.{ident(k)}" for k in key)
    return (
        f"CREATE OR REPLACE VIEW {ident(spec.key)} AS "
        f"WITH d AS (SELECT {cols}, arg_max(rowid, year * 4294967296 - _row) AS keep FROM {src} "
        f"WHERE {complete} GROUP BY {cols} HAVING count(*) > 1) "
        f"SELECT a.* FROM {src} a LEFT JOIN d ON {on} WHERE d.keep IS NULL OR d.keep = a.rowid"
    )


# --- naming the problems ---------------------------------------------------------------------------


def first_line(e: BaseException) -> str:
    lines = str(e).strip().splitlines()
    return lines[0] if lines else type(e).__name__


_CSV_LINE: Final = re.compile(r"CSV Error on Line: (\d+)")
_CSV_WIDTH: Final = re.compile(r"Expected Number of Columns: (\d+) Found: (\d+)")
_CSV_ORIGINAL: Final = re.compile(r"Original Line: ?(.*)")


def csv_problem(f: CsvFile, e: duckdb.Error) -> ReadProblem:
    """A malformed CSV row, from DuckDB's message, with the row (and line) it names."""
    message = str(e)
    line = _CSV_LINE.search(message)
    row = int(line.group(1)) - 2 if line and int(line.group(1)) >= 2 else None
    original = _CSV_ORIGINAL.search(message)
    value = original.group(1)[:200] if original and row is not None else None
    width = _CSV_WIDTH.search(message)
    if width:
        expected = f"{width.group(1)} comma-separated values as in the header row (found {width.group(2)})"
    elif "unterminated quote" in message:
        expected = 'a closing double quote (") after a quoted value'
    else:
        expected = f"a well-formed CSV row ({first_line(e)})"
    return ReadProblem(f.name, row, None, value, expected)


def diagnose(files: list[CsvFile], problems: Problems, *, dates: bool = True) -> None:
    """Read every recognised file again, in a private database, naming every value that cannot be typed
    (but for dates, unless ``dates``: read leniently, they are not reasons to refuse a file)."""
    with duckdb.connect() as con:
        con.execute("SET preserve_insertion_order = true")
        for f in files:
            if f.spec is None or f.read_path is None:
                continue
            try:
                con.execute(f"CREATE OR REPLACE TEMP TABLE raw AS SELECT * FROM {source(f)}")
            except duckdb.Error as e:
                problems.add(csv_problem(f, e))
                continue
            checks = []
            for n, col in enumerate(f.spec.all_columns):
                i = f.positions.get(col.name)
                check = None if i is None else valid(col, f"c{i}")
                if check is not None and i is not None and (dates or col.type is not ColumnType.DATE):
                    checks.append(  # exactly the values ``typed`` raises on
                        f"SELECT rowid AS _row, {n} AS n, {q(col.name)} AS col, "
                        f"{q(EXPECTED[col.type])} AS expected, c{i} AS value FROM raw WHERE {_bad(col, i)}"
                    )
            if not checks:
                continue
            bad = " UNION ALL ".join(checks)
            count = con.execute(f"SELECT count(*) FROM ({bad})").fetchone()
            shown = con.execute(f"{bad} ORDER BY _row, n LIMIT {problems.room}").fetchall()
            for row, _, column, expected, value in shown:
                problems.add(ReadProblem(f.name, int(row), str(column), str(value), str(expected)))
            problems.unlisted += (int(count[0]) if count else 0) - len(shown)
