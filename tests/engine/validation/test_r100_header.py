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
