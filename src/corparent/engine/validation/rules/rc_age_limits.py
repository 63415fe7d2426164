"""Rules on the child's age: placements with a minimum age (371-374) and reasons an episode ends
that fit only some ages (386, 387, 389, 407, 460).

The age is the child's age on the episode's DECOM (placements) or DEC (reasons it ended), from the
DOB in Header. A birthday on 29 February falls on 28 February in years that are not leap years.
Where the DOB, or the date the age is measured on, is blank the age is not known and nothing is
flagged: Header's and Episodes' own rules report the blank.
"""

from __future__ import annotations

from corparent.engine.validation.rule import Level, Rule


def _placed_too_young_sql(place: str, years: int) -> str:
    return f"""
        SELECT DISTINCT 'Episodes' AS tbl, e._row FROM episodes e JOIN header h USING (CHILD)
        WHERE e.PLACE = '{place}' AND e.DECOM < h.DOB + INTERVAL {years} YEAR
    """


def _ceased_sql(reasons: str, condition: str) -> str:
    """Episodes that ended for one of ``reasons`` where ``condition`` (on e.DEC and h.DOB) holds."""
    return f"""
        SELECT DISTINCT 'Episodes' AS tbl, e._row FROM episodes e JOIN header h USING (CHILD)
        WHERE e.REC IN ({reasons}) AND {condition}
    """


_DEC_NOTE = (
    "The peer leaves out episodes that have not ended (no DEC), though the rule is about the child's "
    "age when the placement started. Ours checks every episode with a DECOM."
)
_NO_DOB_NOTE = (
    "The peer flags an episode whose child has no Header row or no DOB, where the age is not known. "
    "Ours flags only a DEC before the birthday."
)

PEER_DIFFERENCES: dict[str, str] = {
    "371": _DEC_NOTE,
    "372": _DEC_NOTE,
    "373": _DEC_NOTE,
    "374": _DEC_NOTE,
    "387": _NO_DOB_NOTE,
    "389": "The peer flags an episode whose child has no Header row or no DOB, and an episode with this "
    "reason but no DEC, where the age is not known. Ours flags only a DEC before the 16th birthday.",
}

RULES = [
    Rule(
        code="371",
        message="Child in supported accommodation not subject to children's homes regulations should be "
        "at least 16.",
        level=Level.ERROR,
        tables=("Episodes", "Header"),
        fields=("DECOM", "PLACE"),
        sql=_placed_too_young_sql("K3", 16),
        hint="Supported accommodation (K3) is for young people aged 16 or over. Check the child's date of "
        "birth and the placement type and start date of the episode.",
    ),
    Rule(
        code="372",
        message="Child in youth custody or prison should be at least 10.",
        level=Level.ERROR,
        tables=("Episodes", "Header"),
        fields=("DECOM", "PLACE"),
        sql=_placed_too_young_sql("R5", 10),
        hint="A child under 10 cannot be in a young offender institution (R5). Check the child's date of "
        "birth and the placement type of the episode.",
    ),
    Rule(
        code="373",
        message="Child placed in a school should be at least 4 years old.",
        level=Level.ERROR,
        tables=("Episodes", "Header"),
        fields=("DECOM", "PLACE"),
        sql=_placed_too_young_sql("S1", 4),
        hint="A residential school placement (S1) is for children aged 4 or over. Check the child's date of "
        "birth and the placement type of the episode.",
    ),
    Rule(
        code="374",
        message="Child in residential employment should be at least 14 years old.",
        level=Level.ERROR,
        tables=("Episodes", "Header"),
        fields=("DECOM", "PLACE"),
        sql=_placed_too_young_sql("P3", 14),
        hint="Residential employment (P3) is for young people aged 14 or over. Check the child's date of "
        "birth and the placement type of the episode.",
    ),
    Rule(
        code="386",
        message="Reason episode ceased is adopted but child has reached age 18.",
        level=Level.ERROR,
        tables=("Header", "Episodes"),
        fields=("REC",),
        sql=_ceased_sql("'E11', 'E12'", "e.DEC >= h.DOB + INTERVAL 18 YEAR"),
        hint="A child is adopted (E11 or E12) before their 18th birthday. Check the date the episode ended, "
        "the reason, and the child's date of birth.",
    ),
    Rule(
        code="387",
        message="Reason episode ceased is child moved into independent living arrangement, but the child is "
        "aged under 14.",
        level=Level.ERROR,
        tables=("Header", "Episodes"),
        fields=("REC",),
        sql=_ceased_sql("'E5', 'E6'", "e.DEC < h.DOB + INTERVAL 14 YEAR"),
        hint="A child under 14 does not move into independent living (E5 or E6). Check the reason the "
        "episode ended, its date and the child's date of birth.",
    ),
    Rule(
        code="389",
        message="Reason episode ceased is that child transferred to care of adult social care services, but "
        "child is aged under 16.",
        level=Level.ERROR,
        tables=("Episodes", "Header"),
        fields=("REC",),
        sql=_ceased_sql("'E7'", "e.DEC < h.DOB + INTERVAL 16 YEAR"),
        hint="Transfer to residential care funded by adult social care (E7) is for young people aged 16 or "
        "over. Check the reason the episode ended, its date and the child's date of birth.",
    ),
    Rule(
        code="407",
        message="Reason episode ceased is Special Guardianship Order, but child has reached age 18.",
        level=Level.ERROR,
        tables=("Episodes", "Header"),
        fields=("DEC", "DOB", "REC"),
        # The episode and the child's Header row are both flagged. A special guardianship order can be
        # made up to the 18th birthday, so a DEC on the birthday itself passes.
        sql="""
            WITH hits AS (
                SELECT e._row AS e_row, h._row AS h_row FROM episodes e JOIN header h USING (CHILD)
                WHERE e.REC IN ('E45', 'E46', 'E47', 'E48') AND e.DEC > h.DOB + INTERVAL 18 YEAR
            )
            SELECT DISTINCT 'Episodes' AS tbl, e_row AS _row FROM hits
            UNION ALL
            SELECT DISTINCT 'Header' AS tbl, h_row AS _row FROM hits
        """,
        hint="A special guardianship order (E45-E48) is made before the child is 18. Check the date the "
        "episode ended, the reason and the child's date of birth.",
    ),
    Rule(
        code="460",
        message="Reason episode ceased is that child stayed with current carers at age 18 (or above), but "
        "child is aged under 18.",
        level=Level.ERROR,
        tables=("Header", "Episodes"),
        fields=("DEC", "REC"),
        sql=_ceased_sql("'E17'", "e.DEC < h.DOB + INTERVAL 18 YEAR"),
        hint="E17 (stayed with current carers, for example staying put) is used when care ends at 18 or "
        "over. Check the date the episode ended and the child's date of birth, or use another reason.",
    ),
]
