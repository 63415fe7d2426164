"""Properties of the indicator engine over generated care histories (see strategies.py).

Each example writes a generated history as a 903 return (year folders of CSV files) in a temporary
folder, reads it with ``read_return`` and computes indicators with ``compute``. The expectations
come from indicators.md and from counting directly in the generated history, never from the engine.
"""

from __future__ import annotations

import math
import random
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import duckdb
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corparent.engine.indicators.catalogue import builtin_catalogue
from corparent.engine.indicators.cohorts.base import minus_years
from corparent.engine.indicators.engine import Scorecard, compute
from corparent.engine.indicators.result import Result, Unit
from corparent.engine.ssda903.model import Return
from corparent.engine.ssda903.reader import read_return

try:  # tests/ and tests/engine/ are packages
    from tests.engine.strategies import History, care_histories, histories_with_dates, write_return
except ImportError:  # tests/engine on sys.path instead (pytest's prepend mode without __init__.py files)
    from strategies import History, care_histories, histories_with_dates, write_return  # type: ignore[no-redef]

POPULATION = 45_000.0  # children aged 0-17, so that cla_rate is computed too
FLOWS = ["cla", "starts", "ceases", "cla_in_period", "short_breaks_only"]
CHILD_COUNT_EXEMPT = {"missing_incidents"}  # counts of events, not of children

# Each example reads a return and computes one or two scorecards (0.3-1 s), so examples are kept
# moderate: the whole file takes about 80 s of CPU, about 40 s on `pytest -n 2` (2 cores).
SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@contextmanager
def loaded(history: History, *, shuffle: random.Random | None = None) -> Iterator[Return]:
    """The history written as a 903 return in a fresh temporary folder, read back."""
    with tempfile.TemporaryDirectory() as folder:
        write_return(history, Path(folder), shuffle=shuffle)
        # One DuckDB thread: the data are tiny, and pytest -n 2 already keeps both cores busy.
        ret = read_return(Path(folder), con=duckdb.connect(config={"threads": 1}))
        try:
            yield ret
        finally:
            ret.con.close()


def count(sc: Scorecard, indicator: str) -> int:
    value = sc.headline(indicator).value
    assert value is not None and value == int(value), (indicator, value)
    return int(value)


# ---------------------------------------------------------------- counting in the history itself


def period_start(r: date) -> date:
    return minus_years(r, 1) + timedelta(days=1)


def looked_after_at(history: History, r: date) -> set[str]:
    """Children with a non-short-break episode with DECOM <= R and (no DEC or DEC > R)."""
    return {
        c.id
        for c in history.children
        for e in c.episodes
        if not e.short_break and e.decom <= r and (e.dec is None or e.dec > r)
    }


def period_starts(history: History, r: date) -> dict[str, int]:
    """Per child, the number of (non-short-break) periods of care starting in the period ending R."""
    first = period_start(r)
    out: dict[str, int] = {}
    for c in history.children:
        n = sum(1 for p in c.periods if not p.short_break and first <= p.start <= r)
        if n:
            out[c.id] = n
    return out


def period_ends(history: History, r: date) -> dict[str, int]:
    """Per child, the number of (non-short-break) periods of care ending in the period ending R."""
    first = period_start(r)
    out: dict[str, int] = {}
    for c in history.children:
        n = sum(1 for p in c.periods if not p.short_break and p.end is not None and first <= p.end <= r)
        if n:
            out[c.id] = n
    return out


def in_period(history: History, r: date) -> set[str]:
    first = period_start(r)
    return {c.id for c in history.children for e in c.episodes if not e.short_break and e.overlaps(first, r)}


def short_breaks_only(history: History, r: date) -> set[str]:
    first = period_start(r)
    out = set()
    for c in history.children:
        overlapping = [e for e in c.episodes if e.overlaps(first, r)]
        if overlapping and all(e.short_break for e in overlapping):
            out.add(c.id)
    return out


