"""Rules 630-635 on previous permanence (PrevPerm): hand-made failing and passing cases.

Collection year 2025-26: 1 April 2025 to 31 March 2026.
"""

from __future__ import annotations

from tests.engine.validation.cases import flagged


def test_630_child_starting_care_needs_previous_permanence() -> None:
    episodes = [
        {"CHILD": "1", "RNE": "S", "DECOM": "01/05/2025"},
        {"CHILD": "2", "RNE": "S", "DECOM": "01/05/2025"},  # no PrevPerm row: flagged
        {"CHILD": "3", "RNE": "S", "DECOM": "01/05/2025"},
        {"CHILD": "4", "RNE": "S", "DECOM": "01/05/2025"},  # P1 without DATE_PERM: flagged
        {"CHILD": "5", "RNE": "S", "DECOM": "01/04/2025"},  # PREV_PERM blank: flagged
        {"CHILD": "6", "RNE": "S", "DECOM": "31/03/2025"},  # started last year
        {"CHILD": "7", "RNE": "P", "DECOM": "01/05/2025"},  # not a start of care
    ]
    prev = [
        {"CHILD": "1", "PREV_PERM": "Z1"},
        {"CHILD": "3", "PREV_PERM": "P1", "LA_PERM": "352", "DATE_PERM": "01/01/2020"},
        {"CHILD": "4", "PREV_PERM": "P1", "LA_PERM": "352"},
        {"CHILD": "5", "LA_PERM": "352"},
    ]
    assert flagged("630", {"Episodes": episodes, "PrevPerm": prev}) == {"Episodes": [1, 3, 4]}
    tables = {"Episodes": [episodes[0], episodes[2], episodes[5], episodes[6]], "PrevPerm": prev}
    assert flagged("630", tables) == {}


def test_631_previous_permanence_code() -> None:
    prev = [
        {"CHILD": "1", "PREV_PERM": "P1"},
        {"CHILD": "2", "PREV_PERM": "P4"},
        {"CHILD": "3", "PREV_PERM": "Z1"},
        {"CHILD": "4", "PREV_PERM": "P0"},
        {"CHILD": "5", "PREV_PERM": "X"},
        {"CHILD": "6"},
    ]
    assert flagged("631", {"PrevPerm": prev}) == {"PrevPerm": [3, 4]}
    assert flagged("631", {"PrevPerm": prev[:3] + prev[5:]}) == {}


def test_632_date_of_previous_order_readable_and_before_care() -> None:
    prev = [
        {"CHILD": "101", "DATE_PERM": "xx/10/2011"},  # not a date: flagged
        {"CHILD": "102", "DATE_PERM": "17/06/2001"},  # same day as the first episode: flagged
        {"CHILD": "104"},
        {"CHILD": "105", "DATE_PERM": "05/ZZ/2020"},  # at latest 05/12/2020, before 01/03/2021
        {"CHILD": "106", "DATE_PERM": "zz/05/2021"},  # at latest 31/05/2021, before 01/07/2021
        {"CHILD": "107", "DATE_PERM": "ZZ/ZZ/ZZZZ"},  # nothing known: cannot be compared
        {"CHILD": "109", "DATE_PERM": "ZZ/ZZ/ZZ"},  # two-letter year: flagged
        {"CHILD": "110", "DATE_PERM": "01/13/2000"},  # month 13: flagged
        {"CHILD": "111", "DATE_PERM": "29/02/2021"},  # not a leap year: flagged
        {"CHILD": "112", "DATE_PERM": "ZZ/06/2021"},  # June 2021 may end after 10/06/2021: flagged
    ]
    episodes = [
        {"CHILD": "101", "DECOM": "20/10/2011"},  # 0
        {"CHILD": "102", "DECOM": "19/11/2021"},
        {"CHILD": "102", "DECOM": "17/06/2001"},  # 2: the child's first episode
        {"CHILD": "104", "DECOM": "11/09/2015"},
        {"CHILD": "105", "DECOM": "01/03/2021"},
        {"CHILD": "106", "DECOM": "01/07/2021"},
        {"CHILD": "107", "DECOM": "01/07/2021"},
        {"CHILD": "109", "DECOM": "01/07/2021"},  # 7
        {"CHILD": "110", "DECOM": "01/07/2021"},  # 8
        {"CHILD": "111", "DECOM": "01/07/2021"},  # 9
        {"CHILD": "112", "DECOM": "10/06/2021"},  # 10
    ]
    expected = {"Episodes": [0, 2, 7, 8, 9, 10], "PrevPerm": [0, 1, 6, 7, 8, 9]}
    assert flagged("632", {"Episodes": episodes, "PrevPerm": prev}) == expected
    passing = [p for p in prev if p["CHILD"] in {"104", "105", "106", "107"}]
    assert flagged("632", {"Episodes": episodes, "PrevPerm": passing}) == {}


