"""Fixtures for the web app: people in every role, and signed-in clients."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from corparent.accounts.models import Organisation, User
from corparent.accounts.roles import Role
from corparent.accounts.selectors import DEMO_USERNAMES
from corparent.accounts.services import user_create

PASSWORD = "correct-horse-battery-staple"


@pytest.fixture
def people(db: None) -> dict[Role, User]:
    """One person in each role, named as in the demo (admin, analyst, ..., youngperson)."""
    health = Organisation.objects.create(name="Integrated Care Board", kind="health")
    return {
        role: user_create(
            username=name,
            password=PASSWORD,
            role=role,
            first_name=name.capitalize(),
            organisation=health if role == Role.PARTNER else None,
        )
        for role, name in DEMO_USERNAMES.items()
    }


@pytest.fixture
def client_for(people: dict[Role, User]) -> Callable[[Role], Client]:
    """A Django test client signed in as the person with that role."""

    def make(role: Role) -> Client:
        client = Client()
        client.force_login(people[role])
        return client

    return make
