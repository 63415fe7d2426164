"""Compare our validation with the peer's (csc-validator-be-903, DfE's rules in pandas), rule by rule.

The peer runs in its own virtual environment (``.venv-peer``: it pins pandas<2 and numpy<1.25) by
``tools/peer/run_peer.py``, which prints the same JSON as ``run_ours`` here (and as
``python -m corparent.engine.validation.peer FOLDER --year Y --la-code C [--previous FOLDER]``):

    {"findings": [{"rule", "table", "row"}, ...], "rules": [...], "ran": [...], "failed": [...],
     "failed_reasons": {...}, "skipped": [...], "seconds": t, "peak_mb": m}

``row`` is the 0-based data row of the file on both sides, and both read the same files (run_peer.py
hides the optional postcode-derived Episodes columns from the peer's reader, which refuses them, and
gives their values to its rules in place of its own postcode lookup). The rest is pure: ``diff_rows`` compares
two sets of flagged rows, ``compare`` turns the runs of both over several returns into a ``Comparison``
(one ``RuleReport`` per rule code), and ``collect_peer_differences`` gathers the rule modules'
``PEER_DIFFERENCES`` (rules where the peer is wrong and ours deliberately differs).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shlex
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from corparent.engine.validation import registry

Row = tuple[str, int]  # (DfE table name, 0-based data row of its file)

AGREE: Final = "agree"
DIFFER: Final = "differ"
FAILED: Final = "failed"
DOCUMENTED: Final = "documented"
NOT_IMPLEMENTED: Final = "not implemented"
OURS_ONLY: Final = "ours only"
STATUSES: Final = (DIFFER, FAILED, DOCUMENTED, NOT_IMPLEMENTED, OURS_ONLY, AGREE)
PROBLEMS: Final = frozenset({DIFFER, FAILED})  # what makes a comparison fail


@dataclass(frozen=True)
class Run:
    """One validator's run over one return (parsed from the JSON both sides print)."""

    findings: Mapping[str, frozenset[Row]]  # rule code -> rows it flagged
    rules: frozenset[str]  # every rule code of the year's rule set
    failed: Mapping[str, str]  # rule code -> why it could not run
    skipped: frozenset[str] = frozenset()
    seconds: float = 0.0
    peak_mb: float = 0.0

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Run:
        found: dict[str, set[Row]] = {}
        for f in data.get("findings", ()):
            found.setdefault(str(f["rule"]), set()).add((str(f["table"]), int(f["row"])))
        reasons = dict(data.get("failed_reasons", {}))
        return cls(
            findings={code: frozenset(rows) for code, rows in found.items()},
            rules=frozenset(str(c) for c in data.get("rules", ())) | set(found),
            failed={str(c): str(reasons.get(c, "")) for c in data.get("failed", ())},
            skipped=frozenset(str(c) for c in data.get("skipped", ())),
            seconds=float(data.get("seconds", 0.0)),
            peak_mb=float(data.get("peak_mb", 0.0)),
        )


@dataclass(frozen=True)
class RowDiff:
    both: frozenset[Row]
    only_ours: frozenset[Row]
    only_peer: frozenset[Row]

    @property
    def same(self) -> bool:
        return not self.only_ours and not self.only_peer


def diff_rows(ours: Iterable[Row], peer: Iterable[Row]) -> RowDiff:
    a, b = frozenset(ours), frozenset(peer)
    return RowDiff(both=a & b, only_ours=a - b, only_peer=b - a)


@dataclass
class RuleReport:
    """What the two sides made of one rule code over every return compared."""

    code: str
    status: str = AGREE
    ours_rows: int = 0
    peer_rows: int = 0
    both_rows: int = 0
    only_ours: int = 0
    only_peer: int = 0
    returns_differing: int = 0
    examples: list[str] = field(default_factory=list)  # "<return>: <table> row <n> only ours/peer"
    note: str = ""

    def as_dict(self) -> dict[str, object]:
        return dict(vars(self))


