"""Rules 1000-1016 and 3001 on care leavers (OC3): who may have care leaver information, and what.

OC3 holds care leavers around their 17th to 21st birthdays: whether the council is in touch
(IN_TOUCH), their activity (ACTIV) and accommodation (ACCOM). Several rules look at the child's
episodes in this year's and, where supplied, last year's return (``episodes_last`` is empty when
last year was not supplied).
"""

from __future__ import annotations

from corparent.engine.validation.rule import Level, Rule

PEER_DIFFERENCES: dict[str, str] = {
    "1001": "the peer leaves young people aged 20 or over at the end of the year (and those with no date "
    "of birth) out of its count of time in care, as its own comment intends, but then counts them as "
    "having no qualifying care, so it flags every 20- and 21-year-old care leaver; we do not flag them "
    "(an adopted child is still flagged at any age).",
    "1007": "the peer counts a child as looked after on the birthday only if an episode ends after it, so "
    "a child whose episode is still open, the case the rule is for, is never flagged; and it fails "
    "outright when a young person was born on 29 February. We treat an open episode as continuing, and "
    "take a 29 February birthday as 1 March in other years.",
    "1016": "the peer measures age in years of 365.2425 days, so a young person on or just after a "
    "birthday can be taken as a year younger (17 years to the day on 31 March 2025 counts as 16); we "
    "use calendar birthdays, with a 29 February birthday on 1 March in other years (the peer: 28 "
    "February).",
}

_OC3_GIVEN = "(o.IN_TOUCH IS NOT NULL OR o.ACTIV IS NOT NULL OR o.ACCOM IS NOT NULL)"
_END = "getvariable('collection_end')"


def birthday(dob: str, years: int) -> str:
    """SQL: the date a person born on ``dob`` (a DATE expression) turns ``years`` old.

    Someone born on 29 February has the birthday on 1 March in other years, as is usual in England
    (and as the synthetic council is written).
    """
    return f"(make_date(year({dob}) + {years}, month({dob}), 1) + CAST(day({dob}) - 1 AS INTEGER))"


def _age_at_end(years: int) -> str:
    """SQL: the young person (OC3 ``o``) was at least ``years`` old at the end of the year."""
    return f"{birthday('o.DOB', years)} <= {_END}"


