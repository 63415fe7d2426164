"""Rules 100-199 on the Episodes table: its codes, how episodes end, placement distance and area.

Rules 141 and 147 (DECOM and DEC are not valid dates) are in rg_dates, with DfE's other "is not a
valid date" rules.

PL_DISTANCE, PL_LA and PL_LOCATION are derived from postcodes. corparent reads them when the file
carries them and leaves them NULL otherwise, so a NULL means "not known" (rules 164, 169, 179).
"""

from __future__ import annotations

from corparent.engine.validation.rule import Level, Rule

PLACE_2025 = (
    "'A3', 'A4', 'A5', 'A6', 'H5', 'K1', 'K2', 'K3', 'P1', 'P2', 'P3', 'R1', 'R2', 'R3', 'R5', 'S1', "
    "'T0', 'T1', 'T2', 'T3', 'T4', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'Z1'"
)
# From 2025-26 (as the peer's 2025-26 rule set has it): H5, P2 and Z1 go; Z11 to Z14 are new.
PLACE_2026 = (
    "'A3', 'A4', 'A5', 'A6', 'K1', 'K2', 'K3', 'P1', 'P3', 'R1', 'R2', 'R3', 'R5', 'S1', "
    "'T0', 'T1', 'T2', 'T3', 'T4', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'Z11', 'Z12', 'Z13', 'Z14'"
)
PROVIDERS = "'PR0', 'PR1', 'PR2', 'PR3', 'PR4', 'PR5'"


def _provider_sql(no_provider: str) -> str:
    """Rule 178: a provider, if given, must be valid and the placement type one that has a provider."""
    return f"""
        SELECT 'Episodes' AS tbl, _row FROM episodes
        WHERE PLACE_PROVIDER IS NOT NULL
            AND (PLACE_PROVIDER NOT IN ({PROVIDERS}) OR coalesce(PLACE IN ({no_provider}), false))
    """


def _derived_missing_sql(column: str) -> str:
    """Rules 169 and 179: a derived placement field is missing outside short breaks.

    The field is NULL in every row when the file does not carry it; the rule then finds nothing.
    When it is carried (some row has it), a missing value means the postcode could not be placed.
    """
    return f"""
        SELECT 'Episodes' AS tbl, _row FROM episodes
        WHERE {column} IS NULL AND (LS IS NULL OR LS NOT IN ('V3', 'V4'))
            AND EXISTS (SELECT 1 FROM episodes WHERE {column} IS NOT NULL)
    """


PEER_DIFFERENCES: dict[str, str] = {
    "142": "The peer sorts a child's episodes with blank start dates last, so a row with no DECOM "
    "becomes the child's 'latest' episode and the real latest, still open, episode is flagged as not "
    "ended. Ours leaves rows without a DECOM out of the ordering.",
    "146": "For 2024-25 the peer's list has 'k3' in lower case; it upper-cases every value it reads, so "
    "every K3 (supported accommodation) placement is flagged. Ours accepts K3.",
    "164": "DfE's rule excludes short-break episodes (legal status V3 or V4); the peer does not. Ours "
    "excludes them.",
    "199": "The peer appends last year's episodes to this year's without removing the copy of an episode "
    "both years report. When both copies end in adoption, which of the two comes first is left to a sort "
    "that does not keep the order of equal dates, so this year's row is flagged as a second adoption "
    "about half the time in a full-sized return. Ours drops "
    "last year's copy of an episode (same child and start date) that this year's file also holds.",
}

