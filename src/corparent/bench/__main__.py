"""``python -m corparent.bench [--national N] [--validation [--with-peer-national]]``: run the
benchmarks, print them, update README.md."""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.console import Console
from rich.markdown import Markdown

from corparent.bench import readme_block, run, update_readme
from corparent.bench.validation import add_to_results, run_validation


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--national", type=int, default=100_000, help="children looked after at national scale"
    )
    parser.add_argument("--out", type=Path, default=Path("bench-out"))
    parser.add_argument("--no-readme", action="store_true", help="do not rewrite the README's figures")
    parser.add_argument("--validation", action="store_true", help="also time our rules against the peer's")
    parser.add_argument(
        "--with-peer-national", action="store_true", help="with --validation: the peer at 100k too"
    )
    args = parser.parse_args()
    console = Console()
    with console.status("Running benchmarks (national scale takes a few minutes)..."):
        results = run(args.out, national_children=args.national)
    if args.validation:
        national, peer_national = args.national, args.with_peer_national
        v = run_validation(args.out, national_children=national, with_peer_national=peer_national)
        add_to_results(args.out, results, v)
    console.print(Markdown(readme_block(results)))
    if not args.no_readme and update_readme(results):
        console.print("README.md updated.")
    console.print(f"Results: {args.out / 'results.json'}")


if __name__ == "__main__":
    main()
