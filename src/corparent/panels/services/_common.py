"""What the panel's services share: capability checks and the governance audit trail."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from corparent.accounts.roles import Capability
from corparent.accounts.services import audit_record


def require(user: Any, capability: Capability, doing: str) -> None:
    if user is None or not user.can(capability):
        raise PermissionDenied(f"Your role may not {doing}.")


def audited(
    *, user: Any, request: HttpRequest | None, action: str, target: str, detail: dict[str, Any] | None = None
) -> None:
    """Record a change to the panel's governance records (in the caller's transaction)."""
    audit_record(request=request, user=user, action=action, target=target, detail=detail or {})
