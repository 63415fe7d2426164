"""Rules 564-567, 570, 571, 574-578, 580, 581 and 586 (validating 2025-26: 01/04/2025 to 31/03/2026)."""

from __future__ import annotations

from tests.engine.validation.cases import flagged


def test_564_565_566_missing_code_and_dates_go_together() -> None:
    missing = [
        {"CHILD": "1", "MISSING": "M", "MIS_START": "01/05/2025", "MIS_END": "02/05/2025"},
        {"CHILD": "2", "MISSING": "a"},  # no start (codes are read upper-cased)
        {"CHILD": "3", "MIS_START": "01/05/2025"},  # start but no code
        {"CHILD": "4", "MIS_END": "02/05/2025"},  # end but no code
    ]
    assert flagged("564", {"Missing": missing}) == {"Missing": [1]}
    assert flagged("565", {"Missing": missing}) == {"Missing": [2]}
    assert flagged("566", {"Missing": missing}) == {"Missing": [3]}
    for code in ("564", "565", "566"):
        assert flagged(code, {"Missing": missing[:1]}) == {}


def test_567_period_cannot_end_before_it_started() -> None:
    missing = [
        {"CHILD": "1", "MIS_START": "02/05/2025", "MIS_END": "01/05/2025"},
        {"CHILD": "2", "MIS_START": "02/05/2025", "MIS_END": "02/05/2025"},
        {"CHILD": "3", "MIS_START": "02/05/2025"},
    ]
    assert flagged("567", {"Missing": missing}) == {"Missing": [0]}
    assert flagged("567", {"Missing": missing[1:]}) == {}


def test_570_571_dates_within_the_collection_year() -> None:
    missing = [
        {"CHILD": "1", "MIS_START": "01/04/2026"},  # starts after the year
        {"CHILD": "2", "MIS_START": "01/03/2025", "MIS_END": "31/03/2025"},  # ended before the year
        {"CHILD": "3", "MIS_START": "01/03/2026", "MIS_END": "01/04/2026"},  # ends after the year
        {"CHILD": "4", "MIS_START": "01/03/2025", "MIS_END": "01/04/2025"},
        {"CHILD": "5", "MIS_START": "31/03/2026", "MIS_END": "31/03/2026"},
    ]
    assert flagged("570", {"Missing": missing}) == {"Missing": [0]}
    assert flagged("571", {"Missing": missing}) == {"Missing": [1, 2]}
    assert flagged("570", {"Missing": missing[1:]}) == {}
    assert flagged("571", {"Missing": missing[3:]}) == {}


def test_574_periods_must_not_overlap() -> None:
    missing = [
        {"CHILD": "1", "MIS_START": "01/05/2025", "MIS_END": "03/05/2025"},
        {"CHILD": "1", "MIS_START": "03/05/2025", "MIS_END": "04/05/2025"},  # starts as the other ends
        {"CHILD": "2", "MIS_START": "01/05/2025", "MIS_END": "05/05/2025"},
        {"CHILD": "2", "MIS_START": "03/05/2025", "MIS_END": "08/05/2025"},  # overlaps: flagged
        {"CHILD": "3", "MIS_START": "01/05/2025"},  # open...
        {"CHILD": "3", "MIS_START": "03/06/2025", "MIS_END": "04/06/2025"},  # ...then another: flagged
    ]
    assert flagged("574", {"Missing": missing}) == {"Missing": [3, 5]}
    assert flagged("574", {"Missing": missing[:2]}) == {}


EPISODES = [
    {"CHILD": "1", "DECOM": "01/04/2025", "DEC": "01/06/2025", "REC": "X1"},
    {"CHILD": "1", "DECOM": "01/06/2025", "DEC": "01/09/2025", "REC": "E13"},  # care ends 01/09
    {"CHILD": "1", "DECOM": "01/11/2025"},  # a second period of care, open
]


def test_575_period_from_a_placement_that_ended_has_an_end_date() -> None:
    missing = [
        {"CHILD": "1", "MIS_START": "10/04/2025"},  # during the first (ended) placement: flagged
        {"CHILD": "1", "MIS_START": "10/04/2025", "MIS_END": "12/04/2025"},
        {"CHILD": "1", "MIS_START": "10/12/2025"},  # during the open placement
    ]
    assert flagged("575", {"Episodes": EPISODES, "Missing": missing}) == {"Missing": [0]}
    assert flagged("575", {"Episodes": EPISODES, "Missing": missing[1:]}) == {}


