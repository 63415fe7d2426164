"""Rules 100-199 on AD1 and PlacedAdoption (group A): hand-made failing and passing cases."""

from __future__ import annotations

from tests.engine.validation.cases import flagged

_FULL_AD1 = {
    "DATE_INT": "01/05/2025",
    "DATE_MATCH": "01/07/2025",
    "FOSTER_CARE": "0",
    "NB_ADOPTR": "2",
    "SEX_ADOPTR": "MF",
    "LS_ADOPTR": "L11",
}


def test_114_former_foster_carers() -> None:
    ad1 = [{"CHILD": str(n), "FOSTER_CARE": v} for n, v in enumerate(("0", "1", "2", "", "Y"))]
    assert flagged("114", {"AD1": ad1}) == {"AD1": [2, 4]}
    assert flagged("114", {"AD1": ad1[:2]}) == {}


def test_117_decisions_after_the_year_or_after_care_ended() -> None:
    # Collection year 2025-26 ends 31/03/2026.
    placed = [
        {"CHILD": "101", "DATE_PLACED": "26/05/2020", "DATE_PLACED_CEASED": "26/05/2020"},  # pass
        {"CHILD": "102", "DATE_PLACED": "26/05/2020", "DATE_PLACED_CEASED": "01/07/2026"},  # after 31 March
        {"CHILD": "104", "DATE_PLACED": "01/02/2016", "DATE_PLACED_CEASED": "26/05/2025"},  # after DEC
        {"CHILD": "105", "DATE_PLACED": "26/05/2026", "DATE_PLACED_CEASED": ""},  # after 31 March
    ]
    episodes = [
        {"CHILD": "101", "DECOM": "01/01/2019", "DEC": "01/01/2021", "REC": "E45"},  # 0
        {"CHILD": "102", "DECOM": "01/01/2021", "DEC": "03/01/2021", "REC": "E15"},  # 1
        {"CHILD": "102", "DECOM": "03/01/2024", "DEC": "03/01/2026", "REC": "E46"},  # 2: latest
        {"CHILD": "104", "DECOM": "10/01/2022", "DEC": "10/01/2025", "REC": "E11"},  # 3: latest not X1
        {"CHILD": "104", "DECOM": "11/02/2025", "DEC": "01/03/2025", "REC": "X1"},  # 4: X1, left out
        {"CHILD": "105", "DECOM": "25/01/2022", "DEC": "", "REC": ""},  # 5
    ]
    tables = {"Episodes": episodes, "PlacedAdoption": placed}
    assert flagged("117", tables) == {"Episodes": [2, 3, 5], "PlacedAdoption": [1, 2, 3]}
    assert flagged("117", {"Episodes": episodes[:1], "PlacedAdoption": placed[:1]}) == {}


def test_118_decision_ended_before_the_year_or_before_care_began() -> None:
    # Collection year 2025-26 starts 01/04/2025.
    placed = [
        {"CHILD": "101", "DATE_PLACED_CEASED": "08/03/2025"},  # before the year
        {"CHILD": "102", "DATE_PLACED_CEASED": "22/06/2025"},  # before the earliest non-V3/V4 DECOM
        {"CHILD": "103", "DATE_PLACED_CEASED": "13/10/2025"},  # pass
        {"CHILD": "104", "DATE_PLACED_CEASED": ""},  # not given
    ]
    episodes = [
        {"CHILD": "101", "LS": "L1", "DECOM": "01/01/2024"},  # 0
        {"CHILD": "102", "LS": "V3", "DECOM": "01/05/2025"},  # 1: short break, left out
        {"CHILD": "102", "LS": "C2", "DECOM": "20/07/2025"},  # 2: earliest
        {"CHILD": "102", "LS": "C2", "DECOM": "03/01/2026"},  # 3
        {"CHILD": "103", "LS": "C2", "DECOM": "01/01/2024"},  # 4
        {"CHILD": "104", "LS": "L1", "DECOM": "01/01/2024"},  # 5
    ]
    tables = {"Episodes": episodes, "PlacedAdoption": placed}
    assert flagged("118", tables) == {"Episodes": [0, 2], "PlacedAdoption": [0, 1]}
    assert flagged("118", {"Episodes": episodes[4:], "PlacedAdoption": placed[2:]}) == {}


def test_119_date_and_reason_the_plan_ended_go_together() -> None:
    placed = [
        {"CHILD": "1", "DATE_PLACED_CEASED": "22/11/2025", "REASON_PLACED_CEASED": "RD1"},
        {"CHILD": "2", "DATE_PLACED_CEASED": "08/05/2025", "REASON_PLACED_CEASED": ""},
        {"CHILD": "3", "DATE_PLACED_CEASED": "", "REASON_PLACED_CEASED": "RD2"},
        {"CHILD": "4", "DATE_PLACED_CEASED": "", "REASON_PLACED_CEASED": ""},
    ]
    assert flagged("119", {"PlacedAdoption": placed}) == {"PlacedAdoption": [1, 2]}
    assert flagged("119", {"PlacedAdoption": [placed[0], placed[3]]}) == {}


