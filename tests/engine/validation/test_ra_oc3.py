"""Rules 131-133 and 153 on care leavers (OC3): hand-made failing and passing cases."""

from __future__ import annotations

from tests.engine.validation.cases import flagged

_DONE = {"IN_TOUCH": "YES", "ACTIV": "F1", "ACCOM": "B1"}


def test_131_in_touch_code() -> None:
    # Blank is flagged too (as the peer does): the item is required.
    oc3 = [
        {"CHILD": str(n), **_DONE, "IN_TOUCH": v} for n, v in enumerate(("yes", "REFUSE", "", "RHOM", "1"))
    ]
    assert flagged("131", {"OC3": oc3}) == {"OC3": [1, 2, 4]}
    assert flagged("131", {"OC3": [oc3[0], oc3[3]]}) == {}


def test_132_activity_code() -> None:
    oc3 = [{"CHILD": str(n), **_DONE, "ACTIV": v} for n, v in enumerate(("f1", "1", "0", "", "G6", "F3"))]
    assert flagged("132", {"OC3": oc3}) == {"OC3": [1, 3, 5]}
    assert flagged("132", {"OC3": [oc3[0], oc3[2], oc3[4]]}) == {}


def test_133_accommodation_code() -> None:
    # No fixed abode (S) and custody (X) are never suitable: S1 and X1 are not codes.
    codes = ("B1", "s2", "", "S1", "X", "1", "X2", "0", "Z2")
    oc3 = [{"CHILD": str(n), **_DONE, "ACCOM": v} for n, v in enumerate(codes)]
    assert flagged("133", {"OC3": oc3}) == {"OC3": [2, 3, 4, 5]}
    assert flagged("133", {"OC3": [oc3[0], oc3[6], oc3[7]]}) == {}


def test_153_all_three_or_none() -> None:
    oc3 = [
        {"CHILD": "1", **_DONE},
        {"CHILD": "2"},
        {"CHILD": "3", "IN_TOUCH": "YES"},
        {"CHILD": "4", "ACTIV": "F1", "ACCOM": "B1"},
        {"CHILD": "5", "IN_TOUCH": "NO", "ACTIV": "0"},
    ]
    assert flagged("153", {"OC3": oc3}) == {"OC3": [2, 3, 4]}
    assert flagged("153", {"OC3": oc3[:2]}) == {}
