from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models

from corparent.accounts.roles import Capability, Role, can


class Organisation(models.Model):
    """A partner organisation (health, housing, police, a school...) or the council itself."""

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=100, blank=True, help_text="e.g. health, housing, police, education")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    role = models.CharField(max_length=20, choices=[(r.value, r.label) for r in Role], default=Role.MEMBER)
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.PROTECT)

    def can(self, capability: Capability) -> bool:
        return bool(self.is_active) and can(self.role, capability)

    @property
    def role_label(self) -> str:
        return Role(self.role).label


class AuditEvent(models.Model):
    """Who did what, when and from where: every child-level view or export, every refused request
    for one, and every change to governance records. Rows are never updated or deleted."""

    class Outcome(models.TextChoices):
        ALLOWED = "allowed"
        DENIED = "denied"

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL)
    username = models.CharField(max_length=150, blank=True)
    role = models.CharField(max_length=20, blank=True)
    action = models.CharField(max_length=100, db_index=True)
    target = models.CharField(
        max_length=300, blank=True, help_text="what was viewed or changed, e.g. return:12"
    )
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.ALLOWED)
    path = models.CharField(max_length=500, blank=True)
    method = models.CharField(max_length=10, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.action} {self.target} ({self.outcome})"
