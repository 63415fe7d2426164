"""Every scorecard page and API endpoint, for every role: who may see and write what, what a bad
request gets back, and that nothing changes when it is refused."""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.test import Client

from corparent.accounts.models import AuditEvent
from corparent.accounts.roles import Role
from corparent.returns.models import Snapshot
from corparent.scorecard.models import Commentary, Target
from corparent.scorecard.services import target_set
from tests.web.api_schema import schema_without_warnings
from tests.web.scorecard.conftest import comparators_publish, empty_snapshot, figure
from tests.web.scorecard.html import tables

EVERYONE = list(Role)
TARGET_SETTERS = {Role.ADMIN, Role.ANALYST, Role.OFFICER}
COMMENTATORS = {Role.ANALYST, Role.OFFICER}
ClientFor = Callable[[Role], Client]


@pytest.fixture
def red(people: Any) -> Snapshot:
    """Two years of figures: foster care fell from 75% to 70% against a 75% target: red."""
    snap = empty_snapshot(by=people[Role.ANALYST])
    figure(snap, "cla", 100, reference_date=date(2024, 3, 31))
    figure(snap, "cla", 100)
    figure(snap, "placed_foster_pct", 75, 100, unit="%", reference_date=date(2024, 3, 31))
    figure(snap, "placed_foster_pct", 70, 100, unit="%")
    figure(snap, "placed_foster_pct", 40, 50, breakdown="sex", group="Female", unit="%")
    figure(snap, "placed_foster_pct", 30, 50, breakdown="sex", group="Male", unit="%")
    target_set(user=people[Role.OFFICER], indicator_id="placed_foster_pct", target=75, amber_tolerance=2)
    return snap


# ---------------------------------------------------------------- pages


@pytest.mark.parametrize("role", EVERYONE)
@pytest.mark.parametrize(
    "url", ["/scorecard/", "/scorecard/easy-read/", "/scorecard/indicators/placed_foster_pct/"]
)
def test_every_role_reads_the_scorecard_pages(
    client_for: ClientFor, red: Snapshot, role: Role, url: str
) -> None:
    response = client_for(role).get(url)
    assert response.status_code == 200
    assert "70.0%" in response.content.decode() or "70 live with foster carers" in response.content.decode()


def test_signed_out_people_are_sent_to_sign_in(red: Snapshot) -> None:
    response = Client().get("/scorecard/")
    assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"]


def test_the_scorecard_shows_the_red_figure_its_target_trend_and_that_commentary_is_needed(
    client_for: ClientFor, red: Snapshot
) -> None:
    html = client_for(Role.MEMBER).get("/scorecard/").content.decode()
    row = html[html.index('id="indicator-placed_foster_pct"') :]
    row = row[: row.index("</tr>")]
    assert 'govuk-tag--red">Red</strong>' in row
    assert "Commentary needed" in row
    assert "Target: 75.0% or more (amber within 2 percentage points)" in row
    assert "Mar 2024: 75.0%" in row and "Mar 2025: 70.0%" in row
    assert "Higher is better" in row
    assert "Add commentary" not in row  # members may not write it


def test_each_sparkline_is_described_by_the_list_of_its_figures_beside_it(
    client_for: ClientFor, red: Snapshot
) -> None:
    html = client_for(Role.MEMBER).get("/scorecard/").content.decode()
    described = re.findall(r'<svg class="app-sparkline"[^>]* aria-describedby="([^"]+)"', html)
    assert described and len(described) == html.count('<svg class="app-sparkline"')
    for element_id in described:
        listed = re.search(rf'<ul [^>]*id="{element_id}">(.*?)</ul>', html)
        assert listed is not None, element_id
    foster = re.search(r'id="trend-placed_foster_pct">(.*?)</ul>', html)
    assert foster is not None and foster.group(1) == "<li>Mar 2024: 75.0%</li><li>Mar 2025: 70.0%</li>"


@pytest.mark.parametrize("role", EVERYONE)
def test_only_commentators_are_offered_the_commentary_form(
    client_for: ClientFor, red: Snapshot, role: Role
) -> None:
    html = client_for(role).get("/scorecard/").content.decode()
    assert ("Add commentary" in html) is (role in COMMENTATORS)


@pytest.mark.parametrize("role", EVERYONE)
def test_the_target_form_is_for_roles_that_set_targets(
    client_for: ClientFor, red: Snapshot, role: Role
) -> None:
    response = client_for(role).get("/scorecard/indicators/placed_foster_pct/target/")
    assert response.status_code == (200 if role in TARGET_SETTERS else 403)


@pytest.mark.parametrize("role", EVERYONE)
def test_the_commentary_form_is_for_roles_that_write_commentary(
    client_for: ClientFor, red: Snapshot, role: Role
) -> None:
    response = client_for(role).get("/scorecard/indicators/placed_foster_pct/commentary/")
    assert response.status_code == (200 if role in COMMENTATORS else 403)


