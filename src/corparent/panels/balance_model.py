"""Political balance: the council, the results, and the handling of ties.

The arithmetic is in ``balance_body`` (one body) and ``balance_aggregate`` (all the council's
bodies together); ``balance`` is the public face. No Django here: everything is plain data.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import combinations
from math import floor
from typing import Generic, TypeVar

#: The name under which seats for councillors who are not in a political group are shown.
UNGROUPED = "Members not in a political group"

#: How many alternatives of one tie are tried when checking whether the tie changes the result.
MAX_OPTIONS = 64

PRINCIPLES = {
    "a": "Principle (a)",
    "b": "Principle (b)",
    "c": "Principle (c)",
    "d": "Principle (d)",
}


class BalanceError(ValueError):
    """The council or the body cannot be balanced as given (the message says why)."""


def fmt(value: Fraction) -> str:
    """A share to two decimal places, as an officer would write it (halves rounded up, exactly)."""
    hundredths = floor(value * 100 + Fraction(1, 2))
    sign = "-" if hundredths < 0 else ""
    whole, part = divmod(abs(hundredths), 100)
    return f"{sign}{whole}.{part:02d}"


def seats_text(n: int) -> str:
    return f"{n} seat" if n == 1 else f"{n} seats"


def join(names: Sequence[str]) -> str:
    items = list(names)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


@dataclass(frozen=True)
class Group:
    """A political group on the council and how many councillors are in it."""

    name: str
    members: int


@dataclass(frozen=True)
class Council:
    """The council's composition: its political groups, and councillors in none.

    ``ungrouped`` counts councillors who are not in a political group (independents who have
    not formed a group, and anyone in a "group" of one: a group needs two members, regulation
    8 of the 1990 Regulations). Vacant seats are not members and must not be counted.
    """

    groups: tuple[Group, ...]
    ungrouped: int = 0
    notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.groups:
            raise BalanceError(
                "The council has no political groups, so section 15 does not apply (regulation 7)."
            )
        seen: set[str] = set()
        for group in self.groups:
            name = group.name.strip()
            if not name:
                raise BalanceError("A political group needs a name.")
            if name == UNGROUPED:
                raise BalanceError(f"{UNGROUPED!r} is reserved for councillors not in a group.")
            if name.casefold() in seen:
                raise BalanceError(f"The group {name!r} is listed twice.")
            seen.add(name.casefold())
            if group.members < 2:
                raise BalanceError(
                    f"{name} has {group.members} member(s); a political group needs at least two "
                    "(regulation 8). Count a lone member as not in a group."
                )
        if self.ungrouped < 0:
            raise BalanceError("The number of councillors not in a group cannot be negative.")

    @classmethod
    def from_counts(cls, groups: Mapping[str, int], ungrouped: int = 0) -> Council:
        """Build a council from seats per group; a "group" of one is counted as not in a group."""
        kept: list[Group] = []
        notes: list[str] = []
        extra = 0
        for name, members in groups.items():
            if members < 1:
                raise BalanceError(f"{name} has {members} members; leave it out instead.")
            if members == 1:
                extra += 1
                notes.append(
                    f"{name} has a single councillor. A political group needs at least two members "
                    "(regulation 8(2) of the 1990 Regulations), so that councillor is counted with "
                    "the members not in a political group."
                )
            else:
                kept.append(Group(name.strip(), members))
        return cls(tuple(kept), ungrouped + extra, tuple(notes))

    @property
    def membership(self) -> int:
        """Every councillor, in a group or not (the Act's "membership" of the authority)."""
        return sum(g.members for g in self.groups) + self.ungrouped

    @property
    def majority_group(self) -> Group | None:
        """The group with more than half of all councillors, if there is one."""
        for group in self.groups:
            if 2 * group.members > self.membership:
                return group
        return None

    def buckets(self) -> dict[str, int]:
        """Who seats are shared between: each group, then the ungrouped members (if any)."""
        out = {g.name: g.members for g in self.groups}
        if self.ungrouped:
            out[UNGROUPED] = self.ungrouped
        return out

    def members_of(self, name: str) -> int:
        return self.buckets().get(name, 0)

    def by_priority(self, names: Sequence[str]) -> list[str]:
        """The provisional order used to break ties: the larger on the council, then alphabetical."""
        return sorted(names, key=lambda n: (-self.members_of(n), n.casefold(), n))


@dataclass(frozen=True)
class Entitlement:
    """One group's (or the ungrouped members') entitlement on a body, or across all bodies."""

    name: str
    members: int
    quota: Fraction
    seats: int
    proportional_seats: int
    moved_by: tuple[str, ...] = ()
    provisional: bool = False

    @property
    def is_group(self) -> bool:
        return self.name != UNGROUPED


@dataclass(frozen=True)
class Tie:
    """A tie the law does not settle: the council decides. The result shown meanwhile is provisional."""

    principle: str
    candidates: tuple[str, ...]
    seats: int
    provisional: tuple[str, ...]
    affected: tuple[str, ...]
    bodies: tuple[str, ...]
    message: str


@dataclass(frozen=True)
class BodyBalance:
    """The entitlement of each group on one body, and how it was reached."""

    body: str
    size: int
    membership: int
    entitlements: tuple[Entitlement, ...]
    explanations: tuple[str, ...]
    ties: tuple[Tie, ...] = ()

    @property
    def provisional(self) -> bool:
        return bool(self.ties)

    def seats(self) -> dict[str, int]:
        return {e.name: e.seats for e in self.entitlements}

    def entitlement(self, name: str) -> Entitlement:
        for e in self.entitlements:
            if e.name == name:
                return e
        raise KeyError(name)

    @property
    def group_seats(self) -> int:
        return sum(e.seats for e in self.entitlements if e.is_group)

    @property
    def ungrouped_seats(self) -> int:
        return sum(e.seats for e in self.entitlements if not e.is_group)


@dataclass(frozen=True)
class TiePoint:
    """A place where the rules left a choice between equally placed candidates."""

    principle: str
    candidates: tuple[str, ...]
    seats: int
    options: int
    chosen: tuple[str, ...]
    situation: str
    chooses_bodies: bool = False
    touches: tuple[tuple[str, str], ...] = ()


class Chooser:
    """Makes each choice the rules leave open: the provisional one, or one forced for checking."""

    def __init__(self, forced: Mapping[int, int] | None = None) -> None:
        self.forced = dict(forced or {})
        self.points: list[TiePoint] = []

    def choose(
        self,
        principle: str,
        candidates: Sequence[str],
        seats: int,
        situation: str,
        *,
        chooses_bodies: bool = False,
        touches: Sequence[tuple[str, str]] = (),
    ) -> tuple[str, ...]:
        """Pick ``seats`` of the ``candidates`` (given in provisional order).

        ``touches`` lists the (body, group) pairs the options change, when the caller knows that
        every option gives a different result (so the choice need not be re-run to find out).
        """
        if len(candidates) <= seats:
            return tuple(candidates)
        options = list(combinations(candidates, seats))
        pick = self.forced.get(len(self.points), 0)
        chosen = options[pick if pick < len(options) else 0]
        self.points.append(
            TiePoint(
                principle,
                tuple(candidates),
                seats,
                len(options),
                chosen,
                situation,
                chooses_bodies,
                tuple(touches),
            )
        )
        return chosen


R = TypeVar("R")
Outcome = dict[tuple[str, str], int]


@dataclass(frozen=True)
class Settled(Generic[R]):
    result: R
    ties: tuple[Tie, ...]


def settle(run: Callable[[Chooser], R], outcome: Callable[[R], Outcome]) -> Settled[R]:
    """Run the allocation with the provisional choices, then find which choices matter.

    A choice matters when taking another of its options (the others left as they were) changes
    some group's seats; a choice that makes no difference (say a tie that principle (b) settles
    anyway) is not reported.
    """
    base_chooser = Chooser()
    base = run(base_chooser)
    base_outcome = outcome(base)
    ties: list[Tie] = []
    for index, point in enumerate(base_chooser.points):
        differing: set[tuple[str, str]] = set()
        if point.touches:
            differing = set(point.touches)
        elif point.options > MAX_OPTIONS:
            differing = {key for key in base_outcome if key[1] in point.candidates}
        else:
            for option in range(1, point.options):
                other = outcome(run(Chooser({index: option})))
                keys = set(other) | set(base_outcome)
                differing |= {k for k in keys if other.get(k, 0) != base_outcome.get(k, 0)}
        if differing:
            ties.append(_tie(point, differing))
    return Settled(base, tuple(ties))


def _tie(point: TiePoint, differing: set[tuple[str, str]]) -> Tie:
    affected = tuple(sorted({name for _, name in differing}))
    bodies = tuple(sorted({body for body, _ in differing}))
    label = PRINCIPLES.get(point.principle, point.principle)
    if point.chooses_bodies:
        message = (
            f"{label}: {point.situation} Any of these would do equally well: {join(point.candidates)}. "
            f"The council decides; provisionally {join(point.chosen)} (the order the bodies were "
            "listed). PROVISIONAL."
        )
    else:
        message = (
            f"{label}: {point.situation} {join(point.candidates)} are level for "
            f"{seats_text(point.seats)}. The law does not choose between them: the council decides. "
            f"Provisionally {join(point.chosen)} (the larger group on the council first, then "
            "alphabetical order), so that the seats add up. PROVISIONAL."
        )
    return Tie(point.principle, point.candidates, point.seats, point.chosen, affected, bodies, message)
