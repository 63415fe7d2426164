"""Signing in: every page needs it, wrong passwords are throttled, sessions are safe."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from corparent.accounts.models import User
from corparent.accounts.roles import Role
from tests.web.conftest import PASSWORD


def test_pages_need_sign_in_except_sign_in_health_and_accessibility(db: None) -> None:
    client = Client()
    for path in ["/", "/scorecard/", "/returns/", "/glossary/"]:
        response = client.get(path)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/sign-in/"), path
    for path in ["/accounts/sign-in/", "/health/", "/accessibility/"]:
        assert client.get(path).status_code == 200, path


def test_signing_in_and_out(people: dict[Role, User]) -> None:
    client = Client()
    response = client.post("/accounts/sign-in/", {"username": "member", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/").status_code == 200
    client.post("/accounts/sign-out/")
    assert client.get("/").status_code == 302


def test_repeated_wrong_passwords_lock_the_account_from_that_address(people: dict[Role, User]) -> None:
    client = Client(REMOTE_ADDR="10.0.0.9")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post("/accounts/sign-in/", {"username": "member", "password": "wrong"})
        assert response.status_code == 200
        assert "Enter a correct user name and password" in response.content.decode()
    # The last allowed failure locks the user name from this address...
    assert client.post("/accounts/sign-in/", {"username": "member", "password": "wrong"}).status_code == 429
    # ...so now even the right password is refused, with a page saying why.
    response = client.post("/accounts/sign-in/", {"username": "member", "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many attempts to sign in" in response.content.decode()
    # Someone else, from another address, is not affected.
    other = Client(REMOTE_ADDR="10.0.0.10")
    assert other.post("/accounts/sign-in/", {"username": "analyst", "password": PASSWORD}).status_code == 302


def test_session_cookie_is_http_only_and_short_lived() -> None:
    assert settings.SESSION_COOKIE_HTTPONLY
    assert settings.SESSION_COOKIE_AGE <= 8 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE


@pytest.mark.parametrize("password", ["short", "password1234", "123456789012"])
def test_weak_passwords_are_refused(db: None, password: str) -> None:
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_password(password)
