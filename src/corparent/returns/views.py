"""Pages for uploading returns, seeing their checks, and publishing snapshots. Thin: parse the
request, call one service or selector, wrap it in a presenter, render."""

from __future__ import annotations

import io

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from corparent.accounts.permissions import capability_required, has_capability
from corparent.accounts.roles import Capability
from corparent.accounts.services import audit_record
from corparent.engine.validation import report
from corparent.returns import presenters, selectors, services
from corparent.returns.forms import ProviderListsForm, PublishForm, UploadForm
from corparent.returns.models import Snapshot, Upload
from corparent.returns.staging import megabytes
from corparent.returns.uploads import UploadLimit, limit_uploads

FINDINGS_VIEW = "returns.findings.view"
FINDINGS_EXPORT = "returns.findings.export"
EXPORTS = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "json": ("application/json", "json"),
}


def _upload(upload_id: int) -> Upload:
    try:
        return selectors.upload_get(upload_id=upload_id)
    except Upload.DoesNotExist as exc:
        raise Http404("No such upload") from exc


def _snapshot(snapshot_id: int) -> Snapshot:
    try:
        return selectors.snapshot_get(snapshot_id=snapshot_id)
    except Snapshot.DoesNotExist as exc:
        raise Http404("No such snapshot") from exc


@require_GET
@capability_required(Capability.VIEW_RETURNS)
def index(request: HttpRequest) -> HttpResponse:
    rows = presenters.upload_rows(selectors.upload_list())
    return render(
        request,
        "returns/index.html",
        {"uploads": rows, "can_upload": has_capability(request, Capability.UPLOAD_RETURN)},
    )


@csrf_exempt  # the size limit must be in place before the body is read; CSRF is checked below
@require_http_methods(["GET", "POST"])
@capability_required(Capability.UPLOAD_RETURN)
def upload(request: HttpRequest) -> HttpResponse:
    limit = limit_uploads(request) if request.method == "POST" else None
    return _upload_form(request, limit)


@csrf_protect
def _upload_form(request: HttpRequest, limit: UploadLimit | None) -> HttpResponse:
    if request.method != "POST" or limit is None:
        return render(request, "returns/upload.html", {"form": UploadForm()})
    form = UploadForm(request.POST, request.FILES)
    if limit.exceeded:
        size = megabytes(limit.limit)
        _too_large(
            form, f"The upload is larger than {size}: expected at most {size} of CSV files, or a zip of them"
        )
        return render(request, "returns/upload.html", {"form": form}, status=413)
    if not form.is_valid():
        return render(request, "returns/upload.html", {"form": form}, status=422)
    try:
        created = services.upload_create(
            user=request.user,  # type: ignore[arg-type]
            files=form.cleaned_data["files"],
            label=form.cleaned_data["label"],
        )
    except services.UploadRejected as e:
        for problem in e.problems:
            form.add_error("files", problem)
        return render(request, "returns/upload.html", {"form": form, "rejected": True}, status=422)
    return redirect("returns:detail", upload_id=created.pk)


@csrf_exempt  # as upload: the size limit goes in before the body is read; CSRF is checked below
@require_http_methods(["GET", "POST"])
@capability_required(Capability.VIEW_RETURNS)
def provider_lists(request: HttpRequest) -> HttpResponse:
    """Ofsted's provider lists the checks use, and (for those who upload returns) a form for newer ones."""
    can_upload = has_capability(request, Capability.UPLOAD_RETURN)
    if request.method == "POST" and not can_upload:
        raise PermissionDenied("Your role may not upload Ofsted's provider lists.")
    limit = limit_uploads(request) if request.method == "POST" else None
    return _provider_lists_form(request, limit, can_upload)


@csrf_protect
def _provider_lists_form(request: HttpRequest, limit: UploadLimit | None, can_upload: bool) -> HttpResponse:
    def page(form: ProviderListsForm, status: int = 200) -> HttpResponse:
        shown = presenters.provider_lists_page(selectors.provider_lists_recent(), can_upload=can_upload)
        return render(request, "returns/provider_lists.html", {"page": shown, "form": form}, status=status)

    if request.method != "POST" or limit is None:
        return page(ProviderListsForm())
    form = ProviderListsForm(request.POST, request.FILES)
    if limit.exceeded:
        _too_large(form, f"The files are larger than {megabytes(limit.limit)}: expected Ofsted's lists")
        return page(form, 413)
    if not form.is_valid():
        return page(form, 422)
    try:
        services.provider_lists_create(user=request.user, files=form.cleaned_data["files"])  # type: ignore[arg-type]
    except services.ProviderListsRejected as e:
        for problem in e.problems:
            form.add_error("files", problem)
        return page(form, 422)
    messages.success(request, "Ofsted's provider lists are kept: the next checks of a return will use them.")
    return redirect("returns:provider_lists")


def _too_large(form: UploadForm | ProviderListsForm, message: str) -> None:
    """The files past the size limit were never read: say only that (not that none was chosen)."""
    form.is_valid()
    form.errors.clear()
    form.add_error("files", message)


