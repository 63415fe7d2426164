"""Reading one Explore Education Statistics "tidy" file as one declared shape.

Every row is checked (time period, geographic level, area code, the shape's number columns); each
measure of the shape then picks its rows by their filter values and gives one normalized row per
area and year, with the numerator and denominator where DfE publishes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from corparent.engine.benchmarks.csvtext import CsvText, rows
from corparent.engine.benchmarks.mapping import Measure, Shape
from corparent.engine.benchmarks.model import BenchmarkFile, BenchmarkRow, GeoLevel, Level, Problem
from corparent.engine.benchmarks.values import LEVELS, NUMBER_EXPECTED, collection_year, is_la_code, number

Key = tuple[int, GeoLevel, str, tuple[str, ...]]


@dataclass(frozen=True)
class _Row:
    line: int
    year: int
    level: GeoLevel
    area_code: str
    area_name: str
    region_code: str
    region_name: str
    filters: tuple[str, ...]
    cells: dict[str, tuple[float | None, str]]


def _area(level: GeoLevel, get: dict[str, str]) -> tuple[str, str, str]:
    """(code, name, the column the code is read from)."""
    if level is GeoLevel.NATIONAL:
        return get["country_code"], get["country_name"], "country_code"
    if level is GeoLevel.REGIONAL:
        return get["region_code"], get["region_name"], "region_code"
    return get["old_la_code"], get["la_name"], "old_la_code"


def _parse_rows(path: Path, name: str, text: CsvText, shape: Shape, out: BenchmarkFile) -> dict[Key, _Row]:
    index = {col: i for i, col in enumerate(text.header)}
    wanted = (*shape.required_columns,)
    table: dict[Key, _Row] = {}
    for line, fields in rows(path, text):
        if len(fields) != len(text.header):
            out.problems.append(
                Problem(
                    name,
                    f"{len(text.header)} fields, one for each column of the header",
                    line,
                    found=f"{len(fields)} fields",
                )
            )
            continue
        get = {col: fields[index[col]].strip() for col in wanted}
        year = collection_year(get["time_period"])
        if year is None:
            out.problems.append(
                Problem(
                    name,
                    "a year such as 2025 or an academic year such as 202425",
                    line,
                    "time_period",
                    get["time_period"],
                )
            )
            continue
        level = LEVELS.get(get["geographic_level"])
        if level is None:
            out.problems.append(
                Problem(
                    name, "one of " + ", ".join(LEVELS), line, "geographic_level", get["geographic_level"]
                )
            )
            continue
        code, area_name, code_column = _area(level, get)
        if (level is GeoLevel.LOCAL and not is_la_code(code)) or not code:
            expected = "a three-digit LA code" if level is GeoLevel.LOCAL else "an area code"
            out.problems.append(Problem(name, expected, line, code_column, code))
            continue
        cells: dict[str, tuple[float | None, str]] = {}
        bad = False
        for col in shape.columns:
            value, marker, ok = number(get[col])
            if not ok:
                out.problems.append(Problem(name, NUMBER_EXPECTED, line, col, get[col]))
                bad = True
            cells[col] = (value, marker)
        if bad:
            continue
        filters = tuple(get[f] for f in shape.filters)
        key = (year, level, code, filters)
        if key in table:
            out.problems.append(
                Problem(
                    name,
                    f"one row for each area, year and {', '.join(shape.filters)}",
                    line,
                    found=f"a second row like row {table[key].line}",
                )
            )
            continue
        region_code = get["region_code"] if level is not GeoLevel.NATIONAL else ""
        region_name = get["region_name"] if level is not GeoLevel.NATIONAL else ""
        table[key] = _Row(line, year, level, code, area_name, region_code, region_name, filters, cells)
    return table


def _matches(row: _Row, shape: Shape, where: tuple[tuple[str, str], ...]) -> bool:
    return all(row.filters[shape.filters.index(col)] == value for col, value in where)


def _denominator_key(row: _Row, shape: Shape, measure: Measure) -> Key:
    filters = list(row.filters)
    for col, value in measure.denominator_where:
        filters[shape.filters.index(col)] = value
    return (row.year, row.level, row.area_code, tuple(filters))


def _measure_rows(
    table: dict[Key, _Row], shape: Shape, measure: Measure, name: str, out: BenchmarkFile
) -> None:
    for row in table.values():
        if not _matches(row, shape, measure.where):
            continue
        value, marker = row.cells[measure.value]
        numerator = row.cells[measure.numerator][0] if measure.numerator else None
        denominator: float | None = None
        if measure.denominator and measure.denominator_where:
            other = table.get(_denominator_key(row, shape, measure))
            if other is None:
                wanted = ", ".join(f"{c} = {v!r}" for c, v in measure.denominator_where)
                out.problems.append(
                    Problem(
                        name,
                        f"a row with {wanted} for the same area and year (the denominator of "
                        f"{measure.indicator})",
                        row.line,
                        level=Level.WARNING,
                    )
                )
            else:
                denominator = other.cells[measure.denominator][0]
        elif measure.denominator:
            denominator = row.cells[measure.denominator][0]
        out.rows.append(
            BenchmarkRow(
                indicator_id=measure.indicator,
                year=row.year,
                level=row.level,
                area_code=row.area_code,
                area_name=row.area_name,
                region_code=row.region_code,
                region_name=row.region_name,
                value=value,
                numerator=numerator,
                denominator=denominator,
                marker=marker,
            )
        )


def read_tidy(path: Path, name: str, text: CsvText, shape: Shape) -> BenchmarkFile:
    """Read the file as ``shape``: its normalized rows and every problem found."""
    out = BenchmarkFile(file=name, kind=shape.id, title=shape.title)
    table = _parse_rows(path, name, text, shape, out)
    for measure in shape.measures:
        _measure_rows(table, shape, measure, name, out)
    return out
