"""Writes for meetings: scheduling with an agenda built from the standing items and the work
programme, editing the agenda, papers, the frozen scorecard, attendance, minutes and status.

Each write is atomic and audited as a change to the panel's governance records."""

from __future__ import annotations

import hashlib
import tempfile
from datetime import datetime
from pathlib import Path, PurePath
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from corparent.accounts.roles import Capability
from corparent.panels.models import (
    AgendaItem,
    Attendance,
    Meeting,
    Minute,
    Panel,
    Paper,
    Person,
    WorkProgrammeItem,
)
from corparent.panels.selectors import meetings as meeting_selectors
from corparent.panels.services._common import audited, require

MANAGE = "run the panel's meetings"
STANDING_BEFORE = (
    AgendaItem.Kind.APOLOGIES,
    AgendaItem.Kind.DECLARATIONS,
    AgendaItem.Kind.MINUTES,
    AgendaItem.Kind.ACTION_LOG,
    AgendaItem.Kind.SCORECARD,
    AgendaItem.Kind.VOICE,
)
STANDING_AFTER = (AgendaItem.Kind.FWP,)
PAPER_TYPES = {
    ".pdf",
    ".docx",
    ".doc",
    ".odt",
    ".xlsx",
    ".ods",
    ".pptx",
    ".odp",
    ".txt",
    ".csv",
    ".png",
    ".jpg",
}
PAPER_LIMIT = 25 * 1024 * 1024


def _when(meeting: Meeting) -> str:
    d = meeting_selectors.meeting_date(meeting)
    return f"{d.day} {d:%B %Y}"


def _standing_title(kind: AgendaItem.Kind, previous: Meeting | None) -> str:
    if kind == AgendaItem.Kind.MINUTES and previous is not None:
        return f"Minutes of the meeting on {_when(previous)}"
    return str(kind.label)


def _fwp_agenda_item(meeting: Meeting, item: WorkProgrammeItem, order: int) -> AgendaItem:
    return AgendaItem(
        meeting=meeting,
        order=order,
        kind=AgendaItem.Kind.REPORT,
        title=item.title,
        fwp_item=item,
        presenter=item.partner.name if item.partner else "",
    )


def agenda_build(*, meeting: Meeting) -> list[AgendaItem]:
    """The standing items, then the work programme's items planned for this meeting, then the forward
    work programme itself. Replaces nothing: only for a meeting with no agenda yet."""
    if meeting.agenda.exists():
        raise ValidationError({"agenda": "The meeting already has an agenda; edit it instead."})
    previous = meeting_selectors.meeting_previous(meeting=meeting)
    items = [
        AgendaItem(meeting=meeting, order=0, kind=k, title=_standing_title(k, previous))
        for k in STANDING_BEFORE
    ]
    items += [
        _fwp_agenda_item(meeting, i, 0)
        for i in meeting.fwp_items.select_related("partner").order_by("due_date", "title", "id")
    ]
    items += [AgendaItem(meeting=meeting, order=0, kind=k, title=str(k.label)) for k in STANDING_AFTER]
    for number, item in enumerate(items, start=1):
        item.order = number
    return AgendaItem.objects.bulk_create(items)


def meeting_schedule(
    *,
    user: Any,
    panel: Panel,
    starts_at: datetime,
    location: str = "",
    request: HttpRequest | None = None,
) -> Meeting:
    """Schedule a meeting and build its agenda."""
    require(user, Capability.MANAGE_PANELS, MANAGE)
    if timezone.is_naive(starts_at):
        starts_at = timezone.make_aware(starts_at)
    if Meeting.objects.filter(panel=panel, starts_at=starts_at).exists():
        raise ValidationError({"starts_at": "The panel already has a meeting at that date and time."})
    with transaction.atomic():
        meeting = Meeting.objects.create(panel=panel, starts_at=starts_at, location=location.strip())
        agenda_build(meeting=meeting)
        audited(
            user=user,
            request=request,
            action="panels.meeting.schedule",
            target=f"meeting:{meeting.pk}",
            detail={"panel": panel.pk, "starts_at": starts_at.isoformat()},
        )
    return meeting


