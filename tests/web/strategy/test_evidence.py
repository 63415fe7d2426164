"""The principles evidence registry, and the strategy's own evidence under each principle."""

from __future__ import annotations

import datetime as dt

import pytest

from corparent.accounts.roles import Role
from corparent.strategy import evidence
from corparent.strategy.evidence import Evidence
from corparent.strategy.selectors.evidence import builtin_providers
from corparent.strategy.services import plan as services


def test_evidence_names_one_of_the_seven_principles() -> None:
    with pytest.raises(ValueError, match="'h'"):
        Evidence(principle="h", title="t", summary="s", url="/", source="Voice")


def test_gather_sorts_newest_first_within_a_principle_and_survives_a_broken_provider() -> None:
    def good():
        return [
            Evidence("b", "Old", "", "/old", "Voice", dt.date(2025, 1, 1)),
            Evidence("a", "Undated", "", "/u", "Training", None),
            Evidence("b", "New", "", "/new", "Voice", dt.date(2026, 1, 1)),
        ]

    def broken():
        raise RuntimeError("the voice app is down")

    found = evidence.gather(only=[broken, good])
    assert [e.title for e in found] == ["Undated", "New", "Old"]
    grouped = evidence.by_principle(found)
    assert list(grouped) == list("abcdefg")
    assert [e.title for e in grouped["b"]] == ["New", "Old"]
    assert grouped["g"] == []


def test_register_is_idempotent() -> None:
    def provider():
        return []

    before = len(evidence.providers())
    evidence.register(provider)
    evidence.register(provider)
    assert len(evidence.providers()) == before + 1
    evidence._PROVIDERS.remove(provider)


def test_the_strategys_providers_are_registered_at_start_up() -> None:
    assert set(builtin_providers()) <= set(evidence.providers())


@pytest.mark.django_db
def test_items_indicators_and_decisions_appear_under_their_principles(people, plan) -> None:
    services.decision_record(
        user=people[Role.OFFICER],
        title="Council tax exemption",
        decided_on=dt.date(2026, 1, 14),
        decision_maker="Full Council",
        principles=["g"],
        considered_by="Panel",
        implications="Helps care leavers",
        outcome="Agreed",
    )
    grouped = evidence.by_principle(evidence.gather(only=builtin_providers()))
    # The priority serves a and f: both of its items, and the linked indicator, are under each
    for letter in "af":
        assert {(e.source, e.title) for e in grouped[letter]} == {
            ("Action plan", "Health assessments on time"),
            ("Action plan", "Recruit foster carers"),
            ("Indicator", "Annual health assessment done"),
        }
    assert [(e.source, e.title, e.url) for e in grouped["g"]] == [
        ("Decision", "Council tax exemption", grouped["g"][0].url)
    ]
    assert grouped["g"][0].url.startswith("/strategy/decisions/")
    assert grouped["b"] == []
    indicator = next(e for e in grouped["a"] if e.source == "Indicator")
    assert indicator.url == "/scorecard/indicators/health_assessment_pct/"
