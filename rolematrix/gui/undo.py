"""The one adapter between the core :class:`~rolematrix.core.editor.Editor` and Qt's undo stack.

Widgets never build undo commands: they call the editor of their matrix
(:meth:`rolematrix.gui.session.DocumentSession.editor`), which applies each edit
and records it here, where it becomes a :class:`EditCommand` on the window's one
``QUndoStack``. A test scans the GUI for any other ``QUndoCommand``.

The editor's labels and refusals are data; this module words them in the
interface language (the sources keep their "Commands" context, so translations
made for the old command classes still apply).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from rolematrix.core.editor import Refusal
from rolematrix.core.edits import Edit, EditLabel
from rolematrix.gui import i18n

_MERGEABLE_ID = 1001

#: The Edit menu's words for each edit (see EditLabel for the keys).
LABELS: dict[str, str] = {
    "set-codes": str(QT_TRANSLATE_NOOP("Commands", "Set {name}")),
    "toggle-code": str(QT_TRANSLATE_NOOP("Commands", "Toggle {name}")),
    "cycle-code": str(QT_TRANSLATE_NOOP("Commands", "Cycle code")),
    "clear-cells": str(QT_TRANSLATE_NOOP("Commands", "Clear cells")),
    "cut": str(QT_TRANSLATE_NOOP("Commands", "Cut")),
    "paste": str(QT_TRANSLATE_NOOP("Commands", "Paste")),
    "fill": str(QT_TRANSLATE_NOOP("Commands", "Edit cells")),
    "insert-task": str(QT_TRANSLATE_NOOP("Commands", "Insert task “{name}”")),
    "delete-task": str(QT_TRANSLATE_NOOP("Commands", "Delete task “{name}”")),
    "delete-tasks": str(QT_TRANSLATE_NOOP("Commands", "Delete {count} tasks")),
    "move-task": str(QT_TRANSLATE_NOOP("Commands", "Move task “{name}”")),
    "edit-task": str(QT_TRANSLATE_NOOP("Commands", "Edit task “{name}”")),
    "rename-task": str(QT_TRANSLATE_NOOP("Commands", "Rename task to “{name}”")),
    "task-description": str(QT_TRANSLATE_NOOP("Commands", "Change the description of “{name}”")),
    "task-notes": str(QT_TRANSLATE_NOOP("Commands", "Change the notes of “{name}”")),
    "task-reference": str(QT_TRANSLATE_NOOP("Commands", "Change the reference of “{name}”")),
    "insert-role": str(QT_TRANSLATE_NOOP("Commands", "Insert role “{name}”")),
    "delete-role": str(QT_TRANSLATE_NOOP("Commands", "Delete role “{name}”")),
    "delete-roles": str(QT_TRANSLATE_NOOP("Commands", "Delete {count} roles")),
    "move-role": str(QT_TRANSLATE_NOOP("Commands", "Move role “{name}”")),
    "edit-role": str(QT_TRANSLATE_NOOP("Commands", "Edit role “{name}”")),
    "rename-role": str(QT_TRANSLATE_NOOP("Commands", "Rename role to “{name}”")),
    "role-short": str(QT_TRANSLATE_NOOP("Commands", "Change the short label of “{name}”")),
    "role-description": str(QT_TRANSLATE_NOOP("Commands", "Change the description of “{name}”")),
    "role-colour": str(QT_TRANSLATE_NOOP("Commands", "Change the colour of “{name}”")),
    "insert-phase": str(QT_TRANSLATE_NOOP("Commands", "Insert phase “{name}”")),
    "delete-phase": str(QT_TRANSLATE_NOOP("Commands", "Delete phase “{name}”")),
    "rename-phase": str(QT_TRANSLATE_NOOP("Commands", "Rename phase to “{name}”")),
    "move-phase": str(QT_TRANSLATE_NOOP("Commands", "Move phase “{name}”")),
    "apply-staffing": str(QT_TRANSLATE_NOOP("Commands", "Apply staffing “{name}”")),
    "add-person": str(QT_TRANSLATE_NOOP("Commands", "Add person “{name}”")),
    "remove-person": str(QT_TRANSLATE_NOOP("Commands", "Remove person “{name}”")),
    "person-roles": str(QT_TRANSLATE_NOOP("Commands", "Change roles of “{name}”")),
    "rename-person": str(QT_TRANSLATE_NOOP("Commands", "Rename person to “{name}”")),
    "conflicts": str(QT_TRANSLATE_NOOP("Commands", "Change role conflicts")),
    "accept": str(QT_TRANSLATE_NOOP("Commands", "Accept {name}")),
    "reopen": str(QT_TRANSLATE_NOOP("Commands", "Reopen {name}")),
    "edit-matrix": str(QT_TRANSLATE_NOOP("Commands", "Edit matrix")),
    "settings": str(QT_TRANSLATE_NOOP("Commands", "Change checker settings")),
    "change-scheme": str(QT_TRANSLATE_NOOP("Commands", "Change the scheme to {name}")),
    "matrix-properties": str(QT_TRANSLATE_NOOP("Commands", "Change the properties of “{name}”")),
    "add-matrix": str(QT_TRANSLATE_NOOP("Commands", "Add matrix “{name}”")),
    "duplicate-matrix": str(QT_TRANSLATE_NOOP("Commands", "Duplicate matrix “{name}”")),
    "delete-matrix": str(QT_TRANSLATE_NOOP("Commands", "Delete matrix “{name}”")),
    "move-matrix": str(QT_TRANSLATE_NOOP("Commands", "Move matrix “{name}”")),
    "rename-matrix": str(QT_TRANSLATE_NOOP("Commands", "Rename matrix to “{name}”")),
}

#: What the status bar says when the editor refused something (see Refusal for the keys).
REFUSALS: dict[str, str] = {
    "not-a-code": str(
        QT_TRANSLATE_NOOP("Commands", "“{text}” is not a code of {scheme} (codes: {codes})")
    ),
    "empty-name/task": str(QT_TRANSLATE_NOOP("Commands", "A task needs a name.")),
    "empty-name/role": str(QT_TRANSLATE_NOOP("Commands", "A role needs a name.")),
    "empty-name/person": str(QT_TRANSLATE_NOOP("Commands", "A person needs a name.")),
    "empty-name/matrix": str(QT_TRANSLATE_NOOP("Commands", "A matrix needs a name.")),
    "name-taken/task": str(QT_TRANSLATE_NOOP("Commands", "A task named “{text}” already exists.")),
    "name-taken/role": str(QT_TRANSLATE_NOOP("Commands", "A role named “{text}” already exists.")),
    "name-taken/matrix": str(
        QT_TRANSLATE_NOOP("Commands", "A matrix named “{text}” already exists in this document.")
    ),
    "last-matrix": str(
        QT_TRANSLATE_NOOP(
            "Commands",
            "A document keeps at least one matrix; add another before deleting this one.",
        )
    ),
    "paste-overflow": str(
        QT_TRANSLATE_NOOP(
            "Commands",
            "The pasted block reaches past the matrix: it needs {count} more tasks and {extra} more "
            "roles.",
        )
    ),
    "paste-too-large": str(
        QT_TRANSLATE_NOOP(
            "Commands",
            "The clipboard holds {count} cells, too many to paste; import the file instead.",
        )
    ),
    "pasted-not-codes": str(
        QT_TRANSLATE_NOOP(
            "Commands",
            "{count} pasted values were not codes and their cells were left as they were (“{text}”).",
        )
    ),
}


def label_text(label: EditLabel) -> str:
    source = LABELS.get(label.key, LABELS["fill"])
    return QCoreApplication.translate("Commands", source).format(
        name=label.name, count=i18n.number(label.count)
    )


def refusal_text(refusal: Refusal, codes: str = "") -> str:
    """One refusal as a status-bar sentence; ``codes`` lists the scheme's codes for not-a-code."""
    key = f"{refusal.key}/{refusal.what}" if refusal.what else refusal.key
    source = REFUSALS.get(key) or REFUSALS.get(refusal.key, "")
    return QCoreApplication.translate("Commands", source).format(
        text=refusal.text,
        scheme=refusal.scheme,
        codes=codes,
        count=i18n.number(refusal.count),
        extra=i18n.number(refusal.extra),
    )


class EditCommand(QUndoCommand):
    """An editor's edit on the undo stack. It has been applied already: the first redo,
    which ``QUndoStack.push`` makes, does nothing."""

    def __init__(self, edit: Edit) -> None:
        super().__init__(label_text(edit.label))
        self.edit = edit
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self.edit.apply()

    def undo(self) -> None:
        self.edit.revert()

    def id(self) -> int:
        return _MERGEABLE_ID if self.edit.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCommand) or not self.edit.merge(other.edit):
            return False
        self.setText(label_text(self.edit.label))
        if self.edit.obsolete:
            self.setObsolete(True)
        return True


class UndoRecorder:
    """Records an editor's edits on ``stack`` (the Editor's Recorder)."""

    def __init__(self, stack: QUndoStack) -> None:
        self.stack = stack

    def record(self, edit: Edit) -> None:
        self.stack.push(EditCommand(edit))


def edits_on(stack: QUndoStack) -> list[Edit]:
    """Every edit the stack holds, oldest first (to follow renumbered ids)."""
    out = []
    for index in range(stack.count()):
        command = stack.command(index)
        if isinstance(command, EditCommand):
            out.append(command.edit)
    return out
