"""The 903 reader: tables recognised by columns, years joined, whole-file problems, atomicity."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import duckdb
import pytest

from corparent.engine.ssda903 import encoding
from corparent.engine.ssda903.model import ReturnReadError
from corparent.engine.ssda903.reader import read_return
from corparent.engine.ssda903.tables import EPISODES, TABLES
from tests.engine.reader_helpers import EP, HD, ep, problems_of, rows, write

# --- recognition --------------------------------------------------------------------------------------


def test_tables_are_recognised_by_their_columns_in_any_order_and_any_file_name(tmp_path: Path) -> None:
    cols = list(reversed(EPISODES.column_names))
    values = dict(
        zip(EPISODES.column_names, ep("C1", "01/04/2024", "10/05/2024", "E11").split(","), strict=True)
    )
    write(
        tmp_path / "zz Weird NAME.CSV",
        ",".join(f" {c.lower()} " for c in cols),
        ",".join(values[c] for c in cols),
    )
    write(tmp_path / "data1.csv", "DOB,CHILD,SEX,ETHNIC,UPN,MOTHER,MC_DOB", "01/02/2010,C1,1,WBRI,A123,,")
    (tmp_path / "manifest.json").write_text('{"not": "a csv"}')
    (tmp_path / "notes.txt").write_text("CHILD,DECOM\n")

    r = read_return(tmp_path)

    assert r.present == {"Episodes", "Header"}
    assert {(f.path.name, f.table) for f in r.files} == {
        ("zz Weird NAME.CSV", "Episodes"),
        ("data1.csv", "Header"),
    }
    assert rows(r.con, "SELECT CHILD, DECOM, DEC, REC, PL_POST FROM episodes") == [
        ("C1", date(2024, 4, 1), date(2024, 5, 10), "E11", "CD3 4")
    ]
    assert rows(r.con, "SELECT CHILD, SEX, DOB, ETHNIC FROM header") == [
        ("C1", "1", date(2010, 2, 1), "WBRI")
    ]
    assert r.years == [2025]


def test_every_table_exists_typed_even_without_a_file(tmp_path: Path) -> None:
    write(tmp_path / "e.csv", EP, ep("C1", "01/04/2024"))
    r = read_return(tmp_path)
    for spec in TABLES:
        for name in (spec.key, f"{spec.key}_all"):
            described = rows(r.con, f'DESCRIBE "{name}"')
            expected = [(c.name, c.sql_type) for c in spec.all_columns]
            expected += [("year", "INTEGER"), ("_file", "VARCHAR"), ("_row", "BIGINT")]
            assert [(d[0], d[1]) for d in described] == expected
    assert rows(r.con, "SELECT count(*) FROM missing_all") == [(0,)]
    assert "Missing" not in r.present and not r.has("Missing")


def test_header_only_file_is_an_empty_table(tmp_path: Path) -> None:
    write(tmp_path / "e.csv", EP, ep("C1", "01/04/2024"))
    write(tmp_path / "reviews.csv", "CHILD,DOB,REVIEW,REVIEW_CODE")
    r = read_return(tmp_path)
    assert "Reviews" in r.present
    assert rows(r.con, "SELECT count(*) FROM reviews_all") == [(0,)]
    assert [f.rows for f in r.files if f.table == "Reviews"] == [0]


# --- years -------------------------------------------------------------------------------------------


def test_year_folders_are_joined_with_the_latest_year_winning(tmp_path: Path) -> None:
    write(
        tmp_path / "2024" / "episodes.csv",
        EP,
        ep("C1", "01/06/2023"),  # open at the end of 2023-24
        ep("C2", "01/05/2023", "01/07/2023", "E4A"),
        ep("C3", "", ""),  # no DECOM: kept, never joined
    )
    write(
        tmp_path / "2025" / "episodes.csv",
        EP,
        ep("C1", "01/06/2023", "01/02/2025", "E11"),  # the same episode, now closed
        ep("C3", "", ""),
    )
    write(tmp_path / "2024" / "header.csv", HD, "C1,1,01/01/2010,WBRI,,,", "C2,2,01/01/2011,WBRI,,,")
    write(tmp_path / "2025" / "header.csv", HD, "C1,M,01/01/2010,WIRI,,,")
    write(
        tmp_path / "2024" / "oc2.csv",
        ",".join(c.name for c in TABLES[4].columns),
        "C1,01/01/2010,12,,0,,1,1,1,0,,",
    )
    write(
        tmp_path / "2025" / "oc2.csv",
        ",".join(c.name for c in TABLES[4].columns),
        "C1,01/01/2010,14,,0,,1,1,1,0,,",
    )

    r = read_return(tmp_path)

    assert r.years == [2024, 2025]
    assert rows(r.con, "SELECT CHILD, DEC, REC, year, _file FROM episodes WHERE CHILD = 'C1'") == [
        ("C1", date(2025, 2, 1), "E11", 2025, str(tmp_path / "2025" / "episodes.csv"))
    ]
    assert rows(r.con, "SELECT CHILD, DEC, year FROM episodes WHERE CHILD = 'C2'") == [
        ("C2", date(2023, 7, 1), 2024)
    ]
    assert rows(r.con, "SELECT count(*) FROM episodes WHERE CHILD = 'C3'") == [
        (2,)
    ]  # incomplete key: both kept
    assert rows(r.con, "SELECT count(*) FROM episodes_all") == [(5,)]
    assert rows(r.con, "SELECT CHILD, SEX, ETHNIC, year FROM header ORDER BY CHILD") == [
        ("C1", "M", "WIRI", 2025),
        ("C2", "2", "WBRI", 2024),
    ]
    assert rows(r.con, "SELECT year, SDQ_SCORE FROM oc2 ORDER BY year") == [(2024, 12), (2025, 14)]
    assert sorted((f.year, f.table) for f in r.files) == [
        (2024, "Episodes"),
        (2024, "Header"),
        (2024, "OC2"),
        (2025, "Episodes"),
        (2025, "Header"),
        (2025, "OC2"),
    ]


def test_duplicate_keys_in_one_year_keep_one_row_the_first(tmp_path: Path) -> None:
    write(tmp_path / "e.csv", EP, ep("C1", "01/06/2023", ls="C1"), ep("C1", "01/06/2023", ls="C2"))
    r = read_return(tmp_path)
    assert rows(r.con, "SELECT LS, _row FROM episodes") == [("C1", 0)]
    assert rows(r.con, "SELECT count(*) FROM episodes_all") == [(2,)]


def test_single_folder_year_is_inferred_from_the_latest_episode_date(tmp_path: Path) -> None:
    write(tmp_path / "a" / "e.csv", EP, ep("C1", "01/06/2023", "15/04/2024", "E11"), ep("C2", "02/02/2024"))
    assert read_return(tmp_path / "a").years == [2025]  # 15 April 2024 is in 2024-25
    write(tmp_path / "b" / "e.csv", EP, ep("C1", "01/06/2023", "31/03/2024", "E11"))
    r = read_return(tmp_path / "b")
    assert r.years == [2024]
    assert rows(r.con, "SELECT DISTINCT year FROM episodes_all") == [(2024,)]
    assert read_return(tmp_path / "b", year=2023).years == [2023]


def test_single_folder_without_episodes_needs_year(tmp_path: Path) -> None:
    write(tmp_path / "h.csv", HD, "C1,1,01/01/2010,WBRI,,,")
    [problem] = problems_of(tmp_path)
    assert "year=" in problem.expected
    assert read_return(tmp_path, year=2025).years == [2025]


# --- whole-file problems -----------------------------------------------------------------------------


def test_unrecognised_file_names_the_closest_table_and_its_missing_columns(tmp_path: Path) -> None:
    write(tmp_path / "e.csv", EP, ep("C1", "01/04/2024"))
    cols = [c for c in EPISODES.column_names if c not in ("DEC", "URN")] + ["FOO"]
    path = write(tmp_path / "mystery.csv", ",".join(cols))
    [problem] = problems_of(tmp_path)
    assert problem.file == str(path) and problem.row is None
    assert problem.value == ", ".join(cols)
    assert "closest is Episodes" in problem.expected
    assert "missing DEC, URN" in problem.expected
    assert "FOO" in problem.expected


def test_zero_byte_file(tmp_path: Path) -> None:
    write(tmp_path / "e.csv", EP, ep("C1", "01/04/2024"))
    (tmp_path / "empty.csv").write_bytes(b"")
    [problem] = problems_of(tmp_path)
    assert problem.file == str(tmp_path / "empty.csv")
    assert "header row" in problem.expected and "empty" in problem.expected


def test_two_files_for_one_table_in_one_year(tmp_path: Path) -> None:
    write(tmp_path / "2025" / "a.csv", EP, ep("C1", "01/04/2024"))
    write(tmp_path / "2025" / "b.csv", EP, ep("C2", "01/04/2024"))
    write(tmp_path / "2024" / "c.csv", EP, ep("C3", "01/04/2023"))  # another year: fine
    [problem] = problems_of(tmp_path)
    assert problem.file == str(tmp_path / "2025" / "b.csv")
    assert "one Episodes file for 2025" in problem.expected and "a.csv" in problem.expected


def test_duplicate_column_in_a_header(tmp_path: Path) -> None:
    write(tmp_path / "e.csv", EP + ",DEC", ep("C1", "01/04/2024") + ",")
    [problem] = problems_of(tmp_path, year=2025)
    assert "DEC appear more than once" in problem.expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (ep("C2", "01/04/2024") + ",extra", "13 comma-separated values as in the header row (found 14)"),
        ('C2,"01/04/2024,S', 'a closing double quote (") after a quoted value'),
    ],
)
def test_malformed_csv_names_the_row(tmp_path: Path, line: str, expected: str) -> None:
    path = write(tmp_path / "e.csv", EP, ep("C1", "01/04/2024"), line, ep("C3", "01/04/2024"))
    [problem] = problems_of(tmp_path)
    assert (problem.file, problem.row, problem.line, problem.expected) == (str(path), 1, 3, expected)


def test_not_a_folder_and_no_csv_files(tmp_path: Path) -> None:
    assert "folder" in problems_of(tmp_path / "nowhere")[0].expected
    (tmp_path / "readme.txt").write_text("hello")
    assert "CSV files" in problems_of(tmp_path)[0].expected


# --- atomicity, rows, files, progress ---------------------------------------------------------------


def test_a_failed_read_leaves_the_connection_unchanged(tmp_path: Path) -> None:
    con = duckdb.connect()
    con.execute("CREATE TABLE mine AS SELECT 1 AS x")
    write(tmp_path / "good" / "e.csv", EP, ep("C1", "01/04/2024"))
    read_return(tmp_path / "good", con=con)
    before = rows(con, "SELECT table_name FROM duckdb_tables() ORDER BY table_name")

    write(tmp_path / "bad" / "e.csv", EP, ep("C9", "01/04/2024"))
    write(tmp_path / "bad" / "h.csv", HD, "C9,1,31/31/2010,WBRI,,,")  # fails after Episodes loaded
    with pytest.raises(ReturnReadError):
        read_return(tmp_path / "bad", con=con)

    assert rows(con, "SELECT table_name FROM duckdb_tables() ORDER BY table_name") == before
    assert rows(con, "SELECT CHILD FROM episodes") == [("C1",)]
    assert rows(con, "SELECT count(*) FROM header_all") == [(0,)]
    assert rows(con, "SELECT x FROM mine") == [(1,)]


def test_a_failed_read_into_a_fresh_connection_adds_no_tables(tmp_path: Path) -> None:
    con = duckdb.connect()
    write(tmp_path / "e.csv", EP, ep("C1", "01/04/2024"), ep("C2", "bad"))
    with pytest.raises(ReturnReadError):
        read_return(tmp_path, con=con)
    assert rows(con, "SELECT count(*) FROM duckdb_tables()") == [(0,)]


def test_row_numbers_follow_the_file(tmp_path: Path) -> None:
    write(tmp_path / "e.csv", EP, *(ep(f"C{i}", "01/04/2024", ls=f"L{i}") for i in range(5)))
    r = read_return(tmp_path)
    assert rows(r.con, "SELECT _row, CHILD FROM episodes_all ORDER BY _row") == [
        (i, f"C{i}") for i in range(5)
    ]


def test_row_numbers_follow_a_large_file_read_in_parallel(tmp_path: Path) -> None:
    folder = tmp_path / "r"
    folder.mkdir()
    n = 300_000
    with duckdb.connect() as con:  # DuckDB writes the file quickly; CHILD is the data row number
        con.execute(
            "COPY (SELECT CAST(i AS VARCHAR) AS CHILD, '01/04/2024' AS DECOM, 'S' AS RNE, 'C2' AS LS, "
            "'N1' AS CIN, 'U1' AS PLACE, 'PR1' AS PLACE_PROVIDER, '' AS DEC, '' AS REC, "
            "'' AS REASON_PLACE_CHANGE, "
            f"'AB1 2' AS HOME_POST, 'CD3 4' AS PL_POST, 'SC1' AS URN FROM range({n}) t(i)) "
            f"TO '{folder / 'e.csv'}' (HEADER, DELIMITER ',')"
        )
    r = read_return(folder)
    assert rows(r.con, "SELECT count(*), min(_row), max(_row) FROM episodes_all") == [(n, 0, n - 1)]
    assert rows(r.con, "SELECT count(*) FROM episodes_all WHERE _row <> CAST(CHILD AS BIGINT)") == [(0,)]


def test_files_are_described_and_progress_is_reported(tmp_path: Path) -> None:
    e = write(tmp_path / "2025" / "e.csv", EP, ep("C1", "01/04/2024"), ep("C2", "01/04/2024"))
    h = write(tmp_path / "2025" / "h.csv", HD, "C1,1,01/01/2010,WBRI,,,")
    seen: list[tuple[str, int, int]] = []
    r = read_return(tmp_path, progress=lambda label, done, total: seen.append((label, done, total)))
    assert seen == [("2025/e.csv", 1, 2), ("2025/h.csv", 2, 2)]  # Episodes first
    by_table = {f.table: f for f in r.files}
    assert (by_table["Episodes"].path, by_table["Episodes"].rows, by_table["Episodes"].year) == (e, 2, 2025)
    assert by_table["Header"].sha256 == hashlib.sha256(h.read_bytes()).hexdigest()
    assert by_table["Header"].encoding == "utf-8"


def test_csv_files_beside_year_folders_and_year_with_year_folders_are_refused(tmp_path: Path) -> None:
    write(tmp_path / "2025" / "e.csv", EP, ep("C1", "01/04/2024"))
    stray = write(tmp_path / "e.csv", EP, ep("C1", "01/04/2024"))
    problems = problems_of(tmp_path, year=2025)
    assert [p.file for p in problems] == [str(stray), str(tmp_path)]
    assert "inside its collection year" in problems[0].expected and "year=" in problems[1].expected


def test_the_connections_insertion_order_setting_is_kept(tmp_path: Path) -> None:
    con = duckdb.connect()
    con.execute("SET preserve_insertion_order = false")
    write(tmp_path / "e.csv", EP, *(ep(f"C{i}", "01/04/2024") for i in range(3)))
    r = read_return(tmp_path, con=con)
    got = rows(r.con, "SELECT _row, CHILD FROM episodes_all ORDER BY _row")
    assert got == [(i, f"C{i}") for i in range(3)]
    assert rows(con, "SELECT current_setting('preserve_insertion_order')") == [(False,)]


def test_inspect_finds_encoding_header_and_whether_codes_need_upper_casing(tmp_path: Path) -> None:
    capitals = write(tmp_path / "a.csv", "CHILD,SEX", "C1,M", "2,1")
    digits_only = write(tmp_path / "b.csv", "1,2", "3,4")
    lower = write(tmp_path / "c.csv", "CHILD,SEX", "C1,m")
    accented = write(tmp_path / "d.csv", "CHILD,SEX", "É1,M")
    assert encoding.inspect(capitals).lowercase is False
    assert encoding.inspect(digits_only).lowercase is False
    assert encoding.inspect(lower).lowercase is True
    found = encoding.inspect(accented)
    assert (found.lowercase, found.encoding, found.header) == (True, "utf-8", ["CHILD", "SEX"])
    assert found.sha256 == hashlib.sha256(accented.read_bytes()).hexdigest()
    assert found.size == accented.stat().st_size
