"""Children looked after at R, with their placement history, stability, reviews and social workers."""

from __future__ import annotations

import duckdb

from corparent.engine.indicators.cohorts.base import (
    Context,
    child_attributes,
    episode_attributes,
    minus_years,
    sql_date,
    uasc_label,
    uasc_on,
)


def build_open_episode(con: duckdb.DuckDBPyConnection, ctx: Context) -> None:
    """The episode each child is on at R: DECOM on or before R, not ended by R, not a short break.

    A child whose episode ends on R is not looked after at R. Where a child has two open episodes
    (which validation reports), the later one counts.
    """
    con.execute(
        f"""
        CREATE TABLE {ctx.t("open_at_r")} AS
        SELECT * FROM {ctx.t("ep")}
        WHERE dec IS NULL AND NOT sb
        QUALIFY row_number() OVER (PARTITION BY child ORDER BY decom DESC) = 1
        """
    )


def build_review_timeliness(con: duckdb.DuckDBPyConnection, ctx: Context) -> None:
    """Whether each child looked after at R has had every review on time (a local measure).

    First review within 20 working days of the period of care starting; the second within 3 months
    of the first; later ones within 6 months of the previous. Reviews held before the period's first
    day are not judged (our rule: the measure is about the period); a review held in the period is
    judged against its deadline even when that deadline fell before the period (the child was
    overdue during the period: indicators.md, "every interval was kept"). At R the next review must
    not already be overdue.
    """
    r, ps = ctx.r, ctx.ps
    con.execute(
        f"""
        CREATE TABLE {ctx.t("review_timeliness")} AS
        WITH o AS (
          SELECT o.child, o.poc_start, ws.wd_index AS wd_start, wr.wd_index AS wd_r,
                 wdl.d AS first_deadline
          FROM {ctx.t("open_at_r")} o
          JOIN {ctx.t("wd")} ws ON ws.d = o.poc_start
          JOIN {ctx.t("wd")} wr ON wr.d = {r}
          LEFT JOIN {ctx.t("wd")} wdl ON wdl.working AND wdl.wd_index = ws.wd_index + 20
        ),
        rv AS (
          SELECT o.child, v.REVIEW AS review,
                 row_number() OVER (PARTITION BY o.child ORDER BY v.REVIEW) AS n,
                 lag(v.REVIEW) OVER (PARTITION BY o.child ORDER BY v.REVIEW) AS prev_review
          FROM o JOIN reviews v ON v.CHILD = o.child
          WHERE v.REVIEW BETWEEN o.poc_start AND {r}
        ),
        judged AS (
          SELECT rv.child, rv.n, rv.review,
                 CASE WHEN rv.n = 1 THEN o.first_deadline
                      WHEN rv.n = 2 THEN (rv.prev_review + INTERVAL 3 MONTH)::DATE
                      ELSE (rv.prev_review + INTERVAL 6 MONTH)::DATE END AS deadline
          FROM rv JOIN o USING (child)
        ),
        summary AS (
          SELECT child, count(*) AS n_reviews, max(review) AS last_review,
                 -- judged: reviews held in the period (a late one whose deadline fell before the
                 -- period still breaks it: indicators.md, "every interval was kept")
                 bool_and(review <= deadline OR review < {ps}) AS all_kept
          FROM judged GROUP BY child
        )
        SELECT o.child,
               (o.wd_r - o.wd_start) >= 20 AS reviews_eligible,
               coalesce(s.all_kept, true)
                 AND CASE WHEN s.n_reviews IS NULL THEN o.first_deadline >= {r}
                          WHEN s.n_reviews = 1 THEN (s.last_review + INTERVAL 3 MONTH)::DATE >= {r}
                          ELSE (s.last_review + INTERVAL 6 MONTH)::DATE >= {r} END AS reviews_on_time
        FROM o LEFT JOIN summary s USING (child)
        """
    )


def build_cla(con: duckdb.DuckDBPyConnection, ctx: Context) -> None:
    r, ps = ctx.r, ctx.ps
    lts_care_since = sql_date(minus_years(ctx.reference_date, 2, 6))
    lts_placed_since = sql_date(minus_years(ctx.reference_date, 2))
    # Social workers: distinct SW_ID on SWEpisodes overlapping the period (only when supplied).
    sw_count = "coalesce(sw.n, 0)" if ctx.has_sw_episodes else "NULL"
    con.execute(
        f"""
        CREATE TABLE {ctx.t("cla")} AS
        WITH placements AS (
          -- Placements overlapping the period (the one current at its start counts).
          SELECT child, count(DISTINCT placement_start) AS n
          FROM {ctx.t("ep")}
          WHERE NOT sb AND NOT temp AND placement_start IS NOT NULL AND (dec IS NULL OR dec >= {ps})
          GROUP BY child
        ),
        sw AS (
          SELECT CHILD AS child, count(DISTINCT SW_ID) AS n FROM sw_episodes
          WHERE SW_DECOM <= {r} AND (SW_DEC IS NULL OR SW_DEC >= {ps})
          GROUP BY CHILD
        )
        SELECT o.child, o.ls, o.place, o.poc_start, o.placement_start,
               {child_attributes(ctx, "c", r)},
               {episode_attributes("o")},
               {uasc_on("u", r)} AS is_uasc,
               {uasc_label(uasc_on("u", r))} AS uasc,
               coalesce(p.n, 0) AS placements_in_period,
               -- Long-term stability: under 16, in care 2.5 years, same placement 2 years.
               (age < 16 AND o.poc_start <= {lts_care_since}) AS lts_eligible,
               coalesce(o.placement_start <= {lts_placed_since}, false) AS lts_stable,
               o.pl_location, o.pl_distance,
               {sw_count} AS sw_count,
               coalesce(rt.reviews_eligible, false) AS reviews_eligible,
               coalesce(rt.reviews_on_time, false) AS reviews_on_time
        FROM {ctx.t("open_at_r")} o
        LEFT JOIN {ctx.t("child")} c ON c.child = o.child
        LEFT JOIN {ctx.t("uasc_status")} u ON u.child = o.child
        LEFT JOIN placements p ON p.child = o.child
        LEFT JOIN {ctx.t("review_timeliness")} rt ON rt.child = o.child
        LEFT JOIN sw ON sw.child = o.child
        """
    )
