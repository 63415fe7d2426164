"""The strategy in a real browser, for each role: an officer drafts, consults on and approves a
strategy and records a decision's implications; a partner updates its own action plan item; a member
follows a scrutiny recommendation from cabinet's response to the tracker and reads the principles
evidence; a young person is kept out. axe on every page visited."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from playwright.sync_api import expect

from corparent.accounts.roles import Role
from corparent.panels.models import Person
from corparent.strategy.models import Strategy
from corparent.strategy.services import plan as services
from corparent.strategy.services import scrutiny as scrutiny_services
from tests.web.strategy.conftest import Plan, plan  # noqa: F401  (the small plan fixture)
from tests.web.system.conftest import assert_accessible


def test_an_officer_drafts_consults_on_and_approves_a_strategy(sign_in: Any) -> None:
    # Given an officer signed in
    page = sign_in("officer")

    # When they open the strategy area from the navigation and draft a strategy
    page.get_by_role("link", name="Strategy", exact=True).first.click()
    expect(page.get_by_role("heading", name="Corporate parenting strategy")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Draft a strategy").click()
    assert_accessible(page)
    page.get_by_label("Title").fill("Our promises 2026 to 2029")
    page.get_by_label("Start date").fill("2026-04-01")
    page.get_by_label("End date").fill("2025-03-31")
    page.get_by_role("button", name="Save the draft").click()
    # Then a start after the end is refused, named, and the page stays accessible
    expect(page.get_by_role("link", name="The strategy must end after it starts.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("End date").fill("2029-03-31")
    page.get_by_role("button", name="Save the draft").click()
    expect(page.get_by_role("heading", name="Our promises 2026 to 2029")).to_be_visible()
    assert_accessible(page)

    # When they add a priority, forgetting the principles first
    page.get_by_role("link", name="Add a priority").click()
    page.get_by_label("Priority").fill("A stable home")
    page.get_by_role("button", name="Add the priority").click()
    summary = page.get_by_role("link", name="Choose at least one of the seven corporate parenting principles")
    expect(summary).to_be_visible()
    assert_accessible(page)
    # Then the error links to the first principle's checkbox
    summary.click()
    assert page.evaluate("document.activeElement.id") == "id_principles_0"
    page.get_by_label("(a) Best interests, health and well-being").check()
    page.get_by_label("(f) Safety and stability").check()
    page.get_by_role("button", name="Add the priority").click()
    expect(page.get_by_role("heading", name="Priority 1: A stable home")).to_be_visible()

    # And an action plan item linked to an indicator
    page.get_by_role("link", name="Add an action plan item to priority 1").click()
    assert_accessible(page)
    page.get_by_label("What is to be done").fill("Recruit 30 foster carers")
    page.get_by_label("Council service that owns it").fill("Fostering service")
    page.get_by_label("Linked indicators").fill("placements_3plus_pct")
    page.get_by_role("button", name="Add the item").click()
    expect(page.get_by_role("heading", name="Recruit 30 foster carers")).to_be_visible()
    indicators = page.get_by_role(
        "table", name="Linked indicators with the scorecard's current figure and target"
    )
    expect(indicators.get_by_role(
        "link", name="Children looked after with 3 or more placements in the year"
    )).to_be_visible()
    assert_accessible(page)

    # When they record the consultation and the approval
    page.get_by_role("link", name="Our promises 2026 to 2029").click()
    page.get_by_role("link", name="Record consultation").click()
    page.get_by_label("Who was consulted").fill("Children in Care Council")
    page.get_by_label("Date consulted").fill("2026-02-12")
    page.get_by_label("What they said").fill("Keep the same social worker")
    page.get_by_label("What changed because of it").fill("Added a promise about social workers")
    page.get_by_role("button", name="Record the consultation").click()
    page.get_by_role("link", name="Record approval").click()
    assert_accessible(page)
    page.get_by_label("Date approved").fill("2026-03-20")
    page.get_by_label("Approved by").fill("Cabinet")
    page.get_by_role("button", name="Record the approval").click()

    # Then the strategy is approved, with its consultation shown
    expect(page.get_by_text("Approved by Cabinet on 20 March 2026")).to_be_visible()
    expect(page.get_by_text("Added a promise about social workers")).to_be_visible()
    assert Strategy.objects.get().status == "approved"
    assert_accessible(page)

    # When they record a decision's corporate parenting implications
    page.get_by_role("link", name="All strategies").click()
    page.get_by_role("link", name="Decisions' implications").click()
    page.get_by_role("link", name="Record a decision").click()
    assert_accessible(page)
    page.get_by_label("Decision", exact=True).fill("Close the Birch Lane youth centre")
    page.get_by_label("Date of the decision").fill("2026-01-14")
    page.get_by_label("Decision maker").fill("Cabinet")
    page.get_by_label("(b) Express their views").check()
    page.get_by_label("Considered by").fill("Director of Children's Services")
    page.get_by_label("Corporate parenting implications").fill("The forum meets there")
    page.get_by_label("Outcome", exact=True).fill("The forum moves to the library")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_role("heading", name="Close the Birch Lane youth centre")).to_be_visible()
    assert_accessible(page)

    # Then the principles page shows it under principle (b), linked to its record
    page.get_by_role("link", name="(b) Express their views").click()
    table = page.get_by_role("table", name="Evidence for principle (b)")
    expect(table.get_by_role("link", name="Close the Birch Lane youth centre")).to_be_visible()
    expect(page.get_by_role("table", name="Evidence for principle (f)")
        .get_by_role("link", name="Recruit 30 foster carers")).to_be_visible()
    assert_accessible(page)


def test_a_partner_updates_its_own_item_and_not_the_councils(sign_in: Any, plan: Plan) -> None:  # noqa: F811
    # Given a plan with one item owned by the partner's organisation and one by a council service
    page = sign_in("partner")

    # When the partner opens the council's item, there is no form to update it
    page.goto(reverse("strategy:item", kwargs={"plan_item_id": plan.council_item.pk}))
    expect(page.get_by_role("heading", name="Recruit foster carers")).to_be_visible()
    assert page.get_by_role("button", name="Record progress").count() == 0
    assert_accessible(page)

    # When they open their own item and record progress with a bad evidence link
    page.goto(reverse("strategy:item", kwargs={"plan_item_id": plan.partner_item.pk}))
    page.get_by_label("Status: red, amber or green").select_option("amber")
    page.get_by_label("Progress and narrative").fill("Second clinic opens in June")
    page.get_by_label("Link to the evidence").fill("clinic rota")
    page.get_by_role("button", name="Record progress").click()
    # Then the link is refused by name
    expect(page.get_by_role("link", name="Enter the evidence link as a web address")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Link to the evidence").fill("https://example.org/rota")
    page.get_by_role("button", name="Record progress").click()

    # Then the item shows amber with their narrative and evidence
    expect(page.get_by_text("Progress recorded.")).to_be_visible()
    expect(page.locator("dd", has_text="Second clinic opens in June")).to_be_visible()
    expect(page.get_by_role("link", name="https://example.org/rota")).to_be_visible()
    assert_accessible(page)


def test_a_member_follows_a_scrutiny_recommendation_to_the_tracker(sign_in: Any, people: Any) -> None:
    # Given a scrutiny review with two recommendations, one answered by cabinet and in progress
    officer = people[Role.OFFICER]
    councillor = Person.objects.create(
        name="Cllr Ada Lovelace", kind=Person.Kind.COUNCILLOR, user=people[Role.MEMBER]
    )
    review = scrutiny_services.review_create(
        user=officer,
        title="Placements far from home",
        committee="Children and Young People Scrutiny Committee",
        started_on=dt.date(2025, 9, 1),
        members=[councillor],
        findings="One child in four lives more than 20 miles from home.",
    )
    homes = scrutiny_services.recommendation_add(
        user=officer, review=review, text="Open two homes in Northshire"
    )
    scrutiny_services.recommendation_add(user=officer, review=review, text="Stop all far placements")
    scrutiny_services.recommendation_respond(
        user=officer,
        recommendation=homes,
        response="accepted",
        reason="Funded",
        responded_on=dt.date(2025, 12, 9),
    )
    scrutiny_services.recommendation_track(
        user=officer, recommendation=homes, text="First home bought", status="in_progress"
    )
    services.decision_record(
        user=officer,
        title="Council tax exemption for care leavers",
        decided_on=dt.date(2026, 1, 14),
        decision_maker="Full Council",
        principles=["g"],
        considered_by="Corporate Parenting Panel",
        implications="Helps with money",
        outcome="Agreed",
    )
    page = sign_in("member")

    # When the member opens scrutiny reviews
    page.goto(reverse("strategy:scrutiny"))
    tracker = page.get_by_role("table", name="Accepted recommendations not yet closed")
    expect(tracker.get_by_text("First home bought")).to_be_visible()
    assert page.get_by_role("link", name="Record a scrutiny review").count() == 0
    assert_accessible(page)
    page.get_by_role("link", name="Placements far from home", exact=True).click()
    # Then the review shows its members, findings and both recommendations with cabinet's response
    expect(page.get_by_text("Cllr Ada Lovelace")).to_be_visible()
    expect(page.get_by_text("Awaiting cabinet's response")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="recommendation 1", exact=True).click()
    expect(page.get_by_role("heading", name="Recommendation 1")).to_be_visible()
    assert page.get_by_role("button", name="Record the response").count() == 0
    assert_accessible(page)

    # And the principles page shows the decision under principle (g)
    page.goto(reverse("strategy:principles"))
    table = page.get_by_role("table", name="Evidence for principle (g)")
    expect(table.get_by_role("link", name="Council tax exemption for care leavers")).to_be_visible()
    assert_accessible(page)


def test_a_young_person_does_not_see_the_strategy(sign_in: Any) -> None:
    # Given a young person signed in
    page = sign_in("youngperson")
    # Then the navigation has no strategy link, and the page refuses them accessibly
    assert page.get_by_role("link", name="Strategy", exact=True).count() == 0
    response = page.goto(reverse("strategy:index"))
    assert response is not None and response.status == 403
    assert_accessible(page)
