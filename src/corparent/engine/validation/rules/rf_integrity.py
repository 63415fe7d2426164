"""Internal integrity checks: every child in Header once, in every other table only if in Header,
with the same date of birth (and sex, in UASC) everywhere; episodes loaded for each child (EPI)
and for last year when care began before this year (NoE).

The INT checks are the same check over different tables, so they are declared from the lists below;
each is still one Rule with its own code, message and hint.
"""

from __future__ import annotations

from corparent.engine.ssda903.tables import TABLES_BY_NAME
from corparent.engine.validation.rule import Level, Rule


def _key(table: str) -> str:
    return TABLES_BY_NAME[table].key


# Every row of a table whose child is not in Header (INT01-INT09).
_NOT_IN_HEADER = (
    ("INT01", "AD1", "Data Integrity Check"),
    ("INT02", "PlacedAdoption", "Internal Check"),
    ("INT03", "Episodes", "Internal Check"),
    ("INT04", "Missing", "Internal Check"),
    ("INT05", "OC2", "Internal Check"),
    ("INT06", "OC3", "Internal Check"),
    ("INT07", "PrevPerm", "Internal Check"),
    ("INT08", "Reviews", "Internal Check"),
    ("INT09", "UASC", "Internal Check"),
)


def _not_in_header(code: str, table: str, kind: str) -> Rule:
    return Rule(
        code=code,
        message=f"{kind}: Child in {table} does not exist in Header.",
        level=Level.ERROR,
        tables=("Header", table),
        fields=("CHILD",),
        sql=f"""
            SELECT '{table}' AS tbl, f._row FROM {_key(table)} f
            LEFT JOIN (SELECT DISTINCT CHILD FROM header) h ON h.CHILD = f.CHILD
            WHERE h.CHILD IS NULL
        """,
        hint=f"Every child in the {table} table must also have a row in Header. Check the child's "
        "identifier is the same in both tables (no stray spaces or old identifiers) and that the "
        "child's Header row has not been left out of the extract.",
    )


# A field that must agree with the child's Header row (INT11-INT18, INT21). Blank on either side is
# not compared; a child missing from Header is INT01-INT09's finding.
_DIFFERENT = (
    ("INT11", "AD1", "DOB"),
    ("INT12", "PlacedAdoption", "DOB"),
    ("INT13", "Missing", "DOB"),
    ("INT14", "OC2", "DOB"),
    ("INT15", "OC3", "DOB"),
    ("INT16", "PrevPerm", "DOB"),
    ("INT17", "Reviews", "DOB"),
    ("INT18", "UASC", "DOB"),
    ("INT21", "UASC", "SEX"),
)

_WHAT = {"DOB": "date of birth", "SEX": "sex"}


def _different(code: str, table: str, field: str) -> Rule:
    return Rule(
        code=code,
        message=f"Internal Check: {field} in {table} is different to {field} in Header.",
        level=Level.ERROR,
        tables=("Header", table),
        fields=(field,),
        sql=f"""
            SELECT DISTINCT '{table}' AS tbl, f._row FROM {_key(table)} f
            JOIN header h ON h.CHILD = f.CHILD
            WHERE h.{field} <> f.{field}
        """,
        hint=f"The child's {_WHAT[field]} in {table} must be the same as in Header. Check which is "
        "right in the case record, correct the other, and extract the return again.",
    )


# A table that holds at most one row per child (INT31-INT36). Rows with a blank CHILD are not
# counted, as the peer does not count them.
_ONCE = (
    ("INT31", "AD1"),
    ("INT32", "Header"),
    ("INT33", "OC2"),
    ("INT34", "OC3"),
    ("INT35", "PrevPerm"),
    ("INT36", "UASC"),
)


def _once(code: str, table: str) -> Rule:
    return Rule(
        code=code,
        message=f"Internal Check: Child should only exist once in {table}.",
        level=Level.ERROR,
        tables=(table,),
        fields=("CHILD",),
        sql=f"""
            SELECT '{table}' AS tbl, _row FROM (
                SELECT _row, count(*) OVER (PARTITION BY CHILD) AS n
                FROM {_key(table)} WHERE CHILD IS NOT NULL
            ) WHERE n > 1
        """,
        hint=f"{table} holds one row per child. Every row of a child listed more than once is "
        "flagged: keep the right one, remove the others (or correct a mistyped identifier).",
    )


RULES = [
    Rule(
        code="EPI",
        message="Episodes need to be loaded for this child before further validation is possible.",
        level=Level.WARNING,
        tables=("Header",),
        fields=("CHILD",),
        sql="""
            SELECT 'Header' AS tbl, h._row FROM header h
            LEFT JOIN (SELECT CHILD FROM episodes UNION SELECT CHILD FROM oc3) k ON k.CHILD = h.CHILD
            WHERE k.CHILD IS NULL
        """,
        hint="This child is in Header but has no episodes of care (and no OC3 care leaver row), so "
        "DfE cannot check the rest of the record. Add the child's episodes to the extract, or remove "
        "the child from Header if they were not looked after.",
    ),
    Rule(
        code="NoE",
        message="This child has no episodes loaded for previous year even though child started to be "
        "looked after before this current year.",
        level=Level.ERROR,
        tables=("Episodes",),
        previous=("Episodes",),
        fields=("DECOM",),
        sql="""
            SELECT 'Episodes' AS tbl, e._row FROM episodes e
            LEFT JOIN (SELECT DISTINCT CHILD FROM episodes_last) l ON l.CHILD = e.CHILD
            WHERE e.DECOM < getvariable('collection_start') AND l.CHILD IS NULL
        """,
        hint="The episode started before this collection year, so the child should be in last year's "
        "Episodes too. Check the child's identifier has not changed between years, and that last "
        "year's return included the child.",
    ),
    *(_not_in_header(*args) for args in _NOT_IN_HEADER),
    *(_different(*args) for args in _DIFFERENT),
    *(_once(*args) for args in _ONCE),
]
