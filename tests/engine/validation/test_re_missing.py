"""Rules 1004-1006 on missing and away-from-placement incidents: hand-made cases."""

from __future__ import annotations

from tests.engine.validation.cases import flagged


def test_1004_incident_start_date_required() -> None:
    missing = [
        {"CHILD": "1", "MIS_START": "08/03/2025", "MIS_END": "08/03/2025"},
        {"CHILD": "2", "MIS_START": "22/06/2025"},
        {"CHILD": "3", "MIS_END": "22/06/2025"},  # no start: flagged
    ]
    assert flagged("1004", {"Missing": missing}) == {"Missing": [2]}
    assert flagged("1004", {"Missing": missing[:2]}) == {}


def test_1005_incident_end_date_malformed() -> None:
    missing = [
        {"CHILD": "1", "MIS_START": "08/03/2025", "MIS_END": "09/03/2025"},
        {"CHILD": "2", "MIS_START": "22/06/2025"},  # blank: the child has not returned
    ]
    assert flagged("1005", {"Missing": missing}) == {}
    bad = [*missing, {"CHILD": "1", "MIS_START": "13/10/2025", "MIS_END": "13/10/25"}]
    assert flagged("1005", {"Missing": bad}) == {"Missing": [2]}


def test_1004_a_malformed_start_date_is_as_good_as_missing() -> None:
    missing = [{"CHILD": "1", "MIS_START": "2025-10-13"}, {"CHILD": "2", "MIS_START": "13/10/2025"}]
    assert flagged("1004", {"Missing": missing}) == {"Missing": [0]}


def test_1006_missing_type_is_m_or_a() -> None:
    missing = [{"CHILD": str(n), "MISSING": code} for n, code in enumerate(["M", "A", "AWAY", "NA", ""])]
    assert flagged("1006", {"Missing": missing}) == {"Missing": [2, 3]}
    assert flagged("1006", {"Missing": [missing[0], missing[1], missing[4]]}) == {}
