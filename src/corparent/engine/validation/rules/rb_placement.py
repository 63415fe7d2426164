"""Rules 213-243 and 336 on an episode's placement: provider, Ofsted URN, reason for change.

From 2025-26 DfE split placement type Z1 ("other placements") into Z11-Z14; the rules listing
placement types follow that with a 2024-25 version and a 2025-26 onwards version. PL_LA (the council
area of the placement, derived from its postcode) is NULL unless the return carries it; rules 218
and 243 treat NULL as "not known" the way the peer treats a postcode it cannot look up.
"""

from __future__ import annotations

from corparent.engine.validation.rule import SUPPORTED_YEARS, Level, Rule

PEER_DIFFERENCES: dict[str, str] = {
    "233": "The peer reads a column DATE_EPISODE_CEASED that Episodes does not have, so it always "
    "crashes. We check what DfE asks: an open episode (DEC blank) must not have a reason for "
    "placement change.",
    "234": "The peer tests the age at the start of the episode that has CUSTOD as its reason for "
    "placement change, so a child who started a placement at 9 and went into custody at 11 is "
    "flagged. DfE's rule is about the age at the change: we flag CUSTOD when the next episode "
    "starts (or, with none, the episode ends) before the 10th birthday.",
    "336": "The peer checks placement types A3 and A4, but DfE's rule is about A3 and A5 (placed "
    "for adoption with the current foster carers). A4 and A6 are adoptions by new carers, so "
    "the peer flags a child moving from a children's home to A4 and misses one moving to A5.",
}

_TEMPORARY = "('T0', 'T1', 'T2', 'T3', 'T4')"
_Z11_14 = "('Z11', 'Z12', 'Z13', 'Z14')"
_NO_URN_2025 = "('P1', 'P3', 'R1', 'R2', 'R5', 'T0', 'T1', 'T2', 'T3', 'T4', 'Z1')"
_NO_URN_2026 = "('P1', 'P3', 'R1', 'R2', 'R5', 'T0', 'T1', 'T2', 'T3', 'T4', 'Z11', 'Z12', 'Z13', 'Z14')"
_OUTSIDE_ENGLAND = "('CON', 'NIR', 'SCO', 'WAL', 'NUK')"
_FOSTER_OR_ADOPTION = "('A3', 'A4', 'A5', 'A6', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6')"
_OPEN_IN_YEAR_NO_URN = "(DEC IS NULL OR DEC >= getvariable('collection_start')) AND URN IS NULL"
_Y2025 = frozenset({2025})
_FROM_2026 = frozenset({2026, 2027})

_213_MESSAGE = "Placement provider information not required."
_213_HINT = (
    "{what} have no placement provider. Leave PLACE_PROVIDER blank for this episode, or correct the "
    "placement type."
)
_218_HINT = (
    "Every placement except {codes} needs the provider's Ofsted URN when the episode was open during "
    "the year and the placement is in England. Add the URN from Ofsted's register (XXXXXXX for a "
    "regional adoption agency), or correct the placement type."
)
_222_MESSAGE = "Ofsted Unique reference number (URN) should not be recorded for this placement type."
_222_HINT = (
    "Placements of type {codes} are not registered with Ofsted, so URN must be blank. Remove the URN "
    "or correct the placement type."
)
_226_HINT = (
    "A temporary placement (T0-T4) does not change the child's placement, so neither it nor the "
    "episode before it has a reason for placement change. Clear REASON_PLACE_CHANGE on both."
)


def _prev_reason_sql() -> str:
    return f"""
        SELECT 'Episodes' AS tbl, _row FROM (
            SELECT _row, PLACE, REASON_PLACE_CHANGE,
                   CASE WHEN CHILD IS NOT NULL THEN lag(REASON_PLACE_CHANGE) OVER (
                       PARTITION BY CHILD ORDER BY DECOM NULLS LAST, _row) END AS previous_reason
            FROM episodes
        )
        WHERE PLACE IN {_TEMPORARY}
          AND (REASON_PLACE_CHANGE IS NOT NULL OR previous_reason IS NOT NULL)
    """


def _episodes_rule(
    code: str,
    *,
    level: Level,
    message: str,
    fields: tuple[str, ...],
    hint: str,
    where: str = "",
    sql: str = "",
    tables: tuple[str, ...] = ("Episodes",),
    years: frozenset[int] = SUPPORTED_YEARS,
) -> Rule:
    """A rule on Episodes: ``where`` picks the rows to flag, or ``sql`` is the whole query."""
    if bool(where) == bool(sql):
        raise ValueError(f"rule {code}: give either where or sql")
    query = sql or f"SELECT 'Episodes' AS tbl, _row FROM episodes WHERE {where}"
    return Rule(
        code=code,
        message=message,
        level=level,
        tables=tables,
        fields=fields,
        sql=query,
        hint=hint,
        years=years,
    )


