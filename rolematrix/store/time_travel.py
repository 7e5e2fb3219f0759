"""A document as it was at a past moment, rebuilt from the present and the history.

Each save of a matrix wrote its cells' old values and, when the structure
changed, a snapshot of the structure before it. Undoing the saves made after
the moment, newest first, therefore gives the matrix as it was: per save, the
structure goes back to its snapshot (bringing back deleted tasks, empty,
and dropping added ones), then the cells get their old values. A matrix added
after the moment is left out; one deleted after it comes back from the copy
its ``matrix-removed`` row keeps.

Saves are numbered per matrix; a save is undone if it or any earlier-numbered
save of that matrix happened after the moment, so that two clocks disagreeing
by a little never leave a later save applied on top of an undone earlier one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, func, select

from rolematrix.core.history import Structure, apply_structure, matrix_from
from rolematrix.core.model import Matrix
from rolematrix.core.names import normalise
from rolematrix.store import schema as s
from rolematrix.store.history_log import (
    HISTORY_COLUMNS,
    SNAPSHOT,
    checked_rows,
    snapshot_of,
    to_db_time,
)
from rolematrix.store.reader import read_document
from rolematrix.store.validation import damaged, json_value, text_value


def document_at(
    connection: Connection, moment: datetime, matrix_name: str | None
) -> list[tuple[int, Matrix]]:
    """The matrices of the document (or only the one named ``matrix_name``) as they were at
    ``moment``, in document order, each with its lasting id in the tables."""
    h = s.history
    ids: list[int] | None = None
    if matrix_name is not None:
        ids = _ids_named(connection, matrix_name)
    loaded = read_document(connection, ids)
    when = to_db_time(connection, moment)
    undated = connection.execute(select(h.c.id).where(h.c.at.is_(None)).limit(1)).scalar()
    if undated is not None:
        raise damaged("history", f"id={undated!r}", "at is missing (NULL)")
    query = select(h.c.matrix_id, func.min(h.c.version)).where(h.c.at > when)
    if ids is not None:
        query = query.where(h.c.matrix_id.in_(ids))
    undo_from = {row[0]: row[1] for row in connection.execute(query.group_by(h.c.matrix_id))}
    out: list[tuple[int, Matrix]] = []
    for item in loaded:
        first = undo_from.pop(item.db_id, None)
        if first is None:
            out.append((item.db_id, item.matrix))
            continue
        rows = _rows_from(connection, item.db_id, first)
        if any(row.kind == "matrix-added" for row in rows):
            continue  # did not exist yet
        _rewind(item.matrix, rows)
        item.matrix.version = first - 1
        out.append((item.db_id, item.matrix))
    for db_id, first in sorted(undo_from.items()):
        rows = _rows_from(connection, db_id, first)
        removal = next((row for row in rows if row.kind == "matrix-removed"), None)
        if removal is None or removal.snapshot is None:
            continue
        if any(row.kind == "matrix-added" for row in rows):
            continue
        matrix, position = _removed_matrix(removal)
        _rewind(matrix, [row for row in rows if row.version < removal.version])
        matrix.version = first - 1
        out.insert(min(len(out) if position is None else position, len(out)), (db_id, matrix))
    for _db_id, matrix in out:
        matrix.journal.clear()
    return out


def _ids_named(connection: Connection, name: str) -> list[int]:
    """The matrix called ``name`` now, or, if none is, the deleted ones that had that name."""
    key = normalise(name)
    m = s.matrices
    now = [
        row[0]
        for row in connection.execute(select(m.c.id, m.c.name))
        if normalise(text_value(row[1], "matrices", f"id={row[0]}", "name")) == key
    ]
    if now:
        return now
    h = s.history
    query = select(h.c.matrix_id, h.c.matrix_name).distinct()
    return sorted(
        {
            row[0]
            for row in connection.execute(query)
            if normalise(text_value(row[1], "history", f"matrix_id={row[0]}", "matrix_name")) == key
        }
    )


def _rows_from(connection: Connection, db_id: int, version: int) -> list[Row[Any]]:
    h = s.history
    query = (
        select(*HISTORY_COLUMNS)
        .where(h.c.matrix_id == db_id, h.c.version >= version)
        .order_by(h.c.version.desc(), h.c.id)
    )
    return checked_rows(connection.execute(query))


def _removed_matrix(removal: Row[Any]) -> tuple[Matrix, int | None]:
    """The whole matrix a ``matrix-removed`` row keeps and its place in the document;
    unreadable is damage naming the row."""
    label = f"id={removal.id!r}"
    data = json_value(removal.snapshot, "history", label, "snapshot")
    try:
        matrix = matrix_from(Structure.from_json(data), (tuple(c) for c in data["cells"]))
        position = data.get("position")
        return matrix, None if position is None else int(position)
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        raise damaged("history", label, f"snapshot is not readable ({exc})") from None


def _rewind(matrix: Matrix, rows: Iterable[Row[Any]]) -> None:
    """Undo the saves in ``rows`` (newest first)."""
    by_version: dict[int, list[Row[Any]]] = defaultdict(list)
    for row in rows:
        by_version[row.version].append(row)
    for version in sorted(by_version, reverse=True):
        saved = by_version[version]
        for row in saved:
            if row.kind == SNAPSHOT and row.snapshot:
                apply_structure(matrix, snapshot_of(row))
        matrix.set_cells(
            (row.task_id, row.role_id, row.old)
            for row in saved
            if row.kind == "cell" and matrix.has_task(row.task_id) and matrix.has_role(row.role_id)
        )
