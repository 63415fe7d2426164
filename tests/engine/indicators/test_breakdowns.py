"""Breakdowns and intervals: the profile of children looked after at R, sex codes old and new,
ages on birthdays, groups summing to the headline, and 95% intervals bracketing every value.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from return_builder import (
    R_2025,
    Return,
    assert_count,
    child,
    compute,
    ep,
    groups,
    headers,
    make_return,
    make_years,
)

from corparent.engine.indicators.catalogue import builtin_catalogue
from corparent.engine.indicators.result import Unit


@pytest.mark.covers("cla")
def test_sex_1_2_and_m_f_u_map_to_the_same_groups(tmp_path: Path) -> None:
    # given Header rows in 2024's file coded 1/2 and in 2025's coded M/F/U; S6 is in both (2025's
    # row, M, wins over 2024's 2); S7 has no Header row
    h2024 = [child("S1", "01/01/2012", sex="1"), child("S2", "01/01/2012", sex="2"),
             child("S6", "01/01/2012", sex="2")]  # fmt: skip
    h2025 = [child("S3", "01/01/2012", sex="M"), child("S4", "01/01/2012", sex="F"),
             child("S5", "01/01/2012", sex="U"), child("S6", "01/01/2012", sex="M")]  # fmt: skip
    episodes = [ep(f"S{i}", "01/01/2023") for i in range(1, 8)]
    ret = make_years(tmp_path, {2024: {"header": h2024}, 2025: {"header": h2025, "episodes": episodes}})
    # when
    sc = compute(ret, R_2025, indicators=["cla"])
    # then Male: S1 (1), S3 (M), S6 (M, latest year) = 3; Female: S2 (2), S4 (F) = 2;
    # U: S5 = 1; not in Header: S7 = 1. The groups add up to cla = 7.
    assert_count(sc, "cla", 7)
    assert groups(sc, "cla", "sex") == {
        "Male": 3, "Female": 2, "Indeterminate or unknown": 1, "Not recorded": 1,
    }  # fmt: skip


@pytest.mark.covers("cla")
def test_age_bands_on_birthdays(tmp_path: Path) -> None:
    # given ages at R = 31/03/2025 (a birthday on R counts: the child is a year older that day)
    dobs = {
        "B0": "01/04/2024",  # 0 (1 tomorrow): Under 1
        "B1": "31/03/2024",  # 1 on R: 1 to 4
        "B3": "01/01/2022",  # 3: 1 to 4
        "B4": "01/04/2020",  # 4 (5 tomorrow): 1 to 4
        "B5": "31/03/2020",  # 5 on R: 5 to 9
        "B9": "01/04/2015",  # 9: 5 to 9
        "B10": "31/03/2015",  # 10 on R: 10 to 15
        "B13": "01/06/2011",  # 13: 10 to 15
        "B15": "01/04/2009",  # 15: 10 to 15
        "B16": "31/03/2009",  # 16 on R: 16 and over
        "B17": "01/01/2008",  # 17: 16 and over
    }
    ret = make_return(tmp_path, header=headers(dobs), episodes=[ep(c, "01/04/2024") for c in dobs])
    # when
    sc = compute(ret, R_2025, indicators=["cla"])
    # then
    assert groups(sc, "cla", "age_band") == {
        "Under 1": 1, "1 to 4": 3, "5 to 9": 2, "10 to 15": 3, "16 and over": 2,
    }  # fmt: skip


@pytest.mark.covers("cla")
def test_age_band_of_a_29_february_birthday(tmp_path: Path) -> None:
    """R = 28/02/2025 (not a leap year): someone born on 29 February is a year older on 1 March."""
    dobs = {"L0": "29/02/2024", "L4": "29/02/2020", "L5": "28/02/2020"}
    ret = make_return(tmp_path, header=headers(dobs), episodes=[ep(c, "01/04/2024") for c in dobs])
    sc = compute(ret, date(2025, 2, 28), indicators=["cla"])
    # L0 is 0 (1 on 01/03/2025), L4 is 4 (5 on 01/03/2025), L5 is 5 (birthday on R)
    assert groups(sc, "cla", "age_band") == {"Under 1": 1, "1 to 4": 1, "5 to 9": 1}


@pytest.mark.covers("cla", "uasc")
def test_profile_groups(tmp_path: Path) -> None:
    # given ten children looked after at R: ethnicity, legal status, need (CIN) and UASC
    hdr = [
        child("E1", "01/01/2012", ethnic="WBRI"), child("E2", "01/01/2012", ethnic="WIRT"),
        child("E3", "01/01/2012", ethnic="MWAS"), child("E4", "01/01/2012", ethnic="CHNE"),
        child("E5", "01/01/2012", ethnic="ABAN"), child("E6", "01/01/2012", ethnic="BCRB"),
        child("E7", "01/01/2012", ethnic="OOTH"), child("E8", "01/01/2012", ethnic="REFU"),
        child("E9", "01/01/2012", ethnic="NOBT"),
        # E10 has no Header row
    ]  # fmt: skip
    episodes = [
        ep("E1", "01/01/2023", ls="C1", cin="N1"), ep("E2", "01/01/2023", ls="C2", cin="N1"),
        ep("E3", "01/01/2023", ls="E1", cin="N2"), ep("E4", "01/01/2023", ls="D1", cin="N3"),
        ep("E5", "01/01/2023", ls="V2", cin="N4"), ep("E6", "01/01/2023", ls="L1", cin="N5"),
        ep("E7", "01/01/2023", ls="J1", cin="N6"), ep("E8", "01/01/2023", ls="J3", cin="N7"),
        ep("E9", "01/01/2023", ls="L3", cin="N8"),
        # E10's legal status changed: the open episode's LS (C2) and CIN (N8) count
        ep("E10", "01/01/2023", ls="V2", cin="N4", dec="01/06/2024", rec="X1"),
        ep("E10", "01/06/2024", "L", ls="C2", cin="N8"),
    ]  # fmt: skip
    uasc = [{"CHILD": "E4", "SEX": "M", "DOB": "01/01/2012", "DUC": None},
            {"CHILD": "E5", "SEX": "M", "DOB": "01/01/2012", "DUC": "01/01/2025"}]  # fmt: skip
    ret = make_return(tmp_path, header=hdr, episodes=episodes, uasc=uasc)
    # when
    sc = compute(ret, R_2025, indicators=["cla", "uasc"])
    # then
    assert_count(sc, "cla", 10)
    assert groups(sc, "cla", "ethnicity_group") == {
        "White": 2, "Mixed": 1, "Asian": 2, "Black": 1, "Other": 1, "Refused or not obtained": 2,
        "Not recorded": 1,
    }  # fmt: skip
    assert groups(sc, "cla", "legal_status_group") == {
        "Interim care order": 1, "Care order": 2, "Placement order": 2, "Section 20": 1,
        "Detained for child protection": 2, "Youth justice": 2,
    }  # fmt: skip
    assert groups(sc, "cla", "category_of_need") == {
        "N1 Abuse or neglect": 2, "N2 Child's disability": 1, "N3 Parental illness or disability": 1,
        "N4 Family in acute stress": 1, "N5 Family dysfunction": 1,
        "N6 Socially unacceptable behaviour": 1, "N7 Low income": 1, "N8 Absent parenting": 2,
    }  # fmt: skip
    # UASC at R: E4 only (E5's status ceased 01/01/2025)
    assert groups(sc, "cla", "uasc") == {"UASC": 1, "Not UASC": 9}
    assert_count(sc, "uasc", 1)
    # the not-recorded child is in every breakdown, so each adds up to the headline
    for breakdown in ("age_band", "sex", "ethnicity_group", "legal_status_group", "placement_group",
                      "category_of_need", "uasc"):  # fmt: skip
        assert sum(groups(sc, "cla", breakdown).values()) == 10, breakdown


# ---------------------------------------------------------------- every indicator, every breakdown


def _rich_return(tmp_path: Path) -> Return:
    """A small return with every table, so that every indicator has a figure and a breakdown."""
    dobs = {"R1": "15/06/2024", "R2": "01/04/2021", "R3": "31/03/2020", "R4": "01/01/2016",
            "R5": "31/03/2015", "R6": "01/04/2009", "R7": "31/03/2009", "R8": "01/01/2008",
            "R10": "01/01/2021", "R11": "01/01/2014", "R12": "01/01/2015", "R13": "01/06/2022"}  # fmt: skip
    hdr = [child(c, dob, sex="MF"[i % 2], ethnic=["WBRI", "MWBC", "AIND", "BCRB", "CHNE"][i % 5])
           for i, (c, dob) in enumerate(dobs.items())]  # fmt: skip
    loc = {"PL_LOCATION": "OUT", "PL_DISTANCE": "25.0"}
    episodes = [
        ep("R1", "01/07/2024", "S", ls="V2", place="U6", PL_LOCATION="IN", PL_DISTANCE="2.0"),
        ep("R2", "01/01/2022", "S", place="U4", PL_LOCATION="IN", PL_DISTANCE="999.9"),
        ep("R3", "01/01/2023", "S", ls="C1", place="U6", dec="01/05/2024", rec="X1", **loc),
        ep("R3", "01/05/2024", "P", ls="C1", place="U4", dec="01/09/2024", rec="X1", **loc),
        ep("R3", "01/09/2024", "B", ls="C2", place="K2", **loc),
        ep("R4", "01/01/2020", "S", ls="E1", place="A5", PL_LOCATION="IN", PL_DISTANCE="5.0"),
        ep("R5", "01/01/2020", "S", place="U6", dec="01/08/2024", rec="X1", **loc),
        ep("R5", "01/08/2024", "P", place="U4", **loc),
        ep("R6", "01/01/2018", "S", place="K2", PL_LOCATION="IN", PL_DISTANCE=None),
        ep("R7", "01/06/2024", "S", ls="V2", place="H5", **loc),
        ep("R8", "01/01/2019", "S", ls="J1", place="R5", **loc),
        ep("R9", "01/01/2021", "S", ls="V2", place="P1", PL_LOCATION="IN", PL_DISTANCE="1.0"),
        ep("R10", "01/01/2023", "S", place="U6", dec="01/06/2023", rec="X1"),
        ep("R10", "01/06/2023", "L", ls="E1", place="U6", dec="01/01/2024", rec="X1"),
        ep("R10", "01/01/2024", "P", ls="E1", place="A6", dec="01/02/2025", rec="E11"),
        ep("R11", "01/01/2022", "S", place="U4", dec="01/09/2024", rec="E4A"),
        ep("R12", "01/06/2024", "S", ls="V3", place="K2", dec="03/06/2024", rec="E13"),
        ep("R13", "01/03/2023", "S", place="U6", dec="01/10/2023", rec="X1"),
        ep("R13", "01/10/2023", "P", ls="E1", place="A4", dec="01/12/2024", rec="E12"),
    ]
    oc2 = [
        {"CHILD": c, "HEALTH_ASSESSMENT": ha, "IMMUNISATIONS": "1", "TEETH_CHECK": ha,
         "HEALTH_CHECK": "1" if c == "R2" else None, "SDQ_SCORE": sdq, "CONVICTED": conv,
         "SUBSTANCE_MISUSE": "0"}
        for c, ha, sdq, conv in [
            ("R2", "1", None, "0"), ("R4", "1", 12, "0"), ("R5", "0", 18, "1"),
            ("R6", "1", 15, "0"), ("R8", "1", 21, "1"), ("R9", "0", None, "0"),
        ]
    ]  # fmt: skip
    oc3 = [
        {"CHILD": c, "DOB": dob, "IN_TOUCH": t, "ACTIV": a, "ACCOM": acc}
        for c, dob, t, a, acc in [
            ("Y1", "01/01/2007", "YES", "F2", "D1"), ("Y2", "01/06/2007", "NO", "G5", "S2"),
            ("Y3", "01/01/2005", "YES", "F4", "U1"), ("Y4", "01/06/2004", "YES", "G4", "X2"),
            ("Y5", "01/01/2004", "REFU", "0", "0"),
        ]
    ]  # fmt: skip
    reviews = [
        {"CHILD": c, "DOB": dobs.get(c), "REVIEW": when, "REVIEW_CODE": code}
        for c, when, code in [
            ("R1", "29/07/2024", "PN0"), ("R1", "29/10/2024", "PN0"), ("R3", "01/06/2024", "PN1"),
            ("R3", "01/12/2024", "PN7"), ("R5", "01/05/2024", "PN2"), ("R5", "01/11/2024", "PN3"),
            ("R7", "28/06/2024", "PN7"), ("R7", "27/09/2024", "PN1"),
        ]
    ]  # fmt: skip
    missing = [
        {"CHILD": c, "DOB": dobs[c], "MISSING": k, "MIS_START": s, "MIS_END": e}
        for c, k, s, e in [
            ("R6", "M", "01/05/2024", "02/05/2024"), ("R6", "M", "01/07/2024", None),
            ("R7", "M", "01/08/2024", "03/08/2024"), ("R8", "A", "01/09/2024", "01/09/2024"),
            ("R11", "M", "01/06/2024", "02/06/2024"),
        ]
    ]  # fmt: skip
    sw = [
        {"CHILD": c, "SW_ID": s, "SW_DECOM": a, "SW_DEC": b, "SW_REASON": "OTHER"}
        for c, s, a, b in [
            ("R3", "A", "01/01/2023", "01/06/2024"), ("R3", "B", "01/06/2024", "01/10/2024"),
            ("R3", "C", "01/10/2024", None), ("R5", "A", "01/01/2020", None),
        ]
    ]  # fmt: skip
    ad1 = [
        {"CHILD": "R10", "DATE_INT": "01/05/2023", "DATE_MATCH": "01/11/2023", "NB_ADOPTR": 2},
        {"CHILD": "R13", "DATE_INT": "01/07/2023", "DATE_MATCH": "01/09/2023", "NB_ADOPTR": 2},
    ]
    uasc = [{"CHILD": "R7", "SEX": "M", "DOB": dobs["R7"], "DUC": None}]
    return make_return(tmp_path, header=hdr, episodes=episodes, oc2=oc2, oc3=oc3, reviews=reviews,
                       missing=missing, sw_episodes=sw, ad1=ad1, uasc=uasc)  # fmt: skip


@pytest.fixture(scope="module")
def rich(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return compute(_rich_return(tmp_path_factory.mktemp("rich")), R_2025, population=5_000)


def test_every_indicator_has_a_headline(rich) -> None:  # type: ignore[no-untyped-def]
    assert rich.notes == []
    for ind in builtin_catalogue():
        rich.headline(ind.id)


def test_breakdown_groups_add_up_to_the_headline(rich) -> None:  # type: ignore[no-untyped-def]
    for ind in builtin_catalogue():
        head = rich.headline(ind.id)
        for breakdown in ind.breakdowns:
            rows = rich.rows(ind.id, breakdown)
            assert rows, (ind.id, breakdown)
            assert len({r.group for r in rows}) == len(rows), (ind.id, breakdown)
            assert sum(r.numerator or 0 for r in rows) == pytest.approx(head.numerator), (ind.id, breakdown)
            if ind.unit is not Unit.COUNT:
                den = sum(r.denominator or 0 for r in rows)
                assert den == pytest.approx(head.denominator), (ind.id, breakdown)


def test_intervals_bracket_every_value(rich) -> None:  # type: ignore[no-untyped-def]
    checked = 0
    for r in rich.results:
        if r.unit is Unit.COUNT:
            assert (r.lower, r.upper) == (None, None), r.indicator
            continue
        if r.value is None:
            continue
        if r.unit in (Unit.MEAN, Unit.DAYS) and (r.denominator or 0) < 2:
            continue  # a t interval needs two values
        assert r.lower is not None and r.upper is not None, (r.indicator, r.breakdown, r.group)
        assert r.lower <= r.value <= r.upper, (r.indicator, r.breakdown, r.group)
        if r.unit is Unit.PERCENT:
            assert r.lower >= 0 and r.upper <= 100, r.indicator
        checked += 1
    assert checked > 100
