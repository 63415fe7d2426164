"""The demo council's local measures: a dozen, two years of values, owners split between council
teams and two partners, the first owned by the demo partner's organisation; seeding twice adds nothing."""

from __future__ import annotations

from collections import Counter

from corparent.accounts.models import User
from corparent.accounts.roles import Role
from corparent.demo.measures import demo_measures_seed
from corparent.measures import selectors
from corparent.measures.models import Measure, MeasureValue
from corparent.measures.selectors import Status


def test_the_demo_measures(people: dict[Role, User]) -> None:
    made = demo_measures_seed(people=people)
    assert made["measures"] == 12 and made["targets"] >= 6
    measures = list(Measure.objects.order_by("pk"))
    assert len(measures) == 12
    partner = people[Role.PARTNER]
    assert measures[0].owner_organisation_id == partner.organisation_id
    owners = Counter(m.owner_organisation.name if m.owner_organisation else "council" for m in measures)
    assert len(owners) == 3 and owners["council"] == 5
    # two years of values: 24 monthly or 8 quarterly periods (give or take the newest left to come in)
    for measure in measures:
        statuses = selectors.period_statuses(measure=measure)
        assert len(statuses) >= (24 if measure.frequency == "monthly" else 8)
        assert sum(s.status is Status.IN for s in statuses) >= len(statuses) - 1
    waiting = [m for m in measures if selectors.period_statuses(measure=m)[0].status is not Status.IN]
    assert len(waiting) == 2 and all(m.owner_organisation is not None for m in waiting)
    assert MeasureValue.objects.filter(version=2).count() == 1
    # the partner sees its organisation's four measures
    assert selectors.measures_for(user=partner).count() == 4
    assert demo_measures_seed(people=people) == {"measures": 0, "values": 0, "targets": 0}
    assert Measure.objects.count() == 12
