"""Who comes into care, when, and how each period of care ends (vectorised with numpy).

The cohort is drawn as flows: first entries to care (and UASC arrivals) over the whole history,
each period's pathway (how it will end) and length, and re-entries. It is then thinned so that
the requested number of children are looked after at the reference date, and children who leave
no trace in the collection years asked for are dropped before the (slower) detailed simulation.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from corparent.engine.ssda903.synth import params as P
from corparent.engine.ssda903.synth.calendar import (
    OPEN,
    BoolArray,
    IntArray,
    ObjArray,
    add_years,
    distinct,
    is_year_end,
    next_year_start,
    year_start,
)

FloatArray = np.ndarray


@dataclass
class Cohort:
    """Children (index = child number) and their periods of care (sorted by child, start)."""

    dob: IntArray
    male: BoolArray
    uasc: BoolArray
    ethnic: ObjArray
    short_break: BoolArray
    oc3_eligible: BoolArray  # looked after 13+ weeks after 14, some of it after 16
    # short-break series (children with short_break only)
    sb_start: IntArray
    sb_end: IntArray  # planned end; may be after the reference date
    sb_v3: BoolArray
    # periods of care (not short breaks)
    p_child: IntArray
    p_start: IntArray
    p_plan_end: IntArray  # the day the period ends (may be after the reference date)
    p_end: IntArray  # p_plan_end, or OPEN if that is after the reference date
    p_mid: IntArray  # ADOPT: day placed with adopters; 0 otherwise
    p_path: IntArray
    p_rec: ObjArray  # reason the period ends ('' while open)
    p_seq: IntArray  # 0 for a child's first period

    @property
    def n(self) -> int:
        return len(self.dob)


def _weights(pairs: tuple[tuple[str, float], ...]) -> tuple[list[str], FloatArray]:
    codes = [c for c, _ in pairs]
    w = np.array([x for _, x in pairs], dtype=float)
    return codes, w / w.sum()


def pick_codes(rng: np.random.Generator, pairs: tuple[tuple[str, float], ...], n: int) -> ObjArray:
    codes, w = _weights(pairs)
    table = np.array(codes, dtype=object)
    out: ObjArray = table[rng.choice(len(codes), size=n, p=w)]
    return out


def _ages(
    rng: np.random.Generator,
    bands: tuple[tuple[float, float, float], ...],
    n: int,
    baby_mean: float | None = None,
) -> IntArray:
    w = np.array([b[2] for b in bands], dtype=float)
    band = rng.choice(len(bands), size=n, p=w / w.sum())
    lo = np.array([b[0] for b in bands])[band]
    hi = np.array([b[1] for b in bands])[band]
    days = np.minimum((lo + rng.random(n) * (hi - lo)) * 365.25, 17.95 * 365.25)  # under 18 on entry
    if baby_mean is not None:
        babies = band == 0
        days[babies] = np.minimum(rng.exponential(baby_mean, babies.sum()), 364.0)
    return np.asarray(days, dtype=np.int64)


def _age_band(age_days: IntArray) -> IntArray:
    edges = np.array([1, 5, 10, 16]) * 365.25
    return np.asarray(np.searchsorted(edges, age_days, side="right"), dtype=np.int64)


def _lognormal(rng: np.random.Generator, median: float, sigma: float, n: int) -> FloatArray:
    return np.asarray(median * np.exp(sigma * rng.standard_normal(n)))


def _rec_for(rng: np.random.Generator, path: IntArray) -> ObjArray:
    rec = np.full(len(path), "", dtype=object)
    for p, pairs in P.REC_BY_PATHWAY.items():
        m = path == p
        if m.any():
            rec[m] = pick_codes(rng, pairs, int(m.sum()))
    return rec


def _periods(
    rng: np.random.Generator, entry: IntArray, dob: IntArray, uasc: BoolArray, reference: int
) -> dict[str, np.ndarray]:
    """Draw every child's periods of care (first entry, then re-entries)."""
    n = len(entry)
    b18 = add_years(dob, 18)
    path_by_age = np.array(P.PATHWAY_BY_AGE, dtype=float)
    reentry_rows = path_by_age.copy()
    reentry_rows[:, P.LONG] *= P.REENTRY_LONG_BOOST
    cum_first = np.cumsum(path_by_age / path_by_age.sum(axis=1, keepdims=True), axis=1)
    cum_re = np.cumsum(reentry_rows / reentry_rows.sum(axis=1, keepdims=True), axis=1)
    out: dict[str, list[np.ndarray]] = {
        k: [] for k in ("child", "start", "plan_end", "mid", "path", "rec", "seq")
    }
    idx = np.arange(n)
    start = entry.copy()
    for seq in range(P.MAX_PERIODS):
        if len(idx) == 0:
            break
        m = len(idx)
        band = _age_band(start - dob[idx])
        cum = cum_first if seq == 0 else cum_re
        path = (rng.random(m)[:, None] > cum[np.minimum(band, 4)]).sum(axis=1)
        path = np.minimum(path, P.YJ)
        # youth justice legal statuses apply after the 10th birthday (rule 358)
        path[(path == P.YJ) & (start <= add_years(dob[idx], 10))] = P.TEEN
        is_uasc = uasc[idx] & (seq == 0)
        path[is_uasc] = P.UASC
        dur = np.zeros(m)
        for p, (median, sigma) in P.DURATION.items():
            sel = path == p
            dur[sel] = _lognormal(rng, median, sigma, int(sel.sum()))
        mid = np.zeros(m, dtype=np.int64)
        sel = path == P.ADOPT
        k = int(sel.sum())
        mu, sd, lo = P.ADOPT_TO_PLACED
        placed = np.maximum(rng.normal(mu, sd, k), lo)
        mu, sd, lo = P.ADOPT_PLACED_TO_ORDER
        order = np.maximum(rng.normal(mu, sd, k), lo)
        mid[sel] = start[sel] + placed.astype(np.int64)
        dur[sel] = placed + order
        rec = _rec_for(rng, path)
        # UASC: to 18 unless they leave early (transfer, age assessment, other)
        sel_u = np.flatnonzero(path == P.UASC)
        u = rng.random(len(sel_u))
        acc = 0.0
        early = np.zeros(m, dtype=bool)
        for code, share, lo_d, hi_d in P.UASC_EARLY:
            hit = sel_u[(u >= acc) & (u < acc + share)]
            acc += share
            rec[hit] = code
            dur[hit] = rng.uniform(lo_d, hi_d, len(hit))
            early[hit] = True
        plan_end = start + np.maximum(dur, P.MIN_DURATION).astype(np.int64)
        b = b18[idx]
        to18 = (path == P.LONG) | ((path == P.UASC) & ~early) | (plan_end >= b)
        plan_end = np.maximum(np.where(to18, b, plan_end), start + 1)
        n18 = int(to18.sum())
        rec[to18 & (path != P.UASC)] = pick_codes(rng, P.REC_AT_18, int((to18 & (path != P.UASC)).sum()))
        rec[to18 & (path == P.UASC)] = pick_codes(
            rng, P.REC_AT_18_UASC, n18 - int((to18 & (path != P.UASC)).sum())
        )
        # an adoption order is not made on 31 March: DfE's rules would count the child as looked
        # after all year (OC2) and so not adopted (rules 187, 191)
        plan_end = np.where((path == P.ADOPT) & ~to18 & is_year_end(plan_end), plan_end - 1, plan_end)
        mid = np.where(mid >= plan_end, 0, mid)
        for key, val in (
            ("child", idx),
            ("start", start),
            ("plan_end", plan_end),
            ("mid", mid),
            ("path", path),
            ("rec", rec),
            ("seq", np.full(m, seq)),
        ):
            out[key].append(np.asarray(val))
        # re-entry
        p_re = np.zeros(m)
        for code, p_code in P.REENTRY_P.items():
            p_re[rec == code] = p_code
        again = rng.random(m) < p_re
        median, sigma, lo_gap = P.REENTRY_GAP
        gap = np.maximum(_lognormal(rng, median, sigma, m), lo_gap).astype(np.int64)
        nxt = plan_end + gap
        # after an order (adoption, SGO, CAO), not back in the same collection year: PrevPerm's date
        # of the order must be before the year's first episode (rule 632)
        order = np.isin(rec, P.ORDER_RECS)
        nxt = np.where(order, np.maximum(nxt, next_year_start(plan_end)), nxt)
        keep = again & (nxt < b - 30) & (nxt <= reference)
        idx, start = idx[keep], nxt[keep]
    return {k: np.concatenate(v) if v else np.zeros(0) for k, v in out.items()}


