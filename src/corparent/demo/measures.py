"""Seeding the demo council's local measures: a dozen figures panels ask for that the SSDA903 return
does not hold, owned by council teams, the health partner (the demo partner's organisation: the
designated nurse's integrated care board) and the virtual school, with two years of values.

Idempotent: when the first measure is there already nothing is added. Periods are relative to today,
so the demo always has two years of history; two partner measures have their newest period still to
come in (one due, one late, depending on the day), and one value has been corrected, so the history
shows. Values are made by a seeded random walk around a plausible level: the same every time."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from corparent.accounts.models import Organisation, User
from corparent.accounts.roles import Role
from corparent.measures import services
from corparent.measures.models import Measure, MeasureValue
from corparent.measures.periods import period_start_of, periods

VIRTUAL_SCHOOL = ("Northshire Virtual School (synthetic)", "education")  # the second demo partner's
HEALTH, SCHOOL = "health", "school"


@dataclass(frozen=True)
class Spec:
    title: str
    meaning: str
    unit: str
    polarity: str
    frequency: str
    owner: str  # HEALTH, SCHOOL or a council team's name
    source: str
    level: float  # the typical value (a percentage, a count or a number)
    size: int = 0  # the typical denominator, when the measure has one
    numerator_label: str = ""
    denominator_label: str = ""
    target: tuple[float, float] | None = None  # (target, amber tolerance)
    leave_last_empty: bool = False


SPECS: tuple[Spec, ...] = (
    # The first is the health partner's, so the demo partner has a measure of its own to open first.
    Spec(
        "Initial health assessments within 20 working days",
        "Of the children who came into care in the month, how many had their first health assessment "
        "(IHA) within 20 working days, as the statutory guidance expects.",
        "percent",
        "up",
        "monthly",
        HEALTH,
        "Looked-after children health team records",
        62,
        18,
        "assessments done within 20 working days",
        "children who came into care",
        target=(80, 10),
        leave_last_empty=True,
    ),
    Spec(
        "Review health assessments in date",
        "Of the children in care for a year or more, how many had their review health assessment on time.",
        "percent",
        "up",
        "quarterly",
        HEALTH,
        "Looked-after children health team records",
        88,
        290,
        "review health assessments in date",
        "children due a review health assessment",
        target=(90, 5),
    ),
    Spec(
        "Strengths and difficulties questionnaires returned",
        "Of the children aged 4 to 16 in care for a year, how many have a completed SDQ this year.",
        "percent",
        "up",
        "quarterly",
        HEALTH,
        "Looked-after children health team records",
        78,
        210,
        "questionnaires returned",
        "children aged 4 to 16 in care for a year",
    ),
    Spec(
        "Days from referral to a first mental health appointment",
        "The average number of days a child in care waited from referral to their first appointment "
        "with children's mental health services.",
        "days",
        "down",
        "quarterly",
        HEALTH,
        "Children's mental health service waiting list",
        54,
        target=(42, 7),
    ),
    Spec(
        "Personal education plans in date",
        "Of the children of school age in care, how many have a PEP reviewed this term.",
        "percent",
        "up",
        "quarterly",
        SCHOOL,
        "Virtual school PEP system",
        91,
        260,
        "PEPs in date",
        "children of school age in care",
        target=(95, 3),
    ),
    Spec(
        "School attendance of children in care",
        "Of the school sessions children in care could attend, how many they attended.",
        "percent",
        "up",
        "quarterly",
        SCHOOL,
        "Virtual school attendance feed",
        92.5,
        15600,
        "sessions attended",
        "possible sessions",
        target=(93, 2),
    ),
    Spec(
        "Children in care suspended from school",
        "How many children in care had one or more suspensions from school in the term.",
        "count",
        "down",
        "quarterly",
        SCHOOL,
        "Virtual school exclusions log",
        14,
        leave_last_empty=True,
    ),
    Spec(
        "Care leavers with a personal adviser",
        "Of the care leavers aged 18 to 21 we support, how many have a named PA.",
        "percent",
        "up",
        "monthly",
        "Leaving care service",
        "Case management system",
        96,
        160,
        "care leavers with a personal adviser",
        "care leavers aged 18 to 21",
        target=(100, 3),
    ),
    Spec(
        "Personal adviser caseload",
        "The average number of care leavers each PA supports at the end of the month.",
        "number",
        "down",
        "monthly",
        "Leaving care service",
        "Leaving care service caseload report",
        21,
        target=(20, 3),
    ),
    Spec(
        "Children seen alone on statutory visits",
        "Of the statutory visits in the month to children old enough, how many saw the child alone.",
        "percent",
        "up",
        "monthly",
        "Children in care service",
        "Case management system (visit records)",
        81,
        240,
        "visits where the child was seen alone",
        "statutory visits",
        target=(85, 5),
    ),
    Spec(
        "Pathway plans in date",
        "Of the care leavers and children aged 16 and over who need one, how many have a pathway plan "
        "reviewed in the last six months.",
        "percent",
        "up",
        "monthly",
        "Leaving care service",
        "Case management system",
        87,
        210,
        "pathway plans in date",
        "young people needing a pathway plan",
        target=(90, 5),
    ),
    Spec(
        "Return home interviews offered within 72 hours",
        "Of the times a child in care came back after being missing, how many were offered an RHI "
        "within 72 hours.",
        "percent",
        "up",
        "monthly",
        "Missing and exploitation team",
        "Missing episodes log",
        89,
        45,
        "interviews offered within 72 hours",
        "returns from a missing episode",
        target=(95, 5),
    ),
)


def _owner(spec: Spec, health: Organisation, school: Organisation) -> tuple[Organisation | None, str]:
    if spec.owner == HEALTH:
        return health, ""
    if spec.owner == SCHOOL:
        return school, ""
    return None, spec.owner


def _values(spec: Spec, rng: random.Random, count: int) -> list[tuple[float | None, float | None, float]]:
    """(numerator, denominator, value) for each period, oldest first: a gentle random walk."""
    made = []
    level = spec.level
    for _ in range(count):
        level += rng.uniform(-0.06, 0.06) * spec.level
        if spec.unit == "percent":
            level = min(max(level, spec.level - 15), 99.0)
            denominator = max(1, round(spec.size * rng.uniform(0.85, 1.15)))
            numerator = min(denominator, round(denominator * level / 100))
            made.append((float(numerator), float(denominator), numerator / denominator * 100))
        elif spec.unit == "count":
            made.append((None, None, float(max(0, round(level)))))
        else:
            made.append((None, None, round(max(level, 1.0), 1)))
    return made


def _entered_by(organisation: Organisation | None, officer: User, *partners: User | None) -> User:
    """A partner enters its own organisation's values; the officer enters the council teams'."""
    for partner in partners:
        if partner is not None and organisation is not None and partner.organisation_id == organisation.pk:
            return partner
    return officer


def demo_measures_seed(*, people: dict[Role, User]) -> dict[str, int]:
    """Add the demo's local measures and their values; {"measures": n, "values": n, "targets": n}."""
    if Measure.objects.filter(title=SPECS[0].title).exists():
        return {"measures": 0, "values": 0, "targets": 0}
    officer, partner = people[Role.OFFICER], people[Role.PARTNER]
    today = timezone.localdate()
    first = period_start_of(date(today.year - 2, today.month, 1), "monthly")
    rng = random.Random(903)
    made = {"measures": 0, "values": 0, "targets": 0}
    with transaction.atomic():
        health = (
            partner.organisation
            or Organisation.objects.get_or_create(
                name="Northshire Integrated Care Board (synthetic)", defaults={"kind": "health"}
            )[0]
        )
        school, _ = Organisation.objects.get_or_create(
            name=VIRTUAL_SCHOOL[0], defaults={"kind": VIRTUAL_SCHOOL[1]}
        )
        school_partner = User.objects.filter(role=Role.PARTNER, organisation=school).first()
        for spec in SPECS:
            organisation, team = _owner(spec, health, school)
            measure = services.measure_create(
                user=officer,
                title=spec.title,
                meaning=spec.meaning,
                unit=spec.unit,
                polarity=spec.polarity,
                frequency=spec.frequency,
                source=spec.source,
                first_period=first,
                owner_organisation=organisation,
                owner_team=team,
                numerator_label=spec.numerator_label,
                denominator_label=spec.denominator_label,
            )
            made["measures"] += 1
            ended = periods(first=measure.first_period, frequency=spec.frequency, due_days=20, today=today)
            if spec.leave_last_empty:
                ended = ended[:-1]
            who = _entered_by(organisation, officer, partner, school_partner)
            rows = [
                MeasureValue(
                    measure=measure,
                    period_start=p.start,
                    period_end=p.end,
                    numerator=n,
                    denominator=d,
                    value=v,
                    source=MeasureValue.Source.DEMO,
                    entered_by=who,
                )
                for p, (n, d, v) in zip(ended, _values(spec, rng, len(ended)), strict=True)
            ]
            MeasureValue.objects.bulk_create(rows)
            made["values"] += len(rows)
            if spec.target is not None:
                services.measure_target_set(
                    user=officer,
                    measure=measure,
                    target=spec.target[0],
                    amber_tolerance=spec.target[1],
                    reason="Demo target",
                )
                made["targets"] += 1
        # One correction, so a measure's history shows what changed, who changed it and when.
        visits = Measure.objects.get(title="Children seen alone on statutory visits")
        oldest = MeasureValue.objects.filter(measure=visits).order_by("period_start").first()
        if oldest is not None and oldest.numerator is not None and oldest.denominator is not None:
            services.measure_value_submit(
                user=officer,
                measure=visits,
                period_start=oldest.period_start,
                numerator=oldest.numerator + 3
                if oldest.numerator + 3 <= oldest.denominator
                else oldest.numerator - 3,
                denominator=oldest.denominator,
                note="Three visits recorded late in the case system",
                source=MeasureValue.Source.DEMO,
            )
            made["values"] += 1
    return made
