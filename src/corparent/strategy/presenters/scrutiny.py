"""What the scrutiny pages show."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from corparent.strategy.models import Recommendation, ScrutinyReview
from corparent.strategy.presenters.common import Tag, day

RESPONSE_CSS = {
    "awaiting": "govuk-tag--grey",
    "accepted": "govuk-tag--green",
    "partly": "govuk-tag--yellow",
    "rejected": "govuk-tag--red",
}
STATUS_CSS = {"open": "govuk-tag--grey", "in_progress": "govuk-tag--blue", "closed": "govuk-tag--green"}


@dataclass(frozen=True)
class ReviewRow:
    id: int
    title: str
    committee: str
    started: str
    reported: str
    recommendations: int
    open: int
    url: str


def review_rows(reviews: Any) -> list[ReviewRow]:
    return [
        ReviewRow(
            r.pk,
            r.title,
            r.committee,
            day(r.started_on),
            day(r.reported_on, "Not yet reported"),
            r.recommendation_count,
            r.open_count,
            reverse("strategy:review", kwargs={"scrutiny_review_id": r.pk}),
        )
        for r in reviews
    ]


@dataclass(frozen=True)
class RecommendationRow:
    id: int
    number: int
    text: str
    response: Tag
    reason: str
    responded: str
    status: Tag
    closed: str
    latest: str
    url: str
    review: str


def recommendation_row(r: Recommendation) -> RecommendationRow:
    updates = list(r.updates.all())
    return RecommendationRow(
        id=r.pk,
        number=r.number,
        text=r.text,
        response=Tag(r.get_response_display(), RESPONSE_CSS[r.response]),
        reason=r.response_reason,
        responded=day(r.responded_on),
        status=Tag(r.get_status_display(), STATUS_CSS[r.status]),
        closed=day(r.closed_on),
        latest=updates[-1].text if updates else "",
        url=reverse("strategy:recommendation", kwargs={"recommendation_id": r.pk}),
        review=r.review.title,
    )


@dataclass(frozen=True)
class ReviewPage:
    review: ScrutinyReview
    started: str
    reported: str
    members: list[str]
    meetings: list[tuple[str, str]]
    recommendations: list[RecommendationRow]


def review_page(*, review: ScrutinyReview, recommendations: Any) -> ReviewPage:
    return ReviewPage(
        review=review,
        started=day(review.started_on),
        reported=day(review.reported_on, "Not yet reported"),
        members=[p.name for p in review.members.all()],
        meetings=[(day(m.held_on), m.purpose) for m in review.meetings.all()],
        recommendations=[recommendation_row(r) for r in recommendations],
    )


@dataclass(frozen=True)
class TrackerUpdateRow:
    text: str
    status: Tag
    by: str
    at: str


def tracker_updates(updates: Any) -> list[TrackerUpdateRow]:
    return [
        TrackerUpdateRow(
            u.text,
            Tag(u.get_status_display(), STATUS_CSS[u.status]),
            u.by.get_full_name() or u.by.username,
            day(u.at.date()),
        )
        for u in updates
    ]
