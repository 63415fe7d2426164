"""Writes for the voice area. Each checks the person's capability, validates, writes and audits in
one transaction; a problem raises ValidationError (by field) and changes nothing."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from corparent.accounts.roles import Capability
from corparent.accounts.services import audit_record
from corparent.voice.models import Forum, Issue, LocalOffer, OfferEntry, Promise, Rating, Session

PRINCIPLE_LETTERS = "abcdefg"


def _require(user: Any, *caps: Capability, doing: str) -> None:
    if not any(user.can(c) for c in caps):
        raise PermissionDenied(f"Your role may not {doing}.")


def _audit(user: Any, request: HttpRequest | None, action: str, target: str, **detail: Any) -> None:
    audit_record(request=request, user=user, action=f"voice.{action}", target=target, detail=detail)


def _required_text(problems: dict[str, str], field: str, value: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        problems[field] = message
    return value


def forum_create(
    *, user: Any, name: str, kind: str, description: str = "", request: HttpRequest | None = None
) -> Forum:
    _require(user, Capability.MANAGE_VOICE, doing="set up forums")
    problems: dict[str, str] = {}
    name = _required_text(problems, "name", name, "Enter the forum's name")
    if name and Forum.objects.filter(name__iexact=name).exists():
        problems["name"] = f"There is already a forum called {name}"
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        forum = Forum(name=name, kind=kind, description=description.strip())
        forum.full_clean()
        forum.save()
        _audit(user, request, "forum_create", f"forum:{forum.pk}", name=name)
    return forum


def session_create(
    *,
    user: Any,
    forum: Forum,
    held_on: date,
    title: str,
    notes: str = "",
    request: HttpRequest | None = None,
) -> Session:
    _require(user, Capability.MANAGE_VOICE, doing="record forum sessions")
    problems: dict[str, str] = {}
    title = _required_text(problems, "title", title, "Enter a title for the session")
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        session = Session.objects.create(forum=forum, held_on=held_on, title=title, notes=notes.strip())
        _audit(user, request, "session_create", f"session:{session.pk}", forum=forum.pk)
    return session


def issue_raise(
    *,
    user: Any,
    session: Session,
    you_said: str,
    request: HttpRequest | None = None,
) -> Issue:
    """Record what young people said at a session (a representative, or the participation worker)."""
    _require(user, Capability.SPEAK_IN_VOICE, Capability.MANAGE_VOICE, doing="raise issues in the voice area")
    problems: dict[str, str] = {}
    you_said = _required_text(problems, "you_said", you_said, "Say what young people said")
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        issue = Issue.objects.create(
            forum=session.forum, session=session, you_said=you_said, raised_on=session.held_on, raised_by=user
        )
        _audit(user, request, "issue_raise", f"issue:{issue.pk}", session=session.pk)
    return issue


def issue_answer(
    *,
    user: Any,
    issue: Issue,
    owner: str,
    status: str,
    we_did: str,
    publish: bool,
    on: date | None = None,
    request: HttpRequest | None = None,
) -> Issue:
    """Give the answer ("we did"), and publish it on "you said, we did" when it is ready."""
    _require(user, Capability.MANAGE_VOICE, doing="answer issues")
    on = on or timezone.localdate()
    problems: dict[str, str] = {}
    owner = _required_text(problems, "owner", owner, "Name the service or partner answering this")
    we_did = (we_did or "").strip()
    if status not in Issue.Status.values:
        problems["status"] = "Choose a status"
    if publish and not we_did:
        problems["we_did"] = "Write what we did before publishing it"
    if publish and status == Issue.Status.RAISED:
        problems["status"] = "Say whether it is done, being worked on or not possible before publishing it"
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        issue.owner, issue.status, issue.we_did = owner, status, we_did
        if we_did and issue.answered_on is None:
            issue.answered_on = on
        if publish and issue.published_on is None:
            issue.published_on = on
        if not publish:
            issue.published_on = None
        issue.save()
        _audit(user, request, "issue_answer", f"issue:{issue.pk}", status=status, published=publish)
    return issue


def promise_create(
    *,
    user: Any,
    number: int,
    text: str,
    owner: str,
    evidence: str = "",
    evidence_url: str = "",
    principles: str = "",
    request: HttpRequest | None = None,
) -> Promise:
    _require(user, Capability.MANAGE_VOICE, doing="write the Pledge")
    problems: dict[str, str] = {}
    text = _required_text(problems, "text", text, "Write the promise")
    owner = _required_text(problems, "owner", owner, "Name who keeps the promise")
    letters = "".join(sorted(set((principles or "").lower().replace(",", "").replace(" ", ""))))
    if any(c not in PRINCIPLE_LETTERS for c in letters):
        problems["principles"] = "Use the letters a to g, e.g. aef"
    if Promise.objects.filter(number=number).exists():
        problems["number"] = f"There is already a promise {number}"
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        promise = Promise(
            number=number,
            text=text,
            owner=owner,
            evidence=evidence.strip(),
            evidence_url=evidence_url,
            principles=letters,
        )
        promise.full_clean()
        promise.save()
        _audit(user, request, "promise_create", f"promise:{promise.pk}")
    return promise


def promise_rate(
    *,
    user: Any,
    promise: Promise,
    verdict: str,
    comment: str = "",
    session: Session | None = None,
    on: date | None = None,
    request: HttpRequest | None = None,
) -> Rating:
    """Young people's rating of a promise: by a representative, or recorded from a session."""
    _require(user, Capability.SPEAK_IN_VOICE, Capability.MANAGE_VOICE, doing="rate the Pledge")
    if verdict not in Rating.Verdict.values:
        raise ValidationError({"verdict": "Choose kept, partly kept or not kept"})
    with transaction.atomic():
        rating = Rating.objects.create(
            promise=promise,
            verdict=verdict,
            comment=(comment or "").strip(),
            session=session,
            rated_on=on or (session.held_on if session else timezone.localdate()),
            rated_by=user,
        )
        _audit(user, request, "promise_rate", f"promise:{promise.pk}", verdict=verdict)
    return rating


def offer_create(
    *,
    user: Any,
    entries: list[dict[str, str]],
    consultation: str = "",
    consulted_from: date | None = None,
    consulted_to: date | None = None,
    published_on: date | None = None,
    request: HttpRequest | None = None,
) -> LocalOffer:
    """Add a new version of the local offer with its entries (each: area, title, description, basis)."""
    _require(user, Capability.MANAGE_VOICE, doing="write the local offer")
    with transaction.atomic():
        latest = LocalOffer.objects.order_by("-version").first()
        offer = LocalOffer.objects.create(
            version=(latest.version + 1) if latest else 1,
            consultation=consultation.strip(),
            consulted_from=consulted_from,
            consulted_to=consulted_to,
            published_on=published_on,
        )
        for n, e in enumerate(entries, start=1):
            entry = OfferEntry(offer=offer, **e)
            try:
                entry.full_clean()
            except ValidationError as error:
                raise ValidationError(f"Entry {n}: {'; '.join(error.messages)}") from None
            entry.save()
        _audit(user, request, "offer_create", f"offer:{offer.pk}", version=offer.version)
    return offer