RULES = [
    Rule(
        code="1000",
        message="This child is recorded as having died in care and therefore should not have the care "
        "leaver information completed. [NOTE: This only tests the current and previous year data loaded "
        "into the tool]",
        level=Level.ERROR,
        tables=("Episodes", "OC3"),
        fields=("IN_TOUCH", "ACTIV", "ACCOM"),
        sql="""
            WITH died AS (
                SELECT CHILD FROM episodes WHERE REC = 'E2'
                UNION SELECT CHILD FROM episodes_last WHERE REC = 'E2'
            )
            SELECT 'OC3' AS tbl, o._row FROM oc3 o WHERE o.CHILD IN (SELECT CHILD FROM died)
        """,
        hint="An episode of this young person's ended because they died (REC E2), so there should be no "
        "care leaver row. Check the reason the episode ended, and remove the OC3 row if it is right.",
    ),
    Rule(
        code="1001",
        message="The episodes recorded for this young person suggest they are not a relevant or a former "
        "relevant child and therefore should not have care leaver information completed. [NOTE: This tool "
        "can only test the current and previous year data loaded into the tool - this check may generate "
        "false positives if a child had episodes prior to last year's collection.]",
        level=Level.WARNING,
        tables=("Episodes", "OC3", "Header"),
        fields=("IN_TOUCH", "ACTIV", "ACCOM"),
        # A care leaver must have been looked after for at least 13 weeks (91 days) since age 14 and
        # at least a day since age 16, not counting short breaks (V3, V4), and not have been adopted
        # (latest episode ending E11 or E12). Both years' episodes are used, a repeated episode (same
        # child and DECOM) once, keeping the one with an end date; the child's latest episode, if
        # open, counts to the end of the year. Under-20s only: older care leavers' time in care
        # mostly predates the two years supplied.
        sql=f"""
            WITH both_years AS (
                SELECT CHILD, DECOM, DEC, LS, REC, _row, 0 AS src FROM episodes WHERE CHILD IS NOT NULL
                UNION ALL
                SELECT CHILD, DECOM, DEC, LS, REC, _row, 1 AS src FROM episodes_last WHERE CHILD IS NOT NULL
            ),
            eps AS (
                SELECT * FROM both_years
                QUALIFY row_number() OVER (PARTITION BY CHILD, DECOM ORDER BY DEC NULLS LAST, src, _row) = 1
            ),
            ranked AS (
                SELECT *, DECOM IS NOT NULL AND row_number() OVER (
                    PARTITION BY CHILD ORDER BY DECOM DESC NULLS LAST, src, _row
                ) = 1 AS latest
                FROM eps
            ),
            adopted AS (SELECT DISTINCT CHILD FROM ranked WHERE latest AND REC IN ('E11', 'E12')),
            ages AS (
                SELECT CHILD, {birthday("DOB", 14)} AS dob14, {birthday("DOB", 16)} AS dob16,
                    {birthday("DOB", 20)} AS dob20
                FROM header WHERE CHILD IS NOT NULL AND DOB IS NOT NULL
                QUALIFY row_number() OVER (PARTITION BY CHILD ORDER BY _row) = 1
            ),
            care AS (
                SELECT r.CHILD,
                    sum(greatest(date_diff('day', greatest(r.DECOM, a.dob14), r.until), 0))
                        AS days14,
                    sum(greatest(date_diff('day', greatest(r.DECOM, a.dob16), r.until), 0))
                        AS days16
                FROM (
                    SELECT *, CASE WHEN latest AND DEC IS NULL THEN {_END} ELSE DEC END AS until FROM ranked
                ) r
                JOIN ages a ON a.CHILD = r.CHILD
                WHERE r.LS IS NULL OR r.LS NOT IN ('V3', 'V4')
                GROUP BY r.CHILD
            )
            SELECT 'OC3' AS tbl, o._row
            FROM oc3 o
            LEFT JOIN ages a ON a.CHILD = o.CHILD
            LEFT JOIN care c ON c.CHILD = o.CHILD
            WHERE o.CHILD IN (SELECT CHILD FROM adopted)
               OR (
                   a.dob20 > {_END}
                   AND NOT (coalesce(c.days14, 0) >= 91 AND coalesce(c.days16, 0) >= 1)
               )
        """,
        hint="From the episodes supplied this young person was not looked after for 13 weeks since age 14 "
        "(including a day since 16), or was adopted, so is not a care leaver. Check the episodes and OC3.",
        previous=("Episodes",),
    ),
    Rule(
        code="1002",
        message="This child has no previous episodes of care, therefore should not have care leaver "
        "information recorded. [NOTE: This tool can only test the current and previous year data loaded "
        "into the tool - this check may generate false positives if a child had episodes prior to last "
        "year's collection.]",
        level=Level.WARNING,
        tables=("Episodes", "OC3"),
        fields=("IN_TOUCH", "ACTIV", "ACCOM"),
        sql="""
            SELECT 'OC3' AS tbl, o._row FROM oc3 o
            WHERE NOT EXISTS (SELECT 1 FROM episodes e WHERE e.CHILD = o.CHILD)
              AND NOT EXISTS (SELECT 1 FROM episodes_last e WHERE e.CHILD = o.CHILD)
        """,
        hint="Neither this year's nor last year's return has an episode for this care leaver. Check the "
        "child's identifier matches their episodes, or whether they were looked after at all.",
        previous=("Episodes",),
    ),
    Rule(
        code="1007",
        message="Care leaver information is not required for 17- or 18-year olds who are still looked "
        "after [on their 17th or 18th birthday.]",
        level=Level.ERROR,
        tables=("Episodes", "OC3"),
        fields=("IN_TOUCH", "ACTIV", "ACCOM"),
        # The birthday is the young person's 17th or 18th, whichever was the latest by the year's end.
        sql=f"""
            WITH leavers AS (
                SELECT o._row, o.CHILD,
                    CASE WHEN {_age_at_end(18)} THEN {birthday("o.DOB", 18)}
                         ELSE {birthday("o.DOB", 17)} END AS birthday
                FROM oc3 o
                WHERE {_age_at_end(17)} AND NOT {_age_at_end(19)} AND {_OC3_GIVEN}
            )
            SELECT DISTINCT 'OC3' AS tbl, l._row
            FROM leavers l JOIN episodes e ON e.CHILD = l.CHILD
            WHERE e.DECOM <= l.birthday AND (e.DEC > l.birthday OR e.DEC IS NULL)
        """,
        hint="The young person was still looked after on their 17th or 18th birthday, so no care leaver "
        "information is due yet. Remove the OC3 details, or check the episode dates and date of birth.",
    ),
    Rule(
        code="1010",
        message="This child has no episodes loaded for current year even though there was an open episode "
        "of care at the end of the previous year, and care leaver data has been entered.",
        level=Level.ERROR,
        tables=("Episodes", "OC3"),
        fields=("IN_TOUCH", "ACTIV", "ACCOM"),
        # Last year's final episode per child (ties: the last in the file, as the peer takes it).
        sql="""
            WITH final_last AS (
                SELECT CHILD, DEC FROM episodes_last WHERE CHILD IS NOT NULL AND DECOM IS NOT NULL
                QUALIFY row_number() OVER (PARTITION BY CHILD ORDER BY DECOM DESC, _row DESC) = 1
            )
            SELECT 'OC3' AS tbl, o._row FROM oc3 o JOIN final_last f ON f.CHILD = o.CHILD
            WHERE f.DEC IS NULL AND NOT EXISTS (SELECT 1 FROM episodes e WHERE e.CHILD = o.CHILD)
        """,
        hint="Last year's return left this child's episode open at 31 March, so this year's must carry it "
        "on (and show when it ended). Add the child's episodes for this year.",
        previous=("Episodes",),
    ),
    Rule(
        code="1011",
        message="This child is recorded as having his/her care transferred to another local authority for "
        "the final episode and therefore should not have the care leaver information completed.",
        level=Level.ERROR,
        tables=("Episodes", "OC3"),
        fields=("IN_TOUCH", "ACTIV", "ACCOM"),
        # The child's final episode this year (ties: the first in the file, as the peer takes it).
        sql=f"""
            WITH final AS (
                SELECT CHILD, REC FROM episodes WHERE CHILD IS NOT NULL AND DECOM IS NOT NULL
                QUALIFY row_number() OVER (PARTITION BY CHILD ORDER BY DECOM DESC, _row) = 1
            )
            SELECT 'OC3' AS tbl, o._row FROM oc3 o JOIN final f ON f.CHILD = o.CHILD
            WHERE f.REC = 'E3' AND {_OC3_GIVEN}
        """,
        hint="The child's care was taken over by another council (final REC E3), which reports them as a "
        "care leaver. Remove the OC3 details, or correct the reason the episode ended.",
    ),
    Rule(
        code="1014",
        message="UASC information is not required for care leavers",
        level=Level.ERROR,
        tables=("Episodes", "UASC", "OC3"),
        fields=("ACTIV", "ACCOM", "IN_TOUCH", "DUC"),
        # Children whose episodes in this year's file all lie outside the year (so were not looked
        # after during it), as the peer checks. A care leaver with no episodes this year is not
        # flagged, as the peer does not flag one: former UASC care leavers are returned in UASC (DfE
        # reports on them), and the synthetic council writes them so.
        sql=f"""
            WITH outside AS (
                SELECT CHILD FROM episodes WHERE CHILD IS NOT NULL GROUP BY CHILD
                HAVING NOT bool_or(coalesce(
                    DECOM <= {_END} AND (DEC >= getvariable('collection_start') OR DEC IS NULL), false
                ))
            ),
            hit AS (
                SELECT o._row AS orow, u._row AS urow
                FROM outside x JOIN uasc u ON u.CHILD = x.CHILD JOIN oc3 o ON o.CHILD = x.CHILD
                WHERE {_OC3_GIVEN}
            )
            SELECT DISTINCT 'UASC' AS tbl, urow AS _row FROM hit
            UNION ALL
            SELECT DISTINCT 'OC3' AS tbl, orow AS _row FROM hit
        """,
        hint="The young person's episodes in this return all fall outside the year, so they were not "
        "looked after during it and are reported as a care leaver, without UASC details. Check the dates.",
    ),
    Rule(
        code="1016",
        message="Care leaver information is not required for 17- or 18-year olds who cease to be looked "
        "after, after their birthday.",
        level=Level.ERROR,
        tables=("Episodes", "OC3"),
        fields=("IN_TOUCH", "ACTIV", "ACCOM"),
        sql=f"""
            WITH leavers AS (
                SELECT o._row, o.CHILD,
                    CASE
                        WHEN {_age_at_end(17)} AND NOT {_age_at_end(18)} THEN {birthday("o.DOB", 17)}
                        WHEN {_age_at_end(18)} AND NOT {_age_at_end(19)} THEN {birthday("o.DOB", 18)}
                    END AS birthday
                FROM oc3 o WHERE {_OC3_GIVEN}
            )
            SELECT DISTINCT 'OC3' AS tbl, l._row
            FROM leavers l JOIN episodes e ON e.CHILD = l.CHILD
            WHERE e.DEC >= l.birthday
        """,
        hint="The young person stopped being looked after on or after their 17th or 18th birthday, so "
        "their care leaver information is not due this year. Remove the OC3 details or check the dates.",
    ),
    Rule(
        code="3001",
        message="Where care leavers information is being returned for a young person around their 17th "
        "birthday, the accommodation cannot be with their former foster carer(s).",
        level=Level.ERROR,
        tables=("Header", "OC3"),
        fields=("ACCOM",),
        sql=f"""
            SELECT DISTINCT 'OC3' AS tbl, o._row FROM oc3 o JOIN header h ON h.CHILD = o.CHILD
            WHERE o.ACCOM IN ('Z1', 'Z2')
              AND {birthday("h.DOB", 17)} BETWEEN getvariable('collection_start') AND {_END}
        """,
        hint="Staying with former foster carers (ACCOM Z1 or Z2) applies from age 18; around the 17th "
        "birthday the young person's accommodation must be recorded as another type. Correct ACCOM.",
    ),
]
