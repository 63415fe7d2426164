"""The cohorts indicators are computed over, registered by name.

A cohort is a table with one row per unit (a child, or a review) built for one reference date,
with the breakdown columns it can offer and the columns indicators' SQL may use.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

import duckdb

from corparent.engine.indicators.cohorts import cla, flows, outcomes
from corparent.engine.indicators.cohorts.base import BREAKDOWNS, Context

Builder = Callable[[duckdb.DuckDBPyConnection, Context], None]


@dataclass(frozen=True)
class Cohort:
    name: str
    description: str
    breakdowns: tuple[str, ...]
    build: Builder
    depends: tuple[str, ...] = ()
    annual: bool = False  # computed at the end of the latest collection year ending on or before R
    unit: str = "child"


_CHILD_AT_R = BREAKDOWNS

# Internal steps that cohorts depend on (built once per reference date).
STEPS: Final[dict[str, tuple[Builder, tuple[str, ...]]]] = {
    "open_at_r": (cla.build_open_episode, ()),
    "review_timeliness": (cla.build_review_timeliness, ("open_at_r",)),
}

COHORTS: Final[dict[str, Cohort]] = {
    c.name: c
    for c in (
        Cohort(
            "cla",
            "Children looked after at R (not on a short break), one row per child",
            _CHILD_AT_R,
            cla.build_cla,
            depends=("open_at_r", "review_timeliness"),
        ),
        Cohort(
            "in_period",
            "Children looked after at any time in the period (not short breaks), with missing incidents",
            _CHILD_AT_R,
            flows.build_in_period,
        ),
        Cohort(
            "short_breaks_only",
            "Children whose every episode in the period was a short break",
            ("age_band", "sex", "ethnicity_group", "uasc"),
            flows.build_short_breaks_only,
        ),
        Cohort(
            "starts", "Children who started to be looked after in the period", _CHILD_AT_R, flows.build_starts
        ),
        Cohort(
            "ceases",
            "Children who ceased to be looked after in the period, with the reason and adoption timings",
            _CHILD_AT_R,
            flows.build_ceases_year,
        ),
        Cohort(
            "ceases_3yr",
            "Children who ceased to be looked after in the three years ending on R",
            _CHILD_AT_R,
            flows.build_ceases_3yr,
        ),
        Cohort(
            "oc2",
            "Children looked after continuously for 12 months (OC2 cohort)",
            _CHILD_AT_R,
            outcomes.build_oc2,
            depends=("cla",),
            annual=True,
        ),
        Cohort(
            "oc3",
            "Care leavers aged 17 to 21 (OC3 cohort)",
            ("sex", "ethnicity_group"),
            outcomes.build_oc3,
            annual=True,
        ),
        Cohort(
            "reviews",
            "Reviews held in the period, one row per review",
            ("age_band", "sex", "ethnicity_group"),
            outcomes.build_reviews,
            unit="review",
        ),
    )
}

assert all(set(c.breakdowns) <= set(BREAKDOWNS) for c in COHORTS.values())


def build_order(names: set[str]) -> list[str]:
    """Steps and cohorts needed for ``names``, dependencies first."""
    order: list[str] = []

    def visit(name: str) -> None:
        if name in order:
            return
        deps = COHORTS[name].depends if name in COHORTS else STEPS[name][1]
        for d in deps:
            visit(d)
        order.append(name)

    for n in sorted(names):
        visit(n)
    return order


def builder(name: str) -> Builder:
    return COHORTS[name].build if name in COHORTS else STEPS[name][0]
