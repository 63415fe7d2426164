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
    """Children looked after continuously from ``first_day`` to ``last_day`` (31 March).

    As DfE's rules define it, a child whose care ended on 31 March itself counts (rule 191).
    """
    sel = (coh.p_start <= first_day) & (coh.p_plan_end >= last_day)
    c = distinct(coh.p_child[sel])
    n = len(c)
    age = age_years(coh.dob[c], last_day)
    sdq_age = (age >= 4) & (age <= 16)
    done = sdq_age & (rng.random(n) < P.OC2_SDQ_DONE_P)
    mean, sd = P.OC2_SDQ
    score = np.clip(np.rint(rng.normal(mean, sd, n)), 0, 40).astype(np.int64)
    reason = pick_codes(rng, P.OC2_SDQ_REASON, n)
    reason[age > 16] = "SDQ1"  # too old for an SDQ
    # no SDQ and no reason for the under-4s at 31 March or those 17 before 1 April (188, 189)
    reason[done | (age < 4) | (age_years(coh.dob[c], first_day - 1) >= 17)] = ""
    over10 = age >= 10
    substance = np.where(over10 & (rng.random(n) < P.OC2_SUBSTANCE_P), "1", "0").astype(object)
    has = substance == "1"
    received = np.where(has, _yes_no(rng, P.OC2_INTERVENTION_P[0], n), "")
    # offered is left blank when one was received (rule 158)
    offered = np.where(has & (received == "0"), _yes_no(rng, P.OC2_INTERVENTION_P[1], n), "")
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


def oc3(
    rng: np.random.Generator,
    coh: Cohort,
    last_end: IntArray,
    died_age: IntArray,
    *,
    first_day: int,
    last_day: int,
) -> Raw:
    """Care leavers whose 17th-21st birthday is in the year and who had left care by then (before
    the birthday for the 17th and 18th, as DfE asks: rule 1016).

    ``died_age`` is the birthday (17-21) from which a young person is reported as having died (99:
    never), so a death is reported again in later years (rule 348).
    """
    kids: list[IntArray] = []
    ages: list[IntArray] = []
    # not a care leaver after dying while looked after (rule 1000), nor after care was transferred
    # to another council (E3, rule 1011): that council returns them
    not_ours = np.zeros(coh.n, dtype=bool)
    not_ours[coh.p_child[coh.p_rec == "E2"]] = True
    last = np.full(coh.n, -1, dtype=np.int64)
    np.maximum.at(last, coh.p_child, np.arange(len(coh.p_child)))
    has = last >= 0
    not_ours[np.flatnonzero(has)[coh.p_rec[last[has]] == "E3"]] = True
    for k in range(17, 22):
        b = add_years(coh.dob, k)
        left = last_end < b if k <= 18 else last_end <= b
        sel = coh.oc3_eligible & ~not_ours & (b >= first_day) & (b <= last_day) & left
        kids.append(np.flatnonzero(sel))
        ages.append(np.full(int(sel.sum()), k, dtype=np.int64))
    c = np.concatenate(kids)
    age = np.concatenate(ages)
    is_older = (age >= 19).astype(np.int64)
    n = len(c)
    touch = pick_codes(rng, P.OC3_IN_TOUCH, n)
    touch[age >= died_age[c]] = "DIED"
    yes = touch == "YES"
    eet = rng.random(n) < np.array(P.OC3_EET_P)[is_older]
    activ = np.where(eet, pick_codes(rng, P.OC3_EET, n), pick_codes(rng, P.OC3_NEET, n))
    suitable = rng.random(n) < np.array(P.OC3_SUITABLE_P)[is_older]
    accom = np.where(
        suitable, pick_codes(rng, P.OC3_ACCOM_SUITABLE, n), pick_codes(rng, P.OC3_ACCOM_UNSUITABLE, n)
    )
    # under 18 on 1 April: not in a foyer (rule 347); around the 17th birthday: not staying put
    # with former foster carers (rule 3001)
    code = accom.astype(str)
    foyer = (age <= 18) & np.isin(code, ("T1", "T2"))
    staying = (age == 17) & np.isin(code, ("Z1", "Z2"))
    redo = foyer | staying
    accom[redo] = pick_codes(rng, P.OC3_ACCOM_UNDER_18, int(redo.sum()))
    activ[~yes] = "0"
    accom[~yes] = "0"
    return {"_child": c, "IN_TOUCH": touch, "ACTIV": activ, "ACCOM": accom}


