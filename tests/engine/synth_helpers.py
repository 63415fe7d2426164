"""Shared helpers and councils for the synthetic generator tests."""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import duckdb
import pytest

from corparent.engine.ssda903.synth import SyntheticCouncil, generate, write_council
from corparent.engine.ssda903.tables import tables_for

TABLES = tables_for(2026)  # the councils here end by 2025-26, before DoLo

REF = date(2025, 3, 31)
DATE_RE = re.compile(r"^\d{2}/\d{2}/\d{4}$")


def _write(tmp: Path, **kwargs: object) -> tuple[SyntheticCouncil, Path]:
    council = generate(**kwargs)  # type: ignore[arg-type]
    write_council(council, tmp)
    return council, tmp


@pytest.fixture(scope="module")
def council(tmp_path_factory: pytest.TempPathFactory) -> tuple[SyntheticCouncil, Path]:
    return _write(tmp_path_factory.mktemp("c1"), children=400, years=3, reference_date=REF, seed=1)


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> tuple[SyntheticCouncil, Path]:
    return _write(tmp_path_factory.mktemp("big"), children=4000, years=3, reference_date=REF, seed=3)


def _load(folder: Path) -> duckdb.DuckDBPyConnection:
    """Every year's files as VARCHAR tables <key>_all with a year column, and typed episodes."""
    con = duckdb.connect()
    for spec in TABLES:
        parts = []
        for year_dir in sorted(p for p in folder.iterdir() if p.is_dir()):
            path = year_dir / f"{spec.key}.csv"
            parts.append(
                f"SELECT {int(year_dir.name)} AS year, * FROM read_csv('{path}', all_varchar=true, "
                f"header=true, auto_detect=false, columns={_columns(path)})"
            )
        con.execute(f"CREATE TABLE {spec.key}_all AS " + " UNION ALL BY NAME ".join(parts))
    # the latest year's row per episode, typed
    con.execute("""
        CREATE TABLE ep AS
        SELECT CHILD, strptime(DECOM, '%d/%m/%Y')::DATE AS decom, strptime(DEC, '%d/%m/%Y')::DATE AS dec,
               RNE, LS, PLACE, PLACE_PROVIDER, PL_POST, REC, year
        FROM episodes_all QUALIFY row_number() OVER (PARTITION BY CHILD, DECOM ORDER BY year DESC) = 1
    """)
    return con


def _columns(path: Path) -> str:
    with path.open(encoding="utf-8") as f:
        names = next(csv.reader(f))
    return "{" + ", ".join(f"'{n}': 'VARCHAR'" for n in names) + "}"


def _files(folder: Path) -> Iterator[Path]:
    yield from sorted(p for p in folder.rglob("*") if p.is_file())


def _digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in _files(folder)}
