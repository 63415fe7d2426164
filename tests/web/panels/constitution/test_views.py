"""The constitution's pages: who may open and change them, what they show on the hand-worked council,
and bad input (a 400 naming the field, nothing changed)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from corparent.accounts.models import AuditEvent
from corparent.accounts.roles import Role
from corparent.panels.models import Membership, Panel, PoliticalGroup, TermsOfReference
from corparent.panels.services import constitution as services
from tests.web.panels.constitution.conftest import Riverside

MANAGERS = {Role.ADMIN, Role.OFFICER}
Clients = Callable[[Role], Client]


def _text(response: object) -> str:
    html = response.content.decode()  # type: ignore[attr-defined]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _pages(r: Riverside) -> tuple[list[str], list[str]]:
    terms = services.terms_create(
        user=r.officer,
        panel=r.panel,
        purpose="To care.",
        quorum=3,
        frequency="monthly",
        reporting_line="Cabinet",
    )
    vacancy = services.membership_add(
        user=r.officer, panel=r.panel, person=None, seat_kind="young_person", start_date=dt.date(2026, 5, 20)
    )
    p = r.panel.pk
    read = [
        reverse("panels:index"),
        reverse("panels:panel", args=[p]),
        reverse("panels:terms", args=[p]),
        reverse("panels:balance", args=[p]),
        reverse("panels:council"),
        reverse("panels:people"),
    ]
    manage = [
        reverse("panels:panel_create"),
        reverse("panels:panel_edit", args=[p]),
        reverse("panels:terms_create", args=[p]),
        reverse("panels:terms_approve", args=[p, terms.version]),
        reverse("panels:membership_add", args=[p]),
        reverse("panels:membership_end", args=[p, r.seats["Cllr LD 1"].pk]),
        reverse("panels:membership_fill", args=[p, vacancy.pk]),
        reverse("panels:council_edit"),
        reverse("panels:group_create"),
        reverse("panels:group_edit", args=[r.labour.pk]),
        reverse("panels:person_create"),
        reverse("panels:person_edit", args=[r.councillors["Cllr Lab 1"].pk]),
    ]
    return read, manage


@pytest.mark.parametrize("role", list(Role))
def test_everyone_reads_only_democratic_services_change(
    role: Role, riverside: Riverside, client_for: Clients
) -> None:
    read, manage = _pages(riverside)
    client = client_for(role)
    for url in read:
        assert client.get(url).status_code == 200, url
    for url in manage:
        assert client.get(url).status_code == (200 if role in MANAGERS else 403), url
    if role not in MANAGERS:
        memberships, groups = Membership.objects.count(), PoliticalGroup.objects.count()
        for url in manage:
            assert client.post(url, {"name": "Sneaky", "council_seats": 40}).status_code == 403, url
        assert (Membership.objects.count(), PoliticalGroup.objects.count()) == (memberships, groups)
        assert Panel.objects.get().name == "Corporate Parenting Panel"


def test_signed_out_people_are_sent_to_sign_in(riverside: Riverside, client: Client) -> None:
    response = client.get(reverse("panels:balance", args=[riverside.panel.pk]))
    assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"]


def test_balance_page_on_the_hand_worked_council(riverside: Riverside, client_for: Clients) -> None:
    response = client_for(Role.MEMBER).get(reverse("panels:balance", args=[riverside.panel.pk]))
    text = _text(response)
    assert "govuk-warning-text" in response.content.decode()
    assert "Labour has 7 seats, entitled to 6." in text
    assert "Conservative has 2 seats, entitled to 3." in text
    # the table: group, councillors, exact share, entitled, holds, difference
    assert "Labour 30 5.88 6 7 1 more than entitled" in text
    assert "Conservative 15 2.94 3 2 1 fewer than entitled" in text
    assert "Liberal Democrat 4 0.78 1 1 As entitled" in text
    assert "Members not in a political group 2 0.39 0 0 As entitled" in text
    assert "Principle (d)" in text


def test_what_if_three_more_seats_on_the_page(riverside: Riverside, client_for: Clients) -> None:
    url = reverse("panels:balance", args=[riverside.panel.pk])
    text = _text(client_for(Role.YOUNG_PERSON).get(url, {"change": "+3"}))
    assert "If Corporate Parenting Panel goes from 10 to 13 seats (3 more):" in text
    assert "Labour: 6 → 8 (+2)" in text and "Conservative: 3 → 4 (+1)" in text

    refused = client_for(Role.YOUNG_PERSON).get(url, {"change": "-10"})
    assert refused.status_code == 400
    assert "govuk-error-summary" in refused.content.decode()
    nonsense = client_for(Role.YOUNG_PERSON).get(url, {"change": "three"})
    assert nonsense.status_code == 400 and "Enter a whole number of seats, like 3 or -2" in _text(nonsense)


def test_panel_page_shows_terms_members_by_role_vacancies_and_balance(
    riverside: Riverside, client_for: Clients
) -> None:
    r = riverside
    services.terms_create(
        user=r.officer,
        panel=r.panel,
        purpose="To care.",
        quorum=3,
        frequency="every two months",
        reporting_line="Cabinet",
        approved_by="Full Council",
        approved_on=dt.date(2026, 5, 19),
    )
    services.membership_end(
        user=r.officer, membership=r.seats["Cllr Con 2"], end_date=dt.date(2026, 6, 1), leave_vacant=True
    )
    text = _text(client_for(Role.PARTNER).get(reverse("panels:panel", args=[r.panel.pk])))
    assert "Version 1: Approved by Full Council on 19 May 2026" in text
    assert (
        "Chair Name Who they are Vote Since Cllr Lab 1 Councillor, Labour, Ward 1 ward Voting 20 May 2026"
        in text
    )
    assert "Vacancies" in text and "Councillor seat (Conservative seat)" in text
    assert "3 differences from the entitlement" in text  # Labour +1, Conservative -2, one seat vacant
    assert "Cllr Con 2, member" in text  # past members
    assert (
        "End" not in text.split("Political balance")[0].split("Members")[1]
    )  # no change links for a partner


def test_a_new_terms_version_from_the_page_with_differences(
    riverside: Riverside, client_for: Clients
) -> None:
    r = riverside
    officer = client_for(Role.OFFICER)
    url = reverse("panels:terms_create", args=[r.panel.pk])
    first = {
        "purpose": "To care.",
        "quorum": "3",
        "frequency": "monthly",
        "reporting_line": "Cabinet",
        "approved_by": "Full Council",
        "approved_on": "2026-05-19",
    }
    assert officer.post(url, first).status_code == 302
    assert "Purpose To care." in _text(officer.get(url))  # the new version starts from the latest words
    response = officer.post(url, {**first, "quorum": "4", "approved_by": "", "approved_on": ""})
    assert response.status_code == 302
    text = _text(officer.get(reverse("panels:terms", args=[r.panel.pk])))
    assert "Version 2 Draft" in text and "Quorum changed from 3 to 4 voting members." in text
    assert "Record the approval of version 2" in text
    approve = reverse("panels:terms_approve", args=[r.panel.pk, 2])
    assert (
        officer.post(approve, {"approved_by": "Full Council", "approved_on": "2026-06-01"}).status_code == 302
    )
    assert TermsOfReference.objects.get(version=2).approved_by == "Full Council"
    # once approved, the approval page says it cannot be changed, and a second approval is refused
    assert "cannot be changed: to change the terms, write a new version" in _text(officer.get(approve))
    again = officer.post(approve, {"approved_by": "Cabinet", "approved_on": "2026-06-02"})
    assert again.status_code == 400
    assert TermsOfReference.objects.get(version=2).approved_on == dt.date(2026, 6, 1)


def test_a_filled_or_ended_seat_cannot_be_filled_or_ended_again(
    riverside: Riverside, client_for: Clients
) -> None:
    r = riverside
    officer = client_for(Role.OFFICER)
    seat = r.seats["Cllr LD 1"]
    fill = reverse("panels:membership_fill", args=[r.panel.pk, seat.pk])
    assert "is not an open vacancy, so there is nothing to fill" in _text(officer.get(fill))
    person = r.councillors["Cllr Lab 1"].pk
    assert officer.post(fill, {"person": person, "start_date": "2026-06-01"}).status_code == 400
    end = reverse("panels:membership_end", args=[r.panel.pk, seat.pk])
    assert officer.post(end, {"end_date": "2026-07-01"}).status_code == 302
    assert "has already ended" in _text(officer.get(end))
    assert officer.post(end, {"end_date": "2026-08-01"}).status_code == 400
    seat.refresh_from_db()
    assert seat.end_date == dt.date(2026, 7, 1)
    assert Membership.objects.count() == 10  # no vacancy was asked for: the box was not ticked


def test_bad_input_is_a_400_naming_the_field_and_changes_nothing(
    riverside: Riverside, client_for: Clients
) -> None:
    r = riverside
    officer = client_for(Role.OFFICER)
    response = officer.post(
        reverse("panels:terms_create", args=[r.panel.pk]),
        {
            "purpose": "To care.",
            "quorum": "0",
            "frequency": "monthly",
            "reporting_line": "Cabinet",
            "approved_by": "Full Council",
            "approved_on": "",
        },
    )
    assert response.status_code == 400
    text = _text(response)
    assert "There is a problem" in text and "Quorum: enter 1 or more" in text
    assert not TermsOfReference.objects.exists()

    response = officer.post(
        reverse("panels:membership_add", args=[r.panel.pk]),
        {
            "person": r.councillors["Cllr LD 1"].pk,
            "role": "member",
            "voting": "on",
            "start_date": "2026-06-01",
        },
    )
    assert response.status_code == 400
    assert "Cllr LD 1 already has a seat on Corporate Parenting Panel on 1 June 2026" in _text(response)
    response = officer.post(reverse("panels:group_create"), {"name": "labour", "council_seats": "3"})
    assert response.status_code == 400 and "There is already a group called labour" in _text(response)
    response = officer.post(
        reverse("panels:council_edit"),
        {
            "council_seats": "53",
            "ungrouped_councillors": "2",
            "other_bodies": "Planning twelve",
        },
    )
    assert response.status_code == 400
    assert "Line 1 ('Planning twelve'): expected a name, a colon and a number of seats" in _text(
        response
    ).replace("&#x27;", "'")
    assert PoliticalGroup.objects.count() == 3 and Membership.objects.count() == 10


def test_adding_and_ending_seats_from_the_pages_is_audited(riverside: Riverside, client_for: Clients) -> None:
    r = riverside
    officer = client_for(Role.OFFICER)
    url = reverse("panels:membership_add", args=[r.panel.pk])
    response = officer.post(
        url, {"person": "", "seat_kind": "young_person", "role": "member", "start_date": "2026-06-01"}
    )
    assert response.status_code == 302
    vacancy = Membership.objects.get(person__isnull=True)
    assert (vacancy.seat_kind, vacancy.voting) == ("young_person", False)  # an unticked box is "no"
    end = reverse("panels:membership_end", args=[r.panel.pk, r.seats["Cllr Lab 7"].pk])
    assert officer.post(end, {"end_date": "2026-07-01", "leave_vacant": "on"}).status_code == 302
    events = AuditEvent.objects.filter(action__in=["panels.membership.vacancy", "panels.membership.end"])
    assert [(e.action, e.path) for e in events.order_by("id")] == [
        ("panels.membership.vacancy", url),
        ("panels.membership.end", end),
    ]
