"""Rules 1004-1006: missing and away-from-placement incidents (Missing).

Malformed dates never reach these rules: the reader refuses the return, naming the file, row and
value. What is left for the date rules is a blank date where one is required.
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
        # A malformed date is refused when the return is read, so what is left is a blank one.
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
        # MIS_END may be blank (the child has not yet returned), and a malformed date is refused when
        # the return is read, naming the file, row and value: nothing is left for this rule to find.
        sql="SELECT 'Missing' AS tbl, _row FROM missing WHERE false",
        hint="The end date of an incident must be a date as DD/MM/YYYY, or blank if the child has not "
        "returned. A malformed date stops the return being read, with the row named: correct it there.",
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