@require_GET
@capability_required(Capability.VIEW_RETURNS)
def detail(request: HttpRequest, upload_id: int) -> HttpResponse:
    found = _upload(upload_id)
    page = presenters.upload_page(
        found,
        selectors.upload_files(upload=found),
        selectors.rule_summaries(upload=found),
        can_see_findings=has_capability(request, Capability.VIEW_CHILD_LEVEL),
        can_publish=has_capability(request, Capability.PUBLISH_SNAPSHOT),
        can_recheck=has_capability(request, Capability.UPLOAD_RETURN),
    )
    return render(request, "returns/detail.html", {"page": page})


@require_POST
@capability_required(Capability.UPLOAD_RETURN)
def recheck(request: HttpRequest, upload_id: int) -> HttpResponse:
    try:
        services.upload_recheck(user=request.user, upload=_upload(upload_id))  # type: ignore[arg-type]
    except services.UploadRejected as e:
        messages.error(request, e.problems[0])
    else:
        messages.success(request, "The return is being checked again.")
    return redirect("returns:detail", upload_id=upload_id)


@require_GET
@capability_required(Capability.VIEW_RETURNS)
def upload_status(request: HttpRequest, upload_id: int) -> JsonResponse:
    return JsonResponse(presenters.status_json(presenters.upload_status(_upload(upload_id))))


@require_GET
@capability_required(Capability.VIEW_CHILD_LEVEL, audit_action=FINDINGS_VIEW)
def findings(request: HttpRequest, upload_id: int) -> HttpResponse:
    found = _upload(upload_id)
    audit_record(request=request, action=FINDINGS_VIEW, target=f"upload:{found.pk}")
    page = presenters.findings_page(found, selectors.findings_by_child(upload=found))
    return render(request, "returns/findings.html", {"page": page})


@require_GET
@capability_required(Capability.VIEW_CHILD_LEVEL, audit_action=FINDINGS_EXPORT)
def export(request: HttpRequest, upload_id: int, fmt: str) -> HttpResponse:
    if fmt not in EXPORTS:
        raise Http404("Exports are CSV, XLSX or JSON")
    found = _upload(upload_id)
    audit_record(request=request, action=FINDINGS_EXPORT, target=f"upload:{found.pk}", detail={"format": fmt})
    result = selectors.validation_result(upload=found)
    content_type, extension = EXPORTS[fmt]
    if fmt == "csv":
        text = io.StringIO()
        report.write_csv(result, text)
        body: bytes = text.getvalue().encode("utf-8")
    elif fmt == "json":
        body = report.to_json(result).encode("utf-8")
    else:
        buffer = io.BytesIO()
        report.write_xlsx(result, buffer)  # type: ignore[arg-type]  # openpyxl saves to a file object too
        body = buffer.getvalue()
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="upload-{found.pk}-findings.{extension}"'
    return response


def _publish_errors(form: PublishForm, refused: services.PublishRefused) -> None:
    for problem in refused.problems:
        if refused.needs_confirmation:
            form.add_error("confirm_errors", problem)
        elif problem.startswith("Reference date"):
            form.add_error("reference_date", problem)
        elif problem.startswith("Population"):
            form.add_error("population_0_17", problem)
        else:
            form.add_error(None, problem)


@require_http_methods(["GET", "POST"])
@capability_required(Capability.PUBLISH_SNAPSHOT)
def publish(request: HttpRequest, upload_id: int) -> HttpResponse:
    found = _upload(upload_id)
    context = {"upload": found, "title": presenters.upload_title(found)}
    if request.method != "POST":
        initial = {"reference_date": services.default_reference_date(found).strftime("%d/%m/%Y")}
        return render(request, "returns/publish.html", {**context, "form": PublishForm(initial=initial)})
    form = PublishForm(request.POST)
    if not form.is_valid():
        return render(request, "returns/publish.html", {**context, "form": form}, status=422)
    try:
        snapshot = services.snapshot_publish(
            user=request.user,  # type: ignore[arg-type]
            upload=found,
            reference_date=form.cleaned_data["reference_date"],
            population_0_17=form.cleaned_data["population_0_17"],
            confirm_errors=form.cleaned_data["confirm_errors"],
        )
    except services.PublishRefused as refused:
        _publish_errors(form, refused)
        return render(request, "returns/publish.html", {**context, "form": form}, status=422)
    return redirect("returns:snapshot", snapshot_id=snapshot.pk)


@require_GET
@capability_required(Capability.VIEW_RETURNS)
def snapshot(request: HttpRequest, snapshot_id: int) -> HttpResponse:
    found = _snapshot(snapshot_id)
    page = presenters.snapshot_page(found, selectors.snapshot_figure_counts(snapshot=found))
    return render(request, "returns/snapshot.html", {"page": page})


@require_GET
@capability_required(Capability.VIEW_RETURNS)
def snapshot_status(request: HttpRequest, snapshot_id: int) -> JsonResponse:
    return JsonResponse(presenters.status_json(presenters.snapshot_status(_snapshot(snapshot_id))))
