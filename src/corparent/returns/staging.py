"""Unpacking an upload safely into a temporary folder the engine's reader can read.

An upload is several CSV files, one or more zips, or both. Each zip is checked before and while it
is unpacked: no zip inside a zip, no absolute or ``..`` paths, no links, no encrypted members, at
most ``MAX_MEMBERS`` members, and the bytes actually unpacked (counted while streaming, never taken
from the zip's headers) stay under the upload limit and under ``MAX_RATIO`` times the zip's size
(more than that is a zip bomb). A file that is binary rather than text is refused on its first
chunk, without reading the rest.

The files are then laid out as the reader expects, ``<folder>/<year>/<name>.csv``: a file in a
folder named by its year (``2025`` or ``2024-25``) takes that year; the loose CSV files, and each
zip's files outside year folders, are one year's return each, whose year the reader tells from
Episodes. The reader's messages name the files as the user knows them (``return.zip/2025/
episodes.csv``), never the temporary folder.
"""

from __future__ import annotations

import codecs
import re
import stat
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath
from typing import IO, Final, Protocol

from corparent.engine.ssda903.model import (
    ReadProblem,
    Return,
    ReturnReadError,
    collection_year_end,
    collection_year_of,
)
from corparent.engine.ssda903.reader import read_return

MAX_MEMBERS: Final = 200  # files in one zip (a return is at most ~12 tables a year)
MAX_RATIO: Final = 100  # unpacked bytes per zipped byte; CSV text compresses about 5 to 15 times
RATIO_ALLOWANCE: Final = 1 << 20  # the first megabyte unpacked is never a bomb
CHUNK: Final = 1 << 20
MAX_PROBLEMS_SHOWN: Final = 200
ZIP_MAGIC: Final = (b"PK\x03\x04", b"PK\x05\x06")
ARCHIVES: Final = (".zip", ".7z", ".rar", ".gz", ".tgz", ".tar", ".bz2", ".xz")
_YEAR: Final = re.compile(r"((?:19|20)[0-9]{2})(?:[-_ ]([0-9]{2}))?")


class Upload(Protocol):
    """What staging needs of an uploaded file (Django's UploadedFile has it)."""

    name: str | None
    size: int | None

    def chunks(self, chunk_size: int | None = ...) -> Iterator[bytes]: ...


class Rejected(Exception):
    """The upload cannot be taken; ``problems`` name each file and what was expected."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems[:5]))


def megabytes(n: int) -> str:
    return f"{n / (1 << 20):,.0f} MB" if n >= (1 << 20) else f"{n / 1024:,.0f} KB"


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
                ret = read_return(folder)
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
            ret = read_return(folder)
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


def _clean_name(name: str) -> str:
    """The name a browser sent, without any folder (some old browsers send a whole path)."""
    return re.split(r"[\\/]", name)[-1].strip()[:200] or "unnamed file"


def _parts(filename: str) -> tuple[str, ...]:
    return tuple(p for p in filename.replace("\\", "/").split("/") if p)


def _folder_year(parts: tuple[str, ...]) -> int | None:
    """The collection year of the nearest folder named by one: "2025" or "2024-25" (both 2025)."""
    for folder in reversed(parts[:-1]):
        m = _YEAR.fullmatch(folder)
        if m:
            first, second = int(m.group(1)), m.group(2)
            if second is None:
                return first
            if int(second) == (first + 1) % 100:
                return first + 1
    return None


def _wanted(filename: str) -> bool:
    parts = _parts(filename)
    if not parts or parts[0] == "__MACOSX" or any(p.startswith(".") for p in parts):
        return False
    return parts[-1].lower().endswith(".csv")


def _unsafe(zip_name: str, info: zipfile.ZipInfo) -> str | None:
    name = info.filename
    parts = _parts(name)
    where = f"{zip_name}/{name}"
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        return f"{where}: expected a path inside the zip (this one is absolute)"
    if ".." in parts:
        return f"{where}: expected a path inside the zip (this one climbs out with ..)"
    if stat.S_ISLNK(info.external_attr >> 16):
        return f"{where}: expected a file (this is a link)"
    if info.flag_bits & 0x1:
        return f"{where}: expected a zip without a password (this file is encrypted)"
    if parts and parts[-1].lower().endswith(ARCHIVES):
        return f"{where}: expected CSV files (this is an archive inside the zip; unpack it first)"
    return None


@dataclass
class _Ratio:
    """Bytes unpacked from one zip so far, against its own size."""

    zipped: int
    unpacked: int = 0


def _unzip(archive: zipfile.ZipFile, info: zipfile.ZipInfo, where: str, ratio: _Ratio) -> Iterator[bytes]:
    """A member's bytes in chunks, stopping the upload as soon as it unpacks too far (the caller
    counts them against the upload's limit too)."""
    try:
        with archive.open(info) as member:
            first = True
            while chunk := member.read(CHUNK):
                if first and chunk.startswith(ZIP_MAGIC):
                    raise Rejected([f"{where}: expected CSV files (this is a zip inside the zip)"])
                first = False
                ratio.unpacked += len(chunk)
                if ratio.unpacked > max(RATIO_ALLOWANCE, MAX_RATIO * ratio.zipped):
                    raise Rejected(
                        [
                            f"{where}: unpacks to more than {MAX_RATIO} times the size of the zip "
                            f"({megabytes(ratio.zipped)}): expected CSV files; this looks like a zip bomb"
                        ]
                    )
                yield chunk
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, NotImplementedError) as exc:
        raise Rejected([f"{where}: the zip is damaged and this file cannot be unpacked ({exc})"]) from exc


def _not_text(first: bytes) -> str | None:
    if first.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return 'this file is UTF-16 (Excel\'s "Unicode text"): save it as "CSV UTF-8" or plain CSV'
    if first.startswith(ZIP_MAGIC):
        return "this file is a zip or an Excel workbook: save each table as CSV"
    if b"\x00" in first:
        return "this file holds binary data, not text"
    return None
