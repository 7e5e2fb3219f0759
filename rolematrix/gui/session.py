"""One open document: its matrices, where it is stored, its undo stack and checkers.

The store is imported only when a file is opened or saved, so the start page
shows without loading SQLAlchemy. Store and io errors are raised to the window,
which shows them; nothing here shows a dialog.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from rolematrix.core.checker import IncrementalChecker
from rolematrix.core.editor import Editor
from rolematrix.core.model import Document, Matrix
from rolematrix.core.templates import reference_for
from rolematrix.gui.undo import UndoRecorder, edits_on
from rolematrix.store.targets import without_password

if TYPE_CHECKING:
    from rolematrix.core.history import RefreshResult, RemoteChange, Resolutions
    from rolematrix.store import DocumentStore


class DocumentSession(QObject):
    """A document being edited in one window."""

    modified_changed = Signal(bool)

    def __init__(
        self,
        document: Document,
        store: DocumentStore | None = None,
        *,
        title: str = "",
        origin: str = "",
        readonly: bool = False,
        dirty: bool = False,
    ) -> None:
        super().__init__()
        self.document = document
        self.store = store
        self.readonly = readonly
        self._title = title or self.tr("Untitled")
        # where it came from, for titles, recent files and recovery: never with a password
        self.origin = without_password(origin or (str(store.target) if store is not None else ""))
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self._dirty = dirty  # restored or imported work: modified although nothing was undone
        self._checkers: dict[int, IncrementalChecker] = {}
        self._editors: dict[int, Editor] = {}
        self._recorder = UndoRecorder(self.undo_stack)

    # ------------------------------------------------------------- state
    @property
    def title(self) -> str:
        if self.store is not None:
            return str(self.store.display_name)
        return self._title

    @property
    def modified(self) -> bool:
        return self._dirty or not self.undo_stack.isClean()

    def _clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(self.modified)

    def mark_saved(self) -> None:
        self._dirty = False
        self.undo_stack.setClean()
        self.modified_changed.emit(False)

    def editor(self, matrix: Matrix) -> Editor:
        """The one way to change ``matrix``: its edits land on this window's undo stack."""
        key = id(matrix)
        editor = self._editors.get(key)
        if editor is None or editor.matrix is not matrix:
            editor = self._editors[key] = Editor(matrix, self._recorder)
        return editor

    def checker(self, matrix: Matrix) -> IncrementalChecker:
        key = id(matrix)
        if key not in self._checkers:
            self._checkers[key] = IncrementalChecker(matrix, reference_for(matrix))
        return self._checkers[key]

    # ------------------------------------------------------------ storage
    @classmethod
    def open(cls, target: str, *, readonly: bool = False) -> DocumentSession:
        """Open a document file or workspace URL; raises the store's typed errors."""
        from rolematrix.store import DocumentStore

        store = DocumentStore.open(target, readonly=readonly)
        try:
            document = store.load()
        except BaseException:
            store.close()
            raise
        return cls(document, store, readonly=readonly)

    @property
    def shared(self) -> bool:
        """Is the document in a shared workspace, where others may save while I edit?"""
        return self.store is not None and self.store.is_database

    def save(self, *, resolutions: Resolutions = None, force: bool = False) -> None:
        """Save to where the document came from (raises StoreError; the caller shows it).

        In a workspace the store first merges what others saved; the merged
        changes reach the grid through the matrices' events, and my undo history
        is kept (new items of mine may get new ids, which the commands follow).
        """
        if self.store is None or self.readonly:
            raise RuntimeError("the document has no file yet; use save_as")
        try:
            self.store.save(self.document, resolutions=resolutions, force=force)
        finally:
            merged = self.store.last_merge if self.store is not None else None
            if merged is not None:
                self._follow(merged)
        self.mark_saved()

    def changes_since(self) -> list[RemoteChange]:
        """What others saved since I last loaded, saved or refreshed (one cheap query)."""
        if not self.shared or self.store is None:
            return []
        return self.store.changes_since(self.document)

    def refresh(self) -> RefreshResult:
        """Bring others' saved work in, keeping my unsaved edits and their undo history."""
        assert self.store is not None
        result = self.store.refresh(self.document)
        self._follow(result)
        return result

    def _follow(self, result: RefreshResult) -> None:
        for matrix in result.removed:
            checker = self._checkers.pop(id(matrix), None)
            if checker is not None:
                checker.close()
            self._editors.pop(id(matrix), None)
        for matrix, ids in result.renumbered.items():
            self._renumber_history(matrix, ids)

    def _renumber_history(self, matrix: Matrix, ids: dict[int, int]) -> None:
        for edit in edits_on(self.undo_stack):
            if edit.matrix is matrix:
                edit.renumber(ids)

    def save_as(self, target: str | Path) -> None:
        from rolematrix.store import DocumentStore

        if self.store is not None and not self.readonly:
            new_store = self.store.save_as(self.document, str(target))
        else:
            new_store = DocumentStore.create(str(target), self.document, overwrite=True)
        old = self.store
        self.store = new_store
        self.readonly = False
        self.origin = without_password(str(new_store.target))
        if old is not None and old is not new_store:
            old.close()
        self.mark_saved()

    def close(self) -> None:
        for checker in self._checkers.values():
            checker.close()
        self._checkers.clear()
        if self.store is not None:
            self.store.close()
            self.store = None

    def describe(self) -> dict[str, Any]:
        return {"title": self.title, "origin": self.origin, "modified": self.modified}
