"""What the returns pages show, worked out here so the templates hold no logic."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse

from corparent.accounts.models import User
from corparent.engine.validation.registry import NEEDS, all_rules
from corparent.returns.models import Finding, ProviderLists, RuleSummary, Snapshot, Upload, UploadFile
from corparent.returns.selectors import ChildFindings
from corparent.returns.staging import year_label

UPLOAD_TAGS = {
    Upload.Status.VALIDATING: "govuk-tag--blue",
    Upload.Status.VALIDATED: "govuk-tag--green",
    Upload.Status.FAILED: "govuk-tag--red",
}
SNAPSHOT_TAGS = {
    Snapshot.Status.QUEUED: "govuk-tag--grey",
    Snapshot.Status.COMPUTING: "govuk-tag--blue",
    Snapshot.Status.READY: "govuk-tag--green",
    Snapshot.Status.FAILED: "govuk-tag--red",
}
FINDINGS_SHOWN = 500


def years_text(years: Iterable[int]) -> str:
    return ", ".join(year_label(y) for y in sorted(years))


def person(user: User) -> str:
    return user.get_full_name() or user.get_username()


def upload_title(upload: Upload) -> str:
    return upload.label or f"Upload {upload.pk}"


@dataclass(frozen=True)
class Status:
    """A task's state as the page shows it, and where the page asks for updates while it runs."""

    label: str
    tag_class: str
    progress: int
    message: str
    running: bool
    status_url: str


def upload_status(upload: Upload) -> Status:
    if upload.status == Upload.Status.VALIDATED:
        label = "Checked: no errors" if not upload.error_count else "Checked: errors found"
        tag = "govuk-tag--green" if not upload.error_count else "govuk-tag--orange"
    else:
        label, tag = upload.get_status_display(), UPLOAD_TAGS[Upload.Status(upload.status)]
    return Status(
        label=label,
        tag_class=tag,
        progress=upload.progress,
        message=upload.progress_message,
        running=upload.status == Upload.Status.VALIDATING,
        status_url=reverse("returns:upload_status", args=[upload.pk]),
    )


def snapshot_status(snapshot: Snapshot) -> Status:
    return Status(
        label=snapshot.get_status_display(),
        tag_class=SNAPSHOT_TAGS[Snapshot.Status(snapshot.status)],
        progress=snapshot.progress,
        message=snapshot.error or snapshot.progress_message,
        running=snapshot.status in (Snapshot.Status.QUEUED, Snapshot.Status.COMPUTING),
        status_url=reverse("returns:snapshot_status", args=[snapshot.pk]),
    )


def status_json(status: Status) -> dict[str, object]:
    return {
        "status": status.label,
        "progress": status.progress,
        "message": status.message,
        "running": status.running,
    }


@dataclass(frozen=True)
class SnapshotRow:
    title: str
    href: str
    reference_date: str
    status: Status
    published: str


def snapshot_row(snapshot: Snapshot) -> SnapshotRow:
    return SnapshotRow(
        title=f"Snapshot {snapshot.pk}",
        href=reverse("returns:snapshot", args=[snapshot.pk]),
        reference_date=f"{snapshot.reference_date:%d %B %Y}",
        status=snapshot_status(snapshot),
        published=f"{snapshot.published_at:%d %B %Y %H:%M} by {person(snapshot.published_by)}",
    )


@dataclass(frozen=True)
class UploadRow:
    title: str
    href: str
    uploaded: str
    years: str
    files: int
    status: Status
    errors: int
    warnings: int
    checked: bool
    snapshots: list[SnapshotRow]


def upload_rows(uploads: Iterable[Upload]) -> list[UploadRow]:
    return [
        UploadRow(
            title=upload_title(u),
            href=reverse("returns:detail", args=[u.pk]),
            uploaded=f"{u.uploaded_at:%d %B %Y %H:%M} by {person(u.uploaded_by)}",
            years=years_text(u.collection_years),
            files=getattr(u, "file_count", 0),
            status=upload_status(u),
            errors=u.error_count,
            warnings=u.warning_count,
            checked=u.status == Upload.Status.VALIDATED,
            snapshots=[snapshot_row(s) for s in u.snapshots.all()],
        )
        for u in uploads
    ]


