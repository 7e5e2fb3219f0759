"""Undoable edits of a matrix: what the :class:`~rolematrix.core.editor.Editor` records.

An edit has already been applied when anyone sees it (the editor applies it, then
records it); ``revert`` takes it back and ``apply`` does it again, through the
matrix's own methods, so that the grid, the checker and the store follow by the
matrix's events. Edits name the items they touch by their lasting ids, and say
so explicitly in :meth:`Edit.renumber` (a shared workspace may give my new items
other ids when it merges someone else's): nothing is found by reflection.

An edit's ``label`` is data (a key and the names it mentions), rendered in the
interface's language by the GUI; the domain stays free of any toolkit.
"""

from __future__ import annotations

import time
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from rolematrix.core.model import (
    BlockUndo,
    Document,
    Matrix,
    Person,
    RemovedPhase,
    RemovedRole,
    RemovedTask,
    Settings,
    Suppression,
)

#: How long after one edit of a cell another edit of the same cell still merges with it.
MERGE_WINDOW_S = 2.0

CellChange = tuple[int, int, str]  # (task id, role id, codes)
_OWN_STEPS = frozenset({"paste", "cut", "fill"})


@dataclass(frozen=True, slots=True)
class EditLabel:
    """What an edit is called in the Edit menu ("Insert task “Plan”"), as a key and its names.

    Keys: set-codes, toggle-code, cycle-code, clear-cells, cut, paste, fill, insert-task,
    delete-task, delete-tasks, move-task, edit-task, rename-task, task-description,
    task-notes, task-reference, insert-role, delete-role, delete-roles, move-role,
    edit-role, rename-role, role-short, role-description, role-colour, insert-phase,
    delete-phase, rename-phase, move-phase, apply-staffing, add-person, remove-person,
    person-roles, rename-person, conflicts, accept, reopen, edit-matrix, settings,
    change-scheme, rename-matrix, add-matrix, duplicate-matrix, delete-matrix, move-matrix,
    matrix-properties.
    """

    key: str
    name: str = ""  # the item, codes or rule the label mentions
    count: int = 0


def _id(ids: Mapping[int, int], value: int) -> int:
    return ids.get(value, value)


def _opt_id(ids: Mapping[int, int], value: int | None) -> int | None:
    return None if value is None else ids.get(value, value)


class Edit:
    """Base of every edit: applied once by the editor, then reverted and re-applied by undo."""

    label: EditLabel
    matrix: Matrix

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    @property
    def merge_key(self) -> Hashable | None:
        """Edits with the same non-None key may merge (:meth:`merge`); None: never."""
        return None

    def merge(self, later: Edit) -> bool:
        """Take ``later`` (already applied) into this edit; True if it did."""
        return False

    @property
    def obsolete(self) -> bool:
        """True when the edit, after merging, changes nothing (the undo stack drops it)."""
        return False

    def renumber(self, ids: Mapping[int, int]) -> None:
        """Follow my items to the ids a shared workspace gave them (see the module docstring)."""