def died_ages(rng: np.random.Generator, n: int) -> IntArray:
    """The birthday (17-21) from which each young person is reported as having died; 99 for none."""
    out = np.full(n, 99, dtype=np.int64)
    for k in range(17, 22):
        out[(out == 99) & (rng.random(n) < P.OC3_DIED_P)] = k
    return out


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
    # married: L11 for a mixed-sex couple, L12 for a same-sex one (rules 520, 524); else L2
    married = rng.random(n) < P.ADOPTERS_MARRIED_P
    ls = np.where(single, "L0", np.where(married, np.where(adopters == "MF", "L11", "L12"), "L2"))
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
    # a decision that ended in adoption was not reversed: no date or reason it ceased (rules 120, 525)
    ceased_a = np.zeros(len(adopt), dtype=np.int64)
    reason_a = np.full(len(adopt), "", dtype=object)
    # reversed decisions for some young children on other pathways (never for a child adopted later)
    dur = coh.p_plan_end - coh.p_start
    young = age_years(coh.dob[coh.p_child], coh.p_start) < 5
    ever_adopt = np.zeros(coh.n, dtype=bool)
    ever_adopt[coh.p_child[coh.p_path == P.ADOPT]] = True
    # and only in a child's last period: a decision from an earlier period would be dated before
    # the start of a later one in the same year's return (rule 1003)
    later = np.zeros(len(dur), dtype=bool)
    later[:-1] = coh.p_child[1:] == coh.p_child[:-1]
    cand = (
        (coh.p_path != P.ADOPT)
        & ~later
        & ~ever_adopt[coh.p_child]
        & young
        & (dur > 300)
        & (rng.random(len(dur)) < P.ADM_REVERSED_P)
    )
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


def prev_perm(
    rng: np.random.Generator,
    coh: Cohort,
    text: DateText,
    *,
    first_day: int,
    last_day: int,
    first_decom: IntArray,
) -> Raw:
    """One row for every child who started a period of care in the year (its first such start):
    previous permanence (known for re-entries after an order this council made).

    ``first_decom`` is each child's earliest DECOM in the year's Episodes: DfE wants DATE_PERM
    before it (rule 632), so a child too young for an earlier order has none (Z1).
    """
    sel = np.flatnonzero((coh.p_start >= first_day) & (coh.p_start <= last_day))
    first = np.ones(len(sel), dtype=bool)  # periods are sorted by child, then start
    first[1:] = coh.p_child[sel[1:]] != coh.p_child[sel[:-1]]
    sel = sel[first]
    n = len(sel)
    kid = coh.p_child[sel]
    dob = coh.dob[kid]
    # a date some time between the first birthday and two months before the first episode
    latest = first_decom[kid] - 60
    room = latest - (dob + 365)
    perm = pick_codes(rng, P.PREV_PERM_OTHER, n)
    perm[room <= 0] = "Z1"
    elsewhere = pick_codes(rng, P.PREV_PERM_LA_ELSEWHERE, n)
    la = np.where(rng.random(n) < P.PREV_PERM_OWN_LA_P, P.OWN_LA_CODE, elsewhere)
    when = dob + 365 + (rng.random(n) * np.maximum(room, 1)).astype(np.int64)
    date_text = text(when)
    partial = rng.random(n) < 0.5
    date_text = np.where(partial, np.array(["zz" + str(d)[2:] for d in date_text], dtype=object), date_text)
    # re-entries after an order this council made
    prev = sel - 1
    again = (coh.p_seq[sel] > 0) & (sel > 0)
    prev_rec = np.where(again, coh.p_rec[np.maximum(prev, 0)], "")
    for rec, code in _PREV_PERM_OF_REC.items():
        m = prev_rec == rec
        perm[m] = code
        la[m] = P.OWN_LA_CODE
        date_text[m] = text(coh.p_plan_end[prev[m]])
    none = perm == "Z1"
    la = np.where(none, "", la).astype(object)
    date_text = np.where(none, "", date_text).astype(object)
    return {"_child": kid, "PREV_PERM": perm, "LA_PERM": la, "DATE_PERM": date_text}