def test_576_open_period_last_year_carries_over() -> None:
    last = [
        {"CHILD": "1", "MIS_START": "20/03/2025"},
        {"CHILD": "2", "MIS_START": "20/03/2025"},
        {"CHILD": "3", "MIS_START": "20/03/2025", "MIS_END": "21/03/2025"},  # closed
    ]
    missing = [
        {"CHILD": "1", "MIS_START": "01/06/2025", "MIS_END": "02/06/2025"},
        {"CHILD": "1", "MIS_START": "20/03/2025", "MIS_END": "05/04/2025"},  # the earliest: carried over
        {"CHILD": "2", "MIS_START": "21/03/2025", "MIS_END": "05/04/2025"},  # a different start
        {"CHILD": "3", "MIS_START": "01/06/2025", "MIS_END": "02/06/2025"},
    ]
    tables = {"Missing": missing, "Missing_last": last}
    assert flagged("576", tables) == {"Missing": [2]}
    missing[2]["MIS_START"] = "20/03/2025"
    assert flagged("576", tables) == {}


def test_577_period_open_after_care_ended() -> None:
    missing = [
        {"CHILD": "1", "MIS_START": "10/07/2025"},  # open, and the period of care it was in has ended
        {"CHILD": "1", "MIS_START": "10/07/2025", "MIS_END": "12/07/2025"},
        {"CHILD": "1", "MIS_START": "10/12/2025"},  # open, in the open period of care
        {"CHILD": "1", "MIS_START": "10/08/2025", "MIS_END": "05/10/2025"},  # ends between periods
        {"CHILD": "2", "MIS_START": "10/08/2025"},  # no episodes: not checked
    ]
    assert flagged("577", {"Episodes": EPISODES, "Missing": missing}) == {"Missing": [0, 3]}
    assert flagged("577", {"Episodes": EPISODES, "Missing": [missing[1], missing[2], missing[4]]}) == {}


def test_578_start_outside_every_period_of_care() -> None:
    missing = [
        {"CHILD": "1", "MIS_START": "10/07/2025"},  # in the first period of care
        {"CHILD": "1", "MIS_START": "10/10/2025"},  # between the periods: flagged
        {"CHILD": "1", "MIS_START": "10/12/2025"},  # in the open period
        {"CHILD": "1", "MIS_START": "31/03/2025"},  # before care began: flagged
        {"CHILD": "1", "MIS_START": "01/09/2025"},  # the day care ended: within it
    ]
    assert flagged("578", {"Episodes": EPISODES, "Missing": missing}) == {"Missing": [1, 3]}
    assert flagged("578", {"Episodes": EPISODES, "Missing": [missing[0], missing[2], missing[4]]}) == {}


def test_580_missing_at_18_when_care_ends_is_e8() -> None:
    episodes = [
        {"CHILD": "1", "DECOM": "01/01/2024", "DEC": "15/06/2025", "REC": "E13"},
        {"CHILD": "2", "DECOM": "01/01/2024", "DEC": "15/06/2025", "REC": "E8"},
        {"CHILD": "3", "DECOM": "01/01/2024", "DEC": "15/06/2025", "REC": "E13"},
    ]
    missing = [
        {
            "CHILD": "1",
            "DOB": "15/06/2007",
            "MIS_START": "01/06/2025",
            "MIS_END": "15/06/2025",
        },  # 18 that day
        {"CHILD": "2", "DOB": "15/06/2007", "MIS_START": "01/06/2025", "MIS_END": "15/06/2025"},
        {"CHILD": "3", "DOB": "16/06/2007", "MIS_START": "01/06/2025", "MIS_END": "15/06/2025"},  # not 18
    ]
    assert flagged("580", {"Episodes": episodes, "Missing": missing}) == {"Episodes": [0]}
    assert flagged("580", {"Episodes": episodes[1:], "Missing": missing}) == {}


def test_581_start_within_one_of_the_childs_episodes() -> None:
    missing = [
        {"CHILD": "1", "MIS_START": "01/04/2025"},  # the day the first episode starts
        {"CHILD": "1", "MIS_START": "10/10/2025"},  # between episodes: flagged
        {"CHILD": "1", "MIS_START": "01/01/2026"},  # in the open episode
        {"CHILD": "1", "MIS_START": "31/03/2025"},  # before care: flagged
        {"CHILD": "2", "MIS_START": "31/03/2025"},  # no episodes: not checked
    ]
    assert flagged("581", {"Episodes": EPISODES, "Missing": missing}) == {"Missing": [1, 3]}
    assert flagged("581", {"Episodes": EPISODES, "Missing": [missing[0], missing[2]]}) == {}


def test_586_missing_before_birth() -> None:
    missing = [
        {"CHILD": "1", "DOB": "01/05/2025", "MIS_START": "01/05/2025"},
        {"CHILD": "2", "DOB": "01/05/2025", "MIS_START": "02/05/2025"},
        {"CHILD": "3", "DOB": "01/05/2025"},
    ]
    assert flagged("586", {"Missing": missing}) == {"Missing": [0]}
    assert flagged("586", {"Missing": missing[1:]}) == {}
