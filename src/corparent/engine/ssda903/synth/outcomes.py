"""Outcome tables for one collection year: OC2, OC3, AD1, PlacedAdoption, PrevPerm.

Each function returns a raw table: column name -> numpy array, dates as day numbers (0 or OPEN
is written blank), with ``_child`` (child number) for the CHILD and DOB columns that cut.py adds.
"""

from __future__ import annotations

import numpy as np

from corparent.engine.ssda903.synth import params as P
from corparent.engine.ssda903.synth.calendar import (
    DateText,
    IntArray,
    ObjArray,
    add_years,
    age_years,
    distinct,
)
from corparent.engine.ssda903.synth.cohort import Cohort, pick_codes
from corparent.engine.ssda903.synth.history import Adoption

Raw = dict[str, np.ndarray]


def _yes_no(rng: np.random.Generator, p: float, n: int) -> ObjArray:
    return np.where(rng.random(n) < p, "1", "0").astype(object)


def oc2(rng: np.random.Generator, coh: Cohort, *, first_day: int, last_day: int) -> Raw:
    """Children looked after on ``last_day`` (31 March) continuously since ``first_day``."""
    sel = (coh.p_start <= first_day) & (coh.p_plan_end > last_day)
    c = distinct(coh.p_child[sel])
    n = len(c)
    age = age_years(coh.dob[c], last_day)
    sdq_age = (age >= 4) & (age <= 16)
    done = sdq_age & (rng.random(n) < P.OC2_SDQ_DONE_P)
    mean, sd = P.OC2_SDQ
    score = np.clip(np.rint(rng.normal(mean, sd, n)), 0, 40).astype(np.int64)
    reason = pick_codes(rng, P.OC2_SDQ_REASON, n)
    reason[~sdq_age] = "SDQ1"
    reason[done] = ""
    over10 = age >= 10
    substance = np.where(over10 & (rng.random(n) < P.OC2_SUBSTANCE_P), "1", "0").astype(object)
    has = substance == "1"
    received = np.where(has, _yes_no(rng, P.OC2_INTERVENTION_P[0], n), "")
    offered = np.where(has, np.where(received == "1", "1", _yes_no(rng, P.OC2_INTERVENTION_P[1], n)), "")
    return {
        "_child": c,
        "SDQ_SCORE": np.where(done, score.astype(str).astype(object), ""),
        "SDQ_REASON": reason,
        "CONVICTED": np.where(over10, _yes_no(rng, P.OC2_CONVICTED_P, n), ""),
        "HEALTH_CHECK": np.where(age < 5, _yes_no(rng, P.OC2_HEALTH_CHECK_P, n), ""),
        "IMMUNISATIONS": _yes_no(rng, P.OC2_IMMUNISATIONS_P, n),
        "TEETH_CHECK": _yes_no(rng, P.OC2_TEETH_P, n),
        "HEALTH_ASSESSMENT": _yes_no(rng, P.OC2_HEALTH_ASSESSMENT_P, n),
        "SUBSTANCE_MISUSE": substance,
        "INTERVENTION_RECEIVED": received.astype(object),
        "INTERVENTION_OFFERED": offered.astype(object),
    }


def last_ends(coh: Cohort) -> IntArray:
    """Each child's last day in care (plan end of the last period; 0 for none)."""
    out = np.zeros(coh.n, dtype=np.int64)
    np.maximum.at(out, coh.p_child, coh.p_plan_end)
    return out


def oc3(rng: np.random.Generator, coh: Cohort, last_end: IntArray, *, first_day: int, last_day: int) -> Raw:
    """Care leavers whose 17th-21st birthday is in the year and who had left care by then."""
    kids: list[IntArray] = []
    older: list[np.ndarray] = []
    for k in range(17, 22):
        b = add_years(coh.dob, k)
        sel = coh.oc3_eligible & (b >= first_day) & (b <= last_day) & (last_end <= b)
        kids.append(np.flatnonzero(sel))
        older.append(np.full(int(sel.sum()), k >= 19))
    c = np.concatenate(kids)
    is_older = np.concatenate(older).astype(np.int64)
    n = len(c)
    touch = pick_codes(rng, P.OC3_IN_TOUCH, n)
    yes = touch == "YES"
    eet = rng.random(n) < np.array(P.OC3_EET_P)[is_older]
    activ = np.where(eet, pick_codes(rng, P.OC3_EET, n), pick_codes(rng, P.OC3_NEET, n))
    suitable = rng.random(n) < np.array(P.OC3_SUITABLE_P)[is_older]
    accom = np.where(
        suitable, pick_codes(rng, P.OC3_ACCOM_SUITABLE, n), pick_codes(rng, P.OC3_ACCOM_UNSUITABLE, n)
    )
    activ[~yes] = "0"
    accom[~yes] = "0"
    return {"_child": c, "IN_TOUCH": touch, "ACTIV": activ, "ACCOM": accom}


