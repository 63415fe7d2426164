"""Rules 213-243 and 336 on placements. Default collection year 2025-26 (1/4/2025 to 31/3/2026)."""

from __future__ import annotations

from tests.engine.validation.cases import flagged


def _eps(*rows: dict[str, object]) -> dict[str, list[dict[str, object]]]:
    return {"Episodes": list(rows)}


def test_213_temporary_placements_have_no_provider() -> None:
    tables = _eps(
        {"CHILD": "1", "PLACE": "T1", "PLACE_PROVIDER": "PR1"},  # flagged
        {"CHILD": "2", "PLACE": "T1"},
        {"CHILD": "3", "PLACE": "U1", "PLACE_PROVIDER": "PR1"},
        {"CHILD": "4", "PLACE": "Z11", "PLACE_PROVIDER": "PR4"},  # Z11-Z14 exist from 2025-26
    )
    assert flagged("213", tables, year=2025) == {"Episodes": [0]}
    assert flagged("213", tables) == {"Episodes": [0, 3]}
    assert flagged("213", _eps(*tables["Episodes"][1:])) == {"Episodes": [2]}
    assert flagged("213", _eps(*tables["Episodes"][1:]), year=2025) == {}


def test_214_short_breaks_have_no_placement_location() -> None:
    tables = _eps(
        {"CHILD": "1", "LS": "V3", "PL_POST": "AB1 2CD"},  # flagged
        {"CHILD": "2", "LS": "V4", "URN": "1234567"},  # flagged
        {"CHILD": "3", "LS": "V2", "URN": "1234567", "PL_POST": "AB1 2CD"},
        {"CHILD": "4", "LS": "V3"},
    )
    assert flagged("214", tables) == {"Episodes": [0, 1]}
    assert flagged("214", _eps(*tables["Episodes"][2:])) == {}


def test_217_adoption_with_current_foster_carers_starts_with_s_t_or_u() -> None:
    tables = _eps(
        {"CHILD": "1", "PLACE": "A3", "DECOM": "01/05/2025", "RNE": "P"},  # flagged
        {"CHILD": "2", "PLACE": "A5", "DECOM": "01/05/2025", "RNE": "S"},
        {"CHILD": "3", "PLACE": "A5", "DECOM": "01/05/2025"},  # no reason: flagged
        {"CHILD": "4", "PLACE": "A3", "DECOM": "01/03/2015", "RNE": "P"},  # before April 2015
        {"CHILD": "5", "PLACE": "A4", "DECOM": "01/05/2025", "RNE": "P"},
    )
    assert flagged("217", tables) == {"Episodes": [0, 2]}
    assert flagged("217", _eps(*tables["Episodes"][3:])) == {}


def _urn_cases(other: str) -> list[dict[str, object]]:
    return [
        {"CHILD": "1", "PLACE": "K2", "PL_LA": "E10000002"},  # open, in England, no URN
        {"CHILD": "2", "PLACE": "K2", "PL_LA": "E10000002", "DEC": "01/03/2024"},  # ended before
        {"CHILD": "3", "PLACE": "K2", "PL_LA": "WAL"},  # in Wales
        {"CHILD": "4", "PLACE": "P1", "PL_LA": "E10000002"},  # with parents: no URN needed
        {"CHILD": "5", "PLACE": "K2", "PL_LA": ""},  # placement area not known
        {"CHILD": "6", "PLACE": "K2", "PL_LA": "E10000002", "URN": "1234567"},
        {"CHILD": "7", "PLACE": other, "PL_LA": "E10000002"},  # other placement: no URN needed
    ]


def test_218_urn_required_2024_25_unknown_area_is_not_flagged() -> None:
    # 2024-25 runs 1/4/2024 to 31/3/2025: row 1 ended before it. As the peer, an unknown PL_LA
    # is not flagged in 2024-25.
    assert flagged("218", _eps(*_urn_cases("Z1")), year=2025) == {"Episodes": [0]}
    assert flagged("218", _eps(*_urn_cases("Z1")[1:]), year=2025) == {}


def test_218_urn_required_from_2025_26_unknown_area_counts_as_england() -> None:
    cases = _urn_cases("Z11")
    cases[1]["DEC"] = "01/03/2025"
    assert flagged("218", _eps(*cases)) == {"Episodes": [0, 4]}
    assert flagged("218", _eps(*cases[1:4], *cases[5:])) == {}
    # Z1 is no longer a placement type from 2025-26, so it is not exempt.
    assert flagged("218", _eps(*_urn_cases("Z1")[5:]), year=2027) == {"Episodes": [1]}


