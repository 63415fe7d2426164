"""Rules 100-199 on OC2 that do not depend on 12 months' care: hand-made failing and passing cases."""

from __future__ import annotations

from tests.engine.validation.cases import flagged


def test_158_intervention_offered_blank_when_received() -> None:
    oc2 = [
        {"CHILD": "1", "INTERVENTION_RECEIVED": "1", "INTERVENTION_OFFERED": ""},
        {"CHILD": "2", "INTERVENTION_RECEIVED": "", "INTERVENTION_OFFERED": "1"},
        {"CHILD": "3", "INTERVENTION_RECEIVED": "0", "INTERVENTION_OFFERED": "0"},
        {"CHILD": "4", "INTERVENTION_RECEIVED": "1", "INTERVENTION_OFFERED": "1"},  # fail
        {"CHILD": "5", "INTERVENTION_RECEIVED": "1", "INTERVENTION_OFFERED": "0"},  # fail
    ]
    assert flagged("158", {"OC2": oc2}) == {"OC2": [3, 4]}
    assert flagged("158", {"OC2": oc2[:3]}) == {}


def test_159_intervention_offered_needed_when_not_received() -> None:
    oc2 = [
        {"CHILD": "1", "SUBSTANCE_MISUSE": "1", "INTERVENTION_RECEIVED": "1", "INTERVENTION_OFFERED": ""},
        {"CHILD": "2", "SUBSTANCE_MISUSE": "1", "INTERVENTION_RECEIVED": "0", "INTERVENTION_OFFERED": "0"},
        {"CHILD": "3", "SUBSTANCE_MISUSE": "1", "INTERVENTION_RECEIVED": "0", "INTERVENTION_OFFERED": ""},
        {"CHILD": "4", "SUBSTANCE_MISUSE": "1", "INTERVENTION_RECEIVED": "", "INTERVENTION_OFFERED": ""},
        {"CHILD": "5", "SUBSTANCE_MISUSE": "0", "INTERVENTION_RECEIVED": "0", "INTERVENTION_OFFERED": ""},
    ]
    assert flagged("159", {"OC2": oc2}) == {"OC2": [2]}
    assert flagged("159", {"OC2": oc2[:2]}) == {}


def test_180_sdq_score_0_to_40() -> None:
    # A score that is not a whole number is refused when the return is read.
    oc2 = [{"CHILD": str(n), "SDQ_SCORE": v} for n, v in enumerate(("10", "41", "0", "40", "-1", ""))]
    assert flagged("180", {"OC2": oc2}) == {"OC2": [1, 4]}
    assert flagged("180", {"OC2": [oc2[0], oc2[2], oc2[3], oc2[5]]}) == {}


_ITEMS = (
    "CONVICTED",
    "HEALTH_CHECK",
    "IMMUNISATIONS",
    "TEETH_CHECK",
    "HEALTH_ASSESSMENT",
    "SUBSTANCE_MISUSE",
    "INTERVENTION_RECEIVED",
    "INTERVENTION_OFFERED",
)


def test_181_oc2_items_are_0_or_1() -> None:
    oc2 = [
        {"CHILD": "1", **dict.fromkeys(_ITEMS, "1")},
        {"CHILD": "2"},
        {"CHILD": "3", "TEETH_CHECK": "0", "HEALTH_ASSESSMENT": "1"},
        {"CHILD": "4", "CONVICTED": "2", "HEALTH_CHECK": "2"},  # fail
        {"CHILD": "5", **dict.fromkeys(_ITEMS, "1"), "INTERVENTION_OFFERED": "Y"},  # fail
    ]
    assert flagged("181", {"OC2": oc2}) == {"OC2": [3, 4]}
    assert flagged("181", {"OC2": oc2[:3]}) == {}


def test_182_four_health_items_or_all_blank() -> None:
    four = {"IMMUNISATIONS": "1", "TEETH_CHECK": "1", "HEALTH_ASSESSMENT": "1", "SUBSTANCE_MISUSE": "0"}
    oc2 = [
        {"CHILD": "1"},  # all blank
        {"CHILD": "2", "CONVICTED": "1"},  # fail
        {"CHILD": "3", **four, "CONVICTED": "0"},
        {"CHILD": "4", **four, "SUBSTANCE_MISUSE": "", "INTERVENTION_RECEIVED": "1"},  # fail
        {"CHILD": "5", "TEETH_CHECK": "1"},  # only the four are partly given: not this rule
    ]
    assert flagged("182", {"OC2": oc2}) == {"OC2": [1, 3]}
    assert flagged("182", {"OC2": [oc2[0], oc2[2], oc2[4]]}) == {}


