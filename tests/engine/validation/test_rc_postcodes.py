"""Rules on postcodes and what is derived from them: 392a-392d, 406, 411 and 452-454."""

from __future__ import annotations

from tests.engine.validation.cases import flagged

UASC = [{"CHILD": "4", "SEX": "M", "DOB": "01/01/2009"}]  # UASC this year
UASC_LAST = [{"CHILD": "5", "SEX": "M", "DOB": "01/01/2008", "DUC": "01/01/2025"}]  # UASC last year


def test_392a_a_distance_for_children_looked_after() -> None:
    episodes = [
        {"CHILD": "1", "LS": "C2", "PL_DISTANCE": "10.0"},  # 0
        {"CHILD": "2", "LS": "C2"},  # 1 no distance
        {"CHILD": "3", "LS": "V3"},  # 2 short break
        {"CHILD": "4", "LS": "C2"},  # 3 UASC
        {"CHILD": "5", "LS": "C2"},  # 4 UASC last year
        {"CHILD": "6"},  # 5 no legal status
    ]
    tables = {"Episodes": episodes, "UASC": UASC, "UASC_last": UASC_LAST}
    assert flagged("392a", tables) == {"Episodes": [1, 5]}
    assert flagged("392a", {**tables, "Episodes": episodes[:5:2] + episodes[3:5]}) == {}


def test_392a_needs_the_file_to_carry_distances() -> None:
    # No row has a distance: the file does not carry them, so nothing is known to be missing.
    episodes = [{"CHILD": "1", "LS": "C2", "PL_DISTANCE": None}, {"CHILD": "2", "LS": "C2"}]
    assert flagged("392a", {"Episodes": episodes, "UASC": UASC}) == {}


def test_392b_postcodes_for_children_looked_after() -> None:
    episodes = [
        {"CHILD": "1", "LS": "C2", "HOME_POST": "AB1 0", "PL_POST": "AB2 0"},  # 0
        {"CHILD": "2", "LS": "C2", "HOME_POST": "AB1 0"},  # 1 no placement postcode
        {"CHILD": "3", "LS": "V4"},  # 2 short breaks
        {"CHILD": "4", "LS": "C2"},  # 3 UASC
        {"CHILD": "5", "LS": "C2"},  # 4 UASC last year
    ]
    tables = {"Episodes": episodes, "UASC": UASC, "UASC_last": UASC_LAST}
    assert flagged("392b", tables) == {"Episodes": [1]}
    assert flagged("392b", {**tables, "Episodes": [episodes[0], *episodes[2:]]}) == {}
    # Without the UASC files nobody is known to be UASC.
    assert flagged("392b", {"Episodes": episodes}) == {"Episodes": [1, 3, 4]}


def test_392c_postcodes_must_look_like_postcodes() -> None:
    episodes = [
        {"CHILD": "1", "HOME_POST": "AB1 2CD", "PL_POST": "ab12cd"},  # 0 full, any case, any spacing
        {"CHILD": "2", "HOME_POST": "SW1A 1AA", "PL_POST": "AB1 2"},  # 1 a sector (partial postcode)
        {"CHILD": "3", "HOME_POST": "INVALID", "PL_POST": "AB1 2CD"},  # 2
        {"CHILD": "4", "HOME_POST": "AB1 2CD", "PL_POST": "AB1"},  # 3 a district only
        {"CHILD": "5", "PL_POST": "12345"},  # 4
        {"CHILD": "6"},  # 5 blanks are 392b's business
    ]
    assert flagged("392c", {"Episodes": episodes}) == {"Episodes": [2, 3, 4]}
    assert flagged("392c", {"Episodes": [episodes[0], episodes[1], episodes[5]]}) == {}


def test_392d_home_and_placement_postcodes_differ_unless_placed_with_parents() -> None:
    episodes = [
        {"CHILD": "1", "PLACE": "U4", "HOME_POST": "AB1 0JD", "PL_POST": "AB1 0JD"},  # 0
        {"CHILD": "2", "PLACE": "P1", "HOME_POST": "AB1 0JD", "PL_POST": "AB1 0JD"},  # 1
        {"CHILD": "3", "PLACE": "U4", "HOME_POST": "AB1 0JD", "PL_POST": "AB2 0JD"},  # 2
        {"CHILD": "4", "PLACE": "U4"},  # 3 both blank
        {"CHILD": "5", "PLACE": "K2", "HOME_POST": "AB1 0JD", "PL_POST": "ab10jd"},  # 4 (peer: differ)
    ]
    assert flagged("392d", {"Episodes": episodes}) == {"Episodes": [0, 4]}
    assert flagged("392d", {"Episodes": episodes[1:4]}) == {}


