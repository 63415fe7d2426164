"""Social worker episodes (SWEpisodes) across a child's episodes: one follows another, the last is
open on 31 March, and they reach back over the year for a child looked after on 31 March.

A child's episodes are taken in order of start date (SW_DECOM), then end date, then file order,
with blank dates last, as DfE's "previous episode" is.
"""

from __future__ import annotations

from corparent.engine.validation.rule import Level, Rule

# Each social worker episode with the end date of the child's episode before it (n = 1: none).
_WITH_PREVIOUS = """
    SELECT _row, SW_DECOM, SW_REASON,
           lag(SW_DEC) OVER w AS prev_dec,
           row_number() OVER w AS n
    FROM sw_episodes
    WINDOW w AS (PARTITION BY CHILD ORDER BY SW_DECOM ASC NULLS LAST, SW_DEC ASC NULLS LAST, _row)
"""

_SW10_SQL = f"""
    SELECT 'SWEpisodes' AS tbl, _row FROM ({_WITH_PREVIOUS})
    WHERE n > 1
      AND (SW_REASON IS NULL OR SW_REASON <> 'FCONTA')
      AND NOT coalesce(abs(date_diff('day', prev_dec, SW_DECOM)) <= 7, false)
"""

_SW10_HINT = (
    "Unless the new social worker came with a first contact or re-referral (FCONTA), an episode "
    "should start within 7 days either side of the day the child's previous episode ended. Check "
    "for a missing episode in between, an end date left blank on the previous episode, or a wrong "
    "date."
)

PEER_DIFFERENCES: dict[str, str] = {
    "SW08STG2": "the peer takes a row with a blank start date as the child's latest episode, so it "
    "flags the child's genuinely current (open) episode as 'not ended'; a row with no start date "
    "(SW01) is not an episode that started after another, so we leave it out of the order.",
    "SW10STG2": "declared for 2024-25 only. In 2025-26 SW10aSTG2 repeats SW10's check with a new "
    "message and SW10bSTG2 adds the first-contact case, the way SW01STG1 became SW01a/SW01b in "
    "2024-25 (when the peer did delete SW01); the peer added SW10a/SW10b without deleting SW10, so "
    "from 2025-26 it reports every such episode twice.",
    "SW11bSTG2": "the peer pairs each episode only with its neighbour in date order, so it flags an "
    "episode ending in the last days of March when a later episode does follow it (A, then B ending "
    "27 March, then C open from 28 March: B is flagged), and where a row with a blank start date "
    "follows, it flags that row instead of the episode that ended; we flag the episode that ended "
    "when no episode of the child starts after it.",
    "SW12STG2": "the peer flags clean data: every open episode that did not start care (any "
    "placement move leaves one), and every care start (RNE S) still open or ended X1 where one of "
    "the child's social worker episodes began before care did (the usual case: a child has a "
    "social worker before coming into care). We flag a child looked after on 31 March (not on "
    "short breaks) whose social worker episodes do not reach back to the first day they were looked "
    "after in the year (1 April if already looked after then), including a child with none.",
}

