"""Reads for scrutiny reviews and the implementation tracker."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from corparent.strategy.models import Recommendation, RecommendationUpdate, ScrutinyReview


def review_list() -> QuerySet[ScrutinyReview]:
    return ScrutinyReview.objects.annotate(
        recommendation_count=Count("recommendations", distinct=True),
        open_count=Count(
            "recommendations",
            filter=~Q(recommendations__status=Recommendation.Status.CLOSED),
            distinct=True,
        ),
    )


def review_get(*, scrutiny_review_id: int) -> ScrutinyReview:
    return ScrutinyReview.objects.prefetch_related("members", "meetings").get(pk=scrutiny_review_id)


def review_recommendations(*, review: ScrutinyReview) -> QuerySet[Recommendation]:
    return review.recommendations.prefetch_related("updates__by")


def recommendation_get(*, recommendation_id: int) -> Recommendation:
    return Recommendation.objects.select_related("review").get(pk=recommendation_id)


def recommendation_updates(*, recommendation: Recommendation) -> QuerySet[RecommendationUpdate]:
    return recommendation.updates.select_related("by")


def tracker() -> QuerySet[Recommendation]:
    """Every accepted or partly accepted recommendation not yet closed, oldest review first."""
    return (
        Recommendation.objects.filter(
            response__in=[Recommendation.Response.ACCEPTED, Recommendation.Response.PARTLY]
        )
        .exclude(status=Recommendation.Status.CLOSED)
        .select_related("review")
        .order_by("review__started_on", "review_id", "number")
    )
