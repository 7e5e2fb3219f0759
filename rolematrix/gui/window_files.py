"""The window's document and where it lives: open, save, import, export, the shared workspace.

A mixin of :class:`MainWindow`, as :class:`WindowMenus` is: saving is where
the store's typed errors meet the user -- a conflict with others' work, a
file changed by another program, a server that went away -- and each gets a
dialog that keeps the user's work and offers a way on. The shared-workspace
half follows what others saved (polled by :class:`WorkspaceWatcher`) and
shows the recorded history of a cell or a matrix.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from rolematrix.gui import i18n

if TYPE_CHECKING:
    from rolematrix.core.history import Conflict, RefreshResult, RemoteChange, Resolution


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


class WindowFiles:
    """Opens, saves, imports and exports for a MainWindow; keeps it in step with its workspace."""

    # ------------------------------------------------------------- files
    def _new(self) -> None:
        if self.controller is not None:
            self.controller.show_gallery(self)

    def _open(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open document"), "", document_filter())
        if path and self.controller is not None:
            self.controller.open_target(path, parent=self)

    def _open_workspace(self) -> None:
        if self.controller is not None:
            self.controller.ask_workspace(self)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.controller.recent_files() if self.controller else []
        if not recent:
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)
        for target in recent:
            action = self.recent_menu.addAction(i18n.isolate(target.replace("&", "&&")))
            action.triggered.connect(
                lambda checked=False, t=target: (
                    self.controller.open_target(t, parent=self) if self.controller else None
                )
            )

    def save(self) -> bool:
        if self.session.store is None or self.session.readonly:
            return self.save_as()
        self.watcher.pause()
        try:
            return self._save_here()
        finally:
            self.watcher.resume()

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
            self._after_sync(None)
            dialog = ConflictDialog(exc.conflicts, self.session.title, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                self._open_conflicts = len(exc.conflicts)
                self._show_sync_state()
                self._status(self.tr("Not saved: the conflicts are still open."))
                return False
            return self._save_here(dialog.resolutions())
        except ConnectionFailedError as exc:
            return self._offer_local_copy(str(exc))
        except ConflictError as exc:
            return self._changed_elsewhere(str(exc))
        if saved:
            self._open_conflicts = 0
            self._show_sync_state()
            store = self.session.store
            merged = self._after_sync(store.last_merge if store is not None else None)
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
            self,
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
            QMessageBox.warning(self, self.tr("Not saved"), problem)
            return False
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("The file was changed by another program"),
            self.tr(
                "{problem}\n\nOverwrite it with your version, or save yours under another name?"
            ).format(problem=problem),
            QMessageBox.StandardButton.Cancel,
            self,
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
                self, self.tr("Save document as"), suggested, document_filter()
            )
            if not target:
                return False
            if "://" not in target and not Path(target).suffix:
                target += ".rolematrix"
        ok = self._store_call(lambda: self.session.save_as(target), target)
        if ok:
            self._update_title()
            self._show_sync_state()
            if self.controller is not None:
                self.controller.add_recent(str(self.session.origin))
        return ok

    def _store_call(
        self,
        call: Callable[[], object],
        target: str,
        passing: tuple[type[Exception], ...] = (),
    ) -> bool:
        """Run a save; show its failure (unless the caller handles it: ``passing``)."""
        from rolematrix.store import StoreError, without_password

        shown = without_password(target)  # a typed address may hold a password
        try:
            call()
        except passing:
            raise
        except StoreError as exc:
            QMessageBox.critical(self, self.tr("Could not save"), f"{shown}\n\n{exc}")
            return False
        except OSError as exc:
            QMessageBox.critical(
                self, self.tr("Could not save"), f"{shown}\n\n{exc.strerror or exc}"
            )
            return False
        self.autosaver.discard()
        self._update_title()
        self.statusBar().showMessage(
            self.tr("Saved {title}").format(title=i18n.isolate(self.session.title)), 4000
        )
        return True

    def _import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import"), "", import_filter())
        if path and self.controller is not None:
            self.controller.import_file(path, parent=self)

    def _export(self, handbook: bool = False) -> None:
        from rolematrix.io.dispatch import write_any
        from rolematrix.io.report import ExportError

        matrix = self._require_matrix()
        base = (
            Path(self.session.origin).stem
            if self.session.origin and "://" not in self.session.origin
            else matrix.name
        )
        if handbook:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Export handbook"),
                self.tr("{name} handbook.pdf").format(name=base),
                self.tr("PDF (*.pdf)"),
            )
        else:
            suffixes = export_filters()
            path, chosen = QFileDialog.getSaveFileName(
                self, self.tr("Export"), f"{base}.xlsx", ";;".join(suffixes)
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
            QMessageBox.critical(self, self.tr("Could not export"), f"{path}\n\n{exc}")
            return
        self.statusBar().showMessage(
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
        self._after_sync(result)
        self._open_conflicts = len(result.conflicts)
        self._show_sync_state()
        if result.changes:
            names = sorted({change.who for change in result.changes if change.who})
            matrices = sorted({change.matrix for change in result.changes})
            self._status(
                self.tr("{who} saved changes to {matrices}").format(
                    who=", ".join(i18n.isolate(n) for n in names) or self.tr("Someone"),
                    matrices=", ".join(f"“{i18n.isolate(m)}”" for m in matrices),
                )
            )

    def _after_sync(self, result: RefreshResult | None) -> str:
        """Follow what others' saves did to the document; who they were ("" if nobody).

        Matrices they added, removed or renamed show in the tabs; the cells they
        changed in the matrix on screen get a flag saying who and when.
        """
        if self.matrix is not None and self.matrix not in self.session.document.matrices:
            self.matrix = None
        if not self._tabs_current() or self.matrix is None:
            self._load_tabs()
        if self.matrix is not None:
            self.legend.set_matrix(self.matrix)
        if result is None or not result.changes:
            return ""
        if self.model is not None:
            self.model.mark_changed_by_others(self._change_notes(result))
        return ", ".join(sorted({c.who for c in result.changes if c.who}))

    def _change_notes(self, result: RefreshResult) -> dict[tuple[int, int], str]:
        """For each cell of the matrix on screen that others changed: "Changed by ann, 11:40"."""
        changed = {key for matrix, key in result.cells if matrix is self.matrix}
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
        self.sync_label.setText(self.tr("Workspace unreachable — your work is kept"))
        self.sync_label.setToolTip(problem)
        self._status(problem)

    def _connection_restored(self) -> None:
        self._show_sync_state()
        self._status(self.tr("The workspace answers again."))

    def _show_sync_state(self) -> None:
        self.actions_by_key["refresh"].setEnabled(self.session.shared)
        if not self.session.shared:
            self.sync_label.clear()
            self.sync_label.hide()
            return
        self.sync_label.show()
        self.sync_label.setToolTip(self.session.origin)
        if self._open_conflicts:
            self.sync_label.setText(
                self.tr("Shared — {count} conflicts to settle when you save").format(
                    count=self._open_conflicts
                )
            )
        else:
            self.sync_label.setText(self.tr("Shared workspace"))

    def show_cell_history(self) -> None:
        task = self.grid.current_task()
        index = self.grid.currentIndex()
        role = self.model.role_at(index.column()) if self.model and index.isValid() else None
        if self.matrix is None or task is None or role is None:
            self._status(self.tr("Select a cell to see its history."))
            return
        title = self.tr("History of {task} × {role}").format(
            task=i18n.isolate(task.name), role=i18n.isolate(role.name)
        )
        self._show_history(title, task=task.id, role=role.id)

    def show_matrix_history(self) -> None:
        if self.matrix is None:
            return
        title = self.tr("History of “{matrix}”").format(matrix=i18n.isolate(self.matrix.name))
        self._show_history(title, limit=2000)

    def _show_history(
        self, title: str, task: int | None = None, role: int | None = None, limit: int | None = None
    ) -> None:
        from rolematrix.store import StoreError

        store = self.session.store
        if store is None or self.matrix is None:
            QMessageBox.information(
                self,
                title,
                self.tr("Changes are recorded when the document is saved. Save it first."),
            )
            return
        try:
            entries = store.history(matrix=self.matrix, task=task, role=role, limit=limit)
        except StoreError as exc:
            QMessageBox.critical(self, title, str(exc))
            return
        from rolematrix.gui.history_view import HistoryDialog

        dialog = HistoryDialog(title, entries, self.matrix, self)
        dialog.exec()
