"""Rules 522, 559-561, 563, 579, 583 and 584: decisions that a child should be placed for adoption."""

from __future__ import annotations

from tests.engine.validation.cases import flagged


def test_522_decision_cannot_end_before_it_was_made() -> None:
    placed = [
        {"CHILD": "1", "DATE_PLACED": "01/05/2025", "DATE_PLACED_CEASED": "30/04/2025"},
        {"CHILD": "2", "DATE_PLACED": "01/05/2025", "DATE_PLACED_CEASED": "01/05/2025"},
        {"CHILD": "3", "DATE_PLACED_CEASED": "01/05/2025"},
    ]
    assert flagged("522", {"PlacedAdoption": placed}) == {"PlacedAdoption": [0]}
    assert flagged("522", {"PlacedAdoption": placed[1:]}) == {}


def test_559_decision_before_this_year_must_be_in_last_years_return() -> None:
    # Validating 2025-26: the year starts 01/04/2025.
    placed = [
        {"CHILD": "1", "DATE_PLACED": "01/02/2025"},  # last year has it
        {"CHILD": "2", "DATE_PLACED": "01/02/2025"},  # not in last year's return
        {"CHILD": "3", "DATE_PLACED": "01/02/2025"},  # last year's row has no date
        {"CHILD": "4", "DATE_PLACED": "01/04/2025"},  # made this year
    ]
    last = [{"CHILD": "1", "DATE_PLACED": "01/02/2025"}, {"CHILD": "3"}]
    tables = {"PlacedAdoption": placed, "PlacedAdoption_last": last}
    assert flagged("559", tables) == {"PlacedAdoption": [1, 2]}
    assert flagged("559", {"PlacedAdoption": [placed[0], placed[3]], "PlacedAdoption_last": last}) == {}


def test_560_open_decision_last_year_carries_over_with_its_date() -> None:
    last = [
        {"CHILD": "1", "DATE_PLACED": "01/02/2025"},
        {"CHILD": "2", "DATE_PLACED": "01/02/2025"},
        {"CHILD": "3", "DATE_PLACED": "01/02/2025", "DATE_PLACED_CEASED": "01/03/2025"},  # ended
    ]
    placed = [
        {"CHILD": "1", "DATE_PLACED": "01/02/2025"},
        {"CHILD": "2", "DATE_PLACED": "02/02/2025"},  # date changed
        {"CHILD": "3", "DATE_PLACED": "01/06/2025"},  # a new decision after one that ended
    ]
    tables = {"PlacedAdoption": placed, "PlacedAdoption_last": last}
    assert flagged("560", tables) == {"PlacedAdoption": [1]}
    placed[1]["DATE_PLACED"] = "01/02/2025"
    assert flagged("560", tables) == {}


def test_560_peer_difference_new_decision_after_the_carried_one() -> None:
    # Last year's open decision (01/02/2025) is carried over and ends in June; a new decision
    # follows in August. The peer flags the August row (its date differs from last year's).
    last = [{"CHILD": "1", "DATE_PLACED": "01/02/2025"}]
    placed = [
        {
            "CHILD": "1",
            "DATE_PLACED": "01/02/2025",
            "DATE_PLACED_CEASED": "01/06/2025",
            "REASON_PLACED_CEASED": "RD1",
        },
        {"CHILD": "1", "DATE_PLACED": "01/08/2025"},
    ]
    assert flagged("560", {"PlacedAdoption": placed, "PlacedAdoption_last": last}) == {}


def test_561_decision_that_ended_last_year_cannot_continue() -> None:
    last = [
        {"CHILD": "1", "DATE_PLACED": "01/02/2025", "REASON_PLACED_CEASED": "RD1"},
        {"CHILD": "2", "DATE_PLACED": "01/02/2025", "DATE_PLACED_CEASED": "01/03/2025"},
        {"CHILD": "3", "DATE_PLACED": "01/02/2025"},
    ]
    placed = [
        {"CHILD": "1", "DATE_PLACED": "01/02/2025"},
        {"CHILD": "2", "DATE_PLACED": "01/06/2025"},  # a new decision
        {"CHILD": "3", "DATE_PLACED": "01/02/2025"},  # carried over, still open
    ]
    tables = {"PlacedAdoption": placed, "PlacedAdoption_last": last}
    assert flagged("561", tables) == {"PlacedAdoption": [0]}
    assert flagged("561", {"PlacedAdoption": placed[1:], "PlacedAdoption_last": last}) == {}


