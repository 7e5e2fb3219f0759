"""Undo commands: every change the editor makes to a document, as one undoable step.

Commands touch the document model only (the :class:`Matrix` methods, each of
which returns what is needed to undo it); the grid, the panels and the checker
follow through the matrix's events. A command never reaches into a widget and
never shows a dialog. Compound edits (delete several tasks, apply a preset) are
one command with child commands, so they undo in one step.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from rolematrix.core.model import (
    BlockUndo,
    DuplicateNameError,
    EmptyNameError,
    Matrix,
    Person,
    RemovedPhase,
    RemovedRole,
    RemovedTask,
    StaffingPreset,
    Suppression,
)
from rolematrix.core.names import clean_name

#: How long after one edit of a cell another edit of the same cell still merges with it.
MERGE_WINDOW_S = 2.0
_SET_CELLS_ID = 1001


def check_task_name(matrix: Matrix, name: str, except_id: int | None = None) -> None:
    """Raise before a command is pushed: a failing ``redo`` inside ``QUndoStack.push`` cannot be caught.

    The message is a whole sentence in the interface language, shown as it is.
    """
    if not clean_name(name):
        raise EmptyNameError(QCoreApplication.translate("Commands", "A task needs a name."))
    other = matrix.find_task(name)
    if other is not None and other.id != except_id:
        raise DuplicateNameError(
            QCoreApplication.translate("Commands", "A task named “{name}” already exists.").format(
                name=other.name
            )
        )


def check_role_name(matrix: Matrix, name: str, except_id: int | None = None) -> None:
    if not clean_name(name):
        raise EmptyNameError(QCoreApplication.translate("Commands", "A role needs a name."))
    other = matrix.find_role(name)
    if other is not None and other.id != except_id:
        raise DuplicateNameError(
            QCoreApplication.translate("Commands", "A role named “{name}” already exists.").format(
                name=other.name
            )
        )


_ID_FIELDS = ("task_id", "role_id", "phase_id", "person_id")


def _ids(values: list[int], ids: Mapping[int, int]) -> list[int]:
    return [ids.get(value, value) for value in values]


def _people(people: list[Person], ids: Mapping[int, int]) -> list[Person]:
    return [Person(ids.get(p.id, p.id), p.name, _ids(p.role_ids, ids)) for p in people]


def _suppressions(items: list[Suppression], ids: Mapping[int, int]) -> list[Suppression]:
    def one(value: int | None) -> int | None:
        return None if value is None else ids.get(value, value)

    return [
        replace(s, task_id=one(s.task_id), role_id=one(s.role_id), person_id=one(s.person_id))
        for s in items
    ]


class MatrixCommand(QUndoCommand):
    """Base: a command on one matrix."""

    def __init__(self, matrix: Matrix, text: str, parent: QUndoCommand | None = None) -> None:
        super().__init__(text, parent)
        self.matrix = matrix

    def renumber(self, ids: Mapping[int, int]) -> None:
        """Follow my new tasks, roles, phases or people to the ids a shared workspace gave them.

        When someone else added items while I did, a refresh gives my new items
        fresh ids (the workspace's are kept); the commands that made or touched
        them must then undo and redo on the new ids, or the undo history breaks.
        """
        for name in _ID_FIELDS:
            value = getattr(self, name, None)
            if isinstance(value, int) and value in ids:
                setattr(self, name, ids[value])


class SetCells(MatrixCommand):
    """Set the codes of one or many cells (typing, fill, paste, clear)."""

    def __init__(self, matrix: Matrix, changes: list[tuple[int, int, str]], text: str = "") -> None:
        super().__init__(matrix, text or QCoreApplication.translate("Commands", "Edit cells"))
        canonical = matrix.scheme.canonical
        self.changes = [(t, r, canonical(c)) for t, r, c in changes]
        self.olds: list[str] = [matrix.get(t, r) for t, r, _ in self.changes]
        # a code typed over text an import kept ("maybe") settles it: the text goes, until undo
        self.old_texts: list[tuple[int, int, str]] = (
            [(t, r, text) for t, r, _ in self.changes if (text := matrix.cell_text(t, r))]
            if matrix.has_cell_texts
            else []
        )
        self.stamp = time.monotonic()

    def redo(self) -> None:
        self.matrix.set_cells(self.changes)
        if self.old_texts:
            self.matrix.set_cell_texts([(t, r, "") for t, r, _ in self.old_texts])

    def undo(self) -> None:
        self.matrix.set_cells(
            [(t, r, old) for (t, r, _), old in zip(self.changes, self.olds, strict=True)]
        )
        if self.old_texts:
            self.matrix.set_cell_texts(self.old_texts)

    def id(self) -> int:
        return _SET_CELLS_ID if len(self.changes) == 1 else -1

    def renumber(self, ids: Mapping[int, int]) -> None:
        self.changes = [(ids.get(t, t), ids.get(r, r), c) for t, r, c in self.changes]
        self.old_texts = [(ids.get(t, t), ids.get(r, r), x) for t, r, x in self.old_texts]

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Rapid edits of one cell (A, then Shift+R, then Space...) become one undo step."""
        if (
            not isinstance(other, SetCells)
            or len(other.changes) != 1
            or other.matrix is not self.matrix
        ):
            return False
        if other.changes[0][:2] != self.changes[0][:2] or other.stamp - self.stamp > MERGE_WINDOW_S:
            return False
        self.changes = list(other.changes)
        self.stamp = other.stamp
        if self.changes[0][2] == self.olds[0] and not self.old_texts:
            self.setObsolete(True)
        return True


class SetBlock(MatrixCommand):
    """Set every cell of tasks x roles to one value (select all + a letter, Delete).

    The matrix keeps the undo compactly (:class:`BlockUndo`): a million cells
    set at once must not cost a tuple each.
    """

    def __init__(
        self, matrix: Matrix, tasks: list[int], roles: list[int], codes: str, text: str = ""
    ) -> None:
        super().__init__(matrix, text or QCoreApplication.translate("Commands", "Edit cells"))
        self.tasks = tasks
        self.roles = roles
        self.codes = codes
        self._undo: BlockUndo | None = None

    def redo(self) -> None:
        self._undo = self.matrix.set_block(self.tasks, self.roles, self.codes)

    def undo(self) -> None:
        if self._undo is not None:
            self.matrix.restore_block(self._undo)
            self._undo = None

    def renumber(self, ids: Mapping[int, int]) -> None:
        self.tasks = _ids(self.tasks, ids)
        self.roles = _ids(self.roles, ids)
        if self._undo is not None:
            self._undo = self._undo.renumbered(ids)


# ------------------------------------------------------------------- tasks
class InsertTask(MatrixCommand):
    def __init__(
        self,
        matrix: Matrix,
        name: str,
        phase_id: int | None = None,
        index: int | None = None,
        *,
        description: str = "",
        parent: QUndoCommand | None = None,
    ) -> None:
        check_task_name(matrix, name)
        super().__init__(
            matrix,
            QCoreApplication.translate("Commands", "Insert task “{name}”").format(name=name),
            parent,
        )
        self.name = name
        self.phase_id = phase_id
        self.index = index
        self.description = description
        self.task_id: int | None = None
        self._removed: RemovedTask | None = None

    def redo(self) -> None:
        if self._removed is None:
            task = self.matrix.add_task(
                self.name, self.phase_id, self.index, description=self.description
            )
            self.task_id = task.id
        else:
            self.matrix.restore_task(self._removed)

    def undo(self) -> None:
        assert self.task_id is not None
        self._removed = self.matrix.remove_task(self.task_id)


class RemoveTask(MatrixCommand):
    def __init__(self, matrix: Matrix, task_id: int, parent: QUndoCommand | None = None) -> None:
        super().__init__(
            matrix,
            QCoreApplication.translate("Commands", "Delete task “{name}”").format(
                name=matrix.task(task_id).name
            ),
            parent,
        )
        self.task_id = task_id
        self._removed: RemovedTask | None = None

    def redo(self) -> None:
        self._removed = self.matrix.remove_task(self.task_id)

    def undo(self) -> None:
        assert self._removed is not None
        self.matrix.restore_task(self._removed)


class MoveTask(MatrixCommand):
    def __init__(
        self,
        matrix: Matrix,
        task_id: int,
        phase_id: int,
        index: int,
        parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(
            matrix,
            QCoreApplication.translate("Commands", "Move task “{name}”").format(
                name=matrix.task(task_id).name
            ),
            parent,
        )
        self.task_id = task_id
        self.target = (phase_id, index)
        self.origin: tuple[int, int] | None = None

    def renumber(self, ids: Mapping[int, int]) -> None:
        super().renumber(ids)
        self.target = (ids.get(self.target[0], self.target[0]), self.target[1])
        if self.origin is not None:
            self.origin = (ids.get(self.origin[0], self.origin[0]), self.origin[1])

    def redo(self) -> None:
        self.origin = self.matrix.move_task(self.task_id, *self.target)

    def undo(self) -> None:
        assert self.origin is not None
        self.matrix.move_task(self.task_id, *self.origin)


class UpdateTask(MatrixCommand):
    """Rename a task or change its description or notes."""

    def __init__(self, matrix: Matrix, task_id: int, text: str = "", **fields: str) -> None:
        task = matrix.task(task_id)
        if "name" in fields:
            check_task_name(matrix, fields["name"], task_id)
        super().__init__(
            matrix,
            text
            or QCoreApplication.translate("Commands", "Edit task “{name}”").format(name=task.name),
        )
        self.task_id = task_id
        self.fields = fields
        self.before = {key: getattr(task, key) for key in fields}

    def redo(self) -> None:
        self.matrix.update_task(self.task_id, **self.fields)

    def undo(self) -> None:
        self.matrix.update_task(self.task_id, **self.before)


# ------------------------------------------------------------------- roles
class InsertRole(MatrixCommand):
    def __init__(
        self,
        matrix: Matrix,
        name: str,
        index: int | None = None,
        *,
        short: str = "",
        parent: QUndoCommand | None = None,
    ) -> None:
        check_role_name(matrix, name)
        super().__init__(
            matrix,
            QCoreApplication.translate("Commands", "Insert role “{name}”").format(name=name),
            parent,
        )
        self.name = name
        self.index = index
        self.short = short
        self.role_id: int | None = None
        self._removed: RemovedRole | None = None

    def redo(self) -> None:
        if self._removed is None:
            self.role_id = self.matrix.add_role(self.name, self.index, short=self.short).id
        else:
            self.matrix.restore_role(self._removed)

    def undo(self) -> None:
        assert self.role_id is not None
        self._removed = self.matrix.remove_role(self.role_id)


class RemoveRole(MatrixCommand):
    """Delete a role with its cells, holders and conflicts -- one undo step."""

    def __init__(self, matrix: Matrix, role_id: int, parent: QUndoCommand | None = None) -> None:
        super().__init__(
            matrix,
            QCoreApplication.translate("Commands", "Delete role “{name}”").format(
                name=matrix.role(role_id).name
            ),
            parent,
        )
        self.role_id = role_id
        self._removed: RemovedRole | None = None

    def redo(self) -> None:
        self._removed = self.matrix.remove_role(self.role_id)

    def undo(self) -> None:
        assert self._removed is not None
        self.matrix.restore_role(self._removed)


class MoveRole(MatrixCommand):
    def __init__(self, matrix: Matrix, role_id: int, index: int) -> None:
        super().__init__(
            matrix,
            QCoreApplication.translate("Commands", "Move role “{name}”").format(
                name=matrix.role(role_id).name
            ),
        )
        self.role_id = role_id
        self.index = index
        self.origin: int | None = None

    def redo(self) -> None:
        self.origin = self.matrix.move_role(self.role_id, self.index)

    def undo(self) -> None:
        assert self.origin is not None
        self.matrix.move_role(self.role_id, self.origin)


class UpdateRole(MatrixCommand):
    """Rename a role or change its short label, description or colour."""

    def __init__(self, matrix: Matrix, role_id: int, text: str = "", **fields: str) -> None:
        role = matrix.role(role_id)
        if "name" in fields:
            check_role_name(matrix, fields["name"], role_id)
        super().__init__(
            matrix,
            text
            or QCoreApplication.translate("Commands", "Edit role “{name}”").format(name=role.name),
        )
        self.role_id = role_id
        self.fields = fields
        self.before = {key: getattr(role, key) for key in fields}

    def redo(self) -> None:
        self.matrix.update_role(self.role_id, **self.fields)

    def undo(self) -> None:
        self.matrix.update_role(self.role_id, **self.before)


# ------------------------------------------------------------------ phases
class InsertPhase(MatrixCommand):
    def __init__(self, matrix: Matrix, name: str, index: int | None = None) -> None:
        super().__init__(
            matrix,
            QCoreApplication.translate("Commands", "Insert phase “{name}”").format(name=name),
        )
        self.name = name
        self.index = index
        self.phase_id: int | None = None
        self._removed: RemovedPhase | None = None

    def redo(self) -> None:
        if self._removed is None:
            self.phase_id = self.matrix.add_phase(self.name, self.index).id
        else:
            self.matrix.restore_phase(self._removed)

    def undo(self) -> None:
        assert self.phase_id is not None
        self._removed = self.matrix.remove_phase(self.phase_id)


class RemovePhase(MatrixCommand):
    """Delete a phase with its tasks and their cells."""

    def __init__(self, matrix: Matrix, phase_id: int) -> None:
        super().__init__(
            matrix,
            QCoreApplication.translate("Commands", "Delete phase “{name}”").format(
                name=matrix.phase(phase_id).name
            ),
        )
        self.phase_id = phase_id
        self._removed: RemovedPhase | None = None

    def redo(self) -> None:
        self._removed = self.matrix.remove_phase(self.phase_id)

    def undo(self) -> None:
        assert self._removed is not None
        self.matrix.restore_phase(self._removed)


class RenamePhase(MatrixCommand):
    def __init__(self, matrix: Matrix, phase_id: int, name: str) -> None:
        super().__init__(
            matrix,
            QCoreApplication.translate("Commands", "Rename phase to “{name}”").format(name=name),
        )
        self.phase_id = phase_id
        self.name = name
        self.before = matrix.phase(phase_id).name

    def redo(self) -> None:
        self.matrix.rename_phase(self.phase_id, self.name)

    def undo(self) -> None:
        self.matrix.rename_phase(self.phase_id, self.before)


class MovePhase(MatrixCommand):
    def __init__(self, matrix: Matrix, phase_id: int, index: int) -> None:
        super().__init__(
            matrix,
            QCoreApplication.translate("Commands", "Move phase “{name}”").format(
                name=matrix.phase(phase_id).name
            ),
        )
        self.phase_id = phase_id
        self.index = index
        self.origin: int | None = None

    def redo(self) -> None:
        self.origin = self.matrix.move_phase(self.phase_id, self.index)

    def undo(self) -> None:
        assert self.origin is not None
        self.matrix.move_phase(self.phase_id, self.origin)


# ------------------------------------------------------------------ people
def _copy_people(people: list[Person]) -> list[Person]:
    return [Person(p.id, p.name, list(p.role_ids)) for p in people]


class SetPeople(MatrixCommand):
    """Replace the people (apply a staffing preset, add or remove a person)."""

    def __init__(self, matrix: Matrix, people: list[Person], text: str) -> None:
        super().__init__(matrix, text)
        self.after = _copy_people(people)
        self.before = _copy_people(matrix.people)

    def renumber(self, ids: Mapping[int, int]) -> None:
        self.after = _people(self.after, ids)
        self.before = _people(self.before, ids)

    def redo(self) -> None:
        self.matrix.set_people(_copy_people(self.after))

    def undo(self) -> None:
        self.matrix.set_people(_copy_people(self.before))


def apply_preset(matrix: Matrix, preset: StaffingPreset) -> SetPeople:
    """The command that staffs the roles as ``preset`` says (ids allocated once, so redo is exact)."""
    people = []
    for person_name, role_names in preset.people:
        ids = [r.id for n in role_names if (r := matrix.find_role(n)) is not None]
        people.append(Person(matrix.new_id(), person_name, ids))
    return SetPeople(
        matrix,
        people,
        QCoreApplication.translate("Commands", "Apply staffing “{name}”").format(name=preset.name),
    )


def add_person(matrix: Matrix, name: str) -> SetPeople:
    people = [*_copy_people(matrix.people), Person(matrix.new_id(), name, [])]
    return SetPeople(
        matrix,
        people,
        QCoreApplication.translate("Commands", "Add person “{name}”").format(name=name),
    )


def remove_person(matrix: Matrix, person_id: int) -> SetPeople:
    name = matrix.person(person_id).name
    people = [p for p in _copy_people(matrix.people) if p.id != person_id]
    return SetPeople(
        matrix,
        people,
        QCoreApplication.translate("Commands", "Remove person “{name}”").format(name=name),
    )


class SetPersonRoles(MatrixCommand):
    def __init__(self, matrix: Matrix, person_id: int, role_ids: list[int]) -> None:
        super().__init__(
            matrix,
            QCoreApplication.translate("Commands", "Change roles of “{name}”").format(
                name=matrix.person(person_id).name
            ),
        )
        self.person_id = person_id
        self.role_ids = list(role_ids)
        self.before = list(matrix.person(person_id).role_ids)

    def renumber(self, ids: Mapping[int, int]) -> None:
        super().renumber(ids)
        self.role_ids = _ids(self.role_ids, ids)
        self.before = _ids(self.before, ids)

    def redo(self) -> None:
        self.matrix.set_person_roles(self.person_id, self.role_ids)

    def undo(self) -> None:
        self.matrix.set_person_roles(self.person_id, self.before)


class RenamePerson(MatrixCommand):
    def __init__(self, matrix: Matrix, person_id: int, name: str) -> None:
        super().__init__(
            matrix,
            QCoreApplication.translate("Commands", "Rename person to “{name}”").format(name=name),
        )
        self.person_id = person_id
        self.name = name
        self.before = matrix.person(person_id).name

    def redo(self) -> None:
        self.matrix.rename_person(self.person_id, self.name)

    def undo(self) -> None:
        self.matrix.rename_person(self.person_id, self.before)


class SetConflicts(MatrixCommand):
    def __init__(self, matrix: Matrix, pairs: list[tuple[int, int]], text: str = "") -> None:
        super().__init__(
            matrix, text or QCoreApplication.translate("Commands", "Change role conflicts")
        )
        self.pairs = list(pairs)
        self.before = list(matrix.conflicts)

    def renumber(self, ids: Mapping[int, int]) -> None:
        self.pairs = [(ids.get(a, a), ids.get(b, b)) for a, b in self.pairs]
        self.before = [(ids.get(a, a), ids.get(b, b)) for a, b in self.before]

    def redo(self) -> None:
        self.matrix.set_conflicts(self.pairs)

    def undo(self) -> None:
        self.matrix.set_conflicts(self.before)


# -------------------------------------------------------------- findings
class SetSuppressions(MatrixCommand):
    """Accept a finding with a reason, or take an acceptance back."""

    def __init__(self, matrix: Matrix, suppressions: list[Suppression], text: str) -> None:
        super().__init__(matrix, text)
        self.after = list(suppressions)
        self.before = list(matrix.suppressions)

    def renumber(self, ids: Mapping[int, int]) -> None:
        self.after = _suppressions(self.after, ids)
        self.before = _suppressions(self.before, ids)

    def redo(self) -> None:
        self.matrix.set_suppressions(self.after)

    def undo(self) -> None:
        self.matrix.set_suppressions(self.before)


def accept_finding(matrix: Matrix, suppression: Suppression) -> SetSuppressions:
    return SetSuppressions(
        matrix,
        [*matrix.suppressions, suppression],
        QCoreApplication.translate("Commands", "Accept {rule}").format(rule=suppression.rule),
    )


def reopen_finding(matrix: Matrix, suppression: Suppression) -> SetSuppressions:
    rest = [s for s in matrix.suppressions if s != suppression]
    return SetSuppressions(
        matrix,
        rest,
        QCoreApplication.translate("Commands", "Reopen {rule}").format(rule=suppression.rule),
    )


class UpdateMatrix(MatrixCommand):
    """Rename the matrix or change its description."""

    def __init__(self, matrix: Matrix, text: str = "", **fields: Any) -> None:
        super().__init__(matrix, text or QCoreApplication.translate("Commands", "Edit matrix"))
        self.fields = fields
        self.before: dict[str, Any] = {key: getattr(matrix, key) for key in fields}
        if "scheme" in self.before:
            self.before["scheme"] = matrix.scheme.id

    def redo(self) -> None:
        self.matrix.update(**self.fields)

    def undo(self) -> None:
        self.matrix.update(**self.before)


class Compound(QUndoCommand):
    """A parent for child commands that undo as one step."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
