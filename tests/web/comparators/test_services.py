"""Importing DfE's files and configuring the council: all or nothing, and re-imports replace."""

from __future__ import annotations

import codecs
import io
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from corparent.accounts.models import User
from corparent.accounts.roles import Role
from corparent.comparators.models import (
    ComparatorImport,
    ComparatorValue,
    Council,
    NeighbourSet,
    PopulationEstimate,
)
from corparent.comparators.services import ComparatorFileRejected, comparator_file_import, council_configure
from tests.web.comparators.conftest import CLA, MODEL, POPULATION, import_fixture


def _counts() -> tuple[int, int, int, int]:
    return (
        ComparatorImport.objects.count(),
        ComparatorValue.objects.count(),
        NeighbourSet.objects.count(),
        PopulationEstimate.objects.count(),
    )


def test_importing_the_cla_file_stores_every_figure_and_records_the_import(people: dict[Role, User]) -> None:
    import_fixture(people[Role.ANALYST], CLA)
    record = ComparatorImport.objects.get()
    assert (record.kind, record.file_name, record.years, record.synthetic) == (
        "cla_number_and_rate",
        CLA.name,
        [2024, 2025],
        False,
    )
    assert len(record.sha256) == 64 and record.imported_by == people[Role.ANALYST]
    # 15 rows of CLA at 31 March give cla and cla_rate (30); two starts rows give 2
    assert record.rows == ComparatorValue.objects.count() == 32
    rate = ComparatorValue.objects.get(indicator_id="cla_rate", year=2025, area_code="981")
    assert (rate.value, rate.numerator, rate.denominator, rate.region_code) == (50, 100, 20000, "E12000099")


def test_importing_the_same_file_again_replaces_its_figures_rather_than_duplicating(people) -> None:  # type: ignore[no-untyped-def]
    import_fixture(people[Role.ANALYST], CLA)
    import_fixture(people[Role.ANALYST], CLA)
    assert ComparatorImport.objects.count() == 2
    assert ComparatorValue.objects.count() == 32
    assert ComparatorValue.objects.filter(indicator_id="cla_rate", year=2025, area_code="981").count() == 1
    newest = ComparatorImport.objects.first()
    assert set(ComparatorValue.objects.values_list("source", flat=True)) == {newest.pk}


def test_the_model_and_population_files_are_imported_too(people: dict[Role, User]) -> None:
    import_fixture(people[Role.ANALYST], MODEL)
    import_fixture(people[Role.ANALYST], POPULATION)
    assert NeighbourSet.objects.get(la_code="980").neighbours == [str(c) for c in range(981, 991)]
    assert PopulationEstimate.objects.get(la_code="980", year=2024).population_0_17 == 10100


BAD_FILES = {
    "wrong columns": (
        b"LTLA23CD,LTLA23NM\nE06000001,Hartlepool\n",
        "expected the columns of one of the DfE files",
    ),
    "wrong encoding": (
        codecs.BOM_UTF16_LE + "time_period,geographic_level\n".encode("utf-16-le"),
        "UTF-8 or Windows-1252",
    ),
    "empty": (b"", "an empty file"),
    "junk": (bytes(range(256)) * 8, "expected"),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_a_bad_file_is_refused_with_a_clear_message_and_changes_nothing(people, case: str) -> None:  # type: ignore[no-untyped-def]
    import_fixture(people[Role.ANALYST], CLA)
    before = _counts()
    content, message = BAD_FILES[case]
    with pytest.raises(ComparatorFileRejected) as refused:
        comparator_file_import(
            user=people[Role.ANALYST], path_or_file=io.BytesIO(content), file_name="bad.csv"
        )
    assert refused.value.problems and all(p.startswith("bad.csv") for p in refused.value.problems)
    assert message in refused.value.problems[0]
    assert _counts() == before


def test_one_bad_row_refuses_the_whole_file(people: dict[Role, User], tmp_path: Path) -> None:
    import_fixture(people[Role.ANALYST], CLA)
    before = _counts()
    lines = CLA.read_text(encoding="utf-8-sig").splitlines()
    lines[5] = lines[5].rsplit(",", 1)[0] + ",fifty"
    bad = tmp_path / "cla.csv"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ComparatorFileRejected) as refused:
        import_fixture(people[Role.ANALYST], bad)
    assert refused.value.problems == [
        "cla.csv, row 6, column rate_per_10000: expected a number or one of DfE's symbols "
        "(c, z, x, k, low, u), found 'fifty'"
    ]
    assert _counts() == before


def test_the_council_takes_its_neighbours_from_the_model_by_default(imported: User) -> None:
    council = council_configure(name="Testshire", la_code="980")
    assert council.statistical_neighbours == [str(c) for c in range(981, 991)]
    assert council.neighbour_model == "DfE statistical neighbours model 2025"
    assert (council.region, council.region_code) == ("Invented Region", "E12000099")
    # configuring again updates the one council, never adds a second
    council_configure(name="Testshire Council", la_code="980", statistical_neighbours=["982", "981"])
    assert Council.objects.get().statistical_neighbours == ["982", "981"]
    assert Council.objects.get().neighbour_model == "Chosen by the council"


def test_without_the_model_a_council_has_no_neighbours_until_given_some(db: None) -> None:
    assert council_configure(name="Testshire", la_code="980").statistical_neighbours == []


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"name": "", "la_code": "980"}, "name"),
        ({"name": "Testshire", "la_code": "98"}, "la_code"),
        (
            {"name": "Testshire", "la_code": "980", "statistical_neighbours": ["981", "abc"]},
            "statistical_neighbours",
        ),
        (
            {"name": "Testshire", "la_code": "980", "statistical_neighbours": ["980"]},
            "statistical_neighbours",
        ),
        (
            {"name": "Testshire", "la_code": "980", "statistical_neighbours": ["981", "981"]},
            "statistical_neighbours",
        ),
    ],
)
def test_invalid_council_settings_are_refused_by_field_and_change_nothing(
    db: None, kwargs, field: str
) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as refused:
        council_configure(**kwargs)
    assert field in refused.value.message_dict
    assert not Council.objects.exists()
