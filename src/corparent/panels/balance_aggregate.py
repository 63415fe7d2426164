"""Political balance across all the council's bodies: principle (c), then (d) body by body.

1. Each body is first worked out on its own (``balance_body``: (d), then (a) and (b)).
2. The total of all the bodies' seats is shared by largest remainders (principle (c)), within
   what (a) and (b) allow on each body (a majority group needs a majority on every body).
3. Where the bodies one by one give a group more than its share of the total, seats are moved,
   one at a time, from a group over its total to a group under it, on the body where the move
   departs least from that body's own proportion, and never so as to break (a) or (b).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from itertools import permutations, product

from corparent.panels.balance_body import (
    Work,
    cap_for,
    floor_for,
    largest_remainders,
    quotas,
    settle_body,
    to_balance,
)
from corparent.panels.balance_model import (
    BalanceError,
    BodyBalance,
    Chooser,
    Council,
    Entitlement,
    Outcome,
    Tie,
    fmt,
    join,
    seats_text,
    settle,
)

#: The key under which the totals across all the bodies appear in a tie's ``bodies``.
ALL_BODIES = "(all bodies)"

#: Enough candidate chains of moves to choose well from, without searching for ever.
MAX_PATHS = 400


@dataclass(frozen=True)
class AggregateBalance:
    """Each group's entitlement across all the bodies, and on each body."""

    total_seats: int
    totals: tuple[Entitlement, ...]
    bodies: tuple[BodyBalance, ...]
    explanations: tuple[str, ...]
    ties: tuple[Tie, ...] = ()
    unresolved: tuple[str, ...] = ()

    @property
    def provisional(self) -> bool:
        return bool(self.ties)

    def body(self, name: str) -> BodyBalance:
        for b in self.bodies:
            if b.body == name:
                return b
        raise KeyError(name)

    def achieved(self, name: str) -> int:
        """Seats ``name`` holds across the bodies as allocated."""
        return sum(b.seats().get(name, 0) for b in self.bodies)


@dataclass
class _AggWork:
    total: int
    quota: dict[str, Fraction]
    target: dict[str, int]
    proportional: dict[str, int]
    moved: dict[str, set[str]]
    bodies: list[Work]
    notes: list[str]
    unresolved: list[str]


def validate_bodies(council: Council, bodies: Mapping[str, int]) -> list[tuple[str, int]]:
    if not bodies:
        raise BalanceError("Give at least one body and its number of seats.")
    out: list[tuple[str, int]] = []
    for name, size in bodies.items():
        if not name.strip() or name == ALL_BODIES:
            raise BalanceError(f"{name!r} cannot be used as the name of a body.")
        check_size(council, size, name)
        out.append((name, size))
    return out


def check_size(council: Council, size: int, body: str) -> None:
    if size < 1:
        raise BalanceError(f"{body} must have at least one seat (given {size}).")
    if size > council.membership:
        raise BalanceError(
            f"{body} has {size} seats but the council has only {council.membership} councillors."
        )


def allocate_bodies(council: Council, bodies: Mapping[str, int]) -> AggregateBalance:
    """Allocate all the seats on the council's bodies by (c), then each body by (d)."""
    listed = validate_bodies(council, bodies)
    done = settle(lambda ch: _settle(council, listed, ch), _outcome)
    work = done.result
    body_balances = []
    for w in work.bodies:
        ties = tuple(t for t in done.ties if w.body in t.bodies)
        body_balances.append(to_balance(council, w, ties))
    provisional = {name for tie in done.ties if ALL_BODIES in tie.bodies for name in tie.affected}
    totals = tuple(
        Entitlement(
            name=name,
            members=council.members_of(name),
            quota=work.quota[name],
            seats=work.target[name],
            proportional_seats=work.proportional[name],
            moved_by=tuple(sorted(work.moved.get(name, set()))),
            provisional=name in provisional,
        )
        for name in council.buckets()
    )
    notes = council.notes + tuple(work.notes) + tuple(t.message for t in done.ties)
    return AggregateBalance(
        work.total, totals, tuple(body_balances), notes, done.ties, tuple(work.unresolved)
    )


