from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from corparent.accounts.permissions import capability_required
from corparent.accounts.roles import Capability


@capability_required(Capability.VIEW_PANELS)
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "panels/index.html")