def test_563_ended_decision_needs_its_start_date() -> None:
    placed = [
        {"CHILD": "1", "DATE_PLACED_CEASED": "01/06/2025", "REASON_PLACED_CEASED": "RD1"},
        {
            "CHILD": "2",
            "DATE_PLACED": "01/02/2025",
            "DATE_PLACED_CEASED": "01/06/2025",
            "REASON_PLACED_CEASED": "RD1",
        },
        {"CHILD": "3", "DATE_PLACED_CEASED": "01/06/2025"},  # no reason: not this rule
    ]
    assert flagged("563", {"PlacedAdoption": placed}) == {"PlacedAdoption": [0]}
    assert flagged("563", {"PlacedAdoption": placed[1:]}) == {}


def test_579_decisions_must_not_overlap() -> None:
    placed = [
        {"CHILD": "1", "DATE_PLACED": "01/05/2025", "DATE_PLACED_CEASED": "01/07/2025"},
        {"CHILD": "1", "DATE_PLACED": "01/08/2025"},  # after the first ended: fine
        {"CHILD": "2", "DATE_PLACED": "01/08/2025"},  # follows an open decision (the next row)
        {"CHILD": "2", "DATE_PLACED": "01/05/2025"},
        {"CHILD": "3", "DATE_PLACED": "01/05/2025", "DATE_PLACED_CEASED": "01/09/2025"},
        {"CHILD": "3", "DATE_PLACED": "01/08/2025"},  # before the previous one ended
    ]
    assert flagged("579", {"PlacedAdoption": placed}) == {"PlacedAdoption": [2, 5]}
    assert flagged("579", {"PlacedAdoption": placed[:2]}) == {}


def test_583_only_the_latest_decision_may_be_open() -> None:
    placed = [
        {"CHILD": "1", "DATE_PLACED": "01/05/2025"},  # earlier, open
        {"CHILD": "1", "DATE_PLACED": "01/08/2025"},  # latest
        {"CHILD": "2", "DATE_PLACED": "01/05/2025", "DATE_PLACED_CEASED": "01/07/2025"},
        {"CHILD": "2", "DATE_PLACED": "01/08/2025"},
        {"CHILD": "3", "DATE_PLACED": "01/05/2025"},  # only decision
    ]
    assert flagged("583", {"PlacedAdoption": placed}) == {"PlacedAdoption": [0]}
    assert flagged("583", {"PlacedAdoption": placed[1:]}) == {}


def test_583_peer_difference_latest_by_date_not_by_text() -> None:
    # As text "15/03/2025" sorts after "01/05/2025", so the peer takes the March decision as the
    # latest and flags the May one, which is the real latest and may be open.
    placed = [
        {"CHILD": "1", "DATE_PLACED": "15/03/2025", "DATE_PLACED_CEASED": "20/04/2025"},
        {"CHILD": "1", "DATE_PLACED": "01/05/2025"},
    ]
    assert flagged("583", {"PlacedAdoption": placed}) == {}


def test_584_decision_after_one_that_ended_last_year_is_later() -> None:
    last = [
        {"CHILD": "1", "DATE_PLACED": "01/05/2024", "DATE_PLACED_CEASED": "01/09/2024"},
        {"CHILD": "2", "DATE_PLACED": "01/05/2024", "REASON_PLACED_CEASED": "RD1"},
        {"CHILD": "3", "DATE_PLACED": "01/05/2024", "DATE_PLACED_CEASED": "01/09/2024"},
        {"CHILD": "4", "DATE_PLACED": "01/05/2024"},  # still open: not this rule
    ]
    placed = [
        {"CHILD": "1", "DATE_PLACED": "01/06/2025"},
        {"CHILD": "2", "DATE_PLACED": "01/05/2024"},  # the same date as the one that ended
        {"CHILD": "3"},  # no date
        {"CHILD": "4", "DATE_PLACED": "01/04/2024"},
    ]
    tables = {"PlacedAdoption": placed, "PlacedAdoption_last": last}
    assert flagged("584", tables) == {"PlacedAdoption": [1, 2]}
    assert flagged("584", {"PlacedAdoption": [placed[0], placed[3]], "PlacedAdoption_last": last}) == {}


def test_584_peer_difference_dates_not_text_and_the_right_row() -> None:
    # Child B's new decision (10/01/2025) is after last year's (20/05/2023): nothing is wrong. The peer
    # compares text ("10/..." < "20/...") and then flags row 0, which is child A's.
    placed = [{"CHILD": "A", "DATE_PLACED": "01/06/2025"}, {"CHILD": "B", "DATE_PLACED": "10/01/2025"}]
    last = [{"CHILD": "B", "DATE_PLACED": "20/05/2023", "DATE_PLACED_CEASED": "01/09/2023"}]
    assert flagged("584", {"PlacedAdoption": placed, "PlacedAdoption_last": last}) == {}
