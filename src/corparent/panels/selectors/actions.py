"""Reads for the action log and questions: open actions carried to the next meeting (read, never
copied), overdue actions and questions, and what a partner organisation has been asked."""

from __future__ import annotations

from datetime import date

from django.db.models import Q, QuerySet

from corparent.accounts.models import Organisation
from corparent.panels.models import Action, Meeting, Panel, Question

OPEN = (Action.Status.OPEN, Action.Status.IN_PROGRESS)


def _actions() -> QuerySet[Action]:
    return Action.objects.select_related(
        "owner_person", "owner_person__organisation", "owner_organisation", "raised_at"
    )


def action_list(*, panel: Panel, open_only: bool = False) -> QuerySet[Action]:
    found = _actions().filter(panel=panel)
    return found.filter(status__in=OPEN) if open_only else found


def action_get(*, action_id: int) -> Action:
    return _actions().select_related("panel").get(pk=action_id)


def action_log_for(*, meeting: Meeting) -> QuerySet[Action]:
    """The action log a meeting reviews: the panel's actions raised before it that are still open, or
    were closed on or after its date (so a past meeting's log shows what was open then)."""
    from corparent.panels.selectors.meetings import meeting_date

    day = meeting_date(meeting)
    raised_before = Q(raised_at__starts_at__lt=meeting.starts_at) | Q(
        raised_at__isnull=True, created_at__lt=meeting.starts_at
    )
    still_open = Q(status__in=OPEN) | Q(closed_on__gte=day)
    return _actions().filter(panel=meeting.panel).filter(raised_before).filter(still_open)


def actions_raised_at(*, meeting: Meeting) -> QuerySet[Action]:
    return _actions().filter(raised_at=meeting)


def is_overdue(action: Action, *, today: date) -> bool:
    return action.status in OPEN and action.due_date < today


def actions_overdue(*, today: date, panel: Panel | None = None) -> QuerySet[Action]:
    found = _actions().filter(status__in=OPEN, due_date__lt=today)
    return found.filter(panel=panel) if panel is not None else found


def actions_to_remind(*, today: date) -> QuerySet[Action]:
    """Overdue actions whose owners have not been reminded today."""
    return actions_overdue(today=today).filter(
        Q(last_reminded_on__isnull=True) | Q(last_reminded_on__lt=today)
    )


def actions_of_organisation(*, organisation: Organisation) -> QuerySet[Action]:
    return _actions().filter(Q(owner_organisation=organisation) | Q(owner_person__organisation=organisation))


def action_updates(*, action: Action) -> QuerySet:
    return action.updates.select_related("by").order_by("at", "id")


def question_list(*, panel: Panel) -> QuerySet[Question]:
    return (
        Question.objects.filter(panel=panel)
        .select_related("asked_by", "answerer", "answerer__organisation", "meeting")
        .order_by("-created_at", "-id")
    )


def question_get(*, question_id: int) -> Question:
    return Question.objects.select_related(
        "panel", "asked_by", "answerer", "answerer__organisation", "meeting"
    ).get(pk=question_id)


def question_is_overdue(question: Question, *, today: date) -> bool:
    return not question.answer and question.answer_by is not None and question.answer_by < today


def questions_for_meeting(*, meeting: Meeting) -> QuerySet[Question]:
    return question_list(panel=meeting.panel).filter(meeting=meeting)
