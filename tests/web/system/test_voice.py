"""The voice area in a real browser: a young person raises an issue at a forum session and rates a
Pledge promise; the participation worker answers and publishes it; the young person reads it on
"you said, we did", and a councillor sees the rating beside the promise's evidence. Axe on every page."""

from __future__ import annotations

from datetime import date
from typing import Any

from playwright.sync_api import expect

from corparent.accounts.models import User
from corparent.accounts.roles import Role
from corparent.voice import services
from corparent.voice.models import Forum
from tests.web.system.conftest import assert_accessible


def test_a_young_person_speaks_the_participation_worker_answers_and_it_is_published(
    sign_in: Any, people: dict[Role, User], browser: Any, live_server: Any
) -> None:
    officer = people[Role.OFFICER]
    forum = services.forum_create(
        user=officer, name="Children in Care Council", kind=Forum.Kind.CHILDREN_IN_CARE_COUNCIL
    )
    services.session_create(user=officer, forum=forum, held_on=date(2026, 2, 4), title="February meeting")
    services.promise_create(
        user=officer,
        number=1,
        text="We will tell you who your social worker is.",
        owner="Children in care service",
        evidence="Case file audit: 37 of 40 files had the letter.",
        principles="bd",
    )

    # Given a young person signed in
    page = sign_in("youngperson")
    # When they open Voice, the forum and its session
    page.get_by_role("link", name="Voice").first.click()
    assert_accessible(page)
    page.get_by_role("link", name="Children in Care Council").click()
    assert_accessible(page)
    page.get_by_role("link", name="February meeting, 4 February 2026").click()
    assert_accessible(page)
    # And they raise an issue (an empty one first)
    page.get_by_role("button", name="Raise it").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("You said").fill("We want wifi that works in every home.")
    page.get_by_role("button", name="Raise it").click()
    # Then it is listed as raised
    expect(page.get_by_text("We want wifi that works in every home.")).to_be_visible()
    assert_accessible(page)

    # When they rate promise 1 from the Pledge
    page.goto("/voice/pledge/")
    assert_accessible(page)
    page.get_by_role("link", name="Rate promise 1").click()
    assert_accessible(page)
    page.get_by_label("Is this promise kept?").select_option("partly")
    page.get_by_label("Why? (optional)").fill("Not when workers change")
    page.get_by_role("button", name="Save my rating").click()
    # Then the rating shows beside the evidence
    card = page.locator("#promise-1")
    assert "Case file audit" in card.inner_text() and "Partly kept" in card.inner_text()
    assert_accessible(page)

    # Given the participation worker, in a fresh browser context
    context = browser.new_context(base_url=live_server.url)
    worker = context.new_page()
    worker.goto("/accounts/sign-in/")
    from tests.web.conftest import PASSWORD

    worker.get_by_label("User name").fill("officer")
    worker.get_by_label("Password").fill(PASSWORD)
    worker.get_by_role("button", name="Sign in").click()
    worker.wait_for_url("**/")
    # When they open Voice and answer the waiting issue, publishing it, using the keyboard to submit
    worker.goto("/voice/")
    assert_accessible(worker)
    worker.get_by_role("link", name="Answer").first.click()
    assert_accessible(worker)
    worker.get_by_label("Who is answering it").fill("Residential homes")
    worker.get_by_label("Status").select_option("done")
    worker.get_by_label("We did", exact=True).fill("New wifi is fitted in all five homes.")
    worker.get_by_label('Publish on "you said, we did"').check()
    worker.get_by_role("button", name="Save the answer").focus()
    worker.keyboard.press("Enter")
    worker.wait_for_url("**/voice/")
    expect(worker.get_by_text("Every issue raised has a published answer.")).to_be_visible()
    assert_accessible(worker)
    context.close()

    # Then the young person reads it on "you said, we did"
    page.goto("/voice/you-said-we-did/")
    expect(page.get_by_text("New wifi is fitted in all five homes.")).to_be_visible()
    assert_accessible(page)


def test_a_councillor_reads_the_voice_pages_with_small_numbers_hidden(
    sign_in: Any, people: dict[Role, User]
) -> None:
    from corparent.demo.voice import demo_voice_seed

    demo_voice_seed(people=people)
    # Given a councillor signed in, when they visit each voice page, then each passes axe
    page = sign_in("member")
    for url in (
        "/voice/",
        "/voice/you-said-we-did/",
        "/voice/pledge/",
        "/voice/local-offer/",
        "/voice/surveys/",
        "/voice/complaints-and-compliments/",
    ):
        page.goto(url)
        assert_accessible(page)
    # And the survey's small row is hidden
    page.goto("/voice/surveys/")
    assert page.get_by_text("Hidden (small numbers)").count() == 1
