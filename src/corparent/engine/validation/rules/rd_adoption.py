"""Rules 521, 523, 525, 551-554, 557, 558 and 582: adoption episodes against AD1 and PlacedAdoption.

A child placed for adoption (placement A3-A6) or under a placement order (legal status E1) must
have a decision that they should be placed for adoption (PlacedAdoption), dated no later than the
placement; a child adopted (REC E11/E12) has an AD1 record. These rules check the three agree.
"""

from __future__ import annotations

from corparent.engine.validation.rule import Level, Rule

ADOPTION_PLACE = "('A3', 'A4', 'A5', 'A6')"

PEER_DIFFERENCES: dict[str, str] = {
    "558": "The peer counts DATE_PLACED_CEASED after joining the child's adoption episodes to their "
    "PlacedAdoption rows, so a child with two E11/E12 episodes and a single (ceased) decision counts two "
    "ceased dates and is flagged. Ours counts the child's PlacedAdoption rows: one decision is one date.",
}

RULES = [
    Rule(
        code="521",
        message="Date of local authority's decision (LA) that adoption is in the best interests of the child "
        "(date should be placed) must be on or prior to the date the child is placed for adoption.",
        level=Level.ERROR,
        tables=("Episodes", "AD1"),
        fields=("PLACE", "DECOM", "DATE_INT"),
        sql=f"""
            WITH bad AS (
                SELECT e._row AS e_row, a._row AS a_row
                FROM episodes e JOIN ad1 a ON a.CHILD = e.CHILD
                WHERE e.PLACE IN {ADOPTION_PLACE} AND a.DATE_INT > e.DECOM
            )
            SELECT 'Episodes' AS tbl, e_row AS _row FROM bad
            UNION ALL SELECT 'AD1', a_row FROM bad
        """,
        hint="The decision that adoption is in the child's best interests (DATE_INT) comes before the "
        "child is placed for adoption. Check DATE_INT in AD1 and the start date of the adoption placement.",
    ),
    Rule(
        code="523",
        message="Date of decision that the child should be placed for adoption should be the same date as "
        "the decision that adoption is in the best interest (date should be placed).",
        level=Level.ERROR,
        tables=("PlacedAdoption", "AD1"),
        fields=("DATE_PLACED", "DATE_INT"),
        sql="""
            WITH bad AS (
                SELECT p._row AS p_row, a._row AS a_row
                FROM placed_adoption p JOIN ad1 a ON a.CHILD = p.CHILD
                WHERE p.DATE_PLACED IS NOT NULL AND a.DATE_INT IS NOT NULL AND a.DATE_INT <> p.DATE_PLACED
            )
            SELECT 'PlacedAdoption' AS tbl, p_row AS _row FROM bad
            UNION ALL SELECT 'AD1', a_row FROM bad
        """,
        hint="DATE_PLACED in PlacedAdoption and DATE_INT in AD1 record the same decision, so they are the "
        "same date. Correct whichever is wrong.",
    ),
    Rule(
        code="525",
        message="A child for whom the decision to be placed for adoption has been reversed cannot be adopted "
        "during the year.",
        level=Level.ERROR,
        tables=("PlacedAdoption", "AD1"),
        fields=(
            "DATE_PLACED_CEASED",
            "DATE_INT",
            "DATE_MATCH",
            "FOSTER_CARE",
            "NB_ADOPTR",
            "SEX_ADOPTR",
            "LS_ADOPTR",
        ),
        sql="""
            WITH bad AS (
                SELECT p._row AS p_row, a._row AS a_row
                FROM placed_adoption p JOIN ad1 a ON a.CHILD = p.CHILD
                WHERE p.DATE_PLACED_CEASED IS NOT NULL
                  AND (a.DATE_INT IS NOT NULL OR a.DATE_MATCH IS NOT NULL OR a.FOSTER_CARE IS NOT NULL
                       OR a.NB_ADOPTR IS NOT NULL OR a.SEX_ADOPTR IS NOT NULL OR a.LS_ADOPTR IS NOT NULL)
            )
            SELECT 'PlacedAdoption' AS tbl, p_row AS _row FROM bad
            UNION ALL SELECT 'AD1', a_row FROM bad
        """,
        hint="The decision to place the child for adoption ended (DATE_PLACED_CEASED), so the child cannot "
        "also have been adopted: either the decision did not end, or the AD1 adoption details are wrong.",
    ),
    Rule(
        code="551",
        message="Child has been placed for adoption but there is no date of the decision that the child "
        "should be placed for adoption.",
        level=Level.ERROR,
        tables=("Episodes", "PlacedAdoption"),
        fields=("DATE_PLACED", "PLACE"),
        # As the peer: flagged when the child has no PlacedAdoption row, or one without DATE_PLACED.
        sql=f"""
            WITH pa AS (
                SELECT CHILD, count(*) AS n, count(DATE_PLACED) AS dated FROM placed_adoption GROUP BY CHILD
            )
            SELECT 'Episodes' AS tbl, e._row FROM episodes e LEFT JOIN pa ON pa.CHILD = e.CHILD
            WHERE e.PLACE IN {ADOPTION_PLACE} AND (pa.n IS NULL OR pa.dated < pa.n)
        """,
        hint="A child placed for adoption (A3 to A6) needs a PlacedAdoption record with the date of the "
        "decision that they should be placed for adoption. Add the record or its DATE_PLACED.",
    ),
    Rule(
        code="552",
        message="Date of Decision to place a child for adoption should be on or prior to the date that the "
        "child was placed for adoption.",
        level=Level.ERROR,
        tables=("Episodes", "PlacedAdoption"),
        fields=("DATE_PLACED", "DECOM"),
        # As the peer: the child's latest decision against their first adoption placement this year.
        sql=f"""
            WITH last_decision AS (
                SELECT CHILD, DATE_PLACED, _row FROM placed_adoption WHERE DATE_PLACED IS NOT NULL
                QUALIFY row_number() OVER (PARTITION BY CHILD ORDER BY DATE_PLACED DESC, _row) = 1
            ),
            first_placed AS (
                SELECT CHILD, DECOM, _row FROM episodes
                WHERE PLACE IN {ADOPTION_PLACE} AND DECOM IS NOT NULL
                QUALIFY row_number() OVER (PARTITION BY CHILD ORDER BY DECOM, _row) = 1
            ),
            bad AS (
                SELECT f._row AS e_row, d._row AS p_row
                FROM first_placed f JOIN last_decision d ON d.CHILD = f.CHILD
                WHERE f.DECOM < d.DATE_PLACED
            )
            SELECT 'Episodes' AS tbl, e_row AS _row FROM bad
            UNION ALL SELECT 'PlacedAdoption', p_row FROM bad
        """,
        hint="The decision that the child should be placed for adoption comes before the adoption "
        "placement starts. Check DATE_PLACED and the start date of the child's first adoption placement.",
    ),
    Rule(
        code="553",
        message="Placement order has been granted but there is no date of decision that the child should be "
        "placed for adoption.",
        level=Level.ERROR,
        tables=("Episodes", "PlacedAdoption"),
        fields=("CHILD", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"),
        # An E1 episode whose child has no PlacedAdoption row; and, for a child whose E1 episode is
        # still open, a PlacedAdoption row that says the decision has ended.
        sql="""
            SELECT 'Episodes' AS tbl, e._row FROM episodes e
            WHERE e.LS = 'E1' AND NOT EXISTS (SELECT 1 FROM placed_adoption p WHERE p.CHILD = e.CHILD)
            UNION ALL
            SELECT 'PlacedAdoption', p._row FROM placed_adoption p
            WHERE (p.DATE_PLACED_CEASED IS NOT NULL OR p.REASON_PLACED_CEASED IS NOT NULL)
              AND EXISTS (SELECT 1 FROM episodes e WHERE e.CHILD = p.CHILD AND e.LS = 'E1' AND e.DEC IS NULL)
        """,
        hint="A child under a placement order (E1) needs a PlacedAdoption record, and while the order "
        "continues that decision cannot have ended. Add the record, or remove the date and reason the "
        "decision ended.",
    ),
    Rule(
        code="554",
        message="Date of decision that the child should be placed for adoption should be on or prior to the "
        "date that the placement order was granted. [NOTE: This rule may result in false positives or false "
        "negatives if relevant episodes are in previous years; please check carefully!]",
        level=Level.ERROR,
        tables=("Episodes", "PlacedAdoption"),
        fields=("DATE_PLACED", "DECOM", "LS"),
        sql="""
            WITH first_e1 AS (
                SELECT CHILD, DECOM, _row FROM episodes WHERE LS = 'E1' AND DECOM IS NOT NULL
                QUALIFY row_number() OVER (PARTITION BY CHILD ORDER BY DECOM, _row) = 1
            ),
            bad AS (
                SELECT f._row AS e_row, p._row AS p_row
                FROM first_e1 f JOIN placed_adoption p ON p.CHILD = f.CHILD
                WHERE p.DATE_PLACED > f.DECOM
            )
            SELECT 'Episodes' AS tbl, e_row AS _row FROM bad
            UNION ALL SELECT 'PlacedAdoption', p_row FROM bad
        """,
        hint="The decision that the child should be placed for adoption is made before (or on the day) the "
        "placement order (E1) is granted. Check DATE_PLACED and the start of the child's first E1 episode; "
        "if the order was granted in an earlier year, the first E1 episode here may not be the first one.",
    ),
    Rule(
        code="557",
        message="Child for whom the decision was made that they should be placed for adoption has left care "
        "but was not adopted and information on the decision that they should no longer be placed for "
        "adoption items has not been completed.",
        level=Level.ERROR,
        tables=("Episodes", "PlacedAdoption"),
        fields=("DATE_PLACED_CEASED", "REASON_PLACED_CEASED", "PLACE", "LS", "REC"),
        sql=f"""
            WITH left_care AS (
                SELECT CHILD, _row FROM episodes
                WHERE (PLACE IN {ADOPTION_PLACE} OR LS = 'E1')
                  AND REC IS NOT NULL AND REC NOT IN ('E11', 'E12', 'X1')
            ),
            m AS (
                SELECT e._row AS e_row, p._row AS p_row,
                    (p.DATE_PLACED_CEASED IS NULL OR p.REASON_PLACED_CEASED IS NULL) AS incomplete
                FROM left_care e LEFT JOIN placed_adoption p ON p.CHILD = e.CHILD
            )
            SELECT 'Episodes' AS tbl, e_row AS _row FROM m WHERE p_row IS NULL OR incomplete
            UNION ALL SELECT 'PlacedAdoption', p_row FROM m WHERE p_row IS NOT NULL AND incomplete
        """,
        hint="The child left care from an adoption placement or placement order without being adopted, so "
        "the decision to place them for adoption has ended: give the date it ended (DATE_PLACED_CEASED) and "
        "why (REASON_PLACED_CEASED) in PlacedAdoption.",
    ),
    Rule(
        code="558",
        message="If a child has been adopted, then the decision to place them for adoption has not been "
        "disrupted and the date of the decision that a child should no longer be placed for adoption should "
        "be left blank.",
        level=Level.ERROR,
        tables=("Episodes", "PlacedAdoption"),
        fields=("DATE_PLACED_CEASED", "REC"),
        # Adopted (E11/E12), with more than one decision and every one of them ended: the latest
        # decision (the one that led to the adoption) should have no DATE_PLACED_CEASED.
        sql="""
            WITH pa AS (
                SELECT CHILD, count(*) AS n, count(DATE_PLACED_CEASED) AS ceased
                FROM placed_adoption GROUP BY CHILD
            )
            SELECT 'Episodes' AS tbl, e._row FROM episodes e JOIN pa ON pa.CHILD = e.CHILD
            WHERE e.REC IN ('E11', 'E12') AND pa.n > 1 AND pa.ceased = pa.n
        """,
        hint="The child was adopted, so the decision that led to the adoption was not disrupted: leave its "
        "DATE_PLACED_CEASED blank. Only earlier decisions that were reversed have an end date.",
    ),
    Rule(
        code="582",
        message="Child is showing as ceasing to be looked after due to adoption, but the date of adoption is "
        "the same as the date reported for being matched with adopters. In most circumstances we expect the "
        "date the child is matched with adopters to be before the date of adoption.",
        level=Level.WARNING,
        tables=("Episodes", "AD1"),
        fields=("DEC", "DATE_MATCH"),
        sql="""
            SELECT 'Episodes' AS tbl, e._row FROM episodes e JOIN ad1 a ON a.CHILD = e.CHILD
            WHERE e.REC IN ('E11', 'E12') AND e.DEC = a.DATE_MATCH
        """,
        hint="A child is usually matched with adopters before the adoption order. Check the date the child "
        "was matched (DATE_MATCH in AD1) and the date the adoption episode ended; if both are right, explain "
        "it to DfE.",
    ),
]
