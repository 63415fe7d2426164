"""Reads for the panel pack, straight from the panels models (aggregates and governance records only:
nothing here is child-level).

Every date rule the pack relies on is here, stated once:
- the previous meeting is the panel's latest meeting before this one that was not cancelled;
- the membership is the seats held on the meeting's date (vacant seats included);
- the action log is every action not done or dropped, raised up to this meeting, and the actions
  closed since the previous meeting (closed after it, up to this meeting's date);
- an action is overdue when it is still open on the meeting's date and its due date is earlier.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from corparent.panels.models import (
    Action,
    AgendaItem,
    Attendance,
    Meeting,
    Membership,
    Minute,
    Panel,
    PartnerReport,
    WorkProgrammeItem,
)

OPEN_STATUSES = (Action.Status.OPEN, Action.Status.IN_PROGRESS)
VOICE_THEME = "voice"


def meeting_get(*, meeting_id: int) -> Meeting | None:
    return Meeting.objects.select_related("panel", "snapshot").filter(pk=meeting_id).first()


def meeting_date(meeting: Meeting) -> date:
    return timezone.localtime(meeting.starts_at).date()


def previous_meeting(*, meeting: Meeting) -> Meeting | None:
    return (
        Meeting.objects.filter(panel=meeting.panel, starts_at__lt=meeting.starts_at)
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("-starts_at", "-id")
        .first()
    )


def membership_on(*, panel: Panel, on: date) -> QuerySet[Membership]:
    """The seats on the panel on a date (a meeting's, or a year's last day), vacancies included."""
    return (
        Membership.objects.filter(panel=panel, start_date__lte=on)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=on))
        .select_related("person", "person__organisation", "political_group", "person__political_group")
    )


def agenda(*, meeting: Meeting) -> QuerySet[AgendaItem]:
    return meeting.agenda.select_related("fwp_item", "fwp_item__partner").order_by("order", "id")


def minutes(*, meeting: Meeting) -> QuerySet[Minute]:
    return meeting.minutes.select_related("agenda_item").order_by("agenda_item__order", "id")


def attendance(*, meeting: Meeting) -> QuerySet[Attendance]:
    return meeting.attendance.select_related("person", "substitute_for").order_by("person__name")


def action_log(*, meeting: Meeting, previous: Meeting | None) -> QuerySet[Action]:
    """Open actions raised up to this meeting, and those closed since the previous meeting."""
    on = meeting_date(meeting)
    raised_by_now = Q(raised_at__isnull=True) | Q(raised_at__starts_at__lte=meeting.starts_at)
    still_open = Q(status__in=OPEN_STATUSES)
    closed_since = Q(pk__in=[])
    if previous is not None:
        closed_since = (
            ~Q(status__in=OPEN_STATUSES) & Q(closed_on__gt=meeting_date(previous)) & Q(closed_on__lte=on)
        )
    return (
        Action.objects.filter(panel=meeting.panel)
        .filter(raised_by_now)
        .filter(still_open | closed_since)
        .select_related("owner_person", "owner_organisation", "raised_at")
        .prefetch_related("updates")
        .order_by("due_date", "id")
    )


def is_overdue(action: Action, *, on: date) -> bool:
    return action.status in OPEN_STATUSES and action.due_date < on


def work_programme(*, meeting: Meeting) -> QuerySet[WorkProgrammeItem]:
    """The panel's programme still to come, and what is presented at this meeting."""
    return (
        WorkProgrammeItem.objects.filter(panel=meeting.panel)
        .filter(~Q(status=WorkProgrammeItem.Status.PRESENTED) | Q(meeting=meeting))
        .select_related("partner", "meeting")
        .order_by("due_date", "title", "id")
    )


def reports_for(*, meeting: Meeting) -> QuerySet[PartnerReport]:
    """Partners' reports for the work programme items taken at this meeting."""
    return (
        PartnerReport.objects.filter(item__meeting=meeting)
        .select_related("organisation", "item")
        .order_by("submitted_at", "id")
    )


def voice_minutes(*, meeting: Meeting) -> QuerySet[Minute]:
    return minutes(meeting=meeting).filter(agenda_item__kind=AgendaItem.Kind.VOICE)


def voice_reports(*, meeting: Meeting, previous: Meeting | None) -> QuerySet[PartnerReport]:
    """Reports on "voice" work programme items: those taken at this meeting, and those not tied to a
    meeting that were submitted since the previous one."""
    unscheduled = Q(item__meeting__isnull=True, submitted_at__lte=meeting.starts_at)
    if previous is not None:
        unscheduled &= Q(submitted_at__gt=previous.starts_at)
    return (
        PartnerReport.objects.filter(item__panel=meeting.panel, item__theme__iexact=VOICE_THEME)
        .filter(Q(item__meeting=meeting) | unscheduled)
        .select_related("organisation", "item")
        .order_by("submitted_at", "id")
    )


def voice_you_said_we_did(*, meeting: Meeting, previous: Meeting | None) -> list[Any]:
    """The "you said, we did" items published and answered since the previous meeting (after its
    date, up to this meeting's date), from the voice app; all of them when there is no previous one."""
    from corparent.voice.selectors import issues_answered_between

    after = meeting_date(previous) if previous is not None else None
    return list(issues_answered_between(after=after, until=meeting_date(meeting)))
