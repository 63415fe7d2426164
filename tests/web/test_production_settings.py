"""Production settings: `manage.py check --deploy` is clean, and the app refuses to start unsafe."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest


def _manage(*args: str, data_dir: Path, **settings: str) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("CORPARENT_")
        and k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(DJANGO_SETTINGS_MODULE="corparent.config.production", CORPARENT_DATA_DIR=str(data_dir))
    env.update(settings)
    return subprocess.run(
        [sys.executable, "-m", "corparent.manage", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_deploy_is_clean_with_production_settings(tmp_path: Path) -> None:
    done = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        data_dir=tmp_path,
        CORPARENT_SECRET_KEY=secrets.token_urlsafe(64),
        CORPARENT_ALLOWED_HOSTS="corparent.example.gov.uk",
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "System check identified no issues (0 silenced)." in done.stdout


@pytest.mark.parametrize(
    ("settings", "named"),
    [
        ({}, "CORPARENT_SECRET_KEY must be set"),
        ({"CORPARENT_SECRET_KEY": "x" * 60, "CORPARENT_DEMO": "1"}, "CORPARENT_DEMO must be off"),
        ({"CORPARENT_SECRET_KEY": "x" * 60, "CORPARENT_DEBUG": "true"}, "CORPARENT_DEBUG and CORPARENT_DEMO"),
    ],
    ids=["no secret key", "demo mode", "debug"],
)
def test_production_refuses_to_start_unsafe(tmp_path: Path, settings: dict[str, str], named: str) -> None:
    done = _manage("check", data_dir=tmp_path, **settings)
    assert done.returncode != 0
    assert named in done.stderr
