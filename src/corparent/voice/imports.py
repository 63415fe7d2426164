"""Aggregate survey results and complaints/compliments counts, imported from CSV: a template to
download, and an import that names every problem by file, row, column and what was expected, and
changes nothing unless every row is right."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest

from corparent.accounts.roles import Capability
from corparent.accounts.services import audit_record
from corparent.voice.models import FeedbackCount, SurveyResult

MAX_ROWS = 5_000

SURVEY_COLUMNS = ["survey", "year", "domain", "respondents", "positive"]
FEEDBACK_COLUMNS = ["quarter_start", "kind", "theme", "count"]

SURVEY_EXAMPLE = [
    ["Bright Spots wellbeing survey", "2025", "I feel safe where I live", "84", "71"],
    ["Bright Spots wellbeing survey", "2025", "I have a trusted adult", "84", "76"],
]
FEEDBACK_EXAMPLE = [
    ["2025-04-01", "complaint", "Contact with family", "7"],
    ["2025-04-01", "compliment", "Social worker", "12"],
]


def template(kind: str) -> str:
    columns, example = (
        (SURVEY_COLUMNS, SURVEY_EXAMPLE) if kind == "survey" else (FEEDBACK_COLUMNS, FEEDBACK_EXAMPLE)
    )
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(example)
    return out.getvalue()


def _whole(text: str) -> int:
    n = int(text)
    if n < 0:
        raise ValueError
    return n


def _year(text: str) -> int:
    n = int(text)
    if not 2000 <= n <= 2100:
        raise ValueError
    return n


def _quarter(text: str) -> date:
    d = date.fromisoformat(text)
    if d.day != 1 or d.month not in (1, 4, 7, 10):
        raise ValueError
    return d


def _kind(text: str) -> str:
    if text.lower() not in FeedbackCount.Kind.values:
        raise ValueError
    return text.lower()


def _text(text: str) -> str:
    if not text:
        raise ValueError
    return text[:200]


PARSERS: dict[str, tuple[Callable[[str], Any], str]] = {
    "survey": (_text, "the survey's name"),
    "year": (_year, "a year such as 2025"),
    "domain": (_text, "the question or wellbeing domain"),
    "respondents": (_whole, "a whole number of young people, 0 or more"),
    "positive": (_whole, "a whole number of young people, 0 or more"),
    "quarter_start": (_quarter, "the first day of a quarter, such as 2025-04-01"),
    "kind": (_kind, "complaint or compliment"),
    "theme": (_text, "the theme, such as Contact with family"),
    "count": (_whole, "a whole number, 0 or more"),
}


def parse(*, file_name: str, content: bytes, columns: list[str]) -> list[dict[str, Any]]:
    """The rows of the file, each a dict of parsed values; ValidationError lists every problem."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError([f"{file_name}: expected a CSV file saved as UTF-8 text"]) from None
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in columns if c not in header]
    if missing:
        raise ValidationError(
            [
                f"{file_name}, row 1 (the header): missing column(s) {', '.join(missing)};"
                f" expected {', '.join(columns)}"
            ]
        )
    reader.fieldnames = header
    problems: list[str] = []
    rows: list[dict[str, Any]] = []
    for number, raw in enumerate(reader, start=2):
        if number - 1 > MAX_ROWS:
            problems.append(f"{file_name}: more than {MAX_ROWS} rows; split the file")
            break
        if not any((v or "").strip() for v in raw.values() if isinstance(v, str)):
            continue
        row: dict[str, Any] = {}
        for column in columns:
            value = (raw.get(column) or "").strip()
            parser, expected = PARSERS[column]
            try:
                row[column] = parser(value)
            except ValueError:
                problems.append(
                    f"{file_name}, row {number}, column {column}: expected {expected}, got '{value}'"
                )
        if "respondents" in row and "positive" in row and row["positive"] > row["respondents"]:
            problems.append(
                f"{file_name}, row {number}, column positive: expected at most respondents"
                f" ({row['respondents']}), got '{row['positive']}'"
            )
        rows.append(row)
    if not rows and not problems:
        problems.append(f"{file_name}: no rows under the header")
    if problems:
        raise ValidationError(problems)
    return rows


def _duplicates(file_name: str, rows: list[dict[str, Any]], key: tuple[str, ...]) -> None:
    seen: dict[tuple[Any, ...], int] = {}
    problems = []
    for n, row in enumerate(rows, start=2):
        k = tuple(row[c] for c in key)
        if k in seen:
            problems.append(f"{file_name}, row {n}: the same {', '.join(key)} as row {seen[k]}")
        seen.setdefault(k, n)
    if problems:
        raise ValidationError(problems)


def survey_results_import(
    *, user: Any, file_name: str, content: bytes, request: HttpRequest | None = None
) -> int:
    """Import survey results; a row for a survey, year and domain already held replaces it."""
    if not user.can(Capability.MANAGE_VOICE):
        raise PermissionDenied("Your role may not import survey results.")
    rows = parse(file_name=file_name, content=content, columns=SURVEY_COLUMNS)
    _duplicates(file_name, rows, ("survey", "year", "domain"))
    with transaction.atomic():
        for row in rows:
            SurveyResult.objects.update_or_create(
                survey=row["survey"],
                year=row["year"],
                domain=row["domain"],
                defaults={"respondents": row["respondents"], "positive": row["positive"]},
            )
        audit_record(
            request=request,
            user=user,
            action="voice.survey_import",
            target=file_name[:200],
            detail={"rows": len(rows)},
        )
    return len(rows)


def feedback_import(*, user: Any, file_name: str, content: bytes, request: HttpRequest | None = None) -> int:
    """Import complaints and compliments counts; a row for a quarter, kind and theme held replaces it."""
    if not user.can(Capability.MANAGE_VOICE):
        raise PermissionDenied("Your role may not import complaints and compliments.")
    rows = parse(file_name=file_name, content=content, columns=FEEDBACK_COLUMNS)
    _duplicates(file_name, rows, ("quarter_start", "kind", "theme"))
    with transaction.atomic():
        for row in rows:
            FeedbackCount.objects.update_or_create(
                quarter_start=row["quarter_start"],
                kind=row["kind"],
                theme=row["theme"],
                defaults={"count": row["count"]},
            )
        audit_record(
            request=request,
            user=user,
            action="voice.feedback_import",
            target=file_name[:200],
            detail={"rows": len(rows)},
        )
    return len(rows)
