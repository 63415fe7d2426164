"""The meetings API: meetings (agenda, attendance and quorum, minutes, papers, the frozen scorecard),
the action log, questions and the forward work programme with partners' reports.

Read with VIEW_PANELS; each write asks for its own capability (as the pages do) and goes through the
same services, so the same rules apply: a partner updates only its own organisation's actions and
submits only its own reports (403 otherwise). A refused change is a 400 with the reason per field,
and changes nothing."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.urls import path
from django.utils import timezone
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import generics, serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from corparent.accounts.permissions import HasCapability
from corparent.accounts.roles import Capability
from corparent.panels.models import (
    Action,
    ActionUpdate,
    AgendaItem,
    Attendance,
    Meeting,
    Minute,
    Panel,
    Paper,
    PartnerReport,
    Person,
    Question,
    WorkProgrammeItem,
)
from corparent.panels.selectors import actions as action_selectors
from corparent.panels.selectors import meetings as meeting_selectors
from corparent.panels.selectors import work_programme as fwp_selectors
from corparent.panels.services import actions as action_services
from corparent.panels.services import meetings as meeting_services
from corparent.panels.services import questions as question_services
from corparent.panels.services import work_programme as fwp_services


def _refused(error: DjangoValidationError) -> ValidationError:
    if hasattr(error, "error_dict"):
        return ValidationError({k: v for k, v in error.message_dict.items()})
    return ValidationError({"non_field_errors": error.messages})


def _get(model: Any, pk: Any, what: str) -> Any:
    try:
        return model.objects.get(pk=pk)
    except model.DoesNotExist as exc:
        raise Http404(f"There is no {what} with that number.") from exc


class _Panels:
    permission_classes = [HasCapability]
    required_capability = Capability.VIEW_PANELS


# Serializers -------------------------------------------------------------------------------------


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


# Meetings ----------------------------------------------------------------------------------------


class MeetingList(_Panels, generics.ListCreateAPIView):
    """A panel's meetings, latest first; POST schedules one (its agenda is built from the standing items
    and the work programme's items planned for it)."""

    write_capability = Capability.MANAGE_PANELS
    serializer_class = MeetingSerializer
    queryset = Meeting.objects.none()

    def get_queryset(self) -> Any:
        return meeting_selectors.meeting_list(panel=_get(Panel, self.kwargs["panel_id"], "panel"))

    def perform_create(self, serializer: Any) -> None:
        try:
            serializer.instance = meeting_services.meeting_schedule(
                user=self.request.user,
                panel=_get(Panel, self.kwargs["panel_id"], "panel"),
                starts_at=serializer.validated_data["starts_at"],
                location=serializer.validated_data.get("location", ""),
                request=self.request,
            )
        except DjangoValidationError as e:
            raise _refused(e) from e


class MeetingDetail(_Panels, generics.RetrieveAPIView):
    """A meeting: its agenda, attendance and quorum, minutes, papers, the action log it reviews and
    the scorecard frozen into it."""

    serializer_class = MeetingDetailSerializer
    queryset = Meeting.objects.select_related("panel")
    lookup_url_kwarg = "meeting_id"


class _MeetingWrite(_Panels, generics.GenericAPIView):
    required_capability = Capability.VIEW_PANELS
    write_capability = Capability.MANAGE_PANELS
    queryset = Meeting.objects.all()
    lookup_url_kwarg = "meeting_id"

    def done(self, meeting: Meeting) -> Response:
        meeting = meeting_selectors.meeting_get(meeting_id=meeting.pk)
        return Response(MeetingDetailSerializer(meeting).data, status=status.HTTP_200_OK)


class MeetingAgenda(_MeetingWrite):
    """POST adds an item to the agenda (before the forward work programme)."""

    serializer_class = AgendaItemSerializer

    @extend_schema(request=AgendaItemSerializer, responses={200: MeetingDetailSerializer})
    def post(self, request: Request, meeting_id: int) -> Response:
        meeting = self.get_object()
        given = AgendaItemSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        try:
            meeting_services.agenda_item_add(
                user=request.user, meeting=meeting, request=request, **given.validated_data
            )
        except DjangoValidationError as e:
            raise _refused(e) from e
        return self.done(meeting)


