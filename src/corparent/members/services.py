"""Writes for councillors as corporate parents. Each checks the caller may make it (403 otherwise),
validates (a ValidationError naming the field) and is atomic: a refused change changes nothing."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from corparent.accounts.models import User
from corparent.accounts.roles import Capability
from corparent.members.models import (
    Champion,
    ChampionReport,
    Home,
    TierAssignment,
    TrainingCompletion,
    TrainingSession,
    Visit,
    VisitAction,
)
from corparent.panels.models import Person
from corparent.strategy.principles import LETTERS


def _require(user: User, capability: Capability) -> None:
    if not user.can(capability):
        raise PermissionDenied(f"Your role may not {capability.value.replace('_', ' ')}.")


def _councillor(person: Person, field: str) -> None:
    if person.kind != Person.Kind.COUNCILLOR:
        raise ValidationError({field: f"{person.name} is not a councillor."})


def _not_future(day: date, field: str, what: str) -> None:
    if day > timezone.localdate():
        raise ValidationError({field: f"The {what} cannot be in the future."})


@transaction.atomic
def tier_assign(*, user: User, person: Person, tier: str, role_title: str = "") -> TierAssignment:
    _require(user, Capability.MANAGE_MEMBERS)
    _councillor(person, "person")
    assignment, _ = TierAssignment.objects.update_or_create(
        person=person, defaults={"tier": tier, "role_title": role_title.strip(), "updated_by": user}
    )
    assignment.full_clean()
    return assignment


@transaction.atomic
def training_session_create(
    *,
    user: User,
    title: str,
    date: date,
    tier: str,
    mandatory: bool,
    description: str = "",
    principles: str = "a",
) -> TrainingSession:
    _require(user, Capability.MANAGE_MEMBERS)
    letters = "".join(sorted(set(principles.replace(",", "").replace(" ", "").lower())))
    if not letters or any(letter not in LETTERS for letter in letters):
        raise ValidationError({"principles": "Give the principles as letters a to g, for example: a, e"})
    session = TrainingSession(
        title=title.strip(),
        date=date,
        tier=tier,
        mandatory=mandatory,
        description=description.strip(),
        principles=letters,
        created_by=user,
    )
    session.full_clean()
    session.save()
    return session


@transaction.atomic
def training_completion_record(
    *, user: User, session: TrainingSession, person: Person, how: str, completed_on: date
) -> TrainingCompletion:
    """Record (or correct) one councillor's completion of a session."""
    _require(user, Capability.MANAGE_MEMBERS)
    _councillor(person, "person")
    _not_future(completed_on, "completed_on", "completion date")
    if how not in TrainingCompletion.How.values:
        raise ValidationError({"how": "Choose attended, completed online or exempt."})
    completion, _ = TrainingCompletion.objects.update_or_create(
        session=session,
        person=person,
        defaults={"how": how, "completed_on": completed_on, "recorded_by": user},
    )
    return completion


@transaction.atomic
def champion_create(
    *, user: User, person: Person, portfolio: str, started_on: date, targets: str = ""
) -> Champion:
    _require(user, Capability.MANAGE_MEMBERS)
    _councillor(person, "person")
    if Champion.objects.filter(portfolio=portfolio, ended_on__isnull=True).exists():
        raise ValidationError({"portfolio": "That portfolio already has a champion; end their role first."})
    champion = Champion(
        person=person, portfolio=portfolio, started_on=started_on, targets=targets.strip(), created_by=user
    )
    champion.full_clean()
    champion.save()
    return champion


@transaction.atomic
def champion_end(*, user: User, champion: Champion, ended_on: date) -> Champion:
    """End a champion's role (its portfolio is then free for another councillor)."""
    _require(user, Capability.MANAGE_MEMBERS)
    if champion.ended_on is not None:
        raise ValidationError({"ended_on": "This champion's role has already ended."})
    if ended_on < champion.started_on:
        raise ValidationError({"ended_on": "The role cannot end before it started."})
    _not_future(ended_on, "ended_on", "end date")
    champion.ended_on = ended_on
    champion.save(update_fields=["ended_on"])
    return champion


@transaction.atomic
def champion_report_create(
    *, user: User, champion: Champion, title: str, reported_on: date, summary: str
) -> ChampionReport:
    _require(user, Capability.MANAGE_MEMBERS)
    if champion.ended_on is not None:
        raise ValidationError({"reported_on": "This champion's role has ended."})
    _not_future(reported_on, "reported_on", "report date")
    report = ChampionReport(
        champion=champion,
        title=title.strip(),
        reported_on=reported_on,
        summary=summary.strip(),
        created_by=user,
    )
    report.full_clean()
    report.save()
    return report


@transaction.atomic
def home_create(*, user: User, name: str, provider: str, ofsted_urn: str = "") -> Home:
    _require(user, Capability.MANAGE_MEMBERS)
    urn = ofsted_urn.strip().upper()
    if urn and not urn.isalnum():
        raise ValidationError({"ofsted_urn": "Ofsted's reference is letters and numbers, like SC123456."})
    home = Home(name=name.strip(), provider=provider.strip(), ofsted_urn=urn)
    home.full_clean()
    home.save()
    return home


def may_edit_visit(user: User, visit: Visit | None = None, visitors: Iterable[Person] = ()) -> bool:
    """Officers record any visit; a councillor only visits they made themselves."""
    if not user.can(Capability.RECORD_VISITS):
        return False
    if user.can(Capability.MANAGE_MEMBERS):
        return True
    people = list(visit.visitors.all()) if visit is not None else list(visitors)
    return any(p.user_id == user.pk for p in people)


@transaction.atomic
def visit_record(
    *, user: User, home: Home, visited_on: date, visitors: Iterable[Person], report: str
) -> Visit:
    _require(user, Capability.RECORD_VISITS)
    visitors = list(visitors)
    if not visitors:
        raise ValidationError({"visitors": "Choose the councillors who made the visit."})
    for person in visitors:
        _councillor(person, "visitors")
    if not may_edit_visit(user, visitors=visitors):
        raise ValidationError({"visitors": "You can record only visits you made: include yourself."})
    _not_future(visited_on, "visited_on", "visit date")
    if not report.strip():
        raise ValidationError({"report": "Write what you saw and heard: the visit report."})
    visit = Visit.objects.create(home=home, visited_on=visited_on, report=report.strip(), recorded_by=user)
    visit.visitors.set(visitors)
    return visit


@transaction.atomic
def visit_action_create(
    *, user: User, visit: Visit, description: str, owner: str, due_date: date
) -> VisitAction:
    if not may_edit_visit(user, visit):
        raise PermissionDenied("Only the councillors who made the visit, or an officer, may add its actions.")
    action = VisitAction(
        visit=visit, description=description.strip(), owner=owner.strip(), due_date=due_date, created_by=user
    )
    action.full_clean()
    action.save()
    return action


@transaction.atomic
def visit_action_update(*, user: User, action: VisitAction, status: str) -> VisitAction:
    if not may_edit_visit(user, action.visit):
        raise PermissionDenied(
            "Only the councillors who made the visit, or an officer, may update its actions."
        )
    if status not in VisitAction.Status.values:
        raise ValidationError({"status": "Choose open, done or dropped."})
    action.status = status
    action.save(update_fields=["status"])
    return action
