"""The forward work programme: themed items asked of partners, and partners submitting their
reports in the app. Thin: parse, call one service or selector, present, render."""

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
from corparent.panels.forms.meetings import FwpItemForm, PartnerReportForm
from corparent.panels.presenters import meetings as present
from corparent.panels.selectors import work_programme as selectors
from corparent.panels.services import work_programme as services
from corparent.panels.views._shared import form_page, fwp_item_or_404, panel_or_404
from corparent.web.forms import add_service_errors


@require_GET
@capability_required(Capability.VIEW_PANELS)
def fwp_list(request: HttpRequest, panel_id: int) -> HttpResponse:
    panel = panel_or_404(panel_id)
    today = timezone.localdate()
    organisation = getattr(request.user, "organisation", None)
    asked = (
        [
            present.fwp_row(i, today=today)
            for i in selectors.fwp_asked_of(organisation=organisation).filter(panel=panel)
        ]
        if organisation is not None and not has_capability(request, Capability.MANAGE_PANELS)
        else []
    )
    return render(
        request,
        "panels/fwp_list.html",
        {
            "panel": panel,
            "items": [present.fwp_row(i, today=today) for i in selectors.fwp_list(panel=panel)],
            "asked": asked,
            "organisation": organisation,
            "can_manage": has_capability(request, Capability.MANAGE_PANELS),
        },
    )


@require_http_methods(["GET", "POST"])
@capability_required(Capability.MANAGE_PANELS)
def fwp_add(request: HttpRequest, panel_id: int) -> HttpResponse:
    panel = panel_or_404(panel_id)
    form = FwpItemForm(request.POST or None, panel=panel)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data["status"] = data.get("status") or None
        try:
            item = services.fwp_item_save(user=request.user, panel=panel, request=request, **data)
        except ValidationError as e:
            add_service_errors(form, e)
        else:
            messages.success(request, f"Added “{item.title}” to the forward work programme.")
            return redirect("panels:fwp", panel_id=panel.pk)
    return form_page(
        request,
        form=form,
        title="Add to the forward work programme",
        caption=panel.name,
        button="Add",
        back=reverse("panels:fwp", kwargs={"panel_id": panel.pk}),
        status=422 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "POST"])
@capability_required(Capability.MANAGE_PANELS)
def fwp_edit(request: HttpRequest, item_id: int) -> HttpResponse:
    item = fwp_item_or_404(item_id)
    initial = {
        "theme": item.theme,
        "title": item.title,
        "partner": item.partner_id,
        "meeting": item.meeting_id,
        "due_date": item.due_date,
        "status": item.status,
    }
    form = FwpItemForm(request.POST or None, initial=initial, panel=item.panel)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data["status"] = data.get("status") or None
        try:
            services.fwp_item_save(user=request.user, panel=item.panel, item=item, request=request, **data)
        except ValidationError as e:
            add_service_errors(form, e)
        else:
            messages.success(request, "Work programme item saved.")
            return redirect("panels:fwp_item", item_id=item.pk)
    return form_page(
        request,
        form=form,
        title="Change the work programme item",
        caption=item.panel.name,
        button="Save",
        back=reverse("panels:fwp_item", kwargs={"item_id": item.pk}),
        status=422 if request.method == "POST" else 200,
    )


@require_GET
@capability_required(Capability.VIEW_PANELS)
def fwp_item(request: HttpRequest, item_id: int) -> HttpResponse:
    item = fwp_item_or_404(item_id)
    return render(
        request,
        "panels/fwp_item.html",
        {
            "item": present.fwp_row(item, today=timezone.localdate()),
            "panel": item.panel,
            "reports": selectors.reports_for(item=item),
            "can_submit": services.may_submit(request.user, item),
            "can_manage": has_capability(request, Capability.MANAGE_PANELS),
        },
    )


@require_http_methods(["GET", "POST"])
@capability_required(Capability.SUBMIT_PARTNER_REPORTS)
def partner_report_submit(request: HttpRequest, item_id: int) -> HttpResponse:
    item = fwp_item_or_404(item_id)
    if not services.may_submit(request.user, item):  # the service says why (403)
        services.partner_report_submit(user=request.user, item=item, title="", summary="", request=request)
    form = PartnerReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.partner_report_submit(user=request.user, item=item, request=request, **form.cleaned_data)
        except ValidationError as e:
            add_service_errors(form, e)
        else:
            messages.success(request, "Report submitted: the panel's officers have it now.")
            return redirect("panels:fwp_item", item_id=item.pk)
    return form_page(
        request,
        form=form,
        title=f"Submit your report: {item.title}",
        caption=f"{item.theme}, for {item.panel.name}",
        intro="Your report goes to the panel's officers, and into the papers for the meeting.",
        button="Submit the report",
        back=reverse("panels:fwp_item", kwargs={"item_id": item.pk}),
        status=422 if request.method == "POST" else 200,
    )
