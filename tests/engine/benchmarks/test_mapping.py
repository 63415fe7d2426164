"""The declared mapping from DfE's file shapes to indicator ids: checked when loaded."""

from __future__ import annotations

import pytest

from corparent.engine.benchmarks import Level, builtin_mapping
from corparent.engine.benchmarks.mapping import MappingError, load_mapping, parse_mapping
from corparent.engine.indicators.catalogue import builtin_catalogue

GOOD_SHAPE = """
[[shapes]]
id = "x"
title = "X"
example_file = "x.csv"
filters = ["breakdown"]
columns = ["count", "percent"]
"""


def test_the_builtin_mapping_loads_without_issues_and_covers_every_indicator() -> None:
    mapping = load_mapping()
    assert mapping.issues == []
    catalogue = set(builtin_catalogue().indicators)
    # every indicator either has a comparator or a stated reason, never both
    assert set(mapping.indicators()) | set(mapping.uncompared) == catalogue
    assert not set(mapping.indicators()) & set(mapping.uncompared)


def test_the_headline_indicators_come_from_the_expected_files() -> None:
    mapped = builtin_mapping().indicators()
    assert mapped["cla_rate"] == "cla_number_and_rate"
    assert mapped["placements_3plus_pct"] == "placement_stability"
    assert mapped["sdq_average"] == "health_outcomes"
    assert mapped["cl_19_21_eet_pct"] == "care_leavers_activity"
    assert mapped["cl_19_21_suitable_accom_pct"] == "care_leavers_accommodation"
    assert mapped["sw_changes_3plus_pct"] == "social_workers"


def test_every_issue_is_collected_with_a_level() -> None:
    text = (
        GOOD_SHAPE
        + """
[[shapes.measures]]
indicator = "no_such_indicator"
where = { breakdown = "A" }
value = "count"

[[shapes.measures]]
indicator = "cla"
where = { not_a_filter = "A" }
value = "not_a_column"
colour = "blue"

[[shapes.measures]]
indicator = "starts"
where = { breakdown = "B" }
value = "count"
denominator_where = { breakdown = "Total" }
"""
    )
    mapping = parse_mapping([("test.toml", text)], known=builtin_catalogue().indicators)
    errors = [str(i) for i in mapping.issues if i.level is Level.ERROR]
    assert any("'no_such_indicator' is not in the catalogue" in e for e in errors)
    assert any("unknown field 'colour'" in e for e in errors)
    assert any("'not_a_filter' is not one of the shape's filters" in e for e in errors)
    assert any("value column 'not_a_column'" in e for e in errors)
    assert any("denominator_where needs a denominator column" in e for e in errors)
    assert mapping.shapes == {}  # a shape with errors is not used


def test_an_indicator_mapped_twice_is_an_error_and_strict_loading_refuses_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    twice = GOOD_SHAPE.replace('id = "x"', 'id = "y"')
    measure = '\n[[shapes.measures]]\nindicator = "cla"\nwhere = { breakdown = "A" }\nvalue = "count"\n'
    extra = tmp_path / "extra.toml"
    extra.write_text(twice + measure)
    with pytest.raises(MappingError, match="'cla' is also mapped by 'cla_number_and_rate'"):
        load_mapping([extra])


def test_a_file_that_is_not_toml_is_an_error_not_a_crash() -> None:
    mapping = parse_mapping([("broken.toml", "[[shapes]\nid=")])
    assert [i.level for i in mapping.issues] == [Level.ERROR]
    assert "not valid TOML" in mapping.issues[0].message
