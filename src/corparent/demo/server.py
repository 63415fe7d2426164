"""Running the web app: check the database, then run gunicorn and the background worker together.

`corparent serve` and `corparent demo` use this. The two processes run in their own session, so a
Ctrl-C reaches this supervisor only; it then asks each to stop (SIGTERM: gunicorn finishes the
requests in hand, the worker the task in hand), waits, and kills what has not stopped in time.
When either process dies on its own, the other is stopped too and the exit code says so.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from types import FrameType

STOP_TIMEOUT_S = 30.0


def default_workers() -> int:
    """Gunicorn's rule of thumb: two per core plus one (at most 9; each is a Python process)."""
    return min(2 * (os.cpu_count() or 1) + 1, 9)


def describe_database() -> str:
    """The configured database, named without its password."""
    from django.db import connection

    params = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"SQLite file {params['NAME']}"
    host = params.get("HOST") or "localhost"
    port = f":{params['PORT']}" if params.get("PORT") else ""
    return f"{connection.vendor} database {params['NAME']} on {host}{port} (user {params.get('USER') or '-'})"


def database_problem() -> str | None:
    """None when the database answers and every migration is applied; else what is wrong and the fix."""
    from django.db import DEFAULT_DB_ALIAS, connections
    from django.db.migrations.executor import MigrationExecutor
    from django.db.utils import DatabaseError

    try:
        executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as exc:
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return (
            f"Could not use the {describe_database()}: {first_line}. "
            "Check DATABASE_URL (docs/settings.md) and that the database server is running."
        )
    if plan:
        names = ", ".join(f"{m.app_label}.{m.name}" for m, _ in plan[:3])
        more = f" and {len(plan) - 3} more" if len(plan) > 3 else ""
        return (
            f"The {describe_database()} is not migrated: {len(plan)} migration(s) to apply "
            f"({names}{more}). Run `corparent manage migrate` first."
        )
    return None


def port_problem(host: str, port: int) -> str | None:
    """None when the address is free to listen on; else a message naming it."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            return f"Cannot listen on {host}:{port} ({exc.strerror}): choose another with --port or --host."
    return None


def gunicorn_command(*, host: str, port: int, workers: int, threads: int = 4) -> list[str]:
    return [
        sys.executable, "-m", "gunicorn", "corparent.config.wsgi:application",
        "--bind", f"{host}:{port}",
        "--workers", str(workers),
        "--threads", str(threads),
        "--graceful-timeout", "20",
        "--no-control-socket",  # several servers on one machine (the bench, tests) must not share one
        "--access-logfile", "-",
        "--access-logformat", '%(h)s "%(r)s" %(s)s %(b)s %(M)sms',
    ]  # fmt: skip


def worker_command() -> list[str]:
    return [sys.executable, "-m", "corparent.manage", "db_worker", "--queue-name", "*", "--no-reload"]


def supervise(
    commands: dict[str, list[str]],
    say: Callable[[str], None],
    env: dict[str, str] | None = None,
) -> int:
    """Run the named commands until Ctrl-C (or SIGTERM) or until one of them exits; stop them all.

    Returns 0 after Ctrl-C or SIGTERM, else the exit code of the process that stopped first (1 when
    it stopped with 0, since it was not asked to)."""

    def interrupted(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    # Ctrl-C and SIGTERM both stop everything (a shell may start us with SIGINT ignored)
    previous = {sig: signal.signal(sig, interrupted) for sig in (signal.SIGINT, signal.SIGTERM)}
    procs: dict[str, subprocess.Popen[bytes]] = {}
    code = 0
    try:
        for name, command in commands.items():
            procs[name] = subprocess.Popen(command, env=env, start_new_session=True)
        while True:
            ended = next(((n, p.returncode) for n, p in procs.items() if p.poll() is not None), None)
            if ended:
                name, returned = ended
                say(f"The {name} stopped (exit code {returned}); stopping the rest.")
                code = returned or 1
                break
            time.sleep(0.25)
    except KeyboardInterrupt:
        say("Stopping " + " and ".join(f"the {name}" for name in procs) + "...")
    finally:
        _stop_all(procs)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    say("Stopped.")
    return code


def _stop_all(procs: dict[str, subprocess.Popen[bytes]]) -> None:
    for proc in procs.values():
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + STOP_TIMEOUT_S
    for proc in procs.values():
        try:
            proc.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
