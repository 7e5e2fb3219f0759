"""Side panels for the selected task and the selected role: their names and descriptions.

Edits become undo commands when a field is left (or Enter is pressed), so one
undo step takes back one finished edit, not one keystroke. The panels follow
the matrix's events, so an undo shows up here at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QGuiApplication
from PySide6.QtWidgets import (
    QColorDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from rolematrix.core.editor import Editor, EditResult
from rolematrix.core.model import Matrix, MatrixEvent
from rolematrix.gui.undo import refusal_text

_TASK_EVENTS = ("task-update", "task-remove", "task-insert", "phase-update", "task-move")
_ROLE_EVENTS = ("role-update", "role-remove", "role-insert")


def content_direction(matrix: Matrix) -> Qt.LayoutDirection:
    """Persian content reads from the right whatever the interface; other content as the interface."""
    if matrix.is_rtl:
        return Qt.LayoutDirection.RightToLeft
    return QGuiApplication.layoutDirection()


class CommitTextEdit(QPlainTextEdit):
    """A multi-line field that reports when the user leaves it.

    Tab moves on to the next field (as in a form) rather than typing a tab
    character, so the keyboard never gets stuck in a description.
    """

    committed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.committed.emit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LayoutDirectionChange:
            # the text document does not follow the widget's direction by itself: Persian
            # paragraphs would start at the left with a ragged right edge
            option = self.document().defaultTextOption()
            rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
            option.setTextDirection(self.layoutDirection())
            option.setAlignment(Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
            self.document().setDefaultTextOption(option)


class _DetailPanel(QWidget):
    """Shared plumbing: the matrix, its events, its editor, an error line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: The editor of a matrix (the window's session gives it); every change goes there.
        self.editors: Callable[[Matrix], Editor] | None = None
        self.matrix: Matrix | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._loading = False
        self.layout_ = QFormLayout(self)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #D55E00")
        self.error.setWordWrap(True)
        self.error.hide()

    def set_matrix(self, matrix: Matrix | None) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self.matrix = matrix
        if matrix is not None:
            self._unsubscribe = matrix.subscribe(self._on_event)

    def _on_event(self, event: MatrixEvent) -> None:
        raise NotImplementedError

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _edited(self, result: EditResult) -> None:
        """Show what the editor refused (a taken or empty name) under the fields, or nothing."""
        self._show_error(" ".join(refusal_text(r) for r in result.refusals))

    @staticmethod
    def _set_text(widget: QLineEdit | QPlainTextEdit, text: str) -> None:
        current = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
        if current != text:
            if isinstance(widget, QLineEdit):
                widget.setText(text)
                widget.setCursorPosition(0)  # a long name shows its start, not its end
            else:
                widget.setPlainText(text)


class TaskPanel(_DetailPanel):
    """Name, description and notes of the current task."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.task_id: int | None = None
        self.phase_label = QLabel(self)
        self.name = QLineEdit(self)
        self.reference = QLineEdit(self)
        self.reference.setPlaceholderText(self.tr("The task's own id, e.g. 1.2"))
        self.description = CommitTextEdit(self)
        self.description.setPlaceholderText(self.tr("What the task is, for someone new to it"))
        self.notes = CommitTextEdit(self)
        self.notes.setPlaceholderText(self.tr("Notes (not exported to the handbook)"))
        self.layout_.addRow(self.tr("Phase"), self.phase_label)
        self.layout_.addRow(self.tr("&Task"), self.name)
        self.layout_.addRow(self.tr("&Reference"), self.reference)
        self.layout_.addRow(self.tr("&Description"), self.description)
        self.layout_.addRow(self.tr("&Notes"), self.notes)
        self.layout_.addRow(self.error)
        self.phase_label.setAccessibleName(self.tr("Phase"))
        self.name.setAccessibleName(self.tr("Task name"))
        self.reference.setAccessibleName(self.tr("Task reference"))
        self.description.setAccessibleName(self.tr("Task description"))
        self.notes.setAccessibleName(self.tr("Task notes"))
        self.notes.setAccessibleDescription(self.tr("Not exported to the handbook"))
        self.name.editingFinished.connect(lambda: self._commit("name", self.name.text()))
        self.reference.editingFinished.connect(
            lambda: self._commit("reference", self.reference.text().strip())
        )
        self.description.committed.connect(
            lambda: self._commit("description", self.description.toPlainText())
        )
        self.notes.committed.connect(lambda: self._commit("notes", self.notes.toPlainText()))
        self.set_task(None)

    def set_task(self, task_id: int | None) -> None:
        if self.task_id == task_id and task_id is not None:
            return
        self.task_id = task_id
        self._load()

    def _load(self) -> None:
        matrix = self.matrix
        present = matrix is not None and self.task_id is not None and matrix.has_task(self.task_id)
        for widget in (self.name, self.reference, self.description, self.notes):
            widget.setEnabled(present)
        self._loading = True
        try:
            if not present:
                self.phase_label.setText("")
                for widget in (self.name, self.reference, self.description, self.notes):
                    self._set_text(widget, "")
                return
            assert matrix is not None and self.task_id is not None
            task = matrix.task(self.task_id)
            self.phase_label.setText(matrix.phase_of(task.id).name or "—")
            self._set_text(self.name, task.name)
            self._set_text(self.reference, task.reference)
            self._set_text(self.description, task.description)
            self._set_text(self.notes, task.notes)
            self.setLayoutDirection(content_direction(matrix))
        finally:
            self._loading = False
        self._show_error("")

    def _on_event(self, event: MatrixEvent) -> None:
        if event.stage != "after":
            return
        relevant = event.task_id in (None, self.task_id) or event.kind.startswith("phase")
        if relevant and event.kind in _TASK_EVENTS:
            self._load()

    def _commit(self, field: str, value: str) -> None:
        matrix = self.matrix
        if (
            self._loading
            or matrix is None
            or self.task_id is None
            or not matrix.has_task(self.task_id)
        ):
            return
        if self.editors is not None:
            self._edited(self.editors(matrix).update_task(self.task_id, **{field: value}))


class RolePanel(_DetailPanel):
    """Name, short label, description and colour of the current role."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.role_id: int | None = None
        self.name = QLineEdit(self)
        self.short = QLineEdit(self)
        self.short.setPlaceholderText(self.tr("Column header, e.g. PM"))
        self.short.setMaxLength(24)
        self.description = CommitTextEdit(self)
        self.description.setPlaceholderText(
            self.tr("What the role is for; printed in the handbook")
        )
        self.colour_button = QPushButton(self.tr("C&hoose…"), self)
        self.colour_swatch = QLabel(self)
        self.colour_swatch.setFixedSize(24, 18)
        colour_row = QHBoxLayout()
        colour_row.addWidget(self.colour_swatch)
        colour_row.addWidget(self.colour_button)
        colour_row.addStretch(1)
        self.layout_.addRow(self.tr("&Role"), self.name)
        self.layout_.addRow(self.tr("&Short label"), self.short)
        self.layout_.addRow(self.tr("&Description"), self.description)
        self.layout_.addRow(self.tr("Colour"), colour_row)
        self.layout_.addRow(self.error)
        self.name.setAccessibleName(self.tr("Role name"))
        self.short.setAccessibleName(self.tr("Short label"))
        self.short.setAccessibleDescription(self.tr("The column header when space is short"))
        self.description.setAccessibleName(self.tr("Role description"))
        self.colour_button.setAccessibleName(self.tr("Choose the role's colour"))
        self.colour_swatch.setAccessibleName(self.tr("Role colour"))
        self.name.editingFinished.connect(lambda: self._commit("name", self.name.text()))
        self.short.editingFinished.connect(lambda: self._commit("short", self.short.text()))
        self.description.committed.connect(
            lambda: self._commit("description", self.description.toPlainText())
        )
        self.colour_button.clicked.connect(self._choose_colour)
        self.set_role(None)

    def set_role(self, role_id: int | None) -> None:
        if self.role_id == role_id and role_id is not None:
            return
        self.role_id = role_id
        self._load()

    def _load(self) -> None:
        matrix = self.matrix
        present = matrix is not None and self.role_id is not None and matrix.has_role(self.role_id)
        for widget in (self.name, self.short, self.description, self.colour_button):
            widget.setEnabled(present)
        self._loading = True
        try:
            if not present:
                for widget in (self.name, self.short, self.description):
                    self._set_text(widget, "")
                self.colour_swatch.setStyleSheet("")
                return
            assert matrix is not None and self.role_id is not None
            role = matrix.role(self.role_id)
            self._set_text(self.name, role.name)
            self._set_text(self.short, role.short)
            self._set_text(self.description, role.description)
            self.colour_swatch.setStyleSheet(
                f"background: {role.colour}; border: 1px solid palette(mid)"
                if role.colour
                else "border: 1px dashed palette(mid)"
            )
            self.colour_swatch.setAccessibleDescription(role.colour or self.tr("no colour"))
            self.setLayoutDirection(content_direction(matrix))
        finally:
            self._loading = False
        self._show_error("")

    def _on_event(self, event: MatrixEvent) -> None:
        if (
            event.stage == "after"
            and event.kind in _ROLE_EVENTS
            and event.role_id in (None, self.role_id)
        ):
            self._load()

    def _commit(self, field: str, value: str) -> None:
        matrix = self.matrix
        if (
            self._loading
            or matrix is None
            or self.role_id is None
            or not matrix.has_role(self.role_id)
        ):
            return
        if self.editors is not None:
            self._edited(self.editors(matrix).update_role(self.role_id, **{field: value}))

    def _choose_colour(self) -> None:
        matrix = self.matrix
        if matrix is None or self.role_id is None:
            return
        current = QColor(matrix.role(self.role_id).colour or "#FFFFFF")
        colour = QColorDialog.getColor(current, self, self.tr("Role colour"))
        if colour.isValid():
            self._commit("colour", colour.name().upper())
