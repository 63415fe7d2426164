"""What the meeting, action, question and work programme pages show, worked out before the template
sees it: dates as words, status tags with their text, overdue flags, quorum in a sentence."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.urls import reverse
from django.utils import timezone

from corparent.panels.models import (
    Action,
    AgendaItem,
    Attendance,
    Meeting,
    Membership,
    Minute,
    Paper,
    Question,
    WorkProgrammeItem,
)
from corparent.panels.selectors.actions import OPEN, is_overdue, question_is_overdue
from corparent.panels.selectors.meetings import Quorum, meeting_date

STATUS_TAGS = {
    # meetings
    "scheduled": "govuk-tag--blue",
    "held": "govuk-tag--green",
    "cancelled": "govuk-tag--grey",
    # actions
    "open": "govuk-tag--light-blue",
    "in_progress": "govuk-tag--yellow",
    "done": "govuk-tag--green",
    "dropped": "govuk-tag--grey",
    # work programme
    "planned": "govuk-tag--grey",
    "requested": "govuk-tag--light-blue",
    "received": "govuk-tag--green",
    "presented": "govuk-tag--purple",
    "deferred": "govuk-tag--orange",
}


@dataclass(frozen=True)
class Tag:
    text: str
    css: str


def day_text(d: date | None) -> str:
    return f"{d.day} {d:%B %Y}" if d else ""


def meeting_when(meeting: Meeting) -> str:
    local = timezone.localtime(meeting.starts_at)
    return f"{local.day} {local:%B %Y} at {local:%H:%M}"


def meeting_title(meeting: Meeting) -> str:
    return f"{meeting.panel.name}, {day_text(meeting_date(meeting))}"


def status_tag(value: str, label: str) -> Tag:
    return Tag(label, STATUS_TAGS.get(value, "govuk-tag--grey"))


OVERDUE = Tag("Overdue", "govuk-tag--red")


@dataclass(frozen=True)
class ActionRow:
    id: int
    href: str
    description: str
    owner: str
    due: str
    status: Tag
    overdue: bool
    raised: str
    closed: str
    open: bool


def action_owner(action: Action) -> str:
    person = action.owner_person
    if person is not None:
        org = person.organisation.name if person.organisation_id and person.organisation else ""
        return f"{person.name} ({org})" if org else person.name
    return action.owner_organisation.name if action.owner_organisation else "No owner"


def action_row(action: Action, *, today: date) -> ActionRow:
    return ActionRow(
        id=action.pk,
        href=reverse("panels:action", kwargs={"action_id": action.pk}),
        description=action.description,
        owner=action_owner(action),
        due=day_text(action.due_date),
        status=status_tag(action.status, action.get_status_display()),
        overdue=is_overdue(action, today=today),
        raised=day_text(meeting_date(action.raised_at)) if action.raised_at else "",
        closed=day_text(action.closed_on),
        open=action.status in OPEN,
    )


def action_rows(actions: Any, *, today: date) -> list[ActionRow]:
    return [action_row(a, today=today) for a in actions]


@dataclass(frozen=True)
class PaperLink:
    title: str
    href: str
    file_name: str
    size: str


def paper_link(paper: Paper) -> PaperLink:
    kb = max(1, round(paper.size / 1024))
    size = f"{kb:,} KB" if kb < 1024 else f"{paper.size / (1024 * 1024):.1f} MB"
    return PaperLink(
        title=paper.title,
        href=reverse("panels:paper", kwargs={"meeting_id": paper.meeting_id, "paper_id": paper.pk}),
        file_name=paper.file_name,
        size=size,
    )


@dataclass
class AgendaRow:
    id: int
    number: int
    title: str
    kind: str
    presenter: str
    papers: list[PaperLink] = field(default_factory=list)
    minute: Minute | None = None
    fwp: FwpRow | None = None
    is_action_log: bool = False
    is_scorecard: bool = False


@dataclass(frozen=True)
class FwpRow:
    id: int
    href: str
    theme: str
    title: str
    partner: str
    meeting: str
    due: str
    status: Tag
    overdue: bool


def fwp_row(item: WorkProgrammeItem, *, today: date) -> FwpRow:
    waiting = item.status in (WorkProgrammeItem.Status.PLANNED, WorkProgrammeItem.Status.REQUESTED)
    return FwpRow(
        id=item.pk,
        href=reverse("panels:fwp_item", kwargs={"item_id": item.pk}),
        theme=item.theme,
        title=item.title,
        partner=item.partner.name if item.partner else "",
        meeting=day_text(meeting_date(item.meeting)) if item.meeting else "",
        due=day_text(item.due_date),
        status=status_tag(item.status, item.get_status_display()),
        overdue=bool(waiting and item.due_date and item.due_date < today),
    )


def quorum_text(q: Quorum) -> tuple[str, Tag]:
    if not q.known:
        return (
            f"{q.voting_present} voting member{'s' if q.voting_present != 1 else ''} present; "
            "no approved terms of reference say what the quorum is.",
            Tag("Quorum unknown", "govuk-tag--grey"),
        )
    text = f"{q.voting_present} of the {q.needed} voting members needed for a quorum are present."
    return (text, Tag("Quorate", "govuk-tag--green") if q.quorate else Tag("Not quorate", "govuk-tag--red"))


@dataclass(frozen=True)
class AttendanceRow:
    person_id: int
    name: str
    seat: str
    voting: bool
    status: str
    status_label: str
    substitute_for: str


def seat_text(m: Membership) -> str:
    person = m.person
    assert person is not None
    what = person.get_kind_display()
    if person.political_group_id and person.political_group:
        what += f", {person.political_group.name}"
    elif person.organisation_id and person.organisation:
        what += f", {person.organisation.name}"
    return f"{m.get_role_display()} ({what})"


def attendance_rows(
    memberships: list[Membership], recorded: dict[int, Attendance], extra: list[Attendance]
) -> list[AttendanceRow]:
    rows = []
    for m in memberships:
        assert m.person is not None
        a = recorded.get(m.person_id)
        rows.append(
            AttendanceRow(
                person_id=m.person_id,
                name=m.person.name,
                seat=seat_text(m),
                voting=m.voting,
                status=a.status if a else "",
                status_label=a.get_status_display() if a else "Not recorded",
                substitute_for=a.substitute_for.name if a and a.substitute_for else "",
            )
        )
    for a in extra:
        rows.append(
            AttendanceRow(
                person_id=a.person_id,
                name=a.person.name,
                seat="Substitute" if a.substitute_for_id else a.person.get_kind_display(),
                voting=bool(a.substitute_for_id),
                status=a.status,
                status_label=a.get_status_display(),
                substitute_for=a.substitute_for.name if a.substitute_for else "",
            )
        )
    return rows


@dataclass(frozen=True)
class FrozenRow:
    theme: str
    title: str
    figure: str
    as_at: str
    target: str
    rag: str


def frozen_scorecard(meeting: Meeting) -> list[FrozenRow]:
    rag_words = {"green": "Green: meets the target", "amber": "Amber: just misses", "red": "Red: misses"}
    return [
        FrozenRow(
            theme=str(r.get("theme", "")),
            title=str(r.get("title", "")),
            figure=str(r.get("figure", "")),
            as_at=str(r.get("as_at", "")),
            target=str(r.get("target", "")) or "No target",
            rag=rag_words.get(str(r.get("rag", "")), "No rating"),
        )
        for r in (meeting.frozen_scorecard or [])
    ]


@dataclass
class MeetingPage:
    meeting: Meeting
    title: str
    when: str
    status: Tag
    agenda: list[AgendaRow]
    action_log: list[ActionRow]
    raised: list[ActionRow]
    quorum: str
    quorum_tag: Tag
    attendance: list[AttendanceRow]
    scorecard: list[FrozenRow]
    frozen_at: str
    questions: list[QuestionRow]
    other_papers: list[PaperLink]


def meeting_page(
    *,
    meeting: Meeting,
    agenda: list[AgendaItem],
    papers: list[Paper],
    minutes: list[Minute],
    action_log: list[Action],
    raised: list[Action],
    quorum: Quorum,
    attendance: list[AttendanceRow],
    questions: list[Question],
    today: date,
) -> MeetingPage:
    by_item: dict[int, list[PaperLink]] = {}
    loose: list[PaperLink] = []
    for p in papers:
        (by_item.setdefault(p.agenda_item_id, []) if p.agenda_item_id else loose).append(paper_link(p))
    minute_of = {m.agenda_item_id: m for m in minutes if m.agenda_item_id}
    rows = [
        AgendaRow(
            id=item.pk,
            number=number,
            title=item.title,
            kind=item.kind,
            presenter=item.presenter,
            papers=by_item.get(item.pk, []),
            minute=minute_of.get(item.pk),
            fwp=fwp_row(item.fwp_item, today=today) if item.fwp_item else None,
            is_action_log=item.kind == AgendaItem.Kind.ACTION_LOG,
            is_scorecard=item.kind == AgendaItem.Kind.SCORECARD,
        )
        for number, item in enumerate(agenda, start=1)
    ]
    text, tag = quorum_text(quorum)
    return MeetingPage(
        meeting=meeting,
        title=meeting_title(meeting),
        when=meeting_when(meeting),
        status=status_tag(meeting.status, meeting.get_status_display()),
        agenda=rows,
        action_log=action_rows(action_log, today=today),
        raised=action_rows(raised, today=today),
        quorum=text,
        quorum_tag=tag,
        attendance=attendance,
        scorecard=frozen_scorecard(meeting),
        frozen_at=meeting_when_frozen(meeting),
        questions=question_rows(questions, today=today),
        other_papers=loose,
    )


def meeting_when_frozen(meeting: Meeting) -> str:
    if meeting.frozen_at is None:
        return ""
    local = timezone.localtime(meeting.frozen_at)
    return f"{local.day} {local:%B %Y} at {local:%H:%M}"


@dataclass(frozen=True)
class MeetingRow:
    href: str
    when: str
    location: str
    status: Tag


def meeting_rows(meetings: Any) -> list[MeetingRow]:
    return [
        MeetingRow(
            href=reverse("panels:meeting", kwargs={"meeting_id": m.pk}),
            when=meeting_when(m),
            location=m.location,
            status=status_tag(m.status, m.get_status_display()),
        )
        for m in meetings
    ]


@dataclass(frozen=True)
class QuestionRow:
    id: int
    href: str
    text: str
    asked_by: str
    answerer: str
    answer_by: str
    answer: str
    answered_on: str
    overdue: bool
    about: str


def question_rows(questions: Any, *, today: date) -> list[QuestionRow]:
    rows = []
    for q in questions:
        about = []
        if q.meeting_id:
            about.append(f"raised at the meeting on {day_text(meeting_date(q.meeting))}")
        if q.indicator_id:
            about.append(f"on the indicator {q.indicator_id}")
        answerer = ""
        if q.answerer:
            org = (
                q.answerer.organisation.name if q.answerer.organisation_id and q.answerer.organisation else ""
            )
            answerer = f"{q.answerer.name} ({org})" if org else q.answerer.name
        rows.append(
            QuestionRow(
                id=q.pk,
                href=reverse("panels:question", kwargs={"question_id": q.pk}),
                text=q.text,
                asked_by=q.asked_by.name,
                answerer=answerer,
                answer_by=day_text(q.answer_by),
                answer=q.answer,
                answered_on=day_text(q.answered_on),
                overdue=question_is_overdue(q, today=today),
                about="; ".join(about),
            )
        )
    return rows
