"""Rules 331-335 on adoptions (AD1) and the episodes around them."""

from __future__ import annotations

from corparent.engine.validation.rule import Level, Rule

RULES = [
    Rule(
        code="331",
        message="Date of matching child and adopter(s) should be the same as, or prior to, the date of "
        "placement of adoption.",
        level=Level.ERROR,
        tables=("AD1", "Episodes"),
        fields=("DATE_MATCH", "DECOM", "REC"),
        sql="""
            WITH late AS (
                SELECT e._row AS eps_row, a._row AS ad1_row
                FROM episodes e JOIN ad1 a ON a.CHILD = e.CHILD
                WHERE e.REC IN ('E11', 'E12') AND a.DATE_MATCH > e.DECOM
            )
            SELECT 'AD1' AS tbl, ad1_row AS _row FROM late
            UNION ALL
            SELECT 'Episodes' AS tbl, eps_row AS _row FROM late
        """,
        hint="The child was matched with the adopters after the episode that ended in adoption (E11 or "
        "E12) began; a child is matched before being placed. Check the date of matching and the "
        "start of the adoptive placement.",
    ),
    Rule(
        code="333",
        message="Date should be placed for adoption must be on or prior to the date of matching child "
        "with adopter(s).",
        level=Level.ERROR,
        tables=("AD1",),
        fields=("DATE_INT",),
        sql="""
            SELECT 'AD1' AS tbl, _row FROM ad1
            WHERE DATE_MATCH IS NOT NULL AND (DATE_INT IS NULL OR DATE_INT > DATE_MATCH)
        """,
        hint="The decision that the child should be placed for adoption (DATE_INT) comes before the "
        "match with adopters (DATE_MATCH). Record DATE_INT, or correct whichever date is wrong.",
    ),
    Rule(
        code="334",
        message="Date child started to be looked after in latest period of care must be on or prior to "
        "the date should be placed for adoption.",
        level=Level.ERROR,
        tables=("Episodes", "AD1"),
        fields=("DATE_INT", "DECOM", "RNE"),
        sql="""
            WITH latest_start AS (
                SELECT _row, CHILD, DECOM FROM (
                    SELECT _row, CHILD, DECOM, row_number() OVER (
                        PARTITION BY CHILD ORDER BY DECOM DESC NULLS LAST, _row) AS n
                    FROM episodes WHERE RNE = 'S' AND DECOM IS NOT NULL
                ) WHERE n = 1
            ),
            early AS (
                SELECT s._row AS eps_row, a._row AS ad1_row
                FROM latest_start s JOIN ad1 a ON a.CHILD = s.CHILD
                WHERE a.DATE_INT < s.DECOM
            )
            SELECT 'Episodes' AS tbl, eps_row AS _row FROM early
            UNION ALL
            SELECT 'AD1' AS tbl, ad1_row AS _row FROM early
        """,
        hint="The decision that the child should be placed for adoption (DATE_INT) is dated before the "
        "child's latest period of care began (the latest episode with reason S). Check both dates.",
    ),
    Rule(
        code="335",
        message="The current foster value (0) suggests that child is not adopted by current foster "
        "carer, but last placement is A2, A3, or A5. Or the current foster value (1) suggests that "
        "child is adopted by current foster carer, but last placement is A1, A4 or A6.",
        level=Level.ERROR,
        tables=("Episodes", "AD1"),
        fields=("PLACE", "FOSTER_CARE"),
        # A1 and A2 are placement types from before 2013; they are kept as DfE's rule has them.
        sql="""
            WITH clash AS (
                SELECT e._row AS eps_row, a._row AS ad1_row
                FROM episodes e JOIN ad1 a ON a.CHILD = e.CHILD
                WHERE e.REC IN ('E1', 'E11', 'E12')
                  AND ((e.PLACE IN ('A2', 'A3', 'A5') AND a.FOSTER_CARE = '0')
                       OR (e.PLACE IN ('A1', 'A4', 'A6') AND a.FOSTER_CARE = '1'))
            )
            SELECT 'Episodes' AS tbl, eps_row AS _row FROM clash
            UNION ALL
            SELECT 'AD1' AS tbl, ad1_row AS _row FROM clash
        """,
        hint="Whether the child was adopted by the former foster carers (FOSTER_CARE) must agree with "
        "the adoptive placement: A3 or A5 means the current foster carers (1), A4 or A6 new carers "
        "(0). Correct FOSTER_CARE or the placement type.",
    ),
]
