"""ONS mid-year population estimates of children aged 0 to 17, by LA (the file DfE publishes with
its children's social care statistics: ons_mid-year_population_estimates_2012_to_2024.csv).

``time_period`` here is the mid-year of the estimate (2024 = mid-2024). DfE's rates for the
collection year ending 31 March 2025 use the mid-2024 estimate.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from corparent.engine.benchmarks.csvtext import CsvText, rows
from corparent.engine.benchmarks.model import BenchmarkFile, PopulationRow, Problem
from corparent.engine.benchmarks.values import LEVELS, is_la_code, number

KIND: Final = "ons_population"
TITLE: Final = "ONS population estimates, children aged 0 to 17"
COLUMNS: Final = (
    "time_period",
    "geographic_level",
    "old_la_code",
    "la_name",
    "age_group",
    "population_estimate",
)
AGE_GROUP: Final = "Children aged 0 to 17 years"


def looks_like(header: list[str]) -> bool:
    return "population_estimate" in header and "age_group" in header


def read_population(path: Path, name: str, text: CsvText) -> BenchmarkFile:
    out = BenchmarkFile(file=name, kind=KIND, title=TITLE)
    missing = [c for c in COLUMNS if c not in text.header]
    if missing:
        out.problems.append(
            Problem(name, "the columns " + ", ".join(missing), 1, found="a header without them")
        )
        return out
    index = {col: i for i, col in enumerate(text.header)}
    seen: dict[tuple[str, int], int] = {}
    for line, fields in rows(path, text):
        if len(fields) != len(text.header):
            out.problems.append(
                Problem(name, f"{len(text.header)} fields", line, found=f"{len(fields)} fields")
            )
            continue
        get = {col: fields[index[col]].strip() for col in COLUMNS}
        if get["geographic_level"] not in LEVELS:
            out.problems.append(
                Problem(
                    name, "one of " + ", ".join(LEVELS), line, "geographic_level", get["geographic_level"]
                )
            )
            continue
        if get["geographic_level"] != "Local authority" or get["age_group"] != AGE_GROUP:
            continue
        year = get["time_period"]
        if not (len(year) == 4 and year.isdigit()):
            out.problems.append(Problem(name, "a year such as 2024", line, "time_period", year))
            continue
        code = get["old_la_code"]
        if not is_la_code(code):
            out.problems.append(Problem(name, "a three-digit LA code", line, "old_la_code", code))
            continue
        value, _marker, ok = number(get["population_estimate"])
        if not ok or (value is not None and (value < 0 or value != int(value))):
            out.problems.append(
                Problem(
                    name,
                    "a whole number of children or one of DfE's symbols",
                    line,
                    "population_estimate",
                    get["population_estimate"],
                )
            )
            continue
        key = (code, int(year))
        if key in seen:
            out.problems.append(Problem(name, f"one row per LA and year (also on row {seen[key]})", line))
            continue
        seen[key] = line
        if value is not None:
            out.populations.append(PopulationRow(code, get["la_name"], int(year), int(value)))
    return out