@dataclass(frozen=True)
class FileRow:
    name: str
    table: str
    year: str
    rows: int
    sha_short: str
    sha_full: str


def file_rows(files: Iterable[UploadFile]) -> list[FileRow]:
    return [
        FileRow(
            name=f.name,
            table=f.table,
            year=year_label(f.year),
            rows=f.rows,
            sha_short=f.stored.sha256[:12],
            sha_full=f.stored.sha256,
        )
        for f in files
    ]


@dataclass(frozen=True)
class ProviderListsRow:
    uploaded: str  # "3 November 2026 10:15 by Ann Analyst"
    providers: int
    councils_known: bool
    files: list[tuple[str, str]]  # (file name, which of Ofsted's lists)


def provider_lists_row(lists: ProviderLists) -> ProviderListsRow:
    return ProviderListsRow(
        uploaded=f"{lists.uploaded_at:%-d %B %Y %H:%M} by {person(lists.uploaded_by)}",
        providers=lists.providers,
        councils_known=lists.councils_known,
        files=[(f.name, f.kind) for f in lists.files.all()],
    )


@dataclass(frozen=True)
class SkippedRules:
    reason: str
    rules: str  # "219, 221 and 224"
    count: int
    fix: str  # what to do about it ('' when nothing here can)
    fix_link: str


def skipped_rules(not_run: Iterable[dict[str, str]]) -> list[SkippedRules]:
    """Rules that did not run because something they need was not there, grouped by the reason."""
    by_reason: dict[str, list[str]] = {}
    for entry in not_run:
        if entry.get("status") == "skipped":
            by_reason.setdefault(entry.get("reason", ""), []).append(entry.get("rule", ""))
    fixes = {
        NEEDS["providers"]: ("Upload Ofsted's provider lists", reverse("returns:provider_lists")),
        NEEDS["la_code"]: ("Choose the council in the council settings", reverse("comparators:council")),
    }
    groups = []
    for reason, rules in by_reason.items():
        fix, link = fixes.get(reason, ("", ""))
        groups.append(
            SkippedRules(reason=reason, rules=_and(rules), count=len(rules), fix=fix, fix_link=link)
        )
    return groups


@dataclass(frozen=True)
class ProviderListsPage:
    current: ProviderListsRow | None
    earlier: list[ProviderListsRow]
    can_upload: bool
    rules: str  # the rules that need the lists: "219, 221, ... and 1008"
    rule_count: int
    council_rules: str  # those that also need each provider's council


def _and(codes: list[str]) -> str:
    return codes[0] if len(codes) == 1 else f"{', '.join(codes[:-1])} and {codes[-1]}"


def _needing(need: str) -> list[str]:
    return sorted({r.code for r in all_rules() if need in r.needs}, key=lambda c: (len(c), c))


def provider_lists_page(recent: list[ProviderLists], *, can_upload: bool) -> ProviderListsPage:
    rows = [provider_lists_row(lists) for lists in recent]
    rules = _needing("providers")
    return ProviderListsPage(
        current=rows[0] if rows else None,
        earlier=rows[1:],
        can_upload=can_upload,
        rules=_and(rules),
        rule_count=len(rules),
        council_rules=_and(_needing("provider_councils")),
    )


@dataclass(frozen=True)
class UploadPage:
    upload: Upload
    title: str
    years: str
    status: Status
    files: list[FileRow]
    summaries: list[RuleSummary]
    snapshots: list[SnapshotRow]
    not_run: list[dict[str, str]]
    skipped: list[SkippedRules]
    provider_lists: ProviderListsRow | None
    can_see_findings: bool
    can_publish: bool
    can_recheck: bool
    checked: bool
    previous_year: str
    latest_year: str
    links: dict[str, str] = field(default_factory=dict)