def _outcome(work: _AggWork) -> Outcome:
    out: Outcome = {(ALL_BODIES, name): seats for name, seats in work.target.items()}
    for w in work.bodies:
        out.update({(w.body, name): seats for name, seats in w.seats.items()})
    return out


def _settle(council: Council, bodies: list[tuple[str, int]], ch: Chooser) -> _AggWork:
    works = [settle_body(council, size, name, ch) for name, size in bodies]
    total = sum(size for _, size in bodies)
    quota = quotas(council, total)
    what = f"the {total} seats on all {len(bodies)} bodies"
    target, _, sentence = largest_remainders(council, quota, total, ch, "c", what)
    work = _AggWork(total, quota, target, dict(target), {}, works, [], [])
    shares = "; ".join(f"{name} {fmt(q)}" for name, q in quota.items())
    work.notes.append(
        f"Principle (c): across all {len(bodies)} bodies there are {total} seats. Each group's share of "
        f"them is in proportion to its share of all {council.membership} councillors: {shares}. {sentence}"
    )
    _bound_targets(council, work, bodies, ch)
    _reconcile(council, work, ch)
    return work


def _bound_targets(council: Council, work: _AggWork, bodies: list[tuple[str, int]], ch: Chooser) -> None:
    """Keep the totals within what (a) and (b) allow body by body ((c) is subject to them)."""
    low = {n: sum(_least(council, s, n) for _, s in bodies) for n in work.target}
    high = {n: sum(cap_for(council, s, n) for _, s in bodies) for n in work.target}
    for _ in range(work.total + 1):
        short = [n for n in work.target if work.target[n] < low[n]]
        over = [n for n in work.target if work.target[n] > high[n]]
        if short:
            name = short[0]
            givers = {n: work.target[n] - work.quota[n] for n in work.target if work.target[n] > low[n]}
            why = "principle (b), or the others' numbers, give it more seats on the bodies"
        elif over:
            name = over[0]
            givers = {n: work.quota[n] - work.target[n] for n in work.target if work.target[n] < high[n]}
            why = "principles (a) and (b) cap its seats on the bodies"
        else:
            return
        if not givers:
            work.unresolved.append(f"The totals cannot meet principles (a) and (b) for {name}.")
            return
        best = max(givers.values())
        level = council.by_priority([n for n, v in givers.items() if v == best])
        (other,) = ch.choose("c", level, 1, f"{name}'s total must change because {why};")
        if short:
            donor, recipient = other, name
        else:
            donor, recipient = name, other
        work.target[donor] -= 1
        work.target[recipient] += 1
        work.moved.setdefault(donor, set()).add("b" if short else "a")
        work.moved.setdefault(recipient, set()).add("b" if short else "a")
        work.notes.append(
            f"Principle (c) is subject to (a) and (b): {name}'s total changes because {why}, so one "
            f"seat of the total passes from {donor} to {recipient} ({donor} {work.target[donor]}, "
            f"{recipient} {work.target[recipient]})."
        )


def _least(council: Council, size: int, name: str) -> int:
    """The fewest seats ``name`` can hold on a body: (b), or what the others cannot fill."""
    others = sum(min(size, m) for n, m in council.buckets().items() if n != name)
    return max(floor_for(council, size, name), size - others)


