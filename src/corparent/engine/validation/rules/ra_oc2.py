"""Rules 100-199 on OC2: outcomes of children looked after continuously for 12 months (CLA).

Several rules ask whether a child was looked after continuously for 12 months at 31 March. As DfE
defines it for validation (and the peer implements it), a child counts as CLA when at least one of
their episodes in this year's file overlaps the collection year and none of them shows a break:
starting to be looked after (RNE S) after 1 April, an episode ending before 31 March other than by
X1, or a short break (legal status V3 or V4) during the year.
"""

from __future__ import annotations

from corparent.engine.validation.rule import Level, Rule

_START = "getvariable('collection_start')"
_END = "getvariable('collection_end')"

# The children looked after continuously for 12 months at 31 March (one row per child).
CLA = f"""
    cla AS (
        SELECT CHILD FROM episodes
        WHERE CHILD IS NOT NULL
        GROUP BY CHILD
        HAVING coalesce(bool_or(DECOM <= {_END} AND (DEC >= {_START} OR DEC IS NULL)), false)
            AND NOT coalesce(bool_or(
                (RNE = 'S' AND DECOM > {_START} AND DECOM <= {_END})
                OR (REC IS DISTINCT FROM 'X1' AND DEC >= {_START} AND DEC < {_END})
                OR (LS IN ('V3', 'V4') AND DECOM <= {_END} AND (DEC >= {_START} OR DEC IS NULL))
            ), false)
    )
"""

