"""Ofsted's provider lists as workbooks: which list a file is, by its shape, and its rows as ``Provider``.

A file is recognised by its shape (sheet names and column headers, matched ignoring case and
spacing), in the forms Ofsted publishes and the peer validator (csc-validator-be-903) accepts:

- the **children's homes list**: a sheet "Provider information" with URN, Local Authority, Provider
  Code, Provider Placement Code, Closed Date and Setting Postcode (or Setting Address Postcode); or the
  older pair of sheets "Settings and Inspection Info" (the same but the postcode) and "Address
  Details" (URN and the postcode);
- the **social care providers list**: a first sheet of current providers with URN, Local authority,
  Placement code, Placement provider code and Setting postcode, and a second sheet of closed
  providers with the same and a Deregistration date;
- the **combined list** (both in one file): a first sheet with urn, local authority, placement code,
  placement provider code, deregistration date and setting address postcode, and optionally a second
  sheet of supported accommodation providers (urn, provider local authority, closed date, setting
  address postcode; their placement code is K3 and, when the sheet has none, their provider code PR4).

The header is the first row of a sheet that names a URN column (within the first
``HEADER_ROWS``). Placement and provider codes may be listed several to a cell ("K1, K2", "PR1/PR2"),
and are told apart by their form (a provider code is PR0 to PR5), not by their column: the children's
homes list's "Provider Code" and "Provider Placement Code" are read the other way round by the peer
(its Provider Code becomes the placement types), and which way Ofsted means them is not settled here.
A row with no URN is left out. A file that is not one of these, a missing column or a value that is
not a date where a date belongs stops the read, naming the file, sheet, row and column.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Final

from corparent.engine.ssda903 import postcodes

HEADER_ROWS: Final = 10
CHILDRENS_HOMES: Final = "children's homes list"
SOCIAL_CARE_PROVIDERS: Final = "social care providers list"
COMBINED: Final = "combined children's homes and social care providers list"

# The role of each column we read -> the headers Ofsted has used for it (normalised: lower case, single
# spaces).
URN, LA, PLACE, PROVIDER, CLOSED, POSTCODE = "URN", "LA", "PLACE", "PROVIDER", "CLOSED", "POSTCODE"
HEADERS: Final[Mapping[str, tuple[str, ...]]] = {
    URN: ("urn",),
    LA: ("local authority", "provider local authority"),
    PLACE: ("provider placement code", "placement code"),
    PROVIDER: ("provider code", "placement provider code"),
    CLOSED: ("closed date", "deregistration date"),
    POSTCODE: ("setting postcode", "setting address postcode"),
}
_CH_SHEET, _CH_SETTINGS, _CH_ADDRESS = (
    "provider information",
    "settings and inspection info",
    "address details",
)


@dataclass(frozen=True)
class Provider:
    """One row of one of Ofsted's lists."""

    urn: str  # upper case, no spaces
    place_codes: tuple[str, ...]  # the placement types (PLACE) it is registered for
    provider_codes: tuple[str, ...]  # the placement provider codes (PLACE_PROVIDER) it may be
    closed: date | None  # when its registration ended (None: still registered)
    postcode: str  # upper case, no spaces ('' when not given)
    la_name: str  # the council as the list names it
    source: str  # "file, sheet 'name', row n" (n as the spreadsheet numbers it)
    la_code: str | None = None  # its upper-tier council, from its postcode (None: not known)


@dataclass(frozen=True)
class ProviderProblem:
    """One reason a provider list could not be read."""

    file: str
    expected: str
    sheet: str | None = None
    row: int | None = None  # as the spreadsheet numbers it (the first row is 1)
    column: str | None = None
    value: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.sheet is not None:
            where += f", sheet {self.sheet!r}"
        if self.row is not None:
            where += f", row {self.row}"
        if self.column is not None:
            where += f", column {self.column!r}"
        got = f": {self.value!r}" if self.value is not None else ""
        return f"{where}{got}: expected {self.expected}"


