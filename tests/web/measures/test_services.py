"""Defining a measure, entering and correcting values, and who may enter them."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from corparent.accounts.models import AuditEvent, User
from corparent.accounts.roles import Role
from corparent.measures import selectors, services
from corparent.measures.models import Measure, MeasureValue
from corparent.measures.selectors import Status
from tests.web.measures.conftest import make_measure


def test_an_officer_defines_a_measure(people: dict[Role, User]) -> None:
    measure = make_measure(by=people[Role.OFFICER], first_period=date(2024, 5, 17), frequency="quarterly")
    assert measure.slug == "initial-health-assessments-within-20-working-days"
    assert measure.indicator_id == "local:initial-health-assessments-within-20-working-days"
    assert measure.first_period == date(2024, 4, 1)  # the start of the quarter that holds the date
    assert measure.has_parts
    assert measure.owner_name == "Children in care service"
    assert AuditEvent.objects.filter(
        action="measures.measure_create", target=f"measure:{measure.pk}"
    ).exists()
    # a second measure of the same title gets its own slug
    assert make_measure(by=people[Role.OFFICER]).slug.endswith("-2")


def test_a_measure_needs_a_title_meaning_owner_and_both_labels(people: dict[Role, User]) -> None:
    with pytest.raises(ValidationError) as caught:
        make_measure(by=people[Role.OFFICER], title=" ", meaning="", owner_team="", denominator_label="")
    assert set(caught.value.message_dict) == {"title", "meaning", "owner_team", "denominator_label"}
    assert not Measure.objects.exists()


def test_a_measure_shows_under_a_theme_the_scorecard_has(people: dict[Role, User]) -> None:
    with pytest.raises(ValidationError) as caught:
        make_measure(by=people[Role.OFFICER], theme="nowhere")
    assert "theme" in caught.value.message_dict
    assert make_measure(by=people[Role.OFFICER], theme="placements").theme == "placements"


def test_a_partner_may_not_define_a_measure(people: dict[Role, User]) -> None:
    with pytest.raises(PermissionDenied):
        make_measure(by=people[Role.PARTNER])


def test_a_value_is_worked_out_from_its_parts_and_a_correction_keeps_the_old_one(
    people: dict[Role, User], health_measure: Measure
) -> None:
    partner, officer = people[Role.PARTNER], people[Role.OFFICER]
    april = date(2024, 4, 1)
    first = services.measure_value_submit(
        user=partner, measure=health_measure, period_start=april, numerator=12, denominator=16
    )
    assert first is not None and first.value == 75.0 and first.version == 1
    assert first.period_end == date(2024, 4, 30)
    # the same figures again change nothing
    assert (
        services.measure_value_submit(
            user=partner, measure=health_measure, period_start=april, numerator=12, denominator=16
        )
        is None
    )
    corrected = services.measure_value_submit(
        user=officer,
        measure=health_measure,
        period_start=april,
        numerator=13,
        denominator=16,
        note="late record",
    )
    assert corrected is not None and corrected.version == 2 and corrected.value == 81.25
    rows = list(selectors.value_history(measure=health_measure, period_start=april))
    assert [(r.version, r.value, r.entered_by.username) for r in rows] == [
        (2, 81.25, "officer"),
        (1, 75.0, "partner"),
    ]
    assert selectors.current_values(measures=[health_measure])[health_measure.pk][april].version == 2


@pytest.mark.parametrize(
    ("numerator", "denominator", "field"),
    [(17, 16, "numerator"), (3, 0, "denominator"), (-1, 10, "numerator"), (None, 10, "numerator")],
)
def test_impossible_parts_are_refused(
    people: dict[Role, User], health_measure: Measure, numerator: float | None, denominator: float, field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        services.measure_value_submit(
            user=people[Role.OFFICER],
            measure=health_measure,
            period_start=date(2024, 4, 1),
            numerator=numerator,
            denominator=denominator,
        )
    assert field in caught.value.message_dict
    assert not MeasureValue.objects.exists()


def test_a_period_must_start_a_period_and_have_ended(
    people: dict[Role, User], health_measure: Measure
) -> None:
    officer = people[Role.OFFICER]
    for start in (date(2024, 4, 2), date(2024, 3, 1), selectors.today().replace(day=1)):
        with pytest.raises(ValidationError) as caught:
            services.measure_value_submit(
                user=officer, measure=health_measure, period_start=start, numerator=1, denominator=2
            )
        assert "period_start" in caught.value.message_dict


def test_a_partner_enters_only_its_own_organisations_measures(
    people: dict[Role, User], health_measure: Measure, school_measure: Measure, council_measure: Measure
) -> None:
    partner = people[Role.PARTNER]
    assert services.measure_value_submit(
        user=partner, measure=health_measure, period_start=date(2024, 4, 1), numerator=1, denominator=2
    )
    for other in (school_measure, council_measure):
        with pytest.raises(PermissionDenied):
            services.measure_value_submit(user=partner, measure=other, period_start=date(2024, 4, 1), value=3)
    assert list(selectors.measures_for(user=partner)) == [health_measure]
    with pytest.raises(PermissionDenied):
        services.measure_value_submit(
            user=people[Role.MEMBER],
            measure=health_measure,
            period_start=date(2024, 5, 1),
            numerator=1,
            denominator=2,
        )


def test_due_late_and_in(people: dict[Role, User], school_measure: Measure) -> None:
    services.measure_value_submit(
        user=people[Role.OFFICER],
        measure=school_measure,
        period_start=date(2024, 4, 1),
        numerator=9,
        denominator=10,
    )
    # On 10 October 2024: Q1 is in; Q2 (Jul-Sep) ended 30 September and is due by 20 October.
    statuses = selectors.period_statuses(measure=school_measure, on=date(2024, 10, 10))
    assert [(s.period.start, s.status) for s in statuses] == [
        (date(2024, 7, 1), Status.DUE),
        (date(2024, 4, 1), Status.IN),
    ]
    # On 21 October it is late.
    assert selectors.period_statuses(measure=school_measure, on=date(2024, 10, 21))[0].status is Status.LATE


def test_a_target_for_a_local_measure_is_a_scorecard_target(
    people: dict[Role, User], health_measure: Measure
) -> None:
    from corparent.scorecard.selectors import target_current

    services.measure_target_set(
        user=people[Role.OFFICER], measure=health_measure, target=80, amber_tolerance=5
    )
    target = target_current(indicator_id=health_measure.indicator_id)
    assert target is not None and (target.target, target.amber_tolerance) == (80, 5)
    with pytest.raises(ValidationError):
        services.measure_target_set(user=people[Role.OFFICER], measure=health_measure, target=120)
    with pytest.raises(PermissionDenied):
        services.measure_target_set(user=people[Role.PARTNER], measure=health_measure, target=80)
