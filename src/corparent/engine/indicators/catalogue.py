"""The indicator catalogue: indicators declared as data (TOML), validated when loaded.

Built-in indicators are loaded from ``builtin/catalogue.toml`` exactly as an extension's catalogue
file is: ``load_catalogue(extra_paths)`` adds more. Validation collects every issue with a level
(error or warning) instead of stopping at the first; a catalogue with errors is refused.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any, Final

from corparent.engine.indicators.cohorts import COHORTS
from corparent.engine.indicators.result import Unit
from corparent.engine.ssda903.tables import TABLES_BY_NAME

BUILTIN: Final = Path(__file__).parent / "builtin" / "catalogue.toml"


class Polarity(StrEnum):
    UP = "up"  # higher is better
    DOWN = "down"  # lower is better
    NEUTRAL = "neutral"  # context: no direction is better

    @property
    def label(self) -> str:
        return {"up": "Higher is better", "down": "Lower is better", "neutral": "No better direction"}[
            self.value
        ]


@dataclass(frozen=True)
class Indicator:
    id: str
    title: str
    meaning: str
    polarity: Polarity
    unit: Unit
    cohort: str
    dfe_reference: str
    version: str
    numerator: str | None = None
    denominator: str | None = None
    sum: str | None = None
    measure: str | None = None
    uses_population: bool = False
    breakdowns: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    source: str = "builtin"

    @property
    def annual(self) -> bool:
        return COHORTS[self.cohort].annual


class Level(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Issue:
    level: Level
    where: str  # file and indicator id
    message: str

    def __str__(self) -> str:
        return f"{self.level.value}: {self.where}: {self.message}"


class CatalogueError(Exception):
    def __init__(self, issues: Sequence[Issue]) -> None:
        self.issues = list(issues)
        super().__init__("the indicator catalogue is not valid:\n" + "\n".join(f"  - {i}" for i in issues))


@dataclass
class Catalogue:
    version: str
    indicators: dict[str, Indicator] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)

    def __iter__(self) -> Any:
        return iter(self.indicators.values())

    def __getitem__(self, key: str) -> Indicator:
        return self.indicators[key]

    def __len__(self) -> int:
        return len(self.indicators)


_KNOWN_KEYS: Final = {
    "id", "title", "meaning", "polarity", "unit", "cohort", "dfe_reference", "version", "numerator",
    "denominator", "sum", "measure", "uses_population", "breakdowns", "requires",
}  # fmt: skip
_REQUIRED_TEXT: Final = ("id", "title", "meaning", "polarity", "unit", "cohort", "dfe_reference")


def _check_requires(req: str) -> str | None:
    table, _, column = req.partition(".")
    spec = TABLES_BY_NAME.get(table)
    if spec is None:
        return f"requires unknown table {table!r}"
    if column and column not in {c.name for c in spec.all_columns}:
        return f"requires unknown column {req!r}"
    return None


def _parse_one(
    raw: dict[str, Any], where: str, default_version: str, source: str
) -> tuple[Indicator | None, list[Issue]]:
    issues: list[Issue] = []

    def err(msg: str) -> None:
        issues.append(Issue(Level.ERROR, where, msg))

    for key in sorted(set(raw) - _KNOWN_KEYS):
        err(f"unknown field {key!r}")
    missing = [k for k in _REQUIRED_TEXT if not isinstance(raw.get(k), str) or not raw[k].strip()]
    for key in missing:
        err(f"{key} is required (text)")
    if missing:
        return None, issues
    try:
        polarity = Polarity(raw["polarity"])
    except ValueError:
        err(f"polarity {raw['polarity']!r} is not one of {[p.value for p in Polarity]}")
    try:
        unit = Unit(raw["unit"])
    except ValueError:
        err(f"unit {raw['unit']!r} is not one of {[u.value for u in Unit]}")
    cohort = COHORTS.get(raw["cohort"])
    if cohort is None:
        err(f"cohort {raw['cohort']!r} is not one of {sorted(COHORTS)}")
    breakdowns = tuple(raw.get("breakdowns", ()))
    if cohort is not None:
        for b in breakdowns:
            if b not in cohort.breakdowns:
                err(
                    f"breakdown {b!r} is not offered by cohort {cohort.name!r} "
                    f"({', '.join(cohort.breakdowns)})"
                )
    requires = tuple(raw.get("requires", ()))
    for req in requires:
        problem = _check_requires(req)
        if problem:
            err(problem)
    if issues:
        return None, issues
    shape = {
        Unit.COUNT: ("numerator or sum", raw.get("numerator") is not None or raw.get("sum") is not None),
        Unit.PERCENT: ("numerator and denominator", raw.get("numerator") and raw.get("denominator")),
        Unit.PER_10K: (
            "numerator and uses_population = true",
            raw.get("numerator") and raw.get("uses_population"),
        ),
        Unit.MEAN: ("measure and denominator", raw.get("measure") and raw.get("denominator")),
        Unit.DAYS: ("measure and denominator", raw.get("measure") and raw.get("denominator")),
    }[unit]
    if not shape[1]:
        err(f"a {unit.value} indicator needs {shape[0]}")
    if unit is Unit.COUNT and raw.get("numerator") is not None and raw.get("sum") is not None:
        err("a count indicator has either numerator or sum, not both")
    if unit is not Unit.PER_10K and raw.get("uses_population"):
        err("uses_population is only for per 10,000 indicators")
    if unit is not Unit.COUNT and not breakdowns and unit is not Unit.PER_10K:
        issues.append(Issue(Level.WARNING, where, "no breakdowns declared"))
    if any(i.level is Level.ERROR for i in issues):
        return None, issues
    return (
        Indicator(
            id=raw["id"],
            title=raw["title"],
            meaning=raw["meaning"],
            polarity=polarity,
            unit=unit,
            cohort=raw["cohort"],
            dfe_reference=raw["dfe_reference"],
            version=str(raw.get("version", default_version)),
            numerator=raw.get("numerator"),
            denominator=raw.get("denominator"),
            sum=raw.get("sum"),
            measure=raw.get("measure"),
            uses_population=bool(raw.get("uses_population", False)),
            breakdowns=breakdowns,
            requires=requires,
            source=source,
        ),
        issues,
    )


def parse_catalogue(documents: Iterable[tuple[str, str]]) -> Catalogue:
    """Parse catalogue documents ``(name, toml_text)``; every issue is collected in ``.issues``."""
    cat = Catalogue(version="")
    for name, text in documents:
        try:
            doc = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            cat.issues.append(Issue(Level.ERROR, name, f"not valid TOML: {exc}"))
            continue
        version = str(doc.get("catalogue", {}).get("version", "1"))
        cat.version = cat.version or version
        entries = doc.get("indicators", [])
        if not entries:
            cat.issues.append(Issue(Level.WARNING, name, "declares no indicators"))
        for n, raw in enumerate(entries):
            where = f"{name}: {raw.get('id', f'indicator #{n + 1}')}"
            ind, issues = _parse_one(raw, where, version, name)
            cat.issues.extend(issues)
            if ind is None:
                continue
            if ind.id in cat.indicators:
                cat.issues.append(Issue(Level.ERROR, where, f"id {ind.id!r} is declared twice"))
                continue
            cat.indicators[ind.id] = ind
    return cat


def load_catalogue(extra: Sequence[Path] = (), *, strict: bool = True) -> Catalogue:
    """The built-in catalogue plus any extension files. With ``strict`` errors raise."""
    docs = [(p.name if p == BUILTIN else str(p), p.read_text(encoding="utf-8")) for p in (BUILTIN, *extra)]
    cat = parse_catalogue(docs)
    if strict and any(i.level is Level.ERROR for i in cat.issues):
        raise CatalogueError(cat.issues)
    return cat


@cache
def builtin_catalogue() -> Catalogue:
    return load_catalogue()
