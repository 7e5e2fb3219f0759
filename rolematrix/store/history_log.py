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

from sqlalchemy import ColumnElement, Connection, Row, and_, false, func, or_, select

from rolematrix.core.history import HistoryEntry, Structure, cell_text, describe_changes
from rolematrix.core.model import Matrix
from rolematrix.store import schema as s
from rolematrix.store.identity import USER_ENV as USER_ENV
from rolematrix.store.identity import default_user as default_user

#: Internal kinds, never shown as entries.
SNAPSHOT = "snapshot"


def to_db_time(connection: Connection, moment: datetime) -> datetime:
    """A moment as the tables store it: aware on PostgreSQL, naive UTC on SQLite."""
    if moment.tzinfo is None:
        moment = moment.astimezone()  # naive means local time, as a user types it
    moment = moment.astimezone(UTC)
    return moment if connection.dialect.name == "postgresql" else moment.replace(tzinfo=None)


def from_db_time(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


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


def entry_of(row: Row[Any]) -> HistoryEntry:
    return HistoryEntry(
        id=row.id,
        at=from_db_time(row.at),
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


_ENTRY_COLUMNS = [c for c in s.history.c if c.name != "snapshot"]


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
    query = select(*_ENTRY_COLUMNS).where(h.c.kind != SNAPSHOT)
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
        select(h).where(h.c.matrix_id == db_id, h.c.version > version).order_by(h.c.version, h.c.id)
    )
    return list(connection.execute(query))
