"""Display helpers the strategy pages share: dates, tags, principles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from corparent.strategy.principles import BY_LETTER, Principle


@dataclass(frozen=True)
class Tag:
    text: str
    css: str


def day(d: date | None, empty: str = "") -> str:
    return f"{d.day} {d:%B %Y}" if d is not None else empty


def principles_of(letters: list[str]) -> list[Principle]:
    return [BY_LETTER[x] for x in letters if x in BY_LETTER]


RAG_CSS = {
    "not_started": "govuk-tag--grey",
    "red": "govuk-tag--red",
    "amber": "govuk-tag--orange",
    "green": "govuk-tag--green",
    "complete": "govuk-tag--blue",
}


def rag_tag(value: str, label: str) -> Tag:
    return Tag(label, RAG_CSS.get(value, "govuk-tag--grey"))