def _draw(
    rng: np.random.Generator, children: float, w0: int, reference: int
) -> tuple[IntArray, IntArray, BoolArray]:
    """First entries (regular and UASC) for about ``children`` looked after: (entry, dob, uasc)."""
    t0 = int(add_years(np.array([w0]), -P.HISTORY_YEARS)[0])
    n_reg = int(rng.poisson(children * P.FIRST_ENTRIES_PER_CLA * (reference - t0 + 1) / 365.25))
    entry_r = rng.integers(t0, reference + 1, n_reg)
    dob_r = entry_r - _ages(rng, P.ENTRY_AGE_BANDS, n_reg, P.BABY_MEAN_AGE_DAYS)
    # UASC arrivals: only the last 10 years can matter (aged 13+ on arrival, 21 at most)
    t0u = int(add_years(np.array([w0]), -10)[0])
    n_u = int(rng.poisson(children * P.UASC_ENTRIES_PER_CLA * (reference - t0u + 1) / 365.25))
    entry_u = rng.integers(t0u, reference + 1, n_u)
    dob_u = entry_u - _ages(rng, P.UASC_ENTRY_AGE_BANDS, n_u)
    uasc = np.concatenate([np.zeros(n_reg, dtype=bool), np.ones(n_u, dtype=bool)])
    return np.concatenate([entry_r, entry_u]), np.concatenate([dob_r, dob_u]), uasc


