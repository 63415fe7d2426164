"""Writes to the record of a meeting: who attended (and for whom they substituted), and the minute
and resolution of each agenda item.

Each write is atomic and audited as a change to the panel's governance records."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest

from corparent.accounts.roles import Capability
from corparent.panels.models import AgendaItem, Attendance, Meeting, Minute, Person
from corparent.panels.selectors import meetings as meeting_selectors
from corparent.panels.services._common import audited, require
from corparent.panels.services._meeting_base import MANAGE


def attendance_record(
    *,
    user: Any,
    meeting: Meeting,
    entries: list[tuple[Person, str, Person | None]],
    request: HttpRequest | None = None,
) -> list[Attendance]:
    """Record attendance: (person, status, substitute for) each; an empty status clears a person's
    row. Someone can substitute only for a seat-holder on the panel on the meeting's date."""
    require(user, Capability.MANAGE_PANELS, MANAGE)
    day = meeting_selectors.meeting_date(meeting)
    seated = {m.person_id for m in meeting_selectors.memberships_on(panel=meeting.panel, on=day)}
    problems: list[str] = []
    for person, status, substitute_for in entries:
        if status and status not in Attendance.Status.values:
            problems.append(f"{person.name}: expected present, apologies or absent, not {status!r}")
        if substitute_for is not None:
            if substitute_for.pk not in seated:
                problems.append(f"{person.name}: {substitute_for.name} does not sit on the panel")
            if substitute_for.pk == person.pk:
                problems.append(f"{person.name}: cannot substitute for themselves")
            if status != Attendance.Status.PRESENT:
                problems.append(f"{person.name}: a substitute must be present")
    if problems:
        raise ValidationError({"attendance": problems})
    saved: list[Attendance] = []
    with transaction.atomic():
        for person, status, substitute_for in entries:
            if not status:
                Attendance.objects.filter(meeting=meeting, person=person).delete()
                continue
            row, _ = Attendance.objects.update_or_create(
                meeting=meeting,
                person=person,
                defaults={"status": status, "substitute_for": substitute_for},
            )
            saved.append(row)
        audited(
            user=user,
            request=request,
            action="panels.attendance.record",
            target=f"meeting:{meeting.pk}",
            detail={"recorded": {str(p.pk): s for p, s, _ in entries}},
        )
    return saved


def minute_record(
    *,
    user: Any,
    meeting: Meeting,
    agenda_item: AgendaItem | None,
    text: str,
    resolution: str = "",
    request: HttpRequest | None = None,
) -> Minute:
    """Write (or rewrite) the minute of an agenda item, with what the panel resolved."""
    require(user, Capability.MANAGE_PANELS, MANAGE)
    if not text.strip():
        raise ValidationError({"text": "Enter the minute: what was discussed."})
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise ValidationError({"agenda_item": "That agenda item belongs to another meeting."})
    with transaction.atomic():
        existing = (
            Minute.objects.filter(meeting=meeting, agenda_item=agenda_item).first()
            if agenda_item is not None
            else None
        )
        if existing is not None:
            existing.text, existing.resolution = text.strip(), resolution.strip()
            existing.save(update_fields=["text", "resolution"])
            minute = existing
        else:
            minute = Minute.objects.create(
                meeting=meeting, agenda_item=agenda_item, text=text.strip(), resolution=resolution.strip()
            )
        audited(
            user=user,
            request=request,
            action="panels.minute.record",
            target=f"meeting:{meeting.pk}",
            detail={"minute": minute.pk, "agenda_item": agenda_item.pk if agenda_item else None},
        )
    return minute


def minutes_record(
    *,
    user: Any,
    meeting: Meeting,
    entries: list[tuple[AgendaItem, str, str]],
    request: HttpRequest | None = None,
) -> list[Minute]:
    """Write the minutes of a meeting, item by item (minute, resolution); an item left blank has no
    minute. A resolution needs its minute. All or nothing."""
    problems = [
        f"{item.order}. {item.title}: a resolution needs a minute of the discussion"
        for item, text, resolution in entries
        if resolution.strip() and not text.strip()
    ]
    if problems:
        raise ValidationError({"minutes": problems})
    saved: list[Minute] = []
    with transaction.atomic():
        for item, text, resolution in entries:
            if text.strip():
                saved.append(
                    minute_record(
                        user=user,
                        meeting=meeting,
                        agenda_item=item,
                        text=text,
                        resolution=resolution,
                        request=request,
                    )
                )
            else:
                require(user, Capability.MANAGE_PANELS, MANAGE)
                Minute.objects.filter(meeting=meeting, agenda_item=item).delete()
    return saved
