"""Rules 522, 559-561, 563, 579, 583 and 584: decisions that a child should be placed for adoption.

PlacedAdoption holds one row per decision (DATE_PLACED), with the date and reason it ended
(DATE_PLACED_CEASED, REASON_PLACED_CEASED). These rules check each decision's dates, how a child's
decisions follow one another, and that an open decision carries over from last year's return.
"""

from __future__ import annotations

from corparent.engine.validation.rule import Level, Rule

PEER_DIFFERENCES: dict[str, str] = {
    "560": "The peer compares every row this year with every open decision last year, so a child whose "
    "open decision is carried over (same DATE_PLACED) and who then has a new decision in the same year is "
    "flagged for the new one. Ours flags the child's rows only when last year's open decision is not "
    "carried over by any row this year.",
    "583": "The peer finds a child's latest decision by sorting DATE_PLACED as DD/MM/YYYY text, so 15/03 "
    "counts as later than 01/05 and the real latest decision, still open, is flagged. Ours sorts by date.",
    "584": "The peer compares DATE_PLACED as DD/MM/YYYY text (so 10/01/2025 counts as earlier than "
    "20/05/2023), and maps the rows it finds back by their position in a joined table rather than in the "
    "file, so it flags other children's rows. Ours compares dates and flags the row that breaks the rule.",
}

