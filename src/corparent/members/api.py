"""The members API: councillors' tiers, training sessions and completions (and completion by tier),
Member Champions and their reports, homes, visits and the actions they raise.

Read with VIEW_MEMBERS; each write asks for its own capability (as the pages do) and goes through the
same services, so the same rules apply: a councillor records only visits they made. A refused change
is a 400 with the reason per field (403 when the role may not make it), and changes nothing."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.urls import path
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from corparent.accounts.permissions import HasCapability
from corparent.accounts.roles import Capability
from corparent.members import selectors, services
from corparent.members.models import (
    Champion,
    ChampionReport,
    Home,
    Tier,
    TrainingCompletion,
    TrainingSession,
    Visit,
    VisitAction,
)
from corparent.panels.models import Person


def _refused(error: DjangoValidationError) -> ValidationError:
    if hasattr(error, "error_dict"):
        return ValidationError(dict(error.message_dict.items()))
    return ValidationError({"non_field_errors": error.messages})


class _Members:
    permission_classes = [HasCapability]
    required_capability = Capability.VIEW_MEMBERS


class _Writes(_Members):
    """List with VIEW_MEMBERS; POST parses `input_serializer` and calls `create_with`."""

    input_serializer: type[serializers.Serializer]

    def create_with(self, user: Any, data: dict[str, Any]) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = self.input_serializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            obj = self.create_with(request.user, data.validated_data)
        except DjangoValidationError as e:
            raise _refused(e) from e
        return Response(self.get_serializer(obj).data, status=status.HTTP_201_CREATED)


_councillors = serializers.PrimaryKeyRelatedField(queryset=Person.objects.all())


class CouncillorSerializer(serializers.ModelSerializer):
    tier = serializers.SerializerMethodField()
    role_title = serializers.SerializerMethodField()
    political_group = serializers.CharField(source="political_group.name", default="", read_only=True)

    class Meta:
        model = Person
        fields = ["id", "name", "ward", "political_group", "tier", "role_title"]

    def get_tier(self, obj: Person) -> str:
        return selectors.tier_value(obj)

    def get_role_title(self, obj: Person) -> str:
        assignment = selectors.tier_of(obj)
        return assignment.role_title if assignment else ""


class CouncillorTierInput(serializers.Serializer):
    tier = serializers.ChoiceField(choices=Tier.choices)
    role_title = serializers.CharField(required=False, allow_blank=True, default="")


class TrainingSessionSerializer(serializers.ModelSerializer):
    class Meta:
        model = TrainingSession
        fields = ["id", "title", "date", "tier", "mandatory", "description", "principles"]


class TrainingCompletionSerializer(serializers.ModelSerializer):
    class Meta:
        model = TrainingCompletion
        fields = ["id", "session", "person", "how", "completed_on"]


class TrainingCompletionInput(serializers.Serializer):
    session = serializers.PrimaryKeyRelatedField(queryset=TrainingSession.objects.all())
    person = _councillors
    how = serializers.ChoiceField(choices=TrainingCompletion.How.choices)
    completed_on = serializers.DateField()


class TierCompletionSerializer(serializers.Serializer):
    tier = serializers.CharField()
    councillors = serializers.IntegerField()
    required = serializers.IntegerField()
    done = serializers.IntegerField()
    fully_trained = serializers.IntegerField()
    percent = serializers.IntegerField(allow_null=True)


class ChampionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Champion
        fields = ["id", "person", "portfolio", "started_on", "ended_on", "targets"]
        read_only_fields = ["ended_on"]


class ChampionReportSerializer(serializers.ModelSerializer):
    class Meta:
        model = ChampionReport
        fields = ["id", "champion", "title", "reported_on", "summary"]


class ChildrensHomeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Home
        fields = ["id", "name", "provider", "ofsted_urn"]


class VisitActionSerializer(serializers.ModelSerializer):
    class Meta:
        model = VisitAction
        fields = ["id", "visit", "description", "owner", "due_date", "status"]
        read_only_fields = ["status"]


class VisitSerializer(serializers.ModelSerializer):
    visitors = serializers.PrimaryKeyRelatedField(many=True, queryset=Person.objects.all())
    actions = VisitActionSerializer(many=True, read_only=True)

    class Meta:
        model = Visit
        fields = ["id", "home", "visited_on", "visitors", "report", "actions"]


class VisitActionStatusInput(serializers.Serializer):
    status = serializers.ChoiceField(choices=VisitAction.Status.choices)


class CouncillorList(_Members, generics.ListAPIView):
    serializer_class = CouncillorSerializer

    def get_queryset(self) -> Any:
        return selectors.councillors()


class CouncillorTier(_Members, generics.GenericAPIView):
    serializer_class = CouncillorSerializer
    write_capability = Capability.MANAGE_MEMBERS

    @extend_schema(request=CouncillorTierInput, responses=CouncillorSerializer)
    def put(self, request: Request, person_id: int) -> Response:
        try:
            person = selectors.councillor_get(person_id=person_id)
        except Person.DoesNotExist as exc:
            raise Http404("There is no councillor with that number.") from exc
        data = CouncillorTierInput(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            services.tier_assign(user=request.user, person=person, **data.validated_data)
        except DjangoValidationError as e:
            raise _refused(e) from e
        return Response(CouncillorSerializer(selectors.councillor_get(person_id=person_id)).data)


class SessionList(_Writes, generics.ListAPIView):
    serializer_class = input_serializer = TrainingSessionSerializer
    write_capability = Capability.MANAGE_MEMBERS

    def get_queryset(self) -> Any:
        return selectors.sessions()

    def create_with(self, user: Any, data: dict[str, Any]) -> Any:
        return services.training_session_create(user=user, **data)


class CompletionList(_Writes, generics.ListAPIView):
    serializer_class = TrainingCompletionSerializer
    input_serializer = TrainingCompletionInput
    write_capability = Capability.MANAGE_MEMBERS

    def get_queryset(self) -> Any:
        return selectors.training_completions()

    def create_with(self, user: Any, data: dict[str, Any]) -> Any:
        return services.training_completion_record(user=user, **data)


class CompletionByTier(_Members, generics.GenericAPIView):
    serializer_class = TierCompletionSerializer

    def get(self, request: Request) -> Response:
        rows = selectors.completion_by_tier(today=timezone.localdate())
        return Response(TierCompletionSerializer(rows, many=True).data)


class ChampionList(_Writes, generics.ListAPIView):
    serializer_class = input_serializer = ChampionSerializer
    write_capability = Capability.MANAGE_MEMBERS

    def get_queryset(self) -> Any:
        return selectors.champions(current_only=False)

    def create_with(self, user: Any, data: dict[str, Any]) -> Any:
        return services.champion_create(user=user, **data)


class ChampionEndInput(serializers.Serializer):
    ended_on = serializers.DateField()


class ChampionEnd(_Members, generics.GenericAPIView):
    serializer_class = ChampionSerializer
    write_capability = Capability.MANAGE_MEMBERS

    @extend_schema(request=ChampionEndInput, responses=ChampionSerializer)
    def post(self, request: Request, champion_id: int) -> Response:
        try:
            champion = selectors.champion_get(champion_id=champion_id)
        except Champion.DoesNotExist as exc:
            raise Http404("There is no champion with that number.") from exc
        data = ChampionEndInput(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            champion = services.champion_end(user=request.user, champion=champion, **data.validated_data)
        except DjangoValidationError as e:
            raise _refused(e) from e
        return Response(ChampionSerializer(champion).data)


class ChampionReportList(_Writes, generics.ListAPIView):
    serializer_class = input_serializer = ChampionReportSerializer
    write_capability = Capability.MANAGE_MEMBERS

    def get_queryset(self) -> Any:
        return selectors.champion_reports()

    def create_with(self, user: Any, data: dict[str, Any]) -> Any:
        return services.champion_report_create(user=user, **data)


class HomeList(_Writes, generics.ListAPIView):
    serializer_class = input_serializer = ChildrensHomeSerializer
    write_capability = Capability.MANAGE_MEMBERS

    def get_queryset(self) -> Any:
        return selectors.homes()

    def create_with(self, user: Any, data: dict[str, Any]) -> Any:
        return services.home_create(user=user, **data)


class VisitList(_Writes, generics.ListAPIView):
    serializer_class = input_serializer = VisitSerializer
    write_capability = Capability.RECORD_VISITS

    def get_queryset(self) -> Any:
        return selectors.visits()

    def create_with(self, user: Any, data: dict[str, Any]) -> Any:
        return services.visit_record(user=user, **data)


class VisitActionList(_Writes, generics.GenericAPIView):
    serializer_class = input_serializer = VisitActionSerializer
    write_capability = Capability.RECORD_VISITS

    def create_with(self, user: Any, data: dict[str, Any]) -> Any:
        return services.visit_action_create(user=user, **data)


class VisitActionStatus(_Members, generics.GenericAPIView):
    serializer_class = VisitActionSerializer
    write_capability = Capability.RECORD_VISITS

    @extend_schema(request=VisitActionStatusInput, responses=VisitActionSerializer)
    def patch(self, request: Request, visit_action_id: int) -> Response:
        try:
            action = selectors.visit_action_get(action_id=visit_action_id)
        except VisitAction.DoesNotExist as exc:
            raise Http404("There is no visit action with that number.") from exc
        data = VisitActionStatusInput(data=request.data)
        data.is_valid(raise_exception=True)
        action = services.visit_action_update(user=request.user, action=action, **data.validated_data)
        return Response(VisitActionSerializer(action).data)


api_patterns = [
    path("members/councillors/", CouncillorList.as_view(), name="councillors"),
    path("members/councillors/<int:person_id>/tier/", CouncillorTier.as_view(), name="councillor-tier"),
    path("members/training-sessions/", SessionList.as_view(), name="sessions"),
    path("members/training-completions/", CompletionList.as_view(), name="completions"),
    path("members/training-completion-by-tier/", CompletionByTier.as_view(), name="completion-by-tier"),
    path("members/champions/", ChampionList.as_view(), name="champions"),
    path("members/champions/<int:champion_id>/end/", ChampionEnd.as_view(), name="champion-end"),
    path("members/champion-reports/", ChampionReportList.as_view(), name="champion-reports"),
    path("members/homes/", HomeList.as_view(), name="homes"),
    path("members/visits/", VisitList.as_view(), name="visits"),
    path("members/visit-actions/", VisitActionList.as_view(), name="visit-actions"),
    path("members/visit-actions/<int:visit_action_id>/", VisitActionStatus.as_view(), name="visit-action"),
]
