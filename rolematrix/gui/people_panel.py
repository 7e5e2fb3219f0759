"""People and the roles they hold, staffing presets, and the "what does this role do" view."""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rolematrix.core.editor import Editor
from rolematrix.core.model import Matrix, MatrixEvent, StaffingPreset
from rolematrix.gui import i18n
from rolematrix.gui.vocabulary import code_meaning, code_name, join_words

PERSON_ROLE = Qt.ItemDataRole.UserRole + 20


def _staffing(people: list[tuple[str, list[int]]]) -> Counter[tuple[str, frozenset[int]]]:
    """Who holds what, as a comparable value: person ids and the order of people and roles
    are bookkeeping, not staffing."""
    return Counter((name.strip(), frozenset(role_ids)) for name, role_ids in people)


def matching_preset(matrix: Matrix) -> StaffingPreset | None:
    """The preset whose people are the matrix's people now (roles it names resolved as
    applying it would), or None: the staffing box says which one is in force."""
    now = _staffing(
        [(p.name, [r for r in p.role_ids if matrix.has_role(r)]) for p in matrix.people]
    )
    for preset in matrix.presets:
        staffed = [
            (name, [r.id for n in roles if (r := matrix.find_role(n)) is not None])
            for name, roles in preset.people
        ]
        if _staffing(staffed) == now:
            return preset
    return None


