"""The coverage table in the docs is kept true, and every implemented rule has hand-made cases."""

from __future__ import annotations

from pathlib import Path

from corparent.engine.validation.coverage import NOT_IMPLEMENTED, case_counts, coverage_markdown
from corparent.engine.validation.dfe_codes import DFE_RULE_CODES
from corparent.engine.validation.peer import peer_differences
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


def test_every_rule_left_out_says_why() -> None:
    """A DfE rule not implemented for a year is either not implemented at all, with the reason, or a
    documented difference from the peer (e.g. SW10STG2, which 2025-26 replaced)."""
    implemented = {(r.code, y) for r in all_rules() for y in r.years}
    missing = {
        (code, y) for y, codes in DFE_RULE_CODES.items() for code in codes if (code, y) not in implemented
    }
    unexplained = sorted(
        (code, y) for code, y in missing if code not in NOT_IMPLEMENTED and code not in peer_differences()
    )
    assert unexplained == []
    assert set(NOT_IMPLEMENTED) == {code for code, _ in missing if code not in peer_differences()}
