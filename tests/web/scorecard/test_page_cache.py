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
from corparent.accounts.services import user_create
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


# ---------------------------------------------------------------- the whole page, kept for each reader


def _without_token(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def _token(html: str) -> str:
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert found is not None, "the page has no sign-out form"
    return found.group(1)


def _row(html: str, indicator_id: str) -> str:
    row = html[html.index(f'id="indicator-{indicator_id}"') :]
    return row[: row.index("</tr>")]


def test_a_kept_page_costs_the_session_the_reader_and_one_query_and_is_the_same_page(
    real_cache: object, snapshot: Snapshot, client_for: Callable[[Role], Client]
) -> None:
    member = client_for(Role.MEMBER)
    first = member.get("/scorecard/").content.decode()
    with CaptureQueriesContext(connection) as queries:
        again = member.get("/scorecard/").content.decode()
    # the session, the signed-in user, and the scorecard's version (which snapshot, and what changed)
    assert len(queries.captured_queries) == 3, [q["sql"][:80] for q in queries.captured_queries]
    assert _without_token(again) == _without_token(first)
    assert "CSRF" not in again.upper().replace("CSRFMIDDLEWARETOKEN", "")  # no placeholder left


def test_each_reply_of_a_kept_page_carries_a_fresh_csrf_token_that_signs_out(
    real_cache: object, snapshot: Snapshot, people: dict[Role, User]
) -> None:
    warm = Client()
    warm.force_login(people[Role.MEMBER])
    warm.get("/scorecard/")  # the page is kept now
    member = Client(enforce_csrf_checks=True)
    member.force_login(people[Role.MEMBER])
    first, second = member.get("/scorecard/"), member.get("/scorecard/")
    assert "csrftoken" in member.cookies
    assert _token(first.content.decode()) != _token(second.content.decode())  # masked afresh each time
    signed_out = member.post("/accounts/sign-out/", {"csrfmiddlewaretoken": _token(second.content.decode())})
    assert signed_out.status_code == 302
    assert member.get("/scorecard/").status_code == 302  # to sign in: the kept page is not served


def test_a_kept_page_names_its_own_reader_and_shows_what_their_role_may_see(
    real_cache: object, snapshot: Snapshot, people: dict[Role, User], client_for: Callable[[Role], Client]
) -> None:
    other = user_create(username="second", password="x" * 20, role=Role.MEMBER, first_name="Zed")
    target_set(user=people[Role.OFFICER], indicator_id="placed_foster_pct", target=99.0)  # a RAG: commentable
    member = client_for(Role.MEMBER).get("/scorecard/").content.decode()
    second = Client()
    second.force_login(other)
    theirs = second.get("/scorecard/").content.decode()
    analyst = client_for(Role.ANALYST).get("/scorecard/").content.decode()
    assert ">Member (" in member and ">Zed (" not in member
    assert ">Zed (" in theirs and ">Member (" not in theirs
    assert "You see every figure" in analyst and "You see every figure" not in member
    assert member.count(">hidden<") > 0 and analyst.count(">hidden<") == 0  # suppression kept per role
    assert "Add commentary" in client_for(Role.OFFICER).get("/scorecard/").content.decode()
    assert "Add commentary" not in client_for(Role.MEMBER).get("/scorecard/").content.decode()


def test_a_kept_page_changes_with_commentary_comparators_the_council_and_new_snapshots(
    real_cache: object, snapshot: Snapshot, people: dict[Role, User], client_for: Callable[[Role], Client]
) -> None:
    from corparent.comparators.models import Council
    from tests.web.scorecard.conftest import comparators_publish, snapshot_create

    member = client_for(Role.MEMBER)
    page = member.get("/scorecard/").content.decode()
    assert "Recruitment campaign" not in page and "Testshire" not in page
    commentary_write(
        user=people[Role.OFFICER],
        snapshot=snapshot,
        indicator_id="placed_foster_pct",
        why="Fewer foster carers",
        action="Recruitment campaign",
        by_when=date(2026, 3, 31),
    )
    assert "Recruitment campaign" in _row(member.get("/scorecard/").content.decode(), "placed_foster_pct")
    comparators_publish()  # the council (its name heads the page) and its comparators
    page = member.get("/scorecard/").content.decode()
    assert "Testshire" in page and "67.0%" in _row(page, "placed_foster_pct")
    Council.objects.update(name="Newshire")
    assert "Newshire" in member.get("/scorecard/").content.decode()
    earlier = snapshot_create(
        by=people[Role.ANALYST], results=[], reference_date=date(2024, 3, 31)
    )  # a second published snapshot: the picker offers both
    page = member.get("/scorecard/").content.decode()
    assert f'<option value="{earlier.pk}"' in page and f'<option value="{snapshot.pk}" selected' in page
    chosen = member.get(f"/scorecard/?snapshot={earlier.pk}").content.decode()
    assert f'<option value="{earlier.pk}" selected' in chosen and "31 March 2024" in chosen
    for unknown in ("99999", "abc", "²", "9" * 30):
        assert member.get(f"/scorecard/?snapshot={unknown}").status_code == 404
    Snapshot.objects.filter(pk=earlier.pk).update(status=Snapshot.Status.COMPUTING)
    assert member.get(f"/scorecard/?snapshot={earlier.pk}").status_code == 404
    assert f'<option value="{earlier.pk}"' not in member.get("/scorecard/").content.decode()


def test_a_message_waiting_shows_once_on_the_kept_page(
    real_cache: object, snapshot: Snapshot, client_for: Callable[[Role], Client]
) -> None:
    officer = client_for(Role.OFFICER)
    officer.get("/scorecard/")  # kept
    saved = officer.post(
        f"/scorecard/indicators/placed_foster_pct/commentary/?snapshot={snapshot.pk}",
        {"why": "Fewer carers", "action": "Recruiting", "by_when": "2027-03-31"},
    )
    assert saved.status_code == 302
    after = officer.get(saved["Location"]).content.decode()
    assert "Commentary saved for" in after and "Recruiting" in _row(after, "placed_foster_pct")
    again = officer.get("/scorecard/").content.decode()
    assert "Commentary saved for" not in again and "Recruiting" in _row(again, "placed_foster_pct")
