"""Writing a scorecard's rows: CSV, JSON, an Excel workbook, and a table for the terminal.

CSV, JSON and the workbook carry exactly ``OUTPUT_COLUMNS`` (indicators.md, "Output of corparent
scorecard") with unrounded figures; only the terminal table rounds. Rows are written as given:
suppress them for the audience first (``suppression.suppress``).
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Final, TextIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from rich.console import Console
from rich.table import Table
from rich.text import Text

from corparent.engine.indicators.result import OUTPUT_COLUMNS, Result, Unit

SUPPRESSED_MARK: Final = "[c]"  # DfE's symbol for a figure withheld to protect confidentiality
NOT_AVAILABLE_MARK: Final = "[x]"  # DfE's symbol for a figure that is not available

SCORECARD_SHEET: Final = "Scorecard"
ABOUT_SHEET: Final = "About"

COLUMN_MEANINGS: Final[Mapping[str, str]] = {
    "indicator": "The indicator's stable id",
    "title": "What the indicator measures",
    "reference_date": "The date the figure is as at (R)",
    "period_start": "First day of the 12 months ending on R",
    "period_end": "Last day of the period (R)",
    "breakdown": "What the children are grouped by; 'all' for the headline",
    "group": "The group within the breakdown; 'all' for the headline",
    "numerator": "Children (or events) counted; for means, the sum of the measure",
    "denominator": "The base: children in the cohort, the population for rates, values averaged for means",
    "value": "The figure, unrounded: a count, a percentage (0-100), a rate per 10,000, a mean",
    "unit": "count, %, per 10,000, mean or days",
    "lower": "Lower end of the 95% interval (Wilson for %, exact Poisson for rates, t for means)",
    "upper": "Upper end of the 95% interval",
    "suppressed": "TRUE where the figures are withheld so that small numbers cannot be identified",
}

_MONTHS: Final = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

# ---------------------------------------------------------------- CSV and JSON


def _csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        # The shortest text that reads back as the same float; whole numbers without ".0".
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def write_csv(results: Iterable[Result], file: TextIO) -> None:
    """One header row and one row per result, columns ``OUTPUT_COLUMNS`` in order.

    Figures are unrounded, blanks stand for None, dates are ISO 8601 and ``suppressed`` is
    ``true`` or ``false``.
    """
    writer = csv.writer(file, lineterminator="\n")
    writer.writerow(OUTPUT_COLUMNS)
    for result in results:
        row = result.as_row()
        writer.writerow([_csv_cell(row[column]) for column in OUTPUT_COLUMNS])


def to_json(results: Iterable[Result], *, indent: int | None = 2) -> str:
    """A JSON array of objects with exactly the keys ``OUTPUT_COLUMNS``, null for None.

    Raises ValueError for a figure that is not a finite number (JSON has no NaN or infinity).
    """
    rows = [{column: r.as_row()[column] for column in OUTPUT_COLUMNS} for r in results]
    return json.dumps(rows, indent=indent, allow_nan=False, ensure_ascii=False)


# ---------------------------------------------------------------- Excel

_NUMBER_FORMATS: Final[Mapping[Unit, str]] = {
    Unit.COUNT: "#,##0",
    Unit.PERCENT: "0.0",  # the value is already 0-100: not Excel's "%" format, which would scale it
    Unit.PER_10K: "0.0",
    Unit.MEAN: "0.0",
    Unit.DAYS: "#,##0",
}
_DATE_COLUMNS: Final = frozenset({"reference_date", "period_start", "period_end"})
_FIGURE_COLUMNS: Final = frozenset({"value", "lower", "upper"})
_COUNT_COLUMNS: Final = frozenset({"numerator", "denominator"})
_MAX_WIDTH: Final = 60


def _xlsx_value(result: Result, column: str) -> object:
    return result.unit.value if column == "unit" else getattr(result, column)


def _number_format(result: Result, column: str, value: object) -> str | None:
    if column in _DATE_COLUMNS:
        return "yyyy-mm-dd"
    if column in _FIGURE_COLUMNS:
        return _NUMBER_FORMATS[result.unit]
    if column in _COUNT_COLUMNS and isinstance(value, float):
        return "#,##0" if value.is_integer() else "#,##0.0"
    return None


def _autosize(widths: dict[int, int], values: Sequence[object]) -> None:
    for n, value in enumerate(values, start=1):
        text = value.isoformat() if isinstance(value, date) else "" if value is None else str(value)
        widths[n] = min(_MAX_WIDTH, max(widths.get(n, 0), len(text) + 2))


def write_xlsx(results: Iterable[Result], path: Path, meta: Mapping[str, str]) -> None:
    """An Excel workbook: sheet "Scorecard" with ``OUTPUT_COLUMNS``, sheet "About" with ``meta``.

    Figures are numbers to 16 significant digits (Excel keeps 15), shown to a sensible precision;
    dates are dates, blanks are empty cells, ``suppressed`` is TRUE or FALSE. Percentages stay
    0-100.
    """
    wb = Workbook()
    wb.properties.title = meta.get("title", "corparent scorecard")
    wb.properties.creator = "corparent"
    ws = wb.active
    assert ws is not None
    ws.title = SCORECARD_SHEET
    ws.append(list(OUTPUT_COLUMNS))
    bold = Font(bold=True)
    for cell in ws[1]:
        cell.font = bold
    widths: dict[int, int] = {}
    _autosize(widths, OUTPUT_COLUMNS)
    for r, result in enumerate(results, start=2):
        values = [_xlsx_value(result, column) for column in OUTPUT_COLUMNS]
        for c, (column, value) in enumerate(zip(OUTPUT_COLUMNS, values, strict=True), start=1):
            cell = ws.cell(row=r, column=c, value=value)
            fmt = _number_format(result, column, value)
            if fmt:
                cell.number_format = fmt
        _autosize(widths, values)
    for c, width in widths.items():
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions

    about = wb.create_sheet(ABOUT_SHEET)
    about.append(["Item", "Value"])
    for key, value in meta.items():
        about.append([key, value])
    about.append([])
    about.append(["Column", "Meaning"])
    heading_rows = (1, about.max_row)
    for key, meaning in COLUMN_MEANINGS.items():
        about.append([key, meaning])
    for r in heading_rows:
        for cell in about[r]:
            cell.font = bold
    about.column_dimensions["A"].width = max([24, *(len(k) + 2 for k in meta)])
    about.column_dimensions["B"].width = 90
    for row in about.iter_rows(min_col=2, max_col=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    wb.save(path)


# ---------------------------------------------------------------- the terminal


def _uk_date(d: date) -> str:
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def _figure(value: float, unit: Unit) -> str:
    """A value rounded for reading: % and rates and means to 1 dp, counts and days whole."""
    if unit in (Unit.COUNT, Unit.DAYS):
        return f"{value:,.0f}"
    text = f"{value:,.1f}"
    return text + "%" if unit is Unit.PERCENT else text


def _count(value: float) -> str:
    return f"{value:,.0f}" if value.is_integer() else f"{value:,.1f}"


def _cells(result: Result) -> tuple[str, str, str]:
    """The value, the interval and "numerator / denominator", as shown in the table."""
    if result.suppressed:
        return SUPPRESSED_MARK, "", ""
    value = NOT_AVAILABLE_MARK if result.value is None else _figure(result.value, result.unit)
    interval = ""
    if result.lower is not None and result.upper is not None and math.isfinite(result.lower + result.upper):
        interval = f"{_figure(result.lower, result.unit)} to {_figure(result.upper, result.unit)}"
    parts = ""
    if result.unit is not Unit.COUNT and result.numerator is not None and result.denominator is not None:
        parts = f"{_count(result.numerator)} / {_count(result.denominator)}"
    return value, interval, parts


def _caption(results: Sequence[Result]) -> Text:
    if not results:
        return Text("No figures")
    periods = sorted({(r.reference_date, r.period_start, r.period_end) for r in results})
    lines = [
        f"As at {_uk_date(ref)}; period {_uk_date(start)} to {_uk_date(end)}" for ref, start, end in periods
    ]
    if any(r.suppressed for r in results):
        lines.append(f"{SUPPRESSED_MARK} withheld so that small numbers cannot be identified")
    if any(r.value is None and not r.suppressed for r in results):
        lines.append(f"{NOT_AVAILABLE_MARK} not available")
    return Text("\n".join(lines))


def render_table(results: Iterable[Result], console: Console, *, headline_only: bool = True) -> None:
    """Print the figures as a table: headline rows only, unless ``headline_only`` is False."""
    rows = [r for r in results if r.is_headline or not headline_only]
    table = Table(caption=_caption(rows), caption_justify="left", title="Scorecard")
    table.add_column("Indicator", overflow="fold")
    table.add_column("Title", ratio=1, min_width=12)
    if not headline_only:
        table.add_column("Breakdown", overflow="fold")
        table.add_column("Group", overflow="fold")
    table.add_column("Value", justify="right", no_wrap=True)
    table.add_column("95% interval", justify="right")
    table.add_column("Numerator / denominator", justify="right")
    for r in rows:
        value, interval, parts = _cells(r)
        labels = [r.indicator, r.title] + ([] if headline_only else [r.breakdown, r.group])
        # Text, not markup: "[c]" and any brackets in titles are shown as written.
        table.add_row(*(Text(cell) for cell in [*labels, value, interval, parts]))
    console.print(table)
