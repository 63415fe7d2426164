"""Reviews (local measures): participation, and reviews on time.

Working days exclude weekends and bank holidays in England. R = 31/03/2025 (a Monday); the period
is 01/04/2024 to 31/03/2025.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from return_builder import R_2025, assert_pct, compute, ep, headers, make_return


def review(c: str, when: str, code: str = "PN1") -> dict[str, str]:
    return {"CHILD": c, "DOB": "01/01/2012", "REVIEW": when, "REVIEW_CODE": code}


@pytest.mark.covers("review_participation_pct")
def test_review_participation(tmp_path: Path) -> None:
    # given reviews of three children (in care or not, every review in the period counts)
    reviews = [
        review("V1", "01/05/2024", "PN1"),  # took part
        review("V1", "01/11/2024", "PN7"),  # did not take part: in the denominator only
        review("V1", "01/03/2025", "PN3"),  # took part
        review("V2", "01/06/2024", "PN0"),  # under 4: excluded from both
        review("V2", "01/12/2024", "PN6"),  # took part
        review("V3", "15/03/2024", "PN1"),  # before the period: excluded
        review("V3", "10/10/2024", "PN7"),  # in the denominator only
        review("V3", "01/04/2025", "PN2"),  # after R: excluded
    ]
    hdr = headers({"V1": "01/01/2012", "V2": "01/01/2022", "V3": "01/01/2012"})
    ret = make_return(tmp_path, header=hdr, episodes=[ep(c, "01/01/2023") for c in ("V1", "V2", "V3")],
                      reviews=reviews)  # fmt: skip
    # when
    sc = compute(ret, R_2025, indicators=["review_participation_pct"])
    # then PN1-PN7 in the period: V1 x3, V2's PN6, V3's PN7 = 5; PN1-PN6: V1 PN1, PN3, V2 PN6 = 3
    assert_pct(sc, "review_participation_pct", 3, 5)


@pytest.mark.covers("reviews_on_time_pct")
def test_reviews_on_time(tmp_path: Path) -> None:
    """Working days from Monday 18/03/2024, across Easter 2024 (Good Friday 29/03, Easter Monday
    01/04): 19, 20, 21, 22 (4), 25, 26, 27, 28 (8), [29/03 and 01/04 bank holidays], 02, 03, 04, 05
    (12), 08-12 (17), 15, 16, 17 (20). The first review is due by Wednesday 17/04/2024 (without the
    bank holidays it would be Monday 15/04/2024). Second review due 3 months after the first
    (17/07/2024), later ones 6 months after the previous.

    Reading: "every interval" is judged for the reviews held in the period (and the interval open at
    R); reviews held before the period are not judged -- the measure is about the period, so an old
    lapse (F) does not count against the child for ever.
    """
    dobs = dict.fromkeys(["A", "B", "C", "D", "E", "F", "G", "H"], "01/01/2012")
    episodes = [
        *(ep(c, "18/03/2024", "S") for c in "ABCD"),
        ep("E", "17/03/2025", "S"),  # 10 working days by R (18-21, 24-28, 31/03): not eligible
        ep("F", "01/06/2020", "S"),
        # G: from Monday 03/03/2025, R is exactly the 20th working day (04-07, 10-14, 17-21, 24-28,
        # 31/03 = 4 + 5 + 5 + 5 + 1): eligible; the first review is due ON R, so not yet overdue
        ep("G", "03/03/2025", "S"),
        ep("H", "04/03/2025", "S"),  # 19 working days by R: not eligible
    ]
    reviews = [
        # A: 17/04/2024 (the 20th working day: on time), 17/07/2024 (= 17/04 + 3 months: on time),
        # 16/01/2025 (by 17/01/2025: on time); at R the next is due 16/07/2025: not overdue -> ON TIME
        review("A", "17/04/2024"), review("A", "17/07/2024"), review("A", "16/01/2025"),
        # B: first review 18/04/2024, the 21st working day -> late
        review("B", "18/04/2024"), review("B", "18/07/2024"), review("B", "17/01/2025"),
        # C: second review 18/07/2024, a day after 17/07/2024 -> late
        review("C", "17/04/2024"), review("C", "18/07/2024"), review("C", "17/01/2025"),
        # D: on time so far, but the third review was due by 10/01/2025 and none by R -> overdue
        review("D", "17/04/2024"), review("D", "10/07/2024"),
        # F: first review 01/09/2020 was late (due by 29/06/2020), held before the period: not
        # judged. Then 01/11/2023 (due by 01/12/2020, also late, also held before the period: not
        # judged), 01/05/2024 (due by 01/05/2024: on time), 01/10/2024 (by 01/11/2024); next due
        # 01/04/2025, after R -> ON TIME
        review("F", "01/09/2020"), review("F", "01/11/2023"), review("F", "01/05/2024"),
        review("F", "01/10/2024"),
        # E, G and H have had no review yet
    ]  # fmt: skip
    ret = make_return(tmp_path, header=headers(dobs), episodes=episodes, reviews=reviews)
    # when
    sc = compute(ret, R_2025, indicators=["reviews_on_time_pct"])
    # then eligible (20+ working days at R): A, B, C, D, F, G = 6; on time: A, F, G = 3
    assert_pct(sc, "reviews_on_time_pct", 3, 6)


@pytest.mark.covers("reviews_on_time_pct")
def test_reviews_on_time_counts_from_the_current_period_of_care(tmp_path: Path) -> None:
    """A child who left care and came back: the first review of the new period of care is due 20
    working days after its start; reviews of the earlier period do not count for it."""
    # given K came back on Monday 02/09/2024. 20 working days: 03-06 (4), 09-13 (9), 16-20 (14),
    # 23-27 (19), 30/09 (20): due by Monday 30/09/2024. Reviews 30/09/2024 (on time), 30/12/2024
    # (by 30/12/2024, 3 months); next due 30/06/2025, after R -> on time.
    # J came back the same day; its last review was 01/08/2024 in the old period; none in the new
    # one by R -> overdue (the old review does not count as the new period's first).
    episodes = [
        ep("K", "01/01/2022", "S", dec="01/07/2024", rec="E4A"), ep("K", "02/09/2024", "S"),
        ep("J", "01/01/2022", "S", dec="01/08/2024", rec="E4A"), ep("J", "02/09/2024", "S"),
    ]  # fmt: skip
    reviews = [review("K", "01/06/2024"), review("K", "30/09/2024"), review("K", "30/12/2024"),
               review("J", "01/08/2024")]  # fmt: skip
    ret = make_return(tmp_path, header=headers({"K": "01/01/2012", "J": "01/01/2012"}),
                      episodes=episodes, reviews=reviews)  # fmt: skip
    # when
    sc = compute(ret, R_2025, indicators=["reviews_on_time_pct"])
    # then both eligible; K on time, J not -> 1 of 2
    assert_pct(sc, "reviews_on_time_pct", 1, 2)


@pytest.mark.covers("reviews_on_time_pct")
def test_late_review_held_in_the_period_counts_against_the_child(tmp_path: Path) -> None:
    """Reading: every review HELD in the period is judged against its deadline, even when that
    deadline fell just before the period (the child was overdue during the period); reviews held
    before the period are not judged."""
    # given M in care since Monday 02/01/2023: reviews 30/01/2023 (20 working days: 03-06 (4),
    # 09-13 (9), 16-20 (14), 23-27 (19), 30/01 (20): on time), 28/04/2023 (by 30/04/2023),
    # 20/09/2023 (by 28/10/2023); the next was due by 20/03/2024, before the period, but held on
    # 10/04/2024, in it -> late. Then 01/10/2024 (by 10/10/2024); next due 01/04/2025: not overdue.
    # N1 and N2 are the same, but their late review was held on 25/03/2024, before the period: not
    # judged. Then 20/09/2024 (by 25/09/2024), 10/03/2025 (by 20/03/2025); next due 10/09/2025.
    dates_m = ["30/01/2023", "28/04/2023", "20/09/2023", "10/04/2024", "01/10/2024"]
    dates_n = ["30/01/2023", "28/04/2023", "20/09/2023", "25/03/2024", "20/09/2024", "10/03/2025"]
    ret = make_return(
        tmp_path,
        header=headers(dict.fromkeys(["M", "N1", "N2"], "01/01/2012")),
        episodes=[ep(c, "02/01/2023", "S") for c in ("M", "N1", "N2")],
        reviews=[review("M", x) for x in dates_m] + [review(c, x) for c in ("N1", "N2") for x in dates_n],
    )
    # when
    sc = compute(ret, R_2025, indicators=["reviews_on_time_pct"])
    # then all three eligible; N1 and N2 on time, M not -> 2 of 3
    assert_pct(sc, "reviews_on_time_pct", 2, 3)
