"""Read a 903 return (one or more collection years of CSV files) into DuckDB.

A return is a folder. Either it holds one folder per collection year (``2024/``, ``2025/``), each
with that year's CSV files, or it holds one year's CSV files directly. Tables are recognised by
their header row, not by file names (``tables.TABLES``).

Loading is one pass per file: DuckDB reads the CSV (dates typed by the CSV reader itself) and the
SELECT trims and types the other columns, raising on the first value it cannot type (``csvsql``).
Only when that fails is the return read again, slowly, to name every problem (file, row, column,
value, what was expected); if no value is wrong (the CSV reader is stricter than SQL about, say, a
date of only spaces) it is loaded once more with every column typed in SQL. Everything is built
inside one transaction, so a return that fails to read leaves the connection as it was.

Two readings, for two purposes. Strict (the default: what indicators are computed from) refuses a
return holding any value it cannot type. Lenient (``lenient_dates``: what validation reads, because
for DfE a date that is not a DD/MM/YYYY date is a validation finding, rules 112 to 171, not an
unreadable file) loads such a date as NULL and keeps it as written in the table ``malformed_values``
(``csvsql.MALFORMED``), counted in ``Return.malformed``; anything else it cannot read (columns,
encoding, an empty file, a CSV row or a number it cannot type) still refuses the return. A clean
return is read the same fast way by both.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final

import duckdb

from corparent.engine.ssda903 import csvsql, encoding
from corparent.engine.ssda903.csvsql import CsvFile, Problems, ident
from corparent.engine.ssda903.model import (
    ReadProblem,
    Return,
    ReturnReadError,
    SourceFile,
    collection_year_of,
)
from corparent.engine.ssda903.tables import EPISODES, TABLES

Progress = Callable[[str, int, int], None]

# The key each table's rows are joined by across years (indicators.md, "Multiple years"): per key,
# the latest year's row wins. OC2 and OC3 are annual, so every year's rows are kept, one per child.
JOIN_KEYS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "header": ("CHILD",),
        "episodes": ("CHILD", "DECOM"),
        "uasc": ("CHILD",),
        "reviews": ("CHILD", "REVIEW"),
        "oc2": ("CHILD", "year"),
        "oc3": ("CHILD", "year"),
        "ad1": ("CHILD", "DATE_INT"),
        "placed_adoption": ("CHILD", "DATE_PLACED"),
        "prev_perm": ("CHILD",),
        "missing": ("CHILD", "MIS_START", "MISSING"),
        "sw_episodes": ("CHILD", "SW_DECOM", "SW_ID"),
        "dolo": ("CHILD", "DOLO_START"),
    }
)

_YEAR_FOLDER: Final = re.compile(r"[12][0-9]{3}")
COMPRESSED_DB: Final = "corparent_return"


def connect(*, compressed: bool) -> duckdb.DuckDBPyConnection:
    """A new in-memory database; ``compressed``: one that compresses its tables when checkpointed
    (``_load`` does), as on-disk databases do. Measured on a national return of 3 years: 54 MB of
    memory rather than 573 MB, for 1.8 s more reading (5.0 s rather than 3.1 s)."""
    con = duckdb.connect()
    if compressed:
        con.execute(f"ATTACH ':memory:' AS {COMPRESSED_DB} (COMPRESS)")
        con.execute(f"USE {COMPRESSED_DB}")
    return con


def _compressed(con: duckdb.DuckDBPyConnection) -> bool:
    current = con.execute("SELECT current_database()").fetchone()
    return bool(current and current[0] == COMPRESSED_DB)


def read_return(
    path: Path,
    *,
    year: int | None = None,
    con: duckdb.DuckDBPyConnection | None = None,
    progress: Progress | None = None,
    lenient_dates: bool = False,
    compact: bool = False,
) -> Return:
    """Read the return in folder ``path`` into ``con`` (a new in-memory database if not given).

    ``year`` names the collection year of a folder holding one year's CSV files; without it the
    year is the collection year of the latest DECOM or DEC in Episodes. ``progress(label, done,
    total)`` is called as each file is loaded. Raises ``ReturnReadError`` naming every problem
    found (up to ``csvsql.MAX_PROBLEMS``, then a count); then ``con`` is as it was. With
    ``lenient_dates`` a malformed date is not a problem: it is read as NULL and kept as written
    (see the module's docstring). ``compact`` (with no ``con``): the new database holds its tables
    compressed, as validation reads (measured at national scale: a tenth of the memory, for half as
    long again to read).
    """
    if compact and con is not None:
        raise ValueError("compact applies to the database read_return makes, not to a connection given")
    path = Path(path)
    problems = Problems()
    files: list[CsvFile] = []
    db = connect(compressed=compact) if con is None else con
    try:
        files = _inspect(path, year, problems)
        if not problems:
            try:  # the fast way: dates typed by the CSV reader itself
                return _load(db, files, progress, native_dates=True)
            except ReturnReadError as e:
                for p in e.problems:
                    problems.add(p)
            except _LoadFailed:
                pass
            if lenient_dates and not problems:
                csvsql.diagnose(files, problems, dates=False)
                if not problems:
                    try:
                        return _load(db, files, progress, native_dates=False, lenient=True)
                    except ReturnReadError as e:  # the year cannot be told, maybe for a malformed date
                        for p in e.problems:
                            problems.add(p)
                    except _LoadFailed as e:
                        where = e.file.path if e.file else path
                        problems.add(_about(where, f"a file DuckDB can read ({csvsql.first_line(e.error)})"))
                    csvsql.diagnose(files, problems)
                raise problems.error()
            csvsql.diagnose(files, problems)
            if not problems:  # something the fast way refuses but SQL typing accepts, e.g. "  "
                try:
                    return _load(db, files, progress, native_dates=False)
                except _LoadFailed as e:
                    where = e.file.path if e.file else path
                    expected = f"a file DuckDB can read ({csvsql.first_line(e.error)})"
                    problems.add(_about(where, expected))
        else:
            csvsql.diagnose(files, problems)
        raise problems.error()
    except BaseException:
        if con is None:
            db.close()
        raise
    finally:
        for f in files:
            if f.read_path is not None and f.read_path != f.path:
                f.read_path.unlink(missing_ok=True)


# --- finding and recognising the files ----------------------------------------------------------


def _csvs(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix.lower() == ".csv" and p.is_file())


def _about(path: Path, expected: str, value: str | None = None) -> ReadProblem:
    return ReadProblem(str(path), None, None, value, expected)


def _inspect(path: Path, year: int | None, problems: Problems) -> list[CsvFile]:
    """Find the return's files, their encodings and tables; whole-file problems go to ``problems``."""
    if not path.is_dir():
        problems.add(_about(path, "a folder holding the return's CSV files"))
        raise problems.error()
    top = _csvs(path)
    folders = (d for d in path.iterdir() if d.is_dir() and _YEAR_FOLDER.fullmatch(d.name))
    year_folders = sorted(d for d in folders if _csvs(d))
    places: list[tuple[Path, str, int | None]]
    if year_folders:
        for p in top:
            problems.add(_about(p, "each CSV file inside its collection year's folder"))
        if year is not None:
            where = ", ".join(d.name for d in year_folders)
            problems.add(_about(path, f"no year= for a folder of year folders ({where})"))
        places = [(p, f"{d.name}/{p.name}", int(d.name)) for d in year_folders for p in _csvs(d)]
    else:
        places = [(p, p.name, year) for p in top]
    if not places:
        problems.add(_about(path, "CSV files (*.csv), or folders of them named by year"))
        raise problems.error()

    files = [CsvFile(p, label, y, encoding.inspect(p)) for p, label, y in places]
    for f in files:
        if f.found.encoding is None:
            problems.add(_about(f.path, "UTF-8 or Windows-1252 text (the file is neither)"))
        elif not f.found.header:
            problems.add(_about(f.path, "a header row (the file is empty)"))
        else:
            _recognise(f, problems)
    seen: dict[tuple[int | None, str], CsvFile] = {}
    for f in files:
        if f.spec is not None:
            first = seen.setdefault((f.year, f.spec.name), f)
            if first is not f:
                in_year = f" for {f.year}" if f.year is not None else ""
                expected = f"one {f.spec.name} file{in_year}; {first.name} is {f.spec.name} too"
                problems.add(_about(f.path, expected))
    if not year_folders and year is None and not any(f.spec is EPISODES for f in files):
        problems.add(_about(path, "an Episodes file to tell the collection year from, or year="))
    for f in files:
        if f.spec is not None and f.found.encoding is not None:
            copy = f.found.encoding == encoding.CP1252
            f.read_path = encoding.utf8_copy(f.path, f.found.encoding) if copy else f.path
    return files


def _recognise(f: CsvFile, problems: Problems) -> None:
    header = [h.strip().upper() for h in f.found.header]
    named = [h for h in header if h]  # a blank header (Excel's trailing comma) names no column
    as_written = ", ".join(named)
    twice = sorted({h for h in named if named.count(h) > 1})
    if twice:
        expected = f"each column once ({', '.join(twice)} appear more than once)"
        problems.add(_about(f.path, expected, as_written))
        return
    have = set(named)
    for spec in TABLES:
        if set(spec.column_names) <= have <= {c.name for c in spec.all_columns}:
            f.spec = spec
            f.positions = {h: i for i, h in enumerate(header) if h}
            return
    closest = max(TABLES, key=lambda s: (len(have & set(s.column_names)), -len(s.columns)))
    missing = [c for c in closest.column_names if c not in have]
    extra = [c for c in named if c not in {col.name for col in closest.all_columns}]
    why = [f"missing {', '.join(missing)}"] if missing else []
    why += [f"{closest.name} has no {', '.join(extra)}"] if extra else []
    expected = f"the columns of a 903 table; the closest is {closest.name}: {'; '.join(why)}"
    problems.add(_about(f.path, expected, as_written))


# --- loading ----------------------------------------------------------------------------------------


class _LoadFailed(Exception):
    """DuckDB refused something while loading ``file`` (None: while joining the years)."""

    def __init__(self, file: CsvFile | None, error: duckdb.Error) -> None:
        super().__init__(str(error))
        self.file = file
        self.error = error


def _load(
    con: duckdb.DuckDBPyConnection,
    files: list[CsvFile],
    progress: Progress | None,
    *,
    native_dates: bool,
    lenient: bool = False,
) -> Return:
    """Load every recognised file in one transaction; on any error roll back and re-raise.

    ``lenient``: malformed dates are loaded as NULL and kept in ``csvsql.MALFORMED`` (each file is
    read once into a temporary table of its text, which both the load and that table read).
    """
    todo = sorted(
        (f for f in files if f.spec is not None),
        key=lambda f: (f.year or 0, f.spec is not EPISODES, TABLES.index(f.spec) if f.spec else 0, f.label),
    )
    order = con.execute("SELECT current_setting('preserve_insertion_order')").fetchone()
    kept_order = bool(order and order[0])
    con.execute("SET preserve_insertion_order = true")  # _row relies on it (csvsql.number_rows)
    try:
        con.begin()
        loading: CsvFile | None = None
        try:
            for spec in TABLES:
                con.execute(f"CREATE OR REPLACE TABLE {ident(spec.key + '_all')} ({csvsql.schema(spec)})")
            con.execute(f"CREATE OR REPLACE TABLE {csvsql.MALFORMED} ({csvsql.malformed_schema()})")
            for done, loading in enumerate(todo, 1):
                assert loading.spec is not None
                table = ident(loading.spec.key + "_all")
                if lenient:
                    inserted = _insert_lenient(con, loading, table)
                else:
                    inserted = con.execute(
                        f"INSERT INTO {table} {csvsql.select(loading, native_dates)}"
                    ).fetchone()
                first = con.execute(f"SELECT min(rowid) FROM {table} WHERE _row IS NULL").fetchone()
                if first and first[0] is not None:
                    con.execute(csvsql.number_rows(loading, int(first[0])))
                loading.rows = int(inserted[0]) if inserted else 0
                if loading.year is None:
                    _infer_year(con, loading, todo)
                if progress is not None:
                    progress(loading.label, done, len(todo))
            loading = None
            for spec in TABLES:
                con.execute(csvsql.join(spec, JOIN_KEYS[spec.key]))
            con.commit()
            if _compressed(con):
                con.execute("CHECKPOINT")  # compresses what was loaded (a tenth of the memory, measured)
        except duckdb.Error as e:
            con.rollback()
            raise _LoadFailed(loading, e) from e
        except BaseException:
            con.rollback()
            raise
    finally:
        if not kept_order:
            con.execute("SET preserve_insertion_order = false")
    return _result(con, todo)


def _insert_lenient(con: duckdb.DuckDBPyConnection, f: CsvFile, table: str) -> tuple[Any, ...] | None:
    """Insert the file's rows with malformed dates as NULL, keeping those dates in MALFORMED; the count."""
    raw = "_corparent_raw"
    con.execute(f"CREATE OR REPLACE TEMP TABLE {raw} AS SELECT * FROM {csvsql.source(f)}")
    try:
        inserted = con.execute(f"INSERT INTO {table} {csvsql.select(f, False, lenient=True, frm=raw)}")
        count = inserted.fetchone()
        first = con.execute(f"SELECT min(rowid) FROM {raw}").fetchone()
        keep = csvsql.malformed(f, raw, int(first[0])) if first and first[0] is not None else None
        if keep is not None:
            con.execute(keep)
    finally:
        con.execute(f"DROP TABLE IF EXISTS {raw}")
    return count


def _infer_year(con: duckdb.DuckDBPyConnection, episodes: CsvFile, files: list[CsvFile]) -> None:
    """A single folder's year: the collection year of the latest DECOM or DEC in its Episodes."""
    row = con.execute("SELECT max(DECOM), max(DEC) FROM episodes_all").fetchone()
    dates = [d for d in (row or ()) if isinstance(d, date)]
    if not dates:
        problem = _about(episodes.path, "a DECOM or DEC date to tell the collection year from, or year=")
        raise ReturnReadError([problem])
    year = collection_year_of(max(dates))
    con.execute("UPDATE episodes_all SET year = ?", [year])
    con.execute(f"UPDATE {csvsql.MALFORMED} SET year = ? WHERE year IS NULL", [year])
    for f in files:
        f.year = year


def _result(con: duckdb.DuckDBPyConnection, files: list[CsvFile]) -> Return:
    present: set[str] = set()
    columns: dict[str, set[str]] = {}
    sources = []
    for f in files:
        assert f.spec is not None and f.year is not None and f.found.encoding is not None
        present.add(f.spec.name)
        optional = {c.name for c in f.spec.optional if c.name in f.positions}
        columns.setdefault(f.spec.name, set()).update(optional)
        sources.append(SourceFile(f.path, f.spec.name, f.year, f.found.encoding, f.rows, f.found.sha256))
    years = sorted({s.year for s in sources})
    count = con.execute(f"SELECT count(*) FROM {csvsql.MALFORMED}").fetchone()
    malformed = int(count[0]) if count else 0
    return Return(con=con, years=years, files=sources, present=present, columns=columns, malformed=malformed)
