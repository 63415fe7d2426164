"""Writes to a panel's constitution: the panel, its terms of reference, the council's political
groups and composition, people, and membership. Each write is atomic and goes to the audit log as a
change to a governance record.

Refusals raise :class:`ConstitutionError` with a message that says what is wrong and what to do,
keyed by the field it is about (views show it beside the field, the API returns it with a 400).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.db.models import Max, Q
from django.http import HttpRequest

from corparent.accounts.models import Organisation, User
from corparent.accounts.services import audit_record
from corparent.panels.models import (
    BalanceSettings,
    Meeting,
    Membership,
    Panel,
    Person,
    PoliticalGroup,
    TermsOfReference,
)

#: Roles that take a seat on the panel (counted for balance, quorum); the others attend.
SEATED_ROLES = (Membership.Role.CHAIR, Membership.Role.VICE_CHAIR, Membership.Role.MEMBER)


class ConstitutionError(ValueError):
    """A change refused, with the reason per field ("" for the record as a whole)."""

    def __init__(self, errors: Mapping[str, str] | str) -> None:
        self.errors = {"": errors} if isinstance(errors, str) else dict(errors)
        super().__init__("; ".join(self.errors.values()))


def _audit(
    *, user: User, request: HttpRequest | None, action: str, target: str, detail: dict[str, Any]
) -> None:
    audit_record(request=request, user=user, action=f"panels.{action}", target=target, detail=detail)


def _text(value: str) -> str:
    return (value or "").strip()


# Panels ------------------------------------------------------------------------------------------


def _check_panel(*, name: str, kind: str) -> None:
    errors = {}
    if not name:
        errors["name"] = "Enter the panel's name"
    if kind not in Panel.Kind.values:
        errors["kind"] = f"Choose panel, board or committee (not {kind!r})"
    if errors:
        raise ConstitutionError(errors)


@transaction.atomic
def panel_create(
    *,
    user: User,
    name: str,
    kind: str = Panel.Kind.PANEL,
    size: int = 0,
    politically_balanced: bool = True,
    request: HttpRequest | None = None,
) -> Panel:
    name = _text(name)
    _check_panel(name=name, kind=kind)
    panel = Panel.objects.create(name=name, kind=kind, size=size, politically_balanced=politically_balanced)
    _audit(
        user=user,
        request=request,
        action="panel.create",
        target=f"panel:{panel.pk}",
        detail={"name": name, "kind": kind, "size": size, "politically_balanced": politically_balanced},
    )
    return panel


@transaction.atomic
def panel_update(
    *,
    user: User,
    panel: Panel,
    name: str,
    kind: str,
    size: int,
    politically_balanced: bool,
    request: HttpRequest | None = None,
) -> Panel:
    name = _text(name)
    _check_panel(name=name, kind=kind)
    before = {
        "name": panel.name,
        "kind": panel.kind,
        "size": panel.size,
        "politically_balanced": panel.politically_balanced,
    }
    panel.name, panel.kind, panel.size, panel.politically_balanced = name, kind, size, politically_balanced
    panel.save()
    after = {"name": name, "kind": kind, "size": size, "politically_balanced": politically_balanced}
    changed = {k: [before[k], after[k]] for k in after if before[k] != after[k]}
    _audit(user=user, request=request, action="panel.update", target=f"panel:{panel.pk}", detail=changed)
    return panel


# Terms of reference ------------------------------------------------------------------------------


def _check_approval(
    *, approved_by: str, approved_on: dt.date | None, approved_at_meeting: Meeting | None, panel: Panel
) -> None:
    errors = {}
    if approved_by and approved_on is None:
        errors["approved_on"] = "Enter the date it was approved"
    if approved_on is not None and not approved_by:
        errors["approved_by"] = "Enter who approved it, for example Full Council"
    if approved_at_meeting is not None and approved_by == "" and approved_on is None:
        errors["approved_by"] = "Enter who approved it and when, as well as the meeting"
    if approved_on is not None and approved_on > dt.date.today():
        errors["approved_on"] = "The date of approval must be today or in the past"
    if approved_at_meeting is not None and approved_at_meeting.panel_id != panel.pk:
        errors["approved_at_meeting"] = "Choose a meeting of this panel"
    if errors:
        raise ConstitutionError(errors)


@transaction.atomic
def terms_create(
    *,
    user: User,
    panel: Panel,
    purpose: str,
    quorum: int,
    frequency: str,
    reporting_line: str,
    body: str = "",
    approved_by: str = "",
    approved_on: dt.date | None = None,
    approved_at_meeting: Meeting | None = None,
    request: HttpRequest | None = None,
) -> TermsOfReference:
    """A new version of the panel's terms of reference (a draft unless its approval is given)."""
    panel = Panel.objects.select_for_update().get(pk=panel.pk)
    purpose, frequency, reporting_line = _text(purpose), _text(frequency), _text(reporting_line)
    approved_by = _text(approved_by)
    errors = {}
    if not purpose:
        errors["purpose"] = "Enter the panel's purpose"
    if quorum < 1:
        errors["quorum"] = "The quorum must be at least 1 voting member"
    if not frequency:
        errors["frequency"] = "Enter how often the panel meets, for example every two months"
    if not reporting_line:
        errors["reporting_line"] = "Enter whom the panel reports to, for example Cabinet once a year"
    if errors:
        raise ConstitutionError(errors)
    _check_approval(
        approved_by=approved_by, approved_on=approved_on, approved_at_meeting=approved_at_meeting, panel=panel
    )
    latest = panel.terms.aggregate(v=Max("version"))["v"] or 0
    terms = TermsOfReference.objects.create(
        panel=panel,
        version=latest + 1,
        purpose=purpose,
        quorum=quorum,
        frequency=frequency,
        reporting_line=reporting_line,
        body=_text(body),
        approved_by=approved_by,
        approved_on=approved_on,
        approved_at_meeting=approved_at_meeting,
        created_by=user,
    )
    _audit(
        user=user,
        request=request,
        action="terms.create",
        target=f"panel:{panel.pk}",
        detail={"version": terms.version, "approved": approved_on is not None},
    )
    return terms


