"""Reads for comparators and the council's settings.

The comparison a scorecard shows for an indicator: England's figure, the council's region's, and
the median of its statistical neighbours' published figures (DfE's dashboard method: neighbours
with no published figure - suppressed, not applicable, not available - are left out, and the page
says how many of them the median is of).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Max, Q, QuerySet
from django.db.utils import DatabaseError

from corparent.comparators.models import (
    ComparatorImport,
    ComparatorValue,
    Council,
    NeighbourSet,
    PopulationEstimate,
)
from corparent.engine.benchmarks import builtin_mapping, neighbour_median
from corparent.engine.benchmarks.education import builtin_education

Level = ComparatorValue.Level


@dataclass(frozen=True)
class Comparator:
    label: str
    value: float | None
    year: int
    synthetic: bool
    marker: str = ""


@dataclass(frozen=True)
class Comparison:
    indicator_id: str
    england: Comparator | None
    region: Comparator | None
    neighbours: Comparator | None
    council: Comparator | None
    neighbour_count: int  # neighbours with a published figure (the median is of these)
    neighbours_configured: int = 0  # the council's statistical neighbours (10 in DfE's model)


@dataclass(frozen=True)
class CouncilFigure:
    area_code: str
    area_name: str
    value: float | None
    numerator: float | None
    denominator: float | None
    synthetic: bool = False


def council() -> Council | None:
    return Council.objects.first()


def council_name() -> str:
    try:
        found = council()
    except DatabaseError:  # before migrations have run
        return ""
    return found.name if found else ""


def _values(indicator_id: str, year: int) -> QuerySet[ComparatorValue]:
    # Newest import first, so a figure held twice (which an import never leaves) reads the latest.
    return (
        ComparatorValue.objects.filter(indicator_id=indicator_id, year=year)
        .select_related("source")
        .order_by("-source__imported_at", "-source_id")
    )


def latest_year(*, indicator_id: str) -> int | None:
    return ComparatorValue.objects.filter(indicator_id=indicator_id).aggregate(y=Max("year"))["y"]


def comparison(*, indicator_id: str, year: int | None = None) -> Comparison:
    """England, region, statistical neighbours' median and the council's own published figure for
    one indicator and year (year None: the latest year held for the indicator). A figure that is
    not held is None; a figure DfE did not publish has value None and DfE's marker."""
    return comparisons(indicator_ids=[indicator_id], year=year)[indicator_id]


def comparisons(*, indicator_ids: Iterable[str], year: int | None = None) -> dict[str, Comparison]:
    """`comparison` for many indicators at once, from two queries (a scorecard shows about 60)."""
    ids = list(dict.fromkeys(indicator_ids))
    ours = council()
    configured = len(ours.statistical_neighbours) if ours else 0
    latest = dict(
        ComparatorValue.objects.filter(indicator_id__in=ids)
        .values("indicator_id")
        .annotate(y=Max("year"))
        .values_list("indicator_id", "y")
    )
    wanted = {i: (year if year is not None else latest.get(i)) for i in ids}
    local_codes = [ours.la_code, *ours.statistical_neighbours] if ours else []
    rows = (
        ComparatorValue.objects.filter(indicator_id__in=ids, year__in={y for y in wanted.values() if y})
        .filter(
            Q(level__in=[Level.NATIONAL, Level.REGIONAL]) | Q(area_code__in=local_codes, level=Level.LOCAL)
        )
        .select_related("source")
        .order_by("-source__imported_at", "-source_id")
    )
    held: dict[str, list[ComparatorValue]] = {i: [] for i in ids}
    for row in rows:
        if row.year == wanted[row.indicator_id]:
            held[row.indicator_id].append(row)
    return {i: _comparison_of(i, wanted[i], held[i], ours, configured) for i in ids}


