"""Seeding the demo's Corporate Parenting Panel: its constitution, two past meetings with attendance,
minutes, actions and questions, a forward work programme of six themes (one report in), and the next
meeting scheduled with its agenda built.

Idempotent: when the panel is there already nothing is added. The constitution is made as rows (the
council's composition and the panel's seats are fixed here, balanced by LGHA 1989 s15); the meetings,
actions, questions and work programme go through the panels app's services, as democratic services
would enter them. Dates are relative to today, so the demo always has a past and a next meeting."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from corparent.accounts.models import Organisation, User
from corparent.accounts.roles import Role
from corparent.panels.models import (
    AgendaItem,
    BalanceSettings,
    Meeting,
    Membership,
    Panel,
    PartnerReport,
    Person,
    PoliticalGroup,
    TermsOfReference,
)
from corparent.panels.services import actions as action_services
from corparent.panels.services import meetings as meeting_services
from corparent.panels.services import questions as question_services
from corparent.panels.services import work_programme as fwp_services

PANEL_NAME = "Corporate Parenting Panel"
# The council: 60 councillors. On a panel of 7 each group's share is 7 x seats / 60: Labour 3.85,
# Conservative 2.10, Liberal Democrat 1.05; whole numbers 3 + 2 + 1 = 6, the seventh seat to the
# largest remainder (Labour): 4, 2, 1. Labour has a majority of the council and of the panel.
GROUPS = (("Labour", 33), ("Conservative", 18), ("Liberal Democrat", 9))
COUNCILLORS = (
    # name, group, ward, role on the panel
    ("Cllr Morgan Member", "Labour", "Riverside", Membership.Role.CHAIR),
    ("Cllr Sam Okafor", "Labour", "Northgate", Membership.Role.VICE_CHAIR),
    ("Cllr Rhiannon Price", "Labour", "Millbrook", Membership.Role.MEMBER),
    ("Cllr Tom Hughes", "Labour", "Eastfield", Membership.Role.MEMBER),
    ("Cllr Janet Carter", "Conservative", "Westbury", Membership.Role.MEMBER),
    ("Cllr Imran Shah", "Conservative", "Hillside", Membership.Role.MEMBER),
    ("Cllr Helen Moss", "Liberal Democrat", "Old Town", Membership.Role.MEMBER),
)
SUBSTITUTE = ("Cllr Gareth Lewis", "Labour", "Southmead")
LEAD_MEMBER = ("Cllr Anne Baxter", "Labour", "Castle")  # the lead member: a participating observer
ORGANISATIONS = (
    ("Northshire Housing Services (synthetic)", "housing"),
    ("Northshire Police (synthetic)", "police"),
    ("Northshire College (synthetic)", "education"),
)
TERMS = (
    "To make sure Northshire County Council acts as a good corporate parent to every child in its care "
    "and every care leaver: to hear from them, to look at how they are doing, and to hold the council "
    "and its partners to account for what they have promised."
)


def _org(name: str, kind: str) -> Organisation:
    org, _ = Organisation.objects.get_or_create(name=name, defaults={"kind": kind})
    return org


def _person(name: str, kind: str, **fields: object) -> Person:
    person = Person.objects.filter(name=name).first()
    return person or Person.objects.create(name=name, kind=kind, **fields)


def _link(person: Person, user: User | None) -> None:
    """Link a demo sign-in to a panel person, unless either is linked already."""
    if user is None or person.user_id is not None or Person.objects.filter(user=user).exists():
        return
    person.user = user
    person.save(update_fields=["user"])


def _at(day: dt.date, hour: int = 17, minute: int = 30) -> dt.datetime:
    return timezone.make_aware(dt.datetime(day.year, day.month, day.day, hour, minute))


def demo_panels_seed(*, people: dict[Role, User], today: dt.date | None = None) -> dict[str, int]:
    """Seed the demo panel (nothing when it is there already); returns what was created, by kind."""
    if Panel.objects.filter(name=PANEL_NAME).exists():
        return {"panels": 0, "meetings": 0, "actions": 0, "questions": 0, "work_programme": 0, "papers": 0}
    with transaction.atomic():
        return _seed(people=people, today=today or timezone.localdate())


def _seed(*, people: dict[Role, User], today: dt.date) -> dict[str, int]:
    officer = people[Role.OFFICER]
    health = people[Role.PARTNER].organisation or _org(
        "Northshire Integrated Care Board (synthetic)", "health"
    )
    housing, police, college = (_org(n, k) for n, k in ORGANISATIONS)
    groups = {}
    for name, seats in GROUPS:
        groups[name], _ = PoliticalGroup.objects.get_or_create(name=name, defaults={"council_seats": seats})
    if not BalanceSettings.objects.exists():
        BalanceSettings.objects.create(council_seats=sum(s for _, s in GROUPS), ungrouped_councillors=0)

    started = today - dt.timedelta(days=365)
    panel = Panel.objects.create(name=PANEL_NAME, size=len(COUNCILLORS))
    TermsOfReference.objects.create(
        panel=panel,
        version=1,
        purpose=TERMS,
        quorum=3,
        frequency="every two months",
        reporting_line="reports to Cabinet, and to Full Council once a year",
        approved_by="Full Council",
        approved_on=started,
        created_by=officer,
    )
    councillors: list[Person] = []
    for name, group, ward, role in COUNCILLORS:
        person = _person(
            name,
            Person.Kind.COUNCILLOR,
            political_group=groups[group],
            ward=ward,
            email=f"{name.split()[-1].lower()}@northshire.example.org",
        )
        councillors.append(person)
        Membership.objects.create(
            panel=panel,
            person=person,
            seat_kind=person.kind,
            political_group=groups[group],
            role=role,
            start_date=started,
        )
    _link(councillors[0], people.get(Role.MEMBER))
    lead = _person(
        LEAD_MEMBER[0], Person.Kind.COUNCILLOR, political_group=groups[LEAD_MEMBER[1]], ward=LEAD_MEMBER[2]
    )
    Membership.objects.create(
        panel=panel,
        person=lead,
        seat_kind=lead.kind,
        role=Membership.Role.OBSERVER,
        voting=False,
        start_date=started,
    )
    substitute = _person(
        SUBSTITUTE[0], Person.Kind.COUNCILLOR, political_group=groups[SUBSTITUTE[1]], ward=SUBSTITUTE[2]
    )
    non_voting = [
        _person(
            "Pat Partner",
            Person.Kind.PARTNER,
            organisation=health,
            job_title="Designated nurse for looked-after children",
        ),
        _person(
            "Dee Housing", Person.Kind.PARTNER, organisation=housing, job_title="Head of housing options"
        ),
        _person(
            "Inspector Kay Lowe", Person.Kind.PARTNER, organisation=police, job_title="Safeguarding lead"
        ),
        _person("Jordan", Person.Kind.YOUNG_PERSON),
        _person("Chris Foster", Person.Kind.FOSTER_CARER),
    ]
    _link(non_voting[0], people.get(Role.PARTNER))
    _link(non_voting[3], people.get(Role.YOUNG_PERSON))
    for person in non_voting:
        Membership.objects.create(
            panel=panel, person=person, seat_kind=person.kind, voting=False, start_date=started
        )
    olu = _person(
        "Olu Officer",
        Person.Kind.OFFICER,
        job_title="Democratic services officer",
        email="olu@northshire.example.org",
    )
    _link(olu, officer)

    first_day, second_day, next_day = (
        today - dt.timedelta(days=119),
        today - dt.timedelta(days=56),
        today + dt.timedelta(days=21),
    )
    fwp = [
        ("Housing", "Suitable housing for care leavers", housing, second_day - dt.timedelta(days=14)),
        (
            "Mental health",
            "Waiting times for children's mental health services",
            health,
            next_day - dt.timedelta(days=14),
        ),
        (
            "Transitions to adulthood",
            "Moving to adult social care at 18",
            None,
            next_day + dt.timedelta(days=50),
        ),
        ("Education", "Care leavers at college and university", college, next_day + dt.timedelta(days=50)),
        ("Community safety", "Children in care going missing and exploitation", police, first_day),
        (
            "Leisure and culture",
            "Free leisure passes for children in care",
            None,
            next_day + dt.timedelta(days=110),
        ),
    ]
    items = [
        fwp_services.fwp_item_save(user=officer, panel=panel, theme=t, title=title, partner=p, due_date=d)
        for t, title, p, d in fwp
    ]
    counts = {"panels": 1, "meetings": 0, "actions": 0, "questions": 0, "work_programme": len(items)}

    # The police's report came ten days before it was due, housing's five days late
    for index, title, summary, submitted in (
        (
            4,
            "Children in care going missing: the year",
            "Missing episodes fell by a fifth; every child was offered a return home interview.",
            first_day - dt.timedelta(days=10),
        ),
        (
            0,
            "Housing for care leavers",
            "Forty care leavers moved into their own tenancy this year; none were placed in bed and "
            "breakfast.",
            fwp[0][3] + dt.timedelta(days=5),
        ),
    ):
        report = fwp_services.partner_report_submit(
            user=officer, item=items[index], title=title, summary=summary
        )
        PartnerReport.objects.filter(pk=report.pk).update(submitted_at=_at(submitted, 10, 0))

    # The first meeting: the community safety deep dive presented
    first = meeting_services.meeting_schedule(
        user=officer, panel=panel, starts_at=_at(first_day), location="Council Chamber"
    )
    fwp_services.fwp_item_save(
        user=officer,
        panel=panel,
        item=items[4],
        theme=fwp[4][0],
        title=fwp[4][1],
        partner=police,
        meeting=first,
        due_date=fwp[4][3],
        status="presented",
    )
    # The second: housing presented
    second = meeting_services.meeting_schedule(
        user=officer, panel=panel, starts_at=_at(second_day), location="Committee Room 1"
    )
    fwp_services.fwp_item_save(
        user=officer,
        panel=panel,
        item=items[0],
        theme=fwp[0][0],
        title=fwp[0][1],
        partner=housing,
        meeting=second,
        due_date=fwp[0][3],
        status="presented",
    )
    # Apologies: a councillor at each (a substitute comes to the second), and at the second the police
    # partner and Jordan, the young person, too
    for meeting, apologies in (
        (first, [councillors[3]]),
        (second, [councillors[5], non_voting[2], non_voting[3]]),
    ):
        entries = [(p, "present", None) for p in (*councillors, lead, *non_voting) if p not in apologies]
        entries += [(p, "apologies", None) for p in apologies]
        if meeting == second:
            entries.append((substitute, "present", apologies[0]))
        meeting_services.attendance_record(user=officer, meeting=meeting, entries=entries)
    _minutes(officer, first, "Inspector Lowe reported that missing episodes fell by a fifth over the year.")
    _minutes(officer, second, "Dee Housing presented the housing pathway for care leavers.")
    for meeting in (first, second):
        meeting_services.meeting_status_set(user=officer, meeting=meeting, status=Meeting.Status.HELD)

    def act(meeting: Meeting, text: str, due: dt.date, **owner: object) -> object:
        counts["actions"] += 1
        return action_services.action_create(
            user=officer,
            panel=panel,
            meeting=meeting,
            description=text,
            due_date=due,
            **owner,  # type: ignore[arg-type]
        )

    done = act(
        first,
        "Share the return-home interview figures with the panel",
        first_day + dt.timedelta(days=30),
        owner_organisation=police,
    )
    action_services.action_update(
        user=officer,
        action=done,
        text="Circulated by email.",
        status="done",
        today=first_day + dt.timedelta(days=20),
    )  # type: ignore[arg-type]
    act(
        first,
        "Report on dental checks for children placed out of county",
        today - dt.timedelta(days=10),
        owner_organisation=health,
    )
    progress = act(
        second,
        "Set up a housing panel for care leavers at 17 and a half",
        today + dt.timedelta(days=40),
        owner_organisation=housing,
    )
    action_services.action_update(
        user=officer, action=progress, text="Terms of reference drafted.", status="in_progress"
    )  # type: ignore[arg-type]
    act(
        second,
        "Arrange a visit by members to a children's home",
        today + dt.timedelta(days=15),
        owner_person=olu,
    )
    done2 = act(
        second,
        "Add care leavers' council tax exemption to the local offer",
        second_day + dt.timedelta(days=14),
        owner_person=olu,
    )
    action_services.action_update(
        user=officer,
        action=done2,
        text="On the local offer page.",
        status="done",
        today=second_day + dt.timedelta(days=10),
    )  # type: ignore[arg-type]

    answered = question_services.question_raise(
        user=officer,
        panel=panel,
        meeting=second,
        asked_by=councillors[4],
        answerer=non_voting[1],
        text="How many care leavers were placed in bed and breakfast this year?",
        answer_by=second_day + dt.timedelta(days=21),
    )
    question_services.question_answer(
        user=officer,
        question=answered,
        answer="None since April: the emergency flat is used instead.",
        today=second_day + dt.timedelta(days=12),
    )
    question_services.question_raise(
        user=officer,
        panel=panel,
        meeting=second,
        asked_by=councillors[6],
        answerer=non_voting[0],
        text="Why are fewer children having their dental checks on time?",
        answer_by=today - dt.timedelta(days=7),
        indicator_id="dental_check_pct",
    )
    counts["questions"] = 2

    # The next meeting: mental health and education planned, the mental health report in already
    nxt = meeting_services.meeting_schedule(
        user=officer, panel=panel, starts_at=_at(next_day), location="Council Chamber"
    )
    for index in (1, 3):
        fwp_services.fwp_item_save(
            user=officer,
            panel=panel,
            item=items[index],
            theme=fwp[index][0],
            title=fwp[index][1],
            partner=fwp[index][2],
            due_date=fwp[index][3],
            meeting=nxt,
        )
    fwp_services.partner_report_submit(
        user=people[Role.PARTNER] if people[Role.PARTNER].organisation_id == health.pk else officer,
        item=items[1],
        title="Children's mental health services: waiting times",
        summary="Children in care now wait 6 weeks on average for a first appointment, down from 14, after a "
        "dedicated clinic started in the spring.",
    )
    meeting_services.paper_attach(
        user=officer,
        meeting=nxt,
        title="Agenda front sheet",
        upload=SimpleUploadedFile(
            "agenda-front-sheet.txt",
            (
                f"{PANEL_NAME}, {next_day:%d %B %Y}, Council Chamber.\n"
                + "\n".join(f"{i.order}. {i.title}" for i in nxt.agenda.order_by("order"))
            ).encode("utf-8"),
            content_type="text/plain",
        ),
    )
    counts["papers"] = 1
    for meeting in (second, nxt):
        try:
            meeting_services.scorecard_freeze(user=officer, meeting=meeting)
        except ValidationError:
            break  # no scorecard published yet: the meetings go without one
    counts["meetings"] = 3
    return counts


def _minutes(officer: User, meeting: Meeting, report_minute: str) -> None:
    texts = {
        AgendaItem.Kind.APOLOGIES: ("Apologies were received and noted.", ""),
        AgendaItem.Kind.DECLARATIONS: ("No declarations of interest were made.", ""),
        AgendaItem.Kind.MINUTES: (
            "The minutes of the last meeting were agreed as a correct record.",
            "Agreed.",
        ),
        AgendaItem.Kind.ACTION_LOG: ("The panel reviewed the open actions.", "Noted the action log."),
        AgendaItem.Kind.SCORECARD: (
            "Members asked about dental checks and placements outside the county.",
            "Noted the scorecard and asked for a report on dental checks.",
        ),
        AgendaItem.Kind.VOICE: (
            "Members of the Children in Care Council spoke about bus passes and contact with brothers "
            "and sisters.",
            "Thanked the young people and asked officers to look at bus passes.",
        ),
        AgendaItem.Kind.REPORT: (report_minute, "Noted the report."),
        AgendaItem.Kind.FWP: ("The panel agreed its forward work programme.", "Agreed."),
    }
    entries = [(item, *texts.get(item.kind, ("Discussed.", ""))) for item in meeting.agenda.order_by("order")]
    meeting_services.minutes_record(user=officer, meeting=meeting, entries=entries)
