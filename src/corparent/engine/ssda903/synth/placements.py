"""Episode columns: each carer's provider, postcode, URN, distance and area, drawn vectorised.

history.py decides who the carers are and when a child moves; here every carer (a placement with
one provider) gets its attributes once, so every episode with that carer (a return from a
temporary placement, a change of placement type with the same carer) shows the same ones.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from corparent.engine.ssda903.synth import params as P
from corparent.engine.ssda903.synth.calendar import IntArray, ObjArray
from corparent.engine.ssda903.synth.cohort import Cohort, pick_codes
from corparent.engine.ssda903.synth.history import FOSTER, Episodes


@dataclass
class EpisodeTable:
    """All episodes, as columns; dates are day numbers (OPEN = no DEC yet)."""

    child: IntArray
    decom: IntArray
    dec: IntArray
    period: IntArray  # -1 for short breaks
    # RNE, LS, CIN, PLACE, PLACE_2026 (PLACE as returned from 2025-26), PLACE_PROVIDER, REC, ...
    text: dict[str, ObjArray]

    @staticmethod
    def concat(parts: list[EpisodeTable]) -> EpisodeTable:
        return EpisodeTable(
            child=np.concatenate([p.child for p in parts]),
            decom=np.concatenate([p.decom for p in parts]),
            dec=np.concatenate([p.dec for p in parts]),
            period=np.concatenate([p.period for p in parts]),
            text={k: np.concatenate([p.text[k] for p in parts]) for k in parts[0].text},
        )


def postcodes(area: str) -> ObjArray:
    return np.array([f"{area}{d} {s}" for d in range(1, 21) for s in range(10)], dtype=object)


PLACE_CODES = tuple(P.PROVIDER)  # every placement type the generator uses
_INDEX = {code: i for i, code in enumerate(PLACE_CODES)}


def _flags(codes: frozenset[str] | set[str] | tuple[str, ...]) -> np.ndarray:
    return np.array([c in codes for c in PLACE_CODES])


def _inside_p(place: IntArray, provider: ObjArray) -> np.ndarray:
    """Chance each carer's placement is inside the council's boundary."""
    foster = _flags(FOSTER)[place]
    own = provider == "PR1"
    key = np.array([P.P_INSIDE.get(c, P.P_INSIDE["other"]) for c in PLACE_CODES])
    key[_flags(("K3", "H5"))] = P.P_INSIDE["SUPP"]
    key[_flags(("A3", "A4", "A5", "A6"))] = P.P_INSIDE["A"]
    p = key[place]
    p[foster & own] = P.P_INSIDE["foster_own"]
    p[foster & ~own] = P.P_INSIDE["foster_agency"]
    return np.asarray(p)


def _shift(posts: ObjArray, which: np.ndarray, pool: ObjArray) -> None:
    """Move ``posts[which]`` (postcodes of ``pool``) on to the next postcode of the pool, in place."""
    if which.any():
        index = {code: i for i, code in enumerate(pool.tolist())}
        at = np.fromiter((index[x] for x in posts[which]), dtype=np.int64, count=int(which.sum()))
        posts[which] = pool[(at + 1) % len(pool)]


def episode_table(rng: np.random.Generator, coh: Cohort, ep: Episodes) -> EpisodeTable:
    n_periods = len(coh.p_start)
    home = postcodes(P.HOME_AREA)
    home_post = home[rng.integers(0, len(home), n_periods)]
    cin = np.where(
        coh.uasc[coh.p_child], pick_codes(rng, P.CIN_UASC, n_periods), pick_codes(rng, P.CIN, n_periods)
    )

    # carers
    n = len(ep.carer_place)
    place = np.fromiter(map(_INDEX.__getitem__, ep.carer_place), dtype=np.int64, count=n)
    carer_period = np.array(ep.carer_period, dtype=np.int64)
    provider = np.full(n, "", dtype=object)
    for code, pairs in P.PROVIDER.items():
        m = place == _INDEX[code]
        if m.any():
            provider[m] = pick_codes(rng, pairs, int(m.sum()))
    with_parents = place == _INDEX["P1"]
    foster = _flags(FOSTER)[place]
    adoption = _flags(("A3", "A4", "A5", "A6"))[place]
    # the council's own homes and other provision (not its foster carers or adopters) are in its
    # area (rule 1015)
    own_setting = (provider == "PR1") & ~foster & ~adoption
    inside = (rng.random(n) < _inside_p(place, provider)) | with_parents | own_setting
    # Ofsted URN: the provider's (a foster carer's fostering service: this council's own for PR1);
    # a regional adoption agency (XXXXXXX) for placements for adoption other than the council's own
    urn_needed = ~_flags(P.NO_URN_PLACES)[place]
    urn = np.full(n, "", dtype=object)
    numbers = rng.integers(100000, 1000000, int(urn_needed.sum()))
    urn[urn_needed] = [f"SC{x}" for x in numbers.tolist()]
    urn[foster & (provider == "PR1")] = P.OWN_FOSTERING_URN
    urn[adoption & (provider == "PR1")] = P.OWN_ADOPTION_URN
    urn[adoption & (provider != "PR1")] = "XXXXXXX"
    median = np.where(inside, P.DISTANCE_INSIDE[0], P.DISTANCE_OUTSIDE[0])
    sigma = np.where(inside, P.DISTANCE_INSIDE[1], P.DISTANCE_OUTSIDE[1])
    lo = np.where(inside, P.DISTANCE_INSIDE[2], P.DISTANCE_OUTSIDE[2])
    hi = np.where(inside, P.DISTANCE_INSIDE[3], P.DISTANCE_OUTSIDE[3])
    miles = np.clip(median * np.exp(sigma * rng.standard_normal(n)), lo, hi)
    texts = np.array([f"{x / 10:.1f}" for x in range(int(P.DISTANCE_OUTSIDE[3] * 10) + 1)], dtype=object)
    distance = texts[np.rint(miles * 10).astype(np.int64)]
    u = rng.random(n)
    distance[u < P.DISTANCE_NOT_KNOWN_P + P.DISTANCE_BLANK_P] = ""
    distance[u < P.DISTANCE_NOT_KNOWN_P] = "999.9"
    others = np.concatenate([postcodes(a) for a in P.OTHER_AREAS])
    pl_post = np.where(inside, home[rng.integers(0, len(home), n)], others[rng.integers(0, len(others), n)])
    pl_post[with_parents] = home_post[carer_period[with_parents]]
    # episodes
    cols = list(zip(*ep.rows, strict=True)) if ep.rows else [()] * 10
    child = np.array(cols[0], dtype=np.int64)
    period = np.array(cols[8], dtype=np.int64)
    carer = np.array(cols[9], dtype=np.int64)
    # a placement is not at the child's home (rule 392d), and a move to a new carer is not to the
    # last one's postcode (so that the move shows in the episode: rule 435)
    moved = np.zeros(len(carer), dtype=bool)
    moved[1:] = (period[1:] == period[:-1]) & (carer[1:] != carer[:-1])
    before = np.concatenate([[0], carer[:-1]])
    for _ in range(3):
        at_home = ~with_parents & (pl_post == home_post[carer_period])
        same = np.zeros(n, dtype=bool)
        same[carer[moved & (pl_post[carer] == pl_post[before])]] = True
        clash = (at_home | same) & ~with_parents
        if not clash.any():
            break
        _shift(pl_post, clash & inside, home)
        _shift(pl_post, clash & ~inside, others)
    other_la = np.array([f"E9900{i:04d}" for i in range(2, 61)], dtype=object)
    pl_la = np.where(inside, P.OWN_LA, other_la[rng.integers(0, len(other_la), n)])
    distance[with_parents] = "0.0"
    location = np.where(inside, "IN", "OUT").astype(object)
    # (formerly) unaccompanied asylum-seeking children: no home postcode, so no distance (rule 406)
    uasc_period = coh.uasc[coh.p_child]
    home_post = np.where(uasc_period, "", home_post).astype(object)
    distance[uasc_period[carer_period]] = ""

    # from 2025-26 "other placements" (Z1) are returned as one of Z11-Z14: each carer's code
    other = pick_codes(rng, P.PLACE_OTHER_FROM_2026, n)

    place_text = np.array(cols[5], dtype=object)
    return EpisodeTable(
        child=child,
        decom=np.array(cols[1], dtype=np.int64),
        dec=np.array(cols[2], dtype=np.int64),
        period=period,
        text={
            "RNE": np.array(cols[3], dtype=object),
            "LS": np.array(cols[4], dtype=object),
            "CIN": cin[period],
            "PLACE": place_text,
            "PLACE_2026": np.where(place_text == "Z1", other[carer], place_text).astype(object),
            "PLACE_PROVIDER": provider[carer],
            "REC": np.array(cols[6], dtype=object),
            "REASON_PLACE_CHANGE": np.array(cols[7], dtype=object),
            "HOME_POST": home_post[period],
            "PL_POST": pl_post[carer].astype(object),
            "URN": urn[carer],
            "PL_DISTANCE": distance[carer],
            "PL_LA": pl_la[carer].astype(object),
            "PL_LOCATION": location[carer],
        },
    )
