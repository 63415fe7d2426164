from django.urls import path

from corparent.scorecard import views

app_name = "scorecard"

urlpatterns = [
    path("", views.index, name="index"),
    path("easy-read/", views.easy_read, name="easy_read"),
]
