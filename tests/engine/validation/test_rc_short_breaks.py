"""Rules on short breaks (V3 and V4): 365-367, 382, 384, 398, 399, 420 and 426.

The collection year is 2025-26 (01/04/2025 to 31/03/2026) unless a test says otherwise.
"""

from __future__ import annotations

from tests.engine.validation.cases import flagged


def test_365_a_single_short_break_is_at_most_17_days() -> None:
    episodes = [
        {"CHILD": "1", "LS": "V3", "DECOM": "01/06/2025", "DEC": "18/06/2025"},  # 0 17 days
        {"CHILD": "2", "LS": "V3", "DECOM": "01/06/2025", "DEC": "19/06/2025"},  # 1 18 days
        {"CHILD": "3", "LS": "V3", "DECOM": "10/03/2026"},  # 2 open: 21 days to 31/03
        {"CHILD": "4", "LS": "V3", "DECOM": "14/03/2026"},  # 3 open: 17 days to 31/03
        {"CHILD": "5", "LS": "V4", "DECOM": "01/06/2025", "DEC": "30/09/2025"},  # 4 V4 is not limited
        {"CHILD": "6", "LS": "V3", "DEC": "30/09/2025"},  # 5 no start date: not measured
    ]
    assert flagged("365", {"Episodes": episodes}) == {"Episodes": [1, 2]}
    assert flagged("365", {"Episodes": [episodes[0], episodes[3], episodes[4]]}) == {}


def test_366_a_short_break_starts_a_period_of_care() -> None:
    episodes = [
        {"CHILD": "1", "LS": "V3", "RNE": "S"},  # 0
        {"CHILD": "2", "LS": "V3", "RNE": "P"},  # 1
        {"CHILD": "3", "LS": "V3"},  # 2 blank RNE
        {"CHILD": "4", "LS": "V4", "RNE": "P"},  # 3 only V3 is checked
    ]
    assert flagged("366", {"Episodes": episodes}) == {"Episodes": [1, 2]}
    assert flagged("366", {"Episodes": [episodes[0], episodes[3]]}) == {}


def test_367_at_most_75_days_of_short_breaks_in_the_year() -> None:
    episodes = [
        # child 1: 30 + 30 + 19 = 79 days
        {"CHILD": "1", "LS": "V3", "DECOM": "01/04/2025", "DEC": "01/05/2025"},  # 0
        {"CHILD": "1", "LS": "V3", "DECOM": "01/06/2025", "DEC": "01/07/2025"},  # 1
        {"CHILD": "1", "LS": "V3", "DECOM": "01/08/2025", "DEC": "20/08/2025"},  # 2
        # child 2: 01/03/2025 to 10/04/2025 counts from 01/04 (9 days), + 66 days = 75
        {"CHILD": "2", "LS": "V3", "DECOM": "01/03/2025", "DEC": "10/04/2025"},  # 3
        {"CHILD": "2", "LS": "V3", "DECOM": "01/05/2025", "DEC": "06/07/2025"},  # 4
        # child 3: open from 01/01/2026, 89 days to 31/03
        {"CHILD": "3", "LS": "V3", "DECOM": "01/01/2026"},  # 5
        # child 4: a C2 episode does not count
        {"CHILD": "4", "LS": "C2", "DECOM": "01/04/2025"},  # 6
    ]
    assert flagged("367", {"Episodes": episodes}) == {"Episodes": [0, 1, 2, 5]}
    assert flagged("367", {"Episodes": episodes[3:5] + episodes[6:]}) == {}


def test_382_no_temporary_placement_on_a_short_break() -> None:
    episodes = [
        {"CHILD": "1", "LS": "V3", "PLACE": "T0"},  # 0
        {"CHILD": "2", "LS": "V4", "PLACE": "T3"},  # 1
        {"CHILD": "3", "LS": "V3", "PLACE": "U3"},  # 2
        {"CHILD": "4", "LS": "C2", "PLACE": "T1"},  # 3 not a short break
    ]
    assert flagged("382", {"Episodes": episodes}) == {"Episodes": [0, 1]}
    assert flagged("382", {"Episodes": episodes[2:]}) == {}