# ------------------------------------------------------------------- cells
class CellsEdit(Edit):
    """Codes of one or many cells (typing, fill, paste, clear); clears unread text it replaces."""

    def __init__(self, matrix: Matrix, changes: Sequence[CellChange], label: EditLabel) -> None:
        self.matrix = matrix
        self.label = label
        canonical = matrix.scheme.canonical
        self.changes = [(t, r, canonical(c)) for t, r, c in changes]
        self.olds = [matrix.get(t, r) for t, r, _ in self.changes]
        # a code typed over text an import kept ("maybe") settles it: the text goes, until undo
        self.old_texts: list[CellChange] = (
            [(t, r, text) for t, r, _ in self.changes if (text := matrix.cell_text(t, r))]
            if matrix.has_cell_texts
            else []
        )
        self.stamp = time.monotonic()

    def apply(self) -> None:
        self.matrix.set_cells(self.changes)
        if self.old_texts:
            self.matrix.set_cell_texts([(t, r, "") for t, r, _ in self.old_texts])

    def revert(self) -> None:
        self.matrix.set_cells(
            [(t, r, old) for (t, r, _), old in zip(self.changes, self.olds, strict=True)]
        )
        if self.old_texts:
            self.matrix.set_cell_texts(self.old_texts)

    @property
    def merge_key(self) -> Hashable | None:
        """Typing in one cell merges; a paste or a cut is a step of its own, even of one cell."""
        if len(self.changes) != 1 or self.label.key in _OWN_STEPS:
            return None
        task_id, role_id, _codes = self.changes[0]
        return ("cell", id(self.matrix), task_id, role_id)

    def merge(self, later: Edit) -> bool:
        """Rapid edits of one cell (A, then Shift+R, then Space...) become one undo step."""
        if (
            not isinstance(later, CellsEdit)
            or later.merge_key is None
            or later.merge_key != self.merge_key
            or later.stamp - self.stamp > MERGE_WINDOW_S
        ):
            return False
        self.changes = list(later.changes)
        self.stamp = later.stamp
        self.label = later.label
        return True

    @property
    def obsolete(self) -> bool:
        return len(self.changes) == 1 and self.changes[0][2] == self.olds[0] and not self.old_texts

    def renumber(self, ids: Mapping[int, int]) -> None:
        self.changes = [(_id(ids, t), _id(ids, r), c) for t, r, c in self.changes]
        self.old_texts = [(_id(ids, t), _id(ids, r), x) for t, r, x in self.old_texts]


class BlockEdit(Edit):
    """Every cell of tasks x roles set to one value (select all + a letter, Delete).

    The undo is the matrix's compact :class:`BlockUndo` (the old rows), never a
    tuple per cell: a million cells set at once cost about what the cells do.
    """

    def __init__(
        self,
        matrix: Matrix,
        tasks: Sequence[int],
        roles: Sequence[int],
        codes: str,
        label: EditLabel,
    ) -> None:
        self.matrix = matrix
        self.label = label
        self.tasks = list(tasks)
        self.roles = list(roles)
        self.codes = matrix.scheme.canonical(codes)
        self._undo: BlockUndo | None = None

    def apply(self) -> None:
        self._undo = self.matrix.set_block(self.tasks, self.roles, self.codes)

    def revert(self) -> None:
        if self._undo is not None:
            self.matrix.restore_block(self._undo)
            self._undo = None

    def renumber(self, ids: Mapping[int, int]) -> None:
        self.tasks = [_id(ids, t) for t in self.tasks]
        self.roles = [_id(ids, r) for r in self.roles]
        if self._undo is not None:
            self._undo = self._undo.renumbered(ids)


# ------------------------------------------------------------------- tasks
class InsertTaskEdit(Edit):
    def __init__(
        self,
        matrix: Matrix,
        name: str,
        phase_id: int | None,
        index: int | None,
        *,
        description: str = "",
    ) -> None:
        self.matrix = matrix
        self.label = EditLabel("insert-task", name)
        self.name = name
        self.phase_id = phase_id
        self.index = index
        self.description = description
        self.task_id: int | None = None
        self._removed: RemovedTask | None = None

    def apply(self) -> None:
        if self._removed is None:
            task = self.matrix.add_task(
                self.name, self.phase_id, self.index, description=self.description
            )
            self.task_id = task.id
        else:
            self.matrix.restore_task(self._removed)

    def revert(self) -> None:
        assert self.task_id is not None
        self._removed = self.matrix.remove_task(self.task_id)

    def renumber(self, ids: Mapping[int, int]) -> None:
        self.phase_id = _opt_id(ids, self.phase_id)
        self.task_id = _opt_id(ids, self.task_id)
        if self._removed is not None:
            self._removed = self._removed.renumbered(ids)


class RemoveTaskEdit(Edit):
    def __init__(self, matrix: Matrix, task_id: int) -> None:
        self.matrix = matrix
        self.label = EditLabel("delete-task", matrix.task(task_id).name)
        self.task_id = task_id
        self._removed: RemovedTask | None = None

    def apply(self) -> None:
        self._removed = self.matrix.remove_task(self.task_id)

    def revert(self) -> None:
        assert self._removed is not None
        self.matrix.restore_task(self._removed)

    def renumber(self, ids: Mapping[int, int]) -> None:
        self.task_id = _id(ids, self.task_id)
        if self._removed is not None:
            self._removed = self._removed.renumbered(ids)


