"""The CSV template a measure's values are imported from: written with one row per period, read
back with every problem named by file, row, column and what was expected."""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError

from corparent.measures import figures
from corparent.measures.models import Measure
from corparent.measures.periods import is_period_start, period_end, period_label, periods

MAX_ROWS = 2_000


def columns(measure: Measure) -> list[str]:
    figures_columns = ["numerator", "denominator"] if measure.has_parts else ["value"]
    return ["period_start", "period", *figures_columns, "note"]


def template(*, measure: Measure, values: dict[date, object], on: date) -> str:
    """The template: a row for every period that has ended, filled in where a value is held."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns(measure))
    for p in periods(
        first=measure.first_period, frequency=measure.frequency, due_days=measure.due_days, today=on
    ):
        held = values.get(p.start)
        if measure.has_parts:
            parts = [_text(getattr(held, "numerator", None)), _text(getattr(held, "denominator", None))]
        else:
            parts = [_text(getattr(held, "value", None))]
        writer.writerow([p.start.isoformat(), p.label, *parts, getattr(held, "note", "")])
    return out.getvalue()


def _text(number: float | None) -> str:
    if number is None:
        return ""
    return f"{number:g}" if float(number).is_integer() else f"{number}"


@dataclass(frozen=True)
class ImportRow:
    period_start: date
    numerator: float | None
    denominator: float | None
    value: float | None
    note: str


def _number(text: str) -> float | None:
    text = text.strip().replace(",", "")
    if not text:
        return None
    number = float(text)  # ValueError for anything that is not a number
    if not math.isfinite(number):
        raise ValueError(text)
    return number


def parse(*, measure: Measure, file_name: str, content: bytes, on: date) -> list[ImportRow]:
    """Every row with figures in the file, or ValidationError naming every problem."""
    problems: list[str] = []
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            [f"{file_name}: the file is not text in UTF-8; save it as CSV (UTF-8)."]
        ) from None
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    reader.fieldnames = header
    needed = [c for c in columns(measure) if c not in ("period", "note")]
    missing = [c for c in needed if c not in header]
    if missing:
        raise ValidationError(
            [
                f"{file_name}: the first row must name the columns {', '.join(columns(measure))}; "
                f"{', '.join(missing)} {'is' if len(missing) == 1 else 'are'} missing. "
                "Download the template for this measure and fill it in."
            ]
        )
    rows: list[ImportRow] = []
    seen: dict[date, int] = {}
    for line, record in enumerate(reader, start=2):
        if line - 1 > MAX_ROWS:
            problems.append(f"{file_name}: more than {MAX_ROWS} rows; import at most {MAX_ROWS} at a time.")
            break
        cells = {k: (v or "").strip() for k, v in record.items() if k is not None}
        figure_cells = [cells.get(c, "") for c in needed if c != "period_start"]
        if not any(figure_cells):
            continue  # a period left blank in the template
        where = f"{file_name}, row {line}"
        raw = cells.get("period_start", "")
        try:
            start = date.fromisoformat(raw)
        except ValueError:
            problems.append(f"{where}, column period_start: expected a date like 2025-04-01, found {raw!r}.")
            continue
        if not is_period_start(start, measure.frequency):
            problems.append(
                f"{where}, column period_start: expected the first day of a {measure.frequency} period, "
                f"found {raw!r}."
            )
            continue
        if start < measure.first_period or period_end(start, measure.frequency) >= on:
            problems.append(
                f"{where}, column period_start: expected a period from {measure.first_period:%Y-%m-%d} "
                f"that has ended, found {raw!r} ({period_label(start, measure.frequency)})."
            )
            continue
        if start in seen:
            problems.append(
                f"{where}, column period_start: {raw} is also on row {seen[start]}; give each period once."
            )
            continue
        seen[start] = line
        parsed: dict[str, float | None] = {}
        bad = False
        for column in needed[1:]:
            try:
                parsed[column] = _number(cells.get(column, ""))
            except ValueError:
                problems.append(f"{where}, column {column}: expected a number, found {cells.get(column)!r}.")
                bad = True
        if bad:
            continue
        found = figures.check_parts(
            unit=measure.unit,
            has_parts=measure.has_parts,
            numerator=parsed.get("numerator"),
            denominator=parsed.get("denominator"),
            value=parsed.get("value"),
        )
        for column, message in found.items():
            problems.append(f"{where}, column {column}: {message[0].lower() + message[1:]}.")
        if not found:
            rows.append(
                ImportRow(
                    start,
                    parsed.get("numerator"),
                    parsed.get("denominator"),
                    parsed.get("value"),
                    cells.get("note", ""),
                )
            )
    if problems:
        raise ValidationError(problems)
    if not rows:
        raise ValidationError([f"{file_name}: no row has figures in it; fill in at least one period."])
    return rows
