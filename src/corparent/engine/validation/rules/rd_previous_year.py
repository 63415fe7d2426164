"""Rules 503A-503J and 562: this year's first episode against last year's open episode.

A child whose latest episode in last year's return was still open (no DEC) carries that episode
into this year: the first episode in this year's return (earliest DECOM) must repeat it field by
field (503A-J), and an episode that started before this year must be last year's latest (562).
"""

from __future__ import annotations

from corparent.engine.validation.rule import Level, Rule

PEER_DIFFERENCES: dict[str, str] = {
    "503G": "The peer tests abs(distance now - distance last year) >= 0.2 in floating point, where "
    "10.2 - 10.0 is 0.19999..., so a change of 0.2 miles is missed. Ours rounds the difference first.",
}

# This year's first episode and last year's latest episode, per child (ties: first in the file,
# as the peer's idxmin/idxmax take the first row).
_FIRST_AND_LAST = """
    WITH first_now AS (
        SELECT CHILD, _row, {field} AS v FROM episodes
        WHERE CHILD IS NOT NULL AND DECOM IS NOT NULL
        QUALIFY row_number() OVER (PARTITION BY CHILD ORDER BY DECOM, _row) = 1
    ),
    last_prev AS (
        SELECT CHILD, DEC, {field} AS v FROM episodes_last
        WHERE CHILD IS NOT NULL AND DECOM IS NOT NULL
        QUALIFY row_number() OVER (PARTITION BY CHILD ORDER BY DECOM DESC, _row) = 1
    )
    SELECT 'Episodes' AS tbl, f._row FROM first_now f JOIN last_prev p ON p.CHILD = f.CHILD
    WHERE p.DEC IS NULL AND {differs}
"""

# PL_DISTANCE, PL_LA and PL_LOCATION are derived from postcodes and are NULL for a whole year when
# that year's file does not carry them: the comparison is made only when both years' files carry
# the field. Within such files a blank value counts as "not known", compared as the peer compares
# a failed postcode lookup (last year unknown, this year known: a difference).
_BOTH_CARRY = """
    AND EXISTS (SELECT 1 FROM episodes WHERE {field} IS NOT NULL)
    AND EXISTS (SELECT 1 FROM episodes_last WHERE {field} IS NOT NULL)
"""


def _compare(field: str, extra: str = "", derived: bool = False) -> str:
    differs = f"f.v IS DISTINCT FROM p.v {extra}"
    if field == "PL_DISTANCE":
        # Distances are to 0.1 mile: a difference of 0.2 or more (rounded, so float noise in
        # e.g. 10.2 - 10.0 does not hide it), or a distance now where last year's was not known.
        differs = "(round(abs(f.v - p.v), 6) >= 0.2 OR (p.v IS NULL AND f.v IS NOT NULL))"
    sql = _FIRST_AND_LAST.format(field=field, differs=differs)
    return sql + (_BOTH_CARRY.format(field=field) if derived else "")


_HINT = (
    "The child's episode that was open at the end of last year continues into this year, so the first "
    "episode in this year's return must show the same {what}. Check the child's first episode this "
    "year against last year's open episode, and correct whichever is wrong."
)


def _rule(code: str, field: str, what: str, message: str, derived: bool = False) -> Rule:
    return Rule(
        code=code,
        message=message,
        level=Level.ERROR,
        tables=("Episodes",),
        fields=(field,),
        sql=_compare(field, derived=derived),
        hint=_HINT.format(what=what),
        previous=("Episodes",),
    )


_MESSAGE_503D = "The placement type in the first episode does not match open episode at end of last year."

RULES = [
    _rule(
        "503A",
        "RNE",
        "reason for new episode",
        "The reason for new episode in the first episode does not match open episode at end of last year.",
    ),
    _rule(
        "503B",
        "LS",
        "legal status",
        "The legal status in the first episode does not match open episode at end of last year.",
    ),
    _rule(
        "503C",
        "CIN",
        "category of need",
        "The category of need in the first episode does not match open episode at end of last year.",
    ),
    # 503D: 2024-25 allows semi-independent accommodation (H5) to become supported accommodation
    # (K3); 2025-26 allows 'other placement' (Z1) to become one of its replacements Z11-Z14.
    Rule(
        code="503D",
        message=_MESSAGE_503D,
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("PLACE",),
        sql=_compare("PLACE", "AND NOT coalesce(f.v = 'K3' AND p.v = 'H5', false)"),
        hint=_HINT.format(what="placement type")
        + " An open H5 placement may be shown as K3 this year (supported accommodation).",
        years=frozenset({2025}),
        previous=("Episodes",),
    ),
    Rule(
        code="503D",
        message=_MESSAGE_503D,
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("PLACE",),
        sql=_compare("PLACE", "AND NOT coalesce(f.v IN ('Z11', 'Z12', 'Z13', 'Z14') AND p.v = 'Z1', false)"),
        hint=_HINT.format(what="placement type")
        + " An open Z1 placement may be shown as one of Z11 to Z14 this year.",
        years=frozenset({2026}),
        previous=("Episodes",),
    ),
    Rule(
        code="503D",
        message=_MESSAGE_503D,
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("PLACE",),
        sql=_compare("PLACE"),
        hint=_HINT.format(what="placement type"),
        years=frozenset({2027}),
        previous=("Episodes",),
    ),
    _rule(
        "503E",
        "PLACE_PROVIDER",
        "placement provider",
        "The placement provider in the first episode does not match open episode at end of last year.",
    ),
    _rule(
        "503F",
        "URN",
        "Ofsted URN",
        "The Ofsted URN in the first episode does not match open episode at end of last year.",
    ),
    _rule(
        "503G",
        "PL_DISTANCE",
        "distance to the placement (the home and placement postcodes)",
        "The distance in first episode does not match open episode at end of last year.",
        derived=True,
    ),
    _rule(
        "503H",
        "PL_LA",
        "placement council (the placement postcode)",
        "The placement LA in first episode does not match open episode at end of last year.",
        derived=True,
    ),
    _rule(
        "503J",
        "PL_LOCATION",
        "placement location, inside or outside the council (the placement postcode)",
        "The placement location in first episode does not match open episode at end of last year.",
        derived=True,
    ),
    Rule(
        code="562",
        message="Episode commenced before the start of the current collection year but there is a missing "
        "continuous episode in the previous year.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("DECOM",),
        sql="""
            WITH first_before AS (
                SELECT CHILD, DECOM, _row FROM episodes
                WHERE CHILD IS NOT NULL AND DECOM < getvariable('collection_start')
                QUALIFY row_number() OVER (PARTITION BY CHILD ORDER BY DECOM, _row) = 1
            ),
            last_prev AS (
                SELECT CHILD, DECOM FROM episodes_last
                WHERE CHILD IS NOT NULL AND DECOM IS NOT NULL
                QUALIFY row_number() OVER (PARTITION BY CHILD ORDER BY DECOM DESC, _row) = 1
            )
            SELECT 'Episodes' AS tbl, f._row FROM first_before f
            LEFT JOIN last_prev p ON p.CHILD = f.CHILD AND p.DECOM = f.DECOM
            WHERE p.CHILD IS NULL
        """,
        hint="The child's earliest episode this year started before 1 April, so it must be the latest "
        "episode in last year's return, with the same start date. Check the start date, and that last "
        "year's return has this episode.",
        previous=("Episodes",),
    ),
]
