"""Rules 100-199 that check the Header table (an example module: see rules/README in the docs)."""

from __future__ import annotations

from corparent.engine.validation.rule import Level, Rule

RULES = [
    Rule(
        code="101",
        message="The child or young person's reported sex is not valid.",
        level=Level.ERROR,
        tables=("Header",),
        fields=("SEX",),
        sql="""
            SELECT 'Header' AS tbl, _row FROM header
            WHERE SEX IS NULL OR SEX NOT IN ('M', 'F', 'U')
        """,
        hint="From 2024-25 sex is M (male), F (female) or U (unknown or indeterminate); 1 and 2 are no "
        "longer accepted. Correct the child's record and extract the return again.",
    ),
]
