"""The meeting pages and API, as every role: who may open what, who may change what (a partner only
its own organisation's actions and reports), and bad input answered with a 4xx that changes nothing."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from corparent.accounts.models import AuditEvent
from corparent.accounts.roles import Capability, Role, can
from corparent.panels.models import (
    Action,
    ActionUpdate,
    Attendance,
    Meeting,
    PartnerReport,
    Question,
    WorkProgrammeItem,
)
from corparent.panels.services import actions as action_services
from corparent.panels.services import meetings as meeting_services
from corparent.panels.services import questions as question_services
from corparent.panels.services import work_programme as fwp_services
from tests.web.api_schema import schema_without_warnings
from tests.web.panels.meetings.conftest import Brookfield, at


@pytest.fixture
def held(brookfield: Brookfield, settings: Any, tmp_path: Path) -> dict[str, Any]:
    """A held meeting with a paper, an action for the health board, a question and a work programme
    item asked of the health board; the next meeting scheduled."""
    settings.FILE_STORE = tmp_path / "files"
    b = brookfield
    meeting = meeting_services.meeting_schedule(
        user=b.officer, panel=b.panel, starts_at=at(dt.date(2026, 5, 14))
    )
    meeting_services.meeting_status_set(user=b.officer, meeting=meeting, status="held")
    paper = meeting_services.paper_attach(
        user=b.officer,
        meeting=meeting,
        title="Scorecard report",
        upload=SimpleUploadedFile("s.pdf", b"%PDF-1.4"),
    )
    action = action_services.action_create(
        user=b.officer,
        panel=b.panel,
        meeting=meeting,
        description="Health plan",
        due_date=dt.date(2026, 6, 30),
        owner_organisation=b.health,
    )
    housing_action = action_services.action_create(
        user=b.officer,
        panel=b.panel,
        meeting=meeting,
        description="Housing plan",
        due_date=dt.date(2026, 6, 30),
        owner_organisation=b.housing,
    )
    question = question_services.question_raise(
        user=b.officer, panel=b.panel, text="Why?", asked_by=b.people["dale"], answerer=b.people["pat"]
    )
    item = fwp_services.fwp_item_save(
        user=b.officer, panel=b.panel, theme="Health", title="Health checks", partner=b.health
    )
    housing_item = fwp_services.fwp_item_save(
        user=b.officer, panel=b.panel, theme="Housing", title="Housing", partner=b.housing
    )
    nxt = meeting_services.meeting_schedule(user=b.officer, panel=b.panel, starts_at=at(dt.date(2026, 7, 9)))
    return {
        "panel_id": b.panel.pk,
        "meeting_id": meeting.pk,
        "next_id": nxt.pk,
        "paper_id": paper.pk,
        "action_id": action.pk,
        "housing_action_id": housing_action.pk,
        "question_id": question.pk,
        "item_id": item.pk,
        "housing_item_id": housing_item.pk,
    }


PAGES: list[tuple[str, tuple[str, ...], Capability]] = [
    ("panels:meetings", ("panel_id",), Capability.VIEW_PANELS),
    ("panels:meeting_schedule", ("panel_id",), Capability.MANAGE_PANELS),
    ("panels:meeting", ("meeting_id",), Capability.VIEW_PANELS),
    ("panels:meeting_agenda", ("meeting_id",), Capability.MANAGE_PANELS),
    ("panels:meeting_attendance", ("meeting_id",), Capability.MANAGE_PANELS),
    ("panels:meeting_minutes", ("meeting_id",), Capability.MANAGE_PANELS),
    ("panels:meeting_paper_add", ("meeting_id",), Capability.MANAGE_PANELS),
    ("panels:paper", ("meeting_id", "paper_id"), Capability.VIEW_PANELS),
    ("panels:action_create", ("meeting_id",), Capability.MANAGE_PANELS),
    ("panels:actions", ("panel_id",), Capability.VIEW_PANELS),
    ("panels:action", ("action_id",), Capability.VIEW_PANELS),
    ("panels:questions", ("panel_id",), Capability.VIEW_PANELS),
    ("panels:question_raise", ("panel_id",), Capability.RAISE_QUESTIONS),
    ("panels:question", ("question_id",), Capability.VIEW_PANELS),
    ("panels:fwp", ("panel_id",), Capability.VIEW_PANELS),
    ("panels:fwp_add", ("panel_id",), Capability.MANAGE_PANELS),
    ("panels:fwp_item", ("item_id",), Capability.VIEW_PANELS),
    ("panels:fwp_edit", ("item_id",), Capability.MANAGE_PANELS),
    ("panels:partner_report", ("item_id",), Capability.SUBMIT_PARTNER_REPORTS),
]
API: list[tuple[str, tuple[str, ...]]] = [
    ("api:panels-api:meetings", ("panel_id",)),
    ("api:panels-api:meeting", ("meeting_id",)),
    ("api:panels-api:actions", ("panel_id",)),
    ("api:panels-api:action", ("action_id",)),
    ("api:panels-api:questions", ("panel_id",)),
    ("api:panels-api:work-programme", ("panel_id",)),
    ("api:panels-api:work-programme-item", ("item_id",)),
]


def url(name: str, keys: tuple[str, ...], ids: dict[str, Any]) -> str:
    return reverse(name, kwargs={k: ids[k] for k in keys})


def test_every_page_and_endpoint_answers_each_role_as_its_capabilities_say(
    held: dict[str, Any], client_for: Callable[[Role], Client]
) -> None:
    failures = []
    for role in Role:
        client = client_for(role)
        for name, keys, capability in PAGES:
            got = client.get(url(name, keys, held)).status_code
            expected = 200 if can(role, capability) else 403
            if got != expected:
                failures.append(f"{role} {name}: {got}, expected {expected}")
        for name, keys in API:
            got = client.get(url(name, keys, held)).status_code
            expected = 200 if can(role, Capability.VIEW_PANELS) else 403
            if got != expected:
                failures.append(f"{role} {name}: {got}, expected {expected}")
    assert not failures, "\n".join(failures)


def test_signed_out_people_are_sent_to_sign_in(held: dict[str, Any]) -> None:
    response = Client().get(url("panels:meeting", ("meeting_id",), held))
    assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"]


def test_a_partner_updates_its_own_action_but_not_another_organisations(
    held: dict[str, Any], client_for: Callable[[Role], Client]
) -> None:
    partner = client_for(Role.PARTNER)
    own = partner.post(
        url("panels:action", ("action_id",), held), {"status": "in_progress", "text": "Started."}
    )
    assert own.status_code == 302
    page = partner.get(reverse("panels:action", kwargs={"action_id": held["housing_action_id"]}))
    assert page.status_code == 200 and b"Add an update" not in page.content
    refused = partner.post(
        reverse("panels:action", kwargs={"action_id": held["housing_action_id"]}),
        {"status": "done", "text": "x"},
    )
    assert refused.status_code == 403
    assert Action.objects.get(pk=held["housing_action_id"]).status == "open"
    # The same through the API
    api = partner.post(
        reverse("api:panels-api:action-updates", kwargs={"action_id": held["housing_action_id"]}),
        {"status": "done", "text": "x"},
        content_type="application/json",
    )
    assert api.status_code == 403
    ok = partner.post(
        reverse("api:panels-api:action-updates", kwargs={"action_id": held["action_id"]}),
        {"status": "done", "text": "Finished."},
        content_type="application/json",
    )
    assert ok.status_code == 201 and ok.json()["status"] == "done"
    assert ActionUpdate.objects.filter(action_id=held["housing_action_id"]).count() == 0
    # A member may not update any action
    member = client_for(Role.MEMBER)
    assert (
        member.post(reverse("panels:action", kwargs={"action_id": held["action_id"]}), {}).status_code == 403
    )


def test_a_partner_submits_its_own_report_but_not_another_organisations(
    held: dict[str, Any], client_for: Callable[[Role], Client]
) -> None:
    partner = client_for(Role.PARTNER)
    other = reverse("panels:partner_report", kwargs={"item_id": held["housing_item_id"]})
    assert partner.get(other).status_code == 403
    assert partner.post(other, {"title": "x", "summary": "y"}).status_code == 403
    blank = partner.post(reverse("panels:partner_report", kwargs={"item_id": held["item_id"]}), {"title": ""})
    assert blank.status_code == 422 and b"Enter the report title" in blank.content
    assert not PartnerReport.objects.exists()
    done = partner.post(
        reverse("panels:partner_report", kwargs={"item_id": held["item_id"]}),
        {"title": "Health checks", "summary": "On time for 9 in 10 children."},
    )
    assert done.status_code == 302
    assert WorkProgrammeItem.objects.get(pk=held["item_id"]).status == "received"
    api = partner.post(
        reverse("api:panels-api:work-programme-reports", kwargs={"item_id": held["housing_item_id"]}),
        {"title": "x", "summary": "y"},
        content_type="application/json",
    )
    assert api.status_code == 403


def test_the_chair_records_attendance_and_bad_input_changes_nothing(
    held: dict[str, Any], client_for: Callable[[Role], Client], brookfield: Brookfield
) -> None:
    officer = client_for(Role.OFFICER)
    b = brookfield
    page = reverse("panels:meeting_attendance", kwargs={"meeting_id": held["next_id"]})
    # A substitute with no one to stand in for is refused (422), and nothing is saved
    bad = officer.post(page, {f"status_{b.people['ash'].pk}": "present", "substitute": b.people["fir"].pk})
    assert bad.status_code == 422 and b"Choose the member the substitute is standing in for" in bad.content
    assert not Attendance.objects.filter(meeting_id=held["next_id"]).exists()
    good = officer.post(
        page,
        {
            f"status_{b.people['ash'].pk}": "present",
            f"status_{b.people['birch'].pk}": "present",
            f"status_{b.people['cedar'].pk}": "apologies",
            "substitute": b.people["fir"].pk,
            "substitute_for": b.people["cedar"].pk,
        },
    )
    assert good.status_code == 302
    detail = officer.get(reverse("panels:meeting", kwargs={"meeting_id": held["next_id"]})).content.decode()
    assert "Quorate" in detail and "3 of the 3 voting members needed for a quorum are present" in detail
    assert AuditEvent.objects.filter(action="panels.attendance.record").count() == 1


def test_the_next_meeting_shows_the_open_actions_of_the_last(
    held: dict[str, Any], client_for: Callable[[Role], Client]
) -> None:
    page = client_for(Role.MEMBER).get(reverse("panels:meeting", kwargs={"meeting_id": held["next_id"]}))
    text = page.content.decode()
    assert "Actions from earlier meetings" in text and "Health plan" in text and "Housing plan" in text


def test_a_paper_downloads_as_it_was_uploaded(
    held: dict[str, Any], client_for: Callable[[Role], Client]
) -> None:
    response = client_for(Role.YOUNG_PERSON).get(url("panels:paper", ("meeting_id", "paper_id"), held))
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.4"  # type: ignore[attr-defined]
    assert 'filename="s.pdf"' in response["Content-Disposition"]


def test_the_api_schedules_a_meeting_with_its_agenda_and_refuses_bad_input(
    held: dict[str, Any], client_for: Callable[[Role], Client]
) -> None:
    endpoint = reverse("api:panels-api:meetings", kwargs={"panel_id": held["panel_id"]})
    assert client_for(Role.MEMBER).post(endpoint, {"starts_at": "2026-11-12T18:00"}).status_code == 403
    officer = client_for(Role.OFFICER)
    created = officer.post(endpoint, {"starts_at": "2026-11-12T18:00:00Z", "location": "Room 2"})
    assert created.status_code == 201
    detail = officer.get(
        reverse("api:panels-api:meeting", kwargs={"meeting_id": created.json()["id"]})
    ).json()
    assert [i["kind"] for i in detail["agenda"]] == [
        "apologies",
        "declarations",
        "minutes",
        "action_log",
        "scorecard",
        "voice",
        "fwp",
    ]
    assert [a["description"] for a in detail["action_log"]] == ["Health plan", "Housing plan"]
    assert detail["quorum"] == {"needed": 3, "voting_present": 0, "quorate": False}
    again = officer.post(endpoint, {"starts_at": "2026-11-12T18:00:00Z"})
    assert again.status_code == 400 and "starts_at" in again.json()
    assert Meeting.objects.count() == 3
    bad = officer.post(
        reverse("api:panels-api:meeting-attendance", kwargs={"meeting_id": held["next_id"]}),
        json.dumps({"entries": [{"person": 999999, "status": "present"}]}),
        content_type="application/json",
    )
    assert bad.status_code == 400


def test_the_api_raises_and_answers_questions_with_the_same_rules(
    held: dict[str, Any], client_for: Callable[[Role], Client]
) -> None:
    endpoint = reverse("api:panels-api:questions", kwargs={"panel_id": held["panel_id"]})
    assert client_for(Role.PARTNER).post(endpoint, {"text": "?"}).status_code == 403
    asked = client_for(Role.MEMBER).post(endpoint, {"text": "How many care leavers are in work?"})
    assert asked.status_code == 201 and asked.json()["text"] == "How many care leavers are in work?"
    answer = reverse("api:panels-api:question-answer", kwargs={"question_id": held["question_id"]})
    assert client_for(Role.MEMBER).post(answer, {"answer": "x"}).status_code == 403
    assert client_for(Role.PARTNER).post(answer, {"answer": "Seven in ten."}).status_code == 200
    assert Question.objects.get(pk=held["question_id"]).answer == "Seven in ten."


def test_the_meetings_endpoints_make_a_schema_without_warnings() -> None:
    from corparent.panels.api.meetings import meetings_api_patterns

    schema = schema_without_warnings(meetings_api_patterns, "panels")
    assert "/api/v1/actions/{action_id}/updates/" in schema["paths"]
