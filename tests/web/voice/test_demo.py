"""The demo council's voice area: two forums, a published "you said, we did" with two issues still
waiting, a six-promise Pledge with ratings, the local offer in all six areas; seeding twice adds nothing."""

from __future__ import annotations

from corparent.accounts.models import User
from corparent.accounts.roles import Role
from corparent.demo.voice import demo_voice_seed
from corparent.voice import presenters, selectors
from corparent.voice.models import FeedbackCount, Forum, Issue


def test_the_demo_voice_area(people: dict[Role, User]) -> None:
    made = demo_voice_seed(people=people)

    assert made == {"forums": 2, "issues": 8, "promises": 6, "survey_results": 7, "feedback_counts": 16}
    assert Forum.objects.count() == 2
    assert selectors.issues_published().count() == 6 and selectors.issues_waiting().count() == 2
    rated = [r for r in selectors.pledge_rows() if r.latest is not None]
    assert len(rated) == 5
    offer = selectors.offer_current()
    assert offer is not None and offer.version == 2
    assert all(area["entries"] for area in presenters.offer_areas(offer))
    member_rows = selectors.survey_rows(user=people[Role.MEMBER])
    assert sum(r.suppressed for r in member_rows) == 1
    assert FeedbackCount.objects.dates("quarter_start", "month").count() == 4
    assert demo_voice_seed(people=people)["issues"] == 0
    assert Issue.objects.count() == 8