# ---------------------------------------------------------------- the generator keeps its promises


@settings(SETTINGS, max_examples=50)
@given(history=care_histories(), spaced=care_histories(spaced=True, extras=False))
def test_generated_histories_are_internally_consistent(history: History, spaced: History) -> None:
    """The strategies' rules (strategies.py), checked without the engine."""
    for h in (history, spaced):
        for c in h.children:
            episodes = c.episodes
            assert len({e.decom for e in episodes}) == len(episodes), "CHILD and DECOM identify an episode"
            assert c.dob <= c.periods[0].start
            for n, p in enumerate(c.periods):
                assert p.episodes[0].rne == "S" and all(e.rne != "S" for e in p.episodes[1:])
                assert all(e.short_break == p.short_break for e in p.episodes), "short breaks not mixed"
                for a, b in zip(p.episodes, p.episodes[1:], strict=False):
                    assert a.rec == "X1" and a.dec == b.decom and a.decom < a.dec, "joined by X1"
                    if a.temporary:
                        assert not b.temporary and b.ls == a.ls, "a temporary placement, then the return"
                last = p.episodes[-1]
                assert not last.temporary
                assert (last.dec is None) == (last.rec is None) and last.rec != "X1"
                if last.dec is None:
                    assert n == len(c.periods) - 1, "only the last period may be open"
                else:
                    assert last.decom <= last.dec
                if n and h is spaced:
                    previous_end = c.periods[n - 1].end
                    assert previous_end is not None and (p.start - previous_end).days >= 400
                elif n:
                    previous_end = c.periods[n - 1].end
                    assert previous_end is not None and p.start >= previous_end


# ---------------------------------------------------------------- 4 and 6, checked at each R below


def check_flows_at(history: History, sc: Scorecard) -> None:
    """At one R: (6) cla and the flows equal the counts made directly in the history, and (4) the
    children looked after during the period include those at R, starting and ceasing."""
    r = sc.reference_date
    cla, during = count(sc, "cla"), count(sc, "cla_in_period")
    starts, ceases, sbo = count(sc, "starts"), count(sc, "ceases"), count(sc, "short_breaks_only")
    # 6. Ground truth: counted in Python from the generated history, as indicators.md defines them.
    assert cla == len(looked_after_at(history, r)), ("6: cla", r)
    assert starts == len(period_starts(history, r)), ("6: starts", r)
    assert ceases == len(period_ends(history, r)), ("6: ceases", r)
    assert during == len(in_period(history, r)), ("6: cla_in_period", r)
    assert sbo == len(short_breaks_only(history, r)), ("6: short_breaks_only", r)
    # 4. Monotonic sanity (and nobody is both in care and on short breaks only).
    assert during >= cla, ("4: cla_in_period >= cla", r)
    assert during >= starts, ("4: cla_in_period >= starts", r)
    assert during >= ceases, ("4: cla_in_period >= ceases", r)
    assert during + sbo <= len(history.children), ("4: cla_in_period + short_breaks_only", r)


# ---------------------------------------------------------------- 1. stock and flow


def _balance(history: History, r1: date) -> tuple[int, dict[str, int]]:
    """cla(R1) - (cla(R0) + starts(R1) - ceases(R1)), with R0 = R1 - 1 year; checks 4 and 6 at both."""
    r0 = minus_years(r1, 1)
    with loaded(history) as ret:
        at_r0 = compute(ret, r0, indicators=FLOWS)
        at_r1 = compute(ret, r1, indicators=FLOWS)
    check_flows_at(history, at_r0)
    check_flows_at(history, at_r1)
    figures = {
        "cla(R0)": count(at_r0, "cla"),
        "starts(R1)": count(at_r1, "starts"),
        "ceases(R1)": count(at_r1, "ceases"),
        "cla(R1)": count(at_r1, "cla"),
    }
    gap = figures["cla(R1)"] - (figures["cla(R0)"] + figures["starts(R1)"] - figures["ceases(R1)"])
    return gap, figures


