"""A small HTTP client for the web benchmark: keep-alive requests with cookies, the forms on a page,
signing in through the form, and many clients at once with their latency percentiles."""

from __future__ import annotations

import http.client
import io
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlencode


class ClientError(RuntimeError):
    """A request did not do what the benchmark needs; the message says which and why."""


# --- requests and forms --------------------------------------------------


class Reply:
    def __init__(self, status: int, headers: dict[str, str], body: bytes, cookies: dict[str, str]) -> None:
        self.status, self.headers, self.body, self.cookies = status, headers, body, cookies

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


def request(
    port: int,
    method: str,
    path: str,
    *,
    cookies: dict[str, str] | None = None,
    body: bytes | None = None,
    content_type: str | None = None,
    conn: http.client.HTTPConnection | None = None,
) -> Reply:
    headers = {"Host": f"127.0.0.1:{port}", "Referer": f"http://127.0.0.1:{port}{path}"}
    if cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    if content_type:
        headers["Content-Type"] = content_type
    own = conn is None
    connection = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
        set_cookies = {}
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                set_cookies[key.strip()] = rest.split(";", 1)[0]
        return Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, data, set_cookies)
    finally:
        if own:
            connection.close()


class _Forms(HTMLParser):
    """Every form on a page: its action, method and fields (name, type, value), and its buttons' text."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict[str, Any]] = []
        self._in_button = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append({"action": a.get("action", ""), "method": a.get("method", "get"), "fields": []})
            self.forms[-1]["text"] = ""
        elif self.forms and tag in {"input", "textarea", "select"} and a.get("name"):
            kind = a.get("type", "text") if tag == "input" else tag
            if kind == "radio" and "checked" not in a:
                return  # checkboxes are kept (ticked): the benchmark confirms what it is asked to
            self.forms[-1]["fields"].append(
                (a["name"], kind, a.get("value", "on" if kind == "checkbox" else ""))
            )
        elif self.forms and tag == "button":
            self._in_button = True
            if a.get("name"):
                self.forms[-1]["fields"].append((a["name"], "button", a.get("value", "")))

    def handle_endtag(self, tag: str) -> None:
        if tag == "button":
            self._in_button = False

    def handle_data(self, data: str) -> None:
        if self.forms and self._in_button:
            self.forms[-1]["text"] += data.strip() + " "


def forms(html: str) -> list[dict[str, Any]]:
    parser = _Forms()
    parser.feed(html)
    return parser.forms


def multipart(fields: list[tuple[str, str]], files: list[tuple[str, str, bytes]]) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    out = io.BytesIO()
    for name, value in fields:
        out.write(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        )
    for name, file_name, data in files:
        out.write(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{file_name}"\r\n'
            "Content-Type: application/zip\r\n\r\n".encode()
        )
        out.write(data + b"\r\n")
    out.write(f"--{boundary}--\r\n".encode())
    return out.getvalue(), f"multipart/form-data; boundary={boundary}"


def encoded(fields: list[tuple[str, str]]) -> bytes:
    return urlencode(fields).encode()


def sign_in(port: int, username: str, password: str) -> dict[str, str]:
    """Sign in through the form; return the session's cookies."""
    page = request(port, "GET", "/accounts/sign-in/")
    cookies = dict(page.cookies)
    form = next(f for f in forms(page.text) if any(n == "password" for n, _, _ in f["fields"]))
    fields = [(n, v) for n, kind, v in form["fields"] if kind == "hidden"]
    fields += [("username", username), ("password", password)]
    reply = request(
        port,
        "POST",
        "/accounts/sign-in/",
        cookies=cookies,
        body=encoded(fields),
        content_type="application/x-www-form-urlencoded",
    )
    cookies.update(reply.cookies)
    if reply.status != 302 or "sessionid" not in cookies:
        raise ClientError(f"could not sign in as {username} (HTTP {reply.status})")
    return cookies


# --- latency under load --------------------------------------------------------------------------


def percentile(values: list[float], q: float) -> float:
    """The nearest-rank percentile (q from 0 to 100) of the values."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 100))  # ceil(n * q / 100)
    return ordered[int(min(rank, len(ordered))) - 1]


def load(
    port: int, path: str, cookies: dict[str, str], clients: int, seconds: float, warmup: float
) -> dict[str, Any]:
    """`clients` threads GET `path` back to back on keep-alive connections, each reading every byte
    of each reply; latency after the warm-up."""
    begin = time.monotonic() + warmup
    end = begin + seconds

    def client(_: int) -> tuple[list[float], int, int]:
        latencies: list[float] = []
        errors = sent = 0
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while (started := time.monotonic()) < end:
            try:
                ok = request(port, "GET", path, cookies=cookies, conn=conn).status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            sent += 1
            if started >= begin:
                if ok:
                    latencies.append(time.monotonic() - started)
                else:
                    errors += 1
        conn.close()
        return latencies, errors, sent

    cpu_before = time.process_time()
    with ThreadPoolExecutor(clients) as pool:
        runs = list(pool.map(client, range(clients)))
    client_cpu_s = time.process_time() - cpu_before
    latencies = [x for run, _, _ in runs for x in run]
    errors = sum(e for _, e, _ in runs)
    sent = sum(n for _, _, n in runs)
    if not latencies:
        return {
            "path": path,
            "requests": 0,
            "errors": errors,
            "error": "no request started after the warm-up "
            f"finished in time ({errors} errors): each took longer than the {seconds:.0f} s window",
        }
    return {
        "path": path,
        "requests": len(latencies),
        "errors": errors,
        "per_second": round(len(latencies) / seconds, 1),
        "p50_ms": round(percentile(latencies, 50) * 1000, 1),
        "p95_ms": round(percentile(latencies, 95) * 1000, 1),
        "p99_ms": round(percentile(latencies, 99) * 1000, 1),
        # The clients' own cost (their process's CPU time, warm-up included, per request sent): they
        # share the machine with the server, so what they spend the server cannot.
        "client_cpu_ms_per_request": round(client_cpu_s / max(sent, 1) * 1000, 2),
    }
