"""What the strategy views share: lookups that 404 and the generic one-form page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

T = TypeVar("T")


def get_or_404(getter: Callable[..., T], what: str, **kwargs: Any) -> T:
    try:
        return getter(**kwargs)
    except ObjectDoesNotExist as exc:
        raise Http404(f"There is no {what} with that number.") from exc


def form_page(
    request: HttpRequest,
    *,
    form: Any,
    title: str,
    button: str,
    back: str,
    caption: str = "",
    intro: str = "",
) -> HttpResponse:
    """A page with one form, its fields in order; 422 when a posted form is sent back with errors."""
    return render(
        request,
        "strategy/form.html",
        {"form": form, "title": title, "button": button, "back": back, "caption": caption, "intro": intro},
        status=422 if request.method == "POST" else 200,
    )
