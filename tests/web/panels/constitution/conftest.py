"""A hand-worked council for the constitution tests.

Riverside Council has 53 seats: Labour 30, Conservative 15, Liberal Democrat 4, two independents in
no group, and two vacant seats (not counted: 51 councillors). Its Corporate Parenting Panel has 10
councillor seats. Each group's exact share is its councillors / 51 x 10:

    Labour 5.88, Conservative 2.94, Liberal Democrat 0.78, not in a group 0.39.

Whole numbers give 5 + 2 + 0 + 0 = 7; the 3 seats left go to the largest remainders, Conservative
(.94), Labour (.88) and Liberal Democrat (.78): Labour 6, Conservative 3, Liberal Democrat 1, none for
the independents. Labour has a majority of the council (30 of 51) and 6 of 10 is a majority of the
panel, so principle (b) holds; (a) holds as three groups have seats.

The panel as appointed has Labour 7, Conservative 2, Liberal Democrat 1: a departure.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from corparent.accounts.models import Organisation, User
from corparent.accounts.roles import Role
from corparent.panels.models import Membership, Panel, Person, PoliticalGroup
from corparent.panels.services import constitution as services

START = dt.date(2026, 5, 20)


@dataclass
class Riverside:
    officer: User
    panel: Panel
    labour: PoliticalGroup
    conservative: PoliticalGroup
    libdem: PoliticalGroup
    councillors: dict[str, Person]
    seats: dict[str, Membership]
    health: Organisation


@pytest.fixture
def riverside(people: dict[Role, User]) -> Riverside:
    officer = people[Role.OFFICER]
    labour = services.group_create(user=officer, name="Labour", council_seats=30)
    conservative = services.group_create(user=officer, name="Conservative", council_seats=15)
    libdem = services.group_create(user=officer, name="Liberal Democrat", council_seats=4)
    services.council_composition_update(
        user=officer, council_seats=53, ungrouped_councillors=2, other_bodies={}
    )
    panel = services.panel_create(user=officer, name="Corporate Parenting Panel", size=10)
    councillors: dict[str, Person] = {}
    seats: dict[str, Membership] = {}
    line_up = [("Lab", labour, 7), ("Con", conservative, 2), ("LD", libdem, 1)]
    for prefix, group, n in line_up:
        for i in range(1, n + 1):
            name = f"Cllr {prefix} {i}"
            person = services.person_create(
                user=officer, name=name, kind=Person.Kind.COUNCILLOR, political_group=group, ward=f"Ward {i}"
            )
            councillors[name] = person
            role = Membership.Role.CHAIR if name == "Cllr Lab 1" else Membership.Role.MEMBER
            seats[name] = services.membership_add(
                user=officer, panel=panel, person=person, start_date=START, role=role
            )
    health = Organisation.objects.get(name="Integrated Care Board")
    return Riverside(officer, panel, labour, conservative, libdem, councillors, seats, health)
