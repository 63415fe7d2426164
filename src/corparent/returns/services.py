"""Writes for returns: taking an upload, publishing it as a snapshot, and taking Ofsted's provider lists.

``upload_create`` changes nothing unless the whole upload is good: the files are unpacked and read
in a temporary folder first, and only then stored (file store, then one database transaction; if
the database part fails, the files this call newly wrote are removed again). The DfE checks and the
indicator figures run in the background (``tasks``); their work is in ``runs``.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from corparent.accounts.models import User
from corparent.accounts.roles import Capability
from corparent.engine.ssda903.model import collection_year_end
from corparent.engine.validation.providers import ProviderReadError, read_provider_lists
from corparent.returns import selectors, store
from corparent.returns.models import ProviderListFile, ProviderLists, Snapshot, StoredFile, Upload, UploadFile
from corparent.returns.staging import Rejected, Stager, year_label

__all__ = [
    "ProviderListsRejected",
    "PublishRefused",
    "UploadRejected",
    "provider_lists_create",
    "snapshot_publish",
    "upload_create",
    "upload_recheck",
]

MAX_LABEL = 200


class UploadRejected(Exception):
    """The upload was refused; ``problems`` name each file, row and field and what was expected.
    Nothing was stored."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) with the upload: " + "; ".join(problems[:3]))


class ProviderListsRejected(UploadRejected):
    """Ofsted's provider lists as uploaded could not be read (or one list is missing); nothing was kept."""


class PublishRefused(Exception):
    """The upload cannot be published (yet); ``problems`` say why."""

    def __init__(self, problems: list[str], *, needs_confirmation: bool = False) -> None:
        self.problems = problems
        self.needs_confirmation = needs_confirmation
        super().__init__("; ".join(problems))


def _require(user: User, capability: Capability) -> None:
    if not user.can(capability):
        raise PermissionDenied(f"Your role may not {capability.value.replace('_', ' ')}.")


def upload_create(*, user: User, files: Sequence[UploadedFile], label: str = "") -> Upload:
    """Check, store and record an upload; then start its DfE checks in the background."""
    _require(user, Capability.UPLOAD_RETURN)
    label = label.strip()
    if len(label) > MAX_LABEL:
        raise UploadRejected([f"Label: expected at most {MAX_LABEL} characters (it has {len(label)})"])
    workdir = Path(tempfile.mkdtemp(prefix="corparent-upload-"))
    try:
        stager = Stager(root=workdir, limit=settings.UPLOAD_MAX_BYTES)
        try:
            stager.add_all(files)
            ret = stager.read()
        except Rejected as e:
            raise UploadRejected(e.problems) from e
        try:
            sources = [(stager.name_of(f.path), f.path, f.table, f.year, f.rows, f.sha256) for f in ret.files]
            years = list(ret.years)
        finally:
            ret.con.close()
        upload = _store(user=user, label=label, sources=sources, years=years)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    _enqueue_validation(upload)
    upload.refresh_from_db()
    return upload


def _store(
    *, user: User, label: str, sources: list[tuple[str, Path, str, int, int, str]], years: list[int]
) -> Upload:
    with _files_kept([(path, sha) for _, path, _, _, _, sha in sources]), transaction.atomic():
        latest = max(years)
        upload = Upload.objects.create(
            uploaded_by=user,
            label=label,
            collection_years=sorted(years),
            latest_year=latest,
            previous_year=latest - 1 if latest - 1 in years else None,
            status=Upload.Status.VALIDATING,
            progress_message="Waiting to start the checks",
        )
        UploadFile.objects.bulk_create(
            UploadFile(
                upload=upload,
                stored=_stored_file(path, sha),
                name=name[:300],
                table=table,
                year=year,
                rows=count,
            )
            for name, path, table, year, count, sha in sources
        )
    return upload


@contextmanager
def _files_kept(files: Sequence[tuple[Path, str]]) -> Iterator[None]:
    """Put ``(path, sha256)`` files in the file store for the rows the block records; if the block
    fails, remove the files this call newly wrote, so the store is as it was."""
    written: list[str] = []
    try:
        for path, sha in files:
            if store.put(path, sha):
                written.append(sha)
        yield
    except BaseException:
        store.remove(written)
        raise


def _stored_file(path: Path, sha: str) -> StoredFile:
    stored, _ = StoredFile.objects.get_or_create(sha256=sha, defaults={"size": path.stat().st_size})
    return stored


def upload_recheck(*, user: User, upload: Upload) -> Upload:
    """Run DfE's checks on a stored upload again (with the provider lists kept now), in the background."""
    _require(user, Capability.UPLOAD_RETURN)
    started = (
        Upload.objects.filter(pk=upload.pk)
        .exclude(status=Upload.Status.VALIDATING)  # one run at a time, even if asked twice at once
        .update(status=Upload.Status.VALIDATING, progress=0, progress_message="Waiting to start the checks")
    )
    if not started:
        raise UploadRejected(["The checks of this return are already running"])
    _enqueue_validation(upload)
    upload.refresh_from_db()
    return upload


