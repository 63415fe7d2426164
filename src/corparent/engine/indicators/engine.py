"""The indicator engine: one DuckDB computation of every declared indicator for a reference date.

For each cohort the indicators need, the engine builds the cohort table once and then computes all
of that cohort's indicators, for every breakdown, in a single GROUPING SETS query.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from corparent.engine.indicators import intervals
from corparent.engine.indicators.catalogue import Catalogue, Indicator, builtin_catalogue
from corparent.engine.indicators.cohorts import COHORTS, build_order, builder
from corparent.engine.indicators.cohorts.base import Context, build_base, build_working_days, minus_years
from corparent.engine.indicators.result import ALL, Result, Unit
from corparent.engine.ssda903.model import Return, collection_year_end, collection_year_of

Progress = Callable[[str, int, int], None]
_run_ids = itertools.count(1)


@dataclass
class Scorecard:
    """Every figure for one reference date, with notes on what was left out and why."""

    reference_date: date
    period_start: date
    results: list[Result]
    catalogue_version: str
    notes: list[str] = field(default_factory=list)
    snapshot: str | None = None

    def headline(self, indicator: str) -> Result:
        for r in self.results:
            if r.indicator == indicator and r.is_headline:
                return r
        raise KeyError(f"no headline figure for {indicator!r}")

    def rows(self, indicator: str, breakdown: str | None = None) -> list[Result]:
        return [
            r
            for r in self.results
            if r.indicator == indicator and (breakdown is None or r.breakdown == breakdown)
        ]


def annual_reference_date(reference_date: date) -> date:
    """OC2 and OC3 are annual: the end of the latest collection year ending on or before R."""
    year = collection_year_of(reference_date)
    end = collection_year_end(year)
    return end if end <= reference_date else collection_year_end(year - 1)


def _available(ind: Indicator, ret: Return, population: float | None) -> str | None:
    """Why an indicator cannot be computed from this return, or None when it can."""
    for req in ind.requires:
        table, _, column = req.partition(".")
        if not ret.has(table, column or None):
            what = f"{column} column in {table}" if column else f"{table} table"
            return f"{ind.id}: left out because the return has no {what}"
    if ind.uses_population and not population:
        return f"{ind.id}: left out because no population aged 0-17 was supplied"
    return None


def _aggregates(k: int, ind: Indicator) -> list[str]:
    num, den = ind.numerator, ind.denominator or "true"
    if ind.unit is Unit.COUNT:
        expr = f"coalesce(sum({ind.sum}), 0)" if ind.sum else f"coalesce(count_if(({num})), 0)"
        return [f"{expr} AS n{k}"]
    if ind.unit is Unit.PER_10K:
        return [f"coalesce(count_if(({num})), 0) AS n{k}"]
    if ind.unit is Unit.PERCENT:
        return [
            f"coalesce(count_if(({den}) AND ({num})), 0) AS n{k}",
            f"coalesce(count_if(({den})), 0) AS d{k}",
        ]
    m = ind.measure
    return [
        f"sum(({m})) FILTER (WHERE ({den})) AS n{k}",
        f"count(({m})) FILTER (WHERE ({den})) AS d{k}",
        f"stddev_samp(({m})) FILTER (WHERE ({den})) AS sd{k}",
    ]


def _figure(ind: Indicator, row: dict[str, Any], k: int, population: float | None) -> dict[str, Any]:
    n = row[f"n{k}"]
    if ind.unit is Unit.COUNT:
        return {"numerator": float(n), "denominator": None, "value": float(n)}
    if ind.unit is Unit.PER_10K:
        assert population
        lo, hi = intervals.poisson_rate(int(n), population)
        return {"numerator": float(n), "denominator": float(population), "value": n / population * 10_000,
                "lower": lo, "upper": hi}  # fmt: skip
    d = row[f"d{k}"]
    if not d:
        return {"numerator": float(n or 0), "denominator": float(d or 0), "value": None}
    if ind.unit is Unit.PERCENT:
        lo, hi = intervals.wilson(n, d)
        return {
            "numerator": float(n),
            "denominator": float(d),
            "value": 100.0 * n / d,
            "lower": lo,
            "upper": hi,
        }
    mean = float(n) / d
    sd = row[f"sd{k}"]
    bounds: intervals.MaybeInterval = intervals.NO_INTERVAL
    if sd is not None and not math.isnan(sd):
        bounds = intervals.t_mean(mean, float(sd), int(d))
    return {
        "numerator": float(n),
        "denominator": float(d),
        "value": mean,
        "lower": bounds[0],
        "upper": bounds[1],
    }


class _Run:
    """One reference date's cohorts, built in their own schema and dropped afterwards."""

    def __init__(self, ret: Return, reference_date: date) -> None:
        self.con = ret.con
        self.ctx = Context(
            schema=f"calc_{next(_run_ids)}",
            reference_date=reference_date,
            has_sw_episodes=ret.has("SWEpisodes"),
        )
        self.built: set[str] = set()

    def __enter__(self) -> _Run:
        self.con.execute(f"CREATE SCHEMA {self.ctx.schema}")
        build_base(self.con, self.ctx)
        first = self.con.execute(f"SELECT min(decom) FROM {self.ctx.t('ep')}").fetchone()
        earliest = first[0] if first and first[0] else self.ctx.reference_date
        start = min(earliest, minus_years(self.ctx.reference_date, 4)) - timedelta(days=7)
        build_working_days(self.con, self.ctx, start, self.ctx.reference_date + timedelta(days=400))
        return self

    def __exit__(self, *exc: object) -> None:
        self.con.execute(f"DROP SCHEMA IF EXISTS {self.ctx.schema} CASCADE")

    def ensure(self, cohort: str) -> None:
        for name in build_order({cohort}):
            if name not in self.built:
                builder(name)(self.con, self.ctx)
                self.built.add(name)

    def compute(self, cohort: str, inds: Sequence[Indicator], population: float | None) -> list[Result]:
        self.ensure(cohort)
        breakdowns = sorted({b for i in inds for b in i.breakdowns})
        aggs = ", ".join(a for k, ind in enumerate(inds) for a in _aggregates(k, ind))
        sets = ", ".join(["()"] + [f"({b})" for b in breakdowns])
        cols = ", ".join(breakdowns) + ", " if breakdowns else ""
        sql = (
            f"SELECT {cols}count(*) AS units, {aggs} FROM {self.ctx.t(cohort)} "
            f"GROUP BY GROUPING SETS ({sets})"
        )
        cur = self.con.execute(sql)
        names = [d[0] for d in cur.description]
        rows = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
        ctx = self.ctx
        out: list[Result] = []
        for row in rows:
            grouped = [b for b in breakdowns if row[b] is not None]
            breakdown, group = (grouped[0], row[grouped[0]]) if grouped else (ALL, ALL)
            for k, ind in enumerate(inds):
                if breakdown != ALL and breakdown not in ind.breakdowns:
                    continue
                fig = _figure(ind, row, k, population)
                if breakdown != ALL and fig["value"] is None:
                    continue  # a group with nobody in this indicator's denominator
                out.append(
                    Result(
                        indicator=ind.id,
                        title=ind.title,
                        reference_date=ctx.reference_date,
                        period_start=ctx.period_start,
                        period_end=ctx.reference_date,
                        breakdown=breakdown,
                        group=str(group),
                        unit=ind.unit,
                        definition_version=ind.version,
                        **fig,
                    )
                )
        return out


