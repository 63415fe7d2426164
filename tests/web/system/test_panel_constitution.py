"""Democratic services set up a Corporate Parenting Panel in a real browser: the council's groups,
the panel, its terms of reference, people and seats; then see a balance warning and a "what if".
axe on every page visited.

The council (hand-worked): Labour 30, Conservative 15, Liberal Democrat 4, two councillors in no
group, 53 seats. On a panel of 4 councillor seats the shares are 2.35, 1.18, 0.31 and 0.16: whole
numbers 2 + 1, and the seat left goes to Labour's .35, so Labour 3, Conservative 1. With 3 more seats
(7): 4.12, 2.06, 0.55, 0.27, whole numbers 4 + 2, the seat left to the Liberal Democrats' .55.
"""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from corparent.panels.models import Panel, TermsOfReference
from tests.web.system.conftest import assert_accessible


def _save(page: Any, button: str = "Save") -> None:
    page.get_by_role("button", name=button).click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="There is a problem").count() == 0, page.content()


def test_democratic_services_set_up_a_panel(sign_in: Any) -> None:
    # Given an officer in democratic services, signed in, with no panel yet
    page = sign_in("officer")
    # When they open Panels from the navigation
    page.get_by_role("link", name="Panels").first.click()
    # Then they are told there is none yet, and the page passes axe
    expect(page.get_by_text("No panel has been set up yet.")).to_be_visible()
    assert_accessible(page)

    # When they record the council's political groups and its composition
    page.get_by_role("link", name="Political groups and the council's composition").click()
    assert_accessible(page)
    for name, seats in (("Labour", "30"), ("Conservative", "15"), ("Liberal Democrat", "4")):
        page.get_by_role("button", name="Add a political group").click()
        page.get_by_label("Group name").fill(name)
        page.get_by_label("Councillors in the group").fill(seats)
        _save(page)
    page.get_by_role("link", name="Change the council's composition").click()
    assert_accessible(page)
    page.get_by_label("Seats on the council").fill("53")
    page.get_by_label("Councillors in no political group").fill("2")
    _save(page)
    # Then the groups are listed with the council's two vacant seats, and the page passes axe
    expect(page.get_by_role("row", name="Conservative 15")).to_be_visible()
    assert (
        page.locator(".govuk-summary-list__row", has_text="Vacant seats on the council")
        .inner_text()
        .endswith("2")
    )
    assert_accessible(page)

    # When they set up the panel with 4 councillor seats
    page.goto("/panels/")
    page.get_by_role("button", name="Set up a panel").click()
    assert_accessible(page)
    page.get_by_label("Name").fill("Corporate Parenting Panel")
    page.get_by_label("Councillor seats").fill("4")
    _save(page)
    # Then its page says there are no approved terms of reference yet, and passes axe
    expect(page.get_by_role("heading", name="Corporate Parenting Panel")).to_be_visible()
    expect(page.get_by_text("No version of the terms of reference has been approved yet.")).to_be_visible()
    assert_accessible(page)

    # When they write its terms of reference, approved by Full Council
    page.get_by_role("link", name="Every version and what changed").click()
    assert_accessible(page)
    page.get_by_role("button", name="Write a new version").click()
    assert_accessible(page)
    page.get_by_label("Purpose").fill("To make sure the council is a good corporate parent.")
    page.get_by_label("Quorum").fill("3")
    page.get_by_label("How often it meets").fill("every two months")
    page.get_by_label("Reporting line").fill("reports to Cabinet once a year")
    page.get_by_label("Approved by").fill("Full Council")
    page.get_by_label("Date approved").fill("2026-05-19")
    _save(page, "Save the new version")
    # Then version 1 is approved, and the history passes axe
    expect(page.get_by_text("Version 1 of the terms of reference saved and approved.")).to_be_visible()
    assert TermsOfReference.objects.get().approved_by == "Full Council"
    assert_accessible(page)

    # When they add three councillors: one Labour, two Conservative
    for name, group in (
        ("Cllr Amir Khan", "Labour"),
        ("Cllr Beth Hale", "Conservative"),
        ("Cllr Cy Ode", "Conservative"),
    ):
        page.goto("/panels/people/add/")
        page.get_by_label("Name").fill(name)
        page.get_by_label("Who they are").select_option("councillor")
        page.get_by_label("Political group (councillors)").select_option(label=group)
        page.get_by_label("Ward (councillors)").fill("Riverside")
        _save(page)
    # Then they are listed, and the people page passes axe
    expect(page.get_by_role(
        "row", name="Cllr Beth Hale Councillor, Conservative, Riverside ward"
    )).to_be_visible()
    assert_accessible(page)

    # When they give each a seat on the panel, Cllr Khan as chair
    panel_url = f"/panels/{Panel.objects.get().pk}/"
    for name, role in (("Cllr Amir Khan", "Chair"), ("Cllr Beth Hale", "Member"), ("Cllr Cy Ode", "Member")):
        page.goto(panel_url)
        page.get_by_role("button", name="Add a seat").click()
        page.get_by_label("Person").select_option(label=name)
        page.get_by_label("Role").select_option(label=role)
        if name == "Cllr Amir Khan":
            assert_accessible(page)
        _save(page, "Add the seat")
    # Then the panel page lists them by role and flags the balance, and passes axe
    expect(page.get_by_role(
        "row", name="Cllr Amir Khan Councillor, Labour, Riverside ward Voting"
    )).to_be_visible()
    expect(page.get_by_text("4 differences from the entitlement")).to_be_visible()
    assert_accessible(page)

    # When they open the balance page
    page.get_by_role("link", name="Each group's entitlement, and what if the panel changed size").click()
    # Then a warning says how the membership departs from each group's entitlement, and it passes axe
    warning = page.locator(".govuk-warning-text")
    assert "Labour has 1 seat, entitled to 3." in warning.inner_text()
    assert "Conservative has 2 seats, entitled to 1." in warning.inner_text()
    assert "Corporate Parenting Panel has 4 seats but 3 are filled (1 vacant)." in warning.inner_text()
    assert (
        "Principle (b): Labour has a majority of the council but holds 1 of the 4 seats"
        in warning.inner_text()
    )
    expect(page.get_by_role("row", name="Labour 30 2.35 3 1 2 fewer than entitled")).to_be_visible()
    assert_accessible(page)

    # When they ask what three more seats would do
    page.get_by_label("Change in councillor seats").fill("3")
    page.get_by_role("button", name="Show the entitlement").click()
    page.wait_for_url("**change=3**")
    # Then each group's change is shown, and the page still passes axe
    expect(page.get_by_text("If Corporate Parenting Panel goes from 4 to 7 seats (3 more):")).to_be_visible()
    expect(page.get_by_text("Liberal Democrat: 0 → 1 (+1)")).to_be_visible()
    expect(page.get_by_text("Labour: 3 → 4 (+1)")).to_be_visible()
    assert_accessible(page)
