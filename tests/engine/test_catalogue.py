"""The catalogue is declared as data and validated when loaded: every issue, with its level."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from corparent.engine.indicators.catalogue import (
    BUILTIN,
    CatalogueError,
    Level,
    builtin_catalogue,
    load_catalogue,
    parse_catalogue,
)
from corparent.engine.indicators.docs import catalogue_markdown

ROOT = Path(__file__).resolve().parents[2]
SHARED_INDICATORS = ROOT.parent / "shared" / "indicators.md"

GOOD = """
[catalogue]
version = "7"

[[indicators]]
id = "x_pct"
title = "X"
meaning = "Share with X."
polarity = "up"
unit = "%"
cohort = "cla"
numerator = "is_uasc"
denominator = "true"
breakdowns = ["sex"]
dfe_reference = "none"
"""


def test_builtin_catalogue_loads_without_issues() -> None:
    cat = builtin_catalogue()
    assert cat.version == "1"
    assert [i for i in cat.issues if i.level is Level.ERROR] == []
    assert len(cat) == 54  # every id in indicators.md, including the two _3yr variants


def test_every_indicator_in_indicators_md_is_declared() -> None:
    """Given indicators.md's tables, when the catalogue loads, then every id there is declared."""
    if not SHARED_INDICATORS.exists():
        pytest.skip("../shared/indicators.md is not beside this checkout (it is in CI)")
    ids = set(re.findall(r"`([a-z0-9_]+)`", SHARED_INDICATORS.read_text(encoding="utf-8")))
    # Words in backticks that are not indicator ids: output columns, and the `_3yr` suffix family.
    not_ids = {"lower", "upper", "value", "suppressed", "_3yr"}
    declared = set(builtin_catalogue().indicators)
    missing = sorted(ids - not_ids - declared)
    assert {"adoption_entry_to_placed_days_3yr", "adoption_order_to_match_days_3yr"} <= declared
    assert declared - ids == {"adoption_entry_to_placed_days_3yr", "adoption_order_to_match_days_3yr"} - ids
    assert missing == []


def test_a_good_extension_loads_like_a_builtin() -> None:
    cat = parse_catalogue([("ext.toml", GOOD)])
    assert cat.issues == []
    ind = cat["x_pct"]
    assert (ind.version, ind.source, ind.breakdowns) == ("7", "ext.toml", ("sex",))


def test_validation_reports_every_issue_not_just_the_first() -> None:
    """Given three faulty indicators in one file, when parsed, then all their issues are reported."""
    first = GOOD.replace('cohort = "cla"', 'cohort = "nope"')
    second = GOOD.replace("[catalogue]", "").replace('version = "7"', "").replace('id = "x_pct"', 'id = "y"')
    second = second.replace('unit = "%"', 'unit = "furlongs"')
    third = GOOD.replace("[catalogue]", "").replace('version = "7"', "").replace('id = "x_pct"', 'id = "z"')
    third = third.replace('breakdowns = ["sex"]', 'breakdowns = ["sex"]\ncolour = "red"')
    bad = first + second + third
    cat = parse_catalogue([("bad.toml", bad)])
    messages = [str(i) for i in cat.issues]
    assert any("cohort 'nope' is not one of" in m for m in messages)
    assert any("unit 'furlongs'" in m for m in messages)
    assert any("unknown field 'colour'" in m for m in messages)
    assert all(i.level is Level.ERROR for i in cat.issues)
    assert cat.indicators == {}


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (('breakdowns = ["sex"]', 'breakdowns = ["shoe_size"]'), "breakdown 'shoe_size' is not offered"),
        (('denominator = "true"\n', ""), "needs numerator and denominator"),
        (('polarity = "up"', 'polarity = "sideways"'), "polarity 'sideways'"),
        (
            ('dfe_reference = "none"', 'requires = ["Episodes.NOPE"]\ndfe_reference = "none"'),
            "unknown column",
        ),
        (('dfe_reference = "none"', 'requires = ["Nope"]\ndfe_reference = "none"'), "unknown table"),
        (('title = "X"\n', ""), "title is required"),
    ],
)
def test_each_rule_names_the_problem(change: tuple[str, str], expected: str) -> None:
    cat = parse_catalogue([("t.toml", GOOD.replace(*change))])
    assert any(expected in str(i) for i in cat.issues), cat.issues


def test_duplicate_ids_and_bad_toml_are_errors(tmp_path: Path) -> None:
    cat = parse_catalogue([("a.toml", GOOD), ("b.toml", GOOD), ("c.toml", "[[indicators]\n")])
    assert any("declared twice" in str(i) for i in cat.issues)
    assert any("not valid TOML" in str(i) for i in cat.issues)
    ext = tmp_path / "ext.toml"
    ext.write_text(GOOD.replace('id = "x_pct"', 'id = "cla"'), encoding="utf-8")
    with pytest.raises(CatalogueError, match="declared twice"):
        load_catalogue([ext])


def test_missing_breakdowns_is_a_warning_not_an_error() -> None:
    cat = parse_catalogue([("w.toml", GOOD.replace('breakdowns = ["sex"]\n', ""))])
    assert [i.level for i in cat.issues] == [Level.WARNING]
    assert "x_pct" in cat.indicators


def test_docs_indicators_md_is_generated_from_the_catalogue() -> None:
    """A test that fails when an indicator is undocumented: docs/indicators.md must be regenerated."""
    doc = (ROOT / "docs" / "indicators.md").read_text(encoding="utf-8")
    assert doc == catalogue_markdown(builtin_catalogue()), (
        "docs/indicators.md is out of date: run "
        "`.venv/bin/corparent indicators --markdown > docs/indicators.md`"
    )
    for ind in builtin_catalogue():
        assert f"## `{ind.id}`" in doc


def test_builtin_file_is_the_one_shipped_with_the_package() -> None:
    assert BUILTIN.is_file() and BUILTIN.suffix == ".toml"
    out = subprocess.run(
        [sys.executable, "-c", "from corparent.engine.indicators.catalogue import BUILTIN; print(BUILTIN)"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert out.stdout.strip().endswith("catalogue.toml")
