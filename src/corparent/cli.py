"""The command line: ``corparent synth | scorecard | validate | indicators | demo | serve | worker | manage``.

Exit codes: 0 done; 1 the command ran but found problems (reserved for ``validate``); 2 the input
could not be read or the options are wrong (the message names what and where).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from corparent.engine.indicators import output
from corparent.engine.indicators.catalogue import CatalogueError, builtin_catalogue
from corparent.engine.indicators.engine import Scorecard, compute
from corparent.engine.indicators.suppression import Audience, suppress
from corparent.engine.ssda903.model import Return, ReturnReadError
from corparent.engine.ssda903.reader import Progress as Progress_
from corparent.engine.ssda903.reader import read_return

app = typer.Typer(
    help="corparent: the council's corporate parenting, from the SSDA903 return to the panel.",
    no_args_is_help=True,
    add_completion=False,
)
err = Console(stderr=True, soft_wrap=True)  # long paths and messages stay whole lines


class Format(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    xlsx = "xlsx"


def _date(value: str, option: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date: expected YYYY-MM-DD", param_hint=option) from None


@contextmanager
def _progress(label: str) -> Iterator[Progress]:
    """A rich progress bar on stderr (hidden when stderr is not a terminal)."""
    with Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    ) as bar:
        yield bar


def _tracker(bar: Progress, label: str) -> Callable[[str, int, int], None]:
    task = bar.add_task(label, total=None)

    def update(what: str, done: int, total: int) -> None:
        bar.update(task, description=f"{label}: {what}", completed=done, total=total)

    return update


def _population(data: Path, given: int | None) -> tuple[int | None, str | None]:
    if given:
        return given, None
    manifest = data / "manifest.json"
    if manifest.is_file():
        try:
            pop = json.loads(manifest.read_text(encoding="utf-8")).get("population_0_17")
        except (ValueError, OSError):
            pop = None
        if pop:
            return int(pop), f"population aged 0-17 ({int(pop):,}) taken from {manifest} (synthetic council)"
    return None, None


def _load_and_compute(data: Path, as_at: date, population: int | None) -> tuple[Scorecard, list[str]]:
    notes: list[str] = []
    pop, note = _population(data, population)
    if note:
        notes.append(note)
    try:
        with _progress("Reading") as bar:
            ret = read_return(data, progress=_tracker(bar, "Reading the return"))
        with _progress("Computing") as bar:
            card = compute(ret, as_at, population=pop, progress=_tracker(bar, "Computing indicators"))
    except ReturnReadError as exc:
        err.print(f"[red]Could not read the return in {data}[/red]")
        err.print(str(exc), markup=False, highlight=False)
        raise typer.Exit(2) from None
    except CatalogueError as exc:
        err.print(str(exc), markup=False)
        raise typer.Exit(2) from None
    return card, notes + card.notes


@contextmanager
def _destination(out: Path | None) -> Iterator[TextIO]:
    """Where text output goes: the ``--out`` file (closed afterwards) or standard output."""
    if out is None:
        yield sys.stdout
    else:
        with out.open("w", encoding="utf-8", newline="") as f:
            yield f


def _xlsx_path(out: Path | None) -> Path:
    if out is None:
        raise typer.BadParameter("xlsx needs --out FILE", param_hint="--format")
    return out


def _emit(card: Scorecard, notes: list[str], audience: Audience, fmt: Format, out: Path | None) -> None:
    rows = suppress(card.results, audience)
    if fmt is Format.table:
        with _destination(out) as f:
            console = Console(file=f, width=160 if out else None)
            output.render_table(rows, console, headline_only=True)
            for n in notes:
                console.print(f"[dim]Note: {n}[/dim]")
        return
    if fmt is Format.xlsx:
        meta = {
            "Reference date": card.reference_date.isoformat(),
            "Period": f"{card.period_start.isoformat()} to {card.reference_date.isoformat()}",
            "Definitions": f"corparent indicator catalogue v{card.catalogue_version}",
            "Audience": audience.value,
            "Suppression": "none (analyst)"
            if audience is Audience.ANALYST
            else "counts 1-5 hidden, with complementary cells",
            "Notes": "; ".join(notes) or "none",
            "Generated": time.strftime("%Y-%m-%d %H:%M:%S"),
        }
        output.write_xlsx(rows, _xlsx_path(out), meta)
    else:
        with _destination(out) as f:
            if fmt is Format.csv:
                output.write_csv(rows, f)
            else:
                f.write(output.to_json(rows) + "\n")
    for n in notes:
        err.print(f"Note: {n}", markup=False, highlight=False)


@app.command()
def synth(
    out: Annotated[Path, typer.Argument(help="Folder to write the return into (one sub-folder per year)")],
    children: Annotated[int, typer.Option(min=1, help="Children looked after at the reference date")] = 400,
    years: Annotated[int, typer.Option(min=1, max=10, help="Collection years to write")] = 3,
    reference_date: Annotated[str, typer.Option(help="Last date of the data, YYYY-MM-DD")] = "2025-03-31",
    seed: Annotated[int, typer.Option(help="Random seed: the same seed gives the same files")] = 1,
    error_rate: Annotated[
        float, typer.Option(min=0.0, max=1.0, help="Share of rows given a known defect (for validator tests)")
    ] = 0.0,
) -> None:
    """Generate a synthetic council's SSDA903 return (synthetic data only, never real children)."""
    from corparent.engine.ssda903.synth import generate, write_council

    ref = _date(reference_date, "--reference-date")
    started = time.perf_counter()
    with _progress("Generating") as bar:
        track = _tracker(bar, "Generating")
        track("care histories", 0, 2)
        council = generate(
            children=children, years=years, reference_date=ref, seed=seed, error_rate=error_rate
        )
        files = write_council(council, out, progress=_tracker(bar, "Writing"))
    err.print(
        f"Wrote {len(files)} files for {children:,} children looked after, {years} year(s) to {ref}, "
        f"seed {seed}, in {time.perf_counter() - started:.1f} s: {out}",
        highlight=False,
    )