class ProviderReadError(Exception):
    """The provider lists could not be read; ``problems`` names every reason found."""

    def __init__(self, problems: Sequence[ProviderProblem]) -> None:
        self.problems = list(problems)
        shown = "\n".join(f"  - {p}" for p in self.problems[:50])
        more = f"\n  ... and {len(self.problems) - 50} more" if len(self.problems) > 50 else ""
        super().__init__(f"{len(self.problems)} problem(s) reading Ofsted's provider lists:\n{shown}{more}")


Rows = list[tuple[object, ...]]


def _norm(header: object) -> str:
    return " ".join(str(header).split()).lower() if header is not None else ""


@dataclass
class _Sheet:
    file: str
    name: str
    header_row: int  # 1-based
    columns: dict[str, int]  # normalised header -> 0-based position
    rows: Rows  # the rows under the header
    names: dict[str, str] = field(default_factory=dict)  # normalised header -> as the file has it

    def find(self, role: str) -> int | None:
        return next((self.columns[h] for h in HEADERS[role] if h in self.columns), None)

    def has(self, *headers: str) -> bool:
        return all(h in self.columns for h in headers)


def _sheet(file: str, name: str, values: Iterator[tuple[object, ...]]) -> _Sheet:
    head: list[tuple[object, ...]] = []
    for row in values:
        head.append(row)
        if any(_norm(c) == "urn" for c in row):
            columns: dict[str, int] = {}
            names: dict[str, str] = {}
            for i, c in enumerate(row):
                columns.setdefault(_norm(c), i)
                names.setdefault(_norm(c), " ".join(str(c).split()))
            return _Sheet(file, name, len(head), columns, list(values), names)
        if len(head) >= HEADER_ROWS:
            break
    return _Sheet(file, name, 0, {}, [])


def _workbook(path: Path) -> list[_Sheet]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ProviderReadError(
            [ProviderProblem(path.name, f"an Excel workbook (.xlsx) of Ofsted's ({type(exc).__name__})")]
        ) from None
    try:
        return [_sheet(path.name, ws.title, ws.iter_rows(values_only=True)) for ws in wb.worksheets]
    finally:
        wb.close()


def _need(sheet: _Sheet, roles: Iterable[str], problems: list[ProviderProblem]) -> bool:
    missing = [" or ".join(repr(h) for h in HEADERS[r]) for r in roles if sheet.find(r) is None]
    if missing:
        where = f"a header row naming URN (within the first {HEADER_ROWS} rows)"
        expected = (
            where
            if not sheet.header_row
            else f"the column(s) {'; '.join(missing)} in the header (row {sheet.header_row})"
        )
        problems.append(ProviderProblem(sheet.file, expected, sheet=sheet.name))
    return not missing


_SPLIT = re.compile(r"[\s,/;]+")
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_YMD = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T].*)?$")


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _codes(value: object) -> tuple[str, ...]:
    return tuple(c for c in _SPLIT.split(_text(value).upper()) if c)


_PROVIDER_CODE = re.compile(r"^PR\d$")


def _sorted_codes(*cells: object) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The placement types and the placement provider codes (PR0 to PR5) in the cells, told apart by
    their form: which of the children's homes list's columns holds which is not settled (the peer
    reads its Provider Code as the placement types), and the two code lists share no code."""
    codes = [c for cell in cells for c in _codes(cell)]
    providers = tuple(dict.fromkeys(c for c in codes if _PROVIDER_CODE.match(c)))
    return tuple(dict.fromkeys(c for c in codes if not _PROVIDER_CODE.match(c))), providers


def _date(value: object) -> date | str | None:
    """The date a cell holds, None when blank, or the text when it is not a date."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    for pattern, order in ((_DMY, (2, 1, 0)), (_YMD, (0, 1, 2))):
        m = pattern.match(text)
        if m:
            y, mo, d = (int(m.group(i + 1)) for i in order)
            try:
                return date(y, mo, d)
            except ValueError:
                return text
    return text