HEALTH_FIELDS = ("IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE")
OTHER_FIELDS = ("CONVICTED", "HEALTH_CHECK", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED")
OC2_FIELDS = (
    "CONVICTED",
    "HEALTH_CHECK",
    "IMMUNISATIONS",
    "TEETH_CHECK",
    "HEALTH_ASSESSMENT",
    "SUBSTANCE_MISUSE",
    "INTERVENTION_RECEIVED",
    "INTERVENTION_OFFERED",
)
AD1_FIELDS = ("DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR")
OC3_FIELDS = ("IN_TOUCH", "ACTIV", "ACCOM")


def _any(fields: tuple[str, ...], test: str, alias: str = "") -> str:
    return "(" + " OR ".join(f"{alias}{f} {test}" for f in fields) + ")"


def _all(fields: tuple[str, ...], test: str, alias: str = "") -> str:
    return "(" + " AND ".join(f"{alias}{f} {test}" for f in fields) + ")"


def _oc2(where: str) -> str:
    """OC2 rows matching ``where``; ``cla`` is true when the row's child is CLA."""
    return f"""
        WITH {CLA}
        SELECT 'OC2' AS tbl, o._row FROM (
            SELECT o.*, c.CHILD IS NOT NULL AS cla FROM oc2 o LEFT JOIN cla c ON c.CHILD = o.CHILD
        ) o
        WHERE {where}
    """


RULES = [
    Rule(
        code="157",
        message="Child is aged 4 years or over at the beginning of the year or 16 years or under at the end "
        "of the year and Strengths and Difficulties Questionnaire (SDQ) 1 has been recorded as the reason "
        "for no Strengths and Difficulties Questionnaire (SDQ) score.",
        level=Level.ERROR,
        tables=("OC2", "Episodes"),
        fields=("SDQ_REASON", "DOB"),
        sql=_oc2(
            f"o.cla AND o.DOB + INTERVAL 4 YEAR <= {_START} AND o.DOB + INTERVAL 16 YEAR >= {_END} "
            "AND o.SDQ_SCORE IS NULL AND o.SDQ_REASON = 'SDQ1'"
        ),
        hint="SDQ1 (no form as the child was under 4 or over 17) does not fit a child of this age. Record "
        "the "
        "SDQ score, or the reason it is missing (SDQ2 to SDQ5).",
    ),
    Rule(
        code="158",
        message="If a child has been recorded as receiving an intervention for their substance misuse "
        "problem, then the additional item on whether an intervention was offered should be left blank.",
        level=Level.ERROR,
        tables=("OC2",),
        fields=("INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"),
        sql="""
            SELECT 'OC2' AS tbl, _row FROM oc2
            WHERE INTERVENTION_RECEIVED = '1' AND INTERVENTION_OFFERED IS NOT NULL
        """,
        hint="When the child received an intervention, leave 'intervention offered' blank.",
    ),
    Rule(
        code="159",
        message="If a child has been recorded as not receiving an intervention for their substance misuse "
        "problem, then the additional item on whether an intervention was offered should be completed as "
        "well.",
        level=Level.ERROR,
        tables=("OC2",),
        fields=("SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"),
        sql="""
            SELECT 'OC2' AS tbl, _row FROM oc2
            WHERE SUBSTANCE_MISUSE = '1' AND INTERVENTION_RECEIVED = '0' AND INTERVENTION_OFFERED IS NULL
        """,
        hint="When a child with a substance misuse problem did not receive an intervention, record whether "
        "one "
        "was offered (1 or 0).",
    ),
    Rule(
        code="180",
        message="Data entry for the strengths and difficulties questionnaire (SDQ) score is invalid.",
        level=Level.ERROR,
        tables=("OC2",),
        fields=("SDQ_SCORE",),
        # A score that is not a whole number is refused when the return is read; the range is left.
        sql="SELECT 'OC2' AS tbl, _row FROM oc2 WHERE SDQ_SCORE < 0 OR SDQ_SCORE > 40",
        hint="An SDQ score is a whole number from 0 to 40. Check the score on the child's record.",
    ),
    Rule(
        code="181",
        message="Data items relating to children looked after continuously for 12 months should be "
        "completed with a 0 or 1.",
        level=Level.ERROR,
        tables=("OC2",),
        fields=OC2_FIELDS,
        sql="SELECT 'OC2' AS tbl, _row FROM oc2 WHERE " + _any(OC2_FIELDS, "NOT IN ('0', '1')"),
        hint="Each of the OC2 health and offending items is 1 (yes) or 0 (no), or blank.",
    ),
    Rule(
        code="182",
        message="Data entries on immunisations, teeth checks, health assessments and substance misuse "
        "problem "
        "identified should be completed or all OC2 fields should be left blank.",
        level=Level.ERROR,
        tables=("OC2",),
        fields=(*HEALTH_FIELDS, *OTHER_FIELDS),
        sql=f"""
            SELECT 'OC2' AS tbl, _row FROM oc2
            WHERE {_any(HEALTH_FIELDS, "IS NULL")} AND NOT {_all(OTHER_FIELDS, "IS NULL")}
        """,
        hint="When any OC2 item is given, immunisations, teeth check, health assessment and substance misuse "
        "must all be completed.",
    ),
    Rule(
        code="185",
        message="Child has not been looked after continuously for at least 12 months at 31 March but a "
        "Strengths and Difficulties (SDQ) score has been completed.",
        level=Level.ERROR,
        tables=("Episodes", "OC2"),
        fields=("SDQ_SCORE",),
        sql=_oc2("NOT o.cla AND o.SDQ_SCORE IS NOT NULL"),
        hint="An SDQ score is only returned for children looked after for 12 months at 31 March. Remove it, "
        "or "
        "check the child's episodes.",
    ),
    Rule(
        code="186",
        message="Children aged 4 or over at the start of the year and children aged under 17 at the end of "
        "the year and who have been looked after for at least 12 months continuously should have a "
        "Strengths and Difficulties (SDQ) score completed.",
        level=Level.ERROR,
        tables=("Episodes", "OC2"),
        fields=("SDQ_SCORE",),
        sql=_oc2(
            f"o.cla AND o.DOB + INTERVAL 4 YEAR <= {_START} AND o.DOB + INTERVAL 17 YEAR > {_END} "
            "AND o.SDQ_SCORE IS NULL AND o.SDQ_REASON IS NULL"
        ),
        hint="Record the child's SDQ score, or the reason there is none (SDQ2 to SDQ5).",
    ),
    Rule(
        code="187",
        message="Child cannot be looked after continuously for 12 months at 31 March (OC2) and have any of "
        "adoption or care leavers returns completed.",
        level=Level.ERROR,
        tables=("OC3", "AD1", "Episodes"),
        fields=(*AD1_FIELDS, *OC3_FIELDS),
        sql=f"""
            WITH {CLA}
            SELECT 'AD1' AS tbl, a._row FROM ad1 a JOIN cla c ON c.CHILD = a.CHILD
            WHERE {_any(AD1_FIELDS, "IS NOT NULL", "a.")}
            UNION ALL
            SELECT 'OC3' AS tbl, o._row FROM oc3 o JOIN cla c ON c.CHILD = o.CHILD
            WHERE {_any(OC3_FIELDS, "IS NOT NULL", "o.")}
        """,
        hint="A child looked after all year cannot have been adopted or be a care leaver in the same return. "
        "Check the child's episodes and the adoption or care leaver record.",
    ),
    Rule(
        code="188",
        message="Child is aged under 4 years at the end of the year, but a Strengths and Difficulties (SDQ) "
        "score or a reason for no SDQ score has been completed.",
        level=Level.ERROR,
        tables=("OC2",),
        fields=("SDQ_SCORE", "SDQ_REASON"),
        sql=f"""
            SELECT 'OC2' AS tbl, _row FROM oc2
            WHERE DOB + INTERVAL 4 YEAR > {_END} AND (SDQ_SCORE IS NOT NULL OR SDQ_REASON IS NOT NULL)
        """,
        hint="No SDQ is returned for a child under 4 at 31 March: leave the score and the reason blank, or "
        "check the date of birth.",
    ),
    Rule(
        code="189",
        message="Child is aged 17 years or over at the beginning of the year, but a Strengths and "
        "Difficulties (SDQ) score or a reason for no Strengths and Difficulties (SDQ) score has been "
        "completed.",
        level=Level.ERROR,
        tables=("OC2",),
        fields=("DOB", "SDQ_SCORE", "SDQ_REASON"),
        sql=f"""
            SELECT 'OC2' AS tbl, _row FROM oc2
            WHERE DOB + INTERVAL 17 YEAR < {_START} AND (SDQ_SCORE IS NOT NULL OR SDQ_REASON IS NOT NULL)
        """,
        hint="No SDQ is returned for a young person aged 17 or over on 1 April: leave the score and the "
        "reason blank, or check the date of birth.",
    ),
    Rule(
        code="190",
        message="Child has not been looked after continuously for at least 12 months at 31 March but one or "
        "more data items relating to children looked after for 12 months have been completed.",
        level=Level.ERROR,
        tables=("OC2", "Episodes"),
        fields=OC2_FIELDS,
        sql=_oc2(f"NOT o.cla AND {_any(OC2_FIELDS, 'IS NOT NULL', 'o.')}"),
        hint="The OC2 items are only returned for children looked after for 12 months at 31 March. Remove "
        "them, or check the child's episodes.",
    ),
    Rule(
        code="191",
        message="Child has been looked after continuously for at least 12 months at 31 March but one or more "
        "data items relating to children looked after for 12 months have been left blank.",
        level=Level.ERROR,
        tables=("OC2", "Episodes"),
        fields=(*HEALTH_FIELDS, "CHILD"),
        # OC2 rows missing an item, and, for a CLA child with no OC2 row, their first episode.
        sql=f"""
            WITH {CLA}
            SELECT 'OC2' AS tbl, o._row FROM oc2 o JOIN cla c ON c.CHILD = o.CHILD
            WHERE {_any(HEALTH_FIELDS, "IS NULL", "o.")}
            UNION ALL
            SELECT 'Episodes' AS tbl, e._row FROM episodes e
            JOIN cla c ON c.CHILD = e.CHILD
            LEFT JOIN (SELECT DISTINCT CHILD FROM oc2) o ON o.CHILD = e.CHILD
            WHERE o.CHILD IS NULL AND e.DECOM IS NOT NULL
            QUALIFY row_number() OVER (PARTITION BY e.CHILD ORDER BY e.DECOM, e._row) = 1
        """,
        hint="A child looked after for 12 months at 31 March needs an OC2 record with immunisations, teeth "
        "check, health assessment and substance misuse completed.",
    ),
    Rule(
        code="192",
        message="Child has been identified as having a substance misuse problem but the additional item on "
        "whether an intervention was received has been left blank.",
        level=Level.ERROR,
        tables=("OC2",),
        fields=("SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED"),
        sql="""
            SELECT 'OC2' AS tbl, _row FROM oc2
            WHERE SUBSTANCE_MISUSE = '1' AND INTERVENTION_RECEIVED IS NULL
        """,
        hint="When a child has a substance misuse problem, record whether they received an intervention.",
    ),
    Rule(
        code="193",
        message="Child not identified as having a substance misuse problem but at least one of the two "
        "additional items on whether an intervention were offered and received have been completed.",
        level=Level.ERROR,
        tables=("OC2",),
        fields=("SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"),
        sql="""
            SELECT 'OC2' AS tbl, _row FROM oc2
            WHERE (SUBSTANCE_MISUSE IS NULL OR SUBSTANCE_MISUSE = '0')
                AND (INTERVENTION_RECEIVED IS NOT NULL OR INTERVENTION_OFFERED IS NOT NULL)
        """,
        hint="Leave the intervention items blank unless the child has a substance misuse problem.",
    ),
    Rule(
        code="196",
        message="Strengths and Difficulties (SDQ) reason is not a valid code.",
        level=Level.ERROR,
        tables=("OC2",),
        fields=("SDQ_REASON",),
        sql="""
            SELECT 'OC2' AS tbl, _row FROM oc2
            WHERE SDQ_REASON IS NOT NULL AND SDQ_REASON NOT IN ('SDQ1', 'SDQ2', 'SDQ3', 'SDQ4', 'SDQ5')
        """,
        hint="The reason for no SDQ score is SDQ1 to SDQ5.",
    ),
    Rule(
        code="197B",
        message="SDQ score or reason for no SDQ should be reported for 4- or 17-year-olds.",
        level=Level.WARNING,
        tables=("OC2", "Episodes"),
        fields=("SDQ_REASON", "DOB"),
        # The child turns 4 or 17 during the collection year.
        sql=_oc2(
            f"o.cla AND (o.DOB + INTERVAL 4 YEAR BETWEEN {_START} AND {_END} "
            f"OR o.DOB + INTERVAL 17 YEAR BETWEEN {_START} AND {_END}) "
            "AND o.SDQ_SCORE IS NULL AND o.SDQ_REASON IS NULL"
        ),
        hint="The child turned 4 or 17 this year: record an SDQ score if one was done, or the reason there "
        "is "
        "none (SDQ1 to SDQ5).",
    ),
    Rule(
        code="197a",
        message="Reason for no Strengths and Difficulties (SDQ) score is not required if Strengths and "
        "Difficulties Questionnaire score is filled in.",
        level=Level.ERROR,
        tables=("OC2",),
        fields=("SDQ_SCORE", "SDQ_REASON"),
        sql="SELECT 'OC2' AS tbl, _row FROM oc2 WHERE SDQ_SCORE IS NOT NULL AND SDQ_REASON IS NOT NULL",
        hint="Give either an SDQ score or a reason for no score, not both.",
    ),
    Rule(
        code="198",
        message="Child has not been looked after continuously for at least 12 months at 31 March but a "
        "reason "
        "for no Strengths and Difficulties (SDQ) score has been completed.",
        level=Level.ERROR,
        tables=("Episodes", "OC2"),
        fields=("SDQ_REASON",),
        sql=_oc2("NOT o.cla AND o.SDQ_REASON IS NOT NULL"),
        hint="A reason for no SDQ is only returned for children looked after for 12 months at 31 March. "
        "Remove it, or check the child's episodes.",
    ),
]
