"""The constitution API's serializers: panels, terms of reference, political groups and the council's
composition, people, membership, and the political balance answer."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import inline_serializer
from rest_framework import serializers

from corparent.accounts.models import Organisation, User
from corparent.accounts.permissions import has_capability
from corparent.accounts.roles import Capability
from corparent.panels.models import (
    BalanceSettings,
    Meeting,
    Membership,
    Panel,
    Person,
    PoliticalGroup,
    TermsOfReference,
)
from corparent.panels.selectors import constitution as selectors


class PanelSerializer(serializers.ModelSerializer):
    kind = serializers.ChoiceField(choices=Panel.Kind.choices, default=Panel.Kind.PANEL)
    current_terms = serializers.SerializerMethodField(
        help_text="the version of the terms of reference in force"
    )

    class Meta:
        model = Panel
        fields = ["id", "name", "kind", "size", "politically_balanced", "current_terms", "created_at"]
        read_only_fields = ["id", "current_terms", "created_at"]

    def get_current_terms(self, panel: Panel) -> int | None:
        current = selectors.terms_current(panel=panel)
        return current.version if current else None


class TermsSerializer(serializers.ModelSerializer):
    created_by = serializers.CharField(source="created_by.username", read_only=True)
    approved_at_meeting = serializers.PrimaryKeyRelatedField(
        queryset=Meeting.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = TermsOfReference
        fields = [
            "version",
            "purpose",
            "quorum",
            "frequency",
            "reporting_line",
            "body",
            "approved_by",
            "approved_on",
            "approved_at_meeting",
            "created_by",
            "created_at",
        ]
        read_only_fields = ["version", "created_by", "created_at"]
        extra_kwargs = {"quorum": {"min_value": 1}}


class ApprovalSerializer(serializers.Serializer):
    approved_by = serializers.CharField(max_length=200)
    approved_on = serializers.DateField()
    approved_at_meeting = serializers.PrimaryKeyRelatedField(
        queryset=Meeting.objects.all(), required=False, allow_null=True
    )


class GroupSerializer(serializers.ModelSerializer):
    class Meta:
        model = PoliticalGroup
        fields = ["id", "name", "council_seats"]
        read_only_fields = ["id"]


class CouncilSerializer(serializers.ModelSerializer):
    other_bodies = serializers.DictField(
        child=serializers.IntegerField(min_value=1), required=False, default=dict
    )

    class Meta:
        model = BalanceSettings
        fields = ["council_seats", "ungrouped_councillors", "other_bodies"]


class PersonSerializer(serializers.ModelSerializer):
    kind = serializers.ChoiceField(choices=Person.Kind.choices)
    political_group = serializers.PrimaryKeyRelatedField(
        queryset=PoliticalGroup.objects.all(), required=False, allow_null=True
    )
    organisation = serializers.PrimaryKeyRelatedField(
        queryset=Organisation.objects.all(), required=False, allow_null=True
    )
    login = serializers.PrimaryKeyRelatedField(
        source="user",
        queryset=User.objects.all(),
        required=False,
        allow_null=True,
        help_text="their login, if any",
    )

    class Meta:
        model = Person
        fields = [
            "id",
            "name",
            "kind",
            "political_group",
            "ward",
            "job_title",
            "organisation",
            "email",
            "login",
        ]
        read_only_fields = ["id"]

    def to_representation(self, instance: Person) -> dict[str, Any]:
        data = super().to_representation(instance)
        request = self.context.get("request")
        if request is None or not has_capability(request, Capability.MANAGE_PANELS):
            data.pop("email", None)  # contact details are for democratic services
            data.pop("login", None)
        return data


class MembershipSerializer(serializers.ModelSerializer):
    person = serializers.PrimaryKeyRelatedField(
        queryset=Person.objects.all(), required=False, allow_null=True, help_text="empty for a vacancy"
    )
    seat_kind = serializers.ChoiceField(choices=Person.Kind.choices, required=False, allow_null=True)
    political_group = serializers.PrimaryKeyRelatedField(
        queryset=PoliticalGroup.objects.all(), required=False, allow_null=True
    )
    fills = serializers.PrimaryKeyRelatedField(
        queryset=Membership.objects.all(),
        required=False,
        allow_null=True,
        write_only=True,
        help_text="the vacancy this seat fills",
    )

    class Meta:
        model = Membership
        fields = [
            "id",
            "person",
            "seat_kind",
            "political_group",
            "role",
            "voting",
            "start_date",
            "end_date",
            "fills",
        ]
        read_only_fields = ["id", "end_date"]


class EndSerializer(serializers.Serializer):
    end_date = serializers.DateField()
    leave_vacant = serializers.BooleanField(default=False)


class EntitlementSerializer(serializers.Serializer):
    name = serializers.CharField()
    members = serializers.IntegerField(help_text="the group's councillors")
    share = serializers.CharField(help_text="its exact share of the seats, to two places")
    entitled = serializers.IntegerField()
    held = serializers.IntegerField()
    provisional = serializers.BooleanField()


BalanceResponse = inline_serializer(
    "PanelBalance",
    {
        "panel": serializers.IntegerField(),
        "size": serializers.IntegerField(),
        "status": serializers.ChoiceField(choices=["ok", "departs", "unknown"]),
        "problem": serializers.CharField(allow_null=True),
        "entitlements": EntitlementSerializer(many=True),
        "explanations": serializers.ListField(child=serializers.CharField()),
        "departures": serializers.ListField(child=serializers.CharField()),
        "ties": serializers.ListField(child=serializers.CharField()),
        "what_if": serializers.ListField(child=serializers.CharField(), allow_null=True),
    },
)
