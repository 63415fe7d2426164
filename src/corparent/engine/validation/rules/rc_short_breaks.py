"""Rules on short breaks (respite care): legal status V3 (individual short breaks recorded as
episodes) and V4 (a series of short breaks recorded as one agreement).

A child on short breaks only is looked after for the breaks: the return records the breaks, not
placement postcodes, placement area, reviews or motherhood, and a break is never a temporary or
long-term foster placement.
"""

from __future__ import annotations

from corparent.engine.validation.rule import Level, Rule

START = "getvariable('collection_start')"
END = "getvariable('collection_end')"
SHORT_BREAK = "('V3', 'V4')"
TEMPORARY = "('T0', 'T1', 'T2', 'T3', 'T4')"

RULES = [
    Rule(
        code="365",
        message="Any individual short-term respite placement must not exceed 17 days.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("LS", "DECOM", "DEC"),
        # An episode still open at the year's end is measured to 31 March.
        sql=f"""
            SELECT 'Episodes' AS tbl, _row FROM episodes
            WHERE LS = 'V3' AND coalesce(DEC, {END}) - DECOM > 17
        """,
        hint="A single short break (V3) lasts at most 17 days. Check its start and end dates; a longer stay "
        "is not a short break and needs another legal status.",
    ),
    Rule(
        code="366",
        message="A child cannot change placement during the course of an individual short-term respite "
        "break.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("RNE",),
        sql="""
            SELECT 'Episodes' AS tbl, _row FROM episodes
            WHERE LS = 'V3' AND RNE IS DISTINCT FROM 'S'
        """,
        hint="Each individual short break (V3) is its own period of care, so its reason for new episode is "
        "S (started to be looked after). Correct RNE, or the legal status if this was not a short break.",
    ),
    Rule(
        code="367",
        message="The maximum amount of respite care allowable is 75 days in any 12-month period.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("LS", "DECOM", "DEC"),
        # The days of each V3 episode that fall in the collection year, added up for the child.
        sql=f"""
            WITH v AS (
                SELECT CHILD, _row,
                    least(coalesce(DEC, {END}), {END}) - greatest(DECOM, {START}) AS days
                FROM episodes WHERE LS = 'V3' AND DECOM IS NOT NULL
            )
            SELECT 'Episodes' AS tbl, _row FROM v
            WHERE days > 0
            QUALIFY sum(days) OVER (PARTITION BY CHILD) > 75
        """,
        hint="Individual short breaks (V3) may add up to at most 75 days in the year. Check the dates of the "
        "child's V3 episodes; if the child stays longer, a different legal status applies.",
    ),
    Rule(
        code="382",
        message="A child receiving respite care cannot be in a temporary placement.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("LS", "PLACE"),
        sql=f"""
            SELECT 'Episodes' AS tbl, _row FROM episodes
            WHERE LS IN {SHORT_BREAK} AND PLACE IN {TEMPORARY}
        """,
        hint="A short break (V3 or V4) is recorded with the placement the child goes to, never a temporary "
        "placement code (T0-T4). Correct the placement type.",
    ),
    Rule(
        code="384",
        message="A child receiving respite care cannot be in a long-term foster placement.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("PLACE", "LS"),
        sql=f"""
            SELECT 'Episodes' AS tbl, _row FROM episodes
            WHERE LS IN {SHORT_BREAK} AND PLACE IN ('U1', 'U4')
        """,
        hint="Short breaks (V3 or V4) are not long-term fostering (U1 or U4). Use the foster placement code "
        "that is not long term (U3 or U6), or correct the legal status.",
    ),
    Rule(
        code="398",
        message="Distance field completed but child looked after under legal status V3 or V4.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("LS", "HOME_POST", "PL_POST"),
        sql=f"""
            SELECT 'Episodes' AS tbl, _row FROM episodes
            WHERE LS IN {SHORT_BREAK} AND (HOME_POST IS NOT NULL OR PL_POST IS NOT NULL)
        """,
        hint="Postcodes (from which the placement distance is worked out) are not returned for short breaks "
        "(V3 or V4). Leave HOME_POST and PL_POST blank for these episodes.",
    ),
    Rule(
        code="399",
        message="Mother field, review field or participation field are completed but child is looked after "
        "under legal status V3 or V4.",
        level=Level.ERROR,
        tables=("Episodes", "Header", "Reviews"),
        fields=("MOTHER", "LS", "REVIEW", "REVIEW_CODE"),
        # Only children whose every episode is a short break. All their episodes are flagged, with the
        # Header rows and Reviews rows that hold (or go with) the fields given.
        sql=f"""
            WITH breaks_only AS (
                SELECT CHILD FROM episodes GROUP BY CHILD
                HAVING bool_and(coalesce(LS IN {SHORT_BREAK}, false))
            ), mothers AS (
                SELECT CHILD, bool_or(MOTHER IS NOT NULL) AS mother FROM header GROUP BY CHILD
            ), reviewed AS (
                SELECT CHILD, bool_or(REVIEW IS NOT NULL OR REVIEW_CODE IS NOT NULL) AS review
                FROM reviews GROUP BY CHILD
            ), kids AS (
                SELECT CHILD, coalesce(m.mother, false) AS mother, coalesce(r.review, false) AS review
                FROM breaks_only b LEFT JOIN mothers m USING (CHILD) LEFT JOIN reviewed r USING (CHILD)
                WHERE coalesce(m.mother, false) OR coalesce(r.review, false)
            )
            SELECT 'Episodes' AS tbl, e._row FROM episodes e JOIN kids k USING (CHILD)
            UNION ALL
            SELECT 'Header' AS tbl, h._row FROM header h JOIN kids k USING (CHILD)
            WHERE h.MOTHER IS NOT NULL OR k.review
            UNION ALL
            SELECT 'Reviews' AS tbl, v._row FROM reviews v JOIN kids k USING (CHILD)
            WHERE v.REVIEW IS NOT NULL OR v.REVIEW_CODE IS NOT NULL OR k.mother
        """,
        hint="For a child looked after only for short breaks (V3 or V4) the return has no MOTHER and no "
        "reviews. Leave them blank, or correct the legal status if the child was otherwise looked after.",
    ),
    Rule(
        code="420",
        message="LA of placement completed but child is looked after under legal status V3 or V4.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("PL_LA",),
        # PL_LA is NULL when the file does not carry it: nothing to find then.
        sql=f"""
            SELECT 'Episodes' AS tbl, _row FROM episodes
            WHERE LS IN {SHORT_BREAK} AND PL_LA IS NOT NULL
        """,
        hint="The council area of placement is not returned for short breaks (V3 or V4); it comes from the "
        "placement postcode, which should be blank for these episodes.",
    ),
    Rule(
        code="426",
        message="A child receiving respite care cannot be recorded under a legal status of V3 and V4 in the "
        "same year.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("LS",),
        sql=f"""
            SELECT 'Episodes' AS tbl, _row FROM episodes
            WHERE LS IN {SHORT_BREAK}
            QUALIFY min(LS) OVER (PARTITION BY CHILD) <> max(LS) OVER (PARTITION BY CHILD)
        """,
        hint="Short breaks are recorded either as individual episodes (V3) or as one agreement (V4), not "
        "both in one year. Record all of the child's breaks the same way.",
    ),
]
