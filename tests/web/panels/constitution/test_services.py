"""The constitution's services and selectors: terms of reference versions, membership, vacancies,
balance on the hand-worked council, refusals that change nothing, and the audit log."""

from __future__ import annotations

import datetime as dt

import pytest

from corparent.accounts.models import AuditEvent
from corparent.panels.balance import UNGROUPED
from corparent.panels.models import Membership, Person, TermsOfReference
from corparent.panels.selectors import constitution as selectors
from corparent.panels.services import constitution as services
from corparent.panels.services.constitution import ConstitutionError
from tests.web.panels.constitution.conftest import START, Riverside

TOR = {
    "purpose": "To make sure the council is a good corporate parent to the children in its care.",
    "quorum": 3,
    "frequency": "every two months",
    "reporting_line": "reports to Cabinet once a year",
}


def test_terms_versions_number_themselves_and_the_current_one_is_the_latest_approved(
    riverside: Riverside,
) -> None:
    r = riverside
    first = services.terms_create(
        user=r.officer, panel=r.panel, **TOR, approved_by="Full Council", approved_on=dt.date(2025, 5, 21)
    )
    draft = services.terms_create(user=r.officer, panel=r.panel, **{**TOR, "quorum": 4})

    assert (first.version, draft.version) == (1, 2)
    assert selectors.terms_current(panel=r.panel) == first  # the draft is not in force
    assert selectors.terms_latest(panel=r.panel) == draft

    services.terms_approve(
        user=r.officer, terms=draft, approved_by="Full Council", approved_on=dt.date(2026, 5, 20)
    )
    assert selectors.terms_current(panel=r.panel).version == 2


def test_an_approved_version_cannot_be_approved_again_or_changed(riverside: Riverside) -> None:
    r = riverside
    terms = services.terms_create(
        user=r.officer, panel=r.panel, **TOR, approved_by="Full Council", approved_on=dt.date(2025, 5, 21)
    )
    with pytest.raises(ConstitutionError, match="cannot be changed: create a new version"):
        services.terms_approve(
            user=r.officer, terms=terms, approved_by="Cabinet", approved_on=dt.date(2026, 1, 1)
        )
    terms.refresh_from_db()
    assert (terms.approved_by, terms.approved_on) == ("Full Council", dt.date(2025, 5, 21))


def test_terms_refused_whole_with_the_reason_per_field(riverside: Riverside) -> None:
    r = riverside
    with pytest.raises(ConstitutionError) as refused:
        services.terms_create(
            user=r.officer, panel=r.panel, **{**TOR, "purpose": "  ", "quorum": 0}, approved_by="Full Council"
        )
    assert set(refused.value.errors) == {"purpose", "quorum"}
    with pytest.raises(ConstitutionError) as refused:
        services.terms_create(user=r.officer, panel=r.panel, **TOR, approved_by="Full Council")
    assert refused.value.errors == {"approved_on": "Enter the date it was approved"}
    assert not TermsOfReference.objects.exists()


def test_differences_between_versions_are_described_in_words(riverside: Riverside) -> None:
    r = riverside
    old = services.terms_create(user=r.officer, panel=r.panel, **TOR)
    new = services.terms_create(
        user=r.officer,
        panel=r.panel,
        **{
            **TOR,
            "quorum": 4,
            "frequency": "every quarter",
            "purpose": "To make sure the council is a good corporate parent to the children in its care "
            "and its care leavers.",
        },
    )
    assert selectors.terms_differences(older=old, newer=new) == [
        "Quorum changed from 3 to 4 voting members.",
        "Frequency changed from “every two months” to “every quarter”.",
        "Purpose: replaced “care.” with “care and its care leavers.”.",
    ]
    versions = selectors.terms_versions(panel=r.panel)
    assert [v.terms.version for v in versions] == [2, 1]
    assert versions[1].changes == ("The first version.",)


