"""Reads for the voice area. Survey results and complaints counts come back suppressed for anyone
who may not see small numbers: counts from 1 to 5 are hidden (the engine's rule)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Q, QuerySet

from corparent.accounts.roles import Capability
from corparent.engine.indicators.suppression import is_small
from corparent.voice.models import (
    FeedbackCount,
    Forum,
    Issue,
    LocalOffer,
    Promise,
    Rating,
    Session,
    SurveyResult,
)


def forums() -> QuerySet[Forum]:
    return Forum.objects.annotate(
        session_count=Count("sessions", distinct=True),
        open_count=Count("issues", filter=Q(issues__published_on__isnull=True), distinct=True),
    ).order_by("name")


def forum_get(*, forum_id: int) -> Forum | None:
    return Forum.objects.filter(pk=forum_id).first()


def session_get(*, session_id: int) -> Session | None:
    return Session.objects.select_related("forum").filter(pk=session_id).first()


def issue_get(*, issue_id: int) -> Issue | None:
    return Issue.objects.select_related("forum", "session").filter(pk=issue_id).first()


def promise_get(*, promise_id: int) -> Promise | None:
    return Promise.objects.filter(pk=promise_id).first()


def sessions_of(*, forum: Forum) -> QuerySet[Session]:
    return forum.sessions.annotate(issue_count=Count("issues")).order_by("-held_on", "-id")


def issues_of(*, session: Session) -> QuerySet[Issue]:
    return session.issues.order_by("id")


def issues_waiting() -> QuerySet[Issue]:
    """Issues not yet published with an answer: the participation worker's list."""
    return (
        Issue.objects.filter(published_on__isnull=True)
        .select_related("forum", "session")
        .order_by("raised_on", "id")
    )


def issues_published() -> QuerySet[Issue]:
    return (
        Issue.objects.filter(published_on__isnull=False)
        .select_related("forum")
        .order_by("-published_on", "-id")
    )


def issues_answered_between(*, after: date | None, until: date) -> QuerySet[Issue]:
    """Published "you said, we did" items answered after `after` (if given) up to `until`."""
    rows = issues_published().filter(answered_on__lte=until)
    if after is not None:
        rows = rows.filter(answered_on__gt=after)
    return rows.order_by("answered_on", "id")


@dataclass(frozen=True)
class PledgeRow:
    promise: Promise
    latest: Rating | None
    counts: dict[str, int]


def pledge_rows() -> list[PledgeRow]:
    promises = list(Promise.objects.prefetch_related("ratings").order_by("number"))
    rows = []
    for p in promises:
        ratings = list(p.ratings.all())  # newest first (model ordering)
        rows.append(
            PledgeRow(
                promise=p, latest=ratings[0] if ratings else None, counts=Counter(r.verdict for r in ratings)
            )
        )
    return rows


def offer_current() -> LocalOffer | None:
    """The newest published version of the local offer."""
    return LocalOffer.objects.filter(published_on__isnull=False).order_by("-version").first()


def offers() -> QuerySet[LocalOffer]:
    return LocalOffer.objects.annotate(entry_count=Count("entries")).order_by("-version")


def sees_small_numbers(user: Any) -> bool:
    return bool(user.is_authenticated and user.can(Capability.VIEW_UNSUPPRESSED))


@dataclass(frozen=True)
class SurveyRow:
    survey: str
    year: int
    domain: str
    respondents: int | None
    positive: int | None
    percent: float | None

    @property
    def suppressed(self) -> bool:
        return self.percent is None and self.respondents is None


def survey_rows(*, user: Any) -> list[SurveyRow]:
    """Every survey result; for non-analysts a row showing a count of 1 to 5 (respondents,
    positive answers, or the others, which are respondents minus positive) is hidden whole."""
    unsuppressed = sees_small_numbers(user)
    rows = []
    for r in SurveyResult.objects.order_by("survey", "domain", "year"):
        hide = not unsuppressed and any(
            is_small(n) for n in (r.respondents, r.positive, r.respondents - r.positive)
        )
        if hide:
            rows.append(SurveyRow(r.survey, r.year, r.domain, None, None, None))
        else:
            pct = round(100 * r.positive / r.respondents, 1) if r.respondents else None
            rows.append(SurveyRow(r.survey, r.year, r.domain, r.respondents, r.positive, pct))
    return rows


@dataclass(frozen=True)
class FeedbackRow:
    quarter_start: date
    kind: str
    theme: str
    count: int | None  # None: suppressed


def feedback_rows(*, user: Any) -> list[FeedbackRow]:
    """Complaints and compliments by quarter and theme; counts from 1 to 5 hidden for non-analysts.
    No totals are shown, so a hidden count cannot be worked out by difference."""
    unsuppressed = sees_small_numbers(user)
    return [
        FeedbackRow(
            f.quarter_start, f.kind, f.theme, f.count if unsuppressed or not is_small(f.count) else None
        )
        for f in FeedbackCount.objects.order_by("-quarter_start", "kind", "theme")
    ]
