"""Unpacking an upload safely into a temporary folder the engine's reader can read.

An upload is several CSV files, one or more zips, or both. Each zip is checked before and while it
is unpacked: no zip inside a zip, no absolute or ``..`` paths, no links, no encrypted members, at
most ``MAX_MEMBERS`` members, and the bytes actually unpacked (counted while streaming, never taken
from the zip's headers) stay under the upload limit and under ``MAX_RATIO`` times the zip's size
(more than that is a zip bomb). A file that is binary rather than text is refused on its first
chunk, without reading the rest. Those checks are in ``corparent.returns.upload_checks``.

The files are then laid out as the reader expects, ``<folder>/<year>/<name>.csv``: a file in a
folder named by its year (``2025`` or ``2024-25``) takes that year; the loose CSV files, and each
zip's files outside year folders, are one year's return each, whose year the reader tells from
Episodes. The reader's messages name the files as the user knows them (``return.zip/2025/
episodes.csv``), never the temporary folder.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath
from typing import IO, Protocol

from corparent.engine.ssda903.model import (
    ReadProblem,
    Return,
    ReturnReadError,
    collection_year_end,
    collection_year_of,
)
from corparent.engine.ssda903.reader import read_return
from corparent.returns.upload_checks import (
    ARCHIVES,
    CHUNK,
    MAX_MEMBERS,
    MAX_PROBLEMS_SHOWN,
    MAX_RATIO,
    RATIO_ALLOWANCE,
    ZIP_MAGIC,
    Rejected,
    _clean_name,
    _folder_year,
    _not_text,
    _parts,
    _Ratio,
    _unsafe,
    _unzip,
    _wanted,
    megabytes,
)

__all__ = [
    "ARCHIVES",
    "CHUNK",
    "MAX_MEMBERS",
    "MAX_PROBLEMS_SHOWN",
    "MAX_RATIO",
    "RATIO_ALLOWANCE",
    "ZIP_MAGIC",
    "Rejected",
    "Staged",
    "Stager",
    "Upload",
    "megabytes",
    "year_label",
]


class Upload(Protocol):
    """What staging needs of an uploaded file (Django's UploadedFile has it)."""

    name: str | None
    size: int | None

    def chunks(self, chunk_size: int | None = ...) -> Iterator[bytes]: ...


def year_label(year: int) -> str:
    """2025 -> "2024-25" (collection years are named by the year they end)."""
    return f"{year - 1}-{year % 100:02d}"


@dataclass
class Staged:
    path: Path  # in the temporary folder
    name: str  # as the user knows it
    year: int | None  # from its folder; None: the reader tells it from the data
    group: int  # the loose CSVs are group 0; each zip is a group of its own


@dataclass
class _Budget:
    """Bytes written so far against the upload limit."""

    limit: int
    used: int = 0

    def take(self, n: int, where: str) -> None:
        self.used += n
        if self.used > self.limit:
            raise Rejected(
                [
                    f"{where}: the upload unpacks to more than {megabytes(self.limit)}: "
                    f"expected at most {megabytes(self.limit)} of CSV files in all"
                ]
            )


@dataclass
class Stager:
    """Copies an upload's files into ``root``; then ``read()`` reads them as one return."""

    root: Path
    limit: int
    files: list[Staged] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    _n: int = 0

    # --- unpacking ------------------------------------------------------------------------------

    def add_all(self, uploads: Iterable[Upload]) -> None:
        uploads = list(uploads)
        if not uploads:
            raise Rejected(["No files were chosen: expected the return's CSV files, or a zip of them"])
        total = sum(u.size or 0 for u in uploads)
        if total > self.limit:
            raise Rejected(
                [f"The upload is {megabytes(total)}: expected at most {megabytes(self.limit)} in all"]
            )
        budget = _Budget(self.limit)
        for group, upload in enumerate(uploads, 1):
            name = _clean_name(upload.name or f"file {group}")
            suffix = PurePosixPath(name).suffix.lower()
            if suffix == ".zip":
                self._add_zip(upload, name, group, budget)
            elif suffix == ".csv":
                self._add_csv(upload.chunks(CHUNK), name, None, 0, budget)
            else:
                self.problems.append(
                    f"{name}: expected a CSV file (.csv) or a zip of them (.zip); "
                    "save each table from a spreadsheet as CSV"
                )
        if not self.files and not self.problems:
            self.problems.append("The upload holds no CSV files: expected the return's tables as .csv files")
        if self.problems:
            raise Rejected(self.problems)

    def _target(self) -> Path:
        self._n += 1
        path = self.root / "in" / f"{self._n:04d}.csv"
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def _add_csv(
        self, chunks: Iterable[bytes], name: str, year: int | None, group: int, budget: _Budget
    ) -> None:
        path = self._target()
        with path.open("wb") as out:
            for n, chunk in enumerate(chunks):
                if n == 0:
                    why = _not_text(chunk)
                    if why:
                        self.problems.append(f"{name}: expected a CSV file of text; {why}")
                        return
                budget.take(len(chunk), name)
                out.write(chunk)
        self.files.append(Staged(path, name, year, group))

    def _add_zip(self, upload: Upload, name: str, group: int, budget: _Budget) -> None:
        source: IO[bytes] = upload.file if hasattr(upload, "file") else upload  # type: ignore[assignment]
        source.seek(0)
        if source.read(4) not in ZIP_MAGIC:
            self.problems.append(f"{name}: expected a zip file (it ends .zip but is not one)")
            return
        source.seek(0)
        try:
            archive = zipfile.ZipFile(source)
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            self.problems.append(f"{name}: expected a zip file that opens ({exc})")
            return
        with archive:
            members = [i for i in archive.infolist() if not i.is_dir()]
            if len(members) > MAX_MEMBERS:
                raise Rejected(
                    [
                        f"{name}: holds {len(members):,} files: expected at most {MAX_MEMBERS}, "
                        "the tables of a return"
                    ]
                )
            unsafe = [why for info in members if (why := _unsafe(name, info))]
            if unsafe:
                raise Rejected(unsafe)
            csvs = [i for i in members if _wanted(i.filename)]
            paths = [_parts(i.filename) for i in csvs]
            years = [_folder_year(p) for p in paths]
            if any(y is not None for y in years):
                for info, y in zip(csvs, years, strict=True):
                    if y is None:
                        self.problems.append(
                            f"{name}/{info.filename}: expected each CSV file inside its collection "
                            "year's folder (the zip has folders named by year)"
                        )
            ratio = _Ratio(zipped=max(upload.size or 0, 1))
            for info, y in zip(csvs, years, strict=True):
                self._add_csv(
                    _unzip(archive, info, f"{name}/{info.filename}", ratio),
                    f"{name}/{info.filename}",
                    y,
                    group,
                    budget,
                )
            if not csvs:
                self.problems.append(f"{name}: holds no CSV files: expected the return's tables as CSV")

    # --- reading --------------------------------------------------------------------------------

    def read(self) -> Return:
        """Lay the files out by year and read them as one return; raise ``Rejected`` naming problems."""
        names: dict[str, str] = {}
        flat: dict[int, list[Staged]] = {}
        for f in self.files:
            if f.year is None:
                flat.setdefault(f.group, []).append(f)
        for group, files in flat.items():
            folder = self.root / f"flat{group}"
            for f in files:
                f.path = _move(f.path, folder, f.name, names)
            try:
                ret = read_return(folder, lenient_dates=True)
            except ReturnReadError as e:
                self.problems.extend(self._explain(e.problems, names, folder, files))
                continue
            year = ret.latest_year
            ret.con.close()
            for f in files:
                f.year = year
        if self.problems:
            raise Rejected(self.problems)
        folder = self.root / "return"
        for f in self.files:
            assert f.year is not None
            f.path = _move(f.path, folder / str(f.year), f.name, names)
        try:
            ret = read_return(folder, lenient_dates=True)
        except ReturnReadError as e:
            raise Rejected(self._explain(e.problems, names, folder, self.files)) from e
        try:
            mixed = _mixed_years(ret, names)
        except BaseException:
            ret.con.close()
            raise
        if mixed:
            ret.con.close()
            raise Rejected(mixed)
        return ret

    def name_of(self, path: Path) -> str:
        for f in self.files:
            if f.path == path:
                return f.name
        return path.name

    def _explain(
        self, problems: list[ReadProblem], names: dict[str, str], folder: Path, files: list[Staged]
    ) -> list[str]:
        what = _what(files)
        out = []
        for p in problems[:MAX_PROBLEMS_SHOWN]:
            text = str(p)
            for staged, shown in sorted(names.items(), key=lambda kv: -len(kv[0])):
                text = text.replace(staged, shown)
            year_folder = " (or zip the files in a folder named by their year, like 2025)"
            text = text.replace(str(folder), what).replace(", or year=", year_folder)
            text = text.replace("or year=", year_folder)
            out.append(text)
        if len(problems) > MAX_PROBLEMS_SHOWN:
            out.append(f"... and {len(problems) - MAX_PROBLEMS_SHOWN:,} more problems like these")
        return out


def _what(files: list[Staged]) -> str:
    groups = {f.group for f in files}
    if groups == {0}:
        return "The CSV files"
    zips = sorted({f.name.split("/", 1)[0] for f in files if f.group})
    return ", ".join(zips) if zips else "The upload"


def _move(path: Path, folder: Path, name: str, names: dict[str, str]) -> Path:
    """Move a staged file into ``folder`` under its own base name (made unique); remember its name."""
    folder.mkdir(parents=True, exist_ok=True)
    base = PurePosixPath(name).name
    stem, suffix = base[: -len(".csv")] if base.lower().endswith(".csv") else base, ".csv"
    target = folder / f"{stem}{suffix}"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{stem} ({n}){suffix}"
    path.rename(target)
    names.pop(str(path), None)
    names[str(target)] = name
    return target


def _mixed_years(ret: Return, names: dict[str, str]) -> list[str]:
    """A year's Episodes whose latest date falls in another collection year: the files are mixed up."""
    problems = []
    episodes = {f.year: f for f in ret.files if f.table == "Episodes"}
    for year, source in sorted(episodes.items()):
        row = ret.con.execute(
            "SELECT max(greatest(DECOM, coalesce(DEC, DECOM))) FROM episodes_all WHERE year = ?", [year]
        ).fetchone()
        latest = row[0] if row else None
        if not isinstance(latest, date):
            continue
        belongs = collection_year_of(latest)
        if belongs != year:
            name = names.get(str(source.path), source.path.name)
            start = date(year - 1, 4, 1)
            problems.append(
                f"{name}: is in the folder for {year_label(year)} (1 April {year - 1} to 31 March {year}) "
                f"but its latest DECOM or DEC date is {latest:%d/%m/%Y}, in {year_label(belongs)}: "
                f"expected the {year_label(year)} files in the {year} folder, with dates from "
                f"{start:%d/%m/%Y} to {collection_year_end(year):%d/%m/%Y} (are the years mixed up?)"
            )
    return problems
