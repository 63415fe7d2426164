"""Rules 219, 221, 224, 227, 228, 229, 241 and 1008: the placement's Ofsted URN against Ofsted's lists.

They read the table ``providers`` (``validation.providers``: one row per row of Ofsted's children's
homes and social care providers lists, with URN, PLACE_CODES, PROVIDER_CODES, CLOSED, POSTCODE and
LA_CODE) and run only when the lists are supplied (``needs``); otherwise they are reported as not run.
A URN is compared ignoring case and spaces; 'XXXXXXX' (a placement with no Ofsted registration of its
own) and a blank URN are not checked. Where a URN is on the lists more than once, a placement matches
when any of its rows does; a provider's registration has ended only when every row of it is closed,
on the latest of their dates.

Levels follow DfE's wording ("must": error, "should": warning), but 229 and 241 are warnings: DfE
reads the provider's council from its lookup, and ours is worked out from the provider's postcode
(Ofsted's lists name the council only in words), which can be wrong for a provider on a council
boundary. Those two also need the provider's council to be known (the postcodes extra installed);
229 needs the council's code too.
"""

from __future__ import annotations

from corparent.engine.validation.rule import Level, Rule

PEER_DIFFERENCES: dict[str, str] = {
    "229": "The peer flags every own-provision (PR1) placement whose provider's council it cannot work "
    "out from the provider's postcode (postcode blank or not in the directory), as if the council "
    "differed. Ours checks only providers whose council is known: an unknown council is neither the "
    "placing council nor another.",
    "241": "The peer compares the placement's council (PL_LA) of a supported accommodation (K3) placement "
    "with the placing council's own code, not with the councils where the provider has premises on "
    "Ofsted's lists as DfE's rule says, so it flags every K3 placement outside the council's area and "
    "none at premises the provider does not have. Ours compares PL_LA with the councils of the "
    "provider's rows on the lists (where both are known).",
}

_URN = "upper(regexp_replace(e.URN, '\\s', '', 'g'))"
_GIVEN = f"e.URN IS NOT NULL AND {_URN} <> '' AND {_URN} <> 'XXXXXXX'"
_POST = "upper(regexp_replace({}, '\\s', '', 'g'))"
PROVIDERS = ("providers",)
COUNCILS = ("providers", "provider_councils")
LATER = frozenset({2026, 2027})


def _no_match(condition: str, where: str = "") -> str:
    """Episodes with a URN none of whose rows on the lists meets ``condition`` (``p`` is the row)."""
    return f"""
        SELECT 'Episodes' AS tbl, e._row FROM episodes e
        WHERE {_GIVEN} {where}
          AND NOT EXISTS (SELECT 1 FROM providers p WHERE p.URN = {_URN} AND {condition})
    """


def _ended(condition: str) -> str:
    """Episodes whose provider's registration had ended (``ended``) when ``condition`` holds."""
    return f"""
        SELECT 'Episodes' AS tbl, e._row FROM episodes e
        JOIN (
            SELECT URN, max(CLOSED) AS ended FROM providers GROUP BY URN HAVING count(CLOSED) = count(*)
        ) p ON p.URN = {_URN}
        WHERE {_GIVEN} AND ({condition})
    """


def _councils(where: str) -> str:
    """Episodes with a URN, and ``councils`` (the known councils of the URN's rows on the lists)."""
    return f"""
        SELECT 'Episodes' AS tbl, e._row FROM episodes e
        JOIN (
            SELECT URN, list(DISTINCT LA_CODE) AS councils FROM providers
            WHERE LA_CODE IS NOT NULL GROUP BY URN
        ) p ON p.URN = {_URN}
        WHERE {_GIVEN} AND ({where})
    """


_229_CHECK = """
    (e.PLACE_PROVIDER = 'PR1' AND NOT list_contains(p.councils, getvariable('la_code')))
    OR (e.PLACE_PROVIDER = 'PR2' AND list_contains(p.councils, getvariable('la_code')))
"""
_229_EXEMPT = "'K3', 'P1', 'P3', 'R1', 'R2', 'R5', 'T0', 'T1', 'T2', 'T3', 'T4', 'Z11', 'Z12', 'Z13', 'Z14'"
_229_MESSAGE = (
    "Placement provider does not match between the placing authority and the local authority code of "
    "the provider."
)
_229_HINT = (
    "Own provision (PR1) must be registered in the council's own area, and another council's "
    "provision (PR2) in another council's area. Check the placement provider code and the URN. The "
    "provider's council is worked out from its postcode on Ofsted's list, so a provider on a council "
    "boundary can be flagged wrongly: if so, explain it to DfE."
)

