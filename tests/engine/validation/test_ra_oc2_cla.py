"""Rules 100-199 on OC2 that depend on 12 months' continuous care (CLA): failing and passing cases.

Collection year 2025-26: 1 April 2025 to 31 March 2026. The children below:
  "cla"   looked after since 2024 and still on 31 March: CLA;
  "x1"    two episodes joined by X1 (a change of placement): CLA;
  "left31" left care on 31 March 2026 itself (not before): CLA;
  "new"   started to be looked after (RNE S) in June 2025: not CLA;
  "left"  left care (E13) in December 2025: not CLA;
  "v3"    had a short break (V3) during the year: not CLA;
  "none"  has no episode at all: not CLA.
"""

from __future__ import annotations

from tests.engine.validation.cases import flagged

EPISODES = [
    {"CHILD": "cla", "DECOM": "01/01/2024", "RNE": "S", "LS": "C2"},
    {"CHILD": "x1", "DECOM": "01/01/2024", "DEC": "01/06/2025", "REC": "X1", "RNE": "S", "LS": "C2"},
    {"CHILD": "x1", "DECOM": "01/06/2025", "RNE": "P", "LS": "C2"},
    {"CHILD": "left31", "DECOM": "01/01/2024", "DEC": "31/03/2026", "REC": "E13", "RNE": "S", "LS": "C2"},
    {"CHILD": "new", "DECOM": "01/06/2025", "RNE": "S", "LS": "C2"},
    {"CHILD": "left", "DECOM": "01/01/2024", "DEC": "01/12/2025", "REC": "E13", "RNE": "S", "LS": "C2"},
    {"CHILD": "v3", "DECOM": "01/01/2024", "RNE": "S", "LS": "C2"},
    {"CHILD": "v3", "DECOM": "01/07/2025", "DEC": "03/07/2025", "REC": "X1", "RNE": "T", "LS": "V3"},
]
CLA = ("cla", "x1", "left31")
NOT_CLA = ("new", "left", "v3", "none")


def test_185_continuous_care_as_defined() -> None:
    # An SDQ score for each child: flagged exactly for those not looked after continuously.
    oc2 = [{"CHILD": c, "SDQ_SCORE": "10"} for c in (*CLA, *NOT_CLA)]
    assert flagged("185", {"Episodes": EPISODES, "OC2": oc2}) == {"OC2": [3, 4, 5, 6]}
    assert flagged("185", {"Episodes": EPISODES, "OC2": oc2[:3]}) == {}


def test_157_sdq1_for_a_child_aged_4_to_16() -> None:
    # Aged 4 or over on 1 April 2025 (born by 01/04/2021) and 16 or under on 31 March 2026.
    oc2 = [
        {"CHILD": "cla", "DOB": "01/01/2015", "SDQ_REASON": "SDQ1"},  # fail
        {"CHILD": "x1", "DOB": "01/01/2023", "SDQ_REASON": "SDQ1"},  # under 4
        {"CHILD": "left31", "DOB": "01/01/2015", "SDQ_REASON": "SDQ2"},
        {"CHILD": "new", "DOB": "01/01/2015", "SDQ_REASON": "SDQ1"},  # not CLA
    ]
    assert flagged("157", {"Episodes": EPISODES, "OC2": oc2}) == {"OC2": [0]}
    assert flagged("157", {"Episodes": EPISODES, "OC2": oc2[1:]}) == {}


def test_186_sdq_score_or_reason_needed() -> None:
    oc2 = [
        {"CHILD": "cla", "DOB": "01/01/2015"},  # fail
        {"CHILD": "x1", "DOB": "01/01/2015", "SDQ_REASON": "SDQ2"},
        {"CHILD": "left31", "DOB": "01/01/2008"},  # 17 by 31 March 2026
        {"CHILD": "left", "DOB": "01/01/2015"},  # not CLA
    ]
    assert flagged("186", {"Episodes": EPISODES, "OC2": oc2}) == {"OC2": [0]}
    assert flagged("186", {"Episodes": EPISODES, "OC2": oc2[1:]}) == {}


