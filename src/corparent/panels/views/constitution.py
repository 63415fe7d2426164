"""Pages for the panel's constitution: panels, terms of reference, the council's groups and
composition, people, membership and political balance. Everyone with VIEW_PANELS reads them;
democratic services (MANAGE_PANELS) change them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from corparent.accounts.permissions import capability_required, has_capability
from corparent.accounts.roles import Capability
from corparent.panels.balance import BalanceError
from corparent.panels.forms import constitution as forms
from corparent.panels.models import Membership, Panel
from corparent.panels.presenters import constitution as presenters
from corparent.panels.presenters import effectiveness
from corparent.panels.selectors import constitution as selectors
from corparent.panels.selectors.effectiveness import PanelYear, year_figures
from corparent.panels.services import constitution as services
from corparent.panels.services.constitution import ConstitutionError
from corparent.web.forms import form_submit

VIEW = Capability.VIEW_PANELS
MANAGE = Capability.MANAGE_PANELS


def _render(request: HttpRequest, template: str, context: dict[str, Any], status: int = 200) -> HttpResponse:
    context.setdefault("can_manage", has_capability(request, MANAGE))
    return render(request, template, context, status=status)


def _status(request: HttpRequest) -> int:
    """A form page that comes back after a POST (with errors, or closed) is a 400."""
    return 400 if request.method == "POST" else 200


def _form_page(
    request: HttpRequest,
    *,
    form: forms.ConstitutionForm,
    save: Callable[[dict[str, Any]], Any],
    template: str,
    context: dict[str, Any],
    success: Callable[[Any], tuple[str, HttpResponse]],
) -> HttpResponse:
    """GET shows the form; POST saves through the service or shows what is wrong (400)."""
    return form_submit(
        request,
        form=form,
        save=save,
        success=success,
        refusal=ConstitutionError,
        show_refusal=lambda bound, refusal: bound.add_refusal(refusal),
        page=lambda: _render(request, template, {**context, "form": form}, status=_status(request)),
    )


def _data(request: HttpRequest) -> Any:
    return request.POST if request.method == "POST" else None


# Panels ------------------------------------------------------------------------------------------


@capability_required(VIEW)
def index(request: HttpRequest) -> HttpResponse:
    return _render(request, "panels/index.html", {"rows": presenters.index_page()})


@capability_required(MANAGE)
def panel_create(request: HttpRequest) -> HttpResponse:
    return _form_page(
        request,
        form=forms.PanelForm(_data(request)),
        save=lambda d: services.panel_create(user=request.user, request=request, **d),
        template="panels/panel_form.html",
        context={"title": "Set up a panel"},
        success=lambda p: (f"{p.name} set up.", redirect("panels:panel", panel_id=p.pk)),
    )


@capability_required(VIEW)
def panel_detail(request: HttpRequest, panel_id: int) -> HttpResponse:
    panel = selectors.panel_get(panel_id=panel_id)
    this_year = PanelYear.containing(timezone.localdate())
    works = effectiveness.panel_summary(
        year_figures(panel=panel, year=this_year), year_figures(panel=panel, year=this_year.previous)
    )
    return _render(request, "panels/panel.html", {"page": presenters.panel_page(panel), "works": works})


@capability_required(MANAGE)
def panel_edit(request: HttpRequest, panel_id: int) -> HttpResponse:
    panel = selectors.panel_get(panel_id=panel_id)
    initial = {
        "name": panel.name,
        "kind": panel.kind,
        "size": panel.size,
        "politically_balanced": panel.politically_balanced,
    }
    return _form_page(
        request,
        form=forms.PanelForm(_data(request), initial=initial),
        save=lambda d: services.panel_update(user=request.user, request=request, panel=panel, **d),
        template="panels/panel_form.html",
        context={"title": f"Change {panel.name}", "panel": panel},
        success=lambda p: (f"{p.name} saved.", redirect("panels:panel", panel_id=p.pk)),
    )


# Terms of reference ------------------------------------------------------------------------------


@capability_required(VIEW)
def terms_list(request: HttpRequest, panel_id: int) -> HttpResponse:
    panel = selectors.panel_get(panel_id=panel_id)
    rows = presenters.terms_rows(selectors.terms_versions(panel=panel))
    return _render(request, "panels/tor_list.html", {"panel": panel, "rows": rows})


@capability_required(MANAGE)
def terms_create(request: HttpRequest, panel_id: int) -> HttpResponse:
    panel = selectors.panel_get(panel_id=panel_id)
    latest = selectors.terms_latest(panel=panel)
    initial = {}
    if latest is not None:
        initial = {
            f: getattr(latest, f) for f in ("purpose", "quorum", "frequency", "reporting_line", "body")
        }
    return _form_page(
        request,
        form=forms.TermsForm(_data(request), initial=initial, panel=panel),
        save=lambda d: services.terms_create(user=request.user, request=request, panel=panel, **d),
        template="panels/tor_form.html",
        context={"panel": panel, "latest": latest, "title": f"New terms of reference for {panel.name}"},
        success=lambda t: (
            f"Version {t.version} of the terms of reference saved"
            + (" and approved." if t.approved_on else " as a draft."),
            redirect("panels:terms", panel_id=panel.pk),
        ),
    )


@capability_required(MANAGE)
def terms_approve(request: HttpRequest, panel_id: int, version: int) -> HttpResponse:
    panel = selectors.panel_get(panel_id=panel_id)
    terms = selectors.terms_get(panel=panel, version=version)
    context = {"panel": panel, "terms": terms, "title": f"Approve version {terms.version}"}
    if terms.approved_on is not None:  # never changed: the page says so and offers a new version
        context["approval"] = presenters.approval_text(terms)
        return _closed(request, "panels/tor_approve.html", context)
    return _form_page(
        request,
        form=forms.ApprovalForm(_data(request), panel=panel),
        save=lambda d: services.terms_approve(user=request.user, request=request, terms=terms, **d),
        template="panels/tor_approve.html",
        context=context,
        success=lambda t: (f"Version {t.version} approved.", redirect("panels:terms", panel_id=panel.pk)),
    )


def _closed(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    """A form page for a record that can no longer take the change: it explains, and a POST is a 400
    that changes nothing."""
    return _render(request, template, {**context, "form": None}, status=_status(request))


# The council: groups and composition -------------------------------------------------------------


@capability_required(VIEW)
def council(request: HttpRequest) -> HttpResponse:
    return _render(request, "panels/council.html", {"page": presenters.council_page()})


@capability_required(MANAGE)
def council_edit(request: HttpRequest) -> HttpResponse:
    found = selectors.council_settings()
    initial = {}
    if found is not None:
        initial = {
            "council_seats": found.council_seats,
            "ungrouped_councillors": found.ungrouped_councillors,
            "other_bodies": forms.CouncilForm.bodies_text(found.other_bodies or {}),
        }
    return _form_page(
        request,
        form=forms.CouncilForm(_data(request), initial=initial),
        save=lambda d: services.council_composition_update(user=request.user, request=request, **d),
        template="panels/council_form.html",
        context={"title": "The council's composition"},
        success=lambda _: ("The council's composition is saved.", redirect("panels:council")),
    )


@capability_required(MANAGE)
def group_create(request: HttpRequest) -> HttpResponse:
    return _form_page(
        request,
        form=forms.GroupForm(_data(request)),
        save=lambda d: services.group_create(user=request.user, request=request, **d),
        template="panels/group_form.html",
        context={"title": "Add a political group"},
        success=lambda g: (f"{g.name} added.", redirect("panels:council")),
    )


@capability_required(MANAGE)
def group_edit(request: HttpRequest, group_id: int) -> HttpResponse:
    group = selectors.group_get(group_id=group_id)
    return _form_page(
        request,
        form=forms.GroupForm(
            _data(request), initial={"name": group.name, "council_seats": group.council_seats}
        ),
        save=lambda d: services.group_update(user=request.user, request=request, group=group, **d),
        template="panels/group_form.html",
        context={"title": f"Change {group.name}"},
        success=lambda g: (f"{g.name} saved.", redirect("panels:council")),
    )


# People ------------------------------------------------------------------------------------------


@capability_required(VIEW)
def people(request: HttpRequest) -> HttpResponse:
    return _render(request, "panels/people.html", {"rows": presenters.people_rows()})


@capability_required(MANAGE)
def person_create(request: HttpRequest) -> HttpResponse:
    return _form_page(
        request,
        form=forms.PersonForm(_data(request)),
        save=lambda d: services.person_create(user=request.user, request=request, **d),
        template="panels/person_form.html",
        context={"title": "Add a person"},
        success=lambda p: (f"{p.name} added.", redirect("panels:people")),
    )


@capability_required(MANAGE)
def person_edit(request: HttpRequest, person_id: int) -> HttpResponse:
    person = selectors.person_get(person_id=person_id)
    initial = {
        "name": person.name,
        "kind": person.kind,
        "political_group": person.political_group_id,
        "ward": person.ward,
        "job_title": person.job_title,
        "organisation": person.organisation_id,
        "email": person.email,
        "login": person.user_id,
    }
    return _form_page(
        request,
        form=forms.PersonForm(_data(request), initial=initial),
        save=lambda d: services.person_update(user=request.user, request=request, person=person, **d),
        template="panels/person_form.html",
        context={"title": f"Change {person.name}"},
        success=lambda p: (f"{p.name} saved.", redirect("panels:people")),
    )


# Membership --------------------------------------------------------------------------------------


@capability_required(MANAGE)
def membership_add(request: HttpRequest, panel_id: int) -> HttpResponse:
    panel = selectors.panel_get(panel_id=panel_id)

    def save(d: dict[str, Any]) -> Membership:
        return services.membership_add(
            user=request.user,
            request=request,
            panel=panel,
            person=d["person"],
            seat_kind=d["seat_kind"] or None,
            political_group=d["political_group"],
            role=d["role"],
            voting=d["voting"],
            start_date=d["start_date"],
        )

    return _form_page(
        request,
        form=forms.MembershipForm(_data(request)),
        save=save,
        template="panels/membership_form.html",
        context={"panel": panel, "title": f"Add a seat on {panel.name}"},
        success=lambda m: (
            f"{m.person.name if m.person else 'A vacancy'} added to {panel.name}.",
            redirect("panels:panel", panel_id=panel.pk),
        ),
    )


@capability_required(MANAGE)
def membership_end(request: HttpRequest, panel_id: int, membership_id: int) -> HttpResponse:
    panel = selectors.panel_get(panel_id=panel_id)
    membership = selectors.membership_get(panel=panel, membership_id=membership_id)
    context = {"panel": panel, "seat": presenters.seat(membership), "title": f"End a seat on {panel.name}"}
    if membership.end_date is not None:
        return _closed(request, "panels/membership_end.html", context)
    return _form_page(
        request,
        form=forms.EndForm(_data(request)),
        save=lambda d: services.membership_end(
            user=request.user, request=request, membership=membership, **d
        ),
        template="panels/membership_end.html",
        context={**context, "open": True},
        success=lambda vacancy: (
            f"{membership.person or 'The vacancy'}'s seat ended" + (", and left vacant." if vacancy else "."),
            redirect("panels:panel", panel_id=panel.pk),
        ),
    )


@capability_required(MANAGE)
def membership_fill(request: HttpRequest, panel_id: int, membership_id: int) -> HttpResponse:
    panel = selectors.panel_get(panel_id=panel_id)
    vacancy = selectors.membership_get(panel=panel, membership_id=membership_id)
    context = {"panel": panel, "seat": presenters.seat(vacancy), "title": f"Fill a seat on {panel.name}"}
    if vacancy.person_id is not None or vacancy.end_date is not None:
        return _closed(request, "panels/membership_fill.html", context)

    def save(d: dict[str, Any]) -> Membership:
        return services.membership_add(
            user=request.user,
            request=request,
            panel=panel,
            person=d["person"],
            seat_kind=vacancy.seat_kind,
            political_group=vacancy.political_group,
            role=vacancy.role,
            voting=vacancy.voting,
            start_date=d["start_date"],
            fills=vacancy,
        )

    return _form_page(
        request,
        form=forms.FillForm(_data(request)),
        save=save,
        template="panels/membership_fill.html",
        context={**context, "open": True},
        success=lambda m: (f"{m.person.name} fills the seat.", redirect("panels:panel", panel_id=panel.pk)),
    )


# Political balance -------------------------------------------------------------------------------


@capability_required(VIEW)
def balance(request: HttpRequest, panel_id: int) -> HttpResponse:
    """The entitlement per group, how the membership departs from it, and a "what if" (a GET form:
    it changes nothing)."""
    panel: Panel = selectors.panel_get(panel_id=panel_id)
    found = selectors.panel_balance(panel=panel)
    form = forms.WhatIfForm(request.GET if "change" in request.GET else None)
    result, problem, status = None, None, 200
    if form.is_bound:
        if form.is_valid():
            try:
                result = selectors.panel_what_if(
                    panel=panel, new_size=panel.size + form.cleaned_data["change"]
                )
            except BalanceError as e:
                problem = str(e)
                form.add_error("change", problem)
                status = 400
        else:
            status = 400
    page = presenters.balance_page(found, what_if=result, what_if_problem=problem)
    return _render(request, "panels/balance.html", {"page": page, "form": form}, status=status)
