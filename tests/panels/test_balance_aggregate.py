"""Political balance across several bodies (principle (c)), against councils worked by hand."""

from __future__ import annotations

from fractions import Fraction

import pytest

from corparent.panels.balance import (
    ALL_BODIES,
    AggregateBalance,
    BalanceError,
    Council,
    allocate_bodies,
    what_if,
)

# A hung council of 40: Conservative 16, Labour 13, Liberal Democrat 11.
HUNG = Council.from_counts({"Conservative": 16, "Labour": 13, "Liberal Democrat": 11})
BODIES = {"Audit": 5, "Licensing": 7, "the panel": 9}


def totals(result: AggregateBalance) -> dict[str, int]:
    return {e.name: e.seats for e in result.totals}


def test_aggregate_differs_from_body_by_body_rounding() -> None:
    # Body by body (principle (d) alone):
    #   Audit 5:     Con 16×5/40 = 2.000, Lab 13×5/40 = 1.625, LD 11×5/40 = 1.375.
    #                Whole 2+1+1 = 4; 1 left -> Lab (0.625).                         -> 2, 2, 1
    #   Licensing 7: Con 2.800, Lab 2.275, LD 1.925. Whole 2+2+1 = 5; 2 left -> LD (0.925),
    #                Con (0.8).                                                      -> 3, 2, 2
    #   Panel 9:     Con 3.600, Lab 2.925, LD 2.475. Whole 3+2+2 = 7; 2 left -> Lab (0.925),
    #                Con (0.6).                                                      -> 4, 3, 2
    #   Totals: Con 9, Lab 7, LD 5 (21 seats).
    # All 21 seats together (principle (c)): Con 16×21/40 = 8.4, Lab 13×21/40 = 6.825,
    #   LD 11×21/40 = 5.775. Whole 8+6+5 = 19; 2 left -> Lab (0.825), LD (0.775). Totals 8, 7, 6.
    # So Conservative is one over and Liberal Democrat one under. Move a seat Con -> LD on the body
    # where it departs least from that body's proportion: score = (Con seats - Con share) -
    # (LD seats - LD share):
    #   Audit (2 - 2.0) - (1 - 1.375) = 0.375; Licensing (3 - 2.8) - (2 - 1.925) = 0.125;
    #   Panel (4 - 3.6) - (2 - 2.475) = 0.875  <- largest, so the move is on the panel: 3, 3, 3.
    result = allocate_bodies(HUNG, BODIES)
    assert result.total_seats == 21
    assert totals(result) == {"Conservative": 8, "Labour": 7, "Liberal Democrat": 6}
    assert result.totals[0].quota == Fraction(84, 10)
    assert result.body("Audit").seats() == {"Conservative": 2, "Labour": 2, "Liberal Democrat": 1}
    assert result.body("Licensing").seats() == {"Conservative": 3, "Labour": 2, "Liberal Democrat": 2}
    panel = result.body("the panel")
    assert panel.seats() == {"Conservative": 3, "Labour": 3, "Liberal Democrat": 3}
    assert panel.entitlement("Conservative").proportional_seats == 4
    assert panel.entitlement("Conservative").moved_by == ("c",)
    assert panel.entitlement("Liberal Democrat").moved_by == ("c",)
    assert not result.ties and not result.unresolved
    assert all(result.achieved(e.name) == e.seats for e in result.totals)
    move = "So on the panel Conservative gives a seat to Liberal Democrat"
    assert any(move in line for line in result.explanations)
    assert any(move in line for line in panel.explanations)  # the panel's own page says so too
    assert not any(move in line for line in result.body("Audit").explanations)


def test_which_body_gives_up_the_seat_can_be_a_tie_for_the_council() -> None:
    # 50 councillors: Conservative 21, Labour 19, Liberal Democrat 10. Bodies A, B, C of 7 and a
    # panel of 9.
    #   Each 7: Con 2.94, Lab 2.66, LD 1.40. Whole 2+2+1 = 5; 2 left -> Con, Lab.   -> 3, 3, 1
    #   Panel 9: Con 3.78, Lab 3.42, LD 1.80. Whole 3+3+1 = 7; 2 left -> LD (0.80), Con (0.78).
    #                                                                              -> 4, 3, 2
    #   Totals Con 13, Lab 12, LD 5.
    # All 30: Con 12.6, Lab 11.4, LD 6.0. Whole 12+11+6 = 29; 1 left -> Con. Totals 13, 11, 6.
    # Labour is one over, LD one under. Score on A, B or C: (3 - 2.66) - (1 - 1.40) = 0.74 each;
    # panel (3 - 3.42) - (2 - 1.80) = -0.62. A, B and C are level: the council chooses which.
    council = Council.from_counts({"Conservative": 21, "Labour": 19, "Liberal Democrat": 10})
    result = allocate_bodies(council, {"A": 7, "B": 7, "C": 7, "the panel": 9})
    (tie,) = result.ties
    assert tie.principle == "c"
    assert set(tie.bodies) == {"A", "B", "C"}
    assert set(tie.affected) == {"Labour", "Liberal Democrat"}
    assert "PROVISIONAL" in tie.message
    assert result.body("A").seats() == {"Conservative": 3, "Labour": 2, "Liberal Democrat": 2}
    assert result.body("A").provisional and result.body("B").provisional
    assert not result.body("the panel").provisional
    assert totals(result) == {"Conservative": 13, "Labour": 11, "Liberal Democrat": 6}
    # The totals themselves are not in doubt.
    assert ALL_BODIES not in tie.bodies
    assert not any(e.provisional for e in result.totals)


