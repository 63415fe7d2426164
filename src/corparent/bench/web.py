"""Web benchmark: the app as a council runs it (gunicorn, PostgreSQL, the worker) on loopback.

``python -m corparent.bench`` runs it after the others (``--no-web`` leaves it out), or this module
alone: ``python -m corparent.bench.web`` (it then adds its figures to bench-out/results.json and the
README). Steps: start PostgreSQL (tools/postgres.sh), create a fresh database ``corparent_bench``,
migrate and seed the demo council into it (``corparent demo --no-serve``), start ``corparent serve``
(gunicorn, 2 workers per core plus 1, 4 threads each, and the background worker) on a free loopback
port, then:

- Latency: 20 clients (threads, each with its own keep-alive connection, no pause between
  requests) signed in as a member, for a fixed time per endpoint after a warm-up: p50, p95 and p99 of
  GET /scorecard/ (the page) and GET /api/v1/results/ (the API), against the baseline GET /health/
  (one database query, no template) under the same load. Target: p95 under 250 ms.
- Upload to published: as the analyst, upload a council-size return (400 children, three years, a
  zip) through the upload form, publish it when it has been checked, and wait until the snapshot is
  ready (the worker computes it). Baseline: the engine reading the same files and computing the same
  three reference dates in process. Target: under 10 s.

The clients run on the same machine as the server, so they take some of its CPU; the baselines are
measured under the same conditions, which is why the ratios are the figures that carry over.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

from corparent.bench.webclient import (
    ClientError,
    Reply,
    encoded,
    forms,
    load,
    multipart,
    percentile,
    request,
    sign_in,
)

ROOT = Path(__file__).resolve().parents[3]
DATABASE = "corparent_bench"
CLIENTS, SECONDS, WARMUP = 20, 15.0, 3.0
UPLOADS = 3
TARGET_P95_MS, TARGET_UPLOAD_S = 250.0, 10.0
ENDPOINTS = {"health": "/health/", "scorecard": "/scorecard/", "api": "/api/v1/results/"}
REFERENCE_DATES = [date(2023, 3, 31), date(2024, 3, 31), date(2025, 3, 31)]


class BenchError(RuntimeError):
    """The web benchmark could not run; the message says which step and why."""


# --- the database and the server -----------------------------------------------------------------


def postgres_database(name: str = DATABASE) -> str:
    """Start the local PostgreSQL server and (re)create an empty database; return its URL."""
    script = ROOT / "tools" / "postgres.sh"
    done = subprocess.run([str(script), "start"], capture_output=True, text=True, check=False, timeout=120)
    if done.returncode != 0:
        raise BenchError(f"PostgreSQL did not start ({script}): {done.stderr.strip()}")
    base = done.stdout.strip().splitlines()[-1]
    import psycopg

    with psycopg.connect(base, autocommit=True) as con:
        con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        con.execute(f'CREATE DATABASE "{name}"')
    parts = urlsplit(base)
    return urlunsplit(parts._replace(path=f"/{name}"))


def _env(database_url: str, data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CORPARENT_")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.update(DATABASE_URL=database_url, CORPARENT_DATA_DIR=str(data_dir), CORPARENT_TASKS="database")
    return env


def _corparent(*args: str) -> list[str]:
    return [sys.executable, "-m", "corparent.cli", *args]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for(port: int, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise BenchError(f"the server stopped while starting (exit code {proc.returncode})")
        try:
            if request(port, "GET", "/health/").status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise BenchError(f"the server did not answer on port {port} within {timeout:.0f} s")


def server_times(log_text: str, path: str) -> dict[str, float]:
    """How long the server itself took over GET ``path`` (gunicorn's access log, whole ms: from
    reading the request to writing the reply, warm-up included), and the reply's size."""
    pattern = re.compile(rf'"GET {re.escape(path)} HTTP/1\.1" 200 (\d+) (\d+)ms')
    found = [(int(b), int(ms)) for b, ms in pattern.findall(log_text)]
    if not found:
        return {}
    times = [ms for _, ms in found]
    return {
        "server_p50_ms": float(percentile(times, 50)),
        "server_p95_ms": float(percentile(times, 95)),
        "reply_bytes": float(found[-1][0]),
    }


# --- upload to published -------------------------------------------------------------------------


