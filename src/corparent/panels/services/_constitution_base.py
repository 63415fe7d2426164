"""What the constitution services share: the refusal they raise, the seated roles, the audit call."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.http import HttpRequest

from corparent.accounts.models import User
from corparent.accounts.services import audit_record
from corparent.panels.models import (
    Membership,
)

#: Roles that take a seat on the panel (counted for balance, quorum); the others attend.
SEATED_ROLES = (Membership.Role.CHAIR, Membership.Role.VICE_CHAIR, Membership.Role.MEMBER)


class ConstitutionError(ValueError):
    """A change refused, with the reason per field ("" for the record as a whole)."""

    def __init__(self, errors: Mapping[str, str] | str) -> None:
        self.errors = {"": errors} if isinstance(errors, str) else dict(errors)
        super().__init__("; ".join(self.errors.values()))


def _audit(
    *, user: User, request: HttpRequest | None, action: str, target: str, detail: dict[str, Any]
) -> None:
    audit_record(request=request, user=user, action=f"panels.{action}", target=target, detail=detail)


def _text(value: str) -> str:
    return (value or "").strip()
