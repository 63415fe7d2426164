"""Rules on the child's own details: care leavers' age in OC3 (391), motherhood (393), the age
shown by participation in reviews (440, 441) and the unique pupil number (442, 444)."""

from __future__ import annotations

from corparent.engine.validation.rule import Level, Rule

# Children with at least one episode that is not a short break (V3/V4); a blank LS counts.
LOOKED_AFTER = "(SELECT CHILD FROM episodes WHERE LS IS NULL OR LS NOT IN ('V3', 'V4'))"

RULES = [
    Rule(
        code="391",
        message="Young person was not 17, 18, 19, 20 or 21 during the current collection year.",
        level=Level.ERROR,
        tables=("OC3",),
        fields=("DOB", "IN_TOUCH", "ACTIV", "ACCOM"),
        # Only the lower bound is checked: a young person who is not 17 by 31 March.
        sql="""
            SELECT 'OC3' AS tbl, _row FROM oc3
            WHERE DOB + INTERVAL 17 YEAR > getvariable('collection_end')
                AND (IN_TOUCH IS NOT NULL OR ACTIV IS NOT NULL OR ACCOM IS NOT NULL)
        """,
        hint="Care leaver information (IN_TOUCH, ACTIV, ACCOM) is returned for young people who turn 17 to "
        "21 in the year. Check the date of birth, or leave the three fields blank for a younger child.",
    ),
    Rule(
        code="393",
        message="Child is looked after but mother field is not completed.",
        level=Level.ERROR,
        tables=("Header", "Episodes"),
        fields=("MOTHER",),
        sql=f"""
            SELECT 'Header' AS tbl, _row FROM header
            WHERE SEX = 'F' AND MOTHER IS NULL AND CHILD IN {LOOKED_AFTER}
        """,
        hint="For every girl looked after other than on short breaks, MOTHER is 1 (she is a mother) or 0 "
        "(she is not). Fill it in from the case record.",
    ),
    Rule(
        code="440",
        message="Participation method indicates child was under 4 years old at the time of the review, but "
        "date of birth and review date indicates the child was 4 years old or over.",
        level=Level.ERROR,
        tables=("Reviews",),
        fields=("DOB", "REVIEW", "REVIEW_CODE"),
        # A review on the 4th birthday itself may use PN0 or a PN1-PN7 code.
        sql="""
            SELECT 'Reviews' AS tbl, _row FROM reviews
            WHERE REVIEW_CODE = 'PN0' AND REVIEW > DOB + INTERVAL 4 YEAR
        """,
        hint="PN0 is only for a child under 4 at the review. Record how the child took part (PN1-PN7), or "
        "check the date of birth and the review date.",
    ),
    Rule(
        code="441",
        message="Participation method indicates child was 4 years old or over at the time of the review, but "
        "the date of birth and review date indicates the child was under 4 years old.",
        level=Level.ERROR,
        tables=("Reviews",),
        fields=("DOB", "REVIEW", "REVIEW_CODE"),
        sql="""
            SELECT 'Reviews' AS tbl, _row FROM reviews
            WHERE REVIEW_CODE IN ('PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7')
                AND REVIEW < DOB + INTERVAL 4 YEAR
        """,
        hint="A child under 4 at the review has participation code PN0. Correct the code, or check the date "
        "of birth and the review date.",
    ),
    Rule(
        code="442",
        message="Unique Pupil Number (UPN) field is not completed.",
        level=Level.ERROR,
        tables=("Episodes", "Header"),
        fields=("UPN",),
        sql=f"""
            SELECT 'Header' AS tbl, _row FROM header WHERE UPN IS NULL AND CHILD IN {LOOKED_AFTER}
        """,
        hint="Every child looked after other than on short breaks has a UPN, or a code saying why not "
        "(UN1-UN5, for example UN1 for a child not yet of school age). Fill it in from the education record.",
    ),
    Rule(
        code="444",
        message="Duplicate UPN has been reported.",
        level=Level.ERROR,
        tables=("Header",),
        fields=("UPN",),
        sql="""
            SELECT 'Header' AS tbl, _row FROM header
            WHERE UPN IS NOT NULL AND upper(UPN) NOT IN ('UN1', 'UN2', 'UN3', 'UN4', 'UN5')
            QUALIFY count(*) OVER (PARTITION BY upper(UPN)) > 1
        """,
        hint="A UPN belongs to one pupil, so two children cannot share one. Check both children's UPNs "
        "against their school records (the codes UN1-UN5 may repeat).",
        years=frozenset({2026, 2027}),
    ),
]
