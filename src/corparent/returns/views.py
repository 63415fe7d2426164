from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from corparent.accounts.permissions import capability_required
from corparent.accounts.roles import Capability


@capability_required(Capability.VIEW_RETURNS)
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "returns/index.html")


@capability_required(Capability.UPLOAD_RETURN)
def upload(request: HttpRequest) -> HttpResponse:
    return render(request, "returns/index.html")
