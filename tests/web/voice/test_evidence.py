"""The voice area's principles evidence: a published answer is evidence of principles (b) and (c);
a rated promise is evidence of each principle it serves; both link to their page, and they show on
the strategy's principles page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client

from corparent.accounts.models import User
from corparent.accounts.roles import Role
from corparent.strategy import evidence as registry
from corparent.voice import services
from corparent.voice.evidence import evidence

from .conftest import VoiceWorld

pytestmark = pytest.mark.django_db


def test_published_answers_and_rated_promises_are_evidence(
    voice: VoiceWorld, people: dict[Role, User], client_for: Callable[[Role], Client]
) -> None:
    officer, yp = people[Role.OFFICER], people[Role.YOUNG_PERSON]
    issue = services.issue_raise(user=yp, session=voice.session, you_said="More wifi")
    unpublished = services.issue_raise(user=yp, session=voice.session, you_said="Later bedtimes")
    services.issue_answer(
        user=officer,
        issue=issue,
        owner="Homes",
        status="done",
        we_did="Wifi fitted",
        publish=True,
        on=date(2026, 3, 1),
    )
    services.issue_answer(
        user=officer, issue=unpublished, owner="Homes", status="in_progress", we_did="Looking", publish=False
    )
    services.promise_rate(user=yp, promise=voice.promises[0], verdict="kept", on=date(2026, 3, 2))

    found = sorted((e.principle, e.url, e.when) for e in evidence())

    assert found == [
        ("b", f"/voice/pledge/#promise-{voice.promises[0].number}", date(2026, 3, 2)),
        ("b", f"/voice/you-said-we-did/#issue-{issue.pk}", date(2026, 3, 1)),
        ("c", f"/voice/you-said-we-did/#issue-{issue.pk}", date(2026, 3, 1)),
        ("d", f"/voice/pledge/#promise-{voice.promises[0].number}", date(2026, 3, 2)),
    ]
    assert evidence in registry.providers()
    page = client_for(Role.MEMBER).get("/strategy/principles/").content.decode()
    assert f"/voice/you-said-we-did/#issue-{issue.pk}" in page