@app.command()
def scorecard(
    data: Annotated[
        Path, typer.Argument(help="Folder holding the return (year sub-folders or one year's CSVs)")
    ],
    as_at: Annotated[str, typer.Option("--as-at", help="Reference date, YYYY-MM-DD")],
    format: Annotated[Format, typer.Option("--format", help="Output format")] = Format.table,
    out: Annotated[Path | None, typer.Option(help="Write to this file instead of the screen")] = None,
    audience: Annotated[
        Audience, typer.Option(help="analyst sees every figure; member hides small numbers")
    ] = Audience.MEMBER,
    population: Annotated[
        int | None, typer.Option(min=1, help="Population aged 0-17, for the rate per 10,000")
    ] = None,
) -> None:
    """Compute every indicator for a reference date, with breakdowns and 95% intervals."""
    if not data.exists():
        err.print(f"{data}: no such folder")
        raise typer.Exit(2)
    card, notes = _load_and_compute(data, _date(as_at, "--as-at"), population)
    _emit(card, notes, audience, format, out)


@app.command()
def validate(
    data: Annotated[
        Path, typer.Argument(help="Folder holding the return (year sub-folders or one year's CSVs)")
    ],
    previous: Annotated[
        Path | None, typer.Option(help="Folder holding the previous year's return (for previous-year rules)")
    ] = None,
    year: Annotated[
        int | None, typer.Option(help="Collection year to check, named by the year it ends")
    ] = None,
    la_code: Annotated[str | None, typer.Option(help="The council's LA code, for rules that need it")] = None,
    format: Annotated[Format, typer.Option("--format", help="Output format")] = Format.table,
    out: Annotated[Path | None, typer.Option(help="Write to this file instead of the screen")] = None,
    providers: Annotated[
        list[Path] | None,
        typer.Option(
            "--providers",
            help="Ofsted's children's homes list and social care providers list (.xlsx; give the option "
            "once for each), for the rules on Ofsted URNs",
        ),
    ] = None,
) -> None:
    """Check a return against DfE's validation rules. Exit 0: no errors; 1: errors; 2: unreadable.

    A date that is not a DD/MM/YYYY date is a finding (rules 112-171), not an unreadable return.
    """
    from corparent.engine.validation import report
    from corparent.engine.validation.providers import ProviderReadError, read_provider_lists
    from corparent.engine.validation.registry import NEEDS
    from corparent.engine.validation.runner import validate as run_rules

    if not data.exists() or (previous is not None and not previous.exists()):
        err.print(f"{data if not data.exists() else previous}: no such folder")
        raise typer.Exit(2)
    try:
        lists = read_provider_lists(providers) if providers else None
    except ProviderReadError as exc:
        err.print("[red]Could not read Ofsted's provider lists[/red]")
        err.print(str(exc), markup=False, highlight=False)
        raise typer.Exit(2) from None
    try:
        with _progress("Reading") as bar:
            track = _tracker(bar, "Reading the return")
            if previous is None:
                ret = read_return(data, year=year, progress=track, lenient_dates=True, compact=True)
            else:
                ret = _read_with_previous(data, previous, year, track)
        result = run_rules(ret, year=year, la_code=la_code, providers=lists)
    except ReturnReadError as exc:
        err.print(f"[red]Could not read the return in {data}[/red]")
        err.print(str(exc), markup=False, highlight=False)
        raise typer.Exit(2) from None
    if format is Format.table:
        with _destination(out) as f:
            report.render(result, Console(file=f))
    elif format is Format.xlsx:
        report.write_xlsx(result, _xlsx_path(out))
    else:
        with _destination(out) as f:
            if format is Format.csv:
                report.write_csv(result, f)
            else:
                f.write(report.to_json(result) + "\n")
    options = {"providers": " (--providers)", "la_code": " (--la-code)"}
    for need, why in NEEDS.items():  # rules that need more than the return, and did not get it
        codes = [code for code, reason in result.skipped.items() if reason == why]
        if codes:
            err.print(f"Rules {', '.join(codes)} not run: {why}{options.get(need, '')}.", highlight=False)
    raise typer.Exit(result.exit_code)


