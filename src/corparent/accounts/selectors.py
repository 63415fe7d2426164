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


# A second partner, so the demo shows two partners each entering their own figures
DEMO_SECOND_PARTNER = ("school", f"{Role.PARTNER.label} (the virtual school)")


def demo_accounts() -> list[dict[str, str]]:
    """The demo sign-ins: one per role, and the second partner (demo mode only)."""
    listed = [(name, role.label) for role, name in DEMO_USERNAMES.items()] + [DEMO_SECOND_PARTNER]
    users = set(User.objects.filter(username__in=[n for n, _ in listed]).values_list("username", flat=True))
    return [{"username": name, "role": label} for name, label in listed if name in users]


def audit_events(*, limit: int = 500) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.select_related("user")[:limit]
