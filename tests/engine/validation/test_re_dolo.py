"""Rules 700-710 on deprivation of liberty orders (DoLo, from 2026-27): hand-made cases.

Collection year 2026-27: 1 April 2026 to 31 March 2027.
"""

from __future__ import annotations

from tests.engine.validation.cases import flagged

Y = 2027


def test_700_start_date_required() -> None:
    dolo = [{"CHILD": "1", "DOLO_START": "01/05/2026"}, {"CHILD": "2", "DOLO_END": "01/06/2026"}]
    assert flagged("700", {"DoLo": dolo}, year=Y) == {"DoLo": [1]}
    assert flagged("700", {"DoLo": dolo[:1]}, year=Y) == {}


def test_701_end_date_malformed() -> None:
    dolo = [
        {"CHILD": "1", "DOLO_START": "01/05/2026"},
        {"CHILD": "1", "DOLO_START": "01/06/2026", "DOLO_END": ""},
    ]
    assert flagged("701", {"DoLo": dolo}, year=Y) == {}
    bad = [*dolo, {"CHILD": "1", "DOLO_START": "01/05/2026", "DOLO_END": "2026/12/10"}]
    assert flagged("701", {"DoLo": bad}, year=Y) == {"DoLo": [2]}


def test_702_end_not_after_start() -> None:
    dolo = [
        {"CHILD": "1", "DOLO_START": "01/05/2026", "DOLO_END": "01/05/2026"},  # same day: flagged
        {"CHILD": "2", "DOLO_START": "01/05/2026"},
        {"CHILD": "3", "DOLO_END": "01/05/2026"},
        {"CHILD": "4", "DOLO_START": "02/05/2026", "DOLO_END": "01/05/2026"},  # flagged
        {"CHILD": "5", "DOLO_START": "01/05/2026", "DOLO_END": "02/10/2026"},
    ]
    assert flagged("702", {"DoLo": dolo}, year=Y) == {"DoLo": [0, 3]}
    assert flagged("702", {"DoLo": [dolo[1], dolo[2], dolo[4]]}, year=Y) == {}


def test_703_start_after_the_year() -> None:
    dolo = [
        {"CHILD": "1", "DOLO_START": "31/03/2027"},
        {"CHILD": "2", "DOLO_START": "01/04/2027"},  # flagged
        {"CHILD": "3"},
        {"CHILD": "4", "DOLO_START": "01/01/2020"},
    ]
    assert flagged("703", {"DoLo": dolo}, year=Y) == {"DoLo": [1]}
    assert flagged("703", {"DoLo": [dolo[0], dolo[2], dolo[3]]}, year=Y) == {}


def test_704_end_outside_the_year() -> None:
    dolo = [
        {"CHILD": "1", "DOLO_START": "01/01/2026", "DOLO_END": "31/03/2026"},  # flagged
        {"CHILD": "2", "DOLO_START": "01/01/2027", "DOLO_END": "01/04/2027"},  # flagged
        {"CHILD": "3", "DOLO_START": "01/01/2026", "DOLO_END": "01/04/2026"},
        {"CHILD": "4", "DOLO_START": "01/01/2027", "DOLO_END": "31/03/2027"},
        {"CHILD": "5", "DOLO_START": "01/01/2027"},
    ]
    assert flagged("704", {"DoLo": dolo}, year=Y) == {"DoLo": [0, 1]}
    assert flagged("704", {"DoLo": dolo[2:]}, year=Y) == {}


