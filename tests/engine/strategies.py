"""Hypothesis strategies for SSDA903 care histories, and writing a history as a 903 return.

A history is a handful of children, each with a date of birth, sex, ethnicity and one or more
periods of care. A period is a chain of episodes joined by REC = X1 (the next episode starts the
day the previous one ends); it starts with RNE = S and ends with a REC other than X1, or is still
open (only a child's last period). Within a period RNE P/B is a new carer, T/U the same carer with
a new placement type, L a legal status change only. A temporary placement (T0-T4) is always
followed by the return to the carer before it. A short-break period has every episode V3/V4;
short breaks are never mixed with other legal statuses within a period.

``write_return`` writes a history as year folders of CSV files, each year holding what that
year's return would: the episodes overlapping the collection year (1 April Y-1 to 31 March Y),
with DEC and REC blank where the episode ended after 31 March Y, and that year's other rows.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Final

from hypothesis import strategies as st

from corparent.engine.ssda903 import codes
from corparent.engine.ssda903.model import collection_year_end, collection_year_of
from corparent.engine.ssda903.tables import (
    AD1,
    EPISODES,
    HEADER,
    MISSING,
    OC2,
    OC3,
    REVIEWS,
    SW_EPISODES,
    UASC,
    TableSpec,
)

FIRST_DAY: Final = date(2019, 1, 1)  # no episode starts before this
LAST_DAY: Final = date(2026, 12, 31)  # nothing happens after this; episodes running past it stay open

NON_SHORT_BREAK_LS: Final = tuple(sorted(set(codes.LS) - codes.SHORT_BREAK_LS))
SHORT_BREAK_LS: Final = tuple(sorted(codes.SHORT_BREAK_LS))
PLACES: Final = tuple(sorted(set(codes.PLACE) - codes.TEMPORARY_PLACE))
TEMPORARY_PLACES: Final = tuple(sorted(codes.TEMPORARY_PLACE))
ENDING_REC: Final = tuple(sorted(set(codes.REC) - {"X1"}))
PROVIDERS: Final = tuple(sorted(codes.PLACE_PROVIDER))
# A step after a period's first episode: a change of carer (P, B), of placement type with the same
# carer (T, U), of legal status only (L), or a temporary placement and the return from it.
STEPS: Final = ("P", "B", "T", "U", "L", "temporary")
FMT: Final = "%d/%m/%Y"


# ------------------------------------------------------------------------------------ the model


@dataclass(frozen=True)
class Episode:
    decom: date
    rne: str
    ls: str
    cin: str | None
    place: str
    provider: str
    dec: date | None
    rec: str | None
    pl_distance: str | None = None  # as written: "12.5", "999.9" or None
    pl_location: str | None = None

    @property
    def short_break(self) -> bool:
        return self.ls in codes.SHORT_BREAK_LS

    @property
    def temporary(self) -> bool:
        return self.place in codes.TEMPORARY_PLACE

    def overlaps(self, first: date, last: date) -> bool:
        """DECOM on or before ``last`` and not ended before ``first`` (indicators.md)."""
        return self.decom <= last and (self.dec is None or self.dec >= first)


@dataclass(frozen=True)
class Period:
    episodes: tuple[Episode, ...]

    @property
    def start(self) -> date:
        return self.episodes[0].decom

    @property
    def end(self) -> date | None:
        return self.episodes[-1].dec

    @property
    def short_break(self) -> bool:
        return self.episodes[0].short_break


@dataclass(frozen=True)
class MissingIncident:
    kind: str  # M or A
    start: date
    end: date | None


@dataclass(frozen=True)
class SocialWorkerEpisode:
    sw_id: str
    decom: date
    dec: date | None
    reason: str | None


@dataclass(frozen=True)
class Child:
    id: str
    dob: date
    sex: str | None  # M, F, U or not recorded
    ethnic: str | None
    periods: tuple[Period, ...]
    uasc: bool = False
    duc: date | None = None
    missing: tuple[MissingIncident, ...] = ()
    reviews: tuple[tuple[date, str], ...] = ()
    oc2: tuple[tuple[int, dict[str, str]], ...] = ()  # (collection year, row)
    oc3: tuple[tuple[int, dict[str, str]], ...] = ()
    ad1: tuple[tuple[int, dict[str, str]], ...] = ()
    social_workers: tuple[SocialWorkerEpisode, ...] = ()
    in_header: bool = True  # False: the child has no Header row (sex, age, ethnicity not recorded)

    @property
    def episodes(self) -> list[Episode]:
        return [e for p in self.periods for e in p.episodes]


@dataclass(frozen=True)
class History:
    children: tuple[Child, ...]
    location_columns: bool = False  # write PL_DISTANCE and PL_LOCATION in Episodes

    def years(self) -> list[int]:
        """The collection years the return holds: from the first DECOM to the last thing that happened."""
        eps = [e for c in self.children for e in c.episodes]
        first = min(e.decom for e in eps)
        last = max(
            [
                *(d for e in eps for d in (e.decom, e.dec) if d),
                *(m.start for c in self.children for m in c.missing),
                *(d for c in self.children for d, _ in c.reviews),
                *(s.decom for c in self.children for s in c.social_workers),
            ]
        )
        others = [y for c in self.children for y, _ in (*c.oc2, *c.oc3, *c.ad1)]
        return list(range(collection_year_of(first), max([collection_year_of(last), *others]) + 1))


# ------------------------------------------------------------------------------------ strategies


def _rarely(numerator: int = 1, denominator: int = 5) -> st.SearchStrategy[bool]:
    """True with probability about numerator/denominator; shrinks to False."""
    return st.integers(0, denominator - 1).map(lambda n: n >= denominator - numerator)


def _other(draw: st.DrawFn, choices: tuple[str, ...], current: str) -> str:
    """A code from ``choices`` other than ``current`` (when there is one)."""
    rest = tuple(c for c in choices if c != current)
    return draw(st.sampled_from(rest)) if rest else current


@st.composite
def period_of_care(
    draw: st.DrawFn, start: date, *, short_break: bool, may_stay_open: bool
) -> tuple[Period, bool]:
    """One period of care starting on ``start``; returns it and whether it is still open.

    The structure (steps, legal statuses, placement types, dates) is drawn by Hypothesis, so it
    shrinks; details that no property depends on (provider, distance, location) come from a seeded
    ``random.Random``, which keeps generation quick.
    """
    statuses = SHORT_BREAK_LS if short_break else NON_SHORT_BREAK_LS
    cin = draw(st.one_of(st.sampled_from(tuple(codes.CIN)), st.none()) if not short_break else st.just("N2"))
    steps = ["S", *draw(st.lists(st.sampled_from(STEPS), max_size=5))]
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))

    # (rne, ls, place, days): the episodes before their dates are fixed.
    planned: list[tuple[str, str, str, int]] = []
    ls = draw(st.sampled_from(statuses))
    place = draw(st.sampled_from(PLACES))
    for step in steps:
        days = draw(st.integers(1, 400))
        if step == "S":
            planned.append(("S", ls, place, days))
        elif step == "temporary":
            # A temporary move (not a placement) and the return to the carer before it.
            planned.append(("P", ls, draw(st.sampled_from(TEMPORARY_PLACES)), draw(st.integers(1, 14))))
            planned.append(("P", ls, place, days))
        else:
            if step in ("B", "U", "L"):
                ls = _other(draw, statuses, ls)
            if step in ("P", "B"):
                place = draw(st.sampled_from(PLACES))
            elif step in ("T", "U"):
                place = _other(draw, PLACES, place)
            planned.append((step, ls, place, days))

    stays_open = may_stay_open and draw(_rarely(1, 3))
    rec = draw(st.sampled_from(ENDING_REC))
    if draw(_rarely(1, 10)):  # the last episode begins and ends on the same day
        rne, ep_ls, ep_place, _ = planned[-1]
        planned[-1] = (rne, ep_ls, ep_place, 0)
    episodes: list[Episode] = []
    decom = start
    for n, (rne, ep_ls, ep_place, days) in enumerate(planned):
        last = n == len(planned) - 1
        dec: date | None = decom + timedelta(days=days)
        if decom + timedelta(days=days) > LAST_DAY:
            if ep_place in codes.TEMPORARY_PLACE:
                # A temporary episode is never the last: the one before it stays open instead.
                episodes[-1] = replace(episodes[-1], dec=None, rec=None)
                return Period(tuple(episodes)), True
            dec, last, stays_open = None, True, True
        elif last and stays_open:
            dec = None
        episodes.append(
            Episode(
                decom=decom,
                rne=rne,
                ls=ep_ls,
                cin=cin,
                place=ep_place,
                provider=rng.choice(PROVIDERS),
                dec=dec,
                rec=None if dec is None else (rec if last else "X1"),
                pl_distance=rng.choice((None, "999.9", f"{rng.randrange(2000) / 10:.1f}")),
                pl_location=rng.choice((None, "IN", "OUT")),
            )
        )
        if last:
            break
        assert dec is not None
        decom = dec
    return Period(tuple(episodes)), stays_open


def _span(period: Period) -> tuple[date, date]:
    return period.start, period.end or LAST_DAY


def _date_in(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, max(0, (last - first).days)))


def _looked_after(periods: Iterable[Period], on: date) -> bool:
    return any(not p.short_break and p.start <= on and (p.end is None or p.end > on) for p in periods)


def _age(dob: date, on: date) -> int:
    return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))


OC2_YES_NO: Final = (
    "CONVICTED",
    "HEALTH_CHECK",
    "IMMUNISATIONS",
    "TEETH_CHECK",
    "HEALTH_ASSESSMENT",
    "SUBSTANCE_MISUSE",
    "INTERVENTION_RECEIVED",
    "INTERVENTION_OFFERED",
)


def _oc2_row(rng: random.Random) -> dict[str, str]:
    score = rng.choice((None, rng.randint(0, 40), rng.randint(0, 40)))
    return {
        "SDQ_SCORE": "" if score is None else str(score),
        "SDQ_REASON": "" if score is not None else rng.choice(tuple(codes.SDQ_REASON)),
        **{k: rng.choice(("0", "1", "1", "")) for k in OC2_YES_NO},
    }


def _oc3_row(rng: random.Random) -> dict[str, str]:
    return {
        "IN_TOUCH": rng.choice(tuple(codes.IN_TOUCH)),
        "ACTIV": rng.choice(tuple(codes.ACTIV)),
        "ACCOM": rng.choice(tuple(codes.ACCOM)),
    }


# What a child's history may hold beyond its header and episodes.
EXTRAS: Final = ("missing", "reviews", "oc2", "oc3", "ad1", "social workers", "uasc")


@st.composite
def child_history(draw: st.DrawFn, child_id: str, *, spaced: bool = False, extras: bool = True) -> Child:
    """One child. ``spaced``: periods of care at least 400 days apart, so that no 12 months hold
    more than one start or more than one ceasing of the same child. ``extras``: may also have
    missing incidents, reviews, OC2/OC3/AD1 rows, social workers and UASC status (else only the
    child's header and episodes)."""
    kind = draw(st.sampled_from(("looked after", "looked after", "looked after", "short breaks", "mixed")))
    start = FIRST_DAY + timedelta(days=draw(st.integers(0, (LAST_DAY - FIRST_DAY).days - 30)))
    dob = start - timedelta(days=draw(st.integers(0, 17 * 365 + 300)))
    n_periods = draw(st.integers(1, 3))
    periods: list[Period] = []
    for n in range(n_periods):
        short_break = kind == "short breaks" or (kind == "mixed" and draw(st.booleans()))
        period, still_open = draw(
            period_of_care(start, short_break=short_break, may_stay_open=n == n_periods - 1)
        )
        periods.append(period)
        if still_open:
            break
        assert period.end is not None
        gap = st.integers(400, 900) if spaced else st.one_of(st.integers(0, 60), st.integers(1, 500))
        # A new period may start the day the last one ended (not when that day is its last DECOM).
        start = period.end + timedelta(days=max(draw(gap), period.episodes[-1].decom == period.end))
        if start > LAST_DAY:
            break

    sex = draw(st.sampled_from(("M", "F", "M", "F", "U", None)))
    ethnic = draw(st.one_of(st.sampled_from(tuple(codes.ETHNIC)), st.none()))
    in_header = not draw(_rarely(1, 12))
    if not extras:
        return Child(
            id=child_id, dob=dob, sex=sex, ethnic=ethnic, periods=tuple(periods), in_header=in_header
        )
    has = draw(st.frozensets(st.sampled_from(EXTRAS)))
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))

    in_care = [p for p in periods if not p.short_break] or periods
    missing: dict[tuple[date, str], MissingIncident] = {}
    if "missing" in has:
        for _ in range(rng.randint(1, 4)):
            first, last = _span(rng.choice(in_care))
            begun = _date_in(rng, first, last)
            kind_ = rng.choice(("M", "A"))
            ended = rng.choice((None, begun + timedelta(days=rng.randint(0, 10))))
            missing[(begun, kind_)] = MissingIncident(kind_, begun, ended)

    reviews: dict[date, str] = {}
    if "reviews" in has:
        for p in in_care:
            first, last = _span(p)
            for _ in range(rng.randint(0, 4)):
                reviews[_date_in(rng, first, last)] = rng.choice(tuple(codes.REVIEW_CODE))

    years = range(collection_year_of(periods[0].start), collection_year_of(LAST_DAY) + 1)
    oc2 = [
        (y, _oc2_row(rng))
        for y in years
        if "oc2" in has and _looked_after(periods, collection_year_end(y)) and rng.random() < 0.8
    ]
    oc3 = [
        (y, _oc3_row(rng))
        for y in years
        if "oc3" in has and 16 <= _age(dob, collection_year_end(y)) <= 22 and rng.random() < 0.6
    ]

    ad1: list[tuple[int, dict[str, str]]] = []
    for p in periods:
        if "ad1" in has and p.end is not None and p.episodes[-1].rec in ("E11", "E12"):
            ad1.append(
                (
                    collection_year_of(p.end),
                    {
                        "DATE_INT": _date_in(rng, p.start, p.end).strftime(FMT),
                        "DATE_MATCH": _date_in(rng, p.start, p.end).strftime(FMT),
                        "FOSTER_CARE": rng.choice(("0", "1")),
                        "NB_ADOPTR": rng.choice(("1", "2")),
                        "SEX_ADOPTR": rng.choice(tuple(codes.SEX_ADOPTR)),
                        "LS_ADOPTR": rng.choice(tuple(codes.LS_ADOPTR)),
                    },
                )
            )

    social_workers: dict[tuple[date, str], SocialWorkerEpisode] = {}
    for p in in_care if "social workers" in has else ():
        first, last = _span(p)
        bounds = sorted({first, *(_date_in(rng, first, last) for _ in range(rng.randint(0, 3)))})
        for n, begun in enumerate(bounds):
            ended = bounds[n + 1] if n + 1 < len(bounds) else p.end
            sw_id = rng.choice(("SW1", "SW2", "SW3", "SW4", "SW5"))
            reason = None if ended is None else rng.choice(tuple(codes.SW_REASON))
            # The join key is (CHILD, SW_DECOM, SW_ID): one episode per key.
            social_workers[(begun, sw_id)] = SocialWorkerEpisode(sw_id, begun, ended, reason)

    uasc = "uasc" in has
    eighteenth = date(dob.year + 18, dob.month, 28 if (dob.month, dob.day) == (2, 29) else dob.day)
    duc = rng.choice((None, eighteenth, _date_in(rng, periods[0].start, LAST_DAY))) if uasc else None

    return Child(
        id=child_id,
        dob=dob,
        sex=sex,
        ethnic=ethnic,
        periods=tuple(periods),
        uasc=uasc,
        duc=duc,
        missing=tuple(sorted(missing.values(), key=lambda m: (m.start, m.kind))),
        reviews=tuple(sorted(reviews.items())),
        oc2=tuple(oc2),
        oc3=tuple(oc3),
        ad1=tuple(ad1),
        social_workers=tuple(social_workers.values()),
        in_header=in_header,
    )


