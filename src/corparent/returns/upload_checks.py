"""What each file of an upload must be, checked before and while it is unpacked: its name (CSV files,
no hidden or macOS folders, the year of the folder it is in), zip safety (no absolute or ``..``
paths, no links, no encryption, no archive inside the zip, at most ``MAX_RATIO`` times the zip's
size unpacked) and text rather than binary data. ``corparent.returns.staging`` lays the files out.
"""

from __future__ import annotations

import codecs
import re
import stat
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

MAX_MEMBERS: Final = 200  # files in one zip (a return is at most ~12 tables a year)
MAX_RATIO: Final = 100  # unpacked bytes per zipped byte; CSV text compresses about 5 to 15 times
RATIO_ALLOWANCE: Final = 1 << 20  # the first megabyte unpacked is never a bomb
CHUNK: Final = 1 << 20
MAX_PROBLEMS_SHOWN: Final = 200
ZIP_MAGIC: Final = (b"PK\x03\x04", b"PK\x05\x06")
ARCHIVES: Final = (".zip", ".7z", ".rar", ".gz", ".tgz", ".tar", ".bz2", ".xz")
_YEAR: Final = re.compile(r"((?:19|20)[0-9]{2})(?:[-_ ]([0-9]{2}))?")


class Rejected(Exception):
    """The upload cannot be taken; ``problems`` name each file and what was expected."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems[:5]))


def megabytes(n: int) -> str:
    return f"{n / (1 << 20):,.0f} MB" if n >= (1 << 20) else f"{n / 1024:,.0f} KB"


def _clean_name(name: str) -> str:
    """The name a browser sent, without any folder (some old browsers send a whole path)."""
    return re.split(r"[\\/]", name)[-1].strip()[:200] or "unnamed file"


def _parts(filename: str) -> tuple[str, ...]:
    return tuple(p for p in filename.replace("\\", "/").split("/") if p)


def _folder_year(parts: tuple[str, ...]) -> int | None:
    """The collection year of the nearest folder named by one: "2025" or "2024-25" (both 2025)."""
    for folder in reversed(parts[:-1]):
        m = _YEAR.fullmatch(folder)
        if m:
            first, second = int(m.group(1)), m.group(2)
            if second is None:
                return first
            if int(second) == (first + 1) % 100:
                return first + 1
    return None


def _wanted(filename: str) -> bool:
    parts = _parts(filename)
    if not parts or parts[0] == "__MACOSX" or any(p.startswith(".") for p in parts):
        return False
    return parts[-1].lower().endswith(".csv")


def _unsafe(zip_name: str, info: zipfile.ZipInfo) -> str | None:
    name = info.filename
    parts = _parts(name)
    where = f"{zip_name}/{name}"
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        return f"{where}: expected a path inside the zip (this one is absolute)"
    if ".." in parts:
        return f"{where}: expected a path inside the zip (this one climbs out with ..)"
    if stat.S_ISLNK(info.external_attr >> 16):
        return f"{where}: expected a file (this is a link)"
    if info.flag_bits & 0x1:
        return f"{where}: expected a zip without a password (this file is encrypted)"
    if parts and parts[-1].lower().endswith(ARCHIVES):
        return f"{where}: expected CSV files (this is an archive inside the zip; unpack it first)"
    return None


@dataclass
class _Ratio:
    """Bytes unpacked from one zip so far, against its own size."""

    zipped: int
    unpacked: int = 0


def _unzip(archive: zipfile.ZipFile, info: zipfile.ZipInfo, where: str, ratio: _Ratio) -> Iterator[bytes]:
    """A member's bytes in chunks, stopping the upload as soon as it unpacks too far (the caller
    counts them against the upload's limit too)."""
    try:
        with archive.open(info) as member:
            first = True
            while chunk := member.read(CHUNK):
                if first and chunk.startswith(ZIP_MAGIC):
                    raise Rejected([f"{where}: expected CSV files (this is a zip inside the zip)"])
                first = False
                ratio.unpacked += len(chunk)
                if ratio.unpacked > max(RATIO_ALLOWANCE, MAX_RATIO * ratio.zipped):
                    raise Rejected(
                        [
                            f"{where}: unpacks to more than {MAX_RATIO} times the size of the zip "
                            f"({megabytes(ratio.zipped)}): expected CSV files; this looks like a zip bomb"
                        ]
                    )
                yield chunk
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, NotImplementedError) as exc:
        raise Rejected([f"{where}: the zip is damaged and this file cannot be unpacked ({exc})"]) from exc


def _not_text(first: bytes) -> str | None:
    if first.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return 'this file is UTF-16 (Excel\'s "Unicode text"): save it as "CSV UTF-8" or plain CSV'
    if first.startswith(ZIP_MAGIC):
        return "this file is a zip or an Excel workbook: save each table as CSV"
    if b"\x00" in first:
        return "this file holds binary data, not text"
    return None
