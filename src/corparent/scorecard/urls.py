from django.urls import path

from corparent.scorecard import views

app_name = "scorecard"

urlpatterns = [
    path("", views.index, name="index"),
    path("easy-read/", views.easy_read, name="easy_read"),
    path("indicators/<slug:indicator_id>/", views.indicator, name="indicator"),
    path("indicators/<slug:indicator_id>/target/", views.target_edit, name="target_edit"),
    path("indicators/<slug:indicator_id>/commentary/", views.commentary_edit, name="commentary_edit"),
]
