"""The easy read page: a few headline figures in plain words, for children and young people."""

from __future__ import annotations

from dataclasses import dataclass

from corparent.engine.indicators.result import ALL
from corparent.engine.indicators.suppression import Audience
from corparent.returns.models import Snapshot
from corparent.scorecard import selectors


@dataclass(frozen=True)
class EasyFact:
    heading: str
    sentence: str
    england: str


# (indicator, heading, sentence with {n} = out of every 100 / the count)
EASY_READ: tuple[tuple[str, str, str], ...] = (
    ("cla", "Children in our care", "We look after {n} children and young people."),
    (
        "placed_foster_pct",
        "Living with foster carers",
        "Out of every 100 children in our care, {n} live with foster carers.",
    ),
    (
        "placements_3plus_pct",
        "Moving home",
        "Out of every 100 children in our care, {n} moved home 3 or more times this year.",
    ),
    (
        "health_assessment_pct",
        "Health checks",
        "Out of every 100 children who have been in our care for a year, {n} had a health check.",
    ),
    (
        "dental_check_pct",
        "Seeing a dentist",
        "Out of every 100 children who have been in our care for a year, {n} saw a dentist.",
    ),
    (
        "review_participation_pct",
        "Having your say",
        "Out of every 100 meetings about a young person's care plan, {n} had the young person taking part.",
    ),
    (
        "cl_19_21_eet_pct",
        "After care: school, college, training or work",
        "Out of every 100 young people aged 19 to 21 who left our care, {n} are in school, college, "
        "training or work.",
    ),
    (
        "cl_19_21_suitable_accom_pct",
        "After care: a good place to live",
        "Out of every 100 young people aged 19 to 21 who left our care, {n} live somewhere suitable.",
    ),
)
EASY_HIDDEN = (
    "We do not show this number because it is about very few young people, and we keep them private."
)


def easy_read(*, snapshot: Snapshot, audience: Audience) -> list[EasyFact]:
    series = selectors.headlines(
        selectors.snapshot_results(snapshot=snapshot, audience=audience, breakdown=ALL)
    )
    facts = []
    for ind_id, heading, sentence in EASY_READ:
        figure = selectors.current(series.get(ind_id, []), snapshot)
        if figure is None:
            continue
        if figure.suppressed or figure.value is None:
            facts.append(EasyFact(heading, EASY_HIDDEN, ""))
            continue
        england = ""
        found = selectors.comparison(indicator_id=ind_id, reference_date=figure.reference_date)
        if (
            ind_id != "cla"
            and found is not None
            and found.england is not None
            and found.england.value is not None
        ):
            england = f"Across England, it is {found.england.value:.0f} out of every 100."
        facts.append(EasyFact(heading, sentence.format(n=f"{figure.value:,.0f}"), england))
    return facts
