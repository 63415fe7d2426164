"""Rules 1000-1016 and 3001 on care leavers (OC3): hand-made failing and passing cases.

Collection year 2025-26: 1 April 2025 to 31 March 2026.
"""

from __future__ import annotations

from tests.engine.validation.cases import flagged

IN_TOUCH = {"IN_TOUCH": "YES", "ACTIV": "F2", "ACCOM": "U1"}


def test_1000_died_in_care_has_no_care_leaver_row() -> None:
    episodes = [{"CHILD": "1", "REC": "E2"}, {"CHILD": "2", "REC": "E13"}]
    episodes_last = [{"CHILD": "3", "REC": "E2"}, {"CHILD": "4", "REC": "X1"}]
    oc3 = [{"CHILD": c} for c in "1234"]
    tables = {"Episodes": episodes, "Episodes_last": episodes_last, "OC3": oc3}
    assert flagged("1000", tables) == {"OC3": [0, 2]}
    assert flagged("1000", {"Episodes": episodes, "OC3": oc3}) == {"OC3": [0]}  # this year only
    assert flagged("1000", {"Episodes": episodes, "Episodes_last": episodes_last, "OC3": oc3[1:2]}) == {}


def _leavers_1001() -> dict[str, list[dict[str, object]]]:
    # Born 01/06/2008: 14 on 01/06/2022, 16 on 01/06/2024, 20 only after this year.
    header = [{"CHILD": c, "DOB": "01/06/2008"} for c in "ABCDF"] + [{"CHILD": "E", "DOB": "01/06/2005"}]
    episodes = [
        {"CHILD": "A", "DECOM": "01/05/2025", "DEC": "01/10/2025", "LS": "C2"},  # 153 days since 16
        {"CHILD": "C", "DECOM": "01/05/2025", "DEC": "01/10/2025", "LS": "V3"},  # short breaks only
        {"CHILD": "D", "DECOM": "01/05/2024", "DEC": "01/12/2025", "LS": "C2", "REC": "E11"},  # adopted
        {"CHILD": "F", "DECOM": "01/12/2025", "LS": "C2"},  # open: counts to 31/03/2026, 120 days
        {"CHILD": "F", "DECOM": "01/01/2025", "DEC": "01/02/2025", "LS": "C2"},  # repeated from last year
    ]
    episodes_last = [
        {"CHILD": "B", "DECOM": "01/01/2025", "DEC": "01/02/2025", "LS": "C2"},  # 31 days: too few
        {"CHILD": "F", "DECOM": "01/01/2025", "DEC": "01/02/2025", "LS": "C2"},
    ]
    oc3 = [{"CHILD": c, **IN_TOUCH} for c in "ABCDEF"]
    return {"Header": header, "Episodes": episodes, "Episodes_last": episodes_last, "OC3": oc3}


def test_1001_care_leaver_must_have_been_looked_after_long_enough() -> None:
    tables = _leavers_1001()
    assert flagged("1001", tables) == {"OC3": [1, 2, 3]}
    tables["OC3"] = [r for r in tables["OC3"] if r["CHILD"] in {"A", "F"}]
    assert flagged("1001", tables) == {}


def test_1001_peer_difference_care_leavers_aged_20_and_over() -> None:
    # E is 20 at the end of the year, with no episodes in the two years supplied: not judged. The peer
    # drops E from its count but then flags E for having none.
    tables = _leavers_1001()
    tables["OC3"] = [r for r in tables["OC3"] if r["CHILD"] == "E"]
    assert flagged("1001", tables) == {}


def test_1002_care_leaver_with_no_episodes_in_either_year() -> None:
    episodes = [{"CHILD": "101", "DEC": "20/05/2025"}]
    episodes_last = [{"CHILD": "101"}, {"CHILD": "102", "DEC": "14/03/2025"}]
    oc3 = [{"CHILD": c} for c in ("101", "102", "103")]
    tables = {"Episodes": episodes, "Episodes_last": episodes_last, "OC3": oc3}
    assert flagged("1002", tables) == {"OC3": [2]}
    tables["OC3"] = oc3[:2]
    assert flagged("1002", tables) == {}


