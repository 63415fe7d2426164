from django.urls import path

from corparent.returns import views

app_name = "returns"

urlpatterns = [
    path("", views.index, name="index"),
    path("upload/", views.upload, name="upload"),
]