def _providers(
    sheet: _Sheet,
    problems: list[ProviderProblem],
    *,
    place: str | None = None,
    provider: str | None = None,
    postcodes_by_urn: Mapping[str, str] | None = None,
) -> list[Provider]:
    """The providers of a sheet; ``place``/``provider`` stand in for a column the sheet does not have."""
    cols = {role: sheet.find(role) for role in HEADERS}
    out: list[Provider] = []
    for n, row in enumerate(sheet.rows, start=sheet.header_row + 1):

        def cell(role: str, row: tuple[object, ...] = row) -> object:
            i = cols[role]
            return row[i] if i is not None and i < len(row) else None

        urn = "".join(_text(cell(URN)).split()).upper()
        if not urn:
            continue
        closed = _date(cell(CLOSED))
        if isinstance(closed, str):
            header = sheet.names[next(h for h in HEADERS[CLOSED] if h in sheet.columns)]
            problems.append(ProviderProblem(sheet.file, "a date (DD/MM/YYYY)", sheet.name, n, header, closed))
            closed = None
        places, providers = _sorted_codes(cell(PLACE), cell(PROVIDER))
        post = postcodes.normalise(_text(cell(POSTCODE)))
        if not post and postcodes_by_urn is not None:
            post = postcodes_by_urn.get(urn, "")
        out.append(
            Provider(
                urn=urn,
                place_codes=places if place is None else (place,),
                provider_codes=providers or ((provider,) if provider else ()),
                closed=closed,
                postcode=post,
                la_name=_text(cell(LA)),
                source=f"{sheet.file}, sheet {sheet.name!r}, row {n}",
            )
        )
    return out


_ALL = (URN, LA, PLACE, PROVIDER, CLOSED, POSTCODE)
_NOT_CLOSED = (URN, LA, PLACE, PROVIDER, POSTCODE)
_EXPECTED = (
    "one of Ofsted's provider lists: the children's homes list (a sheet 'Provider information', or sheets "
    "'Settings and Inspection Info' and 'Address Details'), the social care providers list (a first sheet "
    "with URN, Placement code, Placement provider code and Setting postcode, and a second of closed "
    "providers), or the combined list (a first sheet with URN, placement code, placement provider code, "
    "deregistration date and setting address postcode)"
)


def read_provider_file(path: Path) -> tuple[str, list[Provider]]:
    """Which of Ofsted's lists ``path`` is, and its providers (councils not yet worked out)."""
    if not path.is_file():
        raise ProviderReadError([ProviderProblem(str(path), "a file (no such file)")])
    sheets = _workbook(path)
    by_name = {_norm(s.name): s for s in sheets}
    problems: list[ProviderProblem] = []
    kind, found = "", []
    if _CH_SHEET in by_name:
        kind, sheet = CHILDRENS_HOMES, by_name[_CH_SHEET]
        if _need(sheet, _ALL, problems):
            found = _providers(sheet, problems)
    elif _CH_SETTINGS in by_name and _CH_ADDRESS in by_name:
        kind, settings, address = CHILDRENS_HOMES, by_name[_CH_SETTINGS], by_name[_CH_ADDRESS]
        settings_ok = _need(settings, (URN, LA, PLACE, PROVIDER, CLOSED), problems)
        if _need(address, (URN, POSTCODE), problems) and settings_ok:
            posts = {p.urn: p.postcode for p in _providers(address, problems)}
            found = _providers(settings, problems, postcodes_by_urn=posts)
    elif sheets and sheets[0].has("setting address postcode"):
        kind = COMBINED
        if _need(sheets[0], _ALL, problems):
            found = _providers(sheets[0], problems)
        if len(sheets) > 1 and sheets[1].header_row:
            supported = sheets[1]
            if _need(supported, (URN, CLOSED, POSTCODE), problems):
                found += _providers(supported, problems, place="K3", provider="PR4")
    elif sheets and sheets[0].has("placement code", "placement provider code"):
        kind = SOCIAL_CARE_PROVIDERS
        if _need(sheets[0], _NOT_CLOSED, problems):
            found = _providers(sheets[0], problems)
        if len(sheets) < 2:
            problems.append(ProviderProblem(path.name, "a second sheet, of closed providers"))
        elif _need(sheets[1], _ALL, problems):
            found += _providers(sheets[1], problems)
    else:
        problems.append(ProviderProblem(path.name, _EXPECTED))
    if problems:
        raise ProviderReadError(problems)
    return kind, found
