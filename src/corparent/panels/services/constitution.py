"""Writes to a panel's constitution: the panel, its terms of reference, the council's political
groups and composition, people, and membership. Each write is atomic and goes to the audit log as a
change to a governance record.

Refusals raise :class:`ConstitutionError` with a message that says what is wrong and what to do,
keyed by the field it is about (views show it beside the field, the API returns it with a 400).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django.db import transaction
from django.db.models import Max
from django.http import HttpRequest

from corparent.accounts.models import User
from corparent.panels.models import (
    BalanceSettings,
    Meeting,
    Panel,
    PoliticalGroup,
    TermsOfReference,
)
from corparent.panels.services._constitution_base import SEATED_ROLES, ConstitutionError, _audit, _text
from corparent.panels.services.membership import membership_add, membership_end
from corparent.panels.services.people import person_create, person_update

__all__ = [
    "SEATED_ROLES",
    "ConstitutionError",
    "council_composition_update",
    "group_create",
    "group_update",
    "membership_add",
    "membership_end",
    "panel_create",
    "panel_update",
    "person_create",
    "person_update",
    "terms_approve",
    "terms_create",
]


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
