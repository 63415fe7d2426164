"""Every rule module under ``rules/`` is collected here, the same way an extension's would be."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable
from functools import cache
from types import ModuleType

from corparent.engine.ssda903.tables import TABLES_BY_NAME
from corparent.engine.validation import rules as rules_package
from corparent.engine.validation.rule import SUPPORTED_YEARS, Rule

# What a rule's ``needs`` can name (inputs beyond the return), and why the rule does not run without it.
NEEDS: dict[str, str] = {
    "providers": "Ofsted's lists of children's homes and social care providers were not supplied",
    "provider_councils": "the providers' councils could not be worked out from their postcodes (the "
    "postcodes extra is not installed)",
    "la_code": "the council's LA code was not given",
}


class RuleSetError(Exception):
    pass


def check(rules: Iterable[Rule]) -> list[str]:
    """Problems with a set of rule declarations (all of them, not just the first)."""
    problems: list[str] = []
    seen: dict[tuple[str, int], Rule] = {}
    for rule in rules:
        for table in (*rule.tables, *rule.previous):
            if table not in TABLES_BY_NAME:
                problems.append(f"rule {rule.code}: unknown table {table!r}")
        for need in rule.needs:
            if need not in NEEDS:
                problems.append(f"rule {rule.code}: unknown need {need!r}")
        for year in rule.years:
            if year not in SUPPORTED_YEARS:
                problems.append(f"rule {rule.code}: year {year} is not supported")
            if (rule.code, year) in seen:
                problems.append(f"rule {rule.code}: declared twice for {year}")
            seen[(rule.code, year)] = rule
        if not rule.hint.strip() or not rule.message.strip():
            problems.append(f"rule {rule.code}: needs a message and a hint")
    return problems


@cache
def rule_modules() -> tuple[tuple[str, ModuleType], ...]:
    """The modules under ``rules/``, imported, as ``(dotted name, module)`` in name order."""
    infos = sorted(pkgutil.iter_modules(rules_package.__path__), key=lambda m: m.name)
    names = [f"{rules_package.__name__}.{info.name}" for info in infos]
    return tuple((name, importlib.import_module(name)) for name in names)


@cache
def all_rules() -> tuple[Rule, ...]:
    found: list[Rule] = []
    for _, module in rule_modules():
        found.extend(getattr(module, "RULES", ()))
    problems = check(found)
    if problems:
        raise RuleSetError("the validation rules are not valid:\n" + "\n".join(f"  - {p}" for p in problems))
    return tuple(found)


def rules_for(year: int) -> list[Rule]:
    """The rules of a collection year; years after the latest supported use the latest rules."""
    effective = min(max(year, min(SUPPORTED_YEARS)), max(SUPPORTED_YEARS))
    return sorted((r for r in all_rules() if effective in r.years), key=lambda r: _sort_key(r.code))


def _sort_key(code: str) -> tuple[int, str]:
    digits = "".join(ch for ch in code if ch.isdigit())
    return (int(digits) if digits and code[0].isdigit() else 10**6, code)