def test_1007_still_looked_after_on_17th_or_18th_birthday() -> None:
    # Born 01/06/2008: 17 on 01/06/2025; born 01/06/2007: 18 on 01/06/2025.
    oc3 = [
        {"CHILD": "1", "DOB": "01/06/2008", **IN_TOUCH},  # in care across the birthday: flagged
        {"CHILD": "2", "DOB": "01/06/2008", **IN_TOUCH},  # left care before the birthday
        {"CHILD": "3", "DOB": "01/06/2008"},  # nothing returned
        {"CHILD": "4", "DOB": "01/06/2005", **IN_TOUCH},  # 20
        {"CHILD": "5", "DOB": "01/06/2007", "ACTIV": "G5"},  # in care on the 18th birthday: flagged
    ]
    episodes = [
        {"CHILD": "1", "DECOM": "01/01/2025", "DEC": "01/09/2025"},
        {"CHILD": "2", "DECOM": "01/01/2025", "DEC": "01/05/2025"},
        {"CHILD": "3", "DECOM": "01/01/2025", "DEC": "01/09/2025"},
        {"CHILD": "4", "DECOM": "01/01/2025", "DEC": "01/09/2025"},
        {"CHILD": "5", "DECOM": "01/05/2025", "DEC": "02/06/2025"},
    ]
    assert flagged("1007", {"OC3": oc3, "Episodes": episodes}) == {"OC3": [0, 4]}
    assert flagged("1007", {"OC3": oc3[1:4], "Episodes": episodes}) == {}


def test_1007_peer_difference_open_episode_and_29_february() -> None:
    # Child 1 is still looked after (open episode) on the 17th birthday: the peer only counts an
    # episode with an end date after it. Child 2, born 29/02/2008, turned 18 on 01/03/2026 while in
    # care: the peer fails on the date 29/02/2026.
    oc3 = [{"CHILD": "1", "DOB": "01/06/2008", **IN_TOUCH}, {"CHILD": "2", "DOB": "29/02/2008", **IN_TOUCH}]
    episodes = [{"CHILD": "1", "DECOM": "01/01/2025"}, {"CHILD": "2", "DECOM": "01/01/2026"}]
    assert flagged("1007", {"OC3": oc3, "Episodes": episodes}) == {"OC3": [0, 1]}


def test_1010_open_episode_last_year_but_none_this_year() -> None:
    episodes_last = [
        {"CHILD": "1", "DECOM": "01/01/2024", "DEC": "01/01/2025"},
        {"CHILD": "1", "DECOM": "01/01/2025"},  # final, open: flagged (no episodes this year)
        {"CHILD": "2", "DECOM": "01/01/2025", "DEC": "01/03/2025"},  # final episode ended
        {"CHILD": "3", "DECOM": "01/01/2025"},  # open, and carried on this year
    ]
    episodes = [{"CHILD": "3", "DECOM": "01/01/2025"}]
    oc3 = [{"CHILD": c} for c in "1234"]
    tables = {"Episodes": episodes, "Episodes_last": episodes_last, "OC3": oc3}
    assert flagged("1010", tables) == {"OC3": [0]}
    tables["OC3"] = oc3[1:]
    assert flagged("1010", tables) == {}


def test_1011_care_transferred_to_another_council() -> None:
    episodes = [
        {"CHILD": "1", "DECOM": "01/04/2025", "DEC": "01/06/2025", "REC": "E3"},  # final E3: flagged
        {"CHILD": "2", "DECOM": "01/04/2025", "DEC": "01/05/2025", "REC": "E3"},
        {"CHILD": "2", "DECOM": "01/05/2025", "DEC": "01/06/2025", "REC": "E13"},  # final is E13
        {"CHILD": "3", "DECOM": "01/04/2025", "DEC": "01/06/2025", "REC": "E3"},
    ]
    oc3 = [{"CHILD": "1", "IN_TOUCH": "YES"}, {"CHILD": "2", "IN_TOUCH": "YES"}, {"CHILD": "3"}]
    assert flagged("1011", {"Episodes": episodes, "OC3": oc3}) == {"OC3": [0]}
    assert flagged("1011", {"Episodes": episodes, "OC3": oc3[1:]}) == {}


