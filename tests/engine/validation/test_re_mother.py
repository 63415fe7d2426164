"""Rules 607-628 on young mothers (Header MOTHER, MC_DOB): hand-made failing and passing cases.

Collection year 2025-26 unless said: 1 April 2025 to 31 March 2026.
"""

from __future__ import annotations

from tests.engine.validation.cases import flagged


def test_607_girl_leaving_care_needs_mother_recorded() -> None:
    header = [
        {"CHILD": "1", "SEX": "F"},  # MOTHER blank
        {"CHILD": "2", "SEX": "F", "MOTHER": "0"},
        {"CHILD": "3", "SEX": "M"},
        {"CHILD": "4", "SEX": "F"},
    ]
    episodes = [
        {"CHILD": "1", "DEC": "01/06/2025", "REC": "E13", "LS": "C2"},  # left care in year: flagged
        {"CHILD": "1", "DEC": "01/07/2025", "REC": "X1", "LS": "C2"},  # X1: a new episode follows
        {"CHILD": "2", "DEC": "01/06/2025", "REC": "E13", "LS": "C2"},  # MOTHER given
        {"CHILD": "3", "DEC": "01/06/2025", "REC": "E13", "LS": "C2"},  # a boy
        {"CHILD": "4", "DEC": "01/06/2025", "REC": "E13", "LS": "V3"},  # short breaks
        {"CHILD": "1", "DEC": "01/03/2025", "REC": "E13", "LS": "C2"},  # ended last year
    ]
    assert flagged("607", {"Header": header, "Episodes": episodes}) == {"Episodes": [0], "Header": [0]}
    header[0]["MOTHER"] = "0"
    assert flagged("607", {"Header": header, "Episodes": episodes}) == {}


def test_611_mother_needs_her_childs_date_of_birth() -> None:
    header = [
        {"CHILD": "1", "MOTHER": "1"},
        {"CHILD": "2", "MOTHER": "1", "MC_DOB": "01/01/2025"},
        {"CHILD": "3", "MOTHER": "0"},
    ]
    assert flagged("611", {"Header": header}) == {"Header": [0]}
    assert flagged("611", {"Header": header[1:]}) == {}


def test_612_childs_date_of_birth_but_not_a_mother() -> None:
    header = [
        {"CHILD": "1", "SEX": "F", "MOTHER": "0", "MC_DOB": "19/02/2016"},
        {"CHILD": "2", "SEX": "F", "MC_DOB": "19/02/2016"},  # MOTHER blank
        {"CHILD": "3", "SEX": "M", "MOTHER": "0", "MC_DOB": "19/02/2016"},  # only girls are checked
        {"CHILD": "4", "SEX": "F", "MOTHER": "1", "MC_DOB": "19/02/2016"},
        {"CHILD": "5", "SEX": "F", "MOTHER": "0"},
    ]
    assert flagged("612", {"Header": header}) == {"Header": [0, 1]}
    assert flagged("612", {"Header": header[2:]}) == {}


def test_620_mother_under_11_at_the_start_of_the_year() -> None:
    # Start of year 01/04/2025: born after 01/04/2014 means under 11 then.
    header = [
        {"CHILD": "1", "MOTHER": "1", "DOB": "01/05/2014"},  # 11 on 01/05/2025: flagged
        {"CHILD": "2", "MOTHER": "1", "DOB": "01/04/2014"},  # 11 on the first day: passes
        {"CHILD": "3", "MOTHER": "1", "DOB": "18/01/1981"},
        {"CHILD": "4", "MOTHER": "0", "DOB": "13/02/2020"},
        {"CHILD": "5", "MOTHER": "1"},  # no DOB: nothing to compare
    ]
    assert flagged("620", {"Header": header}) == {"Header": [0]}
    assert flagged("620", {"Header": header[1:]}) == {}


def test_621_mother_younger_than_her_child() -> None:
    header = [
        {"CHILD": "1", "DOB": "01/12/2021", "MC_DOB": "01/01/2021"},  # child born first: flagged
        {"CHILD": "2", "DOB": "31/01/2019", "MC_DOB": "31/01/2019"},  # same day: flagged
        {"CHILD": "3", "DOB": "19/02/2006", "MC_DOB": "19/12/2024"},
        {"CHILD": "4", "DOB": "31/01/2019"},
    ]
    assert flagged("621", {"Header": header}) == {"Header": [0, 1]}
    assert flagged("621", {"Header": header[2:]}) == {}


def test_621_peer_difference_blank_dob_is_not_compared() -> None:
    # The peer flags this row (a comparison with a blank DOB counts as failed there); the blank DOB is
    # the DOB rules' business, and MC_DOB cannot be said to be before it.
    assert flagged("621", {"Header": [{"CHILD": "1", "MC_DOB": "01/01/2025"}]}) == {}


