"""Upload, publish and read the scorecard with the keyboard alone (Tab, Shift+Tab, Enter, Space).

Each step moves focus with Tab until the control wanted has it, then presses a key: no clicks, no
focusing by script. If a control cannot be reached by Tab, or does nothing on Enter or Space, the
test fails. Every page on the way passes axe.
"""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from corparent.engine.ssda903.synth import generate, write_council
from tests.web.conftest import PASSWORD
from tests.web.system.conftest import assert_accessible

MAX_TABS = 80


def tab_to(page: Any, describe: str, matches: str) -> None:
    """Press Tab until the focused element satisfies the JS predicate `matches` (given `el`)."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return !!el && ({matches}); }}"):
            return
    raise AssertionError(f"{describe} cannot be reached with Tab on {page.url}")


def press_and_follow(page: Any, key: str = "Enter") -> None:
    """Press a key that should open a page, and wait for that page to load."""
    with page.expect_navigation():
        page.keyboard.press(key)


def tab_to_text(page: Any, text: str) -> None:
    """Tab to a link or button whose visible text is `text`."""
    tab_to(page, f"the control {text!r}", f"el.innerText && el.innerText.trim() === {text!r}")


def tab_to_label(page: Any, label: str) -> None:
    """Tab to the form field labelled `label`."""
    tab_to(
        page,
        f"the field {label!r}",
        f"el.labels && el.labels.length && el.labels[0].innerText.trim() === {label!r}",
    )


def test_upload_publish_and_read_the_scorecard_by_keyboard(
    page: Any, people: Any, settings: Any, tmp_path: Path
) -> None:
    # Given an analyst with their council's return as a zip of three years
    settings.FILE_STORE = tmp_path / "files"
    council = tmp_path / "council"
    write_council(generate(children=60, years=3, reference_date=date(2025, 3, 31), seed=5), council)
    return_zip = tmp_path / "return.zip"
    with zipfile.ZipFile(return_zip, "w") as archive:
        for path in sorted(council.glob("*/*.csv")):
            archive.write(path, arcname=path.relative_to(council).as_posix())

    # When they sign in with the keyboard
    page.goto("/accounts/sign-in/")
    tab_to_label(page, "User name")
    page.keyboard.type("analyst")
    tab_to_label(page, "Password")
    page.keyboard.type(PASSWORD)
    press_and_follow(page)
    assert_accessible(page)

    # And go to Returns, then Upload a return
    tab_to_text(page, "Returns")
    press_and_follow(page)
    assert_accessible(page)
    tab_to_text(page, "Upload a return")
    press_and_follow(page)
    assert_accessible(page)

    # And choose the file from the file input with Space, then submit with Enter
    tab_to(page, "the file input", "el.type === 'file'")
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Space")
    chooser.value.set_files(str(return_zip))
    tab_to_text(page, "Upload and check")
    press_and_follow(page)

    # Then the upload's page shows it was checked
    expect(page.get_by_text("Checked", exact=False).first).to_be_visible()
    assert_accessible(page)

    # When they publish a snapshot with the keyboard
    tab_to_text(page, "Publish a snapshot")
    press_and_follow(page)
    assert_accessible(page)
    tab_to_text(page, "Publish")
    press_and_follow(page)

    # Then the snapshot is published
    expect(page.locator(".govuk-tag", has_text="Published")).to_be_visible()
    assert_accessible(page)

    # When they open the scorecard from the snapshot's page
    tab_to_text(page, "See the scorecard")
    press_and_follow(page)

    # Then the scorecard shows the number of children looked after, and passes axe
    expect(page.get_by_role("heading", level=1).first).to_be_visible()
    expect(page.get_by_text("Children looked after", exact=False).first).to_be_visible()
    assert_accessible(page)

    # And a drill-down opens from the keyboard too
    tab_to(
        page,
        "a link to an indicator's page",
        "el.tagName === 'A' && el.href.includes('/scorecard/indicators/')",
    )
    press_and_follow(page)
    assert_accessible(page)
