"""The editor window: one document, its matrices in tabs, the grid and the panels.

The window is put together from objects of their own: the actions, menus
and toolbar (:class:`~rolematrix.gui.window_menus.WindowMenus`, built from a
table), and opening, saving and the shared workspace
(:class:`~rolematrix.gui.window_files.WindowFiles`); this module holds what
the window does with the document on screen. The application controller
reaches the window, and the window reaches it back only through
:class:`WindowHost`, so neither module imports the other. Every user-visible string goes through Qt's translation
(``self.tr``), and every panel has an accessible name and description.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QColor,
    QKeyEvent,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QStyle,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from rolematrix.core.editor import Editor, EditResult
from rolematrix.core.edits import InsertPhaseEdit, InsertRoleEdit, InsertTaskEdit
from rolematrix.core.findings import Finding
from rolematrix.core.model import Matrix
from rolematrix.gui import i18n
from rolematrix.gui.autosave import Autosaver
from rolematrix.gui.detail_panels import RolePanel, TaskPanel
from rolematrix.gui.grid_model import MatrixGridModel, readable_text_colour
from rolematrix.gui.grid_view import GridView
from rolematrix.gui.icons import app_icon
from rolematrix.gui.matrix_actions import MatrixActions
from rolematrix.gui.people_panel import PeoplePanel, RoleDutiesPanel
from rolematrix.gui.problems_panel import ProblemsPanel, severity_counts_text
from rolematrix.gui.session import DocumentSession
from rolematrix.gui.settings import settings
from rolematrix.gui.standard_keys import add_ctrl_y_to_redo
from rolematrix.gui.undo import refusal_text
from rolematrix.gui.vocabulary import code_meaning, code_name, scheme_title
from rolematrix.gui.window_files import DocumentHost, WindowFiles
from rolematrix.gui.window_menus import WindowMenus
from rolematrix.gui.workspace_watch import WorkspaceWatcher

if TYPE_CHECKING:
    from rolematrix.gui.presentation import PresentationWindow

#: Matrices up to this many cells (tasks x roles) are checked before the window shows.
CHECK_AT_ONCE_CELLS = 200_000
#: Larger ones are checked once the grid has been painted, or after this long (ms) at the latest.
CHECK_LATEST_MS = 1500


class AfterFirstPaint(QObject):
    """Calls back once, right after ``widget`` has painted for the first time."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)  # after this paint has finished
            self.deleteLater()
        return False


