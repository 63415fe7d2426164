"""Rules on the Header table: each with a passing and a failing hand-made case."""

from __future__ import annotations

from tests.engine.validation.cases import flagged


def test_101_sex_must_be_m_f_or_u_from_2024_25() -> None:
    header = [
        {"CHILD": "1", "SEX": "M"},
        {"CHILD": "2", "SEX": "1"},
        {"CHILD": "3", "SEX": ""},
        {"CHILD": "4", "SEX": "U"},
    ]
    assert flagged("101", {"Header": header}) == {"Header": [1, 2]}
    assert flagged("101", {"Header": [{"CHILD": "1", "SEX": "F"}]}) == {}


def test_102_date_of_birth_must_be_given() -> None:
    # A malformed date never gets this far (the reader refuses the file); a blank one does.
    header = [{"CHILD": "1", "DOB": "01/01/2015"}, {"CHILD": "2", "DOB": ""}]
    assert flagged("102", {"Header": header}) == {"Header": [1]}
    assert flagged("102", {"Header": [{"CHILD": "1", "DOB": "29/02/2016"}]}) == {}


def test_103_ethnicity_must_be_a_valid_code() -> None:
    header = [
        {"CHILD": "1", "ETHNIC": "WBRI"},
        {"CHILD": "2", "ETHNIC": "White British"},
        {"CHILD": "3", "ETHNIC": ""},
        {"CHILD": "4", "ETHNIC": "wbri"},  # codes are upper-cased when read, as the peer does
    ]
    assert flagged("103", {"Header": header}) == {"Header": [1, 2]}
    assert flagged("103", {"Header": [{"CHILD": "1", "ETHNIC": "NOBT"}]}) == {}


# 165 works on girls looked after during 2025-26 (1 April 2025 to 31 March 2026).
_EPISODE = {"DECOM": "01/01/2025", "DEC": "", "LS": "C2"}


def test_165_mother_status() -> None:
    header = [
        {"CHILD": "1", "SEX": "F", "MOTHER": "0"},  # pass
        {"CHILD": "2", "SEX": "F", "MOTHER": ""},  # fail: a girl in care this year needs it
        {"CHILD": "3", "SEX": "F", "MOTHER": "2"},  # fail: not a valid value
        {"CHILD": "4", "SEX": "M", "MOTHER": "1"},  # fail: a boy
        {"CHILD": "5", "SEX": "M", "MOTHER": ""},  # pass
        {"CHILD": "6", "SEX": "F", "MOTHER": ""},  # pass: only a short break (V3)
    ]
    episodes = [{"CHILD": c, **_EPISODE} for c in "12345"]
    episodes.append({"CHILD": "6", "DECOM": "01/06/2025", "DEC": "03/06/2025", "LS": "V3"})
    # Child 2's OC3 row is pointed at too (as the peer does), even though it is blank.
    oc3 = [{"CHILD": "2"}, {"CHILD": "1", "IN_TOUCH": "YES", "ACTIV": "F1", "ACCOM": "B1"}]
    tables = {"Header": header, "Episodes": episodes, "OC3": oc3}
    assert flagged("165", tables) == {"Header": [1, 2, 3], "OC3": [0]}
    assert flagged("165", {"Header": header[:1], "Episodes": episodes[:1], "OC3": oc3[1:]}) == {}


def test_165_a_girl_whose_episodes_are_all_before_the_year_and_who_is_a_care_leaver() -> None:
    # Her only (non-short-break) episode ended before 1 April 2025 and she has OC3 data: no MOTHER.
    header = [{"CHILD": "1", "SEX": "F", "MOTHER": "1"}]
    episodes = [{"CHILD": "1", "DECOM": "01/01/2024", "DEC": "01/02/2025", "LS": "C2"}]
    oc3 = [{"CHILD": "1", "IN_TOUCH": "YES", "ACTIV": "F1", "ACCOM": "B1"}]
    tables = {"Header": header, "Episodes": episodes, "OC3": oc3}
    assert flagged("165", tables) == {"Header": [0], "OC3": [0]}
    assert flagged("165", {**tables, "Header": [{"CHILD": "1", "SEX": "F", "MOTHER": ""}]}) == {}


def test_165_peer_difference_uses_m_and_f_and_checks_every_header_row() -> None:
    # The peer reads sex as 1/2, so it finds neither of the first two; and it only looks at children
    # with an episode, so it misses child 3 (an OC3-only care leaver with an invalid value).
    header = [
        {"CHILD": "1", "SEX": "M", "MOTHER": "0"},
        {"CHILD": "2", "SEX": "F", "MOTHER": ""},
        {"CHILD": "3", "SEX": "F", "MOTHER": "X"},
    ]
    episodes = [{"CHILD": c, **_EPISODE} for c in "12"]
    tables = {"Header": header, "Episodes": episodes, "OC3": [{"CHILD": "3"}]}
    assert flagged("165", tables) == {"Header": [0, 1, 2], "OC3": [0]}


def test_168_upn_format() -> None:
    header = [
        {"CHILD": "1", "UPN": "UN3"},
        {"CHILD": "2", "UPN": "UN7"},
        {"CHILD": "3", "UPN": "L086819786126"},
        {"CHILD": "4", "UPN": "K06014812931"},  # 11 digits
        {"CHILD": "5", "UPN": "I072272729588"},  # I is not used as the first letter
        {"CHILD": "6", "UPN": "X06805040829A"},  # a temporary UPN
        {"CHILD": "7", "UPN": ""},
        {"CHILD": "8", "UPN": "E07295962325C1556"},
        {"CHILD": "9", "UPN": "S074885779408"},
    ]
    assert flagged("168", {"Header": header}) == {"Header": [1, 3, 4, 7, 8]}
    assert flagged("168", {"Header": [{"CHILD": "1", "UPN": "n075491517151"}]}) == {}


def test_174_a_boy_cannot_have_a_mothers_child_date_of_birth() -> None:
    header = [
        {"CHILD": "1", "SEX": "M", "MC_DOB": ""},
        {"CHILD": "2", "SEX": "M", "MC_DOB": "19/02/2024"},
        {"CHILD": "3", "SEX": "F", "MC_DOB": "19/02/2024"},
    ]
    assert flagged("174", {"Header": header}) == {"Header": [1]}
    assert flagged("174", {"Header": header[2:]}) == {}
