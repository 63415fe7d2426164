"""A small hand-worked panel for the meetings tests, made from rows (not the constitution services).

Brookfield's Corporate Parenting Panel has five councillor seats (quorum 3, from its terms of
reference approved by Full Council on 1 May 2026), all voting: Cllr Ash (chair, Labour, linked to the
`member` sign-in), Cllr Birch, Cllr Cedar (Labour), Cllr Dale (Conservative), Cllr Elm (Independent
group). Non-voting: Pat from the Integrated Care Board (the `partner` sign-in's organisation), Harper
from Brookfield Housing (another partner), Jordan (a co-opted young person) and Fran (a co-opted
foster carer). Cllr Fir sits on no seat: a substitute.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.utils import timezone

from corparent.accounts.models import Organisation, User
from corparent.accounts.roles import Role
from corparent.panels.models import (
    Meeting,
    Membership,
    Panel,
    Person,
    PoliticalGroup,
    TermsOfReference,
)
from tests.web.scorecard.conftest import council_results  # noqa: F401  (a session fixture, shared)

START = dt.date(2026, 5, 1)


def at(day: dt.date, hour: int = 18) -> dt.datetime:
    return timezone.make_aware(dt.datetime(day.year, day.month, day.day, hour, 0))


@dataclass
class Brookfield:
    panel: Panel
    officer: User
    people: dict[str, Person]
    health: Organisation
    housing: Organisation
    users: dict[Role, User]

    def meeting(self, day: dt.date, status: str = Meeting.Status.SCHEDULED) -> Meeting:
        return Meeting.objects.create(panel=self.panel, starts_at=at(day), status=status)


@pytest.fixture
def brookfield(people: dict[Role, User]) -> Brookfield:
    officer = people[Role.OFFICER]
    health = people[Role.PARTNER].organisation
    assert health is not None
    housing = Organisation.objects.create(name="Brookfield Housing", kind="housing")
    labour = PoliticalGroup.objects.create(name="Labour", council_seats=30)
    conservative = PoliticalGroup.objects.create(name="Conservative", council_seats=15)
    independent = PoliticalGroup.objects.create(name="Independent group", council_seats=6)
    panel = Panel.objects.create(name="Corporate Parenting Panel", size=5)
    TermsOfReference.objects.create(
        panel=panel,
        version=1,
        purpose="To make sure the council acts as a good corporate parent.",
        quorum=3,
        frequency="every two months",
        reporting_line="reports to Cabinet once a year",
        approved_by="Full Council",
        approved_on=START,
        created_by=officer,
    )
    who: dict[str, Person] = {}

    def person(key: str, name: str, kind: str, **kw: object) -> Person:
        who[key] = Person.objects.create(name=name, kind=kind, **kw)
        return who[key]

    seats = [
        (
            "ash",
            "Cllr Ash",
            labour,
            Membership.Role.CHAIR,
            {"user": people[Role.MEMBER], "email": "ash@example.org"},
        ),
        ("birch", "Cllr Birch", labour, Membership.Role.VICE_CHAIR, {"email": "birch@example.org"}),
        ("cedar", "Cllr Cedar", labour, Membership.Role.MEMBER, {}),
        ("dale", "Cllr Dale", conservative, Membership.Role.MEMBER, {}),
        ("elm", "Cllr Elm", independent, Membership.Role.MEMBER, {}),
    ]
    for key, name, group, role, extra in seats:
        p = person(key, name, Person.Kind.COUNCILLOR, political_group=group, **extra)
        Membership.objects.create(
            panel=panel, person=p, seat_kind=p.kind, political_group=group, role=role, start_date=START
        )
    person("fir", "Cllr Fir", Person.Kind.COUNCILLOR, political_group=labour)
    others = [
        ("pat", "Pat Partner", Person.Kind.PARTNER, {"organisation": health, "user": people[Role.PARTNER]}),
        ("harper", "Harper Housing", Person.Kind.PARTNER, {"organisation": housing}),
        ("jordan", "Jordan", Person.Kind.YOUNG_PERSON, {"user": people[Role.YOUNG_PERSON]}),
        ("fran", "Fran Carer", Person.Kind.FOSTER_CARER, {}),
    ]
    for key, name, kind, extra in others:
        p = person(key, name, kind, **extra)
        Membership.objects.create(
            panel=panel, person=p, seat_kind=kind, role=Membership.Role.MEMBER, voting=False, start_date=START
        )
    person("olu", "Olu Officer", Person.Kind.OFFICER, user=officer, email="olu@example.org")
    return Brookfield(panel=panel, officer=officer, people=who, health=health, housing=housing, users=people)
