"""Reading any DfE file we import: recognise its shape by its columns (and, where two shapes share
columns, by which one's filter values its rows hold), then read it with the matching reader."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from corparent.engine.benchmarks import neighbours, population
from corparent.engine.benchmarks.csvtext import CsvText, open_csv
from corparent.engine.benchmarks.education import builtin_education
from corparent.engine.benchmarks.mapping import ShapeMapping, builtin_mapping
from corparent.engine.benchmarks.model import BenchmarkFile, Problem
from corparent.engine.benchmarks.tidy import read_tidy


def _unrecognised(name: str, header: list[str], mapping: ShapeMapping) -> Problem:
    closest = max(mapping.shapes.values(), key=lambda s: len(set(s.required_columns) & set(header)))
    missing = [c for c in closest.required_columns if c not in header]
    known = ", ".join(s.example_file for s in mapping.shapes.values())
    return Problem(
        name,
        "the columns of one of the DfE files we import (" + known + ", the statistical neighbours model "
        "sn_model_2025_wide.csv or the ONS population estimates); the closest, "
        f"{closest.example_file}, has columns this file lacks: " + ", ".join(missing),
        1,
        found=", ".join(header[:12]) + (" ..." if len(header) > 12 else ""),
    )


@cache
def readable_mapping() -> ShapeMapping:
    """Every shape we import: the 903 indicators' (shapes.toml) and education's (education.toml)."""
    builtin, education = builtin_mapping(), builtin_education().mapping
    return ShapeMapping(
        version=builtin.version,
        shapes={**builtin.shapes, **education.shapes},
        uncompared=dict(builtin.uncompared),
    )


def read_benchmark_file(
    path: Path, name: str | None = None, mapping: ShapeMapping | None = None
) -> BenchmarkFile:
    """Read one downloaded DfE file. ``name`` is how problems name it (the uploaded file's name)."""
    name = name or path.name
    mapping = mapping or readable_mapping()
    text, problem = open_csv(path, name)
    if text is None:
        return BenchmarkFile(file=name, problems=[problem] if problem else [])
    found = _read(path, name, text, mapping)
    found.sha256 = text.sha256
    return found


def _read(path: Path, name: str, text: CsvText, mapping: ShapeMapping) -> BenchmarkFile:
    if neighbours.looks_like(text.header):
        return neighbours.read_neighbours(path, name, text)
    if population.looks_like(text.header) and "population_type" not in text.header:
        return population.read_population(path, name, text)
    candidates = [s for s in mapping.shapes.values() if set(s.required_columns) <= set(text.header)]
    if not candidates:
        return BenchmarkFile(file=name, problems=[_unrecognised(name, text.header, mapping)])
    results = [read_tidy(path, name, text, shape) for shape in candidates]
    best = max(results, key=lambda r: len(r.rows))
    if not best.rows:
        if any(r.errors for r in results):
            errors = min((r for r in results if r.errors), key=lambda r: len(r.errors))
            return BenchmarkFile(file=name, problems=errors.problems)
        wanted = "; ".join(
            f"{s.example_file}: " + ", ".join(f"{c} = {v!r}" for c, v in s.measures[0].where)
            for s in candidates
            if s.measures
        )
        return BenchmarkFile(
            file=name,
            problems=[
                Problem(
                    name,
                    f"rows with the filter values we compare ({wanted})",
                    found="none: this file holds other figures",
                )
            ],
        )
    return best
