"""The voice pages: parse the request, call a service or selector, wrap it in a presenter, render.
Every page needs VIEW_VOICE at least; writes check their own capability in the service too."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from corparent.accounts.permissions import capability_required, has_capability
from corparent.accounts.roles import Capability
from corparent.voice import imports, presenters, selectors, services
from corparent.voice.forms import (
    AnswerForm,
    ForumForm,
    ImportForm,
    IssueForm,
    PromiseForm,
    RatingForm,
    SessionForm,
)
from corparent.web.forms import form_submit

C = Capability


def _found(obj: Any, what: str) -> Any:
    if obj is None:
        raise Http404(f"There is no {what} with that number.")
    return obj


def _status(form: Any) -> int:
    return 400 if form.errors else 200


def _can(request: HttpRequest) -> dict[str, bool]:
    return {
        "manages": has_capability(request, C.MANAGE_VOICE),
        "speaks": has_capability(request, C.SPEAK_IN_VOICE) or has_capability(request, C.MANAGE_VOICE),
    }


@capability_required(C.VIEW_VOICE)
def index(request: HttpRequest) -> HttpResponse:
    waiting = list(selectors.issues_waiting()) if has_capability(request, C.MANAGE_VOICE) else []
    return render(
        request,
        "voice/index.html",
        {
            "forums": selectors.forums(),
            "waiting": [(i, presenters.status_tag(i)) for i in waiting],
            **_can(request),
        },
    )


@capability_required(C.MANAGE_VOICE)
def forum_create(request: HttpRequest) -> HttpResponse:
    form = ForumForm(request.POST or None)
    return form_submit(
        request,
        form=form,
        save=lambda data: services.forum_create(user=request.user, request=request, **data),
        success=lambda forum: (f"{forum.name} is set up.", redirect("voice:forum", forum_id=forum.pk)),
        page=lambda: render(request, "voice/forum_form.html", {"form": form}, status=_status(form)),
    )


@capability_required(C.VIEW_VOICE)
def forum_detail(request: HttpRequest, forum_id: int) -> HttpResponse:
    forum = _found(selectors.forum_get(forum_id=forum_id), "forum")
    return render(
        request,
        "voice/forum.html",
        {"forum": forum, "sessions": selectors.sessions_of(forum=forum), **_can(request)},
    )


@capability_required(C.MANAGE_VOICE)
def session_create(request: HttpRequest, forum_id: int) -> HttpResponse:
    forum = _found(selectors.forum_get(forum_id=forum_id), "forum")
    form = SessionForm(request.POST or None)
    return form_submit(
        request,
        form=form,
        save=lambda data: services.session_create(user=request.user, request=request, forum=forum, **data),
        success=lambda session: (
            f"{session.title} is recorded.",
            redirect("voice:session", forum_session_id=session.pk),
        ),
        page=lambda: render(
            request, "voice/session_form.html", {"form": form, "forum": forum}, status=_status(form)
        ),
    )


@capability_required(C.VIEW_VOICE)
def session_detail(request: HttpRequest, forum_session_id: int) -> HttpResponse:
    """A session and the issues raised at it; representatives and the participation worker add more."""
    session = _found(selectors.session_get(session_id=forum_session_id), "forum session")
    can = _can(request)
    form = IssueForm(request.POST or None)
    if request.method == "POST" and not can["speaks"]:
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied("Your role may not raise issues in the voice area.")

    def page() -> HttpResponse:
        issues = [(i, presenters.status_tag(i)) for i in selectors.issues_of(session=session)]
        return render(
            request,
            "voice/session.html",
            {"session": session, "issues": issues, "form": form, **can},
            status=_status(form),
        )

    return form_submit(
        request,
        form=form,
        save=lambda data: services.issue_raise(user=request.user, request=request, session=session, **data),
        success=lambda _: (
            "Thank you. What you said is recorded and will be answered.",
            redirect("voice:session", forum_session_id=session.pk),
        ),
        page=page,
    )


@capability_required(C.MANAGE_VOICE)
def issue_answer(request: HttpRequest, issue_id: int) -> HttpResponse:
    issue = _found(selectors.issue_get(issue_id=issue_id), "issue")
    initial = {
        "owner": issue.owner,
        "status": issue.status,
        "we_did": issue.we_did,
        "publish": issue.published_on is not None,
    }
    form = AnswerForm(request.POST or None, initial=initial)
    return form_submit(
        request,
        form=form,
        save=lambda data: services.issue_answer(user=request.user, request=request, issue=issue, **data),
        success=lambda _: (
            "The issue is answered and published."
            if form.cleaned_data["publish"]
            else "The issue is answered (not published).",
            redirect("voice:index"),
        ),
        page=lambda: render(
            request, "voice/issue_answer.html", {"form": form, "issue": issue}, status=_status(form)
        ),
    )


@capability_required(C.VIEW_VOICE)
def you_said_we_did(request: HttpRequest) -> HttpResponse:
    issues = [(i, presenters.status_tag(i)) for i in selectors.issues_published()]
    return render(request, "voice/you_said_we_did.html", {"issues": issues})


@capability_required(C.VIEW_VOICE)
def pledge(request: HttpRequest) -> HttpResponse:
    rows = [(r, presenters.verdict_tag(r.latest)) for r in selectors.pledge_rows()]
    return render(request, "voice/pledge.html", {"rows": rows, **_can(request)})


@capability_required(C.MANAGE_VOICE)
def promise_create(request: HttpRequest) -> HttpResponse:
    form = PromiseForm(request.POST or None)
    return form_submit(
        request,
        form=form,
        save=lambda data: services.promise_create(user=request.user, request=request, **data),
        success=lambda promise: (
            f"Promise {promise.number} is added to the Pledge.",
            redirect("voice:pledge"),
        ),
        page=lambda: render(request, "voice/promise_form.html", {"form": form}, status=_status(form)),
    )


@capability_required(C.SPEAK_IN_VOICE)
def promise_rate(request: HttpRequest, promise_id: int) -> HttpResponse:
    promise = _found(selectors.promise_get(promise_id=promise_id), "promise")
    form = RatingForm(request.POST or None)
    return form_submit(
        request,
        form=form,
        save=lambda data: services.promise_rate(user=request.user, request=request, promise=promise, **data),
        success=lambda _: (
            f"Thank you. Your rating of promise {promise.number} is saved.",
            redirect("voice:pledge"),
        ),
        page=lambda: render(
            request, "voice/rate_form.html", {"form": form, "promise": promise}, status=_status(form)
        ),
    )


@capability_required(C.VIEW_VOICE)
def offer(request: HttpRequest) -> HttpResponse:
    current = selectors.offer_current()
    return render(
        request,
        "voice/offer.html",
        {"offer": current, "areas": presenters.offer_areas(current), "versions": selectors.offers()},
    )


@capability_required(C.VIEW_VOICE)
def surveys(request: HttpRequest) -> HttpResponse:
    lines = presenters.survey_lines(selectors.survey_rows(user=request.user))
    return render(request, "voice/surveys.html", {"lines": lines, **_can(request)})


@capability_required(C.VIEW_VOICE)
def feedback(request: HttpRequest) -> HttpResponse:
    lines = presenters.feedback_lines(selectors.feedback_rows(user=request.user))
    return render(request, "voice/feedback.html", {"lines": lines, **_can(request)})


IMPORTS: dict[str, dict[str, Any]] = {
    "survey": {
        "title": "Import survey results",
        "back": "voice:surveys",
        "importer": imports.survey_results_import,
        "columns": imports.SURVEY_COLUMNS,
        "template": "voice:survey_template",
    },
    "feedback": {
        "title": "Import complaints and compliments",
        "back": "voice:feedback",
        "importer": imports.feedback_import,
        "columns": imports.FEEDBACK_COLUMNS,
        "template": "voice:feedback_template",
    },
}


def _import(request: HttpRequest, kind: str) -> HttpResponse:
    spec = IMPORTS[kind]
    importer: Callable[..., int] = spec["importer"]
    problems: list[str] = []
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            written = importer(
                user=request.user, request=request, file_name=upload.name, content=upload.read()
            )
        except ValidationError as error:
            problems = error.messages
            form.add_error(
                "file",
                f"The file was not imported: {len(problems)} problem(s), listed below. Nothing was changed.",
            )
        else:
            messages.success(request, f"Imported {written} row(s).")
            return redirect(spec["back"])
    return render(
        request,
        "voice/import_form.html",
        {"form": form, "spec": spec, "problems": problems},
        status=_status(form),
    )


@capability_required(C.MANAGE_VOICE)
def survey_import(request: HttpRequest) -> HttpResponse:
    return _import(request, "survey")


@capability_required(C.MANAGE_VOICE)
def feedback_import(request: HttpRequest) -> HttpResponse:
    return _import(request, "feedback")


def _csv(kind: str) -> HttpResponse:
    response = HttpResponse(imports.template(kind), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{kind}-template.csv"'
    return response


@capability_required(C.MANAGE_VOICE)
def survey_template(request: HttpRequest) -> HttpResponse:
    return _csv("survey")


@capability_required(C.MANAGE_VOICE)
def feedback_template(request: HttpRequest) -> HttpResponse:
    return _csv("feedback")
