"""Building matrices from table rows, however the rows were fetched.

Two readers issue the same reads: :mod:`rolematrix.store.reader` through
SQLAlchemy Core (PostgreSQL workspaces, history, merging) and
:mod:`rolematrix.store.sqlite_reader` through the standard library's
``sqlite3`` (opening a file, which must not pay about 0.35 s for importing
SQLAlchemy). What each read asks for is declared here once, as a
:class:`Query` -- table, columns in order, sort order -- and every row arrives
as a plain tuple in that column order, so the conversion into model objects
below is the only one.

Small tables are read whole with one query each and grouped by matrix; cells
come in chunks of plain tuples straight into :meth:`Matrix.load_cells`.
Tasks and roles are added through the model's own methods, which keep its
indexes right (5,000 tasks load in well under 0.1 s).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from rolematrix.core.model import Matrix, Person, Settings, StaffingPreset, Suppression
from rolematrix.core.profiles import settings_problem
from rolematrix.store.identity import VERSION_TABLE


class DamagedDataError(ValueError):
    """The tables hold something the model refuses (the file was edited by hand or damaged)."""


@dataclass(frozen=True, slots=True)
class LoadedMatrix:
    matrix: Matrix
    db_id: int
    version: int


@dataclass(frozen=True, slots=True)
class Query:
    """One read of one table: ``columns`` in this order, sorted by ``order``.

    ``key`` is the column that names the matrix a row belongs to (None: the
    table is not per matrix), by which a read of only some matrices filters.
    """

    table: str
    columns: tuple[str, ...]
    order: tuple[str, ...] = ()
    key: str | None = "matrix_id"


class RowSource(Protocol):
    """Issues :class:`Query` reads on one connection, in one consistent state."""

    def rows(self, query: Query, ids: Sequence[int] | None = None) -> Iterable[Sequence[Any]]:
        """The rows of ``query`` (only those of matrices ``ids``, if given) as tuples."""
        ...

    def cell_chunks(self, db_id: int) -> Iterator[Iterable[tuple[int, int, str]]]:
        """Every filled cell of one matrix as (task id, role id, codes), a chunk at a time."""
        ...


META = Query("meta", ("key", "value"), key=None)
REVISION = Query(VERSION_TABLE, ("version_num",), key=None)
MATRICES = Query(
    "matrices",
    (
        "id",
        "name",
        "description",
        "scheme",
        "template_id",
        "settings_profile",
        "settings_overrides",
        "version",
        "next_id",
    ),
    ("position", "id"),
    key="id",
)
PHASES = Query("phases", ("matrix_id", "id", "name"), ("matrix_id", "position"))
TASKS = Query(
    "tasks",
    ("matrix_id", "id", "phase_id", "name", "description", "notes", "reference"),
    ("matrix_id", "phase_id", "position"),
)
ROLES = Query(
    "roles",
    ("matrix_id", "id", "name", "short", "description", "colour"),
    ("matrix_id", "position"),
)
PEOPLE = Query("people", ("matrix_id", "id", "name"), ("matrix_id", "position"))
HOLDINGS = Query(
    "person_roles", ("matrix_id", "person_id", "role_id"), ("matrix_id", "person_id", "position")
)
CONFLICTS = Query("conflicts", ("matrix_id", "role_a", "role_b"), ("matrix_id", "position"))
SUPPRESSIONS = Query(
    "suppressions",
    ("matrix_id", "rule", "reason", "task_id", "role_id", "person_id"),
    ("matrix_id", "position"),
)
PRESETS = Query(
    "presets", ("matrix_id", "name", "description", "people"), ("matrix_id", "position")
)
CELL_TEXTS = Query(
    "cell_texts", ("matrix_id", "task_id", "role_id", "text"), ("matrix_id", "task_id", "role_id")
)

#: The per-matrix tables, in the order :func:`assemble` takes their rows.
PARTS: tuple[Query, ...] = (
    PHASES,
    TASKS,
    ROLES,
    PEOPLE,
    HOLDINGS,
    CONFLICTS,
    SUPPRESSIONS,
    PRESETS,
    CELL_TEXTS,
)


def meta_of(source: RowSource) -> dict[str, str]:
    return {key: value for key, value in source.rows(META)}  # noqa: C416 - rows are not pairs to mypy


def revision_of(source: RowSource) -> str | None:
    for row in source.rows(REVISION):
        value: str | None = row[0]
        return value
    return None


def matrices_of(source: RowSource, ids: Sequence[int] | None = None) -> list[LoadedMatrix]:
    """Every matrix (or those with the given ids), in document order, with the id and
    version it has in the tables."""
    matrix_rows = list(source.rows(MATRICES, ids))
    groups = [_grouped(source.rows(query, ids)) for query in PARTS]
    loaded: list[LoadedMatrix] = []
    for row in matrix_rows:
        db_id, name = row[0], row[1]
        try:
            matrix = assemble(row, *(group.get(db_id, ()) for group in groups))
            by_rows = getattr(source, "cell_rows", None)  # the sqlite3 reader's faster way
            if by_rows is not None:
                for task_id, cells in by_rows(db_id):
                    matrix.load_row(task_id, cells)
            else:
                for chunk in source.cell_chunks(db_id):
                    matrix.load_cells(chunk)
        except (ValueError, KeyError, TypeError) as exc:
            raise DamagedDataError(f"matrix {name!r}: {exc}") from exc
        matrix.journal.clear()
        loaded.append(LoadedMatrix(matrix, db_id, matrix.version))
    return loaded


def _grouped(rows: Iterable[Sequence[Any]]) -> dict[int, list[Sequence[Any]]]:
    groups: dict[int, list[Sequence[Any]]] = defaultdict(list)
    for row in rows:
        groups[row[0]].append(row)
    return groups


def assemble(
    row: Sequence[Any],
    phase_rows: Iterable[Sequence[Any]],
    task_rows: Iterable[Sequence[Any]],
    role_rows: Iterable[Sequence[Any]],
    person_rows: Iterable[Sequence[Any]],
    holding_rows: Iterable[Sequence[Any]],
    conflict_rows: Iterable[Sequence[Any]],
    suppression_rows: Iterable[Sequence[Any]],
    preset_rows: Iterable[Sequence[Any]],
    text_rows: Iterable[Sequence[Any]] = (),
) -> Matrix:
    """One matrix from its rows (each in the column order of its :class:`Query`), cells aside."""
    _id, name, description, scheme, template_id, profile, overrides_text, version, next_id = row
    overrides = json.loads(overrides_text or "{}")
    if not isinstance(overrides, dict):
        raise ValueError("settings overrides are not a JSON object")
    settings = Settings(profile, overrides)
    problem = settings_problem(settings)
    if problem is not None:
        raise ValueError(problem)
    matrix = Matrix(
        name,
        scheme,
        description=description,
        template_id=template_id,
        settings=settings,
    )
    for _m, phase_id, phase_name in phase_rows:
        matrix.add_phase(phase_name, phase_id=phase_id)
    by_phase: dict[int, list[Sequence[Any]]] = defaultdict(list)
    for task in task_rows:
        by_phase[task[2]].append(task)
    for section in matrix.phases:
        for _m, task_id, _phase, task_name, task_description, notes, reference in by_phase.pop(
            section.id, ()
        ):
            matrix.add_task(
                task_name,
                section.id,
                description=task_description,
                notes=notes,
                task_id=task_id,
                reference=reference,
            )
    if by_phase:
        raise ValueError(f"tasks refer to missing phases {sorted(by_phase)}")
    for _m, role_id, role_name, short, role_description, colour in role_rows:
        matrix.add_role(
            role_name,
            short=short,
            description=role_description,
            colour=colour,
            role_id=role_id,
        )
    held: dict[int, list[int]] = defaultdict(list)
    for _m, person_id, held_role in holding_rows:
        held[person_id].append(held_role)
    people = [Person(p_id, p_name, held.get(p_id, [])) for _m, p_id, p_name in person_rows]
    if people:
        matrix.set_people(people)
    conflicts = [(role_a, role_b) for _m, role_a, role_b in conflict_rows]
    if conflicts:
        matrix.set_conflicts(conflicts)
    suppressions = [
        Suppression(rule, reason, task_id, role_id, person_id)
        for _m, rule, reason, task_id, role_id, person_id in suppression_rows
    ]
    if suppressions:
        matrix.set_suppressions(suppressions)
    presets = [
        preset_of(p_name, p_description, p_people)
        for _m, p_name, p_description, p_people in preset_rows
    ]
    if presets:
        matrix.set_presets(presets)
    texts = [(task_id, role_id, text) for _m, task_id, role_id, text in text_rows]
    if texts:
        matrix.set_cell_texts(texts)  # checks that the cells exist
    if next_id > matrix.next_id:
        # ids of deleted items stay retired (the history refers to them)
        matrix._reserve_id(next_id - 1)
    matrix.version = version
    return matrix


def preset_of(name: str, description: str, people_json: str) -> StaffingPreset:
    """A staffing preset from its row; ``people_json`` is ``[[person, [role names]], ...]``."""
    people = json.loads(people_json)
    return StaffingPreset(
        name,
        tuple((str(person), tuple(str(r) for r in held)) for person, held in people),
        description,
    )
