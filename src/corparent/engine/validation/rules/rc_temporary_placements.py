"""Rules on temporary placements (T0-T4): how long they last, how many there are, and that the
child returns from one to the placement they left.

A temporary placement is a short move away from the child's usual placement (a stay in hospital,
a holiday, cover while foster carers are away). It never starts or ends a period of care, and the
episode after it goes back to the placement before it.
"""

from __future__ import annotations

from corparent.engine.validation.rule import Level, Rule

TEMPORARY = "('T0', 'T1', 'T2', 'T3', 'T4')"


def _too_long_sql(place: str, max_days: int) -> str:
    return f"""
        SELECT 'Episodes' AS tbl, _row FROM episodes
        WHERE PLACE = '{place}' AND DEC - DECOM > {max_days}
    """


def _returns_sql(*, with_postcode: bool) -> str:
    """Rule 383: after a temporary placement the child goes back (RNE P) to the placement two
    episodes earlier (same placement type and, from 2025-26, the same placement postcode). Checked
    for an episode with two earlier episodes of the child in the file."""
    postcode = " OR upper(PL_POST) IS DISTINCT FROM before_post" if with_postcode else ""
    return f"""
        WITH o AS (
            SELECT _row, RNE, PLACE, PL_POST, row_number() OVER w AS n,
                lag(PLACE) OVER w AS temp_place, lag(PLACE, 2) OVER w AS before_place,
                upper(lag(PL_POST, 2) OVER w) AS before_post
            FROM episodes WHERE CHILD IS NOT NULL
            WINDOW w AS (PARTITION BY CHILD ORDER BY DECOM NULLS LAST, _row)
        )
        SELECT 'Episodes' AS tbl, _row FROM o
        WHERE n >= 3 AND temp_place IN {TEMPORARY}
            AND (RNE IS DISTINCT FROM 'P' OR PLACE IS DISTINCT FROM before_place{postcode})
    """


_NO_HEADER_NOTE = (
    "The peer checks only episodes whose child has a Header row with a DOB, and does not run without a "
    "Header file, though the rule is about the episode's dates alone. Ours checks every episode."
)

PEER_DIFFERENCES: dict[str, str] = {
    "375": _NO_HEADER_NOTE,
    "376": _NO_HEADER_NOTE + " Also, in a full run the peer's rule 365 has by then written 31 March into "
    "every open episode, so the peer measures an open T3 placement to 31 March and flags it (rules 375 "
    "and 379 run before 365 and do not). Ours, like the peer's rule on its own, leaves an open placement "
    "unmeasured.",
    "379": _NO_HEADER_NOTE,
    "383": "The peer compares placement types and (from 2025-26) placement postcodes with pandas' '!=', "
    "for which two blanks differ, so a child with no placement postcode (an unaccompanied asylum-seeking "
    "child, say) who goes back to the same placement after a temporary one is flagged. Ours treats two "
    "blanks as the same.",
}

RULES = [
    Rule(
        code="375",
        message="Hospitalisation coded as a temporary placement exceeds six weeks.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("DECOM", "PLACE"),
        sql=_too_long_sql("T1", 42),
        hint="A stay in hospital is a temporary placement (T1) for up to six weeks; a longer stay is a "
        "placement in its own right (R2, NHS or health trust). Check the episode's dates and placement type.",
    ),
    Rule(
        code="376",
        message="Temporary placements coded as being due to holiday of usual foster carer(s) cannot exceed "
        "three weeks.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("DECOM", "PLACE"),
        sql=_too_long_sql("T3", 21),
        hint="Cover while the usual foster carers are on holiday (T3) lasts at most three weeks. Check the "
        "episode's dates, or record a longer stay as a change of placement.",
    ),
    Rule(
        code="377",
        message="Only two temporary placements coded as being due to holiday of usual foster carer(s) are "
        "allowed in any 12-month period.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("PLACE",),
        sql="""
            SELECT 'Episodes' AS tbl, _row FROM episodes
            WHERE PLACE = 'T3' AND CHILD IS NOT NULL
            QUALIFY count(*) OVER (PARTITION BY CHILD) > 2
        """,
        hint="A child can have at most two temporary placements for the foster carers' holidays (T3) in the "
        "year. Check the child's T3 episodes; other temporary moves have their own codes (T0, T4).",
    ),
    Rule(
        code="379",
        message="Temporary placements for unspecified reason (placement code T4) cannot exceed seven days.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("DECOM", "PLACE"),
        sql=_too_long_sql("T4", 7),
        hint="A temporary placement for another reason (T4) lasts at most seven days. Check the episode's "
        "dates, or record a longer stay as a change of placement.",
    ),
    Rule(
        code="380",
        message="A period of care cannot start with a temporary placement.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("PLACE", "RNE"),
        sql=f"""
            SELECT 'Episodes' AS tbl, _row FROM episodes
            WHERE PLACE IN {TEMPORARY} AND (RNE IS NULL OR RNE NOT IN ('P', 'B'))
        """,
        hint="A temporary placement (T0-T4) is always a move from another placement, so its reason for new "
        "episode is P (or B with a change of legal status). Check the episode's RNE and placement type.",
    ),
    Rule(
        code="381",
        message="A period of care cannot end with a temporary placement.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("PLACE", "REC"),
        sql=f"""
            SELECT 'Episodes' AS tbl, _row FROM episodes
            WHERE PLACE IN {TEMPORARY} AND REC IS NOT NULL AND REC <> 'X1'
        """,
        hint="After a temporary placement (T0-T4) the child goes back to their usual placement, so the "
        "episode ends with X1 and a new episode starts the same day. Check the reason and the placement "
        "type.",
    ),
    Rule(
        code="383",
        message="A child in a temporary placement must subsequently return to his/her normal placement.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("PLACE",),
        sql=_returns_sql(with_postcode=False),
        hint="The episode after a temporary placement (T0-T4) has RNE P and the placement type the child had "
        "before it. Check the three episodes, or record a real change of placement without the T code.",
        years=frozenset({2025}),
    ),
    Rule(
        code="383",
        message="A child in a temporary placement must subsequently return to his/her normal placement.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("PLACE", "RNE", "PL_POST"),
        sql=_returns_sql(with_postcode=True),
        hint="The episode after a temporary placement (T0-T4) has RNE P and the placement type and postcode "
        "the child had before it. Check the three episodes, or record a real change of placement without the "
        "T code.",
        years=frozenset({2026, 2027}),
    ),
]
