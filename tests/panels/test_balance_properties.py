"""Properties of the political balance over generated councils and bodies.

The expectations come from s15 itself (seats add up; (a) no group has every seat; (b) a majority
group has a majority; each share within one seat of its exact quota unless (a) or (b) moved it),
never from the implementation.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corparent.panels.balance import (
    UNGROUPED,
    AggregateBalance,
    BodyBalance,
    Council,
    allocate_bodies,
    allocate_body,
    what_if,
)

SETTINGS = settings(max_examples=300, deadline=None)


@st.composite
def councils(draw: st.DrawFn) -> Council:
    sizes = draw(st.lists(st.integers(min_value=2, max_value=45), min_size=1, max_size=5))
    ungrouped = draw(st.integers(min_value=0, max_value=6))
    if len(sizes) == 1 and draw(st.booleans()):
        ungrouped = max(ungrouped, 1)  # mostly councils where (a) can be met
    return Council.from_counts({f"Group {i}": n for i, n in enumerate(sizes)}, ungrouped)


@st.composite
def council_and_size(draw: st.DrawFn) -> tuple[Council, int]:
    council = draw(councils())
    size = draw(st.integers(min_value=1, max_value=min(council.membership, 20)))
    return council, size


def check_body(council: Council, b: BodyBalance, *, aggregate: bool = False) -> None:
    seats = b.seats()
    # The seats add up: groups' seats plus the ones left over for ungrouped members.
    assert sum(seats.values()) == b.size
    assert b.group_seats == b.size - seats.get(UNGROUPED, 0)
    assert all(s >= 0 for s in seats.values())
    assert all(seats[n] <= council.members_of(n) for n in seats)
    buckets = len(council.buckets())
    # (a) no group has every seat, wherever there is someone else to give one to.
    if buckets >= 2 and b.size >= 2:
        assert all(s < b.size for n, s in seats.items() if n != UNGROUPED)
    # (b) a majority group has a majority (on a 2-seat body that would be every seat: (a) wins).
    majority = council.majority_group
    if majority is not None and not (b.size == 2 and buckets >= 2):
        assert 2 * seats[majority.name] > b.size
    for e in b.entitlements:
        if aggregate:
            continue
        # Within one seat of the exact quota, unless (a) or (b) moved seats.
        if not set(e.moved_by) & {"a", "b"}:
            assert abs(e.seats - e.quota) < 1, e
        else:
            assert abs(e.seats - e.quota) < 2, e
        assert e.proportional_seats in (e.quota.__floor__(), e.quota.__ceil__())
    # Every tie names at least two candidates, and the seats it affects are flagged.
    for tie in b.ties:
        assert len(tie.candidates) > tie.seats >= 1
        for name in tie.affected:
            assert b.entitlement(name).provisional


@SETTINGS
@given(council_and_size())
def test_one_body(case: tuple[Council, int]) -> None:
    council, size = case
    b = allocate_body(council, size)
    check_body(council, b)
    assert allocate_body(council, size) == b  # deterministic


@SETTINGS
@given(council_and_size())
def test_no_group_gets_all_seats_with_two_or_more_groups(case: tuple[Council, int]) -> None:
    council, size = case
    b = allocate_body(council, size)
    if len(council.groups) >= 2 and size >= 2:
        assert max(e.seats for e in b.entitlements if e.is_group) < size


@SETTINGS
@given(council_and_size(), st.integers(min_value=-3, max_value=3))
def test_what_if_changes_add_up(case: tuple[Council, int], change: int) -> None:
    council, size = case
    new_size = min(max(size + change, 1), council.membership)
    w = what_if(council, size, new_size)
    assert sum(c.delta for c in w.changes) == new_size - size
    assert w.after == allocate_body(council, new_size)
    if new_size == size:
        assert all(c.delta == 0 for c in w.changes)


@st.composite
def council_and_bodies(draw: st.DrawFn) -> tuple[Council, dict[str, int]]:
    council = draw(councils())
    top = min(council.membership, 12)
    sizes = draw(st.lists(st.integers(min_value=1, max_value=top), min_size=1, max_size=4))
    return council, {f"Body {i}": s for i, s in enumerate(sizes)}


def check_aggregate(council: Council, bodies: dict[str, int], result: AggregateBalance) -> None:
    assert result.total_seats == sum(bodies.values())
    assert sum(e.seats for e in result.totals) == result.total_seats
    for name, size in bodies.items():
        b = result.body(name)
        assert b.size == size
        check_body(council, b, aggregate=True)
    for e in result.totals:
        if not result.unresolved:
            assert result.achieved(e.name) == e.seats
        if not set(e.moved_by) & {"a", "b"}:
            assert abs(e.seats - e.quota) < 1


@settings(max_examples=150, deadline=None)
@given(council_and_bodies())
def test_across_bodies(case: tuple[Council, dict[str, int]]) -> None:
    council, bodies = case
    check_aggregate(council, bodies, allocate_bodies(council, bodies))


@SETTINGS
@given(council_and_size())
def test_a_single_body_on_its_own_is_its_own_aggregate(case: tuple[Council, int]) -> None:
    # With one body, (c) and (d) are the same sum, so the aggregate changes nothing.
    council, size = case
    alone = allocate_body(council, size, "Body")
    together = allocate_bodies(council, {"Body": size})
    assert together.body("Body").seats() == alone.seats()
    assert not together.unresolved
