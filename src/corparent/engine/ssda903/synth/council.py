"""The generated council: one table per DfE table per collection year, and what was injected."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from corparent.engine.ssda903.tables import TableSpec

GENERATOR_VERSION = "2"  # bump when the same seed and parameters would give different files


@dataclass
class Table:
    """One year's file for one table, as the text of its cells (blank = '')."""

    spec: TableSpec
    names: tuple[str, ...]  # the columns written, in order
    columns: dict[str, list[str]]

    def __len__(self) -> int:
        return len(self.columns[self.names[0]]) if self.names else 0

    def row(self, i: int) -> dict[str, str]:
        return {name: self.columns[name][i] for name in self.names}

    def rows(self) -> Iterator[dict[str, str]]:
        for i in range(len(self)):
            yield self.row(i)


@dataclass(frozen=True)
class Defect:
    """An error injected on purpose, for the validation rules to find."""

    year: int
    table: str  # DfE table name
    child: str
    row: int  # 0-based data row in that year's file
    field: str
    kind: str
    original: str
    new: str

    def as_dict(self) -> dict[str, object]:
        return {
            "year": self.year,
            "table": self.table,
            "child": self.child,
            "row": self.row,
            "field": self.field,
            "kind": self.kind,
            "original": self.original,
            "new": self.new,
        }


@dataclass
class SyntheticCouncil:
    """A synthetic council's 903 return: ``tables[year][table name]``. Only synthetic data."""

    seed: int
    children: int
    years: list[int]
    reference_date: date
    error_rate: float
    population_0_17: int
    cla_at_reference_date: int
    tables: dict[int, dict[str, Table]]
    defects: list[Defect] = field(default_factory=list)

    def table(self, year: int, name: str) -> Table:
        return self.tables[year][name]

    def manifest(self) -> dict[str, object]:
        return {
            "generator": "corparent.engine.ssda903.synth",
            "version": GENERATOR_VERSION,
            "synthetic": True,
            "seed": self.seed,
            "parameters": {
                "children": self.children,
                "years": len(self.years),
                "reference_date": self.reference_date.isoformat(),
                "seed": self.seed,
                "error_rate": self.error_rate,
            },
            "reference_date": self.reference_date.isoformat(),
            "years": self.years,
            "partial_last_year": (self.reference_date.month, self.reference_date.day) != (3, 31),
            "population_0_17": self.population_0_17,
            "cla_at_reference_date": self.cla_at_reference_date,
            "counts": {
                str(y): {name: len(t) for name, t in tables.items()} for y, tables in self.tables.items()
            },
            "defects": [d.as_dict() for d in self.defects],
        }
