"""Signing in, for every role: the home page shows that role's jobs and passes axe."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from corparent.accounts.roles import Role
from corparent.accounts.selectors import DEMO_USERNAMES
from tests.web.system.conftest import assert_accessible


def test_sign_in_page_is_accessible(page: Any, db: None) -> None:
    # Given someone who is not signed in
    # When they open the service
    page.goto("/")
    # Then they are sent to the sign-in page, which passes axe
    assert "/accounts/sign-in/" in page.url
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    assert_accessible(page)


@pytest.mark.parametrize("role", list(Role))
def test_each_role_signs_in_to_its_home_page(sign_in: Any, role: Role) -> None:
    # Given a person in this role
    # When they sign in through the form
    page = sign_in(DEMO_USERNAMES[role])
    # Then the home page greets them with their role, and passes axe
    expect(page.get_by_role("heading", name="Corporate parenting", exact=True)).to_be_visible()
    assert role.label in page.locator(".app-header__user").inner_text()
    assert_accessible(page)


def test_wrong_password_is_refused_with_an_error_summary(page: Any, people: Any) -> None:
    page.goto("/accounts/sign-in/")
    page.get_by_label("User name").fill("member")
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert_accessible(page)
