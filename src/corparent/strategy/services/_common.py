"""What the strategy services share: capability checks, principle letters, the audit trail."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from corparent.accounts.roles import Capability
from corparent.accounts.services import audit_record
from corparent.strategy.principles import LETTERS


def require(user: Any, capability: Capability, doing: str) -> None:
    if user is None or not user.is_authenticated or not user.can(capability):
        raise PermissionDenied(f"Your role may not {doing}.")


def audited(
    *, user: Any, request: HttpRequest | None, action: str, target: str, detail: dict[str, Any] | None = None
) -> None:
    audit_record(request=request, user=user, action=action, target=target, detail=detail or {})


def principle_problem(letters: Iterable[str], *, required: bool = True) -> str | None:
    """Why these principle letters are not acceptable, or None."""
    chosen = list(letters)
    if required and not chosen:
        return "Choose at least one of the seven corporate parenting principles."
    unknown = [x for x in chosen if x not in LETTERS]
    if unknown:
        return f"Unknown principle {', '.join(map(repr, unknown))}: expected letters {', '.join(LETTERS)}."
    return None


def ordered_letters(letters: Iterable[str]) -> list[str]:
    chosen = set(letters)
    return [x for x in LETTERS if x in chosen]
