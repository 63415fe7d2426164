"""The demo accounts' password: generated once per data folder and kept there (demo mode only)."""

from __future__ import annotations

import secrets
from pathlib import Path

FILE_NAME = "demo-password"
_WORDS = (
    "amber", "basil", "cedar", "delta", "ember", "fable", "grove", "harbour", "island", "juniper",
    "kettle", "lantern", "meadow", "nectar", "orchard", "pebble", "quartz", "river", "saffron",
    "thistle", "umber", "velvet", "willow", "yarrow", "zephyr",
)  # fmt: skip


def demo_password(data_dir: Path) -> str:
    """The password in `data_dir/demo-password`, made (four words and a number) if it is not there."""
    path = Path(data_dir) / FILE_NAME
    if path.is_file():
        found = path.read_text(encoding="utf-8").strip()
        if found:
            return found
    words = [secrets.choice(_WORDS) for _ in range(4)]
    password = "-".join([*words, str(secrets.randbelow(90) + 10)])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(password + "\n", encoding="utf-8")
    path.chmod(0o600)
    return password
