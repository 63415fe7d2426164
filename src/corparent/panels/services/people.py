"""Writes to the people who sit on or report to panels. Refusals raise ConstitutionError (see
corparent.panels.services.constitution)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.http import HttpRequest

from corparent.accounts.models import Organisation, User
from corparent.panels.models import (
    Person,
    PoliticalGroup,
)
from corparent.panels.services._constitution_base import ConstitutionError, _audit, _text


def _person_fields(
    *,
    kind: str,
    name: str,
    political_group: PoliticalGroup | None,
    ward: str,
    job_title: str,
    organisation: Organisation | None,
) -> dict[str, Any]:
    name = _text(name)
    errors = {}
    if not name:
        errors["name"] = "Enter the person's name"
    if kind not in Person.Kind.values:
        errors["kind"] = "Choose councillor, officer, partner, young person or foster carer"
    if kind != Person.Kind.COUNCILLOR and political_group is not None:
        errors["political_group"] = "Only a councillor belongs to a political group"
    if kind == Person.Kind.PARTNER and organisation is None:
        errors["organisation"] = "Choose the partner's organisation"
    if errors:
        raise ConstitutionError(errors)
    return {
        "name": name,
        "kind": kind,
        "political_group": political_group,
        "ward": _text(ward) if kind == Person.Kind.COUNCILLOR else "",
        "job_title": _text(job_title),
        "organisation": organisation,
    }


@transaction.atomic
def person_create(
    *,
    user: User,
    name: str,
    kind: str,
    political_group: PoliticalGroup | None = None,
    ward: str = "",
    job_title: str = "",
    organisation: Organisation | None = None,
    email: str = "",
    login: User | None = None,
    request: HttpRequest | None = None,
) -> Person:
    fields = _person_fields(
        kind=kind,
        name=name,
        political_group=political_group,
        ward=ward,
        job_title=job_title,
        organisation=organisation,
    )
    _check_login(login=login, exclude=None)
    person = Person.objects.create(**fields, email=_text(email), user=login)
    _audit(
        user=user,
        request=request,
        action="person.create",
        target=f"person:{person.pk}",
        detail={"name": person.name, "kind": kind},
    )
    return person


def _check_login(*, login: User | None, exclude: int | None) -> None:
    if login is not None and Person.objects.filter(user=login).exclude(pk=exclude).exists():
        raise ConstitutionError({"login": f"The login {login.username} is already linked to someone else"})


@transaction.atomic
def person_update(
    *,
    user: User,
    person: Person,
    name: str,
    kind: str,
    political_group: PoliticalGroup | None = None,
    ward: str = "",
    job_title: str = "",
    organisation: Organisation | None = None,
    email: str = "",
    login: User | None = None,
    request: HttpRequest | None = None,
) -> Person:
    fields = _person_fields(
        kind=kind,
        name=name,
        political_group=political_group,
        ward=ward,
        job_title=job_title,
        organisation=organisation,
    )
    if kind != person.kind and person.memberships.exists():
        raise ConstitutionError(
            {
                "kind": f"{person.name} has held seats as a {person.get_kind_display().lower()}: add "
                "them again as a new person instead of changing what they are"
            }
        )
    _check_login(login=login, exclude=person.pk)
    for key, value in fields.items():
        setattr(person, key, value)
    person.email, person.user = _text(email), login
    person.save()
    _audit(
        user=user,
        request=request,
        action="person.update",
        target=f"person:{person.pk}",
        detail={"name": person.name, "kind": kind},
    )
    return person
