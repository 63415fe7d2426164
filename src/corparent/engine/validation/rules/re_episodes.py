"""Rules 1009, 1012 and 1015: reason for a placement change, children with no episodes this year,
and own-provision placements outside the council.

Rule 1008 (the Ofsted URN must be on Ofsted's lists of children's homes and social care
providers) is not implemented: it needs those lists, which the return does not carry.
"""

from __future__ import annotations

from corparent.engine.validation.rule import Level, Rule

PEER_DIFFERENCES: dict[str, str] = {
    "1015": "the peer also flags own-provision episodes whose placement council could not be worked out "
    "(placement postcode blank, withheld or not found: PL_LA empty), and its postcode-to-council lookup "
    "predates the 2023 reorganisations, so a council such as Cumberland sees its own placements as out "
    "of area. We flag only when PL_LA is known and is not the council's code.",
}

_TABLES_WITHOUT_EPISODES = (
    ("PlacedAdoption", "placed_adoption"),
    ("Missing", "missing"),
    ("Reviews", "reviews"),
    ("AD1", "ad1"),
    ("PrevPerm", "prev_perm"),
    ("OC2", "oc2"),
)


def _own_provision_outside(exempt_places: tuple[str, ...]) -> str:
    places = ", ".join(f"'{p}'" for p in exempt_places)
    return f"""
        SELECT 'Episodes' AS tbl, _row FROM episodes
        WHERE getvariable('la_code') IS NOT NULL
          AND PLACE_PROVIDER = 'PR1' AND LS IS NOT NULL AND PLACE IS NOT NULL
          AND LS NOT IN ('V3', 'V4') AND PLACE NOT IN ({places})
          AND PL_LA IS NOT NULL AND PL_LA <> getvariable('la_code')
    """


_FOSTER_AND_ADOPTION = ("A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6")
_MESSAGE_1015 = "Placement provider is own provision but child not placed in own LA."
_HINT_1015 = (
    "The council's own provision (PR1) is placed outside the council's area (PL_LA, from the placement "
    "postcode). Check the placement provider and postcode. The council's code must be given in the form "
    "PL_LA uses; without it this check is skipped."
)

RULES = [
    Rule(
        code="1009",
        message="Reason for placement change is not a valid code.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("REASON_PLACE_CHANGE",),
        sql="""
            SELECT 'Episodes' AS tbl, _row FROM episodes
            WHERE REASON_PLACE_CHANGE IS NOT NULL AND REASON_PLACE_CHANGE NOT IN (
                'CARPL', 'CLOSE', 'ALLEG', 'STAND', 'APPRR', 'CREQB',
                'CREQO', 'CHILD', 'LAREQ', 'PLACE', 'CUSTOD', 'OTHER'
            )
        """,
        hint="REASON_PLACE_CHANGE must be one of DfE's codes (CARPL, CLOSE, ALLEG, STAND, APPRR, CREQB, "
        "CREQO, CHILD, LAREQ, PLACE, CUSTOD, OTHER). Correct the reason recorded for the move.",
    ),
    Rule(
        code="1012",
        message="No other data should be returned for OC3 children who had no episodes in the current year",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("CHILD",),
        sql=" UNION ALL ".join(
            f"SELECT '{name}' AS tbl, t._row FROM {view} t "
            "WHERE NOT EXISTS (SELECT 1 FROM episodes e WHERE e.CHILD = t.CHILD)"
            for name, view in _TABLES_WITHOUT_EPISODES
        ),
        hint="The child has no episode in this year's return, so has no adoption, missing, review, "
        "previous permanence or OC2 rows this year. Remove those rows, or add the child's episodes.",
    ),
    Rule(
        code="1015",
        message=_MESSAGE_1015,
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("PL_LA",),
        sql=_own_provision_outside(_FOSTER_AND_ADOPTION),
        hint=_HINT_1015,
        years=frozenset({2025}),
    ),
    Rule(
        code="1015",
        message=_MESSAGE_1015,
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("PL_LA",),
        # From 2025-26 supported accommodation (K3) is exempt too.
        sql=_own_provision_outside((*_FOSTER_AND_ADOPTION, "K3")),
        hint=_HINT_1015,
        years=frozenset({2026, 2027}),
    ),
]
