"""A small hand-worked council of corporate parents for the members tests.

Councillors: Ash (key role, Lead Member; the `member` sign-in), Birch (targeted role, panel
vice-chair), Cedar and Dale (every councillor). Pat is a partner, not a councillor.

Training (all in 2026, so all held, except the one a month from today):
  induction   15 Jan  every councillor  mandatory  Ash attended, Birch exempt, Cedar attended
  lead member 10 Feb  key role          mandatory  Ash online
  panel skills 5 Mar  targeted role     mandatory  Birch attended
  visiting     1 Apr  every councillor  optional   Cedar attended
  safeguarding (a month from today) every, mandatory: not held yet, so owed by nobody yet

Mandatory completion by tier, worked by hand:
  every:    Cedar 1 of 1, Dale 0 of 1                         -> 1 of 2, 50%, 1 fully trained
  targeted: Birch induction exempt (out), panel skills done   -> 1 of 1, 100%, 1 fully trained
  key:      Ash induction, lead member done; panel skills owed -> 2 of 3, 67%, 0 fully trained
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.utils import timezone

from corparent.accounts.models import Organisation, User
from corparent.accounts.roles import Role
from corparent.members.models import Home, Tier, TierAssignment, TrainingCompletion, TrainingSession
from corparent.panels.models import Person, PoliticalGroup


@dataclass
class Council:
    ash: Person
    birch: Person
    cedar: Person
    dale: Person
    pat: Person
    induction: TrainingSession
    lead: TrainingSession
    panel_skills: TrainingSession
    visiting: TrainingSession
    upcoming: TrainingSession
    home: Home
    other_home: Home


@pytest.fixture
def council(people: dict[Role, User]) -> Council:
    officer = people[Role.OFFICER]
    labour = PoliticalGroup.objects.create(name="Labour", council_seats=30)
    ash = Person.objects.create(
        name="Cllr Ash", kind=Person.Kind.COUNCILLOR, political_group=labour, user=people[Role.MEMBER]
    )
    birch = Person.objects.create(name="Cllr Birch", kind=Person.Kind.COUNCILLOR, political_group=labour)
    cedar = Person.objects.create(name="Cllr Cedar", kind=Person.Kind.COUNCILLOR)
    dale = Person.objects.create(name="Cllr Dale", kind=Person.Kind.COUNCILLOR)
    pat = Person.objects.create(
        name="Pat",
        kind=Person.Kind.PARTNER,
        organisation=Organisation.objects.get(name="Integrated Care Board"),
    )
    TierAssignment.objects.create(
        person=ash, tier=Tier.KEY, role_title="Lead Member for Children's Services", updated_by=officer
    )
    TierAssignment.objects.create(
        person=birch, tier=Tier.TARGETED, role_title="Panel vice-chair", updated_by=officer
    )

    def session(
        title: str, day: dt.date, tier: str, mandatory: bool = True, principles: str = "a"
    ) -> TrainingSession:
        return TrainingSession.objects.create(
            title=title, date=day, tier=tier, mandatory=mandatory, principles=principles, created_by=officer
        )

    induction = session("Corporate parenting induction", dt.date(2026, 1, 15), Tier.EVERY, principles="ae")
    lead = session("Being the lead member", dt.date(2026, 2, 10), Tier.KEY)
    panel_skills = session("Panel skills", dt.date(2026, 3, 5), Tier.TARGETED)
    visiting = session("Visiting children's homes", dt.date(2026, 4, 1), Tier.EVERY, mandatory=False)
    upcoming = session("Safeguarding refresher", timezone.localdate() + dt.timedelta(days=30), Tier.EVERY)

    def done(s: TrainingSession, p: Person, how: str) -> None:
        TrainingCompletion.objects.create(
            session=s, person=p, how=how, completed_on=s.date, recorded_by=officer
        )

    how = TrainingCompletion.How
    done(induction, ash, how.ATTENDED)
    done(lead, ash, how.ONLINE)
    done(induction, birch, how.EXEMPT)
    done(panel_skills, birch, how.ATTENDED)
    done(induction, cedar, how.ATTENDED)
    done(visiting, cedar, how.ATTENDED)
    home = Home.objects.create(name="Oak House", provider="Brookfield Council", ofsted_urn="SC111111")
    other_home = Home.objects.create(name="Willow Lodge", provider="Caring Homes Ltd")
    return Council(
        ash, birch, cedar, dale, pat, induction, lead, panel_skills, visiting, upcoming, home, other_home
    )
