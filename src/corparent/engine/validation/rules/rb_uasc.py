"""Rules 205A-205D, 231 and 304: unaccompanied asylum-seeking children (UASC) and when that ceased.

A CSV return has no UASC flag of its own: as in DfE's CSV layout (and the peer's reading of it), a
child has UASC status in a year when the child is in that year's UASC file and Header file. The
XML form's UASC=0 children with a UASC record cannot be written in CSV, so rule 303 ("DUC given but
UASC status not 1") cannot arise in a CSV return and is not declared; 205A-205C compare this
status and the date status ceased (DUC) across the two years.
"""

from __future__ import annotations

from corparent.engine.validation.rule import Level, Rule

PEER_DIFFERENCES: dict[str, str] = {
    "205A": "The peer looks only at children with a row in this year's UASC file, so in a CSV return "
    "it can flag only a UASC row whose child is missing from the Header. We also check the "
    "children DfE's rule is about: in this year's Header, UASC last year, but not in this year's "
    "UASC file, whose date UASC ceased last year is blank or outside last year (their Header row "
    "is flagged).",
    "231": "The peer reads a Header column UASC_STATUS that no return has, so it always crashes. We "
    "check what DfE asks: a child in this year's UASC file who is under 11 at 31 March.",
}

# The children with UASC status this year and last year (see the module's docstring).
_STATUS = """
    uasc_now AS (SELECT DISTINCT CHILD FROM uasc SEMI JOIN header USING (CHILD)),
    uasc_before AS (SELECT DISTINCT CHILD FROM uasc_last SEMI JOIN header_last USING (CHILD))
"""

RULES = [
    Rule(
        code="205A",
        message="Child identified as UASC last year is no longer UASC this year, but date UASC ceased "
        "in both years does not support this.",
        level=Level.ERROR,
        tables=("Header", "UASC"),
        previous=("Header", "UASC"),
        fields=("CHILD", "DUC"),
        sql=f"""
            WITH {_STATUS},
            duc_not_last_year AS (
                SELECT DISTINCT CHILD FROM uasc_last SEMI JOIN uasc_before USING (CHILD)
                WHERE DUC IS NULL OR DUC NOT BETWEEN
                    (getvariable('collection_start') - INTERVAL 1 YEAR)::DATE
                    AND (getvariable('collection_end') - INTERVAL 1 YEAR)::DATE
            )
            SELECT 'UASC' AS tbl, u._row
            FROM uasc u SEMI JOIN uasc_before USING (CHILD) ANTI JOIN uasc_now USING (CHILD)
            WHERE u.DUC IS NOT NULL OR u.CHILD IN (SELECT CHILD FROM duc_not_last_year)
            UNION ALL
            SELECT 'Header' AS tbl, h._row
            FROM header h SEMI JOIN duc_not_last_year USING (CHILD) ANTI JOIN uasc USING (CHILD)
        """,
        hint="The child was UASC in last year's return but is not UASC this year, so UASC status must "
        "have ceased last year: last year's date UASC ceased (DUC) must fall in last year's "
        "collection year. Check the child's UASC history, and either record the date it ceased or "
        "keep the child in this year's UASC file (with the child in the Header).",
    ),
    Rule(
        code="205B",
        message="Child previously identified as UASC is also UASC this year, but date UASC ceased in "
        "both years does not support this.",
        level=Level.ERROR,
        tables=("Header", "UASC"),
        previous=("Header", "UASC"),
        fields=("DUC",),
        sql=f"""
            WITH {_STATUS},
            wrong AS (
                SELECT u._row, u.CHILD
                FROM uasc u
                SEMI JOIN uasc_now USING (CHILD)
                JOIN uasc_last l ON l.CHILD = u.CHILD
                SEMI JOIN uasc_before ON uasc_before.CHILD = u.CHILD
                WHERE NOT coalesce(l.DUC = (l.DOB + INTERVAL 18 YEAR)::DATE, false)
                   OR (NOT coalesce(u.DUC BETWEEN getvariable('collection_start')
                                    AND getvariable('collection_end'), false)
                       AND NOT coalesce(u.DUC = l.DUC, false))
            )
            SELECT 'UASC' AS tbl, _row FROM wrong
            UNION ALL
            SELECT 'Header' AS tbl, h._row FROM header h SEMI JOIN wrong USING (CHILD)
        """,
        hint="The child is UASC in both years, so last year's date UASC ceased must be the child's "
        "18th birthday, and this year's must be the same date or fall in this collection year. Check "
        "the dates of birth and UASC ceased in both years and correct them.",
    ),
    Rule(
        code="205C",
        message="Child not identified as UASC either this year or last year but date UASC ceased has "
        "been provided.",
        level=Level.ERROR,
        tables=("Header", "UASC"),
        previous=("Header", "UASC"),
        fields=("DUC",),
        # The child has a UASC row this year without a Header row, and no UASC status last year.
        sql=f"""
            WITH {_STATUS}
            SELECT 'UASC' AS tbl, u._row
            FROM uasc u ANTI JOIN uasc_now USING (CHILD) ANTI JOIN uasc_before USING (CHILD)
            WHERE u.DUC IS NOT NULL
               OR u.CHILD IN (SELECT CHILD FROM uasc_last WHERE DUC IS NOT NULL)
        """,
        hint="A date UASC ceased is given for a child who has no UASC status in either year (the child "
        "is in the UASC file but not in the Header). Add the child to the Header, or remove the "
        "UASC row if the child was never UASC.",
    ),
    Rule(
        code="205D",
        message="Child identified as UASC this year but not identified as UASC status provided for the "
        "child last year.",
        level=Level.ERROR,
        tables=("Header", "UASC"),
        previous=("Header", "UASC"),
        fields=("CHILD",),
        sql="""
            SELECT 'Header' AS tbl, h._row
            FROM header h
            SEMI JOIN header_last USING (CHILD)
            SEMI JOIN uasc USING (CHILD)
            ANTI JOIN uasc_last USING (CHILD)
        """,
        hint="The child is in this year's UASC file and was in last year's return, but not in last "
        "year's UASC file. Check whether the child was UASC last year; if so, last year's return "
        "needs correcting, otherwise remove the child from this year's UASC file.",
    ),
    Rule(
        code="231",
        message="We expect that unaccompanied asylum seeking children are generally older young people. "
        "Please check the date of birth is correct. If the date of birth is correct then please "
        "provide details in a bypass request.",
        level=Level.WARNING,
        tables=("Header", "UASC"),
        fields=("DOB",),
        sql="""
            SELECT 'Header' AS tbl, h._row
            FROM header h SEMI JOIN uasc USING (CHILD)
            WHERE h.DOB > (getvariable('collection_end') - INTERVAL 11 YEAR)::DATE
        """,
        hint="The child is in the UASC file but is under 11 at 31 March. Check the date of birth; if it "
        "is right, explain the case to DfE in a bypass request.",
    ),
    Rule(
        code="304",
        message="Date unaccompanied asylum-seeking child (UASC) status ceased must be on or before the "
        "18th birthday of a child.",
        level=Level.ERROR,
        tables=("UASC",),
        fields=("DUC",),
        sql="""
            SELECT 'UASC' AS tbl, _row FROM uasc
            WHERE DUC > (DOB + INTERVAL 18 YEAR)::DATE
        """,
        hint="UASC status ends on the 18th birthday at the latest. Check the date of birth and the date "
        "UASC status ceased (DUC) in the UASC file and correct whichever is wrong.",
    ),
]
