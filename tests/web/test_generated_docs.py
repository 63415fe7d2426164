"""docs/settings.md and docs/roles.md are generated from the code; these keep them in step.

Regenerate with `python -m corparent.config.env > docs/settings.md` and
`python -m corparent.accounts.roles > docs/roles.md`.
"""

from __future__ import annotations

from pathlib import Path

from corparent.accounts import roles
from corparent.config import env

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_settings_page_is_in_step_with_the_settings_declared() -> None:
    assert (DOCS / "settings.md").read_text(encoding="utf-8") == env.markdown(), (
        "docs/settings.md is out of date: python -m corparent.config.env > docs/settings.md"
    )


def test_roles_page_is_in_step_with_the_roles_declared() -> None:
    assert (DOCS / "roles.md").read_text(encoding="utf-8") == roles.markdown(), (
        "docs/roles.md is out of date: python -m corparent.accounts.roles > docs/roles.md"
    )


def test_every_setting_and_capability_is_on_its_page() -> None:
    settings_page = (DOCS / "settings.md").read_text(encoding="utf-8")
    for setting in env.SETTINGS:
        assert f"| `{setting.name}` |" in settings_page
    roles_page = (DOCS / "roles.md").read_text(encoding="utf-8")
    for capability in roles.Capability:
        assert roles.CAPABILITY_LABELS[capability] in roles_page