@transaction.atomic
def terms_approve(
    *,
    user: User,
    terms: TermsOfReference,
    approved_by: str,
    approved_on: dt.date,
    approved_at_meeting: Meeting | None = None,
    request: HttpRequest | None = None,
) -> TermsOfReference:
    """Record the approval of a draft version. An approved version is never changed."""
    terms = TermsOfReference.objects.select_for_update().get(pk=terms.pk)
    if terms.approved_on is not None:
        raise ConstitutionError(
            f"Version {terms.version} was approved by {terms.approved_by} on {terms.approved_on:%-d %B %Y} "
            "and cannot be changed: create a new version instead."
        )
    approved_by = _text(approved_by)
    if not approved_by:
        raise ConstitutionError({"approved_by": "Enter who approved it, for example Full Council"})
    _check_approval(
        approved_by=approved_by,
        approved_on=approved_on,
        approved_at_meeting=approved_at_meeting,
        panel=terms.panel,
    )
    terms.approved_by, terms.approved_on, terms.approved_at_meeting = (
        approved_by,
        approved_on,
        approved_at_meeting,
    )
    terms.save(update_fields=["approved_by", "approved_on", "approved_at_meeting"])
    _audit(
        user=user,
        request=request,
        action="terms.approve",
        target=f"panel:{terms.panel_id}",
        detail={"version": terms.version, "approved_by": approved_by, "approved_on": approved_on.isoformat()},
    )
    return terms


# Political groups and the council's composition --------------------------------------------------


def _check_group(*, name: str, council_seats: int, exclude: int | None) -> None:
    if not name:
        raise ConstitutionError({"name": "Enter the group's name"})
    clash = PoliticalGroup.objects.filter(name__iexact=name).exclude(pk=exclude).exists()
    if clash:
        raise ConstitutionError({"name": f"There is already a group called {name}"})
    if council_seats < 1:
        raise ConstitutionError({"council_seats": "A group has at least 1 councillor"})


@transaction.atomic
def group_create(
    *, user: User, name: str, council_seats: int, request: HttpRequest | None = None
) -> PoliticalGroup:
    name = _text(name)
    _check_group(name=name, council_seats=council_seats, exclude=None)
    group = PoliticalGroup.objects.create(name=name, council_seats=council_seats)
    _audit(
        user=user,
        request=request,
        action="group.create",
        target=f"group:{group.pk}",
        detail={"name": name, "council_seats": council_seats},
    )
    return group


@transaction.atomic
def group_update(
    *,
    user: User,
    group: PoliticalGroup,
    name: str,
    council_seats: int,
    request: HttpRequest | None = None,
) -> PoliticalGroup:
    name = _text(name)
    _check_group(name=name, council_seats=council_seats, exclude=group.pk)
    detail = {"name": [group.name, name], "council_seats": [group.council_seats, council_seats]}
    group.name, group.council_seats = name, council_seats
    group.save()
    _audit(user=user, request=request, action="group.update", target=f"group:{group.pk}", detail=detail)
    return group


