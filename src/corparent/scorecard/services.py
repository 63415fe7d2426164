"""Writes for the scorecard: targets and commentary. Both are governance records, so each is
written to the audit log in the same transaction."""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest

from corparent.accounts.roles import Capability
from corparent.accounts.services import audit_record
from corparent.returns.models import Snapshot
from corparent.scorecard import selectors
from corparent.scorecard.models import Commentary, Target


def _indicator(indicator_id: str) -> Any:
    indicator = selectors.indicator_get(indicator_id)
    if indicator is None:
        raise ValidationError({"indicator_id": f"There is no indicator called {indicator_id!r}."})
    return indicator


def target_set(
    *,
    user: Any,
    indicator_id: str,
    target: float,
    amber_tolerance: float = 0,
    reason: str = "",
    request: HttpRequest | None = None,
) -> Target:
    """Set the council's target for an indicator (kept as history: the newest is current)."""
    if not user.can(Capability.EDIT_TARGETS):
        raise PermissionDenied("Your role may not set targets.")
    indicator = _indicator(indicator_id)
    return target_record(
        user=user,
        indicator_id=indicator_id,
        target=target,
        amber_tolerance=amber_tolerance,
        reason=reason,
        percent=indicator.unit.value == "%",
        request=request,
    )


def target_record(
    *,
    user: Any,
    indicator_id: str,
    target: float,
    amber_tolerance: float,
    reason: str,
    percent: bool,
    request: HttpRequest | None = None,
) -> Target:
    """Check and store a target for any figure on the scorecard (a statutory indicator or a local
    measure, whose caller has checked the user may set it), and audit it."""
    problems: dict[str, str] = {}
    if target is None or not math.isfinite(float(target)):
        problems["target"] = "Enter the target as a number, for example 75."
    elif percent and not 0 <= float(target) <= 100:
        problems["target"] = "Enter a percentage target from 0 to 100."
    if amber_tolerance is None or not math.isfinite(float(amber_tolerance)) or float(amber_tolerance) < 0:
        problems["amber_tolerance"] = "Enter how far from the target is amber as 0 or more."
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        row = Target.objects.create(
            indicator_id=indicator_id,
            target=float(target),
            amber_tolerance=float(amber_tolerance),
            set_by=user,
            reason=(reason or "").strip(),
        )
        audit_record(
            request=request,
            user=user,
            action="scorecard.target_set",
            target=f"indicator:{indicator_id}",
            detail={"target": row.target, "amber_tolerance": row.amber_tolerance, "reason": row.reason},
        )
    return row


def commentary_write(
    *,
    user: Any,
    snapshot: Snapshot,
    indicator_id: str,
    why: str,
    action: str,
    by_when: date | None,
    request: HttpRequest | None = None,
) -> Commentary:
    """Say why a figure is where it is, what is being done and by when. Why and what are always
    needed; on a red or amber figure "by when" is needed too."""
    if not user.can(Capability.EDIT_COMMENTARY):
        raise PermissionDenied("Your role may not write commentary.")
    _indicator(indicator_id)
    if snapshot.status != Snapshot.Status.READY:
        raise ValidationError({"snapshot": "Commentary can only be written on a published snapshot."})
    why, action = (why or "").strip(), (action or "").strip()
    problems: dict[str, str] = {}
    if not why:
        problems["why"] = "Say why the figure is where it is."
    if not action:
        problems["action"] = "Say what we are doing about it."
    status = selectors.rag_unsuppressed(snapshot=snapshot, indicator_id=indicator_id)
    if by_when is None and status is not None and status.needs_commentary:
        problems["by_when"] = f"The figure is {status.value}: say by when it will improve."
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        row = Commentary.objects.create(
            snapshot=snapshot, indicator_id=indicator_id, why=why, action=action, by_when=by_when, author=user
        )
        audit_record(
            request=request,
            user=user,
            action="scorecard.commentary_write",
            target=f"snapshot:{snapshot.pk},indicator:{indicator_id}",
            detail={"commentary": row.pk, "rag": status.value if status else None},
        )
    return row
