"""Run a year's rules over a return: rules in DuckDB queries of a few rules each, each rule pure.

Every rule reads the same read-only views of the supplied files, so no rule can see another's
changes and the order rules run in cannot change what they find. Rules run up to ``CHUNK`` at a time
in one UNION ALL query (measured: one query for all ~300 rules plans far slower than small
batches), fewer as the return grows (``chunk_size``: a query holds every one of its rules' hash tables
until it ends), on ``WORKERS`` connections at once (at a council's size most of a query's time is DuckDB
planning it, on one core, so two connections use both); if a batch fails, its rules run one by one,
and a rule that cannot run is reported as failed with the reason, never dropped.
"""

from __future__ import annotations

import itertools
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date

import duckdb

from corparent.engine.ssda903.csvsql import MALFORMED
from corparent.engine.ssda903.model import Return
from corparent.engine.ssda903.postcodes import DERIVED, available, derive
from corparent.engine.ssda903.tables import TABLES
from corparent.engine.validation.providers import ProviderList
from corparent.engine.validation.providers import load as load_providers
from corparent.engine.validation.registry import NEEDS, rules_for
from corparent.engine.validation.rule import Finding, Level, Rule

Progress = Callable[[str, int, int], None]
_ids = itertools.count(1)
CHUNK = 10
# Rules x rows one query may hold at once. Measured at national scale (1.5 million rows in a year),
# peak memory was 1,021 MB with 10 rules a query, 619 MB with 3 and 456 MB with 1, for 9.6 s, 10.0 s
# and 11.2 s; a council's return (5,000 rows) still runs 10 a query.
ROWS_PER_QUERY = 2_000_000
WORKERS = min(2, os.cpu_count() or 1)  # connections running chunks at once (measured: 2 beats 4 on 2 cores)


@dataclass
class ValidationResult:
    year: int
    previous_year: int | None
    findings: list[Finding]
    ran: list[str] = field(default_factory=list)  # rule codes that ran
    skipped: dict[str, str] = field(default_factory=dict)  # rule code -> why it did not run
    failed: dict[str, str] = field(default_factory=dict)  # rule code -> the error it raised
    rules: dict[str, Rule] = field(default_factory=dict)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.level is Level.ERROR]

    @property
    def exit_code(self) -> int:
        """0 no errors; 1 errors found (or a rule could not run)."""
        return 1 if self.errors or self.failed else 0


def _views(
    con: duckdb.DuckDBPyConnection, schema: str, year: int, previous: int | None, derived: str | None
) -> None:
    """The rules' read-only views of ``year`` and ``previous``; Episodes takes the postcode-derived
    fields from the table ``derived`` for the years it holds (see ``postcodes.derive``)."""
    for spec in TABLES:
        source, cols = f"main.{spec.key}_all a", [f'a."{c.name}"' for c in spec.all_columns]
        if derived is not None and spec.key == "episodes":
            source += f" LEFT JOIN {derived} d ON d.year = a.year AND d._row = a._row"
            cols = [f"coalesce(d.{c[3:-1]}, {c}) AS {c[2:]}" if c[3:-1] in DERIVED else c for c in cols]
        for name, y in ((spec.key, year), (spec.key + "_last", -1 if previous is None else previous)):
            select = f"SELECT {', '.join(cols)}, a._row FROM {source} WHERE a.year = {y}"
            con.execute(f"CREATE VIEW {schema}.{name} AS {select}")
    # The dates a lenient read could not read, as written (empty for a strict read): rule 141 and the like.
    kept = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = ?", [MALFORMED]
    ).fetchone()
    for name, y in (("malformed", year), ("malformed_last", -1 if previous is None else previous)):
        if kept and kept[0]:
            select = f"SELECT tbl, field, value, _row FROM main.{MALFORMED} WHERE year = {y}"
        else:  # a Return not made by read_return
            empty = "''::VARCHAR AS tbl, ''::VARCHAR AS field, ''::VARCHAR AS value, 0::BIGINT AS _row"
            select = f"SELECT {empty} LIMIT 0"
        con.execute(f"CREATE VIEW {schema}.{name} AS {select}")


