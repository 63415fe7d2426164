"""What the meeting, action and work programme views share: lookups that 404, a generic form page, and
the general form-submit helper (``_form_page``, from corparent.web.forms)."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from corparent.panels.models import Action, Meeting, Panel, Question, WorkProgrammeItem
from corparent.panels.selectors import actions as action_selectors
from corparent.panels.selectors import meetings as meeting_selectors
from corparent.panels.selectors import work_programme as fwp_selectors
from corparent.web.forms import form_submit

# The general form-submit page (GET shows the form, a valid POST saves through a service and redirects
# with a message, a refusal is shown on the form) lives in corparent.web.forms; panels views import it
# from here too.
_form_page = form_submit


def panel_or_404(panel_id: int) -> Panel:
    try:
        return meeting_selectors.panel_get(panel_id=panel_id)
    except Panel.DoesNotExist as exc:
        raise Http404("There is no panel with that number.") from exc


def meeting_or_404(meeting_id: int) -> Meeting:
    try:
        return meeting_selectors.meeting_get(meeting_id=meeting_id)
    except Meeting.DoesNotExist as exc:
        raise Http404("There is no meeting with that number.") from exc


def action_or_404(action_id: int) -> Action:
    try:
        return action_selectors.action_get(action_id=action_id)
    except Action.DoesNotExist as exc:
        raise Http404("There is no action with that number.") from exc


def question_or_404(question_id: int) -> Question:
    try:
        return action_selectors.question_get(question_id=question_id)
    except Question.DoesNotExist as exc:
        raise Http404("There is no question with that number.") from exc


def fwp_item_or_404(item_id: int) -> WorkProgrammeItem:
    try:
        return fwp_selectors.fwp_item_get(item_id=item_id)
    except WorkProgrammeItem.DoesNotExist as exc:
        raise Http404("There is no work programme item with that number.") from exc


def form_page(
    request: HttpRequest,
    *,
    form: Any,
    title: str,
    button: str,
    back: str,
    caption: str = "",
    intro: str = "",
    status: int = 200,
    multipart: bool = False,
) -> HttpResponse:
    """A page with one form, its fields in order (the generic layout for simple forms)."""
    return render(
        request,
        "panels/meeting_form.html",
        {
            "form": form,
            "title": title,
            "button": button,
            "back": back,
            "caption": caption,
            "intro": intro,
            "multipart": multipart,
        },
        status=status,
    )