@transaction.atomic
def council_composition_update(
    *,
    user: User,
    council_seats: int,
    ungrouped_councillors: int,
    other_bodies: Mapping[str, int],
    request: HttpRequest | None = None,
) -> BalanceSettings:
    """The council's size, its councillors in no group, and its other politically balanced bodies."""
    in_groups = sum(PoliticalGroup.objects.values_list("council_seats", flat=True))
    errors = {}
    if council_seats < 1:
        errors["council_seats"] = "Enter the number of seats on the council"
    elif in_groups + ungrouped_councillors > council_seats:
        errors["council_seats"] = (
            f"The groups have {in_groups} councillors and {ungrouped_councillors} are in no group: "
            f"{in_groups + ungrouped_councillors} in all, more than the council's {council_seats} seats"
        )
    for name, size in other_bodies.items():
        if not str(name).strip() or int(size) < 1:
            errors["other_bodies"] = (
                f"Each other body needs a name and at least 1 seat (not {name!r}: {size})"
            )
    if errors:
        raise ConstitutionError(errors)
    settings = BalanceSettings.objects.select_for_update().first() or BalanceSettings(council_seats=0)
    before = {
        "council_seats": settings.council_seats,
        "ungrouped_councillors": settings.ungrouped_councillors,
        "other_bodies": settings.other_bodies,
    }
    settings.council_seats = council_seats
    settings.ungrouped_councillors = ungrouped_councillors
    settings.other_bodies = {str(k).strip(): int(v) for k, v in other_bodies.items()}
    settings.save()
    _audit(
        user=user,
        request=request,
        action="council.update",
        target="council",
        detail={
            "before": before,
            "after": {
                "council_seats": council_seats,
                "ungrouped_councillors": ungrouped_councillors,
                "other_bodies": settings.other_bodies,
            },
        },
    )
    return settings


# People ------------------------------------------------------------------------------------------


def _person_fields(
    *,
    kind: str,
    name: str,
    political_group: PoliticalGroup | None,
    ward: str,
    job_title: str,
    organisation: Organisation | None,
) -> dict[str, Any]:
    name = _text(name)
    errors = {}
    if not name:
        errors["name"] = "Enter the person's name"
    if kind not in Person.Kind.values:
        errors["kind"] = "Choose councillor, officer, partner, young person or foster carer"
    if kind != Person.Kind.COUNCILLOR and political_group is not None:
        errors["political_group"] = "Only a councillor belongs to a political group"
    if kind == Person.Kind.PARTNER and organisation is None:
        errors["organisation"] = "Choose the partner's organisation"
    if errors:
        raise ConstitutionError(errors)
    return {
        "name": name,
        "kind": kind,
        "political_group": political_group,
        "ward": _text(ward) if kind == Person.Kind.COUNCILLOR else "",
        "job_title": _text(job_title),
        "organisation": organisation,
    }


@transaction.atomic
def person_create(
    *,
    user: User,
    name: str,
    kind: str,
    political_group: PoliticalGroup | None = None,
    ward: str = "",
    job_title: str = "",
    organisation: Organisation | None = None,
    email: str = "",
    login: User | None = None,
    request: HttpRequest | None = None,
) -> Person:
    fields = _person_fields(
        kind=kind,
        name=name,
        political_group=political_group,
        ward=ward,
        job_title=job_title,
        organisation=organisation,
    )
    _check_login(login=login, exclude=None)
    person = Person.objects.create(**fields, email=_text(email), user=login)
    _audit(
        user=user,
        request=request,
        action="person.create",
        target=f"person:{person.pk}",
        detail={"name": person.name, "kind": kind},
    )
    return person


def _check_login(*, login: User | None, exclude: int | None) -> None:
    if login is not None and Person.objects.filter(user=login).exclude(pk=exclude).exists():
        raise ConstitutionError({"login": f"The login {login.username} is already linked to someone else"})


@transaction.atomic
def person_update(
    *,
    user: User,
    person: Person,
    name: str,
    kind: str,
    political_group: PoliticalGroup | None = None,
    ward: str = "",
    job_title: str = "",
    organisation: Organisation | None = None,
    email: str = "",
    login: User | None = None,
    request: HttpRequest | None = None,
) -> Person:
    fields = _person_fields(
        kind=kind,
        name=name,
        political_group=political_group,
        ward=ward,
        job_title=job_title,
        organisation=organisation,
    )
    if kind != person.kind and person.memberships.exists():
        raise ConstitutionError(
            {
                "kind": f"{person.name} has held seats as a {person.get_kind_display().lower()}: add "
                "them again as a new person instead of changing what they are"
            }
        )
    _check_login(login=login, exclude=person.pk)
    for key, value in fields.items():
        setattr(person, key, value)
    person.email, person.user = _text(email), login
    person.save()
    _audit(
        user=user,
        request=request,
        action="person.update",
        target=f"person:{person.pk}",
        detail={"name": person.name, "kind": kind},
    )
    return person


# Membership --------------------------------------------------------------------------------------


def _active(panel: Panel, on: dt.date) -> Any:
    return panel.memberships.filter(start_date__lte=on).filter(Q(end_date__isnull=True) | Q(end_date__gt=on))


