"""Writes for the strategy and its action plan: strategy, priorities, items, milestones, progress
updates (a partner only on its own organisation's items), consultation, approval, and decisions'
corporate parenting implications. Every write is atomic and audited; bad input raises
ValidationError naming the field and changes nothing."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from corparent.accounts.models import Organisation
from corparent.accounts.roles import Capability
from corparent.engine.indicators.catalogue import builtin_catalogue
from corparent.strategy.models import (
    Consultation,
    Decision,
    Milestone,
    PlanItem,
    Priority,
    ProgressUpdate,
    Rag,
    Strategy,
)
from corparent.strategy.services._common import audited, ordered_letters, principle_problem, require


def _raise(problems: dict[str, str]) -> None:
    if problems:
        raise ValidationError(problems)


def strategy_create(
    *,
    user: Any,
    title: str,
    period_start: date | None,
    period_end: date | None,
    summary: str = "",
    request: HttpRequest | None = None,
) -> Strategy:
    require(user, Capability.MANAGE_STRATEGY, "write the strategy")
    problems: dict[str, str] = {}
    if not title.strip():
        problems["title"] = "Enter the strategy's title."
    if period_start is None:
        problems["period_start"] = "Enter the date the strategy starts, for example 1/4/2026."
    if period_end is None:
        problems["period_end"] = "Enter the date the strategy ends, for example 31/3/2029."
    if period_start and period_end and period_end <= period_start:
        problems["period_end"] = "The strategy must end after it starts."
    _raise(problems)
    with transaction.atomic():
        strategy = Strategy.objects.create(
            title=title.strip(), period_start=period_start, period_end=period_end, summary=summary.strip()
        )
        audited(user=user, request=request, action="strategy.create", target=f"strategy:{strategy.pk}")
    return strategy


def priority_create(
    *,
    user: Any,
    strategy: Strategy,
    title: str,
    principles: list[str],
    description: str = "",
    request: HttpRequest | None = None,
) -> Priority:
    require(user, Capability.MANAGE_STRATEGY, "write the strategy's priorities")
    problems: dict[str, str] = {}
    if not title.strip():
        problems["title"] = "Enter the priority."
    if (problem := principle_problem(principles)) is not None:
        problems["principles"] = problem
    _raise(problems)
    with transaction.atomic():
        order = (strategy.priorities.order_by("-order").values_list("order", flat=True).first() or 0) + 1
        priority = Priority.objects.create(
            strategy=strategy,
            order=order,
            title=title.strip(),
            description=description.strip(),
            principles=ordered_letters(principles),
        )
        audited(
            user=user, request=request, action="strategy.priority.create", target=f"priority:{priority.pk}"
        )
    return priority


def _indicator_problem(indicator_ids: list[str]) -> str | None:
    known = builtin_catalogue().indicators
    unknown = [i for i in indicator_ids if i not in known]
    if unknown:
        return (
            f"No indicator {', '.join(map(repr, unknown))} in the catalogue: use the ids the scorecard shows."
        )
    return None


def plan_item_create(
    *,
    user: Any,
    priority: Priority,
    title: str,
    owner_service: str = "",
    owner_organisation: Organisation | None = None,
    due_date: date | None = None,
    description: str = "",
    indicator_ids: list[str] | None = None,
    target: str = "",
    request: HttpRequest | None = None,
) -> PlanItem:
    """Add an action plan item, owned by a council service or a partner organisation (not both)."""
    require(user, Capability.MANAGE_STRATEGY, "write the action plan")
    ids = [i.strip() for i in (indicator_ids or []) if i.strip()]
    problems: dict[str, str] = {}
    if not title.strip():
        problems["title"] = "Enter what is to be done."
    if not owner_service.strip() and owner_organisation is None:
        problems["owner_service"] = (
            "Enter the council service that owns it, or choose a partner organisation."
        )
    elif owner_service.strip() and owner_organisation is not None:
        problems["owner_service"] = "An item has one owner: a council service or a partner, not both."
    if (problem := _indicator_problem(ids)) is not None:
        problems["indicator_ids"] = problem
    _raise(problems)
    with transaction.atomic():
        item = PlanItem.objects.create(
            priority=priority,
            title=title.strip(),
            description=description.strip(),
            owner_service=owner_service.strip(),
            owner_organisation=owner_organisation,
            due_date=due_date,
            indicator_ids=list(dict.fromkeys(ids)),
            target=target.strip(),
        )
        audited(user=user, request=request, action="strategy.item.create", target=f"plan_item:{item.pk}")
    return item


def may_update_item(user: Any, item: PlanItem) -> bool:
    """Officers update any item; a partner only its own organisation's."""
    if user is None or not user.is_authenticated or not user.can(Capability.UPDATE_PLAN_ACTIONS):
        return False
    if user.can(Capability.MANAGE_STRATEGY):
        return True
    org_id = getattr(user, "organisation_id", None)
    return org_id is not None and org_id == item.owner_organisation_id


