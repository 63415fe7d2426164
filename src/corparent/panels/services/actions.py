"""Writes for the action log: raising actions, updating them (a partner only its own
organisation's), and reminding the owners of overdue ones by email, at most once a day."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from corparent.accounts.models import Organisation, User
from corparent.accounts.roles import Capability
from corparent.panels.models import Action, ActionUpdate, AgendaItem, Meeting, Panel, Person
from corparent.panels.selectors import actions as action_selectors
from corparent.panels.services._common import audited, require

CLOSED = (Action.Status.DONE, Action.Status.DROPPED)


def action_create(
    *,
    user: Any,
    panel: Panel,
    description: str,
    due_date: date | None,
    owner_person: Person | None = None,
    owner_organisation: Organisation | None = None,
    meeting: Meeting | None = None,
    agenda_item: AgendaItem | None = None,
    request: HttpRequest | None = None,
) -> Action:
    """Raise an action, owned by a person or a partner organisation."""
    require(user, Capability.MANAGE_PANELS, "raise actions")
    problems: dict[str, str] = {}
    if not description.strip():
        problems["description"] = "Enter what is to be done."
    if due_date is None:
        problems["due_date"] = "Enter the date the action is due, for example 30/06/2026."
    if owner_person is None and owner_organisation is None:
        problems["owner"] = "Choose who owns the action: a person or a partner organisation."
    if meeting is not None and meeting.panel_id != panel.pk:
        problems["meeting"] = "That meeting is another panel's."
    if agenda_item is not None and (meeting is None or agenda_item.meeting_id != meeting.pk):
        problems["agenda_item"] = "That agenda item belongs to another meeting."
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        action = Action.objects.create(
            panel=panel,
            raised_at=meeting,
            agenda_item=agenda_item,
            description=description.strip(),
            owner_person=owner_person,
            owner_organisation=owner_organisation,
            due_date=due_date,
            created_by=user,
        )
        audited(
            user=user,
            request=request,
            action="panels.action.create",
            target=f"action:{action.pk}",
            detail={"panel": panel.pk, "meeting": meeting.pk if meeting else None},
        )
    return action


def may_update(user: Any, action: Action) -> bool:
    """Whoever runs the panel may update any action; a partner only its own organisation's."""
    if user is None or not user.can(Capability.UPDATE_ACTIONS):
        return False
    if user.can(Capability.MANAGE_PANELS):
        return True
    org_id = getattr(user, "organisation_id", None)
    owner = action.owner_person
    if owner is not None and owner.user_id == user.pk:
        return True
    return org_id is not None and org_id in {
        action.owner_organisation_id,
        owner.organisation_id if owner is not None else None,
    }


def action_update(
    *,
    user: Any,
    action: Action,
    text: str,
    status: str,
    today: date | None = None,
    request: HttpRequest | None = None,
) -> ActionUpdate:
    """Add an update to an action and set its status (closing it dates it; reopening clears that)."""
    require(user, Capability.UPDATE_ACTIONS, "update actions")
    if not may_update(user, action):
        raise PermissionDenied(
            "Only the organisation that owns this action, or the panel's officers, may update it."
        )
    problems: dict[str, str] = {}
    if not text.strip():
        problems["text"] = "Enter the update: what has been done."
    if status not in Action.Status.values:
        problems["status"] = f"Expected one of {', '.join(Action.Status.values)}."
    if problems:
        raise ValidationError(problems)
    day = today or timezone.localdate()
    with transaction.atomic():
        update = ActionUpdate.objects.create(action=action, text=text.strip(), status=status, by=user)
        action.status = status
        action.closed_on = (action.closed_on or day) if status in CLOSED else None
        action.save(update_fields=["status", "closed_on"])
        audited(
            user=user,
            request=request,
            action="panels.action.update",
            target=f"action:{action.pk}",
            detail={"status": status},
        )
    return update


@dataclass
class Reminders:
    emails: int = 0
    actions: int = 0
    unreachable: list[str] = field(default_factory=list)  # owners with no email address


def _owner_key_and_addresses(action: Action) -> tuple[str, str, list[str]]:
    person = action.owner_person
    if person is not None:
        address = person.email or (person.user.email if person.user_id and person.user else "")
        return f"person:{person.pk}", person.name, [address] if address else []
    org = action.owner_organisation
    assert org is not None
    addresses = sorted(
        {
            u.email
            for u in User.objects.filter(organisation=org, is_active=True).exclude(email="")
            if u.can(Capability.UPDATE_ACTIONS)
        }
    )
    return f"organisation:{org.pk}", org.name, addresses


def actions_remind_overdue(*, today: date | None = None) -> Reminders:
    """Email each owner of overdue actions once, listing them; an action is reminded about at most
    once a day (``last_reminded_on``). Owners with no email address are reported, not marked."""
    day = today or timezone.localdate()
    by_owner: dict[str, tuple[str, list[str], list[Action]]] = {}
    for action in action_selectors.actions_to_remind(today=day).select_related("owner_person__user", "panel"):
        key, name, addresses = _owner_key_and_addresses(action)
        by_owner.setdefault(key, (name, addresses, []))[2].append(action)
    done = Reminders()
    for name, addresses, actions in by_owner.values():
        if not addresses:
            done.unreachable.append(name)
            continue
        lines = [
            f"- {a.description} ({a.panel.name}; due {a.due_date:%d %B %Y}, "
            f"{(day - a.due_date).days} days ago)"
            for a in actions
        ]
        count = len(actions)
        send_mail(
            subject=f"{count} overdue panel action{'s' if count != 1 else ''}",
            message=(
                f"Dear {name},\n\nThese actions from the Corporate Parenting Panel are overdue:\n\n"
                + "\n".join(lines)
                + "\n\nPlease add an update in corparent, or tell democratic services when they "
                "will be done.\n"
            ),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=addresses,
        )
        with transaction.atomic():
            Action.objects.filter(pk__in=[a.pk for a in actions]).update(last_reminded_on=day)
        done.emails += 1
        done.actions += count
    return done
