"""Every environment setting the web app reads, declared once.

Each setting has a name, a default, a parser and a plain-English description; `docs/settings.md`
is generated from this list and a test keeps it in step. An environment variable that starts with
``CORPARENT_`` but is not declared here is an error, so a typo never fails silently.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PREFIX = "CORPARENT_"


class SettingError(ValueError):
    """An environment setting is unknown or its value cannot be used."""


def _bool(value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off", ""}:
        return False
    raise ValueError("expected one of 1, true, yes, on, 0, false, no, off")


def _list(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _int(value: str) -> int:
    return int(value)


def _str(value: str) -> str:
    return value


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    description: str
    parse: Callable[[str], Any] = _str
    example: str = ""


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "DATABASE_URL",
        "",
        "Where the app database is, as a URL (`postgres://user:password@host:5432/name`). "
        "Empty: an SQLite file `corparent.sqlite3` in the data folder.",
        example="postgres://corparent:secret@127.0.0.1:5432/corparent",
    ),
    Setting(
        "CORPARENT_DATA_DIR",
        "var",
        "The folder for the SQLite database (when `DATABASE_URL` is empty), the stored return files "
        "(named by their SHA-256) and the generated secret key of a demo.",
    ),
    Setting(
        "CORPARENT_SECRET_KEY",
        "",
        "Django's secret key. Required in production; a demo or test run generates one and keeps it "
        "in the data folder.",
    ),
    Setting(
        "CORPARENT_DEBUG",
        "false",
        "Show Django's debug pages. Never in production.",
        _bool,
    ),
    Setting(
        "CORPARENT_DEMO",
        "false",
        "Demo mode: the sign-in page lists the demo accounts. Only for a synthetic council.",
        _bool,
    ),
    Setting(
        "CORPARENT_ALLOWED_HOSTS",
        "127.0.0.1,localhost",
        "Host names the app answers to, separated by commas.",
        _list,
    ),
    Setting(
        "CORPARENT_CSRF_TRUSTED_ORIGINS",
        "",
        "Origins trusted for form posts behind a proxy (`https://corparent.example.gov.uk`), "
        "separated by commas.",
        _list,
    ),
    Setting(
        "CORPARENT_UPLOAD_MAX_MB",
        "100",
        "The largest upload accepted, in megabytes (a zip is also checked after unpacking).",
        _int,
    ),
    Setting(
        "CORPARENT_TASKS",
        "database",
        "How background work runs: `database` (a worker process, `corparent worker`, takes tasks "
        "from the database) or `immediate` (in the web request; for tests).",
    ),
    Setting(
        "CORPARENT_EMAIL_BACKEND",
        "django.core.mail.backends.console.EmailBackend",
        "Django's email backend for reminders (the console in a demo).",
    ),
    Setting(
        "CORPARENT_LOGIN_ATTEMPTS",
        "5",
        "Failed sign-ins allowed for a user name from one address before it is locked out for an hour.",
        _int,
    ),
)

_BY_NAME = {setting.name: setting for setting in SETTINGS}


def read(environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Parse every declared setting from the environment; raise on unknown or bad values."""
    env = os.environ if environ is None else environ
    unknown = sorted(key for key in env if key.startswith(PREFIX) and key not in _BY_NAME)
    if unknown:
        known = ", ".join(s.name for s in SETTINGS if s.name.startswith(PREFIX))
        raise SettingError(f"unknown setting {', '.join(unknown)}; the settings are: {known}")
    values: dict[str, Any] = {}
    for setting in SETTINGS:
        raw = env.get(setting.name, setting.default)
        try:
            values[setting.name] = setting.parse(raw)
        except ValueError as exc:
            raise SettingError(f"{setting.name}={raw!r} cannot be used: {exc}") from exc
    return values


def data_dir(values: Mapping[str, Any]) -> Path:
    return Path(values["CORPARENT_DATA_DIR"]).resolve()


def markdown() -> str:
    """The settings as Markdown: docs/settings.md."""
    lines = [
        "# Settings",
        "",
        "The web app reads these environment variables (generated from `src/corparent/config/env.py`;",
        "a test keeps this page in step). A variable that starts with `CORPARENT_` but is not listed",
        "here stops the app with an error naming it.",
        "",
        "| variable | default | what it does |",
        "|---|---|---|",
    ]
    for s in SETTINGS:
        default = f"`{s.default}`" if s.default else "(empty)"
        lines.append(f"| `{s.name}` | {default} | {s.description} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(markdown(), end="")
