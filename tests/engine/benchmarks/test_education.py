"""Education of children looked after: the declaration (checked when loaded) and reading DfE's key
stage 2, key stage 4 and absence files, on small invented fixtures of the same shape.

Hand-worked from tests/fixtures/dfe/ks2_la.csv, ks4_la.csv and absence_la.csv (only the rows of
the social care group "CLA 12 months at 31 March", and for absence the phase "Total", count; the
other groups' rows hold 99, 55.5, 33.3 and 66.6 so a wrong filter shows):

| measure, academic year | England | region | Testshire 980 |
|---|---|---|---|
| key stage 2 reading, writing and maths %, 2024/25 | 35 | 40 | 30 (3 of 10 pupils) |
| key stage 2 reading, writing and maths %, 2023/24 | 34 | 38 | c |
| Attainment 8, 2024/25 | 17.3 | 18 | 15.5 (12 pupils) |
| Progress 8, 2024/25 | x | x | x |
| Progress 8, 2023/24 | -1.31 | -1.2 | -0.85 (10 pupils) |
| overall absence %, 2024/25 | 9 | 10.1 | 9.7 (2202 of 22686 sessions) |
| persistent absence %, 2024/25 | 20.3 | 23.3 | 21.5 (14 of 65 pupils) |
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corparent.engine.benchmarks import GeoLevel, Level, read_benchmark_file
from corparent.engine.benchmarks.education import (
    academic_year,
    builtin_education,
    load_education,
    parse_education,
)
from corparent.engine.benchmarks.mapping import MappingError
from corparent.engine.benchmarks.model import BenchmarkRow
from tests.engine.benchmarks.conftest import FIXTURES

KS2, KS4, ABSENCE = (FIXTURES / f"{n}_la.csv" for n in ("ks2", "ks4", "absence"))

MEASURE = """
[[measures]]
id = "ks2_x"
title = "X"
meaning = "What X means."
unit = "percent"
polarity = "up"
"""
SHAPE = """
[[shapes]]
id = "ks2"
title = "Key stage 2"
example_file = "ks2_la.csv"
filters = ["social_care_group"]
columns = ["pt"]