def _reconcile(council: Council, work: _AggWork, ch: Chooser) -> None:
    """Move seats between bodies' allocations until each group's total matches (c)."""
    for _ in range(2 * work.total + 1):
        got = {n: sum(w.seats[n] for w in work.bodies) for n in work.target}
        over = council.by_priority([n for n in got if got[n] > work.target[n]])
        under = council.by_priority([n for n in got if got[n] < work.target[n]])
        if not over or not under:
            break
        paths = _shortest_paths(council, work, over, under)
        if not paths:
            break
        best = max(score for _, score in paths.values())
        level = [label for label, (_, score) in paths.items() if score == best]
        situation = "seats must move between groups on the bodies to meet the totals under principle (c)."
        touches = sorted({(w.body, n) for lab in level for w, d, r in paths[lab][0] for n in (d, r)})
        (label,) = ch.choose("c", level, 1, situation, chooses_bodies=True, touches=touches)
        steps, _ = paths[label]
        donor, recipient = steps[0][1], steps[-1][2]
        done = []
        for w, d, r in steps:
            before = (w.seats[d], w.seats[r])
            w.move(d, r, "c")
            done.append(
                f"on {w.body} {d} gives a seat to {r}: {d} {before[0]} → {w.seats[d]} (share "
                f"{fmt(w.quota[d])}), {r} {before[1]} → {w.seats[r]} (share {fmt(w.quota[r])})"
            )
        how = (
            "So " + done[0]
            if len(done) == 1
            else (
                f"No seat can pass straight from {donor} to {recipient} on one body without breaking "
                "principle (a) or (b), so seats pass along: " + "; then ".join(done)
            )
        )
        note = (
            f"Principle (c): across all the bodies {donor} is entitled to {work.target[donor]} seats but "
            f"the bodies one by one give it {got[donor]}, and {recipient} is entitled to "
            f"{work.target[recipient]} but gets {got[recipient]}. {how}."
        )
        work.notes.append(note)
        for touched in {id(w): w for w, _, _ in steps}.values():
            touched.notes.append(note)
    got = {n: sum(w.seats[n] for w in work.bodies) for n in work.target}
    for name in council.buckets():
        if got[name] != work.target[name]:
            work.unresolved.append(
                f"{name} holds {seats_text(got[name])} across the bodies but is entitled to "
                f"{work.target[name]}: no moves of seats between groups on the bodies close the gap "
                "without breaking principle (a) or (b). Democratic services should adjust by hand."
            )
    if work.unresolved:
        work.notes.extend(work.unresolved)
    elif any(w.moved for w in work.bodies):
        changed = join([w.body for w in work.bodies if any("c" in p for p in w.moved.values())])
        work.notes.append(f"Principle (d) is then met as nearly as (c) allows; bodies changed: {changed}.")


Step = tuple[Work, str, str]


def _shortest_paths(
    council: Council, work: _AggWork, over: list[str], under: list[str]
) -> dict[str, tuple[list[Step], Fraction]]:
    """The shortest chains of one-seat moves from a group over its total to one under it.

    A chain of one step is a seat passing directly on one body; longer chains pass through other
    groups (on different bodies) where a direct move would break (a) or (b). Each candidate is
    scored by how little it departs from the bodies' own proportions (higher is better).
    """
    names = list(council.buckets())
    found: dict[str, tuple[list[Step], Fraction]] = {}
    for length in range(1, len(names)):
        for start in over:
            for end in under:
                for middle in permutations([n for n in names if n not in (start, end)], length - 1):
                    chain = [start, *middle, end]
                    for bodies in product(work.bodies, repeat=length):
                        steps = [(w, chain[i], chain[i + 1]) for i, w in enumerate(bodies)]
                        score = _try(council, steps)
                        if score is not None:
                            label = "; ".join(f"{w.body} ({d} to {r})" for w, d, r in steps)
                            found[label] = (steps, score)
                        if len(found) >= MAX_PATHS:
                            return found
        if found:
            return found
    return found


def _try(council: Council, steps: list[Step]) -> Fraction | None:
    """The score of a chain of moves if every step is legal in turn, else None."""
    seats = {w.body: dict(w.seats) for w, _, _ in steps}
    score = Fraction(0)
    for w, donor, recipient in steps:
        held = seats[w.body]
        if held[donor] - 1 < floor_for(council, w.size, donor):
            return None
        if held[recipient] + 1 > cap_for(council, w.size, recipient):
            return None
        score += (held[donor] - w.quota[donor]) - (held[recipient] - w.quota[recipient])
        held[donor] -= 1
        held[recipient] += 1
    return score
