"""The action log: open actions come back at the next meeting by themselves (read, never copied),
overdue ones are flagged and their owners reminded once a day; a partner updates only its own."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command

from corparent.accounts.models import AuditEvent
from corparent.accounts.roles import Role
from corparent.accounts.services import user_create
from corparent.panels.models import Action, ActionUpdate
from corparent.panels.selectors import actions as selectors
from corparent.panels.services import actions as services
from tests.web.panels.meetings.conftest import Brookfield

MAY, JULY, SEPT = dt.date(2026, 5, 14), dt.date(2026, 7, 9), dt.date(2026, 9, 10)


def raise_action(b: Brookfield, meeting: Any, text: str, due: dt.date, **owner: Any) -> Action:
    owner = owner or {"owner_organisation": b.health}
    return services.action_create(
        user=b.officer, panel=b.panel, meeting=meeting, description=text, due_date=due, **owner
    )


def log(meeting: Any) -> list[str]:
    return [a.description for a in selectors.action_log_for(meeting=meeting)]


def test_open_actions_return_at_the_next_meeting_until_they_are_done(brookfield: Brookfield) -> None:
    b = brookfield
    may, july, sept = b.meeting(MAY, "held"), b.meeting(JULY, "held"), b.meeting(SEPT)
    # Given two actions raised in May, and one in July
    dental = raise_action(b, may, "Dental checks plan", dt.date(2026, 6, 30))
    housing = raise_action(
        b, may, "Housing register review", dt.date(2026, 6, 30), owner_organisation=b.housing
    )
    raise_action(b, july, "Report on missing episodes", dt.date(2026, 8, 31))
    # And the housing action is done on 1 August, after the July meeting
    services.action_update(
        user=b.officer, action=housing, text="Reviewed.", status="done", today=dt.date(2026, 8, 1)
    )
    # Then May's own log has nothing; July's has both May actions (the housing one was open then)
    assert log(may) == []
    assert sorted(log(july)) == ["Dental checks plan", "Housing register review"]
    # And September's has what is still open: the dental plan and July's action, not the done one
    assert sorted(log(sept)) == ["Dental checks plan", "Report on missing episodes"]
    # Nothing was copied: each action is one row
    assert Action.objects.count() == 3
    assert dental.raised_at == may


def test_overdue_means_open_and_past_its_due_date(brookfield: Brookfield) -> None:
    b = brookfield
    may = b.meeting(MAY, "held")
    due = dt.date(2026, 6, 30)
    open_one = raise_action(b, may, "Open", due)
    done_one = raise_action(b, may, "Done", due)
    services.action_update(user=b.officer, action=done_one, text="Done.", status="done", today=due)
    assert not selectors.is_overdue(open_one, today=due)  # due today: not yet overdue
    assert selectors.is_overdue(open_one, today=due + dt.timedelta(days=1))
    assert not selectors.is_overdue(done_one, today=due + dt.timedelta(days=1))
    assert [a.description for a in selectors.actions_overdue(today=dt.date(2026, 7, 1))] == ["Open"]


def test_a_partner_updates_its_own_organisations_actions_only(brookfield: Brookfield) -> None:
    b = brookfield
    may = b.meeting(MAY, "held")
    ours = raise_action(b, may, "Health assessments", dt.date(2026, 6, 30))
    by_pat = raise_action(b, may, "Pat to send figures", dt.date(2026, 6, 30), owner_person=b.people["pat"])
    theirs = raise_action(b, may, "Housing", dt.date(2026, 6, 30), owner_organisation=b.housing)
    partner = b.users[Role.PARTNER]
    services.action_update(user=partner, action=ours, text="Two nurses funded.", status="in_progress")
    services.action_update(
        user=partner, action=by_pat, text="Sent.", status="done", today=dt.date(2026, 6, 2)
    )
    with pytest.raises(PermissionDenied):
        services.action_update(user=partner, action=theirs, text="Not ours", status="done")
    theirs.refresh_from_db()
    assert theirs.status == "open" and not ActionUpdate.objects.filter(action=theirs).exists()
    by_pat.refresh_from_db()
    assert (by_pat.status, by_pat.closed_on) == ("done", dt.date(2026, 6, 2))
    # Reopening clears the closing date
    services.action_update(user=b.officer, action=by_pat, text="Figures were wrong.", status="open")
    by_pat.refresh_from_db()
    assert (by_pat.status, by_pat.closed_on) == ("open", None)
    # Members, young people and analysts may not update any
    for role in (Role.MEMBER, Role.YOUNG_PERSON, Role.ANALYST, Role.ADMIN):
        with pytest.raises(PermissionDenied):
            services.action_update(user=b.users[role], action=ours, text="x", status="done")
    assert AuditEvent.objects.filter(action="panels.action.update").count() == 3


def test_an_action_needs_an_owner_a_due_date_and_a_description(brookfield: Brookfield) -> None:
    b = brookfield
    with pytest.raises(ValidationError) as refused:
        services.action_create(user=b.officer, panel=b.panel, description=" ", due_date=None)
    assert set(refused.value.message_dict) == {"description", "due_date", "owner"}
    assert not Action.objects.exists()


def test_owners_of_overdue_actions_get_one_email_a_day(brookfield: Brookfield) -> None:
    b = brookfield
    may = b.meeting(MAY, "held")
    # Given the health board owns two overdue actions (its partner user has an email), Cllr Birch one,
    # Fran (no email address) one, and one action is not due yet
    partner = b.users[Role.PARTNER]
    partner.email = "pat@health.example.org"
    partner.save()
    user_create(
        username="nurse",
        password="x" * 12,
        role=Role.PARTNER,
        email="nurse@health.example.org",
        organisation=b.health,
    )
    raise_action(b, may, "Health assessments", dt.date(2026, 6, 1))
    raise_action(b, may, "Dental checks", dt.date(2026, 6, 15))
    raise_action(b, may, "Visit a children's home", dt.date(2026, 6, 10), owner_person=b.people["birch"])
    raise_action(b, may, "Carers' survey", dt.date(2026, 6, 10), owner_person=b.people["fran"])
    raise_action(b, may, "Not yet due", dt.date(2026, 12, 1))
    mail.outbox.clear()
    # When reminders run on 1 July
    done = services.actions_remind_overdue(today=dt.date(2026, 7, 1))
    # Then the board gets one email listing both actions (to both its people), Cllr Birch one
    assert (done.emails, done.actions, done.unreachable) == (2, 3, ["Fran Carer"])
    by_to = {tuple(m.to): m for m in mail.outbox}
    assert set(by_to) == {("nurse@health.example.org", "pat@health.example.org"), ("birch@example.org",)}
    board = by_to[("nurse@health.example.org", "pat@health.example.org")]
    assert board.subject == "2 overdue panel actions"
    assert (
        "Health assessments" in board.body and "Dental checks" in board.body and "30 days ago" in board.body
    )
    # When they run again the same day, nobody is emailed twice
    mail.outbox.clear()
    assert services.actions_remind_overdue(today=dt.date(2026, 7, 1)).emails == 0
    assert mail.outbox == []
    # And the next day they are reminded again (the actions are still overdue)
    assert services.actions_remind_overdue(today=dt.date(2026, 7, 2)).emails == 2


def test_the_command_and_the_task_send_the_reminders(brookfield: Brookfield, capsys: Any) -> None:
    from corparent.panels.tasks import overdue_actions_remind

    b = brookfield
    may = b.meeting(MAY, "held")
    raise_action(b, may, "Visit", dt.date(2026, 6, 10), owner_person=b.people["birch"])
    mail.outbox.clear()
    call_command("remind_overdue_actions", "--date", "2026-07-01")
    assert "Sent 1 reminder email(s) about 1 overdue action(s)." in capsys.readouterr().out
    assert len(mail.outbox) == 1
    Action.objects.update(last_reminded_on=None)
    result = overdue_actions_remind.enqueue()
    assert result.return_value["emails"] == 1  # type: ignore[index]
