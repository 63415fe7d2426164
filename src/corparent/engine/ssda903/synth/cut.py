"""Cutting the simulated histories into each collection year's return.

Year Y (1 April Y-1 to 31 March Y, or to the reference date in a partial last year) holds:
the episodes overlapping it, with DEC, REC and REASON_PLACE_CHANGE blank when the episode ended
after the year (as the council returned it then), and placement types in the year's code list
(Z1 as one of Z11-Z14 from 2025-26); a Header row for every child with an episode or an OC3 row;
reviews starting in the year; missing incidents starting in the year or still open at its start;
the social worker episodes overlapping it of the children looked after at its end; UASC rows for
children in the Header still UASC at the year's start (DUC the 18th birthday while still UASC,
as DfE asks, so it may be after the year); OC2 (full years only), OC3, AD1, PlacedAdoption and
PrevPerm (one row for each child who started a period in the year) as outcomes.py makes them.

What is written is what DfE's validation rules expect of clean data (the rules named in comments);
tests/engine/test_synth.py checks a clean council against them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from corparent.engine.ssda903 import tables as T
from corparent.engine.ssda903.synth import outcomes as O
from corparent.engine.ssda903.synth import params as P
from corparent.engine.ssda903.synth.calendar import (
    OPEN,
    BoolArray,
    DateText,
    IntArray,
    ObjArray,
    add_years,
    age_years,
    distinct,
    feb_29,
    year_end,
    year_start,
)
from corparent.engine.ssda903.synth.cohort import Cohort
from corparent.engine.ssda903.synth.council import Table
from corparent.engine.ssda903.synth.events import Missing, Reviews, SocialWorkers
from corparent.engine.ssda903.synth.history import Adoption
from corparent.engine.ssda903.synth.placements import EpisodeTable
from corparent.engine.ssda903.tables import TableSpec

EPISODE_OPTIONAL_WRITTEN = ("PL_DISTANCE", "PL_LA", "PL_LOCATION")


@dataclass
class World:
    """Everything simulated, before it is cut into years."""

    cohort: Cohort
    episodes: EpisodeTable
    adoption: Adoption
    reviews: Reviews
    missing: Missing
    social_workers: SocialWorkers
    ids: ObjArray  # CHILD per child number
    id_order: IntArray  # sort key per child number (rows are written in CHILD order)
    upn: ObjArray
    mother_child_dob: IntArray  # 0 if not a mother
    text: DateText


def written_columns(spec: TableSpec) -> tuple[str, ...]:
    if spec is T.EPISODES:
        return spec.column_names + EPISODE_OPTIONAL_WRITTEN
    return spec.column_names


class _Cutter:
    def __init__(self, world: World, reference: int, rng: np.random.Generator, years: list[int]) -> None:
        self.w = world
        self.ref = reference
        self.rng = rng
        coh = world.cohort
        ep = world.episodes
        order = np.lexsort((ep.decom, world.id_order[ep.child]))
        self.e_child = ep.child[order]
        self.e_decom = ep.decom[order]
        self.e_dec = ep.dec[order]
        self.e_text = {
            col: v[order]
            for col, v in ep.text.items()
            if col not in ("REC", "REASON_PLACE_CHANGE", "PLACE_2026")
        }
        self.e_place_2026 = ep.text["PLACE_2026"][order]
        self.e_rec = ep.text["REC"][order]
        self.e_rpc = ep.text["REASON_PLACE_CHANGE"][order]
        self.missing_end = self._missing_ends([year_start(y) - 1 for y in years])
        self.last_end = O.last_ends(coh)
        self.decisions = O.adoption_decisions(rng, coh, world.adoption, reference=reference)
        self.died_age = O.died_ages(rng, coh.n)
        # the 18th birthday as DfE's rules take it (DOB + 18 years: 28 February for a child born on
        # 29 February, rules 205B and 304); care itself ends on the birthday, 1 March
        self.b18 = add_years(coh.dob, 18)
        self.b18_uasc = self.b18 - (feb_29(coh.dob) & ~feb_29(self.b18))
        # the day UASC status ended early (age assessed as an adult): that period's end
        early = np.zeros(coh.n, dtype=np.int64)
        e15 = coh.p_rec == "E15"
        early[coh.p_child[e15]] = coh.p_plan_end[e15]
        self.uasc_ended = np.where(early > 0, np.minimum(early, self.b18_uasc), self.b18_uasc)

    def _missing_ends(self, year_ends: list[int]) -> IntArray:
        """Missing incidents' end dates, but one still open at a year's end that began before the
        child's episode current then ends the day before that episode began.

        The incident open at 31 March is returned again the next year (rule 576), where its start
        must fall in an episode of that year's return (rules 578, 581): that of an episode that
        had already ended could not.
        """
        mi = self.w.missing
        end = mi.end.copy()
        key = self.w.id_order[self.e_child] * 10_000_000 + self.e_decom  # sorted: child, then DECOM
        for day in year_ends:
            across = np.flatnonzero((mi.start <= day) & (end > day))
            if not len(across):
                continue
            at = self.w.id_order[mi.child[across]] * 10_000_000 + day
            i = np.searchsorted(key, at, side="right") - 1  # the episode current on that day
            current = self.e_decom[np.maximum(i, 0)]
            same = (i >= 0) & (self.e_child[np.maximum(i, 0)] == mi.child[across])
            moved = same & (current > mi.start[across])
            end[across[moved]] = current[moved] - 1
        return end

    def table(self, spec: TableSpec, child: IntArray, cols: dict[str, np.ndarray]) -> Table:
        """Format a raw table (dates as day numbers) sorted by CHILD then its first date."""
        w = self.w
        names = written_columns(spec)
        keys: list[np.ndarray] = []
        for name in names:  # rows in CHILD order, then by the table's first date
            if name in cols and np.issubdtype(cols[name].dtype, np.integer):
                keys.append(np.asarray(cols[name]))
                break
        order = np.lexsort((*keys, w.id_order[child]))
        child = child[order]
        out: dict[str, list[str]] = {}
        for name in names:
            if name == "CHILD":
                values: np.ndarray = w.ids[child]
            elif name == "DOB":
                values = w.text(w.cohort.dob[child])
            elif np.issubdtype(cols[name].dtype, np.integer):  # dates as day numbers
                values = w.text(cols[name][order])
            else:
                values = np.asarray(cols[name], dtype=object)[order]
            out[name] = values.tolist()
        return Table(spec, names, out)

    def year(self, year: int, first_day: int, last_day: int, full: bool) -> dict[str, Table]:
        w, coh, rng = self.w, self.w.cohort, self.rng
        text = w.text
        # Episodes
        m = (self.e_decom <= last_day) & (self.e_dec >= first_day)
        ended = self.e_dec[m] <= last_day
        ep_child = self.e_child[m]
        cols: dict[str, np.ndarray] = {name: v[m] for name, v in self.e_text.items()}
        if year >= P.PLACE_CODES_CHANGE:
            cols["PLACE"] = self.e_place_2026[m]
        cols["DECOM"] = self.e_decom[m]
        cols["DEC"] = np.where(ended, self.e_dec[m], OPEN)
        cols["REC"] = np.where(ended, self.e_rec[m], "").astype(object)
        cols["REASON_PLACE_CHANGE"] = np.where(ended, self.e_rpc[m], "").astype(object)
        tables = {"Episodes": self._ordered(T.EPISODES, ep_child, cols)}
        # OC3 first: its children are in the Header too
        oc3 = O.oc3(rng, coh, self.last_end, self.died_age, first_day=first_day, last_day=last_day)
        kids = distinct(np.concatenate([ep_child, oc3["_child"]]))
        in_year = np.zeros(coh.n, dtype=bool)
        in_year[kids] = True
        # the last day each child was looked after in the year (0: not looked after)
        in_care_until = np.zeros(coh.n, dtype=np.int64)
        np.maximum.at(in_care_until, ep_child, np.minimum(cols["DEC"], last_day))
        tables["Header"] = self.header(year, kids, last_day, in_care_until[kids])
        # UASC rows for children still UASC on the year's first day (DUC is not before it)
        uasc_kids = kids[coh.uasc[kids] & (self.uasc_ended[kids] >= first_day)]
        tables["UASC"] = self.uasc(year, uasc_kids, last_day)
        r = w.reviews
        m = (r.day >= first_day) & (r.day <= last_day)
        tables["Reviews"] = self.table(T.REVIEWS, r.child[m], {"REVIEW": r.day[m], "REVIEW_CODE": r.code[m]})
        if full:
            raw = O.oc2(rng, coh, first_day=first_day, last_day=last_day)
            tables["OC2"] = self.table(T.OC2, raw.pop("_child"), raw)
        else:
            tables["OC2"] = self.table(
                T.OC2, np.zeros(0, dtype=np.int64), {c: np.zeros(0, dtype=object) for c in T.OC2.column_names}
            )
        tables["OC3"] = self.table(T.OC3, oc3.pop("_child"), oc3)
        raw = O.ad1(rng, coh, w.adoption, first_day=first_day, last_day=last_day)
        tables["AD1"] = self.table(T.AD1, raw.pop("_child"), raw)
        raw = O.placed_adoption(self.decisions, first_day=first_day, last_day=last_day)
        in_header = in_year[raw["_child"]]
        raw = {k: v[in_header] for k, v in raw.items()}
        raw.pop("_period")
        tables["PlacedAdoption"] = self.table(T.PLACED_ADOPTION, raw.pop("_child"), raw)
        first_decom = np.full(coh.n, OPEN, dtype=np.int64)
        np.minimum.at(first_decom, ep_child, cols["DECOM"])
        raw = O.prev_perm(rng, coh, text, first_day=first_day, last_day=last_day, first_decom=first_decom)
        # short breaks start periods too (RNE S): no previous permanence recorded for them (Z1)
        starters = np.zeros(coh.n, dtype=bool)
        starters[ep_child[(cols["RNE"] == "S") & (cols["DECOM"] >= first_day)]] = True
        starters[raw["_child"]] = False
        extra = np.flatnonzero(starters)
        blank = np.full(len(extra), "", dtype=object)
        raw = {
            "_child": np.concatenate([raw["_child"], extra]),
            "PREV_PERM": np.concatenate([raw["PREV_PERM"], np.full(len(extra), "Z1", dtype=object)]),
            "LA_PERM": np.concatenate([raw["LA_PERM"], blank]),
            "DATE_PERM": np.concatenate([raw["DATE_PERM"], blank]),
        }
        tables["PrevPerm"] = self.table(T.PREV_PERM, raw.pop("_child"), raw)
        # incidents starting in the year, and one still open at the year before's end (rule 576)
        mi = w.missing
        m = (mi.start <= last_day) & (self.missing_end >= first_day)
        end = np.where(self.missing_end[m] <= last_day, self.missing_end[m], OPEN)
        tables["Missing"] = self.table(
            T.MISSING, mi.child[m], {"MISSING": mi.kind[m], "MIS_START": mi.start[m], "MIS_END": end}
        )
        # social workers of the children looked after at the year's end (DfE: the latest episode is
        # open on 31 March), every episode overlapping the year
        sw = w.social_workers
        at_end = np.zeros(coh.n, dtype=bool)
        at_end[coh.p_child[(coh.p_start <= last_day) & (coh.p_plan_end > last_day)]] = True
        m = (sw.start <= last_day) & (sw.end >= first_day) & at_end[sw.child]
        ended = sw.end[m] <= last_day
        tables["SWEpisodes"] = self.table(
            T.SW_EPISODES,
            sw.child[m],
            {
                "SW_ID": sw.sw_id[m],
                "SW_DECOM": sw.start[m],
                "SW_DEC": np.where(ended, sw.end[m], OPEN),
                "SW_REASON": sw.reason[m],
            },
        )
        # DoLo (from 2026-27): no deprivation of liberty orders in the synthetic council yet.
        tables["DoLo"] = self.table(
            T.DOLO,
            np.zeros(0, dtype=np.int64),
            {c: np.zeros(0, dtype=object) for c in ("DOLO_START", "DOLO_END")},
        )
        return {spec.name: tables[spec.name] for spec in T.tables_for(year)}

    def _ordered(self, spec: TableSpec, child: IntArray, cols: dict[str, np.ndarray]) -> Table:
        """Episodes are already in CHILD, DECOM order."""
        w = self.w
        out: dict[str, list[str]] = {}
        names = written_columns(spec)
        for name in names:
            if name == "CHILD":
                values = w.ids[child]
            elif name in ("DECOM", "DEC"):
                values = w.text(cols[name])
            else:
                values = cols[name]
            out[name] = values.tolist()
        return Table(spec, names, out)

    def sex(self, year: int, kids: IntArray) -> ObjArray:
        male = self.w.cohort.male[kids]
        if year < 2025:
            return np.where(male, "1", "2").astype(object)
        return np.where(male, "M", "F").astype(object)

    def header(self, year: int, kids: IntArray, last_day: int, in_care_until: IntArray) -> Table:
        """MOTHER is for girls looked after in the year (not care leavers only in OC3, rule 628)
        other than on short breaks only (rule 399); 1 if her child was born while she was looked
        after (rule 625)."""
        w, coh = self.w, self.w.cohort
        female = ~coh.male[kids] & (in_care_until > 0) & ~coh.short_break[kids]
        mc = w.mother_child_dob[kids]
        is_mother = female & (mc > 0) & (mc <= in_care_until)
        young = age_years(coh.dob[kids], last_day) < 4
        return self.table(
            T.HEADER,
            kids,
            {
                "SEX": self.sex(year, kids),
                "ETHNIC": coh.ethnic[kids],
                "UPN": np.where(young, "UN1", w.upn[kids]).astype(object),
                "MOTHER": np.where(female, np.where(is_mother, "1", "0"), "").astype(object),
                "MC_DOB": np.where(is_mother, mc, 0),
            },
        )

    def uasc(self, year: int, kids: IntArray, last_day: int) -> Table:
        """DUC is the day UASC status ended if that was in or before the year; otherwise the 18th
        birthday, when it will end (DfE's convention: a date after the year for a child still UASC).
        """
        ended = self.uasc_ended[kids]
        duc = np.where(ended <= last_day, ended, self.b18_uasc[kids])
        return self.table(T.UASC, kids, {"SEX": self.sex(year, kids), "DUC": duc})


def cut(
    world: World, *, years: list[int], reference: int, rng: np.random.Generator
) -> dict[int, dict[str, Table]]:
    cutter = _Cutter(world, reference, rng, years)
    out: dict[int, dict[str, Table]] = {}
    for y in years:
        end = year_end(y)
        out[y] = cutter.year(y, year_start(y), min(end, reference), end <= reference)
    return out


def looked_after_at(world: World, day: int) -> BoolArray:
    """Children looked after on ``day`` (not on a short break)."""
    coh = world.cohort
    at = (coh.p_start <= day) & (coh.p_plan_end > day)
    out = np.zeros(coh.n, dtype=bool)
    out[coh.p_child[at]] = True
    return out
