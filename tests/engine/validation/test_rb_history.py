"""Rules 202-208: Header details agree with last year's. Header_last is last year's Header."""

from __future__ import annotations

from tests.engine.validation.cases import flagged


def test_202_sex_must_agree_with_last_year() -> None:
    header = [
        {"CHILD": "1", "SEX": "M"},
        {"CHILD": "2", "SEX": "F"},  # was M: flagged
        {"CHILD": "3", "SEX": "M"},  # not in last year's return
        {"CHILD": "4", "SEX": ""},  # was F: flagged
        {"CHILD": "5", "SEX": "U"},  # was F: flagged
    ]
    last = [
        {"CHILD": "1", "SEX": "M"},
        {"CHILD": "2", "SEX": "M"},
        {"CHILD": "4", "SEX": "F"},
        {"CHILD": "5", "SEX": "F"},
    ]
    assert flagged("202", {"Header": header, "Header_last": last}) == {"Header": [1, 3, 4]}
    assert flagged("202", {"Header": header[:1], "Header_last": last}) == {}


def test_202_old_codes_1_and_2_are_male_and_female_peer_difference() -> None:
    # 2024-25 is the first year with M/F/U; 2023-24 used 1 (male) and 2 (female). The peer flags
    # child 1 and 2 because '1' != 'M'; only child 3 really changed.
    header = [{"CHILD": "1", "SEX": "M"}, {"CHILD": "2", "SEX": "F"}, {"CHILD": "3", "SEX": "F"}]
    last = [{"CHILD": "1", "SEX": "1"}, {"CHILD": "2", "SEX": "2"}, {"CHILD": "3", "SEX": "1"}]
    assert flagged("202", {"Header": header, "Header_last": last}, year=2025) == {"Header": [2]}
    assert flagged("202", {"Header": header[:2], "Header_last": last}, year=2025) == {}


def test_203_date_of_birth_must_agree_with_last_year() -> None:
    header = [
        {"CHILD": "1", "DOB": "16/03/2020"},
        {"CHILD": "2", "DOB": "23/09/2016"},  # was 22/09/2016
        {"CHILD": "3", "DOB": ""},  # blank now, known last year
        {"CHILD": "4", "DOB": ""},  # blank both years: agrees
        {"CHILD": "5", "DOB": "10/08/2014"},  # new this year
    ]
    last = [
        {"CHILD": "1", "DOB": "16/03/2020"},
        {"CHILD": "2", "DOB": "22/09/2016"},
        {"CHILD": "3", "DOB": "01/01/2015"},
        {"CHILD": "4", "DOB": ""},
    ]
    assert flagged("203", {"Header": header, "Header_last": last}) == {"Header": [1, 2]}
    assert flagged("203", {"Header": [header[0], header[3]], "Header_last": last}) == {}


def test_204_ethnicity_must_agree_with_last_year() -> None:
    header = [
        {"CHILD": "1", "ETHNIC": "WBRI"},
        {"CHILD": "2", "ETHNIC": "WBRI"},  # was NOBT
        {"CHILD": "3", "ETHNIC": "nobt"},  # codes are read upper-cased: agrees
        {"CHILD": "4", "ETHNIC": ""},  # was MOTH
        {"CHILD": "5", "ETHNIC": "BCRB"},  # blank last year
    ]
    last = [
        {"CHILD": "1", "ETHNIC": "WBRI"},
        {"CHILD": "2", "ETHNIC": "NOBT"},
        {"CHILD": "3", "ETHNIC": "NOBT"},
        {"CHILD": "4", "ETHNIC": "MOTH"},
        {"CHILD": "5", "ETHNIC": ""},
    ]
    assert flagged("204", {"Header": header, "Header_last": last}) == {"Header": [1, 3, 4]}
    assert flagged("204", {"Header": header[:1], "Header_last": last}) == {}


def test_207_a_mother_last_year_is_still_a_mother() -> None:
    header = [
        {"CHILD": "1", "MOTHER": "1"},
        {"CHILD": "2", "MOTHER": "0"},  # was a mother: flagged
        {"CHILD": "3", "MOTHER": ""},  # was a mother: flagged
        {"CHILD": "4", "MOTHER": "0"},  # was a mother, but has no episode this year
        {"CHILD": "5", "MOTHER": "1"},  # was not a mother: a change to 1 is allowed
    ]
    last = [{"CHILD": c, "MOTHER": "1"} for c in "1234"] + [{"CHILD": "5", "MOTHER": "0"}]
    episodes = [{"CHILD": c, "DECOM": "01/05/2025"} for c in "1235"]
    tables = {"Header": header, "Header_last": last, "Episodes": episodes}
    assert flagged("207", tables) == {"Header": [1, 2]}
    assert flagged("207", {**tables, "Header": [header[0], header[3], header[4]]}) == {}


def test_208_upn_may_change_only_from_unknown() -> None:
    # The peer's own case, as CSV: rows 1, 5, 6 and 12 change in ways DfE does not allow.
    pairs = [
        ("101", "UN5", "H801200001001"),  # unknown to known: allowed
        ("102", "X888888888888", "O------------"),  # one UPN to another: flagged
        ("103", "UN1", "UN1"),
        ("104", "UN1", "UN2"),  # UN1 to UN2-5: allowed
        ("105", "", ""),  # blank both years: left to rule 442
        ("106", "UN4", "UN3"),  # UN4 to UN3: flagged
        ("108", "UN1", ""),  # UN1 to blank: flagged
        ("109", "", "UN4"),  # blank to UN2-5: allowed
        ("110", "a------------", "A------------"),  # same UPN, other case
        ("111", "UN2", "H801200001111"),  # unknown to known: allowed
        ("1000", "", "UN1"),  # blank to UN1: flagged (as the peer's own test expects)
    ]
    last = [{"CHILD": c, "UPN": before} for c, before, _ in pairs]
    header = [{"CHILD": c, "UPN": now} for c, _, now in pairs]
    header.insert(10, {"CHILD": "55555", "UPN": "UN5"})  # new children: nothing to compare
    header.insert(11, {"CHILD": "66666", "UPN": "X999999999999"})
    assert flagged("208", {"Header": header, "Header_last": last}) == {"Header": [1, 5, 6, 12]}
    assert flagged("208", {"Header": [header[0], header[3]], "Header_last": last}) == {}
