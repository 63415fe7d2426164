"""The declared mapping from DfE's file shapes to our indicator ids (``shapes.toml``), checked when
loaded: every issue is collected with a level (error or warning); a mapping with errors is refused.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Final

from corparent.engine.benchmarks.model import Level

BUILTIN: Final = Path(__file__).parent / "shapes.toml"
# The geography columns of every Explore Education Statistics tidy file we read.
GEO_COLUMNS: Final = (
    "time_period",
    "geographic_level",
    "country_code",
    "country_name",
    "region_code",
    "region_name",
    "old_la_code",
    "la_name",
)
_SHAPE_KEYS: Final = {"id", "title", "example_file", "filters", "columns", "measures"}
_MEASURE_KEYS: Final = {"indicator", "where", "value", "numerator", "denominator", "denominator_where"}


@dataclass(frozen=True)
class Issue:
    level: Level
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.level.value}: {self.where}: {self.message}"


class MappingError(Exception):
    def __init__(self, issues: Sequence[Issue]) -> None:
        self.issues = list(issues)
        super().__init__("the comparator mapping is not valid:\n" + "\n".join(f"  - {i}" for i in issues))


@dataclass(frozen=True)
class Measure:
    indicator: str
    where: tuple[tuple[str, str], ...]
    value: str
    numerator: str | None = None
    denominator: str | None = None
    denominator_where: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Shape:
    id: str
    title: str
    example_file: str
    filters: tuple[str, ...]
    columns: tuple[str, ...]
    measures: tuple[Measure, ...]

    @property
    def required_columns(self) -> tuple[str, ...]:
        return (*GEO_COLUMNS, *self.filters, *self.columns)


@dataclass
class ShapeMapping:
    version: str = ""
    shapes: dict[str, Shape] = field(default_factory=dict)
    uncompared: dict[str, str] = field(default_factory=dict)  # indicator id -> why it has no comparator
    issues: list[Issue] = field(default_factory=list)

    def indicators(self) -> dict[str, str]:
        """Each indicator id with comparators, and the id of the shape it comes from."""
        return {m.indicator: s.id for s in self.shapes.values() for m in s.measures}


def _pairs(raw: Any, where: str, key: str, issues: list[Issue]) -> tuple[tuple[str, str], ...]:
    if not isinstance(raw, Mapping) or not all(isinstance(v, str) for v in raw.values()):
        issues.append(Issue(Level.ERROR, where, f'{key} must be a table of column = "value"'))
        return ()
    return tuple((str(k), str(v)) for k, v in raw.items())


def _measure(
    raw: Any,
    shape: str,
    n: int,
    columns: set[str],
    filters: set[str],
    known: set[str] | None,
    issues: list[Issue],
) -> Measure | None:
    where = f"{shape}: measure #{n + 1}"
    if not isinstance(raw, Mapping):
        issues.append(Issue(Level.ERROR, where, "a measure must be a table"))
        return None
    where = f"{shape}: {raw.get('indicator', f'measure #{n + 1}')}"
    before = len(issues)
    for key in sorted(set(raw) - _MEASURE_KEYS):
        issues.append(Issue(Level.ERROR, where, f"unknown field {key!r}"))
    missing = [k for k in ("indicator", "value") if not isinstance(raw.get(k), str) or not raw[k]]
    for key in missing:
        issues.append(Issue(Level.ERROR, where, f"{key} is required (text)"))
    if missing:
        return None
    if known is not None and raw["indicator"] not in known:
        issues.append(Issue(Level.ERROR, where, f"indicator {raw['indicator']!r} is not in the catalogue"))
    filt = _pairs(raw.get("where", {}), where, "where", issues)
    if not filt:
        issues.append(Issue(Level.ERROR, where, "where must name at least one filter value"))
    den_where = _pairs(raw.get("denominator_where", {}), where, "denominator_where", issues)
    for col, _ in (*filt, *den_where):
        if col not in filters:
            issues.append(
                Issue(Level.ERROR, where, f"{col!r} is not one of the shape's filters {sorted(filters)}")
            )
    for key in ("value", "numerator", "denominator"):
        named = raw.get(key)
        if named is not None and named not in columns:
            issues.append(
                Issue(Level.ERROR, where, f"{key} column {named!r} is not one of {sorted(columns)}")
            )
    if den_where and raw.get("denominator") is None:
        issues.append(Issue(Level.ERROR, where, "denominator_where needs a denominator column"))
    if len(issues) > before:
        return None
    return Measure(
        indicator=raw["indicator"],
        where=filt,
        value=raw["value"],
        numerator=raw.get("numerator"),
        denominator=raw.get("denominator"),
        denominator_where=den_where,
    )


def _shape(raw: Any, n: int, known: set[str] | None, issues: list[Issue]) -> Shape | None:
    if not isinstance(raw, Mapping):
        issues.append(Issue(Level.ERROR, f"shape #{n + 1}", "a shape must be a table"))
        return None
    where = str(raw.get("id", f"shape #{n + 1}"))
    before = len(issues)
    for key in sorted(set(raw) - _SHAPE_KEYS):
        issues.append(Issue(Level.ERROR, where, f"unknown field {key!r}"))
    for key in ("id", "title", "example_file"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            issues.append(Issue(Level.ERROR, where, f"{key} is required (text)"))
    for key in ("filters", "columns"):
        value = raw.get(key)
        if not isinstance(value, list) or not value or not all(isinstance(c, str) for c in value):
            issues.append(Issue(Level.ERROR, where, f"{key} must be a list of column names"))
    if len(issues) > before:
        return None
    filters, columns = tuple(raw["filters"]), tuple(raw["columns"])
    clash = sorted(set(filters) & set(columns) | set(GEO_COLUMNS) & set(filters + columns))
    if clash:
        issues.append(Issue(Level.ERROR, where, f"columns declared twice: {clash}"))
    measures = raw.get("measures", [])
    if not measures:
        issues.append(Issue(Level.WARNING, where, "declares no measures"))
    parsed = [
        _measure(m, where, i, set(columns), set(filters), known, issues) for i, m in enumerate(measures)
    ]
    if len(issues) > before and any(i.level is Level.ERROR for i in issues[before:]):
        return None
    seen: set[str] = set()
    for m in parsed:
        if m is not None and m.indicator in seen:
            issues.append(Issue(Level.ERROR, where, f"indicator {m.indicator!r} is mapped twice"))
        if m is not None:
            seen.add(m.indicator)
    return Shape(
        id=raw["id"],
        title=raw["title"],
        example_file=raw["example_file"],
        filters=filters,
        columns=columns,
        measures=tuple(m for m in parsed if m is not None),
    )


def parse_mapping(
    documents: Iterable[tuple[str, str]], *, known: Iterable[str] | None = None
) -> ShapeMapping:
    """Parse mapping documents ``(name, toml_text)``; every issue is collected in ``.issues``.
    ``known`` (the catalogue's indicator ids) makes an unknown indicator an error."""
    parsed: list[tuple[str, Mapping[str, Any]]] = []
    failed: list[Issue] = []
    for name, text in documents:
        try:
            parsed.append((name, tomllib.loads(text)))
        except tomllib.TOMLDecodeError as exc:
            failed.append(Issue(Level.ERROR, name, f"not valid TOML: {exc}"))
    result = parse_mapping_documents(parsed, known=known)
    result.issues[:0] = failed
    return result


def parse_mapping_documents(
    documents: Iterable[tuple[str, Mapping[str, Any]]], *, known: Iterable[str] | None = None
) -> ShapeMapping:
    """``parse_mapping`` for documents already read from TOML ``(name, document)``."""
    ids = set(known) if known is not None else None
    result = ShapeMapping()
    by_indicator: dict[str, str] = {}
    for name, doc in documents:
        result.version = result.version or str(doc.get("mapping", {}).get("version", "1"))
        shapes = doc.get("shapes", [])
        if not shapes:
            result.issues.append(Issue(Level.WARNING, name, "declares no shapes"))
        for n, raw in enumerate(shapes):
            shape = _shape(raw, n, ids, result.issues)
            if shape is None:
                continue
            if shape.id in result.shapes:
                result.issues.append(Issue(Level.ERROR, shape.id, "shape id is declared twice"))
                continue
            for m in shape.measures:
                if m.indicator in by_indicator:
                    result.issues.append(
                        Issue(
                            Level.ERROR,
                            shape.id,
                            f"indicator {m.indicator!r} is also mapped by {by_indicator[m.indicator]!r}",
                        )
                    )
                by_indicator[m.indicator] = shape.id
            result.shapes[shape.id] = shape
        uncompared = doc.get("uncompared", {})
        if not isinstance(uncompared, Mapping) or not all(isinstance(v, str) for v in uncompared.values()):
            result.issues.append(
                Issue(Level.ERROR, name, 'uncompared must be a table of indicator = "reason"')
            )
            continue
        for indicator, reason in uncompared.items():
            if ids is not None and indicator not in ids:
                result.issues.append(
                    Issue(Level.ERROR, name, f"uncompared {indicator!r} is not in the catalogue")
                )
            result.uncompared[str(indicator)] = str(reason)
    mapped = result.indicators()
    for indicator in sorted(set(mapped) & set(result.uncompared)):
        result.issues.append(Issue(Level.ERROR, indicator, "is both mapped and listed as uncompared"))
    for indicator in sorted((ids or set()) - set(mapped) - set(result.uncompared)):
        result.issues.append(Issue(Level.WARNING, indicator, "has no comparator and no reason is given"))
    return result


def load_mapping(extra: Sequence[Path] = (), *, strict: bool = True) -> ShapeMapping:
    """The built-in mapping plus any extension files, checked against the indicator catalogue."""
    from corparent.engine.indicators.catalogue import builtin_catalogue

    docs = [(p.name, p.read_text(encoding="utf-8")) for p in (BUILTIN, *extra)]
    result = parse_mapping(docs, known=builtin_catalogue().indicators)
    if strict and any(i.level is Level.ERROR for i in result.issues):
        raise MappingError(result.issues)
    return result


@cache
def builtin_mapping() -> ShapeMapping:
    return load_mapping()
