"""The members app's principles evidence: each item under the principles it is mapped to, with a
link to its source page."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from corparent.accounts.models import User
from corparent.accounts.roles import Role
from corparent.members import evidence as members_evidence
from corparent.members import services
from corparent.strategy import evidence
from tests.web.members.conftest import Council


def test_the_providers_are_registered() -> None:
    registered = evidence.providers()

    for provider in (
        members_evidence.training_evidence,
        members_evidence.visit_evidence,
        members_evidence.champion_evidence,
    ):
        assert provider in registered


def test_training_is_evidence_of_its_sessions_principles(council: Council) -> None:
    found = evidence.gather(only=[members_evidence.training_evidence])

    induction = [e for e in found if e.title == "Councillors' training: Corporate parenting induction"]
    assert [e.principle for e in induction] == ["a", "e"]
    # every councillor's session: Ash, Cedar attended; Birch exempt (out); Dale not yet
    assert induction[0].summary == "2 of 3 councillors it is for have completed it."
    assert induction[0].url == reverse("members:session", args=[council.induction.pk])
    assert not [e for e in found if "Safeguarding refresher" in e.title]  # not held yet


def test_visits_are_evidence_of_a_and_f_and_champions_of_their_portfolio(
    council: Council, people: dict[Role, User]
) -> None:
    visit = services.visit_record(
        user=people[Role.MEMBER],
        home=council.home,
        visited_on=dt.date(2026, 6, 1),
        visitors=[council.ash],
        report="Calm.",
    )
    champion = services.champion_create(
        user=people[Role.OFFICER], person=council.birch, portfolio="housing", started_on=dt.date(2026, 1, 1)
    )
    services.champion_report_create(
        user=people[Role.OFFICER],
        champion=champion,
        title="Housing offer",
        reported_on=dt.date(2026, 9, 1),
        summary="Care leavers are now exempt from council tax.",
    )

    visits = evidence.gather(only=[members_evidence.visit_evidence])
    champions = evidence.gather(only=[members_evidence.champion_evidence])

    assert [(e.principle, e.url) for e in visits] == [
        ("a", reverse("members:visit", args=[visit.pk])),
        ("f", reverse("members:visit", args=[visit.pk])),
    ]
    assert [e.principle for e in champions] == ["f", "g"]  # housing: stability, and adulthood
    assert champions[0].title == "Housing champion's report: Housing offer"
    assert champions[0].url.endswith("#champion")