def meeting_status_set(
    *, user: Any, meeting: Meeting, status: str, request: HttpRequest | None = None
) -> Meeting:
    require(user, Capability.MANAGE_PANELS, MANAGE)
    if status not in Meeting.Status.values:
        raise ValidationError({"status": f"Expected one of {', '.join(Meeting.Status.values)}."})
    with transaction.atomic():
        meeting.status = status
        meeting.save(update_fields=["status"])
        audited(
            user=user,
            request=request,
            action="panels.meeting.status",
            target=f"meeting:{meeting.pk}",
            detail={"status": status},
        )
    return meeting


def _renumber(meeting: Meeting, ordered: list[AgendaItem]) -> None:
    for number, item in enumerate(ordered, start=1):
        if item.order != number:
            item.order = number
            item.save(update_fields=["order"])


def agenda_item_add(
    *,
    user: Any,
    meeting: Meeting,
    title: str,
    kind: str = AgendaItem.Kind.OTHER,
    presenter: str = "",
    fwp_item: WorkProgrammeItem | None = None,
    request: HttpRequest | None = None,
) -> AgendaItem:
    """Add an item at the end of the agenda, before the forward work programme if it is last."""
    require(user, Capability.MANAGE_PANELS, MANAGE)
    if not title.strip():
        raise ValidationError({"title": "Enter the item's title."})
    if kind not in AgendaItem.Kind.values:
        raise ValidationError({"kind": f"Expected one of {', '.join(AgendaItem.Kind.values)}."})
    with transaction.atomic():
        ordered = list(meeting_selectors.agenda(meeting=meeting).select_for_update(of=("self",)))
        position = len(ordered)
        if ordered and ordered[-1].kind == AgendaItem.Kind.FWP:
            position -= 1
        item = AgendaItem.objects.create(
            meeting=meeting,
            order=(ordered[-1].order + 1 if ordered else 1),
            kind=kind,
            title=title.strip(),
            presenter=presenter.strip(),
            fwp_item=fwp_item,
        )
        ordered.insert(position, item)
        _renumber(meeting, ordered)
        audited(
            user=user,
            request=request,
            action="panels.agenda.add",
            target=f"meeting:{meeting.pk}",
            detail={"item": item.pk, "title": item.title},
        )
    return item


def agenda_item_move(
    *, user: Any, item: AgendaItem, direction: str, request: HttpRequest | None = None
) -> list[AgendaItem]:
    """Move an item one place up or down."""
    require(user, Capability.MANAGE_PANELS, MANAGE)
    if direction not in ("up", "down"):
        raise ValidationError({"direction": "Expected up or down."})
    with transaction.atomic():
        ordered = list(meeting_selectors.agenda(meeting=item.meeting).select_for_update(of=("self",)))
        at = next(i for i, x in enumerate(ordered) if x.pk == item.pk)
        to = at - 1 if direction == "up" else at + 1
        if 0 <= to < len(ordered):
            ordered[at], ordered[to] = ordered[to], ordered[at]
            _renumber(item.meeting, ordered)
            audited(
                user=user,
                request=request,
                action="panels.agenda.move",
                target=f"meeting:{item.meeting_id}",
                detail={"item": item.pk, "direction": direction},
            )
    return ordered


def agenda_item_remove(*, user: Any, item: AgendaItem, request: HttpRequest | None = None) -> None:
    require(user, Capability.MANAGE_PANELS, MANAGE)
    meeting = item.meeting
    with transaction.atomic():
        audited(
            user=user,
            request=request,
            action="panels.agenda.remove",
            target=f"meeting:{meeting.pk}",
            detail={"item": item.pk, "title": item.title},
        )
        item.delete()
        _renumber(meeting, list(meeting_selectors.agenda(meeting=meeting).select_for_update(of=("self",))))


