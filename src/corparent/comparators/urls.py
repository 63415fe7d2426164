from django.urls import path

from corparent.comparators import views

app_name = "comparators"

urlpatterns = [
    path("", views.index, name="index"),
]
