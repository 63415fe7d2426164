"""Rules on how a child's episodes follow one another: 385, 388, 431-437, 501 and 502.

A child's episodes are taken in order of DECOM (two on the same day in file order; episodes with
no DECOM last, except in rule 388, where the peer and DfE's wording put them first). "The previous
episode" is the one before in that order, in this year's file. An episode that continues care
starts the day the previous one ended, which ended with X1; one that starts a new period of care
has RNE S.
"""

from __future__ import annotations

from corparent.engine.validation.rule import Level, Rule

# The reasons an episode ends that end the period of care (all but X1; E43/E44 are no longer used).
LEFT_CARE = (
    "'E2', 'E3', 'E4A', 'E4B', 'E5', 'E6', 'E7', 'E8', 'E9', 'E11', 'E12', 'E13', 'E14', 'E15', 'E16', "
    "'E17', 'E41', 'E45', 'E46', 'E47', 'E48'"
)
# Columns with the previous episode's values, in the child's DECOM order.
_PREVIOUS = """
    SELECT *, row_number() OVER w AS n,
        lag(DEC) OVER w AS prev_dec, lag(REC) OVER w AS prev_rec, lag(LS) OVER w AS prev_ls,
        lag(PLACE) OVER w AS prev_place, upper(lag(PL_POST) OVER w) AS prev_post,
        upper(lag(URN) OVER w) AS prev_urn, lag(PLACE_PROVIDER) OVER w AS prev_provider
    FROM episodes WHERE CHILD IS NOT NULL
    WINDOW w AS (PARTITION BY CHILD ORDER BY DECOM NULLS LAST, _row)
"""
_SAME_PLACEMENT = """(PLACE IS NOT DISTINCT FROM prev_place AND upper(PL_POST) IS NOT DISTINCT FROM prev_post
    AND upper(URN) IS NOT DISTINCT FROM prev_urn AND PLACE_PROVIDER IS NOT DISTINCT FROM prev_provider)"""

PEER_DIFFERENCES: dict[str, str] = {
    "435": "The peer's test that nothing about the placement changed compares PLACE, PL_POST, URN and "
    "PLACE_PROVIDER with '==', for which two blanks differ, so an episode with RNE P or T whose "
    "placement is unchanged is not flagged when (as is common) URN or PL_POST is blank in both episodes. "
    "Ours treats two blanks as the same, as the peer itself does in rules 434 and 436.",
}

