"""Reading the Education page's tables as a person would: each table by its caption, each row's cells."""

from __future__ import annotations

from html.parser import HTMLParser


class _Tables(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self._caption: list[str] | None = None
        self._rows: list[list[str]] | None = None
        self._cell: list[str] | None = None
        self._name = ""
        self._in_body = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._rows = []
        elif tag == "caption":
            self._caption = []
        elif tag == "tbody":
            self._in_body = True
        elif tag == "tr" and self._in_body and self._rows is not None:
            self._rows.append([])
        elif tag in ("td", "th") and self._in_body:
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append(" | ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "caption" and self._caption is not None:
            self._name = " ".join("".join(self._caption).split())
            self._caption = None
        elif tag in ("td", "th") and self._cell is not None and self._rows:
            self._rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tbody":
            self._in_body = False
        elif tag == "table" and self._rows is not None:
            self.tables[self._name] = self._rows
            self._rows = None

    def handle_data(self, data: str) -> None:
        if self._caption is not None:
            self._caption.append(data)
        if self._cell is not None:
            self._cell.append(data)


def tables(html: str) -> dict[str, list[list[str]]]:
    """{caption: [[cell text, ...] per body row]}; a line break in a cell reads as " | "."""
    parser = _Tables()
    parser.feed(html)
    return parser.tables


def rows_by_year(html: str, title: str) -> dict[str, list[str]]:
    """The table of one measure (captioned "<title>, by academic year"): academic year -> the other
    cells (the council, England, region, statistical neighbours' median)."""
    found = tables(html)[f"{title}, by academic year"]
    return {row[0]: row[1:] for row in found}
