"""What the comparators pages show, worked out here so the templates hold no logic."""

from __future__ import annotations

from dataclasses import dataclass, field

from corparent.comparators import selectors
from corparent.comparators.models import Council
from corparent.engine.benchmarks import builtin_mapping
from corparent.engine.benchmarks.education import academic_year, builtin_education
from corparent.engine.indicators.catalogue import builtin_catalogue


def _years(years: list[int]) -> str:
    if not years:
        return ""
    return str(years[0]) if len(years) == 1 else f"{years[0]} to {years[-1]}"


@dataclass(frozen=True)
class ImportRow:
    file_name: str
    title: str
    years: str
    rows: int
    in_use: int
    imported_by: str
    imported_at: object
    synthetic: bool


@dataclass(frozen=True)
class CoverageRow:
    title: str
    indicator_id: str
    source: str
    latest_year: str
    areas: int
    synthetic: bool


@dataclass(frozen=True)
class UncomparedRow:
    title: str
    indicator_id: str
    reason: str


@dataclass(frozen=True)
class CouncilSummary:
    name: str
    la_code: str
    region: str
    neighbour_model: str
    neighbours: list[tuple[str, str]]
    synthetic: bool


@dataclass
class IndexPage:
    council: CouncilSummary | None
    imports: list[ImportRow] = field(default_factory=list)
    coverage: list[CoverageRow] = field(default_factory=list)
    uncompared: list[UncomparedRow] = field(default_factory=list)
    model_imported: bool = False


def council_summary(found: Council | None) -> CouncilSummary | None:
    if found is None:
        return None
    names = selectors.known_councils()
    return CouncilSummary(
        name=found.name,
        la_code=found.la_code,
        region=found.region,
        neighbour_model=found.neighbour_model,
        neighbours=[(code, names.get(code, "")) for code in found.statistical_neighbours],
        synthetic=found.synthetic,
    )


def index_page() -> IndexPage:
    catalogue = builtin_catalogue()
    mapping = builtin_mapping()
    education = builtin_education()
    shape_titles = {s.id: s.title for s in (*mapping.shapes.values(), *education.mapping.shapes.values())}

    def title(indicator_id: str) -> str:
        if indicator_id in education.measures:
            return education.measures[indicator_id].title
        return (
            catalogue.indicators[indicator_id].title if indicator_id in catalogue.indicators else indicator_id
        )

    def year(indicator_id: str, latest: int | None) -> str:
        if not latest:
            return "Not imported yet"
        return academic_year(latest) if indicator_id in education.measures else str(latest)

    covered = selectors.coverage()
    held = {c.indicator_id for c in covered}
    return IndexPage(
        council=council_summary(selectors.council()),
        imports=[
            ImportRow(
                file_name=i.file_name,
                title=i.title or i.kind,
                years=_years(list(i.years)),
                rows=i.rows,
                in_use=i.in_use,
                imported_by=(i.imported_by.get_full_name() or i.imported_by.username)
                if i.imported_by
                else "",
                imported_at=i.imported_at,
                synthetic=i.synthetic,
            )
            for i in selectors.imports()
        ],
        coverage=[
            CoverageRow(
                title=title(c.indicator_id),
                indicator_id=c.indicator_id,
                source=shape_titles.get(
                    c.shape, "Quoted in the indicator catalogue, or invented for the demo"
                ),
                latest_year=year(c.indicator_id, c.latest_year),
                areas=c.areas,
                synthetic=c.synthetic,
            )
            for c in covered
        ],
        uncompared=[
            UncomparedRow(title(i), i, reason) for i, reason in mapping.uncompared.items() if i not in held
        ],
        model_imported=selectors.model_imported(),
    )
