"""Working days in England: weekdays that are not bank holidays.

Bank holidays follow the rules in the Banking and Financial Dealings Act 1971 and the royal
proclamations that moved or added days (listed in ``_MOVED`` and ``_EXTRA``). Used by the reviews
measure ("within 20 working days").
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from typing import Final

# Years in which a fixed-rule holiday was moved by proclamation: rule date -> actual date.
_MOVED: Final = {
    date(1995, 5, 1): date(1995, 5, 8),  # VE day 50th anniversary
    date(2002, 5, 27): date(2002, 6, 4),  # Golden Jubilee
    date(2012, 5, 28): date(2012, 6, 4),  # Diamond Jubilee
    date(2020, 5, 4): date(2020, 5, 8),  # VE day 75th anniversary
    date(2022, 5, 30): date(2022, 6, 2),  # Platinum Jubilee
}
# One-off bank holidays.
_EXTRA: Final = frozenset(
    {
        date(1999, 12, 31),  # Millennium
        date(2002, 6, 3),  # Golden Jubilee
        date(2011, 4, 29),  # Royal wedding
        date(2012, 6, 5),  # Diamond Jubilee
        date(2022, 6, 3),  # Platinum Jubilee
        date(2022, 9, 19),  # State funeral of Queen Elizabeth II
        date(2023, 5, 8),  # Coronation of King Charles III
    }
)


def easter_sunday(year: int) -> date:
    """Western Easter (anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _first_monday(year: int, month: int) -> date:
    d = date(year, month, 1)
    return d + timedelta(days=(7 - d.weekday()) % 7)


def _last_monday(year: int, month: int) -> date:
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    d = nxt - timedelta(days=1)
    return d - timedelta(days=d.weekday())


def _substitute(d: date, taken: set[date]) -> date:
    """A holiday on a weekend moves to the next weekday not already a holiday."""
    while d.weekday() >= 5 or d in taken:
        d += timedelta(days=1)
    return d


@cache
def bank_holidays(year: int) -> frozenset[date]:
    easter = easter_sunday(year)
    days: set[date] = {easter - timedelta(days=2), easter + timedelta(days=1)}
    for rule in (_first_monday(year, 5), _last_monday(year, 5), _last_monday(year, 8)):
        days.add(_MOVED.get(rule, rule))
    days.add(_substitute(date(year, 1, 1), days))
    christmas = date(year, 12, 25)
    if christmas.weekday() >= 5:
        # Christmas on Saturday: Monday 27th and Tuesday 28th; on Sunday: Tuesday 27th and Monday 26th.
        boxing = date(year, 12, 26)
        days.add(_substitute(christmas, days | {boxing} if christmas.weekday() == 6 else days))
        days.add(_substitute(boxing, days))
    else:
        days.add(christmas)
        days.add(_substitute(date(year, 12, 26), days))
    days.update(d for d in _EXTRA if d.year == year)
    return frozenset(days)


def is_working_day(d: date) -> bool:
    return d.weekday() < 5 and d not in bank_holidays(d.year)
