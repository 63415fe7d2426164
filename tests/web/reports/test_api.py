"""The pack as JSON through the API: the same sections as the PDF and the Word file, for every role
that may see the panel; refused without signing in; 404 for an unknown meeting."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from corparent.accounts.roles import Role
from tests.web.api_schema import schema_without_warnings

from .conftest import PackWorld

pytestmark = pytest.mark.django_db


def url(meeting_id: int) -> str:
    return f"/api/v1/meetings/{meeting_id}/pack/"


def test_every_role_reads_the_pack_as_json(client_for: Callable[[Role], Client], world: PackWorld) -> None:
    for role in Role:
        response = client_for(role).get(url(world.meeting.pk))
        assert response.status_code == 200, role

    data = response.json()
    assert data["title"] == "Corporate Parenting Panel, 12 March 2026: meeting pack"
    assert data["language"] == "en-GB"
    assert data["pdf_url"].endswith(f"/reports/meetings/{world.meeting.pk}/pack.pdf")
    assert data["docx_url"].endswith(f"/reports/meetings/{world.meeting.pk}/pack.docx")
    assert [s["heading"] for s in data["sections"]][3] == "Action log"
    (log,) = data["sections"][3]["blocks"][1:]
    assert log["kind"] == "table"
    assert log["headers"] == ["No.", "Action", "Owner", "Due", "Status", "Latest update"]
    assert log["rows"][0][4] == "Open: overdue (was due 1 February 2026)"


def test_the_pack_api_needs_a_sign_in(world: PackWorld) -> None:
    response = Client().get(url(world.meeting.pk))

    assert response.status_code in (401, 403)
    assert "Action log" not in response.content.decode()


def test_an_unknown_meetings_pack_is_not_found(client_for: Callable[[Role], Client]) -> None:
    assert client_for(Role.OFFICER).get(url(999_999)).status_code == 404


def test_the_pack_endpoint_makes_a_schema_without_warnings() -> None:
    from corparent.reports.api import api_patterns

    schema = schema_without_warnings(api_patterns, "reports")
    assert "/api/v1/meetings/{meeting_id}/pack/" in schema["paths"]