def paper_attach(
    *,
    user: Any,
    meeting: Meeting,
    title: str,
    upload: Any,
    agenda_item: AgendaItem | None = None,
    request: HttpRequest | None = None,
) -> Paper:
    """Attach a paper: its bytes stored once, immutable, named by their SHA-256 (the returns' store)."""
    from corparent.returns import store

    require(user, Capability.MANAGE_PANELS, MANAGE)
    name = PurePath(str(getattr(upload, "name", "") or "")).name
    problems: dict[str, str] = {}
    if not title.strip():
        problems["title"] = "Enter the paper's title."
    suffix = PurePath(name).suffix.lower()
    if suffix not in PAPER_TYPES:
        problems["file"] = f"{name or 'The file'}: expected a document ({', '.join(sorted(PAPER_TYPES))})"
    elif upload.size == 0:
        problems["file"] = f"{name}: the file is empty"
    elif upload.size > PAPER_LIMIT:
        problems["file"] = f"{name}: larger than {PAPER_LIMIT // (1024 * 1024)} MB"
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        problems["agenda_item"] = "That agenda item belongs to another meeting."
    if problems:
        raise ValidationError(problems)
    digest = hashlib.sha256()
    size = 0
    with tempfile.TemporaryDirectory() as tmp:
        staged = Path(tmp) / "paper"
        with staged.open("wb") as out:
            for chunk in upload.chunks():
                digest.update(chunk)
                size += len(chunk)
                out.write(chunk)
        sha = digest.hexdigest()
        wrote = store.put(staged, sha)
    try:
        with transaction.atomic():
            paper = Paper.objects.create(
                meeting=meeting,
                agenda_item=agenda_item,
                title=title.strip(),
                file_name=name,
                sha256=sha,
                size=size,
                uploaded_by=user,
            )
            audited(
                user=user,
                request=request,
                action="panels.paper.attach",
                target=f"meeting:{meeting.pk}",
                detail={"paper": paper.pk, "sha256": sha, "file": name},
            )
    except BaseException:
        if wrote and not Paper.objects.filter(sha256=sha).exists():
            store.remove([sha])
        raise
    return paper


def scorecard_freeze(*, user: Any, meeting: Meeting, request: HttpRequest | None = None) -> Meeting:
    """Freeze the latest published scorecard into the meeting's papers, as members see it (small
    numbers suppressed): each indicator's headline figure, its date, target and RAG."""
    from corparent.engine.indicators.suppression import Audience
    from corparent.scorecard import presenters as scorecard_presenters
    from corparent.scorecard import selectors as scorecard_selectors

    require(user, Capability.MANAGE_PANELS, MANAGE)
    snapshot = scorecard_selectors.snapshot_get()
    if snapshot is None:
        raise ValidationError(
            {"snapshot": "No scorecard has been published yet, so there is nothing to freeze."}
        )
    rows = []
    for theme in scorecard_presenters.scorecard(snapshot=snapshot, audience=Audience.MEMBER):
        for row in theme.rows:
            rows.append(
                {
                    "theme": theme.title,
                    "indicator": row.id,
                    "title": row.title,
                    "figure": row.figure,
                    "suppressed": row.suppressed,
                    "as_at": row.as_at,
                    "target": row.target,
                    "rag": row.rag.value if row.rag else "",
                }
            )
    with transaction.atomic():
        meeting.snapshot = snapshot
        meeting.frozen_scorecard = rows
        meeting.frozen_at = timezone.now()
        meeting.save(update_fields=["snapshot", "frozen_scorecard", "frozen_at"])
        audited(
            user=user,
            request=request,
            action="panels.scorecard.freeze",
            target=f"meeting:{meeting.pk}",
            detail={"snapshot": snapshot.pk, "indicators": len(rows)},
        )
    return meeting


