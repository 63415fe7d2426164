"""What `corparent serve | worker | demo` do (cli.py declares the commands and their options).

Django is set up here, on demand, so that the engine's commands never import it.
"""

from __future__ import annotations

import os
from pathlib import Path

import typer
from rich.console import Console

err = Console(stderr=True, soft_wrap=True, highlight=False)
DATABASE_BACKEND = "django_tasks_db.DatabaseBackend"


def django_setup() -> None:
    """Set Django up (settings from the environment); exit 2 naming the setting that is wrong."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "corparent.config.settings")
    import django

    from corparent.config.env import SettingError

    try:
        django.setup()
    except SettingError as exc:
        err.print(f"[red]Setting problem:[/red] {exc}")
        raise typer.Exit(2) from None


def database_ready() -> None:
    """Exit 2 with what to do when the database cannot be reached or is not migrated."""
    from corparent.demo.server import database_problem

    problem = database_problem()
    if problem:
        err.print(f"[red]{problem}[/red]")
        raise typer.Exit(2)


def _uses_worker() -> bool:
    from django.conf import settings

    return bool(settings.TASKS["default"]["BACKEND"] == DATABASE_BACKEND)


def serve(*, host: str, port: int, workers: int | None, with_worker: bool) -> None:
    """Run gunicorn (and the worker) until Ctrl-C; exit with the supervisor's code."""
    from corparent.demo import server

    problem = server.port_problem(host, port)
    if problem:
        err.print(f"[red]{problem}[/red]")
        raise typer.Exit(2)
    with_worker = with_worker and _uses_worker()  # CORPARENT_TASKS=immediate: work runs in the request
    commands = {
        "web server": server.gunicorn_command(
            host=host, port=port, workers=workers or server.default_workers()
        )
    }
    if with_worker:
        commands["worker"] = server.worker_command()
    Console(highlight=False, soft_wrap=True).print(
        f"Serving corparent at [bold]http://{host}:{port}/[/bold] ({server.describe_database()}"
        f"{', with the background worker' if with_worker else ', no background worker'}). Ctrl-C stops it."
    )
    raise typer.Exit(server.supervise(commands, say=err.print))


def worker() -> None:
    """The background worker alone, in this process, until Ctrl-C."""
    django_setup()
    database_ready()
    from django.core.management import call_command

    if not _uses_worker():
        err.print("CORPARENT_TASKS is not `database`: tasks run in the web request and need no worker.")
        raise typer.Exit(2)
    call_command("db_worker", queue_name="*", reload=False)


def demo_web(*, host: str, port: int, workers: int | None, and_serve: bool) -> None:
    """Demo mode in var/demo (unless CORPARENT_DATA_DIR says otherwise): migrate, seed, print the
    sign-ins, then serve unless told not to."""
    os.environ["CORPARENT_DEMO"] = "1"
    os.environ.setdefault("CORPARENT_DATA_DIR", str(Path("var") / "demo"))
    django_setup()
    from django.conf import settings
    from django.core.management import call_command

    from corparent.demo.server import describe_database
    from corparent.demo.services import DemoSeedError, demo_seed

    err.print(f"Setting up the demo in the {describe_database()}...")
    call_command("migrate", interactive=False, verbosity=0)
    try:
        seeded = demo_seed(data_dir=settings.DATA_DIR)
    except DemoSeedError as exc:
        err.print(f"[red]The demo could not be set up:[/red] {exc}")
        raise typer.Exit(2) from None
    out = Console(highlight=False, soft_wrap=True)
    out.print(f"\n[bold]{seeded.council_name}[/bold]: a synthetic council, invented children, not real data.")
    out.print(
        f"Open [bold]http://{host}:{port}/[/bold] and sign in with one of these "
        "(one per role, and a second partner):"
    )
    for username, role in seeded.accounts:
        out.print(f"  {username:<12} {role}")
    out.print(f"Password for every demo account: [bold]{seeded.password}[/bold]")
    out.print(f"(demo only; kept in {settings.DATA_DIR / 'demo-password'})\n")
    if and_serve:
        serve(host=host, port=port, workers=workers, with_worker=True)
