"""Seeding the demo council's voice area (synthetic): a Children in Care Council and a care leavers'
forum with three sessions each over the last year, issues raised and answered ("you said, we did",
most published, two still waiting), a six-promise Pledge with young people's ratings, a published
local offer (version 2) with entries in all six areas, two years of a wellbeing survey (one row
small enough to be hidden from members), and four quarters of complaints and compliments.

Idempotent: when the Children in Care Council is there already nothing is added. Dates are relative
to today. No child is named anywhere."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from corparent.accounts.models import User
from corparent.accounts.roles import Role
from corparent.voice import services
from corparent.voice.models import FeedbackCount, Forum, SurveyResult

CICC = "Northshire Children in Care Council (synthetic)"
LEAVERS = "Northshire Care Leavers' Forum (synthetic)"

ISSUES = [
    # forum, session index (0 oldest), you said, owner, status, we did, published
    (
        CICC,
        0,
        "We want to know who our social worker is when they change.",
        "Children in care service",
        "done",
        "Every child now gets a letter with a photo and phone number when their worker changes.",
        True,
    ),
    (
        CICC,
        0,
        "Pocket money is different in every home.",
        "Residential homes",
        "done",
        "We agreed one pocket money rate for all our homes, by age, from April.",
        True,
    ),
    (
        CICC,
        1,
        "Reviews are boring and too long.",
        "Independent reviewing officers",
        "in_progress",
        "Young people are helping to redesign reviews; the first new-style reviews start next term.",
        True,
    ),
    (CICC, 2, "We want wifi that works in every home.", "Residential homes", "raised", "", False),
    (
        LEAVERS,
        0,
        "Council tax is hard to pay when you first leave care.",
        "Revenues and benefits",
        "done",
        "Care leavers living in Northshire pay no council tax until they are 25.",
        True,
    ),
    (
        LEAVERS,
        1,
        "We don't know what the local offer says.",
        "Leaving care service",
        "done",
        "We rewrote the local offer with the forum and sent it to every care leaver.",
        True,
    ),
    (
        LEAVERS,
        2,
        "Help with the cost of driving lessons.",
        "Leaving care service",
        "not_possible",
        "We could not fund lessons for everyone this year; we will look again in the spring budget.",
        True,
    ),
    (LEAVERS, 2, "Drop-in sessions should be in the evening.", "Leaving care service", "raised", "", False),
]

PROMISES = [
    (
        "We will tell you who your social worker is and how to reach them.",
        "Children in care service",
        "Case file audit, 40 files: 37 had the letter on file.",
        "bd",
        ["kept", "partly"],
    ),
    (
        "We will listen to you and take what you say seriously.",
        "Participation team",
        "Twelve issues raised at forums this year; ten answered within three months.",
        "bc",
        ["partly"],
    ),
    (
        "We will help you keep in touch with your brothers and sisters.",
        "Children in care service",
        "Family time plans in place for siblings placed apart.",
        "f",
        ["not_kept", "partly"],
    ),
    (
        "We will make sure you have a good education and help you aim high.",
        "Virtual school",
        "Personal education plans reviewed every term.",
        "e",
        ["kept"],
    ),
    (
        "We will help you be healthy, in body and mind.",
        "Integrated care board",
        "Health assessments and a named nurse for every child in care.",
        "a",
        [],
    ),
    (
        "We will help you get ready for living on your own.",
        "Leaving care service",
        "Pathway plans started at 16; independence skills sessions every month.",
        "g",
        ["partly"],
    ),
]

OFFER = [
    (
        "health",
        "Free prescriptions and dental care up to 25",
        "We pay prescription and dental charges.",
        "discretionary",
    ),
    ("health", "Your health history", "A summary of your health history when you leave care.", "statutory"),
    (
        "relationships",
        "Keeping in touch",
        "Your personal adviser helps you keep in touch with people who matter.",
        "statutory",
    ),
    (
        "education",
        "Bursary for further and higher education",
        "A bursary of £2,000 for university.",
        "statutory",
    ),
    (
        "employment",
        "Apprenticeships at the council",
        "Guaranteed interviews for council apprenticeships.",
        "discretionary",
    ),
    ("accommodation", "Council tax exemption", "No council tax to pay until you are 25.", "discretionary"),
    ("accommodation", "Staying put", "You can stay with your foster carers up to 21.", "statutory"),
    (
        "participation",
        "Care leavers' forum",
        "Meet other care leavers and have your say every month.",
        "discretionary",
    ),
]

SURVEY = "Wellbeing survey (synthetic)"
WELLBEING = [
    ("I feel safe where I live", 0.86),
    ("I have a trusted adult", 0.9),
    ("I like school or college", 0.7),
]


def demo_voice_seed(*, people: dict[Role, User]) -> dict[str, int]:
    if Forum.objects.filter(name=CICC).exists():
        return {"forums": 0, "issues": 0, "promises": 0, "survey_results": 0, "feedback_counts": 0}
    officer, young = people[Role.OFFICER], people[Role.YOUNG_PERSON]
    today = timezone.localdate()
    with transaction.atomic():
        sessions = {}
        for name, kind in ((CICC, Forum.Kind.CHILDREN_IN_CARE_COUNCIL), (LEAVERS, Forum.Kind.CARE_LEAVERS)):
            forum = services.forum_create(
                user=officer,
                name=name,
                kind=kind,
                description="Young people meet with the participation worker.",
            )
            sessions[name] = [
                services.session_create(
                    user=officer,
                    forum=forum,
                    held_on=today - timedelta(days=days),
                    title=title,
                    notes="Pizza, games and a talk with the Head of Service.",
                )
                for days, title in (
                    (300, "Autumn get-together"),
                    (180, "Winter meeting"),
                    (40, "Summer meeting"),
                )
            ]
        issues = 0
        for name, index, said, owner, status, did, publish in ISSUES:
            session = sessions[name][index]
            issue = services.issue_raise(user=young, session=session, you_said=said)
            if did:
                services.issue_answer(
                    user=officer,
                    issue=issue,
                    owner=owner,
                    status=status,
                    we_did=did,
                    publish=publish,
                    on=session.held_on + timedelta(days=30),
                )
            issues += 1
        for number, (text, owner, evidence, letters, verdicts) in enumerate(PROMISES, start=1):
            promise = services.promise_create(
                user=officer, number=number, text=text, owner=owner, evidence=evidence, principles=letters
            )
            for n, verdict in enumerate(verdicts):
                session = sessions[CICC][n + 1]
                services.promise_rate(user=young, promise=promise, verdict=verdict, session=session)
        services.offer_create(
            user=officer,
            entries=[dict(area=a, title=t, description=d, basis=b) for a, t, d, b in OFFER[:5]],
            consultation="Care leavers' forum, 2 sessions.",
            published_on=today - timedelta(days=400),
        )
        services.offer_create(
            user=officer,
            entries=[dict(area=a, title=t, description=d, basis=b) for a, t, d, b in OFFER],
            consultation="Care leavers' forum (3 sessions) and an online survey: 41 replies. We added the "
            "council tax exemption and the forum itself after care leavers asked for them.",
            consulted_from=today - timedelta(days=160),
            consulted_to=today - timedelta(days=100),
            published_on=today - timedelta(days=60),
        )
        results = 0
        for year, respondents in ((today.year - 2, 74), (today.year - 1, 81)):
            for domain, share in WELLBEING:
                SurveyResult.objects.create(
                    survey=SURVEY,
                    year=year,
                    domain=domain,
                    respondents=respondents,
                    positive=round(respondents * share),
                )
                results += 1
        SurveyResult.objects.create(
            survey=SURVEY,
            year=today.year - 1,
            domain="I feel settled in my college",
            respondents=4,
            positive=3,
        )  # hidden from members: 4 and 3 are small
        feedback = 0
        this_quarter = today.year * 12 + 3 * ((today.month - 1) // 3)  # months since year 0
        for back in range(1, 5):
            index = this_quarter - 3 * back
            q = date(index // 12, index % 12 + 1, 1)
            for kind, theme, count in (
                ("complaint", "Contact with family", 7 + back),
                ("complaint", "Placement moves", 3),
                ("compliment", "Social worker", 12 + back),
                ("compliment", "Foster carers", 9),
            ):
                FeedbackCount.objects.create(quarter_start=q, kind=kind, theme=theme, count=count)
                feedback += 1
    return {
        "forums": 2,
        "issues": issues,
        "promises": len(PROMISES),
        "survey_results": results + 1,
        "feedback_counts": feedback,
    }
