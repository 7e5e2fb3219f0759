"""The window's document and where it lives: open, save, import, export, the shared workspace.

An object of its own beside the window (``window.files``): saving is where
the store's typed errors meet the user -- a conflict with others' work, a
file changed by another program, a server that went away -- and each gets a
dialog that keeps the user's work and offers a way on. The shared-workspace
half follows what others saved (polled by :class:`WorkspaceWatcher`) and
shows the recorded history of a cell or a matrix.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from rolematrix.gui import i18n
from rolematrix.gui.autosave import Autosaver
from rolematrix.gui.session import DocumentSession
from rolematrix.gui.workspace_watch import WorkspaceWatcher

if TYPE_CHECKING:
    from rolematrix.core.history import Conflict, RefreshResult, RemoteChange, Resolution
    from rolematrix.core.model import Matrix
    from rolematrix.gui.main_window import MainWindow


def document_filter() -> str:
    return QCoreApplication.translate(
        "MainWindow", "RoleMatrix documents (*.rolematrix);;All files (*)"
    )


def import_filter() -> str:
    return QCoreApplication.translate(
        "MainWindow",
        "Spreadsheets and data (*.xlsx *.csv *.json);;Excel workbook (*.xlsx);;CSV (*.csv);;"
        "JSON (*.json)",
    )


def export_filters() -> dict[str, str]:
    """File-dialog filter → the suffix it stands for."""
    return {
        QCoreApplication.translate("MainWindow", "Excel workbook (*.xlsx)"): ".xlsx",
        QCoreApplication.translate("MainWindow", "PDF matrix (*.pdf)"): ".pdf",
        QCoreApplication.translate("MainWindow", "CSV, one row per cell (*.csv)"): ".csv",
        QCoreApplication.translate("MainWindow", "RoleMatrix JSON (*.json)"): ".json",
    }


class DocumentHost(Protocol):
    """What the file actions need from the application: other windows, recent documents."""

    def show_gallery(self, parent: QWidget | None = None) -> object: ...

    def open_target(self, target: str, parent: QWidget | None = None) -> object: ...

    def ask_workspace(self, parent: QWidget | None = None) -> object: ...

    def import_file(self, path: str, parent: QWidget | None = None) -> object: ...

    def recent_files(self) -> list[str]: ...

    def add_recent(self, target: str) -> None: ...


class WindowFiles(QObject):
    """Opens, saves, imports and exports for a window; keeps it in step with its workspace.

    Its dependencies come in through the constructor: the session it saves,
    the application that opens other documents (``host``; None for a window
    on its own, as in tests), the watcher to pause while saving, the autosaver
    to discard after a save, and the window whose tabs and grid follow what
    others saved.
    """

    def __init__(
        self,
        window: MainWindow,
        session: DocumentSession,
        host: DocumentHost | None,
        watcher: WorkspaceWatcher,
        autosaver: Autosaver,
    ) -> None:
        super().__init__(window)
        self._window = window
        self.session = session
        self._host = host
        self._watcher = watcher
        self._autosaver = autosaver
        #: conflicts with others' work the next save must settle
        self.open_conflicts = 0
        watcher.remoteChangesFound.connect(self._remote_changes_found)
        watcher.connectionLost.connect(self._connection_lost)
        watcher.connectionRestored.connect(self._connection_restored)

    def _status(self, text: str) -> None:
        self._window.show_status(text)

    # ------------------------------------------------------------- files
    def new(self) -> None:
        if self._host is not None:
            self._host.show_gallery(self._window)

    def open(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self._window, self.tr("Open document"), "", document_filter()
        )
        if path and self._host is not None:
            self._host.open_target(path, parent=self._window)

    def open_workspace(self) -> None:
        if self._host is not None:
            self._host.ask_workspace(self._window)

    def fill_recent(self) -> None:
        menu = self._window.menus.recent_menu
        menu.clear()
        host = self._host
        recent = host.recent_files() if host is not None else []
        if not recent:
            menu.addAction(self.tr("(none)")).setEnabled(False)
        for target in recent:
            action = menu.addAction(i18n.isolate(target.replace("&", "&&")))
            action.triggered.connect(
                lambda checked=False, t=target: (
                    host.open_target(t, parent=self._window) if host is not None else None
                )
            )

    def save(self) -> bool:
        if self.session.store is None or self.session.readonly:
            return self.save_as()
        self._watcher.pause()
        try:
            return self._save_here()
        finally:
            self._watcher.resume()

    def _save_here(self, resolutions: dict[Conflict, Resolution] | None = None) -> bool:
        """Save where the document came from; settle conflicts and lost servers with the user."""
        from rolematrix.gui.conflict_dialog import ConflictDialog
        from rolematrix.store import ConflictError, ConnectionFailedError, MergeConflictError

        target = str(self.session.origin)
        try:
            saved = self._store_call(
                lambda: self.session.save(resolutions=resolutions),
                target,
                passing=(ConflictError, ConnectionFailedError),
            )
        except MergeConflictError as exc:
            self.after_sync(None)
            dialog = ConflictDialog(exc.conflicts, self.session.title, self._window)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                self.open_conflicts = len(exc.conflicts)
                self.show_sync_state()
                self._status(self.tr("Not saved: the conflicts are still open."))
                return False
            return self._save_here(dialog.resolutions())
        except ConnectionFailedError as exc:
            return self._offer_local_copy(str(exc))
        except ConflictError as exc:
            return self._changed_elsewhere(str(exc))
        if saved:
            self.open_conflicts = 0
            self.show_sync_state()
            store = self.session.store
            merged = self.after_sync(store.last_merge if store is not None else None)
            if merged:
                self._status(
                    self.tr("Saved, with the changes {who} made meanwhile").format(who=merged)
                )
        return saved

    def _offer_local_copy(self, problem: str) -> bool:
        """The server is gone: the work stays in the window, and can go to a file meanwhile."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Could not reach the workspace"),
            self.tr(
                "{problem}\n\nNothing was lost: your changes are still here. Save again when "
                "the server is back, or save a copy to a file on this computer now."
            ).format(problem=problem),
            QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Cancel,
            self._window,
        )
        local = box.addButton(self.tr("Save a &local copy…"), QMessageBox.ButtonRole.ActionRole)
        box.setDefaultButton(QMessageBox.StandardButton.Retry)
        answer = box.exec()
        if box.clickedButton() is local:
            return self.save_as()
        if answer == QMessageBox.StandardButton.Retry:
            return self._save_here()
        return False

    def _changed_elsewhere(self, problem: str) -> bool:
        """Someone else changed the file (or took a matrix name): never overwrite silently."""
        if self.session.shared:
            QMessageBox.warning(self._window, self.tr("Not saved"), problem)
            return False
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("The file was changed by another program"),
            self.tr(
                "{problem}\n\nOverwrite it with your version, or save yours under another name?"
            ).format(problem=problem),
            QMessageBox.StandardButton.Cancel,
            self._window,
        )
        overwrite = box.addButton(self.tr("&Overwrite"), QMessageBox.ButtonRole.DestructiveRole)
        elsewhere = box.addButton(self.tr("Save &as…"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is overwrite:
            return self._store_call(lambda: self.session.save(force=True), str(self.session.origin))
        if box.clickedButton() is elsewhere:
            return self.save_as()
        return False

    def save_as(self, target: str | None = None) -> bool:
        if target is None:
            suggested = (
                self.session.origin
                if self.session.origin and "://" not in self.session.origin
                else ""
            )
            if not suggested:
                suggested = str(Path.home() / f"{self.session.title}.rolematrix")
            target, _ = QFileDialog.getSaveFileName(
                self._window, self.tr("Save document as"), suggested, document_filter()
            )
            if not target:
                return False
            if "://" not in target and not Path(target).suffix:
                target += ".rolematrix"
        chosen = target
        ok = self._store_call(lambda: self.session.save_as(chosen), chosen)
        if ok:
            self._window.update_title()
            self.show_sync_state()
            if self._host is not None:
                self._host.add_recent(str(self.session.origin))
        return ok

    def _store_call(
        self,
        call: Callable[[], object],
        target: str,
        passing: tuple[type[Exception], ...] = (),
        *,
        saved_here: bool = True,
    ) -> bool:
        """Run a save; show its failure (unless the caller handles it: ``passing``)."""
        from rolematrix.store import StoreError, without_password

        shown = without_password(target)  # a typed address may hold a password
        try:
            call()
        except passing:
            raise
        except StoreError as exc:
            QMessageBox.critical(self._window, self.tr("Could not save"), f"{shown}\n\n{exc}")
            return False
        except OSError as exc:
            QMessageBox.critical(
                self._window, self.tr("Could not save"), f"{shown}\n\n{exc.strerror or exc}"
            )
            return False
        if not saved_here:
            return True
        self._autosaver.discard()
        self._window.update_title()
        self._window.statusBar().showMessage(
            self.tr("Saved {title}").format(title=i18n.isolate(self.session.title)), 4000
        )
        return True

    def save_to_workspace(self, address: str | None = None) -> bool:
        """File ▸ Save to shared workspace: copy the matrices into a workspace, as ``rolematrix copy``.

        The window goes on editing its own document. A matrix of the same name
        (ignoring case) in the workspace belongs to a colleague: it is replaced
        only when the user says so, and otherwise nothing is written.
        """
        from rolematrix.gui.workspace_address import WorkspaceAddressDialog
        from rolematrix.store import without_password

        if address is None:
            dialog = WorkspaceAddressDialog(self._window, saving=True)
            if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.url():
                return False
            address = dialog.url()
        target = address
        copied: list[str] = []
        ok = self._store_call(
            lambda: copied.extend(self._copy_into(target)), target, saved_here=False
        )
        if ok and copied:
            shown = without_password(target)
            if self._host is not None:
                self._host.add_recent(shown)
            self._status(
                self.tr("Copied {matrices} to {workspace}").format(
                    matrices=", ".join(f"“{i18n.isolate(name)}”" for name in copied),
                    workspace=i18n.isolate(shown),
                )
            )
        return ok and bool(copied)

    def _copy_into(self, target: str) -> list[str]:
        """Add this document's matrices to the workspace at ``target``; the names copied.

        Nothing is written when a clash is not to be replaced. The matrices are
        copies (through a snapshot file), so the document on screen and its
        undo history stay untouched.
        """
        import tempfile

        from rolematrix.store import DocumentStore

        with tempfile.TemporaryDirectory() as folder:
            snapshot = Path(folder) / "copy.rolematrix"
            DocumentStore.write_snapshot(self.session.document, snapshot)
            with DocumentStore.open(snapshot, readonly=True) as source:
                matrices = source.load().matrices
        with DocumentStore.open(target) as store:
            destination = store.load()
            taken = {m.name.casefold(): m for m in destination.matrices}
            clashes = [m.name for m in matrices if m.name.casefold() in taken]
            if clashes and not self._replace_allowed(clashes, store.display_name):
                return []
            for matrix in matrices:
                old = taken.get(matrix.name.casefold())
                if old is not None:
                    destination.matrices.remove(old)
                destination.add(matrix)
            store.save(destination)
        return [m.name for m in matrices]

    def _replace_allowed(self, names: list[str], workspace: str) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Matrix already in the workspace"),
            self.tr(
                "{workspace} already holds a matrix named {names}.\n\n"
                "Replace it with yours? The colleagues' version stays in the history."
            ).format(
                workspace=i18n.isolate(workspace),
                names=", ".join(f"“{i18n.isolate(n)}”" for n in names),
            ),
            QMessageBox.StandardButton.Cancel,
            self._window,
        )
        replace = box.addButton(self.tr("&Replace"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is replace:
            return True
        self._status(self.tr("Not copied: the workspace keeps its matrix."))
        return False

    def import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self._window, self.tr("Import"), "", import_filter())
        if path and self._host is not None:
            self._host.import_file(path, parent=self._window)

    def export(self, handbook: bool = False) -> None:
        from rolematrix.io.dispatch import write_any
        from rolematrix.io.report import ExportError

        matrix = self._window.matrix
        if matrix is None:
            return
        base = (
            Path(self.session.origin).stem
            if self.session.origin and "://" not in self.session.origin
            else matrix.name
        )
        if handbook:
            path, _ = QFileDialog.getSaveFileName(
                self._window,
                self.tr("Export handbook"),
                self.tr("{name} handbook.pdf").format(name=base),
                self.tr("PDF (*.pdf)"),
            )
        else:
            suffixes = export_filters()
            path, chosen = QFileDialog.getSaveFileName(
                self._window, self.tr("Export"), f"{base}.xlsx", ";;".join(suffixes)
            )
            if path and not Path(path).suffix:
                path += suffixes.get(chosen, ".xlsx")
        if not path:
            return
        only = (
            matrix.name
            if handbook
            or (len(self.session.document.matrices) > 1 and Path(path).suffix.lower() == ".pdf")
            else None
        )
        try:
            write_any(self.session.document, path, matrix_name=only, handbook=handbook)
        except (ExportError, OSError, ImportError) as exc:
            QMessageBox.critical(self._window, self.tr("Could not export"), f"{path}\n\n{exc}")
            return
        self._window.statusBar().showMessage(
            self.tr("Exported {path}").format(path=i18n.isolate(path)), 5000
        )

    # ---------------------------------------------------- shared workspace
    def _remote_changes_found(self, changes: list[RemoteChange]) -> None:
        self.refresh_from_workspace()

    def refresh_from_workspace(self) -> None:
        """Bring in what others saved; my unsaved edits and my undo history stay."""
        from rolematrix.store import StoreError

        if not self.session.shared:
            self._status(self.tr("This document is not in a shared workspace."))
            return
        try:
            result = self.session.refresh()
        except StoreError as exc:
            self._connection_lost(str(exc))
            return
        self.after_sync(result)
        self.open_conflicts = len(result.conflicts)
        self.show_sync_state()
        if result.changes:
            names = sorted({change.who for change in result.changes if change.who})
            matrices = sorted({change.matrix for change in result.changes})
            self._status(
                self.tr("{who} saved changes to {matrices}").format(
                    who=", ".join(i18n.isolate(n) for n in names) or self.tr("Someone"),
                    matrices=", ".join(f"“{i18n.isolate(m)}”" for m in matrices),
                )
            )

    def after_sync(self, result: RefreshResult | None) -> str:
        """Follow what others' saves did to the document; who they were ("" if nobody).

        Matrices they added, removed or renamed show in the tabs; the cells they
        changed in the matrix on screen get a flag saying who and when.
        """
        window = self._window
        window.follow_document()
        if result is None or not result.changes:
            return ""
        if window.model is not None and window.matrix is not None:
            window.model.mark_changed_by_others(self._change_notes(result, window.matrix))
        return ", ".join(sorted({c.who for c in result.changes if c.who}))

    def _change_notes(self, result: RefreshResult, shown: Matrix) -> dict[tuple[int, int], str]:
        """For each cell of the matrix on screen that others changed: "Changed by ann, 11:40"."""
        changed = {key for matrix, key in result.cells if matrix is shown}
        notes: dict[tuple[int, int], str] = {}
        for change in result.changes:
            for entry in change.entries:
                key = (entry.task_id, entry.role_id)
                if entry.kind == "cell" and key in changed:
                    notes[key] = self.tr("Changed by {who}, {when}").format(
                        who=entry.who, when=f"{entry.at.astimezone():%H:%M}"
                    )
        for key in changed - notes.keys():
            notes[key] = self.tr("Changed by someone else")
        return notes

    def _connection_lost(self, problem: str) -> None:
        label = self._window.sync_label
        label.setText(self.tr("Workspace unreachable — your work is kept"))
        label.setToolTip(problem)
        self._status(problem)

    def _connection_restored(self) -> None:
        self.show_sync_state()
        self._status(self.tr("The workspace answers again."))

    def show_sync_state(self) -> None:
        self._window.menus.update_enabled()
        label = self._window.sync_label
        if not self.session.shared:
            label.clear()
            label.hide()
            return
        label.show()
        label.setToolTip(self.session.origin)
        if self.open_conflicts:
            label.setText(
                self.tr("Shared — {count} conflicts to settle when you save").format(
                    count=self.open_conflicts
                )
            )
        else:
            label.setText(self.tr("Shared workspace"))

    def show_cell_history(self) -> None:
        window = self._window
        task = window.grid.current_task()
        index = window.grid.currentIndex()
        model = window.model
        role = model.role_at(index.column()) if model is not None and index.isValid() else None
        if window.matrix is None or task is None or role is None:
            self._status(self.tr("Select a cell to see its history."))
            return
        title = self.tr("History of {task} × {role}").format(
            task=i18n.isolate(task.name), role=i18n.isolate(role.name)
        )
        self._show_history(title, task=task.id, role=role.id)

    def show_matrix_history(self) -> None:
        matrix = self._window.matrix
        if matrix is None:
            return
        title = self.tr("History of “{matrix}”").format(matrix=i18n.isolate(matrix.name))
        self._show_history(title, limit=2000)

    def _show_history(
        self, title: str, task: int | None = None, role: int | None = None, limit: int | None = None
    ) -> None:
        from rolematrix.store import StoreError

        store = self.session.store
        matrix = self._window.matrix
        if store is None or matrix is None:
            QMessageBox.information(
                self._window,
                title,
                self.tr("Changes are recorded when the document is saved. Save it first."),
            )
            return
        try:
            entries = store.history(matrix=matrix, task=task, role=role, limit=limit)
        except StoreError as exc:
            QMessageBox.critical(self._window, title, str(exc))
            return
        from rolematrix.gui.history_view import HistoryDialog

        dialog = HistoryDialog(title, entries, matrix, self._window)
        dialog.exec()
