"""Rules 1009, 1012 and 1015: placement change reason, rows for children with no episodes, and own
provision outside the council. Collection year 2025-26 unless said."""

from __future__ import annotations

from tests.engine.validation.cases import flagged

OWN = "E09000001"  # the council's code, in the form PL_LA takes


def test_1009_reason_for_placement_change_code() -> None:
    episodes = [
        {"CHILD": "1", "REASON_PLACE_CHANGE": "CARPL"},
        {"CHILD": "1", "REASON_PLACE_CHANGE": "CUSTOD"},
        {"CHILD": "1"},
        {"CHILD": "1", "REASON_PLACE_CHANGE": "CHANGE"},  # flagged
        {"CHILD": "1", "REASON_PLACE_CHANGE": "OTHERS"},  # flagged
    ]
    assert flagged("1009", {"Episodes": episodes}) == {"Episodes": [3, 4]}
    assert flagged("1009", {"Episodes": episodes[:3]}) == {}


def test_1012_no_other_rows_for_children_without_episodes() -> None:
    tables = {
        "Episodes": [{"CHILD": "1"}],
        "PlacedAdoption": [{"CHILD": "1"}, {"CHILD": "2"}],
        "Missing": [{"CHILD": "2", "MIS_START": "01/05/2025"}, {"CHILD": "1", "MIS_START": "01/05/2025"}],
        "Reviews": [{"CHILD": "3"}],
        "AD1": [{"CHILD": "1"}],
        "PrevPerm": [{"CHILD": "2"}],
        "OC2": [{"CHILD": "1"}, {"CHILD": "1"}, {"CHILD": "4"}],
        "OC3": [{"CHILD": "5"}],  # care leavers are expected to have no episodes
    }
    expected = {"PlacedAdoption": [1], "Missing": [0], "Reviews": [0], "PrevPerm": [0], "OC2": [2]}
    assert flagged("1012", tables) == expected
    assert (
        flagged("1012", {"Episodes": [{"CHILD": "1"}], "AD1": [{"CHILD": "1"}], "OC3": [{"CHILD": "5"}]})
        == {}
    )


def _episode(place: str, pl_la: str | None, **extra: str) -> dict[str, object]:
    row = {"CHILD": "1", "LS": "C2", "PLACE": place, "PLACE_PROVIDER": "PR1", "PL_LA": pl_la}
    return {**row, **extra}


def test_1015_own_provision_placed_outside_the_council() -> None:
    episodes = [
        _episode("K2", OWN),
        _episode("K2", "E09000002"),  # flagged
        _episode("U4", "E09000002"),  # fostering is exempt
        _episode("K2", "E09000002", LS="V3"),  # short breaks are exempt
        _episode("K2", "E09000002", PLACE_PROVIDER="PR4"),  # private provision
        _episode("K2", "SCO"),  # in Scotland: flagged
        _episode("K3", "E09000002"),  # supported accommodation: exempt from 2025-26
    ]
    assert flagged("1015", {"Episodes": episodes}, year=2025, la_code=OWN) == {"Episodes": [1, 5, 6]}
    assert flagged("1015", {"Episodes": episodes}, year=2026, la_code=OWN) == {"Episodes": [1, 5]}
    assert flagged("1015", {"Episodes": episodes}, year=2027, la_code=OWN) == {"Episodes": [1, 5]}
    assert flagged("1015", {"Episodes": [episodes[0], *episodes[2:5]]}, year=2025, la_code=OWN) == {}
    # 2025-26 on: the supported accommodation (K3) row passes too.
    assert flagged("1015", {"Episodes": [*episodes[:1], *episodes[2:5], episodes[6]]}, la_code=OWN) == {}
    assert flagged("1015", {"Episodes": episodes}, year=2026) == {}  # council code not given


def test_1015_peer_difference_placement_council_not_known() -> None:
    # The placement's council could not be worked out from its postcode: the peer flags it as outside.
    episodes = [_episode("K2", None, PL_POST="")]
    assert flagged("1015", {"Episodes": episodes}, year=2025, la_code=OWN) == {}
    assert flagged("1015", {"Episodes": episodes}, year=2026, la_code=OWN) == {}