@dataclass
class Comparison:
    rules: list[RuleReport]
    returns: list[str]

    @property
    def ok(self) -> bool:
        return not any(r.status in PROBLEMS for r in self.rules)

    def by_status(self, status: str) -> list[RuleReport]:
        return [r for r in self.rules if r.status == status]

    def summary(self) -> dict[str, int]:
        return {s: len(self.by_status(s)) for s in STATUSES}

    def as_dict(self) -> dict[str, object]:
        return {
            "ok": self.ok,
            "returns": self.returns,
            "summary": self.summary(),
            "rules": [r.as_dict() for r in self.rules],
        }


def rule_sort_key(code: str) -> tuple[int, str]:
    digits = "".join(ch for ch in code if ch.isdigit())
    return (int(digits) if digits and code[0].isdigit() else 10**6, code)


def compare(
    runs: Sequence[tuple[str, Run, Run]],
    documented: Mapping[str, str] | None = None,
    max_examples: int = 5,
) -> Comparison:
    """Compare ``(return label, ours, peer)`` runs rule by rule (rule codes matched ignoring case).

    A rule is ``documented`` when some rule module lists it in PEER_DIFFERENCES (whatever the runs
    show); ``not implemented`` when only the peer has it, ``ours only`` when only we do; ``failed``
    when it could not run on either side; ``differ`` when the rows flagged differ in any return;
    else ``agree``. A rule that was skipped counts as flagging nothing.
    """
    documented = {k.upper(): v for k, v in (documented or {}).items()}
    names: dict[str, str] = {}
    for _, ours, peer in runs:
        for code in peer.rules | peer.failed.keys():
            names.setdefault(code.upper(), code)
        for code in ours.rules | ours.failed.keys():
            names.setdefault(code.upper(), code)
    reports = []
    for key, code in sorted(names.items(), key=lambda kv: rule_sort_key(kv[1])):
        report = RuleReport(code)
        failures: list[str] = []
        in_ours = in_peer = False
        for label, ours, peer in runs:
            mine, theirs = _lookup(ours, key), _lookup(peer, key)
            in_ours |= mine is not None
            in_peer |= theirs is not None
            failures += [f"{label}: ours failed: {r}" for r in _failure(ours, mine)]
            failures += [f"{label}: peer failed: {r}" for r in _failure(peer, theirs)]
            d = diff_rows(
                ours.findings.get(mine, frozenset()) if mine else (),
                peer.findings.get(theirs, frozenset()) if theirs else (),
            )
            report.ours_rows += len(d.both) + len(d.only_ours)
            report.peer_rows += len(d.both) + len(d.only_peer)
            report.both_rows += len(d.both)
            report.only_ours += len(d.only_ours)
            report.only_peer += len(d.only_peer)
            report.returns_differing += 0 if d.same else 1
            for side, rows in (("only ours", d.only_ours), ("only peer", d.only_peer)):
                for table, row in sorted(rows)[: max(0, max_examples - len(report.examples))]:
                    report.examples.append(f"{label}: {table} row {row} {side}")
        if key in documented:
            report.status, report.note = DOCUMENTED, documented[key]
        elif not in_ours:
            report.status = NOT_IMPLEMENTED
        elif failures and (in_peer or any(": ours failed: " in f for f in failures)):
            report.status = FAILED
        elif not in_peer:
            report.status = OURS_ONLY
        elif report.only_ours or report.only_peer:
            report.status = DIFFER
        if failures and not report.note:
            report.note = "; ".join(dict.fromkeys(failures))[:300]
        reports.append(report)
    return Comparison(rules=reports, returns=[label for label, _, _ in runs])


def _lookup(run: Run, key: str) -> str | None:
    return next((c for c in run.rules | run.failed.keys() if c.upper() == key), None)


