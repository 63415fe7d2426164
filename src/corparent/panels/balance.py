"""Political balance of a council's bodies (Local Government and Housing Act 1989, s15).

The Act's four principles, applied in its order, each "so far as reasonably practicable":

(a) not all the seats on a body go to the same political group;
(b) a group with a majority of the council's members has a majority of the seats on the body;
(c) subject to (a) and (b), each group's share of all the seats on the council's ordinary
    committees (the bodies the council lists) is its share of the council's members;
(d) subject to (a) to (c), each group's share of the seats on each body is its share of the
    council's members.

Councillors not in a political group count in the council's membership; groups get seats in
proportion to their share of *all* councillors and the seats left over are for the members not
in a group (regulation 16 of the Local Government (Committees and Political Groups) Regulations
1990). Fractions are rounded by largest remainders; where remainders tie, the law does not
choose, so the tie is returned for the council to decide and the allocation shown meanwhile is
marked provisional. See docs/political-balance.md for the method in plain English.

Public functions: :func:`allocate_body`, :func:`allocate_bodies`, :func:`compare_membership`,
:func:`what_if`. Everything here is pure and Django-free.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from corparent.panels.balance_aggregate import ALL_BODIES, AggregateBalance, allocate_bodies, check_size
from corparent.panels.balance_body import settle_body, to_balance
from corparent.panels.balance_model import (
    UNGROUPED,
    BalanceError,
    BodyBalance,
    Council,
    Entitlement,
    Group,
    Tie,
    join,
    seats_text,
    settle,
)

__all__ = [
    "ALL_BODIES",
    "UNGROUPED",
    "AggregateBalance",
    "BalanceError",
    "BodyBalance",
    "Change",
    "Council",
    "Departure",
    "Entitlement",
    "Group",
    "MembershipCheck",
    "Tie",
    "WhatIf",
    "allocate_bodies",
    "allocate_body",
    "compare_membership",
    "what_if",
]


def allocate_body(council: Council, size: int, body: str = "the panel") -> BodyBalance:
    """Each group's entitlement on one body of ``size`` seats, by principles (a), (b) and (d).

    Use :func:`allocate_bodies` instead when the council balances across all its bodies (c).
    """
    check_size(council, size, body)
    done = settle(
        lambda ch: settle_body(council, size, body, ch),
        lambda w: {(body, name): seats for name, seats in w.seats.items()},
    )
    return to_balance(council, done.result, done.ties)


@dataclass(frozen=True)
class Departure:
    """A group whose actual seats differ from its entitlement."""

    name: str
    actual: int
    entitled: int
    provisional: bool
    message: str


@dataclass(frozen=True)
class MembershipCheck:
    """The actual membership of a body compared with the entitlement."""

    body: str
    departures: tuple[Departure, ...]
    warnings: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.departures and not self.warnings


def compare_membership(balance: BodyBalance, actual: Mapping[str, int]) -> MembershipCheck:
    """List where the actual seats per group depart from the entitlement.

    ``actual`` maps group names (and :data:`UNGROUPED`) to the seats they hold; a name left out
    holds none. Messages read like "Conservative has 3 seats, entitled to 2".
    """
    entitled = balance.seats()
    departures: list[Departure] = []
    warnings: list[str] = []
    for name, held in actual.items():
        if held < 0:
            raise BalanceError(f"{name} cannot hold {held} seats.")
        if name not in entitled and held:
            warnings.append(
                f"{name} has {seats_text(held)} on {balance.body} but is not a political group on the "
                "council (entitled to 0)."
            )
    for e in balance.entitlements:
        held = actual.get(e.name, 0)
        if held == e.seats:
            continue
        label = "Members not in a political group have" if not e.is_group else f"{e.name} has"
        message = f"{label} {seats_text(held)}, entitled to {e.seats}"
        if e.provisional:
            message += " (provisional: a tie the council must decide affects this)"
        departures.append(Departure(e.name, held, e.seats, e.provisional, message))
    filled = sum(actual.values())
    if filled != balance.size:
        warnings.append(
            f"{balance.body} has {balance.size} seats but {filled} are filled"
            + (f" ({balance.size - filled} vacant)." if filled < balance.size else " (too many).")
        )
    holders = [n for n, h in actual.items() if h and n != UNGROUPED]
    if len(holders) == 1 and actual[holders[0]] == filled and len(entitled) > 1 and filled > 1:
        warnings.append(
            f"Principle (a): all {filled} filled seats on {balance.body} are held by {holders[0]}; "
            "not all the seats may go to one group."
        )
    majority = _majority_name(balance)
    if majority is not None and balance.size >= 3 and 2 * actual.get(majority, 0) <= balance.size:
        warnings.append(
            f"Principle (b): {majority} has a majority of the council but holds "
            f"{actual.get(majority, 0)} of the {balance.size} seats on {balance.body}, which is not a "
            "majority."
        )
    return MembershipCheck(balance.body, tuple(departures), tuple(warnings))


def _majority_name(balance: BodyBalance) -> str | None:
    for e in balance.entitlements:
        if e.is_group and 2 * e.members > balance.membership:
            return e.name
    return None


@dataclass(frozen=True)
class Change:
    """One group's entitlement before and after a change of size."""

    name: str
    before: int
    after: int

    @property
    def delta(self) -> int:
        return self.after - self.before

    @property
    def line(self) -> str:
        change = "no change" if self.delta == 0 else f"{self.delta:+d}"
        return f"{self.name}: {self.before} → {self.after} ({change})"


@dataclass(frozen=True)
class WhatIf:
    """The entitlement on a body at its present size and at another size."""

    body: str
    before: BodyBalance
    after: BodyBalance
    changes: tuple[Change, ...]

    @property
    def lines(self) -> tuple[str, ...]:
        d = self.after.size - self.before.size
        how = "no change" if d == 0 else f"{abs(d)} {'more' if d > 0 else 'fewer'}"
        head = f"If {self.body} goes from {self.before.size} to {self.after.size} seats ({how}):"
        tail: list[str] = []
        against = [c.name for c in self.changes if c.delta * d < 0]
        if against:
            tail.append(
                f"Note: {join(against)} {'gain' if d < 0 else 'lose'}{'s' if len(against) == 1 else ''} a "
                f"seat although {self.body} {'shrinks' if d < 0 else 'grows'}. This is a known quirk of "
                'sharing seats by largest remainders (the "Alabama paradox"); it is what the rule gives.'
            )
        if self.after.provisional:
            tail.append("The new entitlement is provisional: see the tie.")
        return (head, *(c.line for c in self.changes), *tail)


def what_if(
    council: Council,
    size: int,
    new_size: int,
    *,
    body: str = "the panel",
    other_bodies: Mapping[str, int] | None = None,
) -> WhatIf:
    """The entitlement on ``body`` at ``size`` and at ``new_size`` seats, with the change per group.

    With ``other_bodies`` (the council's other bodies and their sizes) the body is balanced as
    one of all the bodies, principle (c), so a change in its size can move seats elsewhere too.
    """
    if other_bodies is None:
        before = allocate_body(council, size, body)
        after = allocate_body(council, new_size, body)
    else:
        if body in other_bodies:
            raise BalanceError(f"{body} is already among the other bodies.")
        before = allocate_bodies(council, {**other_bodies, body: size}).body(body)
        after = allocate_bodies(council, {**other_bodies, body: new_size}).body(body)
    old, new = before.seats(), after.seats()
    changes = tuple(Change(name, old[name], new[name]) for name in council.buckets())
    return WhatIf(body, before, after, changes)