def test_632_peer_difference_partly_unknown_dates() -> None:
    # 15/ZZ/2020 was at the latest 15/12/2020, before care began on 10/01/2021 (the peer reads it as
    # 14/01/2021 and flags it); ZZ/ZZ/ZZZZ cannot be dated at all (the peer reads it as 31/12/2000).
    prev = [{"CHILD": "1", "DATE_PERM": "15/ZZ/2020"}, {"CHILD": "2", "DATE_PERM": "ZZ/ZZ/ZZZZ"}]
    episodes = [{"CHILD": "1", "DECOM": "10/01/2021"}, {"CHILD": "2", "DECOM": "01/06/2000"}]
    assert flagged("632", {"Episodes": episodes, "PrevPerm": prev}) == {}


def test_633_council_code_of_previous_order() -> None:
    prev = [
        {"CHILD": "1"},
        {"CHILD": "2", "LA_PERM": "SCO"},
        {"CHILD": "3", "LA_PERM": "204"},
        {"CHILD": "4", "LA_PERM": "458"},  # flagged
        {"CHILD": "5", "LA_PERM": "176"},  # flagged
        {"CHILD": "6", "LA_PERM": "909"},  # Cumbria, before 2023: still a valid code
        {"CHILD": "7", "LA_PERM": "sco"},  # codes are read in capitals, as the peer reads them
    ]
    assert flagged("633", {"PrevPerm": prev}) == {"PrevPerm": [3, 4]}
    assert flagged("633", {"PrevPerm": prev[:3] + prev[5:]}) == {}


def test_633_peer_difference_councils_created_since_2019() -> None:
    # Cumberland (942) and the other councils created since 2019 are rejected by the peer's list.
    prev = [
        {"CHILD": str(n), "LA_PERM": code}
        for n, code in enumerate(["838", "839", "940", "941", "942", "943"])
    ]
    assert flagged("633", {"PrevPerm": prev}) == {}


def test_634_previous_permanence_only_for_care_from_april_2016() -> None:
    prev = [
        {"CHILD": "101", "PREV_PERM": "Z1"},  # all episodes before 2016: flagged, with its episode
        {"CHILD": "102", "LA_PERM": "352"},
        {"CHILD": "103"},  # nothing given
        {"CHILD": "104", "PREV_PERM": "P1"},  # no episodes
        {"CHILD": "105", "DATE_PERM": "ZZ/ZZ/2000"},  # all episodes before 2016: flagged
    ]
    episodes = [
        {"CHILD": "101", "DECOM": "20/10/2011"},  # 0
        {"CHILD": "102", "DECOM": "19/11/2021"},
        {"CHILD": "102", "DECOM": "17/06/2001"},
        {"CHILD": "103", "DECOM": "04/04/2002"},
        {"CHILD": "105", "DECOM": "04/04/2002"},  # 4
        {"CHILD": "105", "DECOM": "31/03/2016"},  # 5
    ]
    expected = {"PrevPerm": [0, 4], "Episodes": [0, 4, 5]}
    assert flagged("634", {"Episodes": episodes, "PrevPerm": prev}) == expected
    assert flagged("634", {"Episodes": episodes, "PrevPerm": prev[1:4]}) == {}


def test_634_peer_difference_april_2016_not_the_start_of_this_year() -> None:
    # The child came into care in 2021, after April 2016; the peer compares with 1 April 2025 instead.
    prev = [{"CHILD": "1", "PREV_PERM": "P2", "LA_PERM": "352", "DATE_PERM": "01/01/2020"}]
    episodes = [{"CHILD": "1", "DECOM": "19/11/2021"}]
    assert flagged("634", {"Episodes": episodes, "PrevPerm": prev}) == {}


def test_635_order_details_but_no_previous_permanence() -> None:
    prev = [
        {"CHILD": "2", "PREV_PERM": "Z1"},
        {"CHILD": "4", "LA_PERM": "352"},  # PREV_PERM blank: flagged
        {"CHILD": "5", "DATE_PERM": "01/05/2000"},  # PREV_PERM blank: flagged
        {"CHILD": "6", "PREV_PERM": "Z1", "LA_PERM": "352"},  # Z1 with a council: flagged
        {"CHILD": "7"},
        {"CHILD": "8", "PREV_PERM": "P1", "LA_PERM": "352", "DATE_PERM": "05/05/2020"},
    ]
    assert flagged("635", {"PrevPerm": prev}) == {"PrevPerm": [1, 2, 3]}
    assert flagged("635", {"PrevPerm": [prev[0], prev[4], prev[5]]}) == {}


def test_635_peer_difference_z1_with_order_details() -> None:
    # The message names Z1; the peer flags only a blank PREV_PERM, so passes this row.
    prev = [{"CHILD": "1", "PREV_PERM": "Z1", "LA_PERM": "352", "DATE_PERM": "05/05/2020"}]
    assert flagged("635", {"PrevPerm": prev}) == {"PrevPerm": [0]}
