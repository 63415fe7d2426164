"""Missing and away from placement: missing_pct, missing_incidents, missing_incidents_per_child,
away_pct, missing_at_r.

Denominator cla_in_period; an incident belongs to the period its MIS_START falls in.
R = 31/03/2025, period 01/04/2024 to 31/03/2025.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from return_builder import (
    R_2025,
    Return,
    assert_count,
    assert_mean,
    assert_pct,
    compute,
    ep,
    headers,
    make_return,
    make_years,
)

MISSING_IDS = ["cla_in_period", "missing_pct", "missing_incidents", "missing_incidents_per_child",
               "away_pct", "missing_at_r"]  # fmt: skip


def incident(c: str, kind: str, start: str, end: str | None) -> dict[str, str | None]:
    return {"CHILD": c, "DOB": "01/01/2010", "MISSING": kind, "MIS_START": start, "MIS_END": end}


@pytest.fixture
def missing_return(tmp_path: Path) -> Return:
    kids = ["M1", "M2", "M3", "M4", "M5", "M6", "M7", "M8", "M10"]
    episodes = [ep(k, "01/01/2023", "S") for k in kids if k not in ("M7", "M8")] + [
        # M7 left care in the period: still in cla_in_period
        ep("M7", "01/01/2023", "S", dec="01/01/2025", rec="E4A"),
        # M8 left care before the period: not in cla_in_period, its incidents not counted
        ep("M8", "01/01/2022", "S", dec="01/01/2024", rec="E4A"),
    ]
    incidents = [
        # M1: two M incidents and one A incident in the period
        incident("M1", "M", "01/05/2024", "02/05/2024"),
        incident("M1", "M", "01/06/2024", "03/06/2024"),
        incident("M1", "A", "01/07/2024", "01/07/2024"),
        # M2: an M incident that started before the period (25/03/2024) and ended in it: not
        # counted (it belongs to the previous period); an A incident in the period
        incident("M2", "M", "25/03/2024", "05/04/2024"),
        incident("M2", "A", "01/02/2025", "02/02/2025"),
        # M3: missing from 20/03/2025 and MIS_END blank: an incident, and missing at R
        incident("M3", "M", "20/03/2025", None),
        # M4: missing 28/03/2025 to 31/03/2025: an incident; it ended ON R, so not missing at R
        # (indicators.md: "MIS_END blank or after R")
        incident("M4", "M", "28/03/2025", "31/03/2025"),
        # M5: missing 29/03/2025 to 02/04/2025 (after R): an incident, and missing at R
        incident("M5", "M", "29/03/2025", "02/04/2025"),
        # M6: an incident that starts the day after R: not in the period, not missing at R
        incident("M6", "M", "01/04/2025", "02/04/2025"),
        # M7: one M incident before leaving care
        incident("M7", "M", "01/10/2024", "02/10/2024"),
        # M8: not looked after in the period: not counted
        incident("M8", "M", "01/06/2024", "02/06/2024"),
        # M10: missing since 01/03/2024 (before the period), still missing (MIS_END blank): no
        # incident in the period, but missing at R
        incident("M10", "M", "01/03/2024", None),
    ]
    return make_return(tmp_path, header=headers(dict.fromkeys(kids, "01/01/2010")), episodes=episodes,
                       missing=incidents)  # fmt: skip


@pytest.mark.covers(*MISSING_IDS)
def test_missing_and_away(missing_return: Return) -> None:
    # when
    sc = compute(missing_return, R_2025, indicators=MISSING_IDS)
    # then cla_in_period: M1, M2, M3, M4, M5, M6, M7, M10 = 8 (not M8)
    assert_count(sc, "cla_in_period", 8)
    # children with an M incident starting in the period: M1, M3, M4, M5, M7 = 5 of 8
    assert_pct(sc, "missing_pct", 5, 8)
    # M incidents in the period: M1 2 + M3 1 + M4 1 + M5 1 + M7 1 = 6
    assert_count(sc, "missing_incidents", 6)
    # per child who went missing: incidents 2, 1, 1, 1, 1 -> 6 / 5 = 1.2
    assert_mean(sc, "missing_incidents_per_child", [2, 1, 1, 1, 1])
    # away (A) in the period: M1, M2 = 2 of 8
    assert_pct(sc, "away_pct", 2, 8)
    # missing at R (started on or before R, MIS_END blank or after R): M3, M5, M10 = 3
    assert_count(sc, "missing_at_r", 3)


@pytest.mark.covers("missing_incidents", "missing_at_r")
def test_incident_open_in_one_years_file_and_closed_in_the_next(tmp_path: Path) -> None:
    """Missing rows join across years by CHILD, MIS_START and MISSING; the later year's row wins."""
    hdr = headers({"Y": "01/01/2010"})
    episodes = [ep("Y", "01/01/2023", "S")]
    ret = make_years(
        tmp_path,
        {
            # 2024's file: Y missing since 30/03/2024, MIS_END blank
            2024: {"header": hdr, "episodes": episodes,
                   "missing": [incident("Y", "M", "30/03/2024", None)]},
            # 2025's file: the same incident, ended 02/04/2024; and a new one open at R
            2025: {"header": hdr, "episodes": episodes,
                   "missing": [incident("Y", "M", "30/03/2024", "02/04/2024"),
                               incident("Y", "M", "15/03/2025", None)]},
        },
    )  # fmt: skip
    # when
    sc = compute(ret, R_2025, indicators=["missing_incidents", "missing_at_r"])
    # then one incident in the period (15/03/2025; the other started before it), missing at R
    # because of 15/03/2025 (the 2024 incident is closed by 2025's row)
    assert_count(sc, "missing_incidents", 1)
    assert_count(sc, "missing_at_r", 1)
    # and at 31/03/2024 the earlier incident was open: missing at that R
    sc24 = compute(ret, R_2025.replace(year=2024), indicators=["missing_incidents", "missing_at_r"])
    assert_count(sc24, "missing_incidents", 1)
    assert_count(sc24, "missing_at_r", 1)


def test_missing_left_out_without_the_table(tmp_path: Path) -> None:
    ret = make_return(tmp_path, header=headers({"A": "01/01/2012"}), episodes=[ep("A", "01/01/2024")])
    sc = compute(ret, R_2025, indicators=MISSING_IDS)
    assert_count(sc, "cla_in_period", 1)
    for ind in MISSING_IDS[1:]:
        assert sc.rows(ind) == []
        assert any(n.startswith(f"{ind}: left out") for n in sc.notes)
