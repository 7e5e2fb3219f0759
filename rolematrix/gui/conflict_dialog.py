"""Choosing, conflict by conflict, between my unsaved version and what someone else saved.

Shown when a save to a shared workspace finds that others changed the same
cells (or tasks, roles...) since I loaded them. Nothing has been written at
that point; the user sees, for each conflict, the task and role, what it was,
what they saved (who, when) and what I have, and keeps either. Conflicts that
no choice can settle (two new tasks with the same name) are listed too, and
saving waits until mine is renamed.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rolematrix.core.history import Conflict, Resolution
from rolematrix.gui import i18n
from rolematrix.gui.record_table import RecordTableModel

Index = QModelIndex | QPersistentModelIndex

WHAT, TASK, ROLE, BASE, THEIRS, WHO, MINE, KEEP = range(8)


def _codes(conflict: Conflict, value: str) -> str:
    if conflict.kind != "cell":
        return value
    return "/".join(value) if value else "—"


class ConflictModel(RecordTableModel):
    """The conflicts, one per row; the last column says whose version to keep."""

    def __init__(self, conflicts: list[Conflict], parent: QWidget | None = None) -> None:
        super().__init__(conflicts, parent)
        self.conflicts: list[Conflict] = self.records
        self.choices: list[Resolution | None] = [
            Resolution.MINE if c.resolvable else None for c in self.conflicts
        ]

    def titles(self) -> list[str]:
        return [
            self.tr("What"),
            self.tr("Task"),
            self.tr("Role"),
            self.tr("Before"),
            self.tr("Theirs"),
            self.tr("Changed by"),
            self.tr("Mine"),
            self.tr("Keep"),
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        conflict = self.conflicts[index.row()]
        column = index.column()
        choice = self.choices[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == WHAT:
                return self.kind_label(conflict)
            if column == TASK:
                return conflict.task or ""
            if column == ROLE:
                return conflict.role or ""
            if column == BASE:
                return _codes(conflict, conflict.base)
            if column == THEIRS:
                return _codes(conflict, conflict.theirs)
            if column == WHO:
                when = f"{conflict.at.astimezone():%Y-%m-%d %H:%M}" if conflict.at else ""
                return ", ".join(part for part in (conflict.who, when) if part)
            if column == MINE:
                return _codes(conflict, conflict.mine)
            if column == KEEP:
                if choice is None:
                    return self.tr("rename yours first")
                return self.tr("mine") if choice is Resolution.MINE else self.tr("theirs")
        if role == Qt.ItemDataRole.CheckStateRole and column == KEEP and choice is not None:
            return Qt.CheckState.Checked if choice is Resolution.MINE else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == KEEP and choice is not None:
                return self.tr("Checked: keep my version. Unchecked: take theirs.")
            return conflict.text
        if role == Qt.ItemDataRole.FontRole and choice is not None:
            mine_kept = choice is Resolution.MINE
            if (column == MINE and mine_kept) or (column == THEIRS and not mine_kept):
                font = QFont()
                font.setBold(True)
                return font
        return None

    def kind_label(self, conflict: Conflict) -> str:
        labels = {
            "cell": self.tr("Cell"),
            "task": self.tr("Task"),
            "role": self.tr("Role"),
            "phase": self.tr("Phase"),
            "matrix": self.tr("Matrix"),
            "matrix-deleted": self.tr("Matrix deleted"),
            "matrix-unmergeable": self.tr("Matrix"),
            "settings": self.tr("Settings"),
            "people": self.tr("People"),
            "conflicts": self.tr("Roles kept apart"),
            "suppressions": self.tr("Accepted findings"),
            "presets": self.tr("Staffing presets"),
            "task-order": self.tr("Task order"),
            "role-order": self.tr("Role order"),
            "phase-order": self.tr("Phase order"),
        }
        return labels.get(conflict.kind, conflict.text)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():  # the table itself: nothing to select or enable
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == KEEP and self.choices[index.row()] is not None:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not index.isValid()
            or index.column() != KEEP
            or role != Qt.ItemDataRole.CheckStateRole
            or self.choices[index.row()] is None
        ):
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
        self.choose(index.row(), Resolution.MINE if checked else Resolution.THEIRS)
        return True

    def choose(self, row: int, choice: Resolution) -> None:
        if self.choices[row] is None:
            return
        self.choices[row] = choice
        self.dataChanged.emit(self.index(row, 0), self.index(row, KEEP))

    def choose_all(self, choice: Resolution) -> None:
        for row in range(len(self.conflicts)):
            self.choose(row, choice)

    @property
    def settled(self) -> bool:
        return all(choice is not None for choice in self.choices)

    def resolutions(self) -> dict[Conflict, Resolution]:
        return {
            conflict: choice
            for conflict, choice in zip(self.conflicts, self.choices, strict=True)
            if choice is not None
        }


class ConflictDialog(QDialog):
    """Lists the conflicts of a save; accepted, :meth:`resolutions` says what to keep."""

    def __init__(
        self, conflicts: list[Conflict], where: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflict-dialog")
        self.setWindowTitle(self.tr("Someone else changed the same things"))
        self.setAccessibleName(self.windowTitle())
        self.model = ConflictModel(conflicts, self)
        intro = QLabel(
            self.tr(
                "Since you opened {where}, others saved changes to things you changed too. "
                "Nothing has been saved yet. For each one, keep your version (checked) or take "
                "theirs (unchecked), then save."
            ).format(where=i18n.isolate(where)),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setObjectName("conflict-table")
        self.table.setAccessibleName(self.tr("Conflicts"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(
            self.tr("&Save with these choices"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("conflict-save")
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.all_mine = QPushButton(self.tr("Keep all &mine"), self)
        self.all_mine.setObjectName("conflict-all-mine")
        self.all_theirs = QPushButton(self.tr("Take all &theirs"), self)
        self.all_theirs.setObjectName("conflict-all-theirs")
        buttons.addButton(self.all_mine, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.all_theirs, QDialogButtonBox.ButtonRole.ActionRole)
        self.all_mine.clicked.connect(lambda: self.model.choose_all(Resolution.MINE))
        self.all_theirs.clicked.connect(lambda: self.model.choose_all(Resolution.THEIRS))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        if not self.model.settled:
            blocked = QLabel(
                self.tr(
                    "Some of your new tasks or roles have the same name as ones someone else "
                    "added. Cancel, rename yours, and save again."
                ),
                self,
            )
            blocked.setObjectName("conflict-blocked")
            blocked.setWordWrap(True)
            layout.addWidget(blocked)
            self.save_button.setEnabled(False)
        layout.addWidget(buttons)
        self.resize(900, 360)

    def resolutions(self) -> dict[Conflict, Resolution]:
        return self.model.resolutions()
