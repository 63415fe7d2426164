"""Validation benchmark: our DfE rules against the peer's (csc-validator-be-903) on the same files.

``python -m corparent.bench`` runs it after the other benchmarks (``make bench``; ``--no-validation``
leaves it out), or this module alone: ``python -m corparent.bench.validation``. Both validators run in
their own process on the same synthetic return (collection year 2025-26, with 2024-25 as the previous
year), one after the other, so that each process's peak resident memory (VmHWM) is its own; ours by
``python -m corparent.engine.validation.peer --report``, the peer by ``tools/peer/run_peer.py --report``
in .venv-peer.

Each side does what its users get: the peer what its web front end's call (``lac_validate``) does:
read the files, derive PL_LA, PL_LOCATION and PL_DISTANCE from its postcode directory, run every rule,
then build its report (issue list, error and child summaries, data tables, as JSON); ours reads the
files, derives the same fields (the ``postcodes`` extra), runs every rule and builds the report
``corparent validate`` shows (by rule, by child, every finding as JSON). With the extra installed, the
synthetic return is given real postcodes (``use_real_postcodes``) and the files do not carry the derived
fields, as councils' files do not; without it, both sides see the synthetic postcodes and the files'
derived fields, and the peer's lookup finds nearly nothing (which is why it measured far faster than its
users see). Time is from after the imports to the end of the report (not starting Python or importing;
``import_seconds`` apart). Ratios: speed-up = peer time / our time (target at least 20x), memory = our
peak / the peer's (target under 1/4).

One council (400 children) runs on both sides. At national scale (100,000 children) ours always runs;
the peer only with ``--with-peer-national``, as it takes minutes and several GB; otherwise the results
say it was not run, with no figure.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import sys
import time
import zlib
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from corparent.engine.ssda903 import postcodes
from corparent.engine.ssda903.synth import generate, write_council
from corparent.engine.validation import peer as P

YEAR, LA_CODE = 2026, "E99000001"  # the synthetic council's code
# With the postcodes extra, the council's return gets real postcodes: homes and IN placements in Leeds,
# OUT placements two in three elsewhere in Yorkshire and one in three anywhere in Great Britain.
REAL_LA, REGION = "E08000035", ("LS", "BD", "HD", "HX", "WF", "HG", "YO", "DN", "S")
TARGET_SPEEDUP, TARGET_MEMORY = 20.0, 0.25
NOT_RUN = "not run: pass --with-peer-national (it takes minutes and several GB)"


def _warm_postcode_index() -> float | None:
    """Build our index of the postcode directory before timing (as a first run would); its time."""
    folder = postcodes.data_dir()
    if folder is None:
        return None
    started = time.perf_counter()
    postcodes.index_path(folder).unlink(missing_ok=True)
    postcodes.build_index(folder, postcodes.index_path(folder))
    return round(time.perf_counter() - started, 2)


def _pools() -> dict[str, list[str]]:
    """Real postcodes with a grid reference and a council, by pool: Leeds, Yorkshire (1 in 10) and all
    of Great Britain and Northern Ireland (1 in 40)."""
    folder = postcodes.data_dir()
    pools: dict[str, list[str]] = {"council": [], "region": [], "national": []}
    for path in sorted(folder.glob("postcodes_*.msgpack.br")) if folder else []:
        data = postcodes.read_letter(path)
        for n, (pcd, lad, east) in enumerate(zip(data["pcd"], data["laua"], data["oseast1m"], strict=True)):
            if not isinstance(lad, str) or east != east or lad in postcodes.OUTSIDE_UK_COUNCILS:
                continue
            if lad == REAL_LA:
                pools["council"].append(pcd)
            elif n % 10 == 0 and (pcd[:2] if pcd[1].isalpha() else pcd[0]) in REGION:
                pools["region"].append(pcd)
            if n % 40 == 0:
                pools["national"].append(pcd)
    return pools


def _pick(pool: list[str], *key: str) -> str:
    compact = "".join(pool[zlib.crc32("|".join(key).encode()) % len(pool)].split())
    return f"{compact[:-3]} {compact[-3:]}"


def use_real_postcodes(folder: Path, years: list[int], *, national: bool) -> bool:
    """Give each year's Episodes file real postcodes in place of the synthetic ones, and drop the
    derived PL_DISTANCE, PL_LA and PL_LOCATION (as councils' files come, for a validator to derive). A
    child's postcode is chosen from its synthetic one, so it is the same in both years. False (files
    left as they are) when the postcodes extra is not installed."""
    if not postcodes.available():
        return False
    pools = _pools()
    home_pool = pools["national" if national else "council"]
    for year in years:
        path = folder / str(year) / "episodes.csv"
        with path.open(newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        header = [c for c in rows[0] if c not in postcodes.DERIVED] if rows else []
        for r in rows:
            child, out = r["CHILD"], r.get("PL_LOCATION") == "OUT"
            if r["HOME_POST"]:
                r["HOME_POST"] = _pick(home_pool, child, r["HOME_POST"])
            if r["PL_POST"]:
                far = national or (out and zlib.crc32(f"{child}|{r['PL_POST']}".encode()) % 3 == 0)
                pool = pools["national"] if far else pools["region" if out else "council"]
                r["PL_POST"] = _pick(pool, child, r["PL_POST"], str(out))
        with path.open("w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, header, extrasaction="ignore", lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
    return True


def _make(folder: Path, children: int, seed: int = 1) -> dict[str, Any]:
    started = time.perf_counter()
    council = generate(
        children=children, years=2, reference_date=date(YEAR, 3, 31), seed=seed, error_rate=0.05
    )
    write_council(council, folder)
    real = use_real_postcodes(folder, [YEAR - 1, YEAR], national=children > 10_000)
    this = folder / str(YEAR)
    return {
        "postcodes": "real" if real else "synthetic",
        "la_code": REAL_LA if real else LA_CODE,
        "children": children,
        "rows": sum(len(t) for t in council.tables[YEAR].values()),
        "csv_mb": round(sum(p.stat().st_size for p in this.glob("*.csv")) / 1e6, 1),
        "generate_s": round(time.perf_counter() - started, 2),
    }


def _side(runs: list[tuple[dict[str, Any], float]]) -> dict[str, Any]:
    """Median time, highest peak memory, and what ran, over repeated runs of one validator."""
    last = runs[-1][0]
    return {
        "seconds": round(statistics.median(r["seconds"] for r, _ in runs), 3),
        "process_s": round(statistics.median(w for _, w in runs), 3),  # with Python start and imports
        "report_s": round(statistics.median(float(r.get("report_seconds", 0)) for r, _ in runs), 3),
        "peak_mb": max(float(r["peak_mb"]) for r, _ in runs),
        "rules_run": len(last.get("ran", ())),
        "rules_failed": len(last.get("failed", ())),
        "findings": len(last.get("findings", ())),
        "repeats": len(runs),
    }


def measure(
    folder: Path,
    *,
    peer_python: Path | None,
    repeats: int,
    la_code: str = LA_CODE,
    say: Callable[[str], None] = print,
    peer_report: bool = True,
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """Ours and (if ``peer_python``) the peer on ``folder``/<YEAR>, alternating, ``repeats`` times, each
    as its users run it: the rules and then the report (``--report`` on both sides; without
    ``peer_report`` the peer runs only its rules, while ours still builds its report)."""
    this, last = folder / str(YEAR), folder / str(YEAR - 1)
    args: dict[str, Any] = {"year": YEAR, "la_code": la_code, "previous": last, "report": True}
    ours_cmd = P.side_command(sys.executable, this, peer=False, **args)
    args["report"] = peer_report
    ours: list[tuple[dict[str, Any], float]] = []
    peer: list[tuple[dict[str, Any], float]] = []
    for n in range(repeats):
        say(f"  ours, run {n + 1} of {repeats}")
        ours.append(P.run_json(ours_cmd))
        if peer_python is not None:
            say(f"  peer, run {n + 1} of {repeats}")
            cmd = P.side_command(peer_python, this, peer=True, **args)
            started = time.perf_counter()
            try:
                peer.append(P.run_json(cmd))
            except RuntimeError as e:  # e.g. killed when out of memory: say so, with no figure
                status = str(e).splitlines()[0].rsplit("` ", 1)[-1].rstrip(":")  # "exited -9"
                killed = " (killed: out of memory?)" if status.endswith("-9") else ""
                raise PeerFailed(f"{status}{killed} after {time.perf_counter() - started:.0f} s") from e
    return _side(ours), (_side(peer) if peer else None)


class PeerFailed(RuntimeError):
    """The peer could not finish (its reason and how long it ran)."""


def ratios(ours: dict[str, Any], peer: dict[str, Any] | None) -> dict[str, Any]:
    if peer is None or not ours["seconds"] or not peer["peak_mb"]:
        return {"speedup": None, "memory_ratio": None, "meets_targets": None}
    speedup = peer["seconds"] / ours["seconds"]
    memory = ours["peak_mb"] / peer["peak_mb"]
    return {
        "speedup": round(speedup, 1),
        "memory_ratio": round(memory, 3),
        "meets_targets": speedup >= TARGET_SPEEDUP and memory < TARGET_MEMORY,
    }


def run_validation(
    out_dir: Path = Path("bench-out"),
    *,
    national_children: int = 100_000,
    council_children: int = 400,
    with_peer_national: bool = False,
    repeats: int = 3,
    say: Callable[[str], None] = print,
) -> dict[str, Any]:
    """Time ours and the peer; the figures go into results.json under "validation"."""
    base = out_dir / "validation"
    python, why = P.ensure_peer_venv(P.repo_file(str(P.PEER_VENV)), create=True, say=say)
    if python is None:
        say(f"The peer validator is not available, so only ours is measured: {why}")
    result: dict[str, Any] = {
        "load_average": round(os.getloadavg()[0], 1),  # other work on the machine skews both sides
        "postcode_index_s": _warm_postcode_index(),
        "year": YEAR,
        "peer": P.PEER_REQUIREMENT.replace("==", " "),
        "targets": {"speedup": TARGET_SPEEDUP, "memory_ratio": TARGET_MEMORY},
    }
    for scale, children, peer_wanted, n in (
        ("council", council_children, True, repeats),
        ("national", national_children, with_peer_national, 1),
    ):
        say(f"Validation, {scale} scale ({children:,} children): writing the return")
        entry = _make(base / scale, children)
        use_peer = python if peer_wanted else None
        try:
            ours, peer = measure(
                base / scale, peer_python=use_peer, repeats=n, la_code=entry["la_code"], say=say
            )
        except PeerFailed as failed:
            # E.g. at national scale its report took more than the machine's 24 GB (killed at 22 GB after
            # 695 s, measured): then its rules alone are measured, against ours with our report.
            say(f"The peer did not finish: {failed}; measuring its rules alone (without its report)")
            entry["peer_report_failed"] = str(failed)
            try:
                ours, peer = measure(
                    base / scale, peer_python=use_peer, repeats=n, la_code=entry["la_code"], say=say,
                    peer_report=False,
                )  # fmt: skip
            except PeerFailed as again:
                ours, _ = measure(base / scale, peer_python=None, repeats=n, la_code=entry["la_code"])
                peer, why = None, f"did not finish, with or without its report: {again}"
        entry |= {"ours": ours, "peer": peer, **ratios(ours, peer)}
        if peer is None:
            entry["peer_skipped"] = why if python is None or peer_wanted else NOT_RUN
        result[scale] = entry
    return result


def add_to_results(out_dir: Path, results: dict[str, Any], validation: dict[str, Any]) -> None:
    results["validation"] = validation
    (out_dir / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


def _row(label: str, e: dict[str, Any]) -> str:
    o, p = e["ours"], e["peer"]
    ours = f"ours {o['seconds']:.2f} s, {o['peak_mb']:.0f} MB peak ({o['rules_run']} rules)"
    target = "at least 20x faster, under 1/4 memory"
    if p is None:
        return f"| {label} | {ours} | peer {e['peer_skipped']} | no figure | {target} |"
    peer = f"peer {p['seconds']:.2f} s, {p['peak_mb']:.0f} MB peak ({p['rules_run']} rules)"
    if e.get("peer_report_failed"):
        peer += (
            f", its rules alone: with its report too it {e['peer_report_failed']}, so ours (with our "
            "report) is compared with its rules alone"
        )
    ratio = f"{e['speedup']:.1f}x faster; memory {e['memory_ratio']:.2f}x the peer's"
    verdict = "met" if e["meets_targets"] else "not met"
    return f"| {label} | {ours} | {peer} | {ratio} | {target} ({verdict}) |"


def _inputs(e: dict[str, Any], index_s: float | None) -> str:
    if e.get("postcodes") != "real":
        return "synthetic postcodes and the files' derived fields (postcodes extra not installed)"
    built = f"; our postcode index built once beforehand, {index_s:.1f} s" if index_s is not None else ""
    return f"real postcodes, PL_LA/PL_LOCATION/PL_DISTANCE derived by each side{built}"


def validation_lines(v: dict[str, Any] | None) -> list[str]:
    """Rows for the README's benchmark table (none when the validation benchmark was not run)."""
    if not v:
        return []
    c, n = v["council"], v["national"]
    index_s = v.get("postcode_index_s")
    load = f"; machine load average {v['load_average']} at the start" if "load_average" in v else ""
    work = (
        "read both years' files, derive the postcode fields, run every rule of the year, build the report "
        "(peer: what its web front end's lac_validate call does; ours: what corparent validate shows)"
    )
    return [
        _row(
            f"Validation, one council ({c['children']:,} children, {c['rows']:,} rows of 2025-26 and "
            f"2024-25 as the previous year; {_inputs(c, index_s)}{load}): {work}, ours and the peer "
            "(csc-validator-be-903) on the same files",
            c,
        ),
        _row(
            f"Validation at national scale ({n['children']:,} children, {n['csv_mb']} MB of 2025-26 CSV; "
            f"{_inputs(n, None)}{load}): the same work",
            n,
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The validation benchmark alone (no README update).")
    parser.add_argument("--national", type=int, default=100_000)
    parser.add_argument("--with-peer-national", action="store_true")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--out", type=Path, default=Path("bench-out"))
    args = parser.parse_args(argv)
    v = run_validation(
        args.out,
        national_children=args.national,
        with_peer_national=args.with_peer_national,
        repeats=args.repeats,
    )
    (args.out / "validation.json").write_text(json.dumps(v, indent=2) + "\n", encoding="utf-8")
    print("\n".join(validation_lines(v)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
