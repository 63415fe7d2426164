"""Rules on postcodes and what is derived from them: 392a-392d, 406, 411 and 452-454.

HOME_POST and PL_POST are the child's home and placement postcodes. PL_DISTANCE (miles between
them), PL_LA (the council area of the placement) and PL_LOCATION (IN or OUT of the council's area)
are derived from them. Where a year's file carries none of the three and the ``postcodes`` extra is
installed, the runner derives them from the ONS postcode directory (``ssda903.postcodes``); otherwise
they are what the file carries, or NULL. A NULL means "not known": a rule needing one finds nothing in
a file without it, and an unknown value never contradicts a known one (452, 453).

Unaccompanied asylum-seeking children (UASC), now or formerly, have no postcodes in the return. A
child in this year's or (when supplied) last year's UASC file counts as formerly UASC; a child who
was UASC two years ago and is in neither is not recognised, as the rules' messages warn.
"""

from __future__ import annotations

from corparent.engine.validation.rule import Level, Rule

SHORT_BREAK = "('V3', 'V4')"
# Children in this year's or last year's UASC file (last year's view is empty when not supplied).
FORMERLY_UASC = """(
    SELECT CHILD FROM uasc WHERE CHILD IS NOT NULL
    UNION SELECT CHILD FROM uasc_last WHERE CHILD IS NOT NULL
)"""
# The shape of a full UK postcode, or of a postcode sector (the partial postcode, e.g. "AB1 2").
POSTCODE = r"GIR ?0AA|[A-Z]{1,2}[0-9][A-Z0-9]?( ?[0-9][A-Z]{2}| [0-9])"


def _bad_postcode(column: str) -> str:
    return f"({column} IS NOT NULL AND NOT regexp_full_match(upper({column}), '{POSTCODE}'))"


def _first_and_last_sql(condition: str) -> str:
    """This year's first episode of a child (by DECOM) that continues last year's last episode,
    still open at 31 March, with the same RNE, where ``condition`` on ``f`` and ``l`` holds."""
    return f"""
        WITH f AS (
            SELECT * FROM episodes WHERE DECOM IS NOT NULL
            QUALIFY row_number() OVER (PARTITION BY CHILD ORDER BY DECOM, _row) = 1
        ), l AS (
            SELECT * FROM episodes_last WHERE DECOM IS NOT NULL
            QUALIFY row_number() OVER (PARTITION BY CHILD ORDER BY DECOM DESC, _row) = 1
        )
        SELECT 'Episodes' AS tbl, f._row FROM f JOIN l USING (CHILD)
        WHERE l.DEC IS NULL AND f.RNE = l.RNE AND {condition}
    """


PEER_DIFFERENCES: dict[str, str] = {
    "392c": "The peer looks each postcode up in the ONS postcode directory. Ours checks the postcode's "
    "shape (the directory, an optional extra, is used only to derive PL_LA, PL_LOCATION and PL_DISTANCE): "
    "a full UK postcode, or the postcode sector (the "
    "partial postcode such as 'AB1 2' that corparent's returns carry). A well-formed postcode that does "
    "not exist is not caught; a sector, which the peer rejects, is accepted.",
    "392d": "The peer compares the two postcodes as written, so 'AB1 0JD' and 'AB10JD' differ. Ours "
    "ignores spaces: they are the same postcode.",
    "453": "The peer compares two distances in floating point, so 10.2 and 10.0 miles (a difference of "
    "0.1999... in binary) are not 0.2 apart. Ours allows for the rounding.",
}

