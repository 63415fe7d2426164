"""Rules 700-710: deprivation of liberty orders (DoLo table, from 2026-27).

Each DoLo row is one order (DoLO) with its start and, once it has ended, its end date. Validation
reads a malformed date as blank and keeps it as written in ``malformed`` (see rg_dates).
"""

from __future__ import annotations

from corparent.engine.validation.rule import Level, Rule

_FROM_2026_27 = frozenset({2027})

PEER_DIFFERENCES: dict[str, str] = {
    "706": "the peer returns the rows of last year's DoLo file as if they were rows of this year's, so it "
    "points at whatever row of this year's file has that number (another child's, or none), and it fails "
    "when no previous year is supplied. We point at the child's first DoLo row this year, or at the "
    "child's Header row when the child has no DoLo this year.",
    "709": "the peer reads a column PLACEMENT, which the Episodes table does not have (it is PLACE), so "
    "the rule fails on every real return; we read PLACE.",
    "710": "the peer reads a column PLACEMENT, which the Episodes table does not have (it is PLACE), so "
    "the rule fails on every real return; we read PLACE.",
}

# Episodes overlapping a DoLO that has both dates (an open episode overlaps anything after its start).
_OVERLAPS = """
    WITH hit AS (
        SELECT d._row AS drow, e._row AS erow
        FROM dolo d JOIN episodes e ON e.CHILD = d.CHILD
        WHERE d.DOLO_START IS NOT NULL AND d.DOLO_END IS NOT NULL
          AND (d.DOLO_START <= e.DEC OR e.DEC IS NULL) AND d.DOLO_END >= e.DECOM
          AND {place}
    )
    SELECT DISTINCT 'DoLo' AS tbl, drow AS _row FROM hit
    UNION ALL
    SELECT DISTINCT 'Episodes' AS tbl, erow AS _row FROM hit
"""