class ElidedLabel(QLabel):
    """A one-line label that gives way when the window is narrow, ending in "…".

    A plain QLabel's minimum width is its whole text, which would set the
    narrowest the main window can be.
    """

    def __init__(self, text: str, parent: QWidget | None = None, *, shortest: str = "") -> None:
        super().__init__(text, parent)
        self._shortest = shortest  # what must stay readable however narrow

    def minimumSizeHint(self) -> QSize:
        shortest = self.fontMetrics().horizontalAdvance(self._shortest) if self._shortest else 0
        return QSize(shortest, super().minimumSizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        alignment = QStyle.visualAlignment(self.layoutDirection(), self.alignment())
        painter.drawText(rect, int(alignment), text)


class LegendBar(QWidget):
    """The scheme's codes with their colours, always in sight under the grid."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(4, 2, 4, 2)
        self._layout.setSpacing(10)
        self.setAccessibleName(self.tr("Legend"))

    def set_matrix(self, matrix: Matrix) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        scheme = matrix.scheme
        title = ElidedLabel(f"{scheme_title(scheme)}:", self, shortest=f"{scheme.id}…")
        bold = title.font()
        bold.setBold(True)
        title.setFont(bold)
        title.setToolTip(scheme_title(scheme))
        self._layout.addWidget(title)
        described = []
        for code in scheme.codes:
            chip = QLabel(f" {code.letter} ", self)
            text = readable_text_colour(QColor(code.colour)).name()
            chip.setStyleSheet(
                f"background: {code.colour}; color: {text}; border: 1px solid #888; font-weight: bold; padding: 0 3px"
            )
            chip.setToolTip(code_meaning(code))
            chip.setAccessibleName(code.letter)
            chip.setAccessibleDescription(f"{code_name(code)}: {code_meaning(code)}")
            name = ElidedLabel(code_name(code), self, shortest=code_name(code)[:3] + "…")
            name.setToolTip(code_meaning(code))
            self._layout.addWidget(chip)
            self._layout.addWidget(name)
            described.append(f"{code.letter} {code_name(code)}")
        self.setAccessibleDescription(", ".join(described))
        hint = ElidedLabel(
            self.tr("Type a code letter · Shift+letter adds/removes · Space cycles · Del clears"),
            self,
        )
        hint.setObjectName("legend-hint")
        hint.setToolTip(hint.text())
        hint.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignTrailing)
        self._layout.addWidget(hint, 1)


@dataclass(frozen=True)
class ViewState:
    """What the user is looking at in a window: carried over when the window is rebuilt."""

    matrix: Matrix | None
    #: (row, column) of the current cell; (-1, -1) for none
    current: tuple[int, int]
    #: the selected ranges as (top, left, bottom, right)
    ranges: tuple[tuple[int, int, int, int], ...]
    collapsed: frozenset[int]
    find_text: str
    #: (horizontal, vertical) scroll bar values
    scroll: tuple[int, int]
    zoom: int


class WindowHost(DocumentHost, Protocol):
    """What a window needs from the application (:class:`rolematrix.gui.app.Controller`)."""

    def show_getting_started(self, parent: QWidget | None = None) -> object: ...

    def set_language(self, choice: str) -> None: ...

    def window_closed(self, window: MainWindow) -> None: ...

    def quit(self) -> bool: ...


class MainWindow(QMainWindow):
    """Edits one document. Every change goes through the session's undo stack."""

    def __init__(self, session: DocumentSession, controller: WindowHost | None = None) -> None:
        super().__init__()
        self.session: DocumentSession = session
        self.controller = controller
        self.matrix: Matrix | None = None
        self.model: MatrixGridModel | None = None
        self.presentation: PresentationWindow | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.setWindowIcon(app_icon())
        self._closing_confirmed = False
        self._handed_over = False
        self._closed = False
        self._pending_check: Matrix | None = None

        self.grid: GridView = GridView(self)
        self.grid.editors = self.session.editor
        self.grid.message.connect(self.show_status)
        self.grid.taskRenamed.connect(lambda i, name: self._rename_by_kind("task", i, name))
        self.grid.roleRenamed.connect(lambda i, name: self._rename_by_kind("role", i, name))
        self.grid.phaseRenamed.connect(lambda i, name: self._rename_by_kind("phase", i, name))
        self.grid.setAccessibleName(self.tr("Matrix grid"))
        self.grid.setAccessibleDescription(
            self.tr(
                "Tasks in rows, roles in columns. Type a code letter to set it, Space cycles "
                "the codes, Delete clears."
            )
        )
        self.tabs = QTabBar(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setExpanding(False)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.tabs.setAccessibleName(self.tr("Matrices"))
        self.tabs.setAccessibleDescription(self.tr("The matrices of this document"))
        self.find_bar = QLineEdit(self)
        self.find_bar.setPlaceholderText(self.tr("Find tasks (name or description)…"))
        self.find_bar.setClearButtonEnabled(True)
        self.find_bar.textChanged.connect(self._find_text_changed)
        self.find_bar.hide()
        self.find_bar.installEventFilter(self)
        self.find_bar.setAccessibleName(self.tr("Find tasks"))
        self.find_bar.setAccessibleDescription(
            self.tr("Shows only the tasks whose name or description contains the text; Esc closes")
        )
        self.legend = LegendBar(self)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.tabs)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.legend)
        self.setCentralWidget(central)

        self.problems = ProblemsPanel(self)
        self.problems.editors = self.session.editor
        self.problems.activated.connect(self.show_finding)
        self.problems.counts_changed.connect(self._counts_changed)
        self.task_panel = TaskPanel(self)
        self.task_panel.editors = self.session.editor
        self.role_panel = RolePanel(self)
        self.role_panel.editors = self.session.editor
        self.people_panel = PeoplePanel(self)
        self.people_panel.editors = self.session.editor
        self.duties_panel = RoleDutiesPanel(self)
        self.docks: dict[str, QDockWidget] = {}
        self._dock(
            "problems",
            self.tr("Problems"),
            self.problems,
            Qt.DockWidgetArea.BottomDockWidgetArea,
            self.tr("The checker's findings, live; Enter on a finding selects its cell"),
        )
        self._dock(
            "task",
            self.tr("Task"),
            self.task_panel,
            Qt.DockWidgetArea.RightDockWidgetArea,
            self.tr("Name, description and notes of the selected task"),
        )
        self._dock(
            "role",
            self.tr("Role"),
            self.role_panel,
            Qt.DockWidgetArea.RightDockWidgetArea,
            self.tr("Name, short label, description and colour of the selected role"),
        )
        self._dock(
            "duties",
            self.tr("What the role does"),
            self.duties_panel,
            Qt.DockWidgetArea.RightDockWidgetArea,
            self.tr("The tasks of the selected role, grouped by code"),
        )
        self._dock(
            "people",
            self.tr("People"),
            self.people_panel,
            Qt.DockWidgetArea.RightDockWidgetArea,
            self.tr("Who holds which roles, and staffing presets"),
        )
        self.tabifyDockWidget(self.docks["task"], self.docks["role"])
        self.tabifyDockWidget(self.docks["role"], self.docks["duties"])
        self.tabifyDockWidget(self.docks["duties"], self.docks["people"])
        self.docks["task"].raise_()
        self.resizeDocks([self.docks["problems"]], [170], Qt.Orientation.Vertical)
        self.resizeDocks([self.docks["task"]], [330], Qt.Orientation.Horizontal)

        self.counts_label = QLabel(self)
        self.counts_label.setAccessibleName(self.tr("Problem count"))
        self.statusBar().addPermanentWidget(self.counts_label)
        self.statusBar().setAccessibleName(self.tr("Status bar"))
        self.sync_label = QLabel(self)
        self.sync_label.setObjectName("sync-state")
        self.sync_label.setAccessibleName(self.tr("Shared workspace state"))
        self.statusBar().addPermanentWidget(self.sync_label)
        self.watcher = WorkspaceWatcher(self.session, self)
        self.autosaver = Autosaver(self._autosave_state, self)
        self.session.undo_stack.indexChanged.connect(self.autosaver.touch)
        self.session.modified_changed.connect(self._modified_changed)
        self.files: WindowFiles = WindowFiles(
            self, self.session, controller, self.watcher, self.autosaver
        )
        self.menus: WindowMenus = WindowMenus(self)
        #: Every action of the window's menus and toolbar, by a stable key.
        self.actions_by_key: dict[str, QAction] = self.menus.actions_by_key
        self.undo_action = self.menus.undo_action
        self.redo_action = self.menus.redo_action
        add_ctrl_y_to_redo(self.redo_action)
        self.toolbar = self.menus.toolbar
        self.menus.refresh_icons()
        self.matrix_actions = MatrixActions(self.session, self.tabs, self, lambda: self.matrix)
        self.matrix_actions.add_menu(self.menuBar(), self.actions_by_key)
        self._load_tabs()
        self.update_title()
        self.files.show_sync_state()
        self.resize(1200, 760)
        if self.session.modified:
            self.autosaver.touch()
        self.watcher.start()

    # ------------------------------------------------------------ set-up
    def _dock(
        self, key: str, title: str, widget: QWidget, area: Qt.DockWidgetArea, description: str
    ) -> None:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{key}")
        dock.setWidget(widget)
        dock.setAccessibleName(title)
        dock.setAccessibleDescription(description)
        widget.setAccessibleName(title)
        widget.setAccessibleDescription(description)
        self.addDockWidget(area, dock)
        self.docks[key] = dock

    # --------------------------------------------------------------- help
    def show_getting_started(self) -> None:
        from rolematrix.gui.help import GettingStartedDialog

        if self.controller is not None:
            self.controller.show_getting_started(self)
            return
        dialog = GettingStartedDialog(self)
        dialog.show()

    def show_about(self) -> None:
        from rolematrix.gui.help import AboutDialog

        AboutDialog(self).exec()

    def choose_language(self, choice: str) -> None:
        """View ▸ Language: remember the choice and switch every window to it now."""
        if self.controller is not None:
            # later: the switch replaces this window, whose menu is still handling the click
            QTimer.singleShot(0, partial(self.controller.set_language, choice))
            return
        settings().setValue(i18n.SETTING, choice)
        i18n.install(i18n.resolve(choice))

    # ------------------------------------------------------------ matrices
    def _load_tabs(self) -> None:
        matrices = self.session.document.matrices
        self.tabs.blockSignals(True)
        while self.tabs.count():
            self.tabs.removeTab(0)
        for matrix in matrices:
            self.tabs.addTab(matrix.name)
        self.tabs.blockSignals(False)
        self.tabs.setVisible(self.tabs.count() > 1)
        if self.matrix is not None and self.matrix in matrices:
            self.tabs.setCurrentIndex(matrices.index(self.matrix))
        elif matrices:
            self.show_matrix(matrices[0])

    def _tabs_current(self) -> bool:
        names = [self.tabs.tabText(i) for i in range(self.tabs.count())]
        return names == [m.name for m in self.session.document.matrices]

    def _tab_changed(self, index: int) -> None:
        matrices = self.session.document.matrices
        if 0 <= index < len(matrices):
            self.show_matrix(matrices[index])

    def show_matrix(self, matrix: Matrix) -> None:
        if self.matrix is matrix:
            return
        old = self.model
        self.matrix = matrix
        self.model = MatrixGridModel(matrix, self)
        self.grid.setModel(self.model)
        if old is not None:
            old.close()
            old.deleteLater()
        self.grid.selectionModel().currentChanged.connect(self._current_changed)
        self._watch_problems(matrix)
        for panel in (self.task_panel, self.role_panel, self.people_panel, self.duties_panel):
            panel.set_matrix(matrix)
        self.legend.set_matrix(matrix)
        index = self.session.document.matrices.index(matrix)
        if self.tabs.currentIndex() != index:
            self.tabs.setCurrentIndex(index)
        if self.model.rowCount() and self.model.columnCount():
            first = next((r for r in range(self.model.rowCount()) if self.model.task_at(r)), 0)
            self.grid.set_current(self.model.index(first, 0))
        if self.presentation is not None:
            self.presentation.close()

    def _watch_problems(self, matrix: Matrix) -> None:
        """Attach the checker: at once for ordinary matrices, just after the first paint for big ones.

        A full check of a 5,000 x 200 matrix and filling the problems panel with
        its findings take a good part of the time to open it; the grid is what
        the user came for, so it is painted first and the problems follow a
        moment later (the status bar says "Checking…" meanwhile).
        """
        if len(matrix.tasks) * len(matrix.roles) <= CHECK_AT_ONCE_CELLS:
            self.problems.set_checker(self.session.checker(matrix))
            return
        self.problems.set_checker(None)
        self.counts_label.setText(self.tr("Checking…"))
        self._pending_check = matrix
        AfterFirstPaint(self.grid.viewport(), self._attach_pending_checker)
        # a window that is never painted (hidden, minimised at start) still gets its problems
        QTimer.singleShot(CHECK_LATEST_MS, self._attach_pending_checker)

    def _attach_pending_checker(self) -> None:
        matrix, self._pending_check = self._pending_check, None
        if matrix is not None and self.matrix is matrix and not self._closed:
            self.problems.set_checker(self.session.checker(matrix))

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self.model is None:
            return
        task = self.model.task_at(current.row())
        role = self.model.role_at(current.column())
        self.task_panel.set_task(task.id if task else None)
        self.role_panel.set_role(role.id if role else None)
        self.duties_panel.set_role(role.id if role else None)
        if task is not None and role is not None:
            self.statusBar().showMessage(
                self.tr("{task} × {role}").format(
                    task=i18n.isolate(task.name), role=i18n.isolate(role.name)
                ),
                4000,
            )

    # ------------------------------------------------------------- edits
    def editor(self) -> Editor:
        """The current matrix's editor: every change the window makes goes through it."""
        return self.session.editor(self._require_matrix())

    def _report(self, result: EditResult) -> EditResult:
        """Explain in a dialog what the editor refused (names, mostly)."""
        for refusal in result.refusals:
            QMessageBox.warning(self, self.tr("RoleMatrix"), refusal_text(refusal))
        return result

    def _say_refusals(self, result: EditResult) -> EditResult:
        for refusal in result.refusals:
            self.show_status(refusal_text(refusal))
        return result

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 6000)

    def _counts_changed(self, counts: dict[str, int]) -> None:
        self.counts_label.setText(severity_counts_text(counts))

    def _require_matrix(self) -> Matrix:
        assert self.matrix is not None
        return self.matrix

    def _ask_name(self, title: str, label: str, text: str = "") -> str | None:
        name, ok = QInputDialog.getText(self, title, label, text=text)
        return name.strip() if ok and name.strip() else None

    def insert_task(self, name: str | None = None) -> None:
        matrix = self._require_matrix()
        if name is None:
            name = self._ask_name(
                self.tr("Insert task"),
                self.tr("Task name:"),
                matrix.unique_task_name(self.tr("New task")),
            )
        if not name:
            return
        current = self.grid.current_task()
        phase = self.grid.current_phase()
        if current is not None:
            phase = matrix.phase_of(current.id)
            index: int | None = phase.tasks.index(current) + 1
        else:
            index = None
        edit = self._report(
            self.editor().insert_task(name, phase.id if phase else None, index)
        ).edit
        if isinstance(edit, InsertTaskEdit) and edit.task_id is not None:
            # the cursor stays in its role's column: a letter typed next fills one cell
            role = self.grid.current_role()
            self.grid.select_cell(edit.task_id, role.id if role else None)

    def insert_role(self, name: str | None = None) -> None:
        matrix = self._require_matrix()
        if name is None:
            name = self._ask_name(
                self.tr("Insert role"),
                self.tr("Role name:"),
                matrix.unique_role_name(self.tr("New role")),
            )
        if not name:
            return
        column = self.grid.currentIndex().column()
        index = column + 1 if column >= 0 else None
        task = self.grid.current_task() or (matrix.tasks[0] if matrix.tasks else None)
        edit = self._report(self.editor().insert_role(name, index)).edit
        if isinstance(edit, InsertRoleEdit) and edit.role_id is not None and task is not None:
            self.grid.select_cell(task.id, edit.role_id)

    def insert_phase(self, name: str | None = None) -> None:
        matrix = self._require_matrix()
        if name is None:
            name = self._ask_name(
                self.tr("Insert phase"), self.tr("Phase name:"), self.tr("New phase")
            )
        if not name:
            return
        phase = self.grid.current_phase()
        index = matrix.phases.index(phase) + 1 if phase is not None else None
        edit = self.editor().insert_phase(name, index).edit
        if isinstance(edit, InsertPhaseEdit) and edit.phase_id is not None:
            self.grid.select_phase(edit.phase_id)  # the next Insert task goes into it

    def rename_task(self) -> None:
        task = self.grid.current_task()
        if task is not None and not self.grid.edit_name("task", task.id):
            self._rename_by_kind("task", task.id)

    def rename_role(self) -> None:
        role = self.grid.current_role() if self.model else None
        if role is not None and not self.grid.edit_name("role", role.id):
            self._rename_by_kind("role", role.id)

    def rename_phase(self) -> None:
        phase = self.grid.current_phase()
        if phase is not None and not self.grid.edit_name("phase", phase.id):
            self._rename_by_kind("phase", phase.id)

    def _rename_by_kind(self, kind: str, item_id: int, typed: str | None = None) -> None:
        """Rename after asking for the name, or to a name ``typed`` over a grid header (a
        refusal of which is said in the status bar, not in a dialog)."""
        matrix = self._require_matrix()
        ask = self._ask_name if typed is None else lambda *_: typed
        report = self._report if typed is None else self._say_refusals
        if kind == "task":
            old = matrix.task(item_id).name
            name = ask(self.tr("Rename task"), self.tr("Task name:"), old)
            if name is not None and name != old:
                report(self.editor().update_task(item_id, name=name))
        elif kind == "role":
            old = matrix.role(item_id).name
            name = ask(self.tr("Rename role"), self.tr("Role name:"), old)
            if name is not None and name != old:
                report(self.editor().update_role(item_id, name=name))
        elif kind == "phase":
            old = matrix.phase(item_id).name
            name = ask(self.tr("Rename phase"), self.tr("Phase name:"), old)
            if name and name != old:
                self.editor().rename_phase(item_id, name)

    def _selected_task_ids(self) -> list[int]:
        ids = list(dict.fromkeys(t for t, _ in self.grid.selected_cells()))
        if not ids and (task := self.grid.current_task()) is not None:
            ids = [task.id]
        return ids

    def _selected_role_ids(self) -> list[int]:
        return list(dict.fromkeys(r for _, r in self.grid.selected_cells()))

    def delete_tasks(self) -> None:
        self.editor().delete_tasks(self._selected_task_ids())

    def delete_roles(self) -> None:
        self.editor().delete_roles(self._selected_role_ids())

    def delete_phase(self) -> None:
        phase = self.grid.current_phase()
        if phase is None:
            return
        if phase.tasks:
            answer = QMessageBox.question(
                self,
                self.tr("Delete phase"),
                self.tr("Delete the phase “{name}” with its {count} tasks?").format(
                    name=phase.name, count=i18n.number(len(phase.tasks))
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.editor().delete_phase(phase.id)

    def move_task(self, step: int) -> None:
        matrix = self._require_matrix()
        task = self.grid.current_task()
        if task is None:
            return
        column = max(0, self.grid.currentIndex().column())
        phase = matrix.phase_of(task.id)
        index = phase.tasks.index(task) + step
        if 0 <= index < len(phase.tasks):
            self.editor().move_task(task.id, phase.id, index)
        else:
            # over the phase boundary: into the neighbouring phase
            p = matrix.phases.index(phase) + step
            if not 0 <= p < len(matrix.phases):
                return
            target = matrix.phases[p]
            self.editor().move_task(task.id, target.id, len(target.tasks) if step < 0 else 0)
        assert self.model is not None
        self.grid.set_current(self.model.index(self.model.row_of_task(task.id), column))

    def move_role_visually(self, towards_right: int) -> None:
        """Alt+Shift+Left/Right: move the role as the arrow points, in either reading direction."""
        rtl = self.grid.layoutDirection() == Qt.LayoutDirection.RightToLeft
        self.move_role(-towards_right if rtl else towards_right)

    def move_role(self, step: int) -> None:
        matrix = self._require_matrix()
        index = self.grid.currentIndex()
        role = self.model.role_at(index.column()) if self.model else None
        if role is None:
            return
        target = index.column() + step
        if 0 <= target < len(matrix.roles):
            self.editor().move_role(role.id, target)
            assert self.model is not None
            self.grid.set_current(self.model.index(index.row(), target))

    def cut(self) -> None:
        self.grid.copy_selection()
        self.grid.clear_selection_cells(cut=True)

    def show_find(self) -> None:
        self.find_bar.show()
        self.find_bar.setFocus()
        self.find_bar.selectAll()

    def _find_text_changed(self, text: str) -> None:
        self.grid.set_filter(text)
        if text.strip():
            count = len(self.grid.visible_tasks())
            if count == 0:
                note = self.tr("No task matches “{text}”").format(text=text.strip())
            elif count == 1:
                note = self.tr("One task matches — Enter goes to it")
            else:
                note = self.tr("{count} tasks match — Enter goes to the first").format(
                    count=i18n.number(count)
                )
            self.show_status(note)

    def eventFilter(self, watched: object, event: object) -> bool:
        if (
            watched is self.find_bar
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
        ):
            if event.key() == Qt.Key.Key_Escape:
                self.find_bar.clear()
                self.find_bar.hide()
                self.grid.setFocus()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down):
                # on to the matches, the filter staying on
                found = self.grid.visible_tasks()
                if found:
                    role = self.grid.current_role() or next(iter(self.grid.matrix.roles), None)
                    self.grid.select_cell(found[0].id, role.id if role else None)
                return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

    def collapse_all(self) -> None:
        if self.matrix is not None:
            self.grid.set_collapsed({p.id for p in self.matrix.phases})

    def expand_all(self) -> None:
        self.grid.set_collapsed(set())

    def show_finding(self, finding: Finding) -> None:
        """Select what the finding is about: its cell, its task row or its role column."""
        if finding.person_id is not None and finding.task_id is None and finding.role_id is None:
            self.docks["people"].show()
            self.docks["people"].raise_()
            return
        self.grid.select_cell(finding.task_id, finding.role_id)

    # ------------------------------------------------- files and workspace
    def save(self) -> bool:
        return self.files.save()

    def save_as(self, target: str | None = None) -> bool:
        return self.files.save_as(target)

    def refresh_from_workspace(self) -> None:
        self.files.refresh_from_workspace()

    def show_cell_history(self) -> None:
        self.files.show_cell_history()

    def show_matrix_history(self) -> None:
        self.files.show_matrix_history()

    def follow_document(self) -> None:
        """Show the document's matrices again after others' saves added, removed or renamed some."""
        if self.matrix is not None and self.matrix not in self.session.document.matrices:
            self.matrix = None
        if not self._tabs_current() or self.matrix is None:
            self._load_tabs()
        if self.matrix is not None:
            self.legend.set_matrix(self.matrix)

    # ----------------------------------------------------------- keyboard
    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (
            QEvent.Type.PaletteChange,
            QEvent.Type.ApplicationPaletteChange,
            QEvent.Type.LayoutDirectionChange,
        ) and hasattr(self, "menus"):
            self.menus.refresh_icons()
        super().changeEvent(event)

    def _pane_widgets(self) -> list[tuple[str, QWidget]]:
        panes: list[tuple[str, QWidget]] = [("grid", self.grid)]
        panes += [(key, dock.widget()) for key, dock in self.docks.items()]
        return panes

    def focus_pane(self, key: str) -> None:
        """Show a panel (raising it over the panels tabbed with it) and put the focus in it."""
        if key == "grid":
            self.grid.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        dock = self.docks[key]
        dock.show()
        dock.raise_()
        widget = dock.widget()
        targets: dict[str, QWidget] = {
            "problems": self.problems.tree,
            "task": self.task_panel.name,
            "role": self.role_panel.name,
            "duties": self.duties_panel.tree,
            "people": self.people_panel.people,
        }
        target = targets.get(key, widget)
        if not target.isEnabled():
            target = widget  # nothing selected to edit: the panel itself takes the focus
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def current_pane(self) -> str:
        focus = QApplication.focusWidget()
        for key, widget in self._pane_widgets():
            if focus is not None and (focus is widget or widget.isAncestorOf(focus)):
                return key
        return "grid"

    def cycle_pane(self, step: int) -> None:
        """F6 / Shift+F6: on to the next visible panel, as in most desktop applications."""
        keys = [k for k, _ in self._pane_widgets() if k == "grid" or self.docks[k].isVisible()]
        current = self.current_pane()
        index = keys.index(current) if current in keys else 0
        self.focus_pane(keys[(index + step) % len(keys)])

    # ------------------------------------------------------- view state
    def view_state(self) -> ViewState:
        """The matrix on screen, current cell, selection, folded phases, filter, scroll, zoom."""
        grid = self.grid
        current = grid.currentIndex()
        selection = grid.selectionModel().selection() if self.model is not None else None
        ranges = (
            tuple(
                (r.top(), r.left(), r.bottom(), r.right())
                for r in (selection.at(i) for i in range(selection.count()))
            )
            if selection is not None
            else ()
        )
        return ViewState(
            matrix=self.matrix,
            current=(current.row(), current.column()) if current.isValid() else (-1, -1),
            ranges=ranges,
            collapsed=frozenset(grid.collapsed),
            find_text=self.find_bar.text() if self.find_bar.isVisible() else "",
            scroll=(grid.horizontalScrollBar().value(), grid.verticalScrollBar().value()),
            zoom=grid.zoom_steps,
        )

    def restore_view(self, state: ViewState) -> None:
        """Show exactly what ``state`` saw: the same cell current, the same cells selected.

        The cell is restored by its row and column, never by its task and role:
        a phase row has no task, and selecting "no task" meant the whole column.
        The scroll position follows once the window has its size (call again
        after showing it).
        """
        grid = self.grid
        if state.zoom:
            grid.zoom(state.zoom)
        if state.matrix is not None and state.matrix is not self.matrix:
            self.show_matrix(state.matrix)
        model = self.model
        if model is None or state.matrix is not self.matrix:
            return
        grid.set_collapsed(set(state.collapsed))
        if state.find_text:
            self.find_bar.setText(state.find_text)
            self.find_bar.show()
        rows, columns = model.rowCount(), model.columnCount()
        selection = QItemSelection()
        for top, left, bottom, right in state.ranges:
            if bottom < rows and right < columns:
                selection.select(model.index(top, left), model.index(bottom, right))
        row, column = state.current
        chooser = grid.selectionModel()
        if 0 <= row < rows and 0 <= column < columns:
            chooser.setCurrentIndex(
                model.index(row, column), QItemSelectionModel.SelectionFlag.NoUpdate
            )
        chooser.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.restore_scroll(state)

    def restore_scroll(self, state: ViewState) -> None:
        horizontal, vertical = state.scroll
        self.grid.horizontalScrollBar().setValue(horizontal)
        self.grid.verticalScrollBar().setValue(vertical)

    # ------------------------------------------------------------ title
    def update_title(self) -> None:
        if self.session.readonly:
            title = self.tr("{title}[*] (read-only) — RoleMatrix")
        else:
            title = self.tr("{title}[*] — RoleMatrix")
        self.setWindowTitle(title.format(title=self.session.title))
        self.setWindowModified(self.session.modified)

    def _modified_changed(self, modified: bool) -> None:
        self.setWindowModified(modified)
        if not modified:
            self.autosaver.discard()

    def _autosave_state(self) -> tuple[object, str, str, bool]:
        return self.session.document, self.session.origin, self.session.title, self.session.modified

    # ---------------------------------------------------------- presenting
    def present(self) -> None:
        from rolematrix.gui.presentation import PresentationWindow

        if self.matrix is None:
            return
        if self.presentation is not None:
            self.presentation.close()
        self.presentation = PresentationWindow(self.matrix, self.session.checker(self.matrix), self)
        self.presentation.closed.connect(self._presentation_closed)
        task = self.grid.current_task()
        if task is not None:
            self.presentation.highlight_task(task.id)
        self.presentation.start()

    def _presentation_closed(self) -> None:
        self.presentation = None
        self.activateWindow()
        self.grid.setFocus()

    # ----------------------------------------------------------- closing
    def maybe_save(self) -> bool:
        """Ask what to do with unsaved changes. True when the window may close."""
        if not self.session.modified:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("Save the changes to “{title}” before closing?").format(
                title=self.session.title
            ),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event: QCloseEvent) -> None:
        handing_over = self._handed_over
        if not handing_over and not self._closing_confirmed and not self.maybe_save():
            event.ignore()
            return
        if self.presentation is not None:
            self.presentation.close()
        self.watcher.stop()
        self._closed = True
        self.autosaver.discard()
        if self.controller is not None and not handing_over:
            self.controller.window_closed(self)
        if self.model is not None:
            self.model.close()
        for panel in (self.task_panel, self.role_panel, self.people_panel, self.duties_panel):
            panel.set_matrix(None)
        self.problems.set_checker(None)
        self.matrix_actions.close()
        if not handing_over:
            self.session.close()
        event.accept()

    def hand_over(self) -> None:
        """Close this window but keep its document open: a new window takes the session.

        Used when the interface language changes, so every text is built anew in
        the new language while the document, its undo history and its unsaved
        changes carry on in the new window.
        """
        self._handed_over = True
        self.session.undo_stack.indexChanged.disconnect(self.autosaver.touch)
        self.session.modified_changed.disconnect(self._modified_changed)
        self.close()

    def quit_all(self) -> None:
        if self.controller is not None:
            QTimer.singleShot(0, self.controller.quit)
        else:
            self.close()
