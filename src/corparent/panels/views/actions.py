"""The action log and questions: list, raise, update (a partner only its own organisation's),
answer. Thin: parse, call one service or selector, present, render."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from corparent.accounts.permissions import capability_required, has_capability
from corparent.accounts.roles import Capability
from corparent.panels.forms.meetings import (
    ActionForm,
    ActionUpdateForm,
    AnswerForm,
    QuestionForm,
)
from corparent.panels.presenters import meetings as present
from corparent.panels.selectors import actions as selectors
from corparent.panels.services import actions as services
from corparent.panels.services import questions as question_services
from corparent.panels.views._shared import (
    action_or_404,
    form_page,
    meeting_or_404,
    panel_or_404,
    question_or_404,
)
from corparent.web.forms import add_service_errors


@require_GET
@capability_required(Capability.VIEW_PANELS)
def action_list(request: HttpRequest, panel_id: int) -> HttpResponse:
    panel = panel_or_404(panel_id)
    today = timezone.localdate()
    rows = present.action_rows(selectors.action_list(panel=panel), today=today)
    return render(
        request,
        "panels/action_list.html",
        {
            "panel": panel,
            "open": [r for r in rows if r.open],
            "closed": [r for r in rows if not r.open],
            "overdue": sum(1 for r in rows if r.overdue),
        },
    )


@require_http_methods(["GET", "POST"])
@capability_required(Capability.MANAGE_PANELS)
def action_create(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = meeting_or_404(meeting_id)
    form = ActionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        person, organisation = form.owners()
        try:
            services.action_create(
                user=request.user,
                panel=meeting.panel,
                meeting=meeting,
                description=form.cleaned_data["description"],
                due_date=form.cleaned_data["due_date"],
                owner_person=person,
                owner_organisation=organisation,
                request=request,
            )
        except ValidationError as e:
            add_service_errors(form, e)
        else:
            messages.success(request, "Action added to the action log.")
            return redirect(reverse("panels:meeting", kwargs={"meeting_id": meeting.pk}) + "#actions")
    return form_page(
        request,
        form=form,
        title="Add an action",
        caption=present.meeting_title(meeting),
        button="Add the action",
        back=reverse("panels:meeting", kwargs={"meeting_id": meeting.pk}),
        status=422 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "POST"])
@capability_required(Capability.VIEW_PANELS)
def action_detail(request: HttpRequest, action_id: int) -> HttpResponse:
    """An action and its updates; those who may update it see the form (and may post it)."""
    action = action_or_404(action_id)
    may = services.may_update(request.user, action)
    form = ActionUpdateForm(request.POST or None, initial={"status": action.status}) if may else None
    status = 200
    if request.method == "POST":
        if form is None:  # the service refuses (403): the action is another organisation's
            services.action_update(user=request.user, action=action, text="", status="", request=request)
        elif form.is_valid():
            try:
                services.action_update(user=request.user, action=action, request=request, **form.cleaned_data)
            except ValidationError as e:
                add_service_errors(form, e)
            else:
                messages.success(request, "Update added.")
                return redirect("panels:action", action_id=action.pk)
        status = 422
    return render(
        request,
        "panels/action_detail.html",
        {
            "action": present.action_row(action, today=timezone.localdate()),
            "panel": action.panel,
            "updates": selectors.action_updates(action=action),
            "form": form,
        },
        status=status,
    )


@require_GET
@capability_required(Capability.VIEW_PANELS)
def question_list(request: HttpRequest, panel_id: int) -> HttpResponse:
    panel = panel_or_404(panel_id)
    rows = present.question_rows(selectors.question_list(panel=panel), today=timezone.localdate())
    return render(
        request,
        "panels/question_list.html",
        {
            "panel": panel,
            "unanswered": [r for r in rows if not r.answer],
            "answered": [r for r in rows if r.answer],
            "can_ask": has_capability(request, Capability.RAISE_QUESTIONS),
        },
    )


@require_http_methods(["GET", "POST"])
@capability_required(Capability.RAISE_QUESTIONS)
def question_raise(request: HttpRequest, panel_id: int) -> HttpResponse:
    panel = panel_or_404(panel_id)
    manages = has_capability(request, Capability.MANAGE_PANELS)
    initial = {"indicator_id": request.GET.get("indicator", ""), "meeting": request.GET.get("meeting")}
    form = QuestionForm(request.POST or None, initial=initial, panel=panel, can_choose_asker=manages)
    if request.method == "POST" and form.is_valid():
        try:
            question = question_services.question_raise(
                user=request.user, panel=panel, request=request, **form.cleaned_data
            )
        except ValidationError as e:
            add_service_errors(form, e)
        else:
            messages.success(request, "Question raised.")
            return redirect("panels:question", question_id=question.pk)
    return form_page(
        request,
        form=form,
        title="Raise a question",
        caption=panel.name,
        button="Raise the question",
        back=reverse("panels:questions", kwargs={"panel_id": panel.pk}),
        status=422 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "POST"])
@capability_required(Capability.VIEW_PANELS)
def question_detail(request: HttpRequest, question_id: int) -> HttpResponse:
    question = question_or_404(question_id)
    may = question_services.may_answer(request.user, question)
    form = AnswerForm(request.POST or None, initial={"answer": question.answer}) if may else None
    status = 200
    if request.method == "POST":
        if form is None:
            question_services.question_answer(
                user=request.user, question=question, answer="", request=request
            )
        elif form.is_valid():
            question_services.question_answer(
                user=request.user, question=question, answer=form.cleaned_data["answer"], request=request
            )
            messages.success(request, "Answer saved.")
            return redirect("panels:question", question_id=question.pk)
        status = 422
    return render(
        request,
        "panels/question_detail.html",
        {
            "question": present.question_rows([question], today=timezone.localdate())[0],
            "panel": question.panel,
            "form": form,
        },
        status=status,
    )
