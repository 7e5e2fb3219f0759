"""Reading a document file through the standard library's ``sqlite3``.

Opening a file is the one thing every start of the editor does, and importing
SQLAlchemy alone costs about 0.35 s of the 0.8 s a cold start may take. So
opening and loading a current file issue the shared reads of
:mod:`rolematrix.store.loading` as plain SQL on a read-only ``sqlite3``
connection; SQLAlchemy is imported only to save, to upgrade an older file
or to look into the history.

Cells are fetched one task at a time as two ``group_concat`` strings (role
ids, codes) and split in Python: 5,000 rows instead of 250,000 for the large
matrix, which saves about a quarter of the load; role ids are turned into
ints once each, and shared. A code that holds the separator (a file edited
by hand) makes the two lists differ in length, and that task's cells are
then read row by row, as stored, for the loader to check (it refuses a
NULL or empty code, or a role id that is no number, naming the row).
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from rolematrix.store.loading import Query
from rolematrix.store.sqlite_file import connect_read_only

_CELLS_BY_TASK = (
    "SELECT task_id, group_concat(role_id, ','), group_concat(codes, ',') "
    "FROM cells WHERE matrix_id = ? GROUP BY task_id"
)
_CELLS_OF_TASKS = (
    "SELECT task_id, group_concat(role_id, ','), group_concat(codes, ',') "
    "FROM cells WHERE matrix_id = ? AND task_id IN ({}) GROUP BY task_id"
)
_CELLS_OF_TASK = "SELECT task_id, role_id, codes FROM cells WHERE matrix_id = ? AND task_id = ?"


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def sql_of(query: Query, ids: int | None = None) -> str:
    """The SQL text of ``query``; ``ids``: how many matrix ids it is limited to (placeholders)."""
    sql = f"SELECT {', '.join(map(_quoted, query.columns))} FROM {_quoted(query.table)}"
    if ids is not None and query.key is not None:
        sql += f" WHERE {_quoted(query.key)} IN ({', '.join('?' * ids)})"
    if query.order:
        sql += f" ORDER BY {', '.join(map(_quoted, query.order))}"
    return sql


class SqliteSource:
    """Issues the shared reads on a ``sqlite3`` connection."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def rows(self, query: Query, ids: Sequence[int] | None = None) -> Iterable[Sequence[Any]]:
        if ids is None or query.key is None:
            return self.connection.execute(sql_of(query))
        wanted = list(ids)
        return self.connection.execute(sql_of(query, len(wanted)), wanted)

    def cell_chunks(self, db_id: int) -> Iterator[Iterable[tuple[int, int, str]]]:
        for task_id, row in self.cell_rows(db_id):
            yield [(task_id, role_id, codes) for role_id, codes in row.items()]

    def cell_rows(
        self, db_id: int, task_ids: Sequence[int] | None = None
    ) -> Iterator[tuple[int, dict[int, str]]]:
        """Every filled cell of one matrix (or of its tasks ``task_ids``), a task's row
        (role id -> codes) at a time.

        SQLite joins each task's cells into two lists and the dict is built in C
        (``dict(zip(...))``): for 250,000 cells about half the time of handing
        the model one tuple per cell. A task whose lists do not split cleanly (a
        comma or an empty string in a hand-edited code) is read cell by cell.
        """
        connection = self.connection
        if task_ids is None:
            found = connection.execute(_CELLS_BY_TASK, (db_id,))
        else:
            wanted = list(task_ids)
            found = connection.execute(
                _CELLS_OF_TASKS.format(", ".join("?" * len(wanted))), (db_id, *wanted)
            )
        for task_id, roles, codes in found:
            row: dict[Any, Any] | None = None
            if isinstance(roles, str) and isinstance(codes, str):
                role_ids = roles.split(",")
                values = codes.split(",")
                if len(values) == len(role_ids) and "" not in values:
                    with contextlib.suppress(ValueError):
                        row = dict(zip(map(int, role_ids), values, strict=True))
            if row is None:
                # as stored, for the loader's checks to name what is wrong
                rows = connection.execute(_CELLS_OF_TASK, (db_id, task_id))
                row = {role: value for _task, role, value in rows}
            yield task_id, row

    def quick_check(self) -> str | None:
        """SQLite's verdict on the file's structure: ``"ok"`` or the first problem found."""
        row = self.connection.execute("PRAGMA quick_check").fetchone()
        return None if row is None else str(row[0])

    def table_names(self) -> set[str]:
        return {
            row[0]
            for row in self.connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
            )
        }


@contextlib.contextmanager
def reading(path: Path) -> Iterator[SqliteSource]:
    """A source reading ``path`` read-only, all its reads in one transaction (one state)."""
    connection = connect_read_only(path)
    try:
        connection.execute("BEGIN")
        yield SqliteSource(connection)
    finally:
        connection.close()
