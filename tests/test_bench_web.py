"""The web benchmark's own arithmetic and page reading (the benchmark itself runs in `make bench`)."""

from __future__ import annotations

from pathlib import Path

from corparent.bench.web import server_times, update_readme_rows, web_lines
from corparent.bench.webclient import forms, percentile


def test_percentiles_are_nearest_rank() -> None:
    values = [float(n) for n in range(1, 21)]  # 1..20, given out of order below
    shuffled = values[::2] + values[1::2]
    assert percentile(shuffled, 50) == 10.0  # rank ceil(20 * 0.50) = 10
    assert percentile(shuffled, 95) == 19.0  # rank 19
    assert percentile(shuffled, 99) == 20.0  # rank ceil(19.8) = 20
    assert percentile([7.0], 95) == 7.0


def test_the_servers_own_times_are_read_from_its_access_log_by_path() -> None:
    log = "\n".join(
        [
            '127.0.0.1 "GET /scorecard/ HTTP/1.1" 200 137460 4ms',
            '127.0.0.1 "GET /scorecard/?snapshot=2 HTTP/1.1" 200 137460 90ms',  # another URL
            '127.0.0.1 "GET /health/ HTTP/1.1" 200 16 1ms',
            "[2026-11-23 09:29:13 +0000] [18303] [INFO] Worker exiting (pid: 18303)",
            '127.0.0.1 "GET /scorecard/ HTTP/1.1" 200 137460 12ms',
            '127.0.0.1 "GET /scorecard/ HTTP/1.1" 302 0 1ms',  # not a 200: left out
            '127.0.0.1 "GET /scorecard/ HTTP/1.1" 200 137460 6ms',
        ]
    )
    assert server_times(log, "/scorecard/") == {
        "server_p50_ms": 6.0,  # nearest rank of 4, 6, 12
        "server_p95_ms": 12.0,
        "reply_bytes": 137460.0,
    }
    assert server_times(log, "/api/v1/results/") == {}


def test_forms_are_read_with_their_fields_and_button_text() -> None:
    html = """
    <form method="post" action="/returns/3/publish/">
      <input type="hidden" name="csrfmiddlewaretoken" value="abc">
      <input class="govuk-input" name="reference_date" value="2025-03-31">
      <input type="checkbox" name="confirm_errors">
      <input type="radio" name="kind" value="a"><input type="radio" name="kind" value="b" checked>
      <button type="submit" class="govuk-button">Publish</button>
    </form>"""
    (form,) = forms(html)
    assert form["action"] == "/returns/3/publish/"
    assert form["fields"] == [
        ("csrfmiddlewaretoken", "hidden", "abc"),
        ("reference_date", "text", "2025-03-31"),
        ("confirm_errors", "checkbox", "on"),
        ("kind", "radio", "b"),
    ]
    assert form["text"].strip() == "Publish"


def test_the_readme_rows_say_whether_each_target_is_met() -> None:
    endpoint = {"p50_ms": 40.0, "p95_ms": 120.0, "p99_ms": 300.0, "per_second": 150.0, "errors": 0}
    slow = {**endpoint, "p95_ms": 400.0}
    web = {
        "clients": 20,
        "seconds": 15.0,
        "workers": 5,
        "latency": {"health": {**endpoint, "p95_ms": 20.0}, "scorecard": slow, "api": endpoint},
        "scorecard_p95_ratio_to_health": 20.0,
        "api_p95_ratio_to_health": 6.0,
        "upload_to_published_s": [4.0, 5.0, 11.0],
        "upload_to_published_median_s": 5.0,
        "engine_in_process_s": 1.25,
        "upload_ratio_to_engine": 4.0,
    }
    scorecard, api, upload = web_lines(web)
    assert "p95 400 ms" in scorecard and "20.0x" in scorecard and scorecard.endswith("(not met) |")
    assert "p95 120 ms" in api and api.endswith("(met) |")
    assert "5.0 s (median of 3; slowest 11.0 s)" in upload and "4.0x" in upload
    assert upload.endswith("under 10 s (not met) |")  # the slowest upload counts
    assert web_lines(None) == []
    assert "not run: no PostgreSQL" in web_lines({"skipped": "no PostgreSQL"})[0]


def test_only_the_web_rows_of_the_readme_block_are_replaced(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    other = "| One council (400 children): full scorecard in process | 0.290 s | x | 1.0x | under 0.5 s |"
    start, end = "<!-- bench:start -->", "<!-- bench:end -->"
    readme.write_text(f"# x\n\n{start}\n| measure |\n{other}\n| Web, old row |\n{end}\n")
    web = {"skipped": "no PostgreSQL here"}
    assert update_readme_rows(web, readme) and update_readme_rows(web, readme)
    block = readme.read_text().split(start)[1].split(end)[0]
    assert block.splitlines() == ["", "| measure |", other, web_lines(web)[0]]
