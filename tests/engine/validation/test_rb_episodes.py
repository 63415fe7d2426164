"""Rules 302 and 352-359 on episode dates and ages. Default collection year 2025-26."""

from __future__ import annotations

from tests.engine.validation.cases import flagged


def test_302_first_episode_not_before_birth() -> None:
    header = [{"CHILD": "1", "DOB": "01/06/2020"}, {"CHILD": "2", "DOB": "01/06/2020"}]
    episodes = [
        {"CHILD": "1", "DECOM": "01/07/2020"},
        {"CHILD": "1", "DECOM": "01/05/2020"},  # first, before birth: flagged
        {"CHILD": "2", "DECOM": "01/06/2020"},  # on the day of birth
    ]
    tables = {"Header": header, "Episodes": episodes}
    assert flagged("302", tables) == {"Episodes": [1], "Header": [0]}
    assert flagged("302", {"Header": header, "Episodes": [episodes[0], episodes[2]]}) == {}


def test_352_not_started_to_be_looked_after_at_18() -> None:
    header = [{"CHILD": "1", "DOB": "01/05/2007"}, {"CHILD": "2", "DOB": "02/05/2007"}]
    episodes = [
        {"CHILD": "1", "DECOM": "01/05/2025", "RNE": "S"},  # on the 18th birthday: flagged
        {"CHILD": "2", "DECOM": "01/05/2025", "RNE": "S"},  # the day before
        {"CHILD": "1", "DECOM": "02/05/2025", "RNE": "P"},  # not a start of care
    ]
    tables = {"Header": header, "Episodes": episodes}
    assert flagged("352", tables) == {"Episodes": [0]}
    assert flagged("352", {"Header": header, "Episodes": episodes[1:]}) == {}


def test_353_no_episode_before_14_october_1991() -> None:
    episodes = [{"CHILD": "1", "DECOM": "13/10/1991"}, {"CHILD": "2", "DECOM": "14/10/1991"}]
    assert flagged("353", {"Episodes": episodes}) == {"Episodes": [0]}
    assert flagged("353", {"Episodes": episodes[1:]}) == {}


def test_354_no_episode_starts_after_the_year() -> None:
    episodes = [{"CHILD": "1", "DECOM": "31/03/2026"}, {"CHILD": "2", "DECOM": "01/04/2026"}]
    assert flagged("354", {"Episodes": episodes}) == {"Episodes": [1]}
    assert flagged("354", {"Episodes": episodes[:1]}) == {}


def test_355_episode_of_less_than_a_day_peer_difference() -> None:
    episodes = [
        {"CHILD": "1", "DECOM": "01/05/2025", "DEC": "01/05/2025"},  # flagged
        {"CHILD": "2", "DECOM": "01/05/2025", "DEC": "02/05/2025"},
        {"CHILD": "3"},  # both dates blank: the peer flags it, they do not agree on a day
        {"CHILD": "4", "DECOM": "01/05/2025"},
    ]
    assert flagged("355", {"Episodes": episodes}) == {"Episodes": [0]}
    assert flagged("355", {"Episodes": episodes[1:]}) == {}


def test_356_episode_does_not_end_before_it_starts() -> None:
    episodes = [
        {"CHILD": "1", "DECOM": "02/05/2025", "DEC": "01/05/2025"},  # flagged
        {"CHILD": "2", "DECOM": "01/05/2025", "DEC": "01/05/2025"},
        {"CHILD": "3", "DECOM": "01/05/2025"},
    ]
    assert flagged("356", {"Episodes": episodes}) == {"Episodes": [0]}
    assert flagged("356", {"Episodes": episodes[1:]}) == {}


def test_357_first_episode_this_year_starts_with_s() -> None:
    episodes = [
        {"CHILD": "1", "DECOM": "01/05/2025", "RNE": "P"},  # flagged
        {"CHILD": "2", "DECOM": "01/05/2025", "RNE": "S"},
        {"CHILD": "3", "DECOM": "01/01/2025", "RNE": "P"},  # began before this year
        {"CHILD": "4", "DECOM": "01/06/2025", "RNE": "S"},
        {"CHILD": "4", "DECOM": "01/05/2025"},  # child 4's first episode has no reason: flagged
    ]
    assert flagged("357", {"Episodes": episodes}) == {"Episodes": [0, 4]}
    assert flagged("357", {"Episodes": episodes[1:4]}) == {}


def test_358_youth_justice_status_from_10() -> None:
    header = [{"CHILD": "1", "DOB": "01/05/2015"}]  # 10 on 01/05/2025
    episodes = [
        {"CHILD": "1", "DECOM": "01/05/2025", "LS": "J1"},  # on the 10th birthday: flagged
        {"CHILD": "1", "DECOM": "02/05/2025", "LS": "J2"},
        {"CHILD": "1", "DECOM": "01/01/2025", "LS": "C2"},
    ]
    tables = {"Header": header, "Episodes": episodes}
    assert flagged("358", tables) == {"Episodes": [0], "Header": [0]}
    assert flagged("358", {"Header": header, "Episodes": episodes[1:]}) == {}


def test_359_looked_after_past_18_only_under_v2_in_k2() -> None:
    # 31 March 2026: children 1-3 turned 18 on 01/01/2026; child 4 turns 18 that day.
    header = [{"CHILD": c, "DOB": "01/01/2008"} for c in "123"] + [{"CHILD": "4", "DOB": "31/03/2008"}]
    episodes = [
        {"CHILD": "1", "DECOM": "01/05/2025", "LS": "C2", "PLACE": "U4"},  # still open: flagged
        {"CHILD": "2", "DECOM": "01/05/2025", "LS": "V2", "PLACE": "K2"},
        {"CHILD": "3", "DECOM": "01/05/2025", "LS": "C2", "PLACE": "U4", "DEC": "01/01/2026"},
        {"CHILD": "4", "DECOM": "01/05/2025", "LS": "C2", "PLACE": "U4"},
    ]
    tables = {"Header": header, "Episodes": episodes}
    assert flagged("359", tables) == {"Episodes": [0]}
    assert flagged("359", {"Header": header, "Episodes": episodes[1:]}) == {}
