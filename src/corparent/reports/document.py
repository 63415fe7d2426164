"""A document as pure data: sections with headings, paragraphs, tables and charts.

The panel pack is built once as one of these (``pack.py``) and rendered two ways: HTML for
WeasyPrint's PDF (``pdf.py``) and Word (``docx.py``). Neither renderer decides what the pack says,
so the PDF and the DOCX cannot drift apart.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from typing import ClassVar


@dataclass(frozen=True)
class Paragraph:
    kind: ClassVar[str] = "paragraph"
    text: str
    label: str = ""  # a bold lead-in such as "Resolved:"


@dataclass(frozen=True)
class Table:
    kind: ClassVar[str] = "table"
    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    row_headers: bool = False  # the first cell of each row names the row (th scope="row")
    widths: tuple[int, ...] = ()  # each column's share of the page width, in per cent (else automatic)


@dataclass(frozen=True)
class Chart:
    """An SVG picture of a table that follows it; ``alt`` says in words everything it shows."""

    kind: ClassVar[str] = "chart"
    svg: str
    alt: str
    caption: str

    @property
    def data_uri(self) -> str:
        return "data:image/svg+xml;base64," + base64.b64encode(self.svg.encode("utf-8")).decode("ascii")


Block = Paragraph | Table | Chart


@dataclass
class Section:
    heading: str
    level: int  # 2 for the pack's sections, 3 within them (the title is the only level 1)
    blocks: list[Block] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)
    new_page: bool = False
    anchor: str = ""

    def walk(self) -> list[Section]:
        found = [self]
        for sub in self.subsections:
            found.extend(sub.walk())
        return found


@dataclass
class Document:
    title: str
    author: str
    subject: str
    language: str
    footer: str
    file_stem: str
    sections: list[Section]

    def headings(self) -> list[tuple[int, str]]:
        """Every heading in reading order, with its level, the title first."""
        found = [(1, self.title)]
        for section in self.sections:
            found.extend((s.level, s.heading) for s in section.walk())
        return found
