"""Care histories: each period of care as a chain of episodes (a tight per-period loop).

A period's legal-status changes and placement events are scheduled on a heap and played in
order; events on the same day merge into one new episode, coded by what changed:

- new carer: RNE P (B if the legal status changed too);
- same carer, new placement type: T (U with a legal status change);
- legal status only: L.

Temporary placements (T0-T4) are followed by a return to the same carer (RNE P, as DfE asks; the
return has the saved placement's PLACE and carer, so the same provider and postcode). Nothing is
scheduled on or after the period's end or after the reference date; an episode still open at
the reference date has no DEC. Each carer's provider, postcode, URN and distance are drawn
afterwards, vectorised (placements.py).
"""

from __future__ import annotations

import heapq
import random
from bisect import bisect
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from corparent.engine.ssda903.synth import params as P
from corparent.engine.ssda903.synth.calendar import OPEN
from corparent.engine.ssda903.synth.cohort import Cohort

LS_EV, ADOPT_EV, P1_EV, SUPP_EV, MOVE_EV, TEMP_EV, RETURN_EV, LTF_EV, REG_EV = range(9)
B_LS, B_ADOPT, B_P1, B_SUPP, B_MOVE, B_TEMP, B_RETURN, B_LTF, B_REG = (1 << k for k in range(9))
FOSTER = frozenset({"U1", "U2", "U3", "U4", "U5", "U6"})
# not placed with parents while accommodated under s20 or held under a protection order (rule 378)
NO_P1_LS = frozenset({"V2", "L1", "L2", "L3"})
UNREGISTERED = frozenset({"H5", "P2"})  # supported or independent living before 28 October 2023
SETTLED = frozenset({"U1", "U4", "A3", "A4", "A5", "A6", "P1"})
YEAR = 365.25
LS_CODES = ("C1", "C2", "D1", "E1", "J1", "J2", "J3", "L1", "L2", "L3", "V2", "V3", "V4")
LS_INDEX = {code: i for i, code in enumerate(LS_CODES)}
_SUPPORTED_FROM = date.fromisoformat(P.SUPPORTED_FROM).toordinal()
_AGE_EDGES = (int(1 * YEAR), int(5 * YEAR), int(10 * YEAR), int(16 * YEAR))


class Pick:
    """Weighted choice of a code with a Python Random (fast for scalars)."""

    def __init__(self, pairs: tuple[tuple[str, float], ...]) -> None:
        total = sum(w for _, w in pairs)
        self.codes = [c for c, _ in pairs]
        acc, cum = 0.0, []
        for _, w in pairs:
            acc += w / total
            cum.append(acc)
        cum[-1] = 1.0
        self.cum = cum

    def __call__(self, r: random.Random) -> str:
        return self.codes[bisect(self.cum, r.random())]


# A row: CHILD (number), DECOM, DEC, RNE, LS, PLACE, REC, REASON_PLACE_CHANGE, period, carer
Row = tuple[int, int, int, str, str, str, str, str, int, int]


@dataclass
class Episodes:
    """Episodes (dates as day numbers; OPEN = no DEC yet) and the carers they refer to."""

    rows: list[Row] = field(default_factory=list)
    carer_place: list[str] = field(default_factory=list)  # placement type each carer was first used as
    carer_period: list[int] = field(default_factory=list)


@dataclass
class Adoption:
    """Per period: adoption milestones (day numbers, 0 = none)."""

    adm: list[int]
    placed: list[int]
    by_foster: list[bool]


_PLACE_BY_AGE = [Pick(p) for p in P.PLACE_BY_AGE]
_PLACE_UASC = (Pick(P.PLACE_UASC_UNDER_16), Pick(P.PLACE_UASC_16))
_PLACE_ADOPT, _PLACE_SGO = Pick(P.PLACE_ADOPT_FIRST), Pick(P.PLACE_SGO_FIRST)
_FIRST_LS = {k: Pick(v) for k, v in P.FIRST_LS.items()}
_PROTECTION, _RPC, _TEMP = Pick(P.PROTECTION), Pick(P.REASON_PLACE_CHANGE), Pick(P.TEMP)


_SGO_FOSTER = {"E45": "E47", "E46": "E48"}  # SGO to former foster carers -> to other carers


def _band(age_days: int) -> int:
    return bisect(_AGE_EDGES, age_days)


