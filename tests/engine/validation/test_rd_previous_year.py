"""Rules 503A-503J and 562: this year's first episode against last year's open episode."""

from __future__ import annotations

import pytest

from tests.engine.validation.cases import flagged

# Last year (2024-25 when validating 2025-26): child 1's latest episode is open; child 2's is closed.
LAST = [
    {"CHILD": "1", "DECOM": "01/05/2024", "DEC": "01/06/2024", "RNE": "S", "LS": "C1", "CIN": "N2"},
    {"CHILD": "1", "DECOM": "01/06/2024", "RNE": "P", "LS": "C2", "CIN": "N1", "PLACE": "U4"},
    {"CHILD": "2", "DECOM": "01/06/2024", "DEC": "01/02/2025", "RNE": "S", "LS": "V2", "CIN": "N1"},
]


@pytest.mark.parametrize(
    ("code", "field", "same", "other"),
    [
        ("503A", "RNE", "P", "L"),
        ("503B", "LS", "C2", "E1"),
        ("503C", "CIN", "N1", "N4"),
        ("503E", "PLACE_PROVIDER", "PR1", "PR4"),
        ("503F", "URN", "SC123456", "SC654321"),
    ],
)
def test_503_first_episode_must_repeat_last_years_open_episode(
    code: str, field: str, same: str, other: str
) -> None:
    last = [dict(r) for r in LAST]
    last[1][field] = same
    last[2][field] = same
    episodes = [
        {"CHILD": "1", "DECOM": "01/06/2024", "DEC": "01/09/2025", field: other},  # first: differs
        {"CHILD": "1", "DECOM": "01/09/2025", field: same},  # not the first episode
        {"CHILD": "2", "DECOM": "01/05/2025", field: other},  # last year's episode was closed
        {"CHILD": "3", "DECOM": "01/05/2025", field: other},  # not in last year's return
    ]
    assert flagged(code, {"Episodes": episodes, "Episodes_last": last}) == {"Episodes": [0]}
    episodes[0][field] = same
    assert flagged(code, {"Episodes": episodes, "Episodes_last": last}) == {}


def test_503_blank_against_a_value_differs_and_blank_against_blank_does_not() -> None:
    last = [{"CHILD": "1", "DECOM": "01/06/2024"}, {"CHILD": "2", "DECOM": "01/06/2024", "CIN": "N1"}]
    episodes = [{"CHILD": "1", "DECOM": "01/06/2024"}, {"CHILD": "2", "DECOM": "01/06/2024"}]
    assert flagged("503C", {"Episodes": episodes, "Episodes_last": last}) == {"Episodes": [1]}


def test_503_first_and_latest_episodes_go_by_date_not_file_order() -> None:
    last = [
        {"CHILD": "1", "DECOM": "01/06/2024", "RNE": "P"},  # latest by date: open, P
        {"CHILD": "1", "DECOM": "01/04/2024", "DEC": "01/06/2024", "RNE": "S"},
    ]
    episodes = [
        {"CHILD": "1", "DECOM": "01/09/2025", "RNE": "S"},
        {"CHILD": "1", "DECOM": "01/06/2024", "DEC": "01/09/2025", "RNE": "P"},  # first by date
    ]
    assert flagged("503A", {"Episodes": episodes, "Episodes_last": last}) == {}
    episodes[1]["RNE"] = "L"
    assert flagged("503A", {"Episodes": episodes, "Episodes_last": last}) == {"Episodes": [1]}


def test_503d_2025_allows_h5_to_become_k3() -> None:
    last = [
        {"CHILD": "1", "DECOM": "01/06/2023", "PLACE": "H5"},
        {"CHILD": "2", "DECOM": "01/06/2023", "PLACE": "H5"},
    ]
    episodes = [
        {"CHILD": "1", "DECOM": "01/06/2023", "PLACE": "K3"},
        {"CHILD": "2", "DECOM": "01/06/2023", "PLACE": "P2"},
    ]
    tables = {"Episodes": episodes, "Episodes_last": last}
    assert flagged("503D", tables, year=2025) == {"Episodes": [1]}
    assert flagged("503D", {"Episodes": episodes[:1], "Episodes_last": last}, year=2025) == {}
    # From 2025-26 the H5 -> K3 exception no longer applies.
    assert flagged("503D", tables, year=2026) == {"Episodes": [0, 1]}


def test_503d_2026_allows_z1_to_become_z11_to_z14() -> None:
    last = [
        {"CHILD": "1", "DECOM": "01/06/2024", "PLACE": "Z1"},
        {"CHILD": "2", "DECOM": "01/06/2024", "PLACE": "Z1"},
        {"CHILD": "3", "DECOM": "01/06/2024", "PLACE": "U4"},
    ]
    episodes = [
        {"CHILD": "1", "DECOM": "01/06/2024", "PLACE": "Z13"},
        {"CHILD": "2", "DECOM": "01/06/2024", "PLACE": "U4"},
        {"CHILD": "3", "DECOM": "01/06/2024", "PLACE": "U4"},
    ]
    tables = {"Episodes": episodes, "Episodes_last": last}
    assert flagged("503D", tables, year=2026) == {"Episodes": [1]}
    episodes[1]["PLACE"] = "Z1"
    assert flagged("503D", tables, year=2026) == {}


