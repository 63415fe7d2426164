"""Helpers for the reader tests: 903 rows and files written by hand."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from corparent.engine.ssda903.model import ReadProblem, ReturnReadError
from corparent.engine.ssda903.reader import read_return
from corparent.engine.ssda903.tables import EPISODES, HEADER

EP = ",".join(EPISODES.column_names)
HD = ",".join(HEADER.column_names)


def ep(child: str, decom: str, dec: str = "", rec: str = "", ls: str = "C2", **extra: str) -> str:
    """One Episodes row in the standard column order."""
    fields = [child, decom, "S", ls, "N1", "U1", "PR1", dec, rec, "", "AB1 2", "CD3 4", "SC123456"]
    return ",".join(fields + list(extra.values()))


def write(path: Path, *lines: str, charset: str = "utf-8", bom: bool = False) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = ("\n".join(lines) + "\n").encode(charset)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


def rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple[object, ...]]:
    return con.execute(sql).fetchall()


def problems_of(path: Path, **kw: object) -> list[ReadProblem]:
    with pytest.raises(ReturnReadError) as err:
        read_return(path, **kw)  # type: ignore[arg-type]
    return err.value.problems
