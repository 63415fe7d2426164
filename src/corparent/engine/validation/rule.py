"""A validation rule, declared once, and what running it finds."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Final

# Collection years (named by the year they end) that the rule set covers.
SUPPORTED_YEARS: Final = frozenset({2025, 2026, 2027})


class Level(StrEnum):
    ERROR = "error"  # the return cannot be accepted by DfE as it is
    WARNING = "warning"  # DfE queries it: check it, and fix it or explain it


@dataclass(frozen=True)
class Rule:
    """One of DfE's 903 validation rules.

    ``sql`` is a DuckDB query returning the offending rows as ``(tbl, _row)``: the DfE table name
    (e.g. 'Episodes') and the row's 0-based position in that table's file. It reads the year being
    validated as ``header``, ``episodes``, ... (that year's file exactly as supplied) and the
    previous year's as ``header_last``, ``episodes_last``, ...; the collection year's first and last
    days are ``getvariable('collection_start')`` and ``getvariable('collection_end')``, and the
    council's code ``getvariable('la_code')``. A date that is not a DD/MM/YYYY date is NULL in those
    tables; ``malformed`` (and ``malformed_last``) hold each one as written: ``tbl``, ``field``,
    ``value``, ``_row``. A rule never changes what it reads.
    """

    code: str
    message: str
    level: Level
    tables: tuple[str, ...]  # DfE tables the rule needs (it is skipped when one is absent)
    fields: tuple[str, ...]  # the fields it points at
    sql: str
    hint: str  # plain English: how to fix it
    years: frozenset[int] = field(default=SUPPORTED_YEARS)
    previous: tuple[str, ...] = ()  # previous-year tables it needs (it runs only when supplied)
    # inputs beyond the return it needs (``runner.NEEDS``: "providers", "provider_councils", "la_code");
    # it runs only when they are supplied, and is reported as not run otherwise
    needs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Finding:
    """One row a rule flags, as the JSON report gives it."""

    rule: str
    level: Level
    table: str
    child: str | None
    row: int
    fields: tuple[str, ...]
    message: str

    def as_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "level": self.level.value,
            "table": self.table,
            "child": self.child,
            "row": self.row,
            "fields": list(self.fields),
            "message": self.message,
        }
