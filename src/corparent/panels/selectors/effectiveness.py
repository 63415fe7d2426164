"""How well the panel works: quorum, the attendance of councillors, partners and young people, young
people's participation, actions closed on time, partners' reports received on time and questions
answered, for each meeting and for the council's year (1 April to 31 March).

Each measure is declared once, in ``MEASURES``, with its exact definition; ``docs/panels.md`` shows
them and a test fails when one is missing there. Only meetings marked held count; nothing due after
the "as of" date (today, or the end of a past year) counts as late.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Min, Q, QuerySet
from django.utils import timezone

from corparent.panels.models import (
    Action,
    Attendance,
    Meeting,
    Membership,
    Panel,
    Person,
    Question,
    WorkProgrammeItem,
)
from corparent.panels.selectors.actions import OPEN
from corparent.panels.selectors.meetings import meeting_date, memberships_on, quorum


@dataclass(frozen=True)
class EffectivenessMeasure:
    id: str
    title: str
    definition: str


MEASURES: tuple[EffectivenessMeasure, ...] = (
    EffectivenessMeasure(
        "quorate_meetings",
        "Meetings that were quorate",
        "Held meetings at which the voting members present (a substitute counting for the member they "
        "replace) reached the quorum in the terms of reference in force that day, out of held meetings "
        "with terms of reference.",
    ),
    EffectivenessMeasure(
        "councillor_attendance",
        "Councillors' attendance",
        "Councillors' seats (not substitutes' seats) held on the day of a held meeting whose holder was "
        "recorded present, out of all such seats.",
    ),
    EffectivenessMeasure(
        "partner_attendance",
        "Partners' attendance",
        "Partners' seats held on the day of a held meeting whose holder was recorded present, out of "
        "all such seats.",
    ),
    EffectivenessMeasure(
        "young_people_attendance",
        "Young people's attendance",
        "Seats for co-opted young people held on the day of a held meeting whose holder was recorded "
        "present, out of all such seats.",
    ),
    EffectivenessMeasure(
        "young_people_participation",
        "Meetings with young people taking part",
        "Held meetings at which at least one young person (a co-optee or a guest, such as a member of "
        "the Children in Care Council) was recorded present, out of held meetings.",
    ),
    EffectivenessMeasure(
        "actions_closed_on_time",
        "Actions closed on time",
        "Actions due on or before the as-of date (in the year: due in the year; for a meeting: raised "
        "at it) that were marked done on or before their due date, out of those actions. Dropped "
        "actions are left out.",
    ),
    EffectivenessMeasure(
        "partner_reports_on_time",
        "Partners' reports received on time",
        "Work programme items asking a partner for a report, due on or before the as-of date (in the "
        "year: due in the year; for a meeting: for that meeting), whose first report was submitted on "
        "or before the due date, out of those items. Deferred items are left out.",
    ),
    EffectivenessMeasure(
        "questions_answered",
        "Questions answered",
        "Questions raised (in the year: at a meeting in the year, or in the year between meetings; "
        "for a meeting: at it) that have an answer, out of those questions.",
    ),
    EffectivenessMeasure(
        "questions_answered_on_time",
        "Questions answered by the date asked",
        "Of the questions counted above that were given an answer-by date on or before the as-of date, "
        "those answered on or before it.",
    ),
)
MEASURE_IDS = tuple(m.id for m in MEASURES)
ATTENDANCE = ("councillor_attendance", "partner_attendance", "young_people_attendance")
# the measures a year sums over its held meetings (the others go by their own dates in the year)
PER_MEETING = ("quorate_meetings", *ATTENDANCE, "young_people_participation")


@dataclass(frozen=True)
class Ratio:
    numerator: int
    denominator: int

    @property
    def percent(self) -> float | None:
        return None if self.denominator == 0 else 100 * self.numerator / self.denominator

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.numerator + other.numerator, self.denominator + other.denominator)


NONE = Ratio(0, 0)


@dataclass(frozen=True)
class PanelYear:
    """The council's year, 1 April to 31 March, named by the calendar year it starts in."""

    start_year: int

    @classmethod
    def containing(cls, day: date) -> PanelYear:
        return cls(day.year if day.month >= 4 else day.year - 1)

    @property
    def start(self) -> date:
        return date(self.start_year, 4, 1)

    @property
    def end(self) -> date:
        return date(self.start_year + 1, 3, 31)

    @property
    def label(self) -> str:
        return f"{self.start_year}/{(self.start_year + 1) % 100:02d}"

    @property
    def previous(self) -> PanelYear:
        return PanelYear(self.start_year - 1)

    def as_of(self, today: date) -> date:
        """The date up to which things due count: today within the year, its last day once past."""
        return min(today, self.end)


