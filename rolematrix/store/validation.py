"""Checking values read from a document's tables before anything uses them.

A file edited by hand or damaged on disk can hold anything SQLite accepts: a
NULL name, a number where text belongs, a negative version, a cell naming a
role that does not exist, a JSON value nested 100,000 deep. Every reader --
the ``sqlite3`` one that opens files, the SQLAlchemy one behind workspaces,
saving, merging and the history -- checks rows here as it reads them, so
damage is reported as damage (:class:`DamagedDataError` naming the table
and the row, which the backends turn into :class:`CorruptFileError`) rather
than surfacing later as a traceback, or not at all.

The checks are kept cheap (opening the 5,000 x 200 matrix must not notice
them): a table's types are tested a column at a time with ``map(isinstance,
...)`` at C speed, cells a task's row at a time with set containment, each
distinct codes string once.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from itertools import repeat
from typing import Any

#: What a column may hold, as ``isinstance`` takes it.
TEXT: type | tuple[type, ...] = str
OPTIONAL_TEXT: tuple[type, ...] = (str, type(None))
NUMBER: type | tuple[type, ...] = int
OPTIONAL_NUMBER: tuple[type, ...] = (int, type(None))


class DamagedDataError(ValueError):
    """The tables hold something the model refuses (the file was edited by hand or damaged)."""


def row_label(columns: Sequence[str], row: Sequence[Any], keys: Sequence[str]) -> str:
    """The row as a reader can find it again: its key columns and their values."""
    named = dict(zip(columns, row, strict=False))
    shown = [f"{key}={short(named[key])}" for key in keys if key in named]
    return ", ".join(shown) if shown else "?"


def short(value: object) -> str:
    """A value as a message may quote it: a damaged key can be 200,000 characters long."""
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:57]}…"


def damaged(table: str, label: str, problem: str) -> DamagedDataError:
    return DamagedDataError(f"table {table}, row {label}: {problem}")


def describe(value: object) -> str:
    if value is None:
        return "is missing (NULL)"
    if isinstance(value, bytes):
        return "holds binary data"
    return f"holds {type(value).__name__} {value!r:.40}"


def check_rows(
    table: str,
    columns: Sequence[str],
    types: Sequence[type | tuple[type, ...]],
    keys: Sequence[str],
    rows: Iterable[Sequence[Any]],
    positive: Sequence[int] = (),
) -> list[Sequence[Any]]:
    """``rows`` as a list, each checked against ``types`` (one per column).

    Columns at the indexes ``positive`` (ids) must also be 1 or more: the model
    takes an id of 0 for "give it a new one", which would renumber silently.
    """
    out = list(rows)
    if not out:
        return out
    by_column = list(zip(*out, strict=True))  # one pass per column, at C speed
    if len(by_column) != len(types):
        raise damaged(table, "?", "has the wrong columns")
    for index, (values, kind) in enumerate(zip(by_column, types, strict=True)):
        if not all(map(isinstance, values, repeat(kind))):
            for row, value in zip(out, values, strict=True):
                if not isinstance(value, kind):
                    label = row_label(columns, row, keys)
                    raise damaged(table, label, f"{columns[index]} {describe(value)}")
    for index in positive:
        if min(v for v in by_column[index] if v is not None) < 1:
            for row in out:
                value = row[index]
                if value is not None and value < 1:
                    raise damaged(
                        table,
                        row_label(columns, row, keys),
                        f"{columns[index]} is {value}; ids are 1 or more",
                    )
    return out


def text_value(value: object, table: str, label: str, column: str) -> str:
    """``value`` if it is text, else the damage naming where it was read."""
    if isinstance(value, str):
        return value
    raise damaged(table, label, f"{column} {describe(value)}")


def number_value(value: object, table: str, label: str, column: str, minimum: int = 0) -> int:
    """``value`` if it is a whole number of ``minimum`` or more, else the damage."""
    if isinstance(value, int) and not isinstance(value, bool):
        if value >= minimum:
            return value
        raise damaged(table, label, f"{column} is {value}; expected {minimum} or more")
    raise damaged(table, label, f"{column} {describe(value)}")


def json_value(text: object, table: str, label: str, column: str) -> Any:
    """The JSON value of a stored text; unreadable, or nested too deep to read, is damage."""
    value = text_value(text, table, label, column)
    try:
        return json.loads(value)
    except RecursionError:
        raise damaged(table, label, f"{column} is JSON nested too deep to read") from None
    except ValueError as exc:
        raise damaged(table, label, f"{column} is not readable JSON ({exc})") from None


def time_value(value: object, table: str, label: str, column: str) -> datetime:
    """A stored moment in UTC: a ``datetime`` (PostgreSQL) or ISO text (SQLite, naive = UTC)."""
    moment: datetime
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            raise damaged(table, label, f"{column} {value!r:.40} is not a date and time") from None
    else:
        raise damaged(table, label, f"{column} {describe(value)}")
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def codes_problem(codes: object, letters: frozenset[str]) -> str | None:
    """Why a stored cell value is not codes, or None.

    Codes are one or more characters, each a code of the scheme (``letters``;
    some are symbols, such as ✓) or a letter: a letter the scheme does not
    know is kept for the checker to report (``cell-unknown-code``).
    """
    if not isinstance(codes, str):
        return f"codes {describe(codes)}"
    if not codes:
        return "codes are empty"
    if not all(c.isalpha() for c in set(codes) - letters):
        return f"codes {codes!r:.40} are not code letters"
    return None
