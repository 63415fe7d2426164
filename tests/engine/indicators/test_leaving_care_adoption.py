"""Leaving care and permanence: reasons for ceasing (denominator ceases), adoptions and the adoption
timings A1 (entry to placed) and A2 (placement order to match), one-year and three-year.

R = 31/03/2025: period 01/04/2024 to 31/03/2025; three-year window 01/04/2022 to 31/03/2025.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from return_builder import R_2025, assert_count, assert_mean, assert_pct, compute, ep, headers, make_years

CEASED_IDS = ["ceases", "ceased_home_pct", "ceased_adopted_pct", "ceased_sgo_pct", "ceased_cao_pct",
              "ceased_independent_pct", "ceased_stayed_18_pct", "adoptions"]  # fmt: skip


@pytest.mark.covers(*CEASED_IDS)
def test_reasons_for_ceasing(tmp_path: Path) -> None:
    # given twelve children who ceased in the period, one reason each (the REC of the child's last
    # ceasing episode in the period)
    def ceased(c: str, rec: str, dec: str = "01/10/2024") -> dict[str, object]:
        return ep(c, "01/01/2023", "S", dec=dec, rec=rec)

    episodes = [
        ceased("C1", "E4B"),  # home
        ceased("C2", "E11"), ceased("C3", "E12"),  # adopted
        ceased("C4", "E45"), ceased("C5", "E43"), ceased("C6", "E48"),  # SGO (E43: before 2012 code)
        ceased("C7", "E41"),  # child arrangements order
        ceased("C8", "E6"),  # independent living
        ceased("C9", "E17"),  # stayed with carers at 18
        ceased("C10", "E13"), ceased("C11", "E8"),  # other reasons
        # C12 went home (E4A) on 01/06/2024, came back 01/08/2024 and left on a CAO (E41) on
        # 01/01/2025: one child ceasing; the reason is the last one, E41 (not home)
        ceased("C12", "E4A", dec="01/06/2024"),
        ep("C12", "01/08/2024", "S", dec="01/01/2025", rec="E41"),
        # X: a change of legal status (X1) in the period is not a ceasing
        ep("X", "01/01/2023", "S", ls="C1", dec="01/10/2024", rec="X1"),
        ep("X", "01/10/2024", "L", ls="C2"),
        # Y: ceases the day after R: not in this period
        ep("Y", "01/01/2023", "S", dec="01/04/2025", rec="E4A"),
    ]  # fmt: skip
    kids = [f"C{i}" for i in range(1, 13)] + ["X", "Y"]
    ret = make_years(tmp_path, {2025: {"header": headers(dict.fromkeys(kids, "01/01/2010")),
                                       "episodes": episodes}})  # fmt: skip
    # when
    sc = compute(ret, R_2025, indicators=CEASED_IDS)
    # then ceases = C1-C12 = 12
    assert_count(sc, "ceases", 12)
    assert_pct(sc, "ceased_home_pct", 1, 12)  # C1 (C12's E4A was not its last ceasing)
    assert_pct(sc, "ceased_adopted_pct", 2, 12)  # C2, C3
    assert_pct(sc, "ceased_sgo_pct", 3, 12)  # C4, C5, C6
    assert_pct(sc, "ceased_cao_pct", 2, 12)  # C7, C12
    assert_pct(sc, "ceased_independent_pct", 1, 12)  # C8
    assert_pct(sc, "ceased_stayed_18_pct", 1, 12)  # C9
    assert_count(sc, "adoptions", 2)  # C2, C3


def ad1(c: str, date_int: str, date_match: str) -> dict[str, object]:
    return {"CHILD": c, "DOB": None, "DATE_INT": date_int, "DATE_MATCH": date_match, "FOSTER_CARE": "0",
            "NB_ADOPTR": 2, "SEX_ADOPTR": "MF", "LS_ADOPTR": "L11"}  # fmt: skip


@pytest.fixture
def adoptions_return(tmp_path: Path):  # type: ignore[no-untyped-def]
    hdr = headers({"P": "01/01/2019", "Q": "01/06/2023", "V": "01/01/2022", "S": "01/01/2020",
                   "T": "01/01/2018"})  # fmt: skip
    years = {
        2021: {
            # P's first period of care (2020-2021): placed for adoption (A4) under a placement order
            # (E1), then went home. Not the final period: its dates must not be used.
            "episodes": [
                ep("P", "01/01/2020", "S", ls="C2", place="U6", dec="01/06/2020", rec="X1"),
                ep("P", "01/06/2020", "L", ls="E1", place="U6", dec="01/10/2020", rec="X1"),
                ep("P", "01/10/2020", "P", ls="E1", place="A4", dec="01/03/2021", rec="E4B"),
            ],
        },
        2022: {
            # T: adopted 31/03/2022, the day before the three-year window
            "episodes": [
                ep("T", "01/01/2019", "S", ls="C2", place="U6", dec="01/01/2020", rec="X1"),
                ep("T", "01/01/2020", "L", ls="E1", place="U6", dec="01/01/2021", rec="X1"),
                ep("T", "01/01/2021", "P", ls="E1", place="A6", dec="31/03/2022", rec="E11"),
            ],
            "ad1": [ad1("T", "01/10/2019", "01/12/2020")],
        },
        2023: {
            # S: adopted 01/06/2022, inside the three-year window (not the one-year period)
            "episodes": [
                ep("S", "01/01/2021", "S", ls="C2", place="U6", dec="01/07/2021", rec="X1"),
                ep("S", "01/07/2021", "L", ls="E1", place="U6", dec="01/12/2021", rec="X1"),
                ep("S", "01/12/2021", "P", ls="E1", place="A6", dec="01/06/2022", rec="E11"),
            ],
            "ad1": [ad1("S", "01/05/2021", "01/11/2021")],
        },
        2024: {
            "header": hdr,
            "episodes": [
                ep("P", "01/02/2023", "S", ls="C2", place="U6", dec="01/08/2023", rec="X1"),
                ep("P", "01/08/2023", "L", ls="E1", place="U6", dec="01/03/2024", rec="X1"),
                ep("P", "01/03/2024", "P", ls="E1", place="A6"),  # open here; closed in 2025's file
                ep("Q", "01/01/2024", "S", ls="C2", place="U6"),
                ep("V", "01/04/2023", "S", ls="V2", place="U6", dec="01/01/2024", rec="X1"),
                ep("V", "01/01/2024", "P", ls="V2", place="A4"),
            ],
        },
        2025: {
            "header": hdr,
            "episodes": [
                ep("P", "01/03/2024", "P", ls="E1", place="A6", dec="01/10/2024", rec="E11"),
                # Q: placement order 01/06/2024; placed with the current carers (T, A5) 01/07/2024
                ep("Q", "01/01/2024", "S", ls="C2", place="U6", dec="01/06/2024", rec="X1"),
                ep("Q", "01/06/2024", "L", ls="E1", place="U6", dec="01/07/2024", rec="X1"),
                ep("Q", "01/07/2024", "T", ls="E1", place="A5", dec="01/03/2025", rec="E12"),
                # V: placed with consent (V2, A4), no placement order (E1/D1) ever
                ep("V", "01/01/2024", "P", ls="V2", place="A4", dec="01/12/2024", rec="E11"),
            ],
            "ad1": [
                ad1("P", "01/06/2023", "15/01/2024"),
                ad1("Q", "01/05/2024", "20/05/2024"),  # matched before the placement order
                ad1("V", "01/09/2023", "01/11/2023"),
            ],
        },
    }
    return make_years(tmp_path, years)


@pytest.mark.covers("adoptions", "adoption_entry_to_placed_days", "adoption_order_to_match_days")
def test_adoption_timings_one_year(adoptions_return) -> None:  # type: ignore[no-untyped-def]
    """Reading: A2's "first episode with LS E1 or D1" is the first in the final period of care, as
    for A1 (P's placement order in its earlier period of care, 2020, is not used)."""
    # when
    sc = compute(adoptions_return, R_2025, indicators=[
        "adoptions", "adoption_entry_to_placed_days", "adoption_order_to_match_days"])  # fmt: skip
    # then adopted in the period: P (01/10/2024), Q (01/03/2025), V (01/12/2024) = 3
    assert_count(sc, "adoptions", 3)
    # A1, from the S episode starting the FINAL period of care to its first A3-A6 episode:
    #   P 01/02/2023 -> 01/03/2024 = 365 + 29 (February 2024) = 394
    #   Q 01/01/2024 -> 01/07/2024 = 31 + 29 + 31 + 30 + 31 + 30 = 182
    #   V 01/04/2023 -> 01/01/2024 = 30+31+30+31+31+30+31+30+31 = 275
    assert_mean(sc, "adoption_entry_to_placed_days", [394, 182, 275])
    # A2, from the first E1/D1 episode to AD1's DATE_MATCH:
    #   P 01/08/2023 -> 15/01/2024 = 31 + 30 + 31 + 30 + 31 + 14 = 167
    #   Q placement order 01/06/2024, matched 20/05/2024 (first): 0
    #   V has no E1/D1: left out
    assert_mean(sc, "adoption_order_to_match_days", [167, 0])


@pytest.mark.covers("adoption_entry_to_placed_days_3yr", "adoption_order_to_match_days_3yr")
def test_adoption_timings_three_years(adoptions_return) -> None:  # type: ignore[no-untyped-def]
    # when
    sc = compute(adoptions_return, R_2025, indicators=[
        "adoption_entry_to_placed_days_3yr", "adoption_order_to_match_days_3yr"])  # fmt: skip
    # then adopted 01/04/2022-31/03/2025: P, Q, V and S (01/06/2022); not T (31/03/2022)
    #   S: A1 01/01/2021 -> 01/12/2021 = 365 - 31 = 334; A2 01/07/2021 -> 01/11/2021 = 31+31+30+31 = 123
    assert_mean(sc, "adoption_entry_to_placed_days_3yr", [394, 182, 275, 334])
    assert_mean(sc, "adoption_order_to_match_days_3yr", [167, 0, 123])


def test_a2_left_out_without_ad1(tmp_path: Path) -> None:
    ret = make_years(tmp_path, {2025: {"episodes": [
        ep("Q", "01/01/2024", "S", ls="E1", place="A5", dec="01/03/2025", rec="E12")]}})  # fmt: skip
    sc = compute(ret, R_2025, indicators=["adoptions", "adoption_order_to_match_days"])
    assert_count(sc, "adoptions", 1)
    assert sc.rows("adoption_order_to_match_days") == []
    assert any(n.startswith("adoption_order_to_match_days: left out") for n in sc.notes)
