"""Meetings: the agenda built from the standing items and the work programme, editing it, attendance
and quorum, minutes, papers and the frozen scorecard."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from corparent.accounts.models import AuditEvent
from corparent.accounts.roles import Role
from corparent.panels.models import AgendaItem, Attendance, Minute, Paper, WorkProgrammeItem
from corparent.panels.selectors import meetings as selectors
from corparent.panels.services import meetings as services
from tests.web.panels.meetings.conftest import Brookfield, at

STANDING = [
    "Apologies for absence",
    "Declarations of interest",
    "Minutes of the last meeting",
    "Action log",
    "Performance scorecard",
    "Voice of children and young people",
]


def titles(meeting: Any) -> list[str]:
    return [i.title for i in selectors.agenda(meeting=meeting)]


def test_a_new_meeting_gets_the_standing_items_then_its_work_programme_items(brookfield: Brookfield) -> None:
    # Given an earlier meeting, held on 14 May
    b = brookfield
    b.meeting(dt.date(2026, 5, 14), status="held")
    schedule = dict(user=b.officer, panel=b.panel, starts_at=at(dt.date(2026, 7, 9)), location="Room 1")
    # When the officer schedules the meeting of 9 July
    meeting = services.meeting_schedule(**schedule)  # type: ignore[arg-type]
    # Then its agenda is the standing items, the minutes item naming the last meeting, then the forward
    # work programme
    assert titles(meeting) == [
        *STANDING[:2],
        "Minutes of the meeting on 14 May 2026",
        *STANDING[3:],
        "Forward work programme",
    ]
    assert [i.order for i in selectors.agenda(meeting=meeting)] == list(range(1, 8))
    assert AuditEvent.objects.filter(
        action="panels.meeting.schedule", target=f"meeting:{meeting.pk}"
    ).exists()


def test_work_programme_items_planned_for_a_meeting_join_its_agenda_before_the_programme(
    brookfield: Brookfield,
) -> None:
    b = brookfield
    meeting = b.meeting(dt.date(2026, 9, 10))
    WorkProgrammeItem.objects.create(
        panel=b.panel,
        theme="Mental health",
        title="Waiting times for CAMHS",
        meeting=meeting,
        partner=b.health,
        due_date=dt.date(2026, 8, 20),
    )
    WorkProgrammeItem.objects.create(
        panel=b.panel,
        theme="Housing",
        title="Housing for care leavers",
        meeting=meeting,
        partner=b.housing,
        due_date=dt.date(2026, 8, 1),
    )
    services.agenda_build(meeting=meeting)
    agenda = list(selectors.agenda(meeting=meeting))
    assert [i.title for i in agenda][6:] == [
        "Housing for care leavers",
        "Waiting times for CAMHS",
        "Forward work programme",
    ]
    assert agenda[6].presenter == "Brookfield Housing" and agenda[6].kind == AgendaItem.Kind.REPORT
    # A second build is refused: the agenda is edited, not rebuilt over
    with pytest.raises(ValidationError):
        services.agenda_build(meeting=meeting)


def test_the_agenda_can_be_added_to_reordered_and_cut(brookfield: Brookfield) -> None:
    b = brookfield
    meeting = services.meeting_schedule(user=b.officer, panel=b.panel, starts_at=at(dt.date(2026, 7, 9)))
    # When an item is added, it goes before the forward work programme (still last)
    services.agenda_item_add(user=b.officer, meeting=meeting, title="Virtual school head's report")
    assert titles(meeting)[-2:] == ["Virtual school head's report", "Forward work programme"]
    # When it is moved up, it swaps with the voice item
    added = AgendaItem.objects.get(meeting=meeting, title="Virtual school head's report")
    services.agenda_item_move(user=b.officer, item=added, direction="up")
    assert titles(meeting)[4:7] == [
        "Performance scorecard",
        "Virtual school head's report",
        "Voice of children and young people",
    ]
    # When declarations are removed, the items are numbered 1 to 7 again
    services.agenda_item_remove(
        user=b.officer, item=AgendaItem.objects.get(meeting=meeting, kind="declarations")
    )
    assert "Declarations of interest" not in titles(meeting)
    assert [i.order for i in selectors.agenda(meeting=meeting)] == list(range(1, 8))


def test_only_those_who_run_the_panel_may_schedule_or_edit(brookfield: Brookfield) -> None:
    b = brookfield
    for role in (Role.MEMBER, Role.PARTNER, Role.YOUNG_PERSON, Role.ANALYST):
        with pytest.raises(PermissionDenied):
            services.meeting_schedule(user=b.users[role], panel=b.panel, starts_at=at(dt.date(2026, 7, 9)))
    assert not b.panel.meetings.exists()


def present(b: Brookfield, meeting: Any, *keys: str, status: str = "present") -> None:
    services.attendance_record(
        user=b.officer, meeting=meeting, entries=[(b.people[k], status, None) for k in keys]
    )


def test_quorum_counts_voting_members_present_and_substitutes_for_them(brookfield: Brookfield) -> None:
    b = brookfield
    meeting = b.meeting(dt.date(2026, 7, 9))
    # Given two councillors present, with the partner and the young person (who do not vote)
    present(b, meeting, "ash", "birch", "pat", "jordan")
    present(b, meeting, "cedar", status="apologies")
    # Then 2 of the 3 needed are present: not quorate
    q = selectors.quorum(meeting=meeting)
    assert (q.needed, q.voting_present, q.quorate) == (3, 2, False)
    # When Cllr Fir substitutes for Cllr Cedar, the meeting is quorate
    services.attendance_record(
        user=b.officer, meeting=meeting, entries=[(b.people["fir"], "present", b.people["cedar"])]
    )
    q = selectors.quorum(meeting=meeting)
    assert (q.voting_present, q.quorate) == (3, True)


def test_a_substitute_must_stand_in_for_someone_on_the_panel_and_nothing_is_saved_otherwise(
    brookfield: Brookfield,
) -> None:
    b = brookfield
    meeting = b.meeting(dt.date(2026, 7, 9))
    with pytest.raises(ValidationError) as refused:
        services.attendance_record(
            user=b.officer,
            meeting=meeting,
            entries=[(b.people["ash"], "present", None), (b.people["olu"], "present", b.people["fir"])],
        )
    assert "Olu Officer: Cllr Fir does not sit on the panel" in refused.value.messages
    assert not Attendance.objects.filter(meeting=meeting).exists()


def test_quorum_before_the_terms_were_approved_uses_the_latest_draft(brookfield: Brookfield) -> None:
    b = brookfield
    meeting = b.meeting(dt.date(2026, 4, 1))  # before approval (and before anyone sat)
    q = selectors.quorum(meeting=meeting)
    assert (q.needed, q.voting_present, q.quorate) == (3, 0, False)


def test_minutes_are_written_per_item_and_a_resolution_needs_its_minute(brookfield: Brookfield) -> None:
    b = brookfield
    meeting = services.meeting_schedule(user=b.officer, panel=b.panel, starts_at=at(dt.date(2026, 7, 9)))
    agenda = list(selectors.agenda(meeting=meeting))
    with pytest.raises(ValidationError):
        services.minutes_record(
            user=b.officer,
            meeting=meeting,
            entries=[(agenda[0], "Apologies from Cllr Cedar.", ""), (agenda[4], "", "Noted the scorecard.")],
        )
    assert not Minute.objects.exists()  # nothing half-done
    services.minutes_record(
        user=b.officer,
        meeting=meeting,
        entries=[
            (agenda[0], "Apologies from Cllr Cedar.", ""),
            (agenda[4], "Discussed dental checks.", "Noted."),
        ],
    )
    services.minutes_record(
        user=b.officer, meeting=meeting, entries=[(agenda[0], "Apologies: Cedar, Dale.", "")]
    )
    minutes = {m.agenda_item_id: (m.text, m.resolution) for m in selectors.minutes(meeting=meeting)}
    assert minutes == {
        agenda[0].pk: ("Apologies: Cedar, Dale.", ""),
        agenda[4].pk: ("Discussed dental checks.", "Noted."),
    }


def test_a_paper_is_stored_once_by_its_fingerprint_and_a_bad_one_changes_nothing(
    brookfield: Brookfield, settings: Any, tmp_path: Path
) -> None:
    import hashlib

    from corparent.returns import store

    settings.FILE_STORE = tmp_path / "files"
    b = brookfield
    meeting = b.meeting(dt.date(2026, 7, 9))
    body = b"%PDF-1.4 a very short report"
    paper = services.paper_attach(
        user=b.officer, meeting=meeting, title="Report", upload=SimpleUploadedFile("report.pdf", body)
    )
    sha = hashlib.sha256(body).hexdigest()
    assert (paper.sha256, paper.size, paper.file_name) == (sha, len(body), "report.pdf")
    assert store.path_of(sha).read_bytes() == body
    before = store.listing()
    with pytest.raises(ValidationError) as refused:
        services.paper_attach(
            user=b.officer, meeting=meeting, title="Script", upload=SimpleUploadedFile("run.exe", b"MZ")
        )
    assert "run.exe: expected a document" in refused.value.message_dict["file"][0]
    assert store.listing() == before and Paper.objects.count() == 1


def test_freezing_the_scorecard_needs_a_published_one(brookfield: Brookfield) -> None:
    b = brookfield
    meeting = b.meeting(dt.date(2026, 7, 9))
    with pytest.raises(ValidationError, match="No scorecard has been published yet"):
        services.scorecard_freeze(user=b.officer, meeting=meeting)
    meeting.refresh_from_db()
    assert meeting.frozen_scorecard == [] and meeting.frozen_at is None


def test_the_frozen_scorecard_is_what_members_see_with_small_numbers_hidden(
    brookfield: Brookfield, council_results: Any
) -> None:
    from tests.web.scorecard.conftest import snapshot_create

    b = brookfield
    snapshot = snapshot_create(by=b.users[Role.ANALYST], results=council_results)
    meeting = b.meeting(dt.date(2026, 7, 9))
    services.scorecard_freeze(user=b.officer, meeting=meeting)
    meeting.refresh_from_db()
    assert meeting.snapshot_id == snapshot.pk and meeting.frozen_at is not None
    by_id = {r["indicator"]: r for r in meeting.frozen_scorecard}
    assert "cla" in by_id and by_id["cla"]["as_at"] == "31 Mar 2025"
    # every figure is text as members see it: a number, or "hidden" where it rests on 1 to 5 children
    assert all(isinstance(r["figure"], str) for r in by_id.values())
    hidden = [r for r in by_id.values() if r["suppressed"]]
    assert all(r["figure"] == "hidden" for r in hidden)
