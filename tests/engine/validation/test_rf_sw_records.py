"""Social worker episode rules on one row at a time: a failing and a passing case for each."""

from __future__ import annotations

import pytest

from tests.engine.validation.cases import flagged, rule


def sw(*rows: dict[str, str]) -> dict[str, list[dict[str, str]]]:
    """An SWEpisodes table; every row is child 1's unless it says otherwise."""
    return {"SWEpisodes": [{"CHILD": "1", **r} for r in rows]}


def test_sw01a_start_date_always_and_worker_id_before_april_2023() -> None:
    t = sw(
        {"SW_DECOM": "01/01/2024"},  # 0: after 1 April 2023: SW01b's concern, not SW01a's
        {"SW_ID": "SW1234"},  # 1: no start date
        {"SW_ID": "SW1234", "SW_DECOM": "01/01/1999"},  # 2: before, with an id, no reason: fine
        {"SW_DECOM": "31/03/2023"},  # 3: before, with no id
    )
    assert flagged("SW01aSTG1", t, year=2025) == {"SWEpisodes": [1, 3]}
    ok = sw({"SW_ID": "SW1234", "SW_DECOM": "01/01/1999"}, {"SW_DECOM": "01/04/2023"})
    assert flagged("SW01aSTG1", ok, year=2025) == {}


def test_sw01b_from_april_2023_an_episode_needs_id_and_reason() -> None:
    t = sw(
        {"SW_DECOM": "01/01/2024", "SW_REASON": "MANAGE"},  # 0: no id
        {"SW_ID": "SW1234"},  # 1: no start date
        {"SW_ID": "SW1234", "SW_DECOM": "01/04/2023"},  # 2: on 1 April 2023, no reason
        {"SW_ID": "SW1234", "SW_DECOM": "01/01/1999"},  # 3: before: no reason needed
        {"SW_ID": "SW1234", "SW_DECOM": "01/01/2024", "SW_REASON": "MANAGE"},  # 4: complete
    )
    assert flagged("SW01bSTG1", t, year=2025) == {"SWEpisodes": [0, 1, 2]}
    assert flagged("SW01bSTG1", sw(t["SWEpisodes"][4]), year=2025) == {}


def test_sw01a_and_sw01b_end_with_2024_25() -> None:
    for code in ("SW01aSTG1", "SW01bSTG1"):
        with pytest.raises(KeyError):
            rule(code, 2026)


def test_sw02_worker_id_begins_sw_or_xx() -> None:
    # Case matters: xx000 is not XX000. A blank identifier does not begin with either.
    t = sw({"SW_ID": "SW000"}, {"SW_ID": "XX000"}, {"SW_ID": "aa00"}, {"SW_ID": "xx000"}, {}, {"SW_ID": "SW"})
    assert flagged("SW02STG1", t, year=2025) == {"SWEpisodes": [2, 3, 4]}
    assert flagged("SW02STG1", sw({"SW_ID": "SW000"}, {"SW_ID": "XX"}), year=2025) == {}


def test_sw02_from_2025_26_the_id_is_also_at_least_four_characters() -> None:
    t = sw(
        {"SW_ID": "SW000"},
        {"SW_ID": "XX000"},
        {"SW_ID": "aa00"},
        {"SW_ID": "xx000"},
        {"SW_ID": "SW"},
        {"SW_ID": "XX1"},
    )
    assert flagged("SW02STG1", t) == {"SWEpisodes": [2, 3, 4, 5]}
    assert flagged("SW02STG1", sw({"SW_ID": "SW0001"}, {"SW_ID": "XX12"}), year=2027) == {}


@pytest.mark.parametrize("year", [2025, 2026])
def test_sw04_a_malformed_start_date_is_flagged(year: int) -> None:
    # In 2024-25 the peer accepted 'ZZ/ZZ/ZZZZ' here (its partial-date helper): see PEER_DIFFERENCES.
    t = sw({"SW_DECOM": "01/01/2025"}, {"SW_DECOM": "ZZ/ZZ/ZZZZ"}, {"SW_DECOM": "01/01/ZZZZ"}, {})
    t["SWEpisodes"] += [{"CHILD": "2", "SW_DECOM": "1999/12/01"}, {"CHILD": "2", "SW_DECOM": "zz"}]
    assert flagged("SW04STG1", t, year=year) == {"SWEpisodes": [1, 2, 4, 5]}
    assert flagged("SW04STG1", sw({"SW_DECOM": "01/01/2025"}, {}), year=year) == {}


@pytest.mark.parametrize("year", [2025, 2026])
def test_sw05_a_malformed_end_date_is_flagged(year: int) -> None:
    t = sw(*({"SW_DECOM": "01/01/2025", "SW_DEC": bad} for bad in ("ZZ/ZZ/ZZZZ", "01/02/2025", "31/02/2025")))
    assert flagged("SW05STG1", t, year=year) == {"SWEpisodes": [0, 2]}
    assert flagged("SW05STG1", sw({"SW_DEC": "01/01/2025"}, {}), year=year) == {}


def test_sw06_episode_starts_after_31_march() -> None:
    t = sw({"SW_DECOM": "01/04/2026"}, {"SW_DECOM": "31/03/2026"}, {"SW_DECOM": "01/01/2020"}, {})
    assert flagged("SW06STG2", t) == {"SWEpisodes": [0]}
    assert flagged("SW06STG2", sw({"SW_DECOM": "31/03/2025"}), year=2025) == {}


