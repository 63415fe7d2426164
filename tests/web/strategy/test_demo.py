"""The demo strategy: seeded once, linked to the demo panel's councillors and partner."""

from __future__ import annotations

import datetime as dt

import pytest

from corparent.accounts.roles import Role
from corparent.demo.panels import demo_panels_seed
from corparent.demo.strategy import demo_strategy_seed
from corparent.strategy import evidence
from corparent.strategy.models import PlanItem, Recommendation, ScrutinyReview, Strategy

pytestmark = pytest.mark.django_db


def test_the_demo_strategy_is_seeded_once_and_joined_up(people) -> None:
    today = dt.date(2026, 11, 1)
    demo_panels_seed(people=people, today=today)
    first = demo_strategy_seed(people=people, today=today)
    again = demo_strategy_seed(people=people, today=today)
    assert first == {"strategies": 1, "plan_items": 5, "reviews": 1, "decisions": 2}
    assert set(again.values()) == {0}
    strategy = Strategy.objects.get()
    assert (strategy.status, strategy.period_start) == ("approved", dt.date(2026, 4, 1))
    # The partner's organisation owns an item, so the demo partner can update it
    assert PlanItem.objects.filter(owner_organisation=people[Role.PARTNER].organisation).count() == 1
    review = ScrutinyReview.objects.get()
    assert review.members.count() == 3
    assert set(Recommendation.objects.values_list("response", flat=True)) == {
        "accepted",
        "partly",
        "rejected",
    }
    # Every principle has some evidence from the strategy alone
    grouped = evidence.by_principle(evidence.gather())
    assert all(grouped[letter] for letter in "abcdefg")
