"""The responsibility matrix: tasks (rows, grouped in phases), roles (columns), cells.

The matrix is the single source of truth for the editor, the checker, the
store and the exporters. It owns every mutation so that it can announce each
one (before and after) to listeners -- the Qt model turns those into
``beginInsertRows``/``dataChanged``, the incremental checker into a partial
re-check -- and so that it can keep a journal of what changed since the last
save, which lets the store write one edited cell instead of a million.

Cells are stored twice, by task (row dicts) and by role (column dicts), each
holding the cell's codes as a canonical string ("RA"). Both readings of a
matrix (what does this task need, what does this role do) are then a dict
lookup, and counting codes in a row is ``str.count`` on the joined row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from rolematrix.core.names import (
    clean_name,
    distinct_name,
    is_rtl,
    normalise,
    without_lone_surrogates,
)
from rolematrix.core.schemes import Scheme, get_scheme

CellKey = tuple[int, int]  # (task id, role id)


class DuplicateNameError(ValueError):
    """A task or role name that is already taken in the matrix (after trimming and case folding)."""


class EmptyNameError(ValueError):
    """A task, role or phase name that is empty after trimming."""


@dataclass(eq=False, slots=True)
class Task:
    id: int
    name: str
    description: str = ""
    notes: str = ""
    reference: str = ""  # the task's own id in the user's sheet ("1.2", "T-07"), kept as written


@dataclass(eq=False, slots=True)
class Role:
    id: int
    name: str
    short: str = ""
    description: str = ""
    colour: str = ""

    @property
    def label(self) -> str:
        """The narrow column header: the short label, or the name."""
        return self.short or self.name


@dataclass(eq=False, slots=True)
class Phase:
    id: int
    name: str  # "" for the single unnamed phase of a flat matrix
    tasks: list[Task] = field(default_factory=list)


@dataclass(eq=False, slots=True)
class Person:
    id: int
    name: str
    role_ids: list[int] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Suppression:
    """A finding accepted on purpose, with the reason a reader of the handbook will see."""

    rule: str
    reason: str
    task_id: int | None = None
    role_id: int | None = None
    person_id: int | None = None

    def matches(
        self, rule: str, task_id: int | None, role_id: int | None, person_id: int | None
    ) -> bool:
        return (
            self.rule == rule
            and (self.task_id is None or self.task_id == task_id)
            and (self.role_id is None or self.role_id == role_id)
            and (self.person_id is None or self.person_id == person_id)
        )


@dataclass(frozen=True, slots=True)
class StaffingPreset:
    """A named way of staffing the roles with people ("Sales&Account + PM")."""

    name: str
    people: tuple[tuple[str, tuple[str, ...]], ...]  # (person name, role names held)
    description: str = ""


@dataclass(slots=True)
class Settings:
    """Per-matrix checker settings: a rule profile plus explicit threshold overrides.

    Overrides are keyed by the names in :data:`rolematrix.core.profiles.DEFAULTS`.
    """

    profile: str = "standard"
    overrides: dict[str, Any] = field(default_factory=dict)

    def copy(self) -> Settings:
        return Settings(self.profile, dict(self.overrides))


@dataclass(frozen=True, slots=True)
class MatrixEvent:
    """One announced change. ``stage`` is "before" or "after" the change is applied.

    kinds: cells, task-insert, task-remove, task-move, task-update, phase-insert,
    phase-remove, phase-move, phase-update, role-insert, role-remove, role-move,
    role-update, people, conflicts, settings, suppressions, presets, matrix-update.
    Row/column positions (``row``, ``to_row``, ``column``, ``to_column``) are flat
    task and role indexes; ``keys`` lists the cells of a "cells" event. A "cells"
    event of a whole block (:meth:`Matrix.set_block`) names ``tasks`` and ``roles``
    instead: any cell of tasks x roles may have changed. A million keys would cost
    more than the change itself; :meth:`cell_keys` gives both kinds alike.
    """

    kind: str
    stage: str
    task_id: int | None = None
    role_id: int | None = None
    phase_id: int | None = None
    row: int | None = None
    to_row: int | None = None
    column: int | None = None
    to_column: int | None = None
    keys: tuple[CellKey, ...] = ()
    tasks: tuple[int, ...] = ()
    roles: tuple[int, ...] = ()

    @property
    def is_block(self) -> bool:
        return bool(self.tasks)

    def cell_keys(self) -> Iterator[CellKey]:
        """Every cell the event names: its keys, or each cell of its block."""
        yield from self.keys
        for task_id in self.tasks:
            for role_id in self.roles:
                yield task_id, role_id

    def touches_role(self, role_id: int) -> bool:
        return role_id in self.roles if self.tasks else any(r == role_id for _, r in self.keys)


Listener = Callable[[MatrixEvent], None]


@dataclass(frozen=True, slots=True)
class RemovedTask:
    """Everything needed to put a deleted task back exactly where it was."""

    task: Task
    phase_id: int
    index: int
    cells: dict[int, str]
    texts: dict[int, str] = field(default_factory=dict)  # role id -> unread cell text

    def renumbered(self, ids: Mapping[int, int]) -> RemovedTask:
        """The same record on the ids a shared workspace gave my new items (see Edit.renumber)."""
        t = self.task
        return RemovedTask(
            Task(ids.get(t.id, t.id), t.name, t.description, t.notes, t.reference),
            ids.get(self.phase_id, self.phase_id),
            self.index,
            {ids.get(r, r): c for r, c in self.cells.items()},
            {ids.get(r, r): x for r, x in self.texts.items()},
        )


@dataclass(frozen=True, slots=True)
class RemovedRole:
    role: Role
    index: int
    cells: dict[int, str]
    holders: tuple[int, ...]  # person ids that held the role
    conflicts: tuple[tuple[int, int], ...]
    texts: dict[int, str] = field(default_factory=dict)  # task id -> unread cell text

    def renumbered(self, ids: Mapping[int, int]) -> RemovedRole:
        """The same record on the ids a shared workspace gave my new items (see Edit.renumber)."""
        r = self.role
        return RemovedRole(
            Role(ids.get(r.id, r.id), r.name, r.short, r.description, r.colour),
            self.index,
            {ids.get(t, t): c for t, c in self.cells.items()},
            tuple(ids.get(p, p) for p in self.holders),
            tuple((ids.get(a, a), ids.get(b, b)) for a, b in self.conflicts),
            {ids.get(t, t): x for t, x in self.texts.items()},
        )


@dataclass(frozen=True, slots=True)
class RemovedPhase:
    phase: Phase
    index: int
    tasks: tuple[RemovedTask, ...]

    def renumbered(self, ids: Mapping[int, int]) -> RemovedPhase:
        """The same record on the ids a shared workspace gave my new items (see Edit.renumber)."""
        p = self.phase
        return RemovedPhase(
            Phase(ids.get(p.id, p.id), p.name),
            self.index,
            tuple(task.renumbered(ids) for task in self.tasks),
        )


@dataclass(frozen=True, slots=True)
class BlockUndo:
    """What :meth:`Matrix.set_block` replaced, kept compactly for its undo.

    A block set on the whole large matrix replaces a million cells; one
    (task, role, codes) tuple each would cost more memory than the matrix. The
    old cells are kept as the rows they were (task id -> role id -> codes, only
    the filled cells of the block), most of them the very dicts the matrix held.
    """

    tasks: tuple[int, ...]
    roles: tuple[int, ...]
    rows: dict[int, dict[int, str]]  # task id -> the block's filled cells as they were
    texts: dict[int, dict[int, str]] = field(default_factory=dict)  # unread cell texts

    def renumbered(self, ids: Mapping[int, int]) -> BlockUndo:
        """The same undo on the ids a shared workspace gave my new tasks and roles."""

        def one(value: int) -> int:
            return ids.get(value, value)

        def rows(data: dict[int, dict[int, str]]) -> dict[int, dict[int, str]]:
            return {one(t): {one(r): c for r, c in row.items()} for t, row in data.items()}

        return BlockUndo(
            tuple(map(one, self.tasks)),
            tuple(map(one, self.roles)),
            rows(self.rows),
            rows(self.texts),
        )


class ChangeJournal:
    """What changed since the matrix was last saved, so saving can write only that.

    Cells set as a block (a whole matrix at once) are kept as the block, tasks by
    roles, not as a million keys: :meth:`cell_keys` walks them for the store, and
    :attr:`cells` spells them out only for the few readers that need a set.
    """

    __slots__ = ("_cells", "blocks", "structure")

    def __init__(self) -> None:
        self._cells: set[CellKey] = set()
        self.blocks: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
        self.structure = False

    @property
    def cells(self) -> set[CellKey]:
        """Every journaled cell as a set of keys (blocks are spelled out, once)."""
        if self.blocks:
            blocks, self.blocks = self.blocks, []
            for tasks, roles in blocks:
                self._cells.update((t, r) for t in tasks for r in roles)
        return self._cells

    @property
    def keyed_cells(self) -> set[CellKey]:
        """The cells journaled one by one, without the blocks (see :attr:`blocks`)."""
        return self._cells

    def add_block(self, tasks: tuple[int, ...], roles: tuple[int, ...]) -> None:
        if tasks and roles:
            self.blocks.append((tasks, roles))

    def cell_keys(self) -> set[CellKey] | Iterator[CellKey]:
        """The journaled cells without spelling out blocks into the journal (may repeat)."""
        if not self.blocks:
            return self._cells
        return self._walk()

    def _walk(self) -> Iterator[CellKey]:
        yield from self._cells
        for tasks, roles in self.blocks:
            for task_id in tasks:
                for role_id in roles:
                    yield task_id, role_id

    @property
    def count(self) -> int:
        """How many cells are journaled (blocks counted in full, overlaps twice)."""
        return len(self._cells) + sum(len(t) * len(r) for t, r in self.blocks)

    def clear(self) -> None:
        self._cells.clear()
        self.blocks.clear()
        self.structure = False

    @property
    def empty(self) -> bool:
        return not self._cells and not self.blocks and not self.structure


class Matrix:
    """A responsibility matrix. Mutate it only through its methods."""

    def __init__(
        self,
        name: str,
        scheme: str = "RACI",
        *,
        description: str = "",
        template_id: str | None = None,
        settings: Settings | None = None,
    ) -> None:
        name = clean_name(name)
        if not name:
            raise EmptyNameError("a matrix needs a name")
        self.name = name
        self.description = without_lone_surrogates(description)
        self._scheme = get_scheme(scheme)
        self.template_id = template_id
        self.settings = settings or Settings()
        self.version = 0  # bumped by a shared workspace on every saved change
        self.phases: list[Phase] = []
        self.roles: list[Role] = []
        self.people: list[Person] = []
        self.conflicts: list[tuple[int, int]] = []
        self.suppressions: list[Suppression] = []
        self.presets: list[StaffingPreset] = []
        self._rows: dict[int, dict[int, str]] = {}
        # text a user's file held in a cell that is no code ("maybe"), by task and role:
        # kept beside the cell, never dropped, until the user resolves it (set_cell_texts)
        self._texts: dict[int, dict[int, str]] = {}
        # the same cells by role; built when first needed after a bulk load (see load_row)
        self._cols_index: dict[int, dict[int, str]] | None = {}
        self._next_id = 1
        self._listeners: list[Listener] = []
        self._task_cache: list[Task] | None = None
        self._task_pos: dict[int, int] = {}
        self._task_phase: dict[int, Phase] = {}
        self._role_pos: dict[int, int] = {}
        self._task_by_id: dict[int, Task] = {}
        self._role_by_id: dict[int, Role] = {}
        self._task_names: dict[str, int] = {}  # normalised name -> task id
        self._role_names: dict[str, int] = {}
        self.journal = ChangeJournal()

    # ----------------------------------------------------------------- basics
    @property
    def scheme(self) -> Scheme:
        return self._scheme

    def __repr__(self) -> str:
        return f"<Matrix {self.name!r} {self.scheme.id} {len(self.tasks)}x{len(self.roles)}>"

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` with every :class:`MatrixEvent`; returns the unsubscribe function."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _emit(self, event: MatrixEvent) -> None:
        for listener in list(self._listeners):
            listener(event)

    def _around(self, kind: str, **info: Any) -> _Announce:
        return _Announce(self, kind, info)

    def new_id(self) -> int:
        value = self._next_id
        self._next_id += 1
        return value

    def _reserve_id(self, value: int) -> int:
        if value >= self._next_id:
            self._next_id = value + 1
        return value

    @property
    def next_id(self) -> int:
        return self._next_id

    @property
    def is_rtl(self) -> bool:
        """Does the matrix read right to left? Decided by its task and role names."""
        names = [t.name for t in self.tasks[:50]] + [r.name for r in self.roles[:20]]
        rtl = sum(1 for n in names if is_rtl(n))
        return bool(names) and rtl * 2 > len(names)

    # ----------------------------------------------------------------- lookups
    @property
    def tasks(self) -> list[Task]:
        """All tasks in reading order (phase by phase). Do not mutate the list."""
        if self._task_cache is None:
            order: list[Task] = []
            self._task_pos = {}
            self._task_phase = {}
            for phase in self.phases:
                for task in phase.tasks:
                    self._task_pos[task.id] = len(order)
                    self._task_phase[task.id] = phase
                    order.append(task)
            self._task_cache = order
        return self._task_cache

    def _invalidate_tasks(self) -> None:
        self._task_cache = None

    def _reindex_roles(self) -> None:
        self._role_pos = {role.id: i for i, role in enumerate(self.roles)}

    def task(self, task_id: int) -> Task:
        return self._task_by_id[task_id]

    def role(self, role_id: int) -> Role:
        return self._role_by_id[role_id]

    def has_task(self, task_id: int) -> bool:
        return task_id in self._task_by_id

    def has_role(self, role_id: int) -> bool:
        return role_id in self._role_by_id

    def phase(self, phase_id: int) -> Phase:
        for phase in self.phases:
            if phase.id == phase_id:
                return phase
        raise KeyError(phase_id)

    def person(self, person_id: int) -> Person:
        for person in self.people:
            if person.id == person_id:
                return person
        raise KeyError(person_id)

    def task_row(self, task_id: int) -> int:
        """Flat position of the task in :attr:`tasks`."""
        self.tasks  # noqa: B018 - rebuilds the position index when stale
        return self._task_pos[task_id]

    def phase_of(self, task_id: int) -> Phase:
        self.tasks  # noqa: B018
        return self._task_phase[task_id]

    def role_column(self, role_id: int) -> int:
        return self._role_pos[role_id]

    def find_task(self, name: str) -> Task | None:
        task_id = self._task_names.get(normalise(name))
        return None if task_id is None else self._task_by_id[task_id]

    def find_role(self, name: str) -> Role | None:
        role_id = self._role_names.get(normalise(name))
        return None if role_id is None else self._role_by_id[role_id]

    def holders(self, role_id: int) -> list[Person]:
        return [p for p in self.people if role_id in p.role_ids]

    # ------------------------------------------------------------------- cells
    def get(self, task_id: int, role_id: int) -> str:
        return self._rows.get(task_id, {}).get(role_id, "")

    def row(self, task_id: int) -> Mapping[int, str]:
        """The filled cells of a task: role id -> codes."""
        return self._rows.get(task_id, _EMPTY)

    def column(self, role_id: int) -> Mapping[int, str]:
        """The filled cells of a role: task id -> codes."""
        return self._cols.get(role_id, _EMPTY)

    @property
    def _cols(self) -> dict[int, dict[int, str]]:
        cols = self._cols_index
        if cols is None:
            cols = {}
            for task_id, row in self._rows.items():
                for role_id, codes in row.items():
                    column = cols.get(role_id)
                    if column is None:
                        column = cols[role_id] = {}
                    column[task_id] = codes
            self._cols_index = cols
        return cols

    def cells(self) -> Iterator[tuple[int, int, str]]:
        """Every filled cell as (task id, role id, codes)."""
        for task_id, row in self._rows.items():
            for role_id, codes in row.items():
                yield task_id, role_id, codes

    @property
    def filled_count(self) -> int:
        return sum(len(row) for row in self._rows.values())

    def _store(self, task_id: int, role_id: int, codes: str) -> str:
        cols = self._cols  # built (after a bulk load) before the row changes, so it agrees
        row = self._rows.setdefault(task_id, {})
        old = row.get(role_id, "")
        if codes:
            row[role_id] = codes
            cols.setdefault(role_id, {})[task_id] = codes
        elif old:
            del row[role_id]
            del cols[role_id][task_id]
        return old

    def set_cell(self, task_id: int, role_id: int, codes: str | Iterable[str]) -> str:
        """Set one cell; returns the previous codes. Codes are put in scheme order."""
        return self.set_cells([(task_id, role_id, codes)])[0]

    def set_cells(self, changes: Iterable[tuple[int, int, str | Iterable[str]]]) -> list[str]:
        """Set many cells as one announced change; returns the previous codes in order."""
        canonical = self._scheme.canonical
        olds: list[str] = []
        keys: list[CellKey] = []
        for task_id, role_id, codes in changes:
            if task_id not in self._task_by_id or role_id not in self._role_by_id:
                raise KeyError((task_id, role_id))
            value = canonical(codes)
            old = self._store(task_id, role_id, value)
            olds.append(old)
            if old != value:
                keys.append((task_id, role_id))
        if keys:
            self.journal.keyed_cells.update(keys)
            self._emit(MatrixEvent("cells", "after", keys=tuple(keys)))
        return olds

    def set_block(
        self, task_ids: Iterable[int], role_ids: Iterable[int], codes: str | Iterable[str]
    ) -> BlockUndo:
        """Set every cell of tasks x roles to ``codes`` and clear their unread texts; one event.

        The fast way for select all + a letter on a million cells: rows and
        columns are filled a dict at a time, the journal and the event name the
        block instead of each cell, and the undo keeps the old rows, not a tuple
        per cell. :meth:`restore_block` puts back exactly what was there.
        """
        tasks = tuple(dict.fromkeys(task_ids))
        roles = tuple(dict.fromkeys(role_ids))
        for task_id in tasks:
            if task_id not in self._task_by_id:
                raise KeyError(task_id)
        for role_id in roles:
            if role_id not in self._role_by_id:
                raise KeyError(role_id)
        value = self._scheme.canonical(codes)
        if not tasks or not roles:
            return BlockUndo(tasks, roles, {})
        role_set = set(roles)
        every_role = len(role_set) == len(self._role_by_id)
        fresh = dict.fromkeys(roles, value)
        rows = self._rows
        old_rows: dict[int, dict[int, str]] = {}
        for task_id in tasks:
            row = rows.get(task_id)
            if every_role:
                # the whole row goes: keep the very dict for the undo
                if row:
                    old_rows[task_id] = row
                if value:
                    rows[task_id] = fresh.copy()
                else:
                    rows.pop(task_id, None)
                continue
            if row:
                old = {r: row[r] for r in row.keys() & role_set}
                if old:
                    old_rows[task_id] = old
                    if not value:
                        for role_id in old:
                            del row[role_id]
                if value:
                    row.update(fresh)
            elif value:
                rows[task_id] = fresh.copy()
        cols = self._cols_index
        if cols is not None:
            column_fresh = dict.fromkeys(tasks, value)
            every_task = len(tasks) == len(self._task_by_id)
            for role_id in roles:
                column = cols.get(role_id)
                if value:
                    if column is None or every_task:
                        # a new dict, sized once: growing the old one by update would
                        # leave it with twice the table a dict of that size needs
                        cols[role_id] = column_fresh.copy()
                    else:
                        column.update(column_fresh)
                elif column:
                    for task_id in tasks:
                        column.pop(task_id, None)
        old_texts = self._take_texts(tasks, role_set)
        self.journal.add_block(tasks, roles)
        if old_texts:
            self.journal.structure = True  # texts are saved with the structure
        self._emit(MatrixEvent("cells", "after", tasks=tasks, roles=roles))
        return BlockUndo(tasks, roles, old_rows, old_texts)

    def _take_texts(self, tasks: tuple[int, ...], roles: set[int]) -> dict[int, dict[int, str]]:
        """Remove and return the unread texts of the block's cells."""
        taken: dict[int, dict[int, str]] = {}
        if not self._texts:
            return taken
        for task_id in tasks:
            row = self._texts.get(task_id)
            if not row:
                continue
            old = {r: row[r] for r in row.keys() & roles}
            if old:
                taken[task_id] = old
                for role_id in old:
                    del row[role_id]
                if not row:
                    del self._texts[task_id]
        return taken

    def restore_block(self, undo: BlockUndo) -> None:
        """Undo :meth:`set_block`: the block's cells and texts become what they were."""
        tasks, roles = undo.tasks, undo.roles
        if not tasks or not roles:
            return
        role_set = set(roles)
        every_role = len(role_set) == len(self._role_by_id)
        rows = self._rows
        for task_id in tasks:
            old = undo.rows.get(task_id)
            if every_role:
                if old:
                    rows[task_id] = dict(old)
                else:
                    rows.pop(task_id, None)
                continue
            row = rows.get(task_id)
            if row:
                for role_id in row.keys() & role_set:
                    del row[role_id]
            if old:
                if row is None:
                    rows[task_id] = dict(old)
                else:
                    row.update(old)
        cols = self._cols_index
        if cols is not None:
            every_task = len(tasks) == len(self._task_by_id)
            for role_id in roles:
                column = cols.get(role_id)
                if column is None:
                    continue
                if every_task:
                    column.clear()
                else:
                    for task_id in tasks:
                        column.pop(task_id, None)
            for task_id, old in undo.rows.items():
                for role_id, codes in old.items():
                    column = cols.get(role_id)
                    if column is None:
                        column = cols[role_id] = {}
                    column[task_id] = codes
        self._take_texts(tasks, role_set)
        for task_id, texts in undo.texts.items():
            self._texts.setdefault(task_id, {}).update(texts)
        self.journal.add_block(tasks, roles)
        if undo.texts:
            self.journal.structure = True
        self._emit(MatrixEvent("cells", "after", tasks=tasks, roles=roles))

    def load_cells(self, cells: Iterable[tuple[int, int, str]]) -> None:
        """Bulk fill, trusted input (from the store): no events, no journal, no canonicalising."""
        rows = self._rows
        cols = self._cols
        for task_id, role_id, codes in cells:
            if codes:
                rows.setdefault(task_id, {})[role_id] = codes
                cols.setdefault(role_id, {})[task_id] = codes

    def load_row(self, task_id: int, row: dict[int, str]) -> None:
        """Bulk fill of one task's cells (role id -> non-empty codes), trusted input; ``row`` is kept.

        The fastest way in for a store reading a large matrix: the row is taken as
        it is, and the by-role index is rebuilt only when something first asks a
        role for its cells -- after the grid has been shown, typically.
        """
        existing = self._rows.get(task_id)
        if existing:
            existing.update(row)
        elif row:
            self._rows[task_id] = row
        self._cols_index = None

    # ------------------------------------------------------------- cell texts
    def cell_text(self, task_id: int, role_id: int) -> str:
        """What the cell held that is no code (imported as written), or ""."""
        row = self._texts.get(task_id)
        return row.get(role_id, "") if row else ""

    def row_texts(self, task_id: int) -> Mapping[int, str]:
        """The unread texts of one task: role id -> text."""
        return self._texts.get(task_id, _EMPTY)

    def cell_texts(self) -> Iterator[tuple[int, int, str]]:
        """Every cell holding unread text, as (task id, role id, text)."""
        for task_id, row in self._texts.items():
            for role_id, text in row.items():
                yield task_id, role_id, text

    @property
    def has_cell_texts(self) -> bool:
        return bool(self._texts)

    def set_cell_texts(self, changes: Iterable[tuple[int, int, str]]) -> list[str]:
        """Set or clear ("") the unread text of cells; returns the previous texts in order.

        Announced as a "cells" change, so that the checker re-checks those cells and
        the grid repaints them; saved with the structure (texts are few).
        """
        olds: list[str] = []
        keys: list[CellKey] = []
        for task_id, role_id, text in changes:
            if task_id not in self._task_by_id or role_id not in self._role_by_id:
                raise KeyError((task_id, role_id))
            row = self._texts.get(task_id)
            old = row.get(role_id, "") if row else ""
            text = without_lone_surrogates(text.strip())
            if text:
                self._texts.setdefault(task_id, {})[role_id] = text
            elif row is not None and old:
                del row[role_id]
                if not row:
                    del self._texts[task_id]
            olds.append(old)
            if old != text:
                keys.append((task_id, role_id))
        if keys:
            self.journal.structure = True  # saved with the structure (see Structure.cell_texts)
            self._emit(MatrixEvent("cells", "after", keys=tuple(keys)))
        return olds

    def load_cell_texts(self, texts: Iterable[tuple[int, int, str]]) -> None:
        """Bulk fill of unread cell texts, trusted input (from the store): no events, no journal."""
        for task_id, role_id, text in texts:
            if text:
                self._texts.setdefault(task_id, {})[role_id] = text

    # ------------------------------------------------------------------ phases
    def add_phase(
        self, name: str = "", index: int | None = None, phase_id: int | None = None
    ) -> Phase:
        phase = Phase(self._reserve_id(phase_id) if phase_id else self.new_id(), clean_name(name))
        index = len(self.phases) if index is None else index
        with self._around("phase-insert", phase_id=phase.id, row=index):
            self.phases.insert(index, phase)
            self._invalidate_tasks()
        return phase

    def rename_phase(self, phase_id: int, name: str) -> str:
        phase = self.phase(phase_id)
        old = phase.name
        with self._around("phase-update", phase_id=phase_id):
            phase.name = clean_name(name)
        return old

    def move_phase(self, phase_id: int, index: int) -> int:
        phase = self.phase(phase_id)
        old = self.phases.index(phase)
        with self._around("phase-move", phase_id=phase_id, row=old, to_row=index):
            self.phases.pop(old)
            self.phases.insert(index, phase)
            self._invalidate_tasks()
        return old

    def remove_phase(self, phase_id: int) -> RemovedPhase:
        """Remove a phase with its tasks and their cells."""
        phase = self.phase(phase_id)
        removed = tuple(self.remove_task(t.id) for t in reversed(list(phase.tasks)))
        index = self.phases.index(phase)
        with self._around("phase-remove", phase_id=phase_id, row=index):
            self.phases.pop(index)
            self._invalidate_tasks()
        return RemovedPhase(phase, index, tuple(reversed(removed)))

    def restore_phase(self, removed: RemovedPhase) -> None:
        phase = removed.phase
        with self._around("phase-insert", phase_id=phase.id, row=removed.index):
            phase.tasks.clear()
            self.phases.insert(removed.index, phase)
            self._invalidate_tasks()
        for item in removed.tasks:
            self.restore_task(item)

    def default_phase(self) -> Phase:
        """The last phase, created unnamed if the matrix has none."""
        if not self.phases:
            return self.add_phase("")
        return self.phases[-1]

    # ------------------------------------------------------------------- tasks
    def _check_task_name(self, name: str, except_id: int | None = None) -> str:
        name = clean_name(name)
        if not name:
            raise EmptyNameError("a task needs a name")
        holder = self._task_names.get(normalise(name))
        if holder is not None and holder != except_id:
            raise DuplicateNameError(
                f"a task named {self._task_by_id[holder].name!r} already exists"
            )
        return name

    def unique_task_name(self, name: str) -> str:
        return distinct_name(clean_name(name), set(self._task_names))

    def add_task(
        self,
        name: str,
        phase_id: int | None = None,
        index: int | None = None,
        *,
        description: str = "",
        notes: str = "",
        task_id: int | None = None,
        reference: str = "",
    ) -> Task:
        name = self._check_task_name(name)
        phase = self.phase(phase_id) if phase_id is not None else self.default_phase()
        task = Task(
            self._reserve_id(task_id) if task_id else self.new_id(),
            name,
            without_lone_surrogates(description),
            without_lone_surrogates(notes),
            without_lone_surrogates(reference),
        )
        index = len(phase.tasks) if index is None else index
        self._insert_task(task, phase, index)
        return task

    def _insert_task(self, task: Task, phase: Phase, index: int) -> None:
        if index < len(phase.tasks):
            self.tasks  # noqa: B018 - refreshes the position index
            row = self._task_pos[phase.tasks[index].id]
        else:
            row = self._phase_end_row(phase)
        with self._around("task-insert", task_id=task.id, phase_id=phase.id, row=row):
            phase.tasks.insert(index, task)
            self._task_by_id[task.id] = task
            self._task_names[normalise(task.name)] = task.id
            cache = self._task_cache
            if cache is not None and row == len(cache):
                # appending at the very end (loading, building): keep the index, O(1)
                self._task_pos[task.id] = row
                self._task_phase[task.id] = phase
                cache.append(task)
            else:
                self._invalidate_tasks()

    def _phase_end_row(self, phase: Phase) -> int:
        row = 0
        for other in self.phases:
            row += len(other.tasks)
            if other is phase:
                return row
        raise KeyError(phase.id)

    def update_task(
        self,
        task_id: int,
        *,
        name: str | None = None,
        description: str | None = None,
        notes: str | None = None,
        reference: str | None = None,
    ) -> Task:
        """Change task fields; returns a copy of the task as it was."""
        task = self.task(task_id)
        before = Task(task.id, task.name, task.description, task.notes, task.reference)
        if name is not None:
            name = self._check_task_name(name, except_id=task_id)
        with self._around("task-update", task_id=task_id, row=self.task_row(task_id)):
            if name is not None:
                del self._task_names[normalise(task.name)]
                task.name = name
                self._task_names[normalise(name)] = task_id
            if description is not None:
                task.description = without_lone_surrogates(description)
            if notes is not None:
                task.notes = without_lone_surrogates(notes)
            if reference is not None:
                task.reference = without_lone_surrogates(reference)
        return before

    def remove_task(self, task_id: int) -> RemovedTask:
        task = self.task(task_id)
        phase = self.phase_of(task_id)
        index = phase.tasks.index(task)
        row_cells = dict(self._rows.get(task_id, {}))
        texts = dict(self._texts.get(task_id, {}))
        keys = tuple((task_id, rid) for rid in row_cells.keys() | texts.keys())
        with self._around(
            "task-remove", task_id=task_id, phase_id=phase.id, row=self.task_row(task_id)
        ):
            phase.tasks.pop(index)
            del self._task_by_id[task_id]
            del self._task_names[normalise(task.name)]
            for role_id in row_cells:
                del self._cols[role_id][task_id]
            self._rows.pop(task_id, None)
            self._texts.pop(task_id, None)
            self.journal.keyed_cells.update(keys)  # texts: the structure, marked on exit
            self._invalidate_tasks()
        return RemovedTask(task, phase.id, index, row_cells, texts)

    def restore_task(self, removed: RemovedTask) -> None:
        phase = self.phase(removed.phase_id)
        self._insert_task(removed.task, phase, removed.index)
        if removed.cells:
            self.set_cells((removed.task.id, rid, codes) for rid, codes in removed.cells.items())
        if removed.texts:
            self.set_cell_texts((removed.task.id, rid, t) for rid, t in removed.texts.items())

    def move_task(self, task_id: int, phase_id: int, index: int) -> tuple[int, int]:
        """Move a task to position ``index`` of phase ``phase_id`` (index counted after removal).

        Returns the (phase id, index) it came from, for undo.
        """
        task = self.task(task_id)
        source = self.phase_of(task_id)
        old_index = source.tasks.index(task)
        target = self.phase(phase_id)
        from_row = self.task_row(task_id)
        # flat row of the destination, counted as if the task were already removed
        rest = 0
        for other in self.phases:
            if other is target:
                break
            rest += len(other.tasks) - (1 if other is source else 0)
        to_row = rest + index
        with self._around(
            "task-move", task_id=task_id, phase_id=phase_id, row=from_row, to_row=to_row
        ):
            source.tasks.pop(old_index)
            target.tasks.insert(index, task)
            self._invalidate_tasks()
        return source.id, old_index

    # ------------------------------------------------------------------- roles
    def _check_role_name(self, name: str, except_id: int | None = None) -> str:
        name = clean_name(name)
        if not name:
            raise EmptyNameError("a role needs a name")
        holder = self._role_names.get(normalise(name))
        if holder is not None and holder != except_id:
            raise DuplicateNameError(
                f"a role named {self._role_by_id[holder].name!r} already exists"
            )
        return name

    def unique_role_name(self, name: str) -> str:
        return distinct_name(clean_name(name), set(self._role_names))

    def add_role(
        self,
        name: str,
        index: int | None = None,
        *,
        short: str = "",
        description: str = "",
        colour: str = "",
        role_id: int | None = None,
    ) -> Role:
        name = self._check_role_name(name)
        role = Role(
            self._reserve_id(role_id) if role_id else self.new_id(),
            name,
            without_lone_surrogates(short.strip()),
            without_lone_surrogates(description),
            colour,
        )
        self._insert_role(role, len(self.roles) if index is None else index)
        return role

    def _insert_role(self, role: Role, index: int) -> None:
        with self._around("role-insert", role_id=role.id, column=index):
            self.roles.insert(index, role)
            self._role_by_id[role.id] = role
            self._role_names[normalise(role.name)] = role.id
            self._reindex_roles()

    def update_role(
        self,
        role_id: int,
        *,
        name: str | None = None,
        short: str | None = None,
        description: str | None = None,
        colour: str | None = None,
    ) -> Role:
        """Change role fields; returns a copy of the role as it was."""
        role = self.role(role_id)
        before = Role(role.id, role.name, role.short, role.description, role.colour)
        if name is not None:
            name = self._check_role_name(name, except_id=role_id)
        with self._around("role-update", role_id=role_id, column=self.role_column(role_id)):
            if name is not None:
                del self._role_names[normalise(role.name)]
                role.name = name
                self._role_names[normalise(name)] = role_id
            if short is not None:
                role.short = without_lone_surrogates(short.strip())
            if description is not None:
                role.description = without_lone_surrogates(description)
            if colour is not None:
                role.colour = colour
        return before

    def remove_role(self, role_id: int) -> RemovedRole:
        role = self.role(role_id)
        index = self.role_column(role_id)
        col = dict(self._cols.get(role_id, {}))
        holders = tuple(p.id for p in self.people if role_id in p.role_ids)
        conflicts = tuple(pair for pair in self.conflicts if role_id in pair)
        texts = {tid: row[role_id] for tid, row in self._texts.items() if role_id in row}
        with self._around("role-remove", role_id=role_id, column=index):
            self.roles.pop(index)
            del self._role_by_id[role_id]
            del self._role_names[normalise(role.name)]
            for task_id in col:
                del self._rows[task_id][role_id]
            self._cols.pop(role_id, None)
            for person in self.people:
                if role_id in person.role_ids:
                    person.role_ids.remove(role_id)
            self.conflicts = [pair for pair in self.conflicts if role_id not in pair]
            for tid in texts:
                del self._texts[tid][role_id]
                if not self._texts[tid]:
                    del self._texts[tid]
            self.journal.keyed_cells.update((tid, role_id) for tid in col.keys() | texts.keys())
            self._reindex_roles()
        return RemovedRole(role, index, col, holders, conflicts, texts)

    def restore_role(self, removed: RemovedRole) -> None:
        self._insert_role(removed.role, removed.index)
        rid = removed.role.id
        if removed.cells:
            self.set_cells((tid, rid, codes) for tid, codes in removed.cells.items())
        if removed.texts:
            self.set_cell_texts((tid, rid, t) for tid, t in removed.texts.items())
        if removed.holders or removed.conflicts:
            with self._around("people"):
                for person in self.people:
                    if person.id in removed.holders and rid not in person.role_ids:
                        person.role_ids.append(rid)
                self.conflicts.extend(removed.conflicts)

    def move_role(self, role_id: int, index: int) -> int:
        role = self.role(role_id)
        old = self.role_column(role_id)
        with self._around("role-move", role_id=role_id, column=old, to_column=index):
            self.roles.pop(old)
            self.roles.insert(index, role)
            self._reindex_roles()
        return old

    # ------------------------------------------------------------------ people
    def add_person(
        self, name: str, role_ids: Iterable[int] = (), person_id: int | None = None
    ) -> Person:
        person = Person(
            self._reserve_id(person_id) if person_id else self.new_id(),
            clean_name(name),
            list(role_ids),
        )
        with self._around("people"):
            self.people.append(person)
        return person

    def set_people(self, people: list[Person]) -> list[Person]:
        """Replace everyone at once (applying a staffing preset); returns who was there."""
        before = [Person(p.id, p.name, list(p.role_ids)) for p in self.people]
        with self._around("people"):
            self.people = people
            for p in people:
                self._reserve_id(p.id)
        return before

    def set_person_roles(self, person_id: int, role_ids: Iterable[int]) -> list[int]:
        person = self.person(person_id)
        before = list(person.role_ids)
        with self._around("people"):
            person.role_ids = list(role_ids)
        return before

    def rename_person(self, person_id: int, name: str) -> str:
        person = self.person(person_id)
        before = person.name
        with self._around("people"):
            person.name = clean_name(name)
        return before

    def remove_person(self, person_id: int) -> tuple[Person, int]:
        person = self.person(person_id)
        index = self.people.index(person)
        with self._around("people"):
            self.people.pop(index)
        return person, index

    def restore_person(self, person: Person, index: int) -> None:
        with self._around("people"):
            self.people.insert(index, person)

    def apply_preset(self, preset: StaffingPreset) -> list[Person]:
        """Staff the roles as ``preset`` says; unknown role names are ignored."""
        people = []
        for person_name, role_names in preset.people:
            ids = [r.id for n in role_names if (r := self.find_role(n)) is not None]
            people.append(Person(self.new_id(), person_name, ids))
        return self.set_people(people)

    def set_conflicts(self, pairs: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
        before = list(self.conflicts)
        with self._around("conflicts"):
            self.conflicts = [(a, b) if a <= b else (b, a) for a, b in pairs]
        return before

    def add_conflict(self, role_a: int, role_b: int) -> None:
        pair = (role_a, role_b) if role_a <= role_b else (role_b, role_a)
        if pair not in self.conflicts:
            self.set_conflicts([*self.conflicts, pair])

    # -------------------------------------------------------- settings & more
    def set_settings(self, settings: Settings) -> Settings:
        before = self.settings
        with self._around("settings"):
            self.settings = settings
        return before

    def set_suppressions(self, suppressions: Iterable[Suppression]) -> list[Suppression]:
        before = list(self.suppressions)
        with self._around("suppressions"):
            self.suppressions = list(suppressions)
        return before

    def accept(self, suppression: Suppression) -> None:
        self.set_suppressions([*self.suppressions, suppression])

    def set_presets(self, presets: Iterable[StaffingPreset]) -> list[StaffingPreset]:
        before = list(self.presets)
        with self._around("presets"):
            self.presets = list(presets)
        return before

    def update(
        self,
        *,
        name: str | None = None,
        description: str | None = None,
        scheme: str | None = None,
        template_id: str | None = None,
    ) -> dict[str, Any]:
        """Change matrix-level fields; returns the old values of the given ones."""
        before: dict[str, Any] = {}
        with self._around("matrix-update"):
            if name is not None:
                if not clean_name(name):
                    raise EmptyNameError("a matrix needs a name")
                before["name"] = self.name
                self.name = clean_name(name)
            if description is not None:
                before["description"] = self.description
                self.description = without_lone_surrogates(description)
            if scheme is not None:
                before["scheme"] = self._scheme.id
                self._scheme = get_scheme(scheme)
            if template_id is not None:
                before["template_id"] = self.template_id
                self.template_id = template_id or None
        return before


class _Announce:
    """Context manager that emits a before/after event pair and marks the journal."""

    __slots__ = ("info", "kind", "matrix")

    def __init__(self, matrix: Matrix, kind: str, info: dict[str, Any]) -> None:
        self.matrix = matrix
        self.kind = kind
        self.info = info

    def __enter__(self) -> None:
        self.matrix._emit(MatrixEvent(self.kind, "before", **self.info))

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        self.matrix.journal.structure = True
        self.matrix._emit(MatrixEvent(self.kind, "after", **self.info))


_EMPTY: Mapping[int, str] = {}


@dataclass(frozen=True, slots=True)
class DocumentEvent:
    """A matrix added to, removed from or moved within a document (after the change).

    kinds: matrix-insert (``index`` where it now is), matrix-remove (``index``
    where it was), matrix-move (from ``index`` to ``to_index``). Tabs and lists
    of matrices follow these, so that undo puts them back too.
    """

    kind: str
    matrix: Matrix
    index: int
    to_index: int | None = None


DocumentListener = Callable[[DocumentEvent], None]


class Document:
    """What one file or one shared workspace holds: any number of matrices."""

    def __init__(self, matrices: Iterable[Matrix] = ()) -> None:
        self.matrices: list[Matrix] = list(matrices)
        self._listeners: list[DocumentListener] = []

    def subscribe(self, listener: DocumentListener) -> Callable[[], None]:
        """Call ``listener`` with every :class:`DocumentEvent`; returns the unsubscribe function."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _emit(self, event: DocumentEvent) -> None:
        for listener in list(self._listeners):
            listener(event)

    def matrix(self, name: str | None = None) -> Matrix:
        """The matrix called ``name``; without a name, the only (or first) one."""
        if not self.matrices:
            raise LookupError("the document holds no matrix")
        if name is None:
            return self.matrices[0]
        key = normalise(name)
        for matrix in self.matrices:
            if normalise(matrix.name) == key:
                return matrix
        known = ", ".join(repr(m.name) for m in self.matrices)
        raise LookupError(f"no matrix named {name!r} (the document has {known})")

    def add(self, matrix: Matrix) -> Matrix:
        return self.insert(len(self.matrices), matrix)

    def insert(self, index: int, matrix: Matrix) -> Matrix:
        """Put ``matrix`` at ``index``; its name must be free in the document."""
        taken = {normalise(m.name) for m in self.matrices}
        if normalise(matrix.name) in taken:
            raise DuplicateNameError(f"a matrix named {matrix.name!r} already exists")
        index = max(0, min(index, len(self.matrices)))
        self.matrices.insert(index, matrix)
        self._emit(DocumentEvent("matrix-insert", matrix, index))
        return matrix

    def remove(self, matrix: Matrix) -> int:
        """Take ``matrix`` out of the document; returns where it was (for undo)."""
        index = self.matrices.index(matrix)
        del self.matrices[index]
        self._emit(DocumentEvent("matrix-remove", matrix, index))
        return index

    def move(self, matrix: Matrix, index: int) -> int:
        """Put ``matrix`` at ``index`` in the document's order; returns where it was."""
        origin = self.matrices.index(matrix)
        index = max(0, min(index, len(self.matrices) - 1))
        if index != origin:
            self.matrices.insert(index, self.matrices.pop(origin))
            self._emit(DocumentEvent("matrix-move", matrix, origin, index))
        return origin

    @property
    def modified(self) -> bool:
        return any(not m.journal.empty for m in self.matrices)