def test_188_sdq_for_a_child_under_4_at_31_march() -> None:
    # 2025-26 ends 31/03/2026: a child born after 31/03/2022 is under 4 then.
    oc2 = [
        {"CHILD": "1", "DOB": "31/03/2022", "SDQ_SCORE": "10"},  # 4 on 31 March: pass
        {"CHILD": "2", "DOB": "01/04/2022", "SDQ_SCORE": "10"},  # fail
        {"CHILD": "3", "DOB": "01/01/2024", "SDQ_REASON": "SDQ1"},  # fail
        {"CHILD": "4", "DOB": "01/01/2024"},
    ]
    assert flagged("188", {"OC2": oc2}) == {"OC2": [1, 2]}
    assert flagged("188", {"OC2": [oc2[0], oc2[3]]}) == {}


def test_189_sdq_for_a_young_person_17_at_1_april() -> None:
    # 2025-26 starts 01/04/2025: born before 01/04/2008 means over 17 then (17 that day is allowed).
    oc2 = [
        {"CHILD": "1", "DOB": "01/04/2008", "SDQ_SCORE": "10"},
        {"CHILD": "2", "DOB": "31/03/2008", "SDQ_SCORE": "10"},  # fail
        {"CHILD": "3", "DOB": "01/01/2007", "SDQ_REASON": "SDQ1"},  # fail
        {"CHILD": "4", "DOB": "01/01/2007"},
    ]
    assert flagged("189", {"OC2": oc2}) == {"OC2": [1, 2]}
    assert flagged("189", {"OC2": [oc2[0], oc2[3]]}) == {}


def test_192_intervention_received_needed_for_substance_misuse() -> None:
    oc2 = [
        {"CHILD": "1", "SUBSTANCE_MISUSE": "0", "INTERVENTION_RECEIVED": ""},
        {"CHILD": "2", "SUBSTANCE_MISUSE": "1", "INTERVENTION_RECEIVED": "0"},
        {"CHILD": "3", "SUBSTANCE_MISUSE": "1", "INTERVENTION_RECEIVED": ""},  # fail
    ]
    assert flagged("192", {"OC2": oc2}) == {"OC2": [2]}
    assert flagged("192", {"OC2": oc2[:2]}) == {}


def test_193_no_intervention_items_without_substance_misuse() -> None:
    oc2 = [
        {"CHILD": "1", "SUBSTANCE_MISUSE": "0", "INTERVENTION_RECEIVED": "0"},  # fail
        {"CHILD": "2"},
        {"CHILD": "3", "SUBSTANCE_MISUSE": "1", "INTERVENTION_RECEIVED": "1"},
        {"CHILD": "4", "INTERVENTION_OFFERED": "0"},  # fail
        {"CHILD": "5", "SUBSTANCE_MISUSE": "0"},
    ]
    assert flagged("193", {"OC2": oc2}) == {"OC2": [0, 3]}
    assert flagged("193", {"OC2": [oc2[1], oc2[2], oc2[4]]}) == {}


def test_196_sdq_reason_code() -> None:
    oc2 = [{"CHILD": str(n), "SDQ_REASON": v} for n, v in enumerate(("SDQ2", "sdq5", "SDQ6", "", "2"))]
    assert flagged("196", {"OC2": oc2}) == {"OC2": [2, 4]}
    assert flagged("196", {"OC2": oc2[:2]}) == {}


def test_197a_score_and_reason_not_both() -> None:
    oc2 = [
        {"CHILD": "1", "SDQ_SCORE": "0", "SDQ_REASON": "SDQ2"},  # fail: a score of 0 is a score
        {"CHILD": "2"},
        {"CHILD": "3", "SDQ_SCORE": "10"},
        {"CHILD": "4", "SDQ_REASON": "SDQ4"},
    ]
    assert flagged("197a", {"OC2": oc2}) == {"OC2": [0]}
    assert flagged("197a", {"OC2": oc2[1:]}) == {}
