"""Rules 542-547: OC2 conviction and health promotion fields (validating 2025-26: year ends 31/03/2026)."""

from __future__ import annotations

from tests.engine.validation.cases import flagged

HEALTH = {"IMMUNISATIONS": "1", "TEETH_CHECK": "1", "HEALTH_ASSESSMENT": "1", "SUBSTANCE_MISUSE": "0"}

# Children and whether they were looked after continuously through 2025-26 (the working for each).
EPISODES = [
    {"CHILD": "A", "DECOM": "01/01/2024", "RNE": "S", "LS": "C2"},  # in care all year: CLA
    {"CHILD": "B", "DECOM": "01/06/2025", "RNE": "S", "LS": "C2"},  # started in the year: not CLA
    {"CHILD": "C", "DECOM": "01/01/2024", "DEC": "01/10/2025", "RNE": "S", "LS": "C2", "REC": "E13"},  # left
    {"CHILD": "D", "DECOM": "01/01/2024", "RNE": "S", "LS": "V3"},  # short breaks: not CLA
    {"CHILD": "E", "DECOM": "01/01/2024", "DEC": "01/10/2025", "RNE": "S", "LS": "C1", "REC": "X1"},
    {"CHILD": "E", "DECOM": "01/10/2025", "RNE": "L", "LS": "C2"},  # changed legal status: still CLA
    {"CHILD": "F", "DECOM": "01/01/2024", "DEC": "31/03/2026", "RNE": "S", "LS": "C2", "REC": "E13"},
    # F left on the last day of the year: still CLA (leaving counts only before 31 March).
]
CLA = ["A", "E", "F"]
NOT_CLA = ["B", "C", "D"]


def test_542_no_conviction_information_under_10() -> None:
    oc2 = [
        {"CHILD": "1", "DOB": "01/04/2016", "CONVICTED": "0"},  # 10 on 01/04/2026: under 10 at 31 March
        {"CHILD": "2", "DOB": "31/03/2016", "CONVICTED": "0"},  # 10 on 31/03/2026
        {"CHILD": "3", "DOB": "01/04/2016"},
    ]
    assert flagged("542", {"OC2": oc2}) == {"OC2": [0]}
    assert flagged("542", {"OC2": oc2[1:]}) == {}


def test_543_conviction_information_needed_at_10_or_over_for_cla() -> None:
    oc2 = [{"CHILD": c, "DOB": "01/01/2010"} for c in CLA + NOT_CLA]
    oc2.append({"CHILD": "A", "DOB": "01/01/2010", "CONVICTED": "0"})  # completed
    oc2.append({"CHILD": "A", "DOB": "31/03/2016"})  # 10 on 31 March itself: not over
    oc2.append({"CHILD": "X", "DOB": "01/01/2010"})  # no episodes: not CLA
    assert flagged("543", {"OC2": oc2, "Episodes": EPISODES}) == {"OC2": [0, 1, 2]}
    assert flagged("543", {"OC2": oc2[3:], "Episodes": EPISODES}) == {}


def test_544_convicted_needs_health_fields() -> None:
    oc2 = [
        {"CHILD": "1", "CONVICTED": "1", **HEALTH},
        {"CHILD": "2", "CONVICTED": "1", **HEALTH, "TEETH_CHECK": ""},
        {"CHILD": "3", "CONVICTED": "0", **HEALTH, "TEETH_CHECK": ""},
    ]
    assert flagged("544", {"OC2": oc2}) == {"OC2": [1]}
    assert flagged("544", {"OC2": [oc2[0], oc2[2]]}) == {}


def test_545_health_check_needed_under_5_for_cla() -> None:
    oc2 = [{"CHILD": c, "DOB": "01/06/2022"} for c in CLA + NOT_CLA]
    oc2.append({"CHILD": "A", "DOB": "01/06/2022", "HEALTH_CHECK": "1"})  # completed
    oc2.append({"CHILD": "A", "DOB": "31/03/2021"})  # 5 on 31 March: not under 5
    assert flagged("545", {"OC2": oc2, "Episodes": EPISODES}) == {"OC2": [0, 1, 2]}
    assert flagged("545", {"OC2": oc2[3:], "Episodes": EPISODES}) == {}


def test_546_no_health_check_at_5_or_over_for_cla() -> None:
    oc2 = [{"CHILD": c, "DOB": "31/03/2021", "HEALTH_CHECK": "1"} for c in CLA + NOT_CLA]
    oc2.append({"CHILD": "A", "DOB": "01/04/2021", "HEALTH_CHECK": "1"})  # under 5 at 31 March
    oc2.append({"CHILD": "A", "DOB": "01/01/2015"})  # left blank
    assert flagged("546", {"OC2": oc2, "Episodes": EPISODES}) == {"OC2": [0, 1, 2]}
    assert flagged("546", {"OC2": oc2[3:], "Episodes": EPISODES}) == {}


def test_547_health_check_needs_health_fields() -> None:
    oc2 = [
        {"CHILD": "1", "HEALTH_CHECK": "1", **HEALTH},
        {"CHILD": "2", "HEALTH_CHECK": "1", **HEALTH, "SUBSTANCE_MISUSE": ""},
        {"CHILD": "3", "HEALTH_CHECK": "1", **HEALTH, "IMMUNISATIONS": ""},
        {"CHILD": "4", "HEALTH_CHECK": "0", **HEALTH, "IMMUNISATIONS": ""},
    ]
    assert flagged("547", {"OC2": oc2}) == {"OC2": [1, 2]}
    assert flagged("547", {"OC2": [oc2[0], oc2[3]]}) == {}