class MeetingAttendance(_MeetingWrite):
    """POST records attendance: entries of person, status (present, apologies, absent; blank clears)
    and substitute_for."""

    serializer_class = AttendanceInputSerializer

    @extend_schema(request=AttendanceInputSerializer, responses={200: MeetingDetailSerializer})
    def post(self, request: Request, meeting_id: int) -> Response:
        meeting = self.get_object()
        given = AttendanceInputSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        entries = [
            (e["person"], e["status"], e.get("substitute_for")) for e in given.validated_data["entries"]
        ]
        try:
            meeting_services.attendance_record(
                user=request.user, meeting=meeting, entries=entries, request=request
            )
        except DjangoValidationError as e:
            raise _refused(e) from e
        return self.done(meeting)


class MeetingMinutes(_MeetingWrite):
    """POST writes the minute (and resolution) of an agenda item."""

    serializer_class = MinuteSerializer

    @extend_schema(request=MinuteSerializer, responses={200: MeetingDetailSerializer})
    def post(self, request: Request, meeting_id: int) -> Response:
        meeting = self.get_object()
        given = MinuteSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        try:
            meeting_services.minute_record(
                user=request.user, meeting=meeting, request=request, **given.validated_data
            )
        except DjangoValidationError as e:
            raise _refused(e) from e
        return self.done(meeting)


class MeetingScorecard(_MeetingWrite):
    """POST freezes the latest published scorecard (as members see it) into the meeting."""

    serializer_class = MeetingDetailSerializer

    @extend_schema(request=None, responses={200: MeetingDetailSerializer})
    def post(self, request: Request, meeting_id: int) -> Response:
        meeting = self.get_object()
        try:
            meeting_services.scorecard_freeze(user=request.user, meeting=meeting, request=request)
        except DjangoValidationError as e:
            raise _refused(e) from e
        return self.done(meeting)


# Actions -----------------------------------------------------------------------------------------


class ActionList(_Panels, generics.ListCreateAPIView):
    """A panel's action log (?open=true for open ones only); POST raises an action."""

    write_capability = Capability.MANAGE_PANELS
    serializer_class = ActionSerializer
    queryset = Action.objects.none()

    def get_queryset(self) -> Any:
        panel = _get(Panel, self.kwargs["panel_id"], "panel")
        return action_selectors.action_list(
            panel=panel, open_only=self.request.GET.get("open") in ("1", "true")
        )

    def perform_create(self, serializer: Any) -> None:
        data = serializer.validated_data
        try:
            serializer.instance = action_services.action_create(
                user=self.request.user,
                panel=_get(Panel, self.kwargs["panel_id"], "panel"),
                meeting=data.get("raised_at"),
                agenda_item=data.get("agenda_item"),
                description=data.get("description", ""),
                due_date=data.get("due_date"),
                owner_person=data.get("owner_person"),
                owner_organisation=data.get("owner_organisation"),
                request=self.request,
            )
        except DjangoValidationError as e:
            raise _refused(e) from e


class ActionDetail(_Panels, generics.RetrieveAPIView):
    serializer_class = ActionDetailSerializer
    queryset = Action.objects.all()
    lookup_url_kwarg = "action_id"


class ActionUpdates(_Panels, generics.GenericAPIView):
    """POST an update (text and status). A partner may update only its own organisation's actions."""

    write_capability = Capability.UPDATE_ACTIONS
    serializer_class = ActionUpdateSerializer
    queryset = Action.objects.all()
    lookup_url_kwarg = "action_id"

    @extend_schema(request=ActionUpdateSerializer, responses={201: ActionDetailSerializer})
    def post(self, request: Request, action_id: int) -> Response:
        action = action_selectors.action_get(action_id=self.get_object().pk)
        given = ActionUpdateSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        try:
            action_services.action_update(
                user=request.user, action=action, request=request, **given.validated_data
            )
        except DjangoValidationError as e:
            raise _refused(e) from e
        return Response(
            ActionDetailSerializer(action_selectors.action_get(action_id=action.pk)).data, status=201
        )


# Questions ---------------------------------------------------------------------------------------


class QuestionList(_Panels, generics.ListCreateAPIView):
    """A panel's questions, newest first; POST raises one (a member asks as themselves)."""

    write_capability = Capability.RAISE_QUESTIONS
    serializer_class = QuestionSerializer
    queryset = Question.objects.none()

    def get_queryset(self) -> Any:
        return action_selectors.question_list(panel=_get(Panel, self.kwargs["panel_id"], "panel"))

    def perform_create(self, serializer: Any) -> None:
        data = serializer.validated_data
        try:
            serializer.instance = question_services.question_raise(
                user=self.request.user,
                panel=_get(Panel, self.kwargs["panel_id"], "panel"),
                request=self.request,
                **data,
            )
        except DjangoValidationError as e:
            raise _refused(e) from e


