"""Every bad upload in the corpus gets a 4xx and a message naming the problem, and leaves the
database and the file store as they were (tests/fixtures/uploads; make.py writes it)."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from corparent.accounts.roles import Role
from corparent.returns.services import upload_create
from tests.web.returns.conftest import council_zip, csv_upload, state, zip_bytes

pytestmark = pytest.mark.django_db

CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "uploads"

# file in the corpus -> words the message must contain
CASES = {
    "wrong-columns.csv": ["wrong-columns.csv", "expected the columns of a 903 table", "FAVOURITE_COLOUR"],
    "utf16.csv": ["utf16.csv", "UTF-16"],
    "empty.csv": ["empty.csv", "the file is empty"],
    "junk.csv": ["junk.csv", "binary data"],
    "not-a-zip.zip": ["not-a-zip.zip", "expected a zip file"],
    "workbook.xlsx": ["workbook.xlsx", "expected a CSV file (.csv) or a zip"],
    "bad-date.csv": ["bad-date.csv", "row 0 (line 2)", "column DECOM", "31/02/2024", "DD/MM/YYYY"],
    "nested.zip": ["nested.zip/2025/inner.zip", "archive inside the zip"],
    "traversal.zip": ["traversal.zip/../../episodes.csv", "climbs out"],
    "absolute.zip": ["absolute.zip//tmp/episodes.csv", "absolute"],
    "no-csv.zip": ["no-csv.zip", "holds no CSV files"],
    "symlink.zip": ["symlink.zip/2025/episodes.csv", "this is a link"],
    "too-many-files.zip": ["too-many-files.zip", "holds 201 files", "at most 200"],
}


def post(client, *files: SimpleUploadedFile):
    return client.post(reverse("returns:upload"), {"files": list(files), "label": ""})


def messages(response) -> str:
    form = response.context["form"]
    return "\n".join(str(e) for e in form.errors.get("files", []))


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_bad_file_is_refused_and_changes_nothing(client_for, name: str) -> None:
    client = client_for(Role.ANALYST)
    before = state()

    response = post(client, SimpleUploadedFile(name, (CORPUS / name).read_bytes()))

    assert response.status_code == 422
    text = messages(response)
    for words in CASES[name]:
        assert words in text
    assert "corparent-upload-" not in text  # never the temporary folder
    assert "There is a problem" in response.content.decode()
    assert state() == before


def test_a_good_file_beside_a_bad_one_is_not_kept_either(client_for, council: Path) -> None:
    client = client_for(Role.ANALYST)
    before = state()
    response = post(
        client, csv_upload(council / "2025" / "episodes.csv"), csv_upload(CORPUS / "bad-date.csv")
    )
    assert response.status_code == 422
    assert state() == before


def test_a_zip_bomb_is_stopped_while_unpacking(client_for) -> None:
    """300 MB of zeros, about 300 KB zipped, built in memory a megabyte at a time."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive,
        archive.open("2025/episodes.csv", "w", force_zip64=True) as member,
    ):
        member.write(b"CHILD,DECOM\n")
        zeros = b"0" * (1 << 20)
        for _ in range(300):
            member.write(zeros)
    bomb = buffer.getvalue()
    assert len(bomb) < 1_000_000
    before = state()

    response = post(client_for(Role.ANALYST), SimpleUploadedFile("bomb.zip", bomb))

    assert response.status_code == 422
    assert "bomb.zip/2025/episodes.csv" in messages(response)
    assert "looks like a zip bomb" in messages(response)
    assert state() == before


def test_an_upload_over_the_limit_is_not_read_past_it(client_for, settings) -> None:
    settings.UPLOAD_MAX_BYTES = 1 << 20
    before = state()
    junk = SimpleUploadedFile("big.csv", b"CHILD,DECOM\n" + b"1,01/04/2024\n" * 200_000)

    response = post(client_for(Role.ANALYST), junk)

    assert response.status_code == 413
    assert "larger than 1 MB" in messages(response)
    assert state() == before


def test_a_zip_that_unpacks_past_the_limit_is_refused(people, settings) -> None:
    settings.UPLOAD_MAX_BYTES = 1 << 20
    members = {f"2025/t{n}.csv": b"CHILD,DECOM\n" + os.urandom(250_000).hex().encode() for n in range(3)}
    before = state()
    with pytest.raises(Exception) as refused:
        upload_create(user=people[Role.ANALYST], files=[SimpleUploadedFile("big.zip", zip_bytes(members))])
    assert "unpacks to more than 1 MB" in " ".join(refused.value.problems)
    assert state() == before


def test_years_mixed_up_between_folders_are_named(client_for, council: Path) -> None:
    """The 2024-25 files in the 2024 folder and the 2023-24 files in the 2025 folder."""
    swapped = {}
    for path in sorted(council.glob("*/*.csv")):
        other = {"2024": "2025", "2025": "2024"}[path.parent.name]
        swapped[f"{other}/{path.name}"] = path.read_bytes()
    before = state()

    response = post(client_for(Role.ANALYST), SimpleUploadedFile("swapped.zip", zip_bytes(swapped)))

    assert response.status_code == 422
    text = messages(response)
    assert "swapped.zip/2024/episodes.csv: is in the folder for 2023-24" in text
    assert "in 2024-25" in text and "are the years mixed up?" in text
    assert state() == before


def test_two_files_of_the_same_table_and_year_are_named(client_for, council: Path) -> None:
    episodes = council / "2025" / "episodes.csv"
    before = state()

    response = post(client_for(Role.ANALYST), csv_upload(episodes), csv_upload(episodes, "episodes-copy.csv"))

    assert response.status_code == 422
    text = messages(response)
    assert "episodes.csv: expected one Episodes file; episodes-copy.csv is Episodes too" in text
    assert state() == before


def test_two_zips_of_the_same_year_are_named(client_for, council: Path) -> None:
    before = state()
    response = post(
        client_for(Role.ANALYST),
        council_zip(council, "first.zip", ("2025",)),
        council_zip(council, "second.zip", ("2025",)),
    )
    assert response.status_code == 422
    assert "second.zip/2025/episodes.csv" in messages(response)
    assert state() == before


def test_no_file_chosen(client_for) -> None:
    response = client_for(Role.ANALYST).post(reverse("returns:upload"), {"label": "nothing"})
    assert response.status_code == 422
    assert "Choose the return's CSV files" in messages(response)


def test_the_api_refuses_bad_uploads_the_same_way(client_for) -> None:
    before = state()
    response = client_for(Role.ANALYST).post(
        "/api/v1/uploads/", {"files": [SimpleUploadedFile("junk.csv", (CORPUS / "junk.csv").read_bytes())]}
    )
    assert response.status_code == 422
    assert any("junk.csv" in p and "binary data" in p for p in response.json()["problems"])
    assert state() == before
