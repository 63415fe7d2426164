"""Writes for people and the audit log."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from corparent.accounts.models import AuditEvent, Organisation, User
from corparent.accounts.roles import Role


def _client_ip(request: HttpRequest) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


def audit_record(
    *,
    request: HttpRequest | None,
    action: str,
    target: str = "",
    outcome: str = AuditEvent.Outcome.ALLOWED,
    user: User | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Write one audit event. `user` defaults to the request's user."""
    who = user
    if who is None and request is not None and getattr(request, "user", None) is not None:
        who = request.user if request.user.is_authenticated else None  # type: ignore[assignment]
    return AuditEvent.objects.create(
        user=who,
        username=who.get_username() if who else "",
        role=who.role if who else "",
        action=action,
        target=target,
        outcome=outcome,
        path=request.path[:500] if request is not None else "",
        method=request.method or "" if request is not None else "",
        ip_address=_client_ip(request) if request is not None else None,
        user_agent=(request.META.get("HTTP_USER_AGENT", "")[:300] if request is not None else ""),
        detail=detail or {},
    )


def user_create(
    *,
    username: str,
    password: str,
    role: Role,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    organisation: Organisation | None = None,
) -> User:
    user = User(
        username=username,
        role=role,
        first_name=first_name,
        last_name=last_name,
        email=email,
        organisation=organisation,
    )
    user.set_password(password)
    user.full_clean()
    user.save()
    return user