RULES = [
    Rule(
        code="522",
        message="Date of decision that the child should be placed for adoption must be on or before the date "
        "that a child should no longer be placed for adoption.",
        level=Level.ERROR,
        tables=("PlacedAdoption",),
        fields=("DATE_PLACED", "DATE_PLACED_CEASED"),
        sql="""
            SELECT 'PlacedAdoption' AS tbl, _row FROM placed_adoption
            WHERE DATE_PLACED_CEASED < DATE_PLACED
        """,
        hint="A decision cannot end before it was made. Check the date of the decision (DATE_PLACED) and "
        "the date it ended (DATE_PLACED_CEASED).",
    ),
    Rule(
        code="559",
        message="Date of decision that a child should be placed for adoption was not in the current year but "
        "the date of the decision that the child should be placed for adoption was not completed in a "
        "previous return.",
        level=Level.ERROR,
        tables=("PlacedAdoption",),
        fields=("DATE_PLACED",),
        # As the peer: the child has no row last year, or a row last year without DATE_PLACED.
        sql="""
            WITH last AS (
                SELECT CHILD, count(*) AS n, count(DATE_PLACED) AS dated
                FROM placed_adoption_last GROUP BY CHILD
            )
            SELECT 'PlacedAdoption' AS tbl, p._row
            FROM placed_adoption p LEFT JOIN last l ON l.CHILD = p.CHILD
            WHERE p.DATE_PLACED < getvariable('collection_start') AND (l.n IS NULL OR l.dated < l.n)
        """,
        hint="The decision was made before this year, so last year's return should have it, with its date. "
        "Check the decision date, and last year's PlacedAdoption record for the child.",
        previous=("PlacedAdoption",),
    ),
    Rule(
        code="560",
        message="Date of decision that the child should be placed for adoption this year is different from "
        "that recorded last year but the decision to place the child for adoption did not change.",
        level=Level.ERROR,
        tables=("PlacedAdoption",),
        fields=("DATE_PLACED", "DATE_PLACED_CEASED"),
        sql="""
            WITH open_last AS (
                SELECT DISTINCT CHILD, DATE_PLACED FROM placed_adoption_last
                WHERE DATE_PLACED IS NOT NULL AND DATE_PLACED_CEASED IS NULL
            ),
            not_carried AS (
                SELECT o.CHILD, o.DATE_PLACED FROM open_last o
                LEFT JOIN placed_adoption p ON p.CHILD = o.CHILD AND p.DATE_PLACED = o.DATE_PLACED
                WHERE p.CHILD IS NULL
            )
            SELECT 'PlacedAdoption' AS tbl, p._row
            FROM placed_adoption p JOIN not_carried n ON n.CHILD = p.CHILD
            WHERE p.DATE_PLACED IS DISTINCT FROM n.DATE_PLACED
        """,
        hint="Last year's return shows a decision still open, so this year's return carries it over with "
        "the same DATE_PLACED (and the date it ended, if it ended this year). Correct the date.",
        previous=("PlacedAdoption",),
    ),
    Rule(
        code="561",
        message="Date of the decision that the child should be placed for adoption this year is the same as "
        "that recorded last year but records show that the decision changed, and the child should no longer "
        "be placed for adoption last year.",
        level=Level.ERROR,
        tables=("PlacedAdoption",),
        fields=("DATE_PLACED",),
        sql="""
            SELECT 'PlacedAdoption' AS tbl, p._row FROM placed_adoption p
            JOIN placed_adoption_last l ON l.CHILD = p.CHILD AND l.DATE_PLACED = p.DATE_PLACED
            WHERE l.REASON_PLACED_CEASED IS NOT NULL OR l.DATE_PLACED_CEASED IS NOT NULL
        """,
        hint="Last year's return shows this decision ended, so it cannot continue this year. A new decision "
        "has its own date: check DATE_PLACED.",
        previous=("PlacedAdoption",),
    ),
    Rule(
        code="563",
        message="The child should no longer be placed for adoption but the date of the decision that the "
        "child should be placed for adoption is blank.",
        level=Level.ERROR,
        tables=("PlacedAdoption",),
        fields=("DATE_PLACED", "REASON_PLACED_CEASED", "DATE_PLACED_CEASED"),
        sql="""
            SELECT 'PlacedAdoption' AS tbl, _row FROM placed_adoption
            WHERE REASON_PLACED_CEASED IS NOT NULL AND DATE_PLACED_CEASED IS NOT NULL AND DATE_PLACED IS NULL
        """,
        hint="A decision that ended was first made: add the date of the decision (DATE_PLACED).",
    ),
    Rule(
        code="579",
        message="A new decision that the child should be placed for adoption this year cannot start when the "
        "previous decision is still open. Decisions to place the child for adoption should also not overlap. "
        "The date of any new decision to place the child for adoption must not be before the date placed "
        "ceased of previous decisions.",
        level=Level.ERROR,
        tables=("PlacedAdoption",),
        fields=("DATE_PLACED", "DATE_PLACED_CEASED"),
        # Each decision against the one before it (by DATE_PLACED, blanks last).
        sql="""
            SELECT 'PlacedAdoption' AS tbl, _row FROM (
                SELECT _row, DATE_PLACED,
                    lag(_row) OVER w AS row_before,
                    lag(DATE_PLACED_CEASED) OVER w AS ceased_before
                FROM placed_adoption
                WINDOW w AS (PARTITION BY CHILD ORDER BY DATE_PLACED NULLS LAST, _row)
            )
            WHERE row_before IS NOT NULL AND (ceased_before IS NULL OR DATE_PLACED < ceased_before)
        """,
        hint="A child has one decision at a time: the earlier decision must have ended "
        "(DATE_PLACED_CEASED) on or before the date of the next. Check the dates of the child's decisions.",
    ),
    Rule(
        code="583",
        message="More than one date the child should be placed for adoption has been reported, but an "
        "earlier decision has not been revoked. Check that both dates are required and add in the date the "
        "earlier decision was revoked. Note this may be in a previous year.",
        level=Level.ERROR,
        tables=("PlacedAdoption",),
        fields=("DATE_PLACED", "DATE_PLACED_CEASED"),
        # Every decision but the child's latest needs an end date. Of two decisions on the same latest
        # date, an open one counts as the latest (so only the other is checked), then the first in the file.
        sql="""
            SELECT 'PlacedAdoption' AS tbl, _row FROM (
                SELECT _row, DATE_PLACED_CEASED,
                    row_number() OVER (
                        PARTITION BY CHILD
                        ORDER BY DATE_PLACED DESC NULLS LAST, (DATE_PLACED_CEASED IS NULL) DESC, _row
                    ) AS nth_latest
                FROM placed_adoption
            )
            WHERE nth_latest > 1 AND DATE_PLACED_CEASED IS NULL
        """,
        hint="Only the child's latest decision may still be open. Add the date each earlier decision ended "
        "(DATE_PLACED_CEASED), or remove a decision reported twice.",
    ),
    Rule(
        code="584",
        message="Date of decision that the child should be placed for adoption this year is different from "
        "that recorded last year, but the decision to place the child for adoption changed and the child "
        "should no longer be placed for adoption.",
        level=Level.ERROR,
        tables=("PlacedAdoption",),
        fields=("DATE_PLACED",),
        sql="""
            SELECT 'PlacedAdoption' AS tbl, p._row FROM placed_adoption p
            JOIN placed_adoption_last l ON l.CHILD = p.CHILD
            WHERE (l.DATE_PLACED_CEASED IS NOT NULL OR l.REASON_PLACED_CEASED IS NOT NULL)
              AND (p.DATE_PLACED IS NULL OR p.DATE_PLACED <= l.DATE_PLACED)
        """,
        hint="Last year's decision ended, so a decision this year is a new one, made after it: check "
        "DATE_PLACED against last year's decision date.",
        previous=("PlacedAdoption",),
    ),
]