RULES = [
    Rule(
        code="1008",
        message="Ofsted Unique Reference Number (URN) is not valid.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("URN",),
        sql=_no_match("TRUE"),
        hint="The URN is on neither of Ofsted's lists (children's homes, social care providers). Check it "
        "against the provider's Ofsted registration; if the placement has no URN of its own, record "
        "'XXXXXXX'. Make sure the lists supplied are Ofsted's latest.",
        needs=PROVIDERS,
    ),
    Rule(
        code="219",
        message="The Ofsted Unique reference number (URN) provided for the child's placement does not "
        "match the placement type recorded.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("URN", "PLACE"),
        sql=_no_match("list_contains(p.PLACE_CODES, upper(e.PLACE))"),
        hint="Ofsted's lists register this URN for other placement types. Correct the placement type "
        "(PLACE) or the URN.",
        needs=PROVIDERS,
    ),
    Rule(
        code="221",
        message="The Ofsted Unique reference number (URN) provided for the child's placement does not "
        "match the placement postcode provided.",
        level=Level.WARNING,
        tables=("Episodes",),
        fields=("URN", "PL_POST"),
        sql=_no_match(
            f"p.POSTCODE = {_POST.format('e.PL_POST')}",
            where=f"AND (e.LS IS NULL OR e.LS NOT IN ('V3', 'V4')) "
            f"AND e.PLACE IN ('K1', 'K2', 'K3', 'R3', 'S1') AND {_POST.format('e.PL_POST')} <> ''",
        ),
        hint="For a secure unit, children's home, supported accommodation, family centre or residential "
        "school placement, the placement postcode should be the setting's postcode on Ofsted's list. "
        "Correct the postcode or the URN.",
        needs=PROVIDERS,
    ),
    Rule(
        code="224",
        message="The Ofsted Unique reference number (URN) provided for the child's placement does not "
        "match the placement provider recorded.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("PLACE_PROVIDER",),
        sql=_no_match("list_contains(p.PROVIDER_CODES, upper(e.PLACE_PROVIDER))"),
        hint="Ofsted's lists give this URN other placement provider codes. Correct the placement provider "
        "(PLACE_PROVIDER) or the URN.",
        needs=PROVIDERS,
    ),
    Rule(
        code="227",
        message="Ofsted Unique reference number (URN) is not valid for the episode start date.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("URN", "DECOM"),
        sql=_ended("e.DECOM >= p.ended"),
        hint="The provider's Ofsted registration had ended by the date the episode started. Check the "
        "URN and the start date (DECOM).",
        needs=PROVIDERS,
    ),
    Rule(
        code="228",
        message="Ofsted Unique reference number (URN) is not valid for the episode end date.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("URN", "DEC"),
        sql=_ended(
            "(e.DEC IS NOT NULL AND e.DEC > p.ended) "
            "OR (e.DEC IS NULL AND getvariable('collection_end') > p.ended)"
        ),
        hint="The provider's Ofsted registration ended before the episode did (or, for an episode still "
        "open, before 31 March). Check the URN and the end date (DEC); a child who moved when the "
        "provider closed needs a new episode.",
        needs=PROVIDERS,
    ),
    Rule(
        code="229",
        message=_229_MESSAGE,
        level=Level.WARNING,
        tables=("Episodes",),
        fields=("URN", "PLACE_PROVIDER"),
        sql=_councils(_229_CHECK),
        hint=_229_HINT,
        years=frozenset({2025}),
        needs=(*COUNCILS, "la_code"),
    ),
    Rule(
        code="229",
        message=_229_MESSAGE,
        level=Level.WARNING,
        tables=("Episodes",),
        fields=("URN", "PLACE_PROVIDER"),
        sql=_councils(f"(e.PLACE IS NULL OR e.PLACE NOT IN ({_229_EXEMPT})) AND ({_229_CHECK})"),
        hint=_229_HINT,
        years=LATER,
        needs=(*COUNCILS, "la_code"),
    ),
    Rule(
        code="241",
        message="LA of placement is not an LA the provider has premises.",
        level=Level.WARNING,
        tables=("Episodes",),
        fields=("URN", "PL_LA"),
        sql=_councils(
            "e.PLACE = 'K3' AND e.PL_LA IS NOT NULL AND NOT list_contains(p.councils, upper(e.PL_LA))"
        ),
        hint="A supported accommodation (K3) placement should be at premises the provider has on Ofsted's "
        "list, so its council (PL_LA, from the placement postcode) should be one of the provider's. "
        "Check the placement postcode and the URN. The provider's councils are worked out from their "
        "postcodes on Ofsted's list.",
        years=LATER,
        needs=COUNCILS,
    ),
]
