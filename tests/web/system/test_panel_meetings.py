"""The panel's meetings in a real browser: the chair's business from agenda to attendance, minutes and
actions (entered by democratic services), open actions coming back at the next meeting by
themselves, and a partner submitting the report the work programme asks of it. axe on every page."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from playwright.sync_api import expect

from corparent.panels.models import Action, WorkProgrammeItem
from corparent.panels.services import actions as action_services
from tests.web.panels.meetings.conftest import Brookfield, brookfield  # noqa: F401  (the panel fixture)
from tests.web.system.conftest import assert_accessible


def test_the_chair_runs_a_meeting_from_agenda_to_actions_and_open_actions_come_back(
    sign_in: Any,
    brookfield: Brookfield,  # noqa: F811
) -> None:
    # Given the panel met on 14 May and left an action open for the health board
    b = brookfield
    may = b.meeting(dt.date(2026, 5, 14), status="held")
    action_services.action_create(
        user=b.officer,
        panel=b.panel,
        meeting=may,
        description="Report on dental checks",
        due_date=dt.date(2026, 6, 30),
        owner_organisation=b.health,
    )
    page = sign_in("officer")

    # When democratic services open the panel's meetings and schedule the July meeting
    page.goto(reverse("panels:meetings", kwargs={"panel_id": b.panel.pk}))
    expect(page.get_by_role("heading", name="Meetings", exact=True)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Schedule a meeting").click()
    assert_accessible(page)
    page.get_by_label("Date and time").fill("2026-07-09T18:00")
    page.get_by_label("Where").fill("Committee Room 1")
    page.get_by_role("button", name="Schedule").click()

    # Then the meeting's agenda is built: the standing items, naming the last meeting's minutes
    expect(page.get_by_role("heading", name="Meeting on 9 July 2026 at 18:00")).to_be_visible()
    expect(page.get_by_role("heading", name="3. Minutes of the meeting on 14 May 2026")).to_be_visible()
    # And the action log item carries May's open action
    log = page.get_by_role("table", name="Actions from earlier meetings")
    expect(log.get_by_role("link", name="Report on dental checks")).to_be_visible()
    assert_accessible(page)

    # When they add a report to the agenda and move it above the voice item
    page.get_by_role("button", name="Edit the agenda").click()
    page.get_by_label("Item title").fill("Virtual school head's report")
    page.get_by_role("button", name="Add the item").click()
    expect(page.get_by_text("Added “Virtual school head's report” to the agenda.")).to_be_visible()
    page.locator("tr", has_text="Virtual school head's report").get_by_role("button", name="Move up").click()
    rows = page.get_by_role("table", name="The agenda").locator("tbody tr")
    assert rows.nth(5).inner_text().startswith("6. Virtual school head's report")
    assert_accessible(page)

    # When they record who came: two councillors, apologies from Cllr Cedar and a substitute for her
    page.get_by_role("link", name="Back to the meeting").click()
    page.get_by_role("button", name="Record attendance").click()
    assert_accessible(page)
    page.get_by_label("Cllr Ash").select_option("present")
    page.get_by_label("Cllr Birch").select_option("present")
    page.get_by_label("Cllr Cedar").select_option("apologies")
    page.get_by_label("Pat Partner").select_option("present")
    page.get_by_label("Substitute present (optional)").select_option(label="Cllr Fir")
    page.get_by_label("Substituting for").select_option(label="Cllr Cedar")
    page.get_by_role("button", name="Save attendance").click()
    # Then the meeting is quorate: 3 voting members of the 3 needed
    expect(page.get_by_text("Attendance recorded. 3 of the 3 voting members needed")).to_be_visible()
    expect(page.locator(".govuk-tag", has_text="Quorate")).to_be_visible()
    assert_accessible(page)

    # When they write the minutes of the scorecard item, with a resolution
    page.get_by_role("button", name="Write the minutes").click()
    assert_accessible(page)
    page.get_by_label("1. Apologies for absence: minute").fill(
        "Apologies from Cllr Cedar; Cllr Fir substituted."
    )
    page.get_by_label("5. Performance scorecard: minute").fill("Members asked why dental checks had fallen.")
    page.get_by_label("5. Performance scorecard: resolved (optional)").fill(
        "To ask the health board for a plan."
    )
    page.get_by_role("button", name="Save the minutes").click()
    expect(page.get_by_text("Resolved: To ask the health board for a plan.")).to_be_visible()

    # And raise an action for the housing partner
    page.get_by_role("button", name="Add an action").click()
    assert_accessible(page)
    page.get_by_label("What is to be done").fill("Housing pathway for care leavers")
    page.get_by_label("Owner").select_option(label="Brookfield Housing (the organisation)")
    page.get_by_label("Due date").fill("2026-08-31")
    page.get_by_role("button", name="Add the action").click()
    raised = page.get_by_role("table", name="Actions raised at this meeting")
    expect(raised.get_by_role("link", name="Housing pathway for care leavers")).to_be_visible()
    page.get_by_label("Status").select_option("held")
    page.get_by_role("button", name="Change the status").click()
    expect(page.get_by_text("The meeting is now held.")).to_be_visible()
    assert_accessible(page)

    # When the September meeting is scheduled
    page.goto(reverse("panels:meeting_schedule", kwargs={"panel_id": b.panel.pk}))
    page.get_by_label("Date and time").fill("2026-09-10T18:00")
    page.get_by_role("button", name="Schedule").click()
    # Then both open actions come back on its action log by themselves, the May one overdue
    log = page.get_by_role("table", name="Actions from earlier meetings")
    expect(log.get_by_role("link", name="Housing pathway for care leavers")).to_be_visible()
    expect(log.get_by_role("row", name="Report on dental checks").get_by_text("Overdue")).to_be_visible()
    assert_accessible(page)
    assert Action.objects.count() == 2  # read from the log, never copied


def test_a_partner_submits_the_report_asked_of_it_and_updates_its_action(
    sign_in: Any,
    brookfield: Brookfield,  # noqa: F811
) -> None:
    # Given the work programme asks the health board (the partner's organisation) for a report
    b = brookfield
    september = b.meeting(dt.date(2026, 9, 10))
    item = WorkProgrammeItem.objects.create(
        panel=b.panel,
        theme="Health",
        title="Health assessments on time",
        partner=b.health,
        meeting=september,
        due_date=dt.date(2026, 8, 20),
        status=WorkProgrammeItem.Status.REQUESTED,
    )
    action = action_services.action_create(
        user=b.officer,
        panel=b.panel,
        description="Fund two more nurses",
        due_date=dt.date(2026, 12, 1),
        owner_organisation=b.health,
    )
    page = sign_in("partner")

    # When the partner opens the work programme
    page.goto(reverse("panels:fwp", kwargs={"panel_id": b.panel.pk}))
    # Then it says what is asked of their organisation
    expect(page.get_by_role("heading", name="Asked of Integrated Care Board")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("region", name="Asked of Integrated Care Board").get_by_role(
        "link", name="Health assessments on time"
    ).click()
    assert_accessible(page)

    # When they submit the report without a summary
    page.get_by_role("button", name="Submit the report").click()
    page.get_by_label("Report title").fill("Health assessments: the year so far")
    page.get_by_role("button", name="Submit the report").click()
    # Then an error summary says what is missing, and the page passes axe
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_text("Enter the summary for the panel")).to_be_visible()
    assert_accessible(page)

    # When they add the summary and submit
    page.get_by_label("Summary for the panel").fill("9 in 10 initial health assessments were on time.")
    page.get_by_role("button", name="Submit the report").click()
    # Then the item shows the report received
    expect(page.get_by_text("Report submitted")).to_be_visible()
    expect(page.locator(".govuk-tag", has_text="Report received")).to_be_visible()
    expect(page.get_by_text("9 in 10 initial health assessments were on time.")).to_be_visible()
    assert_accessible(page)
    item.refresh_from_db()
    assert item.status == "received"

    # When they update their organisation's action
    page.goto(reverse("panels:action", kwargs={"action_id": action.pk}))
    assert_accessible(page)
    page.get_by_label("Status").select_option("in_progress")
    page.get_by_label("Update").fill("One nurse in post, the second starts in October.")
    page.get_by_role("button", name="Add the update").click()
    # Then the update is on the action
    expect(page.get_by_text("One nurse in post, the second starts in October.")).to_be_visible()
    expect(page.locator(".govuk-tag", has_text="In progress")).to_be_visible()
    assert_accessible(page)