class QuestionAnswer(_Panels, generics.GenericAPIView):
    """POST the answer to a question put to you (or, for officers, any question)."""

    write_capability = Capability.ANSWER_QUESTIONS
    serializer_class = AnswerSerializer
    queryset = Question.objects.all()
    lookup_url_kwarg = "question_id"

    @extend_schema(request=AnswerSerializer, responses={200: QuestionSerializer})
    def post(self, request: Request, question_id: int) -> Response:
        question = action_selectors.question_get(question_id=self.get_object().pk)
        given = AnswerSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        try:
            question_services.question_answer(
                user=request.user, question=question, answer=given.validated_data["answer"], request=request
            )
        except DjangoValidationError as e:
            raise _refused(e) from e
        return Response(QuestionSerializer(question).data)


# Forward work programme --------------------------------------------------------------------------


class WorkProgrammeList(_Panels, generics.ListCreateAPIView):
    """A panel's forward work programme; POST adds an item."""

    write_capability = Capability.MANAGE_PANELS
    serializer_class = WorkProgrammeItemSerializer
    queryset = WorkProgrammeItem.objects.none()

    def get_queryset(self) -> Any:
        return fwp_selectors.fwp_list(panel=_get(Panel, self.kwargs["panel_id"], "panel"))

    def perform_create(self, serializer: Any) -> None:
        data = dict(serializer.validated_data)
        try:
            serializer.instance = fwp_services.fwp_item_save(
                user=self.request.user,
                panel=_get(Panel, self.kwargs["panel_id"], "panel"),
                request=self.request,
                **data,
            )
        except DjangoValidationError as e:
            raise _refused(e) from e


class WorkProgrammeDetail(_Panels, generics.RetrieveAPIView):
    serializer_class = WorkProgrammeItemDetailSerializer
    queryset = WorkProgrammeItem.objects.prefetch_related("reports")
    lookup_url_kwarg = "item_id"


class WorkProgrammeReports(_Panels, generics.GenericAPIView):
    """POST a partner's report for the item (a partner only for its own organisation's items); the
    item becomes "report received"."""

    write_capability = Capability.SUBMIT_PARTNER_REPORTS
    serializer_class = PartnerReportSerializer
    queryset = WorkProgrammeItem.objects.all()
    lookup_url_kwarg = "item_id"

    @extend_schema(request=PartnerReportSerializer, responses={201: PartnerReportSerializer})
    def post(self, request: Request, item_id: int) -> Response:
        item = fwp_selectors.fwp_item_get(item_id=self.get_object().pk)
        given = PartnerReportSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        try:
            report = fwp_services.partner_report_submit(
                user=request.user, item=item, request=request, **given.validated_data
            )
        except DjangoValidationError as e:
            raise _refused(e) from e
        return Response(PartnerReportSerializer(report).data, status=status.HTTP_201_CREATED)


meetings_api_patterns = [
    path("panels/<int:panel_id>/meetings/", MeetingList.as_view(), name="meetings"),
    path("meetings/<int:meeting_id>/", MeetingDetail.as_view(), name="meeting"),
    path("meetings/<int:meeting_id>/agenda/", MeetingAgenda.as_view(), name="meeting-agenda"),
    path("meetings/<int:meeting_id>/attendance/", MeetingAttendance.as_view(), name="meeting-attendance"),
    path("meetings/<int:meeting_id>/minutes/", MeetingMinutes.as_view(), name="meeting-minutes"),
    path("meetings/<int:meeting_id>/scorecard/", MeetingScorecard.as_view(), name="meeting-scorecard"),
    path("panels/<int:panel_id>/actions/", ActionList.as_view(), name="actions"),
    path("actions/<int:action_id>/", ActionDetail.as_view(), name="action"),
    path("actions/<int:action_id>/updates/", ActionUpdates.as_view(), name="action-updates"),
    path("panels/<int:panel_id>/questions/", QuestionList.as_view(), name="questions"),
    path("questions/<int:question_id>/answer/", QuestionAnswer.as_view(), name="question-answer"),
    path("panels/<int:panel_id>/work-programme/", WorkProgrammeList.as_view(), name="work-programme"),
    path("work-programme/<int:item_id>/", WorkProgrammeDetail.as_view(), name="work-programme-item"),
    path(
        "work-programme/<int:item_id>/reports/", WorkProgrammeReports.as_view(), name="work-programme-reports"
    ),
]
