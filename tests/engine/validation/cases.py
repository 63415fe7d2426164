"""Hand-made validation cases: tiny returns written as real 903 CSV files and read by the reader.

A case names the rows of each table as dicts (only the fields that matter; the rest are blank),
the collection year, and the rows the rule must flag: ``{"Header": [1]}`` means row 1 (0-based)
of that year's Header file. Previous-year tables are given with the suffix ``_last``.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from corparent.engine.ssda903.reader import read_return
from corparent.engine.ssda903.tables import TABLES_BY_NAME
from corparent.engine.ssda903.writer import write_table
from corparent.engine.validation.providers import ProviderList
from corparent.engine.validation.registry import all_rules
from corparent.engine.validation.rule import Rule
from corparent.engine.validation.runner import validate

Rows = Sequence[Mapping[str, object]]


def rule(code: str, year: int = 2026) -> Rule:
    for r in all_rules():
        if r.code == code and year in r.years:
            return r
    raise KeyError(f"no rule {code} for {year}")


def flagged(
    code: str,
    tables: Mapping[str, Rows],
    *,
    year: int = 2026,
    la_code: str | None = None,
    providers: ProviderList | None = None,
) -> dict[str, list[int]]:
    """Run one rule over a tiny return (with Ofsted's provider lists, if given); the rows it flags, by
    table (tables with none left out)."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for name, rows in tables.items():
            last = name.endswith("_last")
            spec = TABLES_BY_NAME[name.removesuffix("_last")]
            folder = root / str(year - 1 if last else year)
            folder.mkdir(exist_ok=True)
            write_table(spec, rows, folder / f"{spec.key}.csv")
        ret = read_return(root, lenient_dates=True)  # as validation reads: a malformed date is a finding
        try:
            result = validate(ret, year=year, la_code=la_code, rules=[rule(code, year)], providers=providers)
        finally:
            ret.con.close()
    assert not result.failed, f"rule {code} failed to run: {result.failed}"
    if providers is not None:  # a rule on Ofsted's lists that did not run would pass every case
        assert code in result.ran, f"rule {code} did not run: {result.skipped.get(code)}"
    out: dict[str, list[int]] = {}
    for f in result.findings:
        out.setdefault(f.table, []).append(f.row)
    return {k: sorted(v) for k, v in out.items()}
