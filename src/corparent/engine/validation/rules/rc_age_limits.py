"""Rules on the child's age: placements with a minimum age (371-374) and reasons an episode ends
that fit only some ages (386, 387, 389, 407, 460).

The age is the child's age on the episode's DECOM (placements) or DEC (reasons it ended), from the
DOB in Header. A birthday on 29 February falls on 28 February in years that are not leap years.
Where the DOB, or the date the age is measured on, is blank the age is not known and nothing is
flagged: Header's and Episodes' own rules report the blank.
"""

from __future__ import annotations

from corparent.engine.validation.rule import Level, Rule


def _placed_too_young(code: str, *, level: Level, message: str, place: str, years: int, hint: str) -> Rule:
    """A placement of type ``place`` that started (DECOM) before the child was ``years`` old."""
    return Rule(
        code=code,
        message=message,
        level=level,
        tables=("Episodes", "Header"),
        fields=("DECOM", "PLACE"),
        sql=f"""
        SELECT DISTINCT 'Episodes' AS tbl, e._row FROM episodes e JOIN header h USING (CHILD)
        WHERE e.PLACE = '{place}' AND e.DECOM < h.DOB + INTERVAL {years} YEAR
    """,
        hint=hint,
    )


def _ceased(
    code: str,
    *,
    level: Level,
    message: str,
    fields: tuple[str, ...],
    reasons: str,
    condition: str,
    hint: str,
    tables: tuple[str, ...] = ("Header", "Episodes"),
) -> Rule:
    """Episodes that ended for one of ``reasons`` where ``condition`` (on e.DEC and h.DOB) holds."""
    return Rule(
        code=code,
        message=message,
        level=level,
        tables=tables,
        fields=fields,
        sql=f"""
        SELECT DISTINCT 'Episodes' AS tbl, e._row FROM episodes e JOIN header h USING (CHILD)
        WHERE e.REC IN ({reasons}) AND {condition}
    """,
        hint=hint,
    )


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
    _placed_too_young(
        "371",
        level=Level.ERROR,
        message="Child in supported accommodation not subject to children's homes regulations should be "
        "at least 16.",
        place="K3",
        years=16,
        hint="Supported accommodation (K3) is for young people aged 16 or over. Check the child's date of "
        "birth and the placement type and start date of the episode.",
    ),
    _placed_too_young(
        "372",
        level=Level.ERROR,
        message="Child in youth custody or prison should be at least 10.",
        place="R5",
        years=10,
        hint="A child under 10 cannot be in a young offender institution (R5). Check the child's date of "
        "birth and the placement type of the episode.",
    ),
    _placed_too_young(
        "373",
        level=Level.ERROR,
        message="Child placed in a school should be at least 4 years old.",
        place="S1",
        years=4,
        hint="A residential school placement (S1) is for children aged 4 or over. Check the child's date of "
        "birth and the placement type of the episode.",
    ),
    _placed_too_young(
        "374",
        level=Level.ERROR,
        message="Child in residential employment should be at least 14 years old.",
        place="P3",
        years=14,
        hint="Residential employment (P3) is for young people aged 14 or over. Check the child's date of "
        "birth and the placement type of the episode.",
    ),
    _ceased(
        "386",
        level=Level.ERROR,
        message="Reason episode ceased is adopted but child has reached age 18.",
        fields=("REC",),
        reasons="'E11', 'E12'",
        condition="e.DEC >= h.DOB + INTERVAL 18 YEAR",
        hint="A child is adopted (E11 or E12) before their 18th birthday. Check the date the episode ended, "
        "the reason, and the child's date of birth.",
    ),
    _ceased(
        "387",
        level=Level.ERROR,
        message="Reason episode ceased is child moved into independent living arrangement, but the child is "
        "aged under 14.",
        fields=("REC",),
        reasons="'E5', 'E6'",
        condition="e.DEC < h.DOB + INTERVAL 14 YEAR",
        hint="A child under 14 does not move into independent living (E5 or E6). Check the reason the "
        "episode ended, its date and the child's date of birth.",
    ),
    _ceased(
        "389",
        level=Level.ERROR,
        message="Reason episode ceased is that child transferred to care of adult social care services, but "
        "child is aged under 16.",
        fields=("REC",),
        reasons="'E7'",
        condition="e.DEC < h.DOB + INTERVAL 16 YEAR",
        hint="Transfer to residential care funded by adult social care (E7) is for young people aged 16 or "
        "over. Check the reason the episode ended, its date and the child's date of birth.",
        tables=("Episodes", "Header"),
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
    _ceased(
        "460",
        level=Level.ERROR,
        message="Reason episode ceased is that child stayed with current carers at age 18 (or above), but "
        "child is aged under 18.",
        fields=("DEC", "REC"),
        reasons="'E17'",
        condition="e.DEC < h.DOB + INTERVAL 18 YEAR",
        hint="E17 (stayed with current carers, for example staying put) is used when care ends at 18 or "
        "over. Check the date the episode ended and the child's date of birth, or use another reason.",
    ),
]
