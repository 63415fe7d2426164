"""Download a meeting's panel pack as PDF or Word. The figures in it are aggregates suppressed as
members see them, so everyone who may see the panel may download its pack."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse

from corparent.accounts.permissions import capability_required
from corparent.accounts.roles import Capability
from corparent.panels.models import Meeting
from corparent.panels.selectors.effectiveness import PanelYear, panel_years
from corparent.panels.views._shared import panel_or_404
from corparent.reports import selectors
from corparent.reports.annual import annual_report
from corparent.reports.document import Document
from corparent.reports.docx import pack_docx as render_docx
from corparent.reports.pack import panel_pack
from corparent.reports.pdf import pack_pdf as render_pdf

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _meeting(meeting_id: int) -> Meeting:
    meeting = selectors.meeting_get(meeting_id=meeting_id)
    if meeting is None:
        raise Http404("There is no meeting with that number.")
    return meeting


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@capability_required(Capability.VIEW_PANELS)
def pack_pdf(request: HttpRequest, meeting_id: int) -> HttpResponse:
    document = panel_pack(meeting=_meeting(meeting_id))
    return _download(render_pdf(document), "application/pdf", f"{document.file_stem}.pdf")


@capability_required(Capability.VIEW_PANELS)
def pack_docx(request: HttpRequest, meeting_id: int) -> HttpResponse:
    document = panel_pack(meeting=_meeting(meeting_id))
    return _download(render_docx(document), DOCX_TYPE, f"{document.file_stem}.docx")


def _annual(panel_id: int, start_year: int) -> Document:
    panel = panel_or_404(panel_id)
    year = PanelYear(start_year)
    if year not in panel_years(panel=panel):
        raise Http404("The panel has no meetings in that year.")
    return annual_report(panel=panel, year=year)


@capability_required(Capability.VIEW_PANELS)
def annual_pdf(request: HttpRequest, panel_id: int, year: int) -> HttpResponse:
    document = _annual(panel_id, year)
    return _download(render_pdf(document), "application/pdf", f"{document.file_stem}.pdf")


@capability_required(Capability.VIEW_PANELS)
def annual_docx(request: HttpRequest, panel_id: int, year: int) -> HttpResponse:
    document = _annual(panel_id, year)
    return _download(render_docx(document), DOCX_TYPE, f"{document.file_stem}.docx")
