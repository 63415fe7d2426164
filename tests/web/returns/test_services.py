"""Uploading a return: stored once by SHA-256, read with the engine, checked in the background."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError

from corparent.accounts.roles import Role
from corparent.returns import store
from corparent.returns.models import StoredFile, Upload, UploadFile
from corparent.returns.services import UploadRejected, upload_create
from tests.web.returns.conftest import council_zip, csv_upload, state

pytestmark = pytest.mark.django_db


def test_a_zip_of_two_years_is_stored_by_sha256_and_checked(people, council: Path) -> None:
    upload = upload_create(user=people[Role.ANALYST], files=[council_zip(council)], label="Final 2024-25")

    assert upload.collection_years == [2024, 2025]
    assert upload.latest_year == 2025 and upload.previous_year == 2024
    files = {(f.year, f.table): f for f in UploadFile.objects.filter(upload=upload).select_related("stored")}
    on_disk = sorted(council.glob("*/*.csv"))
    assert len(files) == len(on_disk)
    episodes = files[(2025, "Episodes")]
    source = council / "2025" / "episodes.csv"
    assert episodes.name == "return.zip/2025/episodes.csv"
    assert episodes.rows == len(source.read_text().splitlines()) - 1
    sha = hashlib.sha256(source.read_bytes()).hexdigest()
    assert episodes.stored.sha256 == sha
    assert store.path_of(sha).read_bytes() == source.read_bytes()
    # the checks ran (immediate tasks in tests) and stored counts by rule
    assert upload.status == Upload.Status.VALIDATED and upload.progress == 100
    assert upload.rules_ran > 100
    summaries = list(upload.rule_summaries.all())
    assert (
        sum(s.rows for s in summaries) == upload.findings.count() == upload.error_count + upload.warning_count
    )
    assert all(s.hint for s in summaries)


def test_the_same_file_uploaded_twice_is_stored_once(people, council: Path) -> None:
    analyst = people[Role.ANALYST]
    first = upload_create(user=analyst, files=[council_zip(council)])
    listing = store.listing()
    second = upload_create(user=analyst, files=[council_zip(council, years=("2025",))])

    assert store.listing() == listing  # nothing new written, nothing overwritten
    assert StoredFile.objects.count() == len(listing)
    shared = set(first.files.values_list("stored", flat=True)) & set(
        second.files.values_list("stored", flat=True)
    )
    assert len(shared) == second.files.count()


def test_loose_csv_files_are_one_year_told_from_episodes(people, council: Path) -> None:
    files = [csv_upload(p) for p in sorted((council / "2024").glob("*.csv"))]
    upload = upload_create(user=people[Role.ANALYST], files=files)

    assert upload.collection_years == [2024]
    assert set(upload.files.values_list("name", flat=True)) == {
        p.name for p in (council / "2024").glob("*.csv")
    }


def test_one_zip_a_year_makes_one_return(people, council: Path) -> None:
    zips = [council_zip(council, "a.zip", ("2024",)), council_zip(council, "b.zip", ("2025",))]
    upload = upload_create(user=people[Role.ANALYST], files=zips)
    assert upload.collection_years == [2024, 2025]


def test_only_analysts_may_upload(people, council: Path) -> None:
    before = state()
    for role in (Role.ADMIN, Role.OFFICER, Role.MEMBER, Role.PARTNER, Role.YOUNG_PERSON):
        with pytest.raises(PermissionDenied):
            upload_create(user=people[role], files=[council_zip(council)])
    assert state() == before


def test_a_database_failure_removes_only_the_files_this_upload_wrote(
    people, council: Path, monkeypatch
) -> None:
    analyst = people[Role.ANALYST]
    upload_create(user=analyst, files=[council_zip(council, years=("2024",))])
    kept = store.listing()
    assert kept

    def fail(*args, **kwargs):
        raise IntegrityError("the database refused the rows")

    monkeypatch.setattr(UploadFile.objects, "bulk_create", fail)  # Django's manager, not our code
    with pytest.raises(IntegrityError):
        upload_create(user=analyst, files=[council_zip(council)])

    assert store.listing() == kept  # 2024's files (already there) kept; 2025's (new) removed
    assert Upload.objects.count() == 1


def test_a_label_longer_than_200_characters_is_refused(people, council: Path) -> None:
    before = state()
    with pytest.raises(UploadRejected) as refused:
        upload_create(user=people[Role.ANALYST], files=[council_zip(council)], label="x" * 201)
    assert "Label" in refused.value.problems[0]
    assert state() == before