RULES = [
    Rule(
        code="142",
        message="A new episode has started, but the previous episode has not ended.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("DEC", "REC"),
        # Every episode but the child's latest (by DECOM; of two on the same day, the later row) needs
        # a DEC and a REC.
        sql="""
            SELECT 'Episodes' AS tbl, _row FROM episodes
            WHERE DECOM IS NOT NULL AND CHILD IS NOT NULL
            QUALIFY row_number() OVER (PARTITION BY CHILD ORDER BY DECOM DESC, _row DESC) > 1
                AND (DEC IS NULL OR REC IS NULL)
        """,
        hint="Only a child's latest episode can be open. Enter the date and reason the earlier episode ended "
        "(X1 if the next episode began the same day).",
    ),
    Rule(
        code="143",
        message="The reason for new episode code is not a valid code.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("RNE",),
        sql="""
            SELECT 'Episodes' AS tbl, _row FROM episodes
            WHERE RNE IS NOT NULL AND RNE NOT IN ('S', 'P', 'L', 'T', 'U', 'B')
        """,
        hint="The reason for a new episode is S, P, L, T, U or B. Correct the code on the episode.",
    ),
    Rule(
        code="144",
        message="The legal status code is not a valid code.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("LS",),
        sql="""
            SELECT 'Episodes' AS tbl, _row FROM episodes
            WHERE LS IS NOT NULL
                AND LS NOT IN ('C1', 'C2', 'D1', 'E1', 'V2', 'V3', 'V4', 'J1', 'J2', 'J3', 'L1', 'L2', 'L3')
        """,
        hint="Use one of DfE's legal status codes (C1, C2, D1, E1, V2, V3, V4, J1-J3, L1-L3) on the episode.",
    ),
    Rule(
        code="145",
        message="Category of need code is not a valid code.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("CIN",),
        sql="""
            SELECT 'Episodes' AS tbl, _row FROM episodes
            WHERE CIN IS NOT NULL AND CIN NOT IN ('N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8')
        """,
        hint="The category of need is N1 to N8. Correct the code on the episode.",
    ),
    Rule(
        code="146",
        message="Placement type code is not a valid code.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("PLACE",),
        sql=f"SELECT 'Episodes' AS tbl, _row FROM episodes WHERE PLACE NOT IN ({PLACE_2025})",
        hint="Use one of the 2024-25 placement type codes (for example U1-U6, K1-K3, H5, P1-P3, Z1) on the "
        "episode.",
        years=frozenset({2025}),
    ),
    Rule(
        code="146",
        message="Placement type code is not a valid code.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("PLACE",),
        sql=f"SELECT 'Episodes' AS tbl, _row FROM episodes WHERE PLACE NOT IN ({PLACE_2026})",
        hint="From 2025-26 H5, P2 and Z1 are no longer valid and Z11 to Z14 are new. Recode the episode's "
        "placement type from the 2025-26 code list.",
        years=frozenset({2026, 2027}),
    ),
    Rule(
        code="148",
        message="Date episode ceased and reason episode ceased must both be coded, or both left blank.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("DEC", "REC"),
        sql="SELECT 'Episodes' AS tbl, _row FROM episodes WHERE (DEC IS NULL) <> (REC IS NULL)",
        hint="An episode that ended needs both the date and the reason it ended; an open episode has "
        "neither.",
    ),
    Rule(
        code="149",
        message="Reason episode ceased code is not valid.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("REC",),
        sql="""
            SELECT 'Episodes' AS tbl, _row FROM episodes
            WHERE REC IS NOT NULL AND REC NOT IN (
                'E11', 'E12', 'E2', 'E3', 'E4A', 'E4B', 'E13', 'E41', 'E45', 'E46', 'E47', 'E48',
                'E5', 'E6', 'E7', 'E8', 'E9', 'E14', 'E15', 'E16', 'E17', 'X1')
        """,
        hint="Use a current reason-episode-ceased code (E11-E17, E2, E3, E41, E45-E48, E4A, E4B, E5-E9 or "
        "X1); "
        "E43 and E44 are no longer used.",
    ),
    Rule(
        code="164",
        message="Distance is not valid. Please check a valid postcode has been entered. [NOTE: This check "
        "will result in false positives for children formerly UASC not identified as such in loaded data]",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("PL_DISTANCE",),
        # Children who are UASC this year or were last year (in either year's UASC table) are left out,
        # as are short breaks. A NULL distance is not known (not derived or not carried): not flagged.
        sql="""
            WITH uasc_children AS (
                SELECT CHILD FROM uasc UNION SELECT CHILD FROM uasc_last
            )
            SELECT 'Episodes' AS tbl, e._row FROM episodes e
            LEFT JOIN uasc_children u ON u.CHILD = e.CHILD
            WHERE u.CHILD IS NULL
                AND (e.LS IS NULL OR e.LS NOT IN ('V3', 'V4'))
                AND (e.PL_DISTANCE < 0 OR e.PL_DISTANCE > 999.9)
        """,
        hint="The distance from home to placement must be 0 to 999.9 miles. Check the home and placement "
        "postcodes on the episode.",
    ),
    Rule(
        code="169",
        message="Local Authority (LA) of placement is not valid or is missing. Please check a valid postcode "
        "has been entered.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("PL_LA",),
        sql=_derived_missing_sql("PL_LA"),
        hint="The placement's council could not be found from its postcode. Check the placement postcode on "
        "the episode. (Only checked when the file carries the PL_LA column.)",
    ),
    Rule(
        code="178",
        message="Placement provider code is not a valid code.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("PLACE_PROVIDER",),
        sql=_provider_sql("'T0', 'T1', 'T2', 'T3', 'T4', 'Z1'"),
        hint="The provider is PR0 to PR5, and is left blank for temporary placements (T0-T4) and other "
        "placements (Z1). Correct or remove the provider on the episode.",
        years=frozenset({2025}),
    ),
    Rule(
        code="178",
        message="Placement provider code is not a valid code.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("PLACE_PROVIDER",),
        sql=_provider_sql("'T0', 'T1', 'T2', 'T3', 'Z11', 'Z12', 'Z13', 'Z14'"),
        hint="The provider is PR0 to PR5, and is left blank for temporary placements T0-T3 and other "
        "placements (Z11-Z14). Correct or remove the provider on the episode.",
        years=frozenset({2026, 2027}),
    ),
    Rule(
        code="179",
        message="Placement location code is not a valid code.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("PL_LOCATION",),
        sql=_derived_missing_sql("PL_LOCATION"),
        hint="Whether the placement is inside or outside the council could not be found from its postcode. "
        "Check the placement postcode on the episode. (Only checked when the file carries PL_LOCATION.)",
    ),
    Rule(
        code="199",
        message="Episode information shows child has been previously adopted from care. [NOTE: This only "
        "tests the current and previous year data loaded into the tool]",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("CHILD",),
        # This year's episodes, and last year's (when supplied) that this year's file does not repeat,
        # in order of DECOM: any episode after one that ended in adoption (E11, E12) is flagged.
        sql="""
            WITH this_year AS (
                SELECT CHILD, DECOM, REC, _row, 1 AS current FROM episodes WHERE DECOM IS NOT NULL
            ),
            last_year AS (
                SELECT l.CHILD, l.DECOM, l.REC, l._row, 0 AS current FROM episodes_last l
                LEFT JOIN (SELECT DISTINCT CHILD, DECOM FROM episodes) t
                    ON t.CHILD = l.CHILD AND t.DECOM = l.DECOM
                WHERE l.DECOM IS NOT NULL AND t.CHILD IS NULL
            ),
            both_years AS (SELECT * FROM this_year UNION ALL SELECT * FROM last_year),
            counted AS (
                SELECT current, _row,
                    count(*) FILTER (WHERE REC IN ('E11', 'E12')) OVER (
                        PARTITION BY CHILD ORDER BY DECOM, current, _row
                        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
                    ) AS adoptions_before
                FROM both_years
            )
            SELECT 'Episodes' AS tbl, _row FROM counted WHERE current = 1 AND adoptions_before > 0
        """,
        hint="A child adopted from care (an episode ending E11 or E12) should not have later episodes under "
        "the "
        "same child ID. Check whether the episodes belong to another child or the adoption code is wrong.",
    ),
]
