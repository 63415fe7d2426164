"""Rules 601, 602 and 1003: adoptions in the year (AD1) and the decision to place for adoption.

A child adopted during the year has an episode ending in the year with REC E11 or E12 (adopted),
and a row in AD1 with the adoption's details.
"""

from __future__ import annotations

from corparent.engine.validation.rule import Level, Rule

PEER_DIFFERENCES: dict[str, str] = {
    "601": "the peer checks only adopted children who have a row in AD1, so a child adopted in the year "
    "with no AD1 row at all (every adoption field missing) is not flagged; we flag that child's "
    "adoption episode.",
}

_AD1_FIELDS = ("DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR")
_ANY_MISSING = " OR ".join(f"a.{f} IS NULL" for f in _AD1_FIELDS)
_ANY_GIVEN = " OR ".join(f"a.{f} IS NOT NULL" for f in _AD1_FIELDS)
_ADOPTED_IN_YEAR = (
    "REC IN ('E11', 'E12') AND DEC BETWEEN getvariable('collection_start') AND getvariable('collection_end')"
)

RULES = [
    Rule(
        code="601",
        message="The additional fields relating to adoption have not been completed although the episode "
        "data shows that the child was adopted during the year.",
        level=Level.ERROR,
        tables=("Episodes", "AD1"),
        fields=("REC", *_AD1_FIELDS),
        sql=f"""
            WITH adopted AS (SELECT CHILD, _row FROM episodes WHERE {_ADOPTED_IN_YEAR}),
            hit AS (
                SELECT e._row AS erow, a._row AS arow
                FROM adopted e LEFT JOIN ad1 a ON a.CHILD = e.CHILD
                WHERE a._row IS NULL OR {_ANY_MISSING}
            )
            SELECT 'Episodes' AS tbl, erow AS _row FROM hit
            UNION ALL
            SELECT 'AD1' AS tbl, arow AS _row FROM hit WHERE arow IS NOT NULL
        """,
        hint="The child was adopted this year (REC E11 or E12), so AD1 must give the date of the decision, "
        "the match date, foster care, number, sex and legal status of the adopters. Complete the AD1 row.",
    ),
    Rule(
        code="602",
        message="The episode data submitted for this child does not show that he/she was adopted during "
        "the year.",
        level=Level.ERROR,
        tables=("Episodes", "AD1"),
        fields=("CHILD",),
        sql=f"""
            SELECT 'AD1' AS tbl, a._row FROM ad1 a
            WHERE ({_ANY_GIVEN})
              AND NOT EXISTS (
                  SELECT 1 FROM episodes e WHERE e.CHILD = a.CHILD AND {_ADOPTED_IN_YEAR}
              )
        """,
        hint="The child has adoption details in AD1 but no episode ending this year with REC E11 or E12 "
        "(adopted). Check whether the child was adopted this year and correct the episode or AD1.",
    ),
    Rule(
        code="1003",
        message="Date of LA's decision that a child should be placed for adoption is before the child "
        "started to be looked after.",
        level=Level.ERROR,
        tables=("Episodes", "PlacedAdoption"),
        fields=("DATE_PLACED", "DECOM", "RNE"),
        # The child's first episode with RNE S (ties: the first in the file).
        sql="""
            WITH first_s AS (
                SELECT CHILD, _row, DECOM FROM episodes
                WHERE RNE = 'S' AND CHILD IS NOT NULL AND DECOM IS NOT NULL
                QUALIFY row_number() OVER (PARTITION BY CHILD ORDER BY DECOM, _row) = 1
            ),
            hit AS (
                SELECT f._row AS erow, p._row AS prow
                FROM first_s f JOIN placed_adoption p ON p.CHILD = f.CHILD
                WHERE p.DATE_PLACED < f.DECOM
            )
            SELECT 'Episodes' AS tbl, erow AS _row FROM hit
            UNION ALL
            SELECT 'PlacedAdoption' AS tbl, prow AS _row FROM hit
        """,
        hint="The decision that the child should be placed for adoption (DATE_PLACED) is dated before the "
        "child first started to be looked after (DECOM of the RNE S episode). Check both dates.",
    ),
]