def test_membership_on_a_date_and_the_seats_each_group_holds(riverside: Riverside) -> None:
    r = riverside
    assert selectors.seats_held(panel=r.panel, on=START) == {
        "Labour": 7,
        "Conservative": 2,
        "Liberal Democrat": 1,
    }
    assert selectors.seats_held(panel=r.panel, on=START - dt.timedelta(days=1)) == {}
    observer = services.person_create(
        user=r.officer, name="Cllr Lead Member", kind=Person.Kind.COUNCILLOR, political_group=r.labour
    )
    services.membership_add(
        user=r.officer,
        panel=r.panel,
        person=observer,
        start_date=START,
        role=Membership.Role.OBSERVER,
        voting=False,
    )
    # a participating observer attends but holds none of the balanced seats
    assert selectors.seats_held(panel=r.panel, on=START)["Labour"] == 7


def test_ending_a_seat_leaves_a_vacancy_that_is_then_filled(riverside: Riverside) -> None:
    r = riverside
    leaving = r.seats["Cllr Lab 7"]
    vacancy = services.membership_end(
        user=r.officer, membership=leaving, end_date=dt.date(2026, 9, 1), leave_vacant=True
    )
    assert vacancy is not None
    assert (vacancy.person, vacancy.political_group, vacancy.seat_kind) == (None, r.labour, "councillor")
    on = dt.date(2026, 9, 1)
    assert selectors.seats_held(panel=r.panel, on=on)["Labour"] == 6
    assert list(selectors.vacancies(panel=r.panel, on=on)) == [vacancy]
    # the balance page now says the seat is vacant
    check = selectors.panel_balance(panel=r.panel, on=on).check
    assert check is not None and check.ok is False
    assert "Corporate Parenting Panel has 10 seats but 9 are filled (1 vacant)." in check.warnings

    newcomer = services.person_create(
        user=r.officer, name="Cllr Lab 8", kind=Person.Kind.COUNCILLOR, political_group=r.labour
    )
    services.membership_add(
        user=r.officer, panel=r.panel, person=newcomer, start_date=dt.date(2026, 10, 1), fills=vacancy
    )
    vacancy.refresh_from_db()
    assert vacancy.end_date == dt.date(2026, 10, 1)
    assert list(selectors.vacancies(panel=r.panel, on=dt.date(2026, 10, 1))) == []
    assert selectors.seats_held(panel=r.panel, on=dt.date(2026, 10, 1))["Labour"] == 7


def test_membership_refusals_change_nothing(riverside: Riverside) -> None:
    r = riverside
    before = Membership.objects.count()
    lab1 = r.councillors["Cllr Lab 1"]
    with pytest.raises(ConstitutionError) as refused:
        services.membership_add(user=r.officer, panel=r.panel, person=lab1, start_date=START)
    assert (
        refused.value.errors["person"]
        == "Cllr Lab 1 already has a seat on Corporate Parenting Panel on 20 May 2026"
    )
    with pytest.raises(ConstitutionError) as refused:
        services.membership_add(
            user=r.officer,
            panel=r.panel,
            person=r.councillors["Cllr Con 1"],
            start_date=START,
            role=Membership.Role.CHAIR,
        )
    assert "already has a chair (Cllr Lab 1)" in refused.value.errors["role"]
    officer = services.person_create(user=r.officer, name="Ann Director", kind=Person.Kind.OFFICER)
    with pytest.raises(ConstitutionError) as refused:
        services.membership_add(
            user=r.officer, panel=r.panel, person=officer, start_date=START, political_group=r.labour
        )
    assert refused.value.errors == {
        "political_group": "Only a councillor's seat belongs to a political group"
    }
    with pytest.raises(ConstitutionError, match="on or after"):
        services.membership_end(
            user=r.officer, membership=r.seats["Cllr LD 1"], end_date=START - dt.timedelta(1)
        )
    assert Membership.objects.count() == before
    assert Membership.objects.filter(end_date__isnull=False).count() == 0


