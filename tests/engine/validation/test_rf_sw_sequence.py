"""Social worker episode rules across a child's episodes: a failing and a passing case for each."""

from __future__ import annotations

import pytest

from tests.engine.validation.cases import flagged, rule

Rows = list[dict[str, str]]


def sw(*rows: tuple[str, str, str] | tuple[str, str, str, str]) -> dict[str, Rows]:
    """SWEpisodes rows as (CHILD, SW_DECOM, SW_DEC[, SW_REASON]); '' is blank."""
    names = ("CHILD", "SW_DECOM", "SW_DEC", "SW_REASON")
    return {"SWEpisodes": [dict(zip(names, r, strict=False)) for r in rows]}


def test_sw08_an_earlier_episode_left_open() -> None:
    t = sw(
        ("111", "01/06/2025", "04/06/2025"),
        ("111", "05/06/2025", "08/06/2025"),
        ("333", "06/06/2025", ""),  # 2: open, but 333 has a later episode
        ("333", "07/06/2025", "08/06/2025"),
        ("444", "08/06/2025", "09/06/2025"),
        ("444", "15/06/2025", ""),  # the latest: may be open
        ("666", "12/06/2025", "13/06/2025"),
        ("666", "14/06/2025", ""),  # 7: open, a later one follows
        ("666", "15/06/2025", "16/06/2025"),
        ("123", "", ""),
    )
    assert flagged("SW08STG2", t) == {"SWEpisodes": [2, 7]}
    assert (
        flagged("SW08STG2", sw(*[("444", "08/06/2024", "09/06/2024"), ("444", "15/06/2024", "")]), year=2025)
        == {}
    )


def test_sw08_a_row_with_no_start_date_is_not_a_later_episode() -> None:
    # The peer sorts the blank start last, takes it as the latest episode and flags row 1, the
    # child's current episode: see PEER_DIFFERENCES. SW01/SW13 report the blank row itself.
    t = sw(("1", "01/05/2025", "01/06/2025"), ("1", "02/06/2025", ""), ("1", "", ""))
    assert flagged("SW08STG2", t) == {}


# The peer's own case for SW10/SW10a/SW10b (reason XXXX: any reason but FCONTA).
SW10_CASE = sw(
    ("1", "01/01/2000", "09/01/2000", "XXXX"),  # 0: first of child 1
    ("1", "02/01/2000", "03/01/2000", "XXXX"),  # 1: starts 7 days before 09/01: in the window
    ("2", "01/01/1999", "09/01/2000", "XXXX"),  # 2: first of child 2
    ("2", "01/01/2000", "10/01/2000", "XXXX"),  # 3: starts 8 days before 09/01
    ("3", "10/01/2000", "20/01/2000", "XXXX"),  # 4: after row 5 (same start, later end): prev 11/01
    ("3", "10/01/2000", "11/01/2000", "XXXX"),  # 5: first of child 3
    ("3", "18/01/2000", "20/01/2000", "XXXX"),  # 6: previous (row 4) ended 20/01: 2 days before
    ("3", "30/01/2000", "31/01/2000", "XXXX"),  # 7: previous ended 20/01: 10 days after
    ("6", "01/01/1999", "09/01/2000", "XXXX"),  # 8: first of child 6
    ("6", "01/01/2000", "10/01/2000", "FCONTA"),  # 9: 8 days before, but a first contact
)


def test_sw10_in_2024_25_a_new_episode_more_than_7_days_from_the_previous_end() -> None:
    assert flagged("SW10STG2", SW10_CASE, year=2025) == {"SWEpisodes": [3, 7]}
    # A previous episode with no end date: the new one cannot be within 7 days of it.
    t = sw(("1", "01/05/2024", "", "MANAGE"), ("1", "01/06/2024", "", "MANAGE"))
    assert flagged("SW10STG2", t, year=2025) == {"SWEpisodes": [1]}
    ok = sw(("1", "01/05/2024", "31/05/2024", "MANAGE"), ("1", "01/06/2024", "", "LEFTRL"))
    assert flagged("SW10STG2", ok, year=2025) == {}


def test_sw10_is_replaced_by_sw10a_and_sw10b_from_2025_26() -> None:
    # The peer keeps SW10 beside SW10a, reporting each episode twice: see PEER_DIFFERENCES.
    with pytest.raises(KeyError):
        rule("SW10STG2", 2026)
    with pytest.raises(KeyError):
        rule("SW10aSTG2", 2025)


def test_sw10a_a_new_episode_not_within_7_days_of_the_previous_end() -> None:
    assert flagged("SW10aSTG2", SW10_CASE) == {"SWEpisodes": [3, 7]}
    ok = sw(("1", "01/05/2025", "31/05/2025"), ("1", "07/06/2025", ""))  # no reason: still checked
    assert flagged("SW10aSTG2", ok, year=2027) == {}
    late = sw(("1", "01/05/2025", "31/05/2025"), ("1", "08/06/2025", ""))
    assert flagged("SW10aSTG2", late, year=2027) == {"SWEpisodes": [1]}


def test_sw10b_a_first_contact_episode_starting_before_the_previous_ended() -> None:
    t = sw(
        ("3", "10/01/2000", "20/01/2000"),
        ("3", "18/01/2000", "20/01/2000"),
        ("3", "19/01/2000", "21/01/2000", "FCONTA"),  # 2: previous (row 1) ends 20/01
        ("6", "01/01/1999", "08/01/2000"),
        ("6", "01/01/2000", "08/01/2000", "FCONTA"),  # 4: previous ends 08/01
        ("7", "01/01/1999", "08/01/2000"),
        ("7", "08/01/2000", "", "FCONTA"),  # 6: starts the day the previous ended: not after it
        ("8", "01/01/2000", "", "FCONTA"),  # 7: the child's first: nothing before it
    )
    assert flagged("SW10bSTG2", t) == {"SWEpisodes": [2, 4, 6]}
    ok = sw(("7", "01/01/1999", "08/01/2000"), ("7", "09/01/2000", "", "FCONTA"))
    assert flagged("SW10bSTG2", ok, year=2027) == {}


