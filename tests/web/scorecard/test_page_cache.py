"""The scorecard page's body is cached, but never shows anything stale: each change a reader would
see (a target, commentary, comparators) gives the page a new version, so it is worked out again."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from corparent.accounts.models import User
from corparent.accounts.roles import Role
from corparent.engine.indicators.suppression import Audience
from corparent.returns.models import Snapshot
from corparent.scorecard import selectors
from corparent.scorecard.services import commentary_write, target_set

LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "page-cache"}}


@pytest.fixture
def real_cache() -> object:
    with override_settings(CACHES=LOCMEM):
        cache.clear()
        yield
        cache.clear()


def test_each_change_a_reader_sees_gives_a_new_version(
    real_cache: object, snapshot: Snapshot, people: dict[Role, User]
) -> None:
    versions = [selectors.scorecard_version(snapshot=snapshot, audience=Audience.MEMBER)]
    versions.append(selectors.scorecard_version(snapshot=snapshot, audience=Audience.ANALYST))
    target_set(user=people[Role.OFFICER], indicator_id="placed_foster_pct", target=99.0)
    versions.append(selectors.scorecard_version(snapshot=snapshot, audience=Audience.MEMBER))
    commentary_write(
        user=people[Role.OFFICER],
        snapshot=snapshot,
        indicator_id="placed_foster_pct",
        why="Fewer foster carers",
        action="Recruitment campaign",
        by_when=date(2026, 3, 31),
    )
    versions.append(selectors.scorecard_version(snapshot=snapshot, audience=Audience.MEMBER))
    assert len(set(versions)) == len(versions)


def test_the_page_shows_a_new_target_at_once_with_the_cache_on(
    real_cache: object, snapshot: Snapshot, people: dict[Role, User], client_for: Callable[[Role], Client]
) -> None:
    member = client_for(Role.MEMBER)

    def body() -> str:  # the page without the sign-out form's CSRF token, which changes each time
        return re.sub(
            r'name="csrfmiddlewaretoken" value="[^"]+"', "", member.get("/scorecard/").content.decode()
        )

    with CaptureQueriesContext(connection) as first:
        before = body()
    with CaptureQueriesContext(connection) as second:
        assert body() == before  # served from the cache: the same page...
    assert len(second.captured_queries) < len(first.captured_queries)  # ...without working it out
    assert "Target: 87" not in before
    target_set(user=people[Role.OFFICER], indicator_id="placed_foster_pct", target=87.0)
    assert "Target: 87" in body()
