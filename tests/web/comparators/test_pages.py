"""The comparators pages: who may use them, importing through the form, council settings."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from corparent.accounts.roles import Role
from corparent.comparators.models import ComparatorValue, Council
from tests.web.comparators.conftest import CLA, MODEL, import_fixture

PAGES = ["/comparators/", "/comparators/import/", "/comparators/council/"]


@pytest.mark.parametrize("role", [Role.OFFICER, Role.MEMBER, Role.PARTNER, Role.YOUNG_PERSON])
@pytest.mark.parametrize("url", PAGES)
def test_only_admins_and_analysts_may_manage_comparators(
    client_for: Callable[[Role], Client], role: Role, url: str
) -> None:
    assert client_for(role).get(url).status_code == 403
    assert client_for(role).post(url, {}).status_code == 403


@pytest.mark.parametrize("role", [Role.ADMIN, Role.ANALYST])
@pytest.mark.parametrize("url", PAGES)
def test_admins_and_analysts_see_each_page(
    client_for: Callable[[Role], Client], role: Role, url: str
) -> None:
    assert client_for(role).get(url).status_code == 200


def test_an_imported_file_is_listed_with_its_years_and_rows(client_for: Callable[[Role], Client]) -> None:
    client = client_for(Role.ANALYST)
    upload = SimpleUploadedFile(CLA.name, CLA.read_bytes(), content_type="text/csv")
    response = client.post("/comparators/import/", {"file": upload}, follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert f"Imported {CLA.name}" in page and "2024 to 2025" in page
    assert ComparatorValue.objects.count() == 32


def test_a_bad_file_gets_a_400_naming_the_problem_and_changes_nothing(
    client_for: Callable[[Role], Client],
) -> None:
    client = client_for(Role.ANALYST)
    bad = CLA.read_bytes().replace(b",70,70\r\n", b",70,seventy\r\n", 1)
    response = client.post("/comparators/import/", {"file": SimpleUploadedFile("cla.csv", bad)})
    assert response.status_code == 400
    page = response.content.decode()
    assert "The file was not imported" in page
    assert "cla.csv, row 6, column rate_per_10000" in page and "found &#x27;seventy&#x27;" in page
    assert not ComparatorValue.objects.exists()


def test_no_file_chosen_is_a_400_with_an_error_summary(client_for: Callable[[Role], Client]) -> None:
    response = client_for(Role.ADMIN).post("/comparators/import/", {})
    assert response.status_code == 400 and "Choose a file to import" in response.content.decode()


def test_the_council_is_chosen_from_the_list_with_the_models_neighbours(
    client_for: Callable[[Role], Client], people
) -> None:  # type: ignore[no-untyped-def]
    import_fixture(people[Role.ANALYST], CLA)
    import_fixture(people[Role.ANALYST], MODEL)
    client = client_for(Role.ADMIN)
    form = client.get("/comparators/council/").content.decode()
    assert '<option value="980">Testshire (980)</option>' in form
    response = client.post(
        "/comparators/council/", {"name": "Testshire", "la_code": "980", "neighbours_from": "model"}
    )
    assert response.status_code == 302
    assert Council.objects.get().statistical_neighbours == [str(c) for c in range(981, 991)]
    index = client.get("/comparators/").content.decode()
    assert "Alphaton (981)" in index and "DfE statistical neighbours model 2025" in index


def test_a_typed_code_and_own_neighbours_are_saved(client_for: Callable[[Role], Client]) -> None:
    response = client_for(Role.ANALYST).post(
        "/comparators/council/",
        {"name": "Testshire", "la_code_typed": "980", "neighbours_from": "own", "neighbours": "982, 981"},
    )
    assert response.status_code == 302
    assert Council.objects.get().statistical_neighbours == ["982", "981"]


def test_bad_council_settings_are_a_400_and_change_nothing(client_for: Callable[[Role], Client]) -> None:
    response = client_for(Role.ANALYST).post(
        "/comparators/council/",
        {"name": "Testshire", "la_code_typed": "98", "neighbours_from": "own", "neighbours": "981, abc"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Enter the council&#x27;s three-digit code" in page and "these are not: abc" in page
    assert not Council.objects.exists()
