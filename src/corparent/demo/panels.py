"""Seeding the demo's Corporate Parenting Panel: its constitution here, then its business (two past
meetings with attendance, minutes, actions and questions, a forward work programme of six themes,
and the next meeting scheduled with its agenda built) in ``panel_business.py``.

Idempotent: when the panel is there already nothing is added. The constitution is made as rows (the
council's composition and the panel's seats are fixed here, balanced by LGHA 1989 s15); the meetings,
actions, questions and work programme go through the panels app's services, as democratic services
would enter them. Dates are relative to today, so the demo always has a past and a next meeting."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from corparent.accounts.models import Organisation, User
from corparent.accounts.roles import Role
from corparent.demo.panel_business import Cast, panel_business_seed
from corparent.panels.models import (
    BalanceSettings,
    Membership,
    Panel,
    Person,
    PoliticalGroup,
    TermsOfReference,
)

PANEL_NAME = "Corporate Parenting Panel"
# The council: 60 councillors. On a panel of 7 each group's share is 7 x seats / 60: Labour 3.85,
# Conservative 2.10, Liberal Democrat 1.05; whole numbers 3 + 2 + 1 = 6, the seventh seat to the
# largest remainder (Labour): 4, 2, 1. Labour has a majority of the council and of the panel.
GROUPS = (("Labour", 33), ("Conservative", 18), ("Liberal Democrat", 9))
COUNCILLORS = (
    # name, group, ward, role on the panel
    ("Cllr Morgan Member", "Labour", "Riverside", Membership.Role.CHAIR),
    ("Cllr Sam Okafor", "Labour", "Northgate", Membership.Role.VICE_CHAIR),
    ("Cllr Rhiannon Price", "Labour", "Millbrook", Membership.Role.MEMBER),
    ("Cllr Tom Hughes", "Labour", "Eastfield", Membership.Role.MEMBER),
    ("Cllr Janet Carter", "Conservative", "Westbury", Membership.Role.MEMBER),
    ("Cllr Imran Shah", "Conservative", "Hillside", Membership.Role.MEMBER),
    ("Cllr Helen Moss", "Liberal Democrat", "Old Town", Membership.Role.MEMBER),
)
SUBSTITUTE = ("Cllr Gareth Lewis", "Labour", "Southmead")
LEAD_MEMBER = ("Cllr Anne Baxter", "Labour", "Castle")  # the lead member: a participating observer
ORGANISATIONS = (
    ("Northshire Housing Services (synthetic)", "housing"),
    ("Northshire Police (synthetic)", "police"),
    ("Northshire College (synthetic)", "education"),
)
TERMS = (
    "To make sure Northshire County Council acts as a good corporate parent to every child in its care "
    "and every care leaver: to hear from them, to look at how they are doing, and to hold the council "
    "and its partners to account for what they have promised."
)


def _org(name: str, kind: str) -> Organisation:
    org, _ = Organisation.objects.get_or_create(name=name, defaults={"kind": kind})
    return org


def _person(name: str, kind: str, **fields: object) -> Person:
    person = Person.objects.filter(name=name).first()
    return person or Person.objects.create(name=name, kind=kind, **fields)


def _link(person: Person, user: User | None) -> None:
    """Link a demo sign-in to a panel person, unless either is linked already."""
    if user is None or person.user_id is not None or Person.objects.filter(user=user).exists():
        return
    person.user = user
    person.save(update_fields=["user"])


def demo_panels_seed(*, people: dict[Role, User], today: dt.date | None = None) -> dict[str, int]:
    """Seed the demo panel (nothing when it is there already); returns what was created, by kind."""
    if Panel.objects.filter(name=PANEL_NAME).exists():
        return {"panels": 0, "meetings": 0, "actions": 0, "questions": 0, "work_programme": 0, "papers": 0}
    with transaction.atomic():
        return _seed(people=people, today=today or timezone.localdate())


def _seed(*, people: dict[Role, User], today: dt.date) -> dict[str, int]:
    officer = people[Role.OFFICER]
    health = people[Role.PARTNER].organisation or _org(
        "Northshire Integrated Care Board (synthetic)", "health"
    )
    housing, police, college = (_org(n, k) for n, k in ORGANISATIONS)
    groups = {}
    for name, seats in GROUPS:
        groups[name], _ = PoliticalGroup.objects.get_or_create(name=name, defaults={"council_seats": seats})
    if not BalanceSettings.objects.exists():
        BalanceSettings.objects.create(council_seats=sum(s for _, s in GROUPS), ungrouped_councillors=0)

    started = today - dt.timedelta(days=365)
    panel = Panel.objects.create(name=PANEL_NAME, size=len(COUNCILLORS))
    TermsOfReference.objects.create(
        panel=panel,
        version=1,
        purpose=TERMS,
        quorum=3,
        frequency="every two months",
        reporting_line="reports to Cabinet, and to Full Council once a year",
        approved_by="Full Council",
        approved_on=started,
        created_by=officer,
    )
    councillors: list[Person] = []
    for name, group, ward, role in COUNCILLORS:
        person = _person(
            name,
            Person.Kind.COUNCILLOR,
            political_group=groups[group],
            ward=ward,
            email=f"{name.split()[-1].lower()}@northshire.example.org",
        )
        councillors.append(person)
        Membership.objects.create(
            panel=panel,
            person=person,
            seat_kind=person.kind,
            political_group=groups[group],
            role=role,
            start_date=started,
        )
    _link(councillors[0], people.get(Role.MEMBER))
    lead = _person(
        LEAD_MEMBER[0], Person.Kind.COUNCILLOR, political_group=groups[LEAD_MEMBER[1]], ward=LEAD_MEMBER[2]
    )
    Membership.objects.create(
        panel=panel,
        person=lead,
        seat_kind=lead.kind,
        role=Membership.Role.OBSERVER,
        voting=False,
        start_date=started,
    )
    substitute = _person(
        SUBSTITUTE[0], Person.Kind.COUNCILLOR, political_group=groups[SUBSTITUTE[1]], ward=SUBSTITUTE[2]
    )
    non_voting = [
        _person(
            "Pat Partner",
            Person.Kind.PARTNER,
            organisation=health,
            job_title="Designated nurse for looked-after children",
        ),
        _person(
            "Dee Housing", Person.Kind.PARTNER, organisation=housing, job_title="Head of housing options"
        ),
        _person(
            "Inspector Kay Lowe", Person.Kind.PARTNER, organisation=police, job_title="Safeguarding lead"
        ),
        _person("Jordan", Person.Kind.YOUNG_PERSON),
        _person("Chris Foster", Person.Kind.FOSTER_CARER),
    ]
    _link(non_voting[0], people.get(Role.PARTNER))
    _link(non_voting[3], people.get(Role.YOUNG_PERSON))
    for person in non_voting:
        Membership.objects.create(
            panel=panel, person=person, seat_kind=person.kind, voting=False, start_date=started
        )
    olu = _person(
        "Olu Officer",
        Person.Kind.OFFICER,
        job_title="Democratic services officer",
        email="olu@northshire.example.org",
    )
    _link(olu, officer)
    cast = Cast(
        panel=panel,
        officer=officer,
        councillors=councillors,
        lead=lead,
        substitute=substitute,
        non_voting=non_voting,
        olu=olu,
        health=health,
        housing=housing,
        police=police,
        college=college,
    )
    return panel_business_seed(cast=cast, people=people, today=today)
