"""Rules 601, 602 and 1003 on adoptions: hand-made failing and passing cases.

Collection year 2025-26: 1 April 2025 to 31 March 2026.
"""

from __future__ import annotations

from tests.engine.validation.cases import flagged

COMPLETE = {
    "DATE_INT": "01/01/2025",
    "DATE_MATCH": "01/02/2025",
    "FOSTER_CARE": "0",
    "NB_ADOPTR": "2",
    "SEX_ADOPTR": "MF",
    "LS_ADOPTR": "L11",
}


def test_601_adopted_in_year_needs_every_adoption_field() -> None:
    episodes = [
        {"CHILD": "1", "DEC": "01/06/2025", "REC": "E11"},
        {"CHILD": "2", "DEC": "01/07/2025", "REC": "E12"},  # AD1 lacks NB_ADOPTR: flagged
        {"CHILD": "4", "DEC": "01/03/2025", "REC": "E11"},  # adopted last year
        {"CHILD": "5", "DEC": "01/06/2025", "REC": "E13"},  # not adopted
    ]
    ad1 = [
        {"CHILD": "1", **COMPLETE},
        {"CHILD": "2", **COMPLETE, "NB_ADOPTR": ""},
        {"CHILD": "4", "DATE_INT": "01/01/2024"},
    ]
    assert flagged("601", {"Episodes": episodes, "AD1": ad1}) == {"Episodes": [1], "AD1": [1]}
    ad1[1]["NB_ADOPTR"] = "1"
    assert flagged("601", {"Episodes": episodes, "AD1": ad1}) == {}


def test_601_peer_difference_adopted_child_missing_from_ad1() -> None:
    # Child 3 was adopted in the year but has no AD1 row at all: every adoption field is missing.
    # The peer joins only children found in AD1 and passes this child.
    episodes = [
        {"CHILD": "1", "DEC": "01/06/2025", "REC": "E11"},
        {"CHILD": "3", "DEC": "01/08/2025", "REC": "E11"},
    ]
    ad1 = [{"CHILD": "1", **COMPLETE}]
    assert flagged("601", {"Episodes": episodes, "AD1": ad1}) == {"Episodes": [1]}


def test_602_adoption_details_without_an_adoption_in_the_year() -> None:
    episodes = [
        {"CHILD": "1", "DEC": "01/06/2025", "REC": "E11"},
        {"CHILD": "2", "DEC": "01/06/2025", "REC": "E13"},
        {"CHILD": "4", "DEC": "25/03/2025", "REC": "E11"},  # adopted last year
        {"CHILD": "5", "REC": "E11"},  # no DEC
    ]
    ad1 = [
        {"CHILD": "1", **COMPLETE},
        {"CHILD": "2", "DATE_INT": "01/01/2025"},  # flagged
        {"CHILD": "3"},  # nothing given
        {"CHILD": "4", "DATE_MATCH": "01/01/2025"},  # flagged
        {"CHILD": "6", "NB_ADOPTR": "1"},  # no episodes at all: flagged
    ]
    assert flagged("602", {"Episodes": episodes, "AD1": ad1}) == {"AD1": [1, 3, 4]}
    assert flagged("602", {"Episodes": episodes, "AD1": ad1[:1] + ad1[2:3]}) == {}


def test_1003_decision_to_place_for_adoption_before_care_began() -> None:
    episodes = [
        {"CHILD": "1", "DECOM": "01/05/2025", "RNE": "S"},  # decision 01/04/2025 before: flagged
        {"CHILD": "2", "DECOM": "01/01/2024", "RNE": "P"},
        {"CHILD": "2", "DECOM": "01/02/2024", "RNE": "S"},  # first S; decision 15/01/2024: flagged
        {"CHILD": "2", "DECOM": "01/03/2025", "RNE": "S"},  # a later S is not the first
        {"CHILD": "3", "DECOM": "01/05/2025", "RNE": "S"},
        {"CHILD": "4", "DECOM": "01/05/2025", "RNE": "P"},  # no S episode
    ]
    placed = [
        {"CHILD": "1", "DATE_PLACED": "01/04/2025"},
        {"CHILD": "2", "DATE_PLACED": "15/01/2024"},
        {"CHILD": "3", "DATE_PLACED": "01/06/2025"},
        {"CHILD": "4", "DATE_PLACED": "01/01/2020"},
        {"CHILD": "5"},
    ]
    tables = {"Episodes": episodes, "PlacedAdoption": placed}
    assert flagged("1003", tables) == {"Episodes": [0, 2], "PlacedAdoption": [0, 1]}
    tables = {"Episodes": episodes, "PlacedAdoption": placed[2:]}
    assert flagged("1003", tables) == {}
