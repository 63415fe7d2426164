"""``python -m corparent.bench [--national N] [--no-validation] [--with-peer-national] [--no-web]``: run the
benchmarks (with the validation benchmark, ours against the peer, unless --no-validation), print them,
update README.md."""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.console import Console
from rich.markdown import Markdown

from corparent.bench import readme_block, run, update_readme, web
from corparent.bench.validation import add_to_results, run_validation


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--national", type=int, default=100_000, help="children looked after at national scale"
    )
    parser.add_argument("--out", type=Path, default=Path("bench-out"))
    parser.add_argument("--no-readme", action="store_true", help="do not rewrite the README's figures")
    parser.add_argument(
        "--no-validation", action="store_true", help="leave out timing our rules against the peer's"
    )
    parser.add_argument(
        "--with-peer-national", action="store_true", help="the peer at national scale too (minutes, GBs)"
    )
    parser.add_argument(
        "--no-web", action="store_true", help="leave out the web app's benchmark (gunicorn and PostgreSQL)"
    )
    args = parser.parse_args()
    console = Console()
    with console.status("Running benchmarks (national scale takes a few minutes)..."):
        results = run(args.out, national_children=args.national)
    if not args.no_validation:
        national, peer_national = args.national, args.with_peer_national
        v = run_validation(args.out, national_children=national, with_peer_national=peer_national)
        add_to_results(args.out, results, v)
    if not args.no_web:  # the web app under load (bench/web.py)
        try:
            web.add_to_results(args.out, results, web.run_web(args.out, say=console.print))
        except (web.BenchError, web.ClientError) as exc:
            console.print(f"[red]web bench not run:[/red] {exc}")
            web.add_to_results(args.out, results, {"skipped": str(exc)})
    console.print(Markdown(readme_block(results)))
    if not args.no_readme and update_readme(results):
        console.print("README.md updated.")
    console.print(f"Results: {args.out / 'results.json'}")


if __name__ == "__main__":
    main()