def build_cohort(rng: np.random.Generator, *, children: int, first_year: int, reference: int) -> Cohort:
    w0 = year_start(first_year)
    # draw too many, then thin to exactly `children` looked after at the reference date (drawing
    # again, with more, in the rare case there were too few)
    factor = P.OVERSAMPLE
    for _ in range(4):
        entry, dob, uasc = _draw(rng, children * factor, w0, reference)
        per = _periods(rng, entry, dob, uasc, reference)
        at_r = (per["start"] <= reference) & (per["plan_end"] > reference)
        cla = distinct(per["child"][at_r])
        if len(cla) >= children:
            break
        factor *= 1.25 * children / max(len(cla), 1)
    n = len(dob)
    keep = np.zeros(n, dtype=bool)
    if len(cla) > children:
        keep[rng.choice(cla, size=children, replace=False)] = True
        q = children / len(cla)
        others = np.ones(n, dtype=bool)
        others[cla] = False
        keep |= others & (rng.random(n) < q)
    else:
        keep[:] = True

    # OC3 eligibility: 13+ weeks looked after after 14, some time after 16
    b14, b16, b18 = add_years(dob, 14), add_years(dob, 16), add_years(dob, 18)
    c = per["child"]
    after14 = np.maximum(0, np.minimum(per["plan_end"], b18[c]) - np.maximum(per["start"], b14[c]))
    days14 = np.bincount(c, weights=after14, minlength=n)
    last_end = np.zeros(n, dtype=np.int64)
    np.maximum.at(last_end, c, per["plan_end"])
    eligible = (days14 >= 91) & (last_end > b16)

    # relevant: some period overlaps the collection years, or a care leaver with a birthday
    # 17-21 in them
    overlaps = np.zeros(n, dtype=bool)
    overlaps[c[per["plan_end"] >= w0]] = True
    leaver = (
        eligible & (add_years(dob, 17) <= reference) & (add_years(dob, 21) >= w0) & (last_end <= reference)
    )
    keep &= overlaps | leaver
    new_index = np.cumsum(keep) - 1
    pk = keep[c]
    order = np.lexsort((per["start"][pk], new_index[c[pk]]))

    def sel(a: np.ndarray) -> np.ndarray:
        return np.asarray(a[pk][order])

    n_keep = int(keep.sum())
    male = np.where(uasc[keep], rng.random(n_keep) < P.MALE_SHARE_UASC, rng.random(n_keep) < P.MALE_SHARE)
    ethnic = np.where(
        uasc[keep], pick_codes(rng, P.ETHNICITY_UASC, n_keep), pick_codes(rng, P.ETHNICITY, n_keep)
    )
    plan_end = sel(per["plan_end"])
    rec = sel(per["rec"])
    open_ = plan_end > reference
    rec[open_] = ""
    coh = Cohort(
        dob=dob[keep],
        male=male,
        uasc=uasc[keep],
        ethnic=ethnic,
        short_break=np.zeros(n_keep, dtype=bool),
        oc3_eligible=eligible[keep],
        sb_start=np.zeros(n_keep, dtype=np.int64),
        sb_end=np.zeros(n_keep, dtype=np.int64),
        sb_v3=np.zeros(n_keep, dtype=bool),
        p_child=new_index[c[pk]][order],
        p_start=sel(per["start"]),
        p_plan_end=plan_end,
        p_end=np.where(open_, OPEN, plan_end),
        p_mid=sel(per["mid"]),
        p_path=sel(per["path"]),
        p_rec=rec,
        p_seq=sel(per["seq"]),
    )
    return _shuffle(rng, _add_short_breaks(rng, coh, children=children, w0=w0, reference=reference))


