"""Local measures on the scorecard page, beside the statutory indicators, marked Local; small
numbers hidden from members; the cached page changes when a local value does."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.core.cache import cache
from django.test import Client, override_settings

from corparent.accounts.models import User
from corparent.accounts.roles import Role
from corparent.engine.indicators.suppression import Audience
from corparent.measures import services
from corparent.measures.models import Measure
from corparent.scorecard import selectors
from tests.web.scorecard.conftest import empty_snapshot, figure
from tests.web.scorecard.html import tables

LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "measures"}}


def _snapshot(people: dict[Role, User]):
    snapshot = empty_snapshot(by=people[Role.ANALYST])
    figure(snapshot, "cla", 412)
    return snapshot


def test_the_scorecard_shows_a_local_measure_beside_statutory_ones(
    people: dict[Role, User], client_for: Callable[[Role], Client], health_measure: Measure
) -> None:
    _snapshot(people)
    officer = people[Role.OFFICER]
    for start, n in ((date(2024, 4, 1), 14), (date(2024, 5, 1), 15)):
        services.measure_value_submit(
            user=officer, measure=health_measure, period_start=start, numerator=n, denominator=20
        )
    services.measure_target_set(user=officer, measure=health_measure, target=80, amber_tolerance=10)
    page = client_for(Role.MEMBER).get("/scorecard/").content.decode()
    found = tables(page)
    assert "How many children are in our care" in found  # the statutory theme
    local = found["Local measures"][1:]  # after the header row
    assert len(local) == 1
    title, value, trend, compared, rag = local[0]
    assert (
        title.startswith(health_measure.title)
        and "Local" in title
        and "Owned by Integrated Care Board" in title
    )
    # May 2024 is the latest: 15 of 20 = 75.0%, amber against 80% or more within 10 points
    assert value.startswith("75.0% at May 2024")
    assert "95% interval: 53.1% to 88.8%" in value
    assert "Target: 80.0% or more (amber within 10 percentage points)" in value
    assert "April 2024: 70.0%" in trend and "May 2024: 75.0%" in trend
    assert "no national comparison" in compared
    assert rag.startswith("Amber") and "Commentary needed" in rag
    # the statutory figure is on the same page
    assert any(
        r[0].startswith("Children looked after") or "412" in r[1]
        for r in found["How many children are in our care"]
    )


def test_small_numbers_in_a_local_measure_are_hidden_from_members(
    people: dict[Role, User], client_for: Callable[[Role], Client], health_measure: Measure
) -> None:
    _snapshot(people)
    services.measure_value_submit(
        user=people[Role.OFFICER],
        measure=health_measure,
        period_start=date(2024, 4, 1),
        numerator=3,
        denominator=4,
    )
    member = tables(client_for(Role.MEMBER).get("/scorecard/").content.decode())["Local measures"][1]
    assert member[1].startswith("hidden")
    analyst = tables(client_for(Role.ANALYST).get("/scorecard/").content.decode())["Local measures"][1]
    assert analyst[1].startswith("75.0%")


def test_a_measure_can_sit_in_a_statutory_theme(
    people: dict[Role, User], client_for: Callable[[Role], Client]
) -> None:
    from tests.web.measures.conftest import make_measure

    _snapshot(people)
    measure = make_measure(by=people[Role.OFFICER], theme="volume", owner_team="Children in care service")
    services.measure_value_submit(
        user=people[Role.OFFICER],
        measure=measure,
        period_start=date(2024, 4, 1),
        numerator=10,
        denominator=20,
    )
    found = tables(client_for(Role.OFFICER).get("/scorecard/").content.decode())
    assert "Local measures" not in found
    assert any(measure.title in r[0] and "Local" in r[0] for r in found["How many children are in our care"])


def test_the_cached_page_shows_a_new_local_value_at_once(
    people: dict[Role, User], client_for: Callable[[Role], Client], health_measure: Measure
) -> None:
    snapshot = _snapshot(people)
    officer = people[Role.OFFICER]
    with override_settings(CACHES=LOCMEM):
        cache.clear()
        before = selectors.scorecard_version(snapshot=snapshot, audience=Audience.MEMBER)
        services.measure_value_submit(
            user=officer, measure=health_measure, period_start=date(2024, 4, 1), numerator=14, denominator=20
        )
        assert "70.0%" in client_for(Role.MEMBER).get("/scorecard/").content.decode()
        services.measure_value_submit(
            user=officer, measure=health_measure, period_start=date(2024, 4, 1), numerator=16, denominator=20
        )
        after = selectors.scorecard_version(snapshot=snapshot, audience=Audience.MEMBER)
        page = client_for(Role.MEMBER).get("/scorecard/").content.decode()
        cache.clear()
    assert before != after
    assert tables(page)["Local measures"][1][1].startswith("80.0%")
