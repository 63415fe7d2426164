"""The demo panel: seeded once (a second run adds nothing), with past meetings, open and overdue
actions, an answered and an overdue question, six themes and the next meeting's agenda built."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.utils import timezone

from corparent.accounts.models import User
from corparent.accounts.roles import Role
from corparent.demo.panels import demo_panels_seed
from corparent.panels.models import Meeting, Panel, PartnerReport, Person, WorkProgrammeItem
from corparent.panels.selectors import actions as action_selectors
from corparent.panels.selectors import meetings as meeting_selectors
from corparent.panels.selectors.effectiveness import Ratio, meeting_figures


def test_the_demo_panel_is_seeded_once_with_a_past_and_a_next_meeting(
    people: dict[Role, User], settings: Any, tmp_path: Path
) -> None:
    settings.FILE_STORE = tmp_path / "files"
    created = demo_panels_seed(people=people)
    assert created == {
        "panels": 1,
        "meetings": 3,
        "actions": 5,
        "questions": 2,
        "work_programme": 6,
        "papers": 1,
    }
    assert set(demo_panels_seed(people=people).values()) == {0}
    panel = Panel.objects.get()
    today = timezone.localdate()
    held = list(Meeting.objects.filter(panel=panel, status="held").order_by("starts_at"))
    assert len(held) == 2 and all(meeting_selectors.quorum(meeting=m).quorate for m in held)
    nxt = meeting_selectors.meeting_next(panel=panel)
    assert nxt is not None and nxt.agenda.count() == 9  # 7 standing items and the two reports planned
    log = list(action_selectors.action_log_for(meeting=nxt))
    assert len(log) == 3 and sum(action_selectors.is_overdue(a, today=today) for a in log) == 1
    assert WorkProgrammeItem.objects.filter(status="received").count() == 1
    assert PartnerReport.objects.get(item__status="received").submitted_by == people[Role.PARTNER]
    # How well the panel works: the police's report came on time, housing's late; at the second
    # meeting the police partner and the young person sent apologies
    first, second = (meeting_figures(meeting=m) for m in held)
    assert first.values["partner_reports_on_time"] == Ratio(1, 1)
    assert second.values["partner_reports_on_time"] == Ratio(0, 1)
    assert first.values["partner_attendance"] == Ratio(3, 3)
    assert second.values["partner_attendance"] == Ratio(2, 3)
    assert second.values["young_people_participation"] == Ratio(0, 1)
    assert second.substitutes_present == 1
    # The demo sign-ins are linked to panel people
    assert Person.objects.get(user=people[Role.MEMBER]).kind == "councillor"
    assert Person.objects.get(user=people[Role.PARTNER]).organisation == people[Role.PARTNER].organisation
    assert Person.objects.get(user=people[Role.YOUNG_PERSON]).kind == "young_person"
