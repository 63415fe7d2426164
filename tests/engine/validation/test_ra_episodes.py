"""Rules 100-199 on the Episodes table (group A): hand-made failing and passing cases."""

from __future__ import annotations

from tests.engine.validation.cases import flagged


def test_142_an_earlier_episode_must_have_ended() -> None:
    episodes = [
        {"CHILD": "1", "DECOM": "01/06/2025", "DEC": "04/06/2025", "REC": "X1"},
        {"CHILD": "1", "DECOM": "05/06/2025", "DEC": "06/06/2025", "REC": ""},  # fail: no REC
        {"CHILD": "1", "DECOM": "06/06/2025", "DEC": "", "REC": ""},  # latest: may be open
        {"CHILD": "2", "DECOM": "06/06/2025", "DEC": "", "REC": "E11"},  # fail: no DEC, not latest
        {"CHILD": "2", "DECOM": "07/06/2025", "DEC": "", "REC": ""},
        {"CHILD": "3", "DECOM": "05/06/2025", "DEC": "06/06/2025", "REC": ""},  # latest (only one)
    ]
    assert flagged("142", {"Episodes": episodes}) == {"Episodes": [1, 3]}
    assert flagged("142", {"Episodes": [episodes[0], episodes[2]]}) == {}


def test_142_peer_difference_a_row_without_decom_is_not_the_latest_episode() -> None:
    # The peer sorts the blank DECOM last, takes it as the latest, and flags the open episode 0.
    episodes = [
        {"CHILD": "1", "DECOM": "01/05/2025", "DEC": "", "REC": ""},
        {"CHILD": "1", "DECOM": "", "DEC": "", "REC": ""},
    ]
    assert flagged("142", {"Episodes": episodes}) == {}


def test_143_144_145_episode_codes() -> None:
    episodes = [
        {"CHILD": "1", "RNE": "S", "LS": "C1", "CIN": "N1"},
        {"CHILD": "1", "RNE": "SP", "LS": "section 20", "CIN": "N9"},
        {"CHILD": "1", "RNE": "", "LS": "", "CIN": ""},  # blanks are other rules' business
        {"CHILD": "1", "RNE": "p", "LS": "v4", "CIN": "n8"},  # upper-cased when read, as by the peer
    ]
    assert flagged("143", {"Episodes": episodes}) == {"Episodes": [1]}
    assert flagged("144", {"Episodes": episodes}) == {"Episodes": [1]}
    assert flagged("145", {"Episodes": episodes}) == {"Episodes": [1]}
    assert flagged("143", {"Episodes": [episodes[0]]}) == {}
    assert flagged("144", {"Episodes": [episodes[0]]}) == {}
    assert flagged("145", {"Episodes": [episodes[0]]}) == {}


def _places(*codes: str) -> list[dict[str, object]]:
    return [{"CHILD": "1", "PLACE": c} for c in codes]


def test_146_placement_type_2024_25() -> None:
    assert flagged("146", {"Episodes": _places("A2", "H5", "Z1", "Z11", "", "R4")}, year=2025) == {
        "Episodes": [0, 3, 5]
    }
    assert flagged("146", {"Episodes": _places("U1", "P2", "T4", "A6")}, year=2025) == {}


def test_146_peer_difference_k3_is_valid_in_2024_25() -> None:
    # The peer's 2024-25 list has 'k3' in lower case, so it flags every (upper-cased) K3.
    assert flagged("146", {"Episodes": _places("K3")}, year=2025) == {}


def test_146_placement_type_from_2025_26() -> None:
    # H5, P2 and Z1 are no longer valid; Z11-Z14 are new.
    episodes = _places("H5", "P2", "Z1", "Z14", "K3", "U6")
    assert flagged("146", {"Episodes": episodes}) == {"Episodes": [0, 1, 2]}
    assert flagged("146", {"Episodes": episodes}, year=2027) == {"Episodes": [0, 1, 2]}
    assert flagged("146", {"Episodes": _places("Z11", "K3")}, year=2027) == {}


def test_148_dec_and_rec_together() -> None:
    episodes = [
        {"CHILD": "1", "DEC": "04/06/2025", "REC": ""},
        {"CHILD": "1", "DEC": "", "REC": "X1"},
        {"CHILD": "2", "DEC": "07/06/2025", "REC": "E11"},
        {"CHILD": "3", "DEC": "", "REC": ""},
    ]
    assert flagged("148", {"Episodes": episodes}) == {"Episodes": [0, 1]}
    assert flagged("148", {"Episodes": episodes[2:]}) == {}


def test_149_reason_episode_ceased() -> None:
    episodes = [{"CHILD": "1", "REC": c} for c in ("E4A", "E4b", "X", "E43", "", "E17")]
    assert flagged("149", {"Episodes": episodes}) == {"Episodes": [2, 3]}
    assert flagged("149", {"Episodes": [episodes[0], episodes[5]]}) == {}


def test_164_distance_must_be_0_to_999_9_miles() -> None:
    episodes = [
        {"CHILD": "1", "LS": "C2", "PL_DISTANCE": "3.5"},
        {"CHILD": "2", "LS": "C2", "PL_DISTANCE": "-2"},  # fail
        {"CHILD": "2", "LS": "C2", "PL_DISTANCE": ""},  # not known: not flagged
        {"CHILD": "3", "LS": "C2", "PL_DISTANCE": "1000"},  # fail
        {"CHILD": "4", "LS": "C2", "PL_DISTANCE": "1380"},  # UASC last year: left out
        {"CHILD": "5", "LS": "C2", "PL_DISTANCE": "1200"},  # UASC this year: left out
    ]
    uasc = [{"CHILD": "5", "DUC": ""}]
    uasc_last = [{"CHILD": "4", "DUC": ""}]
    tables = {"Episodes": episodes, "UASC": uasc, "UASC_last": uasc_last}
    assert flagged("164", tables) == {"Episodes": [1, 3]}
    assert flagged("164", {"Episodes": [episodes[0], episodes[2]]}) == {}