RULES = [
    _episodes_rule(
        "213",
        level=Level.ERROR,
        message=_213_MESSAGE,
        fields=("PLACE_PROVIDER",),
        where=f"PLACE IN {_TEMPORARY} AND PLACE_PROVIDER IS NOT NULL",
        hint=_213_HINT.format(what="Temporary placements (T0-T4)"),
        years=_Y2025,
    ),
    _episodes_rule(
        "213",
        level=Level.ERROR,
        message=_213_MESSAGE,
        fields=("PLACE_PROVIDER",),
        where=f"(PLACE IN {_TEMPORARY} OR PLACE IN {_Z11_14}) AND PLACE_PROVIDER IS NOT NULL",
        hint=_213_HINT.format(what="Temporary placements (T0-T4) and other placements (Z11-Z14)"),
        years=_FROM_2026,
    ),
    _episodes_rule(
        "214",
        level=Level.ERROR,
        message="Placement location information not required.",
        fields=("PL_POST", "URN"),
        where="LS IN ('V3', 'V4') AND (PL_POST IS NOT NULL OR URN IS NOT NULL)",
        hint="Short breaks (legal status V3 or V4) are recorded without the placement's postcode or "
        "Ofsted URN. Clear PL_POST and URN for this episode, or correct the legal status.",
    ),
    _episodes_rule(
        "217",
        level=Level.ERROR,
        message="Children who are placed for adoption with current foster carers (placement types A3 or "
        "A5) must have a reason for new episode of S, T or U.",
        fields=("PLACE", "DECOM", "RNE"),
        where="PLACE IN ('A3', 'A5') AND DECOM >= DATE '2015-04-01' "
        "AND (RNE IS NULL OR RNE NOT IN ('S', 'T', 'U'))",
        hint="A child placed for adoption with the current foster carers stays with the same carers, so "
        "the episode starts with reason S, T or U (not P or B). Correct the reason for new episode "
        "or the placement type.",
    ),
    _episodes_rule(
        "218",
        level=Level.ERROR,
        message="Ofsted Unique reference number (URN) is required.",
        fields=("URN",),
        # As the peer: a PL_LA starting N, W, S or C (Northern Ireland, Wales, Scotland, Channel
        # Islands) is outside England, and so is a PL_LA that is not known.
        where=f"{_OPEN_IN_YEAR_NO_URN} AND (PLACE IS NULL OR PLACE NOT IN {_NO_URN_2025}) "
        "AND PL_LA IS NOT NULL AND left(upper(PL_LA), 1) NOT IN ('N', 'W', 'S', 'C')",
        hint=_218_HINT.format(codes="P1, P3, R1, R2, R5, T0-T4 and Z1")
        + " Without the placement's council area (PL_LA) the rule cannot tell, and does not flag.",
        years=_Y2025,
    ),
    _episodes_rule(
        "218",
        level=Level.ERROR,
        message="Ofsted Unique reference number (URN) is required.",
        fields=("URN",),
        # As the peer: a PL_LA that is not known counts as in England.
        where=f"{_OPEN_IN_YEAR_NO_URN} AND (PLACE IS NULL OR PLACE NOT IN {_NO_URN_2026}) "
        f"AND NOT coalesce(upper(PL_LA) IN {_OUTSIDE_ENGLAND}, false)",
        hint=_218_HINT.format(codes="P1, P3, R1, R2, R5, T0-T4 and Z11-Z14")
        + " A placement outside England needs PL_LA (CON, NIR, SCO, WAL or NUK) to be exempt.",
        years=_FROM_2026,
    ),
    _episodes_rule(
        "222",
        level=Level.ERROR,
        message=_222_MESSAGE,
        fields=("URN",),
        where=f"PLACE IN {_NO_URN_2025} AND URN IS NOT NULL AND upper(URN) <> 'XXXXXXX'",
        hint=_222_HINT.format(codes="P1, P3, R1, R2, R5, T0-T4 and Z1"),
        years=_Y2025,
    ),
    _episodes_rule(
        "222",
        level=Level.ERROR,
        message=_222_MESSAGE,
        fields=("URN",),
        where=f"PLACE IN {_NO_URN_2026} AND URN IS NOT NULL AND upper(URN) <> 'XXXXXXX'",
        hint=_222_HINT.format(codes="P1, P3, R1, R2, R5, T0-T4 and Z11-Z14"),
        years=_FROM_2026,
    ),
    _episodes_rule(
        "225",
        level=Level.ERROR,
        message="Reason for placement change must be recorded.",
        fields=("REASON_PLACE_CHANGE",),
        sql=f"""
            SELECT 'Episodes' AS tbl, _row FROM (
                SELECT _row, CHILD, REC, PLACE, REASON_PLACE_CHANGE,
                       lead(RNE) OVER w AS next_rne, lead(PLACE) OVER w AS next_place,
                       lead(_row) OVER w AS next_row
                FROM episodes
                WINDOW w AS (PARTITION BY CHILD ORDER BY DECOM NULLS LAST, _row)
            )
            WHERE CHILD IS NOT NULL AND next_row IS NOT NULL
              AND REC = 'X1' AND REASON_PLACE_CHANGE IS NULL
              AND (PLACE IS NULL OR PLACE NOT IN {_TEMPORARY})
              AND next_rne IN ('P', 'B', 'T', 'U')
              AND (next_place IS NULL OR next_place NOT IN {_TEMPORARY})
        """,
        hint="The episode ended (X1) with a change of placement into a placement that is not temporary, "
        "so it needs a reason for placement change. Record REASON_PLACE_CHANGE for this episode.",
    ),
    _episodes_rule(
        "226",
        level=Level.ERROR,
        message="Reason for placement change is not required.",
        fields=("REASON_PLACE_CHANGE", "PLACE"),
        sql=_prev_reason_sql(),
        hint=_226_HINT,
        years=_Y2025,
    ),
    _episodes_rule(
        "226",
        level=Level.ERROR,
        message="Reason for placement change is not required for temporary placements.",
        fields=("REASON_PLACE_CHANGE", "PLACE"),
        sql=_prev_reason_sql(),
        hint=_226_HINT,
        years=_FROM_2026,
    ),
    _episodes_rule(
        "233",
        level=Level.ERROR,
        message="Reason for placement change is not required when the episode has not ceased.",
        fields=("REASON_PLACE_CHANGE", "DEC"),
        where="DEC IS NULL AND REASON_PLACE_CHANGE IS NOT NULL",
        hint="The reason for placement change is recorded on the episode that ends with the change. "
        "This episode is still open, so clear REASON_PLACE_CHANGE (or record the date it ended).",
        years=_FROM_2026,
    ),
    _episodes_rule(
        "234",
        level=Level.ERROR,
        message="A child aged under 10 can not change placement due to being admitted to custody.",
        tables=("Episodes", "Header"),
        fields=("REASON_PLACE_CHANGE", "DOB"),
        sql="""
            WITH custody AS (
                SELECT e._row AS eps_row, h._row AS hdr_row
                FROM (
                    SELECT _row, CHILD, REASON_PLACE_CHANGE,
                           coalesce(lead(DECOM) OVER (PARTITION BY CHILD ORDER BY DECOM NULLS LAST, _row),
                                    DEC) AS changed
                    FROM episodes
                ) e
                JOIN header h ON h.CHILD = e.CHILD
                WHERE e.REASON_PLACE_CHANGE = 'CUSTOD'
                  AND e.changed < (h.DOB + INTERVAL 10 YEAR)::DATE
            )
            SELECT 'Episodes' AS tbl, eps_row AS _row FROM custody
            UNION ALL
            SELECT 'Header' AS tbl, hdr_row AS _row FROM custody
        """,
        hint="A child cannot be admitted to custody before the 10th birthday. Check the date of birth "
        "and the reason for placement change (CUSTOD) on the episode before the move.",
        years=_FROM_2026,
    ),
    _episodes_rule(
        "242",
        level=Level.ERROR,
        message="URN = 'XXXXXXX' can only be used for regional adoption agencies.",
        fields=("URN",),
        where=f"upper(URN) = 'XXXXXXX' AND (PLACE IS NULL OR PLACE NOT IN {_FOSTER_OR_ADOPTION})",
        hint="XXXXXXX stands for a regional adoption agency, which places children only in adoption "
        "(A3-A6) or foster (U1-U6) placements. Give the provider's real Ofsted URN, or correct the "
        "placement type.",
        years=_FROM_2026,
    ),
    _episodes_rule(
        "243",
        level=Level.ERROR,
        message="Only placements with providers registered with Ofsted should have a URN reported.",
        fields=("URN",),
        where=f"upper(PL_LA) IN {_OUTSIDE_ENGLAND} AND URN IS NOT NULL",
        hint="The placement is outside England (PL_LA CON, NIR, SCO, WAL or NUK), where providers are "
        "not registered with Ofsted. Remove the URN, or check the placement postcode.",
        years=_FROM_2026,
    ),
    _episodes_rule(
        "336",
        level=Level.ERROR,
        message="Child does not have a foster placement immediately prior to being placed for adoption.",
        fields=("PLACE",),
        sql=f"""
            SELECT 'Episodes' AS tbl, _row FROM (
                SELECT _row, PLACE,
                       lag(PLACE) OVER w AS previous_place, row_number() OVER w AS n
                FROM episodes
                WINDOW w AS (PARTITION BY CHILD ORDER BY DECOM NULLS LAST, _row)
            )
            WHERE PLACE IN ('A3', 'A5') AND n > 1
              AND (previous_place IS NULL OR previous_place NOT IN {_FOSTER_OR_ADOPTION})
        """,
        hint="Placed for adoption with the current foster carers (A3 or A5) means the episode before "
        "was a foster (U1-U6) or adoption (A3-A6) placement. Check the placement types of this "
        "episode and the one before, and whether an episode is missing.",
    ),
]
