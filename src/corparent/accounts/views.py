from __future__ import annotations

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from corparent.accounts.forms import SignInForm
from corparent.accounts.permissions import capability_required
from corparent.accounts.roles import Capability
from corparent.accounts.selectors import audit_events, demo_accounts


class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: object) -> dict[str, object]:
        context = super().get_context_data(**kwargs)
        context["demo_accounts"] = demo_accounts() if settings.DEMO else []
        return context


class SignOutView(auth_views.LogoutView):
    pass


@capability_required(Capability.VIEW_AUDIT_LOG)
def audit_log(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/audit_log.html", {"events": audit_events(limit=500)})
