"""The strategy's rules, worked by hand on the small plan in conftest."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from corparent.accounts.models import AuditEvent, User
from corparent.accounts.roles import Role
from corparent.panels.models import Person
from corparent.strategy.models import ProgressUpdate, Recommendation, Strategy
from corparent.strategy.services import plan as services
from corparent.strategy.services import scrutiny as scrutiny_services

pytestmark = pytest.mark.django_db


def test_priorities_keep_principles_in_statutory_order_and_number_themselves(people, plan) -> None:
    assert plan.priority.principles == ["a", "f"]
    second = services.priority_create(
        user=people[Role.OFFICER], strategy=plan.strategy, title="Heard", principles=["c", "b"]
    )
    assert (plan.priority.order, second.order) == (1, 2)


def test_a_priority_must_name_known_principles(people, plan) -> None:
    with pytest.raises(ValidationError) as e:
        services.priority_create(
            user=people[Role.OFFICER], strategy=plan.strategy, title="X", principles=["h"]
        )
    assert "'h'" in e.value.message_dict["principles"][0]
    with pytest.raises(ValidationError) as e:
        services.priority_create(user=people[Role.OFFICER], strategy=plan.strategy, title="X", principles=[])
    assert "principles" in e.value.message_dict
    assert plan.strategy.priorities.count() == 1


def test_an_item_has_exactly_one_owner_and_known_indicators(people, plan) -> None:
    officer = people[Role.OFFICER]
    with pytest.raises(ValidationError) as e:
        services.plan_item_create(user=officer, priority=plan.priority, title="Nobody's")
    assert "owner_service" in e.value.message_dict
    with pytest.raises(ValidationError) as e:
        services.plan_item_create(
            user=officer,
            priority=plan.priority,
            title="Both",
            owner_service="Fostering",
            owner_organisation=plan.other_org,
        )
    assert "not both" in e.value.message_dict["owner_service"][0]
    with pytest.raises(ValidationError) as e:
        services.plan_item_create(
            user=officer, priority=plan.priority, title="T", owner_service="S", indicator_ids=["no_such"]
        )
    assert "'no_such'" in e.value.message_dict["indicator_ids"][0]
    assert plan.priority.items.count() == 2


def test_a_partner_updates_its_own_item_and_the_rag_follows(people, plan) -> None:
    partner = people[Role.PARTNER]
    services.plan_item_update(
        user=partner,
        item=plan.partner_item,
        text="Second clinic open",
        rag="amber",
        evidence="Clinic rota",
        evidence_url="https://example.org/rota",
    )
    plan.partner_item.refresh_from_db()
    assert (plan.partner_item.rag, plan.partner_item.rag_narrative) == ("amber", "Second clinic open")
    assert AuditEvent.objects.filter(action="strategy.item.update", username="partner").count() == 1


def test_a_partner_may_not_update_the_councils_item_and_the_refusal_is_audited(people, plan) -> None:
    with pytest.raises(PermissionDenied):
        services.plan_item_update(user=people[Role.PARTNER], item=plan.council_item, text="x", rag="green")
    assert not ProgressUpdate.objects.exists()
    assert AuditEvent.objects.filter(action="strategy.item.update.refused", username="partner").exists()


def test_a_member_may_not_update_any_item(people, plan) -> None:
    with pytest.raises(PermissionDenied):
        services.plan_item_update(user=people[Role.MEMBER], item=plan.partner_item, text="x", rag="green")


def test_a_bad_evidence_link_changes_nothing(people, plan) -> None:
    with pytest.raises(ValidationError) as e:
        services.plan_item_update(
            user=people[Role.OFFICER],
            item=plan.council_item,
            text="x",
            rag="green",
            evidence_url="not a link",
        )
    assert "evidence_url" in e.value.message_dict
    plan.council_item.refresh_from_db()
    assert plan.council_item.rag == "not_started"
    assert not ProgressUpdate.objects.exists()


def test_consultation_moves_a_draft_on_and_approval_needs_it(people, plan) -> None:
    officer = people[Role.OFFICER]
    with pytest.raises(ValidationError) as e:
        services.strategy_approve(
            user=officer, strategy=plan.strategy, approved_on=dt.date(2026, 3, 20), approved_by="Cabinet"
        )
    assert "consultation" in e.value.message_dict["__all__"][0]
    services.consultation_record(
        user=officer,
        strategy=plan.strategy,
        consulted="Children in Care Council",
        held_on=dt.date(2026, 2, 12),
        responses="Use plainer words",
        what_changed="Rewritten in plain English",
    )
    assert plan.strategy.status == Strategy.Status.CONSULTATION
    services.strategy_approve(
        user=officer, strategy=plan.strategy, approved_on=dt.date(2026, 3, 20), approved_by="Cabinet"
    )
    plan.strategy.refresh_from_db()
    assert (plan.strategy.status, plan.strategy.approved_by) == ("approved", "Cabinet")
    with pytest.raises(ValidationError):
        services.consultation_record(
            user=officer, strategy=plan.strategy, consulted="Late", held_on=dt.date(2026, 4, 2), responses="x"
        )


def test_a_decision_records_the_principles_considered(people) -> None:
    decision = services.decision_record(
        user=people[Role.OFFICER],
        title="Close a youth centre",
        decided_on=dt.date(2026, 1, 14),
        decision_maker="Cabinet",
        principles=["g", "b"],
        considered_by="Director",
        implications="The forum meets there",
        outcome="Forum moves to the library",
    )
    assert decision.principles == ["b", "g"]
    with pytest.raises(PermissionDenied):
        services.decision_record(
            user=people[Role.PARTNER],
            title="x",
            decided_on=dt.date(2026, 1, 14),
            decision_maker="x",
            principles=["a"],
            considered_by="x",
            implications="x",
            outcome="x",
        )


@pytest.fixture
def review(people: dict[Role, User]):
    councillor = Person.objects.create(name="Cllr Ada Lovelace", kind=Person.Kind.COUNCILLOR)
    return scrutiny_services.review_create(
        user=people[Role.OFFICER],
        title="Placements far from home",
        committee="Children's Scrutiny",
        started_on=dt.date(2025, 9, 1),
        members=[councillor],
    )


def test_scrutiny_members_are_councillors(people) -> None:
    officer_person = Person.objects.create(name="Jo Officer", kind=Person.Kind.OFFICER)
    with pytest.raises(ValidationError) as e:
        scrutiny_services.review_create(
            user=people[Role.OFFICER],
            title="T",
            committee="C",
            started_on=dt.date(2025, 9, 1),
            members=[officer_person],
        )
    assert "Jo Officer" in e.value.message_dict["members"][0]


def test_a_recommendation_goes_from_response_to_closed(people, review) -> None:
    officer = people[Role.OFFICER]
    rec = scrutiny_services.recommendation_add(user=officer, review=review, text="Open two homes")
    second = scrutiny_services.recommendation_add(user=officer, review=review, text="Pay carers more")
    assert (rec.number, second.number) == (1, 2)
    # Not trackable before cabinet answers
    with pytest.raises(ValidationError):
        scrutiny_services.recommendation_track(
            user=officer, recommendation=rec, text="x", status="in_progress"
        )
    scrutiny_services.recommendation_respond(
        user=officer,
        recommendation=rec,
        response="partly",
        reason="One home",
        responded_on=dt.date(2025, 12, 9),
    )
    assert rec.status == Recommendation.Status.OPEN
    scrutiny_services.recommendation_track(
        user=officer, recommendation=rec, text="Home bought", status="in_progress", today=dt.date(2026, 1, 5)
    )
    scrutiny_services.recommendation_track(
        user=officer, recommendation=rec, text="Home open", status="closed", today=dt.date(2026, 6, 1)
    )
    rec.refresh_from_db()
    assert (rec.status, rec.closed_on, rec.updates.count()) == ("closed", dt.date(2026, 6, 1), 2)


def test_a_rejected_recommendation_is_closed_with_reasons(people, review) -> None:
    officer = people[Role.OFFICER]
    rec = scrutiny_services.recommendation_add(user=officer, review=review, text="Stop all far placements")
    with pytest.raises(ValidationError) as e:
        scrutiny_services.recommendation_respond(
            user=officer,
            recommendation=rec,
            response="rejected",
            reason=" ",
            responded_on=dt.date(2025, 12, 9),
        )
    assert "reason" in e.value.message_dict
    scrutiny_services.recommendation_respond(
        user=officer,
        recommendation=rec,
        response="rejected",
        reason="Some children must be far away to be safe",
        responded_on=dt.date(2025, 12, 9),
    )
    assert (rec.status, rec.closed_on) == ("closed", dt.date(2025, 12, 9))
    with pytest.raises(ValidationError):
        scrutiny_services.recommendation_track(user=officer, recommendation=rec, text="x", status="open")


def test_only_scrutiny_managers_record_responses(people, review) -> None:
    rec = scrutiny_services.recommendation_add(user=people[Role.ADMIN], review=review, text="x")
    member: User = people[Role.MEMBER]
    with pytest.raises(PermissionDenied):
        scrutiny_services.recommendation_respond(
            user=member,
            recommendation=rec,
            response="accepted",
            reason="x",
            responded_on=dt.date(2025, 12, 9),
        )
