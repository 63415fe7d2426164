"""Rules 100-199 on adoption: the AD1 and PlacedAdoption tables.

Rules 112, 113, 115 and 116 (DATE_INT, DATE_MATCH, DATE_PLACED and DATE_PLACED_CEASED are not valid
dates) are in rg_dates, with DfE's other "is not a valid date" rules.
"""

from __future__ import annotations

from corparent.engine.validation.rule import Level, Rule

AD1_FIELDS = ("DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR")
OC3_FIELDS = ("IN_TOUCH", "ACTIV", "ACCOM")


def any_given(fields: tuple[str, ...], alias: str = "") -> str:
    """SQL true when any of ``fields`` is filled in."""
    return "(" + " OR ".join(f"{alias}{f} IS NOT NULL" for f in fields) + ")"


PEER_DIFFERENCES: dict[str, str] = {
    "184": "The peer compares DATE_PLACED with PlacedAdoption's own DOB and flags the row whenever that "
    "DOB is blank (a comparison with a missing date counts as failing). Ours uses Header's DOB when "
    "PlacedAdoption's is blank, and flags nothing when neither is known.",
}

RULES = [
    Rule(
        code="114",
        message="Data entry to record the status of former carer(s) of an adopted child is invalid.",
        level=Level.ERROR,
        tables=("AD1",),
        fields=("FOSTER_CARE",),
        sql="SELECT 'AD1' AS tbl, _row FROM ad1 WHERE FOSTER_CARE NOT IN ('0', '1')",
        hint="FOSTER_CARE is 1 if the child was adopted by their former foster carers and 0 if not.",
    ),
    Rule(
        code="117",
        message="Date of decision that a child should/should no longer be placed for adoption is beyond the "
        "current collection year or after the child ceased to be looked after.",
        level=Level.ERROR,
        tables=("Episodes", "PlacedAdoption"),
        fields=("DATE_PLACED_CEASED", "DATE_PLACED", "DEC", "REC", "DECOM"),
        # Against the child's latest episode (by DECOM, first row on ties) that did not end X1: neither
        # decision date may be after the year's end or after that episode ended.
        sql="""
            WITH latest AS (
                SELECT CHILD, DEC, _row FROM episodes
                WHERE DECOM IS NOT NULL AND REC IS DISTINCT FROM 'X1'
                QUALIFY row_number() OVER (PARTITION BY CHILD ORDER BY DECOM DESC, _row) = 1
            ),
            hits AS (
                SELECT l._row AS episode_row, p._row AS placed_row FROM latest l
                JOIN placed_adoption p ON p.CHILD = l.CHILD
                WHERE p.DATE_PLACED > getvariable('collection_end') OR p.DATE_PLACED > l.DEC
                    OR p.DATE_PLACED_CEASED > getvariable('collection_end') OR p.DATE_PLACED_CEASED > l.DEC
            )
            SELECT 'Episodes' AS tbl, episode_row AS _row FROM hits
            UNION
            SELECT 'PlacedAdoption' AS tbl, placed_row AS _row FROM hits
        """,
        hint="A decision to place (or no longer place) a child for adoption cannot be after 31 March or "
        "after "
        "the child's last episode ended. Check the decision dates and the episode's end date.",
    ),
    Rule(
        code="118",
        message="Date of decision that a child should no longer be placed for adoption is before the current "
        "collection year or before the date the child started to be looked after.",
        level=Level.ERROR,
        tables=("Episodes", "PlacedAdoption"),
        fields=("DATE_PLACED_CEASED", "DECOM", "LS"),
        # Against the child's earliest episode (by DECOM, first row on ties) that is not a short break.
        sql="""
            WITH earliest AS (
                SELECT CHILD, DECOM, _row FROM episodes
                WHERE DECOM IS NOT NULL AND (LS IS NULL OR LS NOT IN ('V3', 'V4'))
                QUALIFY row_number() OVER (PARTITION BY CHILD ORDER BY DECOM, _row) = 1
            ),
            hits AS (
                SELECT e._row AS episode_row, p._row AS placed_row FROM earliest e
                JOIN placed_adoption p ON p.CHILD = e.CHILD
                WHERE p.DATE_PLACED_CEASED < e.DECOM OR p.DATE_PLACED_CEASED < getvariable('collection_start')
            )
            SELECT 'Episodes' AS tbl, episode_row AS _row FROM hits
            UNION
            SELECT 'PlacedAdoption' AS tbl, placed_row AS _row FROM hits
        """,
        hint="The decision that a child should no longer be placed for adoption must fall in this collection "
        "year and after the child started to be looked after. Check the date on the adoption record.",
    ),
    Rule(
        code="119",
        message="If the decision is made that a child should no longer be placed for adoption, then the date "
        "of this decision and the reason why this decision was made must be completed.",
        level=Level.ERROR,
        tables=("PlacedAdoption",),
        fields=("REASON_PLACED_CEASED", "DATE_PLACED_CEASED"),
        sql="""
            SELECT 'PlacedAdoption' AS tbl, _row FROM placed_adoption
            WHERE (DATE_PLACED_CEASED IS NULL) <> (REASON_PLACED_CEASED IS NULL)
        """,
        hint="Enter both the date and the reason the adoption plan ended, or neither if it has not ended.",
    ),
    Rule(
        code="120",
        message="The reason for the reversal of the decision that the child should be placed for adoption "
        "code is not valid.",
        level=Level.ERROR,
        tables=("PlacedAdoption",),
        fields=("REASON_PLACED_CEASED",),
        sql="""
            SELECT 'PlacedAdoption' AS tbl, _row FROM placed_adoption
            WHERE REASON_PLACED_CEASED NOT IN ('RD1', 'RD2', 'RD3', 'RD4')
        """,
        hint="The reason the adoption plan ended is RD1 to RD4. Correct the code on the adoption record.",
    ),
    Rule(
        code="134",
        message="Data on adoption should not be entered for the OC3 cohort.",
        level=Level.ERROR,
        tables=("OC3", "AD1"),
        fields=(*OC3_FIELDS, *AD1_FIELDS),
        sql=f"""
            SELECT DISTINCT 'AD1' AS tbl, a._row FROM ad1 a
            JOIN oc3 o ON o.CHILD = a.CHILD
            WHERE {any_given(OC3_FIELDS, "o.")} AND {any_given(AD1_FIELDS, "a.")}
        """,
        hint="A care leaver in the OC3 cohort cannot also have an adoption (AD1) record. Check which child "
        "the adoption or the care leaver data belongs to.",
    ),
    Rule(
        code="151",
        message="All data items relating to a child's adoption must be coded or left blank.",
        level=Level.ERROR,
        tables=("AD1",),
        fields=AD1_FIELDS,
        sql=f"""
            SELECT 'AD1' AS tbl, _row FROM ad1
            WHERE {any_given(AD1_FIELDS)}
                AND NOT ({" AND ".join(f"{f} IS NOT NULL" for f in AD1_FIELDS)})
        """,
        hint="Complete all six adoption items (dates of decision and match, former foster carers, number, "
        "sex and legal status of adopters), or leave them all blank.",
    ),
    Rule(
        code="175",
        message="The number of adopter(s) code is not a valid code.",
        level=Level.ERROR,
        tables=("AD1",),
        fields=("NB_ADOPTR",),
        sql="SELECT 'AD1' AS tbl, _row FROM ad1 WHERE NB_ADOPTR NOT IN (1, 2)",
        hint="The number of adopters is 1 or 2.",
    ),
    Rule(
        code="176",
        message="The gender of adopter(s) at the date of adoption code is not a valid code.",
        level=Level.ERROR,
        tables=("AD1",),
        fields=("SEX_ADOPTR",),
        sql="""
            SELECT 'AD1' AS tbl, _row FROM ad1
            WHERE SEX_ADOPTR IS NOT NULL AND SEX_ADOPTR NOT IN ('M1', 'F1', 'MM', 'FF', 'MF')
        """,
        hint="The sex of the adopters is M1 or F1 for a single adopter, MM, FF or MF for a couple.",
    ),
    Rule(
        code="177",
        message="The legal status of adopter(s) code is not a valid code.",
        level=Level.ERROR,
        tables=("AD1",),
        fields=("LS_ADOPTR",),
        sql="""
            SELECT 'AD1' AS tbl, _row FROM ad1
            WHERE LS_ADOPTR IS NOT NULL AND LS_ADOPTR NOT IN ('L0', 'L11', 'L12', 'L2', 'L3', 'L4')
        """,
        hint="The legal status of the adopters is L0, L11, L12, L2, L3 or L4.",
    ),
    Rule(
        code="184",
        message="Date of decision that a child should be placed for adoption is before the child was born.",
        level=Level.ERROR,
        tables=("Header", "PlacedAdoption"),
        fields=("DATE_PLACED", "DOB"),
        sql="""
            WITH born AS (SELECT CHILD, min(DOB) AS DOB FROM header GROUP BY CHILD)
            SELECT 'PlacedAdoption' AS tbl, p._row FROM placed_adoption p
            LEFT JOIN born h ON h.CHILD = p.CHILD
            WHERE p.DATE_PLACED < coalesce(p.DOB, h.DOB)
        """,
        hint="The decision that the child should be placed for adoption cannot be before the child was born. "
        "Check the decision date and the child's date of birth.",
    ),
]
