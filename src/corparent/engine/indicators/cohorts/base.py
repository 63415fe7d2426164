"""Shared building blocks for the cohorts: episodes as at R, periods of care, placements, children.

Every cohort is built in a per-run DuckDB schema from the tables ``read_return`` loaded. The SQL
here implements the conventions of indicators.md; each rule is named where it is applied.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

import duckdb

from corparent.engine.indicators.calendar import bank_holidays
from corparent.engine.ssda903 import codes

NOT_RECORDED = "Not recorded"

AGE_BANDS: tuple[tuple[int, int | None, str], ...] = (
    (0, 0, "Under 1"),
    (1, 4, "1 to 4"),
    (5, 9, "5 to 9"),
    (10, 15, "10 to 15"),
    (16, None, "16 and over"),
)
SEX_LABEL = {"M": "Male", "F": "Female", "U": "Indeterminate or unknown"}

# The breakdowns a cohort can offer, with the column that holds each.
BREAKDOWNS: tuple[str, ...] = (
    "age_band",
    "sex",
    "ethnicity_group",
    "legal_status_group",
    "placement_group",
    "category_of_need",
    "uasc",
)


def sql_date(d: date) -> str:
    return f"DATE '{d.isoformat()}'"


def sql_list(values: Iterable[str]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in sorted(values)) + ")"


def sql_case(column: str, mapping: Mapping[str, str], default: str = NOT_RECORDED) -> str:
    """A CASE expression mapping codes to labels, grouped by label to keep the SQL short."""
    by_label: dict[str, list[str]] = {}
    for code, label in mapping.items():
        by_label.setdefault(label, []).append(code)
    arms = " ".join(
        f"WHEN {column} IN {sql_list(cs)} THEN '{label.replace(chr(39), chr(39) * 2)}'"
        for label, cs in by_label.items()
    )
    return f"CASE {arms} ELSE '{default}' END"


def age_sql(dob: str, on: str) -> str:
    """Age in whole years on a date (a 29 February birthday counts from 1 March in other years)."""
    return (
        f"(year({on}) - year({dob}) - CASE WHEN month({on}) * 100 + day({on}) "
        f"< month({dob}) * 100 + day({dob}) THEN 1 ELSE 0 END)"
    )


def age_band_sql(age: str) -> str:
    arms = []
    for lo, hi, label in AGE_BANDS:
        cond = f"{age} >= {lo}" if hi is None else f"{age} BETWEEN {lo} AND {hi}"
        arms.append(f"WHEN {cond} THEN '{label}'")
    return f"CASE {' '.join(arms)} ELSE '{NOT_RECORDED}' END"


@dataclass(frozen=True)
class Context:
    """One computation: the reference date R, its period, and the schema the cohorts are built in."""

    schema: str
    reference_date: date
    has_sw_episodes: bool = False

    @property
    def period_start(self) -> date:
        return minus_years(self.reference_date, 1) + timedelta(days=1)

    @property
    def r(self) -> str:
        return sql_date(self.reference_date)

    @property
    def ps(self) -> str:
        return sql_date(self.period_start)

    def t(self, name: str) -> str:
        return f"{self.schema}.{name}"


def minus_years(d: date, years: int, months: int = 0) -> date:
    """The same day ``years`` years and ``months`` months earlier (29 February -> 28 February)."""
    total = d.year * 12 + (d.month - 1) - years * 12 - months
    y, m = divmod(total, 12)
    m += 1
    for day in (d.day, 30, 29, 28):
        try:
            return date(y, m, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def build_working_days(con: duckdb.DuckDBPyConnection, ctx: Context, first: date, last: date) -> None:
    """``wd(d, working, wd_index)``: for every date, whether it is a working day in England and the
    number of working days from ``first`` up to and including it."""
    holidays = sorted(h for y in range(first.year, last.year + 1) for h in bank_holidays(y))
    con.execute(f"CREATE TABLE {ctx.t('bank_holiday')} (d DATE)")
    if holidays:
        values = ", ".join(f"({sql_date(h)})" for h in holidays)
        con.execute(f"INSERT INTO {ctx.t('bank_holiday')} VALUES {values}")
    con.execute(
        f"""
        CREATE TABLE {ctx.t("wd")} AS
        SELECT d, working, sum(working::INTEGER) OVER (ORDER BY d) AS wd_index
        FROM (
          SELECT r.d::DATE AS d,
                 dayofweek(r.d) NOT IN (0, 6) AND r.d::DATE NOT IN (SELECT d FROM {ctx.t("bank_holiday")})
                   AS working
          FROM range({sql_date(first)}, {sql_date(last)} + INTERVAL 1 DAY, INTERVAL 1 DAY) AS r(d)
        )
        """
    )


def build_base(con: duckdb.DuckDBPyConnection, ctx: Context) -> None:
    """Episodes as known at R, with periods of care and placements; children's attributes."""
    temp = sql_list(codes.TEMPORARY_PLACE)
    short = sql_list(codes.SHORT_BREAK_LS)
    r = ctx.r
    # Two passes over each child's episodes in DECOM order.
    # Pass 1. Episodes as at R: nothing that starts after R; an end after R is not yet known at R.
    # Start of the current period of care: the latest RNE = S episode on or before this one; where
    # the data does not reach back to one, the earliest DECOM supplied for the child.
    # Pass 2. Placements (our rule, indicators.md): a new placement begins at RNE S, P or B; T, U
    # and L continue it; temporary episodes (T0-T4) are not placements and the episode after one is
    # the return to the previous carer; a placement never continues across a break in care, so the
    # first non-temporary episode of a period of care always begins one. ``placement_start`` is the
    # DECOM of the episode that began the placement the child is in (for a temporary episode, the
    # one they return to); it is NULL before the period of care's first placement.
    con.execute(
        f"""
        CREATE TABLE {ctx.t("ep")} AS
        WITH pass1 AS (
          SELECT *,
            coalesce(
              max(CASE WHEN rne = 'S' THEN decom END) OVER (w ROWS UNBOUNDED PRECEDING),
              min(decom) OVER (PARTITION BY child)) AS poc_start,
            lag(temp) OVER w AS prev_temp,
            max(CASE WHEN NOT temp THEN decom END) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
              AS prev_placed_decom
          FROM (
            SELECT CHILD AS child, DECOM AS decom, RNE AS rne, LS AS ls, CIN AS cin, PLACE AS place,
                   PLACE_PROVIDER AS provider,
                   CASE WHEN DEC <= {r} THEN DEC END AS dec,
                   CASE WHEN DEC <= {r} THEN REC END AS rec,
                   PL_DISTANCE AS pl_distance, PL_LOCATION AS pl_location,
                   coalesce(LS IN {short}, false) AS sb,
                   coalesce(PLACE IN {temp}, false) AS temp
            FROM episodes
            WHERE CHILD IS NOT NULL AND DECOM IS NOT NULL AND DECOM <= {r}
          )
          WINDOW w AS (PARTITION BY child ORDER BY decom)
        ),
        flagged AS (
          SELECT * EXCLUDE (prev_placed_decom),
            NOT temp AND (
              rne = 'S'
              OR prev_placed_decom IS NULL OR prev_placed_decom < poc_start
              OR (rne IN ('P', 'B') AND NOT coalesce(prev_temp, false))
            ) AS new_placement
          FROM pass1
        )
        SELECT * EXCLUDE (last_start),
          CASE WHEN last_start >= poc_start THEN last_start END AS placement_start
        FROM (
          SELECT *, max(CASE WHEN new_placement THEN decom END)
                      OVER (PARTITION BY child ORDER BY decom ROWS UNBOUNDED PRECEDING) AS last_start
          FROM flagged
        )
        """
    )

    # Children: sex (1/2 before 2024-25 read as M/F), date of birth, ethnicity group.
    sex = sql_case("s", {k: SEX_LABEL[v] for k, v in codes.SEX_NORMALISED.items()})
    eth = sql_case("ETHNIC", codes.ETHNICITY_GROUP)
    con.execute(
        f"""
        CREATE TABLE {ctx.t("child")} AS
        SELECT CHILD AS child, DOB AS dob, {sex} AS sex, {eth} AS ethnicity_group
        FROM (SELECT *, upper(SEX) AS s FROM header)
        WHERE CHILD IS NOT NULL
        QUALIFY row_number() OVER (PARTITION BY CHILD ORDER BY year DESC) = 1
        """
    )
    # UASC status: a UASC row with DUC blank or after the date is UASC on that date.
    con.execute(
        f"""
        CREATE TABLE {ctx.t("uasc_status")} AS
        SELECT CHILD AS child, min(coalesce(DUC, DATE '9999-12-31')) AS duc_min,
               max(coalesce(DUC, DATE '9999-12-31')) AS duc
        FROM uasc WHERE CHILD IS NOT NULL GROUP BY CHILD
        """
    )


