"""An analyst uploads a council's return, sees what DfE's checks found, publishes it and sees the
snapshot ready; every page on the way passes axe, and a bad file gets an error summary."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from corparent.engine.ssda903.synth import generate, write_council
from tests.web.system.conftest import assert_accessible


def test_an_analyst_uploads_checks_and_publishes_a_return(
    sign_in: Any, settings: Any, tmp_path: Path
) -> None:
    # Given an analyst with a council's return (two years, zipped in year folders)
    settings.FILE_STORE = tmp_path / "files"
    council = tmp_path / "council"
    write_council(generate(children=25, years=2, reference_date=date(2025, 3, 31), seed=11), council)
    return_zip = tmp_path / "northshire-903.zip"
    with zipfile.ZipFile(return_zip, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(council.glob("*/*.csv")):
            archive.write(path, arcname=path.relative_to(council).as_posix())
    junk = tmp_path / "notes.csv"
    junk.write_bytes(bytes(range(256)))
    page = sign_in("analyst")

    # When they open Returns from the navigation
    page.get_by_role("link", name="Returns", exact=True).first.click()
    # Then the list says nothing has been uploaded yet
    expect(page.get_by_role("heading", name="Returns", exact=True)).to_be_visible()
    expect(page.get_by_text("No returns have been uploaded yet")).to_be_visible()
    assert_accessible(page)

    # When they upload a file that is not a CSV at all
    page.get_by_role("button", name="Upload a return").click()
    assert_accessible(page)
    page.get_by_label("The return's files").set_input_files(str(junk))
    page.get_by_role("button", name="Upload and check").click()
    # Then an error summary names the file and the problem, and the page passes axe
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page.locator(".govuk-error-summary")
        .get_by_text("notes.csv: expected a CSV file of text")).to_be_visible()
    assert_accessible(page)

    # When they upload the zip with a label
    page.get_by_label("The return's files").set_input_files(str(return_zip))
    page.get_by_label("Label (optional)").fill("Northshire 2024-25")
    page.get_by_role("button", name="Upload and check").click()
    # Then the upload's page shows its years, the checks done, counts by rule and its files
    expect(page.get_by_role("heading", name="Northshire 2024-25")).to_be_visible()
    expect(page.get_by_text("2023-24, 2024-25")).to_be_visible()
    expect(page.get_by_text("Checked", exact=False).first).to_be_visible()
    expect(page.get_by_role("cell", name="northshire-903.zip/2025/episodes.csv")).to_be_visible()
    assert_accessible(page)

    # When they look at the findings by child
    page.get_by_role("link", name="See the findings by child and by row").click()
    # Then the child-level page warns that viewing is recorded, and passes axe
    expect(page.get_by_text("your viewing of it is recorded in the audit log")).to_be_visible()
    assert_accessible(page)
    page.go_back()

    # When they publish a snapshot as at 31 March 2025 with the population
    page.get_by_role("button", name="Publish a snapshot").click()
    assert page.get_by_label("Reference date").input_value() == "31/03/2025"
    assert_accessible(page)
    page.get_by_label("Population aged 0 to 17 (optional)").fill("52000")
    page.get_by_role("button", name="Publish").click()

    # Then the snapshot is ready, with figures for both 31 Marches
    expect(page.get_by_role("heading", name="as at 31 March 2025")).to_be_visible()
    expect(page.locator(".govuk-tag", has_text="Published")).to_be_visible()
    expect(page.get_by_role("cell", name="31 March 2024")).to_be_visible()
    expect(page.get_by_role("cell", name="31 March 2025")).to_be_visible()
    assert_accessible(page)

    # And the returns list shows the upload and its snapshot
    page.get_by_role("link", name="Returns", exact=True).first.click()
    expect(page.get_by_role("link", name="Northshire 2024-25")).to_be_visible()
    assert_accessible(page)
