"""Rules 564-567, 570, 571, 574-578, 580, 581 and 586: missing and away-from-placement periods.

A Missing row is one period a child was missing (M) or away from placement without authorisation
(A), from MIS_START to MIS_END. These rules check its fields, that a child's periods do not
overlap, that they fall within the child's care, and that an open period carries over a year end.
"""

from __future__ import annotations

from corparent.engine.validation.rule import Level, Rule

# Periods of care: a child's episodes (by start date) run together while each starts no later than
# the one before it ended. Each period has its first start (poc_decom) and the end of its last
# episode (poc_dec, NULL while the last episode is open).
PERIODS_OF_CARE = """
    periods_of_care AS (
        SELECT CHILD, period,
            min(DECOM) AS poc_decom,
            arg_max_null(DEC, nth) AS poc_dec
        FROM (
            SELECT CHILD, DECOM, DEC, nth,
                sum(CASE WHEN nth = 1 OR DECOM > dec_before THEN 1 ELSE 0 END)
                    OVER (PARTITION BY CHILD ORDER BY nth ROWS UNBOUNDED PRECEDING) AS period
            FROM (
                SELECT CHILD, DECOM, DEC,
                    row_number() OVER (PARTITION BY CHILD ORDER BY DECOM, _row) AS nth,
                    lag(DEC) OVER (PARTITION BY CHILD ORDER BY DECOM, _row) AS dec_before
                FROM episodes WHERE CHILD IS NOT NULL AND DECOM IS NOT NULL
            )
        )
        GROUP BY CHILD, period
    )
"""

_FIELDS = ("MISSING", "MIS_START")


def _missing(code: str, message: str, fields: tuple[str, ...], where: str, hint: str) -> Rule:
    return Rule(
        code=code,
        message=message,
        level=Level.ERROR,
        tables=("Missing",),
        fields=fields,
        sql=f"SELECT 'Missing' AS tbl, _row FROM missing WHERE {where}",
        hint=hint,
    )