def education_comparisons() -> dict[str, list[tuple[int, Comparison]]]:
    """Each education measure (in declared order) with its comparison for every academic year held,
    newest first: England, the council's region, its statistical neighbours' median and its own
    published figure (DfE publishes each council's results). One query."""
    ids = list(builtin_education().measures)
    ours = council()
    configured = len(ours.statistical_neighbours) if ours else 0
    local_codes = [ours.la_code, *ours.statistical_neighbours] if ours else []
    rows = (
        ComparatorValue.objects.filter(indicator_id__in=ids)
        .filter(
            Q(level__in=[Level.NATIONAL, Level.REGIONAL]) | Q(area_code__in=local_codes, level=Level.LOCAL)
        )
        .select_related("source")
        .order_by("-source__imported_at", "-source_id")
    )
    held: dict[tuple[str, int], list[ComparatorValue]] = {}
    for row in rows:
        held.setdefault((row.indicator_id, row.year), []).append(row)
    return {
        i: [
            (year, _comparison_of(i, year, held[(i, year)], ours, configured))
            for year in sorted((y for j, y in held if j == i), reverse=True)
        ]
        for i in ids
    }


def _comparison_of(
    indicator_id: str, year: int | None, rows: list[ComparatorValue], ours: Council | None, configured: int
) -> Comparison:
    if year is None:
        return Comparison(indicator_id, None, None, None, None, 0, configured)

    def first(level: str, code: str | None = None) -> ComparatorValue | None:
        # Newest import first, so a figure held twice (which an import never leaves) reads the latest.
        return next((r for r in rows if r.level == level and (code is None or r.area_code == code)), None)

    england = _comparator(first(Level.NATIONAL), "England")
    if ours is None:
        return Comparison(indicator_id, england, None, None, None, 0, 0)
    own_row = first(Level.LOCAL, ours.la_code)
    region_code = ours.region_code or (own_row.region_code if own_row else "")
    region = _comparator(first(Level.REGIONAL, region_code)) if region_code else None
    found: dict[str, ComparatorValue] = {}
    for row in rows:
        if row.level == Level.LOCAL and row.area_code in ours.statistical_neighbours:
            found.setdefault(row.area_code, row)
    neighbours, count = _neighbour_median(found, ours.statistical_neighbours, year)
    return Comparison(
        indicator_id, england, region, neighbours, _comparator(own_row, ours.name), count, configured
    )


def _comparator(row: ComparatorValue | None, label: str | None = None) -> Comparator | None:
    if row is None:
        return None
    return Comparator(
        label=label or row.area_name,
        value=row.value,
        year=row.year,
        synthetic=row.source.synthetic,
        marker=row.marker,
    )


def _neighbour_median(
    found: dict[str, ComparatorValue], codes: list[str], year: int
) -> tuple[Comparator | None, int]:
    if not found:
        return None, 0
    median, count = neighbour_median(found[c].value for c in codes if c in found)
    synthetic = any(r.source.synthetic for r in found.values() if r.value is not None)
    return Comparator("Statistical neighbours (median)", median, year, synthetic), count


def neighbour_figures(*, indicator_id: str, year: int) -> list[tuple[str, str, Comparator | None]]:
    """Each statistical neighbour (code, name) with its published figure, closest first."""
    ours = council()
    if ours is None:
        return []
    values = _values(indicator_id, year).filter(level=Level.LOCAL, area_code__in=ours.statistical_neighbours)
    found: dict[str, ComparatorValue] = {}
    for row in values:
        found.setdefault(row.area_code, row)
    names = known_councils()
    out = []
    for code in ours.statistical_neighbours:
        row = found.get(code)
        comp = _comparator(row)
        out.append((code, row.area_name if row else names.get(code, ""), comp))
    return out


def all_councils(*, indicator_id: str, year: int) -> list[CouncilFigure]:
    """Every council's published figure for the indicator and year (for a funnel plot), by name.
    Councils with no published figure (suppressed, not applicable) are left out."""
    seen: set[str] = set()
    out: list[CouncilFigure] = []
    rows = _values(indicator_id, year).filter(level=Level.LOCAL, value__isnull=False)
    for row in rows:
        if row.area_code in seen:
            continue
        seen.add(row.area_code)
        out.append(
            CouncilFigure(
                row.area_code, row.area_name, row.value, row.numerator, row.denominator, row.source.synthetic
            )
        )
    return sorted(out, key=lambda f: (f.area_name, f.area_code))