def _order(results: list[Result], catalogue: Catalogue) -> list[Result]:
    position = {ind_id: n for n, ind_id in enumerate(catalogue.indicators)}
    return sorted(
        results,
        key=lambda r: (position[r.indicator], r.breakdown != ALL, r.breakdown, r.group),
    )


def compute(
    ret: Return,
    reference_date: date,
    *,
    population: float | None = None,
    indicators: Iterable[str] | None = None,
    catalogue: Catalogue | None = None,
    snapshot: str | None = None,
    progress: Progress | None = None,
) -> Scorecard:
    """Compute the catalogue's indicators (or the ``indicators`` named) for ``reference_date``.

    Refuses (``ValueError``) a return read leniently that holds dates that are not dates: there they
    are blank, and figures counted from them would be wrong without saying so."""
    if ret.malformed:
        raise ValueError(
            f"the return holds {ret.malformed} date(s) that are not valid dates (it was read for "
            "validation, with lenient_dates): correct them, or read it strictly, before computing figures"
        )
    cat = catalogue or builtin_catalogue()
    wanted = list(cat.indicators) if indicators is None else list(indicators)
    unknown = [i for i in wanted if i not in cat.indicators]
    if unknown:
        raise KeyError(f"unknown indicator(s): {', '.join(unknown)}")
    notes: list[str] = []
    chosen: list[Indicator] = []
    for ind_id in wanted:
        ind = cat[ind_id]
        why = _available(ind, ret, population)
        if why:
            notes.append(why)
        else:
            chosen.append(ind)

    annual_r = annual_reference_date(reference_date)
    by_date: dict[date, dict[str, list[Indicator]]] = {}
    for ind in chosen:
        r = annual_r if ind.annual else reference_date
        by_date.setdefault(r, {}).setdefault(ind.cohort, []).append(ind)
    if annual_r != reference_date and any(i.annual for i in chosen):
        notes.append(
            f"OC2 and OC3 are annual: their figures are for the year ending {annual_r.isoformat()}, "
            "the latest collection year ending on or before the reference date"
        )

    results: list[Result] = []
    total = sum(len(c) for c in by_date.values())
    done = 0
    for r, cohorts in sorted(by_date.items()):
        with _Run(ret, r) as run:
            for cohort in sorted(cohorts, key=lambda c: list(COHORTS).index(c)):
                results.extend(run.compute(cohort, cohorts[cohort], population))
                done += 1
                if progress:
                    progress(cohort, done, total)
    if snapshot:
        results = [replace(r, snapshot=snapshot) for r in results]
    return Scorecard(
        reference_date=reference_date,
        period_start=minus_years(reference_date, 1) + timedelta(days=1),
        results=_order(results, cat),
        catalogue_version=cat.version,
        notes=notes,
        snapshot=snapshot,
    )