def test_222_no_urn_for_placements_not_registered_with_ofsted() -> None:
    tables = _eps(
        {"CHILD": "1", "PLACE": "P1", "URN": "1234567"},  # flagged
        {"CHILD": "2", "PLACE": "P1", "URN": "XXXXXXX"},
        {"CHILD": "3", "PLACE": "K2", "URN": "1234567"},
        {"CHILD": "4", "PLACE": "Z1", "URN": "1234567"},  # flagged in 2024-25
        {"CHILD": "5", "PLACE": "Z11", "URN": "1234567"},  # flagged from 2025-26
        {"CHILD": "6", "PLACE": "T2", "URN": "xxxxxxx"},
    )
    assert flagged("222", tables, year=2025) == {"Episodes": [0, 3]}
    assert flagged("222", tables) == {"Episodes": [0, 4]}
    assert flagged("222", _eps(*tables["Episodes"][1:3])) == {}
    assert flagged("222", _eps(*tables["Episodes"][4:]), year=2025) == {}


def test_225_a_change_of_placement_needs_a_reason() -> None:
    # The peer's own case (placement X1 stands for any non-temporary placement).
    rows = [
        ("111", "01/06/2020", "P", "X1", "U1", ""),  # X1 then P into X1: flagged
        ("111", "05/06/2020", "P", "E11", "X1", ""),
        ("111", "06/06/2020", "B", "E3", "X1", ""),
        ("123", "08/06/2020", "P", "X1", "U1", ""),  # flagged
        ("123", "10/06/2020", "P", "E3", "X1", ""),
        ("333", "06/06/2020", "T", "X1", "U1", ""),  # next is L: a legal change only
        ("333", "07/06/2020", "L", "X1", "X1", "CARPL"),  # has a reason
        ("333", "08/06/2020", "P", "E3", "U1", ""),
        ("444", "09/06/2020", "U", "X1", "T1", ""),  # temporary placement
        ("444", "15/06/2020", "P", "X1", "X1", ""),  # next is temporary
        ("444", "16/06/2020", "P", "E3", "T3", ""),
        ("666", "17/06/2020", "P", "", "T4", ""),
    ]
    keys = ("CHILD", "DECOM", "RNE", "REC", "PLACE", "REASON_PLACE_CHANGE")
    episodes = [dict(zip(keys, r, strict=True)) for r in rows]
    assert flagged("225", {"Episodes": episodes}) == {"Episodes": [0, 3]}
    assert flagged("225", {"Episodes": episodes[5:]}) == {}


def test_226_no_reason_for_placement_change_around_a_temporary_placement() -> None:
    tables = _eps(
        {"CHILD": "1", "DECOM": "01/06/2025", "PLACE": "T1"},  # the episode before has a reason
        {"CHILD": "1", "DECOM": "01/05/2025", "PLACE": "U1", "REASON_PLACE_CHANGE": "CARPL"},
        {"CHILD": "2", "DECOM": "01/05/2025", "PLACE": "T2", "REASON_PLACE_CHANGE": "OTHER"},
        {"CHILD": "3", "DECOM": "01/05/2025", "PLACE": "U1"},
        {"CHILD": "3", "DECOM": "01/06/2025", "PLACE": "T1"},
        {"CHILD": "4", "DECOM": "01/05/2025", "PLACE": "U1", "REASON_PLACE_CHANGE": "CARPL"},
        {"CHILD": "4", "DECOM": "01/06/2025", "PLACE": "U4"},
    )
    assert flagged("226", tables, year=2025) == {"Episodes": [0, 2]}
    assert flagged("226", tables) == {"Episodes": [0, 2]}
    assert flagged("226", _eps(*tables["Episodes"][3:])) == {}
    assert flagged("226", _eps(*tables["Episodes"][3:]), year=2025) == {}


def test_233_open_episodes_have_no_reason_for_placement_change_peer_difference() -> None:
    # The peer crashes on every return (it reads a column that does not exist).
    tables = _eps(
        {"CHILD": "1", "DECOM": "01/05/2025", "REASON_PLACE_CHANGE": "CARPL"},  # open: flagged
        {"CHILD": "2", "DECOM": "01/05/2025", "DEC": "01/06/2025", "REASON_PLACE_CHANGE": "CARPL"},
        {"CHILD": "3", "DECOM": "01/05/2025"},
    )
    assert flagged("233", tables) == {"Episodes": [0]}
    assert flagged("233", _eps(*tables["Episodes"][1:]), year=2027) == {}