RULES = [
    _missing(
        "564",
        "Child was missing or away from placement without authorisation and the date started is blank.",
        _FIELDS,
        "MISSING IN ('M', 'A') AND MIS_START IS NULL",
        "Add the date the child went missing or away from placement (MIS_START).",
    ),
    _missing(
        "565",
        "The date that the child started to be missing or away from placement without authorisation has "
        "been completed but whether the child was missing or away from placement without authorisation has "
        "not been completed.",
        _FIELDS,
        "MIS_START IS NOT NULL AND MISSING IS NULL",
        "Say whether the child was missing (M) or away from placement without authorisation (A).",
    ),
    _missing(
        "566",
        "The date that the child's episode of being missing or away from placement without authorisation "
        "ended has been completed but whether the child was missing or away without authorisation has not "
        "been completed.",
        ("MISSING", "MIS_END"),
        "MIS_END IS NOT NULL AND MISSING IS NULL",
        "Say whether the child was missing (M) or away from placement without authorisation (A).",
    ),
    _missing(
        "567",
        "The date that the missing episode or episode that the child was away from placement without "
        "authorisation ended is before the date that it started.",
        ("MIS_START", "MIS_END"),
        "MIS_START > MIS_END",
        "A period cannot end before it started. Check the start (MIS_START) and end (MIS_END) dates.",
    ),
    _missing(
        "570",
        "The date that the child started to be missing or away from placement without authorisation is "
        "after the end of the collection year.",
        ("MIS_START",),
        "MIS_START > getvariable('collection_end')",
        "The return covers periods up to 31 March. Check the start date, and leave out periods that began "
        "after the year ended.",
    ),
    _missing(
        "571",
        "The date that the child ceased to be missing or away from placement without authorisation is "
        "before the start or after the end of the collection year.",
        ("MIS_END",),
        "MIS_END < getvariable('collection_start') OR MIS_END > getvariable('collection_end')",
        "A period in this year's return ends within the year (1 April to 31 March), or is still open. "
        "Check the end date; a period still open on 31 March has no end date.",
    ),
    Rule(
        code="574",
        message="A new missing/away from placement without authorisation period cannot start when the "
        "previous missing/away from placement without authorisation period is still open. Missing/away from "
        "placement without authorisation periods should also not overlap.",
        level=Level.ERROR,
        tables=("Missing",),
        fields=("MIS_START", "MIS_END"),
        # Each period against the one before it, ordered by end date (an open period by its start).
        sql="""
            SELECT 'Missing' AS tbl, _row FROM (
                SELECT _row, MIS_START,
                    lag(_row) OVER w AS row_before,
                    lag(MIS_END) OVER w AS end_before
                FROM missing
                WINDOW w AS (
                    PARTITION BY CHILD
                    ORDER BY coalesce(MIS_END, MIS_START) NULLS LAST, MIS_START NULLS LAST, _row
                )
            )
            WHERE row_before IS NOT NULL AND (end_before IS NULL OR MIS_START < end_before)
        """,
        hint="A child has one missing or away period at a time: the one before must have ended (MIS_END) "
        "on or before this one started. Check the dates of the child's periods.",
    ),
    Rule(
        code="575",
        message="If the placement from which the child goes missing/away from placement without "
        "authorisation ends, the missing/away from placement without authorisation period in the missing "
        "module must also have an end date.",
        level=Level.ERROR,
        tables=("Episodes", "Missing"),
        fields=("MIS_END",),
        sql="""
            SELECT 'Missing' AS tbl, m._row FROM missing m JOIN episodes e ON e.CHILD = m.CHILD
            WHERE m.MIS_END IS NULL AND e.DEC IS NOT NULL AND m.MIS_START BETWEEN e.DECOM AND e.DEC
        """,
        hint="The placement the child went missing from has ended, so the missing or away period has ended "
        "too: add its end date (MIS_END).",
    ),
    Rule(
        code="576",
        message="There is an open missing/away from placement without authorisation period in last year's "
        "return and there is no corresponding period recorded at the start of this year.",
        level=Level.ERROR,
        tables=("Missing",),
        fields=("CHILD",),
        # The child's earliest period this year (a blank start counts as latest) must start when
        # last year's open period did.
        sql="""
            WITH first_now AS (
                SELECT CHILD, _row, coalesce(MIS_START, DATE '2099-01-01') AS start_date FROM missing
                WHERE CHILD IS NOT NULL
                QUALIFY row_number() OVER (PARTITION BY CHILD ORDER BY start_date, _row) = 1
            )
            SELECT 'Missing' AS tbl, f._row FROM first_now f
            JOIN missing_last l ON l.CHILD = f.CHILD
            WHERE l.MIS_END IS NULL AND l.MIS_START IS NOT NULL AND f.start_date <> l.MIS_START
        """,
        hint="Last year's return has a period still open at 31 March, so this year's return carries it "
        "over with the same start date. Add it, or correct its start date.",
        previous=("Missing",),
    ),
    Rule(
        code="577",
        message="Child ceased to be looked after but there is a missing/away from placement without "
        "authorisation period without an end date.",
        level=Level.ERROR,
        tables=("Episodes", "Missing"),
        fields=("MIS_END",),
        # Flagged when, against every one of the child's periods of care, the missing period is out
        # of place: open though the care period ended; open but started before it; or ended after it
        # ended or before it began.
        sql=f"""
            WITH {PERIODS_OF_CARE}
            SELECT 'Missing' AS tbl, m._row FROM missing m JOIN periods_of_care p ON p.CHILD = m.CHILD
            WHERE m.MIS_START IS NOT NULL
            GROUP BY m._row
            HAVING bool_and(
                coalesce(m.MIS_END IS NULL AND p.poc_dec IS NOT NULL, false)
                OR coalesce(m.MIS_END IS NULL AND m.MIS_START < p.poc_decom, false)
                OR coalesce(m.MIS_END > p.poc_dec, false)
                OR coalesce(m.MIS_END < p.poc_decom, false)
            )
        """,
        hint="The child's care ended, so a missing or away period during it has ended too: add its end date "
        "(MIS_END), or check its dates against the child's episodes.",
    ),
    Rule(
        code="578",
        message="The date that the child started to be missing is after the child ceased to be looked after.",
        level=Level.ERROR,
        tables=("Episodes", "Missing"),
        fields=("MIS_START",),
        # Flagged when the start falls outside every one of the child's periods of care.
        sql=f"""
            WITH {PERIODS_OF_CARE}
            SELECT 'Missing' AS tbl, m._row FROM missing m JOIN periods_of_care p ON p.CHILD = m.CHILD
            GROUP BY m._row
            HAVING bool_and(
                coalesce(m.MIS_START < p.poc_decom, false) OR coalesce(m.MIS_START > p.poc_dec, false)
            )
        """,
        hint="A child is recorded as missing only while looked after. Check the start date (MIS_START) "
        "against the child's episodes.",
    ),
    Rule(
        code="580",
        message="Child is missing when cease being looked after but reason episode ceased not 'E8'.",
        level=Level.ERROR,
        tables=("Episodes", "Missing"),
        fields=("REC",),
        sql="""
            SELECT 'Episodes' AS tbl, e._row FROM missing m JOIN episodes e ON e.CHILD = m.CHILD
            WHERE m.MIS_END = CAST(m.DOB + INTERVAL 18 YEAR AS DATE) AND e.DEC = m.MIS_END
              AND e.REC IS DISTINCT FROM 'E8'
        """,
        hint="The child was still missing on their 18th birthday, when they left care: the episode ended "
        "for another reason (E8). Check the reason the episode ended.",
    ),
    Rule(
        code="581",
        message="Child is missing but has not yet started to be looked after.",
        level=Level.ERROR,
        tables=("Episodes", "Missing"),
        fields=("MIS_START",),
        # As the peer: flagged when the start (blank counts as outside) is in none of the child's
        # episodes.
        sql="""
            SELECT 'Missing' AS tbl, m._row FROM missing m JOIN episodes e ON e.CHILD = m.CHILD
            GROUP BY m._row
            HAVING NOT bool_or(
                coalesce(m.MIS_START >= e.DECOM AND (m.MIS_START <= e.DEC OR e.DEC IS NULL), false)
            )
        """,
        hint="A child is recorded as missing only while looked after: the start date (MIS_START) falls in "
        "none of the child's episodes. Check it, and the episodes' dates.",
    ),
    _missing(
        "586",
        "Dates of missing periods are before child's date of birth.",
        ("MIS_START",),
        "MIS_START <= DOB",
        "A child cannot go missing before (or on) the day they were born. Check the start date and the "
        "date of birth.",
    ),
]
