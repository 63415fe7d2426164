"""Synthetic Ofsted provider lists, in the shapes ``providers`` reads: for tests and ``make compare-peer``.

Only synthetic data: the lists are made from a synthetic return's own URNs (or from rows a test writes
by hand), never from Ofsted's files. ``write_childrens_homes``, ``write_social_care_providers`` and
``write_combined`` write a workbook with Ofsted's sheet names and column headers; ``lists_for_return``
makes both lists for a synthetic return, with a few providers deliberately made not to match it (so
that each URN rule has something to find).
"""

from __future__ import annotations

import csv
import random
import re
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Final

from openpyxl import Workbook

Row = Mapping[str, object]

CH_COLUMNS: Final = (
    "URN",
    "Provider Name",
    "Local Authority",
    "Provider Code",
    "Provider Placement Code",
    "Closed Date",
    "Setting Postcode",
)
SCP_COLUMNS: Final = (
    "URN",
    "Provider type",
    "Local authority",
    "Placement code",
    "Placement provider code",
    "Setting postcode",
)
SCP_CLOSED_COLUMNS: Final = (*SCP_COLUMNS[:5], "Deregistration date", SCP_COLUMNS[5])
COMBINED_COLUMNS: Final = (
    "urn",
    "local authority",
    "placement code",
    "placement provider code",
    "deregistration date",
    "setting address postcode",
)
SUPPORTED_COLUMNS: Final = ("urn", "provider local authority", "closed date", "setting address postcode")


def write_workbook(path: Path, sheets: Sequence[tuple[str, Sequence[str], Sequence[Row]]]) -> Path:
    """A workbook of ``(sheet name, column headers, rows)``; a row's missing columns are left blank."""
    wb = Workbook()
    wb.remove(wb.active)
    for name, columns, rows in sheets:
        ws = wb.create_sheet(name)
        ws.append(list(columns))
        for row in rows:
            ws.append([row.get(c) for c in columns])
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def write_childrens_homes(path: Path, rows: Sequence[Row]) -> Path:
    return write_workbook(path, [("Provider information", CH_COLUMNS, rows)])


def write_social_care_providers(path: Path, current: Sequence[Row], closed: Sequence[Row] = ()) -> Path:
    return write_workbook(
        path,
        [("Current providers", SCP_COLUMNS, current), ("Providers closed", SCP_CLOSED_COLUMNS, closed)],
    )


def write_combined(path: Path, rows: Sequence[Row], supported: Sequence[Row] | None = None) -> Path:
    sheets: list[tuple[str, Sequence[str], Sequence[Row]]] = [("Providers", COMBINED_COLUMNS, rows)]
    if supported is not None:
        sheets.append(("Supported accommodation", SUPPORTED_COLUMNS, supported))
    return write_workbook(path, sheets)


# --- lists for a synthetic return -----------------------------------------------------------------------

_PR = re.compile(r"^PR[0-5]$")
MISMATCH_P: Final = 0.04  # the share of URNs given each kind of mismatch


def _episodes(folder: Path) -> list[dict[str, str]]:
    for path in sorted(folder.glob("*.csv")):
        with path.open(newline="", encoding="utf-8-sig") as f:
            reader = csv.DictReader(f)
            fields = {(h or "").strip().upper() for h in reader.fieldnames or ()}
            if {"CHILD", "DECOM", "URN", "PLACE"} <= fields:
                return [{(k or "").strip().upper(): (v or "").strip() for k, v in r.items()} for r in reader]
    raise FileNotFoundError(f"{folder}: no Episodes CSV file")


def _dmy(text: str) -> date | None:
    try:
        d, m, y = (int(x) for x in text.split("/"))
        return date(y, m, d)
    except ValueError:
        return None


def lists_for_return(folder: Path, out: Path, *, year: int, seed: int = 0) -> tuple[Path, Path]:
    """Ofsted's children's homes list and social care providers list for the URNs of the Episodes file in
    ``folder`` (collection year ``year``), written to ``out``; returns their paths.

    Each URN becomes one provider registered for the placement types and provider codes its episodes
    use, at the postcode of its first episode; URNs with a children's home episode (K2) go on the
    children's homes list, the rest on the social care providers list. About ``MISMATCH_P`` of the URNs
    each are left off (rule 1008), registered for another placement type (219) or provider code (224),
    given another postcode (221), or closed before an episode starts (227) or during the year (228).
    """
    rng = random.Random(seed)
    by_urn: dict[str, list[dict[str, str]]] = {}
    for e in _episodes(folder):
        urn = e.get("URN", "").upper()
        if urn and urn != "XXXXXXX":
            by_urn.setdefault(urn, []).append(e)
    homes: list[Row] = []
    current: list[Row] = []
    closed: list[Row] = []
    year_start = date(year - 1, 4, 1)
    for urn, eps in sorted(by_urn.items()):
        # Ofsted lists real codes only: a mistaken code in the return is not on the lists
        places = sorted({e["PLACE"] for e in eps if e.get("PLACE") and not _PR.match(e["PLACE"])})
        providers = sorted({e["PLACE_PROVIDER"] for e in eps if _PR.match(e.get("PLACE_PROVIDER", ""))})
        post = next((e["PL_POST"] for e in eps if e.get("PL_POST")), "")
        ends: date | None = None
        u = rng.random()
        if u < MISMATCH_P:
            continue
        if u < 2 * MISMATCH_P:
            places = places[1:] or ["Z1"]
        elif u < 3 * MISMATCH_P:
            providers = providers[1:] or ["PR0"]
        elif u < 4 * MISMATCH_P:
            post = "ZX9 9ZZ"
        elif u < 5 * MISMATCH_P:
            starts = [d for d in (_dmy(e.get("DECOM", "")) for e in eps) if d is not None]
            ends = max(starts) if starts else year_start
        elif u < 6 * MISMATCH_P:
            ends = year_start + timedelta(days=rng.randrange(0, 364))
        row: dict[str, object] = {"URN": urn, "Local Authority": "Synthetic council", "Closed Date": ends}
        if "K2" in places:
            # placement types under "Provider Code", as the peer reads the list (``providers`` reads
            # codes by their form, whichever column holds them)
            row |= {"Provider Code": ",".join(places), "Provider Placement Code": ",".join(providers)}
            homes.append(row | {"Provider Name": f"Home {urn}", "Setting Postcode": post})
        else:
            scp = {
                "URN": urn,
                "Provider type": "Synthetic provider",
                "Local authority": "Synthetic council",
                "Placement code": ",".join(places),
                "Placement provider code": ",".join(providers),
                "Setting postcode": post,
            }
            if ends is None:
                current.append(scp)
            else:
                closed.append(scp | {"Deregistration date": ends})
    ch = write_childrens_homes(out / "childrens-homes.xlsx", homes)
    scp_path = write_social_care_providers(out / "social-care-providers.xlsx", current, closed)
    return ch, scp_path