def council_zip(folder: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.glob("*/*.csv")):
            archive.write(path, arcname=path.relative_to(folder).as_posix())
    return buffer.getvalue()


def _latest_snapshot(database_url: str) -> tuple[int, str]:
    import psycopg

    with psycopg.connect(database_url) as con:
        row = con.execute("SELECT id, status FROM returns_snapshot ORDER BY id DESC LIMIT 1").fetchone()
    return (int(row[0]), str(row[1])) if row else (0, "")


def _submit(
    port: int,
    page_url: str,
    form: dict[str, Any],
    cookies: dict[str, str],
    values: dict[str, str] | None = None,
    upload: bytes | None = None,
) -> Reply:
    """Submit a form as the page offers it, with `values` for fields left empty (and the file)."""
    target = urljoin(page_url, form["action"] or page_url)
    values = values or {}
    fields = [(n, v or values.get(n, v)) for n, kind, v in form["fields"] if kind != "file"]
    if upload is not None:
        names = [n for n, kind, _ in form["fields"] if kind == "file"]
        body, content_type = multipart(fields, [(names[0], "council-903.zip", upload)])
    else:
        body, content_type = encoded(fields), "application/x-www-form-urlencoded"
    return request(port, "POST", urlsplit(target).path, cookies=cookies, body=body, content_type=content_type)


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def upload_to_published(
    port: int, cookies: dict[str, str], data: bytes, population: int, database_url: str, timeout: float = 180
) -> float:
    """Seconds from posting the upload form to the published snapshot being ready: upload, wait for
    the checks, open the publish page, publish (confirming any errors), wait for the figures."""
    before, _ = _latest_snapshot(database_url)
    page = request(port, "GET", "/returns/upload/", cookies=cookies)
    upload_form = next((f for f in forms(page.text) if any(k == "file" for _, k, _ in f["fields"])), None)
    if page.status != 200 or upload_form is None:
        raise BenchError(f"no upload form at /returns/upload/ (HTTP {page.status})")
    started = time.monotonic()
    reply = _submit(port, "/returns/upload/", upload_form, cookies, {"label": "bench"}, upload=data)
    if reply.status not in (302, 303):
        raise BenchError(f"the upload was not accepted (HTTP {reply.status}): {_text(reply.text)[:300]}")
    where = urlsplit(reply.headers["location"]).path
    deadline = started + timeout
    link = None
    while link is None and time.monotonic() < deadline:  # until checked: the page offers publishing
        found = re.search(r'href="([^"]*/publish/)"', request(port, "GET", where, cookies=cookies).text)
        link = urljoin(where, found.group(1)) if found else None
        if link is None:
            time.sleep(0.1)
    if link is None:
        raise BenchError(f"the upload at {where} offered no way to publish within {timeout:.0f} s")
    page = request(port, "GET", link, cookies=cookies)
    form = next((f for f in forms(page.text) if "publish" in f["text"].lower()), None)
    if form is None:
        raise BenchError(f"no publish form at {link} (HTTP {page.status})")
    reply = _submit(port, link, form, cookies, {"population_0_17": str(population)})
    if reply.status not in (302, 303):
        raise BenchError(f"publishing was refused (HTTP {reply.status}): {_text(reply.text)[:300]}")
    while time.monotonic() < deadline:
        latest, status = _latest_snapshot(database_url)
        if latest > before and status == "ready":
            return time.monotonic() - started
        if latest > before and status == "failed":
            raise BenchError(f"snapshot {latest} failed to compute")
        time.sleep(0.05)
    raise BenchError(f"the snapshot was not ready within {timeout:.0f} s")


def engine_in_process(folder: Path, population: int, repeats: int = 3) -> float:
    """The baseline: read the return and compute the same three reference dates, in this process."""
    from corparent.engine.indicators.engine import compute
    from corparent.engine.ssda903.reader import read_return

    def once() -> None:
        ret = read_return(folder)
        for as_at in REFERENCE_DATES:
            compute(ret, as_at, population=population)
        ret.con.close()

    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        once()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


# --- the whole run -------------------------------------------------------------------------------


def _step(say: Callable[[str], None], text: str) -> None:
    say(f"web bench: {text}")


