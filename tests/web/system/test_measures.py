"""Local measures in a real browser: an officer defines a measure owned by the health partner and
imports its values (a bad file first); the partner submits the newest period; the officer sees it in;
the scorecard shows it beside the statutory figures, marked Local. Axe on every page visited."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils import timezone
from playwright.sync_api import expect

from corparent.accounts.models import User
from corparent.accounts.roles import Role
from corparent.measures.models import Measure, MeasureValue
from tests.web.scorecard.conftest import empty_snapshot, figure
from tests.web.system.conftest import assert_accessible


def _month(d: date, back: int) -> date:
    index = d.year * 12 + d.month - 1 - back
    return date(index // 12, index % 12 + 1, 1)


def test_an_officer_defines_and_imports_a_partner_submits_and_the_scorecard_shows_it(
    sign_in: Any, people: dict[Role, User]
) -> None:
    today = timezone.localdate()
    first, second, newest = (_month(today, n) for n in (3, 2, 1))
    snapshot = empty_snapshot(by=people[Role.ANALYST])
    figure(snapshot, "cla", 412)

    # Given an officer signed in
    page = sign_in("officer")
    # When they open Local measures from the navigation
    page.get_by_role("link", name="Local measures").first.click()
    # Then the overview says there are none yet, and passes axe
    expect(page.get_by_text("No local measures are defined yet.")).to_be_visible()
    assert_accessible(page)

    # When they define a monthly percentage owned by the health partner
    page.get_by_role("link", name="Define a measure").click()
    assert_accessible(page)
    page.get_by_label("Title").fill("Initial health assessments within 20 working days")
    page.get_by_label("What it means").fill(
        "Of the children who came into care, how many had an assessment in time."
    )
    page.get_by_label("Unit").select_option("percent")
    page.get_by_label("Which direction is good").select_option("up")
    page.get_by_label("How often").select_option("monthly")
    page.get_by_label("First period").fill(first.isoformat())
    page.get_by_label("Owned by").select_option(label="Integrated Care Board")
    page.get_by_label("Source").fill("Health team records")
    page.get_by_label("Numerator label (optional)").fill("assessments in time")
    page.get_by_label("Denominator label (optional)").fill("children who came into care")
    page.get_by_role("button", name="Define the measure").click()
    # Then its page lists the three months that have ended, none in yet, and passes axe
    page.wait_for_url("**/measures/*/")
    measure = Measure.objects.get()
    expect(page.get_by_role("heading", name=measure.title)).to_be_visible()
    expect(page.get_by_text("In: 0.")).to_be_visible()
    assert_accessible(page)

    # When they import a file with a bad row
    page.get_by_role("link", name="Import values").click()
    assert_accessible(page)
    bad = f"period_start,period,numerator,denominator,note\n{first},,12,10,\n".encode()
    page.get_by_label("The filled-in template").set_input_files(
        {"name": "iha.csv", "mimeType": "text/csv", "buffer": bad}
    )
    page.get_by_role("button", name="Import").click()
    # Then the problem names the file, row and column, nothing is stored, and the page passes axe
    expect(page.get_by_text("iha.csv, row 2, column numerator")).to_be_visible()
    assert not MeasureValue.objects.exists()
    assert_accessible(page)

    # When they import a good file for the two older months
    good = f"period_start,period,numerator,denominator,note\n{first},,14,20,\n{second},,15,20,\n".encode()
    page.get_by_label("The filled-in template").set_input_files(
        {"name": "iha.csv", "mimeType": "text/csv", "buffer": good}
    )
    page.get_by_role("button", name="Import").click()
    # Then both are in and the newest month is still to come, and the page passes axe
    page.wait_for_url(f"**/measures/{measure.pk}/")
    expect(page.get_by_text("Imported 2 value(s)")).to_be_visible()
    expect(page.get_by_text("In: 2.")).to_be_visible()
    assert_accessible(page)

    # Given the partner (the health organisation's) signed in
    page.context.clear_cookies()
    page = sign_in("partner")
    # When they open their measures
    page.get_by_role("link", name="Local measures").first.click()
    # Then they see their organisation's measure with its newest month due or late, and the page passes axe
    expect(page.get_by_role("heading", name="Your measures")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name=measure.title).click()
    assert_accessible(page)
    # When they enter the newest month: 18 of 20
    page.get_by_role("link", name=f"Enter {newest:%B %Y}").click()
    assert_accessible(page)
    page.get_by_label("Numerator: assessments in time").fill("18")
    page.get_by_label("Denominator: children who came into care").fill("20")
    page.get_by_role("button", name="Save the value").click()
    # Then it is saved, and the page passes axe
    page.wait_for_url(f"**/measures/{measure.pk}/")
    expect(page.get_by_text(f"{newest:%B %Y} saved")).to_be_visible()
    assert_accessible(page)

    # Given the officer again
    page.context.clear_cookies()
    page = sign_in("officer")
    page.goto("/measures/")
    # Then the overview shows three in and none late or due for the measure, and passes axe
    row = page.get_by_role("row").filter(has_text=measure.title)
    assert [c.strip() for c in row.locator("td").all_inner_texts()][-3:] == ["0", "0", "3"]
    assert_accessible(page)
    # When they open the scorecard
    page.get_by_role("link", name="Scorecard", exact=True).first.click()
    # Then the local measure is beside the statutory figures, marked Local, at 90.0%, and the page passes axe
    local = page.get_by_role("row").filter(has_text=measure.title)
    expect(local.get_by_text("Local", exact=True)).to_be_visible()
    expect(local.get_by_text("90.0%").first).to_be_visible()
    expect(page.get_by_role("heading", name="How many children are in our care")).to_be_visible()
    assert_accessible(page)
