"""Political balance on one body, against councils worked by hand.

Every expected figure below is worked out in the comments with the arithmetic an officer would
do: quota = seats on the body × group's councillors ÷ all councillors; whole parts first, then
the seats left over to the largest remainders; then principles (a) and (b).
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from corparent.panels.balance import (
    UNGROUPED,
    BalanceError,
    Council,
    Group,
    allocate_body,
    compare_membership,
    what_if,
)

# A council of 55 with a majority group: Labour 31, Conservative 16, Liberal Democrat 8.
MAJORITY = Council.from_counts({"Labour": 31, "Conservative": 16, "Liberal Democrat": 8})


def test_majority_group_council_nine_seat_panel() -> None:
    # Labour 31/55 × 9 = 279/55 = 5.07; Conservative 16/55 × 9 = 144/55 = 2.62;
    # Liberal Democrat 8/55 × 9 = 72/55 = 1.31. Whole parts 5 + 2 + 1 = 8; 1 seat left over.
    # Remainders 0.07, 0.62, 0.31: Conservative's is largest. Result 5, 3, 1.
    # Labour has 31 of 55 (a majority) and 5 of 9 is a majority: (b) already met, nothing moves.
    b = allocate_body(MAJORITY, 9)
    assert b.seats() == {"Labour": 5, "Conservative": 3, "Liberal Democrat": 1}
    assert b.entitlement("Labour").quota == Fraction(279, 55)
    assert b.entitlement("Conservative").quota == Fraction(144, 55)
    assert all(e.moved_by == () for e in b.entitlements)
    assert not b.ties and not b.provisional
    assert "Conservative (0.62)" in b.explanations[0]


def test_principle_b_gives_the_majority_group_a_majority_on_an_even_panel() -> None:
    # Labour 28 of 55 is a majority (28 > 27.5). Panel of 10:
    # Labour 280/55 = 5.09; Conservative 150/55 = 2.73; Liberal Democrat 120/55 = 2.18.
    # Whole parts 5 + 2 + 2 = 9; 1 left: remainders 0.09, 0.73, 0.18 -> Conservative. That gives
    # Labour 5 of 10, which is not a majority: (b) needs 6. The seat comes from the share rounded up
    # furthest: Conservative has 3 for 2.73 (+0.27), Liberal Democrat 2 for 2.18 (-0.18).
    # Result: Labour 6, Conservative 2, Liberal Democrat 2.
    council = Council.from_counts({"Labour": 28, "Conservative": 15, "Liberal Democrat": 12})
    b = allocate_body(council, 10)
    assert b.seats() == {"Labour": 6, "Conservative": 2, "Liberal Democrat": 2}
    assert b.entitlement("Labour").proportional_seats == 5
    assert b.entitlement("Labour").moved_by == ("b",)
    assert b.entitlement("Conservative").moved_by == ("b",)
    assert b.entitlement("Liberal Democrat").moved_by == ()
    assert any(
        "Principle (b): Labour has a majority of the council (28 of 55), so it takes a majority of "
        "the panel: 6 of 10, not 5" in line
        for line in b.explanations
    )


def test_hung_council() -> None:
    # 60 councillors: Conservative 24, Labour 20, Liberal Democrat 10, Green 6. No one has 31.
    # Panel of 9: Con 24×9/60 = 3.6; Lab 20×9/60 = 3.0; LD 10×9/60 = 1.5; Green 6×9/60 = 0.9.
    # Whole parts 3 + 3 + 1 + 0 = 7; 2 left. Remainders 0.6, 0, 0.5, 0.9 -> Green, then Conservative.
    # Liberal Democrat (0.5) just misses. Result 4, 3, 1, 1.
    council = Council.from_counts({"Conservative": 24, "Labour": 20, "Liberal Democrat": 10, "Green": 6})
    b = allocate_body(council, 9)
    assert b.seats() == {"Conservative": 4, "Labour": 3, "Liberal Democrat": 1, "Green": 1}
    assert council.majority_group is None
    assert not b.ties


def test_independents_and_a_single_member_group() -> None:
    # 45 councillors: Labour 21, Conservative 14, Green 2, "Residents" 1, and 7 independents.
    # A group needs two members (reg 8), so the lone Resident is counted with the 7: 8 ungrouped.
    # Panel of 10, shares of all 45: Labour 210/45 = 4.67; Conservative 140/45 = 3.11;
    # Green 20/45 = 0.44; ungrouped 80/45 = 1.78. Whole parts 4 + 3 + 0 + 1 = 8; 2 left.
    # Remainders 0.67, 0.11, 0.44, 0.78 -> ungrouped, then Labour.
    # Result: Labour 5, Conservative 3, Green 0; groups take 8, the 2 left over are for the
    # ungrouped members. Labour's 21 of 45 is not a majority, so (b) does not apply.
    council = Council.from_counts({"Labour": 21, "Conservative": 14, "Green": 2, "Residents": 1}, ungrouped=7)
    assert council.ungrouped == 8 and council.membership == 45
    assert [g.name for g in council.groups] == ["Labour", "Conservative", "Green"]
    assert "Residents has a single councillor" in council.notes[0]
    b = allocate_body(council, 10)
    assert b.seats() == {"Labour": 5, "Conservative": 3, "Green": 0, UNGROUPED: 2}
    assert b.group_seats == 8 and b.ungrouped_seats == 2
    assert b.entitlement(UNGROUPED).quota == Fraction(80, 45)
    assert any("regulation 16" in line for line in b.explanations)


def test_tie_on_remainders_is_returned_not_silently_decided() -> None:
    # 40 councillors: Conservative 18, Labour 16, Liberal Democrat 6. Panel of 10:
    # Con 18×10/40 = 4.5; Lab 16×10/40 = 4.0; LD 6×10/40 = 1.5. Whole parts 4 + 4 + 1 = 9; 1 left.
    # Remainders 0.5, 0, 0.5: Conservative and Liberal Democrat tie for the last seat. No majority
    # group, so nothing else settles it: the council decides. Provisionally the larger group
    # (Conservative): 5, 4, 1 - marked provisional.
    council = Council.from_counts({"Conservative": 18, "Labour": 16, "Liberal Democrat": 6})
    b = allocate_body(council, 10)
    assert b.provisional
    (tie,) = b.ties
    assert tie.principle == "d"
    assert tie.candidates == ("Conservative", "Liberal Democrat")
    assert tie.seats == 1 and tie.provisional == ("Conservative",)
    assert set(tie.affected) == {"Conservative", "Liberal Democrat"}
    assert "PROVISIONAL" in tie.message and "council decides" in tie.message
    assert b.seats() == {"Conservative": 5, "Labour": 4, "Liberal Democrat": 1}
    assert b.entitlement("Conservative").provisional
    assert b.entitlement("Liberal Democrat").provisional
    assert not b.entitlement("Labour").provisional


def test_a_tie_that_principle_b_settles_is_not_reported() -> None:
    # 40 councillors: Labour 22 (a majority), Conservative 18. Panel of 10: 5.5 and 4.5, a tie on
    # remainders for the last seat. Had Conservative taken it (5-5), (b) would give it back to
    # Labour: either way 6-4, so there is nothing for the council to decide.
    council = Council.from_counts({"Labour": 22, "Conservative": 18})
    b = allocate_body(council, 10)
    assert b.seats() == {"Labour": 6, "Conservative": 4}
    assert not b.ties and not b.provisional


def test_size_change_what_if_three_more_seats() -> None:
    # MAJORITY council at 12 seats: Labour 31×12/55 = 372/55 = 6.76; Conservative 192/55 = 3.49;
    # Liberal Democrat 96/55 = 1.75. Whole parts 6 + 3 + 1 = 10; 2 left. Remainders 0.76, 0.49,
    # 0.75 -> Labour, Liberal Democrat. Result 7, 3, 2 (Labour 7 of 12 is a majority).
    # At 9 it was 5, 3, 1 (first test): Labour +2, Conservative no change, Liberal Democrat +1.
    w = what_if(MAJORITY, 9, 12)
    assert w.after.seats() == {"Labour": 7, "Conservative": 3, "Liberal Democrat": 2}
    assert [(c.name, c.before, c.after, c.delta) for c in w.changes] == [
        ("Labour", 5, 7, 2),
        ("Conservative", 3, 3, 0),
        ("Liberal Democrat", 1, 2, 1),
    ]
    assert w.lines == (
        "If the panel goes from 9 to 12 seats (3 more):",
        "Labour: 5 → 7 (+2)",
        "Conservative: 3 → 3 (no change)",
        "Liberal Democrat: 1 → 2 (+1)",
    )


def test_what_if_smaller() -> None:
    # 9 -> 7 seats: Labour 217/55 = 3.95; Conservative 112/55 = 2.04; Liberal Democrat 56/55 = 1.02.
    # Whole parts 3 + 2 + 1 = 6; 1 left -> Labour (0.95). Result 4, 2, 1.
    w = what_if(MAJORITY, 9, 7)
    assert w.after.seats() == {"Labour": 4, "Conservative": 2, "Liberal Democrat": 1}
    assert w.lines[0] == "If the panel goes from 9 to 7 seats (2 fewer):"


def test_what_if_can_show_a_group_losing_a_seat_when_the_body_grows() -> None:
    # 18 councillors: Conservative 10 (a majority: 10 > 9), Labour 6, Green 2.
    # 13 seats: 130/18 = 7.22, 78/18 = 4.33, 26/18 = 1.44. Whole
    # 7 + 4 + 1 = 12; 1 left -> Green (0.44): 7, 4, 2. 14 seats: 140/18 = 7.78, 84/18 = 4.67,
    # 28/18 = 1.56. Whole 7 + 4 + 1 = 12; 2 left -> Conservative (0.78), Labour (0.67): 8, 5, 1.
    # Conservative has a majority both times (7 of 13, 8 of 14), so (b) moves nothing.
    # Green loses a seat on a bigger body: largest remainders' "Alabama paradox". We say so.
    council = Council.from_counts({"Conservative": 10, "Labour": 6, "Green": 2})
    w = what_if(council, 13, 14)
    assert [c.line for c in w.changes] == [
        "Conservative: 7 → 8 (+1)",
        "Labour: 4 → 5 (+1)",
        "Green: 2 → 1 (-1)",
    ]
    assert w.lines[-1].startswith("Note: Green loses a seat although the panel grows.")


def test_principle_a_one_group_with_95_percent_and_a_three_seat_body() -> None:
    # 60 councillors: Conservative 57 (95%), Labour 3. Body of 3:
    # Con 57×3/60 = 2.85; Lab 3×3/60 = 0.15. Whole parts 2 + 0; 1 left -> Conservative (0.85):
    # 3-0, all seats to one group. (a) moves one seat to Labour: 2-1. (b): 2 of 3 is still a
    # majority for Conservative.
    council = Council.from_counts({"Conservative": 57, "Labour": 3})
    b = allocate_body(council, 3)
    assert b.seats() == {"Conservative": 2, "Labour": 1}
    assert b.entitlement("Conservative").proportional_seats == 3
    assert b.entitlement("Labour").moved_by == ("a",)
    assert any(line.startswith("Principle (a): not all the seats") for line in b.explanations)


def test_principle_a_comes_before_b_on_a_two_seat_body() -> None:
    # Same council, body of 2: Con 1.9, Lab 0.1 -> 2-0. (a) makes it 1-1. (b) would need 2 of 2 for
    # Conservative, which is all the seats: (a) comes first, so (b) cannot be met and we say so.
    council = Council.from_counts({"Conservative": 57, "Labour": 3})
    b = allocate_body(council, 2)
    assert b.seats() == {"Conservative": 1, "Labour": 1}
    assert any(line.startswith("Principle (b) cannot be met") for line in b.explanations)


def test_principle_a_gives_the_seat_to_ungrouped_members_when_there_is_no_other_group() -> None:
    # 50 councillors: one group of 47, 3 not in any group. Body of 5: group 4.7, ungrouped 0.3 ->
    # 5-0. The group holds all the seats, so (a) moves one to the ungrouped members: 4-1.
    council = Council.from_counts({"Alliance": 47}, ungrouped=3)
    b = allocate_body(council, 5)
    assert b.seats() == {"Alliance": 4, UNGROUPED: 1}


def test_compare_membership_lists_departures() -> None:
    # Entitlement on the 9-seat panel is Labour 5, Conservative 3, Liberal Democrat 1.
    b = allocate_body(MAJORITY, 9)
    check = compare_membership(b, {"Labour": 4, "Conservative": 4, "Liberal Democrat": 1})
    assert [d.message for d in check.departures] == [
        "Labour has 4 seats, entitled to 5",
        "Conservative has 4 seats, entitled to 3",
    ]
    # Labour 4 of 9 is not a majority: principle (b) is named as well.
    assert any(w.startswith("Principle (b): Labour") for w in check.warnings)
    assert not check.ok
    assert compare_membership(b, {"Labour": 5, "Conservative": 3, "Liberal Democrat": 1}).ok


def test_compare_membership_vacancies_unknown_groups_and_all_to_one_group() -> None:
    council = Council.from_counts({"Conservative": 57, "Labour": 3})
    b = allocate_body(council, 3)
    check = compare_membership(b, {"Conservative": 3})
    assert [d.message for d in check.departures] == [
        "Conservative has 3 seats, entitled to 2",
        "Labour has 0 seats, entitled to 1",
    ]
    assert any(w.startswith("Principle (a)") for w in check.warnings)
    check = compare_membership(b, {"Conservative": 1, "Reform": 1})
    assert any("Reform has 1 seat on the panel but is not a political group" in w for w in check.warnings)
    assert any("1 vacant" in w for w in check.warnings)


def test_compare_membership_marks_provisional_entitlements() -> None:
    council = Council.from_counts({"Conservative": 18, "Labour": 16, "Liberal Democrat": 6})
    b = allocate_body(council, 10)
    check = compare_membership(b, {"Conservative": 4, "Labour": 4, "Liberal Democrat": 2})
    assert all(d.provisional for d in check.departures)
    assert "provisional" in check.departures[0].message


@pytest.mark.parametrize(
    ("groups", "ungrouped", "message"),
    [
        ({}, 5, "no political groups"),
        ({"Labour": 0}, 0, "leave it out"),
        ({"Labour": 3, "labour": 4}, 0, "listed twice"),
        ({UNGROUPED: 3}, 0, "reserved"),
        ({"Labour": 3}, -1, "negative"),
    ],
)
def test_bad_councils_are_refused_with_a_reason(groups: dict[str, int], ungrouped: int, message: str) -> None:
    with pytest.raises(BalanceError, match=message):
        Council.from_counts(groups, ungrouped)


def test_a_group_of_one_built_directly_is_refused() -> None:
    with pytest.raises(BalanceError, match="at least two"):
        Council((Group("Lone", 1), Group("Labour", 5)))


@pytest.mark.parametrize("size", [0, 56])
def test_bad_sizes_are_refused(size: int) -> None:
    with pytest.raises(BalanceError):
        allocate_body(MAJORITY, size)
