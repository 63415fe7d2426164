"""What the Education page shows: each education measure by academic year, the council's published
figure beside England, its region and its statistical neighbours' median (templates keep no logic).

These are DfE's published figures, already suppressed by DfE (a ``c`` where a group is small): the
page shows DfE's symbol with its meaning in words, never a number DfE did not publish.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from corparent.comparators import selectors
from corparent.comparators.selectors import Comparator, Comparison
from corparent.engine.benchmarks.education import (
    CLA_GROUP,
    EducationMeasure,
    academic_year,
    builtin_education,
)
from corparent.engine.benchmarks.model import SYMBOLS

NOT_HELD = "Not imported"
MINUS = "\u2212"


def figure(value: float, unit: str) -> str:
    """DfE's figure as published: 35 -> "35%", 9.7 -> "9.7%", -1.31 -> "−1.31" (a true minus sign,
    which screen readers say as "minus")."""
    text = f"{value:g}".replace("-", MINUS)
    return f"{text}%" if unit == "percent" else text


@dataclass(frozen=True)
class Cell:
    text: str  # the figure, DfE's symbol, or "Not imported"
    words: str = ""  # what DfE's symbol means
    synthetic: bool = False


def cell(found: Comparator | None, unit: str) -> Cell:
    if found is None:
        return Cell(NOT_HELD)
    if found.value is None:
        marker = found.marker or ""
        words = SYMBOLS.get(marker, "not published")
        return Cell(marker or "No figure", words if marker else "", found.synthetic)
    return Cell(figure(found.value, unit), "", found.synthetic)


@dataclass(frozen=True)
class EducationRow:
    academic_year: str
    council: Cell
    england: Cell
    region: Cell
    neighbours: Cell
    neighbours_note: str  # how many neighbours the median is of


@dataclass(frozen=True)
class EducationSection:
    id: str
    title: str
    meaning: str
    better: str
    rows: list[EducationRow]


@dataclass
class EducationPage:
    council_name: str
    council_synthetic: bool
    region_name: str
    neighbours_configured: int
    cohort: str = CLA_GROUP
    sections: list[EducationSection] = field(default_factory=list)

    @property
    def any_figures(self) -> bool:
        return any(s.rows for s in self.sections)

    @property
    def synthetic(self) -> bool:
        return any(
            c.synthetic
            for s in self.sections
            for r in s.rows
            for c in (r.council, r.england, r.region, r.neighbours)
        )


def _neighbours_note(comparison: Comparison) -> str:
    if not comparison.neighbours_configured:
        return "No statistical neighbours set"
    return f"Median of {comparison.neighbour_count} of {comparison.neighbours_configured} with a figure"


def _row(comparison: Comparison, year: int, measure: EducationMeasure) -> EducationRow:
    return EducationRow(
        academic_year=academic_year(year),
        council=cell(comparison.council, measure.unit),
        england=cell(comparison.england, measure.unit),
        region=cell(comparison.region, measure.unit),
        neighbours=cell(comparison.neighbours, measure.unit),
        neighbours_note=_neighbours_note(comparison),
    )


def education_page() -> EducationPage:
    measures = builtin_education().measures
    found = selectors.education_comparisons()
    ours = selectors.council()
    region_name = next(
        (c.region.label for comps in found.values() for _, c in comps if c.region is not None),
        ours.region if ours else "",
    )
    page = EducationPage(
        council_name=ours.name if ours else "",
        council_synthetic=bool(ours and ours.synthetic),
        region_name=region_name or "Region",
        neighbours_configured=len(ours.statistical_neighbours) if ours else 0,
    )
    for measure_id, measure in measures.items():
        rows = [_row(c, year, measure) for year, c in found.get(measure_id, [])]
        page.sections.append(
            EducationSection(measure.id, measure.title, measure.meaning, measure.better, rows)
        )
    return page
