"""The panel pack for a meeting, as pure data (a ``Document``): cover and membership, agenda, the
previous meeting's minutes, the action log, the scorecard, the forward work programme, the voice
summary and the terms used. ``pdf.py`` and ``docx.py`` render it.
"""

from __future__ import annotations

import re
from datetime import date

from django.utils import timezone
from django.utils.text import slugify

from corparent.panels.models import Action, Attendance, Meeting, Membership, Panel, Person, WorkProgrammeItem
from corparent.reports import selectors
from corparent.reports.document import Document, Paragraph, Section, Table
from corparent.reports.pack_scorecard import scorecard_section
from corparent.web.glossary import GLOSSARY

NO_VOICE = "No voice items recorded for this meeting."


def day(d: date | None) -> str:
    return f"{d.day} {d:%B %Y}" if d else ""


def _time(meeting: Meeting) -> str:
    local = timezone.localtime(meeting.starts_at)
    hour = local.hour % 12 or 12
    minutes = f".{local.minute:02d}" if local.minute else ""
    return f"{hour}{minutes}{'am' if local.hour < 12 else 'pm'}"


def council_name() -> str:
    try:
        from corparent.comparators.selectors import council_name
    except ImportError:
        return ""
    return council_name()


# ------------------------------------------------------------------ cover and membership


def _seat(m: Membership) -> str:
    kind = Person.Kind(m.seat_kind).label
    person = m.person
    group = m.political_group or (person.political_group if person else None)
    if m.seat_kind == Person.Kind.COUNCILLOR:
        parts = [kind, group.name if group else "", f"{person.ward} ward" if person and person.ward else ""]
    else:
        parts = [
            kind,
            person.job_title if person else "",
            person.organisation.name if person and person.organisation else "",
        ]
    return ", ".join(p for p in parts if p)


ROLE_ORDER = {role: i for i, role in enumerate(Membership.Role.values)}


def membership_table(panel: Panel, on: date) -> Table:
    """The seats on a date, chair first, vacancies last within a role."""
    seats = sorted(
        selectors.membership_on(panel=panel, on=on),
        key=lambda m: (ROLE_ORDER.get(m.role, 99), m.person is None, m.person.name if m.person else ""),
    )
    return Table(
        caption=f"Membership on {day(on)}",
        headers=("Name", "Role", "Seat", "Voting"),
        widths=(24, 14, 52, 10),
        rows=tuple(
            (
                m.person.name if m.person else "Vacant seat",
                Membership.Role(m.role).label,
                _seat(m),
                "Yes" if m.voting else "No",
            )
            for m in seats
        ),
        row_headers=True,
    )


def _cover(meeting: Meeting, council: str) -> Section:
    section = Section("Meeting details", level=2, anchor="details")
    status = "" if meeting.status == Meeting.Status.SCHEDULED else f" ({meeting.get_status_display()})"
    details = [
        ("Panel", meeting.panel.name),
        ("Date", day(selectors.meeting_date(meeting)) + status),
        ("Time", _time(meeting)),
        ("Place", meeting.location or "To be confirmed"),
    ]
    if council:
        details.insert(0, ("Council", council))
    section.blocks.append(
        Table(caption="The meeting", headers=("Detail", "Value"), rows=tuple(details), row_headers=True)
    )
    membership = Section("Membership", level=3, anchor="membership")
    membership.blocks.append(membership_table(meeting.panel, selectors.meeting_date(meeting)))
    section.subsections.append(membership)
    return section


# ------------------------------------------------------------------ agenda and minutes


def _agenda(meeting: Meeting) -> Section:
    section = Section("Agenda", level=2, new_page=True, anchor="agenda")
    items = list(selectors.agenda(meeting=meeting))
    if not items:
        section.blocks.append(Paragraph("The agenda has not been set yet."))
        return section
    rows = []
    for number, item in enumerate(items, start=1):
        who = item.presenter
        if item.fwp_item is not None and item.fwp_item.partner is not None and not who:
            who = item.fwp_item.partner.name
        rows.append((str(number), item.title, who))
    section.blocks.append(
        Table(
            caption="Agenda items, in order",
            headers=("Item", "Title", "Presented by"),
            rows=tuple(rows),
            widths=(8, 62, 30),
        )
    )
    return section


