"""A small strategy to test against: one priority (principles a and f) with two items, one owned by
the partner's organisation (the people fixture's Integrated Care Board) and one by a council service."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from corparent.accounts.models import Organisation, User
from corparent.accounts.roles import Role
from corparent.strategy.models import PlanItem, Priority, Strategy
from corparent.strategy.services import plan as services


@dataclass
class Plan:
    strategy: Strategy
    priority: Priority
    partner_item: PlanItem
    council_item: PlanItem
    other_org: Organisation


@pytest.fixture
def plan(people: dict[Role, User]) -> Plan:
    officer = people[Role.OFFICER]
    strategy = services.strategy_create(
        user=officer,
        title="Our promises 2026 to 2029",
        period_start=dt.date(2026, 4, 1),
        period_end=dt.date(2029, 3, 31),
    )
    priority = services.priority_create(
        user=officer, strategy=strategy, title="A stable home", principles=["f", "a"]
    )
    partner_item = services.plan_item_create(
        user=officer,
        priority=priority,
        title="Health assessments on time",
        owner_organisation=people[Role.PARTNER].organisation,
        indicator_ids=["health_assessment_pct"],
    )
    council_item = services.plan_item_create(
        user=officer, priority=priority, title="Recruit foster carers", owner_service="Fostering service"
    )
    other = Organisation.objects.create(name="Northshire Police", kind="police")
    return Plan(strategy, priority, partner_item, council_item, other)
