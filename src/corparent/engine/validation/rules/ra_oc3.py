"""Rules 100-199 on care leavers (OC3): contact, activity and accommodation."""

from __future__ import annotations

from corparent.engine.validation.rule import Level, Rule

ACCOM_CODES = (
    "'B1', 'B2', 'C1', 'C2', 'D1', 'D2', 'E1', 'E2', 'G1', 'G2', 'H1', 'H2', 'K1', 'K2', 'R1', 'R2', "
    "'S2', 'T1', 'T2', 'U1', 'U2', 'V1', 'V2', 'W1', 'W2', 'X2', 'Y1', 'Y2', 'Z1', 'Z2', '0'"
)

RULES = [
    Rule(
        code="131",
        message="Data entry for being in touch after leaving care is invalid.",
        level=Level.ERROR,
        tables=("OC3",),
        fields=("IN_TOUCH",),
        sql="""
            SELECT 'OC3' AS tbl, _row FROM oc3
            WHERE IN_TOUCH IS NULL OR IN_TOUCH NOT IN ('YES', 'NO', 'DIED', 'REFU', 'NREQ', 'RHOM')
        """,
        hint="Record whether the council is in touch with the care leaver: YES, NO, DIED, REFU, NREQ or "
        "RHOM.",
    ),
    Rule(
        code="132",
        message="Data entry for activity after leaving care is invalid.",
        level=Level.ERROR,
        tables=("OC3",),
        fields=("ACTIV",),
        sql="""
            SELECT 'OC3' AS tbl, _row FROM oc3
            WHERE ACTIV IS NULL
                OR ACTIV NOT IN ('F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5', 'G4', 'G5', 'G6', '0')
        """,
        hint="Record the care leaver's main activity (F1-F5, P1-P5, G4-G6), or 0 if it is not known.",
    ),
    Rule(
        code="133",
        message="Data entry for accommodation after leaving care is invalid. If reporting on a child's "
        "accommodation after leaving care the data entry must be valid.",
        level=Level.ERROR,
        tables=("OC3",),
        fields=("ACCOM",),
        # S (no fixed abode) and X (in custody) can only be unsuitable: S1 and X1 are not valid.
        sql=f"SELECT 'OC3' AS tbl, _row FROM oc3 WHERE ACCOM IS NULL OR ACCOM NOT IN ({ACCOM_CODES})",
        hint="Record the accommodation type and whether it is suitable (e.g. B1 suitable, B2 not), or 0 if "
        "not known; no fixed abode and custody are always unsuitable (S2, X2).",
    ),
    Rule(
        code="153",
        message="All data items relating to a child's activity or accommodation after leaving care must be "
        "coded or left blank.",
        level=Level.ERROR,
        tables=("OC3",),
        fields=("IN_TOUCH", "ACTIV", "ACCOM"),
        sql="""
            SELECT 'OC3' AS tbl, _row FROM oc3
            WHERE (IN_TOUCH IS NOT NULL OR ACTIV IS NOT NULL OR ACCOM IS NOT NULL)
                AND (IN_TOUCH IS NULL OR ACTIV IS NULL OR ACCOM IS NULL)
        """,
        hint="Complete all three care leaver items (in touch, activity, accommodation), or none of them.",
    ),
]