def _people(rows: list[Attendance], status: str) -> str:
    names = []
    for a in rows:
        if a.status != status:
            continue
        names.append(
            f"{a.person.name} (substituting for {a.substitute_for.name})"
            if a.substitute_for
            else a.person.name
        )
    return ", ".join(names) or "none recorded"


def _minutes(previous: Meeting | None) -> Section:
    section = Section("Minutes of the previous meeting", level=2, new_page=True, anchor="minutes")
    if previous is None:
        section.blocks.append(Paragraph("This is the panel's first meeting: there are no previous minutes."))
        return section
    section.blocks.append(Paragraph(f"The meeting held on {day(selectors.meeting_date(previous))}."))
    present = list(selectors.attendance(meeting=previous))
    if present:
        section.blocks += [
            Paragraph(_people(present, Attendance.Status.PRESENT), label="Present:"),
            Paragraph(_people(present, Attendance.Status.APOLOGIES), label="Apologies:"),
        ]
    items = list(selectors.minutes(meeting=previous))
    if not items:
        section.blocks.append(Paragraph("No minutes were recorded for that meeting."))
        return section
    numbers = {a.pk: n for n, a in enumerate(selectors.agenda(meeting=previous), start=1)}
    by_item: dict[str, Section] = {}
    for minute in items:
        item = minute.agenda_item
        heading = f"{numbers.get(item.pk, item.order)}. {item.title}" if item else "Other matters"
        sub = by_item.setdefault(heading, Section(heading, level=3))
        sub.blocks.append(Paragraph(minute.text))
        if minute.resolution:
            sub.blocks.append(Paragraph(minute.resolution, label="Resolved:"))
    section.subsections = list(by_item.values())
    return section


# ------------------------------------------------------------------ actions


def _owner(action: Action) -> str:
    names = [o.name for o in (action.owner_person, action.owner_organisation) if o is not None]
    return ", ".join(names) or "No owner"


def _status(action: Action, on: date) -> str:
    text = Action.Status(action.status).label
    if selectors.is_overdue(action, on=on):
        return f"{text}: overdue (was due {day(action.due_date)})"
    if action.closed_on and action.status not in selectors.OPEN_STATUSES:
        return f"{text} on {day(action.closed_on)}"
    return text


def _latest_update(action: Action) -> str:
    updates = list(action.updates.all())
    if not updates:
        return ""
    last = updates[-1]
    return f"{day(timezone.localtime(last.at).date())}: {last.text}"


def _actions(meeting: Meeting, previous: Meeting | None) -> Section:
    section = Section("Action log", level=2, new_page=True, anchor="actions")
    on = selectors.meeting_date(meeting)
    actions = list(selectors.action_log(meeting=meeting, previous=previous))
    if not actions:
        section.blocks.append(Paragraph("There are no open actions and none closed since the last meeting."))
        return section
    overdue = sum(selectors.is_overdue(a, on=on) for a in actions)
    still_open = sum(a.status in selectors.OPEN_STATUSES for a in actions)
    section.blocks.append(
        Paragraph(
            f"{still_open} open (of which {overdue} overdue on {day(on)}) and "
            f"{len(actions) - still_open} closed since the last meeting."
        )
    )
    rows = tuple(
        (
            str(number),
            a.description,
            _owner(a),
            day(a.due_date),
            _status(a, on),
            _latest_update(a),
        )
        for number, a in enumerate(actions, start=1)
    )
    section.blocks.append(
        Table(
            caption="Actions: open, and closed since the last meeting",
            headers=("No.", "Action", "Owner", "Due", "Status", "Latest update"),
            rows=rows,
            widths=(6, 28, 16, 13, 16, 21),
            row_headers=True,
        )
    )
    return section


# ------------------------------------------------------------------ work programme and voice


