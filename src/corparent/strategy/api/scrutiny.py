"""The strategy API, scrutiny half: reviews, recommendations, cabinet's responses, the
implementation tracker; and the principles evidence from every registered provider."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from corparent.accounts.roles import Capability
from corparent.strategy import evidence
from corparent.strategy.api._common import _refused, _Strategy
from corparent.strategy.models import Recommendation, RecommendationUpdate, ScrutinyMeeting, ScrutinyReview
from corparent.strategy.principles import PRINCIPLES
from corparent.strategy.selectors import scrutiny as scrutiny_selectors
from corparent.strategy.services import scrutiny as scrutiny_services


class RecommendationUpdateSerializer(serializers.ModelSerializer):
    by = serializers.CharField(source="by.username", read_only=True)

    class Meta:
        model = RecommendationUpdate
        fields = ["id", "text", "status", "by", "at"]
        read_only_fields = ["id", "by", "at"]


class RecommendationSerializer(serializers.ModelSerializer):
    updates = RecommendationUpdateSerializer(many=True, read_only=True)

    class Meta:
        model = Recommendation
        fields = [
            "id",
            "review",
            "number",
            "text",
            "response",
            "response_reason",
            "responded_on",
            "status",
            "closed_on",
            "updates",
        ]


class ResponseInSerializer(serializers.Serializer):
    response = serializers.ChoiceField(choices=Recommendation.Response.choices)
    reason = serializers.CharField(allow_blank=True)
    responded_on = serializers.DateField(allow_null=True)


class TrackInSerializer(serializers.Serializer):
    text = serializers.CharField(allow_blank=True)
    status = serializers.ChoiceField(choices=Recommendation.Status.choices)


class ScrutinyMeetingSerializer(serializers.ModelSerializer):
    class Meta:
        model = ScrutinyMeeting
        fields = ["id", "held_on", "purpose"]


class ReviewSerializer(serializers.ModelSerializer):
    members = serializers.SlugRelatedField(many=True, read_only=True, slug_field="name")

    class Meta:
        model = ScrutinyReview
        fields = ["id", "title", "committee", "members", "started_on", "reported_on", "findings"]


class ReviewDetailSerializer(ReviewSerializer):
    meetings = ScrutinyMeetingSerializer(many=True, read_only=True)
    recommendations = RecommendationSerializer(many=True, read_only=True)

    class Meta(ReviewSerializer.Meta):
        fields = [*ReviewSerializer.Meta.fields, "meetings", "recommendations"]


class EvidenceSerializer(serializers.Serializer):
    principle = serializers.CharField()
    title = serializers.CharField()
    summary = serializers.CharField()
    url = serializers.CharField()
    source = serializers.CharField()
    when = serializers.DateField(allow_null=True)


class PrincipleEvidenceSerializer(serializers.Serializer):
    letter = serializers.CharField()
    short_name = serializers.CharField()
    statutory_text = serializers.CharField()
    evidence = EvidenceSerializer(many=True)


class ReviewList(_Strategy, generics.ListAPIView):
    serializer_class = ReviewSerializer

    def get_queryset(self) -> Any:
        return scrutiny_selectors.review_list().prefetch_related("members")


class ReviewDetail(_Strategy, generics.RetrieveAPIView):
    serializer_class = ReviewDetailSerializer
    queryset = ScrutinyReview.objects.prefetch_related("members", "meetings", "recommendations__updates__by")
    lookup_url_kwarg = "scrutiny_review_id"


class RecommendationDetail(_Strategy, generics.RetrieveAPIView):
    serializer_class = RecommendationSerializer
    queryset = Recommendation.objects.prefetch_related("updates__by")
    lookup_url_kwarg = "recommendation_id"


class Tracker(_Strategy, generics.ListAPIView):
    """Accepted and partly accepted recommendations not yet closed."""

    serializer_class = RecommendationSerializer

    def get_queryset(self) -> Any:
        return scrutiny_selectors.tracker().prefetch_related("updates__by")


class RecommendationResponse(_Strategy, generics.GenericAPIView):
    write_capability = Capability.MANAGE_SCRUTINY
    serializer_class = ResponseInSerializer
    queryset = Recommendation.objects.all()
    lookup_url_kwarg = "recommendation_id"

    @extend_schema(request=ResponseInSerializer, responses={200: RecommendationSerializer})
    def post(self, request: Request, recommendation_id: int) -> Response:
        recommendation = self.get_object()
        given = ResponseInSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        try:
            scrutiny_services.recommendation_respond(
                user=request.user,
                recommendation=recommendation,
                request=request,
                response=given.validated_data["response"],
                reason=given.validated_data["reason"],
                responded_on=given.validated_data["responded_on"],
            )
        except DjangoValidationError as e:
            raise _refused(e) from e
        return Response(RecommendationSerializer(recommendation).data)


class RecommendationUpdates(_Strategy, generics.GenericAPIView):
    write_capability = Capability.MANAGE_SCRUTINY
    serializer_class = TrackInSerializer
    queryset = Recommendation.objects.all()
    lookup_url_kwarg = "recommendation_id"

    @extend_schema(request=TrackInSerializer, responses={201: RecommendationSerializer})
    def post(self, request: Request, recommendation_id: int) -> Response:
        recommendation = self.get_object()
        given = TrackInSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        try:
            scrutiny_services.recommendation_track(
                user=request.user, recommendation=recommendation, request=request, **given.validated_data
            )
        except DjangoValidationError as e:
            raise _refused(e) from e
        return Response(RecommendationSerializer(recommendation).data, status=status.HTTP_201_CREATED)


class PrinciplesEvidence(_Strategy, APIView):
    """The seven principles, each with the evidence every app has registered for it."""

    @extend_schema(responses={200: PrincipleEvidenceSerializer(many=True)})
    def get(self, request: Request) -> Response:
        grouped = evidence.by_principle(evidence.gather())
        body = [
            {
                "letter": p.letter,
                "short_name": p.short_name,
                "statutory_text": p.statutory_text,
                "evidence": [asdict(e) for e in grouped[p.letter]],
            }
            for p in PRINCIPLES
        ]
        return Response(PrincipleEvidenceSerializer(body, many=True).data)


scrutiny_api_patterns = [
    path("strategy/scrutiny-reviews/", ReviewList.as_view(), name="reviews"),
    path("strategy/scrutiny-reviews/<int:scrutiny_review_id>/", ReviewDetail.as_view(), name="review"),
    path("strategy/recommendations/tracker/", Tracker.as_view(), name="tracker"),
    path(
        "strategy/recommendations/<int:recommendation_id>/",
        RecommendationDetail.as_view(),
        name="recommendation",
    ),
    path(
        "strategy/recommendations/<int:recommendation_id>/response/",
        RecommendationResponse.as_view(),
        name="recommendation-response",
    ),
    path(
        "strategy/recommendations/<int:recommendation_id>/updates/",
        RecommendationUpdates.as_view(),
        name="recommendation-updates",
    ),
    path("strategy/principles/", PrinciplesEvidence.as_view(), name="principles"),
]
