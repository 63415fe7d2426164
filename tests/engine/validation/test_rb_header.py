"""Rules 209, 210, 232, 301 and 351 on the Header. Default collection year 2025-26."""

from __future__ import annotations

from tests.engine.validation.cases import flagged


def test_209_school_age_children_have_no_un1() -> None:
    # 2025-26: school age means 4 or over on 31 August 2024.
    header = [
        {"CHILD": "1", "DOB": "31/08/2020", "UPN": "UN1"},  # 4 that day: flagged
        {"CHILD": "2", "DOB": "01/09/2020", "UPN": "UN1"},  # not yet 4
        {"CHILD": "3", "DOB": "01/01/2015", "UPN": "UN2"},
        {"CHILD": "4", "DOB": "01/01/2015", "UPN": "un1"},  # flagged
    ]
    assert flagged("209", {"Header": header}) == {"Header": [0, 3]}
    assert flagged("209", {"Header": header[1:3]}) == {}


def test_210_un4_only_for_children_who_started_in_the_last_week() -> None:
    header = [{"CHILD": "1", "UPN": "UN4"}, {"CHILD": "2", "UPN": "UN3"}]
    episodes = [
        {"CHILD": "1", "DECOM": "01/01/2026"},
        {"CHILD": "1", "DECOM": "24/03/2026"},  # started in the last week: flagged
        {"CHILD": "2", "DECOM": "25/03/2026"},  # UN3
    ]
    tables = {"Header": header, "Episodes": episodes}
    assert flagged("210", tables) == {"Episodes": [1], "Header": [0]}
    early = [{"CHILD": "1", "DECOM": "23/03/2026"}, episodes[2]]
    assert flagged("210", {"Header": header, "Episodes": early}) == {}


def test_232_sex_unknown_is_queried() -> None:
    header = [{"CHILD": "1", "SEX": "M"}, {"CHILD": "2", "SEX": "U"}, {"CHILD": "3", "SEX": "F"}]
    assert flagged("232", {"Header": header}) == {"Header": [1]}
    assert flagged("232", {"Header": header[:1]}, year=2025) == {}


def test_301_born_after_the_year_ended() -> None:
    header = [{"CHILD": "1", "DOB": "31/03/2026"}, {"CHILD": "2", "DOB": "01/04/2026"}]
    assert flagged("301", {"Header": header}) == {"Header": [1]}
    assert flagged("301", {"Header": header[:1]}) == {}


def test_351_over_25_at_the_start_of_the_year() -> None:
    # 1 April 2025: born 31/03/2000 turned 25 the day before; born 01/04/2000 turns 25 that day.
    header = [{"CHILD": "1", "DOB": "31/03/2000"}, {"CHILD": "2", "DOB": "01/04/2000"}]
    assert flagged("351", {"Header": header}) == {"Header": [0]}
    assert flagged("351", {"Header": header[1:]}) == {}
