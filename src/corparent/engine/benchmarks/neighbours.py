"""DfE's statistical neighbours model (sn_model_2025_wide.csv): 10 neighbours per LA, closest first.

Columns: old_la_code, la_name, region_ind, region_name, then SN_1, SN_1P, ..., SN_10, SN_10P (the
neighbour's LA code and how close it is: "Very close", "Close", "Somewhat close", "Not close").
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from corparent.engine.benchmarks.csvtext import CsvText, rows
from corparent.engine.benchmarks.model import BenchmarkFile, NeighbourRow, Problem
from corparent.engine.benchmarks.values import is_la_code

KIND: Final = "sn_model"
TITLE: Final = "Statistical neighbours model"
NEIGHBOURS: Final = 10
_SN_COLUMNS: Final = tuple(c for k in range(1, NEIGHBOURS + 1) for c in (f"SN_{k}", f"SN_{k}P"))
COLUMNS: Final = ("old_la_code", "la_name", "region_name", *_SN_COLUMNS)


def looks_like(header: list[str]) -> bool:
    return "old_la_code" in header and "SN_1" in header and "geographic_level" not in header


def read_neighbours(path: Path, name: str, text: CsvText) -> BenchmarkFile:
    out = BenchmarkFile(file=name, kind=KIND, title=TITLE)
    missing = [c for c in COLUMNS if c not in text.header]
    if missing:
        out.problems.append(
            Problem(
                name,
                "the columns of DfE's statistical neighbours model: " + ", ".join(missing),
                1,
                found="a header without them",
            )
        )
        return out
    index = {col: i for i, col in enumerate(text.header)}
    seen: dict[str, int] = {}
    for line, fields in rows(path, text):
        if len(fields) != len(text.header):
            out.problems.append(
                Problem(name, f"{len(text.header)} fields", line, found=f"{len(fields)} fields")
            )
            continue
        get = {col: fields[index[col]].strip() for col in COLUMNS}
        code = get["old_la_code"]
        if not is_la_code(code):
            out.problems.append(Problem(name, "a three-digit LA code", line, "old_la_code", code))
            continue
        if code in seen:
            out.problems.append(
                Problem(
                    name, f"one row per LA (LA {code} is also on row {seen[code]})", line, "old_la_code", code
                )
            )
            continue
        seen[code] = line
        neighbours: list[str] = []
        closeness: list[str] = []
        bad = False
        for k in range(1, NEIGHBOURS + 1):
            sn = get[f"SN_{k}"]
            if not is_la_code(sn) or sn == code or sn in neighbours:
                out.problems.append(
                    Problem(
                        name, "a three-digit LA code, not the LA itself and not repeated", line, f"SN_{k}", sn
                    )
                )
                bad = True
                continue
            neighbours.append(sn)
            closeness.append(" ".join(get[f"SN_{k}P"].split()))
        if not bad:
            out.neighbours.append(
                NeighbourRow(code, get["la_name"], get["region_name"], tuple(neighbours), tuple(closeness))
            )
    return out
