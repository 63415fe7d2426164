"""Meetings, the action log, questions and the forward work programme."""

from django.urls import path

from corparent.panels.views import actions, effectiveness, meetings, work_programme

urlpatterns = [
    path("<int:panel_id>/meetings/", meetings.meeting_list, name="meetings"),
    path("<int:panel_id>/how-well-it-works/", effectiveness.effectiveness, name="effectiveness"),
    path("<int:panel_id>/meetings/new/", meetings.meeting_schedule, name="meeting_schedule"),
    path("meetings/<int:meeting_id>/", meetings.meeting_detail, name="meeting"),
    path("meetings/<int:meeting_id>/status/", meetings.meeting_status, name="meeting_status"),
    path("meetings/<int:meeting_id>/agenda/", meetings.meeting_agenda, name="meeting_agenda"),
    path("meetings/<int:meeting_id>/attendance/", meetings.meeting_attendance, name="meeting_attendance"),
    path("meetings/<int:meeting_id>/minutes/", meetings.meeting_minutes, name="meeting_minutes"),
    path("meetings/<int:meeting_id>/papers/new/", meetings.meeting_paper_add, name="meeting_paper_add"),
    path("meetings/<int:meeting_id>/papers/<int:paper_id>/", meetings.paper_download, name="paper"),
    path("meetings/<int:meeting_id>/scorecard/", meetings.meeting_scorecard_freeze, name="meeting_scorecard"),
    path("meetings/<int:meeting_id>/actions/new/", actions.action_create, name="action_create"),
    path("<int:panel_id>/actions/", actions.action_list, name="actions"),
    path("actions/<int:action_id>/", actions.action_detail, name="action"),
    path("<int:panel_id>/questions/", actions.question_list, name="questions"),
    path("<int:panel_id>/questions/new/", actions.question_raise, name="question_raise"),
    path("questions/<int:question_id>/", actions.question_detail, name="question"),
    path("<int:panel_id>/work-programme/", work_programme.fwp_list, name="fwp"),
    path("<int:panel_id>/work-programme/new/", work_programme.fwp_add, name="fwp_add"),
    path("work-programme/<int:item_id>/", work_programme.fwp_item, name="fwp_item"),
    path("work-programme/<int:item_id>/edit/", work_programme.fwp_edit, name="fwp_edit"),
    path("work-programme/<int:item_id>/report/", work_programme.partner_report_submit, name="partner_report"),
]
