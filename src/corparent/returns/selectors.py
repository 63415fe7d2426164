"""Reads for returns: uploads, their checks, snapshots, and the stored files as an engine return.

Child-level reads (``upload_findings``, ``validation_result``, ``upload_return``,
``snapshot_return``) are for analysts only; the caller checks the role and writes the audit log.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.db.models import Count, Prefetch, Q, QuerySet

from corparent.engine.ssda903.model import Return, ReturnReadError
from corparent.engine.ssda903.reader import read_return
from corparent.engine.ssda903.tables import TABLES_BY_NAME
from corparent.engine.validation.providers import ProviderList, read_provider_lists
from corparent.engine.validation.registry import all_rules, rules_for
from corparent.engine.validation.rule import Finding as EngineFinding
from corparent.engine.validation.rule import Level
from corparent.engine.validation.runner import ValidationResult
from corparent.returns import store
from corparent.returns.models import Finding, ProviderLists, RuleSummary, Snapshot, Upload, UploadFile


def upload_list() -> QuerySet[Upload]:
    return (
        Upload.objects.select_related("uploaded_by")
        .annotate(file_count=Count("files", distinct=True))
        .prefetch_related(Prefetch("snapshots", queryset=Snapshot.objects.order_by("-published_at")))
    )


def upload_get(*, upload_id: int) -> Upload:
    return Upload.objects.select_related("uploaded_by").get(pk=upload_id)


def upload_files(*, upload: Upload) -> QuerySet[UploadFile]:
    return upload.files.select_related("stored").order_by("year", "table")


def rule_summaries(*, upload: Upload) -> QuerySet[RuleSummary]:
    return upload.rule_summaries.all()


def upload_findings(*, upload: Upload) -> QuerySet[Finding]:
    """Every row the checks flagged (child-level)."""
    return upload.findings.order_by("rule", "table", "row")


@dataclass(frozen=True)
class ChildFindings:
    child: str
    errors: int
    warnings: int
    findings: list[Finding]


def findings_by_child(*, upload: Upload) -> list[ChildFindings]:
    groups: dict[str, list[Finding]] = {}
    for f in upload_findings(upload=upload):
        groups.setdefault(f.child, []).append(f)
    return [
        ChildFindings(
            child=child,
            errors=sum(f.level == Level.ERROR for f in fs),
            warnings=sum(f.level == Level.WARNING for f in fs),
            findings=fs,
        )
        for child, fs in sorted(groups.items(), key=lambda kv: (kv[0] == "", kv[0]))
    ]


def validation_result(*, upload: Upload) -> ValidationResult:
    """The stored findings as the engine's ``ValidationResult``, for its report exports."""
    rules = {r.code: r for r in all_rules()}
    rules.update({r.code: r for r in rules_for(upload.latest_year)})  # the year's own wording first
    findings = [
        EngineFinding(
            rule=f.rule,
            level=Level(f.level),
            table=f.table,
            child=f.child or None,
            row=f.row if f.row is not None else -1,
            fields=tuple(f.fields),
            message=f.message,
        )
        for f in upload_findings(upload=upload)
    ]
    found = {s.rule for s in rule_summaries(upload=upload)} | {f.rule for f in findings}
    result = ValidationResult(
        year=upload.latest_year,
        previous_year=upload.previous_year,
        findings=findings,
        ran=[],
        rules={code: rule for code, rule in rules.items() if code in found},
    )
    for entry in upload.rules_not_run:
        target = result.failed if entry.get("status") == "failed" else result.skipped
        target[str(entry.get("rule"))] = str(entry.get("reason", ""))
    return result


def snapshot_list() -> QuerySet[Snapshot]:
    return Snapshot.objects.select_related("upload", "published_by").order_by("-published_at", "-id")


def snapshot_get(*, snapshot_id: int) -> Snapshot:
    return Snapshot.objects.select_related("upload", "published_by").get(pk=snapshot_id)


