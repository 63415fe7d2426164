"""The bytes of a CSV file: their SHA-256, their text encoding and the header row.

A return's CSV files are UTF-8 (with or without a byte-order mark) or Windows-1252 (what Excel
writes on a council laptop). One streaming pass over the file finds the SHA-256 and the encoding
together; a Windows-1252 file is then copied to a UTF-8 temporary file, because DuckDB's CSV
reader only reads UTF-8 without a downloaded extension.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Final

UTF8: Final = "utf-8"
UTF8_BOM: Final = "utf-8-sig"
CP1252: Final = "cp1252"

_CHUNK: Final = 1 << 22
# The five bytes Windows-1252 leaves undefined: a file holding any of them is not Windows-1252.
_CP1252_UNDEFINED: Final = (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d")


@dataclass(frozen=True)
class FileBytes:
    """What one pass over a file's bytes found."""

    sha256: str
    size: int
    encoding: str | None  # UTF8, UTF8_BOM or CP1252; None when the bytes are neither
    header: list[str]  # the first row's fields as written (empty for an empty file)
    lowercase: bool = True  # False: every letter is an ASCII capital, so upper-casing changes nothing


def inspect(path: Path) -> FileBytes:
    """Hash the file, find its encoding, read its header row and see if it has lowercase letters.

    The bytes are read once, in chunks.
    """
    digest = hashlib.sha256()
    size = 0
    first = b""
    ascii_so_far, utf8_ok, cp1252_ok, lowercase = True, True, True, False
    decoder = codecs.getincrementaldecoder(UTF8)()
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            digest.update(chunk)
            if not size:
                first = chunk
            size += len(chunk)
            if ascii_so_far and chunk.isascii():  # valid in both encodings; ends on a character boundary
                # isupper(): some capitals and no lowercase (it stops at the first lowercase letter)
                lowercase = lowercase or (not chunk.isupper() and chunk.upper() != chunk)
                continue
            ascii_so_far, lowercase = False, True
            if utf8_ok:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    utf8_ok = False
            if cp1252_ok and any(b in chunk for b in _CP1252_UNDEFINED):
                cp1252_ok = False
    if utf8_ok:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            utf8_ok = False
    encoding: str | None
    if b"\x00" in first:  # UTF-16 (Excel's "Unicode text") or not text at all
        encoding = None
    elif utf8_ok:
        encoding = UTF8_BOM if first.startswith(codecs.BOM_UTF8) else UTF8
    else:
        encoding = CP1252 if cp1252_ok else None
    return FileBytes(digest.hexdigest(), size, encoding, _header(first, encoding), lowercase)


def _header(first: bytes, encoding: str | None) -> list[str]:
    end = first.find(b"\n")
    line = (first if end < 0 else first[:end]).rstrip(b"\r")
    text = line.decode(encoding or UTF8, errors="replace").removeprefix("\ufeff")
    if not text.strip():
        return []
    return next(csv.reader([text]), [])


def utf8_copy(path: Path, encoding: str) -> Path:
    """Copy a file in ``encoding`` to a UTF-8 temporary file; the caller removes it."""
    fd, name = tempfile.mkstemp(prefix="corparent-", suffix=".csv")
    try:
        with (
            os.fdopen(fd, "w", encoding=UTF8, newline="") as dst,
            path.open(encoding=encoding, newline="") as src,
        ):
            shutil.copyfileobj(src, dst, _CHUNK)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)
