"""Training completion by tier and a councillor's training, against the hand-worked council."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from corparent.members import selectors
from tests.web.members.conftest import Council


def test_completion_by_tier_matches_the_hand_worked_figures(council: Council) -> None:
    rows = {r.tier: r for r in selectors.completion_by_tier(today=timezone.localdate())}

    assert (rows["every"].councillors, rows["every"].done, rows["every"].required) == (2, 1, 2)
    assert rows["every"].percent == 50 and rows["every"].fully_trained == 1
    assert (rows["targeted"].done, rows["targeted"].required, rows["targeted"].percent) == (1, 1, 100)
    assert (rows["key"].done, rows["key"].required, rows["key"].percent) == (2, 3, 67)
    assert rows["key"].fully_trained == 0


def test_a_session_counts_only_once_it_has_been_held(council: Council) -> None:
    before_lead_member = dt.date(2026, 2, 1)  # only the induction had been held

    rows = {r.tier: r for r in selectors.completion_by_tier(today=before_lead_member)}

    assert (rows["key"].done, rows["key"].required) == (1, 1)
    assert rows["key"].fully_trained == 1


def test_a_key_role_owes_every_tier_below_it(council: Council) -> None:
    lines = selectors.councillor_training(person=council.ash, today=timezone.localdate())

    by_title = {line.session.title: line for line in lines}
    assert set(by_title) == {
        "Corporate parenting induction",
        "Being the lead member",
        "Panel skills",
        "Visiting children's homes",
        "Safeguarding refresher",
    }
    assert by_title["Corporate parenting induction"].done and by_title["Being the lead member"].done
    assert by_title["Panel skills"].required and not by_title["Panel skills"].done
    assert not by_title["Visiting children's homes"].required  # optional
    assert not by_title["Safeguarding refresher"].required  # not held yet


def test_every_councillor_is_not_shown_sessions_for_roles_above_theirs(council: Council) -> None:
    lines = selectors.councillor_training(person=council.dale, today=timezone.localdate())

    assert "Being the lead member" not in {line.session.title for line in lines}
    assert "Panel skills" not in {line.session.title for line in lines}
