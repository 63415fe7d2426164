"""The voice API: raising and answering through it, rating the Pledge, and suppressed aggregates."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from corparent.accounts.roles import Role
from corparent.voice.models import FeedbackCount, Issue

from .conftest import VoiceWorld

pytestmark = pytest.mark.django_db
API = "/api/v1/voice"


def test_raise_answer_and_read_back_through_the_api(
    voice: VoiceWorld, client_for: Callable[[Role], Client]
) -> None:
    young, officer, partner = (
        client_for(Role.YOUNG_PERSON),
        client_for(Role.OFFICER),
        client_for(Role.PARTNER),
    )

    assert partner.post(f"{API}/issues/", {"session": voice.session.pk, "you_said": "x"}).status_code == 403
    raised = young.post(f"{API}/issues/", {"session": voice.session.pk, "you_said": "More wifi"})
    assert raised.status_code == 201, raised.content
    issue_id = raised.json()["id"]

    body = {"owner": "Housing", "status": "done", "we_did": "Wifi fitted", "publish": True}
    assert (
        young.post(f"{API}/issues/{issue_id}/answer/", body, content_type="application/json").status_code
        == 403
    )
    bad = officer.post(
        f"{API}/issues/{issue_id}/answer/", {**body, "we_did": ""}, content_type="application/json"
    )
    assert bad.status_code == 400 and "we_did" in bad.json()
    ok = officer.post(f"{API}/issues/{issue_id}/answer/", body, content_type="application/json")
    assert ok.status_code == 200 and ok.json()["published_on"] is not None

    published = partner.get(f"{API}/you-said-we-did/").json()
    assert [(i["you_said"], i["we_did"]) for i in published] == [("More wifi", "Wifi fitted")]
    assert Issue.objects.get().owner == "Housing"


def test_rating_a_promise_through_the_api(voice: VoiceWorld, client_for: Callable[[Role], Client]) -> None:
    promise = voice.promises[1]
    url = f"{API}/pledge/{promise.pk}/rate/"
    assert client_for(Role.MEMBER).post(url, {"verdict": "kept"}).status_code == 403
    assert client_for(Role.YOUNG_PERSON).post(url, {"verdict": "kept"}).status_code == 201

    pledge = client_for(Role.MEMBER).get(f"{API}/pledge/").json()
    assert [(p["number"], (p["latest_rating"] or {}).get("verdict")) for p in pledge] == [
        (1, None),
        (2, "kept"),
    ]


def test_small_counts_are_null_for_members(voice: VoiceWorld, client_for: Callable[[Role], Client]) -> None:
    FeedbackCount.objects.create(quarter_start="2025-04-01", kind="complaint", theme="Contact", count=2)
    assert [r["count"] for r in client_for(Role.MEMBER).get(f"{API}/complaints-and-compliments/").json()] == [
        None
    ]
    assert [
        r["count"] for r in client_for(Role.ANALYST).get(f"{API}/complaints-and-compliments/").json()
    ] == [2]
