"""A panel with a small, hand-worked history, for the pack: a previous meeting with minutes, a
cancelled one in between (which is not "the previous meeting"), and the meeting the pack is for,
on Thursday 12 March 2026 at 6pm, with its agenda, actions, work programme and frozen scorecard."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from corparent.accounts.models import Organisation, User
from corparent.panels.models import (
    Action,
    ActionUpdate,
    AgendaItem,
    Attendance,
    Meeting,
    Membership,
    Minute,
    Panel,
    PartnerReport,
    Person,
    PoliticalGroup,
    WorkProgrammeItem,
)

LONDON = ZoneInfo("Europe/London")

# The scorecard as the meetings' freeze service stores it (panels.services.meetings.scorecard_freeze):
# flat rows with the figures already as text; one hidden (it rests on a count of 1 to 5).
FROZEN = [
    {
        "theme": "How many children are in our care",
        "indicator": "cla",
        "title": "Children looked after",
        "figure": "212",
        "suppressed": False,
        "as_at": "31 Jan 2026",
        "target": "",
        "rag": "",
    },
    {
        "theme": "Health",
        "indicator": "health_assessment_pct",
        "title": "Annual health assessment done",
        "figure": "88.5%",
        "suppressed": False,
        "as_at": "31 Mar 2025",
        "target": "95.0% or more",
        "rag": "red",
    },
    {
        "theme": "Health",
        "indicator": "dental_check_pct",
        "title": "Dental check done",
        "figure": "hidden",
        "suppressed": True,
        "as_at": "31 Mar 2025",
        "target": "",
        "rag": "",
    },
]


@dataclass
class PackWorld:
    panel: Panel
    previous: Meeting
    cancelled: Meeting
    meeting: Meeting
    clerk: User
    health: Organisation


def at(y: int, m: int, d: int, hour: int = 18) -> datetime:
    return datetime(y, m, d, hour, 0, tzinfo=LONDON)


def build_pack_world() -> PackWorld:
    clerk = User.objects.create(username="clerk", role="officer")
    health = Organisation.objects.create(name="Riverside Integrated Care Board", kind="health")
    housing = Organisation.objects.create(name="Riverside Homes", kind="housing")
    labour = PoliticalGroup.objects.create(name="Labour", council_seats=30)
    conservative = PoliticalGroup.objects.create(name="Conservative", council_seats=15)
    panel = Panel.objects.create(name="Corporate Parenting Panel", size=5)

    brown = Person.objects.create(
        name="Cllr Ada Brown", kind="councillor", political_group=labour, ward="Riverside"
    )
    cole = Person.objects.create(
        name="Cllr Ben Cole", kind="councillor", political_group=conservative, ward="Hilltop"
    )
    shah = Person.objects.create(
        name="Dr Priya Shah",
        kind="partner",
        organisation=health,
        job_title="Designated Nurse for Children in Care",
    )
    young = Person.objects.create(name="Jo Young", kind="young_person")
    gone = Person.objects.create(name="Cllr Zed Former", kind="councillor", political_group=labour)
    seat = dict(panel=panel, start_date=date(2025, 5, 20))
    Membership.objects.create(
        person=brown, seat_kind="councillor", political_group=labour, role="chair", **seat
    )
    Membership.objects.create(
        person=cole, seat_kind="councillor", political_group=conservative, role="vice_chair", **seat
    )
    Membership.objects.create(person=shah, seat_kind="partner", role="member", voting=False, **seat)
    Membership.objects.create(person=young, seat_kind="young_person", role="member", voting=False, **seat)
    Membership.objects.create(
        person=None, seat_kind="councillor", political_group=labour, role="member", **seat
    )
    Membership.objects.create(
        person=gone,
        seat_kind="councillor",
        political_group=labour,
        role="member",
        panel=panel,
        start_date=date(2025, 5, 20),
        end_date=date(2026, 2, 1),
    )

    previous = Meeting.objects.create(
        panel=panel, starts_at=at(2026, 1, 15), location="Town Hall", status="held"
    )
    cancelled = Meeting.objects.create(panel=panel, starts_at=at(2026, 2, 10), status="cancelled")
    meeting = Meeting.objects.create(
        panel=panel,
        starts_at=at(2026, 3, 12),
        location="Committee Room 1, Town Hall",
        frozen_scorecard=FROZEN,
        frozen_at=at(2026, 3, 2, 9),
    )

    # The previous meeting: attendance, agenda and minutes with a resolution.
    Attendance.objects.create(meeting=previous, person=brown, status="present")
    Attendance.objects.create(meeting=previous, person=shah, status="present")
    Attendance.objects.create(meeting=previous, person=cole, status="apologies")
    p_items = [
        AgendaItem.objects.create(meeting=previous, order=n, kind=kind, title=title)
        for n, (kind, title) in enumerate(
            [
                ("apologies", "Apologies for absence"),
                ("voice", "Voice of children and young people"),
                ("report", "Education of children in care"),
            ],
            start=1,
        )
    ]
    Minute.objects.create(meeting=previous, agenda_item=p_items[0], text="Apologies from Cllr Ben Cole.")
    Minute.objects.create(
        meeting=previous, agenda_item=p_items[1], text="Members of the CiCC spoke about pocket money."
    )
    Minute.objects.create(
        meeting=previous,
        agenda_item=p_items[2],
        text="The Virtual School Head presented attendance figures.",
        resolution="That the panel notes the report and asks for termly updates.",
    )

    # The work programme: one item presented last time (not shown), three to come.
    WorkProgrammeItem.objects.create(
        panel=panel,
        theme="education",
        title="Virtual School annual report",
        meeting=previous,
        status="presented",
        due_date=date(2026, 1, 5),
    )
    mental = WorkProgrammeItem.objects.create(
        panel=panel,
        theme="mental health",
        title="Emotional wellbeing and mental health services",
        partner=health,
        meeting=meeting,
        status="received",
        due_date=date(2026, 2, 26),
    )
    voice = WorkProgrammeItem.objects.create(
        panel=panel,
        theme="voice",
        title="What the Children in Care Council told us",
        meeting=meeting,
        status="received",
        due_date=date(2026, 2, 26),
        partner=health,
    )
    WorkProgrammeItem.objects.create(
        panel=panel,
        theme="housing",
        title="Housing for care leavers",
        partner=housing,
        status="requested",
        due_date=date(2026, 6, 1),
    )
    PartnerReport.objects.create(
        item=mental,
        organisation=health,
        title="Mental health services update",
        summary="Waiting times for first appointments fell to 9 weeks.",
        submitted_by=clerk,
    )
    PartnerReport.objects.create(
        item=voice,
        organisation=health,
        title="Young people on health checks",
        summary="Young people asked for health checks at school, not at clinics.",
        submitted_by=clerk,
    )

    # This meeting's agenda: standing items and the deep dive.
    for n, (kind, title, fwp, presenter) in enumerate(
        [
            ("apologies", "Apologies for absence", None, ""),
            ("declarations", "Declarations of interest", None, ""),
            ("minutes", "Minutes of the last meeting", None, ""),
            ("action_log", "Action log", None, ""),
            ("scorecard", "Performance scorecard", None, "Head of Service"),
            ("voice", "Voice of children and young people", voice, "Participation worker"),
            ("report", "Emotional wellbeing and mental health services", mental, ""),
            ("fwp", "Forward work programme", None, ""),
        ],
        start=1,
    ):
        AgendaItem.objects.create(
            meeting=meeting, order=n, kind=kind, title=title, fwp_item=fwp, presenter=presenter
        )

    # The action log: open and overdue, in progress, closed since the last meeting (shown),
    # closed before it (not shown).
    overdue = Action.objects.create(
        panel=panel,
        raised_at=previous,
        owner_organisation=health,
        description="Share health assessment timeliness by team",
        due_date=date(2026, 2, 1),
        created_by=clerk,
    )
    ActionUpdate.objects.create(
        action=overdue, text="Data requested from the provider", status="open", by=clerk
    )
    Action.objects.create(
        panel=panel,
        raised_at=previous,
        owner_person=brown,
        status="in_progress",
        description="Write to schools about pocket money for children in care",
        due_date=date(2026, 4, 30),
        created_by=clerk,
    )
    Action.objects.create(
        panel=panel,
        raised_at=previous,
        owner_person=cole,
        status="done",
        description="Visit the new children's home",
        due_date=date(2026, 2, 28),
        closed_on=date(2026, 2, 20),
        created_by=clerk,
    )
    Action.objects.create(
        panel=panel,
        raised_at=None,
        owner_person=brown,
        status="done",
        description="Agree the panel's terms of reference",
        due_date=date(2025, 12, 1),
        closed_on=date(2026, 1, 10),
        created_by=clerk,
    )
    return PackWorld(
        panel=panel, previous=previous, cancelled=cancelled, meeting=meeting, clerk=clerk, health=health
    )


@pytest.fixture
def world(db: None) -> PackWorld:
    return build_pack_world()
