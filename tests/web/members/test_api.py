"""The members API: reads for every role that may see the area; writes through the same services."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client

from corparent.accounts.roles import Role
from corparent.members.models import TrainingCompletion, Visit
from tests.web.api_schema import schema_without_warnings
from tests.web.members.conftest import Council

Clients = Callable[[Role], Client]
API = "/api/v1/members/"


def test_completion_by_tier_is_the_hand_worked_figures(council: Council, client_for: Clients) -> None:
    response = client_for(Role.PARTNER).get(API + "training-completion-by-tier/")

    assert response.status_code == 200
    rows = {r["tier"]: r for r in response.json()}
    assert (rows["key"]["done"], rows["key"]["required"], rows["key"]["percent"]) == (2, 3, 67)
    assert rows["every"]["percent"] == 50


def test_councillors_with_their_tier(council: Council, client_for: Clients) -> None:
    rows = {r["name"]: r for r in client_for(Role.MEMBER).get(API + "councillors/").json()["results"]}

    assert rows["Cllr Ash"]["tier"] == "key"
    assert rows["Cllr Dale"]["tier"] == "every"
    assert "Pat" not in rows


def test_young_people_may_not_read_it(council: Council, client_for: Clients) -> None:
    assert client_for(Role.YOUNG_PERSON).get(API + "councillors/").status_code == 403


def test_a_member_records_a_visit_and_is_refused_one_without_themselves(
    council: Council, client_for: Clients
) -> None:
    client = client_for(Role.MEMBER)
    visit = {"home": council.home.pk, "visited_on": "2026-06-01", "report": "Calm."}

    refused = client.post(
        API + "visits/", {**visit, "visitors": [council.cedar.pk]}, content_type="application/json"
    )
    made = client.post(
        API + "visits/", {**visit, "visitors": [council.ash.pk]}, content_type="application/json"
    )

    assert refused.status_code == 400 and "visitors" in refused.json()
    assert made.status_code == 201 and made.json()["visitors"] == [council.ash.pk]
    assert Visit.objects.count() == 1


def test_completions_are_recorded_by_officers_not_partners(council: Council, client_for: Clients) -> None:
    body = {
        "session": council.panel_skills.pk,
        "person": council.ash.pk,
        "how": "attended",
        "completed_on": "2026-03-05",
    }

    assert (
        client_for(Role.PARTNER)
        .post(API + "training-completions/", body, content_type="application/json")
        .status_code
        == 403
    )
    made = client_for(Role.OFFICER).post(API + "training-completions/", body, content_type="application/json")

    assert made.status_code == 201
    assert TrainingCompletion.objects.filter(session=council.panel_skills, person=council.ash).exists()


def test_a_completion_for_a_partner_is_a_400_naming_the_field(council: Council, client_for: Clients) -> None:
    body = {
        "session": council.induction.pk,
        "person": council.pat.pk,
        "how": "attended",
        "completed_on": "2026-01-15",
    }

    response = client_for(Role.OFFICER).post(
        API + "training-completions/", body, content_type="application/json"
    )

    assert response.status_code == 400 and "person" in response.json()


def test_the_members_endpoints_make_a_schema_without_warnings() -> None:
    from corparent.members.api import api_patterns

    schema = schema_without_warnings(api_patterns, "members")
    assert {"get", "post"} <= set(schema["paths"]["/api/v1/members/visits/"])


def test_ending_a_champion_through_the_api(council: Council, client_for: Clients) -> None:
    made = client_for(Role.OFFICER).post(
        API + "champions/",
        {"person": council.ash.pk, "portfolio": "health", "started_on": "2026-01-01", "targets": ""},
        content_type="application/json",
    )
    url = API + f"champions/{made.json()['id']}/end/"

    refused = client_for(Role.MEMBER).post(url, {"ended_on": "2026-06-30"}, content_type="application/json")
    early = client_for(Role.OFFICER).post(url, {"ended_on": "2025-06-30"}, content_type="application/json")
    ended = client_for(Role.OFFICER).post(url, {"ended_on": "2026-06-30"}, content_type="application/json")

    assert (made.status_code, refused.status_code, early.status_code) == (201, 403, 400)
    assert ended.status_code == 200 and ended.json()["ended_on"] == "2026-06-30"