def test_234_no_custody_before_the_10th_birthday() -> None:
    header = [{"CHILD": "1", "DOB": "01/01/2016"}, {"CHILD": "3", "DOB": "01/01/2016"}]
    episodes = [
        # Child 1 (10 on 01/01/2026) moved into custody on 01/09/2025, aged 9: flagged.
        {"CHILD": "1", "DECOM": "01/05/2025", "DEC": "01/09/2025", "REASON_PLACE_CHANGE": "CUSTOD"},
        {"CHILD": "1", "DECOM": "01/09/2025", "PLACE": "R5"},
        # Child 3's last episode ended with custody on 01/08/2025, aged 9: flagged.
        {"CHILD": "3", "DECOM": "01/05/2025", "DEC": "01/08/2025", "REASON_PLACE_CHANGE": "CUSTOD"},
        # A change for another reason.
        {"CHILD": "3", "DECOM": "01/04/2025", "DEC": "01/05/2025", "REASON_PLACE_CHANGE": "CARPL"},
    ]
    tables = {"Header": header, "Episodes": episodes}
    assert flagged("234", tables) == {"Episodes": [0, 2], "Header": [0, 1]}
    assert flagged("234", {"Header": header, "Episodes": episodes[3:]}) == {}


def test_234_the_age_at_the_move_counts_peer_difference() -> None:
    # Born 01/06/2014 (10 on 01/06/2024). The episode began at 9 but the move into custody was on
    # 01/07/2025, aged 11: allowed. The peer flags it by the episode's start.
    header = [{"CHILD": "2", "DOB": "01/06/2014"}]
    episodes = [
        {"CHILD": "2", "DECOM": "01/05/2024", "DEC": "01/07/2025", "REASON_PLACE_CHANGE": "CUSTOD"},
        {"CHILD": "2", "DECOM": "01/07/2025", "PLACE": "R5"},
    ]
    assert flagged("234", {"Header": header, "Episodes": episodes}) == {}
    young = [{"CHILD": "2", "DOB": "01/08/2015"}]  # 9 on 01/07/2025
    assert flagged("234", {"Header": young, "Episodes": episodes}) == {"Episodes": [0], "Header": [0]}


def test_242_xxxxxxx_only_for_adoption_and_foster_placements() -> None:
    tables = _eps(
        {"CHILD": "1", "PLACE": "K2", "URN": "XXXXXXX"},  # flagged
        {"CHILD": "2", "PLACE": "U4", "URN": "XXXXXXX"},
        {"CHILD": "3", "URN": "XXXXXXX"},  # no placement type: flagged
        {"CHILD": "4", "PLACE": "R1", "URN": "xxxxxxx"},  # flagged
        {"CHILD": "5", "PLACE": "A6", "URN": "XXXXXXX"},
        {"CHILD": "6", "PLACE": "K2", "URN": "1234567"},
    )
    assert flagged("242", tables) == {"Episodes": [0, 2, 3]}
    assert flagged("242", _eps(*tables["Episodes"][4:])) == {}


def test_243_no_urn_outside_england() -> None:
    tables = _eps(
        {"CHILD": "1", "PL_LA": "WAL", "URN": "1234567"},  # flagged
        {"CHILD": "2", "PL_LA": "E10000002", "URN": "1234567"},
        {"CHILD": "3", "PL_LA": "", "URN": "1234567"},  # area not known: not flagged
        {"CHILD": "4", "PL_LA": "SCO"},
        {"CHILD": "5", "PL_LA": "nuk", "URN": "1234567"},  # flagged
    )
    assert flagged("243", tables) == {"Episodes": [0, 4]}
    assert flagged("243", _eps(*tables["Episodes"][1:4])) == {}


def test_336_adoption_with_current_foster_carers_follows_a_foster_placement() -> None:
    tables = _eps(
        {"CHILD": "1", "DECOM": "01/05/2025", "PLACE": "K2"},
        {"CHILD": "1", "DECOM": "01/06/2025", "PLACE": "A3"},  # after a children's home: flagged
        {"CHILD": "2", "DECOM": "01/06/2025", "PLACE": "A5"},  # after foster care
        {"CHILD": "2", "DECOM": "01/05/2025", "PLACE": "U4"},
        {"CHILD": "4", "DECOM": "01/05/2025", "PLACE": "A5"},  # first episode this year
    )
    assert flagged("336", tables) == {"Episodes": [1]}
    assert flagged("336", _eps(*tables["Episodes"][2:])) == {}


def test_336_is_about_a3_and_a5_not_a4_peer_difference() -> None:
    # A4 is adoption by new carers: it need not follow foster care (the peer flags row 1).
    # A5 is adoption by the current foster carers: after a children's home it is wrong (the peer
    # misses row 3).
    tables = _eps(
        {"CHILD": "3", "DECOM": "01/05/2025", "PLACE": "K2"},
        {"CHILD": "3", "DECOM": "01/06/2025", "PLACE": "A4"},
        {"CHILD": "5", "DECOM": "01/05/2025", "PLACE": "K2"},
        {"CHILD": "5", "DECOM": "01/06/2025", "PLACE": "A5"},
    )
    assert flagged("336", tables) == {"Episodes": [3]}
    assert flagged("336", _eps(*tables["Episodes"][:2])) == {}
