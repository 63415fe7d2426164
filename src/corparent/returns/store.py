"""The file store: each file's bytes once, at ``FILE_STORE/<sha256[:2]>/<sha256>``, never changed.

A file is written to a temporary name beside its place and then renamed into it, so a reader never
sees half a file; a file already there (the same bytes uploaded before) is left alone and reused.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from django.conf import settings

from corparent.engine.ssda903.tables import TABLES_BY_NAME


def root() -> Path:
    return Path(settings.FILE_STORE)


def path_of(sha256: str) -> Path:
    return root() / sha256[:2] / sha256


def put(source: Path, sha256: str) -> bool:
    """Store ``source`` as ``sha256``; True when this call wrote it, False when it was there already."""
    target = path_of(sha256)
    if target.exists():
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{sha256[:12]}-", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out, source.open("rb") as src:
            shutil.copyfileobj(src, out, 1 << 20)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(name, 0o440)
        os.replace(name, target)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return True


def remove(sha256s: Iterable[str]) -> None:
    """Remove files this process has just written (only ever after a failed upload)."""
    for sha in sha256s:
        path_of(sha).unlink(missing_ok=True)


def lay_out(files: Iterable[tuple[str, int, str]], into: Path) -> Path:
    """Link stored files into ``into/<year>/<table>.csv`` (from ``(sha256, year, table)``), the layout
    the engine's reader reads; returns ``into``."""
    into.mkdir(parents=True, exist_ok=True)
    for sha, year, table in files:
        source = path_of(sha)
        if not source.exists():
            raise FileNotFoundError(f"the stored file {sha[:12]} ({table}, {year}) is missing from the store")
        target = into / str(year) / f"{TABLES_BY_NAME[table].key}.csv"
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            target.symlink_to(source)
        except OSError:
            shutil.copyfile(source, target)
    return into


def listing() -> list[str]:
    """Every file in the store (relative paths, sorted): what tests compare before and after."""
    base = root()
    if not base.exists():
        return []
    return sorted(str(p.relative_to(base)) for p in base.rglob("*") if p.is_file())