@st.composite
def care_histories(
    draw: st.DrawFn,
    *,
    min_children: int = 1,
    max_children: int = 15,
    spaced: bool = False,
    extras: bool = True,
) -> History:
    """Care histories of 1-15 children (``spaced``: periods of care at least 400 days apart;
    ``extras``: with the tables beyond Header and Episodes)."""
    n = draw(st.integers(min_children, max_children))
    children = tuple(draw(child_history(f"C{k:03d}", spaced=spaced, extras=extras)) for k in range(1, n + 1))
    return History(children, location_columns=draw(st.booleans()))


ANY_DAY: Final = st.dates(date(2019, 4, 1), date(2027, 3, 31))  # any R the histories reach
YEAR_END: Final = st.integers(2020, 2027).map(lambda y: date(y, 3, 31))


def _plus_year(d: date) -> date:
    return d.replace(year=d.year + 1, day=28) if (d.month, d.day) == (2, 29) else d.replace(year=d.year + 1)


def _shifted(d: date, how: str) -> date:
    if how == "a year after":
        return _plus_year(d)
    return d + timedelta(days={"on": 0, "after": 1, "before": -1}[how])


@st.composite
def reference_date(draw: st.DrawFn, history: History) -> date:
    """A reference date R: 31 March, any day, or on or next to a DECOM or DEC of the history (so
    that episodes ending or starting on R, or on the day a year before R, are common)."""
    episodes = [e for c in history.children for e in c.episodes]
    starts = sorted({e.decom for e in episodes})
    ends = sorted({e.dec for e in episodes if e.dec is not None})
    # Each list in a (reproducible) random order: Hypothesis favours a list's first elements.
    order = random.Random(len(episodes))
    order.shuffle(starts)
    order.shuffle(ends)
    event = st.one_of(st.sampled_from(starts), *([st.sampled_from(ends)] if ends else []))
    near = st.builds(_shifted, event, st.sampled_from(("on", "after", "before", "a year after")))
    return draw(st.one_of(YEAR_END, ANY_DAY, near, near))


