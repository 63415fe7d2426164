"""The synthetic council generator is calibrated: its figures land near England's."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from corparent.engine.ssda903.synth import SyntheticCouncil
from tests.engine.synth_helpers import (
    REF,
    _load,
)

# --- calibration (plain SQL over the written files, at 31 March of the last year) --------------

AT_R = """
    CREATE TABLE cla AS
    SELECT e.CHILD, e.LS, e.PLACE, h.SEX, h.ETHNIC,
           date_diff('year', strptime(h.DOB, '%d/%m/%Y')::DATE, DATE '2025-03-31')
             - CASE WHEN strftime(strptime(h.DOB, '%d/%m/%Y'), '%m%d') > '0331' THEN 1 ELSE 0 END AS age,
           u.CHILD IS NOT NULL AS uasc
    FROM ep e
    JOIN header_all h ON h.CHILD = e.CHILD AND h.year = 2025
    LEFT JOIN uasc_all u ON u.CHILD = e.CHILD AND u.year = 2025
         AND (u.DUC IS NULL OR strptime(u.DUC, '%d/%m/%Y') > DATE '2025-03-31')
    WHERE e.decom <= DATE '2025-03-31' AND (e.dec IS NULL OR e.dec > DATE '2025-03-31')
      AND e.LS NOT IN ('V3', 'V4')
