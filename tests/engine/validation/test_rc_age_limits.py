"""Rules on the child's age: 371-374 (placement types with a minimum age) and 386, 387, 389, 407
and 460 (reasons an episode ended that fit only some ages)."""

from __future__ import annotations

from tests.engine.validation.cases import flagged


def placed(child: str, place: str, decom: str, dec: str | None = "01/12/2025") -> dict[str, object]:
    return {"CHILD": child, "PLACE": place, "DECOM": decom, "DEC": dec}


def ended(child: str, rec: str, dec: str | None) -> dict[str, object]:
    return {"CHILD": child, "DECOM": "01/04/2025", "REC": rec, "DEC": dec}


def test_371_supported_accommodation_from_16() -> None:
    header = [{"CHILD": "1", "DOB": "15/06/2009"}]  # 16 on 15/06/2025
    episodes = [
        placed("1", "K3", "15/06/2025"),  # 0 on the birthday
        placed("1", "K3", "14/06/2025"),  # 1 the day before
        placed("1", "U3", "01/04/2025"),  # 2 not K3
        placed("2", "K3", "01/04/2025"),  # 3 no Header row: age not known
    ]
    assert flagged("371", {"Episodes": episodes, "Header": header}) == {"Episodes": [1]}
    assert flagged("371", {"Episodes": [episodes[0], episodes[2]], "Header": header}) == {}


def test_371_an_open_episode_is_checked_too() -> None:
    # Peer difference: the peer only checks episodes with a DEC.
    header = [{"CHILD": "1", "DOB": "15/06/2009"}]
    episodes = [placed("1", "K3", "14/06/2025", None)]
    assert flagged("371", {"Episodes": episodes, "Header": header}) == {"Episodes": [0]}


def test_372_youth_custody_from_10_and_a_29_february_birthday() -> None:
    # Born 29/02/2016: 10 on 28/02/2026 (2026 is not a leap year).
    header = [{"CHILD": "1", "DOB": "29/02/2016"}]
    episodes = [
        placed("1", "R5", "27/02/2026", "20/03/2026"),  # 0
        placed("1", "R5", "28/02/2026", "20/03/2026"),  # 1
        placed("1", "R5", "27/02/2026", None),  # 2 open (peer difference: the peer skips it)
    ]
    assert flagged("372", {"Episodes": episodes, "Header": header}) == {"Episodes": [0, 2]}
    assert flagged("372", {"Episodes": episodes[1:2], "Header": header}) == {}


def test_373_residential_school_from_4() -> None:
    header = [{"CHILD": "1", "DOB": "01/09/2021"}, {"CHILD": "2"}]  # child 2 has no DOB
    episodes = [
        placed("1", "S1", "31/08/2025"),  # 0
        placed("1", "S1", "01/09/2025"),  # 1
        placed("2", "S1", "01/09/2025"),  # 2
        placed("1", "S1", "01/08/2025", None),  # 3 open (peer difference: the peer skips it)
    ]
    assert flagged("373", {"Episodes": episodes, "Header": header}) == {"Episodes": [0, 3]}
    assert flagged("373", {"Episodes": episodes[1:3], "Header": header}) == {}


def test_374_residential_employment_from_14() -> None:
    header = [{"CHILD": "1", "DOB": "10/10/2011"}]  # 14 on 10/10/2025
    episodes = [
        placed("1", "P3", "09/10/2025"),  # 0
        placed("1", "P3", "10/10/2025"),  # 1
        placed("1", "P3", "01/10/2025", None),  # 2 open (peer difference: the peer skips it)
    ]
    assert flagged("374", {"Episodes": episodes, "Header": header}) == {"Episodes": [0, 2]}
    assert flagged("374", {"Episodes": episodes[1:2], "Header": header}) == {}


def test_386_adopted_before_18() -> None:
    header = [{"CHILD": "1", "DOB": "01/07/2007"}, {"CHILD": "2"}]  # child 1 is 18 on 01/07/2025
    episodes = [
        ended("1", "E11", "01/07/2025"),  # 0 on the 18th birthday
        ended("1", "E12", "30/06/2025"),  # 1 the day before
        ended("2", "E11", "30/06/2025"),  # 2 no DOB
        ended("1", "E13", "01/08/2025"),  # 3 not adopted
    ]
    assert flagged("386", {"Episodes": episodes, "Header": header}) == {"Episodes": [0]}
    assert flagged("386", {"Episodes": episodes[1:], "Header": header}) == {}


def test_387_independent_living_from_14() -> None:
    header = [{"CHILD": "1", "DOB": "01/07/2011"}]  # 14 on 01/07/2025
    episodes = [
        ended("1", "E5", "30/06/2025"),  # 0
        ended("1", "E6", "01/07/2025"),  # 1
        ended("1", "E6", None),  # 2 no DEC
        ended("2", "E5", "30/06/2025"),  # 3 no Header row (peer difference: the peer flags it)
    ]
    assert flagged("387", {"Episodes": episodes, "Header": header}) == {"Episodes": [0]}
    assert flagged("387", {"Episodes": episodes[1:], "Header": header}) == {}


def test_389_adult_social_care_from_16() -> None:
    header = [{"CHILD": "1", "DOB": "01/07/2009"}]  # 16 on 01/07/2025
    episodes = [
        ended("1", "E7", "30/06/2025"),  # 0
        ended("1", "E7", "01/07/2025"),  # 1
        ended("1", "E7", None),  # 2 no DEC (peer difference: the peer flags it)
        ended("2", "E7", "30/06/2025"),  # 3 no Header row (peer difference: the peer flags it)
    ]
    assert flagged("389", {"Episodes": episodes, "Header": header}) == {"Episodes": [0]}
    assert flagged("389", {"Episodes": episodes[1:], "Header": header}) == {}


def test_407_special_guardianship_before_18_flags_the_episode_and_header() -> None:
    header = [
        {"CHILD": "1", "DOB": "01/07/2007"},  # 0 18 on 01/07/2025
        {"CHILD": "2", "DOB": "01/07/2007"},  # 1
    ]
    episodes = [
        ended("2", "E45", "01/07/2025"),  # 0 on the 18th birthday: passes
        ended("1", "E48", "02/07/2025"),  # 1 the day after
        ended("2", "E13", "02/07/2025"),  # 2 not an SGO
    ]
    assert flagged("407", {"Episodes": episodes, "Header": header}) == {"Episodes": [1], "Header": [0]}
    assert flagged("407", {"Episodes": [episodes[0], episodes[2]], "Header": header}) == {}


def test_460_staying_put_at_18_or_over() -> None:
    header = [{"CHILD": "1", "DOB": "01/07/2007"}]  # 18 on 01/07/2025
    episodes = [
        ended("1", "E17", "30/06/2025"),  # 0
        ended("1", "E17", "01/07/2025"),  # 1
        ended("1", "E17", None),  # 2 no DEC
    ]
    assert flagged("460", {"Episodes": episodes, "Header": header}) == {"Episodes": [0]}
    assert flagged("460", {"Episodes": episodes[1:], "Header": header}) == {}