def test_sw11b_an_episode_ending_in_the_last_days_of_march_with_none_after_it() -> None:
    # 2025-26: the last 5 days are 26/03/2026 to 31/03/2026.
    t = sw(
        ("1", "01/01/2026", "27/03/2026"),  # 0: nothing after it
        ("2", "01/01/2026", "10/03/2026"),
        ("2", "11/03/2026", "27/03/2026"),  # 2: followed by row 3 (the peer flags it)
        ("2", "28/03/2026", ""),
        ("3", "01/01/2026", "25/03/2026"),  # 4: ends before the last 5 days
        ("4", "01/01/2026", "26/03/2026"),  # 5: a blank row is not an episode after it
        ("4", "", ""),
        ("5", "01/01/2026", "31/03/2026"),  # 7: 31 March itself
        ("6", "01/02/2026", "30/03/2026"),  # 8: the other episode started 30/03, when this ended
        ("6", "30/03/2026", ""),
    )
    assert flagged("SW11bSTG2", t) == {"SWEpisodes": [0, 5, 7]}
    assert flagged("SW11bSTG2", {"SWEpisodes": t["SWEpisodes"][1:5]}) == {}


@pytest.mark.parametrize("year", [2025, 2027])
def test_sw11b_in_other_years(year: int) -> None:
    t = sw(
        ("1", "01/01/2020", f"28/03/{year}"), ("2", "01/01/2020", f"28/03/{year}"), ("2", f"28/03/{year}", "")
    )
    assert flagged("SW11bSTG2", t, year=year) == {"SWEpisodes": [0]}
    assert flagged("SW11bSTG2", sw(("1", "01/01/2020", f"20/03/{year}")), year=year) == {}


def ep(
    child: str, decom: str, dec: str = "", rne: str = "P", ls: str = "C2", rec: str = ""
) -> dict[str, str]:
    return {"CHILD": child, "DECOM": decom, "DEC": dec, "RNE": rne, "LS": ls, "REC": rec}


def test_sw12_social_worker_episodes_reach_back_over_the_year() -> None:
    # 2025-26 starts 01/04/2025. Children looked after on 31 March: 1, 2, 3, 4, 5 and 8.
    episodes = [
        ep("1", "01/01/2024", "01/09/2025", "S", rec="X1"),  # 0: in care all year, moved in
        ep("1", "01/09/2025"),  # 1: September (the peer flags both rows)
        ep("2", "01/01/2024", rne="S"),  # 2: in care all year; first worker from June
        ep("3", "01/10/2025", rne="S"),  # 3: came into care in October, worker that day
        ep("4", "01/10/2025", rne="S"),  # 4: came into care in October, worker 4 days later
        ep("5", "01/01/2025", rne="S"),  # 5: no social worker episodes at all
        ep("6", "01/01/2025", rne="S", ls="V3"),  # short breaks: not looked after (DfE)
        ep("7", "01/01/2025", "01/12/2025", "S", rec="E13"),  # left care: not looked after
        ep("8", "01/03/2025", "30/06/2025", "S", rec="E13"),  # 8: in care April to June...
        ep("8", "01/01/2026", rne="S"),  # ...and again from January; worker only from January
    ]
    workers = sw(
        ("1", "01/12/2023", ""),
        ("2", "01/06/2025", ""),
        ("3", "01/10/2025", ""),
        ("4", "05/10/2025", ""),
        ("8", "01/01/2026", ""),
    )
    assert flagged("SW12STG2", {"Episodes": episodes, **workers}) == {"Episodes": [2, 4, 5, 8]}
    fine = sw(
        ("1", "01/12/2023", ""),
        ("2", "01/04/2025", ""),
        ("3", "01/10/2025", ""),
        ("4", "30/09/2025", ""),
        ("5", "01/01/2025", ""),
        ("8", "01/02/2025", "31/12/2025"),
        ("8", "01/01/2026", ""),
    )
    assert flagged("SW12STG2", {"Episodes": episodes, **fine}) == {}


@pytest.mark.parametrize("year", [2025, 2027])
def test_sw12_in_other_years(year: int) -> None:
    episodes = [ep("1", "01/01/2020", rne="S"), ep("2", "01/01/2020", rne="S")]
    workers = sw(("1", f"01/04/{year - 1}", ""), ("2", f"02/04/{year - 1}", ""))
    assert flagged("SW12STG2", {"Episodes": episodes, **workers}, year=year) == {"Episodes": [1]}
    assert flagged("SW12STG2", {"Episodes": episodes[:1], **workers}, year=year) == {}


def test_sw17_the_latest_episode_is_open_on_31_march() -> None:
    t = sw(
        ("c1", "01/01/2026", ""),
        ("c2", "01/01/2025", "01/01/2026"),
        ("c2", "02/01/2025", "01/01/2026"),  # 2: c2's latest, ended
        ("c1", "01/01/2025", "01/01/2026"),
        ("c3", "01/03/2026", "10/03/2026"),  # two starting the same day (SW19's concern):
        ("c3", "01/03/2026", ""),  # one is open, so c3 has a worker on 31 March
    )
    assert flagged("SW17STG2", t) == {"SWEpisodes": [2]}
    ok = [r for r in t["SWEpisodes"] if r["CHILD"] != "c2"]
    assert flagged("SW17STG2", {"SWEpisodes": ok}, year=2027) == {}
    with pytest.raises(KeyError):
        rule("SW17STG2", 2025)
