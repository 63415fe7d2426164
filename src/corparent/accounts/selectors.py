"""Reads for people and the audit log."""

from __future__ import annotations

from django.db.models import QuerySet

from corparent.accounts.models import AuditEvent, User
from corparent.accounts.roles import Role

DEMO_USERNAMES = {
    Role.ADMIN: "admin",
    Role.ANALYST: "analyst",
    Role.OFFICER: "officer",
    Role.MEMBER: "member",
    Role.PARTNER: "partner",
    Role.YOUNG_PERSON: "youngperson",
}


def demo_accounts() -> list[dict[str, str]]:
    """The demo sign-ins, one per role (demo mode only)."""
    users = {u.username: u for u in User.objects.filter(username__in=DEMO_USERNAMES.values())}
    return [{"username": name, "role": role.label} for role, name in DEMO_USERNAMES.items() if name in users]


def audit_events(*, limit: int = 500) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.select_related("user")[:limit]
