"""Reading DfE's files: hand-worked cases on the small fixtures (invented figures)."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from corparent.engine.benchmarks import GeoLevel, Level, read_benchmark_file
from corparent.engine.benchmarks.values import collection_year, number
from tests.engine.benchmarks.conftest import FIXTURES

CLA = FIXTURES / "cla_number_and_rate_per_10k_children.csv"
HEADER = CLA.read_text(encoding="utf-8-sig").splitlines()[0]
ENGLAND = "National,E92000001,England,,,,,"
TESTSHIRE = "Local authority,E92000001,England,E12000099,Invented Region,980,Testshire,E06009980"
CLA_AT_31_MARCH = "Children looked after on 31 March each year"


def _write(tmp_path: Path, *lines: str, name: str = "file.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding=encoding)
    return path


@pytest.mark.parametrize(
    ("text", "year"), [("2025", 2025), ("202425", 2025), ("199900", 2000), ("202426", None), ("25", None)]
)
def test_time_periods_become_the_collection_year_ending_31_march(text: str, year: int | None) -> None:
    assert collection_year(text) == year


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("58", (58.0, "", True)),
        ("14.9", (14.9, "", True)),
        ("c", (None, "c", True)),
        ("z", (None, "z", True)),
        ("low", (None, "low", True)),
        ("", (None, "", True)),
        ("abc", (None, "", False)),
        ("nan", (None, "", False)),
    ],
)
def test_cells_are_numbers_or_dfes_symbols(text: str, expected: tuple[float | None, str, bool]) -> None:
    assert number(text) == expected


def test_the_cla_file_gives_counts_and_rates_with_numerator_and_denominator() -> None:
    found = read_benchmark_file(CLA)
    assert found.ok and found.kind == "cla_number_and_rate"
    assert found.years == [2024, 2025]
    rows = {(r.indicator_id, r.year, r.area_code): r for r in found.rows}
    rate = rows[("cla_rate", 2025, "981")]
    assert (rate.value, rate.numerator, rate.denominator) == (50, 100, 20000)
    assert (rate.level, rate.area_name, rate.region_code) == (GeoLevel.LOCAL, "Alphaton", "E12000099")
    assert rows[("cla", 2025, "981")].value == 100
    england = rows[("cla_rate", 2025, "E92000001")]
    assert (england.level, england.area_name, england.value) == (GeoLevel.NATIONAL, "England", 70)
    region = rows[("cla_rate", 2025, "E12000099")]
    assert (region.level, region.area_name, region.value) == (GeoLevel.REGIONAL, "Invented Region", 60)
    suppressed = rows[("cla_rate", 2025, "983")]
    assert (suppressed.value, suppressed.marker) == (None, "c")
    assert rows[("starts", 2025, "980")].value == 25
    assert ("ceases", 2025, "980") not in rows  # no row for it in the file


def test_a_percentage_takes_its_denominator_from_the_total_row() -> None:
    found = read_benchmark_file(FIXTURES / "la_cla_placement_stability.csv")
    assert found.kind == "placement_stability"
    rows = {r.area_code: r for r in found.rows if r.indicator_id == "placements_3plus_pct"}
    assert (rows["980"].value, rows["980"].numerator, rows["980"].denominator) == (15, 9, 60)
    assert (rows["981"].value, rows["981"].marker, rows["981"].denominator) == (None, "c", 100)
    # Betaford has no "Total children" row: its figure is kept, with a warning, not an error
    assert rows["982"].denominator is None and rows["982"].value == 10
    warnings = [p for p in found.problems if p.level is Level.WARNING]
    assert len(warnings) == 1 and "row 10" in str(warnings[0]) and "Total children" in str(warnings[0])
    assert found.ok


def test_the_statistical_neighbours_model_gives_ten_neighbours_closest_first() -> None:
    found = read_benchmark_file(FIXTURES / "sn_model_2025_wide.csv")
    assert found.ok and found.kind == "sn_model"
    testshire = next(n for n in found.neighbours if n.la_code == "980")
    assert testshire.neighbours == tuple(str(c) for c in range(981, 991))
    assert testshire.closeness[0] == "Close" and testshire.la_name == "Testshire"


def test_the_population_file_gives_children_aged_0_to_17_by_mid_year() -> None:
    found = read_benchmark_file(FIXTURES / "ons_mid-year_population_estimates.csv")
    assert found.ok and found.kind == "ons_population"
    assert {(p.la_code, p.mid_year, p.population) for p in found.populations} == {
        ("980", 2024, 10100),
        ("980", 2023, 9900),
    }  # Alphaton's "x" (not available) is left out; England is not a council


def test_a_windows_1252_file_reads_the_same(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        HEADER,
        f"2025,Reporting year,{TESTSHIRE.replace('Testshire', 'Testshire Métropole')},"
        f"{CLA_AT_31_MARCH},10000,60,60",
        encoding="cp1252",
    )
    found = read_benchmark_file(path)
    assert found.ok and found.rows[0].area_name == "Testshire Métropole"


def test_each_bad_cell_is_named_by_file_row_column_and_expected(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        HEADER,
        f"2025,Reporting year,{ENGLAND},{CLA_AT_31_MARCH},1000000,700,seventy",
        f"2025,Reporting year,{TESTSHIRE},{CLA_AT_31_MARCH},10000,60",
        f"20x5,Reporting year,{TESTSHIRE},{CLA_AT_31_MARCH},10000,60,60",
        f"2025,Reporting year,Ward,E92000001,England,,,,,,{CLA_AT_31_MARCH},10000,60,60",
        f"2025,Reporting year,{TESTSHIRE.replace(',980,', ',98,')},{CLA_AT_31_MARCH},10000,60,60",
        f"2025,Reporting year,{TESTSHIRE},{CLA_AT_31_MARCH},10000,60,60",
        f"2025,Reporting year,{TESTSHIRE},{CLA_AT_31_MARCH},10000,61,61",
        name="cla.csv",
    )
    problems = [str(p) for p in read_benchmark_file(path).errors]
    assert problems == [
        "cla.csv, row 2, column rate_per_10000: expected a number or one of DfE's symbols "
        "(c, z, x, k, low, u), found 'seventy'",
        "cla.csv, row 3: expected 14 fields, one for each column of the header, found '13 fields'",
        "cla.csv, row 4, column time_period: expected a year such as 2025 or an academic year such as "
        "202425, found '20x5'",
        "cla.csv, row 5, column geographic_level: expected one of National, Regional, Local authority, "
        "found 'Ward'",
        "cla.csv, row 6, column old_la_code: expected a three-digit LA code, found '98'",
        "cla.csv, row 8: expected one row for each area, year and population_type, found 'a second row "
        "like row 7'",
    ]


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    found = read_benchmark_file(path)
    assert not found.ok and str(found.problems[0]) == (
        "empty.csv: expected a CSV file with a header row and data rows, found 'an empty file'"
    )


def test_a_file_in_another_encoding_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "utf16.csv"
    path.write_bytes(codecs.BOM_UTF16_LE + HEADER.encode("utf-16-le"))
    found = read_benchmark_file(path)
    assert not found.ok and "UTF-8 or Windows-1252" in str(found.problems[0])


def test_a_file_of_other_columns_is_refused_naming_the_closest_shape(tmp_path: Path) -> None:
    path = _write(tmp_path, "LTLA23CD,LTLA23NM,UTLA23CD", "E06000001,Hartlepool,E06000001", name="lookup.csv")
    found = read_benchmark_file(path)
    assert not found.ok and found.kind == ""
    message = str(found.problems[0])
    assert message.startswith("lookup.csv, row 1: expected the columns of one of the DfE files we import")
    assert "found 'LTLA23CD, LTLA23NM, UTLA23CD'" in message


def test_a_file_of_the_right_columns_but_other_figures_is_refused(tmp_path: Path) -> None:
    header = HEADER.replace(
        "population_type,population_estimate,children_count,rate_per_10000",
        "characteristic,breakdown,children_count,children_percent",
    )
    path = _write(
        tmp_path,
        header,
        f"2025,Reporting year,{ENGLAND},Location of new placements,Total new placements,90930,100",
    )
    found = read_benchmark_file(path)
    assert not found.ok
    assert "rows with the filter values we compare" in str(found.problems[0])


def test_junk_bytes_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "junk.csv"
    path.write_bytes(bytes(range(256)) * 4)
    assert not read_benchmark_file(path).ok
