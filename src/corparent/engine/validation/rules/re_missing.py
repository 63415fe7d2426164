"""Rules 1004-1006: missing and away-from-placement incidents (Missing).

Validation reads a malformed date as blank and keeps it as written in ``malformed`` (see rg_dates):
1004 finds a start date that is blank or malformed, 1005 an end date that is malformed.
"""

from __future__ import annotations

from corparent.engine.validation.rule import Level, Rule

RULES = [
    Rule(
        code="1004",
        message="The start date of the missing episode or episode that the child was away from placement "
        "without authorisation is not a valid date.",
        level=Level.ERROR,
        tables=("Missing",),
        fields=("MIS_START",),
        # A malformed date is read as blank, so this finds both.
        sql="SELECT 'Missing' AS tbl, _row FROM missing WHERE MIS_START IS NULL",
        hint="Every missing or away-from-placement incident needs the date it started, as DD/MM/YYYY. Add "
        "the start date from the child's record.",
    ),
    Rule(
        code="1005",
        message="The end date of the missing episode or episode that the child was away from placement "
        "without authorisation is not a valid date.",
        level=Level.ERROR,
        tables=("Missing",),
        fields=("MIS_END",),
        # MIS_END may be blank (the child has not yet returned): only a malformed one is flagged.
        sql="SELECT tbl, _row FROM malformed WHERE tbl = 'Missing' AND field = 'MIS_END'",
        hint="The end date of an incident must be a real date as DD/MM/YYYY, or blank if the child has not "
        "returned.",
    ),
    Rule(
        code="1006",
        message="Missing type invalid.",
        level=Level.ERROR,
        tables=("Missing",),
        fields=("MISSING",),
        sql="""
            SELECT 'Missing' AS tbl, _row FROM missing
            WHERE MISSING IS NOT NULL AND MISSING NOT IN ('M', 'A')
        """,
        hint="MISSING must be M (missing) or A (away from placement without authorisation). Correct the "
        "code for the incident.",
    ),
]
