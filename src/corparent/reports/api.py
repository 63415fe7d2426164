"""The reports API: a meeting's panel pack as JSON (the same sections, tables and paragraphs as the
PDF and the Word file, for a committee system to import), with links to both downloads. Anyone who
may see the panel may read it: its figures are suppressed as members see them."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.urls import path, reverse
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from corparent.accounts.permissions import HasCapability
from corparent.accounts.roles import Capability
from corparent.reports import selectors
from corparent.reports.document import Chart, Document, Paragraph, Section, Table
from corparent.reports.pack import panel_pack


class PackSerializer(serializers.Serializer):
    title = serializers.CharField()
    author = serializers.CharField()
    subject = serializers.CharField()
    language = serializers.CharField()
    pdf_url = serializers.CharField(help_text="the pack as a tagged A4 PDF")
    docx_url = serializers.CharField(help_text="the pack as a Word document")
    sections = serializers.ListField(
        child=serializers.DictField(),
        help_text="each with heading, level, blocks (paragraph, table or chart) and subsections",
    )


def _block(block: Paragraph | Table | Chart) -> dict[str, Any]:
    if isinstance(block, Paragraph):
        return {"kind": block.kind, "label": block.label, "text": block.text}
    if isinstance(block, Table):
        return {
            "kind": block.kind,
            "caption": block.caption,
            "headers": list(block.headers),
            "rows": [list(r) for r in block.rows],
        }
    return {"kind": block.kind, "caption": block.caption, "alt": block.alt, "svg": block.svg}


def _section(section: Section) -> dict[str, Any]:
    return {
        "heading": section.heading,
        "level": section.level,
        "blocks": [_block(b) for b in section.blocks],
        "subsections": [_section(s) for s in section.subsections],
    }


def pack_data(document: Document, *, meeting_id: int, request: Request) -> dict[str, Any]:
    return {
        "title": document.title,
        "author": document.author,
        "subject": document.subject,
        "language": document.language,
        "pdf_url": request.build_absolute_uri(reverse("reports:pack_pdf", args=[meeting_id])),
        "docx_url": request.build_absolute_uri(reverse("reports:pack_docx", args=[meeting_id])),
        "sections": [_section(s) for s in document.sections],
    }


class MeetingPack(APIView):
    """A meeting's panel pack: cover and membership, agenda, previous minutes, action log,
    scorecard, forward work programme, voice summary and the terms it uses."""

    permission_classes = [IsAuthenticated, HasCapability]
    required_capability = Capability.VIEW_PANELS

    @extend_schema(responses=PackSerializer)
    def get(self, request: Request, meeting_id: int) -> Response:
        meeting = selectors.meeting_get(meeting_id=meeting_id)
        if meeting is None:
            raise Http404("There is no meeting with that number.")
        return Response(pack_data(panel_pack(meeting=meeting), meeting_id=meeting.pk, request=request))


api_patterns = [
    path("meetings/<int:meeting_id>/pack/", MeetingPack.as_view(), name="meeting-pack"),
]
