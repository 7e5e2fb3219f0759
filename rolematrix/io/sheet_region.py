"""Where in a sheet's filled cells the table stands, found without a used range.

A sheet's "used range" runs from A1 to its farthest cell: one note at
XFD1048576 makes it 17 billion cells. Here only the filled cells are looked
at. Rows are grouped where filled rows follow each other with gaps of at most
:data:`ROW_GAP` empty rows, and columns likewise within the chosen rows; the
group holding the most codes (or, with no codes anywhere, the most cells) is
the table's region. Only that rectangle becomes dense rows for the grid
finder; a cell outside it is handed back so that the caller can report it
rather than drop it silently.

Any reader that yields (row, column, value) of filled cells can feed this --
the streaming reader of :mod:`rolematrix.io.xlsx_reader` today, another one
tomorrow.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rolematrix.io import limits
from rolematrix.io.limits import exceeded

#: Empty rows (columns) that may stand between parts of one table: a blank margin, a
#: title a few rows up, a notes column a little to the right.
ROW_GAP = 50
COL_GAP = 26

SparseRows = Mapping[int, Sequence[tuple[int, Any]]]


@dataclass(slots=True)
class Region:
    """The table's rectangle as dense rows, and the filled cells left outside it."""

    row0: int
    col0: int
    rows: list[tuple[Any, ...]]
    outside: list[tuple[int, int, Any]]


def _groups(weights: Mapping[int, tuple[int, int]], gap: int) -> list[tuple[int, int, int, int]]:
    """(first, last, weight, count) of the runs of positions at most ``gap`` apart."""
    groups: list[tuple[int, int, int, int]] = []
    for pos in sorted(weights):
        weight, count = weights[pos]
        if groups and pos - groups[-1][1] <= gap + 1:
            first, _, w, n = groups[-1]
            groups[-1] = (first, pos, w + weight, n + count)
        else:
            groups.append((pos, pos, weight, count))
    return groups


def _best(groups: list[tuple[int, int, int, int]]) -> tuple[int, int]:
    first, last, _, _ = max(groups, key=lambda g: (g[2], g[3], -g[0]))
    return first, last


def find_region(
    cells: SparseRows, is_code: Callable[[Any], bool], source: str, sheet: str
) -> Region:
    """The region of ``cells`` (row -> [(column, value)], 0-based) that holds the table.

    Raises :class:`~rolematrix.io.limits.LimitError` when that region is larger
    than :data:`~rolematrix.io.limits.MAX_TABLE_CELLS`.
    """
    if not cells:
        return Region(0, 0, [], [])
    row_weights = {
        r: (sum(1 for _, v in row if is_code(v)), len(row)) for r, row in cells.items() if row
    }
    first_row, last_row = _best(_groups(row_weights, ROW_GAP))
    col_weights: dict[int, tuple[int, int]] = {}
    for r in range(first_row, last_row + 1):
        for c, v in cells.get(r, ()):
            w, n = col_weights.get(c, (0, 0))
            col_weights[c] = (w + is_code(v), n + 1)
    first_col, last_col = _best(_groups(col_weights, COL_GAP))
    used = [
        r
        for r in range(first_row, last_row + 1)
        if any(first_col <= c <= last_col for c, _ in cells.get(r, ()))
    ]
    first_row, last_row = used[0], used[-1]
    width = last_col - first_col + 1
    height = last_row - first_row + 1
    if width * height > limits.MAX_TABLE_CELLS:
        raise exceeded(
            source,
            f"the table in sheet {sheet!r} spans {height:,} rows x {width:,} columns",
            limits.MAX_TABLE_CELLS,
            "MAX_TABLE_CELLS",
        )
    rows: list[tuple[Any, ...]] = []
    outside: list[tuple[int, int, Any]] = []
    for r in sorted(cells):
        if not first_row <= r <= last_row:
            outside.extend((r, c, v) for c, v in cells[r])
    empty: tuple[Any, ...] = ()
    for r in range(first_row, last_row + 1):
        row = cells.get(r)
        if not row:
            rows.append(empty)
            continue
        inside = [(c - first_col, v) for c, v in row if first_col <= c <= last_col]
        outside.extend((r, c, v) for c, v in row if not first_col <= c <= last_col)
        if not inside:
            rows.append(empty)
            continue
        dense: list[Any] = [None] * (inside[-1][0] + 1)
        for c, v in inside:
            dense[c] = v
        rows.append(tuple(dense))
    outside.sort()
    return Region(first_row, first_col, rows, outside)


def _extent(positions: list[int], gap: int) -> int:
    """The last position reached from 0 in steps of at most ``gap`` empty positions."""
    last = -1
    for pos in positions:
        if pos - last > gap + 1:
            break
        last = pos
    return last


def anchored_region(cells: SparseRows, source: str, sheet: str) -> Region:
    """The rectangle from A1 that a sheet RoleMatrix wrote covers, rows padded to one width.

    The sheet a person edited may carry a note far away (``XFD1048576``); the
    rectangle stops where :data:`ROW_GAP` empty rows (:data:`COL_GAP` columns)
    follow, and what lies beyond is handed back to be reported.
    """
    last_row = _extent(sorted(r for r, row in cells.items() if row), ROW_GAP)
    columns = sorted({c for r, row in cells.items() if r <= last_row for c, _ in row})
    last_col = _extent(columns, COL_GAP)
    height, width = last_row + 1, last_col + 1
    if width * height > limits.MAX_TABLE_CELLS:
        raise exceeded(
            source,
            f"the sheet {sheet!r} spans {height:,} rows x {width:,} columns",
            limits.MAX_TABLE_CELLS,
            "MAX_TABLE_CELLS",
        )
    empty: tuple[Any, ...] = (None,) * width
    rows: list[tuple[Any, ...]] = [empty] * height
    outside: list[tuple[int, int, Any]] = []
    for r, row in cells.items():
        if r > last_row:
            outside.extend((r, c, v) for c, v in row)
            continue
        dense: list[Any] = [None] * width
        for c, v in row:
            if c <= last_col:
                dense[c] = v
            else:
                outside.append((r, c, v))
        rows[r] = tuple(dense)
    outside.sort()
    return Region(0, 0, rows, outside)