class MoveTaskEdit(Edit):
    def __init__(self, matrix: Matrix, task_id: int, phase_id: int, index: int) -> None:
        self.matrix = matrix
        self.label = EditLabel("move-task", matrix.task(task_id).name)
        self.task_id = task_id
        self.target = (phase_id, index)
        self.origin: tuple[int, int] | None = None

    def apply(self) -> None:
        self.origin = self.matrix.move_task(self.task_id, *self.target)

    def revert(self) -> None:
        assert self.origin is not None
        self.matrix.move_task(self.task_id, *self.origin)

    def renumber(self, ids: Mapping[int, int]) -> None:
        self.task_id = _id(ids, self.task_id)
        self.target = (_id(ids, self.target[0]), self.target[1])
        if self.origin is not None:
            self.origin = (_id(ids, self.origin[0]), self.origin[1])


class UpdateTaskEdit(Edit):
    """A task's name, description, notes or reference."""

    def __init__(self, matrix: Matrix, task_id: int, label: EditLabel, **fields: str) -> None:
        self.matrix = matrix
        self.label = label
        self.task_id = task_id
        self.fields = fields
        task = matrix.task(task_id)
        self.before = {key: getattr(task, key) for key in fields}

    def apply(self) -> None:
        self.matrix.update_task(self.task_id, **self.fields)

    def revert(self) -> None:
        self.matrix.update_task(self.task_id, **self.before)

    def renumber(self, ids: Mapping[int, int]) -> None:
        self.task_id = _id(ids, self.task_id)


# ------------------------------------------------------------------- roles
class InsertRoleEdit(Edit):
    def __init__(self, matrix: Matrix, name: str, index: int | None, *, short: str = "") -> None:
        self.matrix = matrix
        self.label = EditLabel("insert-role", name)
        self.name = name
        self.index = index
        self.short = short
        self.role_id: int | None = None
        self._removed: RemovedRole | None = None

    def apply(self) -> None:
        if self._removed is None:
            self.role_id = self.matrix.add_role(self.name, self.index, short=self.short).id
        else:
            self.matrix.restore_role(self._removed)

    def revert(self) -> None:
        assert self.role_id is not None
        self._removed = self.matrix.remove_role(self.role_id)

    def renumber(self, ids: Mapping[int, int]) -> None:
        self.role_id = _opt_id(ids, self.role_id)
        if self._removed is not None:
            self._removed = self._removed.renumbered(ids)


class RemoveRoleEdit(Edit):
    """A role with its cells, holders and conflicts -- one undo step."""

    def __init__(self, matrix: Matrix, role_id: int) -> None:
        self.matrix = matrix
        self.label = EditLabel("delete-role", matrix.role(role_id).name)
        self.role_id = role_id
        self._removed: RemovedRole | None = None

    def apply(self) -> None:
        self._removed = self.matrix.remove_role(self.role_id)

    def revert(self) -> None:
        assert self._removed is not None
        self.matrix.restore_role(self._removed)

    def renumber(self, ids: Mapping[int, int]) -> None:
        self.role_id = _id(ids, self.role_id)
        if self._removed is not None:
            self._removed = self._removed.renumbered(ids)


class MoveRoleEdit(Edit):
    def __init__(self, matrix: Matrix, role_id: int, index: int) -> None:
        self.matrix = matrix
        self.label = EditLabel("move-role", matrix.role(role_id).name)
        self.role_id = role_id
        self.index = index
        self.origin: int | None = None

    def apply(self) -> None:
        self.origin = self.matrix.move_role(self.role_id, self.index)

    def revert(self) -> None:
        assert self.origin is not None
        self.matrix.move_role(self.role_id, self.origin)

    def renumber(self, ids: Mapping[int, int]) -> None:
        self.role_id = _id(ids, self.role_id)


