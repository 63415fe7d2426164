"""The scorecard in a real browser: a member reads it and opens a drill-down, an officer adds
commentary to a red figure, a young person reads the easy-read version. Every page visited passes
axe (WCAG 2.2 AA)."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from corparent.accounts.roles import Role
from corparent.scorecard.services import target_set
from tests.web.scorecard.conftest import council_results, snapshot_create  # noqa: F401  (a fixture)
from tests.web.system.conftest import assert_accessible

FOSTER = "Children looked after living with foster carers"


@pytest.fixture
def published(people: Any, council_results: Any) -> Any:  # noqa: F811  (the imported fixture)
    """A published snapshot; the foster care target (75%, amber within 2 points) makes 70% red."""
    snapshot = snapshot_create(by=people[Role.ANALYST], results=council_results)
    target_set(user=people[Role.OFFICER], indicator_id="placed_foster_pct", target=75, amber_tolerance=2)
    return snapshot


def test_member_reads_the_scorecard_and_opens_a_drill_down(sign_in: Any, published: Any) -> None:
    # Given a member of the panel, signed in, and a published snapshot with a red figure
    page = sign_in("member")
    # When they open the scorecard from the navigation
    page.get_by_role("link", name="Scorecard", exact=True).first.click()
    # Then they see the figures by theme, the red figure says so in words and needs commentary
    expect(page.get_by_role("heading", name="Scorecard")).to_be_visible()
    expect(page.get_by_role("heading", name="Where children live")).to_be_visible()
    row = page.locator("#indicator-placed_foster_pct")
    assert "70.0%" in row.inner_text()
    assert "Red" in row.inner_text() and "Commentary needed" in row.inner_text()
    assert "Higher is better" in row.inner_text()
    # and, as a member, they cannot add commentary
    assert page.get_by_role("link", name="Add commentary").count() == 0
    assert_accessible(page)
    # When they open the foster care drill-down
    row.get_by_role("link", name=FOSTER).click()
    # Then they see its definition, trend table and breakdowns, small numbers hidden
    expect(page.get_by_role("heading", name=FOSTER)).to_be_visible()
    expect(page.get_by_role("table", name="Trend data")).to_be_visible()
    expect(page.get_by_role("table", name="Age")).to_be_visible()
    assert "hidden" in page.get_by_role("table", name="Ethnicity").inner_text()
    assert_accessible(page)


def test_officer_adds_commentary_to_a_red_figure(sign_in: Any, published: Any) -> None:
    # Given an officer, signed in, and a red figure without commentary
    page = sign_in("officer")
    page.goto("/scorecard/")
    # When they choose to add commentary on it
    page.get_by_role("link", name=f"Add commentary on {FOSTER}").click()
    expect(page.get_by_role("heading", name="Add commentary")).to_be_visible()
    assert_accessible(page)
    # and save it without saying by when
    page.get_by_label("Why is the figure where it is?").fill("Fewer foster carers were approved this year.")
    page.get_by_label("What are we doing about it?").fill(
        "A recruitment campaign with neighbouring councils."
    )
    page.get_by_role("button", name="Save the commentary").click()
    # Then they are told "by when" is needed for a red figure
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert "say by when it will improve" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
    # When they give the date and save again
    page.get_by_label("By when").fill("2027-03-31")
    page.get_by_role("button", name="Save the commentary").click()
    # Then the scorecard shows the commentary instead of "commentary needed"
    row = page.locator("#indicator-placed_foster_pct")
    assert "A recruitment campaign with neighbouring councils." in row.inner_text()
    assert "31 March 2027" in row.inner_text()
    assert "Commentary needed" not in row.inner_text()
    assert_accessible(page)


def test_young_person_reads_the_easy_read_scorecard(sign_in: Any, published: Any) -> None:
    # Given a young person, signed in
    page = sign_in("youngperson")
    # When they open the easy-read scorecard
    page.get_by_role("link", name="Easy read", exact=True).first.click()
    # Then they read short plain sentences
    expect(page.get_by_role("heading", name="How we look after you")).to_be_visible()
    sentence = "Out of every 100 children in our care, 70 live with foster carers."
    expect(page.get_by_text(sentence)).to_be_visible()
    assert_accessible(page)
