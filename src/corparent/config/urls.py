from django.urls import include, path

urlpatterns = [
    path("", include("corparent.web.urls")),
    path("accounts/", include("corparent.accounts.urls")),
    path("returns/", include("corparent.returns.urls")),
    path("scorecard/", include("corparent.scorecard.urls")),
    path("comparators/", include("corparent.comparators.urls")),
    path("panels/", include("corparent.panels.urls")),
    path("reports/", include("corparent.reports.urls")),
    path("measures/", include("corparent.measures.urls")),
    path("strategy/", include("corparent.strategy.urls")),
    path("members/", include("corparent.members.urls")),
    path("voice/", include("corparent.voice.urls")),
    path("api/", include(("corparent.api.urls", "api"), namespace="api")),
]