def plan_item_update(
    *,
    user: Any,
    item: PlanItem,
    text: str,
    rag: str,
    evidence: str = "",
    evidence_url: str = "",
    request: HttpRequest | None = None,
) -> ProgressUpdate:
    """Record progress: the narrative becomes the item's RAG narrative; red and amber need one."""
    require(user, Capability.UPDATE_PLAN_ACTIONS, "update action plan items")
    if not may_update_item(user, item):
        audited(
            user=user,
            request=request,
            action="strategy.item.update.refused",
            target=f"plan_item:{item.pk}",
        )
        raise PermissionDenied("Only the organisation that owns this item, or officers, may update it.")
    problems: dict[str, str] = {}
    if not text.strip():
        problems["text"] = "Enter the progress made."
    if rag not in Rag.values:
        problems["rag"] = f"Choose a RAG status: expected one of {', '.join(Rag.values)}."
    if evidence_url.strip():
        try:
            URLValidator(schemes=["http", "https"])(evidence_url.strip())
        except ValidationError:
            problems["evidence_url"] = (
                "Enter the evidence link as a web address, like https://example.org/report."
            )
    _raise(problems)
    with transaction.atomic():
        update = ProgressUpdate.objects.create(
            item=item,
            text=text.strip(),
            evidence=evidence.strip(),
            evidence_url=evidence_url.strip(),
            rag=rag,
            by=user,
        )
        item.rag = rag
        item.rag_narrative = text.strip()
        item.save(update_fields=["rag", "rag_narrative"])
        audited(
            user=user,
            request=request,
            action="strategy.item.update",
            target=f"plan_item:{item.pk}",
            detail={"rag": rag},
        )
    return update


def milestone_create(
    *, user: Any, item: PlanItem, title: str, due_date: date | None, request: HttpRequest | None = None
) -> Milestone:
    require(user, Capability.MANAGE_STRATEGY, "set milestones")
    problems: dict[str, str] = {}
    if not title.strip():
        problems["title"] = "Enter the milestone."
    if due_date is None:
        problems["due_date"] = "Enter the date the milestone is due, for example 30/9/2026."
    _raise(problems)
    with transaction.atomic():
        milestone = Milestone.objects.create(item=item, title=title.strip(), due_date=due_date)
        audited(
            user=user, request=request, action="strategy.milestone.create", target=f"milestone:{milestone.pk}"
        )
    return milestone


def milestone_complete(
    *, user: Any, milestone: Milestone, done_on: date | None = None, request: HttpRequest | None = None
) -> Milestone:
    if not may_update_item(user, milestone.item):
        raise PermissionDenied("Only the organisation that owns this item, or officers, may update it.")
    with transaction.atomic():
        milestone.done_on = done_on or timezone.localdate()
        milestone.save(update_fields=["done_on"])
        audited(
            user=user, request=request, action="strategy.milestone.done", target=f"milestone:{milestone.pk}"
        )
    return milestone


