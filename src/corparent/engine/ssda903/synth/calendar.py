"""Dates as integer day numbers (``date.toordinal()``), vectorised with numpy.

The generator works in day numbers throughout: they are cheap to compare, sort and add in numpy.
``OPEN`` marks an end that has not happened by the reference date.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]
ObjArray = npt.NDArray[np.object_]

EPOCH: int = date(1970, 1, 1).toordinal()
OPEN: int = 100_000_000  # an end (DEC, MIS_END, ...) after the reference date: written blank


_BASE: int = date(1880, 1, 1).toordinal()
_LAST: int = date(2200, 12, 31).toordinal()


class _Table:
    """Year, month and day of every date from 1880 to 2200, and the day number of each month's first."""

    def __init__(self) -> None:
        d = np.arange(_BASE - EPOCH, _LAST - EPOCH + 1).astype("datetime64[D]")
        months = d.astype("datetime64[M]")
        self.year = d.astype("datetime64[Y]").astype(np.int64) + 1970
        self.month = months.astype(np.int64) % 12 + 1
        self.day = (d - months.astype("datetime64[D]")).astype(np.int64) + 1
        first = np.arange(np.datetime64("1880-01"), np.datetime64("2201-01"))
        self.month_start = first.astype("datetime64[D]").astype(np.int64) + EPOCH


_table: _Table | None = None


def _t() -> _Table:
    global _table
    if _table is None:
        _table = _Table()
    return _table


def _ymd(days: IntArray) -> tuple[IntArray, IntArray, IntArray]:
    t = _t()
    i = np.clip(np.asarray(days, dtype=np.int64) - _BASE, 0, _LAST - _BASE)
    return t.year[i], t.month[i], t.day[i]


def add_years(days: IntArray, years: int) -> IntArray:
    """The date ``years`` years on (a birthday); 29 February becomes 1 March in other years."""
    y, m, d = _ymd(days)
    first = _t().month_start[(y + years - 1880) * 12 + m - 1]
    return np.asarray(first + d - 1, dtype=np.int64)


def age_years(dob: IntArray, at: IntArray | int) -> IntArray:
    """Age in whole years on the date ``at`` (consistent with add_years for 29 February)."""
    by, bm, bd = _ymd(dob)
    ay, am, ad = _ymd(np.broadcast_to(np.asarray(at, dtype=np.int64), np.shape(dob)))
    before = (am < bm) | ((am == bm) & (ad < bd))
    return np.asarray(ay - by - before.astype(np.int64), dtype=np.int64)


def feb_29(days: IntArray) -> BoolArray:
    """Whether each date is 29 February."""
    _, m, d = _ymd(days)
    return np.asarray((m == 2) & (d == 29))


def next_year_start(days: IntArray) -> IntArray:
    """The first 1 April after each date (the start of the next collection year)."""
    y, m, _ = _ymd(days)
    y = y + (m >= 4)
    first = _t().month_start[(y - 1880) * 12 + 3]
    return np.asarray(first, dtype=np.int64)


def is_year_end(days: IntArray) -> BoolArray:
    """Whether each date is 31 March (a collection year's last day)."""
    _, m, d = _ymd(days)
    return np.asarray((m == 3) & (d == 31))


def distinct(a: IntArray) -> IntArray:
    """Sorted distinct values of an integer array (faster than np.unique for these sizes)."""
    s = np.sort(np.asarray(a, dtype=np.int64))
    if len(s) == 0:
        return s
    keep = np.empty(len(s), dtype=bool)
    keep[0] = True
    np.not_equal(s[1:], s[:-1], out=keep[1:])
    return s[keep]


def year_start(year: int) -> int:
    """1 April of the collection year named ``year`` (which ends 31 March ``year``)."""
    return date(year - 1, 4, 1).toordinal()


def year_end(year: int) -> int:
    return date(year, 3, 31).toordinal()


class DateText:
    """Day numbers -> 'DD/MM/YYYY' strings by table lookup; OPEN, 0 and out-of-range -> ''."""

    def __init__(self, first: int, last: int) -> None:
        self.first = first
        n = last - first + 1
        texts = [date.fromordinal(first + i).strftime("%d/%m/%Y") for i in range(n)]
        texts.append("")
        self.table: ObjArray = np.array(texts, dtype=object)
        self.blank = n

    def __call__(self, days: IntArray) -> ObjArray:
        idx = np.asarray(days, dtype=np.int64) - self.first
        idx = np.where((idx < 0) | (idx >= self.blank), self.blank, idx)
        out: ObjArray = self.table[idx]
        return out

    def one(self, day: int) -> str:
        i = day - self.first
        return str(self.table[i]) if 0 <= i < self.blank else ""
