"""The scorecard's JSON API: indicator results (suppressed for everyone but analysts), targets and
commentary. Read for every role that may see the scorecard; write where the role allows."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.urls import path
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from corparent.accounts.permissions import HasCapability
from corparent.accounts.roles import Capability
from corparent.returns.models import Snapshot
from corparent.scorecard import selectors, services
from corparent.scorecard.models import Commentary, Target


class ResultSerializer(serializers.Serializer):
    indicator = serializers.CharField()
    title = serializers.CharField()
    reference_date = serializers.DateField()
    period_start = serializers.DateField()
    period_end = serializers.DateField()
    breakdown = serializers.CharField()
    group = serializers.CharField()
    numerator = serializers.FloatField(allow_null=True)
    denominator = serializers.FloatField(allow_null=True)
    value = serializers.FloatField(allow_null=True)
    unit = serializers.CharField()
    lower = serializers.FloatField(allow_null=True, help_text="95% interval, lower end")
    upper = serializers.FloatField(allow_null=True, help_text="95% interval, upper end")
    suppressed = serializers.BooleanField(help_text="true when the figure is hidden from you (small numbers)")
    definition_version = serializers.CharField()


class TargetSerializer(serializers.ModelSerializer):
    set_by = serializers.CharField(source="set_by.username", read_only=True)

    class Meta:
        model = Target
        fields = ["id", "indicator_id", "target", "amber_tolerance", "reason", "set_by", "set_at"]
        read_only_fields = ["id", "set_by", "set_at"]


class CommentarySerializer(serializers.ModelSerializer):
    snapshot = serializers.PrimaryKeyRelatedField(queryset=Snapshot.objects.all())
    author = serializers.CharField(source="author.username", read_only=True)
    by_when = serializers.DateField(allow_null=True, required=False)

    class Meta:
        model = Commentary
        fields = ["id", "snapshot", "indicator_id", "why", "action", "by_when", "author", "written_at"]
        read_only_fields = ["id", "author", "written_at"]


_INDICATOR = OpenApiParameter("indicator", OpenApiTypes.STR, description="only this indicator id, e.g. cla")
_BREAKDOWN = OpenApiParameter(
    "breakdown", OpenApiTypes.STR, description="only this breakdown, e.g. all or sex"
)
_REFERENCE = OpenApiParameter("reference_date", OpenApiTypes.DATE, description="only this reference date")


def _service_errors(error: DjangoValidationError) -> ValidationError:
    return ValidationError(error.message_dict if hasattr(error, "error_dict") else error.messages)


class ResultList(generics.ListAPIView):
    """Indicator results of a published snapshot (the latest when none is named). Figures resting
    on 1 to 5 children, and any that would reveal them, are blank with `suppressed` true for every
    role but analyst."""

    serializer_class = ResultSerializer
    permission_classes = [IsAuthenticated, HasCapability]
    required_capability = Capability.VIEW_SCORECARD

    def get_queryset(self) -> list[Any]:  # type: ignore[override]
        snapshot = selectors.snapshot_get(snapshot_id=self.kwargs.get("snapshot_id"))
        if snapshot is None:
            raise Http404("No published snapshot.")
        params = self.request.query_params
        reference_date = params.get("reference_date")
        if reference_date:
            try:
                reference_date = date.fromisoformat(reference_date)
            except ValueError as exc:
                raise ValidationError({"reference_date": "Give the date as YYYY-MM-DD."}) from exc
        return selectors.snapshot_results(
            snapshot=snapshot,
            audience=selectors.audience_for(self.request.user),
            indicator_id=params.get("indicator") or None,
            breakdown=params.get("breakdown") or None,
            reference_date=reference_date or None,
        )

    @extend_schema(parameters=[_INDICATOR, _BREAKDOWN, _REFERENCE])
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class TargetList(generics.ListCreateAPIView):
    """Targets: GET the current target for each indicator (or one indicator's history with
    ?indicator=); POST sets a new target (roles that may edit targets)."""

    serializer_class = TargetSerializer
    permission_classes = [IsAuthenticated, HasCapability]
    required_capability = Capability.VIEW_SCORECARD
    write_capability = Capability.EDIT_TARGETS

    def get_queryset(self) -> Any:
        indicator = self.request.query_params.get("indicator")
        if indicator:
            return selectors.target_history(indicator_id=indicator)
        return sorted(selectors.current_targets().values(), key=lambda t: t.indicator_id)

    @extend_schema(parameters=[_INDICATOR])
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            row = services.target_set(user=request.user, request=request, **serializer.validated_data)
        except DjangoValidationError as error:
            raise _service_errors(error) from error
        return Response(self.get_serializer(row).data, status=status.HTTP_201_CREATED)


class CommentaryList(generics.ListCreateAPIView):
    """Commentary on figures: GET (filter by ?snapshot= and ?indicator=); POST writes commentary
    (roles that may edit commentary). On a red or amber figure, why, action and by_when are all
    required."""

    serializer_class = CommentarySerializer
    permission_classes = [IsAuthenticated, HasCapability]
    required_capability = Capability.VIEW_SCORECARD
    write_capability = Capability.EDIT_COMMENTARY

    def get_queryset(self) -> Any:
        rows = Commentary.objects.select_related("author").order_by("indicator_id", "-written_at", "-id")
        params = self.request.query_params
        if params.get("snapshot"):
            try:
                rows = rows.filter(snapshot_id=int(params["snapshot"]))
            except ValueError as exc:
                raise ValidationError({"snapshot": "Give the snapshot's number."}) from exc
        if params.get("indicator"):
            rows = rows.filter(indicator_id=params["indicator"])
        return rows

    @extend_schema(
        parameters=[
            OpenApiParameter("snapshot", OpenApiTypes.INT, description="only this snapshot"),
            _INDICATOR,
        ]
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        data.setdefault("by_when", None)
        try:
            row = services.commentary_write(user=request.user, request=request, **data)
        except DjangoValidationError as error:
            raise _service_errors(error) from error
        return Response(self.get_serializer(row).data, status=status.HTTP_201_CREATED)


api_patterns = [
    path("results/", ResultList.as_view(), name="results"),
    path("snapshots/<int:snapshot_id>/results/", ResultList.as_view(), name="snapshot-results"),
    path("targets/", TargetList.as_view(), name="targets"),
    path("commentary/", CommentaryList.as_view(), name="commentary"),
]