def attendance_record(
    *,
    user: Any,
    meeting: Meeting,
    entries: list[tuple[Person, str, Person | None]],
    request: HttpRequest | None = None,
) -> list[Attendance]:
    """Record attendance: (person, status, substitute for) each; an empty status clears a person's
    row. Someone can substitute only for a seat-holder on the panel on the meeting's date."""
    require(user, Capability.MANAGE_PANELS, MANAGE)
    day = meeting_selectors.meeting_date(meeting)
    seated = {m.person_id for m in meeting_selectors.memberships_on(panel=meeting.panel, on=day)}
    problems: list[str] = []
    for person, status, substitute_for in entries:
        if status and status not in Attendance.Status.values:
            problems.append(f"{person.name}: expected present, apologies or absent, not {status!r}")
        if substitute_for is not None:
            if substitute_for.pk not in seated:
                problems.append(f"{person.name}: {substitute_for.name} does not sit on the panel")
            if substitute_for.pk == person.pk:
                problems.append(f"{person.name}: cannot substitute for themselves")
            if status != Attendance.Status.PRESENT:
                problems.append(f"{person.name}: a substitute must be present")
    if problems:
        raise ValidationError({"attendance": problems})
    saved: list[Attendance] = []
    with transaction.atomic():
        for person, status, substitute_for in entries:
            if not status:
                Attendance.objects.filter(meeting=meeting, person=person).delete()
                continue
            row, _ = Attendance.objects.update_or_create(
                meeting=meeting,
                person=person,
                defaults={"status": status, "substitute_for": substitute_for},
            )
            saved.append(row)
        audited(
            user=user,
            request=request,
            action="panels.attendance.record",
            target=f"meeting:{meeting.pk}",
            detail={"recorded": {str(p.pk): s for p, s, _ in entries}},
        )
    return saved


def minute_record(
    *,
    user: Any,
    meeting: Meeting,
    agenda_item: AgendaItem | None,
    text: str,
    resolution: str = "",
    request: HttpRequest | None = None,
) -> Minute:
    """Write (or rewrite) the minute of an agenda item, with what the panel resolved."""
    require(user, Capability.MANAGE_PANELS, MANAGE)
    if not text.strip():
        raise ValidationError({"text": "Enter the minute: what was discussed."})
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise ValidationError({"agenda_item": "That agenda item belongs to another meeting."})
    with transaction.atomic():
        existing = (
            Minute.objects.filter(meeting=meeting, agenda_item=agenda_item).first()
            if agenda_item is not None
            else None
        )
        if existing is not None:
            existing.text, existing.resolution = text.strip(), resolution.strip()
            existing.save(update_fields=["text", "resolution"])
            minute = existing
        else:
            minute = Minute.objects.create(
                meeting=meeting, agenda_item=agenda_item, text=text.strip(), resolution=resolution.strip()
            )
        audited(
            user=user,
            request=request,
            action="panels.minute.record",
            target=f"meeting:{meeting.pk}",
            detail={"minute": minute.pk, "agenda_item": agenda_item.pk if agenda_item else None},
        )
    return minute


def minutes_record(
    *,
    user: Any,
    meeting: Meeting,
    entries: list[tuple[AgendaItem, str, str]],
    request: HttpRequest | None = None,
) -> list[Minute]:
    """Write the minutes of a meeting, item by item (minute, resolution); an item left blank has no
    minute. A resolution needs its minute. All or nothing."""
    problems = [
        f"{item.order}. {item.title}: a resolution needs a minute of the discussion"
        for item, text, resolution in entries
        if resolution.strip() and not text.strip()
    ]
    if problems:
        raise ValidationError({"minutes": problems})
    saved: list[Minute] = []
    with transaction.atomic():
        for item, text, resolution in entries:
            if text.strip():
                saved.append(
                    minute_record(
                        user=user,
                        meeting=meeting,
                        agenda_item=item,
                        text=text,
                        resolution=resolution,
                        request=request,
                    )
                )
            else:
                require(user, Capability.MANAGE_PANELS, MANAGE)
                Minute.objects.filter(meeting=meeting, agenda_item=item).delete()
    return saved