def test_setting_a_target_through_the_form(client_for: ClientFor, red: Snapshot) -> None:
    response = client_for(Role.ADMIN).post(
        "/scorecard/indicators/missing_pct/target/",
        {"target": "10", "amber_tolerance": "1", "reason": "plan"},
    )
    assert response.status_code == 302 and response["Location"] == "/scorecard/indicators/missing_pct/"
    assert Target.objects.get(indicator_id="missing_pct").target == 10


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"target": "", "amber_tolerance": "0"}, "Enter the target"),
        ({"target": "lots", "amber_tolerance": "0"}, "Enter the target as a number, like 75"),
        ({"target": "150", "amber_tolerance": "0"}, "Enter a percentage target from 0 to 100."),
        ({"target": "75", "amber_tolerance": "-2"}, "Enter how far from the target is amber as 0 or more"),
    ],
)
def test_a_bad_target_gets_a_400_naming_the_problem_and_changes_nothing(
    client_for: ClientFor, red: Snapshot, data: dict[str, str], message: str
) -> None:
    before = Target.objects.count()
    response = client_for(Role.OFFICER).post("/scorecard/indicators/placed_foster_pct/target/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html and message in html
    assert Target.objects.count() == before


def test_commentary_through_the_form_shows_on_the_scorecard(client_for: ClientFor, red: Snapshot) -> None:
    client = client_for(Role.OFFICER)
    url = f"/scorecard/indicators/placed_foster_pct/commentary/?snapshot={red.pk}"
    refused = client.post(url, {"why": "Fewer carers", "action": "Recruiting", "by_when": ""})
    assert refused.status_code == 400 and "say by when it will improve" in refused.content.decode()
    assert not Commentary.objects.exists()
    saved = client.post(url, {"why": "Fewer carers", "action": "Recruiting", "by_when": "2027-03-31"})
    assert saved.status_code == 302
    html = client_for(Role.MEMBER).get("/scorecard/").content.decode()
    row = html[html.index('id="indicator-placed_foster_pct"') :]
    row = row[: row.index("</tr>")]
    assert "Recruiting" in row and "31 March 2027" in row and "Commentary needed" not in row


def test_an_unknown_indicator_or_snapshot_is_404(client_for: ClientFor, red: Snapshot) -> None:
    client = client_for(Role.MEMBER)
    assert client.get("/scorecard/indicators/no_such_thing/").status_code == 404
    assert client.get("/scorecard/?snapshot=99999").status_code == 404
    assert client.get("/scorecard/?snapshot=abc").status_code == 404


def test_before_anything_is_published_the_pages_say_so(client_for: ClientFor) -> None:
    client = client_for(Role.MEMBER)
    assert "No figures have been published yet" in client.get("/scorecard/").content.decode()
    assert "No figures have been published yet" in client.get("/scorecard/easy-read/").content.decode()


def test_comparators_show_with_their_year_and_synthetic_ones_say_so(
    client_for: ClientFor, red: Snapshot
) -> None:
    comparators_publish(synthetic=True)
    html = client_for(Role.MEMBER).get("/scorecard/").content.decode()
    row = html[html.index('id="indicator-placed_foster_pct"') :]
    row = row[: row.index("</tr>")]
    assert "England: <strong>67.0%</strong> (2025)" in row
    assert "South East: <strong>66.0%</strong> (2025)" in row
    assert "(median of 1): <strong>64.0%</strong> (2025)" in row
    assert row.count(">synthetic</strong>") == 3


def test_the_drill_down_draws_a_funnel_plot_with_its_data_table(client_for: ClientFor, red: Snapshot) -> None:
    comparators_publish()
    html = client_for(Role.MEMBER).get("/scorecard/indicators/placed_foster_pct/").content.decode()
    funnel = html[html.index('id="funnel"') : html.index('id="commentary"')]
    assert 'role="img"' in funnel and "funnel plot of every council, 2025" in funnel
    found = tables(funnel)["Every council, 2025"]
    assert found[0] == ["Council", "Numerator", "Denominator", "Figure", "Against the limits"]
    # ours first (DfE's published figure and this snapshot's), then the rest by name
    assert found[1:] == [
        ["Testshire (ours)", "84", "120", "70.0%", "within the limits"],
        ["This snapshot (ours)", "70", "100", "70.0%", "within the limits"],
        ["Neighbourton", "64", "100", "64.0%", "within the limits"],
    ]


def test_a_count_gets_no_funnel_plot(client_for: ClientFor, red: Snapshot) -> None:
    html = client_for(Role.MEMBER).get("/scorecard/indicators/cla/").content.decode()
    assert "A funnel plot is drawn for percentages and rates; this figure is a count." in html


# ---------------------------------------------------------------- API


@pytest.mark.parametrize("role", EVERYONE)
@pytest.mark.parametrize(
    "url", ["/api/v1/results/", "/api/v1/snapshots/{pk}/results/", "/api/v1/targets/", "/api/v1/commentary/"]
)
def test_every_role_reads_the_api(
    client_for: ClientFor, people: Any, red: Snapshot, role: Role, url: str
) -> None:
    Commentary.objects.create(
        snapshot=red, indicator_id="placed_foster_pct", why="a", action="b", author=people[Role.OFFICER]
    )
    response = client_for(role).get(url.format(pk=red.pk))
    assert response.status_code == 200
    assert response.json()["results"]


def test_results_filter_by_indicator_and_breakdown(client_for: ClientFor, red: Snapshot) -> None:
    body = (
        client_for(Role.MEMBER)
        .get("/api/v1/results/", {"indicator": "placed_foster_pct", "breakdown": "sex"})
        .json()
    )
    assert sorted((r["group"], r["value"]) for r in body["results"]) == [("Female", 80.0), ("Male", 60.0)]


def test_a_bad_reference_date_filter_is_a_400(client_for: ClientFor, red: Snapshot) -> None:
    response = client_for(Role.MEMBER).get("/api/v1/results/", {"reference_date": "31/03/2025"})
    assert response.status_code == 400 and "reference_date" in response.json()


@pytest.mark.parametrize("role", EVERYONE)
def test_targets_are_written_through_the_api_by_roles_that_set_them(
    client_for: ClientFor, red: Snapshot, role: Role
) -> None:
    response = client_for(role).post(
        "/api/v1/targets/",
        {"indicator_id": "missing_pct", "target": 10, "amber_tolerance": 1},
        content_type="application/json",
    )
    assert response.status_code == (201 if role in TARGET_SETTERS else 403)
    assert Target.objects.filter(indicator_id="missing_pct").exists() is (role in TARGET_SETTERS)


@pytest.mark.parametrize("role", EVERYONE)
def test_commentary_is_written_through_the_api_by_roles_that_write_it(
    client_for: ClientFor, red: Snapshot, role: Role
) -> None:
    response = client_for(role).post(
        "/api/v1/commentary/",
        {
            "snapshot": red.pk,
            "indicator_id": "placed_foster_pct",
            "why": "a",
            "action": "b",
            "by_when": "2027-03-31",
        },
        content_type="application/json",
    )
    assert response.status_code == (201 if role in COMMENTATORS else 403)
    assert Commentary.objects.exists() is (role in COMMENTATORS)


def test_bad_api_writes_are_400_naming_the_field_and_change_nothing(
    client_for: ClientFor, red: Snapshot
) -> None:
    client = client_for(Role.OFFICER)
    audited = AuditEvent.objects.count()
    response = client.post(
        "/api/v1/commentary/",
        {"snapshot": red.pk, "indicator_id": "placed_foster_pct", "why": "a", "action": "b"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json() == {"by_when": ["The figure is red: say by when it will improve."]}
    response = client.post(
        "/api/v1/targets/",
        {"indicator_id": "placed_foster_pct", "target": "high"},
        content_type="application/json",
    )
    assert response.status_code == 400 and "target" in response.json()
    assert not Commentary.objects.exists() and Target.objects.count() == 1
    assert AuditEvent.objects.count() == audited


def test_the_api_schema_has_the_scorecard_endpoints_and_no_warnings() -> None:
    from corparent.scorecard.api import api_patterns

    schema = schema_without_warnings(api_patterns, "scorecard")
    assert set(schema["paths"]) == {
        "/api/v1/results/",
        "/api/v1/snapshots/{snapshot_id}/results/",
        "/api/v1/targets/",
        "/api/v1/commentary/",
    }
    assert {"get", "post"} <= set(schema["paths"]["/api/v1/targets/"])


@pytest.mark.parametrize(
    "url",
    [
        "/scorecard/",
        "/scorecard/easy-read/",
        "/scorecard/indicators/uasc_pct/",
        "/scorecard/indicators/short_breaks_only/",
        "/scorecard/indicators/cl_19_21_neet_pct/",
    ],
)
def test_every_acronym_shown_is_explained(client_for: ClientFor, snapshot: Snapshot, url: str) -> None:
    from corparent.web.glossary import GLOSSARY, NOT_ACRONYMS

    html = client_for(Role.OFFICER).get(url).content.decode()
    main = html[html.index('<main class="govuk-main-wrapper"') : html.index("</main>")]
    explained = re.findall(r'<abbr title="([^"]+)">([^<]+)</abbr>', main)
    assert all(GLOSSARY[term] == html_lib.unescape(meaning) for meaning, term in explained)
    text = re.sub(r"<svg.*?</svg>|<abbr [^>]*>[^<]*</abbr>|<[^>]+>", " ", main, flags=re.S)
    unexplained = {t for t in re.findall(r"\b[A-Z][A-Z0-9]+\b", text) if t not in NOT_ACRONYMS}
    assert not unexplained
