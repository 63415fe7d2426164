"""Reading Ofsted's provider lists (hand-made stand-ins in tests/fixtures/ofsted; make.py writes them)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from corparent.engine.ssda903 import postcodes
from corparent.engine.validation import providers as P
from corparent.engine.validation import providers_synth as S
from tests.engine.validation.cases import flagged

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "ofsted"
HOMES, SCP, COMBINED = (
    HERE / "childrens-homes.xlsx",
    HERE / "social-care-providers.xlsx",
    HERE / "combined.xlsx",
)


def problems(*paths: Path) -> list[str]:
    with pytest.raises(P.ProviderReadError) as caught:
        P.read_provider_lists(list(paths), councils=False)
    return [str(p) for p in caught.value.problems]


def test_reads_the_childrens_homes_and_social_care_providers_lists() -> None:
    got = P.read_provider_lists([HOMES, SCP], councils=False)
    assert sorted(got.files.values()) == [P.CHILDRENS_HOMES, P.SOCIAL_CARE_PROVIDERS]
    by_urn = {p.urn: p for p in got.providers}
    assert list(by_urn) == ["SC900001", "SC900002", "SC900003", "SC900101", "9900102", "SC900103"]
    assert by_urn["SC900002"].place_codes == ("K2", "S1")  # "K2/S1"
    assert by_urn["SC900002"].closed == date(2025, 9, 30)
    assert by_urn["9900102"].provider_codes == ("PR4", "PR5")  # a number cell; "PR4, PR5"
    assert by_urn["9900102"].postcode == "ZZ22AB"  # "zz2 2ab"
    assert by_urn["SC900103"].closed == date(2024, 12, 31)  # typed as text, on the closed sheet
    assert by_urn["SC900103"].source == "social-care-providers.xlsx, sheet 'Providers closed', row 2"
    assert by_urn["SC900001"].closed is None and by_urn["SC900001"].la_code is None
    # Provider Code "PR1" and Provider Placement Code "K2", or "K2" and "PR4": told apart by their form
    assert (by_urn["SC900001"].place_codes, by_urn["SC900001"].provider_codes) == (("K2",), ("PR1",))
    assert (by_urn["SC900003"].place_codes, by_urn["SC900003"].provider_codes) == (("K2",), ("PR4",))
    assert not got.councils_known


def test_reads_the_combined_list_with_its_supported_accommodation_sheet() -> None:
    got = P.read_provider_lists([COMBINED], councils=False)
    assert got.files == {str(COMBINED): P.COMBINED}
    home, supported = got.providers
    assert (home.urn, home.place_codes, home.provider_codes) == ("SC900201", ("K2",), ("PR1",))
    assert (supported.urn, supported.place_codes, supported.provider_codes) == ("9900202", ("K3",), ("PR4",))


def test_reads_the_older_childrens_homes_list_with_addresses_on_their_own_sheet() -> None:
    kind, found = P.read_provider_file(HERE / "childrens-homes-two-sheets.xlsx")
    assert kind == P.CHILDRENS_HOMES
    assert [(p.urn, p.postcode) for p in found] == [
        ("SC900001", "ZZ11AA"),
        ("SC900002", "ZZ12AB"),
        ("SC900003", "SW1A1AA"),
    ]


def test_the_header_may_sit_under_a_title(tmp_path: Path) -> None:
    path = tmp_path / "titled.xlsx"
    S.write_workbook(path, [("Provider information", ("Children's homes as at 31 March",), [])])
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb["Provider information"]
    ws.append(list(S.CH_COLUMNS))
    ws.append(["SC900001", "Home", "Synthetic", "PR1", "K2", None, "ZZ1 1AA"])
    wb.save(path)
    kind, found = P.read_provider_file(path)
    assert kind == P.CHILDRENS_HOMES and [p.source for p in found] == [
        "titled.xlsx, sheet 'Provider information', row 3"
    ]


def test_a_bad_date_names_file_sheet_row_and_column() -> None:
    assert problems(HERE / "bad-date.xlsx", SCP) == [
        "bad-date.xlsx, sheet 'Provider information', row 2, column 'Closed Date': 'last Tuesday': "
        "expected a date (DD/MM/YYYY)"
    ]


def test_a_missing_column_is_named() -> None:
    (problem,) = problems(HERE / "wrong-columns.xlsx", SCP)
    assert problem.startswith("wrong-columns.xlsx, sheet 'Provider information': expected the column(s)")
    assert "'provider placement code' or 'placement code'" in problem and "(row 1)" in problem


def test_a_file_that_is_not_a_list_a_workbook_or_there_is_refused() -> None:
    got = problems(HERE / "not-a-list.xlsx", HERE / "not-a-workbook.xlsx", HERE / "nowhere.xlsx")
    assert got[0].startswith("not-a-list.xlsx: expected one of Ofsted's provider lists")
    assert got[1] == "not-a-workbook.xlsx: expected an Excel workbook (.xlsx) of Ofsted's (BadZipFile)"
    assert got[2].endswith("nowhere.xlsx: expected a file (no such file)")


def test_one_list_without_the_other_is_refused() -> None:
    (problem,) = problems(HOMES)
    assert "expected Ofsted's social care providers list as well" in problem
    (problem,) = problems(SCP)
    assert "expected Ofsted's children's homes list as well" in problem
    assert problems() == ["--providers: expected at least one of Ofsted's provider lists"]


@pytest.mark.skipif(
    not postcodes.available(), reason=f"the postcodes extra ({postcodes.REQUIREMENT}) is not installed"
)
def test_each_providers_council_is_worked_out_from_its_postcode() -> None:
    got = P.read_provider_lists([HOMES, SCP])
    assert got.councils_known
    councils = {p.urn: p.la_code for p in got.providers}
    assert councils["SC900003"] == "E09000033"  # SW1A 1AA: Westminster
    assert councils["SC900001"] is None  # ZZ: no such area


def test_load_writes_the_table_the_rules_read() -> None:
    con = duckdb.connect()
    P.load(con, "providers", P.read_provider_lists([HOMES, SCP], councils=False))
    rows = con.execute(
        "SELECT URN, PLACE_CODES, PROVIDER_CODES, CLOSED, POSTCODE FROM providers WHERE URN = 'SC900002'"
    ).fetchall()
    assert rows == [("SC900002", ["K2", "S1"], ["PR3"], date(2025, 9, 30), "ZZ12AB")]
    assert con.execute("SELECT count(*) FROM providers").fetchone() == (6,)
    P.load(con, "empty", P.ProviderList(()))
    assert con.execute("SELECT count(*) FROM empty").fetchone() == (0,)


def test_1008_against_the_lists_as_read_from_their_files() -> None:
    lists = P.read_provider_lists([HOMES, SCP], councils=False)
    episodes = [
        {"CHILD": "1", "DECOM": "01/05/2025", "PLACE": "K3", "URN": "9900102"},  # a number cell on the list
        {"CHILD": "2", "DECOM": "01/05/2025", "PLACE": "K2", "URN": "SC900201"},  # on the combined list only
    ]
    assert flagged("1008", {"Episodes": episodes}, providers=lists) == {"Episodes": [1]}


def test_synthetic_lists_for_a_return_cover_its_urns(tmp_path: Path) -> None:
    folder = tmp_path / "2026"
    folder.mkdir()
    (folder / "episodes.csv").write_text(
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
        + "".join(f"{n},01/05/2025,S,C2,N1,K2,PR4,,,,ZZ1,ZZ1 1AA,SC{900000 + n}\n" for n in range(200))
        + "999,01/05/2025,S,C2,N1,U1,PR4,,,,ZZ1,ZZ1 1AB,SC999999\n",
        encoding="utf-8",
    )
    ch, scp = S.lists_for_return(folder, tmp_path / "ofsted", year=2026, seed=1)
    got = P.read_provider_lists([ch, scp], councils=False)
    urns = {p.urn for p in got.providers}
    assert "SC999999" in urns and 150 < len(urns) < 200  # some left off on purpose (rule 1008)
    assert any(p.closed for p in got.providers)  # some closed (rules 227 and 228)
