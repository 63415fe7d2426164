"""Rules 205A-205D, 231 and 304 on UASC status.

A child has UASC status in a year when in that year's UASC and Header files. Collection year
2025-26 (the default): 1 April 2025 to 31 March 2026; last year 1 April 2024 to 31 March 2025.
"""

from __future__ import annotations

from tests.engine.validation.cases import flagged

Tables = dict[str, list[dict[str, object]]]


def _header(*children: str) -> list[dict[str, object]]:
    return [{"CHILD": c} for c in children]


def test_205a_no_longer_uasc_needs_a_date_ceased_last_year() -> None:
    tables: Tables = {
        "Header": _header("1", "2", "4"),
        "UASC": [
            {"CHILD": "4", "DOB": "10/10/2008"},
            # Child 3 has no Header row, so no UASC status this year; its DUC is given: flagged.
            {"CHILD": "3", "DOB": "10/10/2006", "DUC": "10/10/2024"},
        ],
        "Header_last": _header("1", "2", "3", "4"),
        "UASC_last": [
            {"CHILD": "1", "DOB": "10/10/2006", "DUC": "10/10/2024"},  # ceased last year: fine
            {"CHILD": "2", "DOB": "10/10/2008"},  # no date ceased, and left the UASC file: flagged
            {"CHILD": "3", "DOB": "10/10/2006", "DUC": "10/10/2024"},
            {"CHILD": "4", "DOB": "10/10/2008"},
        ],
    }
    assert flagged("205A", tables) == {"Header": [1], "UASC": [1]}
    ok: Tables = {**tables, "Header": _header("1", "4"), "UASC": tables["UASC"][:1]}
    assert flagged("205A", ok) == {}


def test_205a_child_dropped_from_the_uasc_file_peer_difference() -> None:
    # The peer only looks at this year's UASC rows, so it never sees child 2 (it passes this case).
    tables: Tables = {
        "Header": _header("2"),
        "UASC": [{"CHILD": "9", "DOB": "01/01/2010"}],
        "Header_last": _header("2"),
        "UASC_last": [{"CHILD": "2", "DOB": "10/10/2008", "DUC": "01/01/2024"}],  # ceased before last year
    }
    assert flagged("205A", tables) == {"Header": [0]}
    in_time: list[dict[str, object]] = [{"CHILD": "2", "DOB": "10/10/2008", "DUC": "01/01/2025"}]
    assert flagged("205A", {**tables, "UASC_last": in_time}) == {}


def test_205b_uasc_both_years_dates_ceased_must_agree() -> None:
    # Every child born 10/10/2006 (18 on 10/10/2024), UASC in both years.
    dob = "10/10/2006"
    now: list[dict[str, object]] = [
        {"CHILD": "1", "DOB": dob, "DUC": "10/10/2024"},  # same date as last year: fine
        {"CHILD": "2", "DOB": dob, "DUC": "01/05/2025"},  # in this collection year: fine
        {"CHILD": "3", "DOB": dob, "DUC": "10/10/2024"},  # last year's DUC blank: flagged
        {"CHILD": "4", "DOB": dob, "DUC": "01/01/2025"},  # changed, and not in this year: flagged
    ]
    last: list[dict[str, object]] = [{"CHILD": c, "DOB": dob, "DUC": "10/10/2024"} for c in "124"]
    last.insert(2, {"CHILD": "3", "DOB": dob})
    tables: Tables = {
        "Header": _header("4", "3", "2", "1"),
        "UASC": now,
        "Header_last": _header("1", "2", "3", "4"),
        "UASC_last": last,
    }
    assert flagged("205B", tables) == {"Header": [0, 1], "UASC": [2, 3]}
    assert flagged("205B", {**tables, "UASC": now[:2]}) == {}


def test_205c_a_date_ceased_needs_uasc_status_in_one_of_the_years() -> None:
    tables: Tables = {
        "Header": _header("4"),
        "UASC": [
            {"CHILD": "1", "DUC": "01/05/2025"},  # no Header row, not UASC last year: flagged
            {"CHILD": "2"},  # no date ceased in either year
            {"CHILD": "3"},  # DUC given last year, but not UASC last year either: flagged
            {"CHILD": "4", "DUC": "01/05/2025"},  # UASC this year
            {"CHILD": "5", "DUC": "01/05/2025"},  # UASC last year
        ],
        "Header_last": _header("5"),
        "UASC_last": [{"CHILD": "3", "DUC": "01/05/2024"}, {"CHILD": "5"}],
    }
    assert flagged("205C", tables) == {"UASC": [0, 2]}
    assert flagged("205C", {**tables, "UASC": tables["UASC"][3:]}) == {}


def test_205d_uasc_this_year_should_have_been_uasc_last_year() -> None:
    tables: Tables = {
        "Header": _header("1", "2", "3", "4"),
        "UASC": [{"CHILD": "1"}, {"CHILD": "2"}, {"CHILD": "4"}],
        "Header_last": _header("1", "2", "3"),
        "UASC_last": [{"CHILD": "1"}],
    }
    # 1 UASC both years; 2 UASC now, in last year's return but not UASC then; 3 not UASC now;
    # 4 is new this year.
    assert flagged("205D", tables) == {"Header": [1]}
    assert flagged("205D", {**tables, "UASC": [{"CHILD": "1"}, {"CHILD": "4"}]}) == {}


def test_231_uasc_children_are_expected_to_be_11_or_over_peer_difference() -> None:
    # 31 March 2026: born 01/04/2015 is still 10 (the peer crashes on this return).
    header = [
        {"CHILD": "1", "DOB": "01/04/2015"},  # UASC and 10: flagged
        {"CHILD": "2", "DOB": "31/03/2015"},  # UASC and 11 that day
        {"CHILD": "3", "DOB": "01/04/2015"},  # 10 but not UASC
    ]
    uasc = [{"CHILD": "1"}, {"CHILD": "2"}]
    assert flagged("231", {"Header": header, "UASC": uasc}) == {"Header": [0]}
    assert flagged("231", {"Header": header[1:], "UASC": uasc}) == {}


def test_304_uasc_status_ends_by_the_18th_birthday() -> None:
    uasc = [
        {"CHILD": "1", "DOB": "01/06/2000", "DUC": "05/06/2018"},  # after the 18th birthday
        {"CHILD": "2", "DOB": "02/06/2000"},
        {"CHILD": "3", "DOB": "03/06/2000", "DUC": "03/06/2018"},  # on it
        {"CHILD": "4", "DOB": "04/06/2000", "DUC": "02/06/2020"},  # after it
        {"CHILD": "5", "DUC": "05/06/2020"},  # no date of birth to compare with
    ]
    assert flagged("304", {"UASC": uasc}) == {"UASC": [0, 3]}
    assert flagged("304", {"UASC": uasc[1:3]}) == {}
