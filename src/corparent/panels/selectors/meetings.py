"""Reads for meetings: who sits on the panel on a date, the terms of reference in force, quorum, the
meeting before and after, and the agenda with what each standing item carries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet
from django.utils import timezone

from corparent.panels.models import (
    AgendaItem,
    Attendance,
    Meeting,
    Membership,
    Minute,
    Panel,
    Paper,
    TermsOfReference,
)


def panel_list() -> QuerySet[Panel]:
    return Panel.objects.order_by("name")


def panel_get(*, panel_id: int) -> Panel:
    return Panel.objects.get(pk=panel_id)


def meeting_date(meeting: Meeting) -> date:
    """The meeting's date in the council's time zone."""
    return timezone.localtime(meeting.starts_at).date()


def meeting_list(*, panel: Panel) -> QuerySet[Meeting]:
    return Meeting.objects.filter(panel=panel).order_by("-starts_at")


def meeting_get(*, meeting_id: int) -> Meeting:
    return Meeting.objects.select_related("panel", "snapshot").get(pk=meeting_id)


def meeting_previous(*, meeting: Meeting) -> Meeting | None:
    """The panel's last meeting before this one that was not cancelled."""
    return (
        Meeting.objects.filter(panel=meeting.panel, starts_at__lt=meeting.starts_at)
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("-starts_at")
        .first()
    )


def meeting_next(*, panel: Panel, after: date | None = None) -> Meeting | None:
    """The panel's next scheduled meeting (on or after ``after``, default today)."""
    day = after or timezone.localdate()
    return (
        Meeting.objects.filter(panel=panel, status=Meeting.Status.SCHEDULED, starts_at__date__gte=day)
        .order_by("starts_at")
        .first()
    )


def terms_in_force(*, panel: Panel, on: date) -> TermsOfReference | None:
    """The latest approved version of the terms of reference on a date (else the latest version)."""
    approved = (
        TermsOfReference.objects.filter(panel=panel, approved_on__isnull=False, approved_on__lte=on)
        .order_by("-version")
        .first()
    )
    return approved or TermsOfReference.objects.filter(panel=panel).order_by("-version").first()


def memberships_on(*, panel: Panel, on: date) -> QuerySet[Membership]:
    """Seats held on a date (vacancies, with no person, left out)."""
    return (
        Membership.objects.filter(panel=panel, person__isnull=False, start_date__lte=on)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=on))
        .select_related("person", "person__political_group", "person__organisation", "political_group")
        .order_by("role", "person__name")
    )


def agenda(*, meeting: Meeting) -> QuerySet[AgendaItem]:
    return AgendaItem.objects.filter(meeting=meeting).select_related("fwp_item").order_by("order", "id")


def attendance(*, meeting: Meeting) -> dict[int, Attendance]:
    """The meeting's attendance by person id."""
    rows = Attendance.objects.filter(meeting=meeting).select_related("person", "substitute_for")
    return {a.person_id: a for a in rows}


@dataclass(frozen=True)
class Quorum:
    needed: int | None  # None: no terms of reference say
    voting_present: int

    @property
    def known(self) -> bool:
        return self.needed is not None

    @property
    def quorate(self) -> bool:
        return self.needed is not None and self.voting_present >= self.needed


def quorum(*, meeting: Meeting) -> Quorum:
    """Voting members present (a substitute present for a voting member counts) against the quorum of
    the terms of reference in force on the meeting's date."""
    day = meeting_date(meeting)
    terms = terms_in_force(panel=meeting.panel, on=day)
    voting = {m.person_id for m in memberships_on(panel=meeting.panel, on=day) if m.voting}
    present = 0
    for row in Attendance.objects.filter(meeting=meeting, status=Attendance.Status.PRESENT):
        if row.person_id in voting or (row.substitute_for_id is not None and row.substitute_for_id in voting):
            present += 1
    return Quorum(needed=terms.quorum if terms else None, voting_present=present)


def minutes(*, meeting: Meeting) -> QuerySet[Minute]:
    return Minute.objects.filter(meeting=meeting).select_related("agenda_item")


def papers(*, meeting: Meeting) -> QuerySet[Paper]:
    return Paper.objects.filter(meeting=meeting).select_related("agenda_item").order_by("uploaded_at", "id")


def paper_get(*, meeting: Meeting, paper_id: int) -> Paper:
    return Paper.objects.get(meeting=meeting, pk=paper_id)
