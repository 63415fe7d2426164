"""Real-browser fixtures: Debian's chromium driven by Playwright, and an axe accessibility check.

Skipped with a stated reason where chromium or the front-end build is missing (CI installs both).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[3]
AXE = ROOT / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
CSS = ROOT / "src" / "corparent" / "web" / "static" / "corparent" / "app.css"
CHROMIUM = os.environ.get("CORPARENT_CHROMIUM", "") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
# Pages with a main-frame navigation under way (a click started it; its document has not loaded)
_NAVIGATING: dict[int, bool] = {}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in this folder drives a real browser: mark it `system` (`-m "not system"` skips them)."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.system)


def _missing() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"chromium not found at {CHROMIUM} (apt-get install chromium; CI installs it)"
    if not AXE.exists() or not CSS.exists():
        return "front-end assets not built (run `make assets`; make test does)"
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    reason = _missing()
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any, live_server: Any) -> Iterator[Any]:
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(15_000)
    _track_navigation(page)
    yield page
    _NAVIGATING.pop(id(page), None)
    context.close()


def _track_navigation(page: Any) -> None:
    """Note when a click starts loading a new document, so the axe check waits for that document
    rather than scanning the one being left (assertions use `expect`, which waits by itself)."""

    def started(request: Any) -> None:
        if request.is_navigation_request() and request.frame == page.main_frame:
            _NAVIGATING[id(page)] = True

    def ended(*_: Any) -> None:
        _NAVIGATING[id(page)] = False

    page.on("request", started)
    page.on("domcontentloaded", ended)
    page.on("requestfailed", ended)
    page.on("download", ended)


def _settle(page: Any) -> None:
    for _ in range(600):
        if not _NAVIGATING.get(id(page)):
            return
        page.wait_for_timeout(25)
    raise AssertionError(f"the page never finished loading after {page.url}")


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Run axe-core on the page once it has loaded; return its violations (each with rule id and nodes)."""
    _settle(page)
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate("(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return list(result["violations"])


def assert_accessible(page: Any) -> None:
    violations = axe_violations(page)
    described = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:5]}"
        for v in violations
    ]
    assert not violations, f"axe found {len(violations)} problem(s) on {page.url}:\n" + "\n".join(described)


@pytest.fixture
def sign_in(page: Any, people: Any) -> Callable[[str], Any]:
    """Sign in through the real form, by keyboard-free clicks; returns the page."""
    from tests.web.conftest import PASSWORD

    def go(username: str) -> Any:
        page.goto("/accounts/sign-in/")
        page.get_by_label("User name").fill(username)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url("**/")
        return page

    return go