def test_164_peer_difference_short_breaks_are_left_out() -> None:
    episodes = [{"CHILD": "1", "LS": "V3", "PL_DISTANCE": "1500"}]
    assert flagged("164", {"Episodes": episodes}) == {}


def test_169_179_derived_placement_fields_missing() -> None:
    # The file carries PL_LA and PL_LOCATION: a blank one means the postcode could not be placed.
    episodes = [
        {"CHILD": "1", "LS": "C2", "PL_LA": "E10000014", "PL_LOCATION": "IN"},
        {"CHILD": "2", "LS": "C2", "PL_LA": "", "PL_LOCATION": ""},  # fail
        {"CHILD": "3", "LS": "V3", "PL_LA": "", "PL_LOCATION": ""},  # short break: not checked
    ]
    assert flagged("169", {"Episodes": episodes}) == {"Episodes": [1]}
    assert flagged("179", {"Episodes": episodes}) == {"Episodes": [1]}
    assert flagged("169", {"Episodes": [episodes[0], episodes[2]]}) == {}
    assert flagged("179", {"Episodes": [episodes[0], episodes[2]]}) == {}


def test_169_179_not_checked_when_the_file_does_not_carry_the_fields() -> None:
    episodes = [{"CHILD": "1", "LS": "C2", "PL_POST": "AB1 2CD"}]
    assert flagged("169", {"Episodes": episodes}) == {}
    assert flagged("179", {"Episodes": episodes}) == {}


def test_178_placement_provider_2024_25() -> None:
    episodes = [
        {"CHILD": "1", "PLACE": "U1", "PLACE_PROVIDER": "PR0"},
        {"CHILD": "1", "PLACE": "T0", "PLACE_PROVIDER": "PR1"},  # fail: no provider for T0
        {"CHILD": "1", "PLACE": "U2", "PLACE_PROVIDER": ""},  # blank: other rules' business
        {"CHILD": "1", "PLACE": "Z1", "PLACE_PROVIDER": "PR4"},  # fail
        {"CHILD": "1", "PLACE": "U1", "PLACE_PROVIDER": "PR7"},  # fail: not a code
        {"CHILD": "1", "PLACE": "", "PLACE_PROVIDER": "PR5"},
    ]
    assert flagged("178", {"Episodes": episodes}, year=2025) == {"Episodes": [1, 3, 4]}
    assert flagged("178", {"Episodes": [episodes[0], episodes[2], episodes[5]]}, year=2025) == {}


def test_178_placement_provider_from_2025_26() -> None:
    episodes = [
        {"CHILD": "1", "PLACE": "T4", "PLACE_PROVIDER": "PR1"},  # T4 may have a provider from 2025-26
        {"CHILD": "1", "PLACE": "Z14", "PLACE_PROVIDER": "PR5"},  # fail
        {"CHILD": "1", "PLACE": "Z11", "PLACE_PROVIDER": ""},
        {"CHILD": "1", "PLACE": "T3", "PLACE_PROVIDER": "PR2"},  # fail
    ]
    assert flagged("178", {"Episodes": episodes}) == {"Episodes": [1, 3]}
    assert flagged("178", {"Episodes": episodes}, year=2027) == {"Episodes": [1, 3]}
    assert flagged("178", {"Episodes": episodes[:1]}, year=2027) == {}


_LAST = [
    {"CHILD": "101", "DECOM": "15/06/2016", "DEC": "20/12/2024", "REC": "E11"},
    {"CHILD": "103", "DECOM": "11/05/2015", "DEC": "07/04/2024", "REC": "E12"},
    {"CHILD": "107", "DECOM": "26/11/2017", "DEC": "04/12/2024", "REC": "E12"},
]


def test_199_episodes_after_an_adoption() -> None:
    episodes = [
        {"CHILD": "103", "DECOM": "16/04/2025", "DEC": "", "REC": ""},  # 0: adopted last year
        {"CHILD": "105", "DECOM": "02/05/2025", "DEC": "03/05/2025", "REC": "X1"},  # 1
        {"CHILD": "105", "DECOM": "03/05/2025", "DEC": "04/06/2025", "REC": "E11"},  # 2: first adoption
        {"CHILD": "105", "DECOM": "03/12/2025", "DEC": "04/12/2025", "REC": "E11"},  # 3: fail
        {"CHILD": "105", "DECOM": "12/06/2025", "DEC": "", "REC": ""},  # 4: fail
        {"CHILD": "107", "DECOM": "26/11/2017", "DEC": "04/12/2024", "REC": "E12"},  # 5: repeated
        {"CHILD": "107", "DECOM": "04/12/2025", "DEC": "", "REC": ""},  # 6: fail
    ]
    assert flagged("199", {"Episodes": episodes}) == {"Episodes": [3, 4, 6]}
    assert flagged("199", {"Episodes": episodes, "Episodes_last": _LAST}) == {"Episodes": [0, 3, 4, 6]}
    assert flagged("199", {"Episodes": episodes[1:3], "Episodes_last": _LAST}) == {}


def test_199_peer_difference_an_episode_both_years_report_counts_once() -> None:
    # Child 107's adoption episode is in both years' files: it is one adoption, not two.
    episodes = [{"CHILD": "107", "DECOM": "26/11/2017", "DEC": "04/12/2024", "REC": "E12"}]
    assert flagged("199", {"Episodes": episodes, "Episodes_last": _LAST}) == {}
