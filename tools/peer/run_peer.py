"""Run the peer validator (csc-validator-be-903, DfE's 903 rules in pandas) over one year's CSVs.

Runs INSIDE .venv-peer (the peer pins pandas<2 and numpy<1.25), so it must not import corparent.

    .venv-peer/bin/python tools/peer/run_peer.py FOLDER --year 2026 --la-code E99000001 \
        [--previous FOLDER_OF_2025] [--derived file|lookup] [--report] [--ch FILE --scp FILE]

prints one JSON object on stdout:

    {"findings": [{"rule", "table", "row"}, ...], "rules": [codes], "ran": [codes],
     "failed": [codes], "failed_reasons": {code: error}, "skipped": [codes], "rows": {table: n},
     "derived_fields": [...], "seconds": t, "import_seconds": t, "peak_mb": m, "peer_version": v}

``row`` is the 0-based data row of the file as given (the row under the header is 0), the same
numbering corparent uses. The peer recognises a table only when a file's header is exactly that
table's columns, so columns it does not know (the optional PL_DISTANCE, PL_LA, PL_LOCATION) are
left out of what it is given; rows are neither dropped nor reordered, so row numbers still match.
The peer derives those three fields itself from the ONS postcode directory (where synthetic
postcodes are not); with ``--derived file`` (the default) the values the file carries replace the
looked-up ones after the lookup has run, so both validators check the same values.
``seconds`` is reading the files plus the peer's whole run (its datastore, with the postcode lookup,
and every rule), not the interpreter's start or imports (``import_seconds``); ``peak_mb`` is this
process's peak resident memory (VmHWM). With ``--report``, ``seconds`` also covers what the peer's web
front end asks for after the rules (``rpc_main.lac_validate``, the call its users make: the Report, the
issue list, the error and child summaries and the data tables, each as JSON), timed apart as
``report_seconds``; rpc_main itself is not imported, as it opens a log file in the current folder.
``--ch`` and ``--scp`` give the peer Ofsted's children's homes list and social care providers list
(.xlsx) as its users upload them ("CH lookup", "SCP lookup"), for its rules on URNs.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import logging
import resource
import sys
import time
from importlib import metadata as importlib_metadata
from pathlib import Path


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


class _Failures(logging.Handler):
    """Collects the reason each rule failed (the peer logs it with the exception, then goes on)."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.reasons: dict[str, str] = {}

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if message.startswith("Rule code ") and record.exc_info and record.exc_info[1] is not None:
            code = message[len("Rule code ") :].split(" ", 1)[0]
            exc = record.exc_info[1]
            self.reasons[code] = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"


DERIVED = ("PL_DISTANCE", "PL_LA", "PL_LOCATION")  # Episodes fields the peer derives from postcodes


def _key(value: object) -> str:
    return "" if value is None or value != value else str(value).strip().upper()  # NaN != NaN


class PeerFile:
    """One CSV file as the peer can read it: header names trimmed and upper-cased, unknown columns
    left out (kept in ``extra`` by name, one value per row, for the derived Episodes fields).

    The unknown columns are dropped only when the rest are exactly one of the peer's tables;
    otherwise the file is passed on as it is (and the peer names the problem). No row is dropped
    or moved (bar blank lines, which neither pandas nor DuckDB counts), so row numbers still match.
    """

    def __init__(self, path: Path, known: list[set[str]]) -> None:
        raw = path.read_bytes()
        self.content = raw
        self.extra: dict[str, list[str]] = {}
        self.keys: list[tuple[str, str]] = []  # (CHILD, DECOM) of each row, to find it again
        text = raw.decode("utf-8-sig", errors="replace")
        rows = [r for r in csv.reader(io.StringIO(text, newline="")) if r]
        if not rows:
            return
        header = [h.strip().upper() for h in rows[0]]
        table = next((cols for cols in known if cols <= {h for h in header if h}), None)
        if table is None:
            return
        keep = [i for i, h in enumerate(header) if h in table]
        out = io.StringIO(newline="")
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([header[i] for i in keep])
        data = [row + [""] * (len(header) - len(row)) for row in rows[1:]]
        writer.writerows([row[i] for i in keep] for row in data)
        self.content = out.getvalue().encode("utf-8")
        for name in DERIVED:
            if name in header and "DECOM" in table:
                self.extra[name] = [row[header.index(name)].strip() for row in data]
        if self.extra:
            child, decom = header.index("CHILD"), header.index("DECOM")
            self.keys = [(_key(row[child]), _key(row[decom])) for row in data]


def use_supplied_derived_fields(files: list[PeerFile]) -> None:
    """Where the Episodes file carries PL_DISTANCE, PL_LA or PL_LOCATION, the peer uses those values
    instead of its postcode lookup's (which it still runs), so both sides check the same values."""
    import numpy as np
    import pandas as pd
    from lac_validator import datastore

    supplied = [f for f in files if f.extra]
    derive = datastore._add_postcode_derived_fields

    def derived(episodes: pd.DataFrame, local_authority: str) -> pd.DataFrame:
        out = derive(episodes, local_authority)
        keys = list(zip(map(_key, out["CHILD"]), map(_key, out["DECOM"]), strict=True))
        for f in supplied:
            if f.keys == keys:
                for name, values in f.extra.items():
                    series = pd.Series(values, index=out.index, dtype=object).replace("", np.nan)
                    if name == "PL_DISTANCE":
                        out[name] = pd.to_numeric(series, errors="coerce")
                    else:
                        out[name] = series.str.upper()
        return out

    datastore._add_postcode_derived_fields = derived


