"""Compare our 903 validation with the peer's (csc-validator-be-903), rule by rule: ``make compare-peer``.

For each synthetic council (seeds x error rates, two collection years ending 31 March of --year) it
validates the last year, with the year before as the previous year, on both sides, reading the same
files (the peer is given the optional postcode-derived Episodes columns' values in place of its own
postcode lookup: see run_peer.py), and compares, for every rule code, the (table, row) pairs each side
flags.

Rules a rule module lists in PEER_DIFFERENCES are reported as documented peer defects and do not count.
Prints a table and writes bench-out/compare-peer.json; exits 1 if an undocumented difference remains
(rows differ, or a rule fails on either side), 2 if the peer cannot be run.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from corparent.engine.ssda903.synth import generate, write_council
from corparent.engine.validation import peer as P
from corparent.engine.validation.providers_synth import lists_for_return

STYLE = {P.AGREE: "green", P.DIFFER: "bold red", P.FAILED: "bold red", P.DOCUMENTED: "yellow"}


def make_inputs(out: Path, children: int, seeds: list[int], rates: list[float], year: int) -> list[Path]:
    """Write each council: <out>/seed<S>-errors<R>/<year>/<table>.csv and manifest.json, and synthetic
    Ofsted provider lists for its URNs (<out>/seed<S>-errors<R>/ofsted/*.xlsx, some deliberately not
    matching the return: see ``providers_synth.lists_for_return``)."""
    folders = []
    for seed in seeds:
        for rate in rates:
            where = out / f"seed{seed}-errors{rate:g}"
            shutil.rmtree(where, ignore_errors=True)
            council = generate(
                children=children, years=2, reference_date=date(year, 3, 31), seed=seed, error_rate=rate
            )
            write_council(council, where)
            lists_for_return(where / str(year), where / "ofsted", year=year, seed=seed)
            folders.append(where)
    return folders


def run_both(
    folder: Path, *, year: int, la_code: str, peer_python: Path
) -> tuple[dict[str, Any], dict[str, Any]]:
    this, last = folder / str(year), folder / str(year - 1)
    lists = (folder / "ofsted" / "childrens-homes.xlsx", folder / "ofsted" / "social-care-providers.xlsx")
    sides = []
    for python, is_peer in ((Path(sys.executable), False), (peer_python, True)):
        command = P.side_command(
            python, this, year=year, la_code=la_code, previous=last, peer=is_peer, providers=lists
        )
        sides.append(P.run_json(command)[0])
    return sides[0], sides[1]


def _styled(status: str) -> str:
    return f"[{STYLE[status]}]{status}[/]" if status in STYLE else status


def print_report(console: Console, comparison: P.Comparison, times: dict[str, float]) -> None:
    summary = comparison.summary()
    head = Table(title="Our rules against the peer's (csc-validator-be-903 0.1.17)")
    for col in ("status", "rules", "meaning"):
        head.add_column(col)
    meaning = {
        P.DIFFER: "rows differ: fix ours, or document the peer's defect in PEER_DIFFERENCES",
        P.FAILED: "could not run on one side (and not documented)",
        P.DOCUMENTED: "documented peer defect (a module's PEER_DIFFERENCES): not counted",
        P.NOT_IMPLEMENTED: "the peer has it; not ported yet",
        P.OURS_ONLY: "ours has it; the peer's ruleset does not",
        P.AGREE: "the same rows flagged in every return",
    }
    for status in P.STATUSES:
        head.add_row(_styled(status), str(summary[status]), meaning[status])
    console.print(head)

    table = Table(title=f"Rule by rule: rows flagged, summed over {len(comparison.returns)} returns")
    for col in ("rule", "status", "ours", "peer", "both", "only ours", "only peer"):
        table.add_column(col, justify="left" if col in ("rule", "status") else "right")
    for r in comparison.rules:
        if r.status != P.NOT_IMPLEMENTED:
            counts = (r.ours_rows, r.peer_rows, r.both_rows, r.only_ours, r.only_peer)
            table.add_row(r.code, _styled(r.status), *map(str, counts))
    console.print(table)
    for status, title in ((P.DIFFER, "Differences"), (P.FAILED, "Failures")):
        for r in comparison.by_status(status):
            where = "; ".join(r.examples) if r.examples else ""
            console.print(f"[bold red]{title[:-1]} {r.code}[/]: {where} {r.note}".rstrip(), highlight=False)
    documented = comparison.by_status(P.DOCUMENTED)
    if documented:
        console.print("[bold yellow]Documented peer defects[/] (excluded from pass/fail):")
        for r in documented:
            same = "rows the same on this data" if not (r.only_ours or r.only_peer) else "rows differ"
            console.print(f"  {r.code} ({same}): {r.note[:220]}", highlight=False)
    missing = comparison.by_status(P.NOT_IMPLEMENTED)
    if missing:
        codes = ", ".join(r.code for r in missing)
        console.print(f"[bold]Not implemented yet[/] ({len(missing)}): {codes}", highlight=False)
        failing = [r.code for r in missing if "failed" in r.note]
        if failing:
            console.print(f"  of which the peer cannot run: {', '.join(failing)}", highlight=False)
    console.print(
        f"Per return (median): ours {times['ours_s']:.2f} s, peer {times['peer_s']:.2f} s "
        f"(runs overlap, so see make bench for timings); peak memory: ours {times['ours_mb']:.0f} MB, "
        f"peer {times['peer_mb']:.0f} MB.",
        highlight=False,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--children", type=int, default=400)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--error-rates", type=float, nargs="+", default=[0.0, 0.05])
    parser.add_argument("--year", type=int, default=2026, help="collection year validated, named by its end")
    parser.add_argument("--la-code", default="E99000001", help="the synthetic council's code")
    parser.add_argument("--out", type=Path, default=Path("bench-out"))
    parser.add_argument("--peer-python", type=Path, default=P.PEER_VENV / "bin" / "python")
    parser.add_argument("--jobs", type=int, default=3, help="peer runs at once")
    args = parser.parse_args(argv)
    console = Console()
    if not args.peer_python.exists():
        _, why = P.ensure_peer_venv(create=False)
        console.print(f"[red]The peer validator is not installed:[/] {why}", highlight=False)
        return 2

    started = time.perf_counter()
    with console.status("Writing synthetic councils..."):
        folders = make_inputs(
            args.out / "compare-peer", args.children, args.seeds, args.error_rates, args.year
        )
    with (
        console.status(f"Validating {len(folders)} returns on both sides..."),
        ThreadPoolExecutor(args.jobs) as pool,
    ):
        futures = [
            pool.submit(run_both, f, year=args.year, la_code=args.la_code, peer_python=args.peer_python)
            for f in folders
        ]
        try:
            pairs = [f.result() for f in futures]
        except RuntimeError as e:
            console.print(f"[red]A validator could not run:[/] {e}", highlight=False)
            return 2
    documented = P.peer_differences()
    runs = [
        (f.name, P.Run.from_json(o), P.Run.from_json(p)) for f, (o, p) in zip(folders, pairs, strict=True)
    ]
    comparison = P.compare(runs, documented)
    times = {
        "ours_s": sorted(o["seconds"] for o, _ in pairs)[len(pairs) // 2],
        "peer_s": sorted(p["seconds"] for _, p in pairs)[len(pairs) // 2],
        "ours_mb": max(o["peak_mb"] for o, _ in pairs),
        "peer_mb": max(p["peak_mb"] for _, p in pairs),
    }
    print_report(console, comparison, times)
    report = {
        "date": time.strftime("%Y-%m-%d"),
        "year": args.year,
        "la_code": args.la_code,
        "children": args.children,
        "peer": "csc-validator-be-903 " + str(pairs[0][1].get("peer_version", "")),
        "inputs": "synthetic councils, 2 years, the same files on both sides; the peer uses the files' "
        "PL_DISTANCE, PL_LA, PL_LOCATION in place of its postcode lookup; synthetic Ofsted provider "
        "lists (children's homes, social care providers) made from each return's URNs",
        "runs": [
            {
                "name": f.name,
                "rows": o.get("rows", {}),
                "ours": {k: o[k] for k in ("seconds", "peak_mb", "failed", "skipped")},
                "peer": {k: p[k] for k in ("seconds", "peak_mb", "failed", "failed_reasons", "skipped")},
            }
            for f, (o, p) in zip(folders, pairs, strict=True)
        ],
        "documented_peer_differences": documented,
        "times": times,
        "seconds": round(time.perf_counter() - started, 1),
        **comparison.as_dict(),
    }
    path = args.out / "compare-peer.json"
    path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    undocumented = [r.code for r in comparison.rules if r.status in P.PROBLEMS]
    if undocumented:
        console.print(
            f"[bold red]Undocumented differences[/] in {len(undocumented)} rule(s): "
            + ", ".join(undocumented),
            highlight=False,
        )
    else:
        console.print("[green]No undocumented differences.[/]")
    console.print(f"Report: {path}", highlight=False)
    return 1 if undocumented else 0


if __name__ == "__main__":
    sys.exit(main())