def _work_programme(meeting: Meeting) -> Section:
    section = Section("Forward work programme", level=2, new_page=True, anchor="work-programme")
    items = list(selectors.work_programme(meeting=meeting))
    if items:
        section.blocks.append(
            Table(
                caption="Themed deep dives planned",
                headers=("Theme", "Item", "Partner asked to report", "Meeting", "Report due", "Status"),
                rows=tuple(
                    (
                        i.theme.capitalize(),
                        i.title,
                        i.partner.name if i.partner else "",
                        day(selectors.meeting_date(i.meeting)) if i.meeting else "Not yet scheduled",
                        day(i.due_date),
                        WorkProgrammeItem.Status(i.status).label,
                    )
                    for i in items
                ),
            )
        )
    else:
        section.blocks.append(Paragraph("Nothing is planned in the forward work programme yet."))
    reports = list(selectors.reports_for(meeting=meeting))
    if reports:
        sub = Section("Partners' reports to this meeting", level=3, anchor="partner-reports")
        for r in reports:
            sub.blocks += [
                Paragraph(
                    f"{r.title} ({r.organisation.name}, {day(timezone.localtime(r.submitted_at).date())})",
                    label="Report:",
                ),
                Paragraph(r.summary),
            ]
        section.subsections.append(sub)
    return section


def _voice(meeting: Meeting, previous: Meeting | None) -> Section:
    section = Section("Voice of children and young people", level=2, new_page=True, anchor="voice")
    for minute in selectors.voice_minutes(meeting=meeting):
        section.blocks.append(Paragraph(minute.text))
        if minute.resolution:
            section.blocks.append(Paragraph(minute.resolution, label="Resolved:"))
    for r in selectors.voice_reports(meeting=meeting, previous=previous):
        section.blocks += [
            Paragraph(f"{r.title} ({r.organisation.name})", label="Report:"),
            Paragraph(r.summary),
        ]
    said = selectors.voice_you_said_we_did(meeting=meeting, previous=previous)
    if said:
        sub = Section("You said, we did", level=3, anchor="you-said-we-did")
        sub.blocks.append(
            Table(
                caption="What young people raised, answered since the previous meeting",
                headers=("Forum", "Raised", "You said", "We did", "Status"),
                rows=tuple(
                    (i.forum.name, day(i.raised_on), i.you_said, i.we_did, i.get_status_display())
                    for i in said
                ),
            )
        )
        section.subsections.append(sub)
    if not section.blocks and not section.subsections:
        section.blocks.append(Paragraph(NO_VOICE))
    return section


# ------------------------------------------------------------------ terms used


_WORD = re.compile(r"\b[A-Za-z][A-Za-z0-9-]*[A-Z0-9][A-Za-z0-9-]*\b")


def _texts(sections: list[Section]) -> list[str]:
    texts: list[str] = []
    for section in sections:
        for s in section.walk():
            texts.append(s.heading)
            for block in s.blocks:
                if isinstance(block, Paragraph):
                    texts.append(block.text)
                elif isinstance(block, Table):
                    texts += [block.caption, *block.headers, *(cell for row in block.rows for cell in row)]
                else:
                    texts += [block.caption, block.alt]
    return texts


def terms_used(sections: list[Section], *, document: str = "pack") -> Section | None:
    """The acronyms the document uses, explained (the glossary's terms, matched as whole words)."""
    words = {w for text in _texts(sections) for w in _WORD.findall(text)}
    used = sorted((t, GLOSSARY[t]) for t in GLOSSARY if t in words)
    if not used:
        return None
    section = Section(f"Terms used in this {document}", level=2, new_page=True, anchor="terms")
    section.blocks.append(
        Table(caption="Abbreviations", headers=("Term", "Meaning"), rows=tuple(used), row_headers=True)
    )
    return section


# ------------------------------------------------------------------ the pack


def panel_pack(*, meeting: Meeting) -> Document:
    previous = selectors.previous_meeting(meeting=meeting)
    on = selectors.meeting_date(meeting)
    council = council_name()
    sections = [
        _cover(meeting, council),
        _agenda(meeting),
        _minutes(previous),
        _actions(meeting, previous),
        scorecard_section(meeting),
        _work_programme(meeting),
        _voice(meeting, previous),
    ]
    terms = terms_used(sections)
    if terms is not None:
        sections.append(terms)
    title = f"{meeting.panel.name}, {day(on)}: meeting pack"
    return Document(
        title=title,
        author=council or meeting.panel.name,
        subject=f"Papers for the meeting of the {meeting.panel.name} on {day(on)}",
        language="en-GB",
        footer=f"{meeting.panel.name}, {day(on)}",
        file_stem=f"{slugify(meeting.panel.name)}-{on.isoformat()}-pack",
        sections=sections,
    )
