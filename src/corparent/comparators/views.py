from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from corparent.accounts.permissions import capability_required
from corparent.accounts.roles import Capability


@capability_required(Capability.MANAGE_COMPARATORS)
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "comparators/index.html")
