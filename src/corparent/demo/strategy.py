"""The demo council's corporate parenting strategy: priorities mapped to the principles, an action
plan (council services and a partner), progress, consultation with the Children in Care Council,
approval; a scrutiny review with cabinet's responses and the tracker; decisions' implications.
Synthetic and idempotent: nothing is added when the demo strategy is there already."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from corparent.accounts.models import Organisation, User
from corparent.accounts.roles import Role
from corparent.panels.models import Person
from corparent.strategy.models import (
    Consultation,
    Decision,
    Milestone,
    PlanItem,
    Priority,
    ProgressUpdate,
    Recommendation,
    RecommendationUpdate,
    ScrutinyMeeting,
    ScrutinyReview,
    Strategy,
)

TITLE = "Northshire corporate parenting strategy 2025 to 2028 (synthetic)"

# (title, description, principles, items: (title, owner service or None for the partner, rag,
#  narrative, indicator ids, target, milestones: (title, months from start, met)))
PRIORITIES = [
    (
        "A stable home and people who stay",
        "Fewer moves, and children living near their school, friends and family.",
        ["a", "f"],
        [
            (
                "Recruit 30 more foster carers in Northshire",
                "Fostering service",
                "amber",
                "18 new carers approved so far; the autumn campaign is behind plan.",
                ["placements_3plus_pct", "placed_outside_la_pct"],
                "30 new fostering households by March 2027",
                [
                    ("Campaign launched", 2, True),
                    ("15 households approved", 12, True),
                    ("30 approved", 24, False),
                ],
            ),
            (
                "Keep social workers with the same children",
                "Children's social care",
                "green",
                "Caseloads down to 16 on average; agency staff halved.",
                ["sw_changes_3plus_pct"],
                "Fewer than 10% of children with 3 or more social workers in a year",
                [("Recruitment and retention offer agreed", 3, True)],
            ),
        ],
    ),
    (
        "Healthy in body and mind",
        "Health assessments on time and quick help with emotional health.",
        ["a", "d"],
        [
            (
                "Health assessments within 20 working days of coming into care",
                None,
                "red",
                "Only 6 in 10 initial assessments on time; a second paediatric clinic starts in spring.",
                ["health_assessment_pct", "sdq_completion_pct"],
                "95% of annual health assessments done",
                [("Second clinic open", 6, False)],
            ),
        ],
    ),
    (
        "Heard, and making a difference",
        "Children's views shape their plans and the council's services.",
        ["b", "c"],
        [
            (
                "Every child takes part in their review in the way they choose",
                "Independent reviewing service",
                "green",
                "Advocacy offered before every review; participation is up to 93%.",
                ["review_participation_pct"],
                "95% of reviews with the child taking part",
                [],
            ),
        ],
    ),
    (
        "Ready for adult life",
        "Care leavers in work, education or training, and in a home that suits them.",
        ["e", "g"],
        [
            (
                "Guaranteed apprenticeships with the council for care leavers",
                "Leaving care service",
                "amber",
                "12 apprenticeships ring-fenced; 7 filled.",
                ["cl_19_21_eet_pct", "cl_19_21_suitable_accom_pct"],
                "60% of care leavers aged 19 to 21 in education, employment or training",
                [("Scheme launched", 4, True), ("20 placements", 18, False)],
            ),
        ],
    ),
]


def _month(start: dt.date, months: int) -> dt.date:
    year, month = divmod(start.month - 1 + months, 12)
    return dt.date(start.year + year, month + 1, min(start.day, 28))


def demo_strategy_seed(*, people: dict[Role, User], today: dt.date | None = None) -> dict[str, int]:
    """Seed the demo strategy (nothing when it is there already); returns what was created, by kind."""
    if Strategy.objects.filter(title=TITLE).exists():
        return {"strategies": 0, "plan_items": 0, "reviews": 0, "decisions": 0}
    with transaction.atomic():
        return _seed(people=people, today=today or timezone.localdate())


def _seed(*, people: dict[Role, User], today: dt.date) -> dict[str, int]:
    officer = people[Role.OFFICER]
    partner_user = people[Role.PARTNER]
    partner = (
        partner_user.organisation
        or Organisation.objects.get_or_create(
            name="Northshire Integrated Care Board (synthetic)", defaults={"kind": "health"}
        )[0]
    )
    start = dt.date(today.year if today.month >= 4 else today.year - 1, 4, 1)
    strategy = Strategy.objects.create(
        title=TITLE,
        period_start=start,
        period_end=dt.date(start.year + 3, 3, 31),
        summary="Our promises to the children we look after and our care leavers, written with them.",
        status=Strategy.Status.APPROVED,
        approved_on=start - dt.timedelta(days=20),
        approved_by="Cabinet",
        approval_note="Approved with the Children in Care Council's changes.",
    )
    Consultation.objects.create(
        strategy=strategy,
        consulted="Children in Care Council",
        held_on=start - dt.timedelta(days=75),
        responses="Priorities felt far from daily life; asked to keep the same social worker.",
        what_changed="Added the action on keeping social workers with the same children; plainer words.",
    )
    Consultation.objects.create(
        strategy=strategy,
        consulted="Care leavers' forum",
        held_on=start - dt.timedelta(days=60),
        responses="Asked for jobs with the council, not just advice.",
        what_changed="Added guaranteed apprenticeships.",
    )
    items = 0
    for order, (title, description, principles, plan) in enumerate(PRIORITIES, start=1):
        priority = Priority.objects.create(
            strategy=strategy, order=order, title=title, description=description, principles=principles
        )
        for item_title, service, rag, narrative, indicators, target, milestones in plan:
            item = PlanItem.objects.create(
                priority=priority,
                title=item_title,
                owner_service=service or "",
                owner_organisation=None if service else partner,
                due_date=dt.date(start.year + 2, 3, 31),
                rag=rag,
                rag_narrative=narrative,
                indicator_ids=indicators,
                target=target,
            )
            items += 1
            ProgressUpdate.objects.create(
                item=item,
                text=narrative,
                evidence="Quarterly performance report to the Corporate Parenting Panel.",
                rag=rag,
                by=partner_user if not service else officer,
            )
            for m_title, months, met in milestones:
                due = _month(start, months)
                Milestone.objects.create(item=item, title=m_title, due_date=due, done_on=due if met else None)
    _scrutiny(officer=officer, today=today)
    Decision.objects.create(
        title="Closing the Birch Lane youth centre",
        decided_on=today - dt.timedelta(days=40),
        decision_maker="Cabinet",
        principles=["b", "d", "g"],
        considered_by="Director of Children's Services and the Children in Care Council",
        implications="The Children in Care Council meets at the centre; 14 care leavers use its drop-in.",
        outcome="Closure agreed; the forum and drop-in move to the library hub with free travel passes.",
        recorded_by=officer,
    )
    Decision.objects.create(
        title="Council tax exemption for care leavers to age 25",
        decided_on=today - dt.timedelta(days=120),
        decision_maker="Full Council",
        principles=["a", "e", "g"],
        considered_by="Corporate Parenting Panel",
        implications="Helps care leavers manage money as they start living on their own.",
        outcome="Exemption agreed from 1 April.",
        recorded_by=officer,
    )
    return {"strategies": 1, "plan_items": items, "reviews": 1, "decisions": 2}


def _scrutiny(*, officer: User, today: dt.date) -> None:
    started = today - dt.timedelta(days=200)
    review = ScrutinyReview.objects.create(
        title="Placements outside Northshire",
        committee="Children and Young People Scrutiny Committee",
        started_on=started,
        reported_on=started + dt.timedelta(days=90),
        findings=(
            "One child in four lives more than 20 miles from home, mostly in private children's homes; "
            "moves are often made in a crisis, without the child meeting the carers first."
        ),
    )
    review.members.set(Person.objects.filter(kind=Person.Kind.COUNCILLOR).order_by("name")[:3])
    meetings = ((0, "Scoping"), (30, "Evidence from the fostering service"), (60, "Young people"))
    for days, purpose in meetings:
        ScrutinyMeeting.objects.create(
            review=review, held_on=started + dt.timedelta(days=days), purpose=purpose
        )
    responded = started + dt.timedelta(days=120)
    recs = [
        (
            "Open two small council children's homes in Northshire.",
            "accepted",
            "Funding agreed.",
            "in_progress",
        ),
        (
            "Every child meets new carers before moving, except in an emergency.",
            "accepted",
            "Agreed.",
            "closed",
        ),
        ("Pay foster carers the highest rate in the region.", "partly", "A 5% rise, not to the top.", "open"),
        (
            "Stop all placements more than 20 miles away.",
            "rejected",
            "Some children must be far to be safe.",
            "closed",
        ),
    ]
    for number, (text, response, reason, status) in enumerate(recs, start=1):
        rec = Recommendation.objects.create(
            review=review,
            number=number,
            text=text,
            response=response,
            response_reason=reason,
            responded_on=responded,
            status=status,
            closed_on=responded + dt.timedelta(days=30) if status == "closed" else None,
        )
        if response != "rejected" and status != "open":
            RecommendationUpdate.objects.create(
                recommendation=rec,
                text="Introductions policy in place." if status == "closed" else "First home bought.",
                status=status,
                by=officer,
            )
