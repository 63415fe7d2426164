"""The members pages. Thin: parse input, call one service or selector, present, render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from corparent.accounts.permissions import capability_required, has_capability
from corparent.accounts.roles import Capability
from corparent.members import forms as f
from corparent.members import presenters as present
from corparent.members import selectors, services
from corparent.web.forms import form_submit


def _get(getter: Any, what: str, **kwargs: Any) -> Any:
    try:
        return getter(**kwargs)
    except ObjectDoesNotExist as exc:
        raise Http404(f"There is no {what} with that number.") from exc


def _status(request: HttpRequest) -> int:
    """A posted form that comes back (with errors) is 422."""
    return 422 if request.method == "POST" else 200


def _form_page(
    request: HttpRequest, *, form: Any, title: str, button: str, back: str, caption: str = "", intro: str = ""
) -> HttpResponse:
    return render(
        request,
        "members/form.html",
        {"form": form, "title": title, "button": button, "back": back, "caption": caption, "intro": intro},
        status=_status(request),
    )


def raise_denied() -> None:
    raise PermissionDenied("Your role may not make this change.")


@require_GET
@capability_required(Capability.VIEW_MEMBERS)
def index(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    mine = selectors.councillor_for_user(user_id=request.user.pk)
    return render(
        request,
        "members/index.html",
        {
            "completion": present.completion_rows(today),
            "year": today.year,
            "visits_this_year": selectors.visits_in_year(year=today.year).count(),
            "champions": [present.champion_view(c) for c in selectors.champions()],
            "councillors": [present.councillor_row(p) for p in selectors.councillors()],
            "mine": present.councillor_row(mine) if mine else None,
            "may_manage": has_capability(request, Capability.MANAGE_MEMBERS),
            "may_visit": has_capability(request, Capability.RECORD_VISITS),
        },
    )


@require_GET
@capability_required(Capability.VIEW_MEMBERS)
def councillor(request: HttpRequest, person_id: int) -> HttpResponse:
    person = _get(selectors.councillor_get, "councillor", person_id=person_id)
    return render(
        request,
        "members/councillor.html",
        {
            "page": present.councillor_page(person, timezone.localdate()),
            "may_manage": has_capability(request, Capability.MANAGE_MEMBERS),
            "visit_principles": present.visit_principles(),
        },
    )


@require_http_methods(["GET", "POST"])
@capability_required(Capability.MANAGE_MEMBERS)
def tier_edit(request: HttpRequest, person_id: int) -> HttpResponse:
    person = _get(selectors.councillor_get, "councillor", person_id=person_id)
    current = selectors.tier_of(person)
    initial = {"tier": current.tier, "role_title": current.role_title} if current else {}
    form = f.TierForm(request.POST or None, initial=initial)
    back = reverse("members:councillor", kwargs={"person_id": person.pk})
    return form_submit(
        request,
        form=form,
        save=lambda data: services.tier_assign(user=request.user, person=person, **data),
        success=lambda _: ("Tier saved.", redirect(back)),
        page=lambda: _form_page(
            request, form=form, title="Corporate parent tier", caption=person.name, button="Save", back=back
        ),
    )


@require_GET
@capability_required(Capability.VIEW_MEMBERS)
def training(request: HttpRequest) -> HttpResponse:
    rows = [present.session_row(s) for s in selectors.sessions().prefetch_related("completions")]
    return render(
        request,
        "members/training.html",
        {
            "rows": rows,
            "completion": present.completion_rows(timezone.localdate()),
            "may_manage": has_capability(request, Capability.MANAGE_MEMBERS),
        },
    )


@require_http_methods(["GET", "POST"])
@capability_required(Capability.MANAGE_MEMBERS)
def session_create(request: HttpRequest) -> HttpResponse:
    form = f.SessionForm(request.POST or None)
    return form_submit(
        request,
        form=form,
        save=lambda data: services.training_session_create(user=request.user, **data),
        success=lambda session: (
            "Training session added.",
            redirect("members:session", training_session_id=session.pk),
        ),
        page=lambda: _form_page(
            request,
            form=form,
            title="Add a training session",
            button="Add the session",
            back=reverse("members:training"),
        ),
    )


@require_http_methods(["GET", "POST"])
@capability_required(Capability.VIEW_MEMBERS)
def session(request: HttpRequest, training_session_id: int) -> HttpResponse:
    """A session, who it is for and who has done it; officers record completions here."""
    item = _get(selectors.session_get, "training session", session_id=training_session_id)
    may_manage = has_capability(request, Capability.MANAGE_MEMBERS)
    form = f.CompletionForm(request.POST or None, initial={"completed_on": item.date}) if may_manage else None
    if request.method == "POST" and form is None:
        raise_denied()

    def page() -> HttpResponse:
        done = selectors.session_completions(session=item)
        people = [
            {"row": present.councillor_row(p), "completion": done.get(p.pk)}
            for p in selectors.councillors()
            if selectors.session_applies(item, selectors.tier_value(p)) or p.pk in done
        ]
        return render(
            request,
            "members/session.html",
            {"session": present.session_row(item), "item": item, "people": people, "form": form},
            status=_status(request),
        )

    return form_submit(
        request,
        form=form,
        save=lambda data: services.training_completion_record(user=request.user, session=item, **data),
        success=lambda _: (
            f"Recorded for {form.cleaned_data['person'].name}.",
            redirect("members:session", training_session_id=item.pk),
        ),
        page=page,
    )


@require_http_methods(["GET", "POST"])
@capability_required(Capability.MANAGE_MEMBERS)
def champion_create(request: HttpRequest) -> HttpResponse:
    form = f.ChampionForm(request.POST or None)
    return form_submit(
        request,
        form=form,
        save=lambda data: services.champion_create(user=request.user, **data),
        success=lambda champion: (
            "Champion added.",
            redirect(reverse("members:councillor", kwargs={"person_id": champion.person_id}) + "#champion"),
        ),
        page=lambda: _form_page(
            request,
            form=form,
            title="Add a Member Champion",
            button="Add the champion",
            back=reverse("members:index"),
        ),
    )


@require_http_methods(["GET", "POST"])
@capability_required(Capability.MANAGE_MEMBERS)
def champion_report(request: HttpRequest, champion_id: int) -> HttpResponse:
    champion = _get(selectors.champion_get, "champion", champion_id=champion_id)
    back = reverse("members:councillor", kwargs={"person_id": champion.person_id}) + "#champion"
    form = f.ChampionReportForm(request.POST or None)
    caption = f"{champion.person.name}, {champion.get_portfolio_display()} champion"
    return form_submit(
        request,
        form=form,
        save=lambda data: services.champion_report_create(user=request.user, champion=champion, **data),
        success=lambda _: ("Report added.", redirect(back)),
        page=lambda: _form_page(
            request,
            form=form,
            title="Add a champion's report",
            caption=caption,
            button="Add the report",
            back=back,
        ),
    )


@require_http_methods(["GET", "POST"])
@capability_required(Capability.MANAGE_MEMBERS)
def champion_end(request: HttpRequest, champion_id: int) -> HttpResponse:
    champion = _get(selectors.champion_get, "champion", champion_id=champion_id)
    back = reverse("members:councillor", kwargs={"person_id": champion.person_id}) + "#champion"
    form = f.ChampionEndForm(request.POST or None)
    caption = f"{champion.person.name}, {champion.get_portfolio_display()} champion"
    return form_submit(
        request,
        form=form,
        save=lambda data: services.champion_end(user=request.user, champion=champion, **data),
        success=lambda _: ("Champion's role ended.", redirect(back)),
        page=lambda: _form_page(
            request,
            form=form,
            title="End a champion's role",
            caption=caption,
            button="End the role",
            back=back,
        ),
    )


@require_http_methods(["GET", "POST"])
@capability_required(Capability.VIEW_MEMBERS)
def homes(request: HttpRequest) -> HttpResponse:
    may_manage = has_capability(request, Capability.MANAGE_MEMBERS)
    form = f.HomeForm(request.POST or None) if may_manage else None
    if request.method == "POST" and form is None:
        raise_denied()
    return form_submit(
        request,
        form=form,
        save=lambda data: services.home_create(user=request.user, **data),
        success=lambda _: ("Home added.", redirect("members:homes")),
        page=lambda: render(
            request, "members/homes.html", {"homes": selectors.homes(), "form": form}, status=_status(request)
        ),
    )


@require_GET
@capability_required(Capability.VIEW_MEMBERS)
def visits(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "members/visits.html",
        {
            "rows": [present.visit_row(v) for v in selectors.visits()],
            "may_visit": has_capability(request, Capability.RECORD_VISITS),
            "visit_principles": present.visit_principles(),
        },
    )


@require_http_methods(["GET", "POST"])
@capability_required(Capability.RECORD_VISITS)
def visit_create(request: HttpRequest) -> HttpResponse:
    mine = selectors.councillor_for_user(user_id=request.user.pk)
    form = f.VisitForm(request.POST or None, initial={"visitors": [mine.pk] if mine else []})
    return form_submit(
        request,
        form=form,
        save=lambda data: services.visit_record(user=request.user, **data),
        success=lambda visit: (
            "Visit recorded. Add any actions it raised below.",
            redirect("members:visit", visit_id=visit.pk),
        ),
        page=lambda: render(
            request,
            "members/visit_form.html",
            {"form": form, "back": reverse("members:visits")},
            status=_status(request),
        ),
    )


@require_http_methods(["GET", "POST"])
@capability_required(Capability.VIEW_MEMBERS)
def visit(request: HttpRequest, visit_id: int) -> HttpResponse:
    """A visit's report and its actions; its visitors (or an officer) add actions here."""
    item = _get(selectors.visit_get, "visit", visit_id=visit_id)
    may_edit = services.may_edit_visit(request.user, item)
    form = f.VisitActionForm(request.POST or None) if may_edit else None
    if request.method == "POST" and form is None:
        raise_denied()
    return form_submit(
        request,
        form=form,
        save=lambda data: services.visit_action_create(user=request.user, visit=item, **data),
        success=lambda _: (
            "Action added.",
            redirect(reverse("members:visit", kwargs={"visit_id": item.pk}) + "#actions"),
        ),
        page=lambda: _visit_page(request, item=item, form=form, may_edit=may_edit),
    )


def _visit_page(request: HttpRequest, *, item: Any, form: Any, may_edit: bool) -> HttpResponse:
    return render(
        request,
        "members/visit.html",
        {
            "visit": present.visit_row(item),
            "report": item.report,
            "ofsted_urn": item.home.ofsted_urn,
            "actions": present.action_rows(item, timezone.localdate()),
            "statuses": f.VisitActionStatusForm.base_fields["status"].choices,
            "form": form,
            "may_edit": may_edit,
            "visit_principles": present.visit_principles(),
        },
        status=_status(request),
    )


@require_POST
@capability_required(Capability.RECORD_VISITS)
def visit_action_status(request: HttpRequest, visit_action_id: int) -> HttpResponse:
    action = _get(selectors.visit_action_get, "visit action", action_id=visit_action_id)
    form = f.VisitActionStatusForm(request.POST)
    back = reverse("members:visit", kwargs={"visit_id": action.visit_id}) + "#actions"
    if not form.is_valid():
        messages.error(request, "Choose open, done or dropped.")
        return redirect(back)
    services.visit_action_update(user=request.user, action=action, status=form.cleaned_data["status"])
    messages.success(request, "Action updated.")
    return redirect(back)
