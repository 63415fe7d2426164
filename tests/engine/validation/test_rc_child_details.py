"""Rules on the child's own details: 391, 393, 440, 441, 442 and 444."""

from __future__ import annotations

from tests.engine.validation.cases import flagged


def test_391_care_leaver_fields_only_from_17() -> None:
    # 2025-26 ends 31/03/2026: a young person born 31/03/2009 turns 17 that day.
    oc3 = [
        {"CHILD": "1", "DOB": "31/03/2009", "IN_TOUCH": "YES", "ACTIV": "F2", "ACCOM": "B1"},  # 0
        {"CHILD": "2", "DOB": "01/04/2009", "IN_TOUCH": "YES"},  # 1 turns 17 next year
        {"CHILD": "3", "DOB": "01/04/2009", "ACCOM": "B1"},  # 2
        {"CHILD": "4", "DOB": "01/04/2009"},  # 3 nothing given
        {"CHILD": "5", "DOB": "01/01/2004", "IN_TOUCH": "NO"},  # 4 22: the upper age is not checked
    ]
    assert flagged("391", {"OC3": oc3}) == {"OC3": [1, 2]}
    assert flagged("391", {"OC3": [oc3[0], oc3[3], oc3[4]]}) == {}


def test_393_mother_is_given_for_girls_looked_after() -> None:
    header = [
        {"CHILD": "1", "SEX": "F"},  # 0 looked after under C2
        {"CHILD": "2", "SEX": "F", "MOTHER": "0"},  # 1
        {"CHILD": "3", "SEX": "M"},  # 2
        {"CHILD": "4", "SEX": "F"},  # 3 short breaks only
        {"CHILD": "5", "SEX": "F"},  # 4 no episodes
        {"CHILD": "6", "SEX": "F"},  # 5 an episode with no legal status
    ]
    episodes = [
        {"CHILD": "1", "LS": "C2"},
        {"CHILD": "2", "LS": "C2"},
        {"CHILD": "3", "LS": "C2"},
        {"CHILD": "4", "LS": "V3"},
        {"CHILD": "4", "LS": "V4"},
        {"CHILD": "6"},
    ]
    assert flagged("393", {"Header": header, "Episodes": episodes}) == {"Header": [0, 5]}
    assert flagged("393", {"Header": header[1:5], "Episodes": episodes[1:5]}) == {}


def test_440_pn0_only_under_4() -> None:
    reviews = [
        {"CHILD": "1", "DOB": "01/06/2021", "REVIEW": "01/06/2025", "REVIEW_CODE": "PN0"},  # 0 4th birthday
        {"CHILD": "1", "DOB": "01/06/2021", "REVIEW": "02/06/2025", "REVIEW_CODE": "PN0"},  # 1
        {"CHILD": "2", "DOB": "01/06/2015", "REVIEW": "02/06/2025", "REVIEW_CODE": "PN1"},  # 2
    ]
    assert flagged("440", {"Reviews": reviews}) == {"Reviews": [1]}
    assert flagged("440", {"Reviews": [reviews[0], reviews[2]]}) == {}


def test_441_pn1_to_pn7_only_from_4() -> None:
    reviews = [
        {"CHILD": "1", "DOB": "01/06/2021", "REVIEW": "31/05/2025", "REVIEW_CODE": "PN1"},  # 0
        {"CHILD": "1", "DOB": "01/06/2021", "REVIEW": "01/06/2025", "REVIEW_CODE": "PN7"},  # 1 4th birthday
        {"CHILD": "2", "DOB": "01/06/2023", "REVIEW": "31/05/2025", "REVIEW_CODE": "PN0"},  # 2
        {"CHILD": "3", "REVIEW": "31/05/2025", "REVIEW_CODE": "PN4"},  # 3 no DOB
    ]
    assert flagged("441", {"Reviews": reviews}) == {"Reviews": [0]}
    assert flagged("441", {"Reviews": reviews[1:]}) == {}


def test_442_upn_is_given_for_children_looked_after() -> None:
    header = [
        {"CHILD": "1"},  # 0 looked after under C2, no UPN
        {"CHILD": "2", "UPN": "UN1"},  # 1
        {"CHILD": "3"},  # 2 short breaks only
        {"CHILD": "4"},  # 3 no episodes
    ]
    episodes = [{"CHILD": "1", "LS": "C2"}, {"CHILD": "2", "LS": "C2"}, {"CHILD": "3", "LS": "V4"}]
    assert flagged("442", {"Header": header, "Episodes": episodes}) == {"Header": [0]}
    assert flagged("442", {"Header": header[1:], "Episodes": episodes[1:]}) == {}


def test_444_a_upn_belongs_to_one_child_from_2025_26() -> None:
    header = [
        {"CHILD": "1", "UPN": "A123456789012"},  # 0 } the same UPN
        {"CHILD": "2", "UPN": "A123456789012"},  # 1 }
        {"CHILD": "3", "UPN": "UN1"},  # 2 } UN codes may repeat
        {"CHILD": "4", "UPN": "UN1"},  # 3 }
        {"CHILD": "5"},  # 4 } blanks too
        {"CHILD": "6"},  # 5 }
        {"CHILD": "7", "UPN": "B999999999999"},  # 6
        {"CHILD": "8", "UPN": "b999999999999"},  # 7 the same UPN in lower case
    ]
    assert flagged("444", {"Header": header}) == {"Header": [0, 1, 6, 7]}
    assert flagged("444", {"Header": header[1:7]}, year=2027) == {}
