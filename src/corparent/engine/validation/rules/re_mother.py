"""Rules 607-628: a young person who is a mother (Header MOTHER and MC_DOB, her child's birth date).

MOTHER is 1 (the young person is a mother) or 0 (she is not); MC_DOB is the date of birth of her
first child. A malformed MC_DOB is blank for these rules (rule 171, in rg_dates, reports it).
"""

from __future__ import annotations

from corparent.engine.validation.rule import Level, Rule
from corparent.engine.validation.rules.re_care_leavers import birthday

PEER_DIFFERENCES: dict[str, str] = {
    "621": "the peer also flags a child's MC_DOB when the child's own DOB is blank (a comparison with a "
    "blank date counts as a failure there); a blank DOB is reported by the DOB rules, and we compare "
    "only when both dates are given.",
    "625": "the peer takes the child's latest episode to be the one with the latest end date, ignoring "
    "an open episode: a young mother still in care whose baby was born after an earlier episode ended "
    "is flagged, and a child whose episodes are all open is never checked against the end of the year. "
    "We take the latest episode by start date (DECOM), and check MC_DOB against the end of the year "
    "for every child.",
}

RULES = [
    Rule(
        code="607",
        message="Child ceased to be looked after in the year, but mother field has not been completed.",
        level=Level.ERROR,
        tables=("Episodes", "Header"),
        fields=("DEC", "REC", "MOTHER", "LS", "SEX"),
        sql="""
            WITH hit AS (
                SELECT e._row AS erow, h._row AS hrow
                FROM episodes e JOIN header h ON h.CHILD = e.CHILD
                WHERE e.DEC BETWEEN getvariable('collection_start') AND getvariable('collection_end')
                  AND e.REC IS NOT NULL AND e.REC <> 'X1'
                  AND (e.LS IS NULL OR e.LS NOT IN ('V3', 'V4'))
                  AND h.SEX = 'F' AND h.MOTHER IS NULL
            )
            SELECT 'Episodes' AS tbl, erow AS _row FROM hit
            UNION ALL
            SELECT DISTINCT 'Header' AS tbl, hrow AS _row FROM hit
        """,
        hint="A girl who stopped being looked after this year (other than after short breaks) must have "
        "MOTHER recorded: 1 if she is a mother, 0 if not. Complete MOTHER on her Header record.",
    ),
    Rule(
        code="611",
        message="Date of birth field is blank, but child is a mother.",
        level=Level.ERROR,
        tables=("Header",),
        fields=("MOTHER", "MC_DOB"),
        sql="""
            SELECT 'Header' AS tbl, _row FROM header WHERE MOTHER = '1' AND MC_DOB IS NULL
        """,
        hint="The young person is recorded as a mother (MOTHER 1) but her child's date of birth (MC_DOB) "
        "is blank. Add the date of birth of her first child, or correct MOTHER.",
    ),
    Rule(
        code="612",
        message="Date of birth field has been completed but mother field indicates child is not a mother.",
        level=Level.ERROR,
        tables=("Header",),
        fields=("SEX", "MOTHER", "MC_DOB"),
        sql="""
            SELECT 'Header' AS tbl, _row FROM header
            WHERE (MOTHER = '0' OR MOTHER IS NULL) AND SEX = 'F' AND MC_DOB IS NOT NULL
        """,
        hint="A child's date of birth (MC_DOB) is recorded, but MOTHER is 0 or blank. If the young person "
        "is a mother set MOTHER to 1; otherwise remove MC_DOB.",
    ),
    Rule(
        code="620",
        message="Child has been recorded as a mother, but date of birth shows that the mother is under 11 "
        "years of age.",
        level=Level.ERROR,
        tables=("Header",),
        fields=("DOB", "MOTHER"),
        sql=f"""
            SELECT 'Header' AS tbl, _row FROM header
            WHERE MOTHER = '1' AND {birthday("DOB", 11)} > getvariable('collection_start')
        """,
        hint="The young person is recorded as a mother but was under 11 at the start of the year. Check "
        "her date of birth (DOB) and MOTHER, and correct whichever is wrong.",
    ),
    Rule(
        code="621",
        message="Mother's field has been completed but date of birth shows that the mother is younger "
        "than her child.",
        level=Level.ERROR,
        tables=("Header",),
        fields=("DOB", "MC_DOB"),
        sql="""
            SELECT 'Header' AS tbl, _row FROM header WHERE MC_DOB <= DOB
        """,
        hint="The date of birth of the young person's child (MC_DOB) is on or before her own date of "
        "birth (DOB). Check both dates in the case record and correct the wrong one.",
    ),
    Rule(
        code="624",
        message="Date of birth of the first child contradicts the date of birth of the first child "
        "previously recorded.",
        level=Level.ERROR,
        tables=("Header",),
        fields=("MC_DOB",),
        sql="""
            SELECT DISTINCT 'Header' AS tbl, h._row
            FROM header h JOIN header_last p ON p.CHILD = h.CHILD
            WHERE p.MC_DOB IS NOT NULL AND h.MC_DOB IS DISTINCT FROM p.MC_DOB
        """,
        hint="Last year's return gave a different date of birth for this young person's first child (or "
        "this year's is blank). Check the child's date of birth and make both years agree.",
        previous=("Header",),
    ),
    Rule(
        code="625",
        message="Date of birth of the first child is beyond the end of this reporting year or the date "
        "the child ceased to be looked after.",
        level=Level.ERROR,
        tables=("Episodes", "Header"),
        fields=("MC_DOB", "DEC"),
        # The child's latest episode is the one that started last (ties: the first in the file).
        sql="""
            WITH latest AS (
                SELECT CHILD, _row, DEC FROM episodes
                WHERE CHILD IS NOT NULL AND DECOM IS NOT NULL
                QUALIFY row_number() OVER (PARTITION BY CHILD ORDER BY DECOM DESC, _row) = 1
            ),
            hit AS (
                SELECT h._row AS hrow, l._row AS erow
                FROM header h LEFT JOIN latest l ON l.CHILD = h.CHILD
                WHERE h.MC_DOB > getvariable('collection_end') OR h.MC_DOB > l.DEC
            )
            SELECT 'Header' AS tbl, hrow AS _row FROM hit
            UNION ALL
            SELECT 'Episodes' AS tbl, erow AS _row FROM hit WHERE erow IS NOT NULL
        """,
        hint="The date of birth of the young person's child (MC_DOB) is after the end of the year, or after "
        "she stopped being looked after. Check MC_DOB and the end date (DEC) of her latest episode.",
    ),
    Rule(
        code="626",
        message="Child was reported as a mother but the date of birth of the first child is before the "
        "current year which contradicts with the mother status recorded last year.",
        level=Level.ERROR,
        tables=("Header",),
        fields=("MOTHER", "MC_DOB"),
        sql="""
            SELECT DISTINCT 'Header' AS tbl, h._row
            FROM header h JOIN header_last p ON p.CHILD = h.CHILD
            WHERE h.MOTHER = '1' AND p.MOTHER = '0'
              AND h.MC_DOB < getvariable('collection_start')
        """,
        hint="Last year the young person was recorded as not a mother, yet her child's date of birth "
        "(MC_DOB) is before this year began. Check MC_DOB, and last year's MOTHER if it was wrong.",
        previous=("Header",),
    ),
    Rule(
        code="628",
        message="Motherhood details are not required for care leavers who have not been looked after "
        "during the year.",
        level=Level.ERROR,
        tables=("Episodes", "Header", "OC3"),
        fields=("MOTHER",),
        sql="""
            SELECT 'Header' AS tbl, h._row FROM header h
            WHERE h.MOTHER IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM episodes e WHERE e.CHILD = h.CHILD)
              AND EXISTS (
                  SELECT 1 FROM oc3 o WHERE o.CHILD = h.CHILD
                    AND (o.IN_TOUCH IS NOT NULL OR o.ACTIV IS NOT NULL OR o.ACCOM IS NOT NULL)
              )
        """,
        hint="This care leaver was not looked after during the year, so MOTHER should be blank. Remove "
        "MOTHER from her Header record (or add the missing episodes if she was looked after).",
    ),
]
