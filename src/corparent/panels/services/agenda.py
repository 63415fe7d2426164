"""Writes to a meeting's agenda: built from the standing items and the work programme when the meeting
is scheduled, then items added, moved and removed, the order kept 1, 2, 3...

Each write is atomic and audited as a change to the panel's governance records."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest

from corparent.accounts.roles import Capability
from corparent.panels.models import AgendaItem, Meeting, WorkProgrammeItem
from corparent.panels.selectors import meetings as meeting_selectors
from corparent.panels.services._common import audited, require
from corparent.panels.services._meeting_base import MANAGE

STANDING_BEFORE = (
    AgendaItem.Kind.APOLOGIES,
    AgendaItem.Kind.DECLARATIONS,
    AgendaItem.Kind.MINUTES,
    AgendaItem.Kind.ACTION_LOG,
    AgendaItem.Kind.SCORECARD,
    AgendaItem.Kind.VOICE,
)
STANDING_AFTER = (AgendaItem.Kind.FWP,)


def _when(meeting: Meeting) -> str:
    d = meeting_selectors.meeting_date(meeting)
    return f"{d.day} {d:%B %Y}"


def _standing_title(kind: AgendaItem.Kind, previous: Meeting | None) -> str:
    if kind == AgendaItem.Kind.MINUTES and previous is not None:
        return f"Minutes of the meeting on {_when(previous)}"
    return str(kind.label)


def _fwp_agenda_item(meeting: Meeting, item: WorkProgrammeItem, order: int) -> AgendaItem:
    return AgendaItem(
        meeting=meeting,
        order=order,
        kind=AgendaItem.Kind.REPORT,
        title=item.title,
        fwp_item=item,
        presenter=item.partner.name if item.partner else "",
    )


def agenda_build(*, meeting: Meeting) -> list[AgendaItem]:
    """The standing items, then the work programme's items planned for this meeting, then the forward
    work programme itself. Replaces nothing: only for a meeting with no agenda yet."""
    if meeting.agenda.exists():
        raise ValidationError({"agenda": "The meeting already has an agenda; edit it instead."})
    previous = meeting_selectors.meeting_previous(meeting=meeting)
    items = [
        AgendaItem(meeting=meeting, order=0, kind=k, title=_standing_title(k, previous))
        for k in STANDING_BEFORE
    ]
    items += [
        _fwp_agenda_item(meeting, i, 0)
        for i in meeting.fwp_items.select_related("partner").order_by("due_date", "title", "id")
    ]
    items += [AgendaItem(meeting=meeting, order=0, kind=k, title=str(k.label)) for k in STANDING_AFTER]
    for number, item in enumerate(items, start=1):
        item.order = number
    return AgendaItem.objects.bulk_create(items)


def _renumber(meeting: Meeting, ordered: list[AgendaItem]) -> None:
    for number, item in enumerate(ordered, start=1):
        if item.order != number:
            item.order = number
            item.save(update_fields=["order"])


def agenda_item_add(
    *,
    user: Any,
    meeting: Meeting,
    title: str,
    kind: str = AgendaItem.Kind.OTHER,
    presenter: str = "",
    fwp_item: WorkProgrammeItem | None = None,
    request: HttpRequest | None = None,
) -> AgendaItem:
    """Add an item at the end of the agenda, before the forward work programme if it is last."""
    require(user, Capability.MANAGE_PANELS, MANAGE)
    if not title.strip():
        raise ValidationError({"title": "Enter the item's title."})
    if kind not in AgendaItem.Kind.values:
        raise ValidationError({"kind": f"Expected one of {', '.join(AgendaItem.Kind.values)}."})
    with transaction.atomic():
        ordered = list(meeting_selectors.agenda(meeting=meeting).select_for_update(of=("self",)))
        position = len(ordered)
        if ordered and ordered[-1].kind == AgendaItem.Kind.FWP:
            position -= 1
        item = AgendaItem.objects.create(
            meeting=meeting,
            order=(ordered[-1].order + 1 if ordered else 1),
            kind=kind,
            title=title.strip(),
            presenter=presenter.strip(),
            fwp_item=fwp_item,
        )
        ordered.insert(position, item)
        _renumber(meeting, ordered)
        audited(
            user=user,
            request=request,
            action="panels.agenda.add",
            target=f"meeting:{meeting.pk}",
            detail={"item": item.pk, "title": item.title},
        )
    return item


def agenda_item_move(
    *, user: Any, item: AgendaItem, direction: str, request: HttpRequest | None = None
) -> list[AgendaItem]:
    """Move an item one place up or down."""
    require(user, Capability.MANAGE_PANELS, MANAGE)
    if direction not in ("up", "down"):
        raise ValidationError({"direction": "Expected up or down."})
    with transaction.atomic():
        ordered = list(meeting_selectors.agenda(meeting=item.meeting).select_for_update(of=("self",)))
        at = next(i for i, x in enumerate(ordered) if x.pk == item.pk)
        to = at - 1 if direction == "up" else at + 1
        if 0 <= to < len(ordered):
            ordered[at], ordered[to] = ordered[to], ordered[at]
            _renumber(item.meeting, ordered)
            audited(
                user=user,
                request=request,
                action="panels.agenda.move",
                target=f"meeting:{item.meeting_id}",
                detail={"item": item.pk, "direction": direction},
            )
    return ordered


def agenda_item_remove(*, user: Any, item: AgendaItem, request: HttpRequest | None = None) -> None:
    require(user, Capability.MANAGE_PANELS, MANAGE)
    meeting = item.meeting
    with transaction.atomic():
        audited(
            user=user,
            request=request,
            action="panels.agenda.remove",
            target=f"meeting:{meeting.pk}",
            detail={"item": item.pk, "title": item.title},
        )
        item.delete()
        _renumber(meeting, list(meeting_selectors.agenda(meeting=meeting).select_for_update(of=("self",))))
