"""Rules 331-335 on adoptions (AD1) and episodes."""

from __future__ import annotations

from tests.engine.validation.cases import flagged


def test_331_matched_before_placed_for_adoption() -> None:
    episodes = [
        {"CHILD": "1", "DECOM": "01/06/2025", "REC": "E11"},  # matched after: flagged
        {"CHILD": "2", "DECOM": "01/06/2025", "REC": "E12"},  # matched that day
        {"CHILD": "3", "DECOM": "01/06/2025", "REC": "E4A"},  # not an adoption
    ]
    ad1 = [
        {"CHILD": "3", "DATE_MATCH": "01/07/2025"},
        {"CHILD": "2", "DATE_MATCH": "01/06/2025"},
        {"CHILD": "1", "DATE_MATCH": "01/07/2025"},
    ]
    assert flagged("331", {"Episodes": episodes, "AD1": ad1}) == {"AD1": [2], "Episodes": [0]}
    assert flagged("331", {"Episodes": episodes[1:], "AD1": ad1}) == {}


def test_333_decision_to_place_comes_before_the_match() -> None:
    ad1 = [
        {"CHILD": "1", "DATE_MATCH": "01/07/2025"},  # no decision date: flagged
        {"CHILD": "2", "DATE_INT": "02/07/2025", "DATE_MATCH": "01/07/2025"},  # flagged
        {"CHILD": "3", "DATE_INT": "01/07/2025", "DATE_MATCH": "01/07/2025"},
        {"CHILD": "4", "DATE_INT": "01/05/2025"},  # not matched yet
    ]
    assert flagged("333", {"AD1": ad1}) == {"AD1": [0, 1]}
    assert flagged("333", {"AD1": ad1[2:]}) == {}


def test_334_decision_to_place_is_in_the_latest_period_of_care() -> None:
    episodes = [
        {"CHILD": "1", "DECOM": "01/01/2020", "RNE": "S"},
        {"CHILD": "1", "DECOM": "01/01/2025", "RNE": "S"},  # latest start, after DATE_INT: flagged
        {"CHILD": "2", "DECOM": "01/01/2020", "RNE": "S"},  # latest start for child 2
        {"CHILD": "2", "DECOM": "01/01/2025", "RNE": "P"},
        {"CHILD": "3", "DECOM": "01/01/2025", "RNE": "S"},  # no AD1 record
    ]
    ad1 = [{"CHILD": "1", "DATE_INT": "01/06/2024"}, {"CHILD": "2", "DATE_INT": "01/06/2024"}]
    assert flagged("334", {"Episodes": episodes, "AD1": ad1}) == {"AD1": [0], "Episodes": [1]}
    assert flagged("334", {"Episodes": episodes[2:], "AD1": ad1}) == {}


def test_335_adopted_by_foster_carers_agrees_with_the_placement() -> None:
    episodes = [
        {"CHILD": "1", "REC": "E11", "PLACE": "A3"},  # current foster carers, but 0: flagged
        {"CHILD": "2", "REC": "E12", "PLACE": "A4"},  # new carers, but 1: flagged
        {"CHILD": "3", "REC": "E11", "PLACE": "A5"},
        {"CHILD": "4", "REC": "E13", "PLACE": "A3"},  # did not end in adoption
    ]
    ad1 = [
        {"CHILD": "1", "FOSTER_CARE": "0"},
        {"CHILD": "2", "FOSTER_CARE": "1"},
        {"CHILD": "3", "FOSTER_CARE": "1"},
        {"CHILD": "4", "FOSTER_CARE": "0"},
    ]
    assert flagged("335", {"Episodes": episodes, "AD1": ad1}) == {"AD1": [0, 1], "Episodes": [0, 1]}
    assert flagged("335", {"Episodes": episodes[2:], "AD1": ad1}) == {}
