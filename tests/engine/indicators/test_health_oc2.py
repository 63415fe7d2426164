"""Health and outcomes (OC2): the cohort and its nine measures.

Cohort: an OC2 row, looked after at R, current period of care began on or before the period's first
day, no short-break episode in the period. Ages at R. R = 31/03/2025, period from 01/04/2024.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from return_builder import (
    R_2025,
    assert_count,
    assert_mean,
    assert_pct,
    compute,
    ep,
    headers,
    make_return,
    make_years,
)

OC2_IDS = [
    "oc2_cohort", "health_assessment_pct", "immunisations_pct", "dental_check_pct",
    "development_check_pct", "sdq_completion_pct", "sdq_average", "sdq_concern_pct", "convicted_pct",
    "substance_misuse_pct",
]  # fmt: skip


def oc2(c: str, ha: str, imm: str, teeth: str, hc: str | None, sdq: int | None, conv: str,
        subst: str) -> dict[str, object]:  # fmt: skip
    return {
        "CHILD": c, "DOB": None, "HEALTH_ASSESSMENT": ha, "IMMUNISATIONS": imm, "TEETH_CHECK": teeth,
        "HEALTH_CHECK": hc, "SDQ_SCORE": sdq, "SDQ_REASON": None if sdq is not None else "SDQ4",
        "CONVICTED": conv, "SUBSTANCE_MISUSE": subst, "INTERVENTION_RECEIVED": "0",
        "INTERVENTION_OFFERED": "0",
    }  # fmt: skip


ALL_YES = {"ha": "1", "imm": "1", "teeth": "1", "hc": "1", "sdq": 30, "conv": "1", "subst": "1"}


@pytest.mark.covers(*OC2_IDS)
def test_oc2_cohort_and_measures(tmp_path: Path) -> None:
    # given (ages at R = 31/03/2025)
    dobs = {
        "O1": "01/05/2021",  # 3
        "O2": "31/03/2020",  # 5: fifth birthday on R
        "O3": "01/01/2013",
        "O4": "01/01/2013",
        "O5": "01/01/2013",
        "O6": "01/01/2015",  # 10
        "O7": "01/04/2008",  # 16 (17 tomorrow)
        "O8": "31/03/2008",  # 17: seventeenth birthday on R
        "O9": "01/04/2020",  # 4 (5 tomorrow)
        "O10": "01/04/2015",  # 9 (10 tomorrow)
        "O11": "01/01/2013",
        "O12": "01/01/2013",  # 12
        "O13": "01/01/2013",
    }
    episodes = [
        ep("O1", "01/06/2021", "S"),
        ep("O2", "01/04/2024", "S"),  # began ON the period's first day: in the cohort
        ep("O3", "02/04/2024", "S"),  # began a day later: not looked after all year -> out
        # O4: on an agreed series of short breaks (V3), then full care, joined by X1: the period of
        # care began 01/01/2024 but there was a short-break episode in the period -> out
        ep("O4", "01/01/2024", "S", ls="V3", place="K2", dec="01/05/2024", rec="X1"),
        ep("O4", "01/05/2024", "L", ls="C2", place="U4"),
        ep("O5", "01/01/2020", "S", dec="15/03/2025", rec="E4A"),  # not looked after at R -> out
        ep("O6", "01/01/2020", "S"),
        ep("O7", "01/01/2020", "S"),
        ep("O8", "01/01/2020", "S"),
        ep("O9", "01/06/2021", "S"),
        ep("O10", "01/01/2020", "S"),
        ep("O11", "01/01/2020", "S"),  # looked after all year but no OC2 row -> out
        # O12: period of care of two episodes joined by X1, begun 01/01/2024 -> in
        ep("O12", "01/01/2024", "S", ls="C1", dec="01/06/2024", rec="X1"),
        ep("O12", "01/06/2024", "L", ls="C2"),
        # O13: left care in the period and came back: the current period began 01/07/2024 -> out
        ep("O13", "01/01/2020", "S", dec="01/06/2024", rec="E4A"),
        ep("O13", "01/07/2024", "S"),
    ]
    rows = [
        #   child  HA   IMM  TEETH HC    SDQ   CONV SUBST
        oc2("O1", "1", "1", "0", "1", None, "0", "0"),
        oc2("O2", "1", "0", "1", "0", 17, "0", "0"),
        oc2("O6", "0", "1", "1", None, 20, "1", "0"),
        oc2("O7", "1", "1", "1", None, 12, "0", "1"),
        oc2("O8", "1", "0", "0", None, 17, "1", "1"),
        oc2("O9", "1", "1", "0", "0", None, "0", "0"),
        oc2("O10", "0", "0", "0", None, None, "0", "0"),
        oc2("O12", "1", "1", "1", None, 8, "0", "0"),
        # excluded children, every answer "yes" so that counting them would show
        *(oc2(c, **ALL_YES) for c in ("O3", "O4", "O5", "O13")),
    ]
    ret = make_return(tmp_path, header=headers(dobs), episodes=episodes, oc2=rows)
    # when
    sc = compute(ret, R_2025, indicators=OC2_IDS)
    # then the cohort is O1, O2, O6, O7, O8, O9, O10, O12 = 8
    assert_count(sc, "oc2_cohort", 8)
    assert_pct(sc, "health_assessment_pct", 6, 8)  # O1, O2, O7, O8, O9, O12
    assert_pct(sc, "immunisations_pct", 5, 8)  # O1, O6, O7, O9, O12
    assert_pct(sc, "dental_check_pct", 4, 8)  # O2, O6, O7, O12
    # aged 0-4: O1 (3), O9 (4); development check: O1 -> 1/2 (O2 is 5 on R: not in this one)
    assert_pct(sc, "development_check_pct", 1, 2)
    # aged 5-16: O2 (5), O6 (10), O7 (16), O10 (9), O12 (12); with a score: O2, O6, O7, O12 -> 4/5
    # (O8 is 17 on R: not 5-16, though it has a score)
    assert_pct(sc, "sdq_completion_pct", 4, 5)
    # mean of 17, 20, 12, 8 = 57 / 4 = 14.25
    assert_mean(sc, "sdq_average", [17, 20, 12, 8])
    # 17 or more: O2 (17, the boundary), O6 (20) -> 2/4
    assert_pct(sc, "sdq_concern_pct", 2, 4)
    # aged 10-17: O6 (10), O7 (16), O8 (17), O12 (12); convicted O6, O8 -> 2/4 (O10 is 9)
    assert_pct(sc, "convicted_pct", 2, 4)
    assert_pct(sc, "substance_misuse_pct", 2, 8)  # O7, O8


@pytest.mark.covers("oc2_cohort", "health_assessment_pct")
def test_oc2_for_a_reference_date_not_31_march(tmp_path: Path) -> None:
    """R = 30/09/2024: OC2 is annual, so the year ending 31/03/2024 is used (its OC2 rows, the
    cohort looked after at 31/03/2024 since 01/04/2023), and the Scorecard notes say so."""
    hdr = headers({"T": "01/01/2012", "U": "01/01/2012", "Z": "01/01/2012"})
    ret = make_years(
        tmp_path,
        {
            2024: {
                "header": hdr,
                "episodes": [ep("T", "01/01/2022"), ep("U", "01/01/2022"), ep("Z", "01/11/2023")],
                # T and U were looked after all year to 31/03/2024; Z only since 01/11/2023
                "oc2": [oc2("T", "1", "1", "1", None, 10, "0", "0"),
                        oc2("U", "0", "1", "1", None, 10, "0", "0"),
                        oc2("Z", "0", "1", "1", None, 10, "0", "0")],
            },
            2025: {
                "header": hdr,
                # U left care on 01/08/2024, before R; still in the 31/03/2024 cohort
                "episodes": [ep("T", "01/01/2022"), ep("U", "01/01/2022", dec="01/08/2024", rec="E4A"),
                             ep("Z", "01/11/2023")],
                # 2025's answers must not be used for R = 30/09/2024
                "oc2": [oc2("T", "0", "1", "1", None, 10, "0", "0"),
                        oc2("Z", "1", "1", "1", None, 10, "0", "0")],
            },
        },
    )  # fmt: skip
    # when
    sc = compute(ret, date(2024, 9, 30), indicators=["cla", "oc2_cohort", "health_assessment_pct"])
    # then cohort T, U = 2; health assessment (2024's rows): T = 1 of 2
    assert_count(sc, "oc2_cohort", 2)
    assert_pct(sc, "health_assessment_pct", 1, 2)
    r = sc.headline("health_assessment_pct")
    assert (r.period_start, r.period_end) == (date(2023, 4, 1), date(2024, 3, 31))
    # cla itself is at R = 30/09/2024: T and Z (U left on 01/08/2024)
    assert_count(sc, "cla", 2)
    assert sc.headline("cla").period_end == date(2024, 9, 30)
    assert any("OC2 and OC3 are annual" in n and "2024-03-31" in n for n in sc.notes)


def test_no_note_about_annual_tables_when_r_is_31_march(tmp_path: Path) -> None:
    ret = make_return(tmp_path, header=headers({"T": "01/01/2012"}), episodes=[ep("T", "01/01/2022")],
                      oc2=[oc2("T", "1", "1", "1", None, 10, "0", "0")])  # fmt: skip
    sc = compute(ret, R_2025, indicators=["oc2_cohort"])
    assert_count(sc, "oc2_cohort", 1)
    assert not any("annual" in n for n in sc.notes)
