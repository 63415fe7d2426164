"""Writes to a meeting's papers: documents attached (stored once by their SHA-256, as the returns
are), and the published scorecard frozen in as members see it.

Each write is atomic and audited as a change to the panel's governance records."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path, PurePath
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from corparent.accounts.roles import Capability
from corparent.panels.models import AgendaItem, Meeting, Paper
from corparent.panels.services._common import audited, require
from corparent.panels.services._meeting_base import MANAGE

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
