"""Social worker episodes (SWEpisodes), one row at a time: fields present and valid, dates in order
and inside the reporting period. Checks across a child's episodes are in rf_sw_sequence.

The SW_DECOM and SW_DEC of a row are DATEs: validation reads a value that is not a valid DD/MM/YYYY
date as blank and keeps it as written in ``malformed`` (see rg_dates), where SW04STG1 and SW05STG1
("not a valid date") find it.
"""

from __future__ import annotations

from corparent.engine.ssda903 import codes
from corparent.engine.validation.rule import Level, Rule

# Social worker data began with the 2023-24 return: an episode that started before then needs no
# reason for the change (SW01aSTG1, SW01bSTG1, SW13STG1).
_SW_DATA_START = "DATE '2023-04-01'"
_REASONS = ", ".join(f"'{c}'" for c in codes.SW_REASON)

PEER_DIFFERENCES: dict[str, str] = {
    "SW04STG1": "in 2024-25 the peer checks SW_DECOM with its partial-date helper, so it accepts "
    "'ZZ/ZZ/ZZZZ' or '01/01/ZZZZ' as a valid start date (it fixed this for 2025-26); SW_DECOM is a "
    "full date, and we flag any value that is not one.",
    "SW05STG1": "in 2024-25 the peer checks SW_DEC with its partial-date helper, so it accepts "
    "'ZZ/ZZ/ZZZZ' or '01/01/ZZZZ' as a valid end date (it fixed this for 2025-26); SW_DEC is a full "
    "date, and we flag any value that is not one.",
    "SW07STG2": "the peer takes the start of the social worker reporting period as 1 April less "
    "365.2425 days, which in 2024-25 (a leap year back) is 1 April 2023 at 18:10, so it flags an "
    "episode that ended on 1 April 2023 itself; we take 1 April of the year before.",
}