[[shapes.measures]]
indicator = "ks2_x"
where = { social_care_group = "CLA 12 months at 31 March" }
value = "pt"
"""


def _figures(path: Path) -> dict[tuple[str, int, str], BenchmarkRow]:
    found = read_benchmark_file(path)
    assert found.ok, found.problems
    return {(r.indicator_id, r.year, r.area_code): r for r in found.rows}


def test_the_builtin_declaration_loads_without_issues_and_names_the_five_measures() -> None:
    education = load_education()
    assert education.issues == []
    assert list(education.measures) == [
        "ks2_rwm_expected_pct",
        "ks4_attainment8_avg",
        "ks4_progress8_avg",
        "absence_overall_pct",
        "persistent_absence_pct",
    ]
    absence = education.measures["persistent_absence_pct"]
    assert absence.unit == "percent" and absence.better == "Lower is better"
    assert "10% or more" in absence.meaning and absence.shape == "education_absence"
    assert education.measures["ks4_progress8_avg"].better == "Higher is better"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (MEASURE.replace('"percent"', '"pounds"') + SHAPE, "unit must be one of"),
        (MEASURE.replace('"up"', '"sideways"') + SHAPE, "polarity must be one of"),
        (MEASURE.replace('meaning = "What X means."', "") + SHAPE, "meaning is required"),
        (
            MEASURE.replace('unit = "percent"', 'unit = "percent"\nowner = "me"') + SHAPE,
            "unknown field 'owner'",
        ),
        (MEASURE + MEASURE + SHAPE, "measure id is declared twice"),
        (MEASURE, "is declared but no shape gives it"),
        (
            MEASURE + SHAPE.replace('indicator = "ks2_x"', 'indicator = "ks2_y"'),
            "'ks2_y' is not in the catalogue",
        ),
        (MEASURE.replace('"ks2_x"', '"cla_rate"') + SHAPE, "is an indicator of the 903 catalogue"),
        (MEASURE + SHAPE.replace('value = "pt"', 'value = "avg"'), "value column 'avg' is not one of"),
        ("measures = [", "not valid TOML"),
    ],
)
def test_a_bad_declaration_is_reported_with_where_and_why(text: str, message: str) -> None:
    found = parse_education(text, catalogue={"cla_rate"})
    errors = [str(i) for i in found.issues if i.level is Level.ERROR]
    assert any(message in e for e in errors), errors


def test_a_declaration_with_errors_is_refused_when_loaded_strictly(tmp_path: Path) -> None:
    path = tmp_path / "education.toml"
    path.write_text(MEASURE.replace('"up"', '"sideways"') + SHAPE, encoding="utf-8")
    with pytest.raises(MappingError, match="polarity must be one of"):
        load_education(path)
    assert load_education(path, strict=False).measures == {}


def test_a_good_small_declaration_parses() -> None:
    found = parse_education(MEASURE + SHAPE, catalogue={"cla_rate"})
    assert found.issues == [] and found.measures["ks2_x"].shape == "ks2"


def test_an_academic_year_is_shown_as_dfe_writes_it() -> None:
    assert academic_year(2025) == "2024/25"
    assert academic_year(2000) == "1999/00"


def test_key_stage_2_keeps_only_children_looked_after_for_12_months() -> None:
    found = read_benchmark_file(KS2)
    assert found.kind == "education_ks2" and found.years == [2024, 2025]
    figures = _figures(KS2)
    own = figures[("ks2_rwm_expected_pct", 2025, "980")]
    assert (own.value, own.numerator, own.denominator, own.level) == (30, 3, 10, GeoLevel.LOCAL)
    assert own.region_code == "E12000099" and own.area_name == "Testshire"
    assert figures[("ks2_rwm_expected_pct", 2025, "E92000001")].value == 35
    assert figures[("ks2_rwm_expected_pct", 2025, "E12000099")].value == 40
    suppressed = figures[("ks2_rwm_expected_pct", 2024, "980")]
    assert (suppressed.value, suppressed.marker, suppressed.denominator) == (None, "c", 4)
    assert not any(r.value == 99 for r in found.rows)  # the children in need rows are left out


def test_key_stage_4_gives_attainment_8_and_progress_8_with_their_pupils() -> None:
    figures = _figures(KS4)
    att8 = figures[("ks4_attainment8_avg", 2025, "980")]
    assert (att8.value, att8.denominator) == (15.5, 12)
    p8 = figures[("ks4_progress8_avg", 2024, "980")]
    assert (p8.value, p8.denominator) == (-0.85, 10)
    assert figures[("ks4_progress8_avg", 2024, "E92000001")].value == -1.31
    not_available = figures[("ks4_progress8_avg", 2025, "980")]
    assert (not_available.value, not_available.marker) == (None, "x")
    assert not any(r.value == 55.5 for r in read_benchmark_file(KS4).rows)


def test_absence_keeps_the_total_of_all_phases() -> None:
    figures = _figures(ABSENCE)
    overall = figures[("absence_overall_pct", 2025, "980")]
    assert (overall.value, overall.numerator, overall.denominator) == (9.7, 2202, 22686)
    persistent = figures[("persistent_absence_pct", 2025, "980")]
    assert (persistent.value, persistent.numerator, persistent.denominator) == (21.5, 14, 65)
    assert figures[("persistent_absence_pct", 2025, "E12000099")].value == 23.3
    assert {r.value for r in read_benchmark_file(ABSENCE).rows}.isdisjoint({33.3, 66.6})


def test_a_bad_cell_in_an_education_file_names_its_row_and_column(tmp_path: Path) -> None:
    text = ABSENCE.read_text(encoding="utf-8").splitlines()
    assert ",Testshire," in text[11] and ",9.7," in text[11]  # line 12: Testshire's 2024/25 total
    text[11] = text[11].replace(",9.7,", ",nine,", 1)
    path = tmp_path / "absence.csv"
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    found = read_benchmark_file(path)
    assert not found.ok
    assert str(found.errors[0]).startswith("absence.csv, row 12, column pt_overall: expected a number")


def test_every_measure_declared_is_read_from_the_fixtures() -> None:
    read = {r.indicator_id for path in (KS2, KS4, ABSENCE) for r in read_benchmark_file(path).rows}
    assert read == set(builtin_education().measures)
