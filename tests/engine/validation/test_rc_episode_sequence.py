"""Rules on how a child's episodes follow one another: 385, 388, 431-437, 501 and 502."""

from __future__ import annotations

from tests.engine.validation.cases import flagged


def ep(child: str, decom: str | None, dec: str | None = None, **more: str) -> dict[str, object]:
    return {"CHILD": child, "DECOM": decom, "DEC": dec, **more}


def test_385_an_episode_ends_by_the_end_of_the_year() -> None:
    episodes = [
        ep("1", "01/04/2025", "31/03/2026"),  # 0
        ep("2", "01/04/2025", "01/04/2026"),  # 1
        ep("3", "01/04/2025"),  # 2
    ]
    assert flagged("385", {"Episodes": episodes}) == {"Episodes": [1]}
    assert flagged("385", {"Episodes": [episodes[0], episodes[2]]}) == {}


def test_388_x1_if_and_only_if_a_new_episode_starts_the_same_day() -> None:
    episodes = [
        ep("A", "01/06/2025", "04/06/2025", REC="X1"),  # 0 next starts 05/06
        ep("A", "05/06/2025", "06/06/2025", REC="X1"),  # 1
        ep("A", "06/06/2025"),  # 2
        ep("B", "01/06/2025", "10/06/2025", REC="E13"),  # 3 next starts 10/06: should be X1
        ep("B", "10/06/2025"),  # 4
        ep("C", "01/06/2025", "10/06/2025", REC="X1"),  # 5 no next episode
        ep("D", "01/06/2025", "10/06/2025", REC="E13"),  # 6
        ep("E", None, "05/06/2025", REC="X1"),  # 7 no DECOM: ordered first
        ep("E", "05/06/2025"),  # 8
    ]
    assert flagged("388", {"Episodes": episodes}) == {"Episodes": [0, 3, 5]}
    assert flagged("388", {"Episodes": [episodes[i] for i in (1, 2, 6, 7, 8)]}) == {}


def test_431_a_new_period_of_care_cannot_start_the_day_the_last_ended() -> None:
    episodes = [
        ep("A", "01/06/2025", "10/06/2025", REC="E13"),  # 0
        ep("A", "10/06/2025", RNE="S"),  # 1
        ep("B", "01/06/2025", "10/06/2025", REC="E13"),  # 2
        ep("B", "11/06/2025", RNE="S"),  # 3
        ep("C", "01/06/2025", RNE="S"),  # 4
    ]
    assert flagged("431", {"Episodes": episodes}) == {"Episodes": [1]}
    assert flagged("431", {"Episodes": episodes[2:]}) == {}


def test_432_after_care_ends_the_next_episode_starts_care() -> None:
    episodes = [
        ep("A", "01/06/2025", "10/06/2025", REC="E13"),  # 0
        ep("A", "20/06/2025", RNE="P"),  # 1
        ep("B", "01/06/2025", "10/06/2025", REC="X1"),  # 2
        ep("B", "10/06/2025", RNE="P"),  # 3
        ep("C", "01/06/2025", "10/06/2025", REC="E13"),  # 4
        ep("C", "20/06/2025", RNE="S"),  # 5
        ep("D", "01/06/2025", "10/06/2025", REC="E3"),  # 6
        ep("D", "20/06/2025"),  # 7 blank RNE
    ]
    assert flagged("432", {"Episodes": episodes}) == {"Episodes": [1, 7]}
    assert flagged("432", {"Episodes": episodes[2:6]}) == {}


def test_433_a_continuing_episode_starts_the_day_the_last_ended() -> None:
    episodes = [
        ep("A", "01/06/2025", "10/06/2025", REC="X1"),  # 0
        ep("A", "10/06/2025", RNE="P"),  # 1
        ep("B", "01/06/2025", "10/06/2025", REC="X1"),  # 2
        ep("B", "12/06/2025", RNE="L"),  # 3 two days later
        ep("C", "01/06/2025"),  # 4
        ep("C", "05/06/2025", RNE="T"),  # 5 the previous episode has no DEC
        ep("D", "01/06/2025", RNE="P"),  # 6 the child's first episode in the file
        ep("E", "01/06/2025", "05/06/2025", REC="X1"),  # 7
        ep("E", None, RNE="U"),  # 8 no DECOM
    ]
    assert flagged("433", {"Episodes": episodes}) == {"Episodes": [3, 5, 8]}
    assert flagged("433", {"Episodes": [episodes[0], episodes[1], episodes[6]]}) == {}


def placement(child: str, decom: str, ls: str, place: str, **more: str) -> dict[str, object]:
    return {"CHILD": child, "DECOM": decom, "LS": ls, "PLACE": place, "PLACE_PROVIDER": "PR1", **more}


