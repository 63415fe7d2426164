"""The validation report: by rule (count, message, how to fix), by child, and by row.

Exports: JSON (a list of findings), CSV (one row per finding), XLSX (sheets "By rule", "By child",
"Findings", "Rules not run"), and a rich table for the terminal.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from openpyxl import Workbook
from openpyxl.styles import Font
from rich.console import Console
from rich.table import Table

from corparent.engine.validation.rule import Finding, Level
from corparent.engine.validation.runner import ValidationResult

FINDING_COLUMNS = ("rule", "level", "table", "child", "row", "fields", "message")


@dataclass(frozen=True)
class RuleSummary:
    rule: str
    level: Level
    count: int
    children: int
    message: str
    hint: str


def by_rule(result: ValidationResult) -> list[RuleSummary]:
    counts = Counter(f.rule for f in result.findings)
    children: dict[str, set[str | None]] = {}
    for f in result.findings:
        children.setdefault(f.rule, set()).add(f.child)
    return [
        RuleSummary(code, rule.level, counts[code], len(children[code]), rule.message, rule.hint)
        for code, rule in result.rules.items()
        if counts[code]
    ]


def by_child(result: ValidationResult) -> dict[str | None, list[Finding]]:
    out: dict[str | None, list[Finding]] = {}
    for f in result.findings:
        out.setdefault(f.child, []).append(f)
    return dict(sorted(out.items(), key=lambda kv: (kv[0] is None, str(kv[0]))))


def to_json(result: ValidationResult) -> str:
    """A JSON list, one finding a line (json's indent= falls back to its pure-Python encoder, which took
    seconds for a national return's few hundred thousand findings)."""
    if not result.findings:
        return "[]"
    return "[\n" + ",\n".join(json.dumps(f.as_dict()) for f in result.findings) + "\n]"


def write_csv(result: ValidationResult, file: TextIO) -> None:
    writer = csv.writer(file, lineterminator="\n")
    writer.writerow(FINDING_COLUMNS)
    for f in result.findings:
        writer.writerow([f.rule, f.level.value, f.table, f.child or "", f.row, " ".join(f.fields), f.message])


def _sheet(wb: Workbook, title: str, header: tuple[str, ...], rows: Sequence[Sequence[object]]) -> None:
    ws = wb.create_sheet(title)
    ws.append(list(header))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    for row in rows:
        ws.append(row)
    for col, name in zip(ws.columns, header, strict=True):
        width = max([len(name), *(len(str(c.value or "")) for c in col[:200])])
        ws.column_dimensions[col[0].column_letter].width = min(max(width + 2, 8), 80)


def write_xlsx(result: ValidationResult, path: Path) -> None:
    wb = Workbook()
    wb.remove(wb.active)
    _sheet(
        wb,
        "By rule",
        ("rule", "level", "rows", "children", "message", "how to fix"),
        [[s.rule, s.level.value, s.count, s.children, s.message, s.hint] for s in by_rule(result)],
    )
    _sheet(
        wb,
        "By child",
        ("child", "errors", "warnings", "rules"),
        [
            [
                child or "",
                sum(f.level is Level.ERROR for f in fs),
                sum(f.level is Level.WARNING for f in fs),
                " ".join(sorted({f.rule for f in fs})),
            ]
            for child, fs in by_child(result).items()
        ],
    )
    _sheet(
        wb,
        "Findings",
        FINDING_COLUMNS,
        [
            [f.rule, f.level.value, f.table, f.child or "", f.row, " ".join(f.fields), f.message]
            for f in result.findings
        ],
    )
    _sheet(
        wb,
        "Rules not run",
        ("rule", "status", "reason"),
        [[c, "failed", why] for c, why in result.failed.items()]
        + [[c, "skipped", why] for c, why in result.skipped.items()],
    )
    wb.save(path)


def render(result: ValidationResult, console: Console) -> None:
    summaries = by_rule(result)
    table = Table(
        title=f"Validation of the {result.year - 1}-{str(result.year)[2:]} return",
        caption=(
            f"{len(result.ran)} rules ran; {len(result.skipped)} skipped (tables not supplied); "
            f"{len(result.failed)} could not run"
            + (f"; previous year {result.previous_year} used" if result.previous_year else "")
        ),
    )
    for col in ("rule", "level", "rows", "children", "message", "how to fix"):
        table.add_column(col, overflow="fold")
    for s in summaries:
        table.add_row(s.rule, s.level.value, str(s.count), str(s.children), s.message, s.hint)
    console.print(table)
    errors = sum(s.count for s in summaries if s.level is Level.ERROR)
    warnings = sum(s.count for s in summaries if s.level is Level.WARNING)
    console.print(f"{errors} error(s) and {warnings} warning(s) in {len(by_child(result))} child record(s).")
    for code, why in result.failed.items():
        console.print(f"[red]Rule {code} could not run[/red]: {why}", highlight=False)
