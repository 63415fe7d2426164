"""Small-number suppression: hand-worked cases and properties over generated scorecards."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corparent.engine.indicators.intervals import wilson_or_none
from corparent.engine.indicators.result import ALL, Result, Unit
from corparent.engine.indicators.suppression import COUNTED, Audience, suppress

R = date(2025, 3, 31)
START = date(2024, 4, 1)


def count(ind: str, breakdown: str, group: str, n: float) -> Result:
    return Result(ind, ind, R, START, R, breakdown, group, float(n), None, float(n), Unit.COUNT)


def pct(ind: str, breakdown: str, group: str, n: float, d: float) -> Result:
    lo, hi = wilson_or_none(n, d)
    value = 100.0 * n / d if d else None
    return Result(ind, ind, R, START, R, breakdown, group, float(n), float(d), value, Unit.PERCENT, lo, hi)


def mean(ind: str, breakdown: str, group: str, total: float, d: float, unit: Unit = Unit.MEAN) -> Result:
    return Result(ind, ind, R, START, R, breakdown, group, total, float(d), total / d if d else None, unit)


def rate(ind: str, n: float, population: float) -> Result:
    return Result(
        ind, ind, R, START, R, ALL, ALL, float(n), population, n / population * 10_000, Unit.PER_10K
    )


def by(rows: Iterable[Result]) -> dict[tuple[str, str, str], Result]:
    return {(r.indicator, r.breakdown, r.group): r for r in rows}


def hidden_keys(rows: Iterable[Result]) -> set[tuple[str, str, str]]:
    return {(r.indicator, r.breakdown, r.group) for r in rows if r.suppressed}


def member(rows: Sequence[Result]) -> list[Result]:
    out = suppress(rows, Audience.MEMBER)
    assert [(r.indicator, r.breakdown, r.group) for r in out] == [
        (r.indicator, r.breakdown, r.group) for r in rows
    ]
    for before, after in zip(rows, out, strict=True):
        assert after == (before.hidden() if after.suppressed else before)
    return out


# ---------------------------------------------------------------- hand-worked


def test_small_cell_and_its_complement_are_hidden() -> None:
    # 400 = 200 M + 197 F + 3 U: U is 1-5; with U alone hidden, U = 400 - 200 - 197. F (197, the
    # smaller visible cell) goes too, leaving 200 to be split between two hidden cells.
    rows = [count("cla", ALL, ALL, 400), count("cla", "sex", "M", 200), count("cla", "sex", "F", 197),
            count("cla", "sex", "U", 3)]  # fmt: skip
    out = member(rows)
    assert hidden_keys(out) == {("cla", "sex", "U"), ("cla", "sex", "F")}
    assert by(out)["cla", ALL, ALL].value == 400
    assert by(out)["cla", "sex", "M"].value == 200
    assert by(out)["cla", "sex", "U"] == rows[3].hidden()


def test_two_ones_take_the_big_cell_with_them() -> None:
    # Hidden {1, 1} adds to 2 = |H|: each must be 1. So 98 is hidden too.
    rows = [count("starts", ALL, ALL, 100), count("starts", "age", "a", 1), count("starts", "age", "b", 1),
            count("starts", "age", "c", 98)]  # fmt: skip
    assert hidden_keys(member(rows)) == {("starts", "age", g) for g in "abc"}


def test_two_hidden_cells_that_cannot_be_pinned_are_enough() -> None:
    rows = [count("starts", ALL, ALL, 100), count("starts", "age", "a", 2), count("starts", "age", "b", 4),
            count("starts", "age", "c", 94)]  # fmt: skip
    assert hidden_keys(member(rows)) == {("starts", "age", "a"), ("starts", "age", "b")}


def test_percentage_with_numerator_3_is_hidden_with_a_complement() -> None:
    rows = [pct("p", ALL, ALL, 50, 410), pct("p", "sex", "M", 3, 200), pct("p", "sex", "F", 40, 197),
            pct("p", "sex", "U", 7, 13)]  # fmt: skip
    out = by(member(rows))
    # numerators: M (3) is small; the smallest visible non-zero numerator, U (7), goes with it
    assert hidden_keys(out.values()) == {("p", "sex", "M"), ("p", "sex", "U")}
    assert out["p", "sex", "F"].value == pytest.approx(100 * 40 / 197)
    assert out["p", ALL, ALL].numerator == 50


def test_percentage_headline_with_small_numerator_is_hidden() -> None:
    assert hidden_keys(member([pct("p", ALL, ALL, 3, 40)])) == {("p", ALL, ALL)}
    assert hidden_keys(member([pct("p", ALL, ALL, 0, 4)])) == {("p", ALL, ALL)}  # small denominator


def test_rate_shows_its_population() -> None:
    out = member([rate("cla_rate", 40, 60_000), rate("other_rate", 4, 60_000)])
    assert not out[0].suppressed and out[0].denominator == 60_000
    assert out[1].suppressed


def test_zero_is_shown() -> None:
    rows = [count("c", ALL, ALL, 30), count("c", "sex", "M", 30), count("c", "sex", "F", 0),
            pct("p", ALL, ALL, 0, 30), pct("p", "sex", "M", 0, 30)]  # fmt: skip
    assert hidden_keys(member(rows)) == set()


def test_mean_is_hidden_by_its_denominator_not_its_sum() -> None:
    rows = [mean("sdq", ALL, ALL, 3.0, 10), mean("days", ALL, ALL, 900.0, 4, Unit.DAYS)]
    assert hidden_keys(member(rows)) == {("days", ALL, ALL)}


def test_analyst_sees_everything() -> None:
    rows = [count("cla", ALL, ALL, 4), count("cla", "sex", "M", 3), count("cla", "sex", "F", 1),
            pct("p", ALL, ALL, 1, 2), rate("r", 2, 100)]  # fmt: skip
    assert suppress(rows, Audience.ANALYST) == rows
    assert suppress(rows, Audience("analyst")) == rows


def test_unprotectable_partition_hides_the_headline_and_breaks_other_breakdowns() -> None:
    # Six groups of 1: all hidden, but they add to 6 = |H|, so each is 1 while the total is known.
    # The headline goes; and sex {M 6, F 0} would still add up to it, so M goes too.
    rows = [count("c", ALL, ALL, 6)] + [count("c", "eth", str(g), 1) for g in range(6)]
    rows += [count("c", "sex", "M", 6), count("c", "sex", "F", 0)]
    out = by(member(rows))
    assert out["c", ALL, ALL].suppressed
    assert out["c", "sex", "M"].suppressed
    assert not out["c", "sex", "F"].suppressed


def test_hidden_headline_leaves_a_partition_unconstrained_unless_another_row_shows_the_total() -> None:
    # The headline's numerator (3) is small, so it is hidden; then the denominators by sex
    # (M 200, F 197, U 3 hidden) do not add up to anything shown...
    rows = [pct("p", ALL, ALL, 3, 400), pct("p", "sex", "M", 0, 200), pct("p", "sex", "F", 0, 197),
            pct("p", "sex", "U", 3, 3)]  # fmt: skip
    assert hidden_keys(member(rows)) == {("p", ALL, ALL), ("p", "sex", "U")}
    # ...until another indicator's headline shows the same total (400 children looked after).
    out = member([count("cla", ALL, ALL, 400), *rows])
    assert hidden_keys(out) == {("p", ALL, ALL), ("p", "sex", "U"), ("p", "sex", "F")}


def test_one_hidden_cell_of_6_or_more_may_be_worked_out() -> None:
    # Every child is in group "No", so p's "No" row equals its headline. Both are hidden for the
    # numerator 3; the denominator 400 can be worked out, but 400 is no small count, so the
    # headline of cla (400) stays.
    rows = [count("cla", ALL, ALL, 400), pct("p", ALL, ALL, 3, 400), pct("p", "uasc", "No", 3, 400)]
    assert hidden_keys(member(rows)) == {("p", ALL, ALL), ("p", "uasc", "No")}


def test_hidden_zeros_need_no_complement() -> None:
    # U is hidden for its denominator (4); its numerator is 0, so the numerators by sex give away
    # only that 0. The denominators still need a complement (F, the smaller).
    rows = [pct("p", ALL, ALL, 20, 400), pct("p", "sex", "M", 10, 200), pct("p", "sex", "F", 10, 196),
            pct("p", "sex", "U", 0, 4)]  # fmt: skip
    assert hidden_keys(member(rows)) == {("p", "sex", "U"), ("p", "sex", "F")}
    rows = [pct("p", ALL, ALL, 20, 400), pct("p", "sex", "M", 20, 396), pct("p", "sex", "U", 0, 4)]
    assert hidden_keys(member(rows)) == {("p", "sex", "U"), ("p", "sex", "M")}


def test_same_children_in_two_indicators_are_protected_together() -> None:
    # cla by sex hides U (3) and F (197). On its own, placed_foster_pct hides M (numerator 2) and U
    # (denominator 3) and would show F's denominator, 197: then U = 400 - 200 (cla) - 197 = 3.
    rows = [count("cla", ALL, ALL, 400), count("cla", "sex", "M", 200), count("cla", "sex", "F", 197),
            count("cla", "sex", "U", 3),
            pct("foster", ALL, ALL, 153, 400), pct("foster", "sex", "M", 2, 200),
            pct("foster", "sex", "F", 150, 197), pct("foster", "sex", "U", 1, 3)]  # fmt: skip
    alone = member(rows[4:])
    assert hidden_keys(alone) == {("foster", "sex", "M"), ("foster", "sex", "U")}
    out = member(rows)
    assert hidden_keys(out) == {("cla", "sex", "U"), ("cla", "sex", "F"), ("foster", "sex", "M"),
                                ("foster", "sex", "U"), ("foster", "sex", "F")}  # fmt: skip
    shown = {r.group: r.denominator if r.unit is Unit.PERCENT else r.value
             for r in out if r.breakdown == "sex" and not r.suppressed}  # fmt: skip
    assert shown == {"M": 200}


def test_a_count_and_the_numerators_of_a_percentage_are_protected_together() -> None:
    # uasc by sex: F (3) hidden, complement M (30). uasc_pct hides F (numerator 3) and U (denominator
    # 3) and would show M's numerator, 30: with the uasc count of U (0), F = 33 - 30 - 0.
    rows = [count("uasc", ALL, ALL, 33), count("uasc", "sex", "M", 30), count("uasc", "sex", "F", 3),
            count("uasc", "sex", "U", 0),
            pct("uasc_pct", ALL, ALL, 33, 400), pct("uasc_pct", "sex", "M", 30, 200),
            pct("uasc_pct", "sex", "F", 3, 197), pct("uasc_pct", "sex", "U", 0, 3)]  # fmt: skip
    out = by(member(rows))
    assert out["uasc", "sex", "M"].suppressed and out["uasc", "sex", "F"].suppressed
    assert out["uasc_pct", "sex", "M"].suppressed
    assert not out["uasc", "sex", "U"].suppressed


def test_duplicate_rows_are_refused() -> None:
    with pytest.raises(ValueError, match="two rows"):
        suppress([count("c", "sex", "M", 10), count("c", "sex", "M", 10)], Audience.MEMBER)
    with pytest.raises(ValueError, match="two rows"):
        suppress([count("c", ALL, ALL, 10), count("c", ALL, ALL, 10)], Audience.MEMBER)


# ---------------------------------------------------------------- generated scorecards

# Each child: a group in each breakdown, flags a and b, a score and a number of events.
Child = tuple[tuple[int, ...], bool, bool, int, int]


@st.composite
def cohorts(draw: st.DrawFn) -> tuple[list[int], list[Child]]:
    """Groups of identical children, 1-5 or 6-50 at a time, so that small and large cells both occur."""
    sizes = draw(st.lists(st.integers(1, 5), min_size=1, max_size=3))
    kind = st.tuples(
        st.tuples(*[st.integers(0, g - 1) for g in sizes]),
        st.booleans(),
        st.booleans(),
        st.integers(0, 40),
        st.integers(0, 3),
    )
    how_many = st.one_of(st.integers(1, 5), st.integers(6, 50))
    kinds = draw(st.lists(st.tuples(kind, how_many), max_size=8))
    return sizes, [child for child, n in kinds for _ in range(n)]


# (indicator, quantity) pairs that show the same children, as the generated scorecard builds them
SAME_CHILDREN = [
    [("cohort", "numerator"), ("a_pct", "denominator"), ("b_pct", "denominator"), ("rate", "numerator")],
    [("a_pct", "numerator"), ("score", "denominator")],
    [("b_pct", "numerator"), ("b_count", "numerator")],
    [("events", "numerator")],
]


def scorecard(sizes: list[int], children: list[Child]) -> list[Result]:
    """The rows the engine would emit: a group appears when it has a child in the cohort."""
    rows: list[Result] = []

    def emit(breakdown: str, group: str, kids: list[Child]) -> None:
        a = [c for c in kids if c[1]]
        rows.append(count("cohort", breakdown, group, len(kids)))
        rows.append(pct("a_pct", breakdown, group, len(a), len(kids)))
        rows.append(pct("b_pct", breakdown, group, sum(c[2] for c in kids), len(kids)))
        rows.append(count("b_count", breakdown, group, sum(c[2] for c in kids)))
        rows.append(count("events", breakdown, group, sum(c[4] for c in kids)))
        if a or breakdown == ALL:
            rows.append(mean("score", breakdown, group, float(sum(c[3] for c in a)), len(a)))

    emit(ALL, ALL, children)
    rows.append(rate("rate", len(children), 50_000))
    for b in range(len(sizes)):
        for g in sorted({c[0][b] for c in children}):
            emit(f"b{b}", f"g{g}", [c for c in children if c[0][b] == g])
    return rows


def shown(row: Result, quantity: str) -> float | None:
    if row.suppressed:
        return None
    v = row.numerator if quantity == "numerator" else row.denominator
    return 0.0 if v is None else v


def compositions(total: int, parts: int) -> Iterable[tuple[int, ...]]:
    """Every way of writing total as an ordered sum of parts whole numbers, each at least 1."""
    if parts == 1:
        if total >= 1:
            yield (total,)
        return
    for first in range(1, total - parts + 2):
        for rest in compositions(total - first, parts - 1):
            yield (first, *rest)


def possible_values(remainder: float, cells: int) -> list[set[int]]:
    """Brute force: each hidden cell's possible values, given cells >= 1 adding up to remainder."""
    options: list[set[int]] = [set() for _ in range(cells)]
    if remainder == int(remainder):
        for combo in compositions(int(remainder), cells):
            for i, v in enumerate(combo):
                options[i].add(v)
    return options