RULES = [
    Rule(
        code="392a",
        message="Child is looked after but no distance is recorded. [NOTE: This check may result in false "
        "positives for children formerly UASC]",
        level=Level.WARNING,
        tables=("Episodes", "UASC"),
        fields=("PL_DISTANCE",),
        # Runs when the file carries PL_DISTANCE (some row has it): a blank then means the distance could
        # not be worked out from the postcodes.
        sql=f"""
            SELECT 'Episodes' AS tbl, _row FROM episodes
            WHERE PL_DISTANCE IS NULL AND (LS IS NULL OR LS NOT IN {SHORT_BREAK})
                AND CHILD NOT IN {FORMERLY_UASC}
                AND EXISTS (SELECT 1 FROM episodes WHERE PL_DISTANCE IS NOT NULL)
        """,
        hint="The distance from home to placement is worked out from HOME_POST and PL_POST. Check that both "
        "postcodes are recorded and valid; a child who was UASC in an earlier year may rightly have none.",
    ),
    Rule(
        code="392b",
        message="Child is looked after but no postcodes are recorded. [NOTE: This check may result in false "
        "positives for children formerly UASC, particularly if current & prior year UASC data not loaded]",
        level=Level.WARNING,
        tables=("Episodes",),
        fields=("HOME_POST", "PL_POST"),
        sql=f"""
            SELECT 'Episodes' AS tbl, _row FROM episodes
            WHERE (HOME_POST IS NULL OR PL_POST IS NULL) AND (LS IS NULL OR LS NOT IN {SHORT_BREAK})
                AND CHILD NOT IN {FORMERLY_UASC}
        """,
        hint="Record the child's home postcode (HOME_POST) and the placement's postcode (PL_POST). A child "
        "who is or was UASC has none: load this year's and last year's UASC files so they are recognised.",
    ),
    Rule(
        code="392c",
        message="Postcode(s) provided are invalid.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("HOME_POST", "PL_POST"),
        sql=f"""
            SELECT 'Episodes' AS tbl, _row FROM episodes
            WHERE {_bad_postcode("HOME_POST")} OR {_bad_postcode("PL_POST")}
        """,
        hint="HOME_POST and PL_POST must be UK postcodes, such as 'AB1 2CD' (or the sector, 'AB1 2'). Check "
        "for typing errors; only the shape is checked here, not that the postcode exists.",
    ),
    Rule(
        code="392d",
        message="Home and placement postcodes should not be same unless the placement type is P1.",
        level=Level.WARNING,
        tables=("Episodes",),
        fields=("HOME_POST", "PL_POST", "PLACE"),
        sql="""
            SELECT 'Episodes' AS tbl, _row FROM episodes
            WHERE PLACE IS DISTINCT FROM 'P1'
                AND replace(upper(HOME_POST), ' ', '') = replace(upper(PL_POST), ' ', '')
        """,
        hint="The home postcode is where the child lived before care, so it matches the placement only when "
        "placed with parents (P1). Check both postcodes (with partial postcodes, a nearby placement can "
        "share the sector).",
    ),
    Rule(
        code="406",
        message="Child is Unaccompanied Asylum-Seeking Child (UASC) or was formerly UASC. Distance should be "
        "blank. [NOTE: This check will result in false negatives for children formerly UASC not identified "
        "as such in loaded data]",
        level=Level.WARNING,
        tables=("Episodes", "UASC"),
        fields=("PL_DISTANCE",),
        sql=f"""
            SELECT 'Episodes' AS tbl, _row FROM episodes
            WHERE PL_DISTANCE IS NOT NULL AND CHILD IN {FORMERLY_UASC}
        """,
        hint="Distance is not returned for a child who is or was UASC: leave the home and placement "
        "postcodes (from which it is worked out) blank, or check the child's UASC record.",
    ),
    Rule(
        code="411",
        message="Placement location code disagrees with LA of placement.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("PL_LOCATION",),
        sql="""
            SELECT 'Episodes' AS tbl, _row FROM episodes
            WHERE getvariable('la_code') IS NOT NULL AND PL_LOCATION = 'IN'
                AND PL_LA IS NOT NULL AND PL_LA <> getvariable('la_code')
        """,
        hint="A placement inside the council's area (PL_LOCATION IN) has the council as its area of "
        "placement (PL_LA). Check the placement postcode. The council's code must be given in the form PL_LA "
        "uses; without it this check is skipped.",
    ),
    Rule(
        code="452",
        message="Contradiction between local authority of placement code in the last episode of the previous "
        "year and in the first episode of the current year.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("PL_LA",),
        previous=("Episodes",),
        sql=_first_and_last_sql("f.PL_LA <> l.PL_LA"),
        hint="The episode open at the end of last year continues with the same placement, so its council "
        "area (from the placement postcode) is the same in both years. Check PL_POST in both returns.",
    ),
    Rule(
        code="453",
        message="Contradiction between placement distance in the last episode of the previous year and in "
        "the first episode of the current year.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("PL_DISTANCE",),
        previous=("Episodes",),
        sql=_first_and_last_sql("abs(f.PL_DISTANCE - l.PL_DISTANCE) >= 0.2 - 1e-9"),
        hint="The episode open at the end of last year continues with the same home and placement, so its "
        "distance is the same in both years (to within 0.2 miles). Check HOME_POST and PL_POST in both "
        "returns.",
    ),
    Rule(
        code="454",
        message="Placement distance from home is over 350 miles. [NOTE: This check will result in false "
        "positives for children formerly UASC not identified as such in loaded data]",
        level=Level.WARNING,
        tables=("Episodes",),
        fields=("PL_DISTANCE",),
        # 999.9 is the code for a distance that is not known.
        sql="""
            SELECT 'Episodes' AS tbl, _row FROM episodes WHERE PL_DISTANCE > 350 AND PL_DISTANCE <> 999.9
        """,
        hint="A placement more than 350 miles from the child's home is very unusual. Check HOME_POST and "
        "PL_POST (a typing error can move a postcode across the country); if both are right, explain it.",
        years=frozenset({2026, 2027}),
    ),
]
