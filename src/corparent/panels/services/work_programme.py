"""Writes for the forward work programme: themed items asked of partners, and the partners' reports
submitted in the app (which move an item to "report received")."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest

from corparent.accounts.models import Organisation
from corparent.accounts.roles import Capability
from corparent.panels.models import AgendaItem, Meeting, Panel, PartnerReport, WorkProgrammeItem
from corparent.panels.services._common import audited, require

THEMES = (
    "Housing",
    "Mental health",
    "Transitions to adulthood",
    "Leisure and culture",
    "Health",
    "Education",
    "Employment and training",
    "Community safety",
    "Participation and voice",
    "Placements and sufficiency",
)


def _check(panel: Panel, theme: str, title: str, meeting: Meeting | None, status: str) -> None:
    problems: dict[str, str] = {}
    if not theme.strip():
        problems["theme"] = "Choose the theme."
    if not title.strip():
        problems["title"] = "Enter what the panel wants to look at."
    if meeting is not None and meeting.panel_id != panel.pk:
        problems["meeting"] = "That meeting is another panel's."
    if status not in WorkProgrammeItem.Status.values:
        problems["status"] = f"Expected one of {', '.join(WorkProgrammeItem.Status.values)}."
    if problems:
        raise ValidationError(problems)


def _on_agenda(item: WorkProgrammeItem) -> None:
    """A scheduled meeting's agenda gets the item (before the forward work programme) once."""
    meeting = item.meeting
    if meeting is None or meeting.status != Meeting.Status.SCHEDULED or not meeting.agenda.exists():
        return
    if meeting.agenda.filter(fwp_item=item).exists():
        return
    ordered = list(meeting.agenda.order_by("order", "id"))
    position = len(ordered) - (1 if ordered and ordered[-1].kind == AgendaItem.Kind.FWP else 0)
    new = AgendaItem.objects.create(
        meeting=meeting,
        order=len(ordered) + 1,
        kind=AgendaItem.Kind.REPORT,
        title=item.title,
        fwp_item=item,
        presenter=item.partner.name if item.partner else "",
    )
    ordered.insert(position, new)
    for number, row in enumerate(ordered, start=1):
        if row.order != number:
            row.order = number
            row.save(update_fields=["order"])


def fwp_item_save(
    *,
    user: Any,
    panel: Panel,
    theme: str,
    title: str,
    partner: Organisation | None = None,
    meeting: Meeting | None = None,
    due_date: date | None = None,
    status: str | None = None,
    item: WorkProgrammeItem | None = None,
    request: HttpRequest | None = None,
) -> WorkProgrammeItem:
    """Add an item to the forward work programme, or change one (``item``). An item asked of a partner
    starts as "report requested"; one planned for a scheduled meeting joins its agenda."""
    require(user, Capability.MANAGE_PANELS, "plan the forward work programme")
    if status is None:
        status = (
            item.status
            if item is not None
            else (WorkProgrammeItem.Status.REQUESTED if partner else WorkProgrammeItem.Status.PLANNED)
        )
    _check(panel, theme, title, meeting, status)
    with transaction.atomic():
        row = item or WorkProgrammeItem(panel=panel)
        row.theme, row.title, row.partner = theme.strip(), title.strip(), partner
        row.meeting, row.due_date, row.status = meeting, due_date, status
        row.save()
        _on_agenda(row)
        audited(
            user=user,
            request=request,
            action="panels.fwp.change" if item is not None else "panels.fwp.add",
            target=f"fwp:{row.pk}",
            detail={"status": status, "partner": partner.pk if partner else None},
        )
    return row


def may_submit(user: Any, item: WorkProgrammeItem) -> bool:
    if user is None or not user.can(Capability.SUBMIT_PARTNER_REPORTS):
        return False
    if user.can(Capability.MANAGE_PANELS):
        return True
    return item.partner_id is not None and item.partner_id == user.organisation_id


def partner_report_submit(
    *,
    user: Any,
    item: WorkProgrammeItem,
    title: str,
    summary: str,
    body: str = "",
    request: HttpRequest | None = None,
) -> PartnerReport:
    """A partner submits the report the work programme asked of it; the item becomes "received"."""
    require(user, Capability.SUBMIT_PARTNER_REPORTS, "submit reports")
    if not may_submit(user, item):
        raise PermissionDenied("This report was asked of another organisation.")
    organisation = item.partner or user.organisation
    problems: dict[str, str] = {}
    if not title.strip():
        problems["title"] = "Enter the report's title."
    if not summary.strip():
        problems["summary"] = "Enter a summary for the panel: what it should know, in a few sentences."
    if organisation is None:
        problems["title"] = "The item asks no partner for a report, and you belong to no organisation."
    if item.status in (WorkProgrammeItem.Status.PRESENTED,):
        problems["summary"] = "The item has been presented to the panel already."
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        report = PartnerReport.objects.create(
            item=item,
            organisation=organisation,
            title=title.strip(),
            summary=summary.strip(),
            body=body.strip(),
            submitted_by=user,
        )
        item.status = WorkProgrammeItem.Status.RECEIVED
        item.save(update_fields=["status"])
        audited(
            user=user,
            request=request,
            action="panels.report.submit",
            target=f"fwp:{item.pk}",
            detail={"report": report.pk},
        )
    return report
