"""Scorecard fixtures: one small synthetic council run through the real engine once per session,
stored as a published snapshot's IndicatorResult rows for each test that asks for it."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from corparent.accounts.models import User
from corparent.accounts.roles import Role
from corparent.engine.indicators.engine import compute
from corparent.engine.indicators.result import Result
from corparent.engine.ssda903.reader import read_return
from corparent.engine.ssda903.synth import generate, write_council
from corparent.returns.models import Snapshot, Upload
from corparent.scorecard.models import IndicatorResult

REFERENCE_DATES = (date(2023, 3, 31), date(2024, 3, 31), date(2025, 3, 31))
LATEST = REFERENCE_DATES[-1]


@pytest.fixture(scope="session")
def council_results(tmp_path_factory: pytest.TempPathFactory) -> list[Result]:
    """Every figure of a council of about 120 children, at three year ends (small enough that many
    breakdowns hold 1 to 5 children, so suppression has work to do)."""
    council = generate(children=120, years=3, reference_date=LATEST, seed=7)
    folder: Path = tmp_path_factory.mktemp("scorecard-council")
    write_council(council, folder)
    ret = read_return(folder)
    results: list[Result] = []
    for ref in REFERENCE_DATES:
        results.extend(compute(ret, ref, population=council.population_0_17).results)
    return results


def snapshot_create(*, by: User, results: list[Result], reference_date: date = LATEST) -> Snapshot:
    upload = Upload.objects.create(uploaded_by=by, latest_year=reference_date.year, collection_years=[])
    snapshot = Snapshot.objects.create(
        upload=upload,
        reference_date=reference_date,
        reference_dates=sorted({r.reference_date.isoformat() for r in results}),
        published_by=by,
        status=Snapshot.Status.READY,
        definition_version="1",
    )
    IndicatorResult.objects.bulk_create(
        IndicatorResult(
            snapshot=snapshot,
            indicator_id=r.indicator,
            reference_date=r.reference_date,
            period_start=r.period_start,
            breakdown=r.breakdown,
            group=r.group,
            numerator=r.numerator,
            denominator=r.denominator,
            value=r.value,
            lower=r.lower,
            upper=r.upper,
            unit=r.unit.value,
            definition_version=r.definition_version,
        )
        for r in results
    )
    return snapshot


@pytest.fixture
def snapshot(people: dict[Role, User], council_results: list[Result]) -> Snapshot:
    return snapshot_create(by=people[Role.ANALYST], results=council_results)


def empty_snapshot(
    *, by: User, reference_date: date = LATEST, status: str = Snapshot.Status.READY
) -> Snapshot:
    """A published snapshot with no figures yet (tests add hand-worked rows with ``figure``)."""
    upload = Upload.objects.create(uploaded_by=by, latest_year=reference_date.year, collection_years=[])
    return Snapshot.objects.create(
        upload=upload, reference_date=reference_date, published_by=by, status=status, definition_version="1"
    )


def figure(
    snapshot: Snapshot,
    indicator_id: str,
    numerator: float | None,
    denominator: float | None = None,
    *,
    breakdown: str = "all",
    group: str = "all",
    unit: str = "count",
    reference_date: date = LATEST,
) -> IndicatorResult:
    """One stored figure; the value follows from the numerator and denominator."""
    value = numerator
    if unit == "%" and numerator is not None and denominator:
        value = numerator / denominator * 100
    return IndicatorResult.objects.create(
        snapshot=snapshot,
        indicator_id=indicator_id,
        reference_date=reference_date,
        breakdown=breakdown,
        group=group,
        numerator=numerator,
        denominator=denominator,
        value=value,
        unit=unit,
        definition_version="1",
    )


def comparators_publish(*, synthetic: bool = False) -> None:
    """Foster care comparators: England 67% (2025) and 68% (2024), the South East 66%, one
    statistical neighbour at 64% (64 of 100) and our council's own published 70% (84 of 120)."""
    from corparent.comparators.models import ComparatorImport, ComparatorValue, Council

    Council.objects.create(
        name="Testshire",
        la_code="999",
        region="South East",
        region_code="E12000008",
        statistical_neighbours=["998"],
    )
    source = ComparatorImport.objects.create(
        kind="test", file_name="t.csv", sha256="0" * 64, synthetic=synthetic
    )

    def value(level: str, code: str, name: str, v: float, year: int = 2025, **kw: Any) -> None:
        ComparatorValue.objects.create(
            source=source, indicator_id="placed_foster_pct", year=year, level=level,
            area_code=code, area_name=name, value=v, **kw,
        )  # fmt: skip

    value("national", "E92000001", "England", 67.0)
    value("national", "E92000001", "England", 68.0, year=2024)
    value("regional", "E12000008", "South East", 66.0)
    value("local", "998", "Neighbourton", 64.0, region_code="E12000008", numerator=64, denominator=100)
    value("local", "999", "Testshire", 70.0, region_code="E12000008", numerator=84, denominator=120)