def test_705_orders_must_not_overlap() -> None:
    # Each child's orders in the order they end (an open one at its start date).
    dolo = [
        {"CHILD": "1", "DOLO_START": "01/05/2026", "DOLO_END": "02/05/2026"},
        {"CHILD": "1", "DOLO_START": "04/05/2026", "DOLO_END": "04/05/2026"},
        {"CHILD": "1", "DOLO_START": "03/05/2026", "DOLO_END": "06/05/2026"},  # starts before 04/05: flagged
        {"CHILD": "2", "DOLO_START": "01/05/2026"},  # open
        {"CHILD": "2", "DOLO_START": "02/05/2026", "DOLO_END": "02/05/2026"},  # after an open one: flagged
        {"CHILD": "3", "DOLO_START": "01/05/2026", "DOLO_END": "02/05/2026"},
        {"CHILD": "4", "DOLO_START": "01/05/2026", "DOLO_END": "03/05/2026"},
        {"CHILD": "4", "DOLO_START": "03/05/2026"},  # starts the day the last ended, still open
    ]
    assert flagged("705", {"DoLo": dolo}, year=Y) == {"DoLo": [2, 4]}
    assert flagged("705", {"DoLo": dolo[:2] + dolo[5:]}, year=Y) == {}


def test_706_order_open_last_year_carried_into_this_year() -> None:
    dolo_last = [
        {"CHILD": "1", "DOLO_START": "01/01/2026"},  # open; this year starts differ: flagged
        {"CHILD": "2", "DOLO_START": "01/02/2026"},  # open; no DoLo this year: Header flagged
        {"CHILD": "3", "DOLO_START": "01/01/2026", "DOLO_END": "01/03/2026"},  # ended
        {"CHILD": "4", "DOLO_START": "01/02/2026"},  # open and carried on
    ]
    dolo = [
        {"CHILD": "4", "DOLO_START": "01/02/2026", "DOLO_END": "01/05/2026"},
        {"CHILD": "1", "DOLO_START": "05/01/2026"},  # child 1's first order this year
        {"CHILD": "1", "DOLO_START": "01/06/2026"},
    ]
    header = [{"CHILD": "4"}, {"CHILD": "1"}, {"CHILD": "2"}]
    tables = {"DoLo": dolo, "DoLo_last": dolo_last, "Header": header}
    assert flagged("706", tables, year=Y) == {"DoLo": [1], "Header": [2]}
    dolo[1]["DOLO_START"] = "01/01/2026"
    tables = {"DoLo": dolo, "DoLo_last": [dolo_last[0], *dolo_last[2:]], "Header": header}
    assert flagged("706", tables, year=Y) == {}


def test_706_peer_difference_points_at_this_years_rows() -> None:
    # The peer returns last year's row 0 as if it were row 0 of this year's file (child 9's order).
    dolo_last = [{"CHILD": "1", "DOLO_START": "01/01/2026"}]
    dolo = [{"CHILD": "9", "DOLO_START": "01/05/2026"}]
    tables = {"DoLo": dolo, "DoLo_last": dolo_last, "Header": [{"CHILD": "9"}, {"CHILD": "1"}]}
    assert flagged("706", tables, year=Y) == {"Header": [1]}


def test_707_open_order_after_care_ended() -> None:
    episodes = [
        {"CHILD": "1", "DECOM": "01/05/2026", "DEC": "01/09/2026"},
        {"CHILD": "2", "DECOM": "01/05/2026"},
        {"CHILD": "3", "DECOM": "01/05/2026", "DEC": "01/09/2026"},
        {"CHILD": "4", "DECOM": "01/05/2026", "DEC": "01/09/2026"},
        {"CHILD": "6", "DECOM": "01/04/2026", "DEC": "01/06/2026"},  # a first period of care
        {"CHILD": "6", "DECOM": "01/08/2026"},  # a second, open
        {"CHILD": "7", "DECOM": "01/04/2026", "DEC": "01/06/2026"},
        {"CHILD": "7", "DECOM": "01/08/2026"},
    ]
    dolo = [
        {"CHILD": "1", "DOLO_START": "01/06/2026"},  # open though care ended: flagged
        {"CHILD": "2", "DOLO_START": "01/06/2026"},  # open, and so is care
        {"CHILD": "3", "DOLO_START": "01/06/2026", "DOLO_END": "01/08/2026"},
        {"CHILD": "4", "DOLO_START": "01/06/2026", "DOLO_END": "01/10/2026"},  # ends after care: flagged
        {"CHILD": "5", "DOLO_START": "01/06/2026"},  # no episodes: not checked
        {"CHILD": "6", "DOLO_START": "01/09/2026"},  # within the open second period
        {"CHILD": "7", "DOLO_START": "01/05/2026"},  # open, began in the first period: flagged
        {"CHILD": "1", "DOLO_END": "01/06/2026"},  # no start: not checked
    ]
    assert flagged("707", {"DoLo": dolo, "Episodes": episodes}, year=Y) == {"DoLo": [0, 3, 6]}
    passing = [dolo[1], dolo[2], dolo[4], dolo[5]]
    assert flagged("707", {"DoLo": passing, "Episodes": episodes}, year=Y) == {}


