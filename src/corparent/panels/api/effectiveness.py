"""How well the panel works, as JSON: the year's measures (each with its definition) and each held
meeting's, for a council's own dashboards. Read with VIEW_PANELS; governance records only."""

from __future__ import annotations

from typing import Any

from django.urls import path
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from corparent.accounts.permissions import HasCapability
from corparent.accounts.roles import Capability
from corparent.panels.selectors.effectiveness import (
    MEASURES,
    MeetingFigures,
    Ratio,
    panel_years,
    year_figures,
)
from corparent.panels.views._shared import panel_or_404
from corparent.panels.views.effectiveness import year_from


class EffectivenessRatioSerializer(serializers.Serializer):
    numerator = serializers.IntegerField()
    denominator = serializers.IntegerField()
    percent = serializers.FloatField(allow_null=True, help_text="null when there is nothing to count")


class EffectivenessMeasureSerializer(EffectivenessRatioSerializer):
    id = serializers.CharField()
    title = serializers.CharField()
    definition = serializers.CharField()


class EffectivenessMeetingSerializer(serializers.Serializer):
    meeting = serializers.IntegerField(help_text="the meeting's id")
    date = serializers.DateField()
    quorate = serializers.BooleanField(allow_null=True, help_text="null: no terms of reference say")
    substitutes_present = serializers.IntegerField()
    young_people_present = serializers.IntegerField()
    measures = serializers.DictField(child=EffectivenessRatioSerializer(), help_text="by measure id")


class EffectivenessYearSerializer(serializers.Serializer):
    panel = serializers.IntegerField()
    year = serializers.CharField(help_text="e.g. 2026/27")
    start = serializers.DateField()
    end = serializers.DateField()
    as_of = serializers.DateField(help_text="nothing due after this date counts as late")
    meetings_held = serializers.IntegerField()
    meetings_cancelled = serializers.IntegerField()
    actions_overdue = serializers.IntegerField()
    measures = EffectivenessMeasureSerializer(many=True)
    meetings = EffectivenessMeetingSerializer(many=True)


def _ratio(r: Ratio) -> dict[str, Any]:
    percent = r.percent
    return {"numerator": r.numerator, "denominator": r.denominator, "percent": percent}


def _meeting(m: MeetingFigures) -> dict[str, Any]:
    return {
        "meeting": m.meeting.pk,
        "date": m.on,
        "quorate": m.quorate,
        "substitutes_present": m.substitutes_present,
        "young_people_present": m.young_people_present,
        "measures": {key: _ratio(r) for key, r in m.values.items()},
    }


class PanelEffectiveness(APIView):
    """How well the panel works in a council year (1 April to 31 March): `?year=2026` for 2026/27,
    else the current year; 404 for a year the panel has no meetings in."""

    permission_classes = [HasCapability]
    required_capability = Capability.VIEW_PANELS

    @extend_schema(
        parameters=[OpenApiParameter("year", OpenApiTypes.INT, description="the year it starts in")],
        responses=EffectivenessYearSerializer,
    )
    def get(self, request: Request, panel_id: int) -> Response:
        panel = panel_or_404(panel_id)
        year = year_from(request, panel_years(panel=panel))
        figures = year_figures(panel=panel, year=year)
        return Response(
            {
                "panel": panel.pk,
                "year": year.label,
                "start": year.start,
                "end": year.end,
                "as_of": figures.as_of,
                "meetings_held": figures.held,
                "meetings_cancelled": figures.cancelled,
                "actions_overdue": figures.actions_overdue,
                "measures": [
                    {"id": m.id, "title": m.title, "definition": m.definition, **_ratio(figures.values[m.id])}
                    for m in MEASURES
                ],
                "meetings": [_meeting(m) for m in figures.meetings],
            }
        )


effectiveness_api_patterns = [
    path("panels/<int:panel_id>/how-well-it-works/", PanelEffectiveness.as_view(), name="effectiveness"),
]
