"""Writes for meetings: scheduling (with the agenda built) and status, here; the agenda, papers and
the frozen scorecard, attendance and minutes in their own modules (agenda, papers, minutes), whose
services are importable from here too.

Each write is atomic and audited as a change to the panel's governance records."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from corparent.accounts.roles import Capability
from corparent.panels.models import Meeting, Panel
from corparent.panels.services._common import audited, require
from corparent.panels.services._meeting_base import MANAGE
from corparent.panels.services.agenda import (
    STANDING_AFTER,
    STANDING_BEFORE,
    agenda_build,
    agenda_item_add,
    agenda_item_move,
    agenda_item_remove,
)
from corparent.panels.services.minutes import attendance_record, minute_record, minutes_record
from corparent.panels.services.papers import PAPER_LIMIT, PAPER_TYPES, paper_attach, scorecard_freeze

__all__ = [
    "MANAGE",
    "PAPER_LIMIT",
    "PAPER_TYPES",
    "STANDING_AFTER",
    "STANDING_BEFORE",
    "agenda_build",
    "agenda_item_add",
    "agenda_item_move",
    "agenda_item_remove",
    "attendance_record",
    "meeting_schedule",
    "meeting_status_set",
    "minute_record",
    "minutes_record",
    "paper_attach",
    "scorecard_freeze",
]


def meeting_schedule(
    *,
    user: Any,
    panel: Panel,
    starts_at: datetime,
    location: str = "",
    request: HttpRequest | None = None,
) -> Meeting:
    """Schedule a meeting and build its agenda."""
    require(user, Capability.MANAGE_PANELS, MANAGE)
    if timezone.is_naive(starts_at):
        starts_at = timezone.make_aware(starts_at)
    if Meeting.objects.filter(panel=panel, starts_at=starts_at).exists():
        raise ValidationError({"starts_at": "The panel already has a meeting at that date and time."})
    with transaction.atomic():
        meeting = Meeting.objects.create(panel=panel, starts_at=starts_at, location=location.strip())
        agenda_build(meeting=meeting)
        audited(
            user=user,
            request=request,
            action="panels.meeting.schedule",
            target=f"meeting:{meeting.pk}",
            detail={"panel": panel.pk, "starts_at": starts_at.isoformat()},
        )
    return meeting


def meeting_status_set(
    *, user: Any, meeting: Meeting, status: str, request: HttpRequest | None = None
) -> Meeting:
    require(user, Capability.MANAGE_PANELS, MANAGE)
    if status not in Meeting.Status.values:
        raise ValidationError({"status": f"Expected one of {', '.join(Meeting.Status.values)}."})
    with transaction.atomic():
        meeting.status = status
        meeting.save(update_fields=["status"])
        audited(
            user=user,
            request=request,
            action="panels.meeting.status",
            target=f"meeting:{meeting.pk}",
            detail={"status": status},
        )
    return meeting
