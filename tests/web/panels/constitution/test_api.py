"""The constitution API: the same permissions as the pages, the same rules, the balance as JSON."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from corparent.accounts.roles import Role
from corparent.panels.models import Membership, Panel, Person, PoliticalGroup, TermsOfReference
from tests.web.api_schema import schema_without_warnings
from tests.web.panels.constitution.conftest import Riverside

MANAGERS = {Role.ADMIN, Role.OFFICER}
Clients = Callable[[Role], Client]


def _api(name: str, *args: object) -> str:
    return reverse(f"api:panels-api:{name}", args=args)


def _endpoints(r: Riverside) -> list[tuple[str, dict[str, object]]]:
    """Every endpoint with a good body to write to it."""
    p = r.panel.pk
    return [
        (_api("panels"), {"name": "Care Leavers Board", "kind": "board", "size": 0}),
        (_api("panel", p), {"name": "Corporate Parenting Committee"}),
        (
            _api("terms", p),
            {"purpose": "To care.", "quorum": 3, "frequency": "monthly", "reporting_line": "Cabinet"},
        ),
        (_api("memberships", p), {"person": None, "seat_kind": "foster_carer", "start_date": "2026-06-01"}),
        (_api("membership-end", p, r.seats["Cllr LD 1"].pk), {"end_date": "2026-07-01"}),
        (_api("groups"), {"name": "Green", "council_seats": 2}),
        (_api("group", r.labour.pk), {"council_seats": 29}),
        (_api("council"), {"council_seats": 60, "ungrouped_councillors": 2, "other_bodies": {}}),
        (_api("people"), {"name": "Dr Bee", "kind": "partner", "organisation": r.health.pk}),
        (_api("person", r.councillors["Cllr Lab 2"].pk), {"ward": "Northgate"}),
    ]


def _write(client: Client, url: str, body: dict[str, object]) -> int:
    if (
        url.endswith(("/end/", "/approve/"))
        or url.endswith(("/panels/", "/terms/", "/memberships/", "/people/"))
        or url.endswith("/political-groups/")
    ):
        return client.post(url, body, content_type="application/json").status_code
    if url.endswith("/council-composition/"):
        return client.put(url, body, content_type="application/json").status_code
    return client.patch(url, body, content_type="application/json").status_code


def _state() -> tuple[object, ...]:
    return (
        list(Panel.objects.values_list("name", flat=True)),
        TermsOfReference.objects.count(),
        list(Membership.objects.values_list("pk", "end_date")),
        list(PoliticalGroup.objects.values_list("name", "council_seats")),
        list(Person.objects.values_list("name", "ward")),
    )


@pytest.mark.parametrize("role", list(Role))
def test_every_endpoint_reads_for_all_and_writes_for_democratic_services(
    role: Role, riverside: Riverside, client_for: Clients
) -> None:
    client = client_for(role)
    endpoints = _endpoints(riverside)
    for url, _ in endpoints:
        if not url.endswith("/end/"):
            assert client.get(url).status_code == 200, url
    assert client.get(_api("balance", riverside.panel.pk)).status_code == 200
    before = _state()
    for url, body in endpoints:
        expected = (200, 201) if role in MANAGERS else (403,)
        assert _write(client, url, body) in expected, (url, role)
    if role not in MANAGERS:
        assert _state() == before


def test_signed_out_requests_are_refused(riverside: Riverside, client: Client) -> None:
    assert client.get(_api("panels")).status_code == 403


def test_balance_as_json_for_the_hand_worked_council(riverside: Riverside, client_for: Clients) -> None:
    body = client_for(Role.MEMBER).get(_api("balance", riverside.panel.pk), {"size": 13}).json()
    assert body["status"] == "departs"
    assert [(e["name"], e["share"], e["entitled"], e["held"]) for e in body["entitlements"]] == [
        ("Labour", "5.88", 6, 7),
        ("Conservative", "2.94", 3, 2),
        ("Liberal Democrat", "0.78", 1, 1),
        ("Members not in a political group", "0.39", 0, 0),
    ]
    assert body["departures"] == [
        "Labour has 7 seats, entitled to 6",
        "Conservative has 2 seats, entitled to 3",
    ]
    assert body["what_if"][1:4] == [
        "Labour: 6 → 8 (+2)",
        "Conservative: 3 → 4 (+1)",
        "Liberal Democrat: 1 → 1 (no change)",
    ]
    bad = client_for(Role.MEMBER).get(_api("balance", riverside.panel.pk), {"size": "ten"})
    assert bad.status_code == 400 and "size" in bad.json()


def test_refusals_are_400s_with_the_field_and_change_nothing(
    riverside: Riverside, client_for: Clients
) -> None:
    r = riverside
    officer = client_for(Role.OFFICER)
    before = _state()
    response = officer.post(
        _api("memberships", r.panel.pk),
        {"person": r.councillors["Cllr Lab 1"].pk, "start_date": "2026-06-01"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json() == {
        "person": ["Cllr Lab 1 already has a seat on Corporate Parenting Panel on 1 June 2026"]
    }
    response = officer.post(
        _api("people"), {"name": "Dr Bee", "kind": "partner"}, content_type="application/json"
    )
    assert response.status_code == 400 and response.json() == {
        "organisation": ["Choose the partner's organisation"]
    }
    assert _state() == before


def test_approved_terms_are_never_changed_through_the_api(riverside: Riverside, client_for: Clients) -> None:
    r = riverside
    officer = client_for(Role.OFFICER)
    created = officer.post(
        _api("terms", r.panel.pk),
        {
            "purpose": "To care.",
            "quorum": 3,
            "frequency": "monthly",
            "reporting_line": "Cabinet",
            "approved_by": "Full Council",
            "approved_on": "2026-05-19",
        },
        content_type="application/json",
    )
    assert created.status_code == 201 and created.json()["version"] == 1
    again = officer.post(
        _api("terms-approve", r.panel.pk, 1),
        {"approved_by": "Cabinet", "approved_on": "2026-06-01"},
        content_type="application/json",
    )
    assert again.status_code == 400
    assert "cannot be changed: create a new version" in again.json()["non_field_errors"][0]
    assert TermsOfReference.objects.get().approved_on == dt.date(2026, 5, 19)


def test_contact_details_are_for_democratic_services(riverside: Riverside, client_for: Clients) -> None:
    person = riverside.councillors["Cllr Lab 1"]
    Person.objects.filter(pk=person.pk).update(email="lab1@riverside.example")
    url = _api("person", person.pk)
    assert client_for(Role.OFFICER).get(url).json()["email"] == "lab1@riverside.example"
    assert "email" not in client_for(Role.MEMBER).get(url).json()


def test_the_constitution_endpoints_make_a_schema_without_warnings() -> None:
    from corparent.panels.api.constitution import constitution_api_patterns

    schema = schema_without_warnings(constitution_api_patterns, "panels")
    assert "/api/v1/panels/{panel_id}/balance/" in schema["paths"]
    assert {"get", "post"} <= set(schema["paths"]["/api/v1/panels/{panel_id}/memberships/"])