def episode_attributes(alias: str) -> str:
    """Breakdown columns that come from an episode: legal status, placement and need groups."""
    ls = sql_case(f"{alias}.ls", codes.LEGAL_STATUS_GROUP)
    pl = sql_case(f"{alias}.place", codes.PLACEMENT_GROUP)
    cin = sql_case(f"{alias}.cin", {k: f"{k} {v}" for k, v in codes.CIN.items()})
    return f"{ls} AS legal_status_group, {pl} AS placement_group, {cin} AS category_of_need"


def child_attributes(ctx: Context, child_alias: str, on: str) -> str:
    """Breakdown columns that come from the child: age band on a date, sex, ethnicity, UASC."""
    age = age_sql(f"{child_alias}.dob", on)
    return (
        f"{age} AS age, {age_band_sql(age)} AS age_band, "
        f"coalesce({child_alias}.sex, '{NOT_RECORDED}') AS sex, "
        f"coalesce({child_alias}.ethnicity_group, '{NOT_RECORDED}') AS ethnicity_group"
    )


def uasc_on(alias: str, on: str) -> str:
    """UASC on a date: ``alias`` is a join to uasc_status (NULL when the child has no UASC row)."""
    return f"coalesce({alias}.duc > {on}, false)"


def uasc_label(flag: str) -> str:
    return f"CASE WHEN {flag} THEN 'UASC' ELSE 'Not UASC' END"
