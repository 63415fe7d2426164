"""Small numbers are suppressed for every role but analyst, in pages and in the API alike.

Hand-worked first (a council of 20 children: 3 girls and 17 boys), then the whole synthetic
council's figures for every role."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from corparent.accounts.roles import Role
from corparent.engine.indicators.suppression import Audience
from corparent.returns.models import Snapshot
from corparent.scorecard import selectors
from tests.web.scorecard.conftest import empty_snapshot, figure
from tests.web.scorecard.html import tables

NOT_ANALYST = [r for r in Role if r is not Role.ANALYST]


@pytest.fixture
def twenty(people: Any) -> Snapshot:
    """20 children looked after: 3 girls, 17 boys. 14 live with foster carers: 2 of the girls."""
    snap = empty_snapshot(by=people[Role.ANALYST])
    figure(snap, "cla", 20)
    figure(snap, "cla", 3, breakdown="sex", group="Female")
    figure(snap, "cla", 17, breakdown="sex", group="Male")
    figure(snap, "placed_foster_pct", 14, 20, unit="%")
    figure(snap, "placed_foster_pct", 2, 3, breakdown="sex", group="Female", unit="%")
    figure(snap, "placed_foster_pct", 12, 17, breakdown="sex", group="Male", unit="%")
    return snap


def _by_group(rows: list[Any]) -> dict[tuple[str, str, str], Any]:
    return {(r.indicator, r.breakdown, r.group): r for r in rows}


def test_analysts_see_every_figure(twenty: Snapshot) -> None:
    shown = _by_group(selectors.snapshot_results(snapshot=twenty, audience=Audience.ANALYST))
    assert shown[("cla", "sex", "Female")].value == 3
    assert not any(r.suppressed for r in shown.values())


def test_members_see_neither_the_small_group_nor_the_one_that_gives_it_away(twenty: Snapshot) -> None:
    shown = _by_group(selectors.snapshot_results(snapshot=twenty, audience=Audience.MEMBER))
    # 3 girls is a small count; showing 17 boys beside a total of 20 would give the 3 away
    for group in ("Female", "Male"):
        for indicator in ("cla", "placed_foster_pct"):
            row = shown[(indicator, "sex", group)]
            assert row.suppressed and row.value is row.numerator is row.denominator is None
    # the headlines rest on 20 and 14 children: shown
    assert shown[("cla", "all", "all")].value == 20
    assert shown[("placed_foster_pct", "all", "all")].value == pytest.approx(70.0)


@pytest.mark.parametrize("role", NOT_ANALYST)
def test_the_api_hides_the_small_group_from_every_role_but_analyst(
    twenty: Snapshot, client_for: Callable[[Role], Client], role: Role
) -> None:
    body = client_for(role).get("/api/v1/results/", {"indicator": "cla", "breakdown": "sex"}).json()
    rows = {r["group"]: r for r in body["results"]}
    assert rows["Female"]["suppressed"] and rows["Female"]["value"] is None
    assert rows["Male"]["suppressed"] and rows["Male"]["numerator"] is None


def test_the_api_shows_the_analyst_the_small_group(
    twenty: Snapshot, client_for: Callable[[Role], Client]
) -> None:
    body = client_for(Role.ANALYST).get("/api/v1/results/", {"indicator": "cla", "breakdown": "sex"}).json()
    assert {r["group"]: r["value"] for r in body["results"]} == {"Female": 3, "Male": 17}


@pytest.mark.parametrize("role", NOT_ANALYST)
def test_the_drill_down_page_shows_hidden_not_the_count(
    twenty: Snapshot, client_for: Callable[[Role], Client], role: Role
) -> None:
    html = client_for(role).get("/scorecard/indicators/cla/").content.decode()
    sex = {row[0]: row[1:] for row in tables(html)["Sex"][1:]}
    assert sex == {"Female": ["hidden", "hidden", "hidden", ""], "Male": ["hidden", "hidden", "hidden", ""]}


# ---------------------------------------------------------------- the whole synthetic council


def _small(value: float | None) -> bool:
    return value is not None and 0 < value < 6


COUNTED = {"count": ("numerator",), "%": ("numerator", "denominator"), "per 10,000": ("numerator",),
           "mean": ("denominator",), "days": ("denominator",)}  # fmt: skip


@pytest.mark.parametrize("role", NOT_ANALYST)
def test_no_json_result_shows_a_count_of_1_to_5_to_anyone_but_an_analyst(
    snapshot: Snapshot, client_for: Callable[[Role], Client], role: Role
) -> None:
    client = client_for(role)
    rows: list[dict[str, Any]] = []
    url: str | None = "/api/v1/results/?limit=1000"
    while url:
        body = client.get(url).json()
        rows.extend(body["results"])
        url = body["next"]
    assert len(rows) == snapshot.results.count()
    hidden = [r for r in rows if r["suppressed"]]
    assert hidden, "the small council should have something to hide"
    for r in rows:
        if r["suppressed"]:
            assert r["value"] is r["numerator"] is r["denominator"] is r["lower"] is r["upper"] is None
        else:
            assert not any(_small(r[q]) for q in COUNTED[r["unit"]]), r


def test_what_the_api_hides_is_what_the_engine_hides(snapshot: Snapshot) -> None:
    analyst = selectors.snapshot_results(snapshot=snapshot, audience=Audience.ANALYST)
    member = selectors.snapshot_results(snapshot=snapshot, audience=Audience.MEMBER)
    from corparent.engine.indicators.suppression import suppress

    assert [r.suppressed for r in member] == [r.suppressed for r in suppress(analyst, Audience.MEMBER)]
    # and the policy has hidden some rows that are not small themselves (complementary suppression)
    assert any(r.suppressed and not _small(a.numerator) and not _small(a.denominator)
               for r, a in zip(member, analyst, strict=True))  # fmt: skip


@pytest.mark.parametrize("role", [Role.MEMBER, Role.OFFICER])
def test_no_drill_down_table_shows_a_hidden_figure(
    snapshot: Snapshot, client_for: Callable[[Role], Client], role: Role
) -> None:
    member = selectors.snapshot_results(snapshot=snapshot, audience=Audience.MEMBER)
    client = client_for(role)
    for indicator in ("cla", "placed_foster_pct", "health_assessment_pct", "missing_incidents"):
        found = tables(client.get(f"/scorecard/indicators/{indicator}/").content.decode())
        at_latest = [
            r for r in member if r.indicator == indicator and r.reference_date == snapshot.reference_date
        ]
        hidden = {(r.breakdown, r.group) for r in at_latest if r.suppressed}
        assert hidden, indicator
        from corparent.scorecard.themes import BREAKDOWN_TITLES

        for breakdown, group in hidden:
            caption = BREAKDOWN_TITLES[breakdown]
            rows = {row[0]: row[1:] for row in found[caption][1:]}
            name = "All children" if group == "all" else group
            assert rows[name][:3] == ["hidden", "hidden", "hidden"], (indicator, breakdown, group)


def test_the_scorecard_shows_hidden_for_a_suppressed_headline(
    snapshot: Snapshot, client_for: Callable[[Role], Client]
) -> None:
    # 2 of the 120 children are placed for adoption: hidden for the member, shown to the analyst
    html = client_for(Role.MEMBER).get("/scorecard/").content.decode()
    row = html[html.index('id="indicator-placed_for_adoption_pct"') :]
    row = row[: row.index("</tr>")]
    assert '<strong class="govuk-!-font-size-24">hidden</strong>' in row
    assert "1.7%" not in row
    html = client_for(Role.ANALYST).get("/scorecard/").content.decode()
    row = html[html.index('id="indicator-placed_for_adoption_pct"') :]
    assert "1.7%" in row[: row.index("</tr>")]