def upload_page(
    upload: Upload,
    files: Iterable[UploadFile],
    summaries: Iterable[RuleSummary],
    *,
    can_see_findings: bool,
    can_publish: bool,
    can_recheck: bool = False,
) -> UploadPage:
    checked = upload.status == Upload.Status.VALIDATED
    return UploadPage(
        upload=upload,
        title=upload_title(upload),
        years=years_text(upload.collection_years),
        status=upload_status(upload),
        files=file_rows(files),
        summaries=list(summaries),
        snapshots=[snapshot_row(s) for s in upload.snapshots.order_by("-published_at")],
        not_run=[e for e in upload.rules_not_run if e.get("status") == "failed"],
        skipped=skipped_rules(upload.rules_not_run),
        provider_lists=provider_lists_row(upload.provider_lists) if upload.provider_lists else None,
        can_see_findings=can_see_findings and checked,
        can_publish=can_publish and checked,
        can_recheck=can_recheck and upload.status != Upload.Status.VALIDATING,
        checked=checked,
        previous_year=year_label(upload.previous_year) if upload.previous_year else "",
        latest_year=year_label(upload.latest_year),
        links={
            "findings": reverse("returns:findings", args=[upload.pk]),
            "publish": reverse("returns:publish", args=[upload.pk]),
            "recheck": reverse("returns:recheck", args=[upload.pk]),
            "csv": reverse("returns:export", args=[upload.pk, "csv"]),
            "xlsx": reverse("returns:export", args=[upload.pk, "xlsx"]),
            "json": reverse("returns:export", args=[upload.pk, "json"]),
        },
    )


@dataclass(frozen=True)
class FindingsPage:
    title: str
    back: str
    children: list[ChildFindings]
    rows: list[Finding]
    total: int
    shown: int
    links: dict[str, str]


def findings_page(upload: Upload, children: list[ChildFindings]) -> FindingsPage:
    rows = [f for c in children for f in c.findings]
    rows.sort(key=lambda f: (f.rule, f.table, f.row if f.row is not None else -1))
    return FindingsPage(
        title=upload_title(upload),
        back=reverse("returns:detail", args=[upload.pk]),
        children=children,
        rows=rows[:FINDINGS_SHOWN],
        total=len(rows),
        shown=min(len(rows), FINDINGS_SHOWN),
        links={fmt: reverse("returns:export", args=[upload.pk, fmt]) for fmt in ("csv", "xlsx", "json")},
    )


@dataclass(frozen=True)
class SnapshotPage:
    snapshot: Snapshot
    title: str
    upload_title: str
    upload_href: str
    reference_date: str
    reference_dates: list[str]
    status: Status
    ready: bool
    failed: bool
    figures: list[tuple[str, int, int]]  # reference date, indicators with a value, figures stored
    scorecard_href: str


def snapshot_page(snapshot: Snapshot, figures: list[tuple[str, int, int]]) -> SnapshotPage:
    try:
        scorecard = reverse("scorecard:index")
    except NoReverseMatch:
        scorecard = ""
    return SnapshotPage(
        snapshot=snapshot,
        title=f"Snapshot {snapshot.pk}",
        upload_title=upload_title(snapshot.upload),
        upload_href=reverse("returns:detail", args=[snapshot.upload_id]),
        reference_date=f"{snapshot.reference_date:%d %B %Y}",
        reference_dates=[_long_date(d) for d in snapshot.reference_dates],
        status=snapshot_status(snapshot),
        ready=snapshot.status == Snapshot.Status.READY,
        failed=snapshot.status == Snapshot.Status.FAILED,
        figures=figures,
        scorecard_href=scorecard,
    )


def _long_date(iso: str) -> str:
    from datetime import date

    return f"{date.fromisoformat(iso):%d %B %Y}"
