"""Writes for scrutiny reviews: the review and its members, meetings, recommendations, cabinet's
response (accepted, partly, rejected, with reasons) and the implementation tracker until closed."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from corparent.accounts.roles import Capability
from corparent.panels.models import Person
from corparent.strategy.models import Recommendation, RecommendationUpdate, ScrutinyMeeting, ScrutinyReview
from corparent.strategy.services._common import audited, require

R = Recommendation


def _raise(problems: dict[str, str]) -> None:
    if problems:
        raise ValidationError(problems)


def review_create(
    *,
    user: Any,
    title: str,
    committee: str,
    started_on: date | None,
    members: Iterable[Person] = (),
    findings: str = "",
    reported_on: date | None = None,
    request: HttpRequest | None = None,
) -> ScrutinyReview:
    require(user, Capability.MANAGE_SCRUTINY, "record scrutiny reviews")
    members = list(members)
    problems: dict[str, str] = {}
    if not title.strip():
        problems["title"] = "Enter what the review looked at."
    if not committee.strip():
        problems["committee"] = "Enter the scrutiny committee."
    if started_on is None:
        problems["started_on"] = "Enter the date the review started, for example 1/9/2025."
    if started_on and reported_on and reported_on < started_on:
        problems["reported_on"] = "The review cannot report before it started."
    not_councillors = [p.name for p in members if p.kind != Person.Kind.COUNCILLOR]
    if not_councillors:
        problems["members"] = f"Scrutiny members are councillors; not {', '.join(not_councillors)}."
    _raise(problems)
    with transaction.atomic():
        review = ScrutinyReview.objects.create(
            title=title.strip(),
            committee=committee.strip(),
            started_on=started_on,
            reported_on=reported_on,
            findings=findings.strip(),
        )
        review.members.set(members)
        audited(user=user, request=request, action="strategy.review.create", target=f"review:{review.pk}")
    return review


def review_meeting_add(
    *,
    user: Any,
    review: ScrutinyReview,
    held_on: date | None,
    purpose: str = "",
    request: HttpRequest | None = None,
) -> ScrutinyMeeting:
    require(user, Capability.MANAGE_SCRUTINY, "record scrutiny meetings")
    if held_on is None:
        raise ValidationError({"held_on": "Enter the date of the meeting, for example 14/10/2025."})
    with transaction.atomic():
        meeting = ScrutinyMeeting.objects.create(review=review, held_on=held_on, purpose=purpose.strip())
        audited(user=user, request=request, action="strategy.review.meeting", target=f"review:{review.pk}")
    return meeting


def recommendation_add(
    *, user: Any, review: ScrutinyReview, text: str, request: HttpRequest | None = None
) -> Recommendation:
    require(user, Capability.MANAGE_SCRUTINY, "record recommendations")
    if not text.strip():
        raise ValidationError({"text": "Enter the recommendation."})
    with transaction.atomic():
        number = (
            review.recommendations.order_by("-number").values_list("number", flat=True).first() or 0
        ) + 1
        recommendation = R.objects.create(review=review, number=number, text=text.strip())
        audited(
            user=user,
            request=request,
            action="strategy.recommendation.create",
            target=f"recommendation:{recommendation.pk}",
        )
    return recommendation


def recommendation_respond(
    *,
    user: Any,
    recommendation: Recommendation,
    response: str,
    reason: str,
    responded_on: date | None,
    request: HttpRequest | None = None,
) -> Recommendation:
    """Cabinet's response. A rejected recommendation is closed then and there (nothing to implement);
    accepted or partly accepted ones stay open on the tracker."""
    require(user, Capability.MANAGE_SCRUTINY, "record cabinet's response")
    problems: dict[str, str] = {}
    if response not in (R.Response.ACCEPTED, R.Response.PARTLY, R.Response.REJECTED):
        problems["response"] = "Choose cabinet's response: accepted, partly accepted or rejected."
    if not reason.strip():
        problems["reason"] = "Enter cabinet's reasons."
    if responded_on is None:
        problems["responded_on"] = "Enter the date of cabinet's response, for example 9/12/2025."
    _raise(problems)
    with transaction.atomic():
        recommendation.response = response
        recommendation.response_reason = reason.strip()
        recommendation.responded_on = responded_on
        if response == R.Response.REJECTED:
            recommendation.status = R.Status.CLOSED
            recommendation.closed_on = responded_on
        recommendation.save(
            update_fields=["response", "response_reason", "responded_on", "status", "closed_on"]
        )
        audited(
            user=user,
            request=request,
            action="strategy.recommendation.respond",
            target=f"recommendation:{recommendation.pk}",
            detail={"response": response},
        )
    return recommendation


def recommendation_track(
    *,
    user: Any,
    recommendation: Recommendation,
    text: str,
    status: str,
    today: date | None = None,
    request: HttpRequest | None = None,
) -> RecommendationUpdate:
    """An implementation update; closing dates the recommendation, reopening clears that."""
    require(user, Capability.MANAGE_SCRUTINY, "update the implementation tracker")
    problems: dict[str, str] = {}
    if recommendation.response == R.Response.AWAITING:
        problems["text"] = "Record cabinet's response before tracking implementation."
    elif recommendation.response == R.Response.REJECTED:
        problems["text"] = "Cabinet rejected this recommendation: there is nothing to implement."
    elif not text.strip():
        problems["text"] = "Enter what has been done."
    if status not in R.Status.values:
        problems["status"] = f"Choose a status: expected one of {', '.join(R.Status.values)}."
    _raise(problems)
    day = today or timezone.localdate()
    with transaction.atomic():
        update = RecommendationUpdate.objects.create(
            recommendation=recommendation, text=text.strip(), status=status, by=user
        )
        recommendation.status = status
        recommendation.closed_on = (recommendation.closed_on or day) if status == R.Status.CLOSED else None
        recommendation.save(update_fields=["status", "closed_on"])
        audited(
            user=user,
            request=request,
            action="strategy.recommendation.track",
            target=f"recommendation:{recommendation.pk}",
            detail={"status": status},
        )
    return update