def user_report(validator: object, registry: object) -> dict[str, object]:
    """What rpc_main.lac_validate (the peer's web front end's call) builds after the rules, step for step."""
    from lac_validator import lac_validator
    from lac_validator.report import Report

    results = validator.ds_results  # type: ignore[attr-defined]
    r = Report(results, registry)
    full_issue_df = lac_validator.create_issue_df(r.report, r.error_report)
    issue_report = full_issue_df.to_json(orient="records")
    tables = {name: df.to_json(orient="records") for name, df in validator.dfs.items()}  # type: ignore[attr-defined]
    user_reports = [r.error_summary.to_json(orient="records"), r.child_summary.to_json(orient="records")]
    return {"issue_locations": [issue_report], "data_tables": [tables], "user_report": user_reports}


def main(argv: list[str] | None = None) -> int:
    out = sys.stdout
    with contextlib.redirect_stdout(sys.stderr):  # some of the peer's rules print as they run
        result = _run(argv)
    json.dump(result, out)
    out.write("\n")
    return 0


def _run(argv: list[str] | None) -> dict[str, object]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="one collection year's 903 CSV files")
    parser.add_argument("--year", type=int, required=True, help="collection year, named by its end: 2026")
    parser.add_argument("--la-code", required=True, help="the council's code, e.g. E99000001")
    parser.add_argument("--previous", type=Path, help="the previous year's CSV files")
    parser.add_argument(
        "--derived",
        choices=("file", "lookup"),
        default="file",
        help="PL_DISTANCE/PL_LA/PL_LOCATION: the file's values where it carries them (default), or "
        "only the peer's own postcode lookup",
    )
    parser.add_argument(
        "--report",
        action="store_true",
        help="also build what the peer's web front end returns (rpc_main.lac_validate): the user's run",
    )
    parser.add_argument("--ch", type=Path, help="Ofsted's children's homes list (.xlsx)")
    parser.add_argument("--scp", type=Path, help="Ofsted's social care providers list (.xlsx)")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    logging.disable(logging.WARNING)  # the peer logs every rule at INFO; keep errors for the reasons
    from lac_validator.config import column_names
    from lac_validator.lac_validator import LacValidator
    from lac_validator.rules.ruleset_utils import get_year_ruleset

    logging.disable(logging.NOTSET)
    logging.getLogger().setLevel(logging.ERROR)
    failures = _Failures()
    logging.getLogger("lac_validator").addHandler(failures)
    for handler in logging.getLogger().handlers:
        handler.setLevel(logging.CRITICAL)  # the reasons are in the JSON; no tracebacks on stderr
    registry = get_year_ruleset(str(args.year))
    imported = time.perf_counter()

    known = [set(cols) for cols in column_names.values()]
    files, read = [], []
    for label, folder in (("This year", args.folder), ("Prev year", args.previous)):
        if folder is None:
            continue
        for path in sorted(p for p in folder.iterdir() if p.suffix.lower() == ".csv"):
            read.append(PeerFile(path, known))
            files.append({"name": path.name, "file_content": read[-1].content, "description": label})
    for path, description in ((args.ch, "CH lookup"), (args.scp, "SCP lookup")):
        if path is not None:
            files.append({"name": path.name, "file_content": path.read_bytes(), "description": description})
    if args.derived == "file":
        use_supplied_derived_fields(read)
    # collection_start/end come from collectionYear[:4] as the year the collection ENDS: "2026" is
    # 1 April 2025 to 31 March 2026 (the peer's 2025-26 ruleset, lac2025_26).
    meta = {"collectionYear": str(args.year), "localAuthority": args.la_code}
    validator = LacValidator(metadata=meta, files=files, registry=registry, selected_rules=None)
    validated = time.perf_counter()
    if args.report:
        user_report(validator, registry)
    seconds = time.perf_counter() - imported

    findings = []
    rows: dict[str, int] = {}
    for table, df in validator.ds_results.items():
        if table == "metadata":
            continue
        rows[table] = len(df)
        for col in sorted(c for c in df.columns if str(c).startswith("ERR_")):
            hit = df.index[df[col].eq(True).to_numpy()]
            findings.extend({"rule": col[4:], "table": table, "row": int(i)} for i in hit)
    result = {
        "findings": findings,
        "ran": sorted(str(c) for c in validator.dones),
        "failed": sorted(str(c) for c in validator.fails),
        "skipped": sorted(str(c) for c in validator.skips),
        "failed_reasons": {c: failures.reasons.get(c, "") for c in sorted(map(str, validator.fails))},
        "rules": sorted(str(c) for c in registry),
        "rows": rows,
        "derived_fields": sorted({n for f in read if f.extra for n in f.extra})
        if args.derived == "file"
        else [],
        "seconds": round(seconds, 3),
        "report_seconds": round(time.perf_counter() - validated, 3) if args.report else 0.0,
        "import_seconds": round(imported - started, 3),
        "peak_mb": peak_mb(),
        "peer_version": importlib_metadata.version("csc-validator-be-903"),
    }
    return result


if __name__ == "__main__":
    sys.exit(main())
