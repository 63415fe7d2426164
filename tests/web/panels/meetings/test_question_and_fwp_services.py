"""Questions members raise and who answers them; the forward work programme and partners' reports."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from corparent.accounts.roles import Role
from corparent.panels.models import PartnerReport, Question, WorkProgrammeItem
from corparent.panels.selectors import actions as action_selectors
from corparent.panels.selectors import meetings as meeting_selectors
from corparent.panels.services import questions as question_services
from corparent.panels.services import work_programme as fwp_services
from tests.web.panels.meetings.conftest import Brookfield


def test_a_member_asks_as_themselves_and_the_partner_answers(brookfield: Brookfield) -> None:
    b = brookfield
    member, partner = b.users[Role.MEMBER], b.users[Role.PARTNER]
    q = question_services.question_raise(
        user=member,
        panel=b.panel,
        text="Why are dental checks falling?",
        asked_by=b.people["dale"],  # ignored: a member cannot ask in someone else's name
        answerer=b.people["pat"],
        answer_by=dt.date(2026, 7, 1),
        indicator_id="dental_check_pct",
    )
    assert q.asked_by == b.people["ash"]
    assert action_selectors.question_is_overdue(q, today=dt.date(2026, 7, 2))
    question_services.question_answer(
        user=partner, question=q, answer="A new dental pathway starts in August.", today=dt.date(2026, 7, 3)
    )
    q.refresh_from_db()
    assert (q.answered_on, action_selectors.question_is_overdue(q, today=dt.date(2026, 8, 1))) == (
        dt.date(2026, 7, 3),
        False,
    )


def test_questions_are_refused_clearly(brookfield: Brookfield) -> None:
    b = brookfield
    # An officer with no panel person may record one for a member; with a bad indicator it is refused
    with pytest.raises(ValidationError) as refused:
        question_services.question_raise(
            user=b.officer, panel=b.panel, text="?", asked_by=b.people["dale"], indicator_id="no_such"
        )
    assert refused.value.message_dict == {"indicator_id": ["There is no indicator called 'no_such'."]}
    with pytest.raises(PermissionDenied):
        question_services.question_raise(user=b.users[Role.YOUNG_PERSON], panel=b.panel, text="Why?")
    q = question_services.question_raise(
        user=b.officer, panel=b.panel, text="Housing?", asked_by=b.people["dale"], answerer=b.people["harper"]
    )
    assert q.asked_by == b.people["dale"]
    # The health partner may not answer a question put to the housing partner
    with pytest.raises(PermissionDenied):
        question_services.question_answer(user=b.users[Role.PARTNER], question=q, answer="Not ours")
    assert Question.objects.get(pk=q.pk).answer == ""


def test_a_partner_submits_the_report_asked_of_it_and_the_item_is_received(brookfield: Brookfield) -> None:
    b = brookfield
    meeting = b.meeting(dt.date(2026, 9, 10))
    item = fwp_services.fwp_item_save(
        user=b.officer,
        panel=b.panel,
        theme="Health",
        title="Health assessments on time",
        partner=b.health,
        meeting=meeting,
        due_date=dt.date(2026, 8, 20),
    )
    assert item.status == WorkProgrammeItem.Status.REQUESTED
    other = fwp_services.fwp_item_save(
        user=b.officer, panel=b.panel, theme="Housing", title="Care leavers' housing", partner=b.housing
    )
    partner = b.users[Role.PARTNER]
    with pytest.raises(PermissionDenied):
        fwp_services.partner_report_submit(user=partner, item=other, title="x", summary="y")
    with pytest.raises(ValidationError) as refused:
        fwp_services.partner_report_submit(user=partner, item=item, title="", summary="")
    assert set(refused.value.message_dict) == {"title", "summary"}
    report = fwp_services.partner_report_submit(
        user=partner, item=item, title="Health assessments", summary="92% on time, up from 80%."
    )
    item.refresh_from_db()
    assert item.status == WorkProgrammeItem.Status.RECEIVED
    assert (report.organisation, PartnerReport.objects.count()) == (b.health, 1)


def test_an_item_planned_for_a_scheduled_meeting_joins_its_agenda_once(brookfield: Brookfield) -> None:
    from corparent.panels.services.meetings import meeting_schedule
    from tests.web.panels.meetings.conftest import at

    b = brookfield
    meeting = meeting_schedule(user=b.officer, panel=b.panel, starts_at=at(dt.date(2026, 9, 10)))
    item = fwp_services.fwp_item_save(
        user=b.officer, panel=b.panel, theme="Education", title="Virtual school report", meeting=meeting
    )
    fwp_services.fwp_item_save(
        user=b.officer,
        panel=b.panel,
        item=item,
        theme="Education",
        title="Virtual school report",
        meeting=meeting,
        status="presented",
    )
    titles = [i.title for i in meeting_selectors.agenda(meeting=meeting)]
    assert titles[-2:] == ["Virtual school report", "Forward work programme"]
    assert titles.count("Virtual school report") == 1
