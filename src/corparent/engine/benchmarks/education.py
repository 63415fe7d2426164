"""Education of children looked after: DfE's published results by council, declared as data.

``education.toml`` declares each measure (id, title, meaning, unit, polarity) and which rows and
columns of DfE's key stage 2, key stage 4 and absence files give it (the same form as
``shapes.toml``). Both halves are checked when loaded: every issue is collected with a level, and
a declaration with errors is refused. The measures are kept out of the SSDA903 indicator catalogue
(the return holds no school results); their ids may not clash with the catalogue's.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Final

from corparent.engine.benchmarks.mapping import Issue, MappingError, ShapeMapping, parse_mapping_documents
from corparent.engine.benchmarks.model import Level

BUILTIN: Final = Path(__file__).parent / "education.toml"
UNITS: Final = ("percent", "score")
POLARITIES: Final = {"up": "Higher is better", "down": "Lower is better"}
# The social care group DfE's files give for children looked after continuously for 12 months.
CLA_GROUP: Final = "CLA 12 months at 31 March"
_KEYS: Final = {"id", "title", "meaning", "unit", "polarity"}


@dataclass(frozen=True)
class EducationMeasure:
    id: str
    title: str
    meaning: str
    unit: str  # "percent" or "score"
    polarity: str  # "up": higher is better; "down": lower is better
    shape: str  # the id of the shape (DfE file) it comes from

    @property
    def better(self) -> str:
        return POLARITIES[self.polarity]


@dataclass
class Education:
    measures: dict[str, EducationMeasure] = field(default_factory=dict)
    mapping: ShapeMapping = field(default_factory=ShapeMapping)
    issues: list[Issue] = field(default_factory=list)


def academic_year(year: int) -> str:
    """The academic year a stored year stands for: 2025 (time period 202425) -> "2024/25"."""
    return f"{year - 1}/{year % 100:02d}"


def _measure(raw: Any, n: int, issues: list[Issue]) -> dict[str, str] | None:
    where = f"measure #{n + 1}"
    if not isinstance(raw, Mapping):
        issues.append(Issue(Level.ERROR, where, "a measure must be a table"))
        return None
    where = str(raw.get("id") or where)
    before = len(issues)
    for key in sorted(set(raw) - _KEYS):
        issues.append(Issue(Level.ERROR, where, f"unknown field {key!r}"))
    for key in sorted(_KEYS):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            issues.append(Issue(Level.ERROR, where, f"{key} is required (text)"))
    if len(issues) > before:
        return None
    if raw["unit"] not in UNITS:
        issues.append(Issue(Level.ERROR, where, f"unit must be one of {list(UNITS)}, not {raw['unit']!r}"))
    if raw["polarity"] not in POLARITIES:
        issues.append(
            Issue(Level.ERROR, where, f"polarity must be one of {list(POLARITIES)}, not {raw['polarity']!r}")
        )
    return None if len(issues) > before else {k: raw[k].strip() for k in _KEYS}


def parse_education(text: str, *, name: str = "education.toml", catalogue: Iterable[str] = ()) -> Education:
    """Parse the declaration; every issue is collected in ``.issues``. ``catalogue`` holds the 903
    catalogue's ids, which an education measure may not reuse."""
    result = Education()
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        result.issues.append(Issue(Level.ERROR, name, f"not valid TOML: {exc}"))
        return result
    taken = set(catalogue)
    declared: dict[str, dict[str, str]] = {}
    raw_measures = doc.get("measures", [])
    if not isinstance(raw_measures, list) or not raw_measures:
        result.issues.append(Issue(Level.ERROR, name, "measures must be a list of [[measures]] tables"))
        raw_measures = []
    for n, raw in enumerate(raw_measures):
        found = _measure(raw, n, result.issues)
        if found is None:
            continue
        if found["id"] in declared:
            result.issues.append(Issue(Level.ERROR, found["id"], "measure id is declared twice"))
        elif found["id"] in taken:
            result.issues.append(
                Issue(Level.ERROR, found["id"], "is an indicator of the 903 catalogue: choose another id")
            )
        else:
            declared[found["id"]] = found
    for key in sorted(set(doc) - {"mapping", "measures", "shapes"}):
        result.issues.append(Issue(Level.ERROR, name, f"unknown table {key!r}"))
    shapes = {k: v for k, v in doc.items() if k in ("mapping", "shapes")}
    result.mapping = parse_mapping_documents([(name, shapes)], known=declared)
    # parse_mapping warns of a known id with no comparator; for education that is an error (a
    # measure declared with no figures).
    for issue in result.mapping.issues:
        if issue.message.startswith("has no comparator"):
            result.issues.append(Issue(Level.ERROR, issue.where, "is declared but no shape gives it"))
        else:
            result.issues.append(issue)
    mapped = result.mapping.indicators()
    for measure_id, fields in declared.items():
        if measure_id in mapped:
            result.measures[measure_id] = EducationMeasure(**fields, shape=mapped[measure_id])
    return result


def load_education(path: Path = BUILTIN, *, strict: bool = True) -> Education:
    """The declaration at ``path``, checked against the indicator catalogue's ids."""
    from corparent.engine.indicators.catalogue import builtin_catalogue

    result = parse_education(
        path.read_text(encoding="utf-8"), name=path.name, catalogue=builtin_catalogue().indicators
    )
    if strict and any(i.level is Level.ERROR for i in result.issues):
        raise MappingError(result.issues)
    return result


@cache
def builtin_education() -> Education:
    return load_education()
