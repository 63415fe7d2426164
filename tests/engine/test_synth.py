"""The synthetic council generator: layout, consistency, DfE's rules, partial years, defects."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from corparent.engine.ssda903 import codes
from corparent.engine.ssda903.synth import SyntheticCouncil, file_name
from corparent.engine.ssda903.tables import EPISODES, ColumnType
from corparent.engine.ssda903.writer import write_table
from tests.engine.synth_helpers import (
    DATE_RE,
    REF,
    TABLES,
    _digest,
    _load,
    _write,
)

# --- layout --------------------------------------------------------------------------------------


def test_years_and_headers_follow_the_table_specs(council: tuple[SyntheticCouncil, Path]) -> None:
    c, out = council
    assert c.years == [2023, 2024, 2025]
    assert sorted(p.name for p in out.iterdir()) == ["2023", "2024", "2025", "manifest.json"]
    for year in c.years:
        assert sorted(p.name for p in (out / str(year)).iterdir()) == sorted(
            file_name(t.name) for t in TABLES
        )
        for spec in TABLES:
            with (out / str(year) / file_name(spec.name)).open(encoding="utf-8", newline="") as f:
                header = next(csv.reader(f))
            expected = list(spec.column_names)
            if spec is EPISODES:
                expected += ["PL_DISTANCE", "PL_LA", "PL_LOCATION"]
            assert header == expected, spec.name


def test_dates_are_dd_mm_yyyy_and_nothing_happens_after_the_reference_date(
    council: tuple[SyntheticCouncil, Path],
) -> None:
    c, out = council
    for year in c.years:
        for spec in TABLES:
            with (out / str(year) / file_name(spec.name)).open(encoding="utf-8", newline="") as f:
                for row in csv.DictReader(f):
                    for col in spec.columns:
                        value = row[col.name]
                        if col.type is ColumnType.DATE and value:
                            assert DATE_RE.match(value), (spec.name, col.name, value)
                            d, m, y = (int(x) for x in value.split("/"))
                            if col.name != "DUC":  # DUC is the 18th birthday while still UASC
                                assert date(y, m, d) <= min(REF, date(year, 3, 31)), (
                                    spec.name,
                                    col.name,
                                    value,
                                )


def test_manifest(council: tuple[SyntheticCouncil, Path]) -> None:
    c, out = council
    m = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert m["seed"] == 1 and m["years"] == [2023, 2024, 2025] and m["reference_date"] == "2025-03-31"
    assert m["parameters"]["children"] == 400 and m["defects"] == []
    assert m["cla_at_reference_date"] == 400
    assert 67 <= 400 * 10_000 / m["population_0_17"] <= 70
    for year in c.years:
        for spec in TABLES:
            lines = (out / str(year) / file_name(spec.name)).read_text(encoding="utf-8").count("\n")
            assert m["counts"][str(year)][spec.name] == lines - 1


def test_same_seed_same_bytes_other_seed_differs(
    council: tuple[SyntheticCouncil, Path], tmp_path: Path
) -> None:
    _, out = council
    _write(tmp_path / "again", children=400, years=3, reference_date=REF, seed=1)
    _write(tmp_path / "other", children=400, years=3, reference_date=REF, seed=2)
    assert _digest(tmp_path / "again") == _digest(out)
    other = _digest(tmp_path / "other")
    assert other.keys() == _digest(out).keys()
    assert other["2025/episodes.csv"] != _digest(out)["2025/episodes.csv"]


def test_sex_coding_changes_in_2025(council: tuple[SyntheticCouncil, Path]) -> None:
    con = _load(council[1])
    for table in ("header_all", "uasc_all"):
        seen = dict(
            con.execute(f"SELECT year, list(DISTINCT SEX ORDER BY SEX) FROM {table} GROUP BY year").fetchall()
        )
        assert set(seen[2023]) <= set(codes.SEX_BEFORE_2025) and set(seen[2024]) <= set(codes.SEX_BEFORE_2025)
        assert set(seen[2025]) <= set(codes.SEX_FROM_2025)


# --- consistency ---------------------------------------------------------------------------------


def test_an_episode_open_at_a_year_end_is_returned_without_dec_then_closed_later(
    council: tuple[SyntheticCouncil, Path],
) -> None:
    con = _load(council[1])
    # a year's file never shows a DEC after its year end, and REC is blank exactly when DEC is
    assert con.execute("""SELECT count(*) FROM episodes_all
        WHERE strptime(DEC, '%d/%m/%Y') > make_date(year, 3, 31)
           OR (DEC IS NULL) <> (REC IS NULL)""").fetchone() == (0,)
    n = con.execute("""
        SELECT count(*) FROM episodes_all a JOIN episodes_all b USING (CHILD, DECOM)
        WHERE a.year < b.year AND a.DEC IS NULL AND a.REC IS NULL AND b.DEC IS NOT NULL
    """).fetchone()
    assert n is not None and n[0] > 20


def test_periods_start_with_s_and_x1_chains_continue_the_same_day(
    council: tuple[SyntheticCouncil, Path],
) -> None:
    con = _load(council[1])
    con.execute("""CREATE TABLE seq AS SELECT *,
        lag(dec) OVER w AS prev_dec, lag(REC) OVER w AS prev_rec, lead(decom) OVER w AS next_decom,
        lag(PLACE) OVER w AS prev_place, lead(PLACE) OVER w AS next_place, lead(RNE) OVER w AS next_rne,
        lag(PLACE, 2) OVER w AS prev2_place, lag(PLACE_PROVIDER, 2) OVER w AS prev2_provider,
        lag(PL_POST, 2) OVER w AS prev2_post,
        row_number() OVER w AS n
        FROM ep WINDOW w AS (PARTITION BY CHILD ORDER BY decom)""")
    # X1: the next episode starts the day this one ends
    assert con.execute(
        "SELECT count(*) FROM seq WHERE REC = 'X1' AND next_decom IS DISTINCT FROM dec"
    ).fetchone() == (0,)
    # an episode that does not continue an X1 chain starts a period: RNE S (episodes in the data
    # from the first year's start, whose predecessor is in the data too)
    bad = con.execute("""SELECT count(*) FROM seq WHERE decom >= DATE '2022-04-01'
        AND RNE <> 'S' AND NOT (prev_rec = 'X1' AND prev_dec = decom)""").fetchone()
    assert bad == (0,)
    assert con.execute(
        "SELECT count(*) FROM seq WHERE RNE = 'S' AND prev_rec = 'X1' AND prev_dec = decom"
    ).fetchone() == (0,)
    # a period ends with an episode whose REC is not X1
    assert con.execute(
        "SELECT count(*) FROM seq WHERE REC IS NOT NULL AND REC <> 'X1' AND next_decom = dec"
    ).fetchone() == (0,)


def test_temporary_placements_are_followed_by_a_return(council: tuple[SyntheticCouncil, Path]) -> None:
    con = _load(council[1])
    con.execute("""CREATE TABLE seq AS SELECT *,
        lag(PLACE) OVER w AS prev_place, lag(PLACE_PROVIDER) OVER w AS prev_provider,
        lag(PL_POST) OVER w AS prev_post,
        lead(PLACE) OVER w AS next_place, lead(PLACE_PROVIDER) OVER w AS next_provider,
        lead(PL_POST) OVER w AS next_post, lead(RNE) OVER w AS next_rne
        FROM ep WINDOW w AS (PARTITION BY CHILD ORDER BY decom)""")
    temps = con.execute("""SELECT count(*), count_if(REC = 'X1') FROM seq
        WHERE PLACE IN ('T0','T1','T2','T3','T4') AND prev_place IS NOT NULL""").fetchone()
    assert temps is not None and temps[1] > 0
    # every temporary placement that has ended is followed by a return to the same carer
    bad = con.execute("""SELECT count(*) FROM seq
        WHERE PLACE IN ('T0','T1','T2','T3','T4') AND prev_place IS NOT NULL
        AND (REC IS DISTINCT FROM 'X1' AND REC IS NOT NULL
             OR REC = 'X1' AND NOT (next_rne IN ('P', 'T') AND next_place = prev_place
                                    AND next_provider = prev_provider
                                    AND next_post = prev_post))""").fetchone()
    assert bad == (0,)
    # and is short
    longest = con.execute("""SELECT max(dec - decom) FROM seq
        WHERE PLACE IN ('T0','T1','T2','T3','T4') AND dec IS NOT NULL""").fetchone()
    assert longest is not None and longest[0] <= 21


def test_short_breaks_are_a_separate_set_of_children(council: tuple[SyntheticCouncil, Path]) -> None:
    con = _load(council[1])
    mixed = con.execute("""SELECT count(*) FROM (SELECT CHILD FROM ep GROUP BY CHILD
        HAVING count_if(LS IN ('V3','V4')) > 0 AND count_if(LS NOT IN ('V3','V4')) > 0)""").fetchone()
    assert mixed == (0,)
    both = con.execute("""SELECT count(*) FROM (SELECT CHILD FROM ep GROUP BY CHILD
        HAVING count_if(LS = 'V3') > 0 AND count_if(LS = 'V4') > 0)""").fetchone()
    assert both == (0,)
    share = con.execute("""SELECT avg((CHILD IN (SELECT CHILD FROM ep WHERE LS IN ('V3','V4')))::INT)
        FROM header_all""").fetchone()
    assert share is not None and 0.05 <= share[0] <= 0.15


def test_events_happen_while_looked_after(council: tuple[SyntheticCouncil, Path]) -> None:
    con = _load(council[1])
    for table, col in (("reviews_all", "REVIEW"), ("missing_all", "MIS_START")):
        bad = con.execute(f"""SELECT count(*) FROM {table} t WHERE NOT EXISTS (
            SELECT 1 FROM ep WHERE ep.CHILD = t.CHILD AND ep.decom <= strptime(t.{col}, '%d/%m/%Y')
              AND (ep.dec IS NULL OR ep.dec > strptime(t.{col}, '%d/%m/%Y')))""").fetchone()
        assert bad == (0,), table
    # OC2 rows: looked after on 31 March, in a period of care that began before the year did
    con.execute("""CREATE TABLE poc AS SELECT *, min(decom) OVER (PARTITION BY CHILD, p) AS poc_start
        FROM (SELECT *, sum((RNE = 'S')::INT) OVER (PARTITION BY CHILD ORDER BY decom) AS p FROM ep)""")
    bad = con.execute("""SELECT count(*) FROM oc2_all o WHERE NOT EXISTS (
        SELECT 1 FROM poc WHERE poc.CHILD = o.CHILD AND poc.poc_start <= make_date(o.year - 1, 4, 1)
        AND poc.decom <= make_date(o.year, 3, 31) AND (poc.dec IS NULL OR poc.dec > make_date(o.year, 3, 31)))
    """).fetchone()
    assert bad == (0,)


# --- DfE's validation rules -----------------------------------------------------------------------

# Rows of clean data that DfE's rules, as ported, flag whatever the return says: each is a pair of
# rules that contradict each other, so no return can satisfy both (see the generator's report).
RULE_CONFLICTS: dict[str, Callable[[SyntheticCouncil, int, dict[str, str]], bool]] = {
    # 2025-26 on: an unknown PL_LA counts as England, so a short break in a children's home or with
    # foster carers needs a URN, which rule 214 forbids for short breaks (V3/V4).
    "218": lambda c, year, row: row["LS"] in ("V3", "V4"),
    # a young mother last year who is a care leaver only (OC3, no episodes) this year: rule 628 wants
    # MOTHER blank, rule 612 then MC_DOB blank, and rule 624 counts a blank MC_DOB as a change.
    "624": lambda c, year, row: (
        row["CHILD"] not in set(c.table(year, "Episodes").columns["CHILD"])
        and row["CHILD"] in set(c.table(year, "OC3").columns["CHILD"])
    ),
}


@pytest.mark.parametrize("reference", [date(2025, 3, 31), date(2026, 3, 31)])
def test_clean_councils_pass_dfe_validation(tmp_path: Path, reference: date) -> None:
    """Given a 400-child council made with error_rate 0, DfE's rules find no error in its latest
    year (validated with the year before, and the council code its PL_LA uses)."""
    from corparent.engine.ssda903.reader import read_return
    from corparent.engine.ssda903.synth import params
    from corparent.engine.validation.rule import Level
    from corparent.engine.validation.runner import validate

    c, out = _write(tmp_path, children=400, years=2, reference_date=reference, seed=1)
    result = validate(read_return(out), la_code=params.OWN_LA)
    assert result.failed == {}
    year = result.year
    errors: dict[str, int] = {}
    for f in result.findings:
        conflict = RULE_CONFLICTS.get(f.rule)
        if f.level is Level.ERROR and not (conflict and conflict(c, year, c.table(year, f.table).row(f.row))):
            errors[f.rule] = errors.get(f.rule, 0) + 1
    assert errors == {}, f"{year}: error-level findings by rule (rule: rows): {errors}"


# --- partial year, defects -----------------------------------------------------------------------


def test_partial_last_year(tmp_path: Path) -> None:
    ref = date(2025, 9, 30)
    c, out = _write(tmp_path, children=400, years=2, reference_date=ref, seed=4)
    assert c.years == [2025, 2026]
    assert len(c.table(2026, "OC2")) == 0 and len(c.table(2025, "OC2")) > 0
    con = _load(out)
    latest = con.execute(
        """SELECT max(greatest(decom, coalesce(dec, decom))) FROM ep WHERE year = 2026"""
    ).fetchone()
    assert latest is not None and date(2025, 8, 1) <= latest[0] <= ref
    for table, col in (
        ("reviews_all", "REVIEW"),
        ("missing_all", "MIS_START"),
        ("sw_episodes_all", "SW_DECOM"),
    ):
        last = con.execute(f"SELECT max(strptime({col}, '%d/%m/%Y')) FROM {table}").fetchone()
        assert last is not None and last[0].date() <= ref
    assert json.loads((out / "manifest.json").read_text())["partial_last_year"] is True


def test_no_defects_without_an_error_rate(council: tuple[SyntheticCouncil, Path]) -> None:
    assert council[0].defects == []


def test_defects_are_listed_and_present(tmp_path: Path) -> None:
    _, out = _write(tmp_path, children=400, years=3, reference_date=REF, seed=5, error_rate=0.05)
    m = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    total_rows = sum(sum(v.values()) for v in m["counts"].values())
    assert 0.04 <= len(m["defects"]) / total_rows <= 0.06
    kinds = {d["kind"] for d in m["defects"]}
    assert {
        "unknown_code",
        "blank_required",
        "dec_before_decom",
        "missing_rne_s",
        "sex_code_wrong_year",
        "duplicate_episode",
        "review_before_dob",
    } <= kinds
    cache: dict[tuple[int, str], list[dict[str, str]]] = {}
    for d in m["defects"]:
        key = (d["year"], d["table"])
        if key not in cache:
            with (out / str(d["year"]) / file_name(d["table"])).open(encoding="utf-8", newline="") as f:
                cache[key] = list(csv.DictReader(f))
        row = cache[key][d["row"]]
        assert row[d["field"]] == d["new"] and row["CHILD"] == d["child"], d
        assert d["new"] != d["original"] or d["kind"] in ("duplicate_episode", "oc2_not_12_months")
    # still readable: dates are dates
    for (_, table), rows in cache.items():
        spec = {t.name: t for t in TABLES}[table]
        for r in rows:
            for col in spec.columns:
                if col.type is ColumnType.DATE and r[col.name]:
                    assert DATE_RE.match(r[col.name])


def test_write_table_formats_values(tmp_path: Path) -> None:
    from corparent.engine.ssda903.tables import REVIEWS

    path = tmp_path / "r.csv"
    n = write_table(
        REVIEWS,
        [
            {"CHILD": "A1", "DOB": date(2010, 5, 1), "REVIEW": date(2024, 1, 2), "REVIEW_CODE": None},
            {"CHILD": "x,y", "DOB": None, "REVIEW": None, "REVIEW_CODE": "PN1"},
        ],
        path,
    )
    assert n == 2
    assert path.read_text(encoding="utf-8") == (
        'CHILD,DOB,REVIEW,REVIEW_CODE\nA1,01/05/2010,02/01/2024,\n"x,y",,,PN1\n'
    )
