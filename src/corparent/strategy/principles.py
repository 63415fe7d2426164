"""The seven corporate parenting principles, declared once as data.

Children and Social Work Act 2017, section 1(1): a local authority in England must, in carrying out
functions in relation to the children and young people it looks after and its care leavers, have
regard to the need ...
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Principle:
    letter: str
    short_name: str
    statutory_text: str

    @property
    def label(self) -> str:
        return f"({self.letter}) {self.short_name}"


PRINCIPLES: tuple[Principle, ...] = (
    Principle(
        "a",
        "Best interests, health and well-being",
        "to act in the best interests, and promote the physical and mental health and well-being, "
        "of those children and young people",
    ),
    Principle(
        "b",
        "Express their views",
        "to encourage those children and young people to express their views, wishes and feelings",
    ),
    Principle(
        "c",
        "Take their views into account",
        "to take into account the views, wishes and feelings of those children and young people",
    ),
    Principle(
        "d",
        "Access to services",
        "to help those children and young people gain access to, and make the best use of, services "
        "provided by the local authority and its relevant partners",
    ),
    Principle(
        "e",
        "High aspirations and best outcomes",
        "to promote high aspirations, and seek to secure the best outcomes, for those children and "
        "young people",
    ),
    Principle(
        "f",
        "Safety and stability",
        "for those children and young people to be safe, and for stability in their home lives, "
        "relationships and education or work",
    ),
    Principle(
        "g",
        "Preparing for adulthood",
        "to prepare those children and young people for adulthood and independent living",
    ),
)

BY_LETTER: dict[str, Principle] = {p.letter: p for p in PRINCIPLES}
LETTERS: tuple[str, ...] = tuple(p.letter for p in PRINCIPLES)
CHOICES: list[tuple[str, str]] = [(p.letter, p.label) for p in PRINCIPLES]


def principle_get(letter: str) -> Principle:
    """The principle with this letter; KeyError names the letters that exist."""
    try:
        return BY_LETTER[letter]
    except KeyError:
        raise KeyError(f"no principle {letter!r}: expected one of {', '.join(LETTERS)}") from None
