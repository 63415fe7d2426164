"""Writing results: CSV, JSON, the Excel workbook and the terminal table."""

from __future__ import annotations

import csv
import io
import json
import math
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from rich.console import Console

from corparent.engine.indicators.intervals import poisson_rate, t_mean, wilson
from corparent.engine.indicators.output import (
    ABOUT_SHEET,
    SCORECARD_SHEET,
    render_table,
    to_json,
    write_csv,
    write_xlsx,
)
from corparent.engine.indicators.result import ALL, OUTPUT_COLUMNS, Result, Unit

R = date(2025, 3, 31)
START = date(2024, 4, 1)


def make(
    indicator: str,
    unit: Unit,
    numerator: float | None,
    denominator: float | None,
    value: float | None,
    interval: tuple[float | None, float | None] = (None, None),
    breakdown: str = ALL,
    group: str = ALL,
) -> Result:
    return Result(
        indicator, f"Title of {indicator}", R, START, R, breakdown, group,
        numerator, denominator, value, unit, *interval,
    )  # fmt: skip


SAMPLE = [
    make("cla", Unit.COUNT, 300.0, None, 300.0),
    make("cla_rate", Unit.PER_10K, 300.0, 45_000.0, 300 / 45_000 * 10_000, poisson_rate(300, 45_000)),
    make("placed_foster_pct", Unit.PERCENT, 202.0, 300.0, 100 * 202 / 300, wilson(202, 300)),
    make("placed_foster_pct", Unit.PERCENT, 8.0, 10.0, 80.0, wilson(8, 10), "sex", "F"),
    make("placed_foster_pct", Unit.PERCENT, 194.0, 290.0, 100 * 194 / 290, wilson(194, 290), "sex", "M"),
    make("sdq_average", Unit.MEAN, 2012.0, 140.0, 2012 / 140, t_mean(2012 / 140, 6.1, 140)),
    make("adoption_entry_to_placed_days", Unit.DAYS, 4470.0, 10.0, 447.0, t_mean(447.0, 120.0, 10)),
    make("health_assessment_pct", Unit.PERCENT, 0.0, 0.0, None),
    make("uasc_pct", Unit.PERCENT, 4.0, 300.0, 100 * 4 / 300, wilson(4, 300)).hidden(),
]


def test_sample_is_what_the_tests_expect() -> None:
    assert SAMPLE[2].value == 67.33333333333333
    assert SAMPLE[-1].suppressed and SAMPLE[-1].value is None


# ---------------------------------------------------------------- CSV


def test_csv_header_is_output_columns() -> None:
    out = io.StringIO()
    write_csv(SAMPLE, out)
    lines = out.getvalue().splitlines()
    assert lines[0] == ",".join(OUTPUT_COLUMNS)
    assert len(lines) == len(SAMPLE) + 1


