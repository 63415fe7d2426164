"""Rules 100-199 on the UASC and Reviews tables."""

from __future__ import annotations

from corparent.engine.validation.rule import Level, Rule

CODES = "'PN0', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7'"

RULES = [
    Rule(
        code="104",
        message="Date for Unaccompanied Asylum-Seeking Children (UASC) status ceased is not a valid date.",
        level=Level.ERROR,
        tables=("UASC",),
        fields=("DUC",),
        # A DUC that is not a DD/MM/YYYY date (read as blank, kept in malformed), or one before the
        # collection year began.
        sql="""
            SELECT 'UASC' AS tbl, _row FROM uasc WHERE DUC < getvariable('collection_start')
            UNION ALL SELECT tbl, _row FROM malformed WHERE tbl = 'UASC' AND field = 'DUC'
        """,
        hint="The date UASC status ceased must be a real date as DD/MM/YYYY, and cannot be before 1 April "
        "of this collection year. Check the date on the child's UASC record.",
    ),
    Rule(
        code="166",
        message="Date of review is invalid or blank.",
        level=Level.ERROR,
        tables=("Reviews",),
        fields=("REVIEW",),
        # A REVIEW that is not a DD/MM/YYYY date is read as blank, so this finds both.
        sql="SELECT 'Reviews' AS tbl, _row FROM reviews WHERE REVIEW IS NULL",
        hint="Enter the date of the review on every review record.",
    ),
    Rule(
        code="167",
        message="Data entry for participation is invalid or blank.",
        level=Level.ERROR,
        tables=("Reviews",),
        fields=("REVIEW_CODE",),
        sql=f"""
            SELECT 'Reviews' AS tbl, _row FROM reviews
            WHERE NOT coalesce(
                (REVIEW IS NOT NULL AND REVIEW_CODE IN ({CODES}))
                OR (REVIEW IS NULL AND REVIEW_CODE IS NULL),
                false)
        """,
        hint="Record how the child took part in the review with a code PN0 to PN7.",
    ),
]
