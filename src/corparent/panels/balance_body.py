"""Political balance on one body: proportion by largest remainders, then principles (a) and (b)."""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from math import floor

from corparent.panels.balance_model import (
    UNGROUPED,
    BodyBalance,
    Chooser,
    Council,
    Entitlement,
    Tie,
    fmt,
    join,
    seats_text,
)


@dataclass
class Work:
    """One body's allocation while it is being worked out."""

    body: str
    size: int
    quota: dict[str, Fraction]
    seats: dict[str, int]
    proportional: dict[str, int]
    moved: dict[str, set[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def move(self, donor: str, recipient: str, principle: str) -> None:
        self.seats[donor] -= 1
        self.seats[recipient] += 1
        self.moved.setdefault(donor, set()).add(principle)
        self.moved.setdefault(recipient, set()).add(principle)


def quotas(council: Council, seats: int) -> dict[str, Fraction]:
    """Each share of ``seats`` in proportion to its share of all councillors (exact fractions)."""
    total = council.membership
    return {name: Fraction(seats * members, total) for name, members in council.buckets().items()}


def largest_remainders(
    council: Council, quota: dict[str, Fraction], seats: int, ch: Chooser, principle: str, what: str
) -> tuple[dict[str, int], list[str], str]:
    """Whole seats first, then the seats left over by largest remainder; ties go to ``ch``.

    Returns the allocation, who got a seat by remainder, and a sentence saying so.
    """
    out = {name: floor(q) for name, q in quota.items()}
    left = seats - sum(out.values())
    if left <= 0:
        return out, [], "No seats were left over after the whole numbers."
    remainder = {name: q - floor(q) for name, q in quota.items()}
    ranked = sorted(remainder.values(), reverse=True)
    cut = ranked[left - 1]
    above = council.by_priority([n for n, r in remainder.items() if r > cut])
    level = council.by_priority([n for n, r in remainder.items() if r == cut])
    spare = left - len(above)
    situation = f"sharing {what} by largest remainder (remainders {fmt(cut)} each),"
    winners = above + list(ch.choose(principle, level, spare, situation))
    for name in winners:
        out[name] += 1
    listed = join([f"{n} ({fmt(remainder[n])})" for n in winners])
    sentence = (
        f"The {seats_text(left)} left over after the whole numbers went to the largest remainders: {listed}."
    )
    return out, winners, sentence


def a_and_b_apply(council: Council, size: int) -> tuple[bool, bool]:
    """Whether (a) can be met on a body of this size, and (b) as well."""
    can_a = size >= 2 and len(council.buckets()) >= 2
    return can_a, (not can_a) or size >= 3


def need_for_majority(size: int) -> int:
    return size // 2 + 1


def cap_for(council: Council, size: int, name: str) -> int:
    """The most seats ``name`` may hold on a body of ``size`` under (a), (b) and its numbers."""
    can_a, _ = a_and_b_apply(council, size)
    cap = min(size, council.members_of(name))
    if can_a and name != UNGROUPED:
        cap = min(cap, size - 1)
    majority = council.majority_group
    if majority is not None and name != majority.name:
        cap = min(cap, size - floor_for(council, size, majority.name))
    return cap


def floor_for(council: Council, size: int, name: str) -> int:
    """The fewest seats ``name`` may hold on a body of ``size``: (b) for a majority group."""
    majority = council.majority_group
    if majority is None or name != majority.name:
        return 0
    can_a, _ = a_and_b_apply(council, size)
    need = need_for_majority(size)
    return min(need, size - 1) if can_a else min(need, size)


def settle_body(council: Council, size: int, body: str, ch: Chooser) -> Work:
    quota = quotas(council, size)
    seats, _, sentence = largest_remainders(council, quota, size, ch, "d", f"the {size} seats on {body}")
    work = Work(body, size, quota, seats, dict(seats))
    _explain_proportion(council, work, sentence)
    _principle_a(council, work, ch)
    _principle_b(council, work, ch)
    return work


def _explain_proportion(council: Council, work: Work, sentence: str) -> None:
    total = council.membership
    shares = "; ".join(
        f"{name} {members}/{total} × {work.size} = {fmt(work.quota[name])}"
        for name, members in council.buckets().items()
    )
    work.notes.append(
        f"Principle (d): each group's share of the {work.size} seats on {work.body} is in proportion to "
        f"its share of all {total} councillors: {shares}. {sentence}"
    )
    if council.ungrouped:
        work.notes.append(
            f"{council.ungrouped} councillor(s) are not in a political group. They count in the "
            f"council's {total}, so each group's share is of all {total}; the seats the groups do not "
            f"take ({work.seats.get(UNGROUPED, 0)} here) are for members not in a group (regulation 16 "
            "of the 1990 Regulations)."
        )


def _principle_a(council: Council, work: Work, ch: Chooser) -> None:
    can_a, _ = a_and_b_apply(council, work.size)
    holders = [n for n, s in work.seats.items() if s == work.size and n != UNGROUPED]
    if not holders:
        return
    top = holders[0]
    if not can_a:
        reason = f"{work.body} has a single seat" if work.size < 2 else f"every councillor is in {top}"
        work.notes.append(f"Principle (a) cannot be met: {reason}, so {top} holds every seat.")
        return
    others = [n for n in work.seats if n != top]
    best = max(work.quota[n] for n in others)
    level = council.by_priority([n for n in others if work.quota[n] == best])
    situation = f"one seat on {work.body} must go to someone other than {top}, and"
    (recipient,) = ch.choose("a", level, 1, situation)
    work.move(top, recipient, "a")
    work.notes.append(
        f"Principle (a): not all the seats on {work.body} may go to one group. {top}'s proportional "
        f"share ({fmt(work.quota[top])} of {work.size}) would round to all {work.size}, so one seat goes "
        f"to {recipient}, the next largest share ({fmt(work.quota[recipient])}): "
        f"{top} {work.seats[top]}, {recipient} {work.seats[recipient]}."
    )


def _principle_b(council: Council, work: Work, ch: Chooser) -> None:
    majority = council.majority_group
    if majority is None:
        return
    name = majority.name
    need = need_for_majority(work.size)
    before = work.seats[name]
    if before >= need:
        return
    target = floor_for(council, work.size, name)
    if target <= before:
        work.notes.append(
            f"Principle (b) cannot be met: {name} has a majority of the council ({majority.members} of "
            f"{council.membership}), but a majority of {work.size} seats is all of them, and principle (a) "
            f"comes first: {name} {before} of {work.size}."
        )
        return
    donors: list[str] = []
    while work.seats[name] < target:
        surplus = {n: work.seats[n] - work.quota[n] for n, s in work.seats.items() if n != name and s > 0}
        best = max(surplus.values())
        level = council.by_priority([n for n, v in surplus.items() if v == best])
        situation = f"{name} needs a seat on {work.body} for principle (b), and it comes from the share "
        situation += "rounded up furthest;"
        (donor,) = ch.choose("b", level, 1, situation)
        work.move(donor, name, "b")
        donors.append(donor)
    from_text = "; ".join(
        f"{d} (share {fmt(work.quota[d])}, now {work.seats[d]})" for d in dict.fromkeys(donors)
    )
    work.notes.append(
        f"Principle (b): {name} has a majority of the council ({majority.members} of "
        f"{council.membership}), so it takes a majority of {work.body}: {work.seats[name]} of "
        f"{work.size}, not {before}. The seat{'s come' if len(donors) > 1 else ' comes'} from the share "
        f"rounded up furthest: {from_text}."
    )


def to_balance(
    council: Council, work: Work, ties: tuple[Tie, ...], extra_notes: tuple[str, ...] = ()
) -> BodyBalance:
    provisional = {name for tie in ties for name in tie.affected}
    entitlements = tuple(
        Entitlement(
            name=name,
            members=council.members_of(name),
            quota=work.quota[name],
            seats=work.seats[name],
            proportional_seats=work.proportional[name],
            moved_by=tuple(sorted(work.moved.get(name, set()))),
            provisional=name in provisional,
        )
        for name in council.buckets()
    )
    notes = council.notes + tuple(work.notes) + extra_notes + tuple(t.message for t in ties)
    return BodyBalance(work.body, work.size, council.membership, entitlements, notes, ties)