class _Sim:
    def __init__(self, coh: Cohort, reference: int, first_day: int, seed: int) -> None:
        self.ref = reference
        self.first_day = first_day  # 1 April of the first collection year: rows ending before are dropped
        self.r = random.Random(seed)
        self.out = Episodes()
        n = len(coh.p_start)
        self.adoption = Adoption([0] * n, [0] * n, [False] * n)
        rng = np.random.default_rng(seed)
        self.instability = rng.gamma(P.INSTABILITY_SHAPE, 1 / P.INSTABILITY_SHAPE, coh.n).tolist()
        self.p_child = coh.p_child.tolist()
        self.p_start = coh.p_start.tolist()
        self.p_plan_end = coh.p_plan_end.tolist()
        self.p_path = coh.p_path.tolist()
        self.p_mid = coh.p_mid.tolist()
        self.p_rec = coh.p_rec.tolist()
        self.dob = coh.dob.tolist()
        self.uasc = coh.uasc.tolist()
        self.t3_days: dict[int, list[int]] = {}  # each child's temporary placements coded T3

    def place_code(self, day: int, dob: int, uasc: bool, p1_ok: bool) -> str:
        """A new placement's type. From 28 October 2023 supported accommodation is registered
        (K3), in place of H5 and independent living (P2); ``p1_ok`` is False where a placement with
        parents is ruled out (by the legal status, or the child is already with them)."""
        age_days = day - dob
        pick = _PLACE_UASC[age_days >= 16 * YEAR] if uasc else _PLACE_BY_AGE[_band(age_days)]
        code = pick(self.r)
        if code == "SUPP":
            code = "K3" if day >= _SUPPORTED_FROM else "H5"
        elif code == "P2" and day >= _SUPPORTED_FROM:
            code = "K3"
        elif code == "P1" and not p1_ok:
            code = "U3"  # with relatives or friends instead
        return code

    def period(self, pi: int) -> None:
        r = self.r
        rand = r.random
        s, pe = self.p_start[pi], self.p_plan_end[pi]
        if pe < self.first_day:
            return  # ended before the collection years: never written
        path, c = self.p_path[pi], self.p_child[pi]
        dob, uasc = self.dob[c], self.uasc[c]
        horizon = min(pe, self.ref + 1)  # events happen on days s < d < horizon
        heap: list[tuple[int, int, int, int]] = []
        push = heapq.heappush
        n_ev = 0

        # legal statuses (payload: index into LS_CODES)
        first = _FIRST_LS[path](r)
        ls0 = first
        t_main = s
        if path != P.YJ and path != P.UASC and rand() < P.PROTECTION_P:
            ls0 = _PROTECTION(r)
            t_main = s + 1 + int(rand() * P.PROTECTION_DAYS[ls0])
            if t_main < horizon:
                n_ev += 1
                push(heap, (t_main, n_ev, LS_EV, LS_INDEX[first]))
        elif first == "J2":  # detained under PACE for a day or two, then remanded (rule 364)
            day = s + 1 + int(rand() * P.PACE_DAYS)
            if day < horizon:
                n_ev += 1
                push(heap, (day, n_ev, LS_EV, LS_INDEX["J1"]))
        ls_plan: list[tuple[int, str]] = []
        t_c1 = t_main if first == "C1" else 0
        if first == "V2" and not uasc and path in (P.LONG, P.SGO, P.CAO) and rand() < P.V2_TO_C1_P:
            lo, hi = P.V2_TO_C1_DAYS
            t_c1 = t_main + lo + int(rand() * (hi - lo))
            ls_plan.append((t_c1, "C1"))
        if path == P.ADOPT:
            mid = self.p_mid[pi]
            lo, hi = P.PLACEMENT_ORDER_BEFORE_PLACED
            t_po = max(mid - lo - int(rand() * (hi - lo)), t_main + 60)
            if rand() < P.ADOPT_C2_FIRST_P and t_po - t_main > 150:
                ls_plan.append((t_main + (t_po - t_main) // 2, "C2"))
            ls_plan.append((t_po, "E1"))
            lo, hi = P.ADM_BEFORE_ORDER
            self.adoption.adm[pi] = max(t_po - lo - int(rand() * (hi - lo)), s + 20)
            if s < mid < horizon:
                n_ev += 1
                push(heap, (mid, n_ev, ADOPT_EV, 0))
        elif t_c1 and path != P.YJ:
            mu, sd, floor = P.C1_TO_C2_DAYS
            ls_plan.append((t_c1 + int(max(r.gauss(mu, sd), floor)), "C2"))
        for day, code in ls_plan:
            if s < day < horizon:
                n_ev += 1
                push(heap, (day, n_ev, LS_EV, LS_INDEX[code]))
                if code == "C2" and rand() < P.MOVE_WITH_CARE_ORDER_P:  # RNE B: new carer and status
                    n_ev += 1
                    push(heap, (day, n_ev, MOVE_EV, 0))

        # placement events
        if rand() < P.SETTLING_MOVE_P[_band(s - dob)]:
            lo, hi = P.SETTLING_MOVE_DAYS
            day = s + lo + int(rand() * (hi - lo))
            if day < horizon:
                n_ev += 1
                push(heap, (day, n_ev, MOVE_EV, 0))
        mult = self.instability[c]
        expo = r.expovariate
        t = s
        first_year_end = s + YEAR
        while True:
            rate = (
                P.MOVE_RATE[_band(t - dob)] * mult * (P.MOVE_FIRST_YEAR_FACTOR if t < first_year_end else 1.0)
            )
            t += int(expo(rate) * YEAR) + 1
            if t >= horizon:
                break
            n_ev += 1
            push(heap, (t, n_ev, MOVE_EV, 0))
        t = s
        while True:
            t += int(expo(P.TEMP_RATE) * YEAR) + 1
            if t >= horizon:
                break
            n_ev += 1
            push(heap, (t, n_ev, TEMP_EV, 0))
        supp_p = P.SUPPORTED_MOVE_P.get(path, 0.0)
        if supp_p and rand() < supp_p:
            day = max(s + 30, dob + int(16 * YEAR) + int(rand() * 540))
            if day < horizon:
                n_ev += 1
                push(heap, (day, n_ev, SUPP_EV, 0))
        if s < _SUPPORTED_FROM < horizon:  # unregistered supported accommodation ends
            n_ev += 1
            push(heap, (_SUPPORTED_FROM, n_ev, REG_EV, 0))
        if path == P.HOME and t_c1 and pe - s > 180 and rand() < P.HOME_P1_P:
            lo, hi = P.HOME_P1_DAYS
            day = pe - lo - int(rand() * (hi - lo))
            if s < day < horizon:
                n_ev += 1
                push(heap, (day, n_ev, P1_EV, 0))

        # play the events; a step is (DECOM, RNE, LS, PLACE, carer, reason for the change into it)
        if path == P.ADOPT:
            place = _PLACE_ADOPT(r)
        elif path == P.SGO:
            place = _PLACE_SGO(r)
        else:
            place = self.place_code(s, dob, uasc, ls0 not in NO_P1_LS and first not in NO_P1_LS)
        ls = ls0
        carer = 0
        carer_place = [place]  # the placement type each carer (of this period) was first used as
        steps: list[tuple[int, str, str, str, int, str]] = [(s, "S", ls, place, carer, "")]
        ltf = self._ltf(place, s, path, horizon)
        if ltf:
            n_ev += 1
            push(heap, (ltf, n_ev, LTF_EV, carer))
        saved_place, saved_carer = "", 0  # where to return after a temporary placement
        return_day = 0
        adopt_placed = False
        pop = heapq.heappop
        while heap:
            day = heap[0][0]
            kinds = 0
            new_ls = ls
            ltf_carer = -1
            while heap and heap[0][0] == day:
                _, _, kind, payload = pop(heap)
                kinds |= 1 << kind
                if kind == LS_EV:
                    new_ls = LS_CODES[payload]
                elif kind == LTF_EV:
                    ltf_carer = payload
            if saved_place:  # in a temporary placement
                if kinds & B_RETURN:  # back to the same carer: RNE P (rule 383)
                    place, carer, saved_place = saved_place, saved_carer, ""
                    steps.append((day, "P", ls, place, carer, ""))
                # legal changes and planned moves wait until the day after the return
                later = return_day + 1
                if later < horizon:
                    if new_ls != ls:
                        n_ev += 1
                        push(heap, (later, n_ev, LS_EV, LS_INDEX[new_ls]))
                    for k in (ADOPT_EV, P1_EV, SUPP_EV, REG_EV):
                        if kinds & (1 << k):
                            n_ev += 1
                            push(heap, (later, n_ev, k, 0))
                continue
            new_place = ""
            same_carer = False
            reason = "CARPL"
            if kinds & B_ADOPT:
                adopt_placed = True
                self.adoption.placed[pi] = day
                if place in ("U2", "U5") or (place in FOSTER and rand() < P.ADOPTED_BY_FOSTER_CARERS_P):
                    new_place, same_carer = "A5", True
                    self.adoption.by_foster[pi] = True
                else:
                    new_place = "A6"
            elif adopt_placed:
                pass
            elif kinds & B_REG and place in UNREGISTERED:  # the provider registers: same carer
                new_place, same_carer, reason = "K3", True, "PLACE"
            elif kinds & B_P1 and new_ls not in NO_P1_LS and place != "P1":
                new_place = "P1"
            elif kinds & B_SUPP:
                new_place = "K3" if day >= _SUPPORTED_FROM else "H5"
            elif kinds & B_MOVE and (place not in SETTLED or rand() < P.MOVE_SETTLED_FACTOR):
                new_place = self.place_code(day, dob, uasc, new_ls not in NO_P1_LS and place != "P1")
                reason = _RPC(r)
            elif ltf_carer == carer and (place == "U6" or place == "U3"):
                new_place, same_carer, reason = ("U4" if place == "U6" else "U1"), True, "PLACE"
            elif kinds & B_TEMP and new_ls == ls and place in FOSTER:
                code = _TEMP(r)
                t3 = self.t3_days.setdefault(c, [])
                if code == "T3" and sum(d > day - 366 for d in t3) >= 2:
                    code = "T0"  # at most two for the carers' holidays in 12 months (rule 377)
                lo, hi = P.TEMP_DAYS[code]
                return_day = day + lo + int(rand() * (hi - lo + 1))
                if return_day < pe:
                    if code == "T3":
                        t3.append(day)
                    saved_place, saved_carer = place, carer
                    carer_place.append(code)
                    place, carer = code, len(carer_place) - 1
                    steps.append((day, "P", ls, place, carer, ""))
                    if return_day < horizon:
                        n_ev += 1
                        push(heap, (return_day, n_ev, RETURN_EV, 0))
                    continue
            if new_place:
                if same_carer:
                    rne = "U" if new_ls != ls else "T"
                else:
                    rne = "B" if new_ls != ls else "P"
                    carer_place.append(new_place)
                    carer = len(carer_place) - 1
                    ltf = self._ltf(new_place, day, path, horizon)
                    if ltf:
                        n_ev += 1
                        push(heap, (ltf, n_ev, LTF_EV, carer))
                place, ls = new_place, new_ls
                steps.append((day, rne, ls, place, carer, reason))
            elif new_ls != ls:
                ls = new_ls
                steps.append((day, "L", ls, place, carer, ""))
        self._write(pi, c, pe, steps, carer_place)

    def _write(
        self,
        pi: int,
        c: int,
        pe: int,
        steps: list[tuple[int, str, str, str, int, str]],
        carer_place: list[str],
    ) -> None:
        """Keep the period's episodes that end on or after the first collection year's start."""
        out = self.out
        end = pe if pe <= self.ref else OPEN
        rec = self.p_rec[pi] if end != OPEN else ""
        if rec in _SGO_FOSTER and steps[-1][3] not in FOSTER:
            # a special guardianship order to former foster carers needs a foster placement
            # (rule 516): otherwise it was made to other carers
            rec = self.p_rec[pi] = _SGO_FOSTER[rec]
        base = len(out.carer_place)
        out.carer_place.extend(carer_place)
        out.carer_period.extend([pi] * len(carer_place))
        rows = out.rows
        first_day = self.first_day
        last = len(steps) - 1
        for i, (d0, rne, ls, place, carer, _) in enumerate(steps):
            if i == last:
                rows.append((c, d0, end, rne, ls, place, rec, "", pi, base + carer))
                break
            nxt = steps[i + 1]
            if nxt[0] < first_day:
                continue
            # the reason for a placement change is on the episode that ends; none around temporaries
            rpc = "" if place[0] == "T" or nxt[3][0] == "T" else nxt[5]
            rows.append((c, d0, nxt[0], rne, ls, place, "X1", rpc, pi, base + carer))

    def _ltf(self, place: str, day: int, path: int, horizon: int) -> int:
        """The day long-term fostering is confirmed with this carer (0 if not planned)."""
        if (
            (place == "U6" or place == "U3")
            and path in (P.LONG, P.SGO, P.UASC)
            and self.r.random() < P.LONG_TERM_FOSTER_P
        ):
            lo, hi = P.LONG_TERM_FOSTER_AFTER
            d = day + lo + int(self.r.random() * (hi - lo))
            return d if d < horizon else 0
        return 0


def simulate_histories(coh: Cohort, reference: int, first_day: int, seed: int) -> tuple[Episodes, Adoption]:
    """Every period's episodes that end on or after ``first_day`` (1 April of the first year).

    A period's reason for ending may be corrected to fit its last placement (``coh.p_rec``).
    """
    sim = _Sim(coh, reference, first_day, seed)
    period = sim.period
    for pi in range(len(coh.p_start)):
        period(pi)
    coh.p_rec = np.array(sim.p_rec, dtype=object)
    return sim.out, sim.adoption