def test_187_no_adoption_or_care_leaver_data_for_cla() -> None:
    ad1 = [
        {"CHILD": "cla", "DATE_INT": "01/05/2025"},
        {"CHILD": "new", "DATE_INT": "01/05/2025"},
        {"CHILD": "x1"},
    ]
    oc3 = [{"CHILD": "left", "IN_TOUCH": "YES"}, {"CHILD": "x1", "ACCOM": "B1"}]
    tables = {"Episodes": EPISODES, "AD1": ad1, "OC3": oc3}
    assert flagged("187", tables) == {"AD1": [0], "OC3": [1]}
    assert flagged("187", {"Episodes": EPISODES, "AD1": ad1[1:], "OC3": oc3[:1]}) == {}


def test_190_no_oc2_items_unless_cla() -> None:
    oc2 = [{"CHILD": "cla", "CONVICTED": "0"}, {"CHILD": "left", "TEETH_CHECK": "1"}, {"CHILD": "none"}]
    assert flagged("190", {"Episodes": EPISODES, "OC2": oc2}) == {"OC2": [1]}
    assert flagged("190", {"Episodes": EPISODES, "OC2": [oc2[0], oc2[2]]}) == {}


def test_191_oc2_items_needed_for_cla() -> None:
    four = {"IMMUNISATIONS": "1", "TEETH_CHECK": "1", "HEALTH_ASSESSMENT": "1", "SUBSTANCE_MISUSE": "0"}
    oc2 = [
        {"CHILD": "cla", **four},
        {"CHILD": "x1", **four, "TEETH_CHECK": ""},  # fail
        {"CHILD": "new"},  # not CLA
    ]
    # "left31" is CLA with no OC2 row at all: their first episode (row 3) is flagged.
    assert flagged("191", {"Episodes": EPISODES, "OC2": oc2}) == {"Episodes": [3], "OC2": [1]}
    oc2_all = [{"CHILD": c, **four} for c in CLA]
    assert flagged("191", {"Episodes": EPISODES, "OC2": oc2_all}) == {}


def test_191_points_at_the_first_episode_of_a_cla_child_without_oc2() -> None:
    # Child x1's episodes are rows 1 and 2; the earlier (DECOM 2024) is row 1.
    episodes = [EPISODES[2], EPISODES[1]]
    assert flagged("191", {"Episodes": episodes, "OC2": [{"CHILD": "other"}]}) == {"Episodes": [1]}


def test_197b_sdq_for_children_turning_4_or_17() -> None:
    oc2 = [
        {"CHILD": "cla", "DOB": "01/09/2021"},  # turns 4 in the year: warn
        {"CHILD": "x1", "DOB": "31/03/2009"},  # turns 17 on 31 March 2026: warn
        {"CHILD": "left31", "DOB": "01/09/2021", "SDQ_SCORE": "12"},
        {"CHILD": "new", "DOB": "01/09/2021"},  # not CLA
    ]
    assert flagged("197B", {"Episodes": EPISODES, "OC2": oc2}) == {"OC2": [0, 1]}
    oc2[0]["DOB"] = "01/09/2020"  # turned 4 last year
    assert flagged("197B", {"Episodes": EPISODES, "OC2": [oc2[0], *oc2[2:]]}) == {}


def test_198_no_sdq_reason_unless_cla() -> None:
    oc2 = [{"CHILD": "cla", "SDQ_REASON": "SDQ2"}, {"CHILD": "v3", "SDQ_REASON": "SDQ2"}, {"CHILD": "none"}]
    assert flagged("198", {"Episodes": EPISODES, "OC2": oc2}) == {"OC2": [1]}
    assert flagged("198", {"Episodes": EPISODES, "OC2": [oc2[0], oc2[2]]}) == {}