_PER_CHILD = (
    "dob",
    "male",
    "uasc",
    "ethnic",
    "short_break",
    "oc3_eligible",
    "sb_start",
    "sb_end",
    "sb_v3",
)


def _shuffle(rng: np.random.Generator, coh: Cohort) -> Cohort:
    """Number the children in a random order (CHILD identifiers are given in this order)."""
    perm = rng.permutation(coh.n)  # child i becomes child perm[i]
    inverse = np.empty_like(perm)
    inverse[perm] = np.arange(coh.n)
    for name in _PER_CHILD:
        setattr(coh, name, getattr(coh, name)[inverse])
    child = perm[coh.p_child]
    order = np.lexsort((coh.p_start, child))
    coh.p_child = child[order]
    for name in ("p_start", "p_plan_end", "p_end", "p_mid", "p_path", "p_rec", "p_seq"):
        setattr(coh, name, getattr(coh, name)[order])
    return coh


def _add_short_breaks(
    rng: np.random.Generator, coh: Cohort, *, children: int, w0: int, reference: int
) -> Cohort:
    """Append the short-break-only children (their series are simulated in history)."""
    t0 = int(add_years(np.array([w0]), -8)[0])
    n = int(rng.poisson(children * P.SHORT_BREAK_SERIES_PER_CLA * (reference - t0 + 1) / 365.25))
    start = rng.integers(t0, reference + 1, n)
    lo, hi = P.SHORT_BREAK_AGE
    dob = start - ((lo + rng.random(n) * (hi - lo)) * 365.25).astype(np.int64)
    median, sigma = P.SHORT_BREAK_SERIES
    end = np.minimum(start + _lognormal(rng, median, sigma, n).astype(np.int64) + 1, add_years(dob, 18))
    keep = end >= w0
    k = int(keep.sum())
    coh.dob = np.concatenate([coh.dob, dob[keep]])
    coh.male = np.concatenate([coh.male, rng.random(k) < 0.65])
    coh.uasc = np.concatenate([coh.uasc, np.zeros(k, dtype=bool)])
    coh.ethnic = np.concatenate([coh.ethnic, pick_codes(rng, P.ETHNICITY, k)])
    coh.short_break = np.concatenate([coh.short_break, np.ones(k, dtype=bool)])
    coh.oc3_eligible = np.concatenate([coh.oc3_eligible, np.zeros(k, dtype=bool)])
    coh.sb_start = np.concatenate([coh.sb_start, start[keep]])
    coh.sb_end = np.concatenate([coh.sb_end, end[keep]])
    coh.sb_v3 = np.concatenate([coh.sb_v3, rng.random(k) < P.SHORT_BREAK_V3_SHARE])
    return coh