def _enqueue_validation(upload: Upload) -> None:
    from corparent.returns.tasks import upload_validate

    upload_validate.enqueue(upload_id=upload.pk)


def default_reference_date(upload: Upload) -> date:
    """31 March of the upload's latest collection year."""
    return collection_year_end(upload.latest_year)


def reference_dates(upload: Upload, reference_date: date) -> list[date]:
    """The dates a snapshot is computed for: 31 March of each year of the upload up to the reference
    date (the trend), and the reference date itself."""
    ends = {collection_year_end(y) for y in upload.collection_years}
    return sorted({d for d in ends if d <= reference_date} | {reference_date})


def snapshot_publish(
    *,
    user: User,
    upload: Upload,
    reference_date: date | None = None,
    population_0_17: int | None = None,
    confirm_errors: bool = False,
) -> Snapshot:
    """Publish an upload as a snapshot as at ``reference_date`` (31 March of its latest year by
    default) and start computing its figures in the background.

    An upload whose checks found errors is published only with ``confirm_errors``: the figures will
    count the rows DfE would reject.
    """
    _require(user, Capability.PUBLISH_SNAPSHOT)
    upload.refresh_from_db()
    if upload.status == Upload.Status.VALIDATING:
        raise PublishRefused(["The checks have not finished: expected a checked upload (wait and try again)"])
    if upload.status == Upload.Status.FAILED:
        raise PublishRefused(["The checks could not run on this upload: expected a checked upload"])
    ref = reference_date or default_reference_date(upload)
    first, last = date(min(upload.collection_years) - 1, 4, 1), collection_year_end(upload.latest_year)
    problems = []
    if not first <= ref <= last:
        problems.append(
            f"Reference date: expected a date the upload covers, from {first:%d/%m/%Y} to {last:%d/%m/%Y} "
            f"({year_label(min(upload.collection_years))} to {year_label(upload.latest_year)}); "
            f"got {ref:%d/%m/%Y}"
        )
    if population_0_17 is not None and population_0_17 < 1:
        problems.append(f"Population aged 0 to 17: expected a whole number above 0; got {population_0_17}")
    if problems:
        raise PublishRefused(problems)
    unreadable = selectors.upload_unreadable(upload=upload)
    if unreadable:  # the checks list these too; figures are computed only from values that can be read
        raise PublishRefused(
            [
                "The figures cannot be computed from this upload: expected every date as DD/MM/YYYY and "
                "every number as a number. Correct these values and upload the return again:",
                *unreadable,
            ]
        )
    if upload.error_count and not confirm_errors:
        raise PublishRefused(
            [
                f"The checks found {upload.error_count:,} error(s): confirm that you want to publish figures "
                "that count rows DfE would reject"
            ],
            needs_confirmation=True,
        )
    with transaction.atomic():
        snapshot = Snapshot.objects.create(
            upload=upload,
            reference_date=ref,
            reference_dates=[d.isoformat() for d in reference_dates(upload, ref)],
            published_by=user,
            status=Snapshot.Status.QUEUED,
            progress_message="Waiting to start",
            population_0_17=population_0_17,
        )
    from corparent.returns.tasks import snapshot_compute

    snapshot_compute.enqueue(snapshot_id=snapshot.pk)
    snapshot.refresh_from_db()
    return snapshot


def provider_lists_create(*, user: User, files: Sequence[UploadedFile]) -> ProviderLists:
    """Keep Ofsted's provider lists for the URN rules of every check from now on: the children's homes
    list with the social care providers list, or the combined list. They are read first (as the checks
    will read them); if they cannot be, ``ProviderListsRejected`` names each problem and nothing is kept."""
    _require(user, Capability.UPLOAD_RETURN)
    if not files:
        raise ProviderListsRejected(["Choose Ofsted's provider lists (Excel workbooks, .xlsx)"])
    workdir = Path(tempfile.mkdtemp(prefix="corparent-providers-"))
    try:
        saved: list[tuple[str, Path, str]] = []  # name as uploaded, where it is, sha256
        for n, upload in enumerate(files):
            name = Path(upload.name or "").name or f"list {n + 1}.xlsx"
            path = workdir / str(n) / name  # a folder each: two files may have one name
            path.parent.mkdir()
            digest = hashlib.sha256()
            with path.open("wb") as out:
                for chunk in upload.chunks():
                    digest.update(chunk)
                    out.write(chunk)
            saved.append((name, path, digest.hexdigest()))
        try:
            lists = read_provider_lists([path for _, path, _ in saved])
        except ProviderReadError as e:
            raise ProviderListsRejected([str(p) for p in e.problems]) from e
        with _files_kept([(path, sha) for _, path, sha in saved]), transaction.atomic():
            kept = ProviderLists.objects.create(
                uploaded_by=user, providers=len(lists), councils_known=lists.councils_known
            )
            for name, path, sha in saved:
                ProviderListFile.objects.create(
                    lists=kept, stored=_stored_file(path, sha), name=name[:300], kind=lists.files[str(path)]
                )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return kept
