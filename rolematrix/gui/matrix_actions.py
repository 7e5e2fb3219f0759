"""The Matrix menu and the matrix tabs: new, properties, duplicate, delete, move, rename.

Kept apart from the window so the window only creates it and places its menu.
Every change goes through the core editors onto the session's undo stack; the
tabs are not changed by the actions but follow the document's and the
matrices' events, so undo and redo put them back as well.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMenu, QMenuBar, QMessageBox, QTabBar, QWidget

from rolematrix.core.editor import DocumentEditor, EditResult
from rolematrix.core.model import DocumentEvent, Matrix, MatrixEvent
from rolematrix.gui import i18n
from rolematrix.gui.matrix_dialogs import MatrixPropertiesDialog, NewMatrixDialog
from rolematrix.gui.session import DocumentSession
from rolematrix.gui.undo import UndoRecorder, refusal_text
from rolematrix.gui.window_menus import describe


class MatrixActions(QObject):
    """The actions on a document's matrices, and the tab bar kept in step with them."""

    def __init__(
        self,
        session: DocumentSession,
        tabs: QTabBar,
        parent: QWidget,
        current: Callable[[], Matrix | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.tabs = tabs
        self.window = parent
        self._current = current
        self.documents = DocumentEditor(session.document, UndoRecorder(session.undo_stack))
        self.actions: dict[str, QAction] = {}
        self._shown: list[Matrix] = list(session.document.matrices)
        self._unsubscribe = [session.document.subscribe(self._document_changed)]
        self._watched: dict[int, Callable[[], None]] = {}
        for matrix in session.document.matrices:
            self._watch(matrix)
        tabs.tabBarDoubleClicked.connect(self._tab_double_clicked)
        tabs.currentChanged.connect(lambda _index: self._enable())
        self._make_actions()

    # ------------------------------------------------------------ actions
    def _make_actions(self) -> None:
        items: list[tuple[str, str, Callable[[], object], str]] = [
            (
                "matrix-new",
                self.tr("&New matrix…"),
                self.new_matrix,
                self.tr("Add a blank matrix, in any scheme, to this document"),
            ),
            (
                "matrix-properties",
                self.tr("Matrix &properties…"),
                self.edit_properties,
                self.tr("Name, description, scheme, rule profile and thresholds of this matrix"),
            ),
            (
                "matrix-rename",
                self.tr("&Rename matrix…"),
                self.rename_current,
                self.tr("Give this matrix another name (or double-click its tab)"),
            ),
            (
                "matrix-duplicate",
                self.tr("&Duplicate matrix"),
                self.duplicate_current,
                self.tr("Add a copy of this matrix with all its tasks, roles and codes"),
            ),
            (
                "matrix-delete",
                self.tr("De&lete matrix"),
                self.delete_current,
                self.tr("Remove this matrix from the document (Undo brings it back)"),
            ),
            (
                "matrix-move-left",
                self.tr("Move matrix &left"),
                lambda: self.move_current(-1),
                self.tr("Show this matrix one tab earlier"),
            ),
            (
                "matrix-move-right",
                self.tr("Move matrix &right"),
                lambda: self.move_current(1),
                self.tr("Show this matrix one tab later"),
            ),
        ]
        for key, text, slot, tip in items:
            action = QAction(text, self.window)
            action.setObjectName(f"action-{key}")
            describe(action, tip)
            action.triggered.connect(lambda checked=False, slot=slot: slot())
            self.actions[key] = action
        self._enable()

    def add_menu(self, bar: QMenuBar, actions_by_key: dict[str, QAction] | None = None) -> QMenu:
        """A "Matrix" menu on ``bar`` (before Help, if there is one) holding every action."""
        menu = QMenu(self.tr("M&atrix"), bar)
        menu.setObjectName("menu-matrix")
        menu.aboutToShow.connect(self._enable)
        for key, action in self.actions.items():
            if key in ("matrix-duplicate", "matrix-move-left"):
                menu.addSeparator()
            menu.addAction(action)
        before = next(
            (
                a
                for a in bar.actions()
                if a.menu() is not None and a.menu().objectName() == "menu-help"
            ),
            None,
        )
        if before is None:
            bar.addMenu(menu)
        else:
            bar.insertMenu(before, menu)
        if actions_by_key is not None:
            actions_by_key.update(self.actions)
        return menu

    def close(self) -> None:
        """Stop following the document (its session may live on in another window)."""
        for unsubscribe in [*self._unsubscribe, *self._watched.values()]:
            unsubscribe()
        self._unsubscribe.clear()
        self._watched.clear()

    # ------------------------------------------------------------ helpers
    def current(self) -> Matrix | None:
        if self._current is not None:
            return self._current()
        index = self.tabs.currentIndex()
        return self._shown[index] if 0 <= index < len(self._shown) else None

    def _report(self, result: EditResult) -> EditResult:
        for refusal in result.refusals:
            QMessageBox.warning(self.window, self.tr("RoleMatrix"), refusal_text(refusal))
        return result

    def _show(self, matrix: Matrix) -> None:
        matrices = self.session.document.matrices
        if matrix in matrices:
            self.tabs.setCurrentIndex(matrices.index(matrix))

    def _enable(self) -> None:
        """What can be done to the current matrix (judged again when the tab or menu changes)."""
        matrices = self.session.document.matrices
        matrix = self.current()
        index = matrices.index(matrix) if matrix in matrices else self.tabs.currentIndex()
        editable = not self.session.readonly
        for key, action in self.actions.items():
            action.setEnabled(editable and (key == "matrix-new" or bool(matrices)))
        self.actions["matrix-delete"].setEnabled(editable and len(matrices) > 1)
        self.actions["matrix-move-left"].setEnabled(editable and index > 0)
        self.actions["matrix-move-right"].setEnabled(editable and 0 <= index < len(matrices) - 1)

    # ------------------------------------------------------------ the edits
    def new_matrix(self) -> Matrix | None:
        dialog = NewMatrixDialog(self.documents, self.window)
        if not dialog.exec():
            return None
        added = self.session.document.matrices[-1]
        self._show(added)
        return added

    def edit_properties(self) -> None:
        matrix = self.current()
        if matrix is None:
            return
        dialog = MatrixPropertiesDialog(
            matrix, self.session.editor(matrix), self.documents, self.window
        )
        if dialog.exec() and dialog.foreign_cells:
            self._status(
                self.tr("{count} cells hold codes {scheme} lacks; the checker lists them.").format(
                    count=i18n.number(dialog.foreign_cells), scheme=matrix.scheme.id
                )
            )

    def _status(self, text: str) -> None:
        status = getattr(self.window, "statusBar", None)
        if callable(status):
            status().showMessage(text, 6000)

    def rename(self, matrix: Matrix) -> None:
        name, ok = QInputDialog.getText(
            self.window, self.tr("Rename matrix"), self.tr("Matrix name:"), text=matrix.name
        )
        if ok:
            self._report(self.documents.rename(matrix, name))

    def rename_current(self) -> None:
        matrix = self.current()
        if matrix is not None:
            self.rename(matrix)

    def _tab_double_clicked(self, index: int) -> None:
        if 0 <= index < len(self._shown) and not self.session.readonly:
            self.rename(self._shown[index])

    def duplicate_current(self) -> None:
        matrix = self.current()
        if matrix is None:
            return
        result = self._report(self.documents.duplicate(matrix))
        if result.edit is not None:
            self._show(result.edit.matrix)

    def delete_current(self) -> None:
        matrix = self.current()
        if matrix is None:
            return
        if matrix.tasks:
            answer = QMessageBox.question(
                self.window,
                self.tr("Delete matrix"),
                self.tr(
                    "Delete the matrix {name} with its {count} tasks? Undo brings it back."
                ).format(name=i18n.isolate(matrix.name), count=i18n.number(len(matrix.tasks))),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._report(self.documents.delete(matrix))

    def move_current(self, step: int) -> None:
        matrix = self.current()
        if matrix is None:
            return
        index = self.session.document.matrices.index(matrix) + step
        if 0 <= index < len(self.session.document.matrices):
            self._report(self.documents.move(matrix, index))

    # ------------------------------------------------------------ the tabs
    def _watch(self, matrix: Matrix) -> None:
        if id(matrix) not in self._watched:

            def renamed(event: MatrixEvent) -> None:
                if event.kind == "matrix-update" and event.stage == "after":
                    self.sync_tabs()

            self._watched[id(matrix)] = matrix.subscribe(renamed)

    def _document_changed(self, event: DocumentEvent) -> None:
        if event.kind == "matrix-insert":
            self._watch(event.matrix)
        self.sync_tabs()

    def sync_tabs(self) -> None:
        """Make the tabs show the document's matrices, keeping the current one if it is still
        there (else its neighbour), and tell the window when the current matrix changed."""
        tabs = self.tabs
        matrices = list(self.session.document.matrices)
        shown = self.current()
        old_index = tabs.currentIndex()
        tabs.blockSignals(True)
        try:
            while tabs.count() > len(matrices):
                tabs.removeTab(tabs.count() - 1)
            for index, matrix in enumerate(matrices):
                if index < tabs.count():
                    tabs.setTabText(index, matrix.name)
                else:
                    tabs.addTab(matrix.name)
            if shown in matrices:
                wanted = matrices.index(shown)
            else:
                wanted = min(max(old_index, 0), len(matrices) - 1)
            tabs.setCurrentIndex(wanted)
        finally:
            tabs.blockSignals(False)
        tabs.setVisible(tabs.count() > 1)
        self._shown = matrices
        if matrices and matrices[wanted] is not shown:
            tabs.currentChanged.emit(wanted)
        self._enable()
