"""Children in care during the period, starting, ceasing, on short breaks only, adopted; missing."""

from __future__ import annotations

from datetime import date, timedelta

import duckdb

from corparent.engine.indicators.cohorts.base import (
    Context,
    child_attributes,
    episode_attributes,
    minus_years,
    sql_date,
    sql_list,
    uasc_label,
    uasc_on,
)
from corparent.engine.ssda903 import codes


def build_in_period(con: duckdb.DuckDBPyConnection, ctx: Context) -> None:
    """Children with a non-short-break episode overlapping the period, and their missing incidents.

    Attributes come from the child's latest such episode; age and UASC status are at R.
    """
    r, ps = ctx.r, ctx.ps
    con.execute(
        f"""
        CREATE TABLE {ctx.t("in_period")} AS
        WITH e AS (
          SELECT * FROM {ctx.t("ep")}
          WHERE NOT sb AND (dec IS NULL OR dec >= {ps})
          QUALIFY row_number() OVER (PARTITION BY child ORDER BY decom DESC) = 1
        ),
        m AS (
          SELECT CHILD AS child,
                 count(*) FILTER (WHERE MISSING = 'M' AND MIS_START BETWEEN {ps} AND {r}) AS m_incidents,
                 count(*) FILTER (WHERE MISSING = 'A' AND MIS_START BETWEEN {ps} AND {r}) AS a_incidents,
                 bool_or(MISSING = 'M' AND MIS_START <= {r} AND (MIS_END IS NULL OR MIS_END > {r}))
                   AS missing_at_r
          FROM missing WHERE CHILD IS NOT NULL GROUP BY CHILD
        )
        SELECT e.child,
               {child_attributes(ctx, "c", r)},
               {episode_attributes("e")},
               {uasc_label(uasc_on("u", r))} AS uasc,
               coalesce(m.m_incidents, 0) AS m_incidents,
               coalesce(m.a_incidents, 0) AS a_incidents,
               coalesce(m.missing_at_r, false) AS missing_at_r
        FROM e
        LEFT JOIN {ctx.t("child")} c ON c.child = e.child
        LEFT JOIN {ctx.t("uasc_status")} u ON u.child = e.child
        LEFT JOIN m ON m.child = e.child
        """
    )


def build_short_breaks_only(con: duckdb.DuckDBPyConnection, ctx: Context) -> None:
    """Children whose every episode overlapping the period is a short break (V3/V4)."""
    r, ps = ctx.r, ctx.ps
    con.execute(
        f"""
        CREATE TABLE {ctx.t("short_breaks_only")} AS
        WITH e AS (
          SELECT child, bool_and(sb) AS all_sb FROM {ctx.t("ep")}
          WHERE dec IS NULL OR dec >= {ps}
          GROUP BY child
        )
        SELECT e.child, {child_attributes(ctx, "c", r)}, {uasc_label(uasc_on("u", r))} AS uasc
        FROM e
        LEFT JOIN {ctx.t("child")} c ON c.child = e.child
        LEFT JOIN {ctx.t("uasc_status")} u ON u.child = e.child
        WHERE e.all_sb
        """
    )


def build_starts(con: duckdb.DuckDBPyConnection, ctx: Context) -> None:
    """Distinct children with an RNE = S episode starting in the period (not a short break).

    Attributes are those of the child's latest start in the period; age and UASC on that date.
    """
    r, ps = ctx.r, ctx.ps
    con.execute(
        f"""
        CREATE TABLE {ctx.t("starts")} AS
        WITH e AS (
          SELECT * FROM {ctx.t("ep")}
          WHERE rne = 'S' AND NOT sb AND decom BETWEEN {ps} AND {r}
          QUALIFY row_number() OVER (PARTITION BY child ORDER BY decom DESC) = 1
        )
        SELECT e.child, e.decom AS start_date,
               {child_attributes(ctx, "c", "e.decom")},
               {episode_attributes("e")},
               {uasc_on("u", "e.decom")} AS uasc_at_start,
               {uasc_label(uasc_on("u", "e.decom"))} AS uasc
        FROM e
        LEFT JOIN {ctx.t("child")} c ON c.child = e.child
        LEFT JOIN {ctx.t("uasc_status")} u ON u.child = e.child
        """
    )


def build_ceases(con: duckdb.DuckDBPyConnection, ctx: Context, *, name: str, first_day: date) -> None:
    """Distinct children with an episode ending between ``first_day`` and R whose REC is not X1.

    The reason is the REC of the child's last such episode. For adoptions, the timings run from the
    start of that final period of care: to the first placement for adoption (A3-A6) in it, and from
    the first placement order (LS E1 or D1) in it to the match recorded in AD1 (0 when the match
    came first; children with no E1/D1 are left out of that mean).
    """
    r, fd = ctx.r, sql_date(first_day)
    adoption_place = sql_list(codes.ADOPTION_PLACE)
    con.execute(
        f"""
        CREATE TABLE {ctx.t(name)} AS
        WITH e AS (
          SELECT * FROM {ctx.t("ep")}
          WHERE NOT sb AND dec BETWEEN {fd} AND {r} AND coalesce(rec, '') <> 'X1'
          QUALIFY row_number() OVER (PARTITION BY child ORDER BY dec DESC, decom DESC) = 1
        ),
        poc AS (
          SELECT p.child,
                 min(p.decom) FILTER (WHERE p.place IN {adoption_place}) AS first_adoptive_placement,
                 min(p.decom) FILTER (WHERE p.ls IN ('E1', 'D1')) AS placement_order
          FROM {ctx.t("ep")} p JOIN e ON e.child = p.child AND p.poc_start = e.poc_start
                                      AND p.decom <= e.dec
          GROUP BY p.child
        ),
        matched AS (
          SELECT CHILD AS child, DATE_MATCH AS date_match FROM ad1
          WHERE CHILD IS NOT NULL AND DATE_MATCH IS NOT NULL AND DATE_MATCH <= {r}
          QUALIFY row_number() OVER (PARTITION BY CHILD ORDER BY year DESC, DATE_MATCH DESC) = 1
        )
        SELECT e.child, e.dec AS ceased, e.rec AS reason, e.poc_start,
               {child_attributes(ctx, "c", "e.dec")},
               {episode_attributes("e")},
               {uasc_label(uasc_on("u", "e.dec"))} AS uasc,
               e.rec IN ('E11', 'E12') AS adopted,
               CASE WHEN e.rec IN ('E11', 'E12') THEN
                 date_diff('day', e.poc_start, poc.first_adoptive_placement) END AS entry_to_placed_days,
               CASE WHEN e.rec IN ('E11', 'E12') AND poc.placement_order IS NOT NULL THEN
                 greatest(0, date_diff('day', poc.placement_order, m.date_match)) END AS order_to_match_days
        FROM e
        LEFT JOIN {ctx.t("child")} c ON c.child = e.child
        LEFT JOIN {ctx.t("uasc_status")} u ON u.child = e.child
        LEFT JOIN poc ON poc.child = e.child
        LEFT JOIN matched m ON m.child = e.child
        """
    )


def build_ceases_year(con: duckdb.DuckDBPyConnection, ctx: Context) -> None:
    build_ceases(con, ctx, name="ceases", first_day=ctx.period_start)


def build_ceases_3yr(con: duckdb.DuckDBPyConnection, ctx: Context) -> None:
    """The adoption scorecard's window: the three years ending on R."""
    build_ceases(
        con, ctx, name="ceases_3yr", first_day=minus_years(ctx.reference_date, 3) + timedelta(days=1)
    )
