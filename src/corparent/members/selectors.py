"""Reads for councillors as corporate parents: tiers, training owed and done, completion rates by
tier, champions, homes and visits. All aggregate or about councillors; nothing about children."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch, QuerySet

from corparent.members.models import (
    TIER_ORDER,
    Champion,
    ChampionReport,
    Home,
    Tier,
    TierAssignment,
    TrainingCompletion,
    TrainingSession,
    Visit,
    VisitAction,
)
from corparent.panels.models import Person


def councillors() -> QuerySet[Person]:
    return (
        Person.objects.filter(kind=Person.Kind.COUNCILLOR)
        .select_related("political_group", "corporate_parent_tier")
        .order_by("name")
    )


def councillor_get(*, person_id: int) -> Person:
    return councillors().get(pk=person_id)


def councillor_for_user(*, user_id: int) -> Person | None:
    return councillors().filter(user_id=user_id).first()


def tier_of(person: Person) -> TierAssignment | None:
    try:
        return person.corporate_parent_tier
    except TierAssignment.DoesNotExist:
        return None


def tier_value(person: Person) -> str:
    assignment = tier_of(person)
    return assignment.tier if assignment else Tier.EVERY


def session_applies(session: TrainingSession, tier: str) -> bool:
    """A session for a tier is for that tier and every tier above it."""
    return TIER_ORDER[session.tier] <= TIER_ORDER[tier]


def sessions() -> QuerySet[TrainingSession]:
    return TrainingSession.objects.all()


def session_get(*, session_id: int) -> TrainingSession:
    return TrainingSession.objects.get(pk=session_id)


def session_completions(*, session: TrainingSession) -> dict[int, TrainingCompletion]:
    return {c.person_id: c for c in session.completions.all()}


@dataclass(frozen=True)
class TrainingLine:
    session: TrainingSession
    completion: TrainingCompletion | None
    required: bool  # mandatory for this councillor's tier and already held

    @property
    def done(self) -> bool:
        return self.completion is not None


def councillor_training(*, person: Person, today: date) -> list[TrainingLine]:
    """Every session for the councillor's tier, with their completion (or none)."""
    tier = tier_value(person)
    done = {c.session_id: c for c in TrainingCompletion.objects.filter(person=person)}
    lines = []
    for session in sessions():
        if not session_applies(session, tier) and session.pk not in done:
            continue
        required = session.mandatory and session.date <= today and session_applies(session, tier)
        lines.append(TrainingLine(session=session, completion=done.get(session.pk), required=required))
    return lines


@dataclass(frozen=True)
class TierCompletion:
    tier: str
    councillors: int
    required: int  # mandatory sessions held so far, summed over the tier's councillors, less exemptions
    done: int  # of those, attended or completed online
    fully_trained: int  # councillors with nothing mandatory left to do

    @property
    def percent(self) -> int | None:
        return round(100 * self.done / self.required) if self.required else None


def completion_by_tier(*, today: date) -> list[TierCompletion]:
    """Mandatory training completion by tier: sessions held on or before `today` count; an exempt
    councillor's session is out of both the required and the done counts."""
    people = list(councillors())
    held = [s for s in sessions() if s.mandatory and s.date <= today]
    completions = {(c.session_id, c.person_id): c.how for c in TrainingCompletion.objects.all()}
    rows = []
    for tier in Tier.values:
        members = [p for p in people if tier_value(p) == tier]
        required = done = fully = 0
        for person in members:
            owed = 0
            for session in held:
                if not session_applies(session, tier):
                    continue
                how = completions.get((session.pk, person.pk))
                if how == TrainingCompletion.How.EXEMPT:
                    continue
                required += 1
                if how is None:
                    owed += 1
                else:
                    done += 1
            fully += owed == 0
        rows.append(
            TierCompletion(
                tier=tier, councillors=len(members), required=required, done=done, fully_trained=fully
            )
        )
    return rows


def champions(*, current_only: bool = True) -> QuerySet[Champion]:
    qs = Champion.objects.select_related("person").prefetch_related("reports")
    return qs.filter(ended_on__isnull=True) if current_only else qs


def champion_get(*, champion_id: int) -> Champion:
    return champions(current_only=False).get(pk=champion_id)


def champion_reports() -> QuerySet[ChampionReport]:
    return ChampionReport.objects.select_related("champion__person")


def homes() -> QuerySet[Home]:
    return Home.objects.all()


def visits() -> QuerySet[Visit]:
    return Visit.objects.select_related("home").prefetch_related(
        "visitors", Prefetch("actions", queryset=VisitAction.objects.order_by("due_date", "pk"))
    )


def visit_get(*, visit_id: int) -> Visit:
    return visits().get(pk=visit_id)


def visits_in_year(*, year: int) -> QuerySet[Visit]:
    return visits().filter(visited_on__year=year)


def visits_for(*, person: Person) -> QuerySet[Visit]:
    return visits().filter(visitors=person)


def visit_action_get(*, action_id: int) -> VisitAction:
    return VisitAction.objects.select_related("visit").get(pk=action_id)


def training_completions() -> QuerySet[TrainingCompletion]:
    return TrainingCompletion.objects.select_related("session", "person")
