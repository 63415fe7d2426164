"""An analyst keeps Ofsted's provider lists for the URN rules: a wrong file gets an error summary naming
it, the right pair is kept and shown, and a return's checks can be run again with them; every page on
the way passes axe."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from corparent.engine.ssda903.synth import generate, write_council
from corparent.returns.models import Upload
from tests.web.system.conftest import assert_accessible

OFSTED = Path(__file__).resolve().parents[2] / "fixtures" / "ofsted"


def test_an_analyst_keeps_ofsteds_lists_and_runs_a_returns_checks_again(
    sign_in: Any, settings: Any, tmp_path: Path
) -> None:
    # Given an analyst whose return was checked before any provider lists were kept
    settings.FILE_STORE = tmp_path / "files"
    council = tmp_path / "council"
    write_council(generate(children=20, years=1, reference_date=date(2025, 3, 31), seed=5), council)
    page = sign_in("analyst")
    page.goto("/returns/upload/")
    page.get_by_label("The return's files").set_input_files(sorted(council.glob("*/*.csv")))
    page.get_by_role("button", name="Upload and check").click()
    expect(page.get_by_text("did not run: Ofsted")).to_be_visible()
    upload = Upload.objects.get()
    assert_accessible(page)

    # When they follow the link to upload Ofsted's lists, and choose only one of the two
    page.get_by_role("link", name="Upload Ofsted's provider lists").click()
    expect(page.get_by_role("heading", name="Ofsted's provider lists")).to_be_visible()
    expect(page.get_by_text("None yet")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Ofsted's provider lists").set_input_files([OFSTED / "childrens-homes.xlsx"])
    page.get_by_role("button", name="Upload the lists").click()
    # Then an error summary says the other list is needed as well
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_text("expected Ofsted's social care providers list as well")).to_be_visible()
    assert_accessible(page)

    # When they choose both lists
    lists = [OFSTED / "childrens-homes.xlsx", OFSTED / "social-care-providers.xlsx"]
    page.get_by_label("Ofsted's provider lists").set_input_files(lists)
    page.get_by_role("button", name="Upload the lists").click()
    # Then the page shows the lists the checks use now
    expect(page.get_by_text("Ofsted's provider lists are kept")).to_be_visible()
    expect(page.get_by_text("childrens-homes.xlsx (Ofsted's children's homes list)")).to_be_visible()
    expect(page.get_by_text("6, open and closed")).to_be_visible()
    assert_accessible(page)

    # When they run the return's checks again
    page.goto(f"/returns/{upload.pk}/")
    page.get_by_role("button", name="Run the checks again").click()
    # Then the checks say which lists they used
    expect(page.get_by_text("were checked against")).to_be_visible()
    expect(page.get_by_text("did not run: Ofsted")).to_have_count(0)
    assert_accessible(page)
