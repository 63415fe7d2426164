"""The meetings API's serializers: meetings (agenda, attendance and quorum, minutes, papers), actions,
questions, and the forward work programme with partners' reports."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from corparent.panels.models import (
    Action,
    ActionUpdate,
    AgendaItem,
    Attendance,
    Meeting,
    Minute,
    Paper,
    PartnerReport,
    Person,
    Question,
    WorkProgrammeItem,
)
from corparent.panels.selectors import actions as action_selectors
from corparent.panels.selectors import meetings as meeting_selectors


class AgendaItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = AgendaItem
        fields = ["id", "order", "kind", "title", "presenter", "fwp_item"]
        read_only_fields = ["id", "order", "fwp_item"]


class AttendanceSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="person.name", read_only=True)

    class Meta:
        model = Attendance
        fields = ["person", "name", "status", "substitute_for"]


class MinuteSerializer(serializers.ModelSerializer):
    class Meta:
        model = Minute
        fields = ["id", "agenda_item", "text", "resolution"]
        read_only_fields = ["id"]


class PaperSerializer(serializers.ModelSerializer):
    class Meta:
        model = Paper
        fields = ["id", "agenda_item", "title", "file_name", "sha256", "size", "uploaded_at"]
        read_only_fields = fields


class ActionSerializer(serializers.ModelSerializer):
    overdue = serializers.SerializerMethodField()

    class Meta:
        model = Action
        fields = [
            "id",
            "panel",
            "raised_at",
            "agenda_item",
            "description",
            "owner_person",
            "owner_organisation",
            "due_date",
            "status",
            "closed_on",
            "last_reminded_on",
            "overdue",
            "created_at",
        ]
        read_only_fields = ["id", "panel", "status", "closed_on", "last_reminded_on", "overdue", "created_at"]

    @extend_schema_field(serializers.BooleanField())
    def get_overdue(self, action: Action) -> bool:
        return action_selectors.is_overdue(action, today=timezone.localdate())


class ActionUpdateSerializer(serializers.ModelSerializer):
    by = serializers.CharField(source="by.username", read_only=True)

    class Meta:
        model = ActionUpdate
        fields = ["id", "text", "status", "by", "at"]
        read_only_fields = ["id", "by", "at"]


class ActionDetailSerializer(ActionSerializer):
    updates = ActionUpdateSerializer(many=True, read_only=True)

    class Meta(ActionSerializer.Meta):
        fields = [*ActionSerializer.Meta.fields, "updates"]


class MeetingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Meeting
        fields = ["id", "panel", "starts_at", "location", "status", "snapshot", "frozen_at"]
        read_only_fields = ["id", "panel", "status", "snapshot", "frozen_at"]


class QuorumSerializer(serializers.Serializer):
    needed = serializers.IntegerField(allow_null=True)
    voting_present = serializers.IntegerField()
    quorate = serializers.BooleanField()


class MeetingDetailSerializer(MeetingSerializer):
    agenda = serializers.SerializerMethodField()
    attendance = AttendanceSerializer(many=True, read_only=True)
    quorum = serializers.SerializerMethodField()
    minutes = MinuteSerializer(many=True, read_only=True)
    papers = PaperSerializer(many=True, read_only=True)
    action_log = serializers.SerializerMethodField(help_text="open actions from earlier meetings")
    frozen_scorecard = serializers.JSONField(read_only=True)

    class Meta(MeetingSerializer.Meta):
        fields = [
            *MeetingSerializer.Meta.fields,
            "agenda",
            "attendance",
            "quorum",
            "minutes",
            "papers",
            "action_log",
            "frozen_scorecard",
        ]

    @extend_schema_field(AgendaItemSerializer(many=True))
    def get_agenda(self, meeting: Meeting) -> list[dict[str, Any]]:
        return list(AgendaItemSerializer(meeting_selectors.agenda(meeting=meeting), many=True).data)

    @extend_schema_field(QuorumSerializer)
    def get_quorum(self, meeting: Meeting) -> dict[str, Any]:
        q = meeting_selectors.quorum(meeting=meeting)
        return {"needed": q.needed, "voting_present": q.voting_present, "quorate": q.quorate}

    @extend_schema_field(ActionSerializer(many=True))
    def get_action_log(self, meeting: Meeting) -> list[dict[str, Any]]:
        return list(ActionSerializer(action_selectors.action_log_for(meeting=meeting), many=True).data)


class AttendanceEntrySerializer(serializers.Serializer):
    person = serializers.PrimaryKeyRelatedField(queryset=Person.objects.all())
    status = serializers.CharField(allow_blank=True, help_text="present, apologies or absent; blank clears")
    substitute_for = serializers.PrimaryKeyRelatedField(
        queryset=Person.objects.all(), required=False, allow_null=True
    )


class AttendanceInputSerializer(serializers.Serializer):
    entries = AttendanceEntrySerializer(many=True)


class QuestionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Question
        fields = [
            "id",
            "panel",
            "meeting",
            "indicator_id",
            "asked_by",
            "text",
            "answerer",
            "answer_by",
            "answer",
            "answered_on",
            "created_at",
        ]
        read_only_fields = ["id", "panel", "answer", "answered_on", "created_at"]
        extra_kwargs = {"asked_by": {"required": False}}


class AnswerSerializer(serializers.Serializer):
    answer = serializers.CharField()


class PartnerReportSerializer(serializers.ModelSerializer):
    submitted_by = serializers.CharField(source="submitted_by.username", read_only=True)

    class Meta:
        model = PartnerReport
        fields = ["id", "organisation", "title", "summary", "body", "submitted_by", "submitted_at"]
        read_only_fields = ["id", "organisation", "submitted_by", "submitted_at"]


class WorkProgrammeItemSerializer(serializers.ModelSerializer):
    status = serializers.ChoiceField(choices=WorkProgrammeItem.Status.choices, required=False)

    class Meta:
        model = WorkProgrammeItem
        fields = ["id", "panel", "theme", "title", "partner", "meeting", "due_date", "status"]
        read_only_fields = ["id", "panel"]


class WorkProgrammeItemDetailSerializer(WorkProgrammeItemSerializer):
    reports = PartnerReportSerializer(many=True, read_only=True)

    class Meta(WorkProgrammeItemSerializer.Meta):
        fields = [*WorkProgrammeItemSerializer.Meta.fields, "reports"]