@st.composite
def histories_with_dates(draw: st.DrawFn, **kwargs: bool) -> tuple[History, date]:
    """A care history (``care_histories(**kwargs)``) and a reference date for it."""
    history = draw(care_histories(**kwargs))
    return history, draw(reference_date(history))


# ------------------------------------------------------------------------------------ writing


def _d(d: date | None) -> str:
    return "" if d is None else d.strftime(FMT)


def _sex(sex: str | None, year: int) -> str:
    """SEX as that year's return codes it: 1/2 before 2024-25, M/F/U from then."""
    if sex is None:
        return ""
    return {"M": "1", "F": "2"}.get(sex, sex) if year < 2025 else sex


@dataclass
class _YearTables:
    rows: dict[str, list[dict[str, str]]] = field(default_factory=dict)

    def add(self, spec: TableSpec, row: dict[str, str]) -> None:
        self.rows.setdefault(spec.name, []).append(row)


def year_rows(history: History, year: int) -> dict[str, list[dict[str, str]]]:
    """The rows of each table in the return for collection ``year``."""
    first, last = collection_year_end(year - 1) + timedelta(days=1), collection_year_end(year)
    t = _YearTables()
    for c in history.children:
        seen = False
        for e in c.episodes:
            if not e.overlaps(first, last):
                continue
            seen = True
            ended = e.dec is not None and e.dec <= last
            row = {
                "CHILD": c.id,
                "DECOM": _d(e.decom),
                "RNE": e.rne,
                "LS": e.ls,
                "CIN": e.cin or "",
                "PLACE": e.place,
                "PLACE_PROVIDER": e.provider,
                "DEC": _d(e.dec) if ended else "",
                "REC": (e.rec or "") if ended else "",
                "REASON_PLACE_CHANGE": "CARPL" if e.rne in ("P", "B") else "",
                "HOME_POST": "AB1 2",
                "PL_POST": "CD3 4",
                "URN": "SC123456" if e.place in ("K1", "K2") else "",
            }
            if history.location_columns:
                row |= {"PL_DISTANCE": e.pl_distance or "", "PL_LA": "", "PL_LOCATION": e.pl_location or ""}
            t.add(EPISODES, row)
        dob = _d(c.dob)
        for m in c.missing:
            if first <= m.start <= last:
                seen = True
                t.add(MISSING, {"CHILD": c.id, "DOB": dob, "MISSING": m.kind,
                                "MIS_START": _d(m.start), "MIS_END": _d(m.end)})  # fmt: skip
        for when, code in c.reviews:
            if first <= when <= last:
                seen = True
                t.add(REVIEWS, {"CHILD": c.id, "DOB": dob, "REVIEW": _d(when), "REVIEW_CODE": code})
        for table, rows in ((OC2, c.oc2), (OC3, c.oc3), (AD1, c.ad1)):
            for y, row in rows:
                if y == year:
                    seen = True
                    t.add(table, {"CHILD": c.id, "DOB": dob, **row})
        for s in c.social_workers:
            if s.decom <= last and (s.dec is None or s.dec >= first):
                ended = s.dec is not None and s.dec <= last
                t.add(SW_EPISODES, {"CHILD": c.id, "SW_ID": s.sw_id, "SW_DECOM": _d(s.decom),
                                    "SW_DEC": _d(s.dec) if ended else "",
                                    "SW_REASON": (s.reason or "") if ended else ""})  # fmt: skip
        if seen:
            sex = _sex(c.sex, year)
            if c.in_header:
                t.add(HEADER, {"CHILD": c.id, "SEX": sex, "DOB": dob, "ETHNIC": c.ethnic or "",
                               "UPN": "", "MOTHER": "", "MC_DOB": ""})  # fmt: skip
            if c.uasc:
                t.add(UASC, {"CHILD": c.id, "SEX": sex, "DOB": dob, "DUC": _d(c.duc)})
    return t.rows


