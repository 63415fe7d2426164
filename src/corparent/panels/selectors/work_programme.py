"""Reads for the forward work programme and partners' reports."""

from __future__ import annotations

from django.db.models import QuerySet

from corparent.accounts.models import Organisation
from corparent.panels.models import Meeting, Panel, PartnerReport, WorkProgrammeItem


def _items() -> QuerySet[WorkProgrammeItem]:
    return WorkProgrammeItem.objects.select_related("partner", "meeting", "panel")


def fwp_list(*, panel: Panel) -> QuerySet[WorkProgrammeItem]:
    return _items().filter(panel=panel).order_by("due_date", "title", "id")


def fwp_item_get(*, item_id: int) -> WorkProgrammeItem:
    return _items().get(pk=item_id)


def fwp_for_meeting(*, meeting: Meeting) -> QuerySet[WorkProgrammeItem]:
    return _items().filter(meeting=meeting).order_by("due_date", "title", "id")


def fwp_asked_of(*, organisation: Organisation) -> QuerySet[WorkProgrammeItem]:
    """What the work programme asks of a partner organisation."""
    return _items().filter(partner=organisation).order_by("due_date", "title", "id")


def reports_for(*, item: WorkProgrammeItem) -> QuerySet[PartnerReport]:
    return (
        PartnerReport.objects.filter(item=item)
        .select_related("organisation", "submitted_by")
        .order_by("-submitted_at", "-id")
    )


def report_get(*, item: WorkProgrammeItem, report_id: int) -> PartnerReport:
    return reports_for(item=item).get(pk=report_id)
