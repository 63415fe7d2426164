"""Reads: which snapshot, the trend, the current target, the latest commentary, comparators."""

from __future__ import annotations

from datetime import date
from typing import Any

from corparent.accounts.roles import Role
from corparent.engine.indicators.suppression import Audience
from corparent.returns.models import Snapshot
from corparent.scorecard import selectors
from corparent.scorecard.models import Commentary, Target
from corparent.scorecard.rag import Rag
from tests.web.scorecard.conftest import comparators_publish, empty_snapshot, figure


def test_the_latest_ready_snapshot_by_reference_date(people: Any) -> None:
    analyst = people[Role.ANALYST]
    older = empty_snapshot(by=analyst, reference_date=date(2024, 3, 31))
    newer = empty_snapshot(by=analyst, reference_date=date(2025, 3, 31))
    empty_snapshot(by=analyst, reference_date=date(2026, 3, 31), status=Snapshot.Status.COMPUTING)
    assert selectors.snapshot_get() == newer
    assert selectors.snapshot_get(snapshot_id=older.pk) == older
    assert selectors.snapshot_get(snapshot_id=str(older.pk)) == older


def test_a_snapshot_that_is_not_ready_or_not_a_number_is_not_found(people: Any) -> None:
    computing = empty_snapshot(by=people[Role.ANALYST], status=Snapshot.Status.COMPUTING)
    assert selectors.snapshot_get() is None
    assert selectors.snapshot_get(snapshot_id=computing.pk) is None
    assert selectors.snapshot_get(snapshot_id="twelve") is None


def test_the_trend_is_each_reference_dates_headline_oldest_first(people: Any) -> None:
    snap = empty_snapshot(by=people[Role.ANALYST])
    for ref, n in ((date(2025, 3, 31), 120), (date(2023, 3, 31), 100), (date(2024, 3, 31), 110)):
        figure(snap, "cla", n, reference_date=ref)
        figure(snap, "cla", n - 60, breakdown="sex", group="Male", reference_date=ref)
        figure(snap, "cla", 60, breakdown="sex", group="Female", reference_date=ref)
    series = selectors.headlines(selectors.snapshot_results(snapshot=snap, audience=Audience.MEMBER))
    assert [(r.reference_date.year, r.value) for r in series["cla"]] == [
        (2023, 100),
        (2024, 110),
        (2025, 120),
    ]
    assert selectors.current(series["cla"], snap).value == 120


def test_an_annual_figure_is_current_when_it_is_the_latest_before_the_reference_date(people: Any) -> None:
    # OC2 figures are annual: a snapshot as at 30 June 2025 shows the year to 31 March 2025
    snap = empty_snapshot(by=people[Role.ANALYST], reference_date=date(2025, 6, 30))
    figure(snap, "oc2_cohort", 70, reference_date=date(2024, 3, 31))
    figure(snap, "oc2_cohort", 77, reference_date=date(2025, 3, 31))
    series = selectors.headlines(selectors.snapshot_results(snapshot=snap, audience=Audience.ANALYST))
    assert selectors.current(series["oc2_cohort"], snap).value == 77


def test_the_current_target_is_the_latest_set(people: Any) -> None:
    officer = people[Role.OFFICER]
    Target.objects.create(indicator_id="placed_foster_pct", target=70, set_by=officer)
    latest = Target.objects.create(indicator_id="placed_foster_pct", target=75, set_by=officer)
    other = Target.objects.create(indicator_id="missing_pct", target=5, set_by=officer)
    assert selectors.current_targets() == {"placed_foster_pct": latest, "missing_pct": other}
    assert selectors.target_current(indicator_id="placed_foster_pct") == latest
    assert selectors.target_current(indicator_id="cla") is None


def test_the_latest_commentary_is_per_snapshot(people: Any) -> None:
    officer = people[Role.OFFICER]
    one, two = empty_snapshot(by=officer), empty_snapshot(by=officer)
    Commentary.objects.create(snapshot=one, indicator_id="missing_pct", why="a", action="b", author=officer)
    newest = Commentary.objects.create(
        snapshot=one, indicator_id="missing_pct", why="c", action="d", author=officer
    )
    assert selectors.latest_commentary(snapshot=one) == {"missing_pct": newest}
    assert selectors.latest_commentary(snapshot=two) == {}


def test_rag_of_a_hidden_figure_is_none_for_members_but_the_true_rag_decides_commentary(people: Any) -> None:
    # 3 of 20 children missing (15%) against a target of 10% or less: red, but 3 is a small number
    snap = empty_snapshot(by=people[Role.ANALYST])
    figure(snap, "missing_pct", 3, 20, unit="%")
    Target.objects.create(indicator_id="missing_pct", target=10, set_by=people[Role.OFFICER])
    indicator = selectors.indicator_get("missing_pct")
    assert indicator is not None
    member = selectors.headlines(selectors.snapshot_results(snapshot=snap, audience=Audience.MEMBER))[
        "missing_pct"
    ]
    target = selectors.target_current(indicator_id="missing_pct")
    assert selectors.rag_for(indicator=indicator, figure=member[0], target=target) is None
    assert selectors.rag_unsuppressed(snapshot=snap, indicator_id="missing_pct") is Rag.RED


def test_the_audience_is_analyst_only_for_roles_that_may_see_small_numbers(people: Any) -> None:
    assert {role: selectors.audience_for(user) for role, user in people.items()} == {
        role: Audience.ANALYST if role is Role.ANALYST else Audience.MEMBER for role in Role
    }


def test_comparator_year_is_the_collection_year() -> None:
    assert selectors.comparator_year(date(2025, 3, 31)) == 2025
    assert selectors.comparator_year(date(2025, 6, 30)) == 2026


def test_comparators_for_the_reference_dates_year(people: Any) -> None:
    comparators_publish()
    found = selectors.comparison(indicator_id="placed_foster_pct", reference_date=date(2025, 3, 31))
    assert found is not None
    assert (found.england.value, found.england.year) == (67.0, 2025)
    assert found.region.value == 66.0
    assert found.neighbours.value == 64.0  # the median of one neighbour


def test_comparators_fall_back_to_the_latest_year_published(people: Any) -> None:
    comparators_publish()
    found = selectors.comparison(indicator_id="placed_foster_pct", reference_date=date(2027, 3, 31))
    assert found is not None and found.england.year == 2025


def test_funnel_data_is_every_council_with_ours_marked(people: Any) -> None:
    comparators_publish()
    data = selectors.funnel(indicator_id="placed_foster_pct", reference_date=date(2025, 3, 31))
    assert data is not None and data.council_code == "999" and data.year == 2025
    assert {(f.area_code, f.denominator) for f in data.figures} == {("998", 100), ("999", 120)}