def latest_ready_snapshot() -> Snapshot | None:
    """The snapshot the scorecard shows: the latest reference date published and computed."""
    return (
        Snapshot.objects.filter(status=Snapshot.Status.READY)
        .order_by("-reference_date", "-computed_at", "-id")
        .first()
    )


@contextmanager
def upload_return(*, upload: Upload, lenient_dates: bool = False) -> Iterator[Return]:
    """The upload's stored files read into the engine (child-level; closed on leaving).

    ``lenient_dates`` is what the checks read: a date that is not a date is blank, and kept for DfE's
    "not a valid date" rules. Without it (what figures are computed from) such a date refuses the read.
    """
    ret = _read(upload, lenient_dates=lenient_dates)
    try:
        yield ret
    finally:
        ret.con.close()


def snapshot_return(snapshot: Snapshot) -> Return:
    """The snapshot's stored files read into the engine, for analysts' drill-down. Child-level: the
    caller checks the role, audits the read and closes ``ret.con`` when done."""
    return _read(snapshot.upload)


def _read(upload: Upload, *, lenient_dates: bool = False) -> Return:
    files = [(f.stored.sha256, f.year, f.table) for f in upload_files(upload=upload)]
    folder = Path(tempfile.mkdtemp(prefix="corparent-read-"))
    try:
        return read_return(store.lay_out(files, folder / "return"), lenient_dates=lenient_dates)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def upload_unreadable(*, upload: Upload, limit: int = 20) -> list[str]:
    """Why figures cannot be computed from the upload (values the strict read refuses, such as a date
    that is not a date, each naming the file as uploaded, its row, column and value); [] if they can."""
    try:
        with upload_return(upload=upload):
            return []
    except FileNotFoundError as e:  # a stored file has gone (store.lay_out says which)
        return [f"{e}: expected the upload's files in the file store"]
    except ReturnReadError as e:
        problems = e.problems
    names = {(f.year, TABLES_BY_NAME[f.table].key): f.name for f in upload_files(upload=upload)}
    out = []
    for p in problems[:limit]:
        where = Path(p.file)  # <temporary folder>/return/<year>/<table key>.csv: store.lay_out
        year = int(where.parent.name) if where.parent.name.isdigit() else 0
        out.append(str(p).replace(p.file, names.get((year, where.stem), where.name), 1))
    if len(problems) > limit:
        out.append(f"... and {len(problems) - limit:,} more like these")
    return out


def snapshot_figure_counts(*, snapshot: Snapshot) -> list[tuple[str, int, int]]:
    """Per reference date: how many indicators have a figure, and how many figures are stored."""
    from corparent.scorecard.models import IndicatorResult

    rows = (
        IndicatorResult.objects.filter(snapshot=snapshot)
        .values("reference_date")
        .annotate(
            indicators=Count("indicator_id", distinct=True, filter=Q(value__isnull=False)),
            figures=Count("id"),
        )
        .order_by("reference_date")
    )
    return [(f"{r['reference_date']:%d %B %Y}", r["indicators"], r["figures"]) for r in rows]


def provider_lists_current() -> ProviderLists | None:
    """Ofsted's provider lists the checks use now: the latest uploaded."""
    return ProviderLists.objects.select_related("uploaded_by").prefetch_related("files").first()


def provider_lists_recent(*, limit: int = 10) -> list[ProviderLists]:
    return list(ProviderLists.objects.select_related("uploaded_by").prefetch_related("files")[:limit])


def provider_lists_read(lists: ProviderLists) -> ProviderList:
    """The stored lists read as the engine reads them (each file under its name as uploaded)."""
    folder = Path(tempfile.mkdtemp(prefix="corparent-providers-"))
    try:
        paths = []
        for n, f in enumerate(lists.files.select_related("stored")):
            path = folder / str(n) / f.name
            path.parent.mkdir()
            shutil.copyfile(store.path_of(f.stored.sha256), path)
            paths.append(path)
        return read_provider_lists(paths)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
