"""The voice pages for each role: who sees what, who may write, and what a refusal looks like."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from corparent.accounts.models import User
from corparent.accounts.roles import Role
from corparent.voice import services
from corparent.voice.models import Issue, Rating

from .conftest import VoiceWorld

pytestmark = pytest.mark.django_db

ALL = list(Role)


def _pages(voice: VoiceWorld) -> list[str]:
    return [
        "/voice/",
        f"/voice/forums/{voice.forum.pk}/",
        f"/voice/sessions/{voice.session.pk}/",
        "/voice/you-said-we-did/",
        "/voice/pledge/",
        "/voice/local-offer/",
        "/voice/surveys/",
        "/voice/complaints-and-compliments/",
    ]


@pytest.mark.parametrize("role", ALL)
def test_everyone_sees_the_voice_pages(
    voice: VoiceWorld, client_for: Callable[[Role], Client], role: Role
) -> None:
    client = client_for(role)
    for url in _pages(voice):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("role", [r for r in ALL if r != Role.OFFICER])
def test_only_the_participation_worker_opens_the_management_pages(
    voice: VoiceWorld, client_for: Callable[[Role], Client], role: Role, people: dict[Role, User]
) -> None:
    issue = services.issue_raise(user=people[Role.OFFICER], session=voice.session, you_said="More wifi")
    client = client_for(role)
    for url in (
        "/voice/forums/new/",
        f"/voice/forums/{voice.forum.pk}/sessions/new/",
        f"/voice/issues/{issue.pk}/answer/",
        "/voice/pledge/new/",
        "/voice/surveys/import/",
        "/voice/surveys/template.csv",
        "/voice/complaints-and-compliments/import/",
    ):
        assert client.get(url).status_code == 403, url


def test_a_young_person_raises_an_issue_and_a_member_may_not(
    voice: VoiceWorld, client_for: Callable[[Role], Client]
) -> None:
    url = f"/voice/sessions/{voice.session.pk}/"
    page = client_for(Role.YOUNG_PERSON).get(url).content.decode()
    assert "Raise an issue" in page
    assert "Raise an issue" not in client_for(Role.MEMBER).get(url).content.decode()

    assert client_for(Role.MEMBER).post(url, {"you_said": "More wifi"}).status_code == 403
    response = client_for(Role.YOUNG_PERSON).post(url, {"you_said": "More wifi"})
    assert response.status_code == 302
    assert client_for(Role.YOUNG_PERSON).post(url, {"you_said": ""}).status_code == 400
    assert list(Issue.objects.values_list("you_said", flat=True)) == ["More wifi"]


def test_you_said_we_did_shows_only_published_answers_and_no_one_s_name(
    voice: VoiceWorld, client_for: Callable[[Role], Client], people: dict[Role, User]
) -> None:
    officer, yp = people[Role.OFFICER], people[Role.YOUNG_PERSON]
    shown = services.issue_raise(user=yp, session=voice.session, you_said="More wifi")
    hidden = services.issue_raise(user=yp, session=voice.session, you_said="Later bedtimes")
    services.issue_answer(
        user=officer, issue=shown, owner="Housing", status="done", we_did="Wifi fitted", publish=True
    )
    services.issue_answer(
        user=officer, issue=hidden, owner="Homes", status="in_progress", we_did="", publish=False
    )

    page = client_for(Role.YOUNG_PERSON).get("/voice/you-said-we-did/").content.decode()

    assert "More wifi" in page and "Wifi fitted" in page
    assert "Later bedtimes" not in page
    assert yp.username not in page.split('id="main-content"')[-1].split("</main>")[0]


def test_the_officer_answers_and_publishes_through_the_form(
    voice: VoiceWorld, client_for: Callable[[Role], Client], people: dict[Role, User]
) -> None:
    issue = services.issue_raise(user=people[Role.YOUNG_PERSON], session=voice.session, you_said="More wifi")
    url = f"/voice/issues/{issue.pk}/answer/"
    client = client_for(Role.OFFICER)

    refused = client.post(url, {"owner": "Housing", "status": "done", "we_did": "", "publish": "on"})
    assert refused.status_code == 400 and "Write what we did before publishing it" in refused.content.decode()
    issue.refresh_from_db()
    assert issue.published_on is None

    ok = client.post(url, {"owner": "Housing", "status": "done", "we_did": "Wifi fitted", "publish": "on"})
    assert ok.status_code == 302
    issue.refresh_from_db()
    assert issue.published_on is not None and issue.we_did == "Wifi fitted"


def test_a_young_person_rates_a_promise_and_the_rating_sits_beside_its_evidence(
    voice: VoiceWorld, client_for: Callable[[Role], Client]
) -> None:
    promise = voice.promises[0]
    assert (
        client_for(Role.MEMBER).post(f"/voice/pledge/{promise.pk}/rate/", {"verdict": "kept"}).status_code
        == 403
    )
    response = client_for(Role.YOUNG_PERSON).post(
        f"/voice/pledge/{promise.pk}/rate/", {"verdict": "partly", "comment": "Not always"}
    )
    assert response.status_code == 302
    assert Rating.objects.get().verdict == Rating.Verdict.PARTLY

    page = client_for(Role.MEMBER).get("/voice/pledge/").content.decode()
    card = page.split(f'id="promise-{promise.number}"')[1].split('govuk-summary-card"')[0]
    assert "Audit of 40 case files, January 2026" in card
    assert "Partly kept" in card and "Not always" in card
