"""Ofsted's lists of social care providers, read into a table the URN rules can query.

DfE checks a placement's Ofsted unique reference number (URN) against Ofsted's published lists (rules
219, 221, 224, 227, 228, 229, 241 and 1008). The return does not carry them: the council downloads
them from Ofsted and supplies them (``corparent validate DATA --providers FILE --providers FILE``).
``provider_sheets`` recognises each file by its shape (the children's homes list, the social care
providers list, or the two combined) and reads its rows; both lists are needed (or the combined one):
with only one, every URN on the other would look unknown.

Each provider's council (upper-tier authority) is worked out from its postcode with the ONS postcode
directory when the ``postcodes`` extra is installed (``councils_known``), as the peer does: Ofsted's
lists name the council only in words. ``load`` writes the providers into the DuckDB table the rules
read.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

import duckdb

from corparent.engine.ssda903 import postcodes
from corparent.engine.validation.provider_sheets import (
    CHILDRENS_HOMES,
    COMBINED,
    SOCIAL_CARE_PROVIDERS,
    Provider,
    ProviderProblem,
    ProviderReadError,
    read_provider_file,
)

__all__ = [
    "CHILDRENS_HOMES",
    "COMBINED",
    "SOCIAL_CARE_PROVIDERS",
    "Provider",
    "ProviderList",
    "ProviderProblem",
    "ProviderReadError",
    "load",
    "read_provider_file",
    "read_provider_lists",
]


@dataclass(frozen=True)
class ProviderList:
    """Every provider of the lists supplied."""

    providers: tuple[Provider, ...]
    files: Mapping[str, str] = field(default_factory=dict)  # file -> which list it is
    councils_known: bool = False  # whether each provider's council was worked out from its postcode

    def __len__(self) -> int:
        return len(self.providers)


def read_provider_lists(paths: Sequence[Path], *, councils: bool = True) -> ProviderList:
    """Read Ofsted's lists: the children's homes list with the social care providers list, or the
    combined list (more files may be given: every provider of each is kept). With ``councils`` and
    the postcodes extra installed, each provider's council is worked out from its postcode."""
    problems: list[ProviderProblem] = []
    kinds: dict[str, str] = {}
    found: list[Provider] = []
    for path in paths:
        try:
            kind, rows = read_provider_file(path)
        except ProviderReadError as exc:
            problems += exc.problems
            continue
        kinds[str(path)] = kind
        found += rows
    if not paths:
        problems.append(ProviderProblem("--providers", "at least one of Ofsted's provider lists"))
    got = set(kinds.values())
    if not problems and COMBINED not in got and len(got) == 1:
        (only,) = got
        other = SOCIAL_CARE_PROVIDERS if only == CHILDRENS_HOMES else CHILDRENS_HOMES
        named = ", ".join(Path(p).name for p in kinds)
        problems.append(
            ProviderProblem(
                named,
                f"Ofsted's {other} as well (only its {only} was supplied, so every URN on the other list "
                "would look unknown)",
            )
        )
    if problems:
        raise ProviderReadError(problems)
    known = councils and postcodes.available()
    if known:
        places = postcodes.lookup({p.postcode for p in found if p.postcode})
        found = [
            _with_council(p, postcodes.upper_tier(places[p.postcode].lad) if p.postcode in places else None)
            for p in found
        ]
    return ProviderList(tuple(found), kinds, councils_known=known)


def _with_council(p: Provider, la_code: str | None) -> Provider:
    return Provider(
        p.urn, p.place_codes, p.provider_codes, p.closed, p.postcode, p.la_name, p.source, la_code
    )


# --- the table the rules read ---------------------------------------------------------------------------

COLUMNS: Final = (
    "URN VARCHAR, PLACE_CODES VARCHAR[], PROVIDER_CODES VARCHAR[], CLOSED DATE, POSTCODE VARCHAR, "
    "LA_CODE VARCHAR, LA_NAME VARCHAR, SOURCE VARCHAR"
)


def load(con: duckdb.DuckDBPyConnection, table: str, providers: ProviderList) -> None:
    """Write the providers into ``table``: URN, PLACE_CODES, PROVIDER_CODES (lists), CLOSED (the date its
    registration ended, NULL while registered), POSTCODE (no spaces, upper case), LA_CODE (its council,
    NULL when not known), LA_NAME and SOURCE (file, sheet and row). One row per row of the lists."""
    con.execute(f"CREATE OR REPLACE TABLE {table} ({COLUMNS})")
    ps = providers.providers
    if not ps:
        return
    con.execute(
        f"INSERT INTO {table} SELECT * FROM (SELECT unnest($1::VARCHAR[]), unnest($2::VARCHAR[][]), "
        "unnest($3::VARCHAR[][]), unnest($4::DATE[]), unnest($5::VARCHAR[]), unnest($6::VARCHAR[]), "
        "unnest($7::VARCHAR[]), unnest($8::VARCHAR[]))",
        [
            [p.urn for p in ps],
            [list(p.place_codes) for p in ps],
            [list(p.provider_codes) for p in ps],
            [p.closed for p in ps],
            [p.postcode for p in ps],
            [p.la_code for p in ps],
            [p.la_name for p in ps],
            [p.source for p in ps],
        ],
    )
