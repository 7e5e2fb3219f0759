"""One open document: its matrices, where it is stored, its undo stack and checkers.

The store is imported only when a file is opened or saved, so the start page
shows without loading SQLAlchemy. Store and io errors are raised to the window,
which shows them; nothing here shows a dialog.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
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


#: A staged open reads the cells of this many tasks (more than any screen shows) before
#: the window paints; the rest right after the first paint (see DocumentSession.open).
FIRST_ROWS = 256

#: What the user does: before any of it is handled, a staged load is finished.
_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.ShortcutOverride,
        QEvent.Type.Shortcut,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.Wheel,
        QEvent.Type.ContextMenu,
        QEvent.Type.DragEnter,
        QEvent.Type.Drop,
        QEvent.Type.InputMethod,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class _FinishOnInput(QObject):
    """Finishes a staged load before the application handles the user's first input.

    So no edit, command or menu action ever sees a matrix whose cells are not
    all in: what the user can do between the first paint and the end of the
    load is look. If the rest turns out damaged, that input is swallowed.
    """

    def __init__(self, session: DocumentSession) -> None:
        super().__init__(session)
        self._session = session
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT and self._session.loading:
            return not self._session.finish_loading()
        return False

    def stop(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class DocumentSession(QObject):
    """A document being edited in one window."""

    modified_changed = Signal(bool)
    #: A staged open found damage in the cells it read after the first paint (the message).
    loading_failed = Signal(str)

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
        self._input_guard: _FinishOnInput | None = None
        #: Damage a staged open found late; saving is refused from then on.
        self.load_error: Exception | None = None

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
        """The one way to change ``matrix``: its edits land on this window's undo stack.

        (The grid keeps its editor: a staged open is finished before the user's
        first input instead, see :class:`_FinishOnInput`.)
        """
        key = id(matrix)
        editor = self._editors.get(key)
        if editor is None or editor.matrix is not matrix:
            editor = self._editors[key] = Editor(matrix, self._recorder)
        return editor

    def checker(self, matrix: Matrix) -> IncrementalChecker:
        self.finish_loading()  # the checker reads every cell
        key = id(matrix)
        if key not in self._checkers:
            self._checkers[key] = IncrementalChecker(matrix, reference_for(matrix))
        return self._checkers[key]

    # ------------------------------------------------------------ storage
    @classmethod
    def open(cls, target: str, *, readonly: bool = False, staged: bool = False) -> DocumentSession:
        """Open a document file or workspace URL; raises the store's typed errors.

        ``staged`` (what the editor's windows use): each matrix comes with the
        cells of its first :data:`FIRST_ROWS` tasks only, and SQLite's check
        of the whole file waits, so that the window paints sooner. The rest is
        read when the checker is first asked for (the window does that right
        after its first paint), before any save, and -- once whoever shows the
        window has called :meth:`guard_input` -- before the user's first input
        is handled; whichever comes first. Damage found then is
        :attr:`load_error` and :attr:`loading_failed`.
        """
        from rolematrix.store import DocumentStore

        store = DocumentStore.open(target, readonly=readonly, staged=staged)
        try:
            document = store.load(first=FIRST_ROWS if staged else None)
        except BaseException:
            store.close()
            raise
        return cls(document, store, readonly=readonly)

    def guard_input(self) -> None:
        """Finish a staged open before the application handles the user's first input.

        To be called once the window is built and shown, before the event loop
        runs (nothing reaches the user's input before that): the guard sees
        every event of the application, and building and showing the window
        under it cost a tenth more time to the first paint (about 20 ms of 160).
        """
        if self.loading and self._input_guard is None and self.load_error is None:
            self._input_guard = _FinishOnInput(self)

    @property
    def loading(self) -> bool:
        """Are cells of a staged open still to be read?"""
        return self.store is not None and self.store.loading

    def finish_loading(self) -> bool:
        """Read the cells a staged open left, now; False if they turned out damaged."""
        if self._input_guard is not None:
            self._input_guard.stop()
            self._input_guard = None
        if self.store is None or not self.store.loading:
            return self.load_error is None
        from rolematrix.store import StoreError

        try:
            self.store.finish_loading()
        except StoreError as exc:
            self.load_error = exc
            self.loading_failed.emit(str(exc))
            return False
        return True

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

        if self.store is not None:
            self.store.finish_loading()  # never write a document not read whole (raises)

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
        if self._input_guard is not None:
            self._input_guard.stop()
            self._input_guard = None
        for checker in self._checkers.values():
            checker.close()
        self._checkers.clear()
        if self.store is not None:
            self.store.close()
            self.store = None

    def describe(self) -> dict[str, Any]:
        return {"title": self.title, "origin": self.origin, "modified": self.modified}