RULES = [
    Rule(
        code="385",
        message="Date episode ceased must be on or before the end of the current collection year.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("DEC",),
        sql="""
            SELECT 'Episodes' AS tbl, _row FROM episodes WHERE DEC > getvariable('collection_end')
        """,
        hint="An episode that ends after 31 March belongs to next year's return. Leave DEC (and REC) blank "
        "if the episode was still open on 31 March, or correct the date.",
    ),
    Rule(
        code="388",
        message="Reason episode ceased is coded new episode begins, but there is no continuation episode.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("REC",),
        # X1 needs a next episode starting on the DEC; an episode followed by one starting on its DEC
        # needs X1. Episodes with no DECOM are ordered first.
        sql="""
            WITH o AS (
                SELECT _row, REC, DEC, lead(coalesce(DECOM, DATE '1901-01-01')) OVER (
                    PARTITION BY CHILD ORDER BY coalesce(DECOM, DATE '1901-01-01'), _row) AS next_decom
                FROM episodes WHERE CHILD IS NOT NULL
            )
            SELECT 'Episodes' AS tbl, _row FROM o
            WHERE DEC IS NOT NULL AND (
                (next_decom IS NULL AND REC = 'X1')
                OR (next_decom IS NOT NULL AND REC = 'X1' AND DEC <> next_decom)
                OR (next_decom IS NOT NULL AND REC <> 'X1' AND DEC = next_decom))
        """,
        hint="X1 means a new episode started the day this one ended; any other reason means care ended. "
        "Check the child's next episode: its DECOM should be this DEC when REC is X1, and later otherwise.",
    ),
    Rule(
        code="431",
        message="The reason for new episode is started to be looked after, but the previous episode ended on "
        "the same day.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("RNE", "DECOM"),
        sql=f"""
            SELECT 'Episodes' AS tbl, _row FROM ({_PREVIOUS})
            WHERE RNE = 'S' AND DECOM <= prev_dec
        """,
        hint="A new period of care (RNE S) starts after the previous one ended, never on the same day. If "
        "care continued, use the RNE for what changed (P, L, T, U or B) and end the previous episode with "
        "X1.",
    ),
    Rule(
        code="432",
        message="The child ceased to be looked after at the end of the previous episode but the reason for "
        "the new episode is not started to be looked after.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("RNE",),
        sql=f"""
            SELECT 'Episodes' AS tbl, _row FROM ({_PREVIOUS})
            WHERE prev_rec IN ({LEFT_CARE}) AND RNE IS DISTINCT FROM 'S'
        """,
        hint="The previous episode ended with a reason that ends care, so this episode starts a new period "
        "of care (RNE S). Correct this RNE, or the previous episode's reason (X1 if care continued).",
    ),
    Rule(
        code="433",
        message="The reason for new episode suggests that this is a continuation episode, but the episode "
        "does not start on the same day as the last episode finished.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("RNE", "DECOM"),
        # Ordered by DECOM, then DEC: the episode before is the one the child moved on from.
        sql="""
            WITH o AS (
                SELECT _row, RNE, DECOM, row_number() OVER w AS n, lag(DEC) OVER w AS prev_dec
                FROM episodes WHERE CHILD IS NOT NULL
                WINDOW w AS (PARTITION BY CHILD ORDER BY DECOM NULLS LAST, DEC NULLS LAST, _row)
            )
            SELECT 'Episodes' AS tbl, _row FROM o
            WHERE n > 1 AND RNE IN ('P', 'L', 'T', 'U', 'B')
                AND (prev_dec IS NULL OR DECOM IS NULL OR prev_dec <> DECOM)
        """,
        hint="An episode that continues care (RNE P, L, T, U or B) starts the day the previous episode "
        "ended. Check the dates of the two episodes, or use RNE S if a new period of care began.",
    ),
    Rule(
        code="434",
        message="Reason for new episode is that child's legal status has changed but not the placement, but "
        "this is not reflected in the episode data.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("RNE", "LS", "PLACE", "PL_POST", "URN", "PLACE_PROVIDER"),
        sql=f"""
            SELECT 'Episodes' AS tbl, _row FROM ({_PREVIOUS})
            WHERE n > 1 AND RNE = 'L' AND (LS = prev_ls OR NOT {_SAME_PLACEMENT})
        """,
        hint="RNE L means only the legal status changed: LS differs from the previous episode and the "
        "placement (type, postcode, URN and provider) is the same. Check what changed and correct the RNE.",
    ),
    Rule(
        code="435",
        message="Reason for new episode is that child's placement has changed but not the legal status, but "
        "this is not reflected in the episode data recorded.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("LS", "PLACE", "PL_POST", "URN", "PLACE_PROVIDER"),
        sql=f"""
            SELECT 'Episodes' AS tbl, _row FROM ({_PREVIOUS})
            WHERE n > 1 AND RNE IN ('P', 'T') AND (LS IS DISTINCT FROM prev_ls OR {_SAME_PLACEMENT})
        """,
        hint="RNE P or T means only the placement changed: the legal status is the same as the previous "
        "episode's and the placement type, postcode, URN or provider differs. Check what changed and "
        "correct the RNE.",
    ),
    Rule(
        code="436",
        message="Reason for new episode is that both child's placement and legal status have changed, but "
        "this is not reflected in the episode data.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("RNE", "LS", "PLACE", "PL_POST", "URN", "PLACE_PROVIDER"),
        sql=f"""
            SELECT 'Episodes' AS tbl, _row FROM ({_PREVIOUS})
            WHERE n > 1 AND RNE IN ('U', 'B')
                AND (LS IS NOT DISTINCT FROM prev_ls OR {_SAME_PLACEMENT})
        """,
        hint="RNE U or B means both the legal status and the placement changed. Check the previous episode: "
        "if only one of them changed, use L, P or T instead.",
    ),
    Rule(
        code="437",
        message="Reason episode ceased is child has died or is aged 18 or over but there are further "
        "episodes.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("REC",),
        sql="""
            SELECT 'Episodes' AS tbl, _row FROM (
                SELECT _row, REC, DECOM, lead(_row) OVER (
                    PARTITION BY CHILD ORDER BY DECOM NULLS LAST, _row) AS next_row
                FROM episodes WHERE CHILD IS NOT NULL
            )
            WHERE REC IN ('E2', 'E15') AND DECOM IS NOT NULL AND next_row IS NOT NULL
        """,
        hint="After a child dies (E2) or is assessed as 18 or over (E15) there can be no later episode. "
        "Check the reason the episode ended and the child's later episodes.",
    ),
    Rule(
        code="501",
        message="A new episode has started before the end date of the previous episode.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("DECOM", "DEC"),
        sql=f"""
            SELECT 'Episodes' AS tbl, _row FROM ({_PREVIOUS}) WHERE DECOM < prev_dec
        """,
        hint="Episodes of one child cannot overlap. Check the start date of this episode and the end date of "
        "the one before it.",
    ),
    Rule(
        code="502",
        message="Last year's record ended with an open episode. The date on which that episode started does "
        "not match the start date of the first episode on this year's record.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("DECOM",),
        previous=("Episodes",),
        sql="""
            WITH first_episode AS (
                SELECT CHILD, _row, DECOM FROM episodes WHERE DECOM IS NOT NULL
                QUALIFY row_number() OVER (PARTITION BY CHILD ORDER BY DECOM, _row) = 1
            )
            SELECT DISTINCT 'Episodes' AS tbl, f._row FROM first_episode f JOIN episodes_last l USING (CHILD)
            WHERE l.DEC IS NULL AND l.DECOM IS DISTINCT FROM f.DECOM
        """,
        hint="An episode open at the end of last year continues into this year with the same start date. "
        "Check this year's first episode against last year's return; correct whichever date is wrong.",
    ),
]
