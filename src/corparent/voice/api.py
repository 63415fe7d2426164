"""The voice area's JSON API: forums and sessions, issues (raise; answer and publish), the published
"you said, we did", the Pledge with ratings (rate), the local offer, and aggregate survey results and
complaints counts (suppressed as on the pages)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from corparent.accounts.permissions import HasCapability
from corparent.accounts.roles import Capability
from corparent.voice import selectors, services
from corparent.voice.models import Forum, Issue, LocalOffer, OfferEntry, Promise, Rating, Session

C = Capability


class VoiceForumSerializer(serializers.ModelSerializer):
    class Meta:
        model = Forum
        fields = ["id", "name", "kind", "description"]


class VoiceSessionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Session
        fields = ["id", "forum", "held_on", "title", "notes"]


class VoiceIssueSerializer(serializers.ModelSerializer):
    class Meta:
        model = Issue
        fields = [
            "id",
            "forum",
            "session",
            "you_said",
            "raised_on",
            "owner",
            "status",
            "we_did",
            "answered_on",
            "published_on",
        ]


class VoiceRaiseSerializer(serializers.Serializer):
    session = serializers.PrimaryKeyRelatedField(queryset=Session.objects.all())
    you_said = serializers.CharField()


class VoiceAnswerSerializer(serializers.Serializer):
    owner = serializers.CharField()
    status = serializers.ChoiceField(choices=Issue.Status.choices)
    we_did = serializers.CharField(allow_blank=True, required=False, default="")
    publish = serializers.BooleanField(default=False)


class VoiceRatingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Rating
        fields = ["verdict", "comment", "rated_on", "session"]
        read_only_fields = ["rated_on"]


class VoicePromiseSerializer(serializers.ModelSerializer):
    latest_rating = serializers.SerializerMethodField()

    class Meta:
        model = Promise
        fields = ["id", "number", "text", "owner", "evidence", "evidence_url", "principles", "latest_rating"]

    def get_latest_rating(self, obj: Promise) -> dict[str, Any] | None:
        latest = obj.ratings.first()
        return VoiceRatingSerializer(latest).data if latest else None


class VoiceOfferEntrySerializer(serializers.ModelSerializer):
    class Meta:
        model = OfferEntry
        fields = ["area", "title", "description", "basis"]


class VoiceOfferSerializer(serializers.ModelSerializer):
    entries = VoiceOfferEntrySerializer(many=True, read_only=True)

    class Meta:
        model = LocalOffer
        fields = ["version", "consulted_from", "consulted_to", "consultation", "published_on", "entries"]


def _errors(error: DjangoValidationError) -> ValidationError:
    return ValidationError(error.message_dict if hasattr(error, "error_dict") else error.messages)


class _Base:
    permission_classes = [IsAuthenticated, HasCapability]
    required_capability = C.VIEW_VOICE
    pagination_class = None


class ForumList(_Base, generics.ListAPIView):
    """The forums young people meet in."""

    serializer_class = VoiceForumSerializer
    queryset = Forum.objects.order_by("name")


class SessionList(_Base, generics.ListAPIView):
    """A forum's sessions, newest first."""

    serializer_class = VoiceSessionSerializer

    def get_queryset(self) -> Any:
        return Session.objects.filter(forum_id=self.kwargs["forum_id"]).order_by("-held_on", "-id")


class IssueList(_Base, generics.ListCreateAPIView):
    """Issues raised; POST raises one at a session (young people's representatives, participation
    workers)."""

    serializer_class = VoiceIssueSerializer

    def get_queryset(self) -> Any:
        return Issue.objects.order_by("-raised_on", "-id")

    @extend_schema(request=VoiceRaiseSerializer, responses={201: VoiceIssueSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = VoiceRaiseSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            issue = services.issue_raise(user=request.user, request=request._request, **data.validated_data)
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error)) from None
        except DjangoValidationError as error:
            raise _errors(error) from None
        return Response(VoiceIssueSerializer(issue).data, status=status.HTTP_201_CREATED)


