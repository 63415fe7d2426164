"""Helpers for the hand-worked indicator tests: build a 903 return as CSV files and read results.

Returns are built as real 903 CSV files (dates DD/MM/YYYY, blanks as empty cells) in ``tmp_path``
and read with the real reader, so fixtures read like the return itself::

    ret = make_return(tmp_path, year=2025,
                      header=[child("A", "01/06/2012")],
                      episodes=[ep("A", "01/01/2023", "S", ls="C2", place="U4")])
    sc = compute(ret, R)

(A module of its own rather than conftest.py, so that ``from return_builder import ...`` cannot
pick up another folder's conftest.)
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from corparent.engine.indicators.engine import Scorecard, compute
from corparent.engine.ssda903.model import Return
from corparent.engine.ssda903.reader import read_return
from corparent.engine.ssda903.tables import TABLES_BY_KEY, TableSpec

R_2025 = date(2025, 3, 31)

Row = Mapping[str, Any]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def write_table(spec: TableSpec, rows: Iterable[Row], path: Path) -> None:
    """Write one table's CSV: the spec's columns (plus any optional column a row uses), in order.

    A row naming a column the table does not have is an error (it catches typos in fixtures).
    """
    rows = list(rows)
    known = {c.name for c in spec.all_columns}
    for row in rows:
        unknown = set(row) - known
        if unknown:
            raise KeyError(f"{spec.name} has no column(s) {sorted(unknown)}")
    used = {k for row in rows for k in row}
    names = [*spec.column_names, *(c.name for c in spec.optional if c.name in used)]
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(names)
        for row in rows:
            w.writerow([_cell(row.get(n)) for n in names])


def write_year(root: Path, year: int, tables: Mapping[str, Iterable[Row]]) -> None:
    """One collection year's folder ``root/<year>/`` holding a CSV per table given."""
    for key, rows in tables.items():
        spec = TABLES_BY_KEY[key]
        write_table(spec, rows, root / str(year) / f"{spec.name.lower()}.csv")


def make_return(tmp_path: Path, *, year: int = 2025, **tables: Iterable[Row]) -> Return:
    """A one-year return: ``tmp_path/return/<year>/``, read with the real reader.

    Keyword arguments are the engine's table keys: header, episodes, uasc, reviews, oc2, oc3, ad1,
    placed_adoption, prev_perm, missing, sw_episodes.
    """
    return make_years(tmp_path, {year: tables})


def make_years(tmp_path: Path, years: Mapping[int, Mapping[str, Iterable[Row]]]) -> Return:
    """A return of several collection years, e.g. ``{2024: {...tables}, 2025: {...tables}}``."""
    root = tmp_path / "return"
    for year, tables in years.items():
        write_year(root, year, tables)
    return read_return(root)


# --- rows, with the columns a test does not care about left blank ----------------------------------


def child(child_id: str, dob: str, sex: str = "M", ethnic: str = "WBRI") -> dict[str, Any]:
    """A Header row."""
    return {"CHILD": child_id, "SEX": sex, "DOB": dob, "ETHNIC": ethnic, "MOTHER": "0"}


def ep(
    child_id: str,
    decom: str,
    rne: str = "S",
    *,
    ls: str = "C2",
    place: str = "U4",
    dec: str | None = None,
    rec: str | None = None,
    cin: str = "N1",
    **optional: Any,
) -> dict[str, Any]:
    """An Episodes row. ``optional`` takes PL_DISTANCE, PL_LA, PL_LOCATION."""
    return {
        "CHILD": child_id, "DECOM": decom, "RNE": rne, "LS": ls, "CIN": cin, "PLACE": place,
        "PLACE_PROVIDER": "PR0" if place == "P1" else "PR1", "DEC": dec, "REC": rec, **optional,
    }  # fmt: skip


def headers(dobs: Mapping[str, str]) -> list[dict[str, Any]]:
    """Header rows for several children (sex M, ethnicity WBRI) from {child: dob}."""
    return [child(c, dob) for c, dob in dobs.items()]


# --- reading results ---------------------------------------------------------------------------------


def figures(sc: Scorecard, indicator: str) -> tuple[float | None, float | None, float | None]:
    """(numerator, denominator, value) of an indicator's headline row."""
    r = sc.headline(indicator)
    return r.numerator, r.denominator, r.value


def groups(sc: Scorecard, indicator: str, breakdown: str) -> dict[str, float | None]:
    """{group: value} for one breakdown of an indicator."""
    return {r.group: r.value for r in sc.rows(indicator, breakdown)}


def assert_pct(sc: Scorecard, indicator: str, numerator: int, denominator: int) -> None:
    """A % headline: the hand-worked numerator and denominator, its value, and an interval around it."""
    r = sc.headline(indicator)
    got = f"{indicator}: got {r.numerator} / {r.denominator}"
    assert (r.numerator, r.denominator) == (numerator, denominator), got
    assert r.value == pytest.approx(100.0 * numerator / denominator), indicator
    assert r.lower is not None and r.upper is not None, indicator
    assert r.lower <= r.value <= r.upper, indicator


def assert_count(sc: Scorecard, indicator: str, value: int) -> None:
    r = sc.headline(indicator)
    assert (r.numerator, r.value, r.denominator) == (value, value, None), f"{indicator}: got {r.value}"


def assert_mean(sc: Scorecard, indicator: str, values: list[float]) -> None:
    """A mean (or days) headline: sum and count of the hand-listed values, the mean, its interval."""
    r = sc.headline(indicator)
    got = f"{indicator}: got {r.numerator} / {r.denominator}"
    assert (r.numerator, r.denominator) == (pytest.approx(sum(values)), len(values)), got
    assert r.value == pytest.approx(sum(values) / len(values)), indicator
    if len(values) >= 2:
        assert r.lower is not None and r.upper is not None, indicator
        assert r.lower <= r.value <= r.upper, indicator


__all__ = [
    "R_2025",
    "Return",
    "Scorecard",
    "assert_count",
    "assert_mean",
    "assert_pct",
    "child",
    "compute",
    "ep",
    "figures",
    "groups",
    "headers",
    "make_return",
    "make_years",
    "write_table",
]
