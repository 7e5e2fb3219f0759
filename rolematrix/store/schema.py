"""The tables of a RoleMatrix document, the same on SQLite files and PostgreSQL workspaces.

Ids are the model's own ids (unique within one matrix), so every per-matrix
table is keyed by ``(matrix_id, id)`` and a loaded matrix gets back exactly the
ids it was saved with -- undo, findings and the history all refer to them.

Lists whose order matters (phases, tasks within a phase, roles, people,
suppressions, presets, conflicts) carry a ``position``. Settings overrides and
staffing presets are JSON text: they are small, read whole, and never queried.

Rows of the small tables reference their matrix with a foreign key, but
nothing relies on cascades (SQLite only enforces them when asked): the writer
deletes child rows itself. Cells have no foreign keys at all: not to tasks or
roles, so that a structural rewrite of the small tables never touches the
(large) cells table, and not to the matrix, because PostgreSQL checking one
for each of 250,000 rows doubles the time to write them.

This module is the schema *as of the newest migration*; files are created from
it directly and stamped with the head revision (a test checks that running the
migrations from scratch gives the same schema).
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

# re-exported: the constants live where opening a file can read them without SQLAlchemy
from rolematrix.store.identity import APPLICATION_ID as APPLICATION_ID
from rolematrix.store.identity import APPLICATION_NAME as APPLICATION_NAME
from rolematrix.store.identity import VERSION_TABLE as VERSION_TABLE

metadata = MetaData()


def _matrix_ref() -> Column[int]:
    return Column(
        "matrix_id", Integer, ForeignKey("matrices.id"), primary_key=True, autoincrement=False
    )


def _key(name: str) -> Column[int]:
    return Column(name, Integer, primary_key=True, autoincrement=False)


meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

matrices = Table(
    "matrices",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("position", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("description", Text, nullable=False),
    Column("scheme", String(32), nullable=False),
    Column("template_id", Text, nullable=True),
    Column("settings_profile", String(64), nullable=False),
    Column("settings_overrides", Text, nullable=False),  # JSON object
    Column("version", Integer, nullable=False),  # bumped on every saved change of the matrix
    Column("next_id", Integer, nullable=False),  # so ids of deleted items are never reused
)

phases = Table(
    "phases",
    metadata,
    _matrix_ref(),
    _key("id"),
    Column("position", Integer, nullable=False),
    Column("name", Text, nullable=False),
)

tasks = Table(
    "tasks",
    metadata,
    _matrix_ref(),
    _key("id"),
    Column("phase_id", Integer, nullable=False),
    Column("position", Integer, nullable=False),  # within its phase
    Column("name", Text, nullable=False),
    Column("description", Text, nullable=False),
    Column("notes", Text, nullable=False),
    Column("reference", Text, nullable=False, server_default=""),  # the user's own id, as written
)

roles = Table(
    "roles",
    metadata,
    _matrix_ref(),
    _key("id"),
    Column("position", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("short", Text, nullable=False),
    Column("description", Text, nullable=False),
    Column("colour", String(16), nullable=False),
)

cells = Table(
    "cells",
    metadata,
    _key("matrix_id"),  # no foreign key: see the module docstring
    _key("task_id"),
    _key("role_id"),
    Column("codes", String(16), nullable=False),  # canonical codes string, never empty
)

#: Text an import found in a cell that is no code ("maybe"), kept until the user decides.
#: Few rows, saved with the structure; keyed like cells.
cell_texts = Table(
    "cell_texts",
    metadata,
    _matrix_ref(),
    _key("task_id"),
    _key("role_id"),
    Column("text", Text, nullable=False),
)

people = Table(
    "people",
    metadata,
    _matrix_ref(),
    _key("id"),
    Column("position", Integer, nullable=False),
    Column("name", Text, nullable=False),
)

person_roles = Table(
    "person_roles",
    metadata,
    _matrix_ref(),
    _key("person_id"),
    _key("role_id"),
    Column("position", Integer, nullable=False),
)

conflicts = Table(
    "conflicts",
    metadata,
    _matrix_ref(),
    _key("position"),
    Column("role_a", Integer, nullable=False),
    Column("role_b", Integer, nullable=False),
)

suppressions = Table(
    "suppressions",
    metadata,
    _matrix_ref(),
    _key("position"),
    Column("rule", String(64), nullable=False),
    Column("reason", Text, nullable=False),
    Column("task_id", Integer, nullable=True),
    Column("role_id", Integer, nullable=True),
    Column("person_id", Integer, nullable=True),
)

presets = Table(
    "presets",
    metadata,
    _matrix_ref(),
    _key("position"),
    Column("name", Text, nullable=False),
    Column("description", Text, nullable=False),
    Column("people", Text, nullable=False),  # JSON: [[person name, [role names...]], ...]
)

#: Who changed what and when: one row per changed cell or structural change, written in
#: the transaction of the save. All rows of one save of a matrix share ``at`` and
#: ``version`` (the matrix version the save produced). A ``snapshot`` row holds the
#: structure (:class:`~rolematrix.core.history.Structure` as JSON) *before* the save, so
#: that the history can be rewound; a ``matrix-removed`` row holds the whole matrix,
#: cells included. Names are copied in, so that entries read right after renames.
#: Rows stay when their matrix is deleted (``matrix_id`` is not a foreign key).
history = Table(
    "history",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("matrix_id", Integer, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("who", Text, nullable=False),
    Column("kind", String(32), nullable=False),  # "cell", "snapshot" or a structure change kind
    Column("task_id", Integer, nullable=True),
    Column("role_id", Integer, nullable=True),
    Column("old", Text, nullable=False),
    Column("new", Text, nullable=False),
    Column("version", Integer, nullable=False, server_default="0"),
    Column("matrix_name", Text, nullable=False, server_default=""),
    Column("task_name", Text, nullable=True),
    Column("role_name", Text, nullable=True),
    Column("text", Text, nullable=False, server_default=""),
    Column("snapshot", Text, nullable=True),  # JSON, see above
    Index("ix_history_matrix_at", "matrix_id", "at"),
    Index("ix_history_matrix_version", "matrix_id", "version"),
)

#: Per-matrix tables, children first: the order rows are deleted in.
MATRIX_CHILD_TABLES: tuple[Table, ...] = (
    cells,
    cell_texts,
    person_roles,
    people,
    conflicts,
    suppressions,
    presets,
    tasks,
    phases,
    roles,
)

#: The small per-matrix tables a structural change rewrites (everything but cells).
STRUCTURE_TABLES: tuple[Table, ...] = tuple(t for t in MATRIX_CHILD_TABLES if t is not cells)

version_metadata = MetaData()

#: Alembic's version table, declared separately so that it is not part of the compared schema.
schema_version = Table(
    VERSION_TABLE,
    version_metadata,
    Column("version_num", String(32), primary_key=True),
)
