"""Fixtures for the comparators app: the DfE-shaped files (invented figures) imported as an analyst."""

from __future__ import annotations

from pathlib import Path

import pytest

from corparent.accounts.models import User
from corparent.accounts.roles import Role
from corparent.comparators.services import comparator_file_import

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "dfe"
CLA = FIXTURES / "cla_number_and_rate_per_10k_children.csv"
STABILITY = FIXTURES / "la_cla_placement_stability.csv"
MODEL = FIXTURES / "sn_model_2025_wide.csv"
POPULATION = FIXTURES / "ons_mid-year_population_estimates.csv"


def import_fixture(user: User | None, path: Path) -> None:
    comparator_file_import(user=user, path_or_file=path, file_name=path.name)


@pytest.fixture
def imported(people: dict[Role, User]) -> User:
    """The fixtures' CLA file, placement stability, neighbours model and populations, imported."""
    analyst = people[Role.ANALYST]
    for path in (CLA, STABILITY, MODEL, POPULATION):
        import_fixture(analyst, path)
    return analyst
