"""Integrity checks (EPI, NoE, INT01-INT36): each with a failing and a passing hand-made case."""

from __future__ import annotations

from tests.engine.validation.cases import flagged

HEADER = [
    {"CHILD": "1", "SEX": "M", "DOB": "01/04/2015"},
    {"CHILD": "2", "SEX": "F", "DOB": "02/05/2016"},
]
# Rows of another table: child 3 is not in Header (row 1).
STRAY = [{"CHILD": "1"}, {"CHILD": "3"}, {"CHILD": "2"}]
KNOWN = [{"CHILD": "1"}, {"CHILD": "2"}, {"CHILD": "2"}]
# Dates of birth against Header: row 1 differs (03/05 not 02/05); a blank (row 2) is not compared,
# nor is a child missing from Header (row 3).
DOBS = [
    {"CHILD": "1", "DOB": "01/04/2015"},
    {"CHILD": "2", "DOB": "03/05/2016"},
    {"CHILD": "2"},
    {"CHILD": "9", "DOB": "01/01/2010"},
]
SAME_DOBS = [{"CHILD": "1", "DOB": "01/04/2015"}, {"CHILD": "2", "DOB": "02/05/2016"}]
# One row per child: child 1 twice (rows 0 and 2); a blank CHILD (rows 3, 4) is not counted.
TWICE = [{"CHILD": "1"}, {"CHILD": "2"}, {"CHILD": "1"}, {}, {}]
ONCE = [{"CHILD": "1"}, {"CHILD": "2"}, {}]


def test_epi_child_in_header_needs_episodes_or_oc3() -> None:
    header = [{"CHILD": "101"}, {"CHILD": "102"}, {"CHILD": "103"}, {"CHILD": "106"}]
    episodes = [{"CHILD": "101", "DECOM": "01/05/2025"}, {"CHILD": "101"}, {"CHILD": "103"}]
    assert flagged("EPI", {"Header": header, "Episodes": episodes}) == {"Header": [1, 3]}
    # 102 is a care leaver with only an OC3 row: that is enough; 106 still has nothing.
    oc3 = [{"CHILD": "102"}]
    assert flagged("EPI", {"Header": header, "Episodes": episodes, "OC3": oc3}) == {"Header": [3]}
    assert flagged("EPI", {"Header": header[:1], "Episodes": episodes}) == {}


def test_noe_care_began_before_the_year_needs_last_years_episodes() -> None:
    # 2025-26 starts on 01/04/2025: rows 1 and 2 began before it; only child 102 was in last year's.
    episodes = [
        {"CHILD": "101", "DECOM": "14/03/2026"},
        {"CHILD": "102", "DECOM": "08/09/2024"},
        {"CHILD": "103", "DECOM": "03/10/2024"},
        {"CHILD": "104"},  # no start date: nothing to go on
    ]
    last = [{"CHILD": "101", "DECOM": "14/03/2025"}, {"CHILD": "102", "DECOM": "08/09/2024"}]
    assert flagged("NoE", {"Episodes": episodes, "Episodes_last": last}) == {"Episodes": [2]}
    assert flagged("NoE", {"Episodes": episodes[:2], "Episodes_last": last}) == {}


def test_int01_child_in_ad1_not_in_header() -> None:
    assert flagged("INT01", {"Header": HEADER, "AD1": STRAY}) == {"AD1": [1]}
    assert flagged("INT01", {"Header": HEADER, "AD1": KNOWN}) == {}


def test_int02_child_in_placed_adoption_not_in_header() -> None:
    assert flagged("INT02", {"Header": HEADER, "PlacedAdoption": STRAY}) == {"PlacedAdoption": [1]}
    assert flagged("INT02", {"Header": HEADER, "PlacedAdoption": KNOWN}) == {}


def test_int03_child_in_episodes_not_in_header() -> None:
    assert flagged("INT03", {"Header": HEADER, "Episodes": STRAY}) == {"Episodes": [1]}
    assert flagged("INT03", {"Header": HEADER, "Episodes": KNOWN}) == {}


def test_int04_child_in_missing_not_in_header() -> None:
    assert flagged("INT04", {"Header": HEADER, "Missing": STRAY}) == {"Missing": [1]}
    assert flagged("INT04", {"Header": HEADER, "Missing": KNOWN}) == {}


def test_int05_child_in_oc2_not_in_header() -> None:
    assert flagged("INT05", {"Header": HEADER, "OC2": STRAY}) == {"OC2": [1]}
    assert flagged("INT05", {"Header": HEADER, "OC2": KNOWN}) == {}


def test_int06_child_in_oc3_not_in_header() -> None:
    assert flagged("INT06", {"Header": HEADER, "OC3": STRAY}) == {"OC3": [1]}
    assert flagged("INT06", {"Header": HEADER, "OC3": KNOWN}) == {}


def test_int07_child_in_prev_perm_not_in_header() -> None:
    assert flagged("INT07", {"Header": HEADER, "PrevPerm": STRAY}) == {"PrevPerm": [1]}
    assert flagged("INT07", {"Header": HEADER, "PrevPerm": KNOWN}) == {}


def test_int08_child_in_reviews_not_in_header() -> None:
    assert flagged("INT08", {"Header": HEADER, "Reviews": STRAY}) == {"Reviews": [1]}
    assert flagged("INT08", {"Header": HEADER, "Reviews": KNOWN}) == {}


