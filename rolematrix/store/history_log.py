"""Writing and reading the ``history`` table.

A save collects its rows in a :class:`HistoryLog` and inserts them with one
executemany just before the transaction commits, so the history holds exactly
the saves that happened. The time is taken once per save: the server's clock
on PostgreSQL (so that the editors' own clocks do not matter), UTC on files.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Row,
    String,
    and_,
    false,
    func,
    or_,
    select,
    type_coerce,
)

from rolematrix.core.history import HistoryEntry, Structure, cell_text, describe_changes
from rolematrix.core.model import Matrix
from rolematrix.store import schema as s
from rolematrix.store.identity import USER_ENV as USER_ENV
from rolematrix.store.identity import default_user as default_user
from rolematrix.store.validation import (
    NUMBER,
    OPTIONAL_NUMBER,
    OPTIONAL_TEXT,
    TEXT,
    damaged,
    describe,
    json_value,
    time_value,
)

#: Internal kinds, never shown as entries.
SNAPSHOT = "snapshot"


def to_db_time(connection: Connection, moment: datetime) -> datetime:
    """A moment as the tables store it: aware on PostgreSQL, naive UTC on SQLite."""
    if moment.tzinfo is None:
        moment = moment.astimezone()  # naive means local time, as a user types it
    moment = moment.astimezone(UTC)
    return moment if connection.dialect.name == "postgresql" else moment.replace(tzinfo=None)


def from_db_time(value: object, row_id: object = "?") -> datetime:
    """A stored moment in UTC; NULL or text that is no time is damage naming the row."""
    return time_value(value, "history", f"id={row_id!r}", "at")


@dataclass(slots=True)
class HistoryLog:
    """The history rows of one save, written by :meth:`flush` inside its transaction."""

    who: str
    _rows: list[dict[str, Any]]
    _at: datetime | None = None

    @classmethod
    def for_user(cls, who: str) -> HistoryLog:
        return cls(who, [])

    def _now(self, connection: Connection) -> datetime:
        if self._at is None:
            if connection.dialect.name == "postgresql":
                self._at = connection.execute(select(func.clock_timestamp())).scalar_one()
            else:
                self._at = datetime.now(UTC).replace(tzinfo=None)
        return self._at

    def _add(
        self,
        connection: Connection,
        db_id: int,
        matrix_name: str,
        version: int,
        kind: str,
        text: str,
        *,
        task_id: int | None = None,
        role_id: int | None = None,
        task: str | None = None,
        role: str | None = None,
        old: str = "",
        new: str = "",
        snapshot: str | None = None,
    ) -> None:
        self._rows.append(
            {
                "matrix_id": db_id,
                "at": self._now(connection),
                "who": self.who,
                "kind": kind,
                "task_id": task_id,
                "role_id": role_id,
                "old": old,
                "new": new,
                "version": version,
                "matrix_name": matrix_name,
                "task_name": task,
                "role_name": role,
                "text": text,
                "snapshot": snapshot,
            }
        )

    def cells(
        self,
        connection: Connection,
        db_id: int,
        matrix: Matrix,
        version: int,
        changes: Iterable[tuple[int, int, str, str]],
        names: tuple[dict[int, str], dict[int, str]] | None = None,
    ) -> None:
        """Changed cells (task id, role id, old, new); ``names`` for tasks/roles now gone."""
        gone_tasks, gone_roles = names or ({}, {})
        for task_id, role_id, old, new in changes:
            task = (
                matrix.task(task_id).name
                if matrix.has_task(task_id)
                else gone_tasks.get(task_id, f"task {task_id}")
            )
            role = (
                matrix.role(role_id).name
                if matrix.has_role(role_id)
                else gone_roles.get(role_id, f"role {role_id}")
            )
            self._add(
                connection,
                db_id,
                matrix.name,
                version,
                "cell",
                cell_text(matrix, task, role, old, new),
                task_id=task_id,
                role_id=role_id,
                task=task,
                role=role,
                old=old,
                new=new,
            )

    def structure(
        self,
        connection: Connection,
        db_id: int,
        matrix_name: str,
        version: int,
        old: Structure,
        new: Structure,
    ) -> None:
        """A structural change: the snapshot before it, and one row per change a reader names."""
        self._add(connection, db_id, matrix_name, version, SNAPSHOT, "", snapshot=old.dumps())
        for change in describe_changes(old, new):
            self._add(
                connection,
                db_id,
                matrix_name,
                version,
                change.kind,
                change.text,
                task_id=change.task_id,
                role_id=change.role_id,
                task=change.task,
                role=change.role,
                old=change.old,
                new=change.new,
            )

    def matrix_added(self, connection: Connection, db_id: int, matrix: Matrix) -> None:
        size = f"{len(matrix.tasks)} tasks × {len(matrix.roles)} roles"
        self._add(
            connection,
            db_id,
            matrix.name,
            1,
            "matrix-added",
            f"matrix added: “{matrix.name}” ({size})",
            new=matrix.name,
        )

    def matrix_removed(
        self,
        connection: Connection,
        db_id: int,
        version: int,
        structure: Structure,
        cells: dict[tuple[int, int], str],
        position: int,
    ) -> None:
        """A deleted matrix, kept whole in the row so that the history can bring it back."""
        data = structure.to_json()
        data["cells"] = [[t, r, c] for (t, r), c in sorted(cells.items())]
        data["position"] = position
        self._add(
            connection,
            db_id,
            structure.name,
            version,
            "matrix-removed",
            f"matrix removed: “{structure.name}”",
            old=structure.name,
            snapshot=json.dumps(data, ensure_ascii=False, separators=(",", ":")),
        )

    def flush(self, connection: Connection) -> None:
        if self._rows:
            connection.execute(s.history.insert(), self._rows)
            self._rows = []


# ---------------------------------------------------------------- reading


#: The history's columns, the time as stored: SQLAlchemy would parse SQLite's text
#: itself and fail with a traceback on damaged text, so :func:`from_db_time` does.
HISTORY_COLUMNS = [type_coerce(c, String).label("at") if c.name == "at" else c for c in s.history.c]

_ENTRY_TYPES = {
    "who": TEXT,
    "kind": TEXT,
    "matrix_name": TEXT,
    "text": TEXT,
    "old": TEXT,
    "new": TEXT,
    "task_name": OPTIONAL_TEXT,
    "role_name": OPTIONAL_TEXT,
    "version": NUMBER,
    "matrix_id": NUMBER,
    "task_id": OPTIONAL_NUMBER,
    "role_id": OPTIONAL_NUMBER,
}


def check_history_row(row: Row[Any]) -> None:
    """Refuse a history row whose values do not fit their columns, naming it."""
    values = row._mapping
    for name, kind in _ENTRY_TYPES.items():
        if name in values and not isinstance(values[name], kind):
            raise damaged("history", f"id={values.get('id')!r}", f"{name} {describe(values[name])}")


def entry_of(row: Row[Any]) -> HistoryEntry:
    check_history_row(row)
    return HistoryEntry(
        id=row.id,
        at=from_db_time(row.at, row.id),
        who=row.who,
        matrix=row.matrix_name,
        version=row.version,
        kind=row.kind,
        text=row.text,
        task=row.task_name,
        role=row.role_name,
        old=row.old,
        new=row.new,
        task_id=row.task_id,
        role_id=row.role_id,
        matrix_id=row.matrix_id,
    )


ENTRY_COLUMNS = [c for c in HISTORY_COLUMNS if c.name != "snapshot"]


def read_entries(
    connection: Connection,
    *,
    matrix_ids: Sequence[int] | None = None,
    matrix_name: str | None = None,
    task_ids: Sequence[tuple[int | None, int]] | None = None,
    task_name: str | None = None,
    role_ids: Sequence[tuple[int | None, int]] | None = None,
    role_name: str | None = None,
    limit: int | None = None,
) -> list[HistoryEntry]:
    """Entries, newest first. Matrices, tasks and roles are matched by id (as (matrix id or
    None for any, item id) pairs for tasks and roles) or by the name they had then."""
    h = s.history
    query = select(*ENTRY_COLUMNS).where(h.c.kind != SNAPSHOT)
    if matrix_ids is not None or matrix_name is not None:
        query = query.where(
            _any_of(h.c.matrix_id.in_(list(matrix_ids or [])), _named(h.c.matrix_name, matrix_name))
        )
    for ids, name, column, name_column in (
        (task_ids, task_name, h.c.task_id, h.c.task_name),
        (role_ids, role_name, h.c.role_id, h.c.role_name),
    ):
        if ids is None and name is None:
            continue
        query = query.where(
            _any_of(
                _named(name_column, name),
                *(
                    column == i if m is None else and_(h.c.matrix_id == m, column == i)
                    for m, i in (ids or [])
                ),
            )
        )
    query = query.order_by(h.c.id.desc())
    if limit is not None:
        query = query.limit(limit)
    return [entry_of(row) for row in connection.execute(query)]


def _named(column: ColumnElement[Any], name: str | None) -> ColumnElement[bool] | None:
    """Equal to ``name``, ignoring case where the database can (SQLite folds ASCII only)."""
    if name is None:
        return None
    return or_(column == name, func.lower(column) == name.lower())


def _any_of(*conditions: ColumnElement[bool] | None) -> ColumnElement[bool]:
    present = [c for c in conditions if c is not None]
    return or_(*present) if present else false()


def read_since(connection: Connection, db_id: int, version: int) -> list[Row[Any]]:
    """Every row (snapshots included) of one matrix after ``version``, oldest first."""
    h = s.history
    query = (
        select(*HISTORY_COLUMNS)
        .where(h.c.matrix_id == db_id, h.c.version > version)
        .order_by(h.c.version, h.c.id)
    )
    return checked_rows(connection.execute(query))


def checked_rows(rows: Iterable[Row[Any]]) -> list[Row[Any]]:
    """History rows (all columns, see :data:`HISTORY_COLUMNS`), each checked."""
    out = list(rows)
    for row in out:
        check_history_row(row)
        from_db_time(row.at, row.id)
    return out


def snapshot_of(row: Row[Any]) -> Structure:
    """The structure a ``snapshot`` row keeps; unreadable is damage naming the row."""
    data = json_value(row.snapshot, "history", f"id={row.id!r}", "snapshot")
    try:
        return Structure.from_json(data)
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        raise damaged("history", f"id={row.id!r}", f"snapshot is not readable ({exc})") from None
