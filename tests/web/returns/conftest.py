"""Shared for the returns tests: a small synthetic council's files, uploads made from them, and
the state (database rows and file store) a rejected upload must leave unchanged."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from corparent.engine.ssda903.synth import generate, write_council
from corparent.returns import store
from corparent.returns.models import Finding, RuleSummary, Snapshot, StoredFile, Upload, UploadFile

REFERENCE = date(2025, 3, 31)


@pytest.fixture(scope="session")
def council(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic council of about 30 children: 2023-24 and 2024-25, in year folders."""
    folder = tmp_path_factory.mktemp("council")
    write_council(generate(children=30, years=2, reference_date=REFERENCE, seed=7), folder)
    return folder


@pytest.fixture(autouse=True)
def file_store(settings: Any, tmp_path: Path) -> Iterator[Path]:
    """Each test has a file store of its own."""
    settings.FILE_STORE = tmp_path / "files"
    yield settings.FILE_STORE


def csv_upload(path: Path, name: str | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name or path.name, path.read_bytes(), content_type="text/csv")


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def council_zip(council: Path, name: str = "return.zip", years: tuple[str, ...] = ("2024", "2025")) -> Any:
    members = {
        f"{p.parent.name}/{p.name}": p.read_bytes()
        for p in sorted(council.glob("*/*.csv"))
        if p.parent.name in years
    }
    return SimpleUploadedFile(name, zip_bytes(members), content_type="application/zip")


def state() -> dict[str, object]:
    """What a rejected upload must not change: the rows of every returns table and the file store."""
    return {
        "uploads": Upload.objects.count(),
        "files": UploadFile.objects.count(),
        "stored": StoredFile.objects.count(),
        "summaries": RuleSummary.objects.count(),
        "findings": Finding.objects.count(),
        "snapshots": Snapshot.objects.count(),
        "store": store.listing(),
    }
