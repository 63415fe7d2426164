"""Every app adds its API routes to `api_patterns` in its own `api.py`; this gathers them."""

from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from corparent.api.views import api_index

API_APPS = [
    "returns",
    "scorecard",
    "comparators",
    "panels",
    "reports",
    "measures",
    "members",
    "voice",
    "strategy",
]

urlpatterns = [
    path("schema/", login_not_required(SpectacularAPIView.as_view()), name="schema"),
    path("", api_index, name="docs"),
]
for app in API_APPS:
    try:
        module = __import__(f"corparent.{app}.api", fromlist=["api_patterns"])
    except ModuleNotFoundError as exc:
        if exc.name != f"corparent.{app}.api":
            raise
        continue
    urlpatterns.append(path("v1/", include((module.api_patterns, app), namespace=f"{app}-api")))
