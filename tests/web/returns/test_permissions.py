"""Who may do what with returns, on every page and endpoint; child-level reads are audited,
allowed or refused."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.urls import reverse

from corparent.accounts.models import AuditEvent
from corparent.accounts.roles import Role
from corparent.returns.models import Finding, RuleSummary, Snapshot, Upload
from tests.web.api_schema import schema_without_warnings

pytestmark = pytest.mark.django_db

EVERYONE = list(Role)
RETURNS_READERS = {Role.ADMIN, Role.ANALYST, Role.OFFICER}
ANALYSTS = {Role.ANALYST}


@pytest.fixture
def checked(people) -> Upload:
    """An upload already checked: one rule found one row of child 'C7' (rows made directly)."""
    upload = Upload.objects.create(
        uploaded_by=people[Role.ANALYST],
        collection_years=[2025],
        latest_year=2025,
        status=Upload.Status.VALIDATED,
        warning_count=1,
        rules_ran=1,
    )
    RuleSummary.objects.create(
        upload=upload, rule="1002", level="warning", message="A message", hint="A hint", rows=1, children=1
    )
    Finding.objects.create(
        upload=upload, rule="1002", level="warning", table="Episodes", child="C7", row=3, message="A message"
    )
    Snapshot.objects.create(
        upload=upload, reference_date=date(2025, 3, 31), published_by=people[Role.ANALYST], status="ready"
    )
    return upload


def pages(upload: Upload) -> dict[str, tuple[str, set[Role]]]:
    snapshot = upload.snapshots.get()
    return {
        "index": (reverse("returns:index"), RETURNS_READERS),
        "upload form": (reverse("returns:upload"), ANALYSTS),
        "upload": (reverse("returns:detail", args=[upload.pk]), RETURNS_READERS),
        "upload status": (reverse("returns:upload_status", args=[upload.pk]), RETURNS_READERS),
        "findings": (reverse("returns:findings", args=[upload.pk]), ANALYSTS),
        "export csv": (reverse("returns:export", args=[upload.pk, "csv"]), ANALYSTS),
        "export xlsx": (reverse("returns:export", args=[upload.pk, "xlsx"]), ANALYSTS),
        "export json": (reverse("returns:export", args=[upload.pk, "json"]), ANALYSTS),
        "publish form": (reverse("returns:publish", args=[upload.pk]), ANALYSTS),
        "snapshot": (reverse("returns:snapshot", args=[snapshot.pk]), RETURNS_READERS),
        "snapshot status": (reverse("returns:snapshot_status", args=[snapshot.pk]), RETURNS_READERS),
        "api uploads": ("/api/v1/uploads/", RETURNS_READERS),
        "api upload": (f"/api/v1/uploads/{upload.pk}/", RETURNS_READERS),
        "api findings": (f"/api/v1/uploads/{upload.pk}/findings/", ANALYSTS),
        "api snapshots": ("/api/v1/snapshots/", set(EVERYONE)),
        "api snapshot": (f"/api/v1/snapshots/{snapshot.pk}/", set(EVERYONE)),
    }


def test_every_page_and_endpoint_answers_only_the_roles_allowed(client_for, checked: Upload) -> None:
    for name, (url, allowed) in pages(checked).items():
        for role in EVERYONE:
            status = client_for(role).get(url).status_code
            expected = 200 if role in allowed else 403
            assert status == expected, f"{name} as {role}: {status}, expected {expected}"


def test_signed_out_people_are_sent_to_sign_in(client, checked: Upload) -> None:
    response = client.get(reverse("returns:detail", args=[checked.pk]))
    assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"]
    assert client.get(f"/api/v1/uploads/{checked.pk}/findings/").status_code in (401, 403)


@pytest.mark.parametrize("role", sorted(set(Role) - ANALYSTS))
def test_a_refused_child_level_request_is_audited(client_for, checked: Upload, role: Role) -> None:
    client = client_for(role)
    client.get(reverse("returns:findings", args=[checked.pk]))
    client.get(reverse("returns:export", args=[checked.pk, "csv"]))
    client.get(f"/api/v1/uploads/{checked.pk}/findings/")

    refused = AuditEvent.objects.filter(outcome=AuditEvent.Outcome.DENIED, username=role_name(role))
    assert sorted(refused.values_list("action", flat=True)) == [
        "returns.findings.api",
        "returns.findings.export",
        "returns.findings.view",
    ]
    assert all(str(checked.pk) in e.target for e in refused)


def role_name(role: Role) -> str:
    from corparent.accounts.selectors import DEMO_USERNAMES

    return DEMO_USERNAMES[role]


def test_an_analyst_reading_child_level_rows_is_audited(client_for, checked: Upload) -> None:
    client = client_for(Role.ANALYST)
    page = client.get(reverse("returns:findings", args=[checked.pk]))
    assert "C7" in page.content.decode()
    exported = client.get(reverse("returns:export", args=[checked.pk, "json"]))
    assert json.loads(exported.content)[0]["child"] == "C7"
    api = client.get(f"/api/v1/uploads/{checked.pk}/findings/")
    assert api.json()["results"][0]["child"] == "C7"

    allowed = AuditEvent.objects.filter(outcome=AuditEvent.Outcome.ALLOWED, username="analyst")
    assert sorted(allowed.values_list("action", flat=True)) == [
        "returns.findings.api",
        "returns.findings.export",
        "returns.findings.view",
    ]
    assert set(allowed.values_list("target", flat=True)) == {f"upload:{checked.pk}"}


def test_officers_see_counts_by_rule_but_no_child(client_for, checked: Upload) -> None:
    page = client_for(Role.OFFICER).get(reverse("returns:detail", args=[checked.pk])).content.decode()
    assert "1002" in page and "A hint" in page
    assert "C7" not in page
    assert reverse("returns:findings", args=[checked.pk]) not in page
    api = client_for(Role.OFFICER).get(f"/api/v1/uploads/{checked.pk}/").json()
    assert api["rule_summaries"][0]["rows"] == 1
    assert "C7" not in json.dumps(api)


def test_only_analysts_may_post(client_for, checked: Upload) -> None:
    for role in set(Role) - ANALYSTS:
        client = client_for(role)
        assert client.post(reverse("returns:upload"), {}).status_code == 403
        assert client.post(reverse("returns:publish", args=[checked.pk]), {}).status_code == 403
        assert client.post("/api/v1/uploads/", {}).status_code == 403
        assert client.post("/api/v1/snapshots/", {"upload": checked.pk}).status_code == 403
    assert Snapshot.objects.count() == 1


def test_the_schema_describes_the_returns_endpoints(client) -> None:
    response = client.get("/api/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    text = response.content.decode()
    for path in ("/api/v1/uploads/", "/api/v1/uploads/{upload_id}/findings/", "/api/v1/snapshots/"):
        assert path in text


def test_the_returns_endpoints_make_a_schema_without_warnings() -> None:
    from corparent.returns.api import api_patterns

    schema = schema_without_warnings(api_patterns, "returns")
    assert "/api/v1/uploads/{upload_id}/" in schema["paths"]


def test_the_upload_form_still_checks_the_csrf_token(people, council) -> None:
    """The upload view reads the body itself (to stop at the size limit), so it checks CSRF itself."""
    from django.test import Client

    from tests.web.returns.conftest import council_zip, state

    client = Client(enforce_csrf_checks=True)
    client.force_login(people[Role.ANALYST])
    before = state()
    response = client.post(reverse("returns:upload"), {"files": [council_zip(council)]})
    assert response.status_code == 403
    assert state() == before
