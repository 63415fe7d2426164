"""Rules 630-635: the child's previous permanence arrangement (PrevPerm).

PREV_PERM is the permanence option the child had before this period of care (Z1: none, or not
known); LA_PERM the council that arranged it; DATE_PERM the date of the order, DD/MM/YYYY with
``ZZ`` (``ZZZZ`` for the year) for a part that is not known. DATE_PERM is read as text, so rule 632
checks its form. LA_PERM and DATE_PERM are compared in capitals (``zz`` is ``ZZ``), as the peer,
which capitalises everything it reads, compares them.
"""

from __future__ import annotations

from corparent.engine.validation.rule import Level, Rule

# Council codes valid for LA_PERM: the peer's list (which predates the reorganisations of 2019-23,
# and still holds the old councils, which may have arranged an order years ago) plus the councils
# created since: 838 Dorset, 839 Bournemouth, Christchurch and Poole (2019), 940 North and 941 West
# Northamptonshire (2021), 942 Cumberland and 943 Westmorland and Furness (2023). WAL, SCO, NIR and
# NUK stand for Wales, Scotland, Northern Ireland and outside the UK.
LA_PERM_CODES = (  # noqa: SIM905 (the peer's list, kept as written there)
    "800,889,822,301,304,303,330,825,837,302,846,370,350,890,867,380,305,801,351,873,823,895,896,"
    "381,909,202,908,331,306,841,830,831,878,371,835,332,840,307,308,811,881,845,390,916,203,876,"
    "850,311,204,884,312,205,313,805,919,310,309,420,921,206,207,886,810,382,314,340,888,208,856,"
    "383,855,209,925,341,201,821,352,806,887,826,315,929,812,391,926,892,813,802,928,891,392,316,"
    "815,353,931,879,836,851,874,807,354,317,870,318,372,857,333,935,343,803,373,342,893,356,355,"
    "871,394,334,933,882,936,861,852,319,860,808,393,866,210,357,894,883,880,358,211,937,869,320,"
    "359,865,384,335,336,212,868,872,885,344,877,213,938,816,999,"
    "838,839,940,941,942,943,"
    "WAL,SCO,NUK,NIR"
).split(",")

PEER_DIFFERENCES: dict[str, str] = {
    "632": "for a partly unknown DATE_PERM the peer reads an unknown month as the day before the same day "
    "of the next January (15/ZZ/2020 as 14/01/2021) and an unknown year as 2000, so it can flag an order "
    "that must have come before the episode (or pass one it cannot date). We take the latest date the "
    "order could have had (15/ZZ/2020 as 15/12/2020) and do not compare a date whose year is unknown.",
    "633": "the peer's list of council codes predates the reorganisations of 2019-2023, so it rejects "
    "Dorset (838), Bournemouth, Christchurch and Poole (839), North and West Northamptonshire (940, 941), "
    "Cumberland (942) and Westmorland and Furness (943); we accept them, and keep the old codes.",
    "634": "DfE's rule (and its message) ask for an episode starting on or after 1 April 2016, when "
    "previous permanence began to be collected; the peer compares with the start of the collection year "
    "instead, so it flags every child with PrevPerm data whose latest episode began before this year.",
    "635": "the message names PREV_PERM Z1 (no previous permanence) with an order date or council given, "
    "but the peer flags only a blank PREV_PERM; we flag both.",
}

_DATE_PERM = "^([0-9]{1,2}|ZZ)/([0-9]{1,2}|ZZ)/([0-9]{4}|ZZZZ)$"

