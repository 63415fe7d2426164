"""`corparent validate DATA --providers FILE --providers FILE`: the rules on Ofsted URNs from the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from corparent.cli import app
from corparent.engine.ssda903.tables import TABLES_BY_NAME
from corparent.engine.ssda903.writer import write_table

runner = CliRunner()
OFSTED = Path(__file__).resolve().parent / "fixtures" / "ofsted"
LISTS = [
    "--providers",
    str(OFSTED / "childrens-homes.xlsx"),
    "--providers",
    str(OFSTED / "social-care-providers.xlsx"),
]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A one-child return whose children's home (SC900001) is on the lists and whose earlier placement's
    URN (SC999999) is not."""
    folder = tmp_path / "2026"
    header = [{"CHILD": "1", "SEX": "M", "DOB": "01/05/2012", "ETHNIC": "WBRI", "UPN": "A123456789012"}]
    base = {"CHILD": "1", "LS": "C2", "CIN": "N1", "PLACE": "K2", "PLACE_PROVIDER": "PR1"}
    episodes = [
        base
        | {
            "DECOM": "01/05/2025",
            "RNE": "S",
            "DEC": "01/06/2025",
            "REC": "X1",
            "REASON_PLACE_CHANGE": "CARPL",
        }
        | {"HOME_POST": "ZZ1 1", "PL_POST": "ZZ1 1AA", "URN": "SC999999"},
        base
        | {"DECOM": "01/06/2025", "RNE": "P", "HOME_POST": "ZZ1 1", "PL_POST": "ZZ1 1AA", "URN": "SC900001"},
    ]
    write_table(TABLES_BY_NAME["Header"], header, folder / "header.csv")
    write_table(TABLES_BY_NAME["Episodes"], episodes, folder / "episodes.csv")
    return folder


def test_without_the_lists_the_urn_rules_are_named_as_not_run(data: Path) -> None:
    result = runner.invoke(app, ["validate", str(data), "--year", "2026", "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    assert not {f["rule"] for f in json.loads(result.stdout)} & {"219", "221", "224", "227", "228", "1008"}
    assert (
        "Rules 219, 221, 224, 227, 228, 229, 241, 1008 not run: Ofsted's lists of children's homes and "
        "social care providers were not supplied (--providers)." in result.stderr
    )


def test_with_the_lists_a_urn_on_neither_is_found(data: Path) -> None:
    result = runner.invoke(app, ["validate", str(data), "--year", "2026", "--format", "json", *LISTS])
    findings = json.loads(result.stdout)
    assert {(f["rule"], f["row"]) for f in findings if f["rule"] in {"1008", "219", "224"}} == {
        ("1008", 0),
        ("219", 0),  # not on the lists: no placement type of its matches (as the peer)
        ("224", 0),
    }
    assert result.exit_code == 1  # 1008 is an error
    assert "1008" not in result.stderr


def test_lists_that_cannot_be_read_exit_2_naming_file_sheet_row_and_column(data: Path) -> None:
    bad = [
        "--providers",
        str(OFSTED / "bad-date.xlsx"),
        "--providers",
        str(OFSTED / "social-care-providers.xlsx"),
    ]
    result = runner.invoke(app, ["validate", str(data), *bad])
    assert result.exit_code == 2
    assert "bad-date.xlsx, sheet 'Provider information', row 2, column 'Closed Date': 'last Tuesday'" in (
        result.stderr
    )
    alone = runner.invoke(app, ["validate", str(data), "--providers", str(OFSTED / "childrens-homes.xlsx")])
    assert alone.exit_code == 2
    assert "social care providers list as well" in alone.stderr
