"""Rules on legal status and placement type together: 378, 390, 408 and 446."""

from __future__ import annotations

from corparent.engine.validation.rule import Level, Rule

ADOPTION_PLACE = "('A3', 'A4', 'A5', 'A6')"

RULES = [
    Rule(
        code="378",
        message="A child who is placed with parent(s) cannot be looked after under a single period of "
        "accommodation under Section 20 of the Children Act 1989.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("PLACE", "LS"),
        sql="SELECT 'Episodes' AS tbl, _row FROM episodes WHERE PLACE = 'P1' AND LS = 'V2'",
        hint="A child accommodated under section 20 (V2) is not placed with parents (P1): living with "
        "parents they would not be accommodated. Check the placement type and the legal status.",
    ),
    Rule(
        code="390",
        message="Reason episode ceased is adopted but child has not been previously placed for adoption.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("PLACE", "REC"),
        sql=f"""
            SELECT 'Episodes' AS tbl, _row FROM episodes
            WHERE REC IN ('E11', 'E12') AND (PLACE IS NULL OR PLACE NOT IN {ADOPTION_PLACE})
        """,
        hint="A child is adopted (E11 or E12) from a placement for adoption (A3-A6). Check the placement "
        "type of the episode that ended in adoption; record the move to the adopters as its own episode.",
    ),
    Rule(
        code="408",
        message="Child is placed for adoption with a placement order, but no placement order has been "
        "recorded.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("PLACE", "LS"),
        sql="""
            SELECT 'Episodes' AS tbl, _row FROM episodes
            WHERE PLACE IN ('A5', 'A6') AND LS IS DISTINCT FROM 'E1'
        """,
        hint="Placements A5 and A6 are made under a placement order, so the legal status is E1. Correct the "
        "legal status, or use A3/A4 if the child was placed with parental consent.",
    ),
    Rule(
        code="446",
        message="E1 is not a valid code for episodes starting before December 2005.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("LS", "DECOM"),
        sql="""
            SELECT 'Episodes' AS tbl, _row FROM episodes WHERE LS = 'E1' AND DECOM < DATE '2005-12-01'
        """,
        hint="Placement orders (E1) exist from 30 December 2005 (Adoption and Children Act 2002); DfE "
        "accepts them from December 2005. Check the start date and the legal status of the episode.",
    ),
]
