"""Every indicator in the catalogue has at least one hand-worked test.

A hand-worked test says which indicators it works out with ``@pytest.mark.covers("id", ...)``. The
test modules of this folder are loaded afresh here (not through pytest's collection), so the check
holds however the folder is run: one file, ``-k``, or in parallel.
"""

from __future__ import annotations

import importlib.util
import inspect
from pathlib import Path

from corparent.engine.indicators.catalogue import builtin_catalogue

HERE = Path(__file__).parent


def _covered() -> dict[str, set[str]]:
    """{indicator id: names of the tests that cover it}, from every test module here."""
    covered: dict[str, set[str]] = {}
    for path in sorted(HERE.glob("test_*.py")):
        if path.name == Path(__file__).name:
            continue
        spec = importlib.util.spec_from_file_location(f"_coverage_{path.stem}", path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for name, func in inspect.getmembers(module, inspect.isfunction):
            if not name.startswith("test_"):
                continue
            for mark in getattr(func, "pytestmark", []):
                if mark.name == "covers":
                    for ind_id in mark.args:
                        covered.setdefault(ind_id, set()).add(f"{path.name}::{name}")
    return covered


def test_every_indicator_has_a_hand_worked_test() -> None:
    covered = _covered()
    missing = [ind.id for ind in builtin_catalogue() if ind.id not in covered]
    assert missing == [], f"indicators with no hand-worked test: {missing}"


def test_covers_marks_name_real_indicators() -> None:
    ids = set(builtin_catalogue().indicators)
    unknown = sorted(set(_covered()) - ids)
    assert unknown == [], f"@pytest.mark.covers names unknown indicator(s): {unknown}"
