"""Outcomes: the OC2 cohort (health, SDQ, offending), OC3 care leavers, and reviews."""

from __future__ import annotations

import duckdb

from corparent.engine.indicators.cohorts.base import Context, age_sql, child_attributes, sql_list
from corparent.engine.ssda903 import codes
from corparent.engine.ssda903.model import collection_year_of


def build_oc2(con: duckdb.DuckDBPyConnection, ctx: Context) -> None:
    """Children with an OC2 row of the year ending on R who are looked after at R, whose current
    period of care began on or before the period's first day, and who had no short break in it.

    Built on the ``cla`` cohort, so breakdowns are those of children looked after at R.
    """
    year = collection_year_of(ctx.reference_date)
    con.execute(
        f"""
        CREATE TABLE {ctx.t("oc2")} AS
        WITH o AS (
          SELECT * FROM oc2 WHERE year = {year} AND CHILD IS NOT NULL
          QUALIFY row_number() OVER (PARTITION BY CHILD ORDER BY _row) = 1
        ),
        had_short_break AS (
          SELECT DISTINCT child FROM {ctx.t("ep")}
          WHERE sb AND (dec IS NULL OR dec >= {ctx.ps})
        )
        SELECT k.*,
               o.HEALTH_ASSESSMENT = '1' AS health_assessment,
               o.IMMUNISATIONS = '1' AS immunisations,
               o.TEETH_CHECK = '1' AS teeth_check,
               o.HEALTH_CHECK = '1' AS health_check,
               o.SDQ_SCORE AS sdq_score,
               o.CONVICTED = '1' AS convicted,
               o.SUBSTANCE_MISUSE = '1' AS substance_misuse
        FROM {ctx.t("cla")} k
        JOIN o ON o.CHILD = k.child
        WHERE k.poc_start <= {ctx.ps}
          AND k.child NOT IN (SELECT child FROM had_short_break)
        """
    )


def build_oc3(con: duckdb.DuckDBPyConnection, ctx: Context) -> None:
    """OC3 rows of the year ending on R for young people aged 17-21 at R, leaving out those who
    died or returned home (IN_TOUCH DIED or RHOM). 'Not known' answers stay in."""
    year = collection_year_of(ctx.reference_date)
    eet = sql_list(codes.EET_ACTIV)
    neet = sql_list(codes.NEET_ACTIV)
    con.execute(
        f"""
        CREATE TABLE {ctx.t("oc3")} AS
        WITH o AS (
          SELECT * FROM oc3 WHERE year = {year} AND CHILD IS NOT NULL
          QUALIFY row_number() OVER (PARTITION BY CHILD ORDER BY _row) = 1
        ),
        c AS (
          SELECT o.CHILD AS child, coalesce(h.dob, o.DOB) AS dob, h.sex, h.ethnicity_group,
                 o.IN_TOUCH AS in_touch, o.ACTIV AS activ, o.ACCOM AS accom
          FROM o LEFT JOIN {ctx.t("child")} h ON h.child = o.CHILD
        )
        SELECT c.child, {child_attributes(ctx, "c", ctx.r)},
               c.activ IN {eet} AS eet,
               c.activ IN {neet} AS neet,
               coalesce(c.accom LIKE '_1', false) AS suitable_accom,
               c.in_touch = 'YES' AS in_touch
        FROM c
        WHERE coalesce(c.in_touch, '') NOT IN ('DIED', 'RHOM')
          AND {age_sql("c.dob", ctx.r)} BETWEEN 17 AND 21
        """
    )


def build_reviews(con: duckdb.DuckDBPyConnection, ctx: Context) -> None:
    """Reviews held in the period (one row per review); age on the review date."""
    con.execute(
        f"""
        CREATE TABLE {ctx.t("reviews")} AS
        WITH v AS (
          SELECT v.CHILD AS child, v.REVIEW AS review, v.REVIEW_CODE AS code,
                 coalesce(h.dob, v.DOB) AS dob, h.sex, h.ethnicity_group
          FROM reviews v LEFT JOIN {ctx.t("child")} h ON h.child = v.CHILD
          WHERE v.CHILD IS NOT NULL AND v.REVIEW BETWEEN {ctx.ps} AND {ctx.r}
        )
        SELECT child, review, code, {child_attributes(ctx, "v", "v.review")}
        FROM v
        """
    )
