"""An action plan item shows its linked indicators' current figures and targets as the scorecard
does: the same figure, the same target, small numbers hidden from everyone but analysts."""

from __future__ import annotations

import pytest
from django.urls import reverse

from corparent.accounts.roles import Role
from corparent.scorecard.models import Target
from corparent.strategy.services import plan as services
from tests.web.scorecard.conftest import empty_snapshot, figure

pytestmark = pytest.mark.django_db


def _row(html: str, title: str) -> str:
    return html.split(title, 1)[1].split("</tr>", 1)[0]


def test_the_item_shows_the_current_figure_and_target(client_for, people, plan) -> None:
    snapshot = empty_snapshot(by=people[Role.ANALYST])
    figure(snapshot, "health_assessment_pct", 45, 50, unit="%")  # 90.0%
    Target.objects.create(indicator_id="health_assessment_pct", target=95, set_by=people[Role.ANALYST])
    url = reverse("strategy:item", kwargs={"plan_item_id": plan.partner_item.pk})
    row = _row(client_for(Role.MEMBER).get(url).content.decode(), "Annual health assessment done")
    assert "90.0%" in row
    assert "95.0% or more" in row
    assert "31 March 2025" in row


def test_a_small_count_is_hidden_from_members_and_shown_to_analysts(client_for, people, plan) -> None:
    snapshot = empty_snapshot(by=people[Role.ANALYST])
    figure(snapshot, "uasc", 4)
    item = services.plan_item_create(
        user=people[Role.OFFICER],
        priority=plan.priority,
        title="Welcome young people who arrive alone",
        owner_service="Children's social care",
        indicator_ids=["uasc"],
    )
    url = reverse("strategy:item", kwargs={"plan_item_id": item.pk})
    title = "Unaccompanied asylum-seeking children looked after"
    member_row = _row(client_for(Role.MEMBER).get(url).content.decode(), title)
    analyst_row = _row(client_for(Role.ANALYST).get(url).content.decode(), title)
    assert "hidden" in member_row and ">4<" not in member_row
    assert ">4<" in analyst_row
    assert "No target set" in member_row
