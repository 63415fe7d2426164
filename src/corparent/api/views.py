"""The API's own page: how to call it and every endpoint, read from the OpenAPI schema."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from drf_spectacular.generators import SchemaGenerator

METHODS = ("get", "post", "put", "patch", "delete")


def api_index(request: HttpRequest) -> HttpResponse:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    endpoints = [
        {
            "method": method.upper(),
            "path": path,
            "summary": operation.get("summary") or operation.get("description", "").split("\n")[0],
        }
        for path, item in sorted(schema.get("paths", {}).items())
        for method in METHODS
        if (operation := item.get(method)) is not None
    ]
    return render(request, "api/index.html", {"endpoints": endpoints})
