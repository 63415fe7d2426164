from django.urls import path

from corparent.voice import views

app_name = "voice"

urlpatterns = [
    path("", views.index, name="index"),
    path("forums/new/", views.forum_create, name="forum_create"),
    path("forums/<int:forum_id>/", views.forum_detail, name="forum"),
    path("forums/<int:forum_id>/sessions/new/", views.session_create, name="session_create"),
    path("sessions/<int:forum_session_id>/", views.session_detail, name="session"),
    path("issues/<int:issue_id>/answer/", views.issue_answer, name="issue_answer"),
    path("you-said-we-did/", views.you_said_we_did, name="you_said_we_did"),
    path("pledge/", views.pledge, name="pledge"),
    path("pledge/new/", views.promise_create, name="promise_create"),
    path("pledge/<int:promise_id>/rate/", views.promise_rate, name="promise_rate"),
    path("local-offer/", views.offer, name="offer"),
    path("surveys/", views.surveys, name="surveys"),
    path("surveys/import/", views.survey_import, name="survey_import"),
    path("surveys/template.csv", views.survey_template, name="survey_template"),
    path("complaints-and-compliments/", views.feedback, name="feedback"),
    path("complaints-and-compliments/import/", views.feedback_import, name="feedback_import"),
    path("complaints-and-compliments/template.csv", views.feedback_template, name="feedback_template"),
]
