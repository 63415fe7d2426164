"""The compact reading `corparent validate` uses: the same return, held compressed in memory."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from corparent.engine.ssda903.model import Return, ReturnReadError
from corparent.engine.ssda903.reader import read_return
from corparent.engine.ssda903.synth import generate, write_council
from corparent.engine.ssda903.tables import TABLES
from corparent.engine.validation.runner import validate
from tests.engine.reader_helpers import EP, ep, problems_of, rows, write


@pytest.fixture(scope="module")
def with_errors(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A council of 400 children over 3 years, with errors injected (so rules find something)."""
    folder = tmp_path_factory.mktemp("compact")
    council = generate(children=400, years=3, reference_date=date(2025, 3, 31), seed=4, error_rate=0.05)
    write_council(council, folder)
    return folder


def _memory(ret: Return) -> int:
    found = ret.con.execute("SELECT sum(memory_usage_bytes) FROM duckdb_memory()").fetchone()
    return int(found[0]) if found and found[0] is not None else 0


def test_a_compact_read_holds_the_same_rows_in_less_than_half_the_memory(with_errors: Path) -> None:
    plain = read_return(with_errors, lenient_dates=True)
    compact = read_return(with_errors, lenient_dates=True, compact=True)
    for spec in TABLES:
        sql = f"SELECT * FROM {spec.key}_all ORDER BY year, _row"
        assert rows(plain.con, sql) == rows(compact.con, sql), spec.name
    assert plain.files == compact.files
    assert _memory(compact) * 2 < _memory(plain)


def test_validation_finds_the_same_on_a_compact_read(with_errors: Path) -> None:
    plain = validate(read_return(with_errors, lenient_dates=True), la_code="E99000001")
    compact = validate(read_return(with_errors, lenient_dates=True, compact=True), la_code="E99000001")
    assert plain.findings and compact.findings == plain.findings
    assert compact.ran == plain.ran and compact.failed == plain.failed == {}


def test_a_compact_lenient_read_keeps_malformed_dates(tmp_path: Path) -> None:
    write(tmp_path / "e.csv", EP, ep("C1", "01/05/2024", "31/02/2025"), ep("C2", "01/06/2024"))
    ret = read_return(tmp_path, lenient_dates=True, compact=True)
    assert ret.malformed == 1
    assert rows(ret.con, "SELECT field, value, _row FROM malformed_values") == [("DEC", "31/02/2025", 0)]
    assert rows(ret.con, "SELECT CHILD, DEC FROM episodes_all ORDER BY _row") == [("C1", None), ("C2", None)]


def test_a_compact_read_that_fails_names_the_same_problems(tmp_path: Path) -> None:
    write(tmp_path / "e.csv", EP, ep("C1", "01/05/2024", "31/02/2025"))
    with pytest.raises(ReturnReadError) as plain:
        read_return(tmp_path)
    with pytest.raises(ReturnReadError) as compact:
        read_return(tmp_path, compact=True)
    assert str(compact.value) == str(plain.value)
    assert [(p.row, p.column, p.value) for p in problems_of(tmp_path)] == [(0, "DEC", "31/02/2025")]


def test_compact_applies_only_to_a_database_the_reader_makes(tmp_path: Path) -> None:
    """Given a connection, the reader loads into it as it is, so asking it to compress is refused."""
    write(tmp_path / "e.csv", EP, ep("C1", "01/05/2024"))
    con = duckdb.connect()
    with pytest.raises(ValueError, match="compact"):
        read_return(tmp_path, con=con, compact=True)
    assert con.execute("SELECT count(*) FROM duckdb_tables()").fetchone() == (0,)
