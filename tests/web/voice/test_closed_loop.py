"""The closed loop, end to end through the pages: a young person raises an issue at a forum session,
the participation worker answers and publishes it, it is on "you said, we did", and the panel pack
for the next meeting shows it in its voice summary (and in the PDF and DOCX). An issue answered
before the previous meeting is not repeated."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from datetime import datetime, time, timedelta

import pypdfium2 as pdfium
import pytest
from django.test import Client
from django.utils import timezone

from corparent.accounts.models import User
from corparent.accounts.roles import Role
from corparent.panels.models import Meeting, Panel
from corparent.reports.pack import panel_pack
from corparent.voice import services
from corparent.voice.models import Issue

from .conftest import VoiceWorld

pytestmark = pytest.mark.django_db


def _at(day: object) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(18)))  # type: ignore[arg-type]


def test_an_issue_raised_answered_and_published_reaches_the_panel_pack(
    voice: VoiceWorld, client_for: Callable[[Role], Client], people: dict[Role, User]
) -> None:
    today = timezone.localdate()
    panel = Panel.objects.create(name="Corporate Parenting Panel")
    Meeting.objects.create(panel=panel, starts_at=_at(today - timedelta(days=30)), status="held")
    meeting = Meeting.objects.create(panel=panel, starts_at=_at(today + timedelta(days=7)))
    old = services.issue_raise(user=people[Role.OFFICER], session=voice.session, you_said="Bus passes")
    services.issue_answer(
        user=people[Role.OFFICER],
        issue=old,
        owner="Transport",
        status="done",
        we_did="Free bus passes",
        publish=True,
        on=today - timedelta(days=40),
    )

    # Given a young person at the forum's session, when they raise an issue
    young = client_for(Role.YOUNG_PERSON)
    young.post(f"/voice/sessions/{voice.session.pk}/", {"you_said": "We want wifi in every home"})
    issue = Issue.objects.get(you_said="We want wifi in every home")
    # and the participation worker answers and publishes it
    client_for(Role.OFFICER).post(
        f"/voice/issues/{issue.pk}/answer/",
        {
            "owner": "Residential homes",
            "status": "done",
            "we_did": "Wifi is fitted in all five homes",
            "publish": "on",
        },
    )

    # Then it is on "you said, we did" for young people
    page = young.get("/voice/you-said-we-did/").content.decode()
    assert "We want wifi in every home" in page and "Wifi is fitted in all five homes" in page

    # And the pack's voice summary has it, and not the issue answered before the previous meeting
    voice_section = next(s for s in panel_pack(meeting=meeting).sections if s.heading.startswith("Voice"))
    (said,) = [sub for sub in voice_section.subsections if sub.heading == "You said, we did"]
    (table,) = said.blocks
    assert [row[2:] for row in table.rows] == [
        ("We want wifi in every home", "Wifi is fitted in all five homes", "Done")
    ]

    # And so do the PDF and the DOCX a member downloads
    member = client_for(Role.MEMBER)
    docx = member.get(f"/reports/meetings/{meeting.pk}/pack.docx")
    assert docx.status_code == 200
    xml = zipfile.ZipFile(io.BytesIO(docx.content)).read("word/document.xml").decode()
    assert "Wifi is fitted in all five homes" in xml and "Free bus passes" not in xml
    pdf = member.get(f"/reports/meetings/{meeting.pk}/pack.pdf")
    assert pdf.status_code == 200
    text = " ".join(
        " ".join(p.get_textpage().get_text_range().split()) for p in pdfium.PdfDocument(pdf.content)
    )
    assert "We want wifi in every home" in text and "Free bus passes" not in text
