"""The voice services: who may raise, answer, publish and rate, and what each writes (and audits)."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from corparent.accounts.models import AuditEvent, User
from corparent.accounts.roles import Role
from corparent.voice import selectors, services
from corparent.voice.models import Issue, Rating

from .conftest import VoiceWorld

pytestmark = pytest.mark.django_db


def test_a_young_person_raises_an_issue_at_a_session_and_it_is_audited(
    voice: VoiceWorld, people: dict[Role, User]
) -> None:
    issue = services.issue_raise(
        user=people[Role.YOUNG_PERSON], session=voice.session, you_said="  More wifi  "
    )

    assert (issue.forum, issue.session, issue.you_said) == (voice.forum, voice.session, "More wifi")
    assert issue.raised_on == date(2026, 2, 4)  # the session's date
    assert issue.status == Issue.Status.RAISED and issue.published_on is None
    assert AuditEvent.objects.filter(action="voice.issue_raise", target=f"issue:{issue.pk}").count() == 1


@pytest.mark.parametrize("role", [Role.MEMBER, Role.PARTNER, Role.ANALYST, Role.ADMIN])
def test_only_young_people_and_participation_workers_raise_issues(
    voice: VoiceWorld, people: dict[Role, User], role: Role
) -> None:
    with pytest.raises(PermissionDenied):
        services.issue_raise(user=people[role], session=voice.session, you_said="More wifi")
    assert not Issue.objects.exists()


def test_an_empty_issue_is_refused(voice: VoiceWorld, people: dict[Role, User]) -> None:
    with pytest.raises(ValidationError) as caught:
        services.issue_raise(user=people[Role.YOUNG_PERSON], session=voice.session, you_said="   ")
    assert caught.value.message_dict == {"you_said": ["Say what young people said"]}


def test_an_answer_is_published_only_with_what_we_did_and_a_decided_status(
    voice: VoiceWorld, people: dict[Role, User]
) -> None:
    officer = people[Role.OFFICER]
    issue = services.issue_raise(user=people[Role.YOUNG_PERSON], session=voice.session, you_said="More wifi")

    with pytest.raises(ValidationError) as caught:
        services.issue_answer(
            user=officer, issue=issue, owner="Housing", status="done", we_did="", publish=True
        )
    assert "we_did" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        services.issue_answer(
            user=officer, issue=issue, owner="Housing", status="raised", we_did="x", publish=True
        )
    assert "status" in caught.value.message_dict
    issue.refresh_from_db()
    assert issue.published_on is None and issue.we_did == ""

    services.issue_answer(
        user=officer,
        issue=issue,
        owner="Housing",
        status="done",
        we_did="Wifi in every home.",
        publish=True,
        on=date(2026, 3, 1),
    )
    issue.refresh_from_db()
    assert (issue.answered_on, issue.published_on, issue.owner) == (
        date(2026, 3, 1),
        date(2026, 3, 1),
        "Housing",
    )
    assert list(selectors.issues_published()) == [issue]


@pytest.mark.parametrize("role", [Role.YOUNG_PERSON, Role.MEMBER, Role.PARTNER])
def test_only_the_participation_worker_answers(
    voice: VoiceWorld, people: dict[Role, User], role: Role
) -> None:
    issue = services.issue_raise(user=people[Role.YOUNG_PERSON], session=voice.session, you_said="More wifi")
    with pytest.raises(PermissionDenied):
        services.issue_answer(
            user=people[role], issue=issue, owner="x", status="done", we_did="y", publish=True
        )


def test_issues_answered_between_takes_the_dates_after_the_first_up_to_the_second(
    voice: VoiceWorld, people: dict[Role, User]
) -> None:
    officer, yp = people[Role.OFFICER], people[Role.YOUNG_PERSON]
    answered = {}
    for on in (date(2026, 1, 15), date(2026, 1, 16), date(2026, 3, 12), date(2026, 3, 13)):
        issue = services.issue_raise(user=yp, session=voice.session, you_said=f"Item {on}")
        services.issue_answer(
            user=officer, issue=issue, owner="S", status="done", we_did="Done", publish=True, on=on
        )
        answered[on] = issue
    unpublished = services.issue_raise(user=yp, session=voice.session, you_said="Not yet")
    services.issue_answer(
        user=officer,
        issue=unpublished,
        owner="S",
        status="in_progress",
        we_did="Soon",
        publish=False,
        on=date(2026, 2, 1),
    )

    got = list(selectors.issues_answered_between(after=date(2026, 1, 15), until=date(2026, 3, 12)))

    assert got == [answered[date(2026, 1, 16)], answered[date(2026, 3, 12)]]


def test_a_rating_shows_as_the_promise_s_latest(voice: VoiceWorld, people: dict[Role, User]) -> None:
    yp = people[Role.YOUNG_PERSON]
    services.promise_rate(user=yp, promise=voice.promises[0], verdict="not_kept", on=date(2026, 1, 1))
    services.promise_rate(
        user=yp, promise=voice.promises[0], verdict="partly", comment="Better", on=date(2026, 2, 1)
    )

    first, second = selectors.pledge_rows()

    assert first.latest is not None and first.latest.verdict == Rating.Verdict.PARTLY
    assert first.counts == {"not_kept": 1, "partly": 1}
    assert second.latest is None
    with pytest.raises(PermissionDenied):
        services.promise_rate(user=people[Role.MEMBER], promise=voice.promises[1], verdict="kept")
    with pytest.raises(ValidationError):
        services.promise_rate(user=yp, promise=voice.promises[1], verdict="maybe")


def test_promise_principles_are_letters_a_to_g(people: dict[Role, User]) -> None:
    with pytest.raises(ValidationError) as caught:
        services.promise_create(user=people[Role.OFFICER], number=9, text="t", owner="o", principles="ax")
    assert caught.value.message_dict == {"principles": ["Use the letters a to g, e.g. aef"]}
    promise = services.promise_create(
        user=people[Role.OFFICER], number=9, text="t", owner="o", principles="g, c"
    )
    assert promise.principles == "cg"
