"""The Education page in a real browser: an analyst imports DfE's education files, a young person
reads the results by academic year with the keyboard; axe on every page visited."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from corparent.accounts.roles import Role
from corparent.comparators.models import ComparatorValue
from tests.web.comparators.conftest import MODEL, import_fixture
from tests.web.comparators.test_education import ABSENCE, KS2, KS4
from tests.web.system.conftest import assert_accessible


def test_education_files_imported_then_read_by_a_young_person_with_the_keyboard(
    sign_in: Any, people: Any
) -> None:
    # Given DfE's statistical neighbours model imported, and the council set to Testshire (980)
    from corparent.comparators.services import council_configure

    import_fixture(people[Role.ANALYST], MODEL)
    council_configure(name="Testshire", la_code="980")

    # When an analyst opens Education before any education file is imported
    page = sign_in("analyst")
    page.get_by_role("link", name="Education").first.click()
    # Then the page says nothing is imported yet, and passes axe
    expect(page.get_by_role("heading", name="Education of children looked after")).to_be_visible()
    expect(page.get_by_text("No education figures have been imported yet")).to_be_visible()
    assert_accessible(page)

    # When they import the key stage 2, key stage 4 and absence files on the import page
    for path in (KS2, KS4, ABSENCE):
        page.goto("/comparators/import/")
        assert_accessible(page)
        page.get_by_label("File").set_input_files(str(path))
        page.get_by_role("button", name="Import").click()
        page.wait_for_url("**/comparators/")
    # Then the comparators page lists them, and passes axe
    expect(page.get_by_text(f"Imported {ABSENCE.name}")).to_be_visible()
    assert ComparatorValue.objects.filter(indicator_id="ks2_rwm_expected_pct").exists()
    assert_accessible(page)

    # When a young person signs in and reaches Education with the keyboard alone
    page.context.clear_cookies()
    page = sign_in("youngperson")
    link = page.get_by_role("link", name="Education").first
    for _ in range(40):
        page.keyboard.press("Tab")
        if link.evaluate("(el) => el === document.activeElement"):
            break
    assert link.evaluate("(el) => el === document.activeElement"), "Tab never reached the Education link"
    page.keyboard.press("Enter")
    page.wait_for_url("**/comparators/education/")
    # Then each measure's table shows the academic years, Testshire beside England, the region and
    # the neighbours' median, a suppressed figure as DfE's letter with words, and the page passes axe
    table = page.get_by_role("table", name="Key stage 2: reading, writing and maths at the expected standard")
    expect(table.get_by_role("row", name="2024/25 30% 35% 40% 40%")).to_be_visible()
    expect(table.get_by_text("suppressed to protect confidentiality")).to_be_visible()
    expect(page.get_by_role("columnheader", name="Testshire").first).to_be_visible()
    assert_accessible(page)


def test_the_demo_councils_invented_results_are_labelled_and_explained(sign_in: Any) -> None:
    from corparent.comparators.services import council_configure, synthetic_comparators_create
    from tests.web.system.test_every_page import _acronym_problems

    # Given the demo council with its invented comparators
    synthetic_comparators_create(
        council=council_configure(name="Demo Council", la_code="999", synthetic=True)
    )
    # When a councillor opens Education
    page = sign_in("member")
    page.goto("/comparators/education/")
    # Then three academic years show, invented figures carry a "Synthetic" tag, every acronym is
    # explained, and the page passes axe
    table = page.get_by_role("table", name="Overall absence, by academic year")
    for year in ("2024/25", "2023/24", "2022/23"):
        expect(table.get_by_role("rowheader", name=year)).to_be_visible()
    assert page.get_by_text("Synthetic", exact=True).count() >= 15
    assert _acronym_problems(page) == []
    assert_accessible(page)