def test_totals_are_subject_to_principle_b() -> None:
    # 55 councillors: Labour 28 (a majority), Conservative 15, Liberal Democrat 12.
    #   Scrutiny 10: 5.09, 2.73, 2.18 -> 5, 3, 2; (b) takes Conservative's rounded-up seat -> 6, 2, 2.
    #   Panel 8: Lab 224/55 = 4.07, Con 120/55 = 2.18, LD 96/55 = 1.75. Whole 4+2+1 = 7; 1 left ->
    #            LD (0.75): 4, 2, 2. Labour 4 of 8 is no majority: (b) takes from the share rounded
    #            up furthest, LD (2 - 1.75 = +0.25; Con 2 - 2.18 = -0.18)          -> 5, 2, 1.
    #   Totals Lab 11, Con 4, LD 3.
    # All 18 by (c): Lab 504/55 = 9.16, Con 270/55 = 4.91, LD 216/55 = 3.93. Whole 9+4+3 = 16;
    #   2 left -> LD (0.93), Con (0.91): 9, 5, 4. But (b) gives Labour at least 6 + 5 = 11 across
    #   these bodies, and (c) is subject to (b): Labour's total rises to 11, taking first from
    #   Conservative (5 - 4.91 = +0.09 over its share, LD +0.07) then from LD (+0.07; Con now -0.91):
    #   totals 11, 4, 3 - which the bodies already give. Nothing moves between bodies.
    council = Council.from_counts({"Labour": 28, "Conservative": 15, "Liberal Democrat": 12})
    result = allocate_bodies(council, {"Scrutiny": 10, "the panel": 8})
    assert totals(result) == {"Labour": 11, "Conservative": 4, "Liberal Democrat": 3}
    labour = result.totals[0]
    assert labour.proportional_seats == 9 and labour.moved_by == ("b",)
    assert result.body("Scrutiny").seats() == {"Labour": 6, "Conservative": 2, "Liberal Democrat": 2}
    assert result.body("the panel").seats() == {"Labour": 5, "Conservative": 2, "Liberal Democrat": 1}
    assert any(line.startswith("Principle (c) is subject to (a) and (b)") for line in result.explanations)
    assert not result.unresolved and not result.ties


def test_what_if_with_the_other_bodies() -> None:
    # HUNG with the panel grown from 9 to 12 (Audit 5 and Licensing 7 unchanged).
    #   Panel 12 on its own: Con 4.8, Lab 3.9, LD 3.3. Whole 4+3+3 = 10; 2 left -> Lab (0.9),
    #   Con (0.8): 5, 4, 3. With Audit 2, 2, 1 and Licensing 3, 2, 2: totals 10, 8, 6 (24).
    #   All 24 by (c): Con 9.6, Lab 7.8, LD 6.6. Whole 9+7+6 = 22; 2 left -> Lab (0.8),
    #   Con (0.6): 10, 8, 6. Same as the bodies give: the panel is 5, 4, 3.
    #   Before (first test): the panel was 3, 3, 3 after principle (c).
    w = what_if(HUNG, 9, 12, other_bodies={"Audit": 5, "Licensing": 7})
    assert w.before.seats() == {"Conservative": 3, "Labour": 3, "Liberal Democrat": 3}
    assert w.after.seats() == {"Conservative": 5, "Labour": 4, "Liberal Democrat": 3}
    assert [c.delta for c in w.changes] == [2, 1, 0]


def test_bad_bodies_are_refused() -> None:
    with pytest.raises(BalanceError):
        allocate_bodies(HUNG, {})
    with pytest.raises(BalanceError):
        allocate_bodies(HUNG, {"Audit": 0})
    with pytest.raises(BalanceError):
        allocate_bodies(HUNG, {ALL_BODIES: 3})
    with pytest.raises(BalanceError):
        what_if(HUNG, 9, 12, body="Audit", other_bodies={"Audit": 5})