RULES = [
    Rule(
        code="630",
        message="Information on previous permanence option should be returned.",
        level=Level.ERROR,
        tables=("Episodes", "PrevPerm"),
        fields=("RNE",),
        sql="""
            SELECT DISTINCT 'Episodes' AS tbl, e._row
            FROM episodes e LEFT JOIN prev_perm p ON p.CHILD = e.CHILD
            WHERE e.RNE = 'S' AND e.DECOM >= getvariable('collection_start')
              AND (
                  p._row IS NULL OR p.PREV_PERM IS NULL
                  OR (p.PREV_PERM <> 'Z1' AND (p.LA_PERM IS NULL OR p.DATE_PERM IS NULL))
              )
        """,
        hint="The child started to be looked after this year, so PrevPerm must say whether the child had "
        "a previous permanence option (Z1 if none), and if so the council (LA_PERM) and date (DATE_PERM).",
    ),
    Rule(
        code="631",
        message="Previous permanence option not a valid value.",
        level=Level.ERROR,
        tables=("PrevPerm",),
        fields=("PREV_PERM",),
        sql="""
            SELECT 'PrevPerm' AS tbl, _row FROM prev_perm
            WHERE PREV_PERM IS NOT NULL AND PREV_PERM NOT IN ('P1', 'P2', 'P3', 'P4', 'Z1')
        """,
        hint="PREV_PERM must be one of DfE's codes: P1 to P4 for the kind of order the child had before "
        "this period of care, or Z1 for none or not known. Correct the code.",
    ),
    Rule(
        code="632",
        message="Date of previous permanence order not a valid value. NOTE: This rule may result in "
        "false negatives where the period of care started before the current collection year",
        level=Level.ERROR,
        tables=("Episodes", "PrevPerm"),
        fields=("DATE_PERM", "DECOM"),
        # DATE_PERM is readable when, with an unknown day or month read as 01 and an unknown year as
        # 2000, it is a real date. It is compared by the latest date it could be (an unknown day is
        # the month's last, an unknown month December); with an unknown year it cannot be compared.
        sql=f"""
            WITH first_ep AS (
                SELECT CHILD, _row, DECOM FROM episodes
                WHERE CHILD IS NOT NULL AND DECOM IS NOT NULL
                QUALIFY row_number() OVER (PARTITION BY CHILD ORDER BY DECOM, _row) = 1
            ),
            parts AS (
                SELECT _row, CHILD, regexp_extract(upper(DATE_PERM), '{_DATE_PERM}', ['d', 'm', 'y']) AS p
                FROM prev_perm WHERE DATE_PERM IS NOT NULL
            ),
            dated AS (
                SELECT _row, CHILD,
                    try_strptime(
                        CASE WHEN p.d = 'ZZ' THEN '01' ELSE p.d END || '/'
                        || CASE WHEN p.m = 'ZZ' THEN '01' ELSE p.m END || '/'
                        || CASE WHEN p.y = 'ZZZZ' THEN '2000' ELSE p.y END,
                        '%d/%m/%Y'
                    ) IS NOT NULL AS readable,
                    CASE
                        WHEN p.y = 'ZZZZ' THEN NULL
                        WHEN p.d = 'ZZ' AND p.m = 'ZZ' THEN try_strptime('31/12/' || p.y, '%d/%m/%Y')
                        WHEN p.d = 'ZZ' THEN last_day(try_strptime('01/' || p.m || '/' || p.y, '%d/%m/%Y'))
                        WHEN p.m = 'ZZ' THEN try_strptime(p.d || '/12/' || p.y, '%d/%m/%Y')
                        ELSE try_strptime(p.d || '/' || p.m || '/' || p.y, '%d/%m/%Y')
                    END AS latest
                FROM parts
            ),
            hit AS (
                SELECT f._row AS erow, d._row AS prow
                FROM first_ep f JOIN dated d ON d.CHILD = f.CHILD
                WHERE NOT d.readable OR CAST(d.latest AS DATE) >= f.DECOM
            )
            SELECT 'Episodes' AS tbl, erow AS _row FROM hit
            UNION ALL
            SELECT DISTINCT 'PrevPerm' AS tbl, prow AS _row FROM hit
        """,
        hint="DATE_PERM must be a date as DD/MM/YYYY (ZZ for an unknown day or month, ZZZZ for an unknown "
        "year) before the child's first episode began. Correct the date of the previous order.",
    ),
    Rule(
        code="633",
        message="Local authority code where previous permanence option was arranged is not a valid value.",
        level=Level.ERROR,
        tables=("PrevPerm",),
        fields=("LA_PERM",),
        sql=f"""
            SELECT 'PrevPerm' AS tbl, _row FROM prev_perm
            WHERE LA_PERM IS NOT NULL AND upper(LA_PERM) NOT IN ({", ".join(f"'{c}'" for c in LA_PERM_CODES)})
        """,
        hint="LA_PERM must be DfE's three-digit code of the council that arranged the previous order, or "
        "WAL, SCO, NIR or NUK for Wales, Scotland, Northern Ireland or outside the UK. Correct the code.",
    ),
    Rule(
        code="634",
        message="There are entries for previous permanence options, but child has not started to be "
        "looked after from 1 April 2016 onwards.",
        level=Level.ERROR,
        tables=("Episodes", "PrevPerm"),
        fields=("LA_PERM", "PREV_PERM", "DATE_PERM", "DECOM"),
        sql="""
            WITH last_start AS (
                SELECT CHILD, max(DECOM) AS decom FROM episodes WHERE CHILD IS NOT NULL GROUP BY CHILD
            ),
            hit AS (
                SELECT p._row AS prow, s.CHILD
                FROM prev_perm p JOIN last_start s ON s.CHILD = p.CHILD
                WHERE (p.PREV_PERM IS NOT NULL OR p.LA_PERM IS NOT NULL OR p.DATE_PERM IS NOT NULL)
                  AND s.decom < DATE '2016-04-01'
            )
            SELECT DISTINCT 'PrevPerm' AS tbl, prow AS _row FROM hit
            UNION ALL
            SELECT DISTINCT 'Episodes' AS tbl, e._row FROM episodes e JOIN hit h ON h.CHILD = e.CHILD
        """,
        hint="Previous permanence is recorded only for children who started to be looked after on or "
        "after 1 April 2016, and all this child's episodes began earlier. Remove the PrevPerm data.",
    ),
    Rule(
        code="635",
        message="There are entries for date of order and local authority code where previous permanence "
        "option was arranged but previous permanence code is Z1",
        level=Level.ERROR,
        tables=("PrevPerm",),
        fields=("LA_PERM", "DATE_PERM", "PREV_PERM"),
        sql="""
            SELECT 'PrevPerm' AS tbl, _row FROM prev_perm
            WHERE (LA_PERM IS NOT NULL OR DATE_PERM IS NOT NULL)
              AND (PREV_PERM IS NULL OR PREV_PERM = 'Z1')
        """,
        hint="An order date or council is given, but PREV_PERM is blank or Z1 (no previous permanence). "
        "Record the kind of order the child had (P1 to P4), or remove the date and council.",
    ),
]
