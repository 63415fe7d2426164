"""The synthetic council: a 903 return for children who do not exist, calibrated to England.

    council = generate(children=400, years=3, reference_date=date(2025, 3, 31), seed=1)
    write_council(council, Path("out"))   # out/2023/episodes.csv, ..., out/manifest.json

Each child's care history is simulated from entry (up to about 22 years back, so that care
leavers' histories are whole), then cut into the collection years asked for, as the council
would have returned each year at the time. Deterministic: the same arguments give byte-identical
files. Only synthetic data, ever: identifiers, postcodes (areas ZZ, ZY, ...), URNs and council codes
are made up.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import numpy as np

from corparent.engine.ssda903 import tables as T
from corparent.engine.ssda903.model import collection_year_of
from corparent.engine.ssda903.synth import params as P
from corparent.engine.ssda903.synth.breaks import short_break_episodes
from corparent.engine.ssda903.synth.calendar import DateText, add_years, year_end, year_start
from corparent.engine.ssda903.synth.cohort import Cohort, build_cohort
from corparent.engine.ssda903.synth.council import GENERATOR_VERSION, Defect, SyntheticCouncil, Table
from corparent.engine.ssda903.synth.cut import World, cut, looked_after_at
from corparent.engine.ssda903.synth.defects import inject_defects
from corparent.engine.ssda903.synth.events import make_missing, make_reviews, make_social_workers
from corparent.engine.ssda903.synth.history import simulate_histories
from corparent.engine.ssda903.synth.placements import EpisodeTable, episode_table
from corparent.engine.ssda903.writer import write_columns

__all__ = [
    "GENERATOR_VERSION",
    "Defect",
    "SyntheticCouncil",
    "Table",
    "file_name",
    "generate",
    "write_council",
]

_UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"


def file_name(table: str) -> str:
    """The CSV file name of a table, e.g. "Episodes" -> "episodes.csv"."""
    return f"{T.TABLES_BY_NAME[table].key}.csv"


def _upns(numbers: np.ndarray) -> np.ndarray:
    """Well-formed UPNs (check letter + fictitious LA 999 + 9 digits); not any real pupil's."""
    x = np.asarray(numbers, dtype=np.int64) % 1_000_000_000
    total = np.full(len(x), 9 * 2 + 9 * 3 + 9 * 4, dtype=np.int64)
    for i, weight in enumerate(range(5, 14)):
        total += (x // 10 ** (8 - i)) % 10 * weight
    letters = np.array(list(_UPN_LETTERS), dtype=object)[total % 23]
    return np.array(
        [f"{a}999{b:09d}" for a, b in zip(letters.tolist(), x.tolist(), strict=True)], dtype=object
    )


def _mothers(rng: np.random.Generator, coh: Cohort, reference: int) -> np.ndarray:
    """The date of birth of each girl's first child (0 for none): some girls looked after at 15 or
    over have a baby while looked after (in their last period of care), so that MOTHER is 1 only
    from a day she was looked after (DfE rules 625, 626)."""
    last = np.full(coh.n, -1, dtype=np.int64)
    np.maximum.at(last, coh.p_child, np.arange(len(coh.p_child)))
    has = last >= 0
    lo = np.zeros(coh.n, dtype=np.int64)
    hi = np.zeros(coh.n, dtype=np.int64)
    at = last[has]
    lo[has] = np.maximum(coh.p_start[at], add_years(coh.dob[has], 15))
    hi[has] = np.minimum(coh.p_plan_end[at], reference + 1) - 1  # the last day looked after
    mother = ~coh.male & ~coh.short_break & has & (hi > lo) & (rng.random(coh.n) < P.MOTHER_P)
    when = lo + (rng.random(coh.n) * np.maximum(hi - lo, 0)).astype(np.int64)
    return np.where(mother, when, 0)


def generate(
    *, children: int, years: int, reference_date: date, seed: int, error_rate: float = 0.0
) -> SyntheticCouncil:
    """Simulate a council with about ``children`` looked after at ``reference_date``.

    ``years`` collection years are produced, the last being the one containing the reference
    date (partial when that is not 31 March). ``error_rate`` (0..1) is the fraction of rows that
    get one injected defect, listed in ``council.defects``.
    """
    if children < 1 or years < 1:
        raise ValueError("children and years must be at least 1")
    if not 0.0 <= error_rate <= 1.0:
        raise ValueError("error_rate must be between 0 and 1")
    ref = reference_date.toordinal()
    last_year = collection_year_of(reference_date)
    year_list = list(range(last_year - years + 1, last_year + 1))
    first_day = year_start(year_list[0])
    streams = np.random.SeedSequence([abs(seed), int(seed < 0)]).spawn(8)  # any int seed
    rngs = [np.random.default_rng(s) for s in streams]
    coh = build_cohort(rngs[0], children=children, first_year=year_list[0], reference=ref)
    histories, adoption = simulate_histories(coh, ref, first_day, int(streams[1].generate_state(1)[0]))
    episodes = EpisodeTable.concat(
        [
            episode_table(rngs[2], coh, histories),
            short_break_episodes(rngs[2], coh, reference=ref, first_day=first_day),
        ]
    )
    rng = rngs[3]
    reviews = make_reviews(rng, coh, reference=ref, first_day=first_day)
    missing = make_missing(rng, coh, years=year_list, reference=ref, first_day=first_day)
    workers = make_social_workers(rng, coh, children=children, reference=ref, first_day=first_day)
    rng = rngs[4]
    multiplier, offset = 7_654_321, int(rng.integers(0, 9_000_000))
    # distinct 7-digit identifiers, increasing with the (random) child number
    numbers = np.sort(1_000_000 + (np.arange(coh.n, dtype=np.int64) * multiplier + offset) % 9_000_000)
    mc_dob = _mothers(rng, coh, ref)
    # dates written: from before the oldest birth to the youngest UASC's 18th birthday (DUC)
    text = DateText(int(coh.dob.min()) - 1000 if coh.n else ref - 10000, ref + 19 * 366)
    world = World(
        cohort=coh,
        episodes=episodes,
        adoption=adoption,
        reviews=reviews,
        missing=missing,
        social_workers=workers,
        ids=np.array([str(x) for x in numbers.tolist()], dtype=object),
        id_order=numbers,
        upn=_upns((numbers * 7919 + offset) % 1_000_000_000),
        mother_child_dob=mc_dob,
        text=text,
    )
    tables = cut(world, years=year_list, reference=ref, rng=rngs[5])
    defects = inject_defects(rngs[6], tables, error_rate)
    # the population aged 0-17 that puts cla_rate at the target at the last full year's end
    full = [y for y in year_list if year_end(y) <= ref]
    at = year_end(full[-1]) if full else ref
    cla_then = int(looked_after_at(world, at).sum())
    population = max(1, round(max(cla_then, 1) * 10_000 / P.TARGET_CLA_RATE))
    return SyntheticCouncil(
        seed=seed,
        children=children,
        years=year_list,
        reference_date=reference_date,
        error_rate=error_rate,
        population_0_17=population,
        cla_at_reference_date=int(looked_after_at(world, ref).sum()),
        tables=tables,
        defects=defects,
    )


def write_council(
    council: SyntheticCouncil, out: Path, progress: Callable[[str, int, int], None] | None = None
) -> list[Path]:
    """Write ``out/<year>/<table>.csv`` for every year and table, and ``out/manifest.json``.

    ``progress(stage, done, total)`` is called after each file. Returns the paths written.
    """
    out = Path(out)
    paths: list[Path] = []
    total = sum(len(t) for t in council.tables.values()) + 1
    for year in council.years:
        for name, table in council.tables[year].items():
            path = out / str(year) / file_name(name)
            write_columns(table.names, table.columns, path)
            paths.append(path)
            if progress is not None:
                progress("write", len(paths), total)
    manifest = out / "manifest.json"
    manifest.write_text(json.dumps(council.manifest(), indent=2) + "\n", encoding="utf-8")
    paths.append(manifest)
    if progress is not None:
        progress("write", len(paths), total)
    return paths
