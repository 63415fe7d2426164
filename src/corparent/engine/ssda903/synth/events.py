"""Events during care, vectorised over periods: reviews, missing incidents, social workers.

Only periods that reach the collection years are used, and only events on days the child is
looked after (a period's start up to the day before it ends) and on or before the reference
date are made.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from corparent.engine.ssda903.synth import params as P
from corparent.engine.ssda903.synth.calendar import OPEN, IntArray, ObjArray, age_years, year_end, year_start
from corparent.engine.ssda903.synth.cohort import Cohort, pick_codes


@dataclass
class Reviews:
    child: IntArray
    day: IntArray
    code: ObjArray


@dataclass
class Missing:
    child: IntArray
    kind: ObjArray
    start: IntArray
    end: IntArray  # OPEN if after the reference date


@dataclass
class SocialWorkers:
    child: IntArray
    sw_id: ObjArray
    start: IntArray
    end: IntArray  # OPEN if after the reference date
    reason: ObjArray  # on the episode that starts: FCONTA for a period's first


def _live_periods(
    coh: Cohort, reference: int, first_day: int
) -> tuple[IntArray, IntArray, IntArray, IntArray]:
    """(child, start, stop, plan_end) of periods reaching the collection years; stop is exclusive."""
    sel = coh.p_plan_end >= first_day
    stop = np.minimum(coh.p_plan_end[sel], reference + 1)
    return coh.p_child[sel], coh.p_start[sel], stop, coh.p_plan_end[sel]


def _gap(
    rng: np.random.Generator, late: np.ndarray, on_time: tuple[int, int], late_range: tuple[int, int]
) -> IntArray:
    a = rng.integers(on_time[0], on_time[1], len(late), endpoint=True)
    b = rng.integers(late_range[0], late_range[1], len(late), endpoint=True)
    return np.asarray(np.where(late, b, a), dtype=np.int64)


def make_reviews(rng: np.random.Generator, coh: Cohort, *, reference: int, first_day: int) -> Reviews:
    child, start, stop, _ = _live_periods(coh, reference, first_day)
    prone = rng.random(coh.n) < P.REVIEW_LATE_PRONE_P
    p_late = np.where(prone[child], P.REVIEW_LATE_P[1], P.REVIEW_LATE_P[0])
    t = start.copy()
    idx = np.arange(len(t))
    kids: list[IntArray] = []
    days: list[IntArray] = []
    k = 0
    while len(idx):
        on, late = (P.REVIEW_FIRST, P.REVIEW_SECOND, P.REVIEW_LATER)[min(k, 2)]
        t[idx] += _gap(rng, rng.random(len(idx)) < p_late[idx], on, late)
        alive = t[idx] < stop[idx]
        keep = idx[alive & (t[idx] >= first_day)]
        kids.append(child[keep])
        days.append(t[keep])
        idx = idx[alive]
        k += 1
    c = np.concatenate(kids) if kids else np.zeros(0, dtype=np.int64)
    d = np.concatenate(days) if days else np.zeros(0, dtype=np.int64)
    code = pick_codes(rng, P.REVIEW_CODE, len(c))
    code[age_years(coh.dob[c], d) < 4] = "PN0"
    return Reviews(c, d, code)


def make_missing(
    rng: np.random.Generator, coh: Cohort, *, years: list[int], reference: int, first_day: int
) -> Missing:
    child, start, stop, _ = _live_periods(coh, reference, first_day)
    seg_c: list[IntArray] = []
    seg_a: list[IntArray] = []
    seg_b: list[IntArray] = []
    seg_s: list[IntArray] = []
    for y in years:
        a = np.maximum(start, year_start(y))
        b = np.minimum(stop, year_end(y) + 1)
        ok = b > a
        seg_c.append(child[ok])
        seg_a.append(a[ok])
        seg_b.append(b[ok])
        seg_s.append(stop[ok])
    c, a, b = np.concatenate(seg_c), np.concatenate(seg_a), np.concatenate(seg_b)
    pstop = np.concatenate(seg_s)
    span = b - a
    age = age_years(coh.dob[c], a)
    band = np.searchsorted(np.array([10, 13, 16]), age, side="right")
    p = np.array(P.MISSING_P_BY_AGE)[band] * np.minimum(1.0, span / 180.0)
    goes = rng.random(len(c)) < p
    c, a, span, pstop = c[goes], a[goes], span[goes], pstop[goes]
    mean = P.MISSING_EXTRA_MEAN * span / 365.25
    r = P.MISSING_DISPERSION
    n = 1 + rng.negative_binomial(r, r / (r + np.maximum(mean, 1e-9)))
    seg = np.repeat(np.arange(len(c)), n)
    day = a[seg] + (rng.random(len(seg)) * span[seg]).astype(np.int64)
    # one incident at a time per child, across years and periods (rule 574)
    kid = c[seg]
    order = np.lexsort((day, kid))
    seg, day, kid = seg[order], day[order], kid[order]
    first = np.ones(len(seg), dtype=bool)
    first[1:] = (kid[1:] != kid[:-1]) | (day[1:] != day[:-1])
    seg, day, kid = seg[first], day[first], kid[first]
    length = pick_codes(rng, P.MISSING_DAYS, len(seg)).astype(np.int64)
    end = day + length
    nxt_same = np.zeros(len(seg), dtype=bool)
    nxt_same[:-1] = kid[1:] == kid[:-1]
    nxt_day = np.append(day[1:], OPEN)
    end = np.where(nxt_same, np.minimum(end, nxt_day - 1), end)
    end = np.maximum(end, day)
    # the child is looked after until the day before the period ends
    end = np.minimum(end, pstop[seg] - 1)
    end = np.where(end > reference, OPEN, end)
    kind = np.where(rng.random(len(seg)) < P.MISSING_AWAY_P, "A", "M").astype(object)
    return Missing(c[seg], kind, day, end)


def make_social_workers(
    rng: np.random.Generator, coh: Cohort, *, children: int, reference: int, first_day: int
) -> SocialWorkers:
    """Each period's chain of social workers, as DfE wants it recorded.

    A period's first worker (reason FCONTA, first contact or re-referral) was allocated a few days
    before the child came into care (DfE wants every worker of the year: rule SW12), after the
    last period ended; the others have a change reason (SW_REASON is on the episode that starts).
    Every episode lasts at least SW_MIN_DAYS, and the last one ends the day the period does. Which
    years show which episodes (children looked after at the year's end) is cut.py's business.
    """
    child, start, _, plan_end = _live_periods(coh, reference, first_day)
    min_days = P.SW_MIN_DAYS
    closed = plan_end <= reference
    # the last day a change can happen: the final episode of a closed period lasts min_days
    last_change = np.where(closed, plan_end - min_days, reference)
    factor = rng.gamma(P.SW_RATE_SHAPE, 1 / P.SW_RATE_SHAPE, coh.n)
    rate = P.SW_CHANGE_RATE * factor[child] / 365.25  # per day
    pool = max(8, round(children / P.SW_CASELOAD))
    numbers = rng.permutation(90000)[:pool] + 10000
    ids = np.array([f"SW{x}" for x in numbers], dtype=object)
    # the worker at the first day began an exponential time before it (not before the period, and
    # leaving the period's first episode at least min_days)
    back = rng.exponential(1.0, len(child)) / rate
    t = np.where(
        start < first_day,
        np.maximum(start, np.minimum(first_day - back.astype(np.int64), last_change)),
        start,
    )
    final_end = np.where(closed, plan_end, OPEN)
    cur = rng.integers(0, pool, len(child))
    first = t == start
    reason = np.where(first, "FCONTA", pick_codes(rng, P.SW_REASON, len(child))).astype(object)
    # (re-entries come at least 14 days after the last period ended: see REENTRY_GAP)
    lo, hi = P.SW_BEFORE_CARE_DAYS
    t = np.where(first, t - rng.integers(lo, hi, len(child), endpoint=True), t)
    idx = np.arange(len(child))
    parts: list[tuple[IntArray, IntArray, IntArray, IntArray, ObjArray]] = []
    while len(idx):
        gap = (rng.exponential(1.0, len(idx)) / rate[idx]).astype(np.int64) + min_days
        end = t[idx] + gap
        done = end > last_change[idx]
        parts.append((child[idx], cur[idx], t[idx], np.where(done, final_end[idx], end), reason[idx]))
        idx = idx[~done]
        t[idx] = end[~done]
        nxt = rng.integers(0, pool, len(idx))
        nxt = np.where(nxt == cur[idx], (nxt + 1) % pool, nxt)
        cur[idx] = nxt
        reason[idx] = pick_codes(rng, P.SW_REASON, len(idx))
    c = np.concatenate([p[0] for p in parts]) if parts else np.zeros(0, dtype=np.int64)
    return SocialWorkers(
        child=c,
        sw_id=ids[np.concatenate([p[1] for p in parts])] if parts else np.zeros(0, dtype=object),
        start=np.concatenate([p[2] for p in parts]) if parts else np.zeros(0, dtype=np.int64),
        end=np.concatenate([p[3] for p in parts]) if parts else np.zeros(0, dtype=np.int64),
        reason=np.concatenate([p[4] for p in parts]) if parts else np.zeros(0, dtype=object),
    )
