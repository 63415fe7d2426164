"""Known defects injected into a generated return, for the validation rules to catch.

``error_rate`` is the fraction of each file's rows that get exactly one defect. Every defect keeps
the file readable: dates stay valid DD/MM/YYYY dates and integers stay integers; what breaks is
the meaning (an unknown code, a blank required field, dates in the wrong order, a missing
RNE = S, SEX in the other year's coding, a duplicated episode, an OC2 row for a child not looked
after for 12 months). Each one is listed with its file, row (0-based data row, after any inserted
rows), field, and the value before and after.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import numpy as np

from corparent.engine.ssda903 import tables as T
from corparent.engine.ssda903.synth.council import Defect, Table

UNKNOWN_CODE = "Z9"  # in no code list
GENERIC = ("unknown_code", "blank_required")
REQUIRED = {
    "Header": ("SEX", "DOB", "ETHNIC"),
    "Episodes": ("RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER"),
    "UASC": ("DOB",),
    "Reviews": ("REVIEW", "REVIEW_CODE"),
    "OC3": ("IN_TOUCH",),
    "AD1": ("DATE_INT", "DATE_MATCH", "FOSTER_CARE"),
    "PlacedAdoption": ("DATE_PLACED",),
    "PrevPerm": ("PREV_PERM",),
    "Missing": ("MISSING", "MIS_START"),
    "SWEpisodes": ("SW_ID", "SW_DECOM"),
    "OC2": ("IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT"),
}
# (field that goes before the other, the earlier field): "DEC before DECOM" etc.
ORDER = {
    "Episodes": ("DEC", "DECOM", "dec_before_decom"),
    "Reviews": ("REVIEW", "DOB", "review_before_dob"),
    "Missing": ("MIS_END", "MIS_START", "mis_end_before_start"),
    "SWEpisodes": ("SW_DEC", "SW_DECOM", "sw_dec_before_decom"),
    "UASC": ("DUC", "DOB", "duc_before_dob"),
}
_SEX_SWAP = {"1": "M", "2": "F", "M": "1", "F": "2", "U": "1"}


def _parse(text: str) -> date:
    d, m, y = text.split("/")
    return date(int(y), int(m), int(d))


def _fmt(d: date) -> str:
    return d.strftime("%d/%m/%Y")


class _Injector:
    def __init__(self, rng: np.random.Generator, year: int, tables: dict[str, Table]) -> None:
        self.rng = rng
        self.year = year
        self.tables = tables

    def kinds(self, t: Table, i: int) -> list[tuple[str, Callable[[Table, int], tuple[str, str, str]]]]:
        """The defects that can be made in row i of t: (kind, function -> (field, original, new))."""
        name = t.spec.name
        row = t.row(i)
        out: list[tuple[str, Callable[[Table, int], tuple[str, str, str]]]] = []
        codes = [c.name for c in t.spec.columns if c.type is T.ColumnType.CODE and row[c.name]]
        if codes:
            out.append(
                ("unknown_code", lambda t, i: self.set(t, i, codes[self.pick(len(codes))], UNKNOWN_CODE))
            )
        req = [f for f in REQUIRED.get(name, ()) if row.get(f)]
        if req:
            out.append(("blank_required", lambda t, i: self.set(t, i, req[self.pick(len(req))], "")))
        if name in ORDER:
            late, early, kind = ORDER[name]
            if row[late] and row[early]:
                out.append(
                    (
                        kind,
                        lambda t, i: self.set(
                            t, i, late, _fmt(_parse(row[early]) - timedelta(days=1 + self.pick(60)))
                        ),
                    )
                )
        if "SEX" in row and row["SEX"] in _SEX_SWAP:
            out.append(("sex_code_wrong_year", lambda t, i: self.set(t, i, "SEX", _SEX_SWAP[row["SEX"]])))
        if name == "Episodes" and row["RNE"] == "S":
            out.append(("missing_rne_s", lambda t, i: self.set(t, i, "RNE", "P")))
        return out

    def pick(self, n: int) -> int:
        return int(self.rng.integers(0, n))

    def set(self, t: Table, i: int, field: str, value: str) -> tuple[str, str, str]:
        original = t.columns[field][i]
        t.columns[field][i] = value
        return field, original, value

    def inject(self, name: str, rate: float) -> list[Defect]:
        t = self.tables[name]
        n = len(t)
        x = rate * n
        k = min(n, int(x) + int(self.rng.random() < x - int(x)))
        if k == 0:
            return []
        rows = sorted(self.rng.choice(n, size=k, replace=False).tolist())
        found: list[tuple[int, str, str, str, str, str]] = []  # (row, child, field, kind, original, new)
        duplicates: list[int] = []
        extra_oc2 = 0
        for i in rows:
            options = self.kinds(t, i)
            insert = (
                ["duplicate_episode"]
                if name == "Episodes"
                else ["oc2_not_12_months"]
                if name == "OC2"
                else []
            )
            # the specific defects are twice as likely as the generic unknown code / blank field
            weights = [1 if kind in GENERIC else 2 for kind, _ in options] + [2] * len(insert)
            cum = np.cumsum(weights)
            choice = int(np.searchsorted(cum, self.rng.random() * cum[-1], side="right"))
            if choice >= len(options):
                if name == "Episodes":
                    duplicates.append(i)
                else:
                    extra_oc2 += 1
                continue
            kind, fn = options[choice]
            child = t.columns["CHILD"][i]
            field, original, new = fn(t, i)
            found.append((i, child, field, kind, original, new))
        # inserted rows: duplicates right after their original, OC2 rows at the end
        shift = np.zeros(n + 1, dtype=np.int64)
        for i in duplicates:
            shift[i + 1 :] += 1
        defects = [Defect(self.year, name, c, i + int(shift[i]), f, k, o, v) for i, c, f, k, o, v in found]
        for i in reversed(duplicates):
            for col in t.names:
                t.columns[col].insert(i + 1, t.columns[col][i])
        for i in duplicates:
            pos = i + 1 + int(shift[i])
            defects.append(
                Defect(
                    self.year,
                    name,
                    t.columns["CHILD"][pos],
                    pos,
                    "DECOM",
                    "duplicate_episode",
                    "",
                    t.columns["DECOM"][pos],
                )
            )
        if extra_oc2:
            defects += self.oc2_rows(t, extra_oc2)
        return sorted(defects, key=lambda d: d.row)

    def oc2_rows(self, t: Table, k: int) -> list[Defect]:
        """OC2 rows for children who started to be looked after in this year."""
        ep, header = self.tables["Episodes"], self.tables["Header"]
        have = set(t.columns["CHILD"])
        starters = sorted(
            {c for c, rne in zip(ep.columns["CHILD"], ep.columns["RNE"], strict=True) if rne == "S"} - have
        )
        dob = dict(zip(header.columns["CHILD"], header.columns["DOB"], strict=True))
        out: list[Defect] = []
        for j in self.rng.permutation(len(starters))[:k].tolist():
            child = starters[j]
            row = {
                "CHILD": child,
                "DOB": dob.get(child, ""),
                "SDQ_REASON": "SDQ4",
                "IMMUNISATIONS": "1",
                "TEETH_CHECK": "1",
                "HEALTH_ASSESSMENT": "1",
                "SUBSTANCE_MISUSE": "0",
            }
            for col in t.names:
                t.columns[col].append(row.get(col, ""))
            out.append(Defect(self.year, "OC2", child, len(t) - 1, "CHILD", "oc2_not_12_months", "", child))
        return out


def inject_defects(
    rng: np.random.Generator, tables: dict[int, dict[str, Table]], rate: float
) -> list[Defect]:
    """Inject defects into every year's files (in place); returns them in year, table, row order."""
    if rate <= 0:
        return []
    out: list[Defect] = []
    for year in sorted(tables):
        inj = _Injector(rng, year, tables[year])
        for spec in T.tables_for(year):
            out += inj.inject(spec.name, rate)
    return out