def run_web(
    out_dir: Path = Path("bench-out"),
    *,
    clients: int = CLIENTS,
    seconds: float = SECONDS,
    uploads: int = UPLOADS,
    say: Callable[[str], None] = print,
) -> dict[str, Any]:
    from corparent.demo.server import default_workers
    from corparent.engine.ssda903.synth import generate, write_council

    out_dir.mkdir(parents=True, exist_ok=True)
    work = out_dir / "web"
    if work.exists():
        import shutil

        shutil.rmtree(work)
    work.mkdir()
    _step(say, "PostgreSQL and a fresh database")
    database_url = postgres_database()
    env = _env(database_url, work / "data")
    _step(say, "migrating and seeding the demo council")
    seeded = subprocess.run(
        _corparent("demo", "--no-serve"), env=env, capture_output=True, text=True, check=False, timeout=600
    )
    if seeded.returncode != 0:
        raise BenchError(f"seeding the demo failed: {seeded.stderr.strip()[-800:]}")
    password = (work / "data" / "demo-password").read_text(encoding="utf-8").strip()

    port, workers = _free_port(), default_workers()
    log = (work / "server.log").open("wb")
    server = subprocess.Popen(
        _corparent("serve", "--port", str(port), "--workers", str(workers)),
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_for(port, server)
        member = sign_in(port, "member", password)
        for path in ENDPOINTS.values():
            check = request(port, "GET", path, cookies=member)
            if check.status != 200:
                raise BenchError(f"GET {path} as the member gave HTTP {check.status}, not 200")
        load_average = os.getloadavg()[0]  # other work on the machine skews every figure: say how much
        latency = {}
        for name, path in ENDPOINTS.items():
            _step(say, f"{clients} clients on {path} for {seconds:.0f} s")
            latency[name] = load(port, path, member, clients, seconds, WARMUP)

        analyst = sign_in(port, "analyst", password)
        times, baseline, upload_error = [], [], ""
        try:
            for n in range(uploads):
                folder = work / f"council-{n}"
                council = generate(children=400, years=3, reference_date=REFERENCE_DATES[-1], seed=100 + n)
                write_council(council, folder)
                _step(say, f"upload {n + 1} of {uploads}: upload, publish, wait until ready")
                data = council_zip(folder)
                times.append(upload_to_published(port, analyst, data, council.population_0_17, database_url))
                baseline.append(engine_in_process(folder, council.population_0_17))
        except (BenchError, ClientError) as exc:  # the latency figures still stand
            upload_error = str(exc)
            _step(say, f"upload to published not measured: {exc}")
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
    server_log = (work / "server.log").read_text(encoding="utf-8", errors="replace")
    for name, path in ENDPOINTS.items():
        latency[name].update(server_times(server_log, path))

    health_p95 = latency["health"].get("p95_ms") or float("nan")
    results: dict[str, Any] = {
        "setup": f"gunicorn {workers} workers x 4 threads and the worker, PostgreSQL, {clients} clients "
        f"on loopback, {seconds:.0f} s per endpoint after {WARMUP:.0f} s warm-up",
        "clients": clients,
        "seconds": seconds,
        "workers": workers,
        "load_average_at_start": round(load_average, 1),
        "latency": latency,
        **{
            f"{key}_p95_ratio_to_health": round(latency[key]["p95_ms"] / health_p95, 2)
            for key in ("scorecard", "api")
            if "p95_ms" in latency[key]
        },
        "targets": {"p95_ms": TARGET_P95_MS, "upload_s": TARGET_UPLOAD_S},
    }
    if not upload_error and not times:
        upload_error = "no uploads asked for (--uploads 0)"
    if upload_error:
        results["upload_error"] = upload_error
    else:
        upload_s, engine_s = statistics.median(times), statistics.median(baseline)
        results.update(
            upload_to_published_s=[round(t, 2) for t in times],
            upload_to_published_median_s=round(upload_s, 2),
            engine_in_process_s=round(engine_s, 3),
            upload_ratio_to_engine=round(upload_s / engine_s, 1),
        )
    return results


def add_to_results(out_dir: Path, results: dict[str, Any], web: dict[str, Any]) -> None:
    results["web"] = web
    (out_dir / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


def _load(w: dict[str, Any]) -> str:
    load = w.get("load_average_at_start")
    return f"; machine load average {load:.1f} at the start" if load is not None else ""


def _met(ok: bool) -> str:
    return "met" if ok else "not met"


def web_lines(w: dict[str, Any] | None) -> list[str]:
    """The web rows of the README's bench table."""
    if w is None:
        return []
    if "skipped" in w:
        return [f"| Web app (gunicorn, PostgreSQL) | not run: {w['skipped']} | | | p95 under 250 ms |"]
    lat, health = w["latency"], w["latency"]["health"]
    base = f"GET /health/ under the same load: p95 {health.get('p95_ms', float('nan')):.0f} ms"
    rows = []
    for key, label in (
        ("scorecard", "scorecard page, GET /scorecard/"),
        ("api", "API, GET /api/v1/results/"),
    ):
        e = lat[key]
        if "error" in e:
            rows.append(
                f"| Web, {label} as a member | not measured: {e['error']} | {base} | | p95 under 250 ms |"
            )
            continue
        rows.append(
            f"| Web, {label} as a member: {w['clients']} concurrent clients on loopback for "
            f"{w['seconds']:.0f} s (gunicorn {w['workers']} workers x 4 threads, PostgreSQL{_load(w)}) "
            f"| p50 {e['p50_ms']:.0f} ms, "
            f"p95 {e['p95_ms']:.0f} ms, p99 {e['p99_ms']:.0f} ms ({e['per_second']:.0f} requests/s, "
            f"{e['errors']} errors) | {base} | {w[f'{key}_p95_ratio_to_health']:.1f}x "
            f"| p95 under 250 ms ({_met(e['p95_ms'] < TARGET_P95_MS and not e['errors'])}) |"
        )
    if "upload_error" in w:
        rows.append(
            "| Web, upload to published scorecard (council-size return through the upload form) "
            f"| not measured: {w['upload_error']} | | | under 10 s |"
        )
        return rows
    up, slowest = w["upload_to_published_median_s"], max(w["upload_to_published_s"])
    rows.append(
        "| Web, upload to published scorecard: a council-size return (400 children, 3 years, zip) through "
        "the upload form, checked, published and computed by the worker | "
        f"{up:.1f} s (median of {len(w['upload_to_published_s'])}; slowest "
        f"{slowest:.1f} s) | the engine reading the same files and computing the "
        f"same 3 reference dates in process: {w['engine_in_process_s']:.2f} s | "
        f"{w['upload_ratio_to_engine']:.1f}x | under 10 s ({_met(slowest < TARGET_UPLOAD_S)}) |"
    )
    return rows


def update_readme_rows(web: dict[str, Any], readme: Path = Path("README.md")) -> bool:
    """Replace the web rows (and only those) of the README's bench table; False without the markers."""
    from corparent.bench import END, START

    text = readme.read_text(encoding="utf-8")
    if START not in text or END not in text:
        return False
    head, rest = text.split(START, 1)
    block, tail = rest.split(END, 1)
    kept = [line for line in block.split("\n") if not line.startswith("| Web")]
    while kept and not kept[-1].strip():
        kept.pop()
    lines = [*kept, *web_lines(web), ""]
    readme.write_text(head + START + "\n".join(lines) + END + tail, encoding="utf-8")
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The web benchmark alone; adds its rows to the results.")
    parser.add_argument("--out", type=Path, default=Path("bench-out"))
    parser.add_argument("--seconds", type=float, default=SECONDS)
    parser.add_argument("--clients", type=int, default=CLIENTS)
    parser.add_argument("--uploads", type=int, default=UPLOADS)
    parser.add_argument("--no-readme", action="store_true")
    args = parser.parse_args(argv)
    try:
        web = run_web(args.out, clients=args.clients, seconds=args.seconds, uploads=args.uploads)
    except (BenchError, ClientError) as exc:
        print(f"web bench: {exc}", file=sys.stderr)
        return 1
    (args.out / "web.json").write_text(json.dumps(web, indent=2) + "\n", encoding="utf-8")
    results_path = args.out / "results.json"
    if results_path.is_file():
        add_to_results(args.out, json.loads(results_path.read_text(encoding="utf-8")), web)
    if not args.no_readme and update_readme_rows(web):
        print("README.md: the web rows updated.")
    print("\n".join(web_lines(web)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
