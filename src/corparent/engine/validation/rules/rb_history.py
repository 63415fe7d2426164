"""Rules 202-208: a child's Header details must agree with those already recorded last year.

Each compares this year's Header row with the child's row in last year's Header (matched on
CHILD), so each runs only when last year's return is supplied.
"""

from __future__ import annotations

from corparent.engine.validation.rule import Level, Rule

PEER_DIFFERENCES: dict[str, str] = {
    "202": "The peer compares the SEX codes as written, so in 2024-25 (when SEX changed from 1/2 to "
    "M/F/U), and whenever last year's return still uses 1/2, every child recorded as 1 or 2 last "
    "year and M or F this year is flagged. We read 1 as M and 2 as F before comparing, so only a "
    "real change of sex is flagged (an out-of-date code itself is rule 101's concern).",
}

_UN2_TO_5 = "('UN2', 'UN3', 'UN4', 'UN5')"
_UN_CODES = "('UN1', 'UN2', 'UN3', 'UN4', 'UN5')"

RULES = [
    Rule(
        code="202",
        message="The gender code conflicts with the gender already recorded for this child.",
        level=Level.ERROR,
        tables=("Header",),
        previous=("Header",),
        fields=("SEX",),
        sql="""
            SELECT 'Header' AS tbl, h._row
            FROM header h JOIN header_last l ON l.CHILD = h.CHILD
            WHERE (CASE h.SEX WHEN '1' THEN 'M' WHEN '2' THEN 'F' ELSE h.SEX END)
                IS DISTINCT FROM (CASE l.SEX WHEN '1' THEN 'M' WHEN '2' THEN 'F' ELSE l.SEX END)
        """,
        hint="The child's sex differs from last year's return (1 and 2 in returns before 2024-25 are "
        "read as M and F). Check the child's record and correct whichever year is wrong.",
    ),
    Rule(
        code="203",
        message="Date of birth disagrees with the date of birth already recorded for this child.",
        level=Level.ERROR,
        tables=("Header",),
        previous=("Header",),
        fields=("DOB",),
        sql="""
            SELECT 'Header' AS tbl, h._row
            FROM header h JOIN header_last l ON l.CHILD = h.CHILD
            WHERE h.DOB IS DISTINCT FROM l.DOB
        """,
        hint="The child's date of birth differs from last year's return (or is blank in one year). "
        "Confirm the date of birth and correct it in the child's record.",
    ),
    Rule(
        code="204",
        message="Ethnic origin code disagrees with the ethnic origin already recorded for this child.",
        level=Level.ERROR,
        tables=("Header",),
        previous=("Header",),
        fields=("ETHNIC",),
        sql="""
            SELECT 'Header' AS tbl, h._row
            FROM header h JOIN header_last l ON l.CHILD = h.CHILD
            WHERE h.ETHNIC IS DISTINCT FROM l.ETHNIC
        """,
        hint="The child's ethnic origin differs from last year's return (or is blank in one year). "
        "Check which is right with the child's record and correct the other.",
    ),
    Rule(
        code="207",
        message="Mother status for the current year disagrees with the mother status already recorded "
        "for this child.",
        level=Level.ERROR,
        tables=("Header", "Episodes"),
        previous=("Header",),
        fields=("MOTHER",),
        sql="""
            SELECT 'Header' AS tbl, h._row
            FROM header h
            JOIN header_last l ON l.CHILD = h.CHILD
            SEMI JOIN episodes e ON e.CHILD = h.CHILD
            WHERE l.MOTHER = '1' AND h.MOTHER IS DISTINCT FROM '1'
        """,
        hint="Last year's return recorded this child as a mother (MOTHER 1), so this year MOTHER must "
        "also be 1. Check the child's record and correct MOTHER.",
    ),
    Rule(
        code="208",
        message="Unique Pupil Number (UPN) for the current year disagrees with the Unique Pupil Number "
        "(UPN) already recorded for this child.",
        level=Level.ERROR,
        tables=("Header",),
        previous=("Header",),
        fields=("UPN",),
        # Allowed changes: UN1 or blank to UN2-UN5, and an unknown code (or blank) to a real UPN.
        # Blank in both years is left to rule 442.
        sql=f"""
            SELECT 'Header' AS tbl, _row FROM (
                SELECT h._row, upper(h.UPN) AS now, upper(l.UPN) AS before
                FROM header h JOIN header_last l ON l.CHILD = h.CHILD
            )
            WHERE now IS DISTINCT FROM before
              AND NOT ((before IS NULL OR before = 'UN1') AND coalesce(now IN {_UN2_TO_5}, false))
              AND NOT ((before IS NULL OR before IN {_UN_CODES})
                       AND NOT (now IS NULL OR now IN {_UN_CODES}))
        """,
        hint="The UPN differs from last year's. A UPN may only change from UN1 (or blank) to UN2-UN5, "
        "or from an unknown code (or blank) to the child's real UPN. Check the UPN with the child's "
        "school or the education team and correct it.",
    ),
]