def test_434_rne_l_means_only_the_legal_status_changed() -> None:
    home = {"PL_POST": "AB1 0", "URN": "SC1"}
    episodes = [
        placement("A", "01/06/2025", "C1", "U4", **home),  # 0
        placement("A", "02/06/2025", "C2", "U4", RNE="L", **home),  # 1
        placement("A", "03/06/2025", "C2", "U4", RNE="L", **home),  # 2 LS did not change
        placement("A", "04/06/2025", "E1", "U4", RNE="L", PL_POST="AB1 0", URN="SC2"),  # 3 URN changed
        placement("B", "01/06/2025", "C2", "U4"),  # 4 } no postcode or URN in either:
        placement("B", "02/06/2025", "E1", "U4", RNE="L"),  # 5 } the placement is the same
    ]
    assert flagged("434", {"Episodes": episodes}) == {"Episodes": [2, 3]}
    assert flagged("434", {"Episodes": [episodes[i] for i in (0, 1, 4, 5)]}) == {}


def test_435_rne_p_or_t_means_only_the_placement_changed() -> None:
    home = {"PL_POST": "AB1 0", "URN": "SC1"}
    episodes = [
        placement("A", "01/06/2025", "C2", "U4", **home),  # 0
        placement("A", "02/06/2025", "C2", "U4", RNE="P", PL_POST="AB2 0", URN="SC1"),  # 1
        placement("A", "03/06/2025", "E1", "U6", RNE="P", **home),  # 2 LS changed too
        placement("B", "01/06/2025", "C2", "U4"),  # 3 } nothing changed; no postcode or URN
        placement("B", "02/06/2025", "C2", "U4", RNE="T"),  # 4 } (peer difference: not flagged)
        placement("C", "01/06/2025", "C2", "U4", **home),  # 5 } nothing changed
        placement("C", "02/06/2025", "C2", "U4", RNE="P", **home),  # 6 }
    ]
    assert flagged("435", {"Episodes": episodes}) == {"Episodes": [2, 4, 6]}
    assert flagged("435", {"Episodes": episodes[:2]}) == {}


def test_436_rne_u_or_b_means_both_changed() -> None:
    home = {"PL_POST": "AB1 0"}
    episodes = [
        placement("A", "01/06/2025", "C1", "U4", **home),  # 0
        placement("A", "02/06/2025", "C2", "U6", RNE="B", **home),  # 1
        placement("A", "03/06/2025", "C2", "U4", RNE="U", **home),  # 2 LS did not change
        placement("B", "01/06/2025", "C1", "U4", **home),  # 3
        placement("B", "02/06/2025", "C2", "U4", RNE="B", **home),  # 4 placement did not change
    ]
    assert flagged("436", {"Episodes": episodes}) == {"Episodes": [2, 4]}
    assert flagged("436", {"Episodes": episodes[:2]}) == {}


def test_437_no_episode_after_death_or_age_18_assessment() -> None:
    episodes = [
        ep("A", "01/06/2025", "05/06/2025", REC="E2"),  # 0
        ep("A", "05/06/2025"),  # 1
        ep("B", "01/06/2025", "05/06/2025", REC="E15"),  # 2 the child's last episode
        ep("C", "01/06/2025", "05/06/2025", REC="E13"),  # 3
        ep("C", "05/07/2025"),  # 4
    ]
    assert flagged("437", {"Episodes": episodes}) == {"Episodes": [0]}
    assert flagged("437", {"Episodes": episodes[2:]}) == {}


def test_501_episodes_do_not_overlap() -> None:
    episodes = [
        ep("A", "01/06/2025", "10/06/2025"),  # 0
        ep("A", "09/06/2025", "20/06/2025"),  # 1 starts before 0 ended
        ep("B", "01/06/2025", "10/06/2025"),  # 2
        ep("B", "10/06/2025"),  # 3
    ]
    assert flagged("501", {"Episodes": episodes}) == {"Episodes": [1]}
    assert flagged("501", {"Episodes": episodes[2:]}) == {}


def test_502_an_open_episode_continues_with_the_same_start_date() -> None:
    last = [
        ep("A", "01/02/2025"),  # open at 31/03/2025
        ep("B", "01/01/2025"),  # open
        ep("C", "01/01/2025", "01/02/2025", REC="E13"),  # ended
    ]
    episodes = [
        ep("A", "01/02/2025", "01/06/2025", REC="X1"),  # 0 same start
        ep("A", "01/06/2025"),  # 1
        ep("B", "02/01/2025"),  # 2 a different start
        ep("C", "01/05/2025", RNE="S"),  # 3
    ]
    tables = {"Episodes": episodes, "Episodes_last": last}
    assert flagged("502", tables) == {"Episodes": [2]}
    clean = {"Episodes": [episodes[0], episodes[1], episodes[3]], "Episodes_last": last}
    assert flagged("502", clean) == {}