@settings(SETTINGS, max_examples=50)
@given(example=histories_with_dates(spaced=True, extras=False))
def test_stock_and_flow_balance_when_nobody_starts_or_ceases_twice(example: tuple[History, date]) -> None:
    """1: cla(R0) + starts(R1) - ceases(R1) = cla(R1), periods of care at least 400 days apart.
    Also 4 and 6 at R0 and R1."""
    history, r1 = example
    # The generator's promise, checked: nobody starts or ceases twice within 12 months.
    assert all(n == 1 for n in period_starts(history, r1).values())
    assert all(n == 1 for n in period_ends(history, r1).values())
    gap, figures = _balance(history, r1)
    assert gap == 0, ("1: stock and flow", figures)


@settings(SETTINGS, max_examples=50)
@given(example=histories_with_dates(extras=False))
def test_stock_and_flow_balance_within_the_children_who_start_or_cease_twice(
    example: tuple[History, date],
) -> None:
    """1: |cla(R1) - (cla(R0) + starts(R1) - ceases(R1))| <= children with more than one start or
    more than one ceasing in R1's period (counted from the history). Also 4 and 6 at R0 and R1."""
    history, r1 = example
    twice = {c for c, n in period_starts(history, r1).items() if n > 1}
    twice |= {c for c, n in period_ends(history, r1).items() if n > 1}
    gap, figures = _balance(history, r1)
    assert abs(gap) <= len(twice), ("1: stock and flow", figures, twice)


# ---------------------------------------------------------------- 2 and 3. the whole scorecard


def _check_bounds(r: Result, n_children: int) -> None:
    """2: percentages within 0-100, numerator <= denominator, lower <= value <= upper, counts >= 0."""
    eps = 1e-9
    where = f"2: {r.indicator} [{r.breakdown}={r.group}]"
    if r.unit is Unit.COUNT:
        assert r.value is not None and r.value >= 0, where
        assert r.numerator == r.value and r.denominator is None, where
        if r.indicator not in CHILD_COUNT_EXEMPT:
            assert r.value <= n_children, where
        return
    if r.value is None:
        assert r.is_headline and not r.denominator, where
        return
    if r.unit is Unit.PERCENT:
        assert 0 <= r.value <= 100, where
        assert r.numerator is not None and r.denominator is not None, where
        assert 0 <= r.numerator <= r.denominator, where
        assert r.denominator <= n_children or r.indicator == "review_participation_pct", where
    elif r.unit is Unit.PER_10K:
        assert r.value >= 0 and r.numerator is not None and r.numerator >= 0, where
    else:  # mean or days: a mean over the denominator's rows
        assert r.denominator is not None and r.denominator > 0, where
        assert r.value >= 0, where
        if r.indicator == "sdq_average":
            assert r.value <= 40, where
    if r.lower is not None or r.upper is not None:
        assert r.lower is not None and r.upper is not None, where
        assert r.lower - eps <= r.value <= r.upper + eps, (where, r.lower, r.value, r.upper)
    if r.unit is Unit.PERCENT:
        assert r.lower is not None and r.upper is not None, where
        assert -eps <= r.lower and r.upper <= 100 + eps, where


