"""Checks that keep the project's own documents true: Makefile help, README, ADR index, CHANGELOG, CI."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
REQUIRED_TARGETS = ("help", "install", "demo", "test", "bench", "lint", "typecheck", "clean")
GLOSSARY = (
    "CLA", "SSDA903", "OC2", "OC3", "UASC", "SN", "CiCC", "IRO", "PA", "SDQ",
    "EET", "NEET", "SGO", "RAG", "ILACS", "FWP", "ToR", "LA", "DfE", "ONS",
)  # fmt: skip


def read(relative: str) -> str:
    return (ROOT / relative).read_text(encoding="utf-8")


def section(markdown: str, heading: str) -> str:
    """The text under a `## heading` (or deeper) up to the next heading of the same or higher level."""
    match = re.search(rf"^(#+) {re.escape(heading)}\s*$", markdown, flags=re.MULTILINE)
    assert match, f"no heading {heading!r}"
    level = len(match.group(1))
    rest = markdown[match.end() :]
    end = re.search(rf"^#{{1,{level}}} ", rest, flags=re.MULTILINE)
    return rest[: end.start()] if end else rest


@pytest.fixture(scope="module")
def make_help() -> dict[str, str]:
    """`make help` parsed into {target: description}."""
    if shutil.which("make") is None:
        pytest.fail("GNU make is needed to build and test corparent, and it is not on PATH")
    # Run as a fresh top-level make, not as a sub-make of `make test`.
    env = {k: v for k, v in os.environ.items() if k not in {"MAKEFLAGS", "MFLAGS", "MAKELEVEL"}}
    done = subprocess.run(
        ["make", "help"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    targets = {}
    for line in done.stdout.splitlines():
        match = re.fullmatch(r"\s+([A-Za-z0-9_.-]+)\s+(\S.*)", line)
        if match:
            targets[match.group(1)] = match.group(2).strip()
    return targets


def phony_targets() -> set[str]:
    makefile = read("Makefile")
    names: set[str] = set()
    for line in re.findall(r"^\.PHONY:(.*)$", makefile, flags=re.MULTILINE):
        names.update(line.split())
    return names


def test_make_help_describes_the_required_targets(make_help: dict[str, str]) -> None:
    for target in REQUIRED_TARGETS:
        assert target in make_help, f"`make help` does not list {target}"
        assert len(make_help[target].split()) >= 2, f"`make help` gives {target} no real description"


def test_every_phony_target_is_in_make_help(make_help: dict[str, str]) -> None:
    missing = phony_targets() - make_help.keys()
    assert not missing, f"targets without a `## description` in the Makefile: {sorted(missing)}"


def test_make_with_no_target_prints_help() -> None:
    assert re.search(r"^\.DEFAULT_GOAL\s*:=\s*help\s*$", read("Makefile"), flags=re.MULTILINE)


def test_readme_getting_started_has_the_two_setup_commands() -> None:
    getting_started = section(read("README.md"), "Getting started")
    commands = re.findall(r"^\s*(make \w+)\s*$", getting_started, flags=re.MULTILINE)
    assert commands[:2] == ["make demo", "make test"], commands
    assert ".venv/" in getting_started


def test_readme_documents_the_cli() -> None:
    readme = read("README.md")
    for command in ("corparent synth", "corparent scorecard", "corparent demo"):
        assert command in readme


def test_readme_has_benchmark_markers_once_and_in_order() -> None:
    readme = read("README.md")
    assert readme.count("<!-- bench:start -->") == 1
    assert readme.count("<!-- bench:end -->") == 1
    assert readme.index("<!-- bench:start -->") < readme.index("<!-- bench:end -->")
    assert readme.index("<!-- bench:start -->") > readme.index("## Benchmarks")


def test_readme_glossary_explains_every_acronym() -> None:
    glossary = section(read("README.md"), "Glossary")
    for acronym in GLOSSARY:
        assert re.search(rf"\b{re.escape(acronym)}\b", glossary), f"glossary lacks {acronym}"


def test_every_adr_is_listed_in_the_index() -> None:
    adr_dir = ROOT / "docs" / "adr"
    index = read("docs/adr/README.md")
    adrs = sorted(p.name for p in adr_dir.glob("[0-9][0-9][0-9][0-9]-*.md"))
    assert adrs, "no ADRs found in docs/adr"
    for name in adrs:
        assert f"]({name})" in index, f"docs/adr/README.md does not link {name}"
    numbers = [name[:4] for name in adrs]
    assert len(numbers) == len(set(numbers)), "two ADRs share a number"


def test_every_adr_has_date_status_and_sections() -> None:
    for path in sorted((ROOT / "docs" / "adr").glob("[0-9][0-9][0-9][0-9]-*.md")):
        text = path.read_text(encoding="utf-8")
        assert re.search(r"^Date: \d{4}-\d{2}-\d{2}$", text, flags=re.MULTILINE), path.name
        assert re.search(r"^Status: \w+", text, flags=re.MULTILINE), path.name
        for heading in ("Context", "Decision", "Consequences"):
            assert re.search(rf"^## {heading}\s*$", text, flags=re.MULTILINE), f"{path.name}: {heading}"


def test_changelog_has_an_unreleased_section() -> None:
    changelog = read("CHANGELOG.md")
    assert "Keep a Changelog" in changelog
    assert re.search(r"^## \[Unreleased\]\s*$", changelog, flags=re.MULTILINE)


def test_ci_run_is_executable_and_runs_the_tests_and_lint() -> None:
    run = ROOT / ".ci" / "run"
    assert os.access(run, os.X_OK), ".ci/run is not executable"
    text = run.read_text(encoding="utf-8")
    assert text.startswith("#!/usr/bin/env bash\n")
    assert "set -euo pipefail" in text
    code = [line.split("#", 1)[0] for line in text.splitlines()]
    assert any(re.search(r"\bmake test\b", line) for line in code), ".ci/run does not run `make test`"
    assert any(re.search(r"\bmake lint\b", line) for line in code), ".ci/run does not run `make lint`"
    if shutil.which("bash"):
        syntax = subprocess.run(["bash", "-n", str(run)], capture_output=True, text=True, check=False)
        assert syntax.returncode == 0, syntax.stderr
