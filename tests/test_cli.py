"""The command line as a user runs it: outputs, formats and exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from corparent.cli import app
from corparent.engine.indicators.result import OUTPUT_COLUMNS

runner = CliRunner()


@pytest.fixture(scope="module")
def council(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("council")
    args = ["synth", str(out), "--children", "300", "--years", "2", "--reference-date", "2026-03-31"]
    result = runner.invoke(app, [*args, "--seed", "7"])
    assert result.exit_code == 0, result.output
    return out


def test_scorecard_csv_has_exactly_the_documented_columns(council: Path) -> None:
    result = runner.invoke(app, ["scorecard", str(council), "--as-at", "2026-03-31", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert tuple(rows[0]) == OUTPUT_COLUMNS
    cla = next(r for r in rows if r["indicator"] == "cla" and r["breakdown"] == "all")
    assert float(cla["value"]) == 300 and cla["suppressed"] == "false"


def test_members_never_see_counts_of_one_to_five(council: Path) -> None:
    result = runner.invoke(app, ["scorecard", str(council), "--as-at", "2026-03-31", "--format", "json"])
    rows = json.loads(result.stdout)
    assert any(r["suppressed"] for r in rows)
    for r in rows:
        shown = [r["numerator"]] if r["unit"] == "per 10,000" else [r["numerator"], r["denominator"]]
        if r["unit"] in ("mean", "days"):
            shown = [r["denominator"]]
        assert not any(v is not None and 1 <= v <= 5 for v in shown), r


def test_scorecard_xlsx_opens(council: Path, tmp_path: Path) -> None:
    out = tmp_path / "card.xlsx"
    args = ["scorecard", str(council), "--as-at", "2026-03-31", "--format", "xlsx", "--out", str(out)]
    assert runner.invoke(app, [*args, "--audience", "analyst"]).exit_code == 0
    wb = load_workbook(out)
    assert wb.sheetnames == ["Scorecard", "About"]
    assert [c.value for c in wb["Scorecard"][1]] == list(OUTPUT_COLUMNS)


def test_an_unreadable_return_exits_2_naming_file_row_column_and_value(council: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    text = (council / "2026" / "episodes.csv").read_text(encoding="utf-8").splitlines()
    first = text[1].split(",")
    first[1] = "31/02/2026"  # DECOM: no such date
    (bad / "episodes.csv").write_text(
        "\n".join([text[0], ",".join(first), *text[2:]]) + "\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["scorecard", str(bad), "--as-at", "2026-03-31"])
    assert result.exit_code == 2
    message = result.stderr
    assert "episodes.csv" in message and "row 0" in message and "DECOM" in message and "31/02/2026" in message


def test_validate_exit_codes_and_json_findings(council: Path, tmp_path: Path) -> None:
    """0: no errors; 1: errors; 2: unreadable. JSON findings have the documented keys."""
    header_only = tmp_path / "header_only"
    header_only.mkdir()
    (header_only / "header.csv").write_text(
        "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1,M,01/05/2024,WBRI,UN1,,\n", encoding="utf-8"
    )
    clean = runner.invoke(app, ["validate", str(header_only), "--year", "2026", "--format", "json"])
    assert clean.exit_code == 0, clean.output
    assert {f["level"] for f in json.loads(clean.stdout)} <= {"warning"}
    # The clean synthetic council breaks only rules 218 and 624, which conflict with rules 214 and
    # 628/612 on some rows (see RULE_CONFLICTS in tests/engine/test_synth.py).
    council_run = runner.invoke(app, ["validate", str(council), "--format", "json", "--la-code", "E99000001"])
    errors = {f["rule"] for f in json.loads(council_run.stdout) if f["level"] == "error"}
    assert errors <= {"218", "624"}
    dirty = tmp_path / "dirty"
    args = ["synth", str(dirty), "--children", "300", "--years", "2", "--reference-date", "2026-03-31"]
    assert runner.invoke(app, [*args, "--error-rate", "0.05"]).exit_code == 0
    found = runner.invoke(app, ["validate", str(dirty), "--format", "json"])
    assert found.exit_code == 1
    findings = json.loads(found.stdout)
    assert set(findings[0]) == {"rule", "level", "table", "child", "row", "fields", "message"}
    assert len({f["rule"] for f in findings if f["level"] == "error"} - {"218", "624"}) >= 10
    assert runner.invoke(app, ["validate", str(tmp_path / "missing")]).exit_code == 2


def test_bad_options_are_refused(council: Path) -> None:
    result = runner.invoke(app, ["scorecard", str(council), "--as-at", "31/03/2026"])
    assert result.exit_code == 2
    assert "expected YYYY-MM-DD" in result.output