def test_384_no_long_term_fostering_on_a_short_break() -> None:
    episodes = [
        {"CHILD": "1", "LS": "V3", "PLACE": "U1"},  # 0
        {"CHILD": "2", "LS": "V4", "PLACE": "U4"},  # 1
        {"CHILD": "3", "LS": "V4", "PLACE": "U6"},  # 2
        {"CHILD": "4", "LS": "C2", "PLACE": "U4"},  # 3
    ]
    assert flagged("384", {"Episodes": episodes}) == {"Episodes": [0, 1]}
    assert flagged("384", {"Episodes": episodes[2:]}) == {}


def test_398_no_postcodes_on_a_short_break() -> None:
    episodes = [
        {"CHILD": "1", "LS": "V3", "HOME_POST": "AB1 0", "PL_POST": ""},  # 0
        {"CHILD": "2", "LS": "V4", "HOME_POST": "", "PL_POST": "AB1 0"},  # 1
        {"CHILD": "3", "LS": "V3"},  # 2
        {"CHILD": "4", "LS": "C2", "HOME_POST": "AB1 0", "PL_POST": "AB2 0"},  # 3
    ]
    assert flagged("398", {"Episodes": episodes}) == {"Episodes": [0, 1]}
    assert flagged("398", {"Episodes": episodes[2:]}) == {}


def test_399_no_mother_or_reviews_for_a_child_only_on_short_breaks() -> None:
    episodes = [
        {"CHILD": "101", "LS": "V4"},  # 0 } only short breaks, MOTHER and a review given
        {"CHILD": "101", "LS": "V4"},  # 1 }
        {"CHILD": "103", "LS": "V3"},  # 2 only short breaks, nothing given
        {"CHILD": "104", "LS": "C2"},  # 3 not on short breaks
        {"CHILD": "108", "LS": "V3"},  # 4 } also looked after under C2:
        {"CHILD": "108", "LS": "C2"},  # 5 } reviews are expected
        {"CHILD": "110", "LS": "V3"},  # 6 only short breaks, a review given
    ]
    header = [
        {"CHILD": "101", "MOTHER": "0"},  # 0
        {"CHILD": "103"},  # 1
        {"CHILD": "104", "MOTHER": "0"},  # 2
        {"CHILD": "108", "MOTHER": "1"},  # 3
        {"CHILD": "110"},  # 4 flagged with the child's review
    ]
    reviews = [
        {"CHILD": "101", "REVIEW": "01/06/2025", "REVIEW_CODE": "PN1"},  # 0
        {"CHILD": "104", "REVIEW": "01/06/2025", "REVIEW_CODE": "PN1"},  # 1
        {"CHILD": "108", "REVIEW": "01/06/2025", "REVIEW_CODE": "PN1"},  # 2
        {"CHILD": "110", "REVIEW": "01/07/2025"},  # 3
    ]
    tables = {"Episodes": episodes, "Header": header, "Reviews": reviews}
    assert flagged("399", tables) == {"Episodes": [0, 1, 6], "Header": [0, 4], "Reviews": [0, 3]}
    clean = {"Episodes": episodes[2:6], "Header": header[1:4], "Reviews": reviews[1:3]}
    assert flagged("399", clean) == {}


def test_420_no_placement_area_on_a_short_break() -> None:
    episodes = [
        {"CHILD": "1", "LS": "V3", "PL_LA": "E09000001"},  # 0
        {"CHILD": "2", "LS": "V4", "PL_LA": None},  # 1
        {"CHILD": "3", "LS": "C2", "PL_LA": "E09000001"},  # 2
    ]
    assert flagged("420", {"Episodes": episodes}) == {"Episodes": [0]}
    assert flagged("420", {"Episodes": episodes[1:]}) == {}


def test_426_not_both_v3_and_v4_in_one_year() -> None:
    episodes = [
        {"CHILD": "1", "LS": "V3"},  # 0
        {"CHILD": "1", "LS": "V4"},  # 1
        {"CHILD": "1", "LS": "C2"},  # 2
        {"CHILD": "2", "LS": "V3"},  # 3
        {"CHILD": "2", "LS": "V3"},  # 4
        {"CHILD": "3", "LS": "V4"},  # 5
    ]
    assert flagged("426", {"Episodes": episodes}) == {"Episodes": [0, 1]}
    assert flagged("426", {"Episodes": episodes[2:]}) == {}
