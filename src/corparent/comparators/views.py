from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from corparent.accounts.permissions import capability_required
from corparent.accounts.roles import Capability
from corparent.comparators import education_presenters, presenters, selectors
from corparent.comparators.forms import CouncilForm, ImportForm
from corparent.comparators.services import ComparatorFileRejected, comparator_file_import, council_configure


@capability_required(Capability.MANAGE_COMPARATORS)
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "comparators/index.html", {"page": presenters.index_page()})


@capability_required(Capability.VIEW_SCORECARD)
def education(request: HttpRequest) -> HttpResponse:
    """DfE's published education results for children looked after, by academic year."""
    return render(request, "comparators/education.html", {"page": education_presenters.education_page()})


@capability_required(Capability.MANAGE_COMPARATORS)
def import_file(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST, request.FILES) if request.method == "POST" else ImportForm()
    problems: list[str] = []
    if request.method == "POST":
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                record = comparator_file_import(user=request.user, path_or_file=upload, file_name=upload.name)
            except ComparatorFileRejected as rejected:
                problems = rejected.problems
            else:
                messages.success(
                    request, f"Imported {record.file_name}: {record.title}, {record.rows:,} rows."
                )
                return redirect("comparators:index")
        status = 400
    else:
        status = 200
    return render(request, "comparators/import.html", {"form": form, "problems": problems}, status=status)


@capability_required(Capability.MANAGE_COMPARATORS)
def council_settings(request: HttpRequest) -> HttpResponse:
    councils = selectors.known_councils()
    current = selectors.council()
    initial = {}
    if current is not None:
        in_list = current.la_code in councils
        model = selectors.model_neighbours(la_code=current.la_code)
        initial = {
            "name": current.name,
            "la_code": current.la_code if in_list else "",
            "la_code_typed": "" if in_list else current.la_code,
            "neighbours_from": CouncilForm.USE_MODEL
            if model is not None and model == current.statistical_neighbours
            else CouncilForm.OWN_LIST,
            "neighbours": ", ".join(current.statistical_neighbours),
        }
    form = CouncilForm(request.POST if request.method == "POST" else None, initial=initial, councils=councils)
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                council_configure(
                    name=data["name"],
                    la_code=data["code"],
                    statistical_neighbours=data["neighbour_list"],
                    synthetic=current.synthetic if current else False,
                )
            except ValidationError as invalid:
                for name, errors in invalid.message_dict.items():
                    field = {"statistical_neighbours": "neighbours", "la_code": "la_code_typed"}.get(
                        name, name
                    )
                    for error in errors:
                        form.add_error(field, error)
            else:
                messages.success(request, "Council settings saved.")
                return redirect("comparators:index")
        status = 400
    else:
        status = 200
    context = {"form": form, "model_imported": selectors.model_imported()}
    return render(request, "comparators/council.html", context, status=status)
