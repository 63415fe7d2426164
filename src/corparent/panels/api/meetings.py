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
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.request import Request
from rest_framework.response import Response

from corparent.accounts.permissions import HasCapability
from corparent.accounts.roles import Capability
from corparent.panels.api._base import ServiceListCreate, refusal_as_400
from corparent.panels.api.serializers.meetings import (
    ActionDetailSerializer,
    ActionSerializer,
    ActionUpdateSerializer,
    AgendaItemSerializer,
    AnswerSerializer,
    AttendanceInputSerializer,
    MeetingDetailSerializer,
    MeetingSerializer,
    MinuteSerializer,
    PartnerReportSerializer,
    QuestionSerializer,
    WorkProgrammeItemDetailSerializer,
    WorkProgrammeItemSerializer,
)
from corparent.panels.models import Action, Meeting, Panel, Question, WorkProgrammeItem
from corparent.panels.selectors import actions as action_selectors
from corparent.panels.selectors import meetings as meeting_selectors
from corparent.panels.selectors import work_programme as fwp_selectors
from corparent.panels.services import actions as action_services
from corparent.panels.services import meetings as meeting_services
from corparent.panels.services import questions as question_services
from corparent.panels.services import work_programme as fwp_services


def _get(model: Any, pk: Any, what: str) -> Any:
    try:
        return model.objects.get(pk=pk)
    except model.DoesNotExist as exc:
        raise Http404(f"There is no {what} with that number.") from exc


def _panel(view: Any) -> dict[str, Any]:
    return {"panel": _get(Panel, view.kwargs["panel_id"], "panel")}


class _Panels:
    permission_classes = [HasCapability]
    required_capability = Capability.VIEW_PANELS
    refusal = DjangoValidationError


# Meetings ----------------------------------------------------------------------------------------


class MeetingList(_Panels, ServiceListCreate):
    """A panel's meetings, latest first; POST schedules one (its agenda is built from the standing items
    and the work programme's items planned for it)."""

    write_capability = Capability.MANAGE_PANELS
    serializer_class = MeetingSerializer
    queryset = Meeting.objects.none()
    list_selector = meeting_selectors.meeting_list
    create_service = meeting_services.meeting_schedule
    scope = _panel

    def create_kwargs(self, data: dict[str, Any]) -> dict[str, Any]:
        return {**self.scope(), "starts_at": data["starts_at"], "location": data.get("location", "")}


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
        with refusal_as_400(self.refusal):
            meeting_services.agenda_item_add(
                user=request.user, meeting=meeting, request=request, **given.validated_data
            )
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
        with refusal_as_400(self.refusal):
            meeting_services.attendance_record(
                user=request.user, meeting=meeting, entries=entries, request=request
            )
        return self.done(meeting)


class MeetingMinutes(_MeetingWrite):
    """POST writes the minute (and resolution) of an agenda item."""

    serializer_class = MinuteSerializer

    @extend_schema(request=MinuteSerializer, responses={200: MeetingDetailSerializer})
    def post(self, request: Request, meeting_id: int) -> Response:
        meeting = self.get_object()
        given = MinuteSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        with refusal_as_400(self.refusal):
            meeting_services.minute_record(
                user=request.user, meeting=meeting, request=request, **given.validated_data
            )
        return self.done(meeting)


class MeetingScorecard(_MeetingWrite):
    """POST freezes the latest published scorecard (as members see it) into the meeting."""

    serializer_class = MeetingDetailSerializer

    @extend_schema(request=None, responses={200: MeetingDetailSerializer})
    def post(self, request: Request, meeting_id: int) -> Response:
        meeting = self.get_object()
        with refusal_as_400(self.refusal):
            meeting_services.scorecard_freeze(user=request.user, meeting=meeting, request=request)
        return self.done(meeting)


# Actions -----------------------------------------------------------------------------------------


class ActionList(_Panels, ServiceListCreate):
    """A panel's action log (?open=true for open ones only); POST raises an action."""

    write_capability = Capability.MANAGE_PANELS
    serializer_class = ActionSerializer
    queryset = Action.objects.none()
    list_selector = action_selectors.action_list
    create_service = action_services.action_create
    scope = _panel

    def list_kwargs(self) -> dict[str, Any]:
        return {**self.scope(), "open_only": self.request.GET.get("open") in ("1", "true")}

    def create_kwargs(self, data: dict[str, Any]) -> dict[str, Any]:
        return {
            **self.scope(),
            "meeting": data.get("raised_at"),
            "agenda_item": data.get("agenda_item"),
            "description": data.get("description", ""),
            "due_date": data.get("due_date"),
            "owner_person": data.get("owner_person"),
            "owner_organisation": data.get("owner_organisation"),
        }


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
        with refusal_as_400(self.refusal):
            action_services.action_update(
                user=request.user, action=action, request=request, **given.validated_data
            )
        return Response(
            ActionDetailSerializer(action_selectors.action_get(action_id=action.pk)).data, status=201
        )


# Questions ---------------------------------------------------------------------------------------


class QuestionList(_Panels, ServiceListCreate):
    """A panel's questions, newest first; POST raises one (a member asks as themselves)."""

    write_capability = Capability.RAISE_QUESTIONS
    serializer_class = QuestionSerializer
    queryset = Question.objects.none()
    list_selector = action_selectors.question_list
    create_service = question_services.question_raise
    scope = _panel


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
        with refusal_as_400(self.refusal):
            question_services.question_answer(
                user=request.user, question=question, answer=given.validated_data["answer"], request=request
            )
        return Response(QuestionSerializer(question).data)


# Forward work programme --------------------------------------------------------------------------


class WorkProgrammeList(_Panels, ServiceListCreate):
    """A panel's forward work programme; POST adds an item."""

    write_capability = Capability.MANAGE_PANELS
    serializer_class = WorkProgrammeItemSerializer
    queryset = WorkProgrammeItem.objects.none()
    list_selector = fwp_selectors.fwp_list
    create_service = fwp_services.fwp_item_save
    scope = _panel


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
        with refusal_as_400(self.refusal):
            report = fwp_services.partner_report_submit(
                user=request.user, item=item, request=request, **given.validated_data
            )
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