@dataclass(frozen=True)
class MeetingFigures:
    meeting: Meeting
    on: date
    quorate: bool | None  # None: no terms of reference say what the quorum is
    values: dict[str, Ratio]
    substitutes_present: int
    young_people_present: int
    actions_overdue: int  # raised at the meeting, still open and past due on the as-of date


@dataclass(frozen=True)
class YearFigures:
    panel: Panel
    year: PanelYear
    as_of: date
    held: int
    cancelled: int
    meetings: list[MeetingFigures] = field(default_factory=list)
    values: dict[str, Ratio] = field(default_factory=dict)
    actions_overdue: int = 0  # due in the year, still open and past due on the as-of date


# ------------------------------------------------------------------ per meeting


def _attendance(meeting: Meeting, seats: Iterable[Membership]) -> tuple[dict[str, Ratio], int, int]:
    rows = list(Attendance.objects.filter(meeting=meeting).select_related("person"))
    present = {a.person_id for a in rows if a.status == Attendance.Status.PRESENT}
    counted = {
        "councillor_attendance": [Person.Kind.COUNCILLOR],
        "partner_attendance": [Person.Kind.PARTNER],
        "young_people_attendance": [Person.Kind.YOUNG_PERSON],
    }
    held = [s for s in seats if s.role != Membership.Role.SUBSTITUTE]
    values = {}
    for measure, kinds in counted.items():
        mine = [s for s in held if s.seat_kind in kinds]
        values[measure] = Ratio(sum(s.person_id in present for s in mine), len(mine))
    substitutes = sum(
        1 for a in rows if a.status == Attendance.Status.PRESENT and a.substitute_for_id is not None
    )
    young = sum(
        1 for a in rows if a.status == Attendance.Status.PRESENT and a.person.kind == Person.Kind.YOUNG_PERSON
    )
    return values, substitutes, young


def _actions_due(actions: Iterable[Action], *, as_of: date) -> tuple[Ratio, int]:
    due = [a for a in actions if a.status != Action.Status.DROPPED and a.due_date <= as_of]
    on_time = sum(
        1
        for a in due
        if a.status == Action.Status.DONE and a.closed_on is not None and a.closed_on <= a.due_date
    )
    overdue = sum(1 for a in due if a.status in OPEN and a.due_date < as_of)
    return Ratio(on_time, len(due)), overdue


def _reports_due(items: QuerySet[WorkProgrammeItem], *, as_of: date) -> Ratio:
    due = [
        i
        for i in items.annotate(first_report=Min("reports__submitted_at"))
        if i.due_date is not None and i.due_date <= as_of and i.status != WorkProgrammeItem.Status.DEFERRED
    ]
    on_time = sum(
        1 for i in due if i.first_report is not None and timezone.localdate(i.first_report) <= i.due_date
    )
    return Ratio(on_time, len(due))


def _questions(questions: Iterable[Question], *, as_of: date) -> dict[str, Ratio]:
    asked = list(questions)
    answered = Ratio(sum(1 for q in asked if q.answer), len(asked))
    dated = [q for q in asked if q.answer_by is not None and q.answer_by <= as_of]
    on_time = sum(1 for q in dated if q.answer and q.answered_on is not None and q.answered_on <= q.answer_by)
    return {"questions_answered": answered, "questions_answered_on_time": Ratio(on_time, len(dated))}


