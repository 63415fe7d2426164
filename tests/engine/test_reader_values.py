"""The 903 reader: encodings, typing, and bad values named by file, row, column and value."""

from __future__ import annotations

import hashlib
import tempfile
from datetime import date
from pathlib import Path

import pytest

from corparent.engine.ssda903 import csvsql
from corparent.engine.ssda903.model import ReadProblem, ReturnReadError
from corparent.engine.ssda903.reader import read_return
from corparent.engine.ssda903.tables import TABLES
from tests.engine.reader_helpers import EP, HD, ep, problems_of, rows, write

# --- encodings ---------------------------------------------------------------------------------------


def test_utf8_with_bom(tmp_path: Path) -> None:
    write(tmp_path / "e.csv", EP, ep("C1", "01/04/2024"), bom=True)
    r = read_return(tmp_path)
    assert [f.encoding for f in r.files] == ["utf-8-sig"]
    assert rows(r.con, "SELECT CHILD FROM episodes") == [("C1",)]


def test_windows_1252_is_read_and_its_copy_removed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    write(tmp_path / "r" / "e.csv", EP, ep("C1", "01/04/2024"))
    path = write(
        tmp_path / "r" / "prev.csv",
        "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM",
        "C1,01/01/2010,Z1,Café £5,zz/zz/2015",
        charset="cp1252",
    )
    r = read_return(tmp_path / "r")
    assert rows(r.con, "SELECT LA_PERM, DATE_PERM FROM prev_perm") == [("Café £5", "zz/zz/2015")]
    [source] = [f for f in r.files if f.table == "PrevPerm"]
    assert source.encoding == "cp1252"
    assert source.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert list(scratch.iterdir()) == []


def test_utf8_text_is_read_as_utf8(tmp_path: Path) -> None:
    write(tmp_path / "e.csv", EP, ep("C1", "01/04/2024"))
    write(tmp_path / "prev.csv", "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM", "C1,01/01/2010,Z1,Café £5,")
    r = read_return(tmp_path)
    assert rows(r.con, "SELECT LA_PERM FROM prev_perm") == [("Café £5",)]
    assert {f.encoding for f in r.files} == {"utf-8"}


def test_bytes_neither_utf8_nor_windows_1252(tmp_path: Path) -> None:
    write(tmp_path / "e.csv", EP, ep("C1", "01/04/2024"))
    (tmp_path / "bad.csv").write_bytes(b"CHILD,DOB,REVIEW,REVIEW_CODE\nC\x81\xff,01/01/2010,,\n")
    (tmp_path / "utf16.csv").write_bytes("CHILD,DOB,REVIEW,REVIEW_CODE\n".encode("utf-16"))
    problems = problems_of(tmp_path)
    assert [p.file for p in problems] == [str(tmp_path / "bad.csv"), str(tmp_path / "utf16.csv")]
    assert all("UTF-8 or Windows-1252" in str(p) for p in problems)


# --- typing ------------------------------------------------------------------------------------------


def test_optional_columns_present_or_absent(tmp_path: Path) -> None:
    write(tmp_path / "2024" / "e.csv", EP, ep("C1", "01/04/2023"))
    write(
        tmp_path / "2025" / "e.csv",
        EP + ",PL_LOCATION,PL_DISTANCE",
        ep("C2", "01/04/2024", a="out", b="12.5"),
        ep("C3", "01/04/2024", a="IN", b=" 999.9 "),
    )
    r = read_return(tmp_path)
    assert r.columns["Episodes"] == {"PL_LOCATION", "PL_DISTANCE"}
    assert r.has("Episodes", "PL_DISTANCE") and not r.has("Episodes", "PL_LA")
    assert rows(r.con, "SELECT CHILD, PL_LOCATION, PL_DISTANCE, PL_LA FROM episodes_all ORDER BY CHILD") == [
        ("C1", None, None, None),
        ("C2", "OUT", 12.5, None),
        ("C3", "IN", 999.9, None),
    ]


