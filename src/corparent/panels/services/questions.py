"""Writes for questions: members raise them (in a meeting or on an indicator), officers or partners
answer them."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from corparent.accounts.roles import Capability
from corparent.panels.models import Meeting, Panel, Person, Question
from corparent.panels.services._common import audited, require


def question_raise(
    *,
    user: Any,
    panel: Panel,
    text: str,
    asked_by: Person | None = None,
    answerer: Person | None = None,
    answer_by: date | None = None,
    meeting: Meeting | None = None,
    indicator_id: str = "",
    request: HttpRequest | None = None,
) -> Question:
    """Raise a question. A member asks as themselves; whoever runs the panel may record one for any
    member (``asked_by``)."""
    require(user, Capability.RAISE_QUESTIONS, "raise questions")
    own = getattr(user, "person", None)
    if asked_by is None or not user.can(Capability.MANAGE_PANELS):
        asked_by = own
    problems: dict[str, str] = {}
    if asked_by is None:
        problems["asked_by"] = "Your sign-in is not linked to anyone on the panel: ask democratic services."
    if not text.strip():
        problems["text"] = "Enter the question."
    if meeting is not None and meeting.panel_id != panel.pk:
        problems["meeting"] = "That meeting is another panel's."
    if indicator_id:
        from corparent.scorecard.selectors import indicator_get

        if indicator_get(indicator_id) is None:
            problems["indicator_id"] = f"There is no indicator called {indicator_id!r}."
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        question = Question.objects.create(
            panel=panel,
            meeting=meeting,
            indicator_id=indicator_id,
            asked_by=asked_by,
            text=text.strip(),
            answerer=answerer,
            answer_by=answer_by,
        )
        audited(
            user=user,
            request=request,
            action="panels.question.raise",
            target=f"question:{question.pk}",
            detail={"panel": panel.pk},
        )
    return question


def may_answer(user: Any, question: Question) -> bool:
    """Whoever runs the panel may record any answer; others only questions put to them (or to their
    organisation)."""
    if user is None or not user.can(Capability.ANSWER_QUESTIONS):
        return False
    if user.can(Capability.MANAGE_PANELS):
        return True
    answerer = question.answerer
    if answerer is None:
        return False
    if answerer.user_id == user.pk:
        return True
    return user.organisation_id is not None and answerer.organisation_id == user.organisation_id


def question_answer(
    *,
    user: Any,
    question: Question,
    answer: str,
    today: date | None = None,
    request: HttpRequest | None = None,
) -> Question:
    require(user, Capability.ANSWER_QUESTIONS, "answer questions")
    if not may_answer(user, question):
        raise PermissionDenied("This question was put to someone else.")
    if not answer.strip():
        raise ValidationError({"answer": "Enter the answer."})
    with transaction.atomic():
        question.answer = answer.strip()
        question.answered_on = today or timezone.localdate()
        question.save(update_fields=["answer", "answered_on"])
        audited(
            user=user,
            request=request,
            action="panels.question.answer",
            target=f"question:{question.pk}",
        )
    return question
