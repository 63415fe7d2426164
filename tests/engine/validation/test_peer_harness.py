"""The peer comparison harness (corparent.engine.validation.peer): pure logic, no peer needed."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from corparent.bench.validation import NOT_RUN, ratios, validation_lines
from corparent.engine.ssda903 import postcodes
from corparent.engine.ssda903.synth import generate, write_council
from corparent.engine.ssda903.tables import TABLES_BY_NAME
from corparent.engine.ssda903.writer import write_table
from corparent.engine.validation import peer as P
from corparent.engine.validation import registry


def run(findings: dict[str, list[tuple[str, int]]], rules: list[str] | None = None, **extra: Any) -> P.Run:
    data: dict[str, Any] = {
        "findings": [{"rule": c, "table": t, "row": r} for c, rows in findings.items() for t, r in rows],
        "rules": rules if rules is not None else list(findings),
        **extra,
    }
    return P.Run.from_json(json.loads(json.dumps(data)))


def by_code(c: P.Comparison) -> dict[str, P.RuleReport]:
    return {r.code: r for r in c.rules}


# --- diffing flagged rows ---------------------------------------------------------------------------


def test_diff_rows_splits_rows_into_both_only_ours_and_only_peer() -> None:
    d = P.diff_rows([("Episodes", 1), ("Episodes", 2), ("Header", 0)], [("Episodes", 2), ("Header", 5)])
    assert d.both == {("Episodes", 2)}
    assert d.only_ours == {("Episodes", 1), ("Header", 0)}
    assert d.only_peer == {("Header", 5)}
    assert not d.same
    assert P.diff_rows([("Header", 1)], [("Header", 1)]).same
    assert P.diff_rows([], []).same


def test_same_row_number_in_another_table_is_a_different_row() -> None:
    d = P.diff_rows([("Episodes", 3)], [("Header", 3)])
    assert d.only_ours == {("Episodes", 3)} and d.only_peer == {("Header", 3)}


def test_run_from_json_groups_findings_by_rule_and_keeps_failures() -> None:
    r = P.Run.from_json(
        {
            "findings": [
                {"rule": "101", "table": "Header", "row": 4},
                {"rule": "101", "table": "Header", "row": 4},
                {"rule": "102", "table": "Header", "row": "7"},
            ],
            "rules": ["101", "103"],
            "failed": ["231"],
            "failed_reasons": {"231": "KeyError: 'UASC_STATUS'"},
            "skipped": ["105"],
            "seconds": 1.5,
            "peak_mb": 90.2,
        }
    )
    assert r.findings == {"101": {("Header", 4)}, "102": {("Header", 7)}}
    assert r.rules == {"101", "102", "103"}  # a rule that flagged rows is in the rule set
    assert r.failed == {"231": "KeyError: 'UASC_STATUS'"}
    assert r.skipped == {"105"}
    assert (r.seconds, r.peak_mb) == (1.5, 90.2)


# --- comparing rule by rule -------------------------------------------------------------------------


def test_each_rule_gets_the_status_of_what_the_two_sides_did() -> None:
    ours = run(
        {"101": [("Header", 1)], "102": [("Header", 2)], "OURS1": []},
        rules=["101", "102", "103", "142", "OURS1"],
    )
    peer = run(
        {"101": [("Header", 1)], "102": [("Header", 3)], "142": [("Episodes", 9)], "999": [("Header", 0)]},
        rules=["101", "102", "103", "142", "999"],
    )
    c = P.compare([("council", ours, peer)], documented={"142": "the peer sorts blank dates last"})
    status = {code: r.status for code, r in by_code(c).items()}
    assert status == {
        "101": P.AGREE,
        "102": P.DIFFER,
        "103": P.AGREE,  # neither flagged anything
        "142": P.DOCUMENTED,
        "999": P.NOT_IMPLEMENTED,
        "OURS1": P.OURS_ONLY,
    }
    assert not c.ok  # 102 differs
    r102 = by_code(c)["102"]
    assert (r102.ours_rows, r102.peer_rows, r102.both_rows, r102.only_ours, r102.only_peer) == (1, 1, 0, 1, 1)
    assert r102.examples == ["council: Header row 2 only ours", "council: Header row 3 only peer"]
    assert by_code(c)["142"].note == "the peer sorts blank dates last"


def test_documented_differences_do_not_fail_the_comparison() -> None:
    ours = run({"SW12STG2": [("SWEpisodes", 1)]})
    peer = run({"SW12STG2": [("SWEpisodes", 1), ("SWEpisodes", 2)]})
    assert not P.compare([("a", ours, peer)]).ok
    c = P.compare([("a", ours, peer)], documented={"SW12STG2": "the peer flags clean data"})
    assert c.ok
    assert c.summary()[P.DOCUMENTED] == 1
    assert by_code(c)["SW12STG2"].only_peer == 1  # still counted, for the report


def test_a_rule_that_fails_on_either_side_is_a_problem_unless_documented() -> None:
    ours = run({}, rules=["231", "500"], failed=["500"], failed_reasons={"500": "Binder Error: x"})
    peer = run({}, rules=["231", "500"], failed=["231"], failed_reasons={"231": "KeyError: 'UASC_STATUS'"})
    c = P.compare([("a", ours, peer)])
    assert by_code(c)["231"].status == P.FAILED and "peer failed: KeyError" in by_code(c)["231"].note
    assert by_code(c)["500"].status == P.FAILED and "ours failed: Binder Error" in by_code(c)["500"].note
    assert not c.ok
    assert P.compare([("a", ours, peer)], documented={"231": "crashes", "500": "x"}).ok


def test_a_rule_only_we_have_that_fails_is_still_a_failure() -> None:
    ours = run({}, rules=["NEW1"], failed=["NEW1"], failed_reasons={"NEW1": "Parser Error"})
    c = P.compare([("a", ours, run({}, rules=["101"]))])
    assert by_code(c)["NEW1"].status == P.FAILED and not c.ok


def test_a_rule_only_the_peer_has_is_not_implemented_even_when_it_fails_there() -> None:
    peer = run({}, rules=["233"], failed=["233"], failed_reasons={"233": "KeyError"})
    c = P.compare([("a", run({}, rules=[]), peer)])
    assert by_code(c)["233"].status == P.NOT_IMPLEMENTED
    assert "peer failed" in by_code(c)["233"].note
    assert c.ok  # rules still being ported do not fail the comparison


def test_a_skipped_rule_counts_as_flagging_nothing() -> None:
    ours = run({}, rules=["1008"], skipped=["1008"])
    peer = run({}, rules=["1008"], skipped=["1008"])
    assert by_code(P.compare([("a", ours, peer)]))["1008"].status == P.AGREE


def test_rule_codes_are_matched_ignoring_case() -> None:
    ours = run({"392C": [("Episodes", 4)]})
    peer = run({"392c": [("Episodes", 4)]})
    c = P.compare([("a", ours, peer)])
    assert [(r.code, r.status) for r in c.rules] == [("392c", P.AGREE)]  # the peer's spelling
    documented = P.compare([("a", ours, run({"392c": []}))], documented={"392C": "x"})
    assert [(r.code, r.status) for r in documented.rules] == [("392c", P.DOCUMENTED)]


def test_rows_are_summed_over_returns_and_a_difference_in_any_return_counts() -> None:
    same = (run({"101": [("Header", 1)]}), run({"101": [("Header", 1)]}))
    other = (run({"101": [("Header", 1)]}), run({"101": [("Header", 1), ("Header", 8)]}))
    c = P.compare([("s1", *same), ("s2", *other)])
    r = by_code(c)["101"]
    assert (r.status, r.ours_rows, r.peer_rows, r.returns_differing) == (P.DIFFER, 2, 3, 1)
    assert r.examples == ["s2: Header row 8 only peer"]
    assert c.returns == ["s1", "s2"]


def test_examples_are_capped() -> None:
    ours = run({"101": [("Header", i) for i in range(20)]})
    c = P.compare([("a", ours, run({"101": []}))], max_examples=3)
    assert len(by_code(c)["101"].examples) == 3


def test_report_shape_is_json_with_a_count_for_every_status() -> None:
    c = P.compare([("a", run({"101": [("Header", 1)]}), run({"101": [("Header", 1)], "102": []}))])
    d = json.loads(json.dumps(c.as_dict()))
    assert d["ok"] is True and d["returns"] == ["a"]
    assert set(d["summary"]) == set(P.STATUSES)
    assert d["summary"][P.AGREE] == 1 and d["summary"][P.NOT_IMPLEMENTED] == 1
    keys = {"code", "status", "ours_rows", "peer_rows", "both_rows", "only_ours", "only_peer"}
    assert keys <= set(d["rules"][0])
    assert [r["code"] for r in d["rules"]] == ["101", "102"]


def test_rules_are_ordered_by_number_then_named_rules() -> None:
    codes = ["SW01", "1001", "101", "INT01", "205A", "23"]
    assert sorted(codes, key=P.rule_sort_key) == ["23", "101", "205A", "1001", "INT01", "SW01"]


# --- PEER_DIFFERENCES -------------------------------------------------------------------------------


def test_collect_peer_differences_from_every_module_that_declares_them() -> None:
    modules = [
        ("rules.ra_episodes", SimpleNamespace(PEER_DIFFERENCES={"142": "sorts blanks last ", "146": "k3"})),
        ("rules.r100_header", SimpleNamespace(RULES=[])),  # none declared
        ("rules.rb_uasc", SimpleNamespace(PEER_DIFFERENCES={"146": "also here"})),
        ("rules.rz_empty", SimpleNamespace(PEER_DIFFERENCES={})),
    ]
    assert P.collect_peer_differences(modules) == {
        "142": "sorts blanks last (ra_episodes)",
        "146": "k3 (ra_episodes) | also here (rb_uasc)",
    }


def test_peer_differences_must_be_a_dict() -> None:
    with pytest.raises(TypeError, match=r"rules\.bad\.PEER_DIFFERENCES"):
        P.collect_peer_differences([("rules.bad", SimpleNamespace(PEER_DIFFERENCES=["142"]))])


def test_the_rule_modules_documented_differences_are_collected() -> None:
    found = P.peer_differences()
    assert all(isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in found.items())
    names = [name for name, _ in registry.rule_modules()]
    assert "corparent.engine.validation.rules.r100_header" in names


# --- running ours, and the commands -----------------------------------------------------------------


@pytest.mark.slow  # every rule of the year, over a tiny return
def test_run_ours_prints_the_same_shape_as_the_peer_script(tmp_path: Path) -> None:
    council = generate(children=15, years=2, reference_date=date(2026, 3, 31), seed=3, error_rate=0.2)
    write_council(council, tmp_path)
    out = P.run_ours(tmp_path / "2026", year=2026, la_code="E99000001", previous=tmp_path / "2025")
    assert {"findings", "rules", "ran", "failed", "skipped", "seconds", "peak_mb"} <= set(out)
    parsed = P.Run.from_json(json.loads(json.dumps(out)))
    assert set(out["ran"]) <= parsed.rules
    assert out["rows"]["Episodes"] == len(council.tables[2026]["Episodes"])
    for f in out["findings"]:
        assert 0 <= f["row"] < out["rows"][f["table"]]


def test_run_ours_reads_as_validation_does_so_a_malformed_date_is_a_finding(tmp_path: Path) -> None:
    # The peer reports a date that is not a date under rule 141 and the like; so must our side.
    folder = tmp_path / "2026"
    write_table(
        TABLES_BY_NAME["Episodes"],
        [{"CHILD": "1", "DECOM": "01/05/2025"}, {"CHILD": "2", "DECOM": "31/02/2026"}],
        folder / "episodes.csv",
    )
    out = P.run_ours(folder, year=2026, la_code="E99000001")
    assert {"rule": "141", "table": "Episodes", "row": 1} in out["findings"]
    assert not any(f["rule"] == "141" and f["row"] == 0 for f in out["findings"])


def test_commands_for_each_side(tmp_path: Path) -> None:
    this, last = tmp_path / "2026", tmp_path / "2025"
    cmd = P.side_command("py", this, year=2026, la_code="E1", previous=last, peer=True)
    assert cmd[0] == "py" and cmd[1].endswith("tools/peer/run_peer.py")
    assert cmd[2:] == [str(this), "--year", "2026", "--la-code", "E1", "--previous", str(last)]
    ours = P.side_command("py", this, year=2026, la_code="E1", previous=None, peer=False)
    assert ours[:3] == ["py", "-m", "corparent.engine.validation.peer"]


def test_each_side_is_given_ofsteds_lists_as_it_takes_them(tmp_path: Path) -> None:
    lists = (tmp_path / "ch.xlsx", tmp_path / "scp.xlsx")
    peer = P.side_command("py", tmp_path, year=2026, la_code="E1", previous=None, peer=True, providers=lists)
    assert peer[-4:] == ["--ch", str(lists[0]), "--scp", str(lists[1])]
    ours = P.side_command("py", tmp_path, year=2026, la_code="E1", previous=None, peer=False, providers=lists)
    assert ours[-4:] == ["--providers", str(lists[0]), "--providers", str(lists[1])]


def test_run_ours_runs_the_urn_rules_only_with_ofsteds_lists(tmp_path: Path) -> None:
    folder = tmp_path / "2026"
    write_table(
        TABLES_BY_NAME["Episodes"],
        [{"CHILD": "1", "DECOM": "01/05/2025", "PLACE": "K2", "PLACE_PROVIDER": "PR1", "URN": "SC999999"}],
        folder / "episodes.csv",
    )
    without = P.run_ours(folder, year=2026, la_code="E99000001")
    assert "1008" in without["skipped"] and not any(f["rule"] == "1008" for f in without["findings"])
    ofsted = Path(__file__).resolve().parents[2] / "fixtures" / "ofsted"
    lists = [ofsted / "childrens-homes.xlsx", ofsted / "social-care-providers.xlsx"]
    found = P.run_ours(folder, year=2026, la_code="E99000001", providers=lists)
    assert {"rule": "1008", "table": "Episodes", "row": 0} in found["findings"]


def test_a_missing_peer_venv_says_how_to_make_it(tmp_path: Path) -> None:
    python, why = P.ensure_peer_venv(tmp_path / ".venv-peer", create=False)
    assert python is None
    assert "pip install csc-validator-be-903==0.1.17" in why and "-m venv" in why


# --- the benchmark's ratios and README rows ---------------------------------------------------------


def _side(seconds: float, mb: float) -> dict[str, Any]:
    return {"seconds": seconds, "peak_mb": mb, "rules_run": 10}


def test_ratios_against_the_targets() -> None:
    assert ratios(_side(0.2, 20), _side(5.0, 100)) == {
        "speedup": 25.0,
        "memory_ratio": 0.2,
        "meets_targets": True,
    }
    assert ratios(_side(1.0, 200), _side(5.0, 100))["meets_targets"] is False
    assert ratios(_side(1.0, 200), None) == {"speedup": None, "memory_ratio": None, "meets_targets": None}


def test_readme_rows_say_when_the_peer_was_not_run() -> None:
    council = {"children": 400, "rows": 5000, "ours": _side(1, 200), "peer": _side(5, 100)}
    council |= ratios(council["ours"], council["peer"])
    national = {"children": 100_000, "csv_mb": 90.0, "ours": _side(30, 900), "peer": None}
    national |= {**ratios(national["ours"], None), "peer_skipped": NOT_RUN}
    rows = validation_lines({"council": council, "national": national})
    assert len(rows) == 2 and all(r.startswith("| ") and r.endswith(" |") for r in rows)
    assert "5.0x faster" in rows[0] and "(not met)" in rows[0]
    assert "--with-peer-national" in rows[1] and "no figure" in rows[1] and "x faster;" not in rows[1]
    assert validation_lines(None) == []


def test_a_peer_whose_report_ran_out_of_memory_is_compared_by_its_rules_alone_and_the_row_says_so() -> None:
    council = {"children": 400, "rows": 5000, "ours": _side(1, 200), "peer": _side(25, 900)}
    council |= ratios(council["ours"], council["peer"])
    national = {"children": 100_000, "csv_mb": 59.0, "ours": _side(16, 550), "peer": _side(1200, 3600)}
    national |= {**ratios(national["ours"], national["peer"]), "peer_report_failed": "exited -9 after 695 s"}
    row = validation_lines({"council": council, "national": national})[1]
    assert "its rules alone: with its report too it exited -9 after 695 s" in row
    assert "75.0x faster; memory 0.15x the peer's" in row and "(met)" in row


# --- the benchmark's real postcodes ----------------------------------------------------------------


@pytest.mark.skipif(
    not postcodes.available(), reason=f"the postcodes extra ({postcodes.REQUIREMENT}) is not installed"
)
def test_the_benchmark_gives_real_postcodes_the_same_in_both_years_and_drops_derived_fields(
    tmp_path: Path,
) -> None:
    from corparent.bench.validation import use_real_postcodes

    header = "CHILD,DECOM,HOME_POST,PL_POST,PL_DISTANCE,PL_LA,PL_LOCATION\n"
    for year in (2025, 2026):
        (tmp_path / str(year)).mkdir()
        (tmp_path / str(year) / "episodes.csv").write_text(
            header + "1,01/05/2024,ZZ9 5,ZZ5 4,1.5,E99000001,IN\n2,01/05/2024,,,,,\n", encoding="utf-8"
        )
    assert use_real_postcodes(tmp_path, [2025, 2026], national=False)
    years = [
        (tmp_path / str(y) / "episodes.csv").read_text(encoding="utf-8").splitlines() for y in (2025, 2026)
    ]
    assert years[0] == years[1]
    assert years[0][0] == "CHILD,DECOM,HOME_POST,PL_POST"
    _, _, home, placement = years[0][1].split(",")
    assert years[0][2] == "2,01/05/2024,,"  # blanks stay blank
    found = postcodes.lookup([home, placement])
    assert {postcodes.upper_tier(p.lad) for p in found.values()} == {"E08000035"}  # Leeds: IN
