"""Rules 521, 523, 525, 551-554, 557, 558 and 582: adoption episodes, AD1 and PlacedAdoption."""

from __future__ import annotations

from tests.engine.validation.cases import flagged


def test_521_best_interests_decision_on_or_before_adoption_placement() -> None:
    episodes = [
        {"CHILD": "1", "DECOM": "01/06/2025", "PLACE": "A4"},  # decided 01/05: fine
        {"CHILD": "2", "DECOM": "01/06/2025", "PLACE": "A6"},  # decided 02/06: after placement
        {"CHILD": "2", "DECOM": "01/05/2025", "PLACE": "U4"},  # not an adoption placement
        {"CHILD": "3", "DECOM": "01/06/2025", "PLACE": "A3"},  # decided the same day: fine
    ]
    ad1 = [
        {"CHILD": "1", "DATE_INT": "01/05/2025"},
        {"CHILD": "2", "DATE_INT": "02/06/2025"},
        {"CHILD": "3", "DATE_INT": "01/06/2025"},
    ]
    assert flagged("521", {"Episodes": episodes, "AD1": ad1}) == {"Episodes": [1], "AD1": [1]}
    ad1[1]["DATE_INT"] = "01/06/2025"
    assert flagged("521", {"Episodes": episodes, "AD1": ad1}) == {}


def test_523_date_placed_and_date_int_are_the_same_decision() -> None:
    placed = [
        {"CHILD": "1", "DATE_PLACED": "01/05/2025"},
        {"CHILD": "2", "DATE_PLACED": "01/05/2025"},
        {"CHILD": "3"},  # no date: not compared
    ]
    ad1 = [
        {"CHILD": "1", "DATE_INT": "01/05/2025"},
        {"CHILD": "2", "DATE_INT": "02/05/2025"},
        {"CHILD": "3", "DATE_INT": "02/05/2025"},
    ]
    assert flagged("523", {"PlacedAdoption": placed, "AD1": ad1}) == {"PlacedAdoption": [1], "AD1": [1]}
    assert flagged("523", {"PlacedAdoption": placed, "AD1": [ad1[0]]}) == {}


def test_525_reversed_decision_cannot_be_adopted() -> None:
    placed = [
        {"CHILD": "1", "DATE_PLACED": "01/05/2025", "DATE_PLACED_CEASED": "01/09/2025"},
        {"CHILD": "2", "DATE_PLACED": "01/05/2025"},  # not reversed
        {"CHILD": "3", "DATE_PLACED": "01/05/2025", "DATE_PLACED_CEASED": "01/09/2025"},  # no AD1 details
    ]
    ad1 = [
        {"CHILD": "1", "NB_ADOPTR": "2"},
        {"CHILD": "2", "DATE_MATCH": "01/07/2025"},
        {"CHILD": "3"},
    ]
    assert flagged("525", {"PlacedAdoption": placed, "AD1": ad1}) == {"PlacedAdoption": [0], "AD1": [0]}
    assert flagged("525", {"PlacedAdoption": placed[1:], "AD1": ad1}) == {}


def test_551_placed_for_adoption_needs_a_decision_date() -> None:
    episodes = [
        {"CHILD": "1", "PLACE": "A5"},
        {"CHILD": "2", "PLACE": "A5"},  # PlacedAdoption row has no DATE_PLACED
        {"CHILD": "3", "PLACE": "A3"},  # no PlacedAdoption row
        {"CHILD": "4", "PLACE": "U4"},  # not placed for adoption
    ]
    placed = [{"CHILD": "1", "DATE_PLACED": "01/05/2025"}, {"CHILD": "2"}]
    assert flagged("551", {"Episodes": episodes, "PlacedAdoption": placed}) == {"Episodes": [1, 2]}
    assert flagged("551", {"Episodes": [episodes[0], episodes[3]], "PlacedAdoption": placed}) == {}


def test_552_decision_on_or_before_first_adoption_placement() -> None:
    episodes = [
        {"CHILD": "1", "DECOM": "01/07/2025", "PLACE": "A4"},
        {"CHILD": "1", "DECOM": "01/06/2025", "PLACE": "A4"},  # first adoption placement
        {"CHILD": "2", "DECOM": "01/06/2025", "PLACE": "A6"},
    ]
    placed = [
        {"CHILD": "1", "DATE_PLACED": "01/05/2025"},
        {"CHILD": "1", "DATE_PLACED": "15/06/2025"},  # the latest decision: after 01/06
        {"CHILD": "2", "DATE_PLACED": "01/06/2025"},  # same day: fine
    ]
    assert flagged("552", {"Episodes": episodes, "PlacedAdoption": placed}) == {
        "Episodes": [1],
        "PlacedAdoption": [1],
    }
    assert flagged("552", {"Episodes": episodes, "PlacedAdoption": [placed[0], placed[2]]}) == {}


def test_553_placement_order_needs_an_open_decision() -> None:
    episodes = [
        {"CHILD": "1", "DECOM": "01/05/2025", "LS": "E1"},  # open, decision ended: PA row flagged
        {"CHILD": "2", "DECOM": "01/05/2025", "LS": "E1"},  # no PlacedAdoption row
        {"CHILD": "3", "DECOM": "01/05/2025", "DEC": "01/08/2025", "LS": "E1"},  # ended: may be ceased
        {"CHILD": "4", "DECOM": "01/05/2025", "LS": "C2"},
    ]
    placed = [
        {"CHILD": "1", "DATE_PLACED": "01/04/2025", "REASON_PLACED_CEASED": "RD1"},
        {"CHILD": "3", "DATE_PLACED": "01/04/2025", "DATE_PLACED_CEASED": "01/08/2025"},
    ]
    assert flagged("553", {"Episodes": episodes, "PlacedAdoption": placed}) == {
        "Episodes": [1],
        "PlacedAdoption": [0],
    }
    placed[0]["REASON_PLACED_CEASED"] = ""
    assert flagged("553", {"Episodes": [episodes[0], *episodes[2:]], "PlacedAdoption": placed}) == {}


