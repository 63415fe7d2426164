"""Rules 215 and 344-348 on care leavers (OC3) and how they sit with OC2."""

from __future__ import annotations

from corparent.engine.validation.rule import Level, Rule

PEER_DIFFERENCES: dict[str, str] = {
    "347": "The peer looks for ACCOM = 'T', but accommodation codes carry their suitability (T1 "
    "suitable, T2 not suitable), so it never flags anything. We flag T1 and T2.",
}

RULES = [
    Rule(
        code="215",
        message="Child has care leaver information but one or more data items relating to children "
        "looked after for 12 months have been completed.",
        level=Level.ERROR,
        tables=("OC2", "OC3"),
        fields=(
            "IN_TOUCH",
            "ACTIV",
            "ACCOM",
            "CONVICTED",
            "HEALTH_CHECK",
            "IMMUNISATIONS",
            "TEETH_CHECK",
            "HEALTH_ASSESSMENT",
            "SUBSTANCE_MISUSE",
            "INTERVENTION_RECEIVED",
            "INTERVENTION_OFFERED",
        ),
        sql="""
            WITH both_given AS (
                SELECT o3._row AS oc3_row, o2._row AS oc2_row
                FROM oc3 o3 JOIN oc2 o2 ON o2.CHILD = o3.CHILD
                WHERE (o3.IN_TOUCH IS NOT NULL OR o3.ACTIV IS NOT NULL OR o3.ACCOM IS NOT NULL)
                  AND (o2.CONVICTED IS NOT NULL OR o2.HEALTH_CHECK IS NOT NULL
                       OR o2.IMMUNISATIONS IS NOT NULL OR o2.TEETH_CHECK IS NOT NULL
                       OR o2.HEALTH_ASSESSMENT IS NOT NULL OR o2.SUBSTANCE_MISUSE IS NOT NULL
                       OR o2.INTERVENTION_RECEIVED IS NOT NULL OR o2.INTERVENTION_OFFERED IS NOT NULL)
            )
            SELECT 'OC3' AS tbl, oc3_row AS _row FROM both_given
            UNION ALL
            SELECT 'OC2' AS tbl, oc2_row AS _row FROM both_given
        """,
        hint="A care leaver (OC3) does not also have the outcomes of a child looked after for 12 months "
        "(OC2). Check which applies to the child this year and remove the other record.",
    ),
    Rule(
        code="344",
        message="The record shows the young person has died or returned home to live with parent(s) or "
        "someone with parental responsibility for a continuous period of 6 months or more, but "
        "activity and/or accommodation on leaving care have been completed.",
        level=Level.ERROR,
        tables=("OC3",),
        fields=("IN_TOUCH", "ACTIV", "ACCOM"),
        sql="""
            SELECT 'OC3' AS tbl, _row FROM oc3
            WHERE IN_TOUCH IN ('DIED', 'RHOM')
              AND (ACTIV IS DISTINCT FROM '0' OR ACCOM IS DISTINCT FROM '0')
        """,
        hint="For a young person who has died (DIED) or returned home (RHOM), activity and accommodation "
        "are recorded as 0. Set ACTIV and ACCOM to 0, or correct IN_TOUCH.",
    ),
    Rule(
        code="345",
        message="The data collection record shows the local authority is in touch with this young "
        "person, but activity and/or accommodation data items are zero.",
        level=Level.ERROR,
        tables=("OC3",),
        fields=("IN_TOUCH", "ACTIV", "ACCOM"),
        sql="""
            SELECT 'OC3' AS tbl, _row FROM oc3
            WHERE IN_TOUCH = 'YES' AND (ACTIV = '0' OR ACCOM = '0')
        """,
        hint="When the council is in touch with the young person (IN_TOUCH YES), their activity and "
        "accommodation are known: record them instead of 0.",
    ),
    Rule(
        code="347",
        message="Care leavers aged under 18 years, can not be accommodated in a Foyer.",
        level=Level.ERROR,
        tables=("OC3",),
        fields=("ACCOM", "DOB"),
        sql="""
            SELECT 'OC3' AS tbl, _row FROM oc3
            WHERE ACCOM IN ('T', 'T1', 'T2')
              AND (DOB + INTERVAL 18 YEAR)::DATE > getvariable('collection_start')
        """,
        hint="The young person was under 18 on 1 April, and under-18s are not accommodated in a foyer "
        "(accommodation T1 or T2). Check the date of birth and the accommodation code.",
    ),
    Rule(
        code="348",
        message="Care leaver has previously been reported as having died.",
        level=Level.ERROR,
        tables=("OC3",),
        previous=("OC3",),
        fields=("IN_TOUCH",),
        sql="""
            SELECT 'OC3' AS tbl, o._row
            FROM oc3 o SEMI JOIN oc3_last l ON l.CHILD = o.CHILD AND l.IN_TOUCH = 'DIED'
            WHERE o.IN_TOUCH IS DISTINCT FROM 'DIED'
        """,
        hint="Last year's return recorded this young person as having died (IN_TOUCH DIED). Check the "
        "child identifier and last year's record, and correct whichever is wrong.",
        years=frozenset({2026, 2027}),
    ),
]
