"""Rules 302 and 352-359 on episode dates, the child's age and legal status.

A date that is not a real date is blank for these rules (rg_dates reports it). "First
episode" means the child's earliest episode in this year's file, as the peer has it.
"""

from __future__ import annotations

from corparent.engine.validation.rule import Level, Rule

PEER_DIFFERENCES: dict[str, str] = {
    "355": "The peer compares DECOM and DEC as text, so it also flags every episode with both dates "
    "blank (the text 'nan' equals 'nan'). We flag an episode that starts and ends on the same day.",
}

# Each child's earliest episode with a start date in this year's file.
_FIRST_EPISODE = """
    first_episode AS (
        SELECT * FROM (
            SELECT *, row_number() OVER (PARTITION BY CHILD ORDER BY DECOM, _row) AS n
            FROM episodes WHERE DECOM IS NOT NULL
        ) WHERE n = 1
    )
"""

RULES = [
    Rule(
        code="302",
        message="First episode starts before child was born.",
        level=Level.ERROR,
        tables=("Header", "Episodes"),
        fields=("DECOM", "DOB"),
        sql=f"""
            WITH {_FIRST_EPISODE},
            unborn AS (
                SELECT e._row AS eps_row, h._row AS hdr_row
                FROM first_episode e JOIN header h ON h.CHILD = e.CHILD
                WHERE h.DOB > e.DECOM
            )
            SELECT 'Episodes' AS tbl, eps_row AS _row FROM unborn
            UNION ALL
            SELECT 'Header' AS tbl, hdr_row AS _row FROM unborn
        """,
        hint="The child's first episode starts before the date of birth. Check the date of birth and "
        "the episode's start date (DECOM).",
    ),
    Rule(
        code="352",
        message="Child who started to be looked after was aged 18 or over.",
        level=Level.ERROR,
        tables=("Header", "Episodes"),
        fields=("DECOM", "RNE"),
        sql="""
            SELECT 'Episodes' AS tbl, e._row
            FROM episodes e SEMI JOIN header h
                ON h.CHILD = e.CHILD AND (h.DOB + INTERVAL 18 YEAR)::DATE <= e.DECOM
            WHERE e.RNE = 'S'
        """,
        hint="A young person cannot start to be looked after (reason S) on or after the 18th birthday. "
        "Check the date of birth, the start date and the reason for new episode.",
    ),
    Rule(
        code="353",
        message="No episode submitted can start before 14 October 1991.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("DECOM",),
        sql="SELECT 'Episodes' AS tbl, _row FROM episodes WHERE DECOM < DATE '1991-10-14'",
        hint="The Children Act 1989 came into force on 14 October 1991; no episode in the return starts "
        "before it. Correct the episode's start date (DECOM).",
    ),
    Rule(
        code="354",
        message="Date episode ceased must be on or before the end of the current collection year.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("DECOM",),
        sql="""
            SELECT 'Episodes' AS tbl, _row FROM episodes
            WHERE DECOM > getvariable('collection_end')
        """,
        hint="The episode starts after 31 March, the end of the collection year. Correct the start date "
        "(DECOM), or leave the episode to next year's return.",
    ),
    Rule(
        code="355",
        message="Episode appears to have lasted for less than 24 hours.",
        level=Level.WARNING,
        tables=("Episodes",),
        fields=("DECOM", "DEC"),
        sql="SELECT 'Episodes' AS tbl, _row FROM episodes WHERE DECOM = DEC",
        hint="The episode starts and ends on the same day. Check both dates; an episode of less than a "
        "day is usually recorded as part of the next one.",
    ),
    Rule(
        code="356",
        message="The date the episode ceased is before the date the same episode started.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("DECOM",),
        sql="SELECT 'Episodes' AS tbl, _row FROM episodes WHERE DEC < DECOM",
        hint="The episode ends (DEC) before it starts (DECOM). Correct whichever date is wrong.",
    ),
    Rule(
        code="357",
        message="If this is the first episode ever for this child, reason for new episode must be S. "
        "Check whether there is an episode immediately preceding this one, which has been left out. "
        "If not the reason for new episode code must be amended to S.",
        level=Level.ERROR,
        tables=("Episodes",),
        fields=("RNE",),
        sql=f"""
            WITH {_FIRST_EPISODE}
            SELECT 'Episodes' AS tbl, _row FROM first_episode
            WHERE DECOM >= getvariable('collection_start') AND RNE IS DISTINCT FROM 'S'
        """,
        hint="The child's first episode starts this year but not with reason S (started to be looked "
        "after). Add the episode before it if one was left out, otherwise change the reason to S.",
    ),
    Rule(
        code="358",
        message="Child with this legal status should not be under 10.",
        level=Level.ERROR,
        tables=("Header", "Episodes"),
        fields=("DECOM", "DOB", "LS"),
        sql="""
            WITH young AS (
                SELECT e._row AS eps_row, h._row AS hdr_row
                FROM episodes e JOIN header h ON h.CHILD = e.CHILD
                WHERE e.LS IN ('J1', 'J2', 'J3') AND (h.DOB + INTERVAL 10 YEAR)::DATE >= e.DECOM
            )
            SELECT 'Episodes' AS tbl, eps_row AS _row FROM young
            UNION ALL
            SELECT 'Header' AS tbl, hdr_row AS _row FROM young
        """,
        hint="Youth justice legal statuses (J1-J3) apply from the 10th birthday, and this episode starts "
        "on or before it. Check the date of birth, the start date and the legal status.",
    ),
    Rule(
        code="359",
        message="Child being looked after following 18th birthday must be accommodated under section "
        "20(5) of the Children Act 1989 in a community home.",
        level=Level.ERROR,
        tables=("Header", "Episodes"),
        fields=("DEC", "LS", "PLACE"),
        sql="""
            SELECT 'Episodes' AS tbl, e._row
            FROM episodes e SEMI JOIN header h
                ON h.CHILD = e.CHILD
                AND (h.DOB + INTERVAL 18 YEAR)::DATE < getvariable('collection_end')
            WHERE e.DEC IS NULL AND NOT coalesce(e.LS = 'V2' AND e.PLACE = 'K2', false)
        """,
        hint="The young person turned 18 before 31 March and is still looked after, which is only "
        "possible under section 20(5) (legal status V2) in a children's home (K2). Check the date of "
        "birth, record the date the episode ended, or correct the legal status and placement.",
    ),
]
