"""The strategy API, plan half: strategies with priorities, the action plan and its progress (a
partner only on its own organisation's items), and decisions' corporate parenting implications."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from corparent.accounts.roles import Capability
from corparent.strategy.api._common import _refused, _Strategy
from corparent.strategy.models import (
    Consultation,
    Decision,
    Milestone,
    PlanItem,
    Priority,
    ProgressUpdate,
    Rag,
    Strategy,
)
from corparent.strategy.principles import CHOICES
from corparent.strategy.selectors import plan as plan_selectors
from corparent.strategy.services import plan as plan_services


class MilestoneSerializer(serializers.ModelSerializer):
    class Meta:
        model = Milestone
        fields = ["id", "title", "due_date", "done_on"]


class ProgressUpdateSerializer(serializers.ModelSerializer):
    by = serializers.CharField(source="by.username", read_only=True)

    class Meta:
        model = ProgressUpdate
        fields = ["id", "text", "evidence", "evidence_url", "rag", "by", "at"]
        read_only_fields = ["id", "by", "at"]


class ProgressInSerializer(serializers.Serializer):
    text = serializers.CharField(allow_blank=True)
    rag = serializers.ChoiceField(choices=Rag.choices)
    evidence = serializers.CharField(required=False, allow_blank=True, default="")
    evidence_url = serializers.CharField(required=False, allow_blank=True, default="")


class PlanItemSerializer(serializers.ModelSerializer):
    owner_organisation = serializers.CharField(source="owner_organisation.name", default=None, read_only=True)
    milestones = MilestoneSerializer(many=True, read_only=True)
    principles = serializers.ListField(
        source="priority.principles", child=serializers.CharField(), read_only=True
    )

    class Meta:
        model = PlanItem
        fields = [
            "id",
            "priority",
            "title",
            "description",
            "owner_service",
            "owner_organisation",
            "due_date",
            "rag",
            "rag_narrative",
            "indicator_ids",
            "target",
            "principles",
            "milestones",
        ]


class PlanItemDetailSerializer(PlanItemSerializer):
    updates = ProgressUpdateSerializer(many=True, read_only=True)

    class Meta(PlanItemSerializer.Meta):
        fields = [*PlanItemSerializer.Meta.fields, "updates"]


class PrioritySerializer(serializers.ModelSerializer):
    items = PlanItemSerializer(many=True, read_only=True)

    class Meta:
        model = Priority
        fields = ["id", "order", "title", "description", "principles", "items"]


class ConsultationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Consultation
        fields = ["id", "consulted", "held_on", "responses", "what_changed"]


class StrategySerializer(serializers.ModelSerializer):
    class Meta:
        model = Strategy
        fields = [
            "id",
            "title",
            "period_start",
            "period_end",
            "summary",
            "status",
            "approved_on",
            "approved_by",
        ]


class StrategyDetailSerializer(StrategySerializer):
    priorities = PrioritySerializer(many=True, read_only=True)
    consultations = ConsultationSerializer(many=True, read_only=True)

    class Meta(StrategySerializer.Meta):
        fields = [*StrategySerializer.Meta.fields, "approval_note", "priorities", "consultations"]


class DecisionSerializer(serializers.ModelSerializer):
    principles = serializers.ListField(child=serializers.ChoiceField(choices=CHOICES), allow_empty=True)

    class Meta:
        model = Decision
        fields = [
            "id",
            "title",
            "decided_on",
            "decision_maker",
            "principles",
            "considered_by",
            "implications",
            "outcome",
        ]
        read_only_fields = ["id"]
        extra_kwargs = {
            name: {"allow_blank": True} for name in ("title", "decision_maker", "considered_by")
        } | {
            "implications": {"allow_blank": True},
            "outcome": {"allow_blank": True},
            "decided_on": {"allow_null": True},
        }


class StrategyList(_Strategy, generics.ListAPIView):
    serializer_class = StrategySerializer

    def get_queryset(self) -> Any:
        return plan_selectors.strategy_list()


class StrategyDetail(_Strategy, generics.RetrieveAPIView):
    serializer_class = StrategyDetailSerializer
    queryset = Strategy.objects.prefetch_related("priorities__items__milestones", "consultations")
    lookup_url_kwarg = "strategy_id"


class PlanItemList(_Strategy, generics.ListAPIView):
    serializer_class = PlanItemSerializer

    def get_queryset(self) -> Any:
        return plan_selectors.item_list().prefetch_related("milestones")


class PlanItemDetail(_Strategy, generics.RetrieveAPIView):
    serializer_class = PlanItemDetailSerializer
    queryset = PlanItem.objects.select_related("priority", "owner_organisation")
    lookup_url_kwarg = "plan_item_id"


class PlanItemUpdates(_Strategy, generics.GenericAPIView):
    """POST progress (text, RAG, evidence). A partner may update only its own organisation's items."""

    write_capability = Capability.UPDATE_PLAN_ACTIONS
    serializer_class = ProgressInSerializer
    queryset = PlanItem.objects.all()
    lookup_url_kwarg = "plan_item_id"

    @extend_schema(request=ProgressInSerializer, responses={201: PlanItemDetailSerializer})
    def post(self, request: Request, plan_item_id: int) -> Response:
        item = plan_selectors.item_get(plan_item_id=self.get_object().pk)
        given = ProgressInSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        try:
            plan_services.plan_item_update(
                user=request.user, item=item, request=request, **given.validated_data
            )
        except DjangoValidationError as e:
            raise _refused(e) from e
        return Response(
            PlanItemDetailSerializer(plan_selectors.item_get(plan_item_id=item.pk)).data,
            status=status.HTTP_201_CREATED,
        )


class DecisionList(_Strategy, generics.ListCreateAPIView):
    """Decisions' corporate parenting implications, newest first; POST records one."""

    write_capability = Capability.MANAGE_STRATEGY
    serializer_class = DecisionSerializer

    def get_queryset(self) -> Any:
        return plan_selectors.decision_list()

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        given = DecisionSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        try:
            decision = plan_services.decision_record(
                user=request.user, request=request, **given.validated_data
            )
        except DjangoValidationError as e:
            raise _refused(e) from e
        return Response(DecisionSerializer(decision).data, status=status.HTTP_201_CREATED)


plan_api_patterns = [
    path("strategy/strategies/", StrategyList.as_view(), name="strategies"),
    path("strategy/strategies/<int:strategy_id>/", StrategyDetail.as_view(), name="strategy"),
    path("strategy/plan-items/", PlanItemList.as_view(), name="plan-items"),
    path("strategy/plan-items/<int:plan_item_id>/", PlanItemDetail.as_view(), name="plan-item"),
    path(
        "strategy/plan-items/<int:plan_item_id>/updates/", PlanItemUpdates.as_view(), name="plan-item-updates"
    ),
    path("strategy/decisions/", DecisionList.as_view(), name="decisions"),
]