def test_possible_values_brute_force() -> None:
    assert possible_values(3, 1) == [{3}]
    assert possible_values(2, 2) == [{1}, {1}]
    assert possible_values(3, 2) == [{1, 2}, {1, 2}]
    assert possible_values(2, 3) == [set(), set(), set()]
    assert possible_values(5, 3) == [{1, 2, 3}] * 3
    assert sorted(compositions(4, 2)) == [(1, 3), (2, 2), (3, 1)]


def leaks(truth: list[Result], rows: list[Result]) -> list[str]:
    """Hidden small counts an attacker can pin by difference, using every row showing the same children."""
    found: list[str] = []
    true = {(r.indicator, r.breakdown, r.group): r for r in truth}
    for sources in SAME_CHILDREN:
        known: dict[tuple[str, str], float] = {}
        cells: dict[str, set[str]] = {}
        total: float | None = None
        for r in rows:
            for ind, q in sources:
                if r.indicator != ind:
                    continue
                if r.breakdown != ALL:
                    cells.setdefault(r.breakdown, set()).add(r.group)
                if (v := shown(r, q)) is not None:
                    if r.breakdown == ALL:
                        total = v
                    else:
                        known[r.breakdown, r.group] = v
        for ind, _ in sources:  # a source with rows in a breakdown shows the groups it leaves out as 0
            present = {(r.breakdown, r.group) for r in rows if r.indicator == ind}
            for b, groups in cells.items():
                if any((b, g) in present for g in groups):
                    known.update({(b, g): 0.0 for g in groups if (b, g) not in present})
        for b, groups in cells.items():  # a breakdown shown in full adds up to the total
            if total is None and all((b, g) in known for g in groups):
                total = sum(known[b, g] for g in groups)
        if total is None:
            continue
        for b, groups in cells.items():
            unknown = sorted(g for g in groups if (b, g) not in known)
            remainder = total - sum(known[b, g] for g in groups if (b, g) in known)
            if not unknown or remainder > 30:  # a large remainder leaves every cell several values
                continue
            for g, values in zip(unknown, possible_values(remainder, len(unknown)), strict=True):
                ind, q = next((i, q) for i, q in sources if (i, b, g) in true)
                actual = shown(true[ind, b, g], q)
                if actual is not None and 1 <= actual <= 5 and len(values) < 2:
                    found.append(f"{ind} {q} {b}={g}: {actual} pinned ({values})")
    return found


