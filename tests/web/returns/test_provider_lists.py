"""Ofsted's provider lists in the web app: kept when they can be read, used by every check after,
refused (changing nothing) when they cannot; a return can be checked again with newer lists."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from corparent.accounts.roles import Role
from corparent.engine.ssda903 import postcodes
from corparent.engine.validation.providers import CHILDRENS_HOMES, COMBINED, SOCIAL_CARE_PROVIDERS
from corparent.engine.validation.registry import NEEDS, rules_for
from corparent.returns import store
from corparent.returns.models import ProviderListFile, ProviderLists, Upload
from tests.web.api_schema import schema_without_warnings
from tests.web.returns.conftest import council_zip, state

pytestmark = pytest.mark.django_db

OFSTED = Path(__file__).resolve().parents[2] / "fixtures" / "ofsted"
URL = "/returns/provider-lists/"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _file(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, (OFSTED / name).read_bytes(), content_type=XLSX)


def _both() -> list[SimpleUploadedFile]:
    return [_file("childrens-homes.xlsx"), _file("social-care-providers.xlsx")]


def _kept() -> dict[str, object]:
    return {**state(), "lists": ProviderLists.objects.count(), "list files": ProviderListFile.objects.count()}


def _urn_rules(upload: Upload) -> set[str]:
    """The rules of the upload's year that need Ofsted's lists."""
    return {r.code for r in rules_for(upload.latest_year) if "providers" in r.needs}


def _skipped(upload: Upload) -> set[str]:
    return {e["rule"] for e in upload.rules_not_run if e["status"] == "skipped"}


def test_an_analyst_uploads_both_lists_and_the_page_shows_them(client_for: Any) -> None:
    client = client_for(Role.ANALYST)
    assert reverse("returns:provider_lists") == URL
    page = client.get(URL).content.decode()
    assert "None yet" in page and "Upload the lists" in page

    response = client.post(URL, {"files": _both()})

    assert response.status_code == 302 and response["Location"] == URL
    lists = ProviderLists.objects.get()
    kinds = {f.name: f.kind for f in lists.files.all()}
    assert kinds == {
        "childrens-homes.xlsx": CHILDRENS_HOMES,
        "social-care-providers.xlsx": SOCIAL_CARE_PROVIDERS,
    }
    assert lists.providers == 6  # 3 homes, 2 current providers and 1 closed (tests/fixtures/ofsted/make.py)
    assert all(store.path_of(f.stored.sha256).exists() for f in lists.files.all())
    page = client.get(URL).content.decode()
    assert "childrens-homes.xlsx (Ofsted's children's homes list)" in html.unescape(page)
    assert "6, open and closed" in page and "are kept" in page


def test_the_combined_list_alone_is_enough(client_for: Any) -> None:
    response = client_for(Role.ANALYST).post(URL, {"files": [_file("combined.xlsx")]})
    assert response.status_code == 302
    assert [f.kind for f in ProviderLists.objects.get().files.all()] == [COMBINED]


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (
            ["childrens-homes.xlsx"],
            "childrens-homes.xlsx: expected Ofsted&#x27;s social care providers list as well",
        ),
        (
            ["not-a-workbook.xlsx", "social-care-providers.xlsx"],
            "not-a-workbook.xlsx: expected an Excel workbook",
        ),
        (
            ["bad-date.xlsx", "social-care-providers.xlsx"],
            "bad-date.xlsx, sheet &#x27;Provider information&#x27;, row 2",
        ),
    ],
)
def test_lists_that_cannot_be_read_are_refused_naming_the_problem_and_nothing_is_kept(
    client_for: Any, files: list[str], expected: str
) -> None:
    before = _kept()
    response = client_for(Role.ANALYST).post(URL, {"files": [_file(n) for n in files]})
    assert response.status_code == 422
    assert expected in response.content.decode()
    assert _kept() == before


def test_no_file_chosen_is_refused(client_for: Any) -> None:
    response = client_for(Role.ANALYST).post(URL, {})
    assert response.status_code == 422 and "Choose Ofsted" in response.content.decode()


def test_lists_larger_than_the_limit_are_refused(client_for: Any, settings: Any) -> None:
    settings.UPLOAD_MAX_BYTES = 1000
    before = _kept()
    response = client_for(Role.ANALYST).post(URL, {"files": _both()})
    assert response.status_code == 413 and "larger than" in response.content.decode()
    assert _kept() == before


def test_officers_see_the_lists_but_only_those_who_upload_returns_may_change_them(client_for: Any) -> None:
    officer = client_for(Role.OFFICER)
    page = officer.get(URL)
    assert page.status_code == 200 and "Upload the lists" not in page.content.decode()
    assert officer.post(URL, {"files": _both()}).status_code == 403
    assert client_for(Role.MEMBER).get(URL).status_code == 403
    assert ProviderLists.objects.count() == 0


def test_without_lists_the_urn_rules_say_why_they_did_not_run(client_for: Any, council: Path) -> None:
    client = client_for(Role.ANALYST)
    client.post(reverse("returns:upload"), {"files": [council_zip(council)]})
    upload = Upload.objects.get()
    assert _urn_rules(upload) == {"219", "221", "224", "227", "228", "229", "1008"}  # 2024-25's
    assert _urn_rules(upload) <= _skipped(upload) and upload.provider_lists is None
    reasons = {e["reason"] for e in upload.rules_not_run if e["rule"] in _urn_rules(upload)}
    assert reasons == {NEEDS["providers"]}
    page = client.get(reverse("returns:detail", args=[upload.pk])).content.decode()
    assert "7 rules (219, 221, 224, 227, 228, 229 and 1008) did not run" in page
    assert f'href="{URL}">Upload Ofsted&#x27;s provider lists</a>, then run the checks again' in page


def test_checks_use_the_latest_lists_and_a_return_can_be_checked_again(
    client_for: Any, council: Path
) -> None:
    client = client_for(Role.ANALYST)
    client.post(reverse("returns:upload"), {"files": [council_zip(council)]})
    upload = Upload.objects.get()
    ran_without = upload.rules_ran
    client.post(URL, {"files": [_file("combined.xlsx")]})
    client.post(URL, {"files": _both()})  # the latest: what the checks use
    latest = ProviderLists.objects.first()

    response = client.post(reverse("returns:recheck", args=[upload.pk]))

    upload.refresh_from_db()
    assert response.status_code == 302 and upload.status == Upload.Status.VALIDATED
    assert upload.provider_lists == latest
    ran = _urn_rules(upload) - _skipped(upload)
    assert ran >= {"219", "221", "224", "227", "228", "1008"}  # 229 needs the council's code as well
    assert upload.rules_ran == ran_without + len(ran)
    page = client.get(reverse("returns:detail", args=[upload.pk])).content.decode()
    assert "were checked against" in page and "(6 providers)" in page
    assert "did not run: Ofsted" not in page
    shown = client.get(f"/api/v1/uploads/{upload.pk}/").json()["provider_lists"]
    assert shown["providers"] == 6 and {f["kind"] for f in shown["files"]} == {
        CHILDRENS_HOMES,
        SOCIAL_CARE_PROVIDERS,
    }


def test_only_those_who_upload_returns_may_check_one_again(client_for: Any, council: Path) -> None:
    client_for(Role.ANALYST).post(reverse("returns:upload"), {"files": [council_zip(council)]})
    upload = Upload.objects.get()
    checked_at = upload.validated_at
    officer = client_for(Role.OFFICER)
    assert officer.post(reverse("returns:recheck", args=[upload.pk])).status_code == 403
    assert (
        "Run the checks again"
        not in officer.get(reverse("returns:detail", args=[upload.pk])).content.decode()
    )
    upload.refresh_from_db()
    assert upload.validated_at == checked_at
    assert client_for(Role.ANALYST).get(reverse("returns:recheck", args=[upload.pk])).status_code == 405


def test_the_upload_api_documents_the_lists_a_check_used() -> None:
    from corparent.returns.api import api_patterns

    schema = schema_without_warnings(api_patterns, "returns")
    detail = schema["components"]["schemas"]["UploadDetail"]["properties"]
    assert detail["provider_lists"]["allOf"][0]["$ref"].endswith("/ProviderLists")
    assert set(schema["components"]["schemas"]["ProviderLists"]["properties"]) == {
        "uploaded_at",
        "providers",
        "councils_known",
        "files",
    }


def test_checks_already_running_are_not_started_twice(client_for: Any, council: Path) -> None:
    client = client_for(Role.ANALYST)
    client.post(reverse("returns:upload"), {"files": [council_zip(council)]})
    upload = Upload.objects.get()
    Upload.objects.filter(pk=upload.pk).update(status=Upload.Status.VALIDATING, progress=40)
    response = client.post(reverse("returns:recheck", args=[upload.pk]), follow=True)
    assert "The checks of this return are already running" in response.content.decode()
    upload.refresh_from_db()
    assert upload.status == Upload.Status.VALIDATING and upload.progress == 40


@pytest.mark.skipif(
    not postcodes.available(), reason=f"the postcodes extra ({postcodes.REQUIREMENT}) is not installed"
)
def test_a_rule_that_needs_the_councils_code_links_to_the_council_settings(
    client_for: Any, council: Path
) -> None:
    client = client_for(Role.ANALYST)
    client.post(URL, {"files": _both()})
    client.post(reverse("returns:upload"), {"files": [council_zip(council)]})
    upload = Upload.objects.get()
    waiting = [e["rule"] for e in upload.rules_not_run if e["reason"] == NEEDS["la_code"]]
    assert waiting == ["229"]  # no council is chosen in these tests
    page = client.get(reverse("returns:detail", args=[upload.pk])).content.decode()
    assert f'href="{reverse("comparators:council")}">Choose the council in the council settings</a>' in page