RULES = [
    Rule(
        code="SW08STG2",
        message="A new social worker episode has started, but the previous episode has not ended.",
        level=Level.ERROR,
        tables=("SWEpisodes",),
        fields=("SW_DEC",),
        sql="""
            SELECT 'SWEpisodes' AS tbl, _row FROM (
                SELECT _row, SW_DEC,
                       row_number() OVER (PARTITION BY CHILD ORDER BY SW_DECOM DESC, _row DESC) AS k
                FROM sw_episodes
                WHERE CHILD IS NOT NULL AND SW_DECOM IS NOT NULL
            ) WHERE k > 1 AND SW_DEC IS NULL
        """,
        hint="Only the child's latest social worker episode can be open. An earlier episode has no end "
        "date (SW_DEC): add the day that worker's allocation ended.",
    ),
    Rule(
        code="SW10STG2",
        message="A new social worker episode has started before the end date of the previous social "
        "worker episode.",
        level=Level.ERROR,
        tables=("SWEpisodes",),
        fields=("SW_DECOM",),
        sql=_SW10_SQL,
        hint=_SW10_HINT,
        years=frozenset({2025}),
    ),
    Rule(
        code="SW10aSTG2",
        message="A new social worker episode has started and it is not within +/- 7 days of a previous "
        "episode.",
        level=Level.ERROR,
        tables=("SWEpisodes",),
        fields=("SW_DECOM",),
        sql=_SW10_SQL,
        hint=_SW10_HINT,
        years=frozenset({2026, 2027}),
    ),
    Rule(
        code="SW10bSTG2",
        message="A new social worker episode has started with a reason of first contact before the "
        "previous episode has ended.",
        level=Level.ERROR,
        tables=("SWEpisodes",),
        fields=("SW_DECOM", "SW_REASON"),
        sql=f"""
            SELECT 'SWEpisodes' AS tbl, _row FROM ({_WITH_PREVIOUS})
            WHERE n > 1 AND SW_REASON = 'FCONTA' AND SW_DECOM <= prev_dec
        """,
        hint="An episode with reason FCONTA (first contact or re-referral) must start after the "
        "child's previous social worker episode ended. Check the dates, or whether the reason "
        "should be another code.",
        years=frozenset({2026, 2027}),
    ),
    Rule(
        code="SW11bSTG2",
        message="Social worker episode has ended before 31 March and no subsequent social worker "
        "episode has been provided.",
        level=Level.ERROR,
        tables=("SWEpisodes",),
        fields=("SW_DEC",),
        # An episode ending in the last 5 days of the year (26-31 March) with no episode of the
        # child that starts after it does (or on or after the day it ended).
        sql="""
            SELECT 'SWEpisodes' AS tbl, _row FROM (
                SELECT _row, SW_DECOM, SW_DEC,
                       max(SW_DECOM) OVER (
                           PARTITION BY CHILD ORDER BY _row
                           ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                           EXCLUDE CURRENT ROW
                       ) AS other_latest
                FROM sw_episodes
            )
            WHERE SW_DEC BETWEEN CAST(getvariable('collection_end') - INTERVAL 5 DAY AS DATE)
                             AND getvariable('collection_end')
              AND NOT coalesce(other_latest > SW_DECOM OR other_latest >= SW_DEC, false)
        """,
        hint="The child's social worker episode ended in the last days of March and no later episode "
        "follows it, so the child appears to have had no social worker on 31 March. Add the episode "
        "of the worker who took over, or remove the end date if the allocation continued.",
    ),
    Rule(
        code="SW12STG2",
        message="If a child is looked after on 31 March then all social worker episodes for the full "
        "previous year should be reported, even those whilst they were not looked after",
        level=Level.ERROR,
        tables=("Episodes", "SWEpisodes"),
        fields=("DECOM",),
        # Looked after on 31 March: an open episode not under V3/V4 (short breaks), as DfE defines
        # it. The child's first episode (not a short break) open on or after 1 April gives the
        # first day they were looked after in the year; a social worker episode must have started
        # by then. The child's first such episode is flagged.
        sql="""
            WITH looked_after AS (
                SELECT DISTINCT CHILD FROM episodes
                WHERE CHILD IS NOT NULL AND DEC IS NULL AND coalesce(LS NOT IN ('V3', 'V4'), true)
            ), first_care AS (
                SELECT e.CHILD, e._row,
                       greatest(e.DECOM, getvariable('collection_start')) AS from_day,
                       row_number() OVER (PARTITION BY e.CHILD ORDER BY e.DECOM, e._row) AS n
                FROM episodes e JOIN looked_after USING (CHILD)
                WHERE e.DECOM IS NOT NULL
                  AND (e.DEC IS NULL OR e.DEC >= getvariable('collection_start'))
                  AND coalesce(e.LS NOT IN ('V3', 'V4'), true)
            ), first_sw AS (
                SELECT CHILD, min(SW_DECOM) AS first_start FROM sw_episodes GROUP BY CHILD
            )
            SELECT 'Episodes' AS tbl, f._row FROM first_care f
            LEFT JOIN first_sw s USING (CHILD)
            WHERE f.n = 1 AND (s.first_start IS NULL OR s.first_start > f.from_day)
        """,
        hint="For a child looked after on 31 March, report every social worker the child had in the "
        "year, including before they came into care: the first episode must have started by 1 April, "
        "or by the day the child became looked after if later. Add the missing earlier episodes "
        "from the allocation history.",
    ),
    Rule(
        code="SW17STG2",
        message="There is no social worker episode open at 31 March",
        level=Level.ERROR,
        tables=("SWEpisodes",),
        fields=("SW_DEC", "SW_DECOM"),
        # The child's latest episode by start date (an open one first among those starting that day).
        sql="""
            SELECT 'SWEpisodes' AS tbl, _row FROM (
                SELECT _row, SW_DEC,
                       row_number() OVER (
                           PARTITION BY CHILD
                           ORDER BY SW_DECOM DESC NULLS LAST, SW_DEC IS NULL DESC, _row DESC
                       ) AS k
                FROM sw_episodes
            ) WHERE k = 1 AND SW_DEC IS NOT NULL
        """,
        hint="The child's latest social worker episode has an end date, so no social worker is "
        "recorded on 31 March. Remove the end date if the allocation continued, or add the episode "
        "of the worker who took over.",
        years=frozenset({2026, 2027}),
    ),
]