@settings(max_examples=300, deadline=None)
@given(cohorts())
def test_properties_of_member_output(cohort: tuple[list[int], list[Child]]) -> None:
    rows = scorecard(*cohort)
    out = member(rows)
    # (a) no visible row shows a count from 1 to 5
    for r in out:
        if not r.suppressed:
            for q in COUNTED[r.unit]:
                assert not 1 <= (shown(r, q) or 0) <= 5, r
    # (b) nothing hidden and small can be worked out by difference
    assert leaks(rows, out) == []
    # (c) suppressing twice is suppressing once
    assert suppress(out, Audience.MEMBER) == out
    # (d) analysts see the input
    assert suppress(rows, Audience.ANALYST) == rows


@settings(max_examples=100, deadline=None)
@given(cohorts())
def test_counts_alone_are_protected(cohort: tuple[list[int], list[Child]]) -> None:
    rows = [r for r in scorecard(*cohort) if r.indicator in ("cohort", "events")]
    out = member(rows)
    assert leaks(rows, out) == []
    assert suppress(out, Audience.MEMBER) == out


def test_leak_check_finds_a_leak() -> None:
    # the checker itself: publishing U alone hidden from 400 = 200 + 197 + 3 is a leak
    rows = [count("cohort", ALL, ALL, 400), count("cohort", "b0", "M", 200), count("cohort", "b0", "F", 197),
            count("cohort", "b0", "U", 3)]  # fmt: skip
    assert leaks(rows, [*rows[:3], rows[3].hidden()]) == ["cohort numerator b0=U: 3.0 pinned ({3})"]
