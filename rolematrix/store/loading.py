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

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from rolematrix.core.model import Matrix, Person, Settings, StaffingPreset, Suppression
from rolematrix.core.profiles import settings_problem
from rolematrix.store.identity import VERSION_TABLE
from rolematrix.store.validation import (
    NUMBER,
    OPTIONAL_NUMBER,
    OPTIONAL_TEXT,
    TEXT,
    DamagedDataError,
    check_rows,
    codes_problem,
    damaged,
    json_value,
    number_value,
)
from rolematrix.store.validation import (
    short as short_value,
)

__all__ = ["DamagedDataError", "LoadedMatrix", "Query", "matrices_of", "meta_of", "revision_of"]


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
    ``types`` says what each column may hold, ``ids`` which columns must be
    ids (1 or more), ``label`` which columns name a row in a damage report.
    """

    table: str
    columns: tuple[str, ...]
    order: tuple[str, ...] = ()
    key: str | None = "matrix_id"
    types: tuple[type | tuple[type, ...], ...] = ()
    ids: tuple[str, ...] = ()
    label: tuple[str, ...] = ()

    def checked(self, rows: Iterable[Sequence[Any]]) -> list[Sequence[Any]]:
        """The rows as a list, refused as damage if a value does not fit its column."""
        if not self.types:
            return list(rows)
        positive = tuple(self.columns.index(name) for name in self.ids)
        return check_rows(self.table, self.columns, self.types, self.label, rows, positive)


class RowSource(Protocol):
    """Issues :class:`Query` reads on one connection, in one consistent state."""

    def rows(self, query: Query, ids: Sequence[int] | None = None) -> Iterable[Sequence[Any]]:
        """The rows of ``query`` (only those of matrices ``ids``, if given) as tuples."""
        ...

    def cell_chunks(self, db_id: int) -> Iterator[Iterable[tuple[int, int, str]]]:
        """Every filled cell of one matrix as (task id, role id, codes), a chunk at a time."""
        ...


META = Query("meta", ("key", "value"), key=None, types=(TEXT, TEXT), label=("key",))
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
    types=(NUMBER, TEXT, TEXT, TEXT, OPTIONAL_TEXT, TEXT, TEXT, NUMBER, NUMBER),
    ids=("id", "next_id"),
    label=("id",),
)
_IN_MATRIX = ("matrix_id", "id")
PHASES = Query(
    "phases",
    ("matrix_id", "id", "name"),
    ("matrix_id", "position"),
    types=(NUMBER, NUMBER, TEXT),
    ids=("id",),
    label=_IN_MATRIX,
)
TASKS = Query(
    "tasks",
    ("matrix_id", "id", "phase_id", "name", "description", "notes", "reference"),
    ("matrix_id", "phase_id", "position"),
    types=(NUMBER, NUMBER, NUMBER, TEXT, TEXT, TEXT, TEXT),
    ids=("id",),
    label=_IN_MATRIX,
)
ROLES = Query(
    "roles",
    ("matrix_id", "id", "name", "short", "description", "colour"),
    ("matrix_id", "position"),
    types=(NUMBER, NUMBER, TEXT, TEXT, TEXT, TEXT),
    ids=("id",),
    label=_IN_MATRIX,
)
PEOPLE = Query(
    "people",
    ("matrix_id", "id", "name"),
    ("matrix_id", "position"),
    types=(NUMBER, NUMBER, TEXT),
    ids=("id",),
    label=_IN_MATRIX,
)
HOLDINGS = Query(
    "person_roles",
    ("matrix_id", "person_id", "role_id"),
    ("matrix_id", "person_id", "position"),
    types=(NUMBER, NUMBER, NUMBER),
    label=("matrix_id", "person_id", "role_id"),
)
CONFLICTS = Query(
    "conflicts",
    ("matrix_id", "role_a", "role_b"),
    ("matrix_id", "position"),
    types=(NUMBER, NUMBER, NUMBER),
    label=("matrix_id", "role_a", "role_b"),
)
SUPPRESSIONS = Query(
    "suppressions",
    ("matrix_id", "rule", "reason", "task_id", "role_id", "person_id"),
    ("matrix_id", "position"),
    types=(NUMBER, TEXT, TEXT, OPTIONAL_NUMBER, OPTIONAL_NUMBER, OPTIONAL_NUMBER),
    label=("matrix_id", "rule", "task_id", "role_id", "person_id"),
)
PRESETS = Query(
    "presets",
    ("matrix_id", "name", "description", "people"),
    ("matrix_id", "position"),
    types=(NUMBER, TEXT, TEXT, TEXT),
    label=("matrix_id", "name"),
)
CELL_TEXTS = Query(
    "cell_texts",
    ("matrix_id", "task_id", "role_id", "text"),
    ("matrix_id", "task_id", "role_id"),
    types=(NUMBER, NUMBER, NUMBER, TEXT),
    label=("matrix_id", "task_id", "role_id"),
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
    return {key: value for key, value in META.checked(source.rows(META))}  # noqa: C416 - rows are not pairs to mypy


def revision_of(source: RowSource) -> str | None:
    for row in source.rows(REVISION):
        value = row[0]
        return value if isinstance(value, str) else None
    return None


def matrices_of(source: RowSource, ids: Sequence[int] | None = None) -> list[LoadedMatrix]:
    """Every matrix (or those with the given ids), in document order, with the id and
    version it has in the tables."""
    matrix_rows = MATRICES.checked(source.rows(MATRICES, ids))
    groups = [_grouped(query.checked(source.rows(query, ids))) for query in PARTS]
    loaded: list[LoadedMatrix] = []
    for row in matrix_rows:
        db_id, name = row[0], row[1]
        try:
            matrix = assemble(row, *(group.get(db_id, ()) for group in groups))
            cells = CellCheck(matrix, db_id)
            by_rows = getattr(source, "cell_rows", None)  # the sqlite3 reader's faster way
            if by_rows is not None:
                for task_id, row_cells in by_rows(db_id):
                    cells.row(task_id, row_cells)
                    matrix.load_row(task_id, row_cells)
            else:
                for chunk in source.cell_chunks(db_id):
                    chunk = cells.chunk(chunk)
                    matrix.load_cells(chunk)
        except DamagedDataError as exc:
            raise DamagedDataError(f"matrix {short_value(name)}: {exc}") from exc
        except (ValueError, KeyError, TypeError) as exc:
            raise DamagedDataError(f"matrix {short_value(name)}: {exc}") from exc
        matrix.journal.clear()
        loaded.append(LoadedMatrix(matrix, db_id, matrix.version))
    return loaded


class CellCheck:
    """Checks a matrix's cells as they are loaded: known task and role, codes that are codes.

    Distinct code strings are few (a matrix has a dozen), so each is checked once.
    """

    def __init__(self, matrix: Matrix, db_id: int) -> None:
        self.tasks = {task.id for task in matrix.tasks}
        self.roles = {role.id for role in matrix.roles}
        self.letters = frozenset(matrix.scheme.letters)
        self.good: set[object] = set()
        self.db_id = db_id

    def _problem(self, task_id: object, role_id: object, codes: object) -> DamagedDataError:
        label = f"matrix_id={self.db_id}, task_id={short_value(task_id)}, role_id={short_value(role_id)}"
        if task_id not in self.tasks:
            return damaged("cells", label, "its task does not exist")
        if role_id not in self.roles:
            return damaged("cells", label, "its role does not exist")
        return damaged("cells", label, codes_problem(codes, self.letters) or "unreadable")

    def _one(self, task_id: object, role_id: object, codes: object) -> None:
        if (
            task_id not in self.tasks
            or role_id not in self.roles
            or codes_problem(codes, self.letters) is not None
        ):
            raise self._problem(task_id, role_id, codes)

    def _codes_ok(self, values: Iterable[object]) -> bool:
        fresh = set(values) - self.good
        for codes in fresh:
            if codes_problem(codes, self.letters) is not None:
                return False
        self.good |= fresh
        return True

    def row(self, task_id: int, row: dict[int, str]) -> None:
        if (
            task_id in self.tasks
            and self.roles.issuperset(row)
            and (self.good.issuperset(row.values()) or self._codes_ok(row.values()))
        ):
            return
        for role_id, codes in row.items():
            self._one(task_id, role_id, codes)
        raise self._problem(task_id, None, None)  # pragma: no cover - an empty row is fine

    def chunk(self, chunk: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        cells = list(chunk)
        if (
            {t for t, _r, _c in cells} <= self.tasks
            and {r for _t, r, _c in cells} <= self.roles
            and self._codes_ok({c for _t, _r, c in cells})
        ):
            return cells
        for task_id, role_id, codes in cells:
            self._one(task_id, role_id, codes)
        return cells  # pragma: no cover


def _grouped(rows: Iterable[Sequence[Any]]) -> dict[int, list[Sequence[Any]]]:
    groups: dict[int, list[Sequence[Any]]] = defaultdict(list)
    for row in rows:
        groups[row[0]].append(row)
    return groups


def _unique(table: str, db_id: int, ids: Iterable[int]) -> set[int]:
    listed = list(ids)
    seen = set(listed)
    if len(seen) == len(listed):
        return seen
    seen = set()
    for item in listed:
        if item in seen:
            raise damaged(table, f"matrix_id={db_id}, id={item}", "the id is used twice")
        seen.add(item)
    return seen  # pragma: no cover - a repeat was found above


def settings_of(profile: str, overrides_text: str, label: str) -> Settings:
    """A matrix's checker settings from its row; ones the checker cannot use are damage."""
    overrides = json_value(overrides_text or "{}", "matrices", label, "settings_overrides")
    if not isinstance(overrides, dict):
        raise damaged("matrices", label, "settings_overrides is not a JSON object")
    settings = Settings(profile, overrides)
    problem = settings_problem(settings)
    if problem is not None:
        raise damaged("matrices", label, problem)
    return settings


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
    """One matrix from its rows (each in the column order of its :class:`Query`), cells aside.

    The rows' values have their types (:meth:`Query.checked`); here what they
    refer to is checked: every task's phase, every role a person holds or a
    conflict names, each id used once. (A suppression may name a task or role
    deleted since: it then simply matches nothing.)
    """
    db_id, name, description, scheme, template_id, profile, overrides_text, version, next_id = row
    label = f"id={db_id}"
    version = number_value(version, "matrices", label, "version")
    settings = settings_of(profile, overrides_text, label)
    matrix = Matrix(
        name,
        scheme,
        description=description,
        template_id=template_id,
        settings=settings,
    )
    phase_rows = list(phase_rows)
    _unique("phases", db_id, (r[1] for r in phase_rows))
    for _m, phase_id, phase_name in phase_rows:
        matrix.add_phase(phase_name, phase_id=phase_id)
    task_rows = list(task_rows)
    _unique("tasks", db_id, (r[1] for r in task_rows))
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
    for phase_id, orphans in by_phase.items():
        raise damaged(
            "tasks",
            f"matrix_id={db_id}, id={orphans[0][1]}",
            f"its phase {phase_id} does not exist",
        )
    role_rows = list(role_rows)
    roles = _unique("roles", db_id, (r[1] for r in role_rows))
    for _m, role_id, role_name, short, role_description, colour in role_rows:
        matrix.add_role(
            role_name,
            short=short,
            description=role_description,
            colour=colour,
            role_id=role_id,
        )
    person_rows = list(person_rows)
    people_ids = _unique("people", db_id, (r[1] for r in person_rows))
    held: dict[int, list[int]] = defaultdict(list)
    for _m, person_id, held_role in holding_rows:
        where = f"matrix_id={db_id}, person_id={person_id}, role_id={held_role}"
        if person_id not in people_ids:
            raise damaged("person_roles", where, "the person does not exist")
        if held_role not in roles:
            raise damaged("person_roles", where, "the role does not exist")
        held[person_id].append(held_role)
    people = [Person(p_id, p_name, held.get(p_id, [])) for _m, p_id, p_name in person_rows]
    if people:
        matrix.set_people(people)
    conflicts = [(role_a, role_b) for _m, role_a, role_b in conflict_rows]
    for role_a, role_b in conflicts:
        if role_a not in roles or role_b not in roles:
            raise damaged(
                "conflicts",
                f"matrix_id={db_id}, role_a={role_a}, role_b={role_b}",
                f"role {role_a if role_a not in roles else role_b} does not exist",
            )
    if conflicts:
        matrix.set_conflicts(conflicts)
    suppressions = [
        Suppression(rule, reason, task_id, role_id, person_id)
        for _m, rule, reason, task_id, role_id, person_id in suppression_rows
    ]
    if suppressions:
        matrix.set_suppressions(suppressions)
    presets = [
        preset_of(p_name, p_description, p_people, f"matrix_id={db_id}, name={short_value(p_name)}")
        for _m, p_name, p_description, p_people in preset_rows
    ]
    if presets:
        matrix.set_presets(presets)
    texts = [(task_id, role_id, text) for _m, task_id, role_id, text in text_rows]
    for task_id, role_id, _text in texts:
        if not matrix.has_task(task_id) or not matrix.has_role(role_id):
            raise damaged(
                "cell_texts",
                f"matrix_id={db_id}, task_id={task_id}, role_id={role_id}",
                "its task or role does not exist",
            )
    if texts:
        matrix.set_cell_texts(texts)
    if next_id > matrix.next_id:
        # ids of deleted items stay retired (the history refers to them)
        matrix._reserve_id(next_id - 1)
    matrix.version = version
    return matrix


def preset_of(name: str, description: str, people_json: str, label: str = "?") -> StaffingPreset:
    """A staffing preset from its row; ``people_json`` is ``[[person, [role names]], ...]``."""
    people = json_value(people_json, "presets", label, "people")
    shape = "people is not a list of [person, [role names]] pairs"
    if not isinstance(people, list):
        raise damaged("presets", label, shape)
    staffed: list[tuple[str, tuple[str, ...]]] = []
    for entry in people:
        if not (isinstance(entry, list) and len(entry) == 2 and isinstance(entry[0], str)):
            raise damaged("presets", label, shape)
        person, held = entry
        if not (isinstance(held, list) and all(isinstance(r, str) for r in held)):
            raise damaged("presets", label, shape)
        staffed.append((person, tuple(held)))
    return StaffingPreset(name, tuple(staffed), description)
