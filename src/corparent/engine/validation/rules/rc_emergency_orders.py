"""Rules 361-364: short-term legal statuses that the law limits to a few days.

Police protection (L1, 72 hours), an emergency protection order (L2, 21 days), a child assessment
order (L3, 7 days) and detention under PACE (J2). An episode still open at the end of the year is
counted up to 31 March. Consecutive episodes under the same status (a placement change during an
EPO, say) are one period: the limit applies to the whole period, and every episode in it is flagged.
"""

from __future__ import annotations

from corparent.engine.validation.rule import Level, Rule

END = "getvariable('collection_end')"


def _chained_period_sql(status: str, max_days: int) -> str:
    """Rules 361 and 362: a run of episodes under ``status``, each starting the day the one before
    it (in the child's DECOM order) ended, lasts from its first DECOM to its last DEC."""
    return f"""
        WITH e AS (
            SELECT CHILD, _row, LS, DECOM, coalesce(DEC, {END}) AS dec_,
                lag(LS) OVER w AS prev_ls, lag(coalesce(DEC, {END})) OVER w AS prev_dec
            FROM episodes
            WINDOW w AS (PARTITION BY CHILD ORDER BY DECOM NULLS LAST, _row)
        ), runs AS (
            SELECT *, sum(CASE WHEN LS = '{status}' AND prev_ls = '{status}' AND prev_dec = DECOM
                THEN 0 ELSE 1 END) OVER (PARTITION BY CHILD ORDER BY DECOM NULLS LAST, _row
                ROWS UNBOUNDED PRECEDING) AS run
            FROM e
        ), spans AS (
            SELECT _row, max(dec_) OVER p - min(DECOM) OVER p AS days
            FROM runs WHERE LS = '{status}'
            WINDOW p AS (PARTITION BY CHILD, run)
        )
        SELECT 'Episodes' AS tbl, _row FROM spans WHERE days > {max_days}
    """


def _summed_period_sql(status: str, max_days: int) -> str:
    """Rules 363 and 364: episodes under ``status`` that start on or before the previous such
    episode's end are one period; its length is the sum of its episodes' lengths."""
    return f"""
        WITH e AS (
            SELECT CHILD, _row, DECOM, coalesce(DEC, {END}) AS dec_
            FROM episodes WHERE LS = '{status}' AND DECOM IS NOT NULL
        ), starts AS (
            SELECT *, CASE WHEN DECOM <= lag(dec_) OVER w THEN 0 ELSE 1 END AS new_period
            FROM e WINDOW w AS (PARTITION BY CHILD ORDER BY DECOM, _row)
        ), periods AS (
            SELECT *, sum(new_period) OVER (PARTITION BY CHILD ORDER BY DECOM, _row
                ROWS UNBOUNDED PRECEDING) AS period
            FROM starts
        ), spans AS (
            SELECT _row, sum(dec_ - DECOM) OVER (PARTITION BY CHILD, period) AS days FROM periods
        )
        SELECT 'Episodes' AS tbl, _row FROM spans WHERE days > {max_days}
    """


PEER_DIFFERENCES: dict[str, str] = {
    "361": "The peer joins two police-protection episodes into one period when the first is followed, "
    "the same day, by an episode under another legal status, even though that episode separates them "
    "(so L1 for 2 days, C2 for 1 day, L1 for 1 day is flagged as 4 days of police protection). Ours "
    "joins only consecutive L1 episodes.",
    "362": "As for 361, with emergency protection orders (L2): the peer joins two L2 episodes separated by "
    "an episode under another legal status. Ours joins only consecutive L2 episodes.",
    "363": "The peer means to order episodes by child and start date but throws the sorted copy away, so "
    "it chains child assessment order (L3) episodes in file order: when a child's episodes are not in "
    "date order in the file, one period is split or two are joined. Ours orders by child and DECOM.",
    "364": "As for 363, with PACE detention (J2): the peer chains episodes in file order, not by child "
    "and start date. Ours orders by child and DECOM.",
}

RULES = [
    Rule(
        code="361",
        message="Police protection legal status lasted longer than maximum 72 hours allowed in the "
        "Children Act 1989.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("DECOM", "LS", "DEC"),
        sql=_chained_period_sql("L1", 3),
        hint="Police protection (L1) lasts at most 72 hours. Check the start and end dates of the L1 "
        "episodes, and the legal status the child moved to when police protection ended.",
    ),
    Rule(
        code="362",
        message="Emergency protection order (EPO) lasted longer than 21 days.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("DECOM", "LS", "DEC"),
        sql=_chained_period_sql("L2", 21),
        hint="An EPO (L2) lasts at most 21 days with its extension. Check the dates of the L2 episodes and "
        "record the order that followed it (for example an interim care order, C1) as a new episode.",
    ),
    Rule(
        code="363",
        message="Child assessment order (CAO) lasted longer than 7 days allowed in the Children Act 1989.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("LS", "DECOM", "DEC"),
        sql=_summed_period_sql("L3", 7),
        hint="A child assessment order (L3) lasts at most 7 days. Check the dates of the L3 episodes and "
        "whether a later legal status should have started a new episode.",
    ),
    Rule(
        code="364",
        message="Sections 41-46 of Police and Criminal Evidence (PACE; 1984) severely limits the time a "
        "child can be detained in custody in Local Authority (LA) accommodation.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("LS", "DECOM", "DEC"),
        sql=_summed_period_sql("J2", 21),
        hint="A child accommodated under PACE (J2) is held for a short time only; a period of more than 21 "
        "days is queried. Check the J2 dates and whether the child was then remanded (J1) or sentenced "
        "(J3), which starts a new episode.",
    ),
]
