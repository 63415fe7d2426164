"""Scrutiny reviews: list and tracker, a review, its meetings and recommendations, cabinet's
response and the implementation updates. Thin: parse, call one service or selector, present, render."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from corparent.accounts.permissions import capability_required, has_capability
from corparent.accounts.roles import Capability
from corparent.strategy.forms.scrutiny import (
    RecommendationForm,
    ResponseForm,
    ReviewForm,
    ScrutinyMeetingForm,
    TrackForm,
)
from corparent.strategy.models import Recommendation
from corparent.strategy.presenters import scrutiny as present
from corparent.strategy.selectors import scrutiny as selectors
from corparent.strategy.services import scrutiny as services
from corparent.strategy.views._shared import form_page, get_or_404
from corparent.web.forms import form_submit

MANAGE = Capability.MANAGE_SCRUTINY


@require_GET
@capability_required(Capability.VIEW_STRATEGY)
def review_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "strategy/scrutiny.html",
        {
            "reviews": present.review_rows(selectors.review_list()),
            "tracker": [
                present.recommendation_row(r) for r in selectors.tracker().prefetch_related("updates")
            ],
            "can_manage": has_capability(request, MANAGE),
        },
    )


@require_http_methods(["GET", "POST"])
@capability_required(MANAGE)
def review_create(request: HttpRequest) -> HttpResponse:
    form = ReviewForm(request.POST or None)
    return form_submit(
        request,
        form=form,
        save=lambda data: services.review_create(user=request.user, request=request, **data),
        success=lambda review: (
            "Scrutiny review recorded.",
            redirect("strategy:review", scrutiny_review_id=review.pk),
        ),
        page=lambda: form_page(
            request,
            form=form,
            title="Record a scrutiny review",
            button="Record the review",
            back=reverse("strategy:scrutiny"),
        ),
    )


@require_GET
@capability_required(Capability.VIEW_STRATEGY)
def review_detail(request: HttpRequest, scrutiny_review_id: int) -> HttpResponse:
    review = get_or_404(selectors.review_get, "scrutiny review", scrutiny_review_id=scrutiny_review_id)
    page = present.review_page(review=review, recommendations=selectors.review_recommendations(review=review))
    return render(
        request, "strategy/review.html", {"page": page, "can_manage": has_capability(request, MANAGE)}
    )


@require_http_methods(["GET", "POST"])
@capability_required(MANAGE)
def review_meeting_create(request: HttpRequest, scrutiny_review_id: int) -> HttpResponse:
    review = get_or_404(selectors.review_get, "scrutiny review", scrutiny_review_id=scrutiny_review_id)
    form = ScrutinyMeetingForm(request.POST or None)
    return form_submit(
        request,
        form=form,
        save=lambda data: services.review_meeting_add(
            user=request.user, review=review, request=request, **data
        ),
        success=lambda _: ("Meeting added.", redirect("strategy:review", scrutiny_review_id=review.pk)),
        page=lambda: form_page(
            request,
            form=form,
            title="Add a review meeting",
            caption=review.title,
            button="Add the meeting",
            back=reverse("strategy:review", kwargs={"scrutiny_review_id": review.pk}),
        ),
    )


@require_http_methods(["GET", "POST"])
@capability_required(MANAGE)
def recommendation_create(request: HttpRequest, scrutiny_review_id: int) -> HttpResponse:
    review = get_or_404(selectors.review_get, "scrutiny review", scrutiny_review_id=scrutiny_review_id)
    form = RecommendationForm(request.POST or None)
    return form_submit(
        request,
        form=form,
        save=lambda data: services.recommendation_add(
            user=request.user, review=review, request=request, **data
        ),
        success=lambda _: (
            "Recommendation added.",
            redirect(
                reverse("strategy:review", kwargs={"scrutiny_review_id": review.pk}) + "#recommendations"
            ),
        ),
        page=lambda: form_page(
            request,
            form=form,
            title="Add a recommendation",
            caption=review.title,
            button="Add the recommendation",
            back=reverse("strategy:review", kwargs={"scrutiny_review_id": review.pk}),
        ),
    )


def _recommendation(recommendation_id: int) -> Recommendation:
    return get_or_404(selectors.recommendation_get, "recommendation", recommendation_id=recommendation_id)


def _recommendation_page(
    request: HttpRequest, recommendation: Recommendation, *, respond: Any = None, track: Any = None
) -> HttpResponse:
    can_manage = has_capability(request, MANAGE)
    if can_manage:
        respond = respond or ResponseForm(prefix="respond")
        track = track or TrackForm(prefix="track", initial={"status": recommendation.status})
    return render(
        request,
        "strategy/recommendation.html",
        {
            "rec": present.recommendation_row(recommendation),
            "review": recommendation.review,
            "updates": present.tracker_updates(
                selectors.recommendation_updates(recommendation=recommendation)
            ),
            "respond": respond if can_manage else None,
            "track": track if can_manage and recommendation.response in ("accepted", "partly") else None,
            "can_manage": can_manage,
        },
        status=422 if request.method == "POST" else 200,
    )


@require_GET
@capability_required(Capability.VIEW_STRATEGY)
def recommendation_detail(request: HttpRequest, recommendation_id: int) -> HttpResponse:
    return _recommendation_page(request, _recommendation(recommendation_id))


@require_POST
@capability_required(MANAGE)
def recommendation_respond(request: HttpRequest, recommendation_id: int) -> HttpResponse:
    recommendation = _recommendation(recommendation_id)
    form = ResponseForm(request.POST, prefix="respond")
    return form_submit(
        request,
        form=form,
        save=lambda data: services.recommendation_respond(
            user=request.user,
            recommendation=recommendation,
            request=request,
            response=data["response"],
            reason=data["reason"],
            responded_on=data["responded_on"],
        ),
        success=lambda _: (
            "Cabinet's response recorded.",
            redirect("strategy:recommendation", recommendation_id=recommendation.pk),
        ),
        page=lambda: _recommendation_page(request, recommendation, respond=form),
    )


@require_POST
@capability_required(MANAGE)
def recommendation_track(request: HttpRequest, recommendation_id: int) -> HttpResponse:
    recommendation = _recommendation(recommendation_id)
    form = TrackForm(request.POST, prefix="track")
    return form_submit(
        request,
        form=form,
        save=lambda data: services.recommendation_track(
            user=request.user, recommendation=recommendation, request=request, **data
        ),
        success=lambda _: (
            "Implementation update added.",
            redirect("strategy:recommendation", recommendation_id=recommendation.pk),
        ),
        page=lambda: _recommendation_page(request, recommendation, track=form),
    )
