"""Writes for local measures: define a measure, enter or import its values (a correction adds a
version, nothing is overwritten), its target and commentary. Each is audited in its transaction."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.http import HttpRequest
from django.utils.text import slugify

from corparent.accounts.models import Organisation
from corparent.accounts.roles import Capability
from corparent.accounts.services import audit_record
from corparent.measures import figures, selectors
from corparent.measures.models import Measure, MeasureCommentary, MeasureValue
from corparent.measures.periods import Frequency, is_period_start, period_end, period_start_of
from corparent.scorecard.models import Target
from corparent.scorecard.services import target_record
from corparent.scorecard.themes import THEMES


def _unique_slug(title: str) -> str:
    base = (slugify(title) or "measure")[:50].strip("-")
    slug, n = base, 1
    while Measure.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base[: 49 - len(str(n))].strip('-')}-{n}"
    return slug


def measure_create(
    *,
    user: Any,
    title: str,
    meaning: str,
    unit: str,
    polarity: str,
    frequency: str,
    source: str,
    first_period: date,
    owner_organisation: Organisation | None = None,
    owner_team: str = "",
    numerator_label: str = "",
    denominator_label: str = "",
    theme: str = "local",
    due_days: int = 20,
    request: HttpRequest | None = None,
) -> Measure:
    """Define a local measure. Values come as a numerator and denominator when both labels are
    given, else as one value."""
    if not user.can(Capability.MANAGE_MEASURES):
        raise PermissionDenied("Your role may not define local measures.")
    title, meaning = (title or "").strip(), (meaning or "").strip()
    numerator_label, denominator_label = numerator_label.strip(), denominator_label.strip()
    problems: dict[str, str] = {}
    if not title:
        problems["title"] = "Enter the measure's title"
    if not meaning:
        problems["meaning"] = "Say what the measure means, in plain English"
    if bool(numerator_label) != bool(denominator_label):
        missing = "denominator_label" if numerator_label else "numerator_label"
        problems[missing] = "Give both a numerator and a denominator label, or neither"
    if theme and theme != "local" and theme not in {t.slug for t in THEMES}:
        problems["theme"] = "Choose a scorecard theme from the list"
    if owner_organisation is None and not owner_team.strip():
        problems["owner_team"] = "Choose the partner that owns the measure, or name the council team"
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        measure = Measure(
            slug=_unique_slug(title),
            title=title,
            meaning=meaning,
            unit=unit,
            polarity=polarity,
            frequency=frequency,
            source=source.strip(),
            first_period=period_start_of(first_period, frequency),
            owner_organisation=owner_organisation,
            owner_team="" if owner_organisation else owner_team.strip(),
            numerator_label=numerator_label,
            denominator_label=denominator_label,
            theme=theme or "local",
            due_days=due_days,
            created_by=user,
        )
        measure.full_clean()
        measure.save()
        audit_record(
            request=request,
            user=user,
            action="measures.measure_create",
            target=f"measure:{measure.pk}",
            detail={"title": measure.title},
        )
    return measure


def _require_submit(user: Any, measure: Measure) -> None:
    if not selectors.may_submit(user=user, measure=measure):
        raise PermissionDenied(
            f"You may not enter values for {measure.title}: it belongs to {measure.owner_name}."
        )


def _check_period(measure: Measure, period_start: date, on: date) -> str | None:
    if not is_period_start(period_start, measure.frequency):
        return (
            f"{period_start:%Y-%m-%d} is not the first day of a {Frequency(measure.frequency).value} period"
        )
    if period_start < measure.first_period:
        return (
            f"{period_start:%Y-%m-%d} is before the measure's first period ({measure.first_period:%Y-%m-%d})"
        )
    if period_end(period_start, measure.frequency) >= on:
        return f"the period starting {period_start:%Y-%m-%d} has not ended yet"
    return None


def _write_version(
    *,
    measure: Measure,
    period_start: date,
    numerator: float | None,
    denominator: float | None,
    value: float | None,
    note: str,
    user: Any,
    source: str,
    file_name: str = "",
) -> MeasureValue | None:
    """Add a version of the period's value; None when it equals the current one (nothing to do)."""
    shown = figures.figure(
        unit=measure.unit,
        has_parts=measure.has_parts,
        numerator=numerator,
        denominator=denominator,
        value=value,
    )
    if not measure.has_parts:
        numerator = denominator = None
    current = (
        MeasureValue.objects.filter(measure=measure, period_start=period_start).order_by("-version").first()
    )
    if current is not None and (current.numerator, current.denominator, current.value, current.note) == (
        numerator,
        denominator,
        shown,
        note,
    ):
        return None
    return MeasureValue.objects.create(
        measure=measure,
        period_start=period_start,
        period_end=period_end(period_start, measure.frequency),
        version=(current.version + 1) if current else 1,
        numerator=numerator,
        denominator=denominator,
        value=shown,
        note=note,
        source=source,
        file_name=file_name,
        entered_by=user,
    )


