"""The strategy's own principles evidence: action plan items (through their priority's principles),
indicators linked to those items, and decisions' corporate parenting implications. Registered in
StrategyConfig.ready like any other app's providers."""

from __future__ import annotations

from collections.abc import Iterable

from django.urls import reverse

from corparent.strategy.evidence import Evidence, Provider
from corparent.strategy.models import Decision, PlanItem, Rag


def _short(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def action_plan_evidence() -> Iterable[Evidence]:
    items = PlanItem.objects.select_related("priority", "owner_organisation").prefetch_related("updates")
    for item in items:
        latest = next(iter(item.updates.all()), None)  # updates are ordered newest first
        rag = Rag(item.rag).label
        summary = f"{rag}. " + _short(item.rag_narrative or item.description or item.priority.title)
        for letter in item.priority.principles:
            yield Evidence(
                principle=letter,
                title=item.title,
                summary=summary,
                url=reverse("strategy:item", kwargs={"plan_item_id": item.pk}),
                source="Action plan",
                when=latest.at.date() if latest is not None else None,
            )


def indicator_evidence() -> Iterable[Evidence]:
    from corparent.scorecard.selectors import indicator_get

    seen: set[tuple[str, str]] = set()
    for item in PlanItem.objects.select_related("priority"):
        for indicator_id in item.indicator_ids:
            indicator = indicator_get(indicator_id)
            for letter in item.priority.principles:
                if (letter, indicator_id) in seen:
                    continue
                seen.add((letter, indicator_id))
                yield Evidence(
                    principle=letter,
                    title=indicator.title if indicator is not None else indicator_id,
                    summary=f"Measured for the action plan item: {item.title}.",
                    url=reverse("scorecard:indicator", kwargs={"indicator_id": indicator_id}),
                    source="Indicator",
                    when=None,
                )


def decision_evidence() -> Iterable[Evidence]:
    for decision in Decision.objects.all():
        for letter in decision.principles:
            yield Evidence(
                principle=letter,
                title=decision.title,
                summary=f"{decision.decision_maker}: {_short(decision.outcome)}",
                url=reverse("strategy:decision", kwargs={"decision_id": decision.pk}),
                source="Decision",
                when=decision.decided_on,
            )


def builtin_providers() -> list[Provider]:
    return [action_plan_evidence, indicator_evidence, decision_evidence]
