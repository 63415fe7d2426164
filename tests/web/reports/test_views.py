"""Downloading a meeting's pack: anyone who may see the panel may (its figures are suppressed as for
members); a visitor who has not signed in is sent to sign in; an unknown meeting is a 404."""

from __future__ import annotations

import io
from collections.abc import Callable

import docx
import pytest
from django.test import Client
from django.urls import reverse

from corparent.accounts.roles import Role
from corparent.panels.models import Meeting, Panel

from .conftest import PackWorld, at

pytestmark = pytest.mark.django_db

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def bare_meeting(db: None) -> Meeting:
    """A meeting with nothing recorded yet: the quickest pack to make, once per role."""
    panel = Panel.objects.create(name="Corporate Parenting Panel")
    return Meeting.objects.create(panel=panel, starts_at=at(2026, 3, 12), location="Town Hall")


@pytest.mark.parametrize("role", list(Role))
def test_every_role_may_download_the_pack_in_both_formats(
    client_for: Callable[[Role], Client], bare_meeting: Meeting, role: Role
) -> None:
    client = client_for(role)

    pdf = client.get(reverse("reports:pack_pdf", kwargs={"meeting_id": bare_meeting.pk}))
    word = client.get(reverse("reports:pack_docx", kwargs={"meeting_id": bare_meeting.pk}))

    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"] == (
        'attachment; filename="corporate-parenting-panel-2026-03-12-pack.pdf"'
    )
    assert pdf.content.startswith(b"%PDF-")
    assert word.status_code == 200
    assert word["Content-Type"] == DOCX_TYPE
    assert word["Content-Disposition"].endswith('-pack.docx"')
    assert docx.Document(io.BytesIO(word.content)).core_properties.title == (
        "Corporate Parenting Panel, 12 March 2026: meeting pack"
    )


@pytest.mark.parametrize("name", ["reports:pack_pdf", "reports:pack_docx"])
def test_a_visitor_who_has_not_signed_in_is_sent_to_sign_in(bare_meeting: Meeting, name: str) -> None:
    url = reverse(name, kwargs={"meeting_id": bare_meeting.pk})

    response = Client().get(url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("name", ["reports:pack_pdf", "reports:pack_docx"])
def test_an_unknown_meeting_is_not_found(client_for: Callable[[Role], Client], name: str) -> None:
    response = client_for(Role.MEMBER).get(reverse(name, kwargs={"meeting_id": 999_999}))

    assert response.status_code == 404


def test_the_downloaded_pack_is_the_meetings_pack(
    client_for: Callable[[Role], Client], world: PackWorld
) -> None:
    response = client_for(Role.PARTNER).get(
        reverse("reports:pack_docx", kwargs={"meeting_id": world.meeting.pk})
    )

    text = "\n".join(
        c.text for t in docx.Document(io.BytesIO(response.content)).tables for r in t.rows for c in r.cells
    )
    assert "Open: overdue (was due 1 February 2026)" in text
    assert "hidden" in text