def _failure(run: Run, code: str | None) -> list[str]:
    return [run.failed[code] or "error"] if code is not None and code in run.failed else []


# --- PEER_DIFFERENCES ---------------------------------------------------------------------------------


def collect_peer_differences(modules: Iterable[tuple[str, object]]) -> dict[str, str]:
    """Every ``PEER_DIFFERENCES`` entry of ``(module name, module)``, as code -> "why (module)".

    A code that several modules document keeps each reason.
    """
    found: dict[str, list[str]] = {}
    for name, module in modules:
        entries = getattr(module, "PEER_DIFFERENCES", None) or {}
        if not isinstance(entries, Mapping):
            raise TypeError(f"{name}.PEER_DIFFERENCES must be a dict of rule code -> reason")
        for code, why in entries.items():
            found.setdefault(str(code), []).append(f"{str(why).strip()} ({name.rsplit('.', 1)[-1]})")
    return {code: " | ".join(reasons) for code, reasons in found.items()}


def peer_differences() -> dict[str, str]:
    return collect_peer_differences(registry.rule_modules())


# --- inputs and our side ------------------------------------------------------------------------------


def peak_mb() -> float:
    """This process's peak resident memory in MB: VmHWM where Linux has it, else ru_maxrss.

    ru_maxrss alone is not enough: on Linux it keeps the parent's resident size from before exec,
    so a process started by a large one (the benchmark) would report its parent's memory.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def run_ours(
    folder: Path,
    *,
    year: int,
    la_code: str | None,
    previous: Path | None = None,
    report: bool = False,
    providers: Sequence[Path] = (),
) -> dict[str, Any]:
    """Validate one year's CSV files (and the previous year's, if given) as the peer's JSON has it;
    ``providers``: Ofsted's provider lists (the children's homes list and the social care providers
    list), for the rules on URNs.

    With ``report``, the time also covers what ``corparent validate`` shows and exports (the summary by
    rule and by child, and every finding as JSON), as the peer's ``--report`` covers its users' reports.
    """
    started = time.perf_counter()
    from corparent.engine.ssda903 import postcodes
    from corparent.engine.ssda903.reader import read_return
    from corparent.engine.validation import report as reports
    from corparent.engine.validation.providers import read_provider_lists
    from corparent.engine.validation.registry import rules_for
    from corparent.engine.validation.runner import validate

    imported = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="corparent-peer-") as tmp:
        root = Path(tmp)
        (root / str(year)).symlink_to(folder.resolve(), target_is_directory=True)
        if previous is not None:
            (root / str(year - 1)).symlink_to(previous.resolve(), target_is_directory=True)
        ret = read_return(root, lenient_dates=True, compact=True)  # as `corparent validate` reads
        lists = read_provider_lists(providers) if providers else None
        result = validate(ret, year=year, la_code=la_code, providers=lists)
        validated = time.perf_counter()
        if report:
            shown = (reports.by_rule(result), reports.by_child(result), reports.to_json(result))
            del shown
        seconds = time.perf_counter() - imported
        rows = {f.table + ("" if f.year == year else "_last"): f.rows for f in ret.files}
        ret.con.close()
    return {
        "findings": [{"rule": f.rule, "table": f.table, "row": f.row} for f in result.findings],
        "rules": sorted({r.code for r in rules_for(year)}, key=rule_sort_key),
        "ran": result.ran,
        "failed": sorted(result.failed),
        "failed_reasons": result.failed,
        "skipped": sorted(result.skipped),
        "rows": rows,
        "seconds": round(seconds, 3),
        "report_seconds": round(time.perf_counter() - validated, 3) if report else 0.0,
        "import_seconds": round(imported - started, 3),
        "peak_mb": peak_mb(),
        "postcode_lookup": postcodes.available(),
    }


# --- the peer's side: its own venv, run_peer.py in a subprocess ------------------------------------

PEER_REQUIREMENT: Final = "csc-validator-be-903==0.1.17"
PEER_VENV: Final = Path(".venv-peer")


def repo_file(relative: str) -> Path:
    """A file of the source tree (tools/..., .venv-peer), found from the current folder or this file."""
    for root in (Path.cwd(), Path(__file__).resolve().parents[4]):
        if (root / relative).exists():
            return root / relative
    return Path.cwd() / relative


def peer_venv_commands(venv: Path = PEER_VENV) -> list[list[str]]:
    python = os.environ.get("PEER_PYTHON", "python3")  # pandas<2 needs Python 3.11 or older
    return [[python, "-m", "venv", str(venv)], [str(venv / "bin" / "pip"), "install", PEER_REQUIREMENT]]


def ensure_peer_venv(
    venv: Path = PEER_VENV, *, create: bool = True, say: Callable[[str], None] = print
) -> tuple[Path | None, str]:
    """The peer venv's python, creating the venv (as ``make .venv-peer/.installed`` does) if asked.

    Returns (python, "") or (None, why it is not available, with the commands to make it).
    """
    stamp, python = venv / ".installed", venv / "bin" / "python"
    commands = peer_venv_commands(venv)
    how = " && ".join(shlex.join(c) for c in commands) + f" && touch {stamp}"
    if stamp.exists() and python.exists():
        return python, ""
    if not create:
        return None, f"{venv} is missing: create it with `make {stamp}` or `{how}`"
    say(f"Creating {venv} for the peer validator: {how}")
    for command in commands:
        if subprocess.run(command, check=False).returncode != 0:
            return None, f"could not create {venv} (`{shlex.join(command)}` failed); run `{how}` by hand"
    stamp.touch()
    return python, ""


def run_json(command: Sequence[str]) -> tuple[dict[str, Any], float]:
    """Run a command that prints one JSON object; return it and the command's wall time."""
    started = time.perf_counter()
    done = subprocess.run(list(command), capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        tail = "\n".join(done.stderr.strip().splitlines()[-15:])
        raise RuntimeError(f"`{shlex.join(command)}` exited {done.returncode}:\n{tail}")
    data: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return data, wall


def side_command(
    python: Path | str,
    folder: Path,
    *,
    year: int,
    la_code: str,
    previous: Path | None,
    peer: bool,
    report: bool = False,
    providers: tuple[Path, Path] | None = None,
) -> list[str]:
    """The command that runs the peer (run_peer.py in its venv) or ours (this module) on a year's files;
    ``report``: with what each shows its users after the rules (see ``run_ours`` and run_peer.py);
    ``providers``: Ofsted's children's homes list and social care providers list (the peer is told
    which is which, as its users' upload boxes do)."""
    entry = [str(repo_file("tools/peer/run_peer.py"))] if peer else ["-m", "corparent.engine.validation.peer"]
    extra = ["--previous", str(previous)] if previous is not None else []
    extra += ["--report"] if report else []
    if providers is not None:
        homes, others = providers
        if peer:
            extra += ["--ch", str(homes), "--scp", str(others)]
        else:
            extra += ["--providers", str(homes), "--providers", str(others)]
    return [str(python), *entry, str(folder), "--year", str(year), "--la-code", la_code, *extra]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run our validation and print the peer harness's JSON.")
    parser.add_argument("folder", type=Path, help="one collection year's 903 CSV files")
    parser.add_argument("--year", type=int, required=True)
    parser.add_argument("--la-code", default=None)
    parser.add_argument("--previous", type=Path, default=None)
    parser.add_argument("--report", action="store_true", help="also build the report (by rule, child; JSON)")
    parser.add_argument("--providers", type=Path, action="append", default=[], help="one of Ofsted's lists")
    args = parser.parse_args(argv)
    where = {"year": args.year, "la_code": args.la_code, "previous": args.previous}
    out = run_ours(args.folder, report=args.report, providers=args.providers, **where)
    sys.stdout.write(json.dumps(out) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