"""


@pytest.fixture(scope="module")
def cla(big: tuple[SyntheticCouncil, Path]) -> duckdb.DuckDBPyConnection:
    con = _load(big[1])
    con.execute(AT_R)
    return con


def _pct(con: duckdb.DuckDBPyConnection, where: str) -> float:
    row = con.execute(f"SELECT 100.0 * count_if({where}) / count(*) FROM cla").fetchone()
    assert row is not None
    return float(row[0])


def test_looked_after_at_r_is_the_number_asked_for(cla: duckdb.DuckDBPyConnection) -> None:
    assert cla.execute("SELECT count(*), count(DISTINCT CHILD) FROM cla").fetchone() == (4000, 4000)


@pytest.mark.parametrize(
    ("where", "low", "high"),
    [
        ("age < 1", 3, 7),
        ("age BETWEEN 1 AND 4", 10, 17),
        ("age BETWEEN 5 AND 9", 13, 21),
        ("age BETWEEN 10 AND 15", 33, 43),
        ("age >= 16", 22, 32),
        ("age >= 18", 0, 0),
        ("SEX = 'M'", 52, 60),
        ("uasc", 7, 10.5),
        ("PLACE LIKE 'U%'", 62, 72),
        ("PLACE IN ('K1','K2')", 8, 15),
        ("PLACE = 'P1'", 4, 9),
        ("PLACE IN ('A3','A4','A5','A6')", 1, 4.5),
        ("LS IN ('C1','C2')", 70, 83),
        ("LS = 'V2'", 11, 20),
        ("LS IN ('E1','D1')", 2.5, 6.5),
        ("ETHNIC IN ('WBRI','WIRI','WOTH','WIRT','WROM')", 66, 76),
        ("ETHNIC LIKE 'M%'", 7.5, 12.5),
        ("ETHNIC LIKE 'B%'", 6, 10),
        ("ETHNIC LIKE 'A%' OR ETHNIC = 'CHNE'", 3.5, 7),
        ("ETHNIC = 'OOTH'", 3.5, 7),
    ],
)
def test_profile_at_31_march_is_near_england(
    cla: duckdb.DuckDBPyConnection, where: str, low: float, high: float
) -> None:
    assert low <= _pct(cla, where) <= high


def test_uasc_rows_date_uasc_ceased(council: tuple[SyntheticCouncil, Path]) -> None:
    con = _load(council[1])
    rows = con.execute("""SELECT year, strptime(DOB, '%d/%m/%Y')::DATE, strptime(DUC, '%d/%m/%Y')::DATE
        FROM uasc_all""").fetchall()
    assert rows
    for year, dob, duc in rows:
        # after the year: the 18th birthday (still UASC); otherwise the day status ended. DfE's
        # rules take the birthday as DOB + 18 years: 28 February for a child born on 29 February
        assert duc > dob
        if duc > date(year, 3, 31):
            born = (dob.month, dob.day)
            assert duc == (date(dob.year + 18, 2, 28) if born == (2, 29) else dob.replace(year=dob.year + 18))


def test_uasc_are_mostly_older_boys(cla: duckdb.DuckDBPyConnection) -> None:
    row = cla.execute("SELECT avg((SEX='M')::INT), avg((age >= 16)::INT) FROM cla WHERE uasc").fetchone()
    assert row is not None and row[0] > 0.85 and row[1] > 0.65


def test_flows_and_ceasing_reasons(cla: duckdb.DuckDBPyConnection) -> None:
    starts, ceases = cla.execute("""SELECT
        count(DISTINCT CHILD) FILTER (WHERE RNE = 'S' AND decom >= DATE '2024-04-01'
                                      AND LS NOT IN ('V3','V4')),
        count(DISTINCT CHILD) FILTER (WHERE dec >= DATE '2024-04-01' AND REC <> 'X1'
                                      AND LS NOT IN ('V3','V4'))
        FROM ep""").fetchone()  # type: ignore[misc]
    assert 0.34 <= starts / 4000 <= 0.47 and 0.35 <= ceases / 4000 <= 0.48
    reasons = dict(
        cla.execute("""SELECT REC, count(*) FROM (SELECT CHILD, arg_max(REC, dec) AS REC FROM ep
        WHERE dec >= DATE '2024-04-01' AND REC <> 'X1' AND LS NOT IN ('V3','V4') GROUP BY CHILD)
        GROUP BY REC""").fetchall()
    )
    total = sum(reasons.values())

    def share(*recs: str) -> float:
        return float(100 * sum(reasons.get(r, 0) for r in recs) / total)

    assert 24 <= share("E4A", "E4B") <= 36
    assert 6 <= share("E11", "E12") <= 12
    assert 8.5 <= share("E45", "E46", "E47", "E48") <= 15.5
    assert 5 <= share("E5", "E6") <= 11
    assert 2.5 <= share("E17") <= 7.5


# --- calibration as the indicator engine computes it (when the engine is there) -----------------

ENGINE_BANDS = {
    "cla_rate": (67, 70),
    "uasc_pct": (7, 10.5),
    "placed_foster_pct": (62, 72),
    "placed_over_20_miles_pct": (17, 27),
    "placements_3plus_pct": (7, 14),
    "long_term_stability_pct": (60, 78),
    "sw_changes_3plus_pct": (8, 16),
    "missing_pct": (7, 13),
    "health_assessment_pct": (85, 93),
    "immunisations_pct": (75, 85),
    "dental_check_pct": (74, 84),
    "sdq_average": (13.7, 15.7),
    "sdq_concern_pct": (35, 47),
    "cl_19_21_eet_pct": (45, 65),
    "cl_19_21_suitable_accom_pct": (83, 93),
    "cl_in_touch_pct": (85, 95),
    "ceased_home_pct": (24, 36),
    "ceased_adopted_pct": (6, 12),
    "ceased_sgo_pct": (8.5, 15.5),
    "review_participation_pct": (85, 95),
    "reviews_on_time_pct": (80, 94),
}


def test_headline_figures_by_the_indicator_engine(big: tuple[SyntheticCouncil, Path]) -> None:
    engine = pytest.importorskip("corparent.engine.indicators.engine")
    reader = pytest.importorskip("corparent.engine.ssda903.reader")
    council, out = big
    ret = reader.read_return(out)
    card = engine.compute(ret, REF, population=council.population_0_17, indicators=list(ENGINE_BANDS))
    values = {r.indicator: r.value for r in card.results if r.is_headline}
    outside = {k: round(values[k], 1) for k, (lo, hi) in ENGINE_BANDS.items() if not lo <= values[k] <= hi}
    assert not outside, outside
