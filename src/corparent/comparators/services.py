"""Writes for comparators: importing DfE's files, the council's settings, the demo's figures."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.db import transaction

from corparent.comparators.models import (
    ComparatorImport,
    ComparatorValue,
    Council,
    NeighbourSet,
    PopulationEstimate,
)
from corparent.engine.benchmarks import BenchmarkFile, BenchmarkRow, read_benchmark_file
from corparent.engine.benchmarks.values import is_la_code

MAX_PROBLEMS_SHOWN = 20


class ComparatorFileRejected(Exception):
    """The file was not imported; nothing changed. ``problems`` name file, row, column and expected."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


def _problem_texts(found: BenchmarkFile) -> list[str]:
    errors = [str(p) for p in found.errors]
    if len(errors) > MAX_PROBLEMS_SHOWN:
        more = len(errors) - MAX_PROBLEMS_SHOWN
        errors = [*errors[:MAX_PROBLEMS_SHOWN], f"{found.file}: and {more} more problems like these"]
    return errors


def _local_copy(path_or_file: Any) -> tuple[Path, bool]:
    """A path the engine can read: the path itself, or a temporary copy of an uploaded file."""
    if isinstance(path_or_file, str | os.PathLike):
        return Path(path_or_file), False
    fd, name = tempfile.mkstemp(prefix="corparent-comparator-", suffix=".csv")
    with os.fdopen(fd, "wb") as out:
        chunks: Iterable[bytes]
        if hasattr(path_or_file, "chunks"):
            chunks = path_or_file.chunks()
        else:
            stream: IO[bytes] = path_or_file
            chunks = iter(lambda: stream.read(1 << 20), b"")
        for chunk in chunks:
            out.write(chunk)
    return Path(name), True


def comparator_file_import(*, user: Any, path_or_file: Any, file_name: str) -> ComparatorImport:
    """Import one downloaded DfE file (a tidy statistics file, the statistical neighbours model or
    the ONS population estimates), recognised by its columns. All or nothing: a file with any error
    raises ComparatorFileRejected and changes nothing. Importing figures for an indicator and year
    that are already held replaces them (whichever file they came from)."""
    path, temporary = _local_copy(path_or_file)
    try:
        found = read_benchmark_file(path, file_name)
    finally:
        if temporary:
            path.unlink(missing_ok=True)
    if not found.ok:
        raise ComparatorFileRejected(_problem_texts(found) or [f"{file_name}: expected a DfE file we import"])
    if not found.record_count:
        raise ComparatorFileRejected([f"{file_name}: expected at least one row of figures, found none"])
    with transaction.atomic():
        record = ComparatorImport.objects.create(
            kind=found.kind,
            title=found.title,
            file_name=file_name[:300],
            sha256=found.sha256,
            rows=found.record_count,
            years=found.years,
            imported_by=user,
        )
        _store(record, found)
    return record


def _store(record: ComparatorImport, found: BenchmarkFile) -> None:
    if found.rows:
        _replace_values(record, found.rows)
    if found.neighbours:
        NeighbourSet.objects.all().delete()
        NeighbourSet.objects.bulk_create(
            [
                NeighbourSet(
                    la_code=n.la_code,
                    la_name=n.la_name,
                    region_name=n.region_name,
                    neighbours=list(n.neighbours),
                    closeness=list(n.closeness),
                    source=record,
                )
                for n in found.neighbours
            ]
        )
    if found.populations:
        PopulationEstimate.objects.filter(year__in={p.mid_year for p in found.populations}).delete()
        PopulationEstimate.objects.bulk_create(
            [
                PopulationEstimate(
                    la_code=p.la_code,
                    la_name=p.la_name,
                    year=p.mid_year,
                    population_0_17=p.population,
                    source=record,
                )
                for p in found.populations
            ],
            batch_size=1000,
        )