class UpdateRoleEdit(Edit):
    """A role's name, short label, description or colour."""

    def __init__(self, matrix: Matrix, role_id: int, label: EditLabel, **fields: str) -> None:
        self.matrix = matrix
        self.label = label
        self.role_id = role_id
        self.fields = fields
        role = matrix.role(role_id)
        self.before = {key: getattr(role, key) for key in fields}

    def apply(self) -> None:
        self.matrix.update_role(self.role_id, **self.fields)

    def revert(self) -> None:
        self.matrix.update_role(self.role_id, **self.before)

    def renumber(self, ids: Mapping[int, int]) -> None:
        self.role_id = _id(ids, self.role_id)


# ------------------------------------------------------------------ phases
class InsertPhaseEdit(Edit):
    def __init__(self, matrix: Matrix, name: str, index: int | None) -> None:
        self.matrix = matrix
        self.label = EditLabel("insert-phase", name)
        self.name = name
        self.index = index
        self.phase_id: int | None = None
        self._removed: RemovedPhase | None = None

    def apply(self) -> None:
        if self._removed is None:
            self.phase_id = self.matrix.add_phase(self.name, self.index).id
        else:
            self.matrix.restore_phase(self._removed)

    def revert(self) -> None:
        assert self.phase_id is not None
        self._removed = self.matrix.remove_phase(self.phase_id)

    def renumber(self, ids: Mapping[int, int]) -> None:
        self.phase_id = _opt_id(ids, self.phase_id)
        if self._removed is not None:
            self._removed = self._removed.renumbered(ids)


class RemovePhaseEdit(Edit):
    """A phase with its tasks and their cells."""

    def __init__(self, matrix: Matrix, phase_id: int) -> None:
        self.matrix = matrix
        self.label = EditLabel("delete-phase", matrix.phase(phase_id).name)
        self.phase_id = phase_id
        self._removed: RemovedPhase | None = None

    def apply(self) -> None:
        self._removed = self.matrix.remove_phase(self.phase_id)

    def revert(self) -> None:
        assert self._removed is not None
        self.matrix.restore_phase(self._removed)

    def renumber(self, ids: Mapping[int, int]) -> None:
        self.phase_id = _id(ids, self.phase_id)
        if self._removed is not None:
            self._removed = self._removed.renumbered(ids)


class RenamePhaseEdit(Edit):
    def __init__(self, matrix: Matrix, phase_id: int, name: str) -> None:
        self.matrix = matrix
        self.label = EditLabel("rename-phase", name)
        self.phase_id = phase_id
        self.name = name
        self.before = matrix.phase(phase_id).name

    def apply(self) -> None:
        self.matrix.rename_phase(self.phase_id, self.name)

    def revert(self) -> None:
        self.matrix.rename_phase(self.phase_id, self.before)

    def renumber(self, ids: Mapping[int, int]) -> None:
        self.phase_id = _id(ids, self.phase_id)


class MovePhaseEdit(Edit):
    def __init__(self, matrix: Matrix, phase_id: int, index: int) -> None:
        self.matrix = matrix
        self.label = EditLabel("move-phase", matrix.phase(phase_id).name)
        self.phase_id = phase_id
        self.index = index
        self.origin: int | None = None

    def apply(self) -> None:
        self.origin = self.matrix.move_phase(self.phase_id, self.index)

    def revert(self) -> None:
        assert self.origin is not None
        self.matrix.move_phase(self.phase_id, self.origin)

    def renumber(self, ids: Mapping[int, int]) -> None:
        self.phase_id = _id(ids, self.phase_id)


# ------------------------------------------------------------------ people
def _copy_people(people: Sequence[Person]) -> list[Person]:
    return [Person(p.id, p.name, list(p.role_ids)) for p in people]


def _renumbered_people(people: list[Person], ids: Mapping[int, int]) -> list[Person]:
    return [Person(_id(ids, p.id), p.name, [_id(ids, r) for r in p.role_ids]) for p in people]