def test_1014_no_uasc_row_for_care_leavers() -> None:
    episodes = [
        {"CHILD": "2", "DECOM": "01/01/2025"},  # looked after this year
        {"CHILD": "3", "DECOM": "01/01/2024", "DEC": "01/02/2025"},  # ended before the year: flagged
        {"CHILD": "5", "DECOM": "01/01/2024", "DEC": "01/02/2025"},  # the same, but no OC3 details
    ]
    uasc = [{"CHILD": "2"}, {"CHILD": "3"}, {"CHILD": "4"}, {"CHILD": "5"}]
    oc3 = [{"CHILD": "2", **IN_TOUCH}, {"CHILD": "3", **IN_TOUCH}, {"CHILD": "4", **IN_TOUCH}, {"CHILD": "5"}]
    # Child 4, a former UASC care leaver with no episodes this year, is returned in UASC as DfE asks.
    assert flagged("1014", {"Episodes": episodes, "UASC": uasc, "OC3": oc3}) == {"UASC": [1], "OC3": [1]}
    tables = {"Episodes": episodes, "UASC": [uasc[0], uasc[2], uasc[3]], "OC3": oc3}
    assert flagged("1014", tables) == {}


def test_1016_left_care_after_the_17th_or_18th_birthday() -> None:
    oc3 = [
        {"CHILD": "1", "DOB": "01/06/2008", **IN_TOUCH},  # 17; left care after the birthday: flagged
        {"CHILD": "2", "DOB": "01/06/2008", **IN_TOUCH},  # 17; left before it
        {"CHILD": "3", "DOB": "01/06/2007", **IN_TOUCH},  # 18; left after the 18th birthday: flagged
        {"CHILD": "4", "DOB": "01/06/2007", **IN_TOUCH},  # 18; left before the 18th birthday
        {"CHILD": "5", "DOB": "01/06/2008", **IN_TOUCH},  # still looked after
        {"CHILD": "6", "DOB": "01/06/2008"},  # nothing returned
        {"CHILD": "7", "DOB": "29/02/2008", **IN_TOUCH},  # 18 on 01/03/2026; left care the day before
    ]
    episodes = [
        {"CHILD": "1", "DECOM": "01/01/2025", "DEC": "01/09/2025"},
        {"CHILD": "2", "DECOM": "01/01/2025", "DEC": "01/05/2025"},
        {"CHILD": "3", "DECOM": "01/01/2025", "DEC": "01/07/2025"},
        {"CHILD": "4", "DECOM": "01/01/2025", "DEC": "01/05/2025"},
        {"CHILD": "5", "DECOM": "01/01/2025"},
        {"CHILD": "6", "DECOM": "01/01/2025", "DEC": "01/09/2025"},
        {"CHILD": "7", "DECOM": "01/01/2025", "DEC": "28/02/2026"},
    ]
    assert flagged("1016", {"OC3": oc3, "Episodes": episodes}) == {"OC3": [0, 2]}
    passing = [r for r in oc3 if r["CHILD"] in {"2", "4", "5", "6", "7"}]
    assert flagged("1016", {"OC3": passing, "Episodes": episodes}) == {}


def test_1016_peer_difference_calendar_birthdays() -> None:
    # Born 31/03/2009: 17 on 31/03/2026, the last day of the year, and left care that day. The peer
    # measures 6209 days against 17 years of 365.2425 days (6209.1) and takes the young person as 16.
    oc3 = [{"CHILD": "1", "DOB": "31/03/2009", **IN_TOUCH}]
    episodes = [{"CHILD": "1", "DECOM": "01/01/2025", "DEC": "31/03/2026"}]
    assert flagged("1016", {"OC3": oc3, "Episodes": episodes}) == {"OC3": [0]}


def test_3001_no_former_foster_carers_around_the_17th_birthday() -> None:
    header = [
        {"CHILD": "1", "DOB": "01/06/2008"},  # 17 during the year
        {"CHILD": "2", "DOB": "01/06/2007"},  # 17 last year
        {"CHILD": "3", "DOB": "01/06/2008"},
        {"CHILD": "4", "DOB": "31/03/2009"},  # 17 on the year's last day
    ]
    oc3 = [
        {"CHILD": "1", "ACCOM": "Z1"},  # flagged
        {"CHILD": "2", "ACCOM": "Z1"},
        {"CHILD": "3", "ACCOM": "U1"},
        {"CHILD": "4", "ACCOM": "Z2"},  # flagged
    ]
    assert flagged("3001", {"Header": header, "OC3": oc3}) == {"OC3": [0, 3]}
    assert flagged("3001", {"Header": header, "OC3": oc3[1:3]}) == {}