def _replace_values(record: ComparatorImport, rows: list[BenchmarkRow]) -> None:
    """Store the rows, first removing every figure already held for the same indicator and year."""
    pairs: dict[str, set[int]] = {}
    for r in rows:
        pairs.setdefault(r.indicator_id, set()).add(r.year)
    for indicator_id, years in pairs.items():
        ComparatorValue.objects.filter(indicator_id=indicator_id, year__in=years).delete()
    values_create(record=record, rows=rows)


def values_create(*, record: ComparatorImport, rows: list[BenchmarkRow]) -> None:
    ComparatorValue.objects.bulk_create(
        [
            ComparatorValue(
                source=record,
                indicator_id=r.indicator_id,
                year=r.year,
                level=r.level.value,
                area_code=r.area_code,
                area_name=r.area_name[:200],
                region_code=r.region_code,
                region_name=r.region_name[:100],
                value=r.value,
                numerator=r.numerator,
                denominator=r.denominator,
                marker=r.marker,
            )
            for r in rows
        ],
        batch_size=1000,
    )


# ------------------------------------------------------------------------------------ the council


def council_configure(
    *,
    name: str,
    la_code: str,
    statistical_neighbours: list[str] | None = None,
    synthetic: bool = False,
    new_la_code: str | None = None,
) -> Council:
    """Set the council's name, LA code and statistical neighbours (closest first). Without a list,
    the neighbours are DfE's 2025 model's for that LA when the model has been imported, else none.
    The ONS code (`new_la_code`, which the return's PL_LA holds) is taken from DfE's files unless given.
    Raises ValidationError (by field) and changes nothing when the settings are not valid."""
    name, la_code = name.strip(), la_code.strip()
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = "Enter the council's name"
    if not (is_la_code(la_code) or (synthetic and len(la_code) == 3 and la_code.isalnum())):
        errors["la_code"] = "Enter the council's three-digit code, for example 202"
    model = NeighbourSet.objects.filter(la_code=la_code).first()
    if statistical_neighbours is None:
        neighbours = list(model.neighbours) if model else []
    else:
        neighbours = [code.strip() for code in statistical_neighbours if code.strip()]
        bad = [c for c in neighbours if not (is_la_code(c) or (synthetic and len(c) == 3 and c.isalnum()))]
        if bad:
            errors["statistical_neighbours"] = (
                "Enter three-digit codes separated by commas; these are not: " + ", ".join(bad)
            )
        elif la_code in neighbours:
            errors["statistical_neighbours"] = "A council cannot be its own statistical neighbour"
        elif len(set(neighbours)) != len(neighbours):
            errors["statistical_neighbours"] = "Enter each statistical neighbour once"
    if errors:
        raise ValidationError(errors)
    region_code, region, found_new_code = _region_of(la_code)
    new_la_code = (new_la_code or "").strip() or found_new_code
    if not region and model is not None:
        region = model.region_name
    with transaction.atomic():
        council = Council.objects.select_for_update().first() or Council()
        council.name = name[:200]
        council.la_code = la_code
        council.new_la_code = new_la_code
        council.region = region
        council.region_code = region_code
        council.statistical_neighbours = neighbours
        council.neighbour_model = (
            "DfE statistical neighbours model 2025"
            if model is not None and neighbours == list(model.neighbours)
            else ("Chosen by the council" if neighbours else "None set")
        )
        council.synthetic = synthetic
        council.save()
    return council


def _region_of(la_code: str) -> tuple[str, str, str]:
    """(region code, region name, ONS code) from the council's latest published row, if any."""
    row = (
        ComparatorValue.objects.filter(level=ComparatorValue.Level.LOCAL, area_code=la_code)
        .exclude(region_code="")
        .order_by("-year")
        .first()
    )
    return (row.region_code, row.region_name, "") if row else ("", "", "")


def synthetic_comparators_create(*, council: Council) -> ComparatorImport:
    """Invented comparators for the demo (see synthetic.py); returns the import of invented figures."""
    from corparent.comparators.synthetic import synthetic_comparators_create as create

    return create(council=council)
