"""The panel's annual report for a council year (1 April to 31 March), as pure data (a ``Document``),
rendered to PDF and DOCX like the pack: the panel and its members, the meetings held, how well the
panel works (this year beside last, and meeting by meeting), actions, partners' reports, questions,
what young people said and what was done, and the scorecard last frozen into the year's papers.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone
from django.utils.text import slugify

from corparent.panels.models import Action, Meeting, Panel, WorkProgrammeItem
from corparent.panels.presenters.effectiveness import MEETING_COLUMNS, quorate_text, ratio_text, year_summary
from corparent.panels.selectors.effectiveness import (
    MEASURES,
    PanelYear,
    YearFigures,
    year_figures,
)
from corparent.panels.selectors.meetings import terms_in_force
from corparent.reports import selectors
from corparent.reports.document import Document, Paragraph, Section, Table
from corparent.reports.pack import council_name, day, membership_table, terms_used
from corparent.reports.pack_scorecard import scorecard_section


def _about(panel: Panel, figures: YearFigures, council: str) -> Section:
    section = Section("The panel", level=2, anchor="panel")
    terms = terms_in_force(panel=panel, on=figures.as_of)
    details = [("Panel", panel.name), ("Year", f"{day(figures.year.start)} to {day(figures.year.end)}")]
    if council:
        details.insert(0, ("Council", council))
    if terms is not None:
        details += [
            ("Purpose", terms.purpose),
            ("Meets", terms.frequency),
            ("Reporting line", terms.reporting_line),
            ("Quorum", f"{terms.quorum} voting members"),
        ]
    section.blocks.append(
        Table(caption="About the panel", headers=("Detail", "Value"), rows=tuple(details), row_headers=True)
    )
    membership = Section("Membership", level=3, anchor="membership")
    membership.blocks.append(membership_table(panel, figures.as_of))
    section.subsections.append(membership)
    return section


def _how_well(figures: YearFigures, last: YearFigures) -> Section:
    section = Section("How well the panel works", level=2, new_page=True, anchor="how-well")
    section.blocks += [
        Paragraph(year_summary(figures)),
        Table(
            caption=f"The year's measures, {figures.year.label} beside {last.year.label}",
            headers=("Measure", figures.year.label, last.year.label),
            rows=tuple(
                (
                    m.title,
                    ratio_text(figures.values[m.id], m.id, meetings_held=figures.held),
                    ratio_text(last.values[m.id], m.id, meetings_held=last.held),
                )
                for m in MEASURES
            ),
            row_headers=True,
            widths=(40, 30, 30),
        ),
    ]
    by_meeting = Section("Meeting by meeting", level=3, anchor="by-meeting")
    if figures.meetings:
        by_meeting.blocks.append(
            Table(
                caption=f"Held meetings in {figures.year.label}",
                headers=("Meeting", "Quorate", *(label for _, label in MEETING_COLUMNS)),
                rows=tuple(
                    (
                        day(m.on),
                        quorate_text(m),
                        *(ratio_text(m.values[key], key) for key, _ in MEETING_COLUMNS),
                    )
                    for m in figures.meetings
                ),
                row_headers=True,
            )
        )
    else:
        by_meeting.blocks.append(Paragraph(f"No meeting was held in {figures.year.label}."))
    counts = Section("What each measure counts", level=3, anchor="definitions")
    counts.blocks.append(
        Table(
            caption="Definitions",
            headers=("Measure", "What it counts"),
            rows=tuple((m.title, m.definition) for m in MEASURES),
            row_headers=True,
            widths=(30, 70),
        )
    )
    section.subsections += [by_meeting, counts]
    return section


def _meetings(meetings: list[Meeting]) -> Section:
    section = Section("Meetings in the year", level=2, anchor="meetings")
    if not meetings:
        section.blocks.append(Paragraph("No meetings were arranged in the year."))
        return section
    section.blocks.append(
        Table(
            caption="Meetings arranged",
            headers=("Date", "Status", "Place"),
            rows=tuple(
                (day(selectors.meeting_date(m)), m.get_status_display(), m.location or "") for m in meetings
            ),
            row_headers=True,
        )
    )
    return section


def _actions(panel: Panel, figures: YearFigures) -> Section:
    section = Section("Actions still open", level=2, new_page=True, anchor="actions")
    open_actions = list(
        Action.objects.filter(panel=panel, status__in=selectors.OPEN_STATUSES, due_date__lte=figures.year.end)
        .select_related("owner_person", "owner_organisation")
        .order_by("due_date", "id")
    )
    if not open_actions:
        section.blocks.append(Paragraph(f"No action due by {day(figures.year.end)} is still open."))
        return section
    section.blocks.append(
        Table(
            caption=f"Actions due by {day(figures.year.end)} and still open on {day(timezone.localdate())}",
            headers=("Action", "Owner", "Due", "Status"),
            rows=tuple(
                (
                    a.description,
                    ", ".join(o.name for o in (a.owner_person, a.owner_organisation) if o is not None)
                    or "No owner",
                    day(a.due_date),
                    Action.Status(a.status).label,
                )
                for a in open_actions
            ),
            widths=(46, 24, 15, 15),
        )
    )
    return section


def _received(item: WorkProgrammeItem) -> str:
    first = min((r.submitted_at for r in item.reports.all()), default=None)
    if first is None:
        return "Not received"
    received = timezone.localdate(first)
    late = item.due_date is not None and received > item.due_date
    return f"{day(received)}{' (late)' if late else ''}"


def _reports(panel: Panel, year: PanelYear) -> Section:
    section = Section("Partners' reports", level=2, anchor="partner-reports")
    items = list(
        WorkProgrammeItem.objects.filter(
            panel=panel, partner__isnull=False, due_date__gte=year.start, due_date__lte=year.end
        )
        .select_related("partner")
        .prefetch_related("reports")
        .order_by("due_date", "title", "id")
    )
    if not items:
        section.blocks.append(Paragraph("No partner was asked for a report due in the year."))
        return section
    section.blocks.append(
        Table(
            caption="Reports asked of partners, due in the year",
            headers=("Theme", "Report", "Partner", "Due", "Received", "Status"),
            rows=tuple(
                (
                    i.theme.capitalize(),
                    i.title,
                    i.partner.name if i.partner else "",
                    day(i.due_date),
                    _received(i),
                    WorkProgrammeItem.Status(i.status).label,
                )
                for i in items
            ),
        )
    )
    return section


def _voice(figures: YearFigures) -> Section:
    from corparent.voice.selectors import issues_answered_between

    section = Section("What young people said, and what was done", level=2, new_page=True, anchor="voice")
    before = figures.year.start - timedelta(days=1)
    said = list(issues_answered_between(after=before, until=figures.as_of))
    if not said:
        section.blocks.append(Paragraph('No "you said, we did" item was answered in the year.'))
        return section
    section.blocks.append(
        Table(
            caption="You said, we did: answered in the year",
            headers=("Forum", "Raised", "You said", "We did", "Status"),
            rows=tuple(
                (i.forum.name, day(i.raised_on), i.you_said, i.we_did, i.get_status_display()) for i in said
            ),
        )
    )
    return section


def _scorecard(meetings: list[Meeting]) -> Section:
    frozen = [m for m in meetings if m.frozen_at is not None and m.status != Meeting.Status.CANCELLED]
    if frozen:
        section = scorecard_section(frozen[-1])
        section.blocks.insert(
            0,
            Paragraph(
                f"As frozen into the papers of the meeting on {day(selectors.meeting_date(frozen[-1]))}."
            ),
        )
        return section
    section = Section("Performance scorecard", level=2, new_page=True, anchor="scorecard")
    section.blocks.append(Paragraph("No scorecard was frozen into a meeting's papers in the year."))
    return section


def annual_report(*, panel: Panel, year: PanelYear, today: date | None = None) -> Document:
    figures = year_figures(panel=panel, year=year, today=today)
    last = year_figures(panel=panel, year=year.previous, today=today)
    meetings = [
        m
        for m in Meeting.objects.filter(panel=panel).select_related("panel", "snapshot").order_by("starts_at")
        if year.start <= selectors.meeting_date(m) <= year.end
    ]
    council = council_name()
    sections = [
        _about(panel, figures, council),
        _meetings(meetings),
        _how_well(figures, last),
        _actions(panel, figures),
        _reports(panel, year),
        _voice(figures),
        _scorecard(meetings),
    ]
    terms = terms_used(sections, document="report")
    if terms is not None:
        sections.append(terms)
    return Document(
        title=f"{panel.name}: annual report {year.label}",
        author=council or panel.name,
        subject=f"The work of the {panel.name} from {day(year.start)} to {day(year.end)}",
        language="en-GB",
        footer=f"{panel.name}, annual report {year.label}",
        file_stem=f"{slugify(panel.name)}-annual-report-{year.start_year}-{(year.start_year + 1) % 100:02d}",
        sections=sections,
    )
