"""Rules 504, 516, 526-531 and 550: placement, provider and category of need."""

from __future__ import annotations

import pytest

from tests.engine.validation.cases import flagged


def test_504_cin_must_not_change_within_a_period_of_care() -> None:
    episodes = [
        {"CHILD": "1", "DECOM": "01/04/2025", "DEC": "01/05/2025", "REC": "X1", "CIN": "N1"},
        {"CHILD": "1", "DECOM": "01/05/2025", "DEC": "01/06/2025", "REC": "X1", "CIN": "N2"},  # changed
        {"CHILD": "1", "DECOM": "01/06/2025", "CIN": "N2"},  # same as the one before it
        {"CHILD": "2", "DECOM": "01/04/2025", "DEC": "01/05/2025", "REC": "E13", "CIN": "N1"},
        {"CHILD": "2", "DECOM": "01/05/2025", "CIN": "N4"},  # new period: the previous ended E13
        {"CHILD": "3", "DECOM": "01/04/2025", "DEC": "01/05/2025", "REC": "X1", "CIN": "N1"},
        {"CHILD": "3", "DECOM": "03/05/2025", "CIN": "N4"},  # does not start the day the other ended
    ]
    assert flagged("504", {"Episodes": episodes}) == {"Episodes": [1]}
    episodes[1]["CIN"] = "N1"
    episodes[2]["CIN"] = "N1"
    assert flagged("504", {"Episodes": episodes}) == {}


def test_504_follows_start_dates_not_file_order() -> None:
    episodes = [
        {"CHILD": "1", "DECOM": "01/05/2025", "CIN": "N3"},
        {"CHILD": "1", "DECOM": "01/04/2025", "DEC": "01/05/2025", "REC": "X1", "CIN": "N1"},
    ]
    assert flagged("504", {"Episodes": episodes}) == {"Episodes": [0]}


def test_504_peer_difference_two_blank_cins_do_not_differ() -> None:
    # The peer flags row 1 (NaN != NaN); a blank CIN is not a change of CIN.
    episodes = [
        {"CHILD": "1", "DECOM": "01/04/2025", "DEC": "01/05/2025", "REC": "X1"},
        {"CHILD": "1", "DECOM": "01/05/2025"},
        {"CHILD": "2", "DECOM": "01/04/2025", "DEC": "01/05/2025", "REC": "X1", "CIN": "N1"},
        {"CHILD": "2", "DECOM": "01/05/2025"},  # a code then a blank: that does differ
    ]
    assert flagged("504", {"Episodes": episodes}) == {"Episodes": [3]}


def test_516_special_guardianship_to_former_foster_carers_needs_foster_placement() -> None:
    episodes = [
        {"CHILD": "1", "REC": "E45", "PLACE": "U1"},
        {"CHILD": "2", "REC": "E46", "PLACE": "K2"},
        {"CHILD": "3", "REC": "E45"},
        {"CHILD": "4", "REC": "E47", "PLACE": "K2"},
    ]
    assert flagged("516", {"Episodes": episodes}) == {"Episodes": [1, 2]}
    assert flagged("516", {"Episodes": [episodes[0], episodes[3]]}) == {}


@pytest.mark.parametrize("year", [2025, 2026, 2027])
def test_526_placement_provider_needed_except_temporary_and_other(year: int) -> None:
    episodes = [
        {"CHILD": "1", "PLACE": "U4", "PLACE_PROVIDER": "PR1"},
        {"CHILD": "2", "PLACE": "U4"},
        {"CHILD": "3", "PLACE": "T1"},
        {"CHILD": "4"},  # no placement and no provider
        {"CHILD": "5", "PLACE": "Z1"},
        {"CHILD": "6", "PLACE": "Z12"},
    ]
    # Z1 is exempt in 2024-25; from 2025-26 it is replaced by Z11 to Z14, which are exempt.
    expected = [1, 3, 5] if year == 2025 else [1, 3, 4]
    assert flagged("526", {"Episodes": episodes}, year=year) == {"Episodes": expected}
    assert flagged("526", {"Episodes": episodes[:1] + episodes[2:3]}, year=year) == {}


@pytest.mark.parametrize(
    ("code", "provider", "bad", "good"),
    [
        ("527", "PR1", ["P1", "R2", "R5"], ["U4", "K2"]),
        ("528", "PR2", ["P1", "R2", "R5"], ["U4", "K2"]),
        ("529", "PR3", ["A3", "A6", "K1", "K2", "P1", "U1", "U6"], ["R2", "R5", "S1"]),
        ("530", "PR4", ["P1"], ["U4", "K2"]),
        ("531", "PR5", ["P1"], ["U4", "K2"]),
    ],
)
def test_527_to_531_provider_cannot_provide_some_placements(
    code: str, provider: str, bad: list[str], good: list[str]
) -> None:
    episodes = [{"CHILD": str(n), "PLACE": p, "PLACE_PROVIDER": provider} for n, p in enumerate(bad + good)]
    episodes.append({"CHILD": "x", "PLACE": bad[0], "PLACE_PROVIDER": "PR0" if provider != "PR0" else "PR1"})
    assert flagged(code, {"Episodes": episodes}) == {"Episodes": list(range(len(bad)))}
    assert flagged(code, {"Episodes": episodes[len(bad) :]}) == {}


def test_550_pr0_only_with_placement_with_parents() -> None:
    episodes = [
        {"CHILD": "1", "PLACE": "P1", "PLACE_PROVIDER": "PR0"},
        {"CHILD": "2", "PLACE": "U4", "PLACE_PROVIDER": "PR0"},
        {"CHILD": "3", "PLACE_PROVIDER": "PR0"},  # no placement type
        {"CHILD": "4", "PLACE": "U4", "PLACE_PROVIDER": "PR1"},
    ]
    assert flagged("550", {"Episodes": episodes}) == {"Episodes": [1, 2]}
    assert flagged("550", {"Episodes": [episodes[0], episodes[3]]}) == {}
