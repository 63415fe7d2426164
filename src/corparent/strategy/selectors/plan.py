"""Reads for the strategy and its action plan, decisions, and linked indicators' current figures
(read through the scorecard's selectors, so the same suppression applies)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, QuerySet

from corparent.engine.indicators.result import ALL
from corparent.strategy.models import Decision, Milestone, PlanItem, Priority, ProgressUpdate, Strategy


def strategy_list() -> QuerySet[Strategy]:
    return Strategy.objects.all()


def strategy_current() -> Strategy | None:
    """The approved strategy with the latest start (else the latest draft)."""
    return (
        Strategy.objects.filter(status=Strategy.Status.APPROVED).order_by("-period_start", "-id").first()
        or Strategy.objects.order_by("-period_start", "-id").first()
    )


def strategy_get(*, strategy_id: int) -> Strategy:
    return Strategy.objects.get(pk=strategy_id)


def priorities_with_items(*, strategy: Strategy) -> QuerySet[Priority]:
    items = PlanItem.objects.select_related("owner_organisation").prefetch_related("milestones")
    return strategy.priorities.prefetch_related(Prefetch("items", queryset=items))


def consultations(*, strategy: Strategy) -> Any:
    return strategy.consultations.all()


def priority_get(*, priority_id: int) -> Priority:
    return Priority.objects.select_related("strategy").get(pk=priority_id)


def item_get(*, plan_item_id: int) -> PlanItem:
    return PlanItem.objects.select_related("priority__strategy", "owner_organisation").get(pk=plan_item_id)


def item_list(*, strategy: Strategy | None = None) -> QuerySet[PlanItem]:
    found = PlanItem.objects.select_related("priority__strategy", "owner_organisation")
    return found.filter(priority__strategy=strategy) if strategy is not None else found


def item_updates(*, item: PlanItem) -> QuerySet[ProgressUpdate]:
    return item.updates.select_related("by")


def item_milestones(*, item: PlanItem) -> QuerySet[Milestone]:
    return item.milestones.all()


def milestone_get(*, milestone_id: int) -> Milestone:
    return Milestone.objects.select_related("item").get(pk=milestone_id)


def decision_list() -> QuerySet[Decision]:
    return Decision.objects.all()


def decision_get(*, decision_id: int) -> Decision:
    return Decision.objects.get(pk=decision_id)


@dataclass(frozen=True)
class LinkedIndicator:
    indicator_id: str
    title: str
    figure: Any  # engine Result (suppressed as the audience must see it) or None
    target: Any  # scorecard Target or None
    indicator: Any  # catalogue Indicator or None
    reference_date: Any


def linked_indicators(*, item: PlanItem, user: Any) -> list[LinkedIndicator]:
    """Each linked indicator with the scorecard's current figure (as this user may see it) and target."""
    from corparent.scorecard import selectors as scorecard

    snapshot = scorecard.snapshot_get()
    audience = scorecard.audience_for(user)
    found = []
    for indicator_id in item.indicator_ids:
        indicator = scorecard.indicator_get(indicator_id)
        figure = None
        if snapshot is not None and indicator is not None:
            series = scorecard.headlines(
                scorecard.snapshot_results(
                    snapshot=snapshot, audience=audience, indicator_id=indicator_id, breakdown=ALL
                )
            ).get(indicator_id, [])
            figure = scorecard.current(series, snapshot)
        found.append(
            LinkedIndicator(
                indicator_id=indicator_id,
                title=indicator.title if indicator is not None else indicator_id,
                figure=figure,
                target=scorecard.target_current(indicator_id=indicator_id),
                indicator=indicator,
                reference_date=snapshot.reference_date if snapshot is not None else None,
            )
        )
    return found
