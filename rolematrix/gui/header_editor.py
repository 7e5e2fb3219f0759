"""A name typed over a header section of the grid, in place of a dialog per rename.

The editor only collects text and says how the user left it (Enter, Tab,
Shift+Tab, a click elsewhere, or Esc); the grid decides what the text means
and where the cursor goes next, and the window turns a changed name into its
rename command. Nothing here touches the matrix.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QEvent, QObject, QRect, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent
from PySide6.QtWidgets import QHeaderView, QLineEdit

#: The narrowest editor over a role column: rotated role headers are a few pixels wide.
MIN_EDITOR_WIDTH = 160


class HeaderExit(Enum):
    """How the user left the name editor."""

    ENTER = "enter"
    TAB = "tab"
    BACKTAB = "backtab"
    AWAY = "away"  # focus went elsewhere: the name is kept, as in a cell editor


class HeaderEditor(QObject):
    """One line editor at a time over one section of a header."""

    #: The editor closed with ``text`` for ``section`` of the header of ``orientation``.
    committed = Signal(Qt.Orientation, int, str, object)  # the last: a HeaderExit
    #: Esc: the editor closed and the name stays as it was.
    cancelled = Signal(Qt.Orientation, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editor: QLineEdit | None = None
        self._header: QHeaderView | None = None
        self._section = -1

    def is_open(self) -> bool:
        return self.editor is not None

    def section(self) -> tuple[Qt.Orientation, int] | None:
        """Which header section is being edited, if any."""
        if self._header is None or self.editor is None:
            return None
        return self._header.orientation(), self._section

    def open(self, header: QHeaderView, section: int, text: str, *, typed: bool) -> QLineEdit:
        """Show an editor over ``section`` holding ``text``: all selected, or (``typed``, a key
        that started the edit) with the cursor after it."""
        self.close_quietly()
        editor = QLineEdit(header.viewport())
        editor.setObjectName("header-name-editor")
        editor.setAccessibleName(self.tr("Name"))
        editor.setFont(header.font())
        editor.setText(text)
        if typed:
            editor.end(False)
        else:
            editor.selectAll()
        editor.setGeometry(self._rect(header, section, editor))
        editor.installEventFilter(self)
        self.editor = editor
        self._header = header
        self._section = section
        editor.show()
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        return editor

    @staticmethod
    def _rect(header: QHeaderView, section: int, editor: QLineEdit) -> QRect:
        start = header.sectionViewportPosition(section)
        size = header.sectionSize(section)
        viewport = header.viewport().rect()
        if header.orientation() == Qt.Orientation.Vertical:
            return QRect(0, start, viewport.width(), size)
        height = min(viewport.height(), QFontMetrics(editor.font()).height() + 10)
        width = min(max(size, MIN_EDITOR_WIDTH), viewport.width())
        left = min(max(0, start), max(0, viewport.width() - width))
        if header.isRightToLeft():
            left = max(0, min(start + size - width, viewport.width() - width))
        return QRect(left, viewport.height() - height, width, height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.editor:
            return super().eventFilter(watched, event)
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._finish(HeaderExit.ENTER)
                return True
            if key == Qt.Key.Key_Backtab or (
                key == Qt.Key.Key_Tab and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            ):
                self._finish(HeaderExit.BACKTAB)
                return True
            if key == Qt.Key.Key_Tab:
                self._finish(HeaderExit.TAB)
                return True
            if key == Qt.Key.Key_Escape:
                self._cancel()
                return True
        elif event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                event.accept()  # the editor's, not a window shortcut's
                return True
        elif event.type() == QEvent.Type.FocusOut:
            self._finish(HeaderExit.AWAY)
        return super().eventFilter(watched, event)

    def _take(self) -> tuple[QHeaderView, int, str] | None:
        editor, header = self.editor, self._header
        if editor is None or header is None:
            return None
        self.editor = None
        self._header = None
        editor.removeEventFilter(self)
        text = editor.text()
        if editor.hasFocus():
            # hand the keyboard to the header first: hiding a focused widget passes focus on
            # as Tab does, and Tab on the grid moves its cursor
            header.setFocus(Qt.FocusReason.OtherFocusReason)
        editor.hide()
        editor.deleteLater()
        return header, self._section, text

    def _finish(self, how: HeaderExit) -> None:
        taken = self._take()
        if taken is not None:
            header, section, text = taken
            self.committed.emit(header.orientation(), section, text, how)

    def _cancel(self) -> None:
        taken = self._take()
        if taken is not None:
            header, section, _ = taken
            self.cancelled.emit(header.orientation(), section)

    def close_quietly(self) -> None:
        """Drop an open editor without a signal (the model under it is going away)."""
        self._take()