def test_120_reason_the_plan_ended() -> None:
    placed = [
        {"CHILD": str(n), "REASON_PLACED_CEASED": v} for n, v in enumerate(("rd1", "RD0", "1", "", "RD4"))
    ]
    assert flagged("120", {"PlacedAdoption": placed}) == {"PlacedAdoption": [1, 2]}
    assert flagged("120", {"PlacedAdoption": [placed[0], placed[4]]}) == {}


def test_134_no_adoption_data_for_the_oc3_cohort() -> None:
    oc3 = [
        {"CHILD": "A"},
        {"CHILD": "B", "IN_TOUCH": "YES"},
        {"CHILD": "C", "ACTIV": "F1"},
        {"CHILD": "E"},
    ]
    ad1 = [
        {"CHILD": "A", **_FULL_AD1},  # no OC3 data
        {"CHILD": "B", "DATE_MATCH": "01/07/2025"},  # fail
        {"CHILD": "C", **_FULL_AD1},  # fail
        {"CHILD": "D", **_FULL_AD1},  # no OC3 row
        {"CHILD": "E"},  # no adoption data
    ]
    assert flagged("134", {"OC3": oc3, "AD1": ad1}) == {"AD1": [1, 2]}
    assert flagged("134", {"OC3": oc3, "AD1": [ad1[0], ad1[3], ad1[4]]}) == {}


def test_151_adoption_items_all_or_none() -> None:
    ad1 = [
        {"CHILD": "1", **_FULL_AD1},
        {"CHILD": "2"},
        {"CHILD": "3", **_FULL_AD1, "LS_ADOPTR": ""},  # fail
        {"CHILD": "4", "NB_ADOPTR": "1"},  # fail
    ]
    assert flagged("151", {"AD1": ad1}) == {"AD1": [2, 3]}
    assert flagged("151", {"AD1": ad1[:2]}) == {}


def test_175_176_177_adopter_codes() -> None:
    ad1 = [
        {"CHILD": "1", "NB_ADOPTR": "1", "SEX_ADOPTR": "M1", "LS_ADOPTR": "L0"},
        {"CHILD": "2", "NB_ADOPTR": "0", "SEX_ADOPTR": "1", "LS_ADOPTR": "L1"},  # fail: all three
        {"CHILD": "3", "NB_ADOPTR": "3", "SEX_ADOPTR": "mf", "LS_ADOPTR": "l2"},  # fail: number only
        {"CHILD": "4", "NB_ADOPTR": "", "SEX_ADOPTR": "", "LS_ADOPTR": ""},  # blanks: rule 151's business
    ]
    assert flagged("175", {"AD1": ad1}) == {"AD1": [1, 2]}
    assert flagged("176", {"AD1": ad1}) == {"AD1": [1]}
    assert flagged("177", {"AD1": ad1}) == {"AD1": [1]}
    assert flagged("175", {"AD1": [ad1[0], ad1[3]]}) == {}
    assert flagged("176", {"AD1": [ad1[0], ad1[3]]}) == {}
    assert flagged("177", {"AD1": [ad1[0], ad1[3]]}) == {}


def test_184_decision_before_birth() -> None:
    header = [{"CHILD": c, "DOB": "01/10/2017"} for c in ("111", "112", "113")]
    placed = [
        {"CHILD": "111", "DOB": "01/10/2017", "DATE_PLACED": "01/10/2017"},  # same day: pass
        {"CHILD": "112", "DOB": "31/05/2018", "DATE_PLACED": "10/02/2018"},  # fail
        {"CHILD": "113", "DOB": "10/03/2019", "DATE_PLACED": ""},
    ]
    assert flagged("184", {"Header": header, "PlacedAdoption": placed}) == {"PlacedAdoption": [1]}
    assert flagged("184", {"Header": header, "PlacedAdoption": [placed[0], placed[2]]}) == {}


def test_184_peer_difference_a_blank_dob_is_not_before_anything() -> None:
    # The peer flags row 0 (its DOB is blank). Ours takes Header's DOB (row 1: after it, fail),
    # and flags nothing when neither is known (row 2).
    header = [{"CHILD": "1", "DOB": "01/01/2020"}, {"CHILD": "2", "DOB": "01/01/2020"}]
    placed = [
        {"CHILD": "1", "DOB": "", "DATE_PLACED": "01/06/2021"},
        {"CHILD": "2", "DOB": "", "DATE_PLACED": "01/06/2019"},
        {"CHILD": "3", "DOB": "", "DATE_PLACED": "01/06/2019"},
    ]
    assert flagged("184", {"Header": header, "PlacedAdoption": placed}) == {"PlacedAdoption": [1]}