def _read_with_previous(data: Path, previous: Path, year: int | None, track: Progress_) -> Return:
    """Read one year's folder and the previous year's folder as one two-year return.

    Both are linked (not copied) into year folders of a temporary directory, so the files the
    reader names are still the ones given.
    """
    import tempfile

    if year is None:
        first = read_return(data, lenient_dates=True)
        this = first.latest_year
        first.con.close()
    else:
        this = year
    with tempfile.TemporaryDirectory() as tmp:
        for folder, y in ((data, this), (previous, this - 1)):
            target = Path(tmp) / str(y)
            target.mkdir()
            for csv_file in folder.glob("*"):
                if csv_file.is_file():
                    (target / csv_file.name).symlink_to(csv_file.resolve())
        return read_return(Path(tmp), progress=track, lenient_dates=True, compact=True)


@app.command()
def indicators(
    markdown: Annotated[
        bool, typer.Option(help="Print the catalogue as Markdown (docs/indicators.md)")
    ] = False,
) -> None:
    """List the indicator catalogue: id, title, unit, which direction is good."""
    from corparent.engine.indicators.docs import catalogue_markdown, catalogue_table

    cat = builtin_catalogue()
    if markdown:
        sys.stdout.write(catalogue_markdown(cat))
    else:
        Console().print(catalogue_table(cat))


def _files_demo(out: Path, children: int, seed: int, as_at: str) -> None:
    """The engine-only demo: a synthetic council's return and scorecard as files, no web app."""
    from corparent.engine.ssda903.synth import generate, write_council

    ref = _date(as_at, "--as-at")
    data = out / "return"
    council = generate(children=children, years=3, reference_date=ref, seed=seed)
    write_council(council, data)
    card, notes = _load_and_compute(data, ref, None)
    Console().print(
        f"[bold]Synthetic council[/bold] (seed {seed}): invented children, not real data. Return in {data}"
    )
    _emit(card, notes, Audience.MEMBER, Format.table, None)
    _emit(card, [], Audience.MEMBER, Format.csv, out / "scorecard.csv")
    _emit(card, [], Audience.MEMBER, Format.xlsx, out / "scorecard.xlsx")
    _emit(card, [], Audience.ANALYST, Format.csv, out / "scorecard-analyst.csv")
    Console().print(
        f"Wrote {out / 'scorecard.csv'} and {out / 'scorecard.xlsx'} (members' view: small numbers hidden), "
        f"and {out / 'scorecard-analyst.csv'} (analysts' view)."
    )


Host = Annotated[str, typer.Option(help="Address to listen on (127.0.0.1: this machine only)")]
Port = Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on")]
Workers = Annotated[
    int | None, typer.Option(min=1, help="Web server processes (default: 2 per core plus 1, at most 9)")
]


@app.command()
def serve(
    host: Host = "127.0.0.1",
    port: Port = 8000,
    workers: Workers = None,
    no_worker: Annotated[
        bool, typer.Option("--no-worker", help="Do not start the background worker (run `corparent worker`)")
    ] = False,
) -> None:
    """Run the web app (gunicorn) and its background worker against the configured database."""
    from corparent.demo import commands

    commands.django_setup()
    commands.database_ready()
    commands.serve(host=host, port=port, workers=workers, with_worker=not no_worker)


@app.command()
def worker() -> None:
    """Run the background worker alone: it takes tasks (computing snapshots, ...) from the database."""
    from corparent.demo import commands

    commands.worker()


@app.command(
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True, "help_option_names": []},
    add_help_option=False,
)
def manage(ctx: typer.Context) -> None:
    """Django's manage.py with corparent's settings: `corparent manage migrate`, `... createsuperuser`."""
    from corparent.manage import main as manage_main

    manage_main(list(ctx.args))


@app.command()
def demo(
    no_serve: Annotated[
        bool, typer.Option("--no-serve", help="Set up and seed the demo, print the sign-ins, do not serve")
    ] = False,
    host: Host = "127.0.0.1",
    port: Port = 8000,
    workers: Workers = None,
    out: Annotated[
        Path | None,
        typer.Option(help="Instead of the web app: write a synthetic council and its scorecard to FOLDER"),
    ] = None,
    children: Annotated[int, typer.Option(min=1, help="With --out: children looked after")] = 400,
    seed: Annotated[int, typer.Option(help="With --out: random seed")] = 1,
    as_at: Annotated[str, typer.Option("--as-at", help="With --out: reference date")] = "2025-03-31",
) -> None:
    """The demo web app: a synthetic council, people in every role, at http://127.0.0.1:8000.

    Three years of returns, targets and commentary, data in var/demo/; the sign-ins are printed."""
    if out is not None:
        _files_demo(out, children, seed, as_at)
        return
    from corparent.demo import commands

    commands.demo_web(host=host, port=port, workers=workers, and_serve=not no_serve)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
