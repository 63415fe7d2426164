"""Rules 104, 166 and 167 on UASC and Reviews: hand-made failing and passing cases."""

from __future__ import annotations

from tests.engine.validation.cases import flagged


def test_104_uasc_ceased_before_the_year() -> None:
    # 2025-26 starts 01/04/2025.
    uasc = [
        {"CHILD": "1", "DUC": "01/03/2025"},  # fail
        {"CHILD": "2", "DUC": "01/04/2025"},
        {"CHILD": "3", "DUC": ""},
        {"CHILD": "4", "DUC": "19/02/2026"},
    ]
    assert flagged("104", {"UASC": uasc}) == {"UASC": [0]}
    assert flagged("104", {"UASC": uasc[1:]}) == {}
    # in 2026-27 (from 01/04/2026) both dates are before the year
    assert flagged("104", {"UASC": uasc[1:]}, year=2027) == {"UASC": [0, 2]}


def test_104_uasc_ceased_date_malformed() -> None:
    uasc = [
        {"CHILD": "1", "DUC": "19/02/2026"},
        {"CHILD": "2", "DUC": "30/02/2026"},
        {"CHILD": "3", "DUC": "x"},
    ]
    assert flagged("104", {"UASC": uasc}) == {"UASC": [1, 2]}


def test_166_a_malformed_review_date_is_as_good_as_blank() -> None:
    reviews = [{"CHILD": "1", "REVIEW": "2026-01-01", "REVIEW_CODE": "PN1"}]
    assert flagged("166", {"Reviews": reviews}) == {"Reviews": [0]}


def test_166_review_date_blank() -> None:
    reviews = [
        {"CHILD": "1", "REVIEW": "01/01/2026", "REVIEW_CODE": "PN1"},
        {"CHILD": "1", "REVIEW_CODE": "PN1"},
    ]
    assert flagged("166", {"Reviews": reviews}) == {"Reviews": [1]}
    assert flagged("166", {"Reviews": reviews[:1]}) == {}


def test_167_participation_code() -> None:
    reviews = [
        {"CHILD": "1", "REVIEW": "01/02/2026", "REVIEW_CODE": "pr0"},  # fail
        {"CHILD": "1", "REVIEW": "31/03/2026", "REVIEW_CODE": "child too young"},  # fail
        {"CHILD": "1", "REVIEW": "12/12/2025", "REVIEW_CODE": "pn3"},  # upper-cased when read
        {"CHILD": "1", "REVIEW": "05/07/2025", "REVIEW_CODE": ""},  # fail: blank
        {"CHILD": "1", "REVIEW": "", "REVIEW_CODE": ""},
        {"CHILD": "1", "REVIEW": "", "REVIEW_CODE": "PN1"},  # fail: a code without a review
    ]
    assert flagged("167", {"Reviews": reviews}) == {"Reviews": [0, 1, 3, 5]}
    assert flagged("167", {"Reviews": reviews[2:3] + reviews[4:5]}) == {}
