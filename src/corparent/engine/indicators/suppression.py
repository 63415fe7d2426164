"""Small-number suppression: which figures each audience may see.

``suppress(results, audience)`` takes the rows of a scorecard and returns them in the same order,
with every row the audience may not see replaced by ``row.hidden()`` (all figures blank,
``suppressed`` true).

Analysts see everything. Everyone else - councillors, partners, young people - gets the MEMBER
policy:

1. **Counts of children from 1 to 5 are never shown.** A row is hidden (*primary* suppression) when
   any count it shows is 1-5: the numerator of a count, percentage or rate row (for a count row the
   numerator is the value; event counts such as missing incidents are included), and the
   denominator of a percentage, mean or days row. The numerator of a mean is a sum of the measure
   and the denominator of a rate is a population; neither is a count of children. Zero is shown.
2. **Nothing hidden can be worked out by difference** (*complementary* suppression). The rows of
   one indicator and one breakdown partition the headline row (breakdown and group "all"): for each
   counted quantity, their values sum to the headline's. While the headline total is known, the
   set H of hidden cells of each partition must be empty, or have at least two cells with
   sum(H) > |H| - so that someone who knows each hidden count is at least 1 still has two or more
   possible values for every one of them. Two relaxations, since neither discloses a count of 1-5:
   H may hold only zeros (sum(H) = 0), and H may be one cell whose value, worked out, is 6 or more
   (a row hidden for its numerator need not drag its denominator's partition down with it). Until
   H passes, the visible cell with the smallest non-zero value is hidden too (ties: the first in
   order); when no such cell is left, the headline is hidden (and any other breakdown that would
   still add up to it loses a cell).
3. **Indicators that show the same counts are checked together.** A partition whose cells and total
   equal another's (``cla`` by sex and the denominators of ``placed_foster_pct`` by sex; ``uasc``
   and the numerators of ``uasc_pct``) shows the same children, so a cell hidden in one but shown in
   the other is not hidden at all. Rule 2 is applied to the cells hidden in every such partition,
   and also to each partition on its own. A group one of them leaves out (the engine omits
   groups with an empty denominator) shows 0. A total counts as known when any row shows it - any
   headline with the same value at the same reference date - or when some breakdown of it is
   entirely visible.
4. The rules are applied again and again until nothing changes, so ``suppress`` of its own output
   changes nothing.

Known limits: the check is per partition. It does not solve the linear system an attacker could
build from several breakdowns of the same total at once, nor use upper bounds (e.g. "a hidden cell
is at most 5").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Final, Literal

from corparent.engine.indicators.result import Result, Unit

SMALLEST_SHOWN: Final = 6  # counts from 1 to 5 are never shown to members
_EPS: Final = 1e-9

Quantity = Literal["numerator", "denominator"]

# The quantities of each unit that are counts of children (or of events about them).
COUNTED: Final[dict[Unit, tuple[Quantity, ...]]] = {
    Unit.COUNT: ("numerator",),
    Unit.PERCENT: ("numerator", "denominator"),
    Unit.PER_10K: ("numerator",),
    Unit.MEAN: ("denominator",),
    Unit.DAYS: ("denominator",),
}


class Audience(StrEnum):
    """Who a set of figures is for. Members, partners and young people all get MEMBER."""

    ANALYST = "analyst"
    MEMBER = "member"


def suppress(results: Sequence[Result], audience: Audience) -> list[Result]:
    """The rows as ``audience`` may see them, in the same order."""
    rows = list(results)
    if Audience(audience) is Audience.ANALYST:
        return rows
    hidden = _Suppressor(rows).run()
    return [row.hidden() if i in hidden else row for i, row in enumerate(rows)]


def shown_count(row: Result, quantity: Quantity) -> float | None:
    """The count a row shows for ``quantity``: None when the row is already suppressed."""
    if row.suppressed:
        return None
    value = row.numerator if quantity == "numerator" else row.denominator
    if value is None and quantity == "numerator" and row.unit is Unit.COUNT:
        value = row.value
    return 0.0 if value is None else float(value)


def is_small(count: float | None) -> bool:
    """A count that may not be shown: from 1 to 5 (anything above 0 and below 6)."""
    return count is not None and 0 < count < SMALLEST_SHOWN


def is_primary(row: Result) -> bool:
    """Whether a row shows a small count itself."""
    return any(is_small(shown_count(row, q)) for q in COUNTED[row.unit])


# ---------------------------------------------------------------- the model


@dataclass(eq=False)
class _Partition:
    """The rows of one breakdown of one counted quantity of one indicator."""

    rows: dict[str, int] = field(default_factory=dict)  # group -> row index
    values: dict[str, float | None] = field(default_factory=dict)  # None: hidden in the input
    family: int = -1


@dataclass(eq=False)
class _Node:
    """One counted quantity of one indicator at one reference date."""

    headline: int | None = None
    partitions: dict[str, _Partition] = field(default_factory=dict)
    total: float | None = None


@dataclass(eq=False)
class _Family:
    """Partitions (of any indicators) showing the same breakdown of the same total."""

    members: list[_Partition]
    total: float
    totals: int  # index of the group of nodes sharing this total


_Key = tuple[date, str, Quantity]


class _Suppressor:
    def __init__(self, rows: list[Result]) -> None:
        self.rows = rows
        self.hidden: set[int] = set()
        self._full_cache: dict[int, bool] = {}
        self._known_cache: dict[int, bool] = {}
        nodes = self._nodes(rows)
        families: dict[tuple[date, str, float, frozenset[tuple[str, float | None]]], list[_Partition]] = {}
        totals: dict[tuple[date, float], list[_Node]] = {}
        total_of: dict[tuple[date, float], int] = {}
        for (ref, _, _), node in nodes.items():
            if node.total is None:
                continue  # not shown anywhere: nothing can be worked out from it
            tkey = (ref, node.total)
            total_of.setdefault(tkey, len(total_of))
            totals.setdefault(tkey, []).append(node)
            for breakdown, part in node.partitions.items():
                cells = frozenset((g, v) for g, v in part.values.items() if v != 0)
                families.setdefault((ref, breakdown, node.total, cells), []).append(part)
        self.totals: list[list[_Node]] = list(totals.values())
        self.families: list[_Family] = []
        for (ref, _, total, _), members in families.items():
            self.families.append(_Family(members, total, total_of[(ref, total)]))
        self.families.sort(key=lambda f: min(i for p in f.members for i in p.rows.values()))
        for n, fam in enumerate(self.families):
            for part in fam.members:
                part.family = n

    @staticmethod
    def _nodes(rows: list[Result]) -> dict[_Key, _Node]:
        nodes: dict[_Key, _Node] = {}
        for i, row in enumerate(rows):
            for q in COUNTED[row.unit]:
                node = nodes.setdefault((row.reference_date, row.indicator, q), _Node())
                part = None if row.is_headline else node.partitions.setdefault(row.breakdown, _Partition())
                if (node.headline is not None) if part is None else (row.group in part.rows):
                    raise ValueError(
                        f"two rows for {row.indicator} at {row.reference_date}, "
                        f"breakdown {row.breakdown!r}, group {row.group!r}"
                    )
                if part is None:
                    node.headline = i
                    continue
                part.rows[row.group] = i
                part.values[row.group] = shown_count(row, q)
        for (_, _, q), node in nodes.items():
            if node.headline is not None and not rows[node.headline].suppressed:
                node.total = shown_count(rows[node.headline], q)
            else:
                node.total = next(
                    (
                        sum(v for v in p.values.values() if v is not None)
                        for p in node.partitions.values()
                        if None not in p.values.values()
                    ),
                    None,
                )
        return nodes

    # ------------------------------------------------------------ state

    def _hide(self, index: int) -> None:
        if index not in self.hidden:
            self.hidden.add(index)
            self._full_cache.clear()
            self._known_cache.clear()

    def _split(self, view: Sequence[_Partition]) -> tuple[list[str], dict[str, float]]:
        """The groups hidden in every partition of ``view``, and the others with their values."""
        hidden: list[str] = []
        visible: dict[str, float] = {}
        for part in view:
            for g in part.rows:
                if g in visible or g in hidden:
                    continue
                # A partition without the group shows it as 0 (the engine leaves out empty groups).
                if all(g in p.rows and p.rows[g] in self.hidden for p in view):
                    hidden.append(g)
                else:
                    visible[g] = max((p.values.get(g) or 0.0) for p in view)
        return hidden, visible

    def _full(self, family: int) -> bool:
        """Whether every cell of a family is visible somewhere (so its total can be added up)."""
        if family not in self._full_cache:
            self._full_cache[family] = not self._split(self.families[family].members)[0]
        return self._full_cache[family]

    def _known(self, totals: int) -> bool:
        """Whether a total is shown by some headline, or adds up from a wholly visible breakdown."""
        if totals not in self._known_cache:
            nodes = self.totals[totals]
            self._known_cache[totals] = any(
                n.headline is not None and n.headline not in self.hidden for n in nodes
            ) or any(self._full(p.family) for n in nodes for p in n.partitions.values())
        return self._known_cache[totals]

    # ------------------------------------------------------------ the rules

    def run(self) -> set[int]:
        for i, row in enumerate(self.rows):
            if row.suppressed or is_primary(row):
                self._hide(i)
        changed = True
        while changed:
            changed = False
            for family in self.families:
                while self._enforce(family):
                    changed = True
        return self.hidden

    @staticmethod
    def _safe(total: float, hidden: list[str], visible: dict[str, float]) -> bool:
        remainder = total - sum(visible.values())  # what the hidden cells add up to
        k = len(hidden)
        if k == 0 or abs(remainder) < _EPS:
            return True  # nothing hidden, or every hidden cell is 0
        if k == 1:
            return remainder >= SMALLEST_SHOWN - _EPS  # the one hidden cell is worked out, but it is 6+
        return remainder - k > _EPS  # each hidden cell has two or more possible values

    def _smallest(self, view: Sequence[_Partition], visible: dict[str, float]) -> str | None:
        """The visible group with the smallest non-zero value; ties go to the first row."""
        candidates = [
            (value, min(p.rows[g] for p in view if g in p.rows), g)
            for g, value in visible.items()
            if value > _EPS
        ]
        return min(candidates)[2] if candidates else None

    def _hide_group(self, view: Iterable[_Partition], group: str) -> None:
        for part in view:
            if group in part.rows:
                self._hide(part.rows[group])

    def _enforce(self, family: _Family) -> bool:
        """Hide one more thing if the family leaks a hidden cell; whether anything was hidden."""
        if not self._known(family.totals):
            return False
        views = [family.members] + ([[p] for p in family.members] if len(family.members) > 1 else [])
        for view in views:
            hidden, visible = self._split(view)
            if self._safe(family.total, hidden, visible):
                continue
            before = len(self.hidden)
            group = self._smallest(view, visible)
            if group is not None:
                self._hide_group(view, group)
            else:
                self._hide_total(family.totals)
            if len(self.hidden) == before:  # cannot happen with consistent input; stay safe anyway
                for node in self.totals[family.totals]:
                    self._hide_node(node)
            return len(self.hidden) > before
        return False

    def _hide_total(self, totals: int) -> None:
        """Make a total unknown: hide every headline showing it and break every breakdown adding to it."""
        nodes = self.totals[totals]
        for node in nodes:
            if node.headline is not None:
                self._hide(node.headline)
        for node in nodes:
            for part in node.partitions.values():
                if self._full(part.family):
                    members = self.families[part.family].members
                    group = self._smallest(members, self._split(members)[1])
                    if group is not None:
                        self._hide_group(members, group)

    def _hide_node(self, node: _Node) -> None:
        if node.headline is not None:
            self._hide(node.headline)
        for part in node.partitions.values():
            for i in part.rows.values():
                self._hide(i)