def test_554_decision_on_or_before_first_placement_order() -> None:
    episodes = [
        {"CHILD": "1", "DECOM": "01/06/2025", "LS": "E1"},  # first E1 episode
        {"CHILD": "1", "DECOM": "01/08/2025", "LS": "E1"},
        {"CHILD": "2", "DECOM": "01/06/2025", "LS": "E1"},
        {"CHILD": "3", "DECOM": "01/06/2025", "LS": "C2"},
    ]
    placed = [
        {"CHILD": "1", "DATE_PLACED": "01/07/2025"},  # after the first E1 episode
        {"CHILD": "2", "DATE_PLACED": "01/06/2025"},
        {"CHILD": "3", "DATE_PLACED": "01/07/2025"},  # no placement order
    ]
    assert flagged("554", {"Episodes": episodes, "PlacedAdoption": placed}) == {
        "Episodes": [0],
        "PlacedAdoption": [0],
    }
    placed[0]["DATE_PLACED"] = "01/05/2025"
    assert flagged("554", {"Episodes": episodes, "PlacedAdoption": placed}) == {}


def test_557_left_care_not_adopted_needs_the_decision_ended() -> None:
    episodes = [
        {"CHILD": "1", "PLACE": "A4", "LS": "E1", "REC": "E13"},  # PA row incomplete: both flagged
        {"CHILD": "2", "PLACE": "U4", "LS": "E1", "REC": "E41"},  # no PA row: episode flagged
        {"CHILD": "3", "PLACE": "A4", "LS": "E1", "REC": "E4A"},  # PA row complete
        {"CHILD": "4", "PLACE": "A4", "LS": "E1", "REC": "E11"},  # adopted
        {"CHILD": "5", "PLACE": "A4", "LS": "E1", "REC": "X1"},  # did not leave care
        {"CHILD": "6", "PLACE": "A4", "LS": "E1"},  # still open
        {"CHILD": "7", "PLACE": "U4", "LS": "C2", "REC": "E13"},  # not placed for adoption
    ]
    placed = [
        {"CHILD": "1", "DATE_PLACED_CEASED": "01/09/2025"},
        {"CHILD": "3", "DATE_PLACED_CEASED": "01/09/2025", "REASON_PLACED_CEASED": "RD1"},
        {"CHILD": "6"},
    ]
    assert flagged("557", {"Episodes": episodes, "PlacedAdoption": placed}) == {
        "Episodes": [0, 1],
        "PlacedAdoption": [0],
    }
    assert flagged("557", {"Episodes": episodes[2:], "PlacedAdoption": placed}) == {}


def test_558_adopted_child_has_an_undisrupted_decision() -> None:
    episodes = [
        {"CHILD": "1", "REC": "E11"},  # two decisions, both ended
        {"CHILD": "2", "REC": "E12"},  # two decisions, the latest open
        {"CHILD": "3", "REC": "E11"},  # one decision, ended (the adoption itself)
        {"CHILD": "4", "REC": "E13"},  # not adopted
    ]
    placed = [
        {"CHILD": "1", "DATE_PLACED_CEASED": "01/05/2025"},
        {"CHILD": "1", "DATE_PLACED_CEASED": "01/09/2025"},
        {"CHILD": "2", "DATE_PLACED_CEASED": "01/05/2025"},
        {"CHILD": "2"},
        {"CHILD": "3", "DATE_PLACED_CEASED": "01/09/2025"},
        {"CHILD": "4", "DATE_PLACED_CEASED": "01/05/2025"},
        {"CHILD": "4", "DATE_PLACED_CEASED": "01/09/2025"},
    ]
    assert flagged("558", {"Episodes": episodes, "PlacedAdoption": placed}) == {"Episodes": [0]}
    assert flagged("558", {"Episodes": episodes[1:], "PlacedAdoption": placed}) == {}


def test_558_peer_difference_one_decision_with_two_adoption_episodes() -> None:
    # The peer joins first and counts 2 x 1 = 2 ceased dates; the child has one decision.
    episodes = [
        {"CHILD": "1", "DECOM": "01/05/2025", "DEC": "01/06/2025", "REC": "E11"},
        {"CHILD": "1", "DECOM": "01/06/2025", "DEC": "01/07/2025", "REC": "E11"},
    ]
    placed = [{"CHILD": "1", "DATE_PLACED_CEASED": "01/07/2025"}]
    assert flagged("558", {"Episodes": episodes, "PlacedAdoption": placed}) == {}


def test_582_adoption_on_the_day_of_matching_is_queried() -> None:
    episodes = [
        {"CHILD": "1", "DEC": "01/09/2025", "REC": "E11"},
        {"CHILD": "2", "DEC": "01/09/2025", "REC": "E12"},
        {"CHILD": "3", "DEC": "01/09/2025", "REC": "E13"},
    ]
    ad1 = [
        {"CHILD": "1", "DATE_MATCH": "01/09/2025"},
        {"CHILD": "2", "DATE_MATCH": "01/07/2025"},
        {"CHILD": "3", "DATE_MATCH": "01/09/2025"},
    ]
    assert flagged("582", {"Episodes": episodes, "AD1": ad1}) == {"Episodes": [0]}
    assert flagged("582", {"Episodes": episodes[1:], "AD1": ad1}) == {}
