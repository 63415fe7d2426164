"""Rules on legal status and placement type together: 378, 390, 408 and 446."""

from __future__ import annotations

from tests.engine.validation.cases import flagged


def test_378_section_20_not_placed_with_parents() -> None:
    episodes = [
        {"CHILD": "1", "PLACE": "P1", "LS": "V2"},  # 0
        {"CHILD": "2", "PLACE": "P1", "LS": "C2"},  # 1
        {"CHILD": "3", "PLACE": "U4", "LS": "V2"},  # 2
    ]
    assert flagged("378", {"Episodes": episodes}) == {"Episodes": [0]}
    assert flagged("378", {"Episodes": episodes[1:]}) == {}


def test_390_adopted_from_a_placement_for_adoption() -> None:
    episodes = [
        {"CHILD": "1", "PLACE": "U4", "REC": "E11"},  # 0
        {"CHILD": "2", "REC": "E12"},  # 1 no placement type
        {"CHILD": "3", "PLACE": "A4", "REC": "E12"},  # 2
        {"CHILD": "4", "PLACE": "A5", "REC": "E11"},  # 3
        {"CHILD": "5", "PLACE": "U4", "REC": "E13"},  # 4 not adopted
    ]
    assert flagged("390", {"Episodes": episodes}) == {"Episodes": [0, 1]}
    assert flagged("390", {"Episodes": episodes[2:]}) == {}


def test_408_placed_for_adoption_under_a_placement_order() -> None:
    episodes = [
        {"CHILD": "1", "PLACE": "A5", "LS": "C2"},  # 0
        {"CHILD": "2", "PLACE": "A6"},  # 1 no legal status
        {"CHILD": "3", "PLACE": "A6", "LS": "E1"},  # 2
        {"CHILD": "4", "PLACE": "A4", "LS": "C2"},  # 3 placed with consent
    ]
    assert flagged("408", {"Episodes": episodes}) == {"Episodes": [0, 1]}
    assert flagged("408", {"Episodes": episodes[2:]}) == {}


def test_446_no_placement_order_before_december_2005() -> None:
    episodes = [
        {"CHILD": "1", "LS": "E1", "DECOM": "30/11/2005"},  # 0
        {"CHILD": "2", "LS": "E1", "DECOM": "01/12/2005"},  # 1
        {"CHILD": "3", "LS": "C2", "DECOM": "30/11/2005"},  # 2
        {"CHILD": "4", "LS": "E1"},  # 3 no DECOM
    ]
    assert flagged("446", {"Episodes": episodes}) == {"Episodes": [0]}
    assert flagged("446", {"Episodes": episodes[1:]}) == {}