@transaction.atomic
def membership_add(
    *,
    user: User,
    panel: Panel,
    person: Person | None,
    start_date: dt.date,
    role: str = Membership.Role.MEMBER,
    voting: bool = True,
    seat_kind: str | None = None,
    political_group: PoliticalGroup | None = None,
    fills: Membership | None = None,
    request: HttpRequest | None = None,
) -> Membership:
    """Give ``person`` a seat on ``panel`` from ``start_date``; with no person, record a vacancy.

    A councillor's seat is their group's unless another group is named (a group can nominate a
    councillor from outside it). With ``fills``, the vacancy ends the day the seat is filled.
    """
    panel = Panel.objects.select_for_update().get(pk=panel.pk)
    errors: dict[str, str] = {}
    if person is None and seat_kind is None:
        errors["seat_kind"] = "Choose what kind of seat is vacant"
    kind = seat_kind or (person.kind if person else "")
    if person is not None and seat_kind is not None and seat_kind != person.kind:
        errors["seat_kind"] = (
            f"{person.name} is a {person.get_kind_display().lower()}, not a "
            f"{Person.Kind(seat_kind).label.lower()}"
        )
    if role not in Membership.Role.values:
        errors["role"] = "Choose chair, vice-chair, member, participating observer or substitute"
    if kind and kind != Person.Kind.COUNCILLOR and political_group is not None:
        errors["political_group"] = "Only a councillor's seat belongs to a political group"
    if person is not None and political_group is None and kind == Person.Kind.COUNCILLOR:
        political_group = person.political_group
    if person is not None and _active(panel, start_date).filter(person=person).exists():
        errors["person"] = f"{person.name} already has a seat on {panel.name} on {start_date:%-d %B %Y}"
    if role in (Membership.Role.CHAIR, Membership.Role.VICE_CHAIR) and person is not None:
        holder = _active(panel, start_date).filter(role=role).select_related("person").first()
        if holder is not None:
            errors["role"] = (
                f"{panel.name} already has a {Membership.Role(role).label.lower()} "
                f"({holder.person or 'vacant'}): end that seat first"
            )
    if fills is not None:
        if fills.panel_id != panel.pk or fills.person_id is not None or fills.end_date is not None:
            errors["fills"] = "That seat is not an open vacancy on this panel"
        elif fills.start_date > start_date:
            errors["start_date"] = (
                f"The seat became vacant on {fills.start_date:%-d %B %Y}: start on or after"
            )
    if errors:
        raise ConstitutionError(errors)
    if fills is not None:
        fills.end_date = start_date
        fills.save(update_fields=["end_date"])
    membership = Membership.objects.create(
        panel=panel,
        person=person,
        seat_kind=kind,
        political_group=political_group,
        role=role,
        voting=voting,
        start_date=start_date,
    )
    _audit(
        user=user,
        request=request,
        action="membership.add" if person else "membership.vacancy",
        target=f"panel:{panel.pk}",
        detail={
            "membership": membership.pk,
            "person": person.name if person else None,
            "role": role,
            "voting": voting,
            "group": political_group.name if political_group else None,
            "start_date": start_date.isoformat(),
            "fills": fills.pk if fills else None,
        },
    )
    return membership


@transaction.atomic
def membership_end(
    *,
    user: User,
    membership: Membership,
    end_date: dt.date,
    leave_vacant: bool = False,
    request: HttpRequest | None = None,
) -> Membership | None:
    """End a seat on ``end_date`` (the last day is the day before). With ``leave_vacant`` the seat
    stays on the panel as a vacancy of the same kind, group and role; the vacancy is returned."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.end_date is not None:
        raise ConstitutionError(f"That seat already ended on {membership.end_date:%-d %B %Y}")
    if end_date < membership.start_date:
        raise ConstitutionError(
            {"end_date": f"The seat started on {membership.start_date:%-d %B %Y}: end it on or after that"}
        )
    membership.end_date = end_date
    membership.save(update_fields=["end_date"])
    vacancy = None
    if leave_vacant and membership.person_id is not None:
        vacancy = Membership.objects.create(
            panel=membership.panel,
            person=None,
            seat_kind=membership.seat_kind,
            political_group=membership.political_group,
            role=Membership.Role.MEMBER if membership.role in SEATED_ROLES else membership.role,
            voting=membership.voting,
            start_date=end_date,
        )
    _audit(
        user=user,
        request=request,
        action="membership.end",
        target=f"panel:{membership.panel_id}",
        detail={
            "membership": membership.pk,
            "person": str(membership.person) if membership.person_id else None,
            "end_date": end_date.isoformat(),
            "vacancy": vacancy.pk if vacancy else None,
        },
    )
    return vacancy