def ad1(rng: np.random.Generator, coh: Cohort, adoption: Adoption, *, first_day: int, last_day: int) -> Raw:
    adopted = (coh.p_rec == "E11") | (coh.p_rec == "E12")
    sel = np.flatnonzero(adopted & (coh.p_plan_end >= first_day) & (coh.p_plan_end <= last_day))
    n = len(sel)
    adm = np.array(adoption.adm, dtype=np.int64)[sel]
    placed = np.array(adoption.placed, dtype=np.int64)[sel]
    placed = np.where(placed > 0, placed, coh.p_mid[sel])
    match = placed - rng.integers(*P.ADOPT_MATCH_BEFORE_PLACED, n, endpoint=True)
    match = np.maximum(match, adm + 1)
    adopters = pick_codes(rng, P.ADOPTERS, n)
    single = (adopters == "F1") | (adopters == "M1")
    ls = np.where(single, "L0", pick_codes(rng, P.COUPLE_LS, n))
    by_foster = np.array(adoption.by_foster, dtype=bool)[sel]
    return {
        "_child": coh.p_child[sel],
        "DATE_INT": adm,
        "DATE_MATCH": match,
        "FOSTER_CARE": np.where(by_foster, "1", "0").astype(object),
        "NB_ADOPTR": np.where(single, "1", "2").astype(object),
        "SEX_ADOPTR": adopters,
        "LS_ADOPTR": ls.astype(object),
    }


def adoption_decisions(rng: np.random.Generator, coh: Cohort, adoption: Adoption, *, reference: int) -> Raw:
    """Every decision that a child should be placed for adoption (all years), with how it ended."""
    adm = np.array(adoption.adm, dtype=np.int64)
    adopt = np.flatnonzero((adm > 0) & (adm <= reference))
    closed = coh.p_plan_end[adopt] <= reference
    ceased_a = np.where(closed, coh.p_plan_end[adopt], 0)
    reason_a = np.where(closed, coh.p_rec[adopt], "")
    # reversed decisions for some young children on other pathways
    dur = coh.p_plan_end - coh.p_start
    young = age_years(coh.dob[coh.p_child], coh.p_start) < 5
    cand = (coh.p_path != P.ADOPT) & young & (dur > 300) & (rng.random(len(dur)) < P.ADM_REVERSED_P)
    rev = np.flatnonzero(cand)
    adm_r = coh.p_start[rev] + (rng.uniform(0.25, 0.5, len(rev)) * dur[rev]).astype(np.int64)
    ceased_r = adm_r + (rng.uniform(0.1, 0.4, len(rev)) * dur[rev]).astype(np.int64)
    keep = adm_r <= reference
    rev, adm_r, ceased_r = rev[keep], adm_r[keep], ceased_r[keep]
    reason_r = pick_codes(rng, P.ADM_REVERSED_REASON, len(rev))
    reason_r[ceased_r > reference] = ""
    ceased_r = np.where(ceased_r > reference, 0, ceased_r)
    periods = np.concatenate([adopt, rev])
    return {
        "_child": coh.p_child[periods],
        "_period": periods,
        "DATE_PLACED": np.concatenate([adm[adopt], adm_r]),
        "DATE_PLACED_CEASED": np.concatenate([ceased_a, ceased_r]),
        "REASON_PLACED_CEASED": np.concatenate([reason_a, reason_r]).astype(object),
    }


def placed_adoption(decisions: Raw, *, first_day: int, last_day: int) -> Raw:
    ceased = decisions["DATE_PLACED_CEASED"]
    sel = (decisions["DATE_PLACED"] <= last_day) & ((ceased == 0) | (ceased >= first_day))
    out = {k: v[sel] for k, v in decisions.items()}
    late = out["DATE_PLACED_CEASED"] > last_day
    out["DATE_PLACED_CEASED"] = np.where(late, 0, out["DATE_PLACED_CEASED"])
    out["REASON_PLACED_CEASED"] = np.where(late, "", out["REASON_PLACED_CEASED"]).astype(object)
    return out


_PREV_PERM_OF_REC = {
    "E11": "P1",
    "E12": "P1",
    "E41": "P3",
    "E45": "P2",
    "E46": "P2",
    "E47": "P2",
    "E48": "P2",
}


def prev_perm(rng: np.random.Generator, coh: Cohort, text: DateText, *, first_day: int, last_day: int) -> Raw:
    """Starters in the year: previous permanence (known for re-entries after an order)."""
    sel = np.flatnonzero((coh.p_start >= first_day) & (coh.p_start <= last_day))
    sel = sel[rng.random(len(sel)) < P.PREV_PERM_RECORDED_P]
    n = len(sel)
    perm = pick_codes(rng, P.PREV_PERM_OTHER, n)
    la = np.where(perm == "Z1", "", np.array(P.OTHER_LA_CODES, dtype=object)[rng.integers(0, 9, n)]).astype(
        object
    )
    # a date some time between the first birthday and a month before the start
    dob = coh.dob[coh.p_child[sel]]
    when = dob + 365 + (rng.random(n) * np.maximum(coh.p_start[sel] - 30 - dob - 365, 1)).astype(np.int64)
    date_text = text(when)
    partial = rng.random(n) < 0.5
    date_text = np.where(partial, np.array(["zz" + str(d)[2:] for d in date_text], dtype=object), date_text)
    date_text = np.where(perm == "Z1", "", date_text).astype(object)
    # re-entries after an order this council made
    prev = sel - 1
    again = (coh.p_seq[sel] > 0) & (sel > 0)
    prev_rec = np.where(again, coh.p_rec[np.maximum(prev, 0)], "")
    for rec, code in _PREV_PERM_OF_REC.items():
        m = prev_rec == rec
        perm[m] = code
        la[m] = P.OWN_LA_CODE
        date_text[m] = text(coh.p_plan_end[prev[m]])
    return {"_child": coh.p_child[sel], "PREV_PERM": perm, "LA_PERM": la, "DATE_PERM": date_text}