def _wrapped(rule: Rule) -> str:
    return f"SELECT '{rule.code}' AS rule, tbl, _row FROM ({rule.sql.strip().rstrip(';')})"


def _run(con: duckdb.DuckDBPyConnection, rules: Sequence[Rule]) -> list[tuple[str, str, int]]:
    sql = " UNION ALL ".join(_wrapped(r) for r in rules)
    return [(str(a), str(b), int(c)) for a, b, c in con.execute(sql).fetchall()]


def validate(
    ret: Return,
    *,
    year: int | None = None,
    previous_year: int | None = None,
    la_code: str | None = None,
    rules: Sequence[Rule] | None = None,
    progress: Progress | None = None,
    postcodes: bool = True,
    providers: ProviderList | None = None,
) -> ValidationResult:
    """Validate one collection year of ``ret`` (the latest by default) against its rules.

    The year before it is used as the previous year when ``ret`` holds it (or ``previous_year``).
    With ``postcodes`` (the default) and the postcodes extra installed, PL_DISTANCE, PL_LA and
    PL_LOCATION are derived from HOME_POST and PL_POST for a year whose file carries none of them.
    ``providers`` (Ofsted's lists, ``providers.read_provider_lists``) is the table ``providers`` of the
    rules that need it; without it they are reported as skipped (as are rules needing ``la_code``).
    """
    y = year or ret.latest_year
    prev = previous_year if previous_year is not None else (y - 1 if (y - 1) in ret.years else None)
    chosen = list(rules) if rules is not None else rules_for(y)
    present = {f.table for f in ret.files if f.year == y}
    present_last = {f.table for f in ret.files if prev is not None and f.year == prev}
    result = ValidationResult(year=y, previous_year=prev, findings=[], rules={r.code: r for r in chosen})
    runnable: list[Rule] = []
    for rule in chosen:
        missing = [t for t in rule.tables if t not in present]
        missing_last = [t for t in rule.previous if t not in present_last]
        unmet = [NEEDS[n] for n in rule.needs if not _supplied(n, providers, la_code)]
        if missing:
            result.skipped[rule.code] = f"the return has no {', '.join(missing)} table for {y}"
        elif missing_last:
            result.skipped[rule.code] = f"no previous year's {', '.join(missing_last)} was supplied"
        elif unmet:
            result.skipped[rule.code] = unmet[0]
        else:
            runnable.append(rule)

    con = ret.con
    schema = f"val_{next(_ids)}"
    old_path = con.execute("SELECT current_setting('search_path')").fetchone()
    cursors: list[duckdb.DuckDBPyConnection] = []
    try:
        con.execute(f"CREATE SCHEMA {schema}")
        derived = None
        if postcodes and available():
            years = [y] if prev is None else [y, prev]
            if derive(con, years=years, la_code=la_code, into=f"{schema}.postcodes"):
                derived = f"{schema}.postcodes"
        _views(con, schema, y, prev, derived)
        if providers is not None:
            load_providers(con, f"{schema}.providers", providers)
        database = con.execute("SELECT current_database()").fetchone()
        settings = [
            f"USE {database[0] if database else 'memory'}",  # a cursor starts in the default database
            f"SET search_path = '{schema},main'",
            f"SET VARIABLE collection_start = DATE '{date(y - 1, 4, 1).isoformat()}'",
            f"SET VARIABLE collection_end = DATE '{date(y, 3, 31).isoformat()}'",
            f"SET VARIABLE la_code = {('NULL' if la_code is None else repr(la_code))}",
        ]
        for setting in settings:
            con.execute(setting)
        size = chunk_size(sum(f.rows for f in ret.files if f.year == y))
        chunks = [runnable[i : i + size] for i in range(0, len(runnable), size)]
        cursors = [con] + [con.cursor() for _ in range(min(WORKERS, len(chunks)) - 1)]
        for cursor in cursors[1:]:
            for setting in settings:
                cursor.execute(setting)
        done = _run_chunks(cursors, chunks, progress)
        hits: list[tuple[str, str, int]] = []
        for chunk_hits, ran, failed in done:
            hits.extend(chunk_hits)
            result.ran.extend(ran)
            result.failed.update(failed)
        result.findings = _findings(con, hits, result.rules)
    finally:
        for cursor in cursors[1:]:
            cursor.close()
        con.execute(f"SET search_path = '{old_path[0] if old_path and old_path[0] else 'main'}'")
        con.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
    return result