class PeopleEdit(Edit):
    """Everyone at once: a staffing preset applied, a person added or removed."""

    def __init__(self, matrix: Matrix, people: Sequence[Person], label: EditLabel) -> None:
        self.matrix = matrix
        self.label = label
        self.after = _copy_people(people)
        self.before = _copy_people(matrix.people)

    def apply(self) -> None:
        self.matrix.set_people(_copy_people(self.after))

    def revert(self) -> None:
        self.matrix.set_people(_copy_people(self.before))

    def renumber(self, ids: Mapping[int, int]) -> None:
        self.after = _renumbered_people(self.after, ids)
        self.before = _renumbered_people(self.before, ids)


class PersonRolesEdit(Edit):
    def __init__(self, matrix: Matrix, person_id: int, role_ids: Sequence[int]) -> None:
        self.matrix = matrix
        self.label = EditLabel("person-roles", matrix.person(person_id).name)
        self.person_id = person_id
        self.role_ids = list(role_ids)
        self.before = list(matrix.person(person_id).role_ids)

    def apply(self) -> None:
        self.matrix.set_person_roles(self.person_id, self.role_ids)

    def revert(self) -> None:
        self.matrix.set_person_roles(self.person_id, self.before)

    def renumber(self, ids: Mapping[int, int]) -> None:
        self.person_id = _id(ids, self.person_id)
        self.role_ids = [_id(ids, r) for r in self.role_ids]
        self.before = [_id(ids, r) for r in self.before]


class RenamePersonEdit(Edit):
    def __init__(self, matrix: Matrix, person_id: int, name: str) -> None:
        self.matrix = matrix
        self.label = EditLabel("rename-person", name)
        self.person_id = person_id
        self.name = name
        self.before = matrix.person(person_id).name

    def apply(self) -> None:
        self.matrix.rename_person(self.person_id, self.name)

    def revert(self) -> None:
        self.matrix.rename_person(self.person_id, self.before)

    def renumber(self, ids: Mapping[int, int]) -> None:
        self.person_id = _id(ids, self.person_id)


class ConflictsEdit(Edit):
    def __init__(self, matrix: Matrix, pairs: Sequence[tuple[int, int]]) -> None:
        self.matrix = matrix
        self.label = EditLabel("conflicts")
        self.pairs = list(pairs)
        self.before = list(matrix.conflicts)

    def apply(self) -> None:
        self.matrix.set_conflicts(self.pairs)

    def revert(self) -> None:
        self.matrix.set_conflicts(self.before)

    def renumber(self, ids: Mapping[int, int]) -> None:
        self.pairs = [(_id(ids, a), _id(ids, b)) for a, b in self.pairs]
        self.before = [(_id(ids, a), _id(ids, b)) for a, b in self.before]


# -------------------------------------------------------- findings & matrix
def _renumbered_suppressions(items: list[Suppression], ids: Mapping[int, int]) -> list[Suppression]:
    return [
        replace(
            s,
            task_id=_opt_id(ids, s.task_id),
            role_id=_opt_id(ids, s.role_id),
            person_id=_opt_id(ids, s.person_id),
        )
        for s in items
    ]


class SuppressionsEdit(Edit):
    """A finding accepted with a reason, or an acceptance taken back."""

    def __init__(
        self, matrix: Matrix, suppressions: Sequence[Suppression], label: EditLabel
    ) -> None:
        self.matrix = matrix
        self.label = label
        self.after = list(suppressions)
        self.before = list(matrix.suppressions)

    def apply(self) -> None:
        self.matrix.set_suppressions(self.after)

    def revert(self) -> None:
        self.matrix.set_suppressions(self.before)

    def renumber(self, ids: Mapping[int, int]) -> None:
        self.after = _renumbered_suppressions(self.after, ids)
        self.before = _renumbered_suppressions(self.before, ids)


class MatrixEdit(Edit):
    """The matrix's name, description, scheme or template."""

    def __init__(self, matrix: Matrix, **fields: Any) -> None:
        self.matrix = matrix
        self.label = EditLabel("edit-matrix", str(fields.get("name") or matrix.name))
        self.fields = fields
        self.before: dict[str, Any] = {key: getattr(matrix, key) for key in fields}
        if "scheme" in self.before:
            self.before["scheme"] = matrix.scheme.id

    def apply(self) -> None:
        self.matrix.update(**self.fields)

    def revert(self) -> None:
        self.matrix.update(**self.before)