def test_int09_child_in_uasc_not_in_header() -> None:
    assert flagged("INT09", {"Header": HEADER, "UASC": STRAY}) == {"UASC": [1]}
    assert flagged("INT09", {"Header": HEADER, "UASC": KNOWN}) == {}


def test_int11_dob_in_ad1_differs_from_header() -> None:
    assert flagged("INT11", {"Header": HEADER, "AD1": DOBS}) == {"AD1": [1]}
    assert flagged("INT11", {"Header": HEADER, "AD1": SAME_DOBS}) == {}


def test_int12_dob_in_placed_adoption_differs_from_header() -> None:
    assert flagged("INT12", {"Header": HEADER, "PlacedAdoption": DOBS}) == {"PlacedAdoption": [1]}
    assert flagged("INT12", {"Header": HEADER, "PlacedAdoption": SAME_DOBS}) == {}


def test_int13_dob_in_missing_differs_from_header() -> None:
    assert flagged("INT13", {"Header": HEADER, "Missing": DOBS}) == {"Missing": [1]}
    assert flagged("INT13", {"Header": HEADER, "Missing": SAME_DOBS}) == {}


def test_int14_dob_in_oc2_differs_from_header() -> None:
    assert flagged("INT14", {"Header": HEADER, "OC2": DOBS}) == {"OC2": [1]}
    assert flagged("INT14", {"Header": HEADER, "OC2": SAME_DOBS}) == {}


def test_int15_dob_in_oc3_differs_from_header() -> None:
    assert flagged("INT15", {"Header": HEADER, "OC3": DOBS}) == {"OC3": [1]}
    assert flagged("INT15", {"Header": HEADER, "OC3": SAME_DOBS}) == {}


def test_int16_dob_in_prev_perm_differs_from_header() -> None:
    assert flagged("INT16", {"Header": HEADER, "PrevPerm": DOBS}) == {"PrevPerm": [1]}
    assert flagged("INT16", {"Header": HEADER, "PrevPerm": SAME_DOBS}) == {}


def test_int17_dob_in_reviews_differs_from_header() -> None:
    assert flagged("INT17", {"Header": HEADER, "Reviews": DOBS}) == {"Reviews": [1]}
    assert flagged("INT17", {"Header": HEADER, "Reviews": SAME_DOBS}) == {}


def test_int18_dob_in_uasc_differs_from_header() -> None:
    assert flagged("INT18", {"Header": HEADER, "UASC": DOBS}) == {"UASC": [1]}
    assert flagged("INT18", {"Header": HEADER, "UASC": SAME_DOBS}) == {}


def test_int17_a_child_listed_twice_in_header_is_compared_with_each_row() -> None:
    header = [*HEADER, {"CHILD": "1", "DOB": "09/09/2015"}]
    assert flagged("INT17", {"Header": header, "Reviews": SAME_DOBS}) == {"Reviews": [0]}


def test_int21_sex_in_uasc_differs_from_header() -> None:
    # Row 1: F in Header, M in UASC. Row 2: the same child in the pre-2024-25 coding (2) is compared
    # as written, as the peer does; rule 101 reports the old code itself. Row 3: blank.
    uasc = [
        {"CHILD": "1", "SEX": "M"},
        {"CHILD": "2", "SEX": "M"},
        {"CHILD": "2", "SEX": "2"},
        {"CHILD": "1"},
    ]
    assert flagged("INT21", {"Header": HEADER, "UASC": uasc}) == {"UASC": [1, 2]}
    assert flagged("INT21", {"Header": HEADER, "UASC": [{"CHILD": "2", "SEX": "F"}]}) == {}


def test_int31_child_once_in_ad1() -> None:
    assert flagged("INT31", {"AD1": TWICE}) == {"AD1": [0, 2]}
    assert flagged("INT31", {"AD1": ONCE}) == {}


def test_int32_child_once_in_header() -> None:
    assert flagged("INT32", {"Header": TWICE}) == {"Header": [0, 2]}
    assert flagged("INT32", {"Header": ONCE}) == {}


def test_int33_child_once_in_oc2() -> None:
    assert flagged("INT33", {"OC2": TWICE}) == {"OC2": [0, 2]}
    assert flagged("INT33", {"OC2": ONCE}) == {}


def test_int34_child_once_in_oc3() -> None:
    assert flagged("INT34", {"OC3": TWICE}) == {"OC3": [0, 2]}
    assert flagged("INT34", {"OC3": ONCE}) == {}


def test_int35_child_once_in_prev_perm() -> None:
    assert flagged("INT35", {"PrevPerm": TWICE}) == {"PrevPerm": [0, 2]}
    assert flagged("INT35", {"PrevPerm": ONCE}) == {}


def test_int36_child_once_in_uasc() -> None:
    assert flagged("INT36", {"UASC": TWICE}) == {"UASC": [0, 2]}
    assert flagged("INT36", {"UASC": ONCE}) == {}


def test_integrity_checks_apply_in_every_year() -> None:
    for year in (2025, 2027):
        assert flagged("INT03", {"Header": HEADER, "Episodes": STRAY}, year=year) == {"Episodes": [1]}
        assert flagged("INT32", {"Header": TWICE}, year=year) == {"Header": [0, 2]}