RULES = [
    Rule(
        code="700",
        message="The start date of the DoLO is not a valid date.",
        level=Level.ERROR,
        tables=("DoLo",),
        fields=("DOLO_START",),
        # A malformed date is read as blank, so this finds both.
        sql="SELECT 'DoLo' AS tbl, _row FROM dolo WHERE DOLO_START IS NULL",
        hint="Every DoLO needs the date it started, as DD/MM/YYYY. Add the start date from the order.",
        years=_FROM_2026_27,
    ),
    Rule(
        code="701",
        message="The end date of the DoLO is not a valid date.",
        level=Level.ERROR,
        tables=("DoLo",),
        fields=("DOLO_END",),
        # DOLO_END may be blank (the order is still in force): only a malformed one is flagged.
        sql="SELECT tbl, _row FROM malformed WHERE tbl = 'DoLo' AND field = 'DOLO_END'",
        hint="The end date of a DoLO must be a real date as DD/MM/YYYY, or blank while the order is in "
        "force.",
        years=_FROM_2026_27,
    ),
    Rule(
        code="702",
        message="The date that the DoLO ended is before the date that it started.",
        level=Level.ERROR,
        tables=("DoLo",),
        fields=("DOLO_START", "DOLO_END"),
        sql="SELECT 'DoLo' AS tbl, _row FROM dolo WHERE DOLO_END <= DOLO_START",
        hint="The DoLO's end date is on or before its start date. Check both dates on the order.",
        years=_FROM_2026_27,
    ),
    Rule(
        code="703",
        message="The date that the DoLO started is after the end of the collection year.",
        level=Level.ERROR,
        tables=("DoLo",),
        fields=("DOLO_START",),
        sql="SELECT 'DoLo' AS tbl, _row FROM dolo WHERE DOLO_START > getvariable('collection_end')",
        hint="The DoLO starts after 31 March, the end of this return's year. Check the start date, or "
        "leave the order out until next year's return.",
        years=_FROM_2026_27,
    ),
    Rule(
        code="704",
        message="The date that the DoLO ended is before the start or after the end of the collection year.",
        level=Level.ERROR,
        tables=("DoLo",),
        fields=("DOLO_END",),
        sql="""
            SELECT 'DoLo' AS tbl, _row FROM dolo
            WHERE DOLO_END < getvariable('collection_start') OR DOLO_END > getvariable('collection_end')
        """,
        hint="Only an end date within this year (1 April to 31 March) is returned: an order that ended "
        "before the year is left out, and one ending after 31 March is still open (blank end date).",
        years=_FROM_2026_27,
    ),
    Rule(
        code="705",
        message="A DoLO cannot start when the previous DoLO is still open.",
        level=Level.ERROR,
        tables=("DoLo",),
        fields=("DOLO_START", "DOLO_END"),
        # A child's orders in the order they end (an open one at its start), as the peer sorts them;
        # each must start on or after the previous one's end, and only the last may be open.
        sql="""
            WITH ordered AS (
                SELECT _row, DOLO_START, lag(_row) OVER w AS prev_row, lag(DOLO_END) OVER w AS prev_end
                FROM dolo WHERE CHILD IS NOT NULL
                WINDOW w AS (
                    PARTITION BY CHILD
                    ORDER BY coalesce(DOLO_END, DOLO_START) NULLS LAST, DOLO_START NULLS LAST, _row
                )
            )
            SELECT 'DoLo' AS tbl, _row FROM ordered
            WHERE prev_row IS NOT NULL AND (prev_end IS NULL OR DOLO_START < prev_end)
        """,
        hint="The child's DoLOs overlap: this one starts before the previous one ended, or the previous "
        "one has no end date. Check the dates of the child's orders.",
        years=_FROM_2026_27,
    ),
    Rule(
        code="706",
        message="There is an open DoLO in last year's return and there is no corresponding DoLO recorded "
        "at the start of this year.",
        level=Level.ERROR,
        tables=("DoLo",),
        fields=("DOLO_START",),
        sql="""
            WITH open_last AS (
                SELECT DISTINCT CHILD, DOLO_START FROM dolo_last
                WHERE CHILD IS NOT NULL AND DOLO_START IS NOT NULL AND DOLO_END IS NULL
            ),
            lost AS (
                SELECT DISTINCT o.CHILD FROM open_last o
                WHERE NOT EXISTS (
                    SELECT 1 FROM dolo d WHERE d.CHILD = o.CHILD AND d.DOLO_START = o.DOLO_START
                )
            ),
            first_now AS (
                SELECT CHILD, _row FROM dolo WHERE CHILD IS NOT NULL
                QUALIFY row_number() OVER (PARTITION BY CHILD ORDER BY DOLO_START NULLS LAST, _row) = 1
            )
            SELECT 'DoLo' AS tbl, f._row FROM lost l JOIN first_now f ON f.CHILD = l.CHILD
            UNION ALL
            SELECT 'Header' AS tbl, h._row FROM lost l JOIN header h ON h.CHILD = l.CHILD
            WHERE NOT EXISTS (SELECT 1 FROM dolo d WHERE d.CHILD = l.CHILD)
        """,
        hint="Last year's return had this child's DoLO still open, so this year's must repeat it with the "
        "same start date (and its end date if it has ended). Add the order or correct its start date.",
        years=_FROM_2026_27,
        previous=("DoLo",),
    ),
    Rule(
        code="707",
        message="Child ceased to be looked after but there is a DoLO without an end date.",
        level=Level.ERROR,
        tables=("DoLo", "Episodes"),
        fields=("DOLO_END",),
        # Periods of care: a child's episodes in order of DECOM, a new period starting when an episode
        # begins after the previous one ended. A DoLO is flagged when it fits none of the child's
        # periods: open after the period ended or starting before it, or ending outside it (as the
        # peer does, following rule 577 for missing episodes). A child with no episodes is not checked.
        sql="""
            WITH eps AS (
                SELECT CHILD, DECOM, DEC, _row,
                    CASE WHEN lag(_row) OVER w IS NULL OR DECOM > lag(DEC) OVER w THEN 1 ELSE 0 END AS new_poc
                FROM episodes WHERE CHILD IS NOT NULL AND DECOM IS NOT NULL
                WINDOW w AS (PARTITION BY CHILD ORDER BY DECOM, _row)
            ),
            numbered AS (
                SELECT *, sum(new_poc) OVER (
                    PARTITION BY CHILD ORDER BY DECOM, _row ROWS UNBOUNDED PRECEDING
                ) AS poc
                FROM eps
            ),
            pocs AS (
                SELECT CHILD, min(DECOM) AS poc_start, last(DEC ORDER BY DECOM, _row) AS poc_end
                FROM numbered GROUP BY CHILD, poc
            )
            SELECT 'DoLo' AS tbl, d._row
            FROM dolo d JOIN pocs p ON p.CHILD = d.CHILD
            WHERE d.DOLO_START IS NOT NULL
            GROUP BY d._row
            HAVING bool_and(
                (d.DOLO_END IS NULL AND p.poc_end IS NOT NULL)
                OR (d.DOLO_END IS NULL AND d.DOLO_START < p.poc_start)
                OR coalesce(d.DOLO_END > p.poc_end, false)
                OR coalesce(d.DOLO_END < p.poc_start, false)
            )
        """,
        hint="The DoLO has no end date, or dates outside the child's time in care, though the child's "
        "period of care has ended. Record when the order ended, or check the episode and order dates.",
        years=_FROM_2026_27,
    ),
    Rule(
        code="708",
        message="Dates of DoLOs are before child's date of birth.",
        level=Level.ERROR,
        tables=("DoLo",),
        fields=("DOLO_START",),
        sql="SELECT 'DoLo' AS tbl, _row FROM dolo WHERE DOLO_START <= DOB",
        hint="The DoLO starts on or before the child's date of birth. Check the start date and the DOB "
        "given on the DoLo row.",
        years=_FROM_2026_27,
    ),
    Rule(
        code="709",
        message="Child with a DoLO is in an unexpected placement type.",
        level=Level.WARNING,
        tables=("DoLo", "Episodes"),
        fields=("DOLO_START", "PLACE"),
        sql=_OVERLAPS.format(place="(e.PLACE IS NULL OR e.PLACE NOT IN ('K2', 'Z12', 'Z13'))"),
        hint="While a DoLO is in force the child is expected to be placed in a children's home (K2) or "
        "under placement codes Z12 or Z13. Check the placement type of the episodes flagged.",
        years=_FROM_2026_27,
    ),
    Rule(
        code="710",
        message="Child with a DoLO can not be placed in secure children's homes, with parents, young "
        "offender institutions, or supported accommodation.",
        level=Level.ERROR,
        tables=("DoLo", "Episodes"),
        fields=("DOLO_START", "PLACE"),
        sql=_OVERLAPS.format(place="e.PLACE IN ('K1', 'P1', 'R5', 'K3')"),
        hint="A child under a DoLO cannot be in a secure children's home (K1), with parents (P1), in a young "
        "offender institution (R5) or supported accommodation (K3). Check the order and placement dates.",
        years=_FROM_2026_27,
    ),
]
