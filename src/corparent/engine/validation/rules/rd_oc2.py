"""Rules 542-547: OC2 conviction and health promotion fields, by the child's age at 31 March.

Conviction information is for children aged 10 or over at 31 March, health promotion (HEALTH_CHECK)
for those under 5; both are expected of a child looked after continuously for 12 months (CLA).
"""

from __future__ import annotations

from corparent.engine.validation.rule import Level, Rule

# Whether each child was looked after continuously through the year, as DfE's guide (and the peer)
# define it: in care at some point of the year, and no episode that shows otherwise: starting care
# (RNE S) after 1 April, leaving care (an episode ending in the year other than with X1, before
# 31 March), or a short-break episode (V3/V4) in the year.
CLA = """
    SELECT CHILD,
        coalesce(bool_or(in_year), false) AND NOT coalesce(bool_or(broken), false) AS cla
    FROM (
        SELECT CHILD,
            DECOM <= getvariable('collection_end')
                AND (DEC >= getvariable('collection_start') OR DEC IS NULL) AS in_year,
            (RNE = 'S' AND DECOM > getvariable('collection_start') AND DECOM <= getvariable('collection_end'))
            OR (REC IS DISTINCT FROM 'X1' AND DEC >= getvariable('collection_start')
                AND DEC < getvariable('collection_end'))
            OR (LS IN ('V3', 'V4') AND DECOM <= getvariable('collection_end')
                AND (DEC >= getvariable('collection_start') OR DEC IS NULL)) AS broken
        FROM episodes
    )
    GROUP BY CHILD
"""

_HEALTH = (
    "IMMUNISATIONS IS NULL OR TEETH_CHECK IS NULL OR HEALTH_ASSESSMENT IS NULL OR SUBSTANCE_MISUSE IS NULL"
)


def _with_cla(where: str) -> str:
    return f"""
        WITH cla AS ({CLA})
        SELECT 'OC2' AS tbl, o._row FROM oc2 o JOIN cla c ON c.CHILD = o.CHILD
        WHERE c.cla AND {where}
    """


RULES = [
    Rule(
        code="542",
        message="A child aged under 10 at 31 March should not have conviction information completed.",
        level=Level.ERROR,
        tables=("OC2",),
        fields=("CONVICTED",),
        sql="""
            SELECT 'OC2' AS tbl, _row FROM oc2
            WHERE CONVICTED IS NOT NULL AND DOB + INTERVAL 10 YEAR > getvariable('collection_end')
        """,
        hint="Conviction information is only for children aged 10 or over at 31 March. Leave CONVICTED "
        "blank, or check the date of birth.",
    ),
    Rule(
        code="543",
        message="Child is aged 10 or over at 31 March and has been looked after continuously for 12 months "
        "yet conviction information has not been completed.",
        level=Level.ERROR,
        tables=("Episodes", "OC2"),
        fields=("DOB", "CONVICTED"),
        sql=_with_cla("CONVICTED IS NULL AND getvariable('collection_end') > o.DOB + INTERVAL 10 YEAR"),
        hint="A child aged 10 or over who has been looked after for the whole year needs CONVICTED (0 or "
        "1). Add it, or check the date of birth and the child's episodes.",
    ),
    Rule(
        code="544",
        message="Any child who has conviction information completed must also have immunisation, teeth "
        "check, health assessment and substance misuse problem identified fields completed.",
        level=Level.ERROR,
        tables=("OC2",),
        fields=("CONVICTED", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE"),
        sql=f"SELECT 'OC2' AS tbl, _row FROM oc2 WHERE CONVICTED = '1' AND ({_HEALTH})",
        hint="Complete IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT and SUBSTANCE_MISUSE (0 or 1) for "
        "this child.",
    ),
    Rule(
        code="545",
        message="Child is aged under 5 at 31 March and has been looked after continuously for 12 months yet "
        "health promotion information has not been completed.",
        level=Level.ERROR,
        tables=("Episodes", "OC2"),
        fields=("DOB", "HEALTH_CHECK"),
        sql=_with_cla("HEALTH_CHECK IS NULL AND getvariable('collection_end') < o.DOB + INTERVAL 5 YEAR"),
        hint="A child under 5 who has been looked after for the whole year needs HEALTH_CHECK (whether "
        "their development assessments are up to date, 0 or 1). Add it, or check the date of birth and "
        "the child's episodes.",
    ),
    Rule(
        code="546",
        message="Children aged 5 or over at 31 March should not have health promotion information completed.",
        level=Level.ERROR,
        tables=("Episodes", "OC2"),
        fields=("DOB", "HEALTH_CHECK"),
        sql=_with_cla(
            "HEALTH_CHECK IS NOT NULL AND getvariable('collection_end') >= o.DOB + INTERVAL 5 YEAR"
        ),
        hint="HEALTH_CHECK is only for children under 5 at 31 March. Leave it blank, or check the date of "
        "birth.",
    ),
    Rule(
        code="547",
        message="Any child who has health promotion information completed must also have immunisation, teeth "
        "check, health assessment and substance misuse problem identified fields completed.",
        level=Level.ERROR,
        tables=("OC2",),
        fields=("HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE"),
        sql=f"SELECT 'OC2' AS tbl, _row FROM oc2 WHERE HEALTH_CHECK = '1' AND ({_HEALTH})",
        hint="Complete IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT and SUBSTANCE_MISUSE (0 or 1) for "
        "this child.",
    ),
]
