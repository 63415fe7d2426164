"""Placements at R and stability: placement groups, distance and location, 3+ placements,
long-term stability, social worker changes.

R = 31/03/2025 (period 01/04/2024 to 31/03/2025) unless said otherwise.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from return_builder import R_2025, assert_count, assert_pct, compute, ep, groups, headers, make_return

PLACEMENT_GROUP_IDS = ["placed_foster_pct", "placed_childrens_home_pct", "placed_independent_pct",
                       "placed_with_parents_pct", "placed_for_adoption_pct"]  # fmt: skip


@pytest.mark.covers(*PLACEMENT_GROUP_IDS)
def test_placement_groups_of_the_open_episode(tmp_path: Path) -> None:
    # given nine children looked after at R; the PLACE of the episode open at R decides the group
    episodes = [
        ep("F1", "01/01/2023", place="U1"),  # foster
        # F2 was in a children's home, then moved to foster carers: the open episode counts.
        ep("F2", "01/01/2023", place="K2", dec="01/06/2024", rec="X1"),
        ep("F2", "01/06/2024", "P", place="U6"),  # foster
        ep("H1", "01/01/2023", place="K1"),  # children's home (secure)
        ep("I1", "01/01/2023", place="H5"),  # independent and supported
        ep("I2", "01/01/2023", place="K3"),  # independent and supported
        ep("W1", "01/01/2023", place="P1"),  # with parents
        ep("A1", "01/01/2023", place="A5", ls="E1"),  # placed for adoption
        ep("R1", "01/01/2023", place="R1"),  # other residential
        # T1 is on a temporary placement at R (T2, holiday): PLACE T2 is in the 'other' group.
        ep("T1", "01/01/2023", place="U4", dec="20/03/2025", rec="X1"),
        ep("T1", "20/03/2025", "P", place="T2"),
        # G1 was in foster care but the episode ended on R: not looked after, not counted.
        ep("G1", "01/01/2023", place="U4", dec="31/03/2025", rec="E4A"),
    ]
    kids = ["F1", "F2", "H1", "I1", "I2", "W1", "A1", "R1", "T1", "G1"]
    ret = make_return(tmp_path, header=headers(dict.fromkeys(kids, "01/01/2012")), episodes=episodes)
    # when
    sc = compute(ret, R_2025, indicators=["cla", *PLACEMENT_GROUP_IDS])
    # then cla = 9 (all but G1); foster F1, F2 = 2; homes H1 = 1; independent I1, I2 = 2;
    # with parents W1 = 1; for adoption A1 = 1; R1 and T1 are in other groups.
    assert_count(sc, "cla", 9)
    assert_pct(sc, "placed_foster_pct", 2, 9)
    assert_pct(sc, "placed_childrens_home_pct", 1, 9)
    assert_pct(sc, "placed_independent_pct", 2, 9)
    assert_pct(sc, "placed_with_parents_pct", 1, 9)
    assert_pct(sc, "placed_for_adoption_pct", 1, 9)
    assert groups(sc, "cla", "placement_group") == {
        "Foster": 2, "Children's homes": 1, "Independent and supported": 2, "With parents": 1,
        "Placed for adoption": 1, "Other residential": 1, "Other": 1,
    }  # fmt: skip


@pytest.mark.covers("placed_outside_la_pct", "placed_over_20_miles_pct")
def test_placed_outside_la_and_over_20_miles(tmp_path: Path) -> None:
    # given the open episode's PL_LOCATION and PL_DISTANCE for six children looked after at R
    episodes = [
        ep("P1", "01/01/2024", PL_LOCATION="OUT", PL_DISTANCE="25.0"),  # outside; > 20
        # P2's earlier placement was 99 miles away; only the open episode counts.
        ep("P2", "01/01/2023", PL_LOCATION="OUT", PL_DISTANCE="99.0", dec="01/06/2024", rec="X1"),
        ep("P2", "01/06/2024", "P", PL_LOCATION="IN", PL_DISTANCE="20.0"),  # inside; exactly 20: not > 20
        ep("P3", "01/01/2024", PL_LOCATION="IN", PL_DISTANCE="20.1"),  # inside; > 20
        ep("P4", "01/01/2024", PL_LOCATION="OUT", PL_DISTANCE="999.9"),  # outside; 999.9 = not known
        ep("P5", "01/01/2024", PL_LOCATION=None, PL_DISTANCE=None),  # both blank: not known, in the total
        ep("P6", "01/01/2024", PL_LOCATION="OUT", PL_DISTANCE="3.2"),  # outside; near
        # P7 ends on R: not looked after at R.
        ep("P7", "01/01/2024", PL_LOCATION="OUT", PL_DISTANCE="50.0", dec="31/03/2025", rec="E4A"),
    ]
    ret = make_return(tmp_path, header=headers({f"P{i}": "01/01/2012" for i in range(1, 8)}),
                      episodes=episodes)  # fmt: skip
    # when
    sc = compute(ret, R_2025, indicators=["cla", "placed_outside_la_pct", "placed_over_20_miles_pct"])
    # then cla = 6; outside: P1, P4, P6 = 3/6; over 20 miles: P1 (25.0), P3 (20.1) = 2/6 -- P4's 999.9
    # and P5's blank are "not known" and stay in the denominator.
    assert_count(sc, "cla", 6)
    assert_pct(sc, "placed_outside_la_pct", 3, 6)
    assert_pct(sc, "placed_over_20_miles_pct", 2, 6)


def test_location_indicators_left_out_without_the_columns(tmp_path: Path) -> None:
    ret = make_return(tmp_path, header=headers({"A": "01/01/2012"}), episodes=[ep("A", "01/01/2024")])
    sc = compute(ret, R_2025, indicators=["placed_outside_la_pct", "placed_over_20_miles_pct"])
    assert any("placed_outside_la_pct: left out" in n and "PL_LOCATION" in n for n in sc.notes)
    assert any("placed_over_20_miles_pct: left out" in n and "PL_DISTANCE" in n for n in sc.notes)


@pytest.mark.covers("placements_3plus_pct")
def test_three_or_more_placements(tmp_path: Path) -> None:
    # given nine children looked after at R (carers named in the comments)
    episodes = [
        # K1: A (current at the period's start, counts), B, C = 3 -> yes
        ep("K1", "01/01/2024", "S", place="U4", dec="01/06/2024", rec="X1"),
        ep("K1", "01/06/2024", "P", place="U6", dec="01/12/2024", rec="X1"),
        ep("K1", "01/12/2024", "P", place="U6"),
        # K2: A ended 01/03/2024, before the period; B, C = 2 -> no
        ep("K2", "01/01/2023", "S", place="U4", dec="01/03/2024", rec="X1"),
        ep("K2", "01/03/2024", "P", place="U6", dec="01/06/2024", rec="X1"),
        ep("K2", "01/06/2024", "P", place="U6"),
        # K3: A ended on 01/04/2024, the period's first day (overlaps), B, C = 3 -> yes
        ep("K3", "01/01/2023", "S", place="U4", dec="01/04/2024", rec="X1"),
        ep("K3", "01/04/2024", "P", place="U6", dec="01/09/2024", rec="X1"),
        ep("K3", "01/09/2024", "P", place="U6"),
        # K4: one carer throughout: T (type change), L (legal status), U (both, same carer) = 1 -> no
        ep("K4", "01/01/2024", "S", ls="C1", place="U6", dec="01/05/2024", rec="X1"),
        ep("K4", "01/05/2024", "T", ls="C1", place="U4", dec="01/08/2024", rec="X1"),
        ep("K4", "01/08/2024", "L", ls="C2", place="U4", dec="01/11/2024", rec="X1"),
        ep("K4", "01/11/2024", "U", ls="E1", place="U5"),
        # K5: P and B change the carer: A, B (P), C (B) = 3 -> yes
        ep("K5", "01/01/2024", "S", ls="C1", place="U6", dec="01/05/2024", rec="X1"),
        ep("K5", "01/05/2024", "P", ls="C1", place="U6", dec="01/09/2024", rec="X1"),
        ep("K5", "01/09/2024", "B", ls="C2", place="U4"),
        # K6: A, a temporary T3 week (not a placement), back to A (the return is not a new
        # placement), then B = 2 -> no. (Counting the T3 would give 4, counting the return 3.)
        ep("K6", "01/01/2024", "S", place="U6", dec="01/05/2024", rec="X1"),
        ep("K6", "01/05/2024", "P", place="T3", dec="08/05/2024", rec="X1"),
        ep("K6", "08/05/2024", "P", place="U6", dec="01/10/2024", rec="X1"),
        ep("K6", "01/10/2024", "P", place="U6"),
        # K7: a break in care: A until 01/06/2024 (E4A); back to the same carer A on 01/08/2024
        # with a new period of care (S); then B. A placement never continues across a break: 3 -> yes
        ep("K7", "01/01/2024", "S", place="U6", dec="01/06/2024", rec="E4A"),
        ep("K7", "01/08/2024", "S", place="U6", dec="01/12/2024", rec="X1"),
        ep("K7", "01/12/2024", "P", place="U6"),
        # K8: A; a T4 spanning the period's start (25/03-05/04/2024); back to A; then B. A's first
        # episode ended before the period but A goes on in the return episode: A, B = 2 -> no
        ep("K8", "01/01/2024", "S", place="U6", dec="25/03/2024", rec="X1"),
        ep("K8", "25/03/2024", "P", place="T4", dec="05/04/2024", rec="X1"),
        ep("K8", "05/04/2024", "P", place="U6", dec="01/10/2024", rec="X1"),
        ep("K8", "01/10/2024", "P", place="U6"),
        # K9: care begins on a temporary placement (T4); the next episode is the first real carer
        # A (there is no previous carer to return to), then B, C = 3 -> yes
        ep("K9", "01/06/2024", "S", place="T4", dec="05/06/2024", rec="X1"),
        ep("K9", "05/06/2024", "P", place="U6", dec="01/10/2024", rec="X1"),
        ep("K9", "01/10/2024", "P", place="U6", dec="01/01/2025", rec="X1"),
        ep("K9", "01/01/2025", "P", place="U4"),
    ]
    kids = [f"K{i}" for i in range(1, 10)]
    ret = make_return(tmp_path, header=headers(dict.fromkeys(kids, "01/01/2012")), episodes=episodes)
    # when
    sc = compute(ret, R_2025, indicators=["cla", "placements_3plus_pct"])
    # then of 9 children looked after at R, K1, K3, K5, K7, K9 = 5 had 3 or more placements
    assert_count(sc, "cla", 9)
    assert_pct(sc, "placements_3plus_pct", 5, 9)


@pytest.mark.covers("long_term_stability_pct")
def test_long_term_stability(tmp_path: Path) -> None:
    """R = 31/03/2025: eligible if under 16 at R and in care since 30/09/2022 (R minus 2 years 6
    months; 31 September does not exist, so the month's last day) or earlier; stable if the current
    placement began on or before 31/03/2023 (R minus 2 years).

    Reading: a child on a temporary placement (T0-T4) at R is still in the placement before it,
    since temporary episodes are not placements.
    """
    dobs = {
        "T1": "01/01/2012", "T2": "01/01/2012", "T3": "01/01/2012", "T4": "01/01/2012",
        "T5": "31/03/2009",  # 16th birthday on R: aged 16, not under 16 -> not eligible
        "T6": "01/04/2009",  # 16 tomorrow: aged 15 at R -> eligible
        "T7": "01/01/2014", "T8": "01/01/2014", "T9": "01/01/2014",
    }  # fmt: skip
    episodes = [
        ep("T1", "01/01/2020", "S"),  # eligible, stable
        # T2: in care from exactly 30/09/2022 (eligible); moved on exactly 31/03/2023 (stable)
        ep("T2", "30/09/2022", "S", place="U6", dec="31/03/2023", rec="X1"),
        ep("T2", "31/03/2023", "P", place="U4"),
        ep("T3", "01/10/2022", "S"),  # in care one day too short: not eligible
        # T4: eligible; moved on 01/04/2023, a day too late: not stable
        ep("T4", "01/01/2020", "S", place="U6", dec="01/04/2023", rec="X1"),
        ep("T4", "01/04/2023", "P", place="U4"),
        ep("T5", "01/01/2015", "S"),  # not eligible (aged 16)
        ep("T6", "01/01/2015", "S"),  # eligible, stable
        # T7: same carer, placement type change (T) and legal status change (L): placement from
        # 01/01/2020 -> eligible, stable
        ep("T7", "01/01/2020", "S", ls="C1", place="U6", dec="01/01/2024", rec="X1"),
        ep("T7", "01/01/2024", "T", ls="C1", place="U4", dec="01/06/2024", rec="X1"),
        ep("T7", "01/06/2024", "L", ls="C2", place="U4"),
        # T8: on holiday (T2) at R; the placement is still the one from 01/01/2020 -> stable
        ep("T8", "01/01/2020", "S", place="U4", dec="20/03/2025", rec="X1"),
        ep("T8", "20/03/2025", "P", place="T2"),
        # T9: the data does not reach back to an S episode; the earliest DECOM supplied
        # (01/01/2021) is the start of care and of the placement -> eligible, stable
        ep("T9", "01/01/2021", "P", place="U4"),
    ]
    ret = make_return(tmp_path, header=headers(dobs), episodes=episodes)
    # when
    sc = compute(ret, R_2025, indicators=["long_term_stability_pct"])
    # then eligible: T1, T2, T4, T6, T7, T8, T9 = 7; stable: all of those but T4 = 6
    assert_pct(sc, "long_term_stability_pct", 6, 7)


@pytest.mark.covers("long_term_stability_pct")
def test_long_term_stability_on_29_february(tmp_path: Path) -> None:
    """R = 29/02/2024, a leap day. A child born 29/02/2008 has their 16th birthday on R.

    Cut-offs (reading: the same day so many years and months earlier, or that month's last day when
    the day does not exist): R minus 2 years 6 months = 29/08/2021; R minus 2 years = 28/02/2022.
    """
    dobs = {"Z1": "29/02/2008", "Z2": "01/03/2008", "Z3": "29/02/2012", "Z4": "29/02/2012"}
    episodes = [
        ep("Z1", "01/01/2015", "S"),  # 16 on R (its birthday): not eligible
        ep("Z2", "01/01/2015", "S"),  # 15 (16 tomorrow): eligible, stable
        # Z3: aged 12, in care since 29/08/2021 exactly; moved on 28/02/2022 exactly: stable
        ep("Z3", "29/08/2021", "S", place="U6", dec="28/02/2022", rec="X1"),
        ep("Z3", "28/02/2022", "P", place="U4"),
        # Z4: in care since 2020; moved on 01/03/2022, a day after the cut-off: not stable
        ep("Z4", "01/01/2020", "S", place="U6", dec="01/03/2022", rec="X1"),
        ep("Z4", "01/03/2022", "P", place="U4"),
    ]
    ret = make_return(tmp_path, year=2024, header=headers(dobs), episodes=episodes)
    # when
    sc = compute(ret, date(2024, 2, 29), indicators=["long_term_stability_pct"])
    # then eligible Z2, Z3, Z4 = 3; stable Z2, Z3 = 2
    assert_pct(sc, "long_term_stability_pct", 2, 3)


@pytest.mark.covers("sw_changes_3plus_pct")
def test_three_or_more_social_workers(tmp_path: Path) -> None:
    # given six children looked after at R and their social worker episodes
    def sw(c: str, sw_id: str, start: str, end: str | None = None) -> dict[str, str | None]:
        return {"CHILD": c, "SW_ID": sw_id, "SW_DECOM": start, "SW_DEC": end, "SW_REASON": "OTHER"}

    sw_episodes = [
        # W1: A (current at the period's start), B, C = 3 -> yes
        sw("W1", "A", "01/01/2024", "01/05/2024"), sw("W1", "B", "01/05/2024", "01/09/2024"),
        sw("W1", "C", "01/09/2024"),
        # W2: A ended 31/03/2024, before the period; B, C = 2 -> no
        sw("W2", "A", "01/01/2023", "31/03/2024"), sw("W2", "B", "01/04/2024", "01/10/2024"),
        sw("W2", "C", "01/10/2024"),
        # W3: A, B, then A again: 2 distinct social workers -> no
        sw("W3", "A", "01/01/2024", "01/06/2024"), sw("W3", "B", "01/06/2024", "01/11/2024"),
        sw("W3", "A", "01/11/2024"),
        # W4: C starts 01/04/2025, after R: A, B = 2 -> no
        sw("W4", "A", "01/01/2024", "01/07/2024"), sw("W4", "B", "01/07/2024", "01/04/2025"),
        sw("W4", "C", "01/04/2025"),
        # W5: no social worker episodes: 0 -> no, still in the denominator
        # W6: A ended on 01/04/2024 (the first day: overlaps), B, C = 3 -> yes
        sw("W6", "A", "01/01/2024", "01/04/2024"), sw("W6", "B", "01/04/2024", "01/01/2025"),
        sw("W6", "C", "01/01/2025"),
    ]  # fmt: skip
    kids = [f"W{i}" for i in range(1, 7)]
    ret = make_return(tmp_path, header=headers(dict.fromkeys(kids, "01/01/2012")),
                      episodes=[ep(k, "01/01/2023") for k in kids], sw_episodes=sw_episodes)  # fmt: skip
    # when
    sc = compute(ret, R_2025, indicators=["sw_changes_3plus_pct"])
    # then W1, W6 = 2 of 6
    assert_pct(sc, "sw_changes_3plus_pct", 2, 6)


def test_sw_changes_left_out_without_sw_episodes(tmp_path: Path) -> None:
    ret = make_return(tmp_path, header=headers({"A": "01/01/2012"}), episodes=[ep("A", "01/01/2024")])
    sc = compute(ret, R_2025, indicators=["sw_changes_3plus_pct"])
    assert sc.rows("sw_changes_3plus_pct") == []
    assert any(n.startswith("sw_changes_3plus_pct: left out") for n in sc.notes)