def test_sex_is_text_in_both_code_sets_and_unknown_codes_are_kept(tmp_path: Path) -> None:
    write(tmp_path / "e.csv", EP, ep("C1", "01/04/2024", ls="ZZ"))
    write(
        tmp_path / "h.csv",
        HD,
        *(f"C{n},{s},01/01/2010,WBRI,,," for n, s in enumerate(["1", "2", "M", "f", " U ", "9"])),
    )
    r = read_return(tmp_path)
    assert rows(r.con, "SELECT SEX FROM header_all ORDER BY _row") == [
        ("1",),
        ("2",),
        ("M",),
        ("F",),
        ("U",),
        ("9",),
    ]
    assert rows(r.con, "SELECT LS FROM episodes") == [("ZZ",)]


def test_values_are_trimmed_blank_is_null_and_dates_take_one_digit_days(tmp_path: Path) -> None:
    write(
        tmp_path / "e.csv",
        EP,
        ep(" C1 ", " 1/4/2024 ", "   ", " e11 "),  # whitespace-only date: NULL (the careful path)
        ep("C2", "01/4/2024", '""'),
    )
    r = read_return(tmp_path)
    assert rows(r.con, "SELECT CHILD, DECOM, DEC, REC, REASON_PLACE_CHANGE FROM episodes ORDER BY CHILD") == [
        ("C1", date(2024, 4, 1), None, "E11", None),
        ("C2", date(2024, 4, 1), None, None, None),
    ]


def test_integers_and_decimals(tmp_path: Path) -> None:
    write(tmp_path / "e.csv", EP, ep("C1", "01/04/2024"))
    oc2 = ",".join(c.name for c in TABLES[4].columns)
    write(tmp_path / "oc2.csv", oc2, "C1,01/01/2010, 17 ,,0,,1,1,1,0,,", "C2,01/01/2010,,SDQ1,0,,1,1,1,0,,")
    r = read_return(tmp_path)
    assert rows(r.con, "SELECT CHILD, SDQ_SCORE, SDQ_REASON FROM oc2 ORDER BY CHILD") == [
        ("C1", 17, None),
        ("C2", None, "SDQ1"),
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("31/02/2024", "a date as DD/MM/YYYY"),
        ("2024-02-01", "a date as DD/MM/YYYY"),
        ("01/02/24", "a date as DD/MM/YYYY"),
        ("01/02/2024 00:00", "a date as DD/MM/YYYY"),
    ],
)
def test_a_bad_date_is_named_by_file_row_column_value_and_expected(
    tmp_path: Path, value: str, expected: str
) -> None:
    path = write(tmp_path / "e.csv", EP, ep("C1", "01/04/2024"), ep("C2", value))
    [problem] = problems_of(tmp_path)
    assert problem == ReadProblem(str(path), 1, "DECOM", value, expected)
    assert problem.line == 3
    text = str(ReturnReadError([problem]))
    for part in (str(path), "row 1", "line 3", "DECOM", repr(value), expected):
        assert part in text


def test_every_bad_value_in_every_file_is_reported(tmp_path: Path) -> None:
    e = write(
        tmp_path / "e.csv", EP, ep("C1", "1st April"), ep("C2", "01/04/2024"), ep("C3", "01/04/2024", "soon")
    )
    oc2 = write(
        tmp_path / "oc2.csv",
        ",".join(c.name for c in TABLES[4].columns),
        "C1,01/01/2010,12.5,,0,,1,1,1,0,,",
        "C2,01/13/2010,x,,0,,1,1,1,0,,",
    )
    got = {(p.file, p.row, p.column, p.value) for p in problems_of(tmp_path)}
    assert got == {
        (str(e), 0, "DECOM", "1st April"),
        (str(e), 2, "DEC", "soon"),
        (str(oc2), 0, "SDQ_SCORE", "12.5"),
        (str(oc2), 1, "DOB", "01/13/2010"),
        (str(oc2), 1, "SDQ_SCORE", "x"),
    }


def test_problems_are_capped_with_a_count_of_the_rest(tmp_path: Path) -> None:
    n = csvsql.MAX_PROBLEMS + 250
    write(tmp_path / "e.csv", EP, *(ep(f"C{i}", "bad") for i in range(n)))
    problems = problems_of(tmp_path)
    assert len(problems) == csvsql.MAX_PROBLEMS + 1
    assert [p.row for p in problems[:3]] == [0, 1, 2]
    assert "250 more" in str(problems[-1])