def test_503d_2027_has_no_exception() -> None:
    last = [
        {"CHILD": "1", "DECOM": "01/06/2025", "PLACE": "Z1"},
        {"CHILD": "2", "DECOM": "01/06/2025", "PLACE": "U4"},
    ]
    episodes = [
        {"CHILD": "1", "DECOM": "01/06/2025", "PLACE": "Z11"},
        {"CHILD": "2", "DECOM": "01/06/2025", "PLACE": "U4"},
    ]
    assert flagged("503D", {"Episodes": episodes, "Episodes_last": last}, year=2027) == {"Episodes": [0]}
    episodes[0]["PLACE"] = "Z1"
    assert flagged("503D", {"Episodes": episodes, "Episodes_last": last}, year=2027) == {}


def test_503g_distance_differs_by_point_two_miles_or_more() -> None:
    # Peer difference: the peer does not flag child 1, as 10.2 - 10.0 is 0.19999... in floating point.
    last = [
        {"CHILD": "1", "DECOM": "01/06/2024", "PL_DISTANCE": "10.0"},
        {"CHILD": "2", "DECOM": "01/06/2024", "PL_DISTANCE": "10.0"},
        {"CHILD": "3", "DECOM": "01/06/2024", "PL_DISTANCE": ""},
        {"CHILD": "4", "DECOM": "01/06/2024", "PL_DISTANCE": "5.0"},
    ]
    episodes = [
        {"CHILD": "1", "DECOM": "01/06/2024", "PL_DISTANCE": "10.2"},  # 0.2 apart: differs
        {"CHILD": "2", "DECOM": "01/06/2024", "PL_DISTANCE": "10.1"},  # within 0.1: the same
        {"CHILD": "3", "DECOM": "01/06/2024", "PL_DISTANCE": "3.0"},  # unknown last year: differs
        {"CHILD": "4", "DECOM": "01/06/2024", "PL_DISTANCE": ""},  # unknown now: not compared
    ]
    assert flagged("503G", {"Episodes": episodes, "Episodes_last": last}) == {"Episodes": [0, 2]}
    assert flagged("503G", {"Episodes": [episodes[1], episodes[3]], "Episodes_last": last}) == {}


@pytest.mark.parametrize(
    ("code", "field", "value", "other"),
    [("503H", "PL_LA", "E10000002", "E10000003"), ("503J", "PL_LOCATION", "IN", "OUT")],
)
def test_503h_503j_placement_area(code: str, field: str, value: str, other: str) -> None:
    last = [
        {"CHILD": "1", "DECOM": "01/06/2024", field: value},
        {"CHILD": "2", "DECOM": "01/06/2024", field: value},
        {"CHILD": "3", "DECOM": "01/06/2024", field: ""},
    ]
    episodes = [
        {"CHILD": "1", "DECOM": "01/06/2024", field: other},
        {"CHILD": "2", "DECOM": "01/06/2024", field: value},
        {"CHILD": "3", "DECOM": "01/06/2024", field: value},  # not known last year, known now
    ]
    assert flagged(code, {"Episodes": episodes, "Episodes_last": last}) == {"Episodes": [0, 2]}
    assert flagged(code, {"Episodes": episodes[1:2], "Episodes_last": last}) == {}


def test_503g_h_j_are_not_compared_when_a_year_does_not_carry_the_postcode_fields() -> None:
    # Last year's file has no derived columns at all: nothing is known to compare against.
    last = [{"CHILD": "1", "DECOM": "01/06/2024"}]
    episodes = [
        {"CHILD": "1", "DECOM": "01/06/2024", "PL_DISTANCE": "3.0", "PL_LA": "E1", "PL_LOCATION": "IN"}
    ]
    for code in ("503G", "503H", "503J"):
        assert flagged(code, {"Episodes": episodes, "Episodes_last": last}) == {}


def test_562_episode_before_this_year_must_be_last_years_latest() -> None:
    last = [
        {"CHILD": "1", "DECOM": "01/05/2024", "DEC": "01/06/2024"},
        {"CHILD": "1", "DECOM": "01/06/2024"},
        {"CHILD": "2", "DECOM": "01/06/2024"},
    ]
    episodes = [
        {"CHILD": "1", "DECOM": "01/06/2024", "DEC": "01/07/2025"},  # last year's latest: fine
        {"CHILD": "1", "DECOM": "01/07/2025"},
        {"CHILD": "2", "DECOM": "02/06/2024"},  # start date differs from last year's
        {"CHILD": "3", "DECOM": "01/01/2025"},  # not in last year's return at all
        {"CHILD": "4", "DECOM": "01/04/2025"},  # started this year: not checked
    ]
    assert flagged("562", {"Episodes": episodes, "Episodes_last": last}) == {"Episodes": [2, 3]}
    assert flagged("562", {"Episodes": episodes[:2], "Episodes_last": last}) == {}


def test_562_only_the_earliest_episode_before_the_year_is_checked() -> None:
    last = [{"CHILD": "1", "DECOM": "01/02/2025"}]
    episodes = [
        {"CHILD": "1", "DECOM": "01/02/2025", "DEC": "01/03/2025"},
        {"CHILD": "1", "DECOM": "01/03/2025"},  # also before the year, but not the earliest
    ]
    assert flagged("562", {"Episodes": episodes, "Episodes_last": last}) == {}