def test_708_order_on_or_before_birth() -> None:
    dolo = [
        {"CHILD": "1", "DOB": "01/01/2010", "DOLO_START": "01/01/2010"},  # flagged
        {"CHILD": "2", "DOB": "01/01/2010"},
        {"CHILD": "3", "DOLO_START": "01/05/2026"},
        {"CHILD": "4", "DOB": "01/01/2010", "DOLO_START": "01/05/2026"},
        {"CHILD": "5", "DOB": "01/01/2010", "DOLO_START": "01/01/2009"},  # flagged
    ]
    assert flagged("708", {"DoLo": dolo}, year=Y) == {"DoLo": [0, 4]}
    assert flagged("708", {"DoLo": dolo[1:4]}, year=Y) == {}


_EPISODES_709 = [
    {"CHILD": "1", "DECOM": "01/05/2026", "DEC": "01/07/2026", "PLACE": "U4"},  # overlaps order 0
    {"CHILD": "1", "DECOM": "01/07/2026", "DEC": "01/09/2026", "PLACE": "K2"},  # overlaps, expected type
    {"CHILD": "1", "DECOM": "01/09/2026", "PLACE": "U4"},  # after the order
    {"CHILD": "2", "DECOM": "01/05/2026", "PLACE": "U4"},
]


def test_709_order_in_an_unexpected_placement_type() -> None:
    dolo = [
        {"CHILD": "1", "DOLO_START": "01/06/2026", "DOLO_END": "15/08/2026"},  # flagged (episode 0)
        {"CHILD": "1", "DOLO_START": "01/06/2026"},  # open: not checked
        {"CHILD": "2", "DOLO_START": "01/01/2026", "DOLO_END": "01/04/2026"},  # ends before episode
    ]
    tables = {"DoLo": dolo, "Episodes": _EPISODES_709}
    assert flagged("709", tables, year=Y) == {"DoLo": [0], "Episodes": [0]}
    episodes = [{**e, "PLACE": "Z12"} if e["PLACE"] == "U4" else e for e in _EPISODES_709]
    assert flagged("709", {"DoLo": dolo, "Episodes": episodes}, year=Y) == {}


def test_710_order_in_a_placement_it_cannot_be_in() -> None:
    episodes = [
        {"CHILD": "1", "DECOM": "01/05/2026", "DEC": "01/07/2026", "PLACE": "K1"},  # flagged
        {"CHILD": "1", "DECOM": "01/07/2026", "PLACE": "K2"},
        {"CHILD": "2", "DECOM": "01/05/2026", "PLACE": "P1"},  # the order ends before: passes
    ]
    dolo = [
        {"CHILD": "1", "DOLO_START": "01/06/2026", "DOLO_END": "15/08/2026"},
        {"CHILD": "2", "DOLO_START": "01/01/2026", "DOLO_END": "01/04/2026"},
    ]
    assert flagged("710", {"DoLo": dolo, "Episodes": episodes}, year=Y) == {"DoLo": [0], "Episodes": [0]}
    assert flagged("710", {"DoLo": dolo, "Episodes": episodes[1:]}, year=Y) == {}