def test_a_partner_needs_an_organisation_and_only_councillors_have_groups(riverside: Riverside) -> None:
    r = riverside
    with pytest.raises(ConstitutionError) as refused:
        services.person_create(
            user=r.officer, name="Dr Bee", kind=Person.Kind.PARTNER, political_group=r.labour
        )
    assert set(refused.value.errors) == {"organisation", "political_group"}
    partner = services.person_create(
        user=r.officer, name="Dr Bee", kind=Person.Kind.PARTNER, organisation=r.health, ward="ignored"
    )
    assert (partner.organisation, partner.ward) == (r.health, "")


def test_council_composition_cannot_have_more_councillors_than_seats(riverside: Riverside) -> None:
    r = riverside
    with pytest.raises(ConstitutionError) as refused:
        services.council_composition_update(
            user=r.officer, council_seats=50, ungrouped_councillors=2, other_bodies={}
        )
    assert refused.value.errors["council_seats"] == (
        "The groups have 49 councillors and 2 are in no group: 51 in all, more than the council's 50 seats"
    )
    assert selectors.council_settings().council_seats == 53


def test_balance_of_the_hand_worked_council(riverside: Riverside) -> None:
    found = selectors.panel_balance(panel=riverside.panel, on=START)
    assert found.balance is not None and found.check is not None
    assert found.balance.seats() == {"Labour": 6, "Conservative": 3, "Liberal Democrat": 1, UNGROUPED: 0}
    assert [d.message for d in found.check.departures] == [
        "Labour has 7 seats, entitled to 6",
        "Conservative has 2 seats, entitled to 3",
    ]
    assert found.status == "departs"


def test_balance_across_the_councils_other_bodies(riverside: Riverside) -> None:
    # With Planning (12) and Licensing (15) the council has 37 balanced seats. Shares of 37:
    # Labour 21.76, Conservative 10.88, Liberal Democrat 2.90, not in a group 1.45; whole numbers
    # 21 + 10 + 2 + 1 = 34 and the 3 left go to .90 (LD), .88 (Con), .76 (Lab): 22, 11, 3, 1.
    # The panel's own share stays Labour 6, Conservative 3, Liberal Democrat 1.
    r = riverside
    services.council_composition_update(
        user=r.officer,
        council_seats=53,
        ungrouped_councillors=2,
        other_bodies={"Planning": 12, "Licensing": 15},
    )
    found = selectors.panel_balance(panel=r.panel, on=START)
    assert found.aggregate is not None
    assert {e.name: e.seats for e in found.aggregate.totals} == {
        "Labour": 22,
        "Conservative": 11,
        "Liberal Democrat": 3,
        UNGROUPED: 1,
    }
    assert found.balance.seats() == {"Labour": 6, "Conservative": 3, "Liberal Democrat": 1, UNGROUPED: 0}


def test_what_if_three_more_seats(riverside: Riverside) -> None:
    # 13 seats: Labour 7.65, Conservative 3.82, Liberal Democrat 1.02, not in a group 0.51; whole
    # numbers 11, the 2 left to .82 (Con) and .65 (Lab): Labour 8, Conservative 4, Liberal Democrat 1.
    result = selectors.panel_what_if(panel=riverside.panel, new_size=13)
    assert result.lines[:4] == (
        "If Corporate Parenting Panel goes from 10 to 13 seats (3 more):",
        "Labour: 6 → 8 (+2)",
        "Conservative: 3 → 4 (+1)",
        "Liberal Democrat: 1 → 1 (no change)",
    )


def test_every_change_is_in_the_audit_log(riverside: Riverside) -> None:
    r = riverside
    services.membership_end(user=r.officer, membership=r.seats["Cllr Con 2"], end_date=dt.date(2026, 6, 1))
    actions = list(AuditEvent.objects.filter(action__startswith="panels.").values_list("action", flat=True))
    assert actions.count("panels.group.create") == 3
    assert actions.count("panels.person.create") == 10
    assert actions.count("panels.membership.add") == 10
    assert "panels.council.update" in actions and "panels.panel.create" in actions
    ended = AuditEvent.objects.get(action="panels.membership.end")
    assert ended.username == "officer" and ended.detail["person"] == "Cllr Con 2"
