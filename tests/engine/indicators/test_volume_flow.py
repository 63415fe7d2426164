"""Volume and flow: cla, cla_rate, starts, ceases, cla_in_period, short_breaks_only, UASC.

Every expected figure is worked out by hand from indicators.md; the working is in the comments.
R = 31/03/2025 unless said otherwise, so the period is 01/04/2024 to 31/03/2025.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from return_builder import (
    R_2025,
    Return,
    assert_count,
    assert_pct,
    child,
    compute,
    ep,
    figures,
    headers,
    make_return,
    make_years,
)

# One child per edge case of the conventions (indicators.md, "Conventions").
VOLUME_EPISODES = [
    # A: in care since 2023, still in care. Looked after at R; in the period; not a start.
    ep("A", "01/01/2023", "S", ls="C2", place="U4"),
    # B: started in the period, episode ends ON R. Not looked after at R (DEC = R), but a start
    # and a ceasing in the period.
    ep("B", "01/06/2024", "S", ls="V2", place="U6", dec="31/03/2025", rec="E4A"),
    # C: episode starts ON R: looked after at R (DECOM <= R, DEC blank) and a start.
    ep("C", "31/03/2025", "S", ls="V2", place="U6"),
    # D: X1 chain across the period's start: the change of legal status (REC X1) is not a ceasing,
    # and the start (01/02/2024) was before the period.
    ep("D", "01/02/2024", "S", ls="C1", place="U6", dec="01/07/2024", rec="X1"),
    ep("D", "01/07/2024", "L", ls="C2", place="U6"),
    # E: a period of care of three episodes joined by X1, begun in the period: one start, no ceasing.
    ep("E", "01/05/2024", "S", ls="V2", place="U6", dec="01/08/2024", rec="X1"),
    ep("E", "01/08/2024", "L", ls="C1", place="U6", dec="01/11/2024", rec="X1"),
    ep("E", "01/11/2024", "P", ls="C2", place="U4"),
    # F: short breaks only (V3): not in cla, starts, ceases or cla_in_period; in short_breaks_only.
    ep("F", "01/06/2024", "S", ls="V3", place="K2", dec="03/06/2024", rec="E13"),
    ep("F", "01/09/2024", "S", ls="V3", place="K2", dec="02/09/2024", rec="E13"),
    # G: on a short break (V4) AT R: not looked after at R; short breaks only.
    ep("G", "01/03/2025", "S", ls="V4", place="K2"),
    # H: several periods of care: in care at the period's start, left on 01/07/2024, came back on
    # 01/10/2024. Once in starts, once in ceases, and looked after at R.
    ep("H", "01/01/2022", "S", ls="C2", place="U4", dec="01/07/2024", rec="E4A"),
    ep("H", "01/10/2024", "S", ls="V2", place="U6"),
    # I: in care since 2020, ceased in the period.
    ep("I", "01/01/2020", "S", ls="C2", place="U4", dec="15/12/2024", rec="E8"),
    # J: ceased on 31/03/2024, the day before the period: not in the period at all.
    ep("J", "01/01/2023", "S", ls="V2", place="U6", dec="31/03/2024", rec="E4A"),
    # K: ceased on 01/04/2024, the period's first day: overlaps the period, so in cla_in_period
    # and a ceasing (DEC in the period).
    ep("K", "01/01/2024", "S", ls="V2", place="U6", dec="01/04/2024", rec="E4B"),
    # L: starts the day after R: not counted anywhere.
    ep("L", "01/04/2025", "S", ls="V2", place="U6"),
    # M: a short break in the period and then full care: not short-breaks-only; the full-care S
    # episode is a start; looked after at R.
    ep("M", "01/05/2024", "S", ls="V3", place="K2", dec="02/05/2024", rec="E13"),
    ep("M", "01/09/2024", "S", ls="C1", place="U6"),
    # P: full care ended 01/01/2024, before the period; only short breaks in the period: short
    # breaks only (the episode before the period does not count either way).
    ep("P", "01/01/2022", "S", ls="C2", place="U4", dec="01/01/2024", rec="E4A"),
    ep("P", "01/10/2024", "S", ls="V3", place="K2", dec="03/10/2024", rec="E13"),
]
VOLUME_HEADER = headers({c: "01/06/2012" for c in "ABCDEFGHIJKLMP"})


@pytest.fixture
def volume(tmp_path: Path) -> Return:
    return make_return(tmp_path, header=VOLUME_HEADER, episodes=VOLUME_EPISODES)


@pytest.mark.covers("cla", "starts", "ceases", "cla_in_period", "short_breaks_only")
def test_volume_and_flow_counts(volume: Return) -> None:
    # when
    sc = compute(volume, R_2025)
    # then
    # cla: A, C (starts on R), D, E, H (came back), M = 6. Not B (ends on R), G (short break at R),
    # I, J, K (ceased), F and P (short breaks), L (after R).
    assert_count(sc, "cla", 6)
    # starts: B 01/06, C 31/03 (on R), E 01/05 (one start for the X1 chain), H 01/10 (came back),
    # M 01/09 (its V3 episode is not a start) = 5. Not D (S before the period), F (V3), L (after R).
    assert_count(sc, "starts", 5)
    # ceases: B (DEC = R, E4A), H (01/07, E4A), I (15/12, E8), K (01/04, the first day, E4B) = 4.
    # Not D or E (X1 is not a ceasing), F (short breaks), J (before the period).
    assert_count(sc, "ceases", 4)
    # cla_in_period: A, B, C, D, E, H, I, K, M = 9 (not F, G, P: short breaks only; J; L).
    assert_count(sc, "cla_in_period", 9)
    # short_breaks_only: F (two V3 episodes), G (V4 open at R), P (V3 in the period) = 3.
    # M had full care in the period too.
    assert_count(sc, "short_breaks_only", 3)
    assert sc.period_start == date(2024, 4, 1)


@pytest.mark.covers("cla", "starts", "ceases")
def test_stock_at_period_start_plus_starts_minus_ceases_is_cla(volume: Return) -> None:
    # given the same return; the stock is cla at 31/03/2024, the day before the period.
    # By hand: A (S 01/01/2023), D (S 01/02/2024), H (S 01/01/2022), I (S 01/01/2020), K (DEC
    # 01/04/2024, after 31/03/2024) = 5. J ended ON 31/03/2024, so is not looked after then; P
    # left on 01/01/2024.
    stock = compute(volume, date(2024, 3, 31), indicators=["cla"])
    assert_count(stock, "cla", 5)
    # when
    sc = compute(volume, R_2025, indicators=["cla", "starts", "ceases"])
    # then 5 + 5 starts - 4 ceases = 6 = cla at R. H (left and came back) is +1 -1 and in both.
    (starts, _, _), (ceases, _, _), (cla, _, _) = (figures(sc, i) for i in ("starts", "ceases", "cla"))
    assert (starts, ceases, cla) == (5, 4, 6)
    assert 5 + starts - ceases == cla


@pytest.mark.covers("starts", "ceases", "cla")
def test_child_who_starts_twice_in_the_period_is_one_start(tmp_path: Path) -> None:
    """Distinct children: a child with two starts in the period is counted once.

    (So stock + starts - ceases = cla holds per child only when a child starts at most once more
    than it ceases; N here starts twice and ceases once: 0 + 1 - 1 != 1.)
    """
    # given N: starts 01/05/2024, goes home 01/07/2024, starts again 01/09/2024, in care at R.
    ret = make_return(
        tmp_path,
        header=[child("N", "01/01/2015")],
        episodes=[
            ep("N", "01/05/2024", "S", ls="V2", place="U6", dec="01/07/2024", rec="E4A"),
            ep("N", "01/09/2024", "S", ls="C1", place="U6"),
        ],
    )
    # when
    sc = compute(ret, R_2025, indicators=["starts", "ceases", "cla"])
    # then one start (two S episodes, one child), one ceasing, looked after at R.
    assert_count(sc, "starts", 1)
    assert_count(sc, "ceases", 1)
    assert_count(sc, "cla", 1)


@pytest.mark.covers("cla_rate")
def test_cla_rate_per_10000_with_a_population(volume: Return) -> None:
    # given cla = 6 (above) and a population aged 0-17 of 12,000
    # when
    sc = compute(volume, R_2025, population=12_000, indicators=["cla", "cla_rate"])
    # then 6 / 12,000 x 10,000 = 5.0 per 10,000, inside its Poisson interval
    r = sc.headline("cla_rate")
    assert (r.numerator, r.denominator) == (6, 12_000)
    assert r.value == pytest.approx(5.0)
    assert r.lower is not None and r.upper is not None
    assert r.lower < r.value < r.upper


def test_cla_rate_left_out_without_a_population(volume: Return) -> None:
    sc = compute(volume, R_2025, indicators=["cla_rate"])
    with pytest.raises(KeyError):
        sc.headline("cla_rate")
    assert any(n.startswith("cla_rate: left out") and "population" in n for n in sc.notes)


@pytest.mark.covers("uasc", "uasc_pct", "starts_uasc")
def test_uasc_at_r_and_at_start(tmp_path: Path) -> None:
    # given seven children all looked after at R, U1-U4 since 2023, U5-U7 starting in the period
    episodes = [ep(c, "01/01/2023", "S") for c in ("U1", "U2", "U3", "U4")] + [
        ep("U5", "01/06/2024", "S", ls="V2", place="U6"),
        ep("U6", "01/05/2024", "S", ls="V2", place="U6"),
        ep("U7", "01/07/2024", "S", ls="V2", place="U6"),
    ]
    uasc = [
        {"CHILD": "U1", "SEX": "M", "DOB": "01/01/2008", "DUC": None},  # UASC at R (DUC blank)
        {"CHILD": "U2", "SEX": "M", "DOB": "01/06/2007", "DUC": "01/06/2025"},  # DUC after R: UASC
        {"CHILD": "U3", "SEX": "M", "DOB": "31/03/2007", "DUC": "31/03/2025"},  # DUC = R: not UASC at R
        # U4: no UASC row.
        {"CHILD": "U5", "SEX": "F", "DOB": "01/01/2007", "DUC": "01/01/2025"},  # UASC at start only
        # U6: was UASC until 01/04/2024, before its start on 01/05/2024: not UASC at start or at R
        {"CHILD": "U6", "SEX": "M", "DOB": "01/01/2008", "DUC": "01/04/2024"},
        {"CHILD": "U7", "SEX": "M", "DOB": "01/01/2009", "DUC": None},  # UASC at start and at R
    ]
    ret = make_return(tmp_path, header=headers({f"U{i}": "01/01/2008" for i in range(1, 8)}),
                      episodes=episodes, uasc=uasc)  # fmt: skip
    # when
    sc = compute(ret, R_2025, indicators=["cla", "uasc", "uasc_pct", "starts", "starts_uasc"])
    # then cla = 7; UASC at R: U1, U2, U7 = 3 (U3's status ceased on R, U5's before R)
    assert_count(sc, "cla", 7)
    assert_count(sc, "uasc", 3)
    assert_pct(sc, "uasc_pct", 3, 7)
    # starts: U5, U6, U7 = 3; UASC on the start date: U5 (DUC 01/01/2025 after 01/06/2024), U7 = 2
    # (U6's status ceased before its start)
    assert_count(sc, "starts", 3)
    assert_count(sc, "starts_uasc", 2)


@pytest.mark.covers("cla", "ceases")
def test_latest_year_wins_when_an_episode_closes_in_the_next_years_file(tmp_path: Path) -> None:
    # given X's episode open (DEC blank) in 2024's file and closed on 01/08/2024 in 2025's file;
    # Y is open in both.
    x_open = ep("X", "01/06/2023", "S", ls="C2", place="U4")
    x_closed = ep("X", "01/06/2023", "S", ls="C2", place="U4", dec="01/08/2024", rec="E4A")
    y_open = ep("Y", "01/11/2023", "S", ls="C1", place="U6")
    hdr = headers({"X": "01/01/2014", "Y": "01/01/2016"})
    ret = make_years(
        tmp_path,
        {2024: {"header": hdr, "episodes": [x_open, y_open]},
         2025: {"header": hdr, "episodes": [x_closed, y_open]}},
    )  # fmt: skip
    # when, then at 31/03/2025 the 2025 row wins: X ceased 01/08/2024, so cla = Y only, ceases = X.
    sc = compute(ret, R_2025, indicators=["cla", "ceases", "starts"])
    assert_count(sc, "cla", 1)
    assert_count(sc, "ceases", 1)
    assert_count(sc, "starts", 0)  # both started before 01/04/2024
    # and at 31/03/2024 both were looked after (the closure is after that R), one row per episode.
    sc24 = compute(ret, date(2024, 3, 31), indicators=["cla", "starts"])
    assert_count(sc24, "cla", 2)
    assert_count(sc24, "starts", 2)  # X 01/06/2023 and Y 01/11/2023, each counted once


@pytest.mark.covers("cla", "starts", "ceases", "cla_in_period")
def test_reference_date_not_31_march(tmp_path: Path) -> None:
    """R = 30/09/2024: the period is 01/10/2023 to 30/09/2024, drawing on both years' files."""
    hdr = headers({c: "01/01/2014" for c in "TXYZVQWE"})
    y2024 = [
        ep("T", "01/01/2022", "S"),  # in care throughout
        ep("X", "01/06/2023", "S"),  # open here, closed 01/08/2024 in 2025's file
        ep("Y", "01/09/2023", "S", ls="V2", place="U6", dec="15/09/2023", rec="E4A"),  # before 01/10/2023
        ep("Z", "01/11/2023", "S", ls="C1", place="U6"),
    ]
    y2025 = [
        ep("T", "01/01/2022", "S"),
        ep("X", "01/06/2023", "S", dec="01/08/2024", rec="E4A"),
        ep("Z", "01/11/2023", "S", ls="C1", place="U6"),
        ep("V", "01/09/2024", "S", ls="V2", place="U6"),  # starts in the period
        ep("Q", "01/10/2024", "S", ls="V2", place="U6"),  # the day after R
        ep("W", "01/06/2024", "S", ls="V2", place="U6", dec="30/09/2024", rec="E4A"),  # ends on R
        # E: ceased 01/12/2024, after R: at R that is not yet known, so E is looked after at R
        ep("E", "01/01/2024", "S", ls="V2", place="U6", dec="01/12/2024", rec="E4A"),
    ]
    ret = make_years(tmp_path, {2024: {"header": hdr, "episodes": y2024},
                                2025: {"header": hdr, "episodes": y2025}})  # fmt: skip
    # when
    sc = compute(ret, date(2024, 9, 30), indicators=["cla", "starts", "ceases", "cla_in_period"])
    # then
    assert sc.period_start == date(2023, 10, 1)
    assert sc.headline("cla").period_start == date(2023, 10, 1)
    # cla: T, Z, V, E = 4 (X ceased 01/08/2024; W ends on R; Q starts after R; Y long gone;
    # E's ceasing on 01/12/2024 is after R)
    assert_count(sc, "cla", 4)
    # starts 01/10/2023-30/09/2024: Z 01/11/2023, E 01/01/2024, W 01/06/2024, V 01/09/2024 = 4
    # (X, Y, T started before the period)
    assert_count(sc, "starts", 4)
    # ceases: X 01/08/2024, W 30/09/2024 = 2 (Y ceased 15/09/2023, before the period; E after R)
    assert_count(sc, "ceases", 2)
    # in the period: T, X, Z, V, W, E = 6
    assert_count(sc, "cla_in_period", 6)