class SettingsEdit(Edit):
    def __init__(self, matrix: Matrix, settings: Settings) -> None:
        self.matrix = matrix
        self.label = EditLabel("settings", settings.profile)
        self.after = settings.copy()
        self.before = matrix.settings.copy()

    def apply(self) -> None:
        self.matrix.set_settings(self.after.copy())

    def revert(self) -> None:
        self.matrix.set_settings(self.before.copy())


@dataclass(eq=False)
class CompoundEdit(Edit):
    """Several edits undone and redone as one step (delete several tasks, a grown paste)."""

    matrix: Matrix
    label: EditLabel
    parts: list[Edit] = field(default_factory=list)

    def apply(self) -> None:
        for part in self.parts:
            part.apply()

    def revert(self) -> None:
        for part in reversed(self.parts):
            part.revert()

    def renumber(self, ids: Mapping[int, int]) -> None:
        for part in self.parts:
            part.renumber(ids)


# -------------------------------------------------------------- the document
class SchemeEdit(Edit):
    """Another scheme for the matrix, and its codes converted (one undo step).

    Only the codes change: unread cell texts stay, and letters the new scheme
    lacks are kept in their cells for the checker to flag.
    """

    def __init__(self, matrix: Matrix, scheme_id: str, changes: Sequence[CellChange]) -> None:
        self.matrix = matrix
        self.label = EditLabel("change-scheme", scheme_id)
        self.scheme_id = scheme_id
        self.before = matrix.scheme.id
        self.changes = list(changes)
        self.olds = [(t, r, matrix.get(t, r)) for t, r, _ in self.changes]

    def apply(self) -> None:
        self.matrix.update(scheme=self.scheme_id)
        self.matrix.set_cells(self.changes)

    def revert(self) -> None:
        self.matrix.update(scheme=self.before)
        self.matrix.set_cells(self.olds)

    def renumber(self, ids: Mapping[int, int]) -> None:
        self.changes = [(_id(ids, t), _id(ids, r), c) for t, r, c in self.changes]
        self.olds = [(_id(ids, t), _id(ids, r), c) for t, r, c in self.olds]


class RenameMatrixEdit(MatrixEdit):
    """The matrix's name, checked against the other matrices of its document."""

    def __init__(self, matrix: Matrix, name: str) -> None:
        super().__init__(matrix, name=name)
        self.label = EditLabel("rename-matrix", name)


class AddMatrixEdit(Edit):
    """A new (blank or duplicated) matrix put into the document at ``index``."""

    def __init__(self, document: Document, matrix: Matrix, index: int, label: EditLabel) -> None:
        self.document = document
        self.matrix = matrix
        self.index = index
        self.label = label

    def apply(self) -> None:
        self.document.insert(self.index, self.matrix)

    def revert(self) -> None:
        self.document.remove(self.matrix)


class RemoveMatrixEdit(Edit):
    """A matrix taken out of the document; undo puts the same object back where it was."""

    def __init__(self, document: Document, matrix: Matrix) -> None:
        self.document = document
        self.matrix = matrix
        self.label = EditLabel("delete-matrix", matrix.name)
        self.index = document.matrices.index(matrix)

    def apply(self) -> None:
        self.index = self.document.remove(self.matrix)

    def revert(self) -> None:
        self.document.insert(self.index, self.matrix)


class MoveMatrixEdit(Edit):
    def __init__(self, document: Document, matrix: Matrix, index: int) -> None:
        self.document = document
        self.matrix = matrix
        self.label = EditLabel("move-matrix", matrix.name)
        self.index = index
        self.origin: int | None = None

    def apply(self) -> None:
        self.origin = self.document.move(self.matrix, self.index)

    def revert(self) -> None:
        assert self.origin is not None
        self.document.move(self.matrix, self.origin)
