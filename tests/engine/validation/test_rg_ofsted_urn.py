"""Rules 219, 221, 224, 227, 228, 229, 241 and 1008: the placement's URN against Ofsted's lists.

The lists are hand-made ``Provider`` rows (a provider's council given, as the postcode lookup would
give it); test_providers.py reads the same kind of rows from workbooks.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from corparent.engine.ssda903.reader import read_return
from corparent.engine.ssda903.tables import TABLES_BY_NAME
from corparent.engine.ssda903.writer import write_table
from corparent.engine.validation.providers import Provider, ProviderList
from corparent.engine.validation.registry import NEEDS, rules_for
from corparent.engine.validation.runner import ValidationResult, validate
from tests.engine.validation.cases import flagged

OWN = "E09000033"  # the council's code, in the form PL_LA takes
OTHER = "E08000001"


def provider(
    urn: str,
    places: str = "K2",
    codes: str = "PR1",
    *,
    closed: date | None = None,
    post: str = "ZZ11AA",
    la: str | None = OWN,
) -> Provider:
    return Provider(
        urn, tuple(places.split()), tuple(codes.split()), closed, post, "Synthetic", "hand-made", la
    )


def lists(*providers: Provider, councils: bool = True) -> ProviderList:
    return ProviderList(tuple(providers), {"hand-made": "children's homes list"}, councils_known=councils)


def episode(urn: str | None, **fields: object) -> dict[str, object]:
    return {
        "CHILD": "1",
        "DECOM": "01/05/2025",
        "LS": "C2",
        "PLACE": "K2",
        "PLACE_PROVIDER": "PR1",
        "URN": urn,
    } | fields


HOMES = lists(provider("SC900001", "K2 S1", "PR1 PR3"), provider("SC900002", "K1", "PR2", post="ZZ12AB"))


def test_1008_urn_must_be_on_ofsteds_lists() -> None:
    episodes = [
        episode("SC900001"),
        episode("sc 900001"),  # case and spacing do not matter
        episode("SC999999"),  # on neither list
        episode("XXXXXXX"),  # no Ofsted registration of its own: not checked
        episode(None),
        episode("XXXXXX"),  # six Xs is not the placeholder
    ]
    assert flagged("1008", {"Episodes": episodes}, providers=HOMES) == {"Episodes": [2, 5]}
    assert flagged("1008", {"Episodes": episodes[:2] + episodes[3:5]}, providers=HOMES) == {}


def test_219_placement_type_must_be_one_the_urn_is_registered_for() -> None:
    episodes = [
        episode("SC900001", PLACE="K2"),
        episode("SC900001", PLACE="S1"),  # the second of its placement types
        episode("SC900001", PLACE="K1"),  # not registered for secure units
        episode("SC900002", PLACE="K1"),
        episode("SC999999", PLACE="K2"),  # not on the lists: no placement type matches (as the peer)
    ]
    assert flagged("219", {"Episodes": episodes}, providers=HOMES) == {"Episodes": [2, 4]}
    assert flagged("219", {"Episodes": [episodes[0], episodes[1], episodes[3]]}, providers=HOMES) == {}


def test_219_a_urn_listed_twice_matches_either_row() -> None:
    twice = lists(provider("SC900001", "K2"), provider("SC900001", "S1"))
    assert flagged("219", {"Episodes": [episode("SC900001", PLACE="S1")]}, providers=twice) == {}


def test_221_placement_postcode_should_be_the_settings() -> None:
    episodes = [
        episode("SC900001", PL_POST="zz1 1aa"),  # the same, in other case and spacing
        episode("SC900001", PL_POST="ZZ1 1AB"),  # another postcode
        episode("SC900001", PL_POST="ZZ1 1AB", LS="V3"),  # a short break: not checked
        episode("SC900001", PL_POST="ZZ1 1AB", PLACE="U1"),  # foster placement: not checked
        episode("SC900001"),  # no placement postcode: not checked
        episode("SC900002", PL_POST="ZZ1 1AA", PLACE="K1"),
    ]
    assert flagged("221", {"Episodes": episodes}, providers=HOMES) == {"Episodes": [1, 5]}
    assert flagged("221", {"Episodes": [episodes[0], *episodes[2:5]]}, providers=HOMES) == {}


def test_224_placement_provider_must_be_one_the_urn_has() -> None:
    episodes = [
        episode("SC900001", PLACE_PROVIDER="PR3"),
        episode("SC900001", PLACE_PROVIDER="PR4"),
        episode("SC900002", PLACE_PROVIDER="PR2"),
        episode("SC900002", PLACE_PROVIDER=None),
    ]
    assert flagged("224", {"Episodes": episodes}, providers=HOMES) == {"Episodes": [1, 3]}
    assert flagged("224", {"Episodes": [episodes[0], episodes[2]]}, providers=HOMES) == {}


CLOSING = lists(
    provider("SC900001", closed=date(2025, 9, 30)),
    provider("SC900002"),  # still registered
    provider("SC900003", closed=date(2025, 6, 30)),
    provider("SC900003"),  # ... on one row of two: still registered
    provider("SC900004", closed=date(2026, 3, 31)),
)


def test_227_episode_must_start_before_the_registration_ended() -> None:
    episodes = [
        episode("SC900001", DECOM="29/09/2025"),
        episode("SC900001", DECOM="30/09/2025"),  # the day it closed
        episode("SC900001", DECOM="01/11/2025"),
        episode("SC900002", DECOM="01/11/2025"),
        episode("SC900003", DECOM="01/11/2025"),
    ]
    assert flagged("227", {"Episodes": episodes}, providers=CLOSING) == {"Episodes": [1, 2]}
    assert flagged("227", {"Episodes": [episodes[0], *episodes[3:]]}, providers=CLOSING) == {}


def test_228_episode_must_end_by_the_day_the_registration_ended() -> None:
    episodes = [
        episode("SC900001", DECOM="01/05/2025", DEC="30/09/2025", REC="E11"),  # ends the day it closed
        episode("SC900001", DECOM="01/05/2025", DEC="01/10/2025", REC="E11"),
        episode("SC900001", DECOM="01/05/2025"),  # still open on 31 March, after it closed
        episode("SC900004", DECOM="01/05/2025"),  # closed on 31 March itself
        episode("SC900002", DECOM="01/05/2025"),
    ]
    assert flagged("228", {"Episodes": episodes}, providers=CLOSING) == {"Episodes": [1, 2]}
    assert flagged("228", {"Episodes": [episodes[0], *episodes[3:]]}, providers=CLOSING) == {}


COUNCILS = lists(
    provider("SC900001", "K2 K3", "PR1 PR2", la=OWN),
    provider("SC900002", "K2 K3", "PR1 PR2", la=OTHER),
    provider("SC900003", "K2", "PR1", la=None),  # postcode not found: council not known
)


@pytest.mark.parametrize("year", [2025, 2026, 2027])
def test_229_own_provision_in_the_councils_area_and_other_councils_outside(year: int) -> None:
    episodes = [
        episode("SC900001", PLACE_PROVIDER="PR1"),
        episode("SC900002", PLACE_PROVIDER="PR1"),  # own provision registered in another council
        episode("SC900001", PLACE_PROVIDER="PR2"),  # another council's, registered in ours
        episode("SC900002", PLACE_PROVIDER="PR2"),
        episode("SC900003", PLACE_PROVIDER="PR1"),  # council not known (the peer flags it)
    ]
    assert flagged("229", {"Episodes": episodes}, year=year, la_code=OWN, providers=COUNCILS) == {
        "Episodes": [1, 2]
    }
    kept = [episodes[0], episodes[3], episodes[4]]
    assert flagged("229", {"Episodes": kept}, year=year, la_code=OWN, providers=COUNCILS) == {}


def test_229_peer_difference_a_provider_whose_council_is_not_known_is_not_flagged() -> None:
    # The peer flags own provision (PR1) whenever it cannot work out the provider's council from its
    # postcode; an unknown council is neither ours nor another's.
    episodes = [episode("SC900003", PLACE_PROVIDER="PR1"), episode("SC900002", PLACE_PROVIDER="PR1")]
    assert flagged("229", {"Episodes": episodes}, la_code=OWN, providers=COUNCILS) == {"Episodes": [1]}


def test_229_from_2025_26_leaves_out_supported_accommodation_and_unregulated_placements() -> None:
    k3 = [episode("SC900002", PLACE="K3", PLACE_PROVIDER="PR1")]
    assert flagged("229", {"Episodes": k3}, year=2025, la_code=OWN, providers=COUNCILS) == {"Episodes": [0]}
    assert flagged("229", {"Episodes": k3}, year=2026, la_code=OWN, providers=COUNCILS) == {}


SUPPORTED = lists(
    provider("9900001", "K3", "PR4", la="E06000001"),
    provider("9900001", "K3", "PR4", la="E06000002"),  # premises in a second council
    provider("9900002", "K3", "PR4", la=None),
)


def test_241_supported_accommodation_where_the_provider_has_premises() -> None:
    episodes = [
        episode("9900001", PLACE="K3", PL_LA="E06000002"),
        episode("9900001", PLACE="K3", PL_LA=OWN),  # no premises there
        episode("9900001", PLACE="U1", PL_LA=OWN),  # not supported accommodation
        episode("9900001", PLACE="K3", PL_LA=None),  # placement's council not known
        episode("9900002", PLACE="K3", PL_LA=OWN),  # provider's councils not known
        episode("9900001", PLACE="K3", PL_LA="e06000001"),
    ]
    assert flagged("241", {"Episodes": episodes}, la_code=OWN, providers=SUPPORTED) == {"Episodes": [1]}
    assert flagged("241", {"Episodes": [episodes[0], *episodes[2:]]}, providers=SUPPORTED) == {}


def test_241_peer_difference_the_councils_own_code_is_not_the_providers() -> None:
    # The peer flags a K3 placement outside the placing council wherever the provider's premises are
    # (row 0), and none inside it (row 1) though the provider has no premises there.
    episodes = [
        episode("9900001", PLACE="K3", PL_LA="E06000001"),
        episode("9900001", PLACE="K3", PL_LA=OWN),
    ]
    assert flagged("241", {"Episodes": episodes}, la_code=OWN, providers=SUPPORTED) == {"Episodes": [1]}


# --- not run without the lists ------------------------------------------------------------------------

URN_RULES = ("219", "221", "224", "227", "228", "229", "241", "1008")


def _result(
    tmp_path: Path, *, la_code: str | None = None, providers: ProviderList | None = None
) -> ValidationResult:
    folder = tmp_path / "2026"
    write_table(TABLES_BY_NAME["Episodes"], [episode("SC900001")], folder / "episodes.csv")
    ret = read_return(tmp_path)
    try:
        chosen = [r for r in rules_for(2026) if r.code in URN_RULES]
        return validate(ret, year=2026, rules=chosen, la_code=la_code, providers=providers)
    finally:
        ret.con.close()


def test_every_urn_rule_is_declared_for_the_years_dfe_has_it() -> None:
    for year in (2025, 2026, 2027):
        codes = {r.code for r in rules_for(year)}
        assert set(URN_RULES) - ({"241"} if year == 2025 else set()) <= codes


def test_without_the_lists_the_urn_rules_are_reported_not_run(tmp_path: Path) -> None:
    result = _result(tmp_path, la_code=OWN)
    for code in URN_RULES:
        assert result.skipped[code] == NEEDS["providers"]
        assert code not in result.ran
    assert result.findings == []


def test_without_councils_or_la_code_229_and_241_are_reported_not_run(tmp_path: Path) -> None:
    no_councils = _result(tmp_path, la_code=OWN, providers=lists(provider("SC900001"), councils=False))
    assert no_councils.skipped["229"] == NEEDS["provider_councils"]
    assert no_councils.skipped["241"] == NEEDS["provider_councils"]
    assert "1008" in no_councils.ran
    no_code = _result(tmp_path, providers=lists(provider("SC900001")))
    assert no_code.skipped["229"] == NEEDS["la_code"]
    assert "241" in no_code.ran and "229" not in no_code.ran
