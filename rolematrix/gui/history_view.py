"""Who changed what, and when: the recorded history of a cell or of a whole matrix.

The store records every saved change (files and shared workspaces alike);
this dialog only reads it. Times are shown in the viewer's local time, the
codes the way the grid shows them, and names as they were when the change was
made, so the history still reads right after a task was renamed or deleted.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rolematrix.core.history import HistoryEntry
from rolematrix.core.model import Matrix
from rolematrix.gui.record_table import RecordTableModel

Index = QModelIndex | QPersistentModelIndex

WHEN, WHO, TASK, ROLE, CHANGE = range(5)


class HistoryModel(RecordTableModel):
    """History entries, newest first, one per row."""

    def __init__(
        self,
        entries: list[HistoryEntry],
        matrix: Matrix | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(entries, parent)
        self.entries: list[HistoryEntry] = self.records
        self.matrix = matrix

    def titles(self) -> list[str]:
        return [
            self.tr("When"),
            self.tr("Who"),
            self.tr("Task"),
            self.tr("Role"),
            self.tr("Change"),
        ]

    def _codes(self, codes: str) -> str:
        if not codes:
            return self.tr("(empty)")
        return self.matrix.scheme.display(codes) if self.matrix is not None else "/".join(codes)

    def change_text(self, entry: HistoryEntry) -> str:
        if entry.kind == "cell":
            return f"{self._codes(entry.old)} → {self._codes(entry.new)}"
        return entry.text

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == WHEN:
                return f"{entry.at.astimezone():%Y-%m-%d %H:%M:%S}"
            if column == WHO:
                return entry.who
            if column == TASK:
                return entry.task or ""
            if column == ROLE:
                return entry.role or ""
            return self.change_text(entry)
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.line
        return None


class HistoryDialog(QDialog):
    """A read-only list of recorded changes with a heading saying what it covers."""

    def __init__(
        self,
        title: str,
        entries: list[HistoryEntry],
        matrix: Matrix | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("history-dialog")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.model = HistoryModel(entries, matrix, self)
        heading = QLabel(
            self.tr("{count} recorded changes, newest first.").format(count=len(entries))
            if entries
            else self.tr("No saved changes are recorded here yet."),
            self,
        )
        heading.setObjectName("history-heading")
        self.table = QTableView(self)
        self.table.setObjectName("history-table")
        self.table.setAccessibleName(title)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CHANGE, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(820, 420)