def chunk_size(rows: int) -> int:
    """How many rules one query runs, for a year of ``rows`` rows (all tables)."""
    return max(1, min(CHUNK, ROWS_PER_QUERY // max(rows, 1)))


def _supplied(need: str, providers: ProviderList | None, la_code: str | None) -> bool:
    if need == "providers":
        return providers is not None
    if need == "provider_councils":
        return providers is not None and providers.councils_known
    return la_code is not None  # "la_code"


Outcome = tuple[list[tuple[str, str, int]], list[str], dict[str, str]]  # hits, rules ran, rules failed


def _run_chunk(con: duckdb.DuckDBPyConnection, chunk: Sequence[Rule]) -> Outcome:
    try:
        return _run(con, chunk), [r.code for r in chunk], {}
    except duckdb.Error:
        hits, ran, failed = [], [], {}
        for rule in chunk:  # find the rule that cannot run; the others still count
            try:
                hits.extend(_run(con, [rule]))
                ran.append(rule.code)
            except duckdb.Error as exc:
                failed[rule.code] = str(exc).splitlines()[0]
        return hits, ran, failed


def _run_chunks(
    cursors: Sequence[duckdb.DuckDBPyConnection], chunks: Sequence[Sequence[Rule]], progress: Progress | None
) -> list[Outcome]:
    """Run the chunks, each cursor taking the next chunk not yet taken (DuckDB lets go of the GIL while a
    query runs, so the cursors' queries overlap); outcomes come back in the chunks' order."""
    outcomes: list[Outcome | None] = [None] * len(chunks)
    lock, queue, finished = threading.Lock(), iter(range(len(chunks))), [0]

    def work(cursor: duckdb.DuckDBPyConnection) -> None:
        while True:
            with lock:
                n = next(queue, None)
            if n is None:
                return
            outcomes[n] = _run_chunk(cursor, chunks[n])
            with lock:
                finished[0] += 1
                if progress:
                    progress(chunks[n][-1].code, finished[0], len(chunks))

    if len(cursors) == 1:
        work(cursors[0])
    else:
        with ThreadPoolExecutor(len(cursors)) as pool:
            list(pool.map(work, cursors))
    return [o for o in outcomes if o is not None]


def _findings(
    con: duckdb.DuckDBPyConnection, hits: list[tuple[str, str, int]], rules: dict[str, Rule]
) -> list[Finding]:
    """Name the child of each flagged row, and order findings by rule, table and row."""
    from corparent.engine.ssda903.tables import TABLES_BY_NAME

    children: dict[tuple[str, int], str | None] = {}
    by_table: dict[str, set[int]] = {}
    for _, tbl, row in hits:
        by_table.setdefault(tbl, set()).add(row)
    for tbl, rows in by_table.items():
        key = TABLES_BY_NAME[tbl].key
        found = con.execute(
            f"SELECT _row, CHILD FROM {key} WHERE _row IN (SELECT unnest(?::BIGINT[]))", [sorted(rows)]
        ).fetchall()
        children.update({(tbl, int(r)): c for r, c in found})
    order = {code: n for n, code in enumerate(rules)}
    unique = sorted(set(hits), key=lambda h: (order[h[0]], h[1], h[2]))  # sort the tuples, then build
    meta = {code: (r.level, r.fields, r.message) for code, r in rules.items()}
    return [
        Finding(code, meta[code][0], tbl, children.get((tbl, row)), row, meta[code][1], meta[code][2])
        for code, tbl, row in unique
    ]
