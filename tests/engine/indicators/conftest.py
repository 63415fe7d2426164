"""Hand-worked indicator tests: the ``covers`` marker.

Every test that hand-works an indicator marks it with ``@pytest.mark.covers("id", ...)``;
``test_coverage.py`` reads those marks from the test modules and fails if an indicator in the
catalogue has none.

The helpers that build returns as 903 CSV files and read results (``make_return``, ``make_years``,
``ep``, ``child``, ``assert_pct``, ...) are in ``return_builder.py``: a module with its own name, so
that importing them cannot pick up another folder's ``conftest``.
"""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "covers(*ids): the indicator ids a hand-worked test covers")