def population_0_17(*, year: int) -> int | None:
    """Children aged 0 to 17 in the configured council for the collection year ending 31 March
    ``year``, as DfE's rates use: the ONS mid-year estimate for the year before (2025 uses mid-2024).
    Without that estimate: the population DfE published beside the council's CLA rate for the year,
    else the latest earlier ONS estimate. None when nothing is held."""
    ours = council()
    if ours is None:
        return None
    estimate = PopulationEstimate.objects.filter(la_code=ours.la_code, year=year - 1).first()
    if estimate is not None:
        return estimate.population_0_17
    published = (
        ComparatorValue.objects.filter(
            indicator_id="cla_rate",
            year=year,
            level=Level.LOCAL,
            area_code=ours.la_code,
            denominator__isnull=False,
        )
        .order_by("-source__imported_at")
        .first()
    )
    if published is not None and published.denominator:
        return int(published.denominator)
    earlier = (
        PopulationEstimate.objects.filter(la_code=ours.la_code, year__lt=year - 1).order_by("-year").first()
    )
    return earlier.population_0_17 if earlier else None


# ------------------------------------------------------------------------------------ for the pages


def imports() -> QuerySet[ComparatorImport]:
    """Every import, newest first, with how many of its figures are still in use (a later import of
    the same indicators and years replaces them)."""
    return ComparatorImport.objects.select_related("imported_by").annotate(
        in_use=Count("values", distinct=True)
        + Count("populations", distinct=True)
        + Count("neighbour_sets", distinct=True)
    )


def known_councils() -> dict[str, str]:
    """LA code -> name for every council known from imported files (the model, figures, estimates)."""
    names: dict[str, str] = {}
    for code, name in PopulationEstimate.objects.values_list("la_code", "la_name").distinct():
        names.setdefault(code, name)
    for code, name in (
        ComparatorValue.objects.filter(level=Level.LOCAL).values_list("area_code", "area_name").distinct()
    ):
        names.setdefault(code, name)
    for code, name in NeighbourSet.objects.values_list("la_code", "la_name"):
        names[code] = name
    return dict(sorted(names.items(), key=lambda kv: (kv[1], kv[0])))


def model_neighbours(*, la_code: str) -> list[str] | None:
    """The council's neighbours in the imported 2025 model, closest first; None when not held."""
    found = NeighbourSet.objects.filter(la_code=la_code).first()
    return list(found.neighbours) if found else None


def model_imported() -> bool:
    return NeighbourSet.objects.exists()


@dataclass(frozen=True)
class Coverage:
    indicator_id: str
    shape: str  # the DfE file it comes from ("" when from no file we import)
    latest_year: int | None
    areas: int
    synthetic: bool


def coverage() -> list[Coverage]:
    """Each indicator with comparators held (or mapped from a DfE file): its latest year and areas."""
    mapped = builtin_mapping().indicators() | builtin_education().mapping.indicators()
    held = {
        row["indicator_id"]: row
        for row in ComparatorValue.objects.values("indicator_id").annotate(
            latest=Max("year"), synthetic=Count("id", filter=Q(source__synthetic=True))
        )
    }
    out = []
    for indicator_id in dict.fromkeys([*mapped, *held]):
        row = held.get(indicator_id)
        latest = row["latest"] if row else None
        areas = (
            ComparatorValue.objects.filter(indicator_id=indicator_id, year=latest)
            .values("level", "area_code")
            .distinct()
            .count()
            if latest
            else 0
        )
        out.append(
            Coverage(
                indicator_id, mapped.get(indicator_id, ""), latest, areas, bool(row and row["synthetic"])
            )
        )
    return out
