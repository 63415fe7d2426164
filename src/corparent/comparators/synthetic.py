"""Invented comparators for the demo council (a synthetic council has no real neighbours).

Every invented figure is stored in an import marked ``synthetic`` and is labelled "synthetic"
wherever it is shown. England's figures quoted in indicators.md are real DfE statistics: they are
stored in a separate import that is not synthetic. Figures are drawn from a generator seeded by the
council's LA code, so the same council always gets the same figures.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from django.db import transaction

from corparent.comparators.models import ComparatorImport, ComparatorValue, Council
from corparent.engine.benchmarks import BenchmarkRow, GeoLevel
from corparent.engine.benchmarks.england import ENGLAND_FIGURES, SOURCE

YEARS = (2023, 2024, 2025)
INVENTED_REGION = ("X00000000", "Invented region")
NEIGHBOURS = 10
OTHER_COUNCILS = 20


@dataclass(frozen=True)
class Invented:
    """How to invent an indicator: its centre and spread, and its cohort as a share of CLA."""

    centre: float
    spread: float
    share_of_cla: float = 1.0


PERCENT: dict[str, Invented] = {
    "placements_3plus_pct": Invented(10, 3),
    "long_term_stability_pct": Invented(69, 7, 0.35),
    "sw_changes_3plus_pct": Invented(27, 8),
    "health_assessment_pct": Invented(90, 4, 0.75),
    "immunisations_pct": Invented(83, 6, 0.75),
    "dental_check_pct": Invented(81, 7, 0.75),
    "development_check_pct": Invented(88, 6, 0.08),
    "sdq_completion_pct": Invented(78, 8, 0.5),
    "sdq_concern_pct": Invented(42, 6, 0.4),
    "convicted_pct": Invented(2, 1, 0.45),
    "substance_misuse_pct": Invented(3, 1.5, 0.75),
    "cl_17_18_eet_pct": Invented(66, 7, 0.3),
    "cl_19_21_eet_pct": Invented(54, 7, 0.45),
    "cl_19_21_neet_pct": Invented(38, 7, 0.45),
    "cl_17_18_suitable_accom_pct": Invented(91, 4, 0.3),
    "cl_19_21_suitable_accom_pct": Invented(89, 4, 0.45),
    "uasc_pct": Invented(8, 4),
    "placed_foster_pct": Invented(67, 6),
    "placed_over_20_miles_pct": Invented(22, 6),
    "ceased_adopted_pct": Invented(9, 3, 0.4),
    "ceased_sgo_pct": Invented(12, 4, 0.4),
}
RATES = {"cla_rate": 67.0, "starts": 27.0, "ceases": 28.0}  # per 10,000 children aged 0 to 17
SMALLEST_PUBLISHED = 6  # an invented cohort smaller than this is shown as DfE's "c"


def _area_figures(
    rng: random.Random, population: int, shift: float
) -> list[tuple[str, float | None, float | None, float | None, str]]:
    """(indicator, value, numerator, denominator, marker) for one area in one year."""
    out: list[tuple[str, float | None, float | None, float | None, str]] = []
    rate = max(15.0, rng.gauss(RATES["cla_rate"] + shift, 18))
    cla = round(population * rate / 10_000)
    out.append(("cla", cla, cla, None, ""))
    out.append(("cla_rate", round(cla / population * 10_000), cla, population, ""))
    for flow in ("starts", "ceases"):
        count = round(population * max(8.0, rng.gauss(RATES[flow], 7)) / 10_000)
        out.append((flow, count, count, None, ""))
    oc2 = round(cla * 0.75)
    out.append(("oc2_cohort", oc2, oc2, None, ""))
    for indicator, how in PERCENT.items():
        denominator = max(1, round(cla * how.share_of_cla * rng.uniform(0.85, 1.15)))
        if denominator < SMALLEST_PUBLISHED:
            out.append((indicator, None, None, None, "c"))
            continue
        share = min(100.0, max(0.0, rng.gauss(how.centre + shift / 4, how.spread)))
        numerator = round(denominator * share / 100)
        out.append((indicator, round(100 * numerator / denominator), numerator, denominator, ""))
    scored = max(1, round(cla * 0.4))
    out.append(("sdq_average", round(rng.gauss(14.9 + shift / 20, 1.2), 1), None, scored, ""))
    return out


def _rows(council: Council, rng: random.Random) -> tuple[list[BenchmarkRow], list[BenchmarkRow]]:
    """(real England rows, invented rows)."""
    region_code, region_name = council.region_code or INVENTED_REGION[0], council.region or INVENTED_REGION[1]
    areas: list[tuple[GeoLevel, str, str, int]] = [
        (GeoLevel.NATIONAL, "E92000001", "England", 12_183_016),
        (GeoLevel.REGIONAL, region_code, region_name, 1_250_000),
    ]
    for n, code in enumerate(council.statistical_neighbours, start=1):
        areas.append((GeoLevel.LOCAL, code, f"Synthetic neighbour {n}", rng.randint(30_000, 120_000)))
    for n in range(OTHER_COUNCILS):
        code = f"Y{n + 1:02d}"
        areas.append((GeoLevel.LOCAL, code, f"Synthetic council {n + 1}", rng.randint(25_000, 250_000)))
    real: list[BenchmarkRow] = []
    invented: list[BenchmarkRow] = []
    for year in YEARS:
        shift = (year - YEARS[-1]) * 0.8
        for level, code, name, population in areas:
            in_region = level is not GeoLevel.NATIONAL
            for indicator, value, numerator, denominator, marker in _area_figures(rng, population, shift):
                fact = ENGLAND_FIGURES.get(indicator, {}).get(year) if level is GeoLevel.NATIONAL else None
                row = BenchmarkRow(
                    indicator_id=indicator,
                    year=year,
                    level=level,
                    area_code=code,
                    area_name=name,
                    region_code=region_code if in_region else "",
                    region_name=region_name if in_region else "",
                    value=fact if fact is not None else value,
                    numerator=None if fact is not None else numerator,
                    denominator=None if fact is not None else denominator,
                    marker="" if fact is not None else marker,
                )
                (real if fact is not None else invented).append(row)
        for indicator, by_year in ENGLAND_FIGURES.items():  # facts for indicators not invented above
            if year in by_year and not any(r.indicator_id == indicator and r.year == year for r in real):
                real.append(
                    BenchmarkRow(
                        indicator, year, GeoLevel.NATIONAL, "E92000001", "England", "", "", by_year[year]
                    )
                )
    return real, invented


def synthetic_comparators_create(*, council: Council) -> ComparatorImport:
    """Invent England (where indicators.md quotes no real figure), region, statistical neighbours and
    20 other councils' figures for 2023 to 2025. A council without statistical neighbours is given
    10 invented ones (codes X01 to X10), and one without a region an invented region. Replaces any
    figures held for the same indicators and years. Returns the import of invented figures."""
    from corparent.comparators.services import values_create

    rng = random.Random(f"corparent-synthetic-{council.la_code}")
    with transaction.atomic():
        if not council.statistical_neighbours:
            council.statistical_neighbours = [f"X{n:02d}" for n in range(1, NEIGHBOURS + 1)]
            council.neighbour_model = "Invented for the demo (synthetic)"
        if not council.region_code:
            council.region_code, council.region = INVENTED_REGION
        council.save()
        real, invented = _rows(council, rng)
        indicators = {r.indicator_id for r in real + invented}
        ComparatorValue.objects.filter(indicator_id__in=indicators, year__in=YEARS).delete()
        facts = ComparatorImport.objects.create(
            kind="england_facts",
            title="England figures quoted in the indicator catalogue (real DfE statistics)",
            file_name=SOURCE,
            sha256="",
            rows=len(real),
            years=list(YEARS),
            synthetic=False,
        )
        values_create(record=facts, rows=real)
        record = ComparatorImport.objects.create(
            kind="synthetic",
            title="Invented comparators for the demo council (synthetic)",
            file_name="(invented by corparent for the demo)",
            sha256="",
            rows=len(invented),
            years=list(YEARS),
            synthetic=True,
        )
        values_create(record=record, rows=invented)
        synthetic_education_create(council=council)
    return record


# The education measures (education.toml): centre, spread, the pupils counted as a share of the
# children looked after, and the decimal places DfE publishes.
EDUCATION: dict[str, tuple[float, float, float, int]] = {
    "ks2_rwm_expected_pct": (36, 10, 0.06, 0),
    "ks4_attainment8_avg": (18, 4, 0.07, 1),
    "ks4_progress8_avg": (-1.2, 0.4, 0.05, 2),
    "absence_overall_pct": (9, 2, 0.6, 1),
    "persistent_absence_pct": (21, 5, 0.6, 1),
}


def _education_rows(council: Council, rng: random.Random) -> list[BenchmarkRow]:
    areas: list[tuple[GeoLevel, str, str, int]] = [
        (GeoLevel.NATIONAL, "E92000001", "England", 82_000),
        (GeoLevel.REGIONAL, council.region_code, council.region, 8_000),
        (GeoLevel.LOCAL, council.la_code, council.name, rng.randint(150, 600)),
    ]
    for n, code in enumerate(council.statistical_neighbours, start=1):
        areas.append((GeoLevel.LOCAL, code, f"Synthetic neighbour {n}", rng.randint(100, 700)))
    rows: list[BenchmarkRow] = []
    for year in YEARS:
        for level, code, name, cla in areas:
            in_region = level is not GeoLevel.NATIONAL
            for indicator, (centre, spread, share, places) in EDUCATION.items():
                pupils = round(cla * share * rng.uniform(0.8, 1.2))
                small = pupils < SMALLEST_PUBLISHED
                value = None if small else round(rng.gauss(centre, spread / (3 if in_region else 6)), places)
                if value is not None and indicator.endswith("_pct"):
                    value = min(100.0, max(0.0, value))
                rows.append(
                    BenchmarkRow(
                        indicator_id=indicator,
                        year=year,
                        level=level,
                        area_code=code,
                        area_name=name,
                        region_code=council.region_code if in_region else "",
                        region_name=council.region if in_region else "",
                        value=value,
                        denominator=None if small else pupils,
                        marker="c" if small else "",
                    )
                )
    return rows


def synthetic_education_create(*, council: Council) -> ComparatorImport:
    """Invent the education measures' figures (England, region, the council itself and its statistical
    neighbours) for the academic years 2022/23 to 2024/25, labelled synthetic: no real figure from DfE's
    files is copied. Replaces any education figures held for those years."""
    from corparent.comparators.services import values_create
    from corparent.engine.benchmarks.education import builtin_education

    rng = random.Random(f"corparent-synthetic-education-{council.la_code}")
    rows = _education_rows(council, rng)
    with transaction.atomic():
        ComparatorValue.objects.filter(indicator_id__in=builtin_education().measures, year__in=YEARS).delete()
        record = ComparatorImport.objects.create(
            kind="synthetic_education",
            title="Invented education results of children looked after for the demo council (synthetic)",
            file_name="(invented by corparent for the demo)",
            sha256="",
            rows=len(rows),
            years=list(YEARS),
            synthetic=True,
        )
        values_create(record=record, rows=rows)
    return record
