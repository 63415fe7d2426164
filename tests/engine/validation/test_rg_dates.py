"""Rules 112-171 on dates that are not valid dates: a failing and a passing case for each.

Validation reads a return leniently, so a malformed date reaches these rules (and is NULL for the
others); the strict reading the indicators use refuses the same return (see test_reader_lenient).
"""

from __future__ import annotations

import pytest

from tests.engine.validation.cases import flagged

MALFORMED = ("31/02/2025", "2025-04-01", "zz", "01/04/25", "1st April 2025", "01/13/2025", "00/04/2025")
# A blank is not malformed (other rules decide if it may be blank). The peer flags the spaced date and
# the date before 1678 (see PEER_DIFFERENCES in rg_dates); both are real dates.
FINE = ("01/04/2025", "1/4/2025", " 01/04/2025 ", "01/01/1500", "")

# code, table, field
CASES = (
    ("112", "AD1", "DATE_INT"),
    ("113", "AD1", "DATE_MATCH"),
    ("115", "PlacedAdoption", "DATE_PLACED"),
    ("116", "PlacedAdoption", "DATE_PLACED_CEASED"),
    ("141", "Episodes", "DECOM"),
    ("147", "Episodes", "DEC"),
    ("171", "Header", "MC_DOB"),
)


def _episode(**fields: str) -> dict[str, str]:
    # DECOM is given so that the reader can tell the collection year even when DEC is malformed
    return {"CHILD": "1", "DECOM": "01/05/2025", **fields}


def _tables(table: str, field: str, values: tuple[str, ...]) -> dict[str, list[dict[str, str]]]:
    rows = [{"CHILD": str(n), field: v} for n, v in enumerate(values)]
    if table == "Episodes":
        rows = [{**_episode(), "CHILD": str(n), field: v} for n, v in enumerate(values)]
        return {"Episodes": rows}
    return {table: rows}


@pytest.mark.parametrize(("code", "table", "field"), CASES)
def test_each_malformed_date_is_flagged_and_a_real_or_blank_one_is_not(
    code: str, table: str, field: str
) -> None:
    values = (*FINE, *MALFORMED)
    assert flagged(code, _tables(table, field, values), year=2026) == {
        table: list(range(len(FINE), len(values)))
    }
    assert flagged(code, _tables(table, field, FINE), year=2026) == {}


def test_a_rule_points_only_at_its_own_field() -> None:
    # A malformed DEC is 147's, not 141's; a malformed DATE_MATCH is 113's, not 112's.
    episodes = {"Episodes": [_episode(DEC="31/02/2026")]}
    assert flagged("147", episodes) == {"Episodes": [0]}
    assert flagged("141", episodes) == {}
    ad1 = {"AD1": [{"CHILD": "1", "DATE_INT": "01/04/2025", "DATE_MATCH": "2025-05-01"}]}
    assert flagged("113", ad1) == {"AD1": [0]}
    assert flagged("112", ad1) == {}


def test_the_previous_years_malformed_dates_are_not_this_years() -> None:
    tables = {
        "Episodes": [_episode()],
        "Episodes_last": [_episode(DECOM="01/05/2024"), _episode(DECOM="01/05/2024", DEC="32/01/2025")],
    }
    assert flagged("147", tables) == {}
    tables["Episodes"].append(_episode(DEC="32/01/2026"))
    assert flagged("147", tables) == {"Episodes": [1]}


def test_for_the_other_rules_a_malformed_date_is_blank() -> None:
    # 102 flags a missing DOB: a malformed one is missing for it too.
    header = {"Header": [{"CHILD": "1", "DOB": "01/01/2015"}, {"CHILD": "2", "DOB": "2015-01-01"}]}
    assert flagged("102", header) == {"Header": [1]}
