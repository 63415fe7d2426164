"""The one-form page every app repeats: GET shows the form; a POST that validates is saved through a
service; success redirects with a message; a service's refusal is shown on the form."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

FormT = TypeVar("FormT", bound=forms.BaseForm)
ResultT = TypeVar("ResultT")


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's refusal on the form, against the field it names (else at the top)."""
    if hasattr(error, "error_dict"):
        for name, errors in error.message_dict.items():
            for message in errors:
                form.add_error(name if name in form.fields else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


def form_submit(
    request: HttpRequest,
    *,
    form: FormT | None,
    save: Callable[[dict[str, Any]], ResultT],
    success: Callable[[ResultT], tuple[str, HttpResponse]],
    page: Callable[[], HttpResponse] | None = None,
    template: str = "",
    context: Mapping[str, Any] | None = None,
    error_status: int = 400,
    refusal: type[Exception] = ValidationError,
    show_refusal: Callable[[FormT, Any], None] = add_service_errors,
) -> HttpResponse:
    """Run one form through a service.

    On a POST whose form is valid, ``save(cleaned_data)`` calls the service. If it returns,
    ``success(result)`` gives the message to flash and the response (usually a redirect). If it
    raises ``refusal``, ``show_refusal(form, error)`` puts the reasons on the form. Otherwise (a GET,
    an invalid form, a refusal) ``page()`` renders the form; it is called last, so it can set the
    status from the form's errors. Without ``page``, ``template`` is rendered with ``context`` and the
    form, with ``error_status`` after a POST.
    """
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            result = save(form.cleaned_data)
        except refusal as error:
            show_refusal(form, error)
        else:
            message, response = success(result)
            messages.success(request, message)
            return response
    if page is not None:
        return page()
    status = error_status if request.method == "POST" else 200
    return render(request, template, {**(context or {}), "form": form}, status=status)
