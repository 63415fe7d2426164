"""Rules 215 and 344-348 on care leavers (OC3). Default collection year 2025-26."""

from __future__ import annotations

from tests.engine.validation.cases import flagged


def test_215_care_leavers_have_no_12_month_outcomes() -> None:
    oc3 = [
        {"CHILD": "1", "IN_TOUCH": "YES", "ACTIV": "F1", "ACCOM": "B1"},
        {"CHILD": "2", "IN_TOUCH": "YES"},
        {"CHILD": "3", "ACCOM": "B1"},
        {"CHILD": "4"},  # nothing of OC3 given
    ]
    oc2 = [
        {"CHILD": "2", "SDQ_SCORE": "10"},  # no OC2 item that clashes
        {"CHILD": "1", "CONVICTED": "0"},  # clashes with OC3 row 0
        {"CHILD": "4", "IMMUNISATIONS": "1"},
    ]
    assert flagged("215", {"OC3": oc3, "OC2": oc2}) == {"OC2": [1], "OC3": [0]}
    assert flagged("215", {"OC3": oc3[1:], "OC2": oc2}) == {}


def test_344_died_or_returned_home_has_activity_and_accommodation_zero() -> None:
    oc3 = [
        {"CHILD": "1", "IN_TOUCH": "DIED", "ACTIV": "0", "ACCOM": "0"},
        {"CHILD": "2", "IN_TOUCH": "RHOM", "ACTIV": "F1", "ACCOM": "0"},  # flagged
        {"CHILD": "3", "IN_TOUCH": "DIED", "ACCOM": "0"},  # ACTIV blank, not 0: flagged
        {"CHILD": "4", "IN_TOUCH": "YES", "ACTIV": "F1", "ACCOM": "B1"},
    ]
    assert flagged("344", {"OC3": oc3}) == {"OC3": [1, 2]}
    assert flagged("344", {"OC3": [oc3[0], oc3[3]]}) == {}


def test_345_in_touch_has_activity_and_accommodation() -> None:
    oc3 = [
        {"CHILD": "1", "IN_TOUCH": "YES", "ACTIV": "0", "ACCOM": "B1"},  # flagged
        {"CHILD": "2", "IN_TOUCH": "YES", "ACTIV": "F1", "ACCOM": "B1"},
        {"CHILD": "3", "IN_TOUCH": "YES", "ACTIV": "F1", "ACCOM": "0"},  # flagged
        {"CHILD": "4", "IN_TOUCH": "NO", "ACTIV": "0", "ACCOM": "0"},
    ]
    assert flagged("345", {"OC3": oc3}) == {"OC3": [0, 2]}
    assert flagged("345", {"OC3": [oc3[1], oc3[3]]}) == {}


def test_347_no_foyer_under_18_peer_difference() -> None:
    # 1 April 2025: born 02/04/2007 is 17, born 01/04/2007 is 18 that day. The peer compares ACCOM
    # with 'T', which no valid code is, and flags nothing.
    oc3 = [
        {"CHILD": "1", "DOB": "02/04/2007", "ACCOM": "T1"},  # flagged
        {"CHILD": "2", "DOB": "01/04/2007", "ACCOM": "T2"},
        {"CHILD": "3", "DOB": "01/06/2008", "ACCOM": "D1"},
        {"CHILD": "4", "DOB": "01/06/2008", "ACCOM": "T2"},  # flagged
    ]
    assert flagged("347", {"OC3": oc3}) == {"OC3": [0, 3]}
    assert flagged("347", {"OC3": oc3[1:3]}) == {}


def test_348_reported_as_died_last_year() -> None:
    oc3 = [
        {"CHILD": "1", "IN_TOUCH": "YES"},  # died last year: flagged
        {"CHILD": "2", "IN_TOUCH": "DIED"},
        {"CHILD": "3"},  # flagged
        {"CHILD": "5", "IN_TOUCH": "NO"},  # in touch last year
    ]
    last = [{"CHILD": c, "IN_TOUCH": "DIED"} for c in "1234"] + [{"CHILD": "5", "IN_TOUCH": "YES"}]
    assert flagged("348", {"OC3": oc3, "OC3_last": last}) == {"OC3": [0, 2]}
    assert flagged("348", {"OC3": oc3[1:2] + oc3[3:], "OC3_last": last}, year=2027) == {}