def test_sw07_end_date_from_1_april_a_year_before_the_collection_year_to_31_march() -> None:
    # 2025-26: SW_DEC from 01/04/2024 to 31/03/2026.
    t = sw(
        {"SW_DEC": "01/04/2026"},  # 0: after 31 March
        {"SW_DEC": "31/03/2024"},  # 1: before the reporting period
        {"SW_DEC": "01/04/2024"},  # 2: its first day
        {"SW_DEC": "31/03/2026"},  # 3: its last day
        {},  # 4: open
    )
    assert flagged("SW07STG2", t) == {"SWEpisodes": [0, 1]}
    assert flagged("SW07STG2", sw(*t["SWEpisodes"][2:])) == {}


def test_sw07_in_2024_25_an_episode_ending_on_1_april_2023_is_in_the_period() -> None:
    # The peer subtracts 365.2425 days from 01/04/2024 (a year with 29 February in it) and so
    # flags 01/04/2023 itself: see PEER_DIFFERENCES.
    assert flagged("SW07STG2", sw({"SW_DEC": "01/04/2023"}), year=2025) == {}
    assert flagged("SW07STG2", sw({"SW_DEC": "31/03/2023"}), year=2025) == {"SWEpisodes": [0]}


def test_sw09_in_2024_25_an_episode_starting_and_ending_on_the_same_day() -> None:
    t = sw(
        {"SW_DECOM": "01/01/2025", "SW_DEC": "01/01/2025"},
        {"SW_DECOM": "01/01/2025", "SW_DEC": "02/01/2025"},
        {"SW_DEC": "01/01/2025"},
        {},
    )
    assert flagged("SW09STG2", t, year=2025) == {"SWEpisodes": [0]}
    assert flagged("SW09STG2", sw(t["SWEpisodes"][1]), year=2025) == {}


def test_sw09_from_2025_26_an_episode_of_under_three_days() -> None:
    t = sw(
        {"SW_DECOM": "02/01/2026", "SW_DEC": "01/01/2026"},  # 0: ends before it starts
        {"SW_DECOM": "01/01/2026", "SW_DEC": "04/01/2026"},  # 1: 3 days
        {"SW_DECOM": "01/01/2026", "SW_DEC": "03/01/2026"},  # 2: 2 days
        {"SW_DEC": "01/01/2026"},  # 3: no start
        {"SW_DECOM": "01/01/2026"},  # 4: open
    )
    assert flagged("SW09STG2", t) == {"SWEpisodes": [0, 2]}
    assert flagged("SW09STG2", sw(t["SWEpisodes"][1]), year=2027) == {}


@pytest.mark.parametrize("year", [2025, 2026, 2027])
def test_sw13_reason_is_a_dfe_code_and_given_from_april_2023(year: int) -> None:
    t = sw(
        {"SW_REASON": "LAZINESS", "SW_DECOM": "01/01/2000"},  # 0: not a code
        {"SW_REASON": "SWDIED", "SW_DECOM": "01/01/2000"},
        {"SW_REASON": "fconta", "SW_DECOM": "01/01/2025"},  # codes are read in capitals
        {"SW_DECOM": "01/01/2000"},  # 3: before April 2023: no reason needed
        {"SW_DECOM": "01/04/2023"},  # 4: from April 2023: needed
        {},  # 5: no date to go on
    )
    assert flagged("SW13STG1", t, year=year) == {"SWEpisodes": [0, 4]}
    assert flagged("SW13STG1", sw(*t["SWEpisodes"][1:4]), year=year) == {}


def test_sw18_end_date_before_or_on_the_start_date() -> None:
    t = sw(
        {"SW_DECOM": "01/01/2026"},
        {"SW_DECOM": "01/01/2025", "SW_DEC": "01/01/2026"},
        {"SW_DECOM": "02/01/2026", "SW_DEC": "01/01/2026"},  # 2: ends before it starts
        {"SW_DECOM": "01/01/2026", "SW_DEC": "01/01/2026"},  # 3: ends the day it starts
    )
    assert flagged("SW18STG2", t) == {"SWEpisodes": [2, 3]}
    assert flagged("SW18STG2", sw(*t["SWEpisodes"][:2]), year=2027) == {}
    with pytest.raises(KeyError):
        rule("SW18STG2", 2025)


def test_sw19_two_episodes_of_a_child_starting_the_same_day() -> None:
    t = {
        "SWEpisodes": [
            {"CHILD": "1", "SW_DECOM": "01/01/2026"},
            {"CHILD": "2", "SW_DECOM": "01/01/2026", "SW_DEC": "05/01/2026"},
            {"CHILD": "2", "SW_DECOM": "02/01/2025", "SW_DEC": "01/01/2026"},
            {"CHILD": "1", "SW_DECOM": "01/01/2026", "SW_DEC": "05/01/2026"},  # 3: child 1 again
        ]
    }
    assert flagged("SW19STG2", t) == {"SWEpisodes": [3]}
    assert flagged("SW19STG2", {"SWEpisodes": t["SWEpisodes"][:3]}, year=2027) == {}
