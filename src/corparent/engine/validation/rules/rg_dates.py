"""Rules 112, 113, 115, 116, 141, 147 and 171: a date that is not a valid date.

For DfE a date written other than as a real DD/MM/YYYY date ('31/02/2024', '2024-04-01', 'zz') is a
validation finding, not a file that cannot be read. Validation reads a return leniently
(``read_return(..., lenient_dates=True)``): such a value is NULL for every other rule, and is kept as
written in ``malformed`` (table, field, value, row), which these rules read. A blank date is not
malformed; whether it may be blank is other rules' concern. Indicators are computed from a strict
reading, which refuses such a return, naming the file, row, column and value.

What counts as a date is the reader's (``csvsql.valid``): day, month and a year of four digits,
``/`` between them, spaces around the value ignored; a one-digit day or month is accepted, as
DfE's own date parsing does.

Rule 303 ("if the date UASC status ceased is given, UASC status must be coded 1") is not declared:
see rb_uasc, a CSV return cannot hold what it looks for.
"""

from __future__ import annotations

from corparent.engine.validation.rule import Level, Rule

# Where the peer (pandas' to_datetime with format %d/%m/%Y) and the reader disagree on what is a date.
_PEER = (
    "The peer does not trim a value before reading it as a date, so it flags a real date with a space "
    "before or after it (' 01/04/2024'); we read it as the date, as every other rule does. The peer also "
    "flags real dates before 1678 (pandas cannot hold them); we read them as dates, and rules on dates "
    "out of range find them."
)
PEER_DIFFERENCES: dict[str, str] = {code: _PEER for code in ("112", "113", "115", "116", "141", "147", "171")}


def malformed(code: str, table: str, field: str, message: str, hint: str) -> Rule:
    """The rule that flags each row of ``table`` whose ``field`` was given but is not a date."""
    return Rule(
        code=code,
        message=message,
        level=Level.ERROR,
        tables=(table,),
        fields=(field,),
        sql=f"SELECT tbl, _row FROM malformed WHERE tbl = '{table}' AND field = '{field}'",
        hint=hint + " Write it as DD/MM/YYYY, for example 01/04/2025.",
    )


RULES = [
    malformed(
        "112",
        "AD1",
        "DATE_INT",
        "Date should be placed for adoption is not a valid date.",
        "The date of the decision that the child should be placed for adoption is not a real date.",
    ),
    malformed(
        "113",
        "AD1",
        "DATE_MATCH",
        "Date matching child and adopter(s) is not a valid date.",
        "The date the child was matched with the adopters is not a real date.",
    ),
    malformed(
        "115",
        "PlacedAdoption",
        "DATE_PLACED",
        "Date of Local Authority's (LA) decision that a child should be placed for adoption is not a valid "
        "date.",
        "The date of the council's decision that the child should be placed for adoption is not a real date.",
    ),
    malformed(
        "116",
        "PlacedAdoption",
        "DATE_PLACED_CEASED",
        "Date of Local Authority's (LA) decision that a child should no longer be placed for adoption is "
        "not a valid date.",
        "The date of the council's decision that the child should no longer be placed for adoption is not "
        "a real date. Leave it blank if the plan for adoption has not ended.",
    ),
    malformed(
        "141",
        "Episodes",
        "DECOM",
        "Date episode began is not a valid date.",
        "The date the episode began is not a real date, so the episode cannot be placed in the child's "
        "history.",
    ),
    malformed(
        "147",
        "Episodes",
        "DEC",
        "Date episode ceased is not a valid date.",
        "The date the episode ceased is not a real date. Leave it blank if the episode is still open.",
    ),
    malformed(
        "171",
        "Header",
        "MC_DOB",
        "Date of birth of mother's child is not a valid date.",
        "The date of birth of the mother's child is not a real date. Leave it blank if the child is not "
        "a mother.",
    ),
]
