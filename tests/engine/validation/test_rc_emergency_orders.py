"""Rules 361-364: police protection, EPOs, child assessment orders and PACE detention too long.

The collection year is 2025-26 unless a test says otherwise: an open episode counts to 31/03/2026.
"""

from __future__ import annotations

from tests.engine.validation.cases import flagged


def ep(child: str, decom: str, dec: str | None, ls: str) -> dict[str, object]:
    return {"CHILD": child, "DECOM": decom, "DEC": dec, "LS": ls}


def test_361_police_protection_over_72_hours() -> None:
    episodes = [
        ep("A", "01/06/2025", "03/06/2025", "L1"),  # 0 } one period of L1, 01/06 to 05/06:
        ep("A", "03/06/2025", "05/06/2025", "L1"),  # 1 } 4 days > 3, both flagged
        ep("A", "05/06/2025", None, "C1"),  # 2
        ep("B", "10/06/2025", "13/06/2025", "L1"),  # 3 exactly 3 days: passes
        ep("C", "28/03/2026", None, "L1"),  # 4 open: 28/03 to 31/03 is 3 days
        ep("D", "27/03/2026", None, "L1"),  # 5 open: 27/03 to 31/03 is 4 days
    ]
    assert flagged("361", {"Episodes": episodes}) == {"Episodes": [0, 1, 5]}
    assert flagged("361", {"Episodes": episodes[2:5]}) == {}


def test_361_episodes_under_another_status_break_the_period() -> None:
    # Peer difference: the peer chains L1 (2 days) - C2 - L1 (1 day) into 4 days of police protection.
    episodes = [
        ep("A", "01/06/2025", "03/06/2025", "L1"),
        ep("A", "03/06/2025", "04/06/2025", "C2"),
        ep("A", "04/06/2025", "05/06/2025", "L1"),
    ]
    assert flagged("361", {"Episodes": episodes}) == {}


def test_362_emergency_protection_order_over_21_days() -> None:
    episodes = [
        ep("A", "01/06/2025", "04/06/2025", "L2"),  # 0 } 01/06 to 20/06: 19 days, passes
        ep("A", "04/06/2025", "20/06/2025", "L2"),  # 1 }
        ep("A", "20/06/2025", None, "C1"),  # 2
        ep("B", "01/09/2025", "10/09/2025", "L2"),  # 3 } a gap (10/09 to 11/09) makes two periods
        ep("B", "11/09/2025", "30/09/2025", "L2"),  # 4 } of 9 and 19 days: both pass
        ep("C", "01/09/2025", "23/09/2025", "L2"),  # 5 22 days
        ep("D", "01/03/2026", None, "L2"),  # 6 open: 01/03 to 31/03 is 30 days
    ]
    assert flagged("362", {"Episodes": episodes}) == {"Episodes": [5, 6]}
    assert flagged("362", {"Episodes": episodes[:5]}) == {}


def test_362_episodes_under_another_status_break_the_period() -> None:
    # Peer difference, as for 361: 15 + 10 days of L2 with a C2 episode between are two periods.
    episodes = [
        ep("A", "01/06/2025", "16/06/2025", "L2"),
        ep("A", "16/06/2025", "17/06/2025", "C2"),
        ep("A", "17/06/2025", "27/06/2025", "L2"),
    ]
    assert flagged("362", {"Episodes": episodes}) == {}


def test_363_child_assessment_order_over_7_days() -> None:
    episodes = [
        ep("A", "01/06/2025", "05/06/2025", "L3"),  # 0 } 4 + 4 = 8 days
        ep("A", "05/06/2025", "09/06/2025", "L3"),  # 1 }
        ep("B", "01/06/2025", "08/06/2025", "L3"),  # 2 exactly 7 days: passes
        ep("C", "01/06/2025", "05/06/2025", "L3"),  # 3 } 4 and 4 days with a gap: two periods
        ep("C", "06/06/2025", "10/06/2025", "L3"),  # 4 }
        ep("D", "20/03/2026", None, "L3"),  # 5 open: 11 days to 31/03
        ep("E", None, "10/06/2025", "L3"),  # 6 no start date: not measured
    ]
    assert flagged("363", {"Episodes": episodes}) == {"Episodes": [0, 1, 5]}
    assert flagged("363", {"Episodes": episodes[2:5]}) == {}


def test_363_episodes_are_ordered_by_date_not_by_file_position() -> None:
    # Peer difference: child A's two L3 episodes (4 + 4 days, back to back) are separated in the file
    # by child B's; the peer, chaining in file order, sees two periods of 4 days.
    episodes = [
        ep("A", "01/06/2025", "05/06/2025", "L3"),
        ep("B", "01/06/2025", "03/06/2025", "L3"),
        ep("A", "05/06/2025", "09/06/2025", "L3"),
    ]
    assert flagged("363", {"Episodes": episodes}) == {"Episodes": [0, 2]}


def test_364_pace_detention_over_21_days() -> None:
    episodes = [
        ep("A", "01/06/2025", "11/06/2025", "J2"),  # 0 } 10 + 12 = 22 days
        ep("A", "11/06/2025", "23/06/2025", "J2"),  # 1 }
        ep("B", "01/06/2025", "22/06/2025", "J2"),  # 2 exactly 21 days: passes
        ep("C", "01/06/2025", "30/06/2025", "J1"),  # 3 remand (J1) is not limited
        ep("D", "01/03/2026", None, "J2"),  # 4 open: 30 days to 31/03
    ]
    assert flagged("364", {"Episodes": episodes}) == {"Episodes": [0, 1, 4]}
    assert flagged("364", {"Episodes": episodes[2:4]}) == {}


def test_364_episodes_are_ordered_by_date_not_by_file_position() -> None:
    # Peer difference, as for 363: 11 + 11 days for child A, split in the file by child B's episode.
    episodes = [
        ep("A", "01/06/2025", "12/06/2025", "J2"),
        ep("B", "01/06/2025", "03/06/2025", "J2"),
        ep("A", "12/06/2025", "23/06/2025", "J2"),
    ]
    assert flagged("364", {"Episodes": episodes}) == {"Episodes": [0, 2]}