def test_csv_round_trips_through_dictreader() -> None:
    out = io.StringIO()
    write_csv(SAMPLE, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == len(SAMPLE)
    for row, result in zip(rows, SAMPLE, strict=True):
        assert list(row) == list(OUTPUT_COLUMNS)
        assert row["indicator"] == result.indicator
        assert row["reference_date"] == "2025-03-31" and row["period_start"] == "2024-04-01"
        assert row["unit"] == result.unit.value
        assert row["suppressed"] == ("true" if result.suppressed else "false")
        for column in ("numerator", "denominator", "value", "lower", "upper"):
            expected = getattr(result, column)
            assert (row[column] == "") if expected is None else (float(row[column]) == expected), column


def test_csv_value_is_unrounded_and_counts_are_whole() -> None:
    out = io.StringIO()
    write_csv(SAMPLE[2:3], out)
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["value"] == "67.33333333333333"
    assert row["numerator"] == "202" and row["denominator"] == "300"
    assert row["breakdown"] == "all" and row["group"] == "all"


def test_csv_suppressed_row_is_blank() -> None:
    out = io.StringIO()
    write_csv(SAMPLE[-1:], out)
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["suppressed"] == "true"
    assert all(row[c] == "" for c in ("numerator", "denominator", "value", "lower", "upper"))


# ---------------------------------------------------------------- JSON


def test_json_parses_with_exactly_the_output_keys() -> None:
    data = json.loads(to_json(SAMPLE))
    assert isinstance(data, list) and len(data) == len(SAMPLE)
    for obj, result in zip(data, SAMPLE, strict=True):
        assert list(obj) == list(OUTPUT_COLUMNS)
        assert obj["suppressed"] is result.suppressed
        assert obj["reference_date"] == "2025-03-31"
        for column in ("numerator", "denominator", "value", "lower", "upper"):
            assert obj[column] == getattr(result, column)  # None <-> null, floats unrounded
    assert data[2]["value"] == 67.33333333333333
    assert data[-1]["value"] is None and data[-1]["suppressed"] is True
    assert json.loads(to_json([])) == []


def test_json_refuses_nan() -> None:
    with pytest.raises(ValueError):
        to_json([make("x", Unit.MEAN, 1.0, 1.0, math.nan)])


# ---------------------------------------------------------------- Excel

META = {
    "Data source": "SSDA903 return, synthetic council",
    "Reference date": "2025-03-31",
    "Definition version": "1",
    "Audience": "member",
    "Suppression rule": "counts 1-5 hidden, with complementary suppression",
    "Generated at": "2025-06-01T09:00:00",
}


def test_xlsx_has_both_sheets_header_and_numbers(tmp_path: Path) -> None:
    path = tmp_path / "scorecard.xlsx"
    write_xlsx(SAMPLE, path, META)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == [SCORECARD_SHEET, ABOUT_SHEET]
    ws = wb[SCORECARD_SHEET]
    header = [c.value for c in ws[1]]
    assert header == list(OUTPUT_COLUMNS)
    assert all(c.font.bold for c in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws.max_row == len(SAMPLE) + 1
    col = {name: n for n, name in enumerate(OUTPUT_COLUMNS)}
    for cells, result in zip(ws.iter_rows(min_row=2), SAMPLE, strict=True):
        assert cells[col["indicator"]].value == result.indicator
        assert cells[col["reference_date"]].value == datetime(2025, 3, 31)
        assert cells[col["suppressed"]].value is result.suppressed
        for column in ("numerator", "denominator", "value", "lower", "upper"):
            cell, expected = cells[col[column]], getattr(result, column)
            if expected is None:
                assert cell.value is None
            else:
                # openpyxl writes 16 significant digits (Excel itself keeps 15)
                assert cell.data_type == "n" and cell.value == pytest.approx(expected, rel=1e-15), column
    pct = ws[4]
    assert pct[col["value"]].value == pytest.approx(67.33333333333333, rel=1e-15)  # not re-scaled
    assert "%" not in pct[col["value"]].number_format
    widths = [ws.column_dimensions[letter].width for letter in "ABN"]
    assert all(w and w >= 10 for w in widths)


def test_xlsx_about_sheet_holds_the_meta(tmp_path: Path) -> None:
    path = tmp_path / "scorecard.xlsx"
    write_xlsx(SAMPLE, path, META)
    about = openpyxl.load_workbook(path)[ABOUT_SHEET]
    pairs = {row[0]: row[1] for row in about.iter_rows(values_only=True) if row[0]}
    for key, value in META.items():
        assert pairs[key] == value
    assert pairs["value"].startswith("The figure, unrounded")  # the columns are explained too
    assert about["A1"].font.bold


def test_xlsx_with_no_rows_and_no_meta(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    write_xlsx([], path, {})
    ws = openpyxl.load_workbook(path)[SCORECARD_SHEET]
    assert [c.value for c in ws[1]] == list(OUTPUT_COLUMNS) and ws.max_row == 1


# ---------------------------------------------------------------- the terminal


def rendered(results: list[Result], *, headline_only: bool = True) -> str:
    console = Console(record=True, width=160)
    render_table(results, console, headline_only=headline_only)
    return console.export_text()


def test_table_rounds_per_unit() -> None:
    text = rendered(SAMPLE)
    assert "67.3%" in text and "67.33" not in text
    lo, hi = SAMPLE[2].lower, SAMPLE[2].upper
    assert lo is not None and hi is not None
    assert f"{lo:.1f}% to {hi:.1f}%" in text
    assert "202 / 300" in text
    assert "66.7" in text  # cla_rate, 1 dp
    assert "14.4" in text  # sdq_average, 1 dp
    assert "447" in text and "447.0" not in text  # days, whole
    assert " 300 " in text  # cla, a whole count


def test_table_marks_suppressed_and_unavailable_figures() -> None:
    text = rendered(SAMPLE)
    line = next(line for line in text.splitlines() if "uasc_pct" in line)
    assert "[c]" in line and "1.3" not in line
    line = next(line for line in text.splitlines() if "health_assessment_pct" in line)
    assert "[x]" in line
    assert "[c] withheld" in text


def test_table_caption_has_reference_date_and_period() -> None:
    text = rendered(SAMPLE)
    assert "As at 31 March 2025; period 1 April 2024 to 31 March 2025" in text


def test_table_headline_only_by_default() -> None:
    assert "80.0%" not in rendered(SAMPLE)
    full = rendered(SAMPLE, headline_only=False)
    line = next(line for line in full.splitlines() if "80.0%" in line)
    assert "sex" in line and " F " in line and "8 / 10" in line


def test_table_of_nothing() -> None:
    assert "No figures" in rendered([])
