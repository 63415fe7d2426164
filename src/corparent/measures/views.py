"""Local-measure pages: parse the request, call a service or selector, wrap it in a presenter."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from corparent.accounts.permissions import capability_required, has_capability
from corparent.accounts.roles import Capability
from corparent.measures import csv_template, presenters, selectors, services
from corparent.measures.forms import ImportForm, MeasureForm, ValueForm
from corparent.measures.models import Measure
from corparent.measures.periods import period_label
from corparent.scorecard.forms import CommentaryForm, TargetForm
from corparent.web.forms import form_submit


def _measure(measure_id: int) -> Measure:
    measure = selectors.measure_get(measure_id=measure_id)
    if measure is None:
        raise Http404("There is no local measure with that number.")
    return measure


def _visible(request: HttpRequest, measure: Measure) -> Measure:
    """A partner opens only its own organisation's measures."""
    if not has_capability(request, Capability.MANAGE_MEASURES) and not selectors.may_submit(
        user=request.user, measure=measure
    ):
        raise PermissionDenied(f"{measure.title} belongs to {measure.owner_name}.")
    return measure


@capability_required(Capability.SUBMIT_MEASURE_VALUES)
def index(request: HttpRequest) -> HttpResponse:
    manages = has_capability(request, Capability.MANAGE_MEASURES)
    rows = presenters.overview(user=request.user)
    return render(
        request,
        "measures/index.html",
        {"rows": rows, "manages": manages, "organisation": request.user.organisation},
    )


@capability_required(Capability.MANAGE_MEASURES)
def create(request: HttpRequest) -> HttpResponse:
    form = MeasureForm(request.POST or None)
    return form_submit(
        request,
        form=form,
        save=lambda data: services.measure_create(user=request.user, request=request, **data),
        success=lambda measure: (
            f"{measure.title} is defined. Enter or import its values.",
            redirect("measures:detail", measure_id=measure.pk),
        ),
        page=lambda: render(
            request, "measures/measure_form.html", {"form": form}, status=400 if form.errors else 200
        ),
    )


@capability_required(Capability.SUBMIT_MEASURE_VALUES)
def detail(request: HttpRequest, measure_id: int) -> HttpResponse:
    measure = _visible(request, _measure(measure_id))
    page = presenters.measure_page(user=request.user, measure=measure)
    return render(
        request,
        "measures/detail.html",
        {
            "page": page,
            "manages": has_capability(request, Capability.MANAGE_MEASURES),
            "can_target": has_capability(request, Capability.EDIT_TARGETS),
            "can_comment": has_capability(request, Capability.EDIT_COMMENTARY),
        },
    )


def _period(request: HttpRequest, measure: Measure) -> date:
    chosen = request.GET.get("period") or request.POST.get("period")
    if chosen:
        try:
            return date.fromisoformat(chosen)
        except ValueError:
            raise Http404("That is not a period of this measure.") from None
    statuses = selectors.period_statuses(measure=measure)
    waiting = [s for s in statuses if s.value is None]
    if waiting:
        return waiting[-1].period.start  # the oldest period still to come in
    if statuses:
        return statuses[0].period.start
    raise Http404("The measure's first period has not ended yet.")


@capability_required(Capability.SUBMIT_MEASURE_VALUES)
def submit(request: HttpRequest, measure_id: int) -> HttpResponse:
    measure = _measure(measure_id)
    if not selectors.may_submit(user=request.user, measure=measure):
        raise PermissionDenied(
            f"You may not enter values for {measure.title}: it belongs to {measure.owner_name}."
        )
    period = _period(request, measure)
    current = selectors.current_values(measures=[measure]).get(measure.pk, {}).get(period)
    label = period_label(period, measure.frequency)
    if request.method == "POST":
        form = ValueForm(request.POST, measure=measure)
    else:
        initial = {}
        if current is not None:
            initial = {k: getattr(current, k) for k in ("numerator", "denominator", "value", "note")}
        form = ValueForm(initial=initial, measure=measure)
    return form_submit(
        request,
        form=form,
        save=lambda data: services.measure_value_submit(
            user=request.user, request=request, measure=measure, period_start=period, **data
        ),
        success=lambda row: (
            f"{measure.title}: {label} saved." if row else f"{measure.title}: {label} is unchanged.",
            redirect("measures:detail", measure_id=measure.pk),
        ),
        page=lambda: render(
            request,
            "measures/value_form.html",
            {"form": form, "measure": measure, "period": period, "period_label": label, "current": current},
            status=400 if form.errors else 200,
        ),
    )


@capability_required(Capability.MANAGE_MEASURES)
def template(request: HttpRequest, measure_id: int) -> HttpResponse:
    measure = _measure(measure_id)
    values = selectors.current_values(measures=[measure]).get(measure.pk, {})
    body = csv_template.template(measure=measure, values=values, on=selectors.today())  # type: ignore[arg-type]
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{measure.slug}-values.csv"'
    return response


@capability_required(Capability.MANAGE_MEASURES)
def import_values(request: HttpRequest, measure_id: int) -> HttpResponse:
    measure = _measure(measure_id)
    problems: list[str] = []
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            written = services.measure_values_import(
                user=request.user,
                request=request,
                measure=measure,
                file_name=upload.name,
                content=upload.read(),
            )
        except ValidationError as error:
            problems = error.messages
            form.add_error(
                "file",
                f"The file was not imported: {len(problems)} problem(s), listed below. Nothing was changed.",
            )
        else:
            messages.success(request, f"Imported {written} value(s) for {measure.title}.")
            return redirect("measures:detail", measure_id=measure.pk)
    return render(
        request,
        "measures/import_form.html",
        {"form": form, "measure": measure, "problems": problems, "columns": csv_template.columns(measure)},
        status=400 if form.errors else 200,
    )


@capability_required(Capability.EDIT_TARGETS)
def target_edit(request: HttpRequest, measure_id: int) -> HttpResponse:
    from corparent.scorecard.selectors import target_current

    measure = _measure(measure_id)
    current = target_current(indicator_id=measure.indicator_id)
    if request.method == "POST":
        form = TargetForm(request.POST)
    else:
        form = TargetForm(
            initial={"target": current.target, "amber_tolerance": current.amber_tolerance} if current else {}
        )
    return form_submit(
        request,
        form=form,
        save=lambda data: services.measure_target_set(
            user=request.user, request=request, measure=measure, **data
        ),
        success=lambda _: (
            f"Target set for {measure.title}.",
            redirect("measures:detail", measure_id=measure.pk),
        ),
        page=lambda: render(
            request,
            "measures/target_form.html",
            {"form": form, "measure": measure, "current": current},
            status=400 if form.errors else 200,
        ),
    )


@capability_required(Capability.EDIT_COMMENTARY)
def commentary_edit(request: HttpRequest, measure_id: int) -> HttpResponse:
    measure = _measure(measure_id)
    form = CommentaryForm(request.POST) if request.method == "POST" else CommentaryForm()
    return form_submit(
        request,
        form=form,
        save=lambda data: services.measure_commentary_write(
            user=request.user, request=request, measure=measure, **data
        ),
        success=lambda _: (
            f"Commentary saved for {measure.title}.",
            redirect("measures:detail", measure_id=measure.pk),
        ),
        page=lambda: render(
            request,
            "measures/commentary_form.html",
            {"form": form, "measure": measure},
            status=400 if form.errors else 200,
        ),
    )
