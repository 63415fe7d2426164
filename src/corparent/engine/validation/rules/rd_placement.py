"""Rules 504, 516, 526-531 and 550: an episode's placement, its provider and its category of need."""

from __future__ import annotations

from corparent.engine.validation.rule import Level, Rule

PEER_DIFFERENCES: dict[str, str] = {
    "504": "The peer compares CIN with '!=', so an episode following an X1 episode is flagged when both "
    "have a blank category of need, though nothing differs. Ours flags only a real difference (a code "
    "against another code or against a blank); a blank CIN is reported by the rules on CIN itself.",
}


def _provider_rule(code: str, provider: str, places: tuple[str, ...], message: str, hint: str) -> Rule:
    listed = ", ".join(f"'{p}'" for p in places)
    return Rule(
        code=code,
        message=message,
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("PLACE", "PLACE_PROVIDER"),
        sql=f"""
            SELECT 'Episodes' AS tbl, _row FROM episodes
            WHERE PLACE_PROVIDER = '{provider}' AND PLACE IN ({listed})
        """,
        hint=hint,
    )


def _526(exempt: tuple[str, ...], years: frozenset[int], hint: str) -> Rule:
    listed = ", ".join(f"'{p}'" for p in exempt)
    return Rule(
        code="526",
        message="Child is missing a placement provider code for at least one episode.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("PLACE", "PLACE_PROVIDER"),
        sql=f"""
            SELECT 'Episodes' AS tbl, _row FROM episodes
            WHERE PLACE_PROVIDER IS NULL AND (PLACE IS NULL OR PLACE NOT IN ({listed}))
        """,
        hint=hint,
        years=years,
    )


RULES = [
    Rule(
        code="504",
        message="The category of need code differs from that reported at start of current period of being "
        "looked after.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("CIN",),
        # Each episode against the one before it (by start date): an episode that follows an X1
        # episode ending the day it starts continues the same period of care, so its CIN must be the
        # same; chained, that keeps it equal to the CIN at the start of the period.
        sql="""
            SELECT 'Episodes' AS tbl, _row FROM (
                SELECT _row, DECOM, CIN,
                    lag(CIN) OVER w AS cin_before,
                    lag(REC) OVER w AS rec_before,
                    lag(DEC) OVER w AS dec_before
                FROM episodes
                WINDOW w AS (PARTITION BY CHILD ORDER BY DECOM NULLS LAST, _row)
            )
            WHERE rec_before = 'X1' AND dec_before = DECOM AND CIN IS DISTINCT FROM cin_before
        """,
        hint="The category of need is recorded once, at the start of the period of care, and stays the "
        "same in every later episode of that period. Copy the CIN of the period's first episode into "
        "this episode.",
    ),
    Rule(
        code="516",
        message="The episode data submitted for this child does not show that he/she was with their former "
        "foster carer(s) during the year. If the code in the reason episode ceased is E45 or E46 the child "
        "must have a placement code of U1 to U6.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("REC", "PLACE"),
        sql="""
            SELECT 'Episodes' AS tbl, _row FROM episodes
            WHERE REC IN ('E45', 'E46')
              AND (PLACE IS NULL OR PLACE NOT IN ('U1', 'U2', 'U3', 'U4', 'U5', 'U6'))
        """,
        hint="E45 and E46 mean a special guardianship order to the child's former foster carers, so the "
        "episode that ended that way must be a foster placement (U1 to U6). Check the reason the episode "
        "ended and the placement type.",
    ),
    _526(
        ("T0", "T1", "T2", "T3", "T4", "Z1"),
        frozenset({2025}),
        "Every placement except temporary ones (T0 to T4) and other placements (Z1) needs a placement "
        "provider (PR0 to PR5). Add the provider to the episode.",
    ),
    _526(
        ("T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14"),
        frozenset({2026, 2027}),
        "Every placement except temporary ones (T0 to T4) and other placements (Z11 to Z14) needs a "
        "placement provider (PR0 to PR5). Add the provider to the episode.",
    ),
    _provider_rule(
        "527",
        "PR1",
        ("P1", "R2", "R5"),
        "A placement provider code of PR1 cannot be associated with placements P1, R2 or R5.",
        "PR1 is the council's own provision, which cannot be a placement with parents (P1), a health "
        "establishment (R2) or a young offender institution (R5). Correct the provider or the placement.",
    ),
    _provider_rule(
        "528",
        "PR2",
        ("P1", "R2", "R5"),
        "A placement provider code of PR2 cannot be associated with placements P1, R2 or R5.",
        "PR2 is another council's provision, which cannot be a placement with parents (P1), a health "
        "establishment (R2) or a young offender institution (R5). Correct the provider or the placement.",
    ),
    _provider_rule(
        "529",
        "PR3",
        ("A3", "A4", "A5", "A6", "K1", "K2", "P1", "U1", "U2", "U3", "U4", "U5", "U6"),
        "Placement provider code of PR3 cannot be associated with placements P1, A3 to A6, K1, K2 and U1 "
        "to U6 as these placements cannot be provided by other public organisations.",
        "PR3 (other public provision, such as the NHS) cannot provide adoption, children's home, parent "
        "or foster placements. Correct the provider or the placement.",
    ),
    _provider_rule(
        "530",
        "PR4",
        ("P1",),
        "A placement provider code of PR4 cannot be associated with placement P1.",
        "A placement with parents (P1) has provider PR0, not private provision (PR4). Correct the "
        "provider or the placement.",
    ),
    _provider_rule(
        "531",
        "PR5",
        ("P1",),
        "A placement provider code of PR5 cannot be associated with placements P1.",
        "A placement with parents (P1) has provider PR0, not voluntary provision (PR5). Correct the "
        "provider or the placement.",
    ),
    Rule(
        code="550",
        message="A placement provider code of PR0 can only be associated with placement P1.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("PLACE", "PLACE_PROVIDER"),
        sql="""
            SELECT 'Episodes' AS tbl, _row FROM episodes
            WHERE PLACE_PROVIDER = 'PR0' AND PLACE IS DISTINCT FROM 'P1'
        """,
        hint="PR0 (parents or others with parental responsibility) is the provider only of a placement "
        "with parents (P1). Correct the provider or the placement.",
    ),
]
