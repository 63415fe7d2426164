"""What the strategy, action plan, item, principles and decision pages show, worked out here so the
templates only lay it out."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.urls import reverse

from corparent.strategy.evidence import Evidence, by_principle
from corparent.strategy.models import Consultation, Decision, Milestone, PlanItem, Priority, Rag, Strategy
from corparent.strategy.presenters.common import Tag, day, principles_of, rag_tag
from corparent.strategy.principles import PRINCIPLES, Principle

STATUS_CSS = {"draft": "govuk-tag--grey", "consultation": "govuk-tag--yellow", "approved": "govuk-tag--green"}


def status_tag(strategy: Strategy) -> Tag:
    return Tag(strategy.get_status_display(), STATUS_CSS.get(strategy.status, "govuk-tag--grey"))


def period_text(strategy: Strategy) -> str:
    return f"{day(strategy.period_start)} to {day(strategy.period_end)}"


@dataclass(frozen=True)
class StrategyRow:
    id: int
    title: str
    period: str
    status: Tag
    url: str


def strategy_rows(strategies: Any) -> list[StrategyRow]:
    return [
        StrategyRow(
            s.pk,
            s.title,
            period_text(s),
            status_tag(s),
            reverse("strategy:strategy", kwargs={"strategy_id": s.pk}),
        )
        for s in strategies
    ]


def owner_text(item: PlanItem) -> str:
    if item.owner_organisation is not None:
        return f"{item.owner_organisation.name} (partner)"
    return item.owner_service


@dataclass(frozen=True)
class ItemRow:
    id: int
    title: str
    owner: str
    due: str
    rag: Tag
    narrative: str
    milestones: str
    url: str


def _milestones_text(milestones: list[Milestone]) -> str:
    if not milestones:
        return "No milestones"
    done = sum(1 for m in milestones if m.done_on is not None)
    return f"{done} of {len(milestones)} milestones met"


def item_row(item: PlanItem) -> ItemRow:
    return ItemRow(
        id=item.pk,
        title=item.title,
        owner=owner_text(item),
        due=day(item.due_date, "No date set"),
        rag=rag_tag(item.rag, Rag(item.rag).label),
        narrative=item.rag_narrative,
        milestones=_milestones_text(list(item.milestones.all())),
        url=reverse("strategy:item", kwargs={"plan_item_id": item.pk}),
    )


@dataclass(frozen=True)
class PriorityView:
    id: int
    order: int
    title: str
    description: str
    principles: list[Principle]
    items: list[ItemRow]


def priority_views(priorities: Any) -> list[PriorityView]:
    return [
        PriorityView(
            id=p.pk,
            order=p.order,
            title=p.title,
            description=p.description,
            principles=principles_of(p.principles),
            items=[item_row(i) for i in p.items.all()],
        )
        for p in priorities
    ]


@dataclass(frozen=True)
class ConsultationRow:
    consulted: str
    held_on: str
    responses: str
    what_changed: str


def consultation_rows(consultations: list[Consultation]) -> list[ConsultationRow]:
    return [
        ConsultationRow(c.consulted, day(c.held_on), c.responses, c.what_changed or "Nothing changed")
        for c in consultations
    ]


@dataclass(frozen=True)
class StrategyPage:
    strategy: Strategy
    period: str
    status: Tag
    approval: str
    priorities: list[PriorityView]
    consultations: list[ConsultationRow]
    rag_counts: list[tuple[Tag, int]] = field(default_factory=list)


def strategy_page(*, strategy: Strategy, priorities: Any, consultations: Any) -> StrategyPage:
    views = priority_views(priorities)
    counts: dict[str, int] = {}
    for p in priorities:
        for i in p.items.all():
            counts[i.rag] = counts.get(i.rag, 0) + 1
    approval = (
        f"Approved by {strategy.approved_by} on {day(strategy.approved_on)}"
        if strategy.status == Strategy.Status.APPROVED
        else "Not yet approved"
    )
    return StrategyPage(
        strategy=strategy,
        period=period_text(strategy),
        status=status_tag(strategy),
        approval=approval,
        priorities=views,
        consultations=consultation_rows(list(consultations)),
        rag_counts=[(rag_tag(r.value, r.label), counts[r.value]) for r in Rag if counts.get(r.value)],
    )


@dataclass(frozen=True)
class IndicatorRow:
    title: str
    figure: str
    target: str
    url: str
    as_at: str


def indicator_rows(linked: list[Any]) -> list[IndicatorRow]:
    from corparent.scorecard.presenters import figure_text, target_text

    rows = []
    for li in linked:
        target = target_text(li.target, li.indicator) if li.indicator is not None else ""
        rows.append(
            IndicatorRow(
                title=li.title,
                figure=figure_text(li.figure),
                target=target or "No target set",
                url=reverse("scorecard:indicator", kwargs={"indicator_id": li.indicator_id}),
                as_at=day(li.figure.reference_date) if li.figure is not None else "",
            )
        )
    return rows


@dataclass(frozen=True)
class MilestoneRow:
    id: int
    title: str
    due: str
    done: str
    overdue: bool


def milestone_rows(milestones: Any, *, today: date) -> list[MilestoneRow]:
    return [
        MilestoneRow(
            m.pk,
            m.title,
            day(m.due_date),
            day(m.done_on),
            overdue=m.done_on is None and m.due_date < today,
        )
        for m in milestones
    ]


@dataclass(frozen=True)
class UpdateRow:
    text: str
    evidence: str
    evidence_url: str
    rag: Tag
    by: str
    at: str


def update_rows(updates: Any) -> list[UpdateRow]:
    return [
        UpdateRow(
            u.text,
            u.evidence,
            u.evidence_url,
            rag_tag(u.rag, Rag(u.rag).label),
            u.by.get_full_name() or u.by.username,
            day(u.at.date()),
        )
        for u in updates
    ]


def priority_caption(priority: Priority) -> str:
    return f"Priority {priority.order}: {priority.title}"


@dataclass(frozen=True)
class EvidenceRow:
    title: str
    summary: str
    url: str
    source: str
    when: str


@dataclass(frozen=True)
class PrincipleView:
    principle: Principle
    evidence: list[EvidenceRow]
    sources: str


def principles_page(evidence: list[Evidence]) -> list[PrincipleView]:
    grouped = by_principle(evidence)
    views = []
    for p in PRINCIPLES:
        rows = [EvidenceRow(e.title, e.summary, e.url, e.source, day(e.when)) for e in grouped[p.letter]]
        counts: dict[str, int] = {}
        for r in rows:
            counts[r.source] = counts.get(r.source, 0) + 1
        sources = ", ".join(f"{n} from {s.lower()}" for s, n in sorted(counts.items()))
        views.append(PrincipleView(p, rows, sources or "No evidence yet"))
    return views


@dataclass(frozen=True)
class DecisionRow:
    id: int
    title: str
    decided_on: str
    decision_maker: str
    principles: list[Principle]
    considered_by: str
    implications: str
    outcome: str
    url: str


def decision_row(d: Decision) -> DecisionRow:
    return DecisionRow(
        d.pk,
        d.title,
        day(d.decided_on),
        d.decision_maker,
        principles_of(d.principles),
        d.considered_by,
        d.implications,
        d.outcome,
        reverse("strategy:decision", kwargs={"decision_id": d.pk}),
    )