def meeting_figures(*, meeting: Meeting, as_of: date | None = None) -> MeetingFigures:
    """The measures for one meeting (attendance and quorum count only if it was held)."""
    on = meeting_date(meeting)
    as_of = as_of or timezone.localdate()
    held = meeting.status == Meeting.Status.HELD
    seats = list(memberships_on(panel=meeting.panel, on=on)) if held else []
    attendance, substitutes, young = _attendance(meeting, seats) if held else ({}, 0, 0)
    counted = quorum(meeting=meeting) if held else None
    quorate = counted.quorate if counted is not None and counted.known else None
    values = {
        "quorate_meetings": Ratio(int(bool(quorate)), int(quorate is not None)),
        "young_people_participation": Ratio(int(young > 0), int(held)),
        **{k: attendance.get(k, NONE) for k in ATTENDANCE},
    }
    actions, overdue = _actions_due(Action.objects.filter(raised_at=meeting), as_of=as_of)
    values["actions_closed_on_time"] = actions
    items = WorkProgrammeItem.objects.filter(meeting=meeting, partner__isnull=False)
    values["partner_reports_on_time"] = _reports_due(items, as_of=as_of)
    values.update(_questions(Question.objects.filter(meeting=meeting), as_of=as_of))
    return MeetingFigures(
        meeting=meeting,
        on=on,
        quorate=quorate,
        values=values,
        substitutes_present=substitutes,
        young_people_present=young,
        actions_overdue=overdue,
    )


# ------------------------------------------------------------------ per year


def _in_year(meetings: Iterable[Meeting], year: PanelYear) -> list[Meeting]:
    return [m for m in meetings if year.start <= meeting_date(m) <= year.end]


def _asked_on(question: Question) -> date:
    return meeting_date(question.meeting) if question.meeting else timezone.localdate(question.created_at)


def year_figures(*, panel: Panel, year: PanelYear, today: date | None = None) -> YearFigures:
    """The measures for the panel's year: each meeting's, and the year's (attendance and quorum summed
    over held meetings; actions, reports and questions by their own dates in the year)."""
    as_of = year.as_of(today or timezone.localdate())
    everything = Meeting.objects.filter(panel=panel).select_related("panel").order_by("starts_at")
    meetings = _in_year(everything, year)
    held = [m for m in meetings if m.status == Meeting.Status.HELD]
    per_meeting = [meeting_figures(meeting=m, as_of=as_of) for m in held]
    values: dict[str, Ratio] = {}
    for key in PER_MEETING:
        values[key] = sum((f.values[key] for f in per_meeting), NONE)
    in_year = Q(due_date__gte=year.start, due_date__lte=year.end)
    actions, overdue = _actions_due(Action.objects.filter(panel=panel).filter(in_year), as_of=as_of)
    values["actions_closed_on_time"] = actions
    items = WorkProgrammeItem.objects.filter(panel=panel, partner__isnull=False).filter(in_year)
    values["partner_reports_on_time"] = _reports_due(items, as_of=as_of)
    questions = [
        q
        for q in Question.objects.filter(panel=panel).select_related("meeting")
        if year.start <= _asked_on(q) <= year.end
    ]
    values.update(_questions(questions, as_of=as_of))
    return YearFigures(
        panel=panel,
        year=year,
        as_of=as_of,
        held=len(held),
        cancelled=sum(1 for m in meetings if m.status == Meeting.Status.CANCELLED),
        meetings=per_meeting,
        values=values,
        actions_overdue=overdue,
    )


def panel_years(*, panel: Panel, today: date | None = None) -> list[PanelYear]:
    """The years the panel has meetings in, newest first, always including the current year."""
    current = PanelYear.containing(today or timezone.localdate())
    years = {PanelYear.containing(meeting_date(m)) for m in Meeting.objects.filter(panel=panel)}
    years.add(current)
    return sorted((y for y in years if y.start_year <= current.start_year), key=lambda y: -y.start_year)


def year_named(years: list[PanelYear], asked: str) -> PanelYear | None:
    """The year asked for by the calendar year it starts in ("2026" for 2026/27), else the newest
    of ``years`` when nothing is asked; None for a year not among them."""
    if not asked:
        return years[0]
    return next((y for y in years if str(y.start_year) == asked), None)
