"""The comparators' JSON API: DfE's published education results of children looked after, by
academic year, for the council beside England, its region and its statistical neighbours' median.
Read-only, for every role that may see the scorecard (these are DfE's public, already suppressed
figures)."""

from __future__ import annotations

from typing import Any

from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from corparent.accounts.permissions import HasCapability
from corparent.accounts.roles import Capability
from corparent.comparators import selectors
from corparent.comparators.selectors import Comparator
from corparent.engine.benchmarks.education import academic_year, builtin_education


class FigureSerializer(serializers.Serializer):
    label = serializers.CharField(help_text="the area: the council, England, the region, or the neighbours")
    value = serializers.FloatField(allow_null=True, help_text="DfE's published figure")
    marker = serializers.CharField(help_text="DfE's symbol when there is no figure: c, x, z, k, low, u")
    synthetic = serializers.BooleanField(help_text="an invented figure (the demo council)")


class EducationYearSerializer(serializers.Serializer):
    measure = serializers.CharField()
    title = serializers.CharField()
    unit = serializers.CharField(help_text="percent or score")
    polarity = serializers.CharField(help_text="up: higher is better; down: lower is better")
    year = serializers.IntegerField(help_text="the year the academic year ends: 2025 is 2024/25")
    academic_year = serializers.CharField()
    council = FigureSerializer(allow_null=True)
    england = FigureSerializer(allow_null=True)
    region = FigureSerializer(allow_null=True)
    neighbours_median = FigureSerializer(allow_null=True)
    neighbours_with_figure = serializers.IntegerField()
    neighbours_configured = serializers.IntegerField()


def _figure(found: Comparator | None) -> dict[str, Any] | None:
    if found is None:
        return None
    return {"label": found.label, "value": found.value, "marker": found.marker, "synthetic": found.synthetic}


class EducationList(generics.GenericAPIView):
    """Each education measure for every academic year held, newest first."""

    serializer_class = EducationYearSerializer
    permission_classes = [IsAuthenticated, HasCapability]
    required_capability = Capability.VIEW_SCORECARD

    @extend_schema(responses=EducationYearSerializer(many=True))
    def get(self, request: Request) -> Response:
        measures = builtin_education().measures
        rows = [
            {
                "measure": measure_id,
                "title": measures[measure_id].title,
                "unit": measures[measure_id].unit,
                "polarity": measures[measure_id].polarity,
                "year": year,
                "academic_year": academic_year(year),
                "council": _figure(c.council),
                "england": _figure(c.england),
                "region": _figure(c.region),
                "neighbours_median": _figure(c.neighbours),
                "neighbours_with_figure": c.neighbour_count,
                "neighbours_configured": c.neighbours_configured,
            }
            for measure_id, by_year in selectors.education_comparisons().items()
            for year, c in by_year
        ]
        return Response(EducationYearSerializer(rows, many=True).data)


api_patterns = [
    path("comparators/education/", EducationList.as_view(), name="education"),
]
