"""The panel's pages: its constitution and membership, and its meetings and what comes of them."""

from django.urls import include, path

from corparent.panels.views import constitution_urls, meeting_urls

app_name = "panels"

urlpatterns = [
    path("", include(constitution_urls.urlpatterns)),
    path("", include(meeting_urls.urlpatterns)),
]
