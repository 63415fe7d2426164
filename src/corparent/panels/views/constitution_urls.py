from django.urls import path

from corparent.panels.views import constitution

urlpatterns = [
    path("", constitution.index, name="index"),
]
