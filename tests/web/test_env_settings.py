"""Settings are read from the environment, declared once: unknown or bad values stop the app."""

from __future__ import annotations

import pytest

from corparent.config import env


def test_defaults_give_sqlite_and_a_local_data_folder() -> None:
    values = env.read({})
    assert values["DATABASE_URL"] == ""
    assert values["CORPARENT_DATA_DIR"] == "var"
    assert values["CORPARENT_DEBUG"] is False
    assert values["CORPARENT_ALLOWED_HOSTS"] == ["127.0.0.1", "localhost"]
    assert values["CORPARENT_UPLOAD_MAX_MB"] == 100


def test_a_misspelt_setting_is_an_error_naming_it_and_listing_the_real_ones() -> None:
    with pytest.raises(env.SettingError) as caught:
        env.read({"CORPARENT_DEBGU": "1"})
    assert "CORPARENT_DEBGU" in str(caught.value)
    assert "CORPARENT_DEBUG" in str(caught.value)


@pytest.mark.parametrize(
    ("name", "value"),
    [("CORPARENT_DEBUG", "maybe"), ("CORPARENT_UPLOAD_MAX_MB", "lots"), ("CORPARENT_LOGIN_ATTEMPTS", "5.5")],
)
def test_a_value_that_cannot_be_used_is_an_error_naming_setting_and_value(name: str, value: str) -> None:
    with pytest.raises(env.SettingError) as caught:
        env.read({name: value})
    assert name in str(caught.value)
    assert value in str(caught.value)


@pytest.mark.parametrize(
    ("raw", "parsed"), [("1", True), ("yes", True), ("ON", True), ("0", False), ("off", False)]
)
def test_switches_accept_the_usual_words(raw: str, parsed: bool) -> None:
    assert env.read({"CORPARENT_DEMO": raw})["CORPARENT_DEMO"] is parsed


def test_lists_are_split_on_commas_and_trimmed() -> None:
    values = env.read({"CORPARENT_ALLOWED_HOSTS": " corparent.example.gov.uk , localhost ,"})
    assert values["CORPARENT_ALLOWED_HOSTS"] == ["corparent.example.gov.uk", "localhost"]


def test_every_setting_has_a_description() -> None:
    for setting in env.SETTINGS:
        assert setting.description.strip(), setting.name
