"""Councillors as corporate parents: the overview, each councillor's page, training, champions,
homes and visits."""

from django.urls import path

from corparent.members import views

app_name = "members"

urlpatterns = [
    path("", views.index, name="index"),
    path("councillors/<int:person_id>/", views.councillor, name="councillor"),
    path("councillors/<int:person_id>/tier/", views.tier_edit, name="tier"),
    path("training/", views.training, name="training"),
    path("training/new/", views.session_create, name="session_create"),
    path("training/<int:training_session_id>/", views.session, name="session"),
    path("champions/new/", views.champion_create, name="champion_create"),
    path("champions/<int:champion_id>/report/", views.champion_report, name="champion_report"),
    path("champions/<int:champion_id>/end/", views.champion_end, name="champion_end"),
    path("homes/", views.homes, name="homes"),
    path("visits/", views.visits, name="visits"),
    path("visits/new/", views.visit_create, name="visit_create"),
    path("visits/<int:visit_id>/", views.visit, name="visit"),
    path(
        "visit-actions/<int:visit_action_id>/status/", views.visit_action_status, name="visit_action_status"
    ),
]
