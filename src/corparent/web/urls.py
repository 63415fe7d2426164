from django.urls import path

from corparent.web import views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("glossary/", views.glossary, name="glossary"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("health/", views.health, name="health"),
]