def measure_value_submit(
    *,
    user: Any,
    measure: Measure,
    period_start: date,
    numerator: float | None = None,
    denominator: float | None = None,
    value: float | None = None,
    note: str = "",
    source: str = MeasureValue.Source.FORM,
    request: HttpRequest | None = None,
) -> MeasureValue | None:
    """Enter (or correct) one period's value. A correction adds a version; the old one is kept.
    Returns None when the figures are the same as the current ones."""
    _require_submit(user, measure)
    problems = figures.check_parts(
        unit=measure.unit,
        has_parts=measure.has_parts,
        numerator=numerator,
        denominator=denominator,
        value=value,
    )
    period_problem = _check_period(measure, period_start, selectors.today())
    if period_problem:
        problems["period_start"] = period_problem[0].upper() + period_problem[1:]
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        row = _write_version(
            measure=measure,
            period_start=period_start,
            numerator=numerator,
            denominator=denominator,
            value=value,
            note=(note or "").strip(),
            user=user,
            source=source,
        )
        if row is not None:
            audit_record(
                request=request,
                user=user,
                action="measures.value_submit",
                target=f"measure:{measure.pk}",
                detail={"period_start": period_start.isoformat(), "version": row.version, "value": row.value},
            )
    return row


def measure_values_import(
    *, user: Any, measure: Measure, file_name: str, content: bytes, request: HttpRequest | None = None
) -> int:
    """Import a measure's values from its CSV template, all or nothing. Rows with no figures are
    skipped. Raises ValidationError listing every problem (file, row, column, what was expected)
    and changes nothing when any row is wrong. Returns how many periods got a new value."""
    from corparent.measures.csv_template import parse

    if not user.can(Capability.MANAGE_MEASURES):
        raise PermissionDenied("Your role may not import values.")
    rows = parse(measure=measure, file_name=file_name, content=content, on=selectors.today())
    with transaction.atomic():
        written = 0
        for row in rows:
            made = _write_version(
                measure=measure,
                period_start=row.period_start,
                numerator=row.numerator,
                denominator=row.denominator,
                value=row.value,
                note=row.note,
                user=user,
                source=MeasureValue.Source.IMPORT,
                file_name=file_name[:200],
            )
            written += made is not None
        audit_record(
            request=request,
            user=user,
            action="measures.values_import",
            target=f"measure:{measure.pk}",
            detail={"file": file_name, "rows": len(rows), "written": written},
        )
    return written


def measure_target_set(
    *,
    user: Any,
    measure: Measure,
    target: float,
    amber_tolerance: float = 0,
    reason: str = "",
    request: HttpRequest | None = None,
) -> Target:
    """Set the measure's target: a scorecard Target row keyed by the measure's indicator id."""
    if not user.can(Capability.EDIT_TARGETS):
        raise PermissionDenied("Your role may not set targets.")
    return target_record(
        user=user,
        indicator_id=measure.indicator_id,
        target=target,
        amber_tolerance=amber_tolerance,
        reason=reason,
        percent=measure.unit == Measure.Unit.PERCENT,
        request=request,
    )


def measure_commentary_write(
    *,
    user: Any,
    measure: Measure,
    why: str,
    action: str,
    by_when: date | None,
    request: HttpRequest | None = None,
) -> MeasureCommentary:
    """Commentary on the measure's latest value: why it is where it is, what is being done, by when."""
    if not user.can(Capability.EDIT_COMMENTARY):
        raise PermissionDenied("Your role may not write commentary.")
    why, action = (why or "").strip(), (action or "").strip()
    problems: dict[str, str] = {}
    if not why:
        problems["why"] = "Say why the figure is where it is."
    if not action:
        problems["action"] = "Say what we are doing about it."
    latest = MeasureValue.objects.filter(measure=measure).aggregate(last=Max("period_start"))["last"]
    if latest is None:
        problems["why"] = problems.get("why") or "The measure has no values yet to comment on."
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        row = MeasureCommentary.objects.create(
            measure=measure, period_start=latest, why=why, action=action, by_when=by_when, author=user
        )
        audit_record(
            request=request,
            user=user,
            action="measures.commentary_write",
            target=f"measure:{measure.pk}",
            detail={"commentary": row.pk, "period_start": latest.isoformat()},
        )
    return row
