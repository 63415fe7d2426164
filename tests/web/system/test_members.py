"""Councillors as corporate parents in a real browser: a councillor records a visit to a children's
home, adds the action it raised and finds it on their own page beside their tier and training; an
officer records a councillor's training and sees the completion by tier go up. Axe on every page."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import expect

from corparent.members.models import TrainingCompletion, Visit
from tests.web.members.conftest import Council, council  # noqa: F401  (the hand-worked council)
from tests.web.system.conftest import assert_accessible


def test_a_councillor_records_a_visit_and_sees_it_on_their_page(sign_in: Any, council: Council) -> None:  # noqa: F811
    # Given Cllr Ash (the member sign-in), a key-role councillor, signed in
    page = sign_in("member")
    # When they open Councillors from the navigation
    page.get_by_role("link", name="Councillors").first.click()
    page.wait_for_url("**/members/")
    # Then they see training completion by tier, and the page passes axe
    expect(page.get_by_role("table", name="Mandatory training completion by tier")).to_be_visible()
    assert_accessible(page)

    # When they record a visit to Oak House, sending it first with no report
    page.get_by_role("button", name="Record a visit").click()
    assert_accessible(page)
    page.get_by_label("Home", exact=True).select_option(label="Oak House")
    page.get_by_label("Date of the visit").fill("2026-06-01")
    assert page.get_by_label("Cllr Ash").is_checked()  # themselves, ticked for them
    page.get_by_role("button", name="Record the visit").click()
    # Then they are told what is missing, on an accessible page, and nothing is kept
    expect(page.get_by_role("link", name="Write the visit report")).to_be_visible()
    assert_accessible(page)
    assert not Visit.objects.exists()
    page.get_by_label("Visit report").fill("A calm, friendly house. The young people asked for a bike shed.")
    page.get_by_role("button", name="Record the visit").click()
    # Then the visit's page shows the report, and passes axe
    page.wait_for_url("**/members/visits/*/")
    expect(page.get_by_role("heading", name="Visit to Oak House")).to_be_visible()
    assert_accessible(page)

    # When they add the action it raised
    page.get_by_label("Action").fill("Ask estates for a bike shed")
    page.get_by_label("Owner").fill("Estates")
    page.get_by_label("Due by").fill("2026-08-01")
    page.get_by_role("button", name="Add the action").click()
    # Then it is listed, open
    expect(page.get_by_role("cell", name="Ask estates for a bike shed")).to_be_visible()
    assert_accessible(page)

    # When they open their own page from the overview
    page.get_by_role("link", name="Councillors", exact=True).first.click()
    page.get_by_role("link", name="Your page").click()
    # Then it shows their tier, training done and to do, and the visit; and passes axe
    expect(page.get_by_role("heading", name="Cllr Ash")).to_be_visible()
    expect(page.get_by_text("Key role: Lead Member for Children's Services")).to_be_visible()
    expect(page.get_by_role("table", name="Done").get_by_text("Being the lead member")).to_be_visible()
    expect(page.get_by_role("table", name="To do").get_by_text("Panel skills")).to_be_visible()
    expect(page.get_by_role("table", name="Visits")
        .get_by_role("link", name=re.compile("visit to Oak House"))).to_be_visible()
    assert_accessible(page)

    # And the training, visits and homes lists pass axe too
    page.get_by_role("link", name="Councillors", exact=True).first.click()
    for name in ("Training", "Visits to homes", "Homes"):
        page.get_by_role("navigation", name="Councillors as corporate parents").get_by_role(
            "link", name=name, exact=True
        ).click()
        assert_accessible(page)


def test_an_officer_records_a_councillors_training(sign_in: Any, council: Council) -> None:  # noqa: F811
    # Given an officer signed in, on the training page
    page = sign_in("officer")
    page.goto("/members/training/")
    assert_accessible(page)
    # When they open the Panel skills session and record with no councillor chosen
    page.get_by_role("link", name="Panel skills").click()
    assert_accessible(page)
    page.get_by_role("button", name="Record it").click()
    # Then they are told to choose one, on an accessible page
    expect(page.get_by_role("link", name="Choose the councillor")).to_be_visible()
    assert_accessible(page)
    # When they record Cllr Ash's online completion
    page.get_by_label("Councillor").select_option(label="Cllr Ash")
    page.get_by_label("How").select_option("online")
    page.get_by_label("Date completed").fill("2026-03-20")
    page.get_by_role("button", name="Record it").click()
    # Then it is confirmed and the session lists it
    expect(page.get_by_text("Recorded for Cllr Ash.")).to_be_visible()
    assert TrainingCompletion.objects.get(session=council.panel_skills, person=council.ash).how == "online"
    assert_accessible(page)
    # And the overview shows every key-role session done (3 of 3)
    page.goto("/members/")
    key_row = page.get_by_role("row", name="Key role")
    assert key_row.get_by_text("3 of 3").is_visible() and key_row.get_by_text("100%").is_visible()
    assert_accessible(page)
