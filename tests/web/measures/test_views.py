"""The pages: an officer defines a measure, a partner sees its own measures and submits, the
officer sees it in; role rules on every page (403 without the capability or the ownership)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.test import Client

from corparent.accounts.models import User
from corparent.accounts.roles import Role
from corparent.measures import services
from corparent.measures.models import Measure, MeasureValue
from tests.web.scorecard.html import tables


def test_an_officer_defines_a_measure_with_the_form(client_for: Callable[[Role], Client], health) -> None:
    officer = client_for(Role.OFFICER)
    assert officer.get("/measures/new/").status_code == 200
    response = officer.post(
        "/measures/new/",
        {
            "title": "Pathway plans in date",
            "meaning": "Of the young people who need one, how many have a plan reviewed in six months.",
            "unit": "percent",
            "polarity": "up",
            "frequency": "monthly",
            "first_period": "2024-04-01",
            "owner_organisation": "",
            "owner_team": "Leaving care service",
            "source": "Case system",
            "numerator_label": "plans in date",
            "denominator_label": "young people needing a plan",
            "theme": "local",
            "due_days": "20",
        },
    )
    measure = Measure.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/measures/{measure.pk}/"
    assert (measure.owner_team, measure.owner_organisation, measure.frequency) == (
        "Leaving care service",
        None,
        "monthly",
    )


def test_a_measure_form_with_problems_is_a_400_and_defines_nothing(
    client_for: Callable[[Role], Client],
) -> None:
    response = client_for(Role.OFFICER).post(
        "/measures/new/",
        {"title": "", "unit": "percent", "polarity": "up", "frequency": "monthly", "due_days": "20"},
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "There is a problem" in text and "Enter the measure&#x27;s title" in text
    assert not Measure.objects.exists()


def test_a_partner_submits_and_the_officer_sees_it_in(
    client_for: Callable[[Role], Client], health_measure: Measure, school_measure: Measure
) -> None:
    partner = client_for(Role.PARTNER)
    # the partner's list holds its own organisation's measure only
    page = partner.get("/measures/").content.decode()
    assert "Your measures" in page and health_measure.title in page and school_measure.title not in page
    # it opens the form for April 2024 and submits 15 of 20
    form = partner.get(f"/measures/{health_measure.pk}/submit/?period=2024-04-01")
    assert form.status_code == 200 and "April 2024" in form.content.decode()
    response = partner.post(
        f"/measures/{health_measure.pk}/submit/",
        {"period": "2024-04-01", "numerator": "15", "denominator": "20"},
    )
    assert response.status_code == 302
    row = MeasureValue.objects.get()
    assert (row.value, row.entered_by.username) == (75.0, "partner")
    # the officer's page for the measure shows April 2024 in, at 75.0% with its interval
    detail = client_for(Role.OFFICER).get(f"/measures/{health_measure.pk}/").content.decode()
    rows = {r[0]: r for r in tables(detail)["Values by period, newest first"]}
    april = next(r for label, r in rows.items() if label.startswith("April 2024"))
    assert april[1] == "In"
    assert april[2].startswith("75.0%") and "15 of 20" in april[2]
    assert april[3] == "53.1% to 88.8%"  # Wilson, 15 of 20
    may = next(r for label, r in rows.items() if label.startswith("May 2024"))
    assert may[1] == "Late"
    # and the overview counts one in for it
    overview = tables(client_for(Role.OFFICER).get("/measures/").content.decode())["Every measure, by owner"]
    mine = next(r for r in overview if r[0].startswith(health_measure.title))
    assert mine[1] == "Integrated Care Board" and mine[6] == "1"


def test_a_partner_may_not_open_or_submit_another_owners_measure(
    client_for: Callable[[Role], Client], school_measure: Measure, council_measure: Measure
) -> None:
    partner = client_for(Role.PARTNER)
    for measure in (school_measure, council_measure):
        assert partner.get(f"/measures/{measure.pk}/").status_code == 403
        assert partner.get(f"/measures/{measure.pk}/submit/?period=2024-04-01").status_code == 403
        response = partner.post(f"/measures/{measure.pk}/submit/", {"period": "2024-04-01", "value": "3"})
        assert response.status_code == 403
    assert not MeasureValue.objects.exists()


def test_roles_without_the_capability_get_403(
    client_for: Callable[[Role], Client], health_measure: Measure
) -> None:
    for role in (Role.MEMBER, Role.YOUNG_PERSON, Role.ADMIN):
        client = client_for(role)
        assert client.get("/measures/").status_code == 403
        assert client.get(f"/measures/{health_measure.pk}/").status_code == 403
    partner = client_for(Role.PARTNER)
    for path in (
        "/measures/new/",
        f"/measures/{health_measure.pk}/import/",
        f"/measures/{health_measure.pk}/template.csv",
    ):
        assert partner.get(path).status_code == 403


def test_a_bad_value_is_a_400_that_names_the_field(
    client_for: Callable[[Role], Client], health_measure: Measure
) -> None:
    response = client_for(Role.PARTNER).post(
        f"/measures/{health_measure.pk}/submit/",
        {"period": "2024-04-01", "numerator": "21", "denominator": "20"},
    )
    assert response.status_code == 400
    assert "The numerator cannot be more than the denominator" in response.content.decode()
    assert not MeasureValue.objects.exists()


def test_a_correction_shows_in_the_history(
    people: dict[Role, User], client_for: Callable[[Role], Client], council_measure: Measure
) -> None:
    april = date(2024, 4, 1)
    services.measure_value_submit(
        user=people[Role.OFFICER], measure=council_measure, period_start=april, value=22
    )
    services.measure_value_submit(
        user=people[Role.ANALYST], measure=council_measure, period_start=april, value=19.5
    )
    page = client_for(Role.OFFICER).get(f"/measures/{council_measure.pk}/").content.decode()
    history = tables(page)["Every version of the periods that were corrected"][1:]
    assert [(r[0], r[1], r[2]) for r in history] == [
        ("April 2024", "2", "22.0 → 19.5"),
        ("April 2024", "1", "22.0"),
    ]
    assert history[0][3].startswith("Analyst, ")


def test_api_partner_submits_its_own_and_is_refused_another(
    client_for: Callable[[Role], Client], health_measure: Measure, school_measure: Measure
) -> None:
    partner = client_for(Role.PARTNER)
    listed = partner.get("/api/v1/measures/").json()
    assert [m["title"] for m in listed] == [health_measure.title]
    url = f"/api/v1/measures/{health_measure.pk}/values/"
    response = partner.post(
        url,
        {"period_start": "2024-05-01", "numerator": 8, "denominator": 10},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["value"] == 80.0
    assert partner.get(url).json()[0]["period_start"] == "2024-05-01"
    refused = partner.post(
        f"/api/v1/measures/{school_measure.pk}/values/",
        {"period_start": "2024-04-01", "numerator": 8, "denominator": 10},
        content_type="application/json",
    )
    assert refused.status_code == 403
    bad = partner.post(
        url,
        {"period_start": "2024-05-02", "numerator": 8, "denominator": 10},
        content_type="application/json",
    )
    assert bad.status_code == 400 and "period_start" in bad.json()
    assert MeasureValue.objects.count() == 1