def test_624_childs_date_of_birth_changed_since_last_year() -> None:
    header = [
        {"CHILD": "1", "MC_DOB": "01/06/2020"},
        {"CHILD": "2"},  # blank now, given last year: flagged
        {"CHILD": "3", "MC_DOB": "08/09/2020"},  # differs: flagged
        {"CHILD": "4"},
        {"CHILD": "5", "MC_DOB": "01/02/2020"},  # not given last year
        {"CHILD": "6", "MC_DOB": "01/02/2020"},  # not in last year's return
    ]
    header_last = [
        {"CHILD": "1", "MC_DOB": "01/06/2020"},
        {"CHILD": "2", "MC_DOB": "01/06/2019"},
        {"CHILD": "3", "MC_DOB": "10/09/2020"},
        {"CHILD": "4"},
        {"CHILD": "5"},
    ]
    assert flagged("624", {"Header": header, "Header_last": header_last}) == {"Header": [1, 2]}
    header[1]["MC_DOB"], header[2]["MC_DOB"] = "01/06/2019", "10/09/2020"
    assert flagged("624", {"Header": header, "Header_last": header_last}) == {}


def test_625_childs_birth_after_year_end_or_after_leaving_care() -> None:
    header = [
        {"CHILD": "1", "MC_DOB": "01/05/2026"},  # after 31/03/2026: flagged, with her latest episode
        {"CHILD": "2", "MC_DOB": "01/09/2025"},  # born while still in care (open episode)
        {"CHILD": "3", "MC_DOB": "01/09/2025"},  # born after she left care on 01/08/2025: flagged
        {"CHILD": "4", "MC_DOB": "01/05/2026"},  # no episodes: still after the year's end
        {"CHILD": "5", "MC_DOB": "01/08/2025"},  # born on the day she left care
    ]
    episodes = [
        {"CHILD": "1", "DECOM": "01/04/2025", "DEC": "01/06/2025"},
        {"CHILD": "1", "DECOM": "01/06/2025"},  # 1: latest episode of child 1
        {"CHILD": "2", "DECOM": "01/04/2025", "DEC": "01/06/2025", "REC": "X1"},
        {"CHILD": "2", "DECOM": "01/06/2025"},
        {"CHILD": "3", "DECOM": "01/04/2025", "DEC": "01/08/2025"},  # 4
        {"CHILD": "5", "DECOM": "01/04/2025", "DEC": "01/08/2025"},
    ]
    tables = {"Header": header, "Episodes": episodes}
    assert flagged("625", tables) == {"Header": [0, 2, 3], "Episodes": [1, 4]}
    tables = {"Header": [header[1], header[4]], "Episodes": episodes}
    assert flagged("625", tables) == {}


def test_625_peer_difference_latest_episode_is_the_latest_started() -> None:
    # The peer takes the latest *ended* episode (01/06/2025) and flags this mother, whose baby was
    # born while she was still looked after (her latest episode, from 01/06/2025, is open).
    header = [{"CHILD": "1", "MC_DOB": "01/09/2025"}]
    episodes = [
        {"CHILD": "1", "DECOM": "01/04/2025", "DEC": "01/06/2025", "REC": "X1"},
        {"CHILD": "1", "DECOM": "01/06/2025"},
    ]
    assert flagged("625", {"Header": header, "Episodes": episodes}) == {}


def test_626_mother_now_but_not_last_year_with_an_older_child() -> None:
    header = [
        {"CHILD": "1", "MOTHER": "1", "MC_DOB": "01/01/2025"},  # before 01/04/2025: flagged
        {"CHILD": "2", "MOTHER": "1", "MC_DOB": "01/05/2025"},  # born this year
        {"CHILD": "3", "MOTHER": "1", "MC_DOB": "01/01/2025"},  # a mother last year too
        {"CHILD": "4", "MOTHER": "1"},
    ]
    header_last = [
        {"CHILD": "1", "MOTHER": "0"},
        {"CHILD": "2", "MOTHER": "0"},
        {"CHILD": "3", "MOTHER": "1"},
        {"CHILD": "4", "MOTHER": "0"},
    ]
    assert flagged("626", {"Header": header, "Header_last": header_last}) == {"Header": [0]}
    assert flagged("626", {"Header": header[1:], "Header_last": header_last}) == {}


def test_628_no_mother_details_for_care_leavers_not_looked_after() -> None:
    header = [
        {"CHILD": "1", "MOTHER": "0"},  # care leaver, no episodes: flagged
        {"CHILD": "2", "MOTHER": "1"},  # looked after this year
        {"CHILD": "3", "MOTHER": "1"},  # OC3 row with nothing in it
        {"CHILD": "4"},  # MOTHER blank
    ]
    episodes = [{"CHILD": "2", "DECOM": "01/05/2025"}]
    oc3 = [
        {"CHILD": "1", "IN_TOUCH": "YES"},
        {"CHILD": "2", "IN_TOUCH": "YES"},
        {"CHILD": "3"},
        {"CHILD": "4", "ACTIV": "F1"},
    ]
    assert flagged("628", {"Header": header, "Episodes": episodes, "OC3": oc3}) == {"Header": [0]}
    assert flagged("628", {"Header": header[1:], "Episodes": episodes, "OC3": oc3}) == {}
