"""Comparators in a real browser: import a DfE file, set the council, see the summary; axe on each."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from corparent.accounts.roles import Role
from corparent.comparators.models import ComparatorValue, Council
from tests.web.comparators.conftest import CLA, MODEL, import_fixture
from tests.web.system.conftest import assert_accessible


def test_an_analyst_imports_files_and_sets_the_council(sign_in: Any, tmp_path: Any) -> None:
    # Given an analyst signed in, with no comparators yet
    page = sign_in("analyst")
    # When they open Comparators from the navigation
    page.get_by_role("link", name="Comparators").first.click()
    # Then the page explains what is missing, and passes axe
    expect(page.get_by_role("heading", name="Comparators", exact=True)).to_be_visible()
    expect(page.get_by_text("No files imported yet.")).to_be_visible()
    assert_accessible(page)

    # When they import a file with a bad row
    page.get_by_role("link", name="Import a DfE file").click()
    assert_accessible(page)
    bad = tmp_path / "cla.csv"
    bad.write_bytes(CLA.read_bytes().replace(b",70,70\r\n", b",70,seventy\r\n", 1))
    page.get_by_label("File").set_input_files(str(bad))
    page.get_by_role("button", name="Import").click()
    # Then the error summary names the row and column, nothing is stored, and the page passes axe
    expect(page.get_by_role("heading", name="The file was not imported")).to_be_visible()
    expect(page.get_by_text("cla.csv, row 6, column rate_per_10000")).to_be_visible()
    assert not ComparatorValue.objects.exists()
    assert_accessible(page)

    # When they import the good file and the statistical neighbours model
    for path in (CLA, MODEL):
        page.goto("/comparators/import/")
        page.get_by_label("File").set_input_files(str(path))
        page.get_by_role("button", name="Import").click()
        page.wait_for_url("**/comparators/")
    # Then both are listed, the success message shows, and the page passes axe
    expect(page.get_by_text(f"Imported {MODEL.name}")).to_be_visible()
    expect(page.locator("td", has_text=CLA.name).first).to_be_visible()
    assert_accessible(page)

    # When they choose the council from the list, keeping DfE's model for its neighbours
    page.get_by_role("link", name="Change the council's settings").click()
    assert_accessible(page)
    page.get_by_label("Council name").fill("Testshire")
    page.get_by_label("Council in the imported files").select_option("980")
    page.get_by_role("button", name="Save").click()
    # Then the summary shows its neighbours from the model, closest first, and passes axe
    page.wait_for_url("**/comparators/")
    expect(page.get_by_text("Alphaton (981)")).to_be_visible()
    assert Council.objects.get().statistical_neighbours[0] == "981"
    assert_accessible(page)


def test_bad_council_settings_show_an_error_summary(sign_in: Any) -> None:
    # Given an administrator on the council settings page
    page = sign_in("admin")
    page.goto("/comparators/council/")
    # When they save without a name or a code
    page.get_by_role("button", name="Save").click()
    # Then an error summary links to each field, and the page passes axe
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page.get_by_role("link", name="Enter the council's name")).to_be_visible()
    assert_accessible(page)


def test_synthetic_figures_are_labelled(sign_in: Any, people: Any) -> None:
    from corparent.comparators.services import council_configure, synthetic_comparators_create

    # Given a demo council with invented comparators beside England's real figures
    import_fixture(people[Role.ANALYST], MODEL)
    synthetic_comparators_create(
        council=council_configure(name="Demo Council", la_code="999", synthetic=True)
    )
    # When an analyst opens Comparators
    page = sign_in("analyst")
    page.goto("/comparators/")
    # Then invented figures carry a "Synthetic" tag, and the page passes axe
    assert page.get_by_text("Synthetic", exact=True).count() >= 2
    assert_accessible(page)
