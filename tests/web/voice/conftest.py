"""Voice fixtures: a Children in Care Council with one session, and a two-promise Pledge."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from corparent.accounts.models import User
from corparent.accounts.roles import Role
from corparent.voice import services
from corparent.voice.models import Forum, Promise, Session


@dataclass
class VoiceWorld:
    forum: Forum
    session: Session
    promises: list[Promise]


@pytest.fixture
def voice(people: dict[Role, User]) -> VoiceWorld:
    officer = people[Role.OFFICER]
    forum = services.forum_create(
        user=officer, name="Children in Care Council", kind=Forum.Kind.CHILDREN_IN_CARE_COUNCIL
    )
    session = services.session_create(
        user=officer, forum=forum, held_on=date(2026, 2, 4), title="February meeting"
    )
    promises = [
        services.promise_create(
            user=officer,
            number=1,
            text="We will tell you who your social worker is and how to reach them.",
            owner="Children in care service",
            evidence="Audit of 40 case files, January 2026",
            principles="bd",
        ),
        services.promise_create(
            user=officer,
            number=2,
            text="We will help you keep in touch with your brothers and sisters.",
            owner="Children in care service",
            evidence="",
            principles="f",
        ),
    ]
    return VoiceWorld(forum=forum, session=session, promises=promises)