def _check_breakdowns(sc: Scorecard, ind: str) -> None:
    """3: the groups of every breakdown sum to the headline, numerators and denominators."""
    head = sc.headline(ind)
    if head.unit is Unit.PER_10K:
        return
    declared = set(builtin_catalogue()[ind].breakdowns)
    shown = {x.breakdown for x in sc.rows(ind) if not x.is_headline}
    assert shown <= declared, ("3: undeclared breakdown", ind, shown - declared)
    for b in sorted(declared):
        groups = sc.rows(ind, b)
        names = [g.group for g in groups]
        assert len(names) == len(set(names)), ("3: a group twice", ind, b, names)
        assert "all" not in names and "None" not in names, ("3: unnamed group", ind, b, names)
        numerator = sum(g.numerator or 0 for g in groups)
        assert numerator == (head.numerator or 0), ("3: numerators", ind, b, numerator, head.numerator)
        if head.unit is not Unit.COUNT:
            denominator = sum(g.denominator or 0 for g in groups)
            assert denominator == (head.denominator or 0), (
                "3: denominators",
                ind,
                b,
                denominator,
                head.denominator,
            )


@SETTINGS
@given(example=histories_with_dates())
def test_every_figure_is_in_range_and_breakdowns_sum_to_the_headline(example: tuple[History, date]) -> None:
    """2: every figure in range, at any R; 3: every breakdown's groups sum to the headline;
    6: more figures counted directly in the history."""
    history, r = example
    with loaded(history) as ret:
        sc = compute(ret, r, population=POPULATION)
    computed = {x.indicator for x in sc.results}
    noted = {n.split(":", 1)[0] for n in sc.notes}
    assert computed | noted >= set(builtin_catalogue().indicators), "every indicator computed or noted"
    for ind in sorted(computed):
        assert sum(1 for x in sc.rows(ind) if x.is_headline) == 1, ("one headline", ind)
    for x in sc.results:
        _check_bounds(x, len(history.children))
    for ind in sorted(computed):
        _check_breakdowns(sc, ind)
    _check_more_ground_truth(history, sc)


def _check_more_ground_truth(history: History, sc: Scorecard) -> None:
    """6, beyond cla: UASC at R, missing incidents and adoptions, counted in the history."""
    r, first = sc.reference_date, period_start(sc.reference_date)
    at_r, during = looked_after_at(history, r), in_period(history, r)
    by_id = {c.id: c for c in history.children}
    uasc = sum(1 for c in at_r if by_id[c].uasc and (by_id[c].duc is None or by_id[c].duc > r))
    assert count(sc, "uasc") == uasc, ("6: uasc", r)
    if any(c.missing for c in history.children):
        incidents = sum(
            1 for c in during for m in by_id[c].missing if m.kind == "M" and first <= m.start <= r
        )
        assert count(sc, "missing_incidents") == incidents, ("6: missing_incidents", r)
    adopted = 0
    for c in history.children:
        ended = [p for p in c.periods if not p.short_break and p.end is not None and first <= p.end <= r]
        if ended and max(ended, key=lambda p: p.start).episodes[-1].rec in ("E11", "E12"):
            adopted += 1
    assert count(sc, "adoptions") == adopted, ("6: adoptions", r)


# ---------------------------------------------------------------- 5. file names and column order


def _same(a: Result, b: Result) -> bool:
    rb = b.as_row()
    for k, va in a.as_row().items():
        vb = rb[k]
        if isinstance(va, float) and isinstance(vb, float):
            if not math.isclose(va, vb, rel_tol=1e-9, abs_tol=1e-9):
                return False
        elif va != vb:
            return False
    return True


@settings(SETTINGS, max_examples=20)
@given(example=histories_with_dates(), seed=st.integers(0, 2**32 - 1))
def test_file_names_column_and_row_order_do_not_matter(example: tuple[History, date], seed: int) -> None:
    """5: renamed files, shuffled columns (and rows) give the same scorecard."""
    history, r = example
    with loaded(history) as ret:
        plain = compute(ret, r, population=POPULATION)
    with loaded(history, shuffle=random.Random(seed)) as ret:
        shuffled = compute(ret, r, population=POPULATION)
    assert plain.notes == shuffled.notes, "5: notes"
    assert len(plain.results) == len(shuffled.results), "5: number of rows"
    for a, b in zip(plain.results, shuffled.results, strict=True):
        assert _same(a, b), ("5: row differs", a, b)
