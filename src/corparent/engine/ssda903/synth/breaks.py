"""Short breaks (respite): children whose care is only a series of V3 or V4 episodes.

V3 children have each break recorded as its own period of care (RNE S, a few nights, then
ended); V4 children have one episode per agreement (about a year). A child is one or the other,
never both, and never has another legal status. The postcodes, URN and placement location fields
are blank for short breaks (as DfE's guide asks, rules 214 and 398); vectorised with numpy.
"""

from __future__ import annotations

import numpy as np

from corparent.engine.ssda903.synth import params as P
from corparent.engine.ssda903.synth.calendar import OPEN, IntArray
from corparent.engine.ssda903.synth.cohort import Cohort, pick_codes
from corparent.engine.ssda903.synth.placements import EpisodeTable


def short_break_episodes(
    rng: np.random.Generator, coh: Cohort, *, reference: int, first_day: int
) -> EpisodeTable:
    kids = np.flatnonzero(coh.short_break)
    start = np.maximum(coh.sb_start[kids], first_day - 10)
    end = np.minimum(coh.sb_end[kids], reference + 1)  # breaks start before `end`
    v3 = coh.sb_v3[kids]
    child_parts: list[IntArray] = []
    decom_parts: list[IntArray] = []
    dec_parts: list[IntArray] = []
    # V3: the span is cut into equal slots, one break somewhere in each
    k3 = kids[v3]
    s3, e3 = start[v3], end[v3]
    rate = rng.uniform(*P.SHORT_BREAK_V3_PER_YEAR, len(k3))
    span = np.maximum(e3 - s3, 0)
    nb = np.minimum(rng.poisson(rate * span / 365.25), span // 8)
    idx = np.repeat(np.arange(len(k3)), nb)
    slot_no = np.arange(len(idx)) - np.repeat(np.cumsum(nb) - nb, nb)
    slot = span[idx] / np.maximum(nb[idx], 1)
    lo, hi = P.SHORT_BREAK_NIGHTS
    nights = rng.integers(lo, hi + 1, len(idx))
    offset = slot_no * slot + rng.random(len(idx)) * np.maximum(slot - nights - 1, 0)
    decom3 = s3[idx] + offset.astype(np.int64)
    child_parts.append(k3[idx])
    decom_parts.append(decom3)
    dec_parts.append(decom3 + nights)
    # V4: agreements back to back with a short gap
    k4 = kids[~v3]
    s4, plan_end4 = coh.sb_start[k4], coh.sb_end[k4]
    length = rng.integers(*P.SHORT_BREAK_V4_AGREEMENT, len(k4), endpoint=True)
    gap = rng.integers(*P.SHORT_BREAK_V4_GAP, len(k4), endpoint=True)
    n4 = (np.maximum(plan_end4 - s4, 0) // (length + gap)) + 1
    idx = np.repeat(np.arange(len(k4)), n4)
    no = np.arange(len(idx)) - np.repeat(np.cumsum(n4) - n4, n4)
    decom4 = s4[idx] + no * (length[idx] + gap[idx])
    dec4 = np.minimum(decom4 + length[idx], plan_end4[idx])
    keep = decom4 < plan_end4[idx]
    child_parts.append(k4[idx][keep])
    decom_parts.append(decom4[keep])
    dec_parts.append(dec4[keep])

    child = np.concatenate(child_parts)
    decom = np.concatenate(decom_parts)
    dec = np.concatenate(dec_parts)
    keep = (decom <= reference) & (dec >= first_day)
    child, decom, dec = child[keep], decom[keep], dec[keep]
    n = len(child)
    closed = dec <= reference
    # each child keeps one setting for their breaks
    place_of = pick_codes(rng, P.SHORT_BREAK_PLACE, coh.n)
    provider_of = np.where(rng.random(coh.n) < 0.35, "PR4", "PR1").astype(object)
    blank = np.full(n, "", dtype=object)
    return EpisodeTable(
        child=child,
        decom=decom,
        dec=np.where(closed, dec, OPEN),
        period=np.full(n, -1, dtype=np.int64),
        text={
            "RNE": np.full(n, "S", dtype=object),
            "LS": np.where(coh.sb_v3[child], "V3", "V4").astype(object),
            "CIN": np.full(n, "N2", dtype=object),
            "PLACE": place_of[child],
            "PLACE_2026": place_of[child],
            "PLACE_PROVIDER": provider_of[child],
            "REC": np.where(closed, P.SHORT_BREAK_REC, "").astype(object),
            "REASON_PLACE_CHANGE": blank,
            "HOME_POST": blank,
            "PL_POST": blank,
            "URN": blank,
            "PL_DISTANCE": blank,
            "PL_LA": blank,
            "PL_LOCATION": blank,
        },
    )
