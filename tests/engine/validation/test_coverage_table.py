"""The coverage table in the docs is kept true, and every implemented rule has hand-made cases."""

from __future__ import annotations

from pathlib import Path

from corparent.engine.validation.coverage import case_counts, coverage_markdown
from corparent.engine.validation.registry import all_rules

DOC = Path(__file__).resolve().parents[3] / "docs" / "validation-coverage.md"


def test_docs_coverage_table_matches_the_rules_and_tests() -> None:
    assert DOC.read_text(encoding="utf-8") == coverage_markdown(case_counts()), (
        "docs/validation-coverage.md is out of date: run "
        "`.venv/bin/python -m corparent.engine.validation.coverage > docs/validation-coverage.md`"
    )


def test_every_implemented_rule_has_a_failing_and_a_passing_case() -> None:
    cases = case_counts()
    thin = sorted({r.code for r in all_rules() if cases.get(r.code, 0) < 2})
    assert thin == [], f"rules with fewer than two hand-made cases: {thin}"
