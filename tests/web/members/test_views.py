"""The members pages: who sees what, who may change what, and bad input (422, nothing changed)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from corparent.accounts.models import User
from corparent.accounts.roles import Role
from corparent.members import services
from corparent.members.models import Champion, ChampionReport, Home, TrainingCompletion, Visit, VisitAction
from tests.web.members.conftest import Council

Clients = Callable[[Role], Client]


def _text(response: object) -> str:
    return response.content.decode()  # type: ignore[attr-defined]


@pytest.mark.parametrize("role", [Role.ADMIN, Role.ANALYST, Role.OFFICER, Role.MEMBER, Role.PARTNER])
def test_everyone_but_young_people_sees_the_overview(
    council: Council, client_for: Clients, role: Role
) -> None:
    response = client_for(role).get(reverse("members:index"))

    assert response.status_code == 200
    body = _text(response)
    assert "Mandatory training completion by tier" in body
    assert "2 of 3" in body and "67%" in body  # the key tier, worked by hand in conftest
    assert "Cllr Ash" in body


def test_young_people_do_not_see_the_members_area(council: Council, client_for: Clients) -> None:
    client = client_for(Role.YOUNG_PERSON)
    for name, kwargs in [("members:index", {}), ("members:councillor", {"person_id": council.ash.pk})]:
        assert client.get(reverse(name, kwargs=kwargs)).status_code == 403


def test_a_councillors_page_shows_tier_training_champion_and_visits(
    council: Council, client_for: Clients, people: dict[Role, User]
) -> None:
    champion = services.champion_create(
        user=people[Role.OFFICER],
        person=council.ash,
        portfolio="education",
        started_on=dt.date(2026, 5, 1),
        targets="Every school has a designated teacher trained\nVisit the virtual school each term",
    )
    services.champion_report_create(
        user=people[Role.OFFICER],
        champion=champion,
        title="Autumn report",
        reported_on=dt.date(2026, 10, 1),
        summary="Attendance is up.",
    )
    services.visit_record(
        user=people[Role.MEMBER],
        home=council.home,
        visited_on=dt.date(2026, 6, 1),
        visitors=[council.ash],
        report="A calm house.",
    )

    body = _text(
        client_for(Role.PARTNER).get(reverse("members:councillor", kwargs={"person_id": council.ash.pk}))
    )

    assert "Key role: Lead Member for Children&#x27;s Services" in body
    done, to_do = body.split(">Done<")[1].split(">To do<")
    assert "Corporate parenting induction" in done and "Being the lead member" in done
    assert "Panel skills" in to_do.split("Member Champion")[0]
    assert "Education champion" in body and "Visit the virtual school each term" in body
    assert "Autumn report" in body
    assert "Oak House" in body.split('id="visits"')[1]
    assert "Change<span" not in body  # a partner may not change the tier


def test_a_councillor_who_is_not_one_is_a_404(council: Council, client_for: Clients) -> None:
    response = client_for(Role.MEMBER).get(
        reverse("members:councillor", kwargs={"person_id": council.pat.pk})
    )
    assert response.status_code == 404


def test_a_member_records_a_visit_and_adds_an_action(council: Council, client_for: Clients) -> None:
    client = client_for(Role.MEMBER)
    assert client.get(reverse("members:visit_create")).status_code == 200

    response = client.post(
        reverse("members:visit_create"),
        {
            "home": council.home.pk,
            "visited_on": "2026-06-01",
            "visitors": [council.ash.pk],
            "report": "Calm.",
        },
    )

    visit = Visit.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("members:visit", args=[visit.pk])
    response = client.post(
        reverse("members:visit", args=[visit.pk]),
        {"description": "Ask estates about the broken gate", "owner": "Estates", "due_date": "2026-07-01"},
    )
    assert response.status_code == 302
    action = VisitAction.objects.get()
    client.post(reverse("members:visit_action_status", args=[action.pk]), {"status": "done"})
    action.refresh_from_db()
    assert action.status == "done"


def test_a_visit_without_the_member_is_refused_with_a_message(council: Council, client_for: Clients) -> None:
    response = client_for(Role.MEMBER).post(
        reverse("members:visit_create"),
        {
            "home": council.home.pk,
            "visited_on": "2026-06-01",
            "visitors": [council.cedar.pk],
            "report": "Calm.",
        },
    )

    assert response.status_code == 422
    assert "You can record only visits you made: include yourself." in _text(response)
    assert not Visit.objects.exists()


def test_a_visit_with_a_bad_date_is_refused(council: Council, client_for: Clients) -> None:
    response = client_for(Role.MEMBER).post(
        reverse("members:visit_create"),
        {
            "home": council.home.pk,
            "visited_on": "31/02/2026",
            "visitors": [council.ash.pk],
            "report": "Calm.",
        },
    )

    assert response.status_code == 422
    assert "Enter the date of the visit as a date, like 2025-03-31" in _text(response)
    assert not Visit.objects.exists()


@pytest.mark.parametrize("role", [Role.PARTNER, Role.ADMIN, Role.ANALYST])
def test_roles_without_record_visits_cannot_open_the_form(
    council: Council, client_for: Clients, role: Role
) -> None:
    assert client_for(role).get(reverse("members:visit_create")).status_code == 403


def test_another_member_cannot_add_actions_to_a_visit_they_did_not_make(
    council: Council, client_for: Clients, people: dict[Role, User]
) -> None:
    visit = services.visit_record(
        user=people[Role.OFFICER],
        home=council.home,
        visited_on=dt.date(2026, 6, 1),
        visitors=[council.cedar],
        report="Calm.",
    )
    client = client_for(Role.MEMBER)

    page = client.get(reverse("members:visit", args=[visit.pk]))
    refused = client.post(
        reverse("members:visit", args=[visit.pk]),
        {"description": "x", "owner": "y", "due_date": "2026-07-01"},
    )

    assert page.status_code == 200 and "Add an action" not in _text(page)
    assert refused.status_code == 403
    assert not VisitAction.objects.exists()


def test_an_officer_records_a_completion_on_the_session_page(council: Council, client_for: Clients) -> None:
    url = reverse("members:session", args=[council.panel_skills.pk])
    response = client_for(Role.OFFICER).post(
        url, {"person": council.ash.pk, "how": "online", "completed_on": "2026-03-20"}
    )

    assert response.status_code == 302
    assert TrainingCompletion.objects.get(session=council.panel_skills, person=council.ash).how == "online"
    body = _text(client_for(Role.MEMBER).get(reverse("members:index")))
    assert "3 of 3" in body and "100%" in body  # the key tier is now complete


def test_a_member_cannot_record_completions(council: Council, client_for: Clients) -> None:
    url = reverse("members:session", args=[council.panel_skills.pk])
    client = client_for(Role.MEMBER)

    assert "Record a completion" not in _text(client.get(url))
    response = client.post(url, {"person": council.ash.pk, "how": "online", "completed_on": "2026-03-20"})

    assert response.status_code == 403
    assert not TrainingCompletion.objects.filter(session=council.panel_skills, person=council.ash).exists()


def test_an_officer_adds_a_session_a_home_a_champion_a_report_and_a_tier(
    council: Council, client_for: Clients
) -> None:
    client = client_for(Role.OFFICER)

    r1 = client.post(
        reverse("members:session_create"),
        {
            "title": "Education of children in care",
            "date": "2026-09-01",
            "tier": "every",
            "mandatory": "on",
            "principles": "a, e",
        },
    )
    r2 = client.post(reverse("members:homes"), {"name": "Birch House", "provider": "Brookfield Council"})
    r3 = client.post(
        reverse("members:champion_create"),
        {
            "person": council.cedar.pk,
            "portfolio": "housing",
            "started_on": "2026-05-01",
            "targets": "Ten flats",
        },
    )
    champion = Champion.objects.get()
    r4 = client.post(
        reverse("members:champion_report", args=[champion.pk]),
        {"title": "First report", "reported_on": "2026-09-01", "summary": "Six flats so far."},
    )
    r5 = client.post(
        reverse("members:tier", args=[council.dale.pk]), {"tier": "targeted", "role_title": "Scrutiny"}
    )

    assert [r.status_code for r in (r1, r2, r3, r4, r5)] == [302] * 5
    assert Home.objects.filter(name="Birch House").exists()
    assert ChampionReport.objects.get().champion == champion
    assert "Targeted role: Scrutiny" in _text(
        client.get(reverse("members:councillor", args=[council.dale.pk]))
    )


def test_a_home_with_a_bad_ofsted_number_is_refused(council: Council, client_for: Clients) -> None:
    response = client_for(Role.OFFICER).post(
        reverse("members:homes"), {"name": "Ash House", "provider": "Council", "ofsted_urn": "SC-12"}
    )

    assert response.status_code == 422
    assert "letters and numbers" in _text(response)
    assert not Home.objects.filter(name="Ash House").exists()


@pytest.mark.parametrize("name", ["members:session_create", "members:champion_create"])
def test_members_and_partners_cannot_manage(council: Council, client_for: Clients, name: str) -> None:
    for role in (Role.MEMBER, Role.PARTNER):
        assert client_for(role).get(reverse(name)).status_code == 403
    assert (
        client_for(Role.PARTNER).post(reverse("members:homes"), {"name": "X", "provider": "Y"}).status_code
        == 403
    )


def test_an_officer_ends_a_champions_role_and_the_page_says_until_when(
    council: Council, client_for: Clients, people: dict[Role, User]
) -> None:
    champion = services.champion_create(
        user=people[Role.OFFICER], person=council.ash, portfolio="health", started_on=dt.date(2026, 1, 1)
    )
    client = client_for(Role.OFFICER)

    bad = client.post(reverse("members:champion_end", args=[champion.pk]), {"ended_on": "2025-12-31"})
    good = client.post(reverse("members:champion_end", args=[champion.pk]), {"ended_on": "2026-06-30"})

    assert bad.status_code == 422 and "cannot end before it started" in _text(bad)
    assert good.status_code == 302
    body = _text(client.get(reverse("members:councillor", args=[council.ash.pk])))
    assert "until 30 June 2026" in body and "End the role" not in body
    assert client_for(Role.MEMBER).get(reverse("members:champion_end", args=[champion.pk])).status_code == 403
