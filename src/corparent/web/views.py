from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from corparent.web.glossary import GLOSSARY
from corparent.web.presenters import home_cards


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "web/home.html", {"cards": home_cards(request)})


def glossary(request: HttpRequest) -> HttpResponse:
    terms = sorted(GLOSSARY.items(), key=lambda kv: kv[0].lower())
    return render(request, "web/glossary.html", {"terms": terms})


@login_not_required
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "web/accessibility.html")


@login_not_required
def health(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