RULES = [
    Rule(
        code="SW01aSTG1",
        message="For each social worker episode, information should be complete",
        level=Level.ERROR,
        tables=("SWEpisodes",),
        fields=("SW_DECOM", "SW_ID"),
        sql=f"""
            SELECT 'SWEpisodes' AS tbl, _row FROM sw_episodes
            WHERE SW_DECOM IS NULL OR (SW_DECOM < {_SW_DATA_START} AND SW_ID IS NULL)
        """,
        hint="Every social worker episode needs the date it started (SW_DECOM), and one that started "
        "before 1 April 2023 needs the social worker's identifier (SW_ID). Add them from the case "
        "record's allocation history.",
        years=frozenset({2025}),
    ),
    Rule(
        code="SW01bSTG1",
        message="For each social worker episode, information should be complete",
        level=Level.ERROR,
        tables=("SWEpisodes",),
        fields=("SW_DECOM", "SW_ID", "SW_REASON"),
        sql=f"""
            SELECT 'SWEpisodes' AS tbl, _row FROM sw_episodes
            WHERE SW_DECOM IS NULL
               OR (SW_DECOM >= {_SW_DATA_START} AND (SW_ID IS NULL OR SW_REASON IS NULL))
        """,
        hint="Every social worker episode needs the date it started (SW_DECOM), and one that started "
        "on or after 1 April 2023 also needs the social worker's identifier (SW_ID) and the reason "
        "for the change of social worker (SW_REASON).",
        years=frozenset({2025}),
    ),
    Rule(
        code="SW02STG1",
        message="Social worker ID does not begin with the characters ‘SW’ or ‘XX’.",
        level=Level.ERROR,
        tables=("SWEpisodes",),
        fields=("SW_ID",),
        sql="""
            SELECT 'SWEpisodes' AS tbl, _row FROM sw_episodes
            WHERE SW_ID IS NULL OR left(SW_ID, 2) NOT IN ('SW', 'XX')
        """,
        hint="SW_ID is the social worker's Social Work England registration number (such as "
        "SW12345, in capitals), or an identifier starting 'XX' for a worker without one. Correct "
        "it from the worker's record.",
        years=frozenset({2025}),
    ),
    Rule(
        code="SW02STG1",
        message="Social worker ID does not begin with the characters ‘SW’ or ‘XX’.",
        level=Level.ERROR,
        tables=("SWEpisodes",),
        fields=("SW_ID",),
        sql="""
            SELECT 'SWEpisodes' AS tbl, _row FROM sw_episodes
            WHERE SW_ID IS NULL OR left(SW_ID, 2) NOT IN ('SW', 'XX') OR length(SW_ID) < 4
        """,
        hint="SW_ID is the social worker's Social Work England registration number (such as "
        "SW12345, in capitals), or an identifier starting 'XX' for a worker without one; from "
        "2025-26 it must also be at least 4 characters long. Correct it from the worker's record.",
        years=frozenset({2026, 2027}),
    ),
    Rule(
        code="SW04STG1",
        message="Date social worker episode began is not a valid date.",
        level=Level.ERROR,
        tables=("SWEpisodes",),
        fields=("SW_DECOM",),
        sql="SELECT tbl, _row FROM malformed WHERE tbl = 'SWEpisodes' AND field = 'SW_DECOM'",
        hint="SW_DECOM must be a real date written DD/MM/YYYY, for example 01/04/2025.",
    ),
    Rule(
        code="SW05STG1",
        message="Date social worker episode ended is not a valid date.",
        level=Level.ERROR,
        tables=("SWEpisodes",),
        fields=("SW_DEC",),
        sql="SELECT tbl, _row FROM malformed WHERE tbl = 'SWEpisodes' AND field = 'SW_DEC'",
        hint="SW_DEC, where given, must be a real date written DD/MM/YYYY, for example 01/04/2025.",
    ),
    Rule(
        code="SW06STG2",
        message="Social worker episode data should be within the social worker data reporting year.",
        level=Level.ERROR,
        tables=("SWEpisodes",),
        fields=("SW_DECOM",),
        sql="""
            SELECT 'SWEpisodes' AS tbl, _row FROM sw_episodes
            WHERE SW_DECOM > getvariable('collection_end')
        """,
        hint="The social worker episode starts after 31 March, the end of the collection year. Check "
        "the start date; an allocation made after 31 March belongs in next year's return.",
    ),
    Rule(
        code="SW07STG2",
        message="Social worker episode end date should be on or after the start of the social worker "
        "reporting period, and should be on or before the collection end date.",
        level=Level.ERROR,
        tables=("SWEpisodes",),
        fields=("SW_DEC",),
        sql="""
            SELECT 'SWEpisodes' AS tbl, _row FROM sw_episodes
            WHERE SW_DEC < CAST(getvariable('collection_start') - INTERVAL 1 YEAR AS DATE)
               OR SW_DEC > getvariable('collection_end')
        """,
        hint="A social worker episode's end date must fall between 1 April of the year before the "
        "collection year and 31 March. An episode still open on 31 March has no end date; an "
        "episode that ended earlier than the reporting period should not be in the return.",
    ),
    Rule(
        code="SW09STG2",
        message="Social worker episode appears to have lasted for less than 24 hours.",
        level=Level.ERROR,
        tables=("SWEpisodes",),
        fields=("SW_DECOM", "SW_DEC"),
        sql="""
            SELECT 'SWEpisodes' AS tbl, _row FROM sw_episodes
            WHERE SW_DEC = SW_DECOM
        """,
        hint="The social worker episode starts and ends on the same day. Check both dates against "
        "the child's allocation history and correct them.",
        years=frozenset({2025}),
    ),
    Rule(
        code="SW09STG2",
        message="Social worker episode appears to have lasted for less than 24 hours.",
        level=Level.ERROR,
        tables=("SWEpisodes",),
        fields=("SW_DECOM", "SW_DEC"),
        sql="""
            SELECT 'SWEpisodes' AS tbl, _row FROM sw_episodes
            WHERE date_diff('day', SW_DECOM, SW_DEC) < 3
        """,
        hint="From 2025-26 an episode that ends less than 3 days after it started (or before it "
        "started) is flagged. Check both dates against the child's allocation history and correct "
        "them.",
        years=frozenset({2026, 2027}),
    ),
    Rule(
        code="SW13STG1",
        message="The reason for social worker change is not valid.",
        level=Level.ERROR,
        tables=("SWEpisodes",),
        fields=("SW_REASON",),
        sql=f"""
            SELECT 'SWEpisodes' AS tbl, _row FROM sw_episodes
            WHERE SW_REASON NOT IN ({_REASONS})
               OR (SW_REASON IS NULL AND SW_DECOM >= {_SW_DATA_START})
        """,
        hint="SW_REASON must be one of DfE's codes (MANAGE, FCONTA, LEFTRL, ORGRST, TSPROC, ABSENC, "
        "CHCHAN, PCCHAN, SWDIED, OTHERS), and is needed for every episode that started on or after "
        "1 April 2023. Map the case system's reason to DfE's code.",
    ),
    Rule(
        code="SW18STG2",
        message="The end date of the social worker episode is before the start date",
        level=Level.ERROR,
        tables=("SWEpisodes",),
        fields=("SW_DEC", "SW_DECOM"),
        sql="""
            SELECT 'SWEpisodes' AS tbl, _row FROM sw_episodes
            WHERE SW_DEC <= SW_DECOM
        """,
        hint="The episode's end date (SW_DEC) must be after its start date (SW_DECOM). Check both "
        "dates against the allocation history; they may have been swapped.",
        years=frozenset({2026, 2027}),
    ),
    Rule(
        code="SW19STG2",
        message="There are 2 social worker episodes for the child starting on the same date.",
        level=Level.ERROR,
        tables=("SWEpisodes",),
        fields=("SW_DEC", "SW_DECOM"),
        # Every row after the first of the child's rows with that start date (as the peer does,
        # rows with a blank start count as starting on the same date).
        sql="""
            SELECT 'SWEpisodes' AS tbl, _row FROM (
                SELECT _row, row_number() OVER (PARTITION BY CHILD, SW_DECOM ORDER BY _row) AS n
                FROM sw_episodes
            ) WHERE n > 1
        """,
        hint="A child can have only one social worker episode starting on a given day. Remove the "
        "duplicate, or if the worker changed that day, keep only the episode of the worker who "
        "took over.",
        years=frozenset({2026, 2027}),
    ),
]
