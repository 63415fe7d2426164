"""Rules 209, 210, 232, 301 and 351 on a child's Header: unknown UPN codes, sex, date of birth.

A date of birth that is not a real date is blank for these rules (rule 102 reports it).
"""

from __future__ import annotations

from corparent.engine.validation.rule import Level, Rule

RULES = [
    Rule(
        code="209",
        message="Child looked after is of school age and should not have an unknown Unique Pupil Number "
        "(UPN) code of UN1.",
        level=Level.ERROR,
        tables=("Header",),
        fields=("UPN", "DOB"),
        # School age: 4 or over on 31 August of the year before the collection year starts (for
        # 2025-26, 31 August 2024).
        sql="""
            SELECT 'Header' AS tbl, _row FROM header
            WHERE upper(UPN) = 'UN1'
              AND (DOB + INTERVAL 4 YEAR)::DATE
                  <= make_date(year(getvariable('collection_start')) - 1, 8, 31)
        """,
        hint="UN1 means the child is not yet of school age, but this child is. Ask the child's school "
        "or the virtual school for the UPN, or use the UN code that says why it is not known.",
    ),
    Rule(
        code="210",
        message="Children looked after for more than a week at 31 March should not have an unknown "
        "Unique Pupil Number (UPN) code of UN4.",
        level=Level.ERROR,
        tables=("Header", "Episodes"),
        fields=("UPN", "DECOM"),
        sql="""
            WITH recent AS (
                SELECT e._row AS eps_row, h._row AS hdr_row
                FROM episodes e JOIN header h ON h.CHILD = e.CHILD
                WHERE upper(h.UPN) = 'UN4'
                  AND e.DECOM >= make_date(year(getvariable('collection_end')), 3, 24)
            )
            SELECT 'Episodes' AS tbl, eps_row AS _row FROM recent
            UNION ALL
            SELECT 'Header' AS tbl, hdr_row AS _row FROM recent
        """,
        hint="UN4 (UPN not yet obtained) is only for children who started to be looked after in the "
        "last week of the year. This child has an episode from 24 March or later; obtain the UPN, "
        "or check the episode's start date.",
    ),
    Rule(
        code="232",
        message="Sex of the child/young person has been reported as unknown.",
        level=Level.WARNING,
        tables=("Header",),
        fields=("SEX",),
        sql="SELECT 'Header' AS tbl, _row FROM header WHERE SEX = 'U'",
        hint="Sex U (unknown or indeterminate) is allowed but DfE asks about it. Check the child's record "
        "and record M or F where it is known.",
    ),
    Rule(
        code="301",
        message="Date of birth falls after the year ended.",
        level=Level.ERROR,
        tables=("Header",),
        fields=("DOB",),
        sql="""
            SELECT 'Header' AS tbl, _row FROM header
            WHERE DOB > getvariable('collection_end')
        """,
        hint="The date of birth is after 31 March, the end of the collection year. Correct the date of "
        "birth in the child's record.",
    ),
    Rule(
        code="351",
        message="Child was over 25 at the start of the current collection year.",
        level=Level.ERROR,
        tables=("Header",),
        fields=("DOB",),
        sql="""
            SELECT 'Header' AS tbl, _row FROM header
            WHERE getvariable('collection_start') > (DOB + INTERVAL 25 YEAR)::DATE
        """,
        hint="The child was over 25 on 1 April, too old for the return. Check the date of birth, and "
        "whether the child belongs in this year's return.",
    ),
]