def _columns(spec: TableSpec, history: History) -> list[str]:
    cols = list(spec.column_names)
    if spec is EPISODES and history.location_columns:
        cols += ["PL_DISTANCE", "PL_LA", "PL_LOCATION"]
    return cols


TABLES_WRITTEN: Final = (HEADER, EPISODES, UASC, REVIEWS, OC2, OC3, AD1, MISSING, SW_EPISODES)


def write_return(history: History, folder: Path, *, shuffle: random.Random | None = None) -> Path:
    """Write ``history`` into ``folder`` as one folder per collection year of CSV files.

    A year's file for a table is written only when the table has rows that year. With
    ``shuffle``, file names, column order and row order are randomised.
    """
    for y in history.years():
        out = folder / str(y)
        out.mkdir(parents=True, exist_ok=True)
        tables = year_rows(history, y)
        for n, spec in enumerate(TABLES_WRITTEN):
            rows = list(tables.get(spec.name, []))
            if not rows:
                continue
            cols = _columns(spec, history)
            name = f"{spec.key}.csv"
            if shuffle is not None:
                shuffle.shuffle(cols)
                shuffle.shuffle(rows)
                name = f"{shuffle.choice(('x', 'file', 'Export '))}{shuffle.randrange(10**6)}_{n}" + (
                    shuffle.choice((".csv", ".CSV"))
                )
            with (out / name).open("w", newline="", encoding="utf-8") as f:
                w = csv.writer(f)
                w.writerow(cols)
                w.writerows([r.get(c, "") for c in cols] for r in rows)
    return folder