class PeoplePanel(QWidget):
    """Who holds which roles; presets from the template staff the roles in one step."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: The editor of a matrix (the window's session gives it); every change goes there.
        self.editors: Callable[[Matrix], Editor] | None = None
        self.matrix: Matrix | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._loading = False
        self.presets = QComboBox(self)
        self.presets.setToolTip(self.tr("Staffing presets shipped with the template"))
        self.presets.setAccessibleName(self.tr("Staffing preset"))
        self.presets.setAccessibleDescription(self.presets.toolTip())
        self.apply_button = QPushButton(self.tr("A&pply"), self)
        self.apply_button.setAccessibleDescription(
            self.tr("Staff the roles as the selected preset says")
        )
        self.apply_button.clicked.connect(self.apply_selected_preset)
        self.presets.currentIndexChanged.connect(self._preset_chosen)
        self.people = QListWidget(self)
        self.people.setAccessibleName(self.tr("People"))
        self.people.setAccessibleDescription(
            self.tr("Each person with the roles they hold; Enter or F2 renames")
        )
        self.people.currentRowChanged.connect(self._load_roles)
        self.people.itemDoubleClicked.connect(lambda item: self.rename_person())
        self.people.installEventFilter(self)  # Enter or F2 renames, as double-clicking does
        self.add_button = QPushButton(self.tr("A&dd…"), self)
        self.add_button.setAccessibleDescription(self.tr("Add a person"))
        self.add_button.clicked.connect(self.add_person)
        self.remove_button = QPushButton(self.tr("Re&move"), self)
        self.remove_button.setAccessibleDescription(self.tr("Remove the selected person"))
        self.remove_button.clicked.connect(self.remove_person)
        self.roles = QListWidget(self)
        self.roles.setAccessibleName(self.tr("Roles held by the selected person"))
        self.roles.setAccessibleDescription(self.tr("Space ticks or unticks a role"))
        self.roles.itemChanged.connect(self._role_toggled)
        self.conflicts = QLabel(self)
        self.conflicts.setWordWrap(True)
        preset_label = QLabel(self.tr("&Staffing:"), self)
        preset_label.setBuddy(self.presets)
        people_label = QLabel(self.tr("P&eople"), self)
        people_label.setBuddy(self.people)
        roles_label = QLabel(self.tr("R&oles held by the selected person"), self)
        roles_label.setBuddy(self.roles)
        preset_row = QHBoxLayout()
        preset_row.addWidget(preset_label)
        preset_row.addWidget(self.presets, 1)
        preset_row.addWidget(self.apply_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(preset_row)
        layout.addWidget(people_label)
        layout.addWidget(self.people, 1)
        layout.addLayout(buttons)
        layout.addWidget(roles_label)
        layout.addWidget(self.roles, 1)
        layout.addWidget(self.conflicts)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.people
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2)
            and self.people.currentItem() is not None
        ):
            self.rename_person()
            return True
        return super().eventFilter(watched, event)

    def set_matrix(self, matrix: Matrix | None) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self.matrix = matrix
        if matrix is not None:
            self._unsubscribe = matrix.subscribe(self._on_event)
        self.reload()

    def _on_event(self, event: MatrixEvent) -> None:
        if event.stage == "after" and (
            event.kind in ("people", "presets", "conflicts") or event.kind.startswith("role-")
        ):
            self.reload()

    def reload(self) -> None:
        matrix = self.matrix
        self._loading = True
        try:
            current = self.current_person_id()
            self.presets.clear()
            self.people.clear()
            if matrix is None:
                self.roles.clear()
                return
            for preset in matrix.presets:
                self.presets.addItem(preset.name)
                self.presets.setItemData(
                    self.presets.count() - 1, preset.description, Qt.ItemDataRole.ToolTipRole
                )
            self.presets.setEnabled(bool(matrix.presets))
            if matrix.presets:
                in_force = matching_preset(matrix)
                if in_force is None:
                    self.presets.addItem(self.tr("Custom"))
                    self.presets.setItemData(
                        self.presets.count() - 1,
                        self.tr("The people match none of the presets"),
                        Qt.ItemDataRole.ToolTipRole,
                    )
                    self.presets.setCurrentIndex(self.presets.count() - 1)
                else:
                    self.presets.setCurrentIndex(matrix.presets.index(in_force))
            self._preset_chosen()
            for person in matrix.people:
                held = ", ".join(
                    matrix.role(r).label for r in person.role_ids if matrix.has_role(r)
                )
                item = QListWidgetItem(f"{person.name} — {held}" if held else person.name)
                item.setData(PERSON_ROLE, person.id)
                self.people.addItem(item)
                if person.id == current:
                    self.people.setCurrentItem(item)
            if self.people.currentRow() < 0 and self.people.count():
                self.people.setCurrentRow(0)
            names = [
                join_words([matrix.role(a).name, matrix.role(b).name])
                for a, b in matrix.conflicts
                if matrix.has_role(a) and matrix.has_role(b)
            ]
            self.conflicts.setText(
                self.tr("Must not be held by one person: {pairs}").format(
                    pairs=self.tr("; ").join(names)
                )
                if names
                else ""
            )
        finally:
            self._loading = False
        self._load_roles()

    def current_person_id(self) -> int | None:
        item = self.people.currentItem()
        return int(item.data(PERSON_ROLE)) if item is not None else None

    def _load_roles(self, *args: object) -> None:
        matrix = self.matrix
        person_id = self.current_person_id()
        self._loading = True
        try:
            self.roles.clear()
            self.remove_button.setEnabled(person_id is not None)
            person = next((p for p in matrix.people if p.id == person_id), None) if matrix else None
            if matrix is None or person is None:
                return
            held = set(person.role_ids)
            for role in matrix.roles:
                item = QListWidgetItem(role.name)
                item.setData(PERSON_ROLE, role.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    Qt.CheckState.Checked if role.id in held else Qt.CheckState.Unchecked
                )
                self.roles.addItem(item)
        finally:
            self._loading = False

    def _role_toggled(self, item: QListWidgetItem) -> None:
        matrix = self.matrix
        person_id = self.current_person_id()
        if self._loading or matrix is None or person_id is None:
            return
        checked = [
            int(self.roles.item(i).data(PERSON_ROLE))
            for i in range(self.roles.count())
            if self.roles.item(i).checkState() == Qt.CheckState.Checked
        ]
        # defer: the list is rebuilt by the event the edit causes
        QTimer.singleShot(0, lambda: self._editor(matrix).set_person_roles(person_id, checked))

    def _editor(self, matrix: Matrix) -> Editor:
        if self.editors is None:
            raise RuntimeError("the panel edits through its window's session: set editors")
        return self.editors(matrix)

    def _preset_chosen(self, *args: object) -> None:
        """Apply is for a preset: not for "Custom", nor for the one already in force."""
        matrix = self.matrix
        index = self.presets.currentIndex()
        self.apply_button.setEnabled(
            matrix is not None
            and 0 <= index < len(matrix.presets)
            and matching_preset(matrix) != matrix.presets[index]
        )

    def apply_selected_preset(self) -> None:
        matrix = self.matrix
        index = self.presets.currentIndex()
        if matrix is None or not 0 <= index < len(matrix.presets):
            return
        self._editor(matrix).apply_preset(matrix.presets[index])

    def add_person(self) -> None:
        if self.matrix is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Add person"), self.tr("Name:"))
        if ok and name.strip():
            self._editor(self.matrix).add_person(name)

    def remove_person(self) -> None:
        person_id = self.current_person_id()
        if self.matrix is not None and person_id is not None:
            self._editor(self.matrix).remove_person(person_id)

    def rename_person(self) -> None:
        person_id = self.current_person_id()
        if self.matrix is None or person_id is None:
            return
        old = self.matrix.person(person_id).name
        name, ok = QInputDialog.getText(self, self.tr("Rename person"), self.tr("Name:"), text=old)
        if ok and name.strip() and name.strip() != old:
            self._editor(self.matrix).rename_person(person_id, name)


class RoleDutiesPanel(QWidget):
    """Answers "what does this role do?": the selected role's tasks, grouped by code."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matrix: Matrix | None = None
        self.role_id: int | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setAccessibleName(self.tr("Tasks of the role"))
        self.tree.setAccessibleDescription(self.tr("The selected role's tasks, grouped by code"))
        self._stale = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(50)
        self._timer.timeout.connect(self.reload)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.tree, 1)

    def set_matrix(self, matrix: Matrix | None) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self.matrix = matrix
        self.role_id = None
        if matrix is not None:
            self._unsubscribe = matrix.subscribe(self._on_event)
        self.reload()

    def set_role(self, role_id: int | None) -> None:
        if role_id != self.role_id:
            self.role_id = role_id
            self._timer.start()

    def _on_event(self, event: MatrixEvent) -> None:
        if event.stage != "after":
            return
        if event.kind == "cells":
            if self.role_id is not None and event.touches_role(self.role_id):
                self._timer.start()
        elif event.kind.startswith(("task-", "role-", "phase-")):
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            # soon, not now: docks are shown with the window, and listing a role's tasks
            # in a large matrix should not hold up the window's first paint
            self._timer.start()

    def reload(self) -> None:
        if not self.isVisible():
            self._stale = True  # hidden behind another panel: catch up when shown
            return
        self._stale = False
        self.tree.clear()
        matrix = self.matrix
        if matrix is None or self.role_id is None or not matrix.has_role(self.role_id):
            self.title.setText(self.tr("Select a cell to see what its role does."))
            return
        role = matrix.role(self.role_id)
        self.title.setText(
            f"<b>{html.escape(role.name)}</b>"
            + (f"<br>{html.escape(role.description)}" if role.description else "")
        )
        column = matrix.column(role.id)
        scheme = matrix.scheme
        order = list(scheme.codes)
        if scheme.accountable:
            order.sort(key=lambda c: c.letter != scheme.accountable)
        filled = sorted(column.items(), key=lambda item: matrix.task_row(item[0]))
        for code in order:
            tasks = [matrix.task(task_id) for task_id, codes in filled if code.letter in codes]
            group = QTreeWidgetItem([f"{_heading(code.name)} ({i18n.number(len(tasks))})"])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setToolTip(0, f"{code.letter} — {code_name(code)}: {code_meaning(code)}")
            for task in tasks:
                child = QTreeWidgetItem([task.name])
                child.setToolTip(0, task.description or task.name)
                child.setData(0, PERSON_ROLE, task.id)
                group.addChild(child)
            self.tree.addTopLevelItem(group)
            group.setExpanded(bool(tasks))


_HEADINGS = {
    "Responsible": QT_TRANSLATE_NOOP("RoleDutiesPanel", "Responsible for"),
    "Accountable": QT_TRANSLATE_NOOP("RoleDutiesPanel", "Accountable for"),
    "Consulted": QT_TRANSLATE_NOOP("RoleDutiesPanel", "Consulted on"),
    "Informed": QT_TRANSLATE_NOOP("RoleDutiesPanel", "Kept informed on"),
    "Support": QT_TRANSLATE_NOOP("RoleDutiesPanel", "Supports"),
    "Involved": QT_TRANSLATE_NOOP("RoleDutiesPanel", "Involved in"),
}


def _heading(name: str) -> str:
    """ "Accountable" → "Accountable for"; reads like the handbook's chapters."""
    heading = _HEADINGS.get(name)
    if heading is None:
        return QCoreApplication.translate("Codes", name)
    return QCoreApplication.translate("RoleDutiesPanel", str(heading))
