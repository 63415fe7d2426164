"""The runner: rules are pure, a rule that cannot run is reported (never dropped), skips say why."""

from __future__ import annotations

from pathlib import Path

import pytest

from corparent.engine.ssda903.reader import read_return
from corparent.engine.ssda903.tables import HEADER
from corparent.engine.ssda903.writer import write_table
from corparent.engine.validation import runner
from corparent.engine.validation.rule import Level, Rule
from corparent.engine.validation.runner import CHUNK, chunk_size, validate


def _rule(code: str, sql: str, tables: tuple[str, ...] = ("Header",)) -> Rule:
    return Rule(code, f"message {code}", Level.ERROR, tables, ("SEX",), sql, "hint")


def _header(tmp_path: Path) -> Path:
    rows = [{"CHILD": "1", "SEX": "M"}, {"CHILD": "2", "SEX": "X"}, {"CHILD": "3", "SEX": "F"}]
    (tmp_path / "2026").mkdir()
    write_table(HEADER, rows, tmp_path / "2026" / "header.csv")
    return tmp_path


def test_a_failing_rule_is_reported_and_the_rest_of_its_batch_still_runs(tmp_path: Path) -> None:
    good = _rule("G", "SELECT 'Header' AS tbl, _row FROM header WHERE SEX = 'X'")
    broken = _rule("B", "SELECT 'Header' AS tbl, _row FROM header WHERE no_such_column = 1")
    others = [_rule(f"O{n}", "SELECT 'Header' AS tbl, _row FROM header WHERE false") for n in range(CHUNK)]
    ret = read_return(_header(tmp_path))
    result = validate(ret, rules=[good, broken, *others])
    assert [(f.rule, f.row, f.child) for f in result.findings] == [("G", 1, "2")]
    assert set(result.failed) == {"B"} and "no_such_column" in result.failed["B"]
    assert "G" in result.ran and len(result.ran) == CHUNK + 1
    assert result.exit_code == 1


def test_rules_cannot_change_what_other_rules_see(tmp_path: Path) -> None:
    """A rule is a query over read-only views: an attempt to write is a failure, not a side effect."""
    writer = _rule("W", "UPDATE header SET SEX = 'X' RETURNING 'Header' AS tbl, _row")
    reader = _rule("R", "SELECT 'Header' AS tbl, _row FROM header WHERE SEX = 'X'")
    ret = read_return(_header(tmp_path))
    result = validate(ret, rules=[writer, reader])
    assert "W" in result.failed
    assert [(f.rule, f.row) for f in result.findings] == [("R", 1)]
    assert ret.con.execute("SELECT count(*) FROM header_all WHERE SEX = 'X'").fetchone() == (1,)


def test_a_rule_whose_tables_are_absent_is_skipped_with_the_reason(tmp_path: Path) -> None:
    needs_oc3 = _rule("N", "SELECT 'OC3' AS tbl, _row FROM oc3", tables=("OC3",))
    needs_last = Rule("L", "m", Level.WARNING, ("Header",), (), "SELECT 'Header', _row FROM header_last", "h",
                      previous=("Header",))  # fmt: skip
    result = validate(read_return(_header(tmp_path)), rules=[needs_oc3, needs_last])
    assert result.skipped == {
        "N": "the return has no OC3 table for 2026",
        "L": "no previous year's Header was supplied",
    }
    assert result.exit_code == 0


def test_queries_run_fewer_rules_as_the_return_grows() -> None:
    """Up to 10 rules a query for a council's return; one at a time at national scale, where a query
    holding ten rules' hash tables at once took twice the memory (see ROWS_PER_QUERY)."""
    assert chunk_size(0) == chunk_size(5_000) == chunk_size(200_000) == CHUNK == 10
    assert chunk_size(400_000) == 5
    assert chunk_size(1_000_001) == 1 and chunk_size(1_500_000) == 1


def test_rules_find_the_same_however_many_run_in_a_query(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rules = [
        _rule(f"S{n}", f"SELECT 'Header' AS tbl, _row FROM header WHERE _row >= {n % 3}") for n in range(12)
    ]
    ret = read_return(_header(tmp_path))
    batched = validate(ret, rules=rules)
    monkeypatch.setattr(runner, "ROWS_PER_QUERY", 1)  # one rule a query, as at national scale
    alone = validate(ret, rules=rules)
    assert [(f.rule, f.row) for f in alone.findings] == [(f.rule, f.row) for f in batched.findings]
    assert len(batched.findings) == 4 * 3 + 4 * 2 + 4 * 1 and alone.ran == batched.ran
