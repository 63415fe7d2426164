"""Care leavers (OC3): cohort aged 17-21 at R, without IN_TOUCH DIED or RHOM; 'not known' stays in.

EET = ACTIV F1, P1, F2, P2, F4, P4, F5, P5; NEET = G4, G5, G6; suitable = ACCOM ending in 1.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from return_builder import R_2025, assert_count, assert_pct, compute, ep, headers, make_return, make_years

OC3_IDS = [
    "cl_cohort", "cl_in_touch_pct", "cl_17_18_eet_pct", "cl_19_21_eet_pct", "cl_19_21_neet_pct",
    "cl_17_18_suitable_accom_pct", "cl_19_21_suitable_accom_pct",
]  # fmt: skip


def oc3(c: str, dob: str, in_touch: str, activ: str, accom: str) -> dict[str, str]:
    return {"CHILD": c, "DOB": dob, "IN_TOUCH": in_touch, "ACTIV": activ, "ACCOM": accom}


@pytest.mark.covers(*OC3_IDS)
def test_care_leavers(tmp_path: Path) -> None:
    # given OC3 rows (ages at R = 31/03/2025); the young people are not in Header, so the DOB of
    # the OC3 row is used
    rows = [
        oc3("L1", "01/04/2008", "YES", "F2", "D1"),  # 16 (17 tomorrow): out
        oc3("L2", "31/03/2008", "YES", "F2", "D1"),  # 17 on R: 17-18; EET; suitable; in touch
        oc3("L3", "01/04/2006", "NO", "G5", "S2"),  # 18 (19 tomorrow): 17-18; NEET; not suitable
        oc3("L4", "31/03/2006", "YES", "F4", "U1"),  # 19 on R: 19-21; EET; suitable; in touch
        oc3("L5", "01/04/2003", "REFU", "0", "0"),  # 21 (22 tomorrow): 19-21; not known: stays in
        oc3("L6", "31/03/2003", "YES", "F1", "U1"),  # 22 on R: out
        oc3("L7", "01/01/2005", "DIED", "0", "0"),  # 20, died: out
        oc3("L8", "01/01/2005", "RHOM", "F1", "B1"),  # 20, returned home: out
        oc3("L9", "01/01/2004", "YES", "G6", "X2"),  # 21: 19-21; NEET; not suitable; in touch
        oc3("L10", "01/01/2007", "NREQ", "P4", "Z2"),  # 18: 17-18; EET; not suitable
        oc3("L11", "01/06/2005", "YES", "P1", "E2"),  # 19: 19-21; EET; not suitable; in touch
    ]
    ret = make_return(tmp_path, episodes=[ep("A", "01/01/2020")], oc3=rows)
    # when
    sc = compute(ret, R_2025, indicators=OC3_IDS)
    # then the cohort: L2, L3, L4, L5, L9, L10, L11 = 7 (L1 16, L6 22, L7 died, L8 home)
    assert_count(sc, "cl_cohort", 7)
    # in touch (YES): L2, L4, L9, L11 = 4 of 7 (REFU, NO, NREQ stay in the denominator)
    assert_pct(sc, "cl_in_touch_pct", 4, 7)
    # 17-18: L2, L3, L10. EET: L2 (F2), L10 (P4) = 2/3. Suitable: L2 (D1) = 1/3
    assert_pct(sc, "cl_17_18_eet_pct", 2, 3)
    assert_pct(sc, "cl_17_18_suitable_accom_pct", 1, 3)
    # 19-21: L4, L5, L9, L11. EET: L4 (F4), L11 (P1) = 2/4. NEET: L9 (G6) = 1/4 (L5 not known is
    # neither, and stays in). Suitable: L4 (U1) = 1/4
    assert_pct(sc, "cl_19_21_eet_pct", 2, 4)
    assert_pct(sc, "cl_19_21_neet_pct", 1, 4)
    assert_pct(sc, "cl_19_21_suitable_accom_pct", 1, 4)


@pytest.mark.covers("cl_cohort", "cl_17_18_eet_pct")
def test_header_date_of_birth_is_used_when_present(tmp_path: Path) -> None:
    """Reading: where the young person is in Header, age comes from Header's DOB (the child's
    record), falling back to the OC3 row's DOB only when Header has none."""
    # given L1's OC3 row says 16 at R, but Header says 17 (DOB 01/01/2008)
    ret = make_return(
        tmp_path,
        header=headers({"L1": "01/01/2008"}),
        episodes=[ep("A", "01/01/2020")],
        oc3=[oc3("L1", "01/04/2008", "YES", "F2", "D1")],
    )
    sc = compute(ret, R_2025, indicators=["cl_cohort", "cl_17_18_eet_pct"])
    assert_count(sc, "cl_cohort", 1)
    assert_pct(sc, "cl_17_18_eet_pct", 1, 1)


@pytest.mark.covers("cl_cohort", "cl_19_21_eet_pct")
def test_oc3_for_a_reference_date_not_31_march(tmp_path: Path) -> None:
    """R = 30/09/2024: OC3 rows of the year ending 31/03/2024, ages at 31/03/2024."""
    eps = {"episodes": [ep("A", "01/01/2020")]}
    ret = make_years(
        tmp_path,
        {
            # Y is 21 at 31/03/2024 (22 on 01/06/2024, before R): in the 2024 cohort
            2024: {**eps, "oc3": [oc3("Y", "01/06/2002", "YES", "F4", "U1")]},
            # 2025's row for X must not be used for R = 30/09/2024
            2025: {**eps, "oc3": [oc3("X", "01/01/2005", "YES", "G5", "U1")]},
        },
    )
    # when
    sc = compute(ret, date(2024, 9, 30), indicators=["cl_cohort", "cl_19_21_eet_pct"])
    # then the cohort is Y alone (aged 21 at 31/03/2024), in EET
    assert_count(sc, "cl_cohort", 1)
    assert_pct(sc, "cl_19_21_eet_pct", 1, 1)
    assert sc.headline("cl_cohort").period_end == date(2024, 3, 31)
    assert any("OC2 and OC3 are annual" in n and "2024-03-31" in n for n in sc.notes)