def test_406_no_distance_for_uasc() -> None:
    episodes = [
        {"CHILD": "4", "PL_DISTANCE": "12.5"},  # 0 UASC
        {"CHILD": "5", "PL_DISTANCE": "3.0"},  # 1 UASC last year
        {"CHILD": "4"},  # 2
        {"CHILD": "1", "PL_DISTANCE": "12.5"},  # 3 not UASC
    ]
    tables = {"Episodes": episodes, "UASC": UASC, "UASC_last": UASC_LAST}
    assert flagged("406", tables) == {"Episodes": [0, 1]}
    assert flagged("406", {**tables, "Episodes": episodes[2:]}) == {}


def test_411_placed_inside_means_the_councils_own_area() -> None:
    episodes = [
        {"CHILD": "1", "PL_LA": "E09000001", "PL_LOCATION": "IN"},  # 0
        {"CHILD": "2", "PL_LA": "E09000002", "PL_LOCATION": "IN"},  # 1
        {"CHILD": "3", "PL_LA": "E09000002", "PL_LOCATION": "OUT"},  # 2
    ]
    assert flagged("411", {"Episodes": episodes}, la_code="E09000001") == {"Episodes": [1]}
    assert flagged("411", {"Episodes": [episodes[0], episodes[2]]}, la_code="E09000001") == {}
    # Without the council's code there is nothing to compare with.
    assert flagged("411", {"Episodes": episodes}) == {}


def test_411_an_unknown_area_is_not_a_contradiction() -> None:
    episodes = [{"CHILD": "1", "PL_LA": None, "PL_LOCATION": "IN"}]
    assert flagged("411", {"Episodes": episodes}, la_code="E09000001") == {}


def test_452_the_placement_area_of_an_episode_continuing_from_last_year() -> None:
    last = [
        {"CHILD": "A", "DECOM": "01/02/2025", "RNE": "P", "PL_LA": "E09000001"},  # open
        {"CHILD": "B", "DECOM": "01/01/2025", "RNE": "P", "PL_LA": "E09000001"},  # open
        {"CHILD": "C", "DECOM": "01/01/2025", "DEC": "01/02/2025", "RNE": "S", "PL_LA": "E09000001"},
        {"CHILD": "D", "DECOM": "01/01/2025", "RNE": "S", "PL_LA": "E09000001"},  # open
        {"CHILD": "E", "DECOM": "01/01/2025", "RNE": "P", "PL_LA": "E09000001"},  # open
    ]
    episodes = [
        {"CHILD": "A", "DECOM": "01/02/2025", "RNE": "P", "PL_LA": "E09000001"},  # 0 the same
        {"CHILD": "B", "DECOM": "01/01/2025", "RNE": "P", "PL_LA": "E09000002"},  # 1 another area
        {"CHILD": "C", "DECOM": "01/05/2025", "RNE": "S", "PL_LA": "E09000002"},  # 2 last year's ended
        {"CHILD": "D", "DECOM": "01/05/2025", "RNE": "P", "PL_LA": "E09000002"},  # 3 not the same RNE
        {"CHILD": "E", "DECOM": "01/01/2025", "RNE": "P", "PL_LA": None},  # 4 area not known
    ]
    assert flagged("452", {"Episodes": episodes, "Episodes_last": last}) == {"Episodes": [1]}
    clean = [episodes[0], *episodes[2:]]
    assert flagged("452", {"Episodes": clean, "Episodes_last": last}) == {}


def test_453_the_distance_of_an_episode_continuing_from_last_year() -> None:
    last = [{"CHILD": c, "DECOM": "01/01/2025", "RNE": "P", "PL_DISTANCE": "10.0"} for c in ("A", "B", "C")]
    episodes = [
        {"CHILD": "A", "DECOM": "01/01/2025", "RNE": "P", "PL_DISTANCE": "10.1"},  # 0 0.1 apart
        {"CHILD": "B", "DECOM": "01/01/2025", "RNE": "P", "PL_DISTANCE": "10.2"},  # 1 0.2 (peer: 0.1999)
        {"CHILD": "C", "DECOM": "01/01/2025", "RNE": "P", "PL_DISTANCE": "10.3"},  # 2
    ]
    assert flagged("453", {"Episodes": episodes, "Episodes_last": last}) == {"Episodes": [1, 2]}
    assert flagged("453", {"Episodes": episodes[:1], "Episodes_last": last}) == {}


def test_454_a_distance_over_350_miles_is_queried_from_2025_26() -> None:
    episodes = [
        {"CHILD": "1", "PL_DISTANCE": "350"},  # 0
        {"CHILD": "2", "PL_DISTANCE": "350.1"},  # 1
        {"CHILD": "3", "PL_DISTANCE": "999.9"},  # 2 not known
        {"CHILD": "4", "PL_DISTANCE": "999"},  # 3
        {"CHILD": "5"},  # 4
    ]
    assert flagged("454", {"Episodes": episodes}) == {"Episodes": [1, 3]}
    assert flagged("454", {"Episodes": [episodes[0], episodes[2], episodes[4]]}, year=2027) == {}
