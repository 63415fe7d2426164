"""Targets and commentary: who may write them, what is required, and that each is audited."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from corparent.accounts.models import AuditEvent
from corparent.accounts.roles import Role
from corparent.returns.models import Snapshot
from corparent.scorecard.models import Commentary, Target
from corparent.scorecard.services import commentary_write, target_set
from tests.web.scorecard.conftest import empty_snapshot, figure


@pytest.fixture
def red(people: Any) -> Snapshot:
    """70 of 100 children with foster carers, against a target of 75% (amber within 2): red."""
    snap = empty_snapshot(by=people[Role.ANALYST])
    figure(snap, "placed_foster_pct", 70, 100, unit="%")
    figure(snap, "missing_pct", 8, 100, unit="%")
    target_set(user=people[Role.OFFICER], indicator_id="placed_foster_pct", target=75, amber_tolerance=2)
    target_set(user=people[Role.OFFICER], indicator_id="missing_pct", target=10)  # 8% <= 10%: green
    return snap


def test_setting_a_target_keeps_history_and_is_audited(people: Any) -> None:
    officer = people[Role.OFFICER]
    target_set(user=officer, indicator_id="placed_foster_pct", target=70)
    row = target_set(
        user=officer, indicator_id="placed_foster_pct", target=75, amber_tolerance=2, reason="plan"
    )
    assert Target.objects.filter(indicator_id="placed_foster_pct").count() == 2
    event = AuditEvent.objects.filter(action="scorecard.target_set").first()
    assert event is not None and event.username == "officer" and event.target == "indicator:placed_foster_pct"
    assert event.detail == {"target": 75.0, "amber_tolerance": 2.0, "reason": "plan"}
    assert row.set_by == officer


@pytest.mark.parametrize("role", [Role.MEMBER, Role.PARTNER, Role.YOUNG_PERSON])
def test_roles_without_the_capability_may_not_set_targets(people: Any, role: Role) -> None:
    with pytest.raises(PermissionDenied):
        target_set(user=people[role], indicator_id="placed_foster_pct", target=75)
    assert not Target.objects.exists()


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"indicator_id": "no_such_thing", "target": 1}, "indicator_id"),
        ({"indicator_id": "placed_foster_pct", "target": 120}, "target"),
        ({"indicator_id": "placed_foster_pct", "target": float("nan")}, "target"),
        ({"indicator_id": "placed_foster_pct", "target": 75, "amber_tolerance": -1}, "amber_tolerance"),
    ],
)
def test_a_bad_target_is_refused_naming_the_field_and_nothing_is_stored(
    people: Any, kwargs: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        target_set(user=people[Role.ANALYST], **kwargs)
    assert field in refused.value.message_dict
    assert not Target.objects.exists() and not AuditEvent.objects.exists()


def test_commentary_on_a_red_figure_needs_by_when(people: Any, red: Snapshot) -> None:
    with pytest.raises(ValidationError) as refused:
        commentary_write(
            user=people[Role.OFFICER], snapshot=red, indicator_id="placed_foster_pct",
            why="Fewer carers", action="Recruiting", by_when=None,
        )  # fmt: skip
    assert refused.value.message_dict == {"by_when": ["The figure is red: say by when it will improve."]}
    assert not Commentary.objects.exists()


def test_commentary_needs_why_and_what_we_are_doing(people: Any, red: Snapshot) -> None:
    with pytest.raises(ValidationError) as refused:
        commentary_write(
            user=people[Role.OFFICER], snapshot=red, indicator_id="placed_foster_pct",
            why="  ", action="", by_when=date(2027, 3, 31),
        )  # fmt: skip
    assert set(refused.value.message_dict) == {"why", "action"}


def test_commentary_on_a_red_figure_with_all_three_is_stored_and_audited(people: Any, red: Snapshot) -> None:
    row = commentary_write(
        user=people[Role.ANALYST], snapshot=red, indicator_id="placed_foster_pct",
        why="Fewer carers", action="Recruiting", by_when=date(2027, 3, 31),
    )  # fmt: skip
    assert (row.snapshot, row.author, row.by_when) == (red, people[Role.ANALYST], date(2027, 3, 31))
    event = AuditEvent.objects.get(action="scorecard.commentary_write")
    assert event.target == f"snapshot:{red.pk},indicator:placed_foster_pct"
    assert event.detail["rag"] == "red"


def test_commentary_on_a_green_figure_may_leave_out_by_when(people: Any, red: Snapshot) -> None:
    row = commentary_write(
        user=people[Role.OFFICER], snapshot=red, indicator_id="missing_pct",
        why="Good work", action="Keep it up", by_when=None,
    )  # fmt: skip
    assert row.by_when is None


@pytest.mark.parametrize("role", [Role.ADMIN, Role.MEMBER, Role.PARTNER, Role.YOUNG_PERSON])
def test_roles_without_the_capability_may_not_write_commentary(
    people: Any, red: Snapshot, role: Role
) -> None:
    with pytest.raises(PermissionDenied):
        commentary_write(
            user=people[role], snapshot=red, indicator_id="placed_foster_pct",
            why="a", action="b", by_when=date(2027, 3, 31),
        )  # fmt: skip
    assert not Commentary.objects.exists()


def test_commentary_only_on_a_published_snapshot(people: Any) -> None:
    computing = empty_snapshot(by=people[Role.ANALYST], status=Snapshot.Status.COMPUTING)
    with pytest.raises(ValidationError):
        commentary_write(
            user=people[Role.OFFICER],
            snapshot=computing,
            indicator_id="cla",
            why="a",
            action="b",
            by_when=None,
        )
