"""The demo's corporate parents: seeded once, consistent, and every page of it renders."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client
from django.urls import reverse

from corparent.accounts.models import User
from corparent.accounts.roles import Role
from corparent.demo.members import demo_members_seed
from corparent.members import selectors
from corparent.members.models import Home, Visit, VisitAction
from corparent.panels.models import Person


def test_the_demo_seed_is_idempotent_and_its_pages_render(
    people: dict[Role, User], client_for: Callable[[Role], Client]
) -> None:
    first = demo_members_seed(people=people)
    again = demo_members_seed(people=people)

    assert first["homes"] == 3 and first["visits"] == 3 and first["completions"] > 0
    assert again["homes"] == 0 and Home.objects.count() == 3
    assert VisitAction.objects.filter(status="open").count() == 2
    key = {
        r.tier: r for r in selectors.completion_by_tier(today=Visit.objects.latest("visited_on").visited_on)
    }["key"]
    assert 0 < key.done < key.required  # the lead member has a session still to do
    client = client_for(Role.MEMBER)
    morgan = Person.objects.get(name="Cllr Morgan Member")
    for url in [
        reverse("members:index"),
        reverse("members:councillor", args=[morgan.pk]),
        reverse("members:training"),
        reverse("members:visits"),
        reverse("members:homes"),
        reverse("members:visit", args=[Visit.objects.first().pk]),  # type: ignore[union-attr]
    ]:
        assert client.get(url).status_code == 200, url
