"""Permission checks for views and API endpoints, on the server.

`capability_required(cap)` guards a view; `child_level` views also write the audit log, whether
the request is allowed or refused. Refusals are 403 (the user is signed in but may not see it).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from rest_framework.permissions import BasePermission

from corparent.accounts.models import AuditEvent
from corparent.accounts.roles import Capability
from corparent.accounts.services import audit_record

View = Callable[..., HttpResponse]


def has_capability(request: HttpRequest, capability: Capability) -> bool:
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated and user.can(capability))


def capability_required(capability: Capability, *, audit_action: str | None = None) -> Callable[[View], View]:
    """Refuse (403) unless the user has `capability`. With `audit_action`, every request is audited:
    allowed ones by the view itself (it knows the target), refused ones here."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not has_capability(request, capability):
                if audit_action:
                    audit_record(
                        request=request,
                        action=audit_action,
                        target=_target(kwargs),
                        outcome=AuditEvent.Outcome.DENIED,
                    )
                raise PermissionDenied(f"Your role may not {capability.value.replace('_', ' ')}.")
            return view(request, *args, **kwargs)

        wrapped.required_capability = capability  # type: ignore[attr-defined]
        return wrapped

    return decorator


def _target(kwargs: dict[str, Any]) -> str:
    return ",".join(f"{k}:{v}" for k, v in sorted(kwargs.items()))


class HasCapability(BasePermission):
    """DRF permission: the view sets `required_capability` (and optionally `write_capability` for
    unsafe methods, and `audit_action` for child-level endpoints)."""

    def has_permission(self, request: Any, view: Any) -> bool:
        cap: Capability = view.required_capability
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            cap = getattr(view, "write_capability", cap)
        allowed = has_capability(request, cap)
        action = getattr(view, "audit_action", None)
        if action and not allowed and request.user is not None and request.user.is_authenticated:
            audit_record(
                request=request,
                action=action,
                target=_target(view.kwargs),
                outcome=AuditEvent.Outcome.DENIED,
            )
        return allowed
