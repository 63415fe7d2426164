"""The local measures' JSON API: the measures a person works on, their values by period, and
submitting a value (a partner: only for its own organisation's measures; 403 otherwise)."""

from __future__ import annotations

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

from corparent.accounts.permissions import HasCapability
from corparent.accounts.roles import Capability
from corparent.measures import selectors, services
from corparent.measures.models import Measure, MeasureValue


class MeasureSerializer(serializers.ModelSerializer):
    owner = serializers.CharField(source="owner_name", read_only=True)
    indicator_id = serializers.CharField(read_only=True)

    class Meta:
        model = Measure
        fields = [
            "id",
            "slug",
            "indicator_id",
            "title",
            "meaning",
            "unit",
            "polarity",
            "frequency",
            "owner",
            "source",
            "numerator_label",
            "denominator_label",
            "first_period",
            "due_days",
        ]


class ValueSerializer(serializers.ModelSerializer):
    entered_by = serializers.CharField(source="entered_by.username", read_only=True)

    class Meta:
        model = MeasureValue
        fields = [
            "period_start",
            "period_end",
            "version",
            "numerator",
            "denominator",
            "value",
            "note",
            "source",
            "entered_by",
            "entered_at",
        ]
        read_only_fields = ["period_end", "version", "source", "entered_by", "entered_at"]
        extra_kwargs = {"value": {"required": False, "allow_null": True}}


class MeasureList(generics.ListAPIView):
    """The local measures you work on (a partner: its organisation's)."""

    permission_classes = [IsAuthenticated, HasCapability]
    required_capability = Capability.SUBMIT_MEASURE_VALUES
    serializer_class = MeasureSerializer
    pagination_class = None

    def get_queryset(self) -> Any:
        return selectors.measures_for(user=self.request.user)


class ValueList(generics.ListCreateAPIView):
    """A measure's value for each period (the latest version); POST enters or corrects one."""

    permission_classes = [IsAuthenticated, HasCapability]
    required_capability = Capability.SUBMIT_MEASURE_VALUES
    serializer_class = ValueSerializer
    pagination_class = None

    def _measure(self) -> Measure:
        measure = selectors.measure_get(measure_id=self.kwargs["measure_id"])
        if measure is None:
            raise Http404("There is no local measure with that number.")
        if not self.request.user.can(Capability.MANAGE_MEASURES) and not selectors.may_submit(
            user=self.request.user, measure=measure
        ):
            raise PermissionDenied(f"{measure.title} belongs to {measure.owner_name}.")
        return measure

    def get_queryset(self) -> Any:
        measure = self._measure()
        current = selectors.current_values(measures=[measure]).get(measure.pk, {})
        return sorted(current.values(), key=lambda v: v.period_start)

    @extend_schema(responses={201: ValueSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        measure = self._measure()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            row = services.measure_value_submit(
                user=request.user,
                request=request._request,
                measure=measure,
                period_start=data["period_start"],
                numerator=data.get("numerator"),
                denominator=data.get("denominator"),
                value=data.get("value"),
                note=data.get("note", ""),
                source=MeasureValue.Source.API,
            )
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error)) from None
        except DjangoValidationError as error:
            raise ValidationError(
                error.message_dict if hasattr(error, "error_dict") else error.messages
            ) from None
        if row is None:
            row = selectors.current_values(measures=[measure])[measure.pk][data["period_start"]]
            return Response(ValueSerializer(row).data, status=status.HTTP_200_OK)
        return Response(ValueSerializer(row).data, status=status.HTTP_201_CREATED)


api_patterns = [
    path("measures/", MeasureList.as_view(), name="measure-list"),
    path("measures/<int:measure_id>/values/", ValueList.as_view(), name="value-list"),
]