def consultation_record(
    *,
    user: Any,
    strategy: Strategy,
    consulted: str,
    held_on: date | None,
    responses: str,
    what_changed: str = "",
    request: HttpRequest | None = None,
) -> Consultation:
    """Record a consultation on the draft; a draft strategy goes out for consultation with the first."""
    require(user, Capability.MANAGE_STRATEGY, "record consultation")
    problems: dict[str, str] = {}
    if strategy.status == Strategy.Status.APPROVED:
        problems["consulted"] = "This strategy is approved: consultation is on a draft."
    if not consulted.strip():
        problems["consulted"] = "Enter who was consulted."
    if held_on is None:
        problems["held_on"] = "Enter when they were consulted, for example 12/2/2026."
    if not responses.strip():
        problems["responses"] = "Enter what they said."
    _raise(problems)
    with transaction.atomic():
        consultation = Consultation.objects.create(
            strategy=strategy,
            consulted=consulted.strip(),
            held_on=held_on,
            responses=responses.strip(),
            what_changed=what_changed.strip(),
        )
        if strategy.status == Strategy.Status.DRAFT:
            strategy.status = Strategy.Status.CONSULTATION
            strategy.save(update_fields=["status"])
        audited(user=user, request=request, action="strategy.consultation", target=f"strategy:{strategy.pk}")
    return consultation


def strategy_approve(
    *,
    user: Any,
    strategy: Strategy,
    approved_on: date | None,
    approved_by: str,
    note: str = "",
    request: HttpRequest | None = None,
) -> Strategy:
    """Approve the strategy: it needs at least one priority and one consultation first."""
    require(user, Capability.MANAGE_STRATEGY, "approve the strategy")
    problems: dict[str, str] = {}
    if strategy.status == Strategy.Status.APPROVED:
        problems["approved_on"] = f"This strategy was approved on {strategy.approved_on:%d/%m/%Y}."
    if approved_on is None:
        problems["approved_on"] = "Enter the date it was approved, for example 20/3/2026."
    if not approved_by.strip():
        problems["approved_by"] = "Enter who approved it, for example Cabinet."
    if not strategy.priorities.exists():
        problems["__all__"] = "Add at least one priority before approval."
    elif not strategy.consultations.exists():
        problems["__all__"] = "Record the consultation on the draft before approval."
    _raise(problems)
    with transaction.atomic():
        strategy.status = Strategy.Status.APPROVED
        strategy.approved_on = approved_on
        strategy.approved_by = approved_by.strip()
        strategy.approval_note = note.strip()
        strategy.save(update_fields=["status", "approved_on", "approved_by", "approval_note"])
        audited(user=user, request=request, action="strategy.approve", target=f"strategy:{strategy.pk}")
    return strategy


def decision_record(
    *,
    user: Any,
    title: str,
    decided_on: date | None,
    decision_maker: str,
    principles: list[str],
    considered_by: str,
    implications: str,
    outcome: str,
    request: HttpRequest | None = None,
) -> Decision:
    """Record a council decision's corporate parenting implications."""
    require(user, Capability.MANAGE_STRATEGY, "record decisions")
    problems: dict[str, str] = {}
    for name, value, message in (
        ("title", title, "Enter the decision."),
        ("decision_maker", decision_maker, "Enter who made the decision, for example Cabinet."),
        ("considered_by", considered_by, "Enter who considered the corporate parenting implications."),
        ("implications", implications, "Enter the implications for children in care and care leavers."),
        ("outcome", outcome, "Enter the outcome."),
    ):
        if not value.strip():
            problems[name] = message
    if decided_on is None:
        problems["decided_on"] = "Enter the date of the decision, for example 14/1/2026."
    if (problem := principle_problem(principles)) is not None:
        problems["principles"] = problem
    _raise(problems)
    with transaction.atomic():
        decision = Decision.objects.create(
            title=title.strip(),
            decided_on=decided_on,
            decision_maker=decision_maker.strip(),
            principles=ordered_letters(principles),
            considered_by=considered_by.strip(),
            implications=implications.strip(),
            outcome=outcome.strip(),
            recorded_by=user,
        )
        audited(user=user, request=request, action="strategy.decision", target=f"decision:{decision.pk}")
    return decision
