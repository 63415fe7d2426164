"""Rules on temporary placements (T0-T4): 375-377, 379-381 and 383."""

from __future__ import annotations

from tests.engine.validation.cases import flagged


def ep(child: str, place: str, decom: str, dec: str | None = None, **more: str) -> dict[str, object]:
    return {"CHILD": child, "PLACE": place, "DECOM": decom, "DEC": dec, **more}


def test_375_hospital_stay_at_most_six_weeks() -> None:
    episodes = [
        ep("1", "T1", "01/06/2025", "13/07/2025"),  # 0 42 days
        ep("2", "T1", "01/06/2025", "14/07/2025"),  # 1 43 days
        ep("3", "T1", "01/06/2025"),  # 2 open: not measured
        ep("4", "R2", "01/06/2025", "14/09/2025"),  # 3 not T1
    ]
    # No Header file is needed (peer difference: the peer does not run without one).
    assert flagged("375", {"Episodes": episodes}) == {"Episodes": [1]}
    assert flagged("375", {"Episodes": [episodes[0], episodes[2], episodes[3]]}) == {}


def test_376_foster_carers_holiday_at_most_three_weeks() -> None:
    episodes = [
        ep("1", "T3", "01/06/2025", "22/06/2025"),  # 0 21 days
        ep("2", "T3", "01/06/2025", "23/06/2025"),  # 1 22 days
        ep("1", "T3", "01/01/2026"),  # 2 open: not measured (peer difference in a full run)
    ]
    header = [{"CHILD": "1", "DOB": "01/01/2015"}]  # child 2 has no Header row (peer difference)
    assert flagged("376", {"Episodes": episodes, "Header": header}) == {"Episodes": [1]}
    assert flagged("376", {"Episodes": [episodes[0], episodes[2]], "Header": header}) == {}


def test_377_at_most_two_holiday_placements_in_the_year() -> None:
    episodes = [
        ep("1", "T3", "01/06/2025"),  # 0 } child 1: three T3 placements
        ep("1", "U4", "08/06/2025"),  # 1
        ep("1", "T3", "01/08/2025"),  # 2 }
        ep("1", "T3", "01/10/2025"),  # 3 }
        ep("2", "T3", "01/06/2025"),  # 4 child 2: two, and a T0
        ep("2", "T3", "01/08/2025"),  # 5
        ep("2", "T0", "01/10/2025"),  # 6
    ]
    assert flagged("377", {"Episodes": episodes}) == {"Episodes": [0, 2, 3]}
    assert flagged("377", {"Episodes": episodes[4:]}) == {}


def test_379_other_temporary_placement_at_most_seven_days() -> None:
    episodes = [
        ep("1", "T4", "01/06/2025", "08/06/2025"),  # 0 7 days
        ep("2", "T4", "01/06/2025", "09/06/2025"),  # 1 8 days
        ep("3", "T3", "01/06/2025", "09/06/2025"),  # 2 not T4
    ]
    assert flagged("379", {"Episodes": episodes}) == {"Episodes": [1]}
    assert flagged("379", {"Episodes": [episodes[0], episodes[2]]}) == {}


def test_380_a_period_of_care_cannot_start_with_a_temporary_placement() -> None:
    episodes = [
        ep("1", "T1", "01/06/2025", RNE="P"),  # 0
        ep("2", "T2", "01/06/2025", RNE="B"),  # 1
        ep("3", "T0", "01/06/2025", RNE="S"),  # 2
        ep("4", "T4", "01/06/2025"),  # 3 blank RNE
        ep("5", "U3", "01/06/2025", RNE="S"),  # 4
    ]
    assert flagged("380", {"Episodes": episodes}) == {"Episodes": [2, 3]}
    assert flagged("380", {"Episodes": [episodes[0], episodes[1], episodes[4]]}) == {}


def test_381_a_period_of_care_cannot_end_with_a_temporary_placement() -> None:
    episodes = [
        ep("1", "T1", "01/06/2025", "05/06/2025", REC="X1"),  # 0
        ep("2", "T2", "01/06/2025", "05/06/2025", REC="E13"),  # 1
        ep("3", "T3", "01/06/2025"),  # 2 open
        ep("4", "U3", "01/06/2025", "05/06/2025", REC="E13"),  # 3
    ]
    assert flagged("381", {"Episodes": episodes}) == {"Episodes": [1]}
    assert flagged("381", {"Episodes": [episodes[0], episodes[2], episodes[3]]}) == {}


RETURNS = [
    ep("111", "U4", "01/06/2025", RNE="S", PL_POST="AB1 0"),  # 0
    ep("111", "T1", "05/06/2025", RNE="P", PL_POST="AB2 0"),  # 1
    ep("111", "U4", "06/06/2025", RNE="T", PL_POST="AB1 0"),  # 2 back, but RNE is not P
    ep("333", "U4", "06/06/2025", RNE="S", PL_POST="AB1 0"),  # 3
    ep("333", "T1", "10/06/2025", RNE="P", PL_POST="AB2 0"),  # 4
    ep("333", "U6", "12/06/2025", RNE="P", PL_POST="AB1 0"),  # 5 another placement type
    ep("444", "U4", "08/06/2025", RNE="S", PL_POST="AB1 0"),  # 6
    ep("444", "T3", "09/06/2025", RNE="P", PL_POST="AB2 0"),  # 7
    ep("444", "U4", "15/06/2025", RNE="P", PL_POST="AB1 0"),  # 8 back to the same placement
    ep("555", "T1", "12/06/2025", RNE="P", PL_POST="AB2 0"),  # 9 } only one episode before 10:
    ep("555", "U4", "13/06/2025", RNE="S", PL_POST="AB1 0"),  # 10 } not checked
    ep("777", "U4", "01/06/2025", RNE="S", PL_POST="AB1 0"),  # 11
    ep("777", "T1", "05/06/2025", RNE="P", PL_POST="AB2 0"),  # 12
    ep("777", "U4", "06/06/2025", RNE="P", PL_POST="AB3 0"),  # 13 same type, another postcode
]


def test_383_return_to_the_same_placement_type_in_2024_25() -> None:
    assert flagged("383", {"Episodes": RETURNS}, year=2025) == {"Episodes": [2, 5]}
    assert flagged("383", {"Episodes": RETURNS[6:]}, year=2025) == {}


def test_383_return_to_the_same_placement_and_postcode_from_2025_26() -> None:
    assert flagged("383", {"Episodes": RETURNS}) == {"Episodes": [2, 5, 13]}
    assert flagged("383", {"Episodes": RETURNS[6:11]}, year=2027) == {}
    assert flagged("383", {"Episodes": RETURNS[11:]}, year=2027) == {"Episodes": [2]}


def test_383_no_placement_postcode_before_and_after_is_the_same_postcode() -> None:
    # Peer difference: the peer flags row 2, taking two blank postcodes to differ.
    episodes = [
        ep("1", "U4", "01/06/2025", RNE="S"),
        ep("1", "T1", "05/06/2025", RNE="P"),
        ep("1", "U4", "06/06/2025", RNE="P"),
    ]
    assert flagged("383", {"Episodes": episodes}) == {}
