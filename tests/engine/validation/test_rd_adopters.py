"""Rules 511, 514, 517-520 and 524: number, sex and legal status of adopters."""

from __future__ import annotations

import pytest

from tests.engine.validation.cases import flagged


def test_511_two_adopters_are_a_couple() -> None:
    ad1 = [
        {"CHILD": "1", "NB_ADOPTR": "2", "SEX_ADOPTR": "MM"},
        {"CHILD": "2", "NB_ADOPTR": "2", "SEX_ADOPTR": "M1"},
        {"CHILD": "3", "NB_ADOPTR": "2", "SEX_ADOPTR": "F1"},
        {"CHILD": "4", "NB_ADOPTR": "1", "SEX_ADOPTR": "F1"},
        {"CHILD": "5", "SEX_ADOPTR": "M1"},
        {"CHILD": "6", "NB_ADOPTR": "2"},
    ]
    assert flagged("511", {"AD1": ad1}) == {"AD1": [1, 2]}
    assert flagged("511", {"AD1": [ad1[0], ad1[3]]}) == {}


@pytest.mark.parametrize(
    ("code", "status", "good", "bad"),
    [
        ("514", "L0", ["M1", "F1"], ["MM", "MF", ""]),
        ("517", "L3", ["MF"], ["MM", "F1", ""]),
        ("518", "L4", ["MM", "FF"], ["MF", "M1", ""]),
        ("519", "L2", ["MM", "FF", "MF"], ["M1", "F1", ""]),
        ("520", "L11", ["MF"], ["MM", "FF", ""]),
        ("524", "L12", ["MM", "FF"], ["MF", "F1", ""]),
    ],
)
def test_legal_status_of_adopters_fixes_their_sex(
    code: str, status: str, good: list[str], bad: list[str]
) -> None:
    ad1 = [{"CHILD": str(n), "LS_ADOPTR": status, "SEX_ADOPTR": s} for n, s in enumerate(good + bad)]
    other = "L0" if status != "L0" else "L11"
    ad1.append({"CHILD": "x", "LS_ADOPTR": other, "SEX_ADOPTR": bad[0]})  # another status: not checked
    assert flagged(code, {"AD1": ad1}) == {"AD1": list(range(len(good), len(good) + len(bad)))}
    assert flagged(code, {"AD1": [*ad1[: len(good)], ad1[-1]]}) == {}
