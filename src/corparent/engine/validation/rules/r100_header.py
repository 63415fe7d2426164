"""Rules 100-199 that check the Header table (the child's sex, birth, ethnicity, UPN and motherhood).

Rule 105 (the child's UASC flag) is not declared: it checks a Header field that only the XML form
of the return carries; the peer skips it for CSV returns, and corparent reads CSV only.
Rule 171 (mother's child's date of birth is not a valid date) is in rg_dates, with DfE's other
"is not a valid date" rules.
"""

from __future__ import annotations

from corparent.engine.validation.rule import Level, Rule

ETHNIC_CODES = (
    "'WBRI', 'WIRI', 'WOTH', 'WIRT', 'WROM', 'MWBC', 'MWBA', 'MWAS', 'MOTH', 'AIND', 'APKN', 'ABAN', "
    "'AOTH', 'BCRB', 'BAFR', 'BOTH', 'CHNE', 'OOTH', 'REFU', 'NOBT'"
)

PEER_DIFFERENCES: dict[str, str] = {
    "165": "The peer still reads sex as 1 (male) and 2 (female), so since 2024-25 (M/F/U) it never finds "
    "a boy recorded as a mother or a girl whose mother status is missing; ours uses M and F. The peer "
    "also looks only at children with an episode outside short breaks, so an invalid mother status "
    "of any other child in Header goes unflagged; ours checks every Header row for a valid value.",
}

RULES = [
    Rule(
        code="101",
        message="The child or young person's reported sex is not valid.",
        level=Level.ERROR,
        tables=("Header",),
        fields=("SEX",),
        sql="""
            SELECT 'Header' AS tbl, _row FROM header
            WHERE SEX IS NULL OR SEX NOT IN ('M', 'F', 'U')
        """,
        hint="From 2024-25 sex is M (male), F (female) or U (unknown or indeterminate); 1 and 2 are no "
        "longer accepted. Correct the child's record and extract the return again.",
    ),
    Rule(
        code="102",
        message="Date of birth is not a valid date.",
        level=Level.ERROR,
        tables=("Header",),
        fields=("DOB",),
        # A DOB that is not a DD/MM/YYYY date is read as blank, so this finds both.
        sql="SELECT 'Header' AS tbl, _row FROM header WHERE DOB IS NULL",
        hint="Every child needs a date of birth, a real date as DD/MM/YYYY. Enter or correct it on the "
        "child's record.",
    ),
    Rule(
        code="103",
        message="The ethnicity code is either not valid or has not been entered.",
        level=Level.ERROR,
        tables=("Header",),
        fields=("ETHNIC",),
        sql=f"""
            SELECT 'Header' AS tbl, _row FROM header
            WHERE ETHNIC IS NULL OR ETHNIC NOT IN ({ETHNIC_CODES})
        """,
        hint="Record the child's ethnicity with one of DfE's 20 codes (e.g. WBRI, MWBC, BAFR); use REFU if "
        "the family refused to say and NOBT if it is not yet known.",
    ),
    Rule(
        code="165",
        message="Data entry for mother status is invalid.",
        level=Level.ERROR,
        tables=("Header", "Episodes", "OC3"),
        fields=("MOTHER", "SEX", "ACTIV", "ACCOM", "IN_TOUCH", "DECOM"),
        # MOTHER, if given, must be 0 or 1 and the child must not be male. A girl with an episode
        # (other than short breaks) open during the year needs a MOTHER value; a girl whose
        # non-short-break episodes all lie outside the year but who has care-leaver (OC3) data
        # must not have one. The child's OC3 rows are pointed at too, as the peer does.
        sql="""
            WITH eps AS (
                SELECT CHILD,
                    count(*) FILTER (
                        WHERE coalesce(DEC, getvariable('collection_end')) >= getvariable('collection_start')
                        AND DECOM <= getvariable('collection_end')
                    ) AS in_year
                FROM episodes
                WHERE LS IS NULL OR LS NOT IN ('V3', 'V4')
                GROUP BY CHILD
            ),
            leaver AS (
                SELECT CHILD FROM oc3
                WHERE IN_TOUCH IS NOT NULL OR ACTIV IS NOT NULL OR ACCOM IS NOT NULL
                GROUP BY CHILD
            ),
            bad AS (
                SELECT h._row, h.CHILD FROM header h
                LEFT JOIN eps e ON e.CHILD = h.CHILD
                LEFT JOIN leaver l ON l.CHILD = h.CHILD
                WHERE (h.MOTHER IS NOT NULL AND h.MOTHER NOT IN ('0', '1'))
                    OR (h.MOTHER IS NOT NULL AND h.SEX = 'M')
                    OR (h.MOTHER IS NULL AND h.SEX = 'F' AND e.in_year > 0)
                    OR (h.MOTHER IS NOT NULL AND h.SEX = 'F' AND e.in_year = 0 AND l.CHILD IS NOT NULL)
            )
            SELECT 'Header' AS tbl, _row FROM bad
            UNION
            SELECT 'OC3' AS tbl, o._row FROM oc3 o
            JOIN (SELECT DISTINCT CHILD FROM bad) b ON b.CHILD = o.CHILD
        """,
        hint="MOTHER is 1 if the girl is a mother and 0 if not, and is left blank for boys. Complete it for "
        "every girl looked after during the year, and leave it blank for care leavers reported only in OC3.",
    ),
    Rule(
        code="168",
        message="Unique Pupil Number (UPN) is not valid. If unknown, default codes should be UN1, UN2, UN3, "
        "UN4 or UN5.",
        level=Level.ERROR,
        tables=("Header",),
        fields=("UPN",),
        # A letter other than I, O or S, then 12 digits, or 11 digits and a letter (a temporary UPN).
        sql="""
            SELECT 'Header' AS tbl, _row FROM header
            WHERE UPN IS NOT NULL
                AND NOT regexp_full_match(upper(UPN), '[A-HJ-NP-RT-Z]([0-9]{12}|[0-9]{11}[A-Z])|UN[1-5]')
        """,
        hint="A UPN is 13 characters: a letter (not I, O or S) and 12 digits, or 11 digits and a letter for "
        "a "
        "temporary UPN. If the child has none, use UN1 to UN5 for the reason it is not known.",
    ),
    Rule(
        code="174",
        message="Mother's child date of birth is recorded but sex shows that the child is a male.",
        level=Level.ERROR,
        tables=("Header",),
        fields=("SEX", "MC_DOB"),
        sql="SELECT 'Header' AS tbl, _row FROM header WHERE SEX = 'M' AND MC_DOB IS NOT NULL",
        hint="Only a girl can have a mother's child's date of birth. Check the child's sex, or remove the "
        "date of birth of the mother's child.",
    ),
]