class IssueAnswer(_Base, APIView):
    """Answer an issue ("we did") and publish it (participation workers)."""

    write_capability = C.MANAGE_VOICE

    @extend_schema(request=VoiceAnswerSerializer, responses={200: VoiceIssueSerializer})
    def post(self, request: Request, issue_id: int) -> Response:
        issue = selectors.issue_get(issue_id=issue_id)
        if issue is None:
            raise Http404("There is no issue with that number.")
        data = VoiceAnswerSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            issue = services.issue_answer(
                user=request.user, request=request._request, issue=issue, **data.validated_data
            )
        except DjangoValidationError as error:
            raise _errors(error) from None
        return Response(VoiceIssueSerializer(issue).data)


class YouSaidWeDid(_Base, generics.ListAPIView):
    """The published "you said, we did" items."""

    serializer_class = VoiceIssueSerializer

    def get_queryset(self) -> Any:
        return selectors.issues_published()


class PromiseList(_Base, generics.ListAPIView):
    """The Pledge: each promise with its evidence and young people's latest rating."""

    serializer_class = VoicePromiseSerializer

    def get_queryset(self) -> Any:
        return Promise.objects.prefetch_related("ratings").order_by("number")


class PromiseRate(_Base, APIView):
    """Rate a promise: kept, partly or not kept (young people's representatives)."""

    write_capability = C.SPEAK_IN_VOICE

    @extend_schema(request=VoiceRatingSerializer, responses={201: VoiceRatingSerializer})
    def post(self, request: Request, promise_id: int) -> Response:
        promise = selectors.promise_get(promise_id=promise_id)
        if promise is None:
            raise Http404("There is no promise with that number.")
        data = VoiceRatingSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            rating = services.promise_rate(
                user=request.user, request=request._request, promise=promise, **data.validated_data
            )
        except DjangoValidationError as error:
            raise _errors(error) from None
        return Response(VoiceRatingSerializer(rating).data, status=status.HTTP_201_CREATED)


class OfferList(_Base, generics.ListAPIView):
    """Every version of the local offer for care leavers, newest first, with its entries."""

    serializer_class = VoiceOfferSerializer

    def get_queryset(self) -> Any:
        return LocalOffer.objects.prefetch_related("entries").order_by("-version")


class VoiceSurveyRowSerializer(serializers.Serializer):
    survey = serializers.CharField()
    year = serializers.IntegerField()
    domain = serializers.CharField()
    respondents = serializers.IntegerField(allow_null=True)
    positive = serializers.IntegerField(allow_null=True)
    percent = serializers.FloatField(allow_null=True)


class VoiceFeedbackRowSerializer(serializers.Serializer):
    quarter_start = serializers.DateField()
    kind = serializers.CharField()
    theme = serializers.CharField()
    count = serializers.IntegerField(allow_null=True, help_text="null: 1 to 5, hidden")


class SurveyResults(_Base, APIView):
    """Aggregate survey results; counts from 1 to 5 are null unless you may see small numbers."""

    @extend_schema(responses={200: VoiceSurveyRowSerializer(many=True)})
    def get(self, request: Request) -> Response:
        return Response([asdict(r) for r in selectors.survey_rows(user=request.user)])


class Feedback(_Base, APIView):
    """Complaints and compliments by quarter and theme; counts from 1 to 5 are null unless you may
    see small numbers."""

    @extend_schema(responses={200: VoiceFeedbackRowSerializer(many=True)})
    def get(self, request: Request) -> Response:
        return Response(
            VoiceFeedbackRowSerializer(selectors.feedback_rows(user=request.user), many=True).data
        )


api_patterns = [
    path("voice/forums/", ForumList.as_view(), name="forum-list"),
    path("voice/forums/<int:forum_id>/sessions/", SessionList.as_view(), name="session-list"),
    path("voice/issues/", IssueList.as_view(), name="issue-list"),
    path("voice/issues/<int:issue_id>/answer/", IssueAnswer.as_view(), name="issue-answer"),
    path("voice/you-said-we-did/", YouSaidWeDid.as_view(), name="you-said-we-did"),
    path("voice/pledge/", PromiseList.as_view(), name="promise-list"),
    path("voice/pledge/<int:promise_id>/rate/", PromiseRate.as_view(), name="promise-rate"),
    path("voice/local-offer/", OfferList.as_view(), name="offer-list"),
    path("voice/surveys/", SurveyResults.as_view(), name="survey-list"),
    path("voice/complaints-and-compliments/", Feedback.as_view(), name="feedback-list"),
]
