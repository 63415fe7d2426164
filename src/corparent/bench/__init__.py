"""Benchmarks, run by ``make bench``: every figure is a ratio against a baseline measured in the
same run on the same files, so that the numbers mean the same on a slower or faster machine.

- National scale: a synthetic return of 100,000 children looked after over three years. Baseline:
  DuckDB reading the same CSV files into tables (all columns as text). Measured: reading the return
  (typed, joined across years) plus computing every indicator and breakdown for one reference date.
  Target: within 3x the raw read.
- One council (~400 children): the full scorecard computed in process, from a return already read.
  Target: under 0.5 s.

Results go to ``bench-out/results.json`` and between the bench markers in README.md.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from corparent.engine.indicators.engine import compute
from corparent.engine.ssda903.reader import read_return
from corparent.engine.ssda903.synth import generate, write_council

REFERENCE_DATE = date(2025, 3, 31)
START, END = "<!-- bench:start -->", "<!-- bench:end -->"


def _median_time(fn: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def raw_read(folder: Path) -> None:
    """The baseline: DuckDB reads every CSV of the return into a table, all columns as text."""
    con = duckdb.connect()
    for n, path in enumerate(sorted(folder.rglob("*.csv"))):
        con.execute(
            f"CREATE TABLE t{n} AS SELECT * FROM read_csv(?, header = true, all_varchar = true)", [str(path)]
        )
    con.close()


def full_scorecard(folder: Path) -> int:
    """What is measured: read the return (typed, joined across years) and compute every indicator."""
    ret = read_return(folder)
    card = compute(ret, REFERENCE_DATE, population=1_200_000)
    ret.con.close()
    return len(card.results)


def _make(out: Path, children: int, seed: int) -> tuple[Path, float]:
    started = time.perf_counter()
    council = generate(children=children, years=3, reference_date=REFERENCE_DATE, seed=seed)
    write_council(council, out)
    return out, time.perf_counter() - started


def run(
    out_dir: Path = Path("bench-out"), national_children: int = 100_000, repeats: int = 3
) -> dict[str, Any]:
    out_dir.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {
        "date": time.strftime("%Y-%m-%d"),
        "machine": f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}, "
        f"DuckDB {duckdb.__version__}",
    }

    national, gen_s = _make(out_dir / "national", national_children, seed=1)
    size_mb = sum(p.stat().st_size for p in national.rglob("*.csv")) / 1e6
    raw_s = _median_time(lambda: raw_read(national), repeats)
    rows = full_scorecard(national)
    ours_s = _median_time(lambda: full_scorecard(national), repeats)
    ret = read_return(national)
    read_s = _median_time(lambda: read_return(national).con.close(), repeats)
    compute_s = _median_time(lambda: compute(ret, REFERENCE_DATE, population=1_200_000), repeats)
    ret.con.close()
    results["national"] = {
        "children_looked_after": national_children,
        "csv_mb": round(size_mb, 1),
        "generate_s": round(gen_s, 2),
        "raw_read_s": round(raw_s, 3),
        "read_and_scorecard_s": round(ours_s, 3),
        "read_s": round(read_s, 3),
        "scorecard_s": round(compute_s, 3),
        "result_rows": rows,
        "ratio_to_raw_read": round(ours_s / raw_s, 2),
        "target_ratio": 3.0,
    }

    council, council_gen_s = _make(out_dir / "council", 400, seed=1)
    c_raw = _median_time(lambda: raw_read(council), 5)
    c_ret = read_return(council)
    c_compute = _median_time(lambda: compute(c_ret, REFERENCE_DATE, population=60_000), 5)
    c_ret.con.close()
    results["council"] = {
        "children_looked_after": 400,
        "generate_s": round(council_gen_s, 3),
        "raw_read_s": round(c_raw, 4),
        "scorecard_in_process_s": round(c_compute, 3),
        "ratio_to_raw_read": round(c_compute / c_raw, 2),
        "target_s": 0.5,
    }
    (out_dir / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return results


def readme_block(r: dict[str, Any]) -> str:
    from corparent.bench.validation import validation_lines  # importing it here keeps `-m` clean
    from corparent.bench.web import web_lines

    n, c = r["national"], r["council"]
    return "\n".join(
        [
            START,
            f"Latest run: {r['date']}, {r['machine']}. Each figure is the median of repeated runs; ratios "
            "compare with a baseline measured in the same run on the same files.",
            "",
            "| measure | time | baseline (same run) | ratio | target |",
            "|---|---|---|---|---|",
            f"| National scale ({n['children_looked_after']:,} children looked after, 3 years, "
            f"{n['csv_mb']} MB of CSV): read the return and compute the full scorecard "
            f"({n['result_rows']:,} figures) | {n['read_and_scorecard_s']:.2f} s "
            f"(read {n['read_s']:.2f} s, scorecard {n['scorecard_s']:.2f} s) | DuckDB raw read of the "
            f"same files: {n['raw_read_s']:.2f} s | {n['ratio_to_raw_read']:.2f}x | within 3x |",
            f"| One council (400 children): full scorecard in process | {c['scorecard_in_process_s']:.3f} s "
            f"| DuckDB raw read of its files: {c['raw_read_s']:.3f} s | {c['ratio_to_raw_read']:.1f}x "
            "| under 0.5 s |",
            f"| Synthetic generation (generate and write) | national {n['generate_s']:.1f} s, "
            f"council {c['generate_s']:.2f} s | | | seconds |",
            *validation_lines(r.get("validation")),
            *web_lines(r.get("web")),
            END,
        ]
    )


def update_readme(r: dict[str, Any], readme: Path = Path("README.md")) -> bool:
    text = readme.read_text(encoding="utf-8")
    if START not in text or END not in text:
        return False
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    readme.write_text(head + readme_block(r) + tail, encoding="utf-8")
    return True
