"""How well the panel works, in words: "9 of 15 (60%)" or why there is nothing to count, for the
panel's page (this year beside last year), the year's page (meeting by meeting) and a meeting's page.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from corparent.panels.models import Meeting
from corparent.panels.presenters.meetings import day_text
from corparent.panels.selectors.effectiveness import (
    MEASURES,
    PER_MEETING,
    MeetingFigures,
    PanelYear,
    Ratio,
    YearFigures,
)

# What to say when a measure has nothing to count
EMPTY = {
    "quorate_meetings": "No meetings held",
    "councillor_attendance": "No councillors' seats",
    "partner_attendance": "No partners' seats",
    "young_people_attendance": "No young people's seats",
    "young_people_participation": "No meetings held",
    "actions_closed_on_time": "None due",
    "partner_reports_on_time": "None due",
    "questions_answered": "None asked",
    "questions_answered_on_time": "None due",
}
# The columns of the meeting-by-meeting table (a meeting's quorum is a yes or no, shown apart)
MEETING_COLUMNS = (
    ("councillor_attendance", "Councillors present"),
    ("partner_attendance", "Partners present"),
    ("young_people_attendance", "Young people's seats filled"),
    ("actions_closed_on_time", "Actions raised, closed on time"),
    ("partner_reports_on_time", "Partners' reports on time"),
    ("questions_answered", "Questions answered"),
)


def ratio_text(ratio: Ratio, measure: str, *, meetings_held: int = 1) -> str:
    """"n of N (p%)"; else why there is nothing to count (for a year: no meetings held, if so)."""
    percent = ratio.percent
    if percent is None:
        return "No meetings held" if measure in PER_MEETING and not meetings_held else EMPTY[measure]
    return f"{ratio.numerator} of {ratio.denominator} ({percent:.0f}%)"


@dataclass(frozen=True)
class FigureRow:
    id: str
    title: str
    definition: str
    figures: tuple[str, ...]  # one per year shown


def figure_rows(*years: YearFigures) -> list[FigureRow]:
    return [
        FigureRow(
            m.id,
            m.title,
            m.definition,
            tuple(ratio_text(y.values[m.id], m.id, meetings_held=y.held) for y in years),
        )
        for m in MEASURES
    ]


def year_heading(figures: YearFigures) -> str:
    text = f"{figures.year.label} ({day_text(figures.year.start)} to {day_text(figures.year.end)})"
    return text if figures.as_of >= figures.year.end else f"{text}, so far"


def year_summary(figures: YearFigures) -> str:
    meetings = "meeting" if figures.held == 1 else "meetings"
    cancelled = f", {figures.cancelled} cancelled" if figures.cancelled else ""
    overdue = (
        f" {figures.actions_overdue} action{'s' if figures.actions_overdue != 1 else ''} "
        f"due in the year {'were' if figures.actions_overdue != 1 else 'was'} still open on "
        f"{day_text(figures.as_of)}."
        if figures.actions_overdue
        else ""
    )
    return f"{figures.held} {meetings} held{cancelled}, counted up to {day_text(figures.as_of)}.{overdue}"


@dataclass(frozen=True)
class PanelSummary:
    """This year beside last year, for the panel's own page."""

    headers: tuple[str, ...]
    rows: list[FigureRow]
    href: str


def panel_summary(this_year: YearFigures, last_year: YearFigures) -> PanelSummary:
    return PanelSummary(
        headers=(f"{this_year.year.label} so far", last_year.year.label),
        rows=figure_rows(this_year, last_year),
        href=reverse("panels:effectiveness", kwargs={"panel_id": this_year.panel.pk}),
    )


@dataclass(frozen=True)
class MeetingRow:
    title: str
    href: str
    quorate: str
    cells: tuple[str, ...]
    notes: str


def quorate_text(figures: MeetingFigures) -> str:
    if figures.quorate is None:
        return "Not known (no terms of reference)"
    return "Yes" if figures.quorate else "No"


def _notes(figures: MeetingFigures) -> str:
    notes = []
    if figures.substitutes_present:
        n = figures.substitutes_present
        notes.append(f"{n} substitute{'s' if n != 1 else ''}")
    if figures.young_people_present:
        n = figures.young_people_present
        notes.append(f"{n} young {'people' if n != 1 else 'person'} took part")
    return "; ".join(notes)


def meeting_row(figures: MeetingFigures) -> MeetingRow:
    meeting: Meeting = figures.meeting
    return MeetingRow(
        title=day_text(figures.on),
        href=reverse("panels:meeting", kwargs={"meeting_id": meeting.pk}),
        quorate=quorate_text(figures),
        cells=tuple(ratio_text(figures.values[key], key) for key, _ in MEETING_COLUMNS),
        notes=_notes(figures),
    )


@dataclass(frozen=True)
class YearOption:
    start_year: int
    label: str
    current: bool


@dataclass(frozen=True)
class YearPage:
    panel_name: str
    panel_id: int
    heading: str
    summary: str
    rows: list[FigureRow]
    headers: tuple[str, ...]
    columns: tuple[str, ...]
    meetings: list[MeetingRow]
    years: list[YearOption]
    start_year: int


def year_page(figures: YearFigures, years: list[PanelYear]) -> YearPage:
    return YearPage(
        panel_name=figures.panel.name,
        panel_id=figures.panel.pk,
        heading=year_heading(figures),
        summary=year_summary(figures),
        rows=figure_rows(figures),
        headers=(figures.year.label,),
        columns=tuple(label for _, label in MEETING_COLUMNS),
        meetings=[meeting_row(m) for m in figures.meetings],
        years=[YearOption(y.start_year, y.label, y == figures.year) for y in years],
        start_year=figures.year.start_year,
    )


@dataclass(frozen=True)
class MeetingSummary:
    rows: list[tuple[str, str]]


def meeting_summary(figures: MeetingFigures) -> MeetingSummary:
    rows = [("Quorate", quorate_text(figures))]
    rows += [(label, ratio_text(figures.values[key], key)) for key, label in MEETING_COLUMNS]
    on_time = "questions_answered_on_time"
    rows.append(("Questions answered by the date asked", ratio_text(figures.values[on_time], on_time)))
    notes = _notes(figures)
    if notes:
        rows.append(("Also", notes))
    return MeetingSummary(rows)
