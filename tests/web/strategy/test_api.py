"""The strategy API: reads for every role that may see the strategy; writes through the services."""

from __future__ import annotations

import datetime as dt

import pytest
from rest_framework.test import APIClient

from corparent.accounts.roles import Role
from corparent.strategy.models import Decision, ProgressUpdate
from corparent.strategy.services import scrutiny as scrutiny_services

pytestmark = pytest.mark.django_db

API = "/api/v1/strategy"


def _api(people, role: Role) -> APIClient:
    client = APIClient()
    client.force_authenticate(people[role])
    return client


def test_a_member_reads_the_strategy_with_priorities_items_and_principles(people, plan) -> None:
    body = _api(people, Role.MEMBER).get(f"{API}/strategies/{plan.strategy.pk}/").json()
    (priority,) = body["priorities"]
    assert priority["principles"] == ["a", "f"]
    assert {i["title"] for i in priority["items"]} == {"Health assessments on time", "Recruit foster carers"}
    assert _api(people, Role.YOUNG_PERSON).get(f"{API}/strategies/").status_code == 403


def test_a_partner_posts_progress_on_its_own_item_only(people, plan) -> None:
    client = _api(people, Role.PARTNER)
    ok = client.post(
        f"{API}/plan-items/{plan.partner_item.pk}/updates/",
        {"text": "On track", "rag": "green"},
        format="json",
    )
    assert ok.status_code == 201
    assert ok.json()["rag"] == "green" and ok.json()["updates"][0]["text"] == "On track"
    refused = client.post(
        f"{API}/plan-items/{plan.council_item.pk}/updates/", {"text": "x", "rag": "green"}, format="json"
    )
    assert refused.status_code == 403
    bad = client.post(
        f"{API}/plan-items/{plan.partner_item.pk}/updates/", {"text": " ", "rag": "green"}, format="json"
    )
    assert bad.status_code == 400 and "text" in bad.json()
    assert ProgressUpdate.objects.count() == 1


def test_decisions_are_recorded_by_officers_with_reasons_for_refusal(people) -> None:
    given = {
        "title": "Close a youth centre",
        "decided_on": "2026-01-14",
        "decision_maker": "Cabinet",
        "principles": ["b"],
        "considered_by": "Director",
        "implications": "Forum meets there",
        "outcome": "Moves",
    }
    assert _api(people, Role.MEMBER).post(f"{API}/decisions/", given, format="json").status_code == 403
    bad = _api(people, Role.OFFICER).post(f"{API}/decisions/", given | {"principles": []}, format="json")
    assert bad.status_code == 400 and "principles" in bad.json()
    assert _api(people, Role.OFFICER).post(f"{API}/decisions/", given, format="json").status_code == 201
    assert Decision.objects.count() == 1


def test_the_tracker_and_principles_evidence(people, plan) -> None:
    officer = people[Role.OFFICER]
    review = scrutiny_services.review_create(
        user=officer, title="Far placements", committee="Scrutiny", started_on=dt.date(2025, 9, 1)
    )
    rec = scrutiny_services.recommendation_add(user=officer, review=review, text="Open two homes")
    client = _api(people, Role.OFFICER)
    response = client.post(
        f"{API}/recommendations/{rec.pk}/response/",
        {"response": "accepted", "reason": "Funded", "responded_on": "2025-12-09"},
        format="json",
    )
    assert response.status_code == 200
    assert [r["id"] for r in client.get(f"{API}/recommendations/tracker/").json()["results"]] == [rec.pk]
    client.post(
        f"{API}/recommendations/{rec.pk}/updates/", {"text": "Open", "status": "closed"}, format="json"
    )
    assert client.get(f"{API}/recommendations/tracker/").json()["results"] == []
    principles = _api(people, Role.PARTNER).get(f"{API}/principles/").json()
    assert [p["letter"] for p in principles] == list("abcdefg")
    assert {e["title"] for e in principles[5]["evidence"]} >= {"Recruit foster carers"}
