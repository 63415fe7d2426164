"""Opening a downloaded CSV file: its encoding, header and rows, or a problem saying why not."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from corparent.engine.benchmarks.model import Problem
from corparent.engine.ssda903.encoding import inspect


@dataclass(frozen=True)
class CsvText:
    header: list[str]
    encoding: str
    sha256: str


def open_csv(path: Path, name: str) -> tuple[CsvText | None, Problem | None]:
    """The file's header and encoding, or the one problem that stops it being read at all."""
    found = inspect(path)
    if found.size == 0:
        return None, Problem(name, "a CSV file with a header row and data rows", found="an empty file")
    if found.encoding is None:
        return None, Problem(
            name,
            "a CSV text file in UTF-8 or Windows-1252, as downloaded from Explore Education Statistics",
            found="bytes that are not text in either encoding",
        )
    header = [h.strip().removeprefix("\ufeff") for h in found.header]
    if not any(header):
        return None, Problem(name, "a header row naming the columns", row=1, found="a blank first line")
    return CsvText(header, found.encoding, found.sha256), None


def rows(path: Path, text: CsvText) -> Iterator[tuple[int, list[str]]]:
    """The data rows with their line numbers (the header is line 1); blank lines are skipped."""
    with path.open(encoding=text.encoding, newline="") as f:
        reader = csv.reader(f)
        next(reader, None)
        for fields in reader:
            if not fields or not any(x.strip() for x in fields):
                continue
            yield reader.line_num, fields
