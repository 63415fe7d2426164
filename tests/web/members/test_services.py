"""The members services: who may record what, and what is refused (changing nothing)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from corparent.accounts.models import User
from corparent.accounts.roles import Role
from corparent.members import services
from corparent.members.models import Champion, TrainingCompletion, Visit, VisitAction
from tests.web.members.conftest import Council

DAY = dt.date(2026, 6, 1)


def test_a_councillor_records_their_own_visit_with_a_colleague(
    council: Council, people: dict[Role, User]
) -> None:
    visit = services.visit_record(
        user=people[Role.MEMBER],
        home=council.home,
        visited_on=DAY,
        visitors=[council.ash, council.cedar],
        report="Warm welcome; the young people showed us the garden they planted.",
    )

    assert set(visit.visitors.all()) == {council.ash, council.cedar}
    assert visit.recorded_by == people[Role.MEMBER]


def test_a_councillor_may_not_record_a_visit_they_did_not_make(
    council: Council, people: dict[Role, User]
) -> None:
    with pytest.raises(ValidationError) as refused:
        services.visit_record(
            user=people[Role.MEMBER],
            home=council.home,
            visited_on=DAY,
            visitors=[council.cedar],
            report="Fine.",
        )

    assert "include yourself" in refused.value.message_dict["visitors"][0]
    assert not Visit.objects.exists()


def test_an_officer_records_a_visit_for_councillors(council: Council, people: dict[Role, User]) -> None:
    visit = services.visit_record(
        user=people[Role.OFFICER], home=council.home, visited_on=DAY, visitors=[council.dale], report="Fine."
    )

    assert list(visit.visitors.all()) == [council.dale]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"visitors": []}, "visitors"),
        ({"visited_on": "tomorrow"}, "visited_on"),
        ({"report": "   "}, "report"),
        ({"visitors": "pat"}, "visitors"),
    ],
)
def test_a_bad_visit_is_refused_naming_the_field_and_nothing_is_kept(
    council: Council, people: dict[Role, User], change: dict[str, object], field: str
) -> None:
    args: dict[str, object] = {"visited_on": DAY, "visitors": [council.ash], "report": "Fine."}
    args.update(change)
    if args["visited_on"] == "tomorrow":
        args["visited_on"] = timezone.localdate() + dt.timedelta(days=1)
    if args["visitors"] == "pat":
        args["visitors"] = [council.ash, council.pat]

    with pytest.raises(ValidationError) as refused:
        services.visit_record(user=people[Role.MEMBER], home=council.home, **args)  # type: ignore[arg-type]

    assert field in refused.value.message_dict
    assert not Visit.objects.exists()


@pytest.mark.parametrize("role", [Role.PARTNER, Role.ADMIN, Role.YOUNG_PERSON])
def test_roles_without_record_visits_are_refused(
    council: Council, people: dict[Role, User], role: Role
) -> None:
    with pytest.raises(PermissionDenied):
        services.visit_record(
            user=people[role], home=council.home, visited_on=DAY, visitors=[council.ash], report="Fine."
        )


def test_only_the_visitors_or_an_officer_add_and_update_a_visits_actions(
    council: Council, people: dict[Role, User]
) -> None:
    visit = services.visit_record(
        user=people[Role.OFFICER], home=council.home, visited_on=DAY, visitors=[council.cedar], report="Fine."
    )
    with pytest.raises(PermissionDenied):  # the member (Ash) was not on this visit
        services.visit_action_create(
            user=people[Role.MEMBER],
            visit=visit,
            description="Fix the bike shed",
            owner="Estates",
            due_date=DAY,
        )
    action = services.visit_action_create(
        user=people[Role.OFFICER], visit=visit, description="Fix the bike shed", owner="Estates", due_date=DAY
    )
    with pytest.raises(PermissionDenied):
        services.visit_action_update(user=people[Role.MEMBER], action=action, status=VisitAction.Status.DONE)

    services.visit_action_update(user=people[Role.OFFICER], action=action, status=VisitAction.Status.DONE)

    action.refresh_from_db()
    assert action.status == VisitAction.Status.DONE


def test_recording_a_completion_again_corrects_it(council: Council, people: dict[Role, User]) -> None:
    officer = people[Role.OFFICER]
    services.training_completion_record(
        user=officer, session=council.panel_skills, person=council.ash, how="online", completed_on=DAY
    )
    services.training_completion_record(
        user=officer, session=council.panel_skills, person=council.ash, how="attended", completed_on=DAY
    )

    completion = TrainingCompletion.objects.get(session=council.panel_skills, person=council.ash)
    assert completion.how == "attended"


def test_training_is_recorded_only_for_councillors_and_only_by_managers(
    council: Council, people: dict[Role, User]
) -> None:
    with pytest.raises(ValidationError):
        services.training_completion_record(
            user=people[Role.OFFICER],
            session=council.induction,
            person=council.pat,
            how="attended",
            completed_on=DAY,
        )
    with pytest.raises(PermissionDenied):
        services.training_completion_record(
            user=people[Role.MEMBER],
            session=council.induction,
            person=council.dale,
            how="attended",
            completed_on=DAY,
        )
    assert not TrainingCompletion.objects.filter(person__in=[council.pat, council.dale]).exists()


def test_a_sessions_principles_are_letters_a_to_g(people: dict[Role, User]) -> None:
    session = services.training_session_create(
        user=people[Role.OFFICER],
        title="Education",
        date=DAY,
        tier="every",
        mandatory=True,
        principles="E, a",
    )
    assert session.principles == "ae"

    with pytest.raises(ValidationError) as refused:
        services.training_session_create(
            user=people[Role.OFFICER], title="Bad", date=DAY, tier="every", mandatory=True, principles="a, z"
        )
    assert "principles" in refused.value.message_dict


def test_a_portfolio_has_one_current_champion(council: Council, people: dict[Role, User]) -> None:
    services.champion_create(
        user=people[Role.OFFICER], person=council.ash, portfolio="education", started_on=DAY
    )

    with pytest.raises(ValidationError) as refused:
        services.champion_create(
            user=people[Role.OFFICER], person=council.birch, portfolio="education", started_on=DAY
        )

    assert "portfolio" in refused.value.message_dict
    assert Champion.objects.count() == 1


def test_ending_a_champions_role_frees_the_portfolio(council: Council, people: dict[Role, User]) -> None:
    officer = people[Role.OFFICER]
    first = services.champion_create(user=officer, person=council.ash, portfolio="health", started_on=DAY)

    with pytest.raises(ValidationError) as refused:
        services.champion_end(user=officer, champion=first, ended_on=DAY - dt.timedelta(days=1))
    assert "ended_on" in refused.value.message_dict
    services.champion_end(user=officer, champion=first, ended_on=DAY + dt.timedelta(days=30))
    second = services.champion_create(user=officer, person=council.birch, portfolio="health", started_on=DAY)

    assert list(Champion.objects.filter(ended_on__isnull=True)) == [second]
    with pytest.raises(ValidationError):  # an ended role takes no more reports
        services.champion_report_create(
            user=officer, champion=first, title="Late", reported_on=DAY, summary="x"
        )
