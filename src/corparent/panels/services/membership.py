"""Writes to a panel's membership: seats added (a person or a vacancy) and ended. Refusals raise
ConstitutionError (see corparent.panels.services.constitution)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest

from corparent.accounts.models import User
from corparent.panels.models import (
    Membership,
    Panel,
    Person,
    PoliticalGroup,
)
from corparent.panels.services._constitution_base import SEATED_ROLES, ConstitutionError, _audit


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
