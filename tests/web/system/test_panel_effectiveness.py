"""How well the panel works, in a real browser: a councillor goes from the panel's page to the year,
meeting by meeting, with the keyboard, picks an earlier year, and downloads the annual report. axe on
every page."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from playwright.sync_api import expect

from corparent.panels.models import Attendance, Meeting
from tests.web.panels.meetings.conftest import Brookfield, brookfield  # noqa: F401  (the panel fixture)
from tests.web.system.conftest import assert_accessible


def test_a_councillor_reads_how_well_the_panel_works_and_downloads_the_annual_report(
    sign_in: Any,
    brookfield: Brookfield,  # noqa: F811
) -> None:
    # Given the panel (its seats held since 1 January 2026) held a meeting on 9 July 2026 with three
    # of its five councillors and its young person, and one on 12 March 2026, the year before, with
    # all five councillors
    b = brookfield
    b.panel.memberships.update(start_date=dt.date(2026, 1, 1))
    july = b.meeting(dt.date(2026, 7, 9), Meeting.Status.HELD)
    for key in ("ash", "birch", "dale", "jordan"):
        Attendance.objects.create(meeting=july, person=b.people[key], status=Attendance.Status.PRESENT)
    march = b.meeting(dt.date(2026, 3, 12), Meeting.Status.HELD)
    for key in ("ash", "birch", "cedar", "dale", "elm"):
        Attendance.objects.create(meeting=march, person=b.people[key], status=Attendance.Status.PRESENT)

    # When the chair opens the panel's page
    page = sign_in("member")
    page.goto(reverse("panels:panel", kwargs={"panel_id": b.panel.pk}))
    # Then it shows how well the panel works, this year beside last year, and passes axe
    expect(page.get_by_role("heading", name="How well the panel works")).to_be_visible()
    councillors = page.locator("#measure-councillor_attendance")
    expect(councillors).to_contain_text("3 of 5 (60%)")
    assert_accessible(page)

    # When they follow the link to the year with the keyboard
    link = page.get_by_role("link", name="What each measure counts, meeting by meeting")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/how-well-it-works/")
    # Then each held meeting has its row, and the page passes axe
    expect(page.get_by_role("rowheader", name="9 July 2026")).to_be_visible()
    expect(page.get_by_role("row", name="9 July 2026").get_by_role("cell").first).to_have_text("Yes")
    assert_accessible(page)

    # When they choose 2025/26 and show it
    page.get_by_label("Council year (1 April to 31 March)").select_option(label="2025/26")
    page.get_by_role("button", name="Show the year").click()
    page.wait_for_url("**/how-well-it-works/?year=2025")
    # Then the March meeting shows, with every councillor there, and the page passes axe
    expect(page.get_by_role("row", name="12 March 2026")).to_contain_text("5 of 5 (100%)")
    assert_accessible(page)

    # When they download that year's annual report as a Word file
    with page.expect_download() as download:
        page.get_by_role("link", name="annual report (DOCX, a Word file)").click()
    # Then it is the panel's report for 2025/26
    assert download.value.suggested_filename == "corporate-parenting-panel-annual-report-2025-26.docx"
