"""Local-measure fixtures: a partner-owned percentage measure, a council-owned one, and another
partner's measure (the demo partner belongs to the health organisation the web fixtures make)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from corparent.accounts.models import Organisation, User
from corparent.accounts.roles import Role
from corparent.measures import services
from corparent.measures.models import Measure

FIRST = date(2024, 4, 1)


def make_measure(*, by: User, **overrides: Any) -> Measure:
    fields: dict[str, Any] = {
        "title": "Initial health assessments within 20 working days",
        "meaning": "Of the children who came into care, how many had a health assessment in time.",
        "unit": "percent",
        "polarity": "up",
        "frequency": "monthly",
        "source": "Health team records",
        "first_period": FIRST,
        "numerator_label": "assessments in time",
        "denominator_label": "children who came into care",
        "owner_team": "Children in care service",
    }
    fields.update(overrides)
    return services.measure_create(user=by, **fields)


@pytest.fixture
def health(people: dict[Role, User]) -> Organisation:
    organisation = people[Role.PARTNER].organisation
    assert organisation is not None
    return organisation


@pytest.fixture
def school(db: None) -> Organisation:
    return Organisation.objects.create(name="Virtual School", kind="education")


@pytest.fixture
def health_measure(people: dict[Role, User], health: Organisation) -> Measure:
    return make_measure(by=people[Role.OFFICER], owner_organisation=health, owner_team="")


@pytest.fixture
def school_measure(people: dict[Role, User], school: Organisation) -> Measure:
    return make_measure(
        by=people[Role.OFFICER],
        title="Personal education plans in date",
        meaning="Of the children of school age in care, how many have a plan reviewed this term.",
        frequency="quarterly",
        owner_organisation=school,
        owner_team="",
        numerator_label="plans in date",
        denominator_label="children of school age",
    )


@pytest.fixture
def council_measure(people: dict[Role, User]) -> Measure:
    return make_measure(
        by=people[Role.OFFICER],
        title="Personal adviser caseload",
        meaning="The average number of care leavers each adviser supports.",
        unit="number",
        polarity="down",
        numerator_label="",
        denominator_label="",
        owner_team="Leaving care service",
    )
