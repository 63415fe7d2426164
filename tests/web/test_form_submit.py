"""corparent.web.forms.form_submit: the one-form page the apps share (GET shows the form; a valid POST
saves through a service and redirects with a message; a refusal is shown on the form)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.test import RequestFactory

from corparent.accounts.models import User
from corparent.accounts.roles import Role
from corparent.web.forms import form_submit


class NameForm(forms.Form):
    name = forms.CharField()


def _request(user: User, method: str = "get", data: dict[str, str] | None = None) -> HttpRequest:
    request = getattr(RequestFactory(), method)("/things/new/", data or {})
    request.user = user
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def _submit(request: HttpRequest, saved: list[dict[str, Any]], refuse: str = "") -> HttpResponse:
    form = NameForm(request.POST or None)

    def save(data: dict[str, Any]) -> str:
        if refuse:
            raise ValidationError({"name": refuse})
        saved.append(data)
        return data["name"]

    return form_submit(
        request,
        form=form,
        save=save,
        success=lambda name: (f"{name} added.", HttpResponseRedirect(f"/things/{name}/")),
        page=lambda: HttpResponse(f"errors={sorted(form.errors)}", status=422 if form.errors else 200),
    )


def test_get_shows_the_form_and_saves_nothing(people: dict[Role, User]) -> None:
    saved: list[dict[str, Any]] = []
    response = _submit(_request(people[Role.ADMIN]), saved)
    assert (response.status_code, response.content, saved) == (200, b"errors=[]", [])


def test_a_valid_post_saves_redirects_and_says_so(people: dict[Role, User]) -> None:
    saved: list[dict[str, Any]] = []
    request = _request(people[Role.ADMIN], "post", {"name": "Oak"})
    response = _submit(request, saved)
    assert (response.status_code, response["Location"], saved) == (302, "/things/Oak/", [{"name": "Oak"}])
    assert [m.message for m in get_messages(request)] == ["Oak added."]


def test_an_invalid_post_is_not_saved(people: dict[Role, User]) -> None:
    saved: list[dict[str, Any]] = []
    request = _request(people[Role.ADMIN], "post", {"name": "", "other": "x"})
    response = _submit(request, saved)
    assert (response.status_code, response.content, saved) == (422, b"errors=['name']", [])
    assert list(get_messages(request)) == []


def test_a_refusal_is_shown_against_its_field(people: dict[Role, User]) -> None:
    saved: list[dict[str, Any]] = []
    request = _request(people[Role.ADMIN], "post", {"name": "Oak"})
    response = _submit(request, saved, refuse="There is already a thing called Oak.")
    assert (response.status_code, response.content, saved) == (422, b"errors=['name']", [])
    assert list(get_messages(request)) == []


def test_without_a_page_it_renders_the_template_with_the_error_status(people: dict[Role, User]) -> None:
    request = _request(people[Role.ADMIN], "post", {"name": ""})
    form = NameForm(request.POST)
    response = form_submit(
        request,
        form=form,
        save=lambda data: data,
        success=lambda _: ("never", HttpResponse()),
        template="members/form.html",
        context={"title": "Add a thing", "button": "Add", "back": "/things/"},
        error_status=422,
    )
    assert response.status_code == 422
    assert "Error: Add a thing" in response.content.decode()
