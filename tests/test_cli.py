"""The command line as a user runs it: outputs, formats and exit codes."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
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


# The web commands, run as a user runs them: in their own process, against a fresh data folder
# (SQLite; DATABASE_URL and the test run's own settings are left out of their environment).


def _web_env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("CORPARENT_")
        and k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    return {**env, "CORPARENT_DATA_DIR": str(data_dir), **extra}


def _corparent(*args: str, env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "corparent.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        found.update(int(n) for n in task.read_text().split())
    return found


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in status


@pytest.fixture(scope="module")
def migrated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("web-data")
    done = _corparent("manage", "migrate", "--verbosity", "0", env=_web_env(data))
    assert done.returncode == 0, done.stderr
    return data


def test_demo_out_writes_the_engine_only_demo_without_the_web_app(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    result = runner.invoke(app, ["demo", "--no-serve", "--out", str(out), "--children", "120"])
    assert result.exit_code == 0, result.output
    assert "Synthetic council" in result.stdout
    assert (out / "return" / "2025" / "episodes.csv").is_file()
    with (out / "scorecard.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert tuple(rows[0]) == OUTPUT_COLUMNS
    assert (out / "scorecard.xlsx").is_file() and (out / "scorecard-analyst.csv").is_file()


def test_serve_refuses_an_unmigrated_database_saying_what_to_run(tmp_path: Path) -> None:
    done = _corparent("serve", "--port", str(_free_port()), env=_web_env(tmp_path), timeout=60)
    assert done.returncode == 2
    message = " ".join(done.stderr.split())
    assert "is not migrated" in message and "corparent manage migrate" in message
    assert str(tmp_path / "corparent.sqlite3") in message


def test_manage_passes_its_arguments_to_django(migrated: Path) -> None:
    done = _corparent("manage", "check", env=_web_env(migrated))
    assert done.returncode == 0, done.stderr
    assert "System check identified no issues" in done.stdout
    shown = _corparent("manage", "showmigrations", "accounts", env=_web_env(migrated))
    assert "[X] 0001_initial" in shown.stdout


@pytest.mark.slow
def test_serve_runs_the_app_and_the_worker_and_ctrl_c_stops_both(migrated: Path) -> None:
    # Given a migrated database and a free port
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "corparent.cli", "serve", "--port", str(port), "--workers", "1"],
        env=_web_env(migrated),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        # When the app has started
        deadline = time.monotonic() + 60
        status = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health/", timeout=2) as response:
                    status = response.status
                    break
            except OSError:
                time.sleep(0.3)
        # Then it answers, with gunicorn and the worker running beside it
        assert status == 200, proc.stdout.read() if proc.poll() is not None else "no answer in 60 s"
        children = _children(proc.pid)
        commands = [Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ") for pid in children]
        assert any(b"gunicorn" in c for c in commands) and any(b"db_worker" in c for c in commands), commands
        # When the user presses Ctrl-C
        proc.send_signal(signal.SIGINT)
        output, _ = proc.communicate(timeout=45)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    # Then both stop, the command says so and exits 0, and the port is free again
    assert proc.returncode == 0, output
    assert "Stopped." in output
    assert not any(_alive(pid) for pid in children)
    with socket.socket() as sock:  # nothing listens there (connections closed may linger in TIME_WAIT)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", port))


def test_serve_refuses_a_port_in_use(migrated: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = _corparent("serve", "--port", str(port), env=_web_env(migrated), timeout=60)
    assert done.returncode == 2
    assert f"127.0.0.1:{port}" in done.stderr and "--port" in done.stderr


def test_an_unknown_setting_is_named_and_nothing_starts(migrated: Path) -> None:
    done = _corparent("serve", env=_web_env(migrated, CORPARENT_DEBGU="1"), timeout=60)
    assert done.returncode == 2
    assert "CORPARENT_DEBGU" in done.stderr


@pytest.mark.slow
def test_demo_no_serve_sets_up_the_demo_and_prints_the_sign_ins(tmp_path: Path) -> None:
    done = _corparent("demo", "--no-serve", env=_web_env(tmp_path), timeout=300)
    assert done.returncode == 0, done.stderr
    password = (tmp_path / "demo-password").read_text(encoding="utf-8").strip()
    assert "http://127.0.0.1:8000/" in done.stdout
    assert f"Password for every demo account: {password}" in done.stdout
    signed = [line.split()[0] for line in done.stdout.splitlines() if line.startswith("  ")]
    assert signed == ["admin", "analyst", "officer", "member", "partner", "youngperson", "school"]
    assert (tmp_path / "corparent.sqlite3").is_file()  # the data folder given, not var/demo

def test_validate_reports_a_malformed_date_as_a_finding_not_unreadable(council: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    text = (council / "2026" / "episodes.csv").read_text(encoding="utf-8").splitlines()
    first = text[1].split(",")
    first[1] = "31/02/2026"  # DECOM: no such date
    rows = [text[0], ",".join(first), *text[2:]]
    (bad / "episodes.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(bad), "--format", "json"])
    assert result.exit_code == 1, result.output
    found = [(f["rule"], f["table"], f["row"], f["fields"]) for f in json.loads(result.stdout)]
    assert ("141", "Episodes", 0, ["DECOM"]) in found
    # the scorecard still refuses it (test_an_unreadable_return_exits_2_naming_file_row_column_and_value)
