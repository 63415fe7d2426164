"""The lenient reading validation uses: a malformed date is read as NULL and kept as written.

The strict reading (the default, what indicators are computed from) refuses the same files; anything
else the reader cannot read still refuses the return when read leniently.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from corparent.engine.ssda903.model import ReturnReadError
from corparent.engine.ssda903.reader import read_return
from corparent.engine.ssda903.tables import TABLES
from tests.engine.reader_helpers import EP, HD, ep, problems_of, rows, write

KEPT = "SELECT tbl, field, value, year, _row FROM malformed_values ORDER BY tbl, _row, field"


def test_a_malformed_date_is_null_and_kept_as_written(tmp_path: Path) -> None:
    e = write(
        tmp_path / "e.csv",
        EP,
        ep("C1", "01/05/2024", "31/02/2025"),
        ep("C2", "2024-06-01"),
        ep("C3", "01/06/2024", " "),  # blank: not malformed
    )
    write(tmp_path / "h.csv", HD, "C1,M,01/01/2010,WBRI,,0,1/1/24", "C2,F, 02/02/2012 ,WBRI,,1,")

    ret = read_return(tmp_path, lenient_dates=True)

    assert ret.years == [2025] and ret.malformed == 3
    assert rows(ret.con, KEPT) == [
        ("Episodes", "DEC", "31/02/2025", 2025, 0),
        ("Episodes", "DECOM", "2024-06-01", 2025, 1),
        ("Header", "MC_DOB", "1/1/24", 2025, 0),
    ]
    assert rows(ret.con, "SELECT DISTINCT _file FROM malformed_values WHERE tbl = 'Episodes'") == [(str(e),)]
    got = rows(ret.con, "SELECT CHILD, DECOM, DEC, _row FROM episodes_all ORDER BY _row")
    assert got == [
        ("C1", date(2024, 5, 1), None, 0),
        ("C2", None, None, 1),
        ("C3", date(2024, 6, 1), None, 2),
    ]
    got = rows(ret.con, "SELECT CHILD, DOB, MC_DOB FROM header_all ORDER BY _row")
    assert got == [("C1", date(2010, 1, 1), None), ("C2", date(2012, 2, 2), None)]

    strict = {(p.row, p.column, p.value) for p in problems_of(tmp_path)}
    assert strict == {(0, "DEC", "31/02/2025"), (1, "DECOM", "2024-06-01"), (0, "MC_DOB", "1/1/24")}


def test_a_clean_return_reads_the_same_both_ways(tmp_path: Path) -> None:
    write(tmp_path / "e.csv", EP, ep("C1", "01/05/2024", "1/6/2024", "E11"), ep("C2", "01/06/2024"))
    strict, lenient = read_return(tmp_path), read_return(tmp_path, lenient_dates=True)
    for spec in TABLES:
        sql = f"SELECT * EXCLUDE (_file) FROM {spec.key}_all ORDER BY _row"
        assert rows(strict.con, sql) == rows(lenient.con, sql)
    assert strict.malformed == lenient.malformed == 0
    assert rows(lenient.con, KEPT) == []


def test_year_folders_keep_each_years_malformed_dates_apart(tmp_path: Path) -> None:
    write(tmp_path / "2024" / "e.csv", EP, ep("C1", "01/05/2023"), ep("C1", "01/06/2023", "zz"))
    write(tmp_path / "2025" / "e.csv", EP, ep("C1", "31/04/2024"), ep("C2", "01/06/2024"))
    ret = read_return(tmp_path, lenient_dates=True)
    assert rows(ret.con, KEPT) == [
        ("Episodes", "DECOM", "31/04/2024", 2025, 0),
        ("Episodes", "DEC", "zz", 2024, 1),
    ]


def test_other_unreadable_values_still_refuse_the_return_naming_only_them(tmp_path: Path) -> None:
    write(tmp_path / "e.csv", EP, ep("C1", "01/05/2024", "31/02/2025"))
    oc2 = write(
        tmp_path / "oc2.csv",
        ",".join(c.name for c in TABLES[4].columns),
        "C1,2010-01-01,twelve,,0,,1,1,1,0,,",
    )
    problems = problems_of(tmp_path, lenient_dates=True)
    assert [(p.file, p.row, p.column, p.value) for p in problems] == [(str(oc2), 0, "SDQ_SCORE", "twelve")]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "a header row (the file is empty)"),
        (b"CHILD,FAVOURITE_COLOUR\n1,blue\n", "the columns of a 903 table"),
        ("\ufeffCHILD,DECOM\n".encode("utf-16"), "UTF-8 or Windows-1252"),
    ],
)
def test_a_file_that_cannot_be_read_still_refuses_the_return(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    write(tmp_path / "e.csv", EP, ep("C1", "01/05/2024", "31/02/2025"))
    (tmp_path / "other.csv").write_bytes(content)
    problems = problems_of(tmp_path, lenient_dates=True)
    assert any(expected in p.expected for p in problems)


def test_when_the_only_dates_are_malformed_the_year_cannot_be_told_and_they_are_named(
    tmp_path: Path,
) -> None:
    path = write(tmp_path / "e.csv", EP, ep("C1", "31/02/2024"))
    problems = problems_of(tmp_path, lenient_dates=True)
    assert any("DECOM or DEC date to tell the collection year from" in p.expected for p in problems)
    assert (str(path), 0, "DECOM", "31/02/2024") in {(p.file, p.row, p.column, p.value) for p in problems}
    assert read_return(tmp_path, year=2024, lenient_dates=True).malformed == 1  # with the year given


def test_a_lenient_read_that_fails_leaves_the_connection_as_it_was(tmp_path: Path) -> None:
    write(tmp_path / "e.csv", EP, ep("C1", "31/02/2024"))
    con = duckdb.connect()
    with pytest.raises(ReturnReadError):
        read_return(tmp_path, con=con, lenient_dates=True)
    assert rows(con, "SELECT table_name FROM duckdb_tables()") == []


def test_windows_1252_files_are_read_leniently_too(tmp_path: Path) -> None:
    write(tmp_path / "e.csv", EP, ep("C1", "01/05/2024"))
    write(tmp_path / "h.csv", HD, "C1,F,01/01/2010,WBRI,Café,1,31/02/2025", charset="cp1252")
    ret = read_return(tmp_path, lenient_dates=True)
    assert rows(ret.con, KEPT) == [("Header", "MC_DOB", "31/02/2025", 2025, 0)]
    assert rows(ret.con, "SELECT UPN FROM header_all") == [("Café",)]


def test_figures_are_not_computed_from_a_return_with_dates_that_are_not_dates(tmp_path: Path) -> None:
    """The lenient reading is for validation only: computing figures from it is refused, naming why."""
    from corparent.engine.indicators.engine import compute

    write(tmp_path / "e.csv", EP, ep("C1", "01/05/2024", "31/02/2025"), ep("C2", "01/06/2024"))
    with pytest.raises(ValueError, match="1 date\\(s\\) that are not valid dates"):
        compute(read_return(tmp_path, lenient_dates=True), date(2025, 3, 31), indicators=["cla"])
    write(tmp_path / "e.csv", EP, ep("C1", "01/05/2024", "01/02/2025"), ep("C2", "01/06/2024"))
    lenient_but_clean = compute(
        read_return(tmp_path, lenient_dates=True), date(2025, 3, 31), indicators=["cla"]
    )
    assert lenient_but_clean.results
