"""Writing 903 tables as CSV files in the DfE layout.

Header = the table's columns in spec order (plus any optional columns asked for), dates as
DD/MM/YYYY, blanks empty, UTF-8, one line per row ending in a newline. ``write_table`` takes rows
as mappings of Python values (for tests and tools); ``write_columns`` takes prepared text columns
(the synthetic generator's fast path).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from itertools import chain
from pathlib import Path

from corparent.engine.ssda903.tables import TableSpec


def format_cell(value: object) -> str:
    """A cell's text: dates DD/MM/YYYY, None blank, booleans 1/0, everything else str()."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def table_columns(spec: TableSpec, present: Iterable[str] = ()) -> tuple[str, ...]:
    """The spec's columns, then those optional columns that are in ``present``, in spec order."""
    have = set(present)
    return spec.column_names + tuple(c.name for c in spec.optional if c.name in have)


def write_table(
    spec: TableSpec, rows: Iterable[Mapping[str, object]], path: Path, columns: Sequence[str] | None = None
) -> int:
    """Write ``rows`` to ``path`` as the table's CSV; returns the number of data rows.

    Without ``columns``, the spec's columns are written, plus the optional columns that the first
    row has. A missing key is written blank.
    """
    it = iter(rows)
    first = next(it, None)
    names = tuple(columns) if columns is not None else table_columns(spec, first.keys() if first else ())
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(names)
        for row in chain([first], it) if first is not None else ():
            w.writerow([format_cell(row.get(name)) for name in names])
            n += 1
    return n


def write_columns(names: Sequence[str], columns: Mapping[str, Sequence[str]], path: Path) -> int:
    """Write prepared text columns (all the same length) as CSV; returns the number of data rows.

    Cells are joined directly; if any cell turns out to need quoting (a comma, quote or line
    break: the separator counts do not add up), the file is written with the csv module instead.
    """
    cols = [columns[name] for name in names]
    n = len(cols[0]) if cols else 0
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [",".join(names), *map(",".join, zip(*cols, strict=True))] if cols else []
    text = "\n".join(lines) + "\n"
    plain = (
        text.count(",") == (n + 1) * (len(names) - 1)
        and text.count("\n") == n + 1
        and '"' not in text
        and "\r" not in text
    )
    if not plain:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(names)
        w.writerows(zip(*cols, strict=True))
        text = buf.getvalue()
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write(text)
    return n
