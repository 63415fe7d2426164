"""The strategy pages as each role uses them: who sees what, who may change what, and bad input."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from corparent.accounts.models import AuditEvent
from corparent.accounts.roles import Role
from corparent.strategy.models import Decision, Priority, ProgressUpdate, Strategy
from corparent.strategy.services import plan as services
from corparent.strategy.services import scrutiny as scrutiny_services

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", [Role.ADMIN, Role.ANALYST, Role.OFFICER, Role.MEMBER, Role.PARTNER])
def test_everyone_but_young_people_reads_the_strategy(client_for, plan, role) -> None:
    client = client_for(role)
    for url in (
        reverse("strategy:index"),
        reverse("strategy:strategy", kwargs={"strategy_id": plan.strategy.pk}),
        reverse("strategy:item", kwargs={"plan_item_id": plan.council_item.pk}),
        reverse("strategy:principles"),
        reverse("strategy:scrutiny"),
        reverse("strategy:decisions"),
    ):
        assert client.get(url).status_code == 200, url


def test_young_people_are_refused(client_for, plan) -> None:
    client = client_for(Role.YOUNG_PERSON)
    assert client.get(reverse("strategy:index")).status_code == 403
    assert client.get(reverse("strategy:principles")).status_code == 403


def test_the_strategy_page_shows_priorities_principles_and_owners(client_for, plan) -> None:
    html = client_for(Role.MEMBER).get(reverse("strategy:strategy", kwargs={"strategy_id": plan.strategy.pk}))
    text = html.content.decode()
    assert "Priority 1: A stable home" in text
    assert "(a) Best interests, health and well-being" in text
    assert "(f) Safety and stability" in text
    assert "Integrated Care Board (partner)" in text
    assert "Fostering service" in text
    assert "Add a priority" not in text  # a member reads; officers write


def test_a_partner_sees_the_progress_form_only_on_its_own_item(client_for, plan) -> None:
    client = client_for(Role.PARTNER)
    own = client.get(reverse("strategy:item", kwargs={"plan_item_id": plan.partner_item.pk})).content.decode()
    other = client.get(
        reverse("strategy:item", kwargs={"plan_item_id": plan.council_item.pk})
    ).content.decode()
    assert "Record progress</h2>" in own
    assert "Record progress</h2>" not in other


def test_a_partner_posting_on_anothers_item_is_refused_and_nothing_changes(client_for, plan) -> None:
    url = reverse("strategy:item", kwargs={"plan_item_id": plan.council_item.pk})
    response = client_for(Role.PARTNER).post(url, {"rag": "green", "text": "Done"})
    assert response.status_code == 403
    assert not ProgressUpdate.objects.exists()
    assert AuditEvent.objects.filter(action="strategy.item.update.refused").count() == 1


def test_a_partner_records_progress_on_its_own_item(client_for, plan) -> None:
    url = reverse("strategy:item", kwargs={"plan_item_id": plan.partner_item.pk})
    response = client_for(Role.PARTNER).post(
        url, {"rag": "amber", "text": "Clinic opening late", "evidence": "Rota", "evidence_url": ""}
    )
    assert response.status_code == 302
    page = client_for(Role.MEMBER).get(url).content.decode()
    assert "Clinic opening late" in page and "Amber: at risk" in page


def test_progress_without_text_is_a_422_naming_the_field(client_for, plan) -> None:
    url = reverse("strategy:item", kwargs={"plan_item_id": plan.partner_item.pk})
    response = client_for(Role.OFFICER).post(url, {"rag": "amber", "text": ""})
    assert response.status_code == 422
    assert "Enter the progress and narrative" in response.content.decode()
    assert not ProgressUpdate.objects.exists()


def test_a_priority_without_principles_is_a_422(client_for, plan) -> None:
    url = reverse("strategy:priority_create", kwargs={"strategy_id": plan.strategy.pk})
    response = client_for(Role.OFFICER).post(url, {"title": "Heard"})
    assert response.status_code == 422
    assert "Choose at least one of the seven" in response.content.decode()
    assert Priority.objects.count() == 1
    response = client_for(Role.OFFICER).post(url, {"title": "Heard", "principles": ["b", "c"]})
    assert response.status_code == 302
    assert Priority.objects.get(title="Heard").principles == ["b", "c"]


def test_officers_draft_and_approve_a_strategy_through_the_pages(client_for) -> None:
    client = client_for(Role.OFFICER)
    response = client.post(
        reverse("strategy:strategy_create"),
        {"title": "Next strategy", "period_start": "2029-04-01", "period_end": "2028-03-31"},
    )
    assert response.status_code == 422
    assert "must end after it starts" in response.content.decode()
    assert not Strategy.objects.exists()
    client.post(
        reverse("strategy:strategy_create"),
        {"title": "Next strategy", "period_start": "01/04/2029", "period_end": "31/03/2032"},
    )
    strategy = Strategy.objects.get()
    client.post(
        reverse("strategy:priority_create", kwargs={"strategy_id": strategy.pk}),
        {"title": "Ready for adult life", "principles": ["g"]},
    )
    client.post(
        reverse("strategy:consultation_create", kwargs={"strategy_id": strategy.pk}),
        {"consulted": "Care leavers' forum", "held_on": "2029-02-01", "responses": "More jobs"},
    )
    response = client.post(
        reverse("strategy:approve", kwargs={"strategy_id": strategy.pk}),
        {"approved_on": "2029-03-20", "approved_by": "Cabinet"},
    )
    assert response.status_code == 302
    strategy.refresh_from_db()
    assert strategy.status == "approved"
    assert (
        client_for(Role.PARTNER)
        .get(reverse("strategy:approve", kwargs={"strategy_id": strategy.pk}))
        .status_code
        == 403
    )


def test_the_principles_page_links_each_piece_of_evidence_to_its_source(client_for, plan, people) -> None:
    decision = services.decision_record(
        user=people[Role.OFFICER],
        title="Youth centre closure",
        decided_on=dt.date(2026, 1, 14),
        decision_maker="Cabinet",
        principles=["b"],
        considered_by="Director",
        implications="Forum meets there",
        outcome="Forum moves",
    )
    text = client_for(Role.MEMBER).get(reverse("strategy:principles")).content.decode()
    section_b = text.split('id="principle-b"')[1].split('id="principle-c"')[0]
    assert f'href="/strategy/decisions/{decision.pk}/"' in section_b
    assert "Youth centre closure" in section_b
    section_f = text.split('id="principle-f"')[1].split('id="principle-g"')[0]
    assert f'href="/strategy/items/{plan.council_item.pk}/"' in section_f


def test_a_decision_is_recorded_from_the_form(client_for) -> None:
    response = client_for(Role.OFFICER).post(
        reverse("strategy:decision_create"),
        {
            "title": "Free bus passes for care leavers",
            "decided_on": "2026-02-01",
            "decision_maker": "Cabinet",
            "principles": ["d", "g"],
            "considered_by": "Panel",
            "implications": "Easier to get to college",
            "outcome": "Agreed",
        },
    )
    assert response.status_code == 302
    assert Decision.objects.get().principles == ["d", "g"]


def test_the_recommendation_page_records_cabinets_response_and_tracks_it(client_for, people) -> None:
    officer = people[Role.OFFICER]
    review = scrutiny_services.review_create(
        user=officer, title="Far placements", committee="Scrutiny", started_on=dt.date(2025, 9, 1)
    )
    rec = scrutiny_services.recommendation_add(user=officer, review=review, text="Open two homes")
    client = client_for(Role.OFFICER)
    bad = client.post(
        reverse("strategy:recommendation_respond", kwargs={"recommendation_id": rec.pk}),
        {"respond-response": "accepted", "respond-reason": "", "respond-responded_on": "2025-12-09"},
    )
    assert bad.status_code == 422
    assert "Enter the reasons" in bad.content.decode()
    client.post(
        reverse("strategy:recommendation_respond", kwargs={"recommendation_id": rec.pk}),
        {"respond-response": "accepted", "respond-reason": "Funded", "respond-responded_on": "2025-12-09"},
    )
    client.post(
        reverse("strategy:recommendation_track", kwargs={"recommendation_id": rec.pk}),
        {"track-status": "in_progress", "track-text": "First home bought"},
    )
    tracker = client_for(Role.MEMBER).get(reverse("strategy:scrutiny")).content.decode()
    assert "Open two homes" in tracker and "First home bought" in tracker
    assert (
        client_for(Role.MEMBER)
        .post(
            reverse("strategy:recommendation_track", kwargs={"recommendation_id": rec.pk}),
            {"track-status": "closed", "track-text": "x"},
        )
        .status_code
        == 403
    )


def test_a_partner_marks_its_own_milestones_met_and_no_one_elses(client_for, people, plan) -> None:
    officer = people[Role.OFFICER]
    own = services.milestone_create(
        user=officer, item=plan.partner_item, title="Second clinic open", due_date=dt.date(2026, 9, 30)
    )
    other = services.milestone_create(
        user=officer, item=plan.council_item, title="Campaign launched", due_date=dt.date(2026, 6, 30)
    )
    client = client_for(Role.PARTNER)
    assert (
        client.post(reverse("strategy:milestone_done", kwargs={"milestone_id": other.pk})).status_code == 403
    )
    assert client.post(reverse("strategy:milestone_done", kwargs={"milestone_id": own.pk})).status_code == 302
    own.refresh_from_db()
    other.refresh_from_db()
    assert own.done_on is not None and other.done_on is None
    assert (
        client_for(Role.MEMBER)
        .post(reverse("strategy:milestone_done", kwargs={"milestone_id": own.pk}))
        .status_code
        == 403
    )
