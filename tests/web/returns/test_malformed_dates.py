"""A date that is not a date: a finding of the checks (DfE's rule 141 and the like), not a refused
upload; but figures are computed only from values that can be read, so publishing is refused."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from corparent.accounts.roles import Role
from corparent.returns.models import Snapshot, Upload
from corparent.returns.services import PublishRefused, snapshot_publish
from tests.web.returns.conftest import zip_bytes

pytestmark = pytest.mark.django_db


def _with_bad_decom(council: Path, row: int, value: str) -> bytes:
    """The council's 2024-25 files, zipped, with Episodes row ``row``'s DECOM replaced by ``value``."""
    members = {f"2025/{p.name}": p.read_bytes() for p in sorted((council / "2025").glob("*.csv"))}
    lines = list(csv.reader(io.StringIO(members["2025/episodes.csv"].decode("utf-8"))))
    lines[row + 1][lines[0].index("DECOM")] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(lines)
    members["2025/episodes.csv"] = out.getvalue().encode("utf-8")
    return zip_bytes(members)


def test_an_upload_with_a_malformed_date_is_checked_and_the_date_is_a_finding(
    client_for, people, council: Path
) -> None:

    client = client_for(Role.ANALYST)
    data = _with_bad_decom(council, 3, "31/02/2025")

    response = client.post(reverse("returns:upload"), {"files": [SimpleUploadedFile("return.zip", data)]})

    assert response.status_code == 302
    upload = Upload.objects.get()
    assert upload.status == Upload.Status.VALIDATED
    assert list(upload.findings.filter(rule="141").values_list("table", "row")) == [("Episodes", 3)]
    assert upload.error_count >= 1

    # publishing it is refused, naming the file as uploaded, the row, column and value
    url = reverse("returns:publish", args=[upload.pk])
    response = client.post(url, {"reference_date": "31/03/2025", "confirm_errors": "on"})
    assert response.status_code == 422
    text = response.content.decode()
    assert "The figures cannot be computed from this upload" in text
    assert "return.zip/2025/episodes.csv, row 3 (line 5), column DECOM: &#x27;31/02/2025&#x27;" in text
    assert "corparent-read-" not in text  # never the temporary folder
    assert not Snapshot.objects.exists()

    response = client.post("/api/v1/snapshots/", {"upload": upload.pk, "confirm_errors": True})
    assert response.status_code == 422
    assert "return.zip/2025/episodes.csv, row 3" in " ".join(response.json()["problems"])
    assert not Snapshot.objects.exists()

    with pytest.raises(PublishRefused) as refused:
        snapshot_publish(user=people[Role.ANALYST], upload=upload, confirm_errors=True)
    assert any("expected a date as DD/MM/YYYY" in p for p in refused.value.problems)
