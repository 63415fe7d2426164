"""Rules 511, 514, 517-520 and 524: the number, sex and legal status of adopters (AD1) agree."""

from __future__ import annotations

from corparent.engine.validation.rule import Level, Rule


def _ad1(code: str, message: str, where: str, hint: str, fields: tuple[str, ...]) -> Rule:
    return Rule(
        code=code,
        message=message,
        level=Level.ERROR,
        tables=("AD1",),
        fields=fields,
        sql=f"SELECT 'AD1' AS tbl, _row FROM ad1 WHERE {where}",
        hint=hint,
    )


_STATUS = ("LS_ADOPTR", "SEX_ADOPTR")

RULES = [
    _ad1(
        "511",
        "If reporting that the number of person(s) adopting the looked after child is two adopters then "
        "the code should only be MM, FF or MF. MM = the adopting couple are both males; FF = the adopting "
        "couple are both females; MF = The adopting couple are male and female.",
        "NB_ADOPTR = 2 AND SEX_ADOPTR IN ('M1', 'F1')",
        "Two adopters are a couple, so the sex of adopters is MM, FF or MF, not a single adopter's M1 or "
        "F1. Correct the number of adopters or their sex.",
        ("NB_ADOPTR", "SEX_ADOPTR"),
    ),
    _ad1(
        "514",
        "Data entry on the legal status of adopters shows a single adopter but data entry for the numbers "
        "of adopters shows it as a couple.",
        "LS_ADOPTR = 'L0' AND (SEX_ADOPTR IS NULL OR SEX_ADOPTR NOT IN ('M1', 'F1'))",
        "A single adopter (L0) has sex of adopters M1 or F1. Correct the legal status or the sex of "
        "adopters.",
        _STATUS,
    ),
    _ad1(
        "517",
        "If reporting legal status of adopters is L3 then the genders of adopters should be coded as MF. "
        "MF = the adopting couple are male and female.",
        "LS_ADOPTR = 'L3' AND SEX_ADOPTR IS DISTINCT FROM 'MF'",
        "Legal status L3 needs sex of adopters MF (a male and female couple). Correct the legal status "
        "or the sex of adopters.",
        _STATUS,
    ),
    _ad1(
        "518",
        "If reporting legal status of adopters is L4 then the genders of adopters should be coded as MM "
        "or FF. MM = the adopting couple are both males. FF = the adopting couple are both females.",
        "LS_ADOPTR = 'L4' AND (SEX_ADOPTR IS NULL OR SEX_ADOPTR NOT IN ('MM', 'FF'))",
        "Legal status L4 needs sex of adopters MM or FF (a same-sex couple). Correct the legal status or "
        "the sex of adopters.",
        _STATUS,
    ),
    _ad1(
        "519",
        "Data entered on the legal status of adopters shows civil partnership couple, but data entered on "
        "genders of adopters does not show it as a couple.",
        "LS_ADOPTR = 'L2' AND (SEX_ADOPTR IS NULL OR SEX_ADOPTR NOT IN ('MM', 'FF', 'MF'))",
        "Adopters with legal status L2 are a couple, so their sex is MM, FF or MF. Correct the legal "
        "status or the sex of adopters.",
        _STATUS,
    ),
    _ad1(
        "520",
        "Data entry on the legal status of adopters shows different gender married couple but data entry "
        "on genders of adopters shows it as a same gender couple.",
        "LS_ADOPTR = 'L11' AND SEX_ADOPTR IS DISTINCT FROM 'MF'",
        "A married couple of different sexes (L11) has sex of adopters MF. Correct the legal status or "
        "the sex of adopters.",
        _STATUS,
    ),
    _ad1(
        "524",
        "If reporting legal status of adopters is L12 then the genders of adopters should be coded as MM "
        "or FF. MM = the adopting couple are both males. FF = the adopting couple are both females.",
        "LS_ADOPTR = 'L12' AND (SEX_ADOPTR IS NULL OR SEX_ADOPTR NOT IN ('MM', 'FF'))",
        "Legal status L12 needs sex of adopters MM or FF. Correct the legal status or the sex of adopters.",
        _STATUS,
    ),
]
