"""The demo panel's business: a forward work programme of six themes (two partners' reports in for
the past meetings, one late, and the health partner's for the next), two past meetings with
attendance (apologies, a substitute), minutes, actions and questions, and the next meeting scheduled
with its agenda built and a paper attached. Entered through the panels app's services, as democratic
services would; dates are relative to today."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from corparent.accounts.models import Organisation, User
from corparent.accounts.roles import Role
from corparent.panels.models import AgendaItem, Meeting, Panel, PartnerReport, Person
from corparent.panels.services import actions as action_services
from corparent.panels.services import meetings as meeting_services
from corparent.panels.services import questions as question_services
from corparent.panels.services import work_programme as fwp_services


@dataclass(frozen=True)
class Cast:
    """The panel and the people and organisations its business involves."""

    panel: Panel
    officer: User
    councillors: list[Person]
    lead: Person
    substitute: Person
    non_voting: list[Person]  # the health, housing and police partners, the young person, the carer
    olu: Person
    health: Organisation
    housing: Organisation
    police: Organisation
    college: Organisation


def _at(day: dt.date, hour: int = 17, minute: int = 30) -> dt.datetime:
    return timezone.make_aware(dt.datetime(day.year, day.month, day.day, hour, minute))


def panel_business_seed(*, cast: Cast, people: dict[Role, User], today: dt.date) -> dict[str, int]:
    """Seed the panel's meetings, actions, questions and work programme; returns counts by kind."""
    panel, officer = cast.panel, cast.officer
    councillors, lead, substitute, non_voting, olu = (
        cast.councillors,
        cast.lead,
        cast.substitute,
        cast.non_voting,
        cast.olu,
    )
    health, housing, police, college = cast.health, cast.housing, cast.police, cast.college
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
                f"{panel.name}, {next_day:%d %B %Y}, Council Chamber.\n"
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
