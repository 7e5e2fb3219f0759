"""The document store: open, load, save and save-as for files and shared workspaces.

A store is bound to one target (a ``.rolematrix`` file or a database URL) and
remembers, for each matrix it loaded or saved, where that matrix lives in the
tables. Saving then writes only what each matrix's journal says changed since.

The journal of a matrix is relative to the store that last loaded or saved it;
``sync.JOURNAL_BASE`` records which one that is. If a matrix was saved through
another store in between (save-as, or copied into another document), this store
no longer knows what changed against its own copy and rewrites that matrix in
full -- a little slower, never wrong.

On a shared workspace a save that finds newer versions of its matrices merges
them in (:mod:`rolematrix.store.sync`) and tries again; only a real conflict
(both changed the same cell) stops it, with :class:`MergeConflictError`.
:meth:`DocumentStore.changes_since` polls cheaply for others' saves and
:meth:`DocumentStore.refresh` brings them into the open document. Every save
is recorded in the history (:meth:`DocumentStore.history`,
:meth:`DocumentStore.load_at`), on files too.

Opening and loading a file must not import SQLAlchemy (almost half of the 0.8 s a
cold start of the editor may take), so this module imports it, and the code
built on it -- writer, merging, history, databases -- only inside the methods
that need them.
"""

from __future__ import annotations

import itertools
import os
import random
import time
import weakref
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from rolematrix.core.history import (
    HistoryEntry,
    RefreshResult,
    RemoteChange,
    Resolutions,
)
from rolematrix.core.model import Document, Matrix
from rolematrix.core.names import normalise
from rolematrix.store.errors import (
    AlreadyExistsError,
    ConflictError,
    NotADocumentError,
    NotFoundError,
    StoreError,
)
from rolematrix.store.file_backend import FileBackend
from rolematrix.store.identity import default_user
from rolematrix.store.targets import Target, parse_target
from rolematrix.store.tracking import NameTaken, SyncState, Tracked, VersionConflict

if TYPE_CHECKING:
    from sqlalchemy import Connection, Table

    from rolematrix.store.database_backend import DatabaseBackend

_serials = itertools.count(1)

#: How often a save merges and retries when others keep saving in between.
_MERGE_ATTEMPTS = 8
_RETRY_PAUSE_S = 0.005  # doubled per attempt: at most about 1.3 s in all


class DocumentStore:
    """Where a document lives. Use :meth:`open` or :meth:`create`; :meth:`close` when done."""

    def __init__(
        self, target: Target, backend: FileBackend | DatabaseBackend, *, user: str | None = None
    ) -> None:
        self._target = target
        self._backend = backend
        self._serial = next(_serials)
        self._state = SyncState(self._serial)
        self._past: weakref.WeakKeyDictionary[Matrix, int] = weakref.WeakKeyDictionary()
        self._user = user.strip() if user and user.strip() else None
        self._synced = False  # tracking describes everything the target holds
        self._closed = False
        self._damage: StoreError | None = None  # found finishing a staged load
        #: What the last :meth:`save` had to merge in from others (None: nothing).
        self.last_merge: RefreshResult | None = None

    # ---------------------------------------------------------------- creation
    @classmethod
    def open(
        cls,
        target: str | os.PathLike[str],
        *,
        readonly: bool = False,
        user: str | None = None,
        staged: bool = False,
    ) -> DocumentStore:
        """Open an existing file, or a database (whose RoleMatrix tables are created if missing).

        Never creates or modifies a file, except that an older file opened for
        editing is upgraded after a backup copy is made beside it. Raises a
        :class:`StoreError` subclass naming the target when it cannot be opened.
        ``user`` is the name the history records for this editor's saves (see
        :attr:`user`). ``staged``: the file is to be read by a staged
        :meth:`load`, which also takes over SQLite's check of the whole file
        (until :meth:`finish_loading`, which every save does first).
        """
        where = parse_target(target)
        backend: FileBackend | DatabaseBackend
        if where.path is not None:
            backend = FileBackend.open(where.path, readonly=readonly, verify=not staged)
        else:
            from rolematrix.store.database_backend import DatabaseBackend

            assert where.url is not None
            backend = DatabaseBackend.open(where.url, readonly=readonly)
        return cls(where, backend, user=user)

    @classmethod
    def create(
        cls,
        target: str | os.PathLike[str],
        document: Document,
        *,
        overwrite: bool = False,
        user: str | None = None,
    ) -> DocumentStore:
        """Write ``document`` as a new file (or into a database) and return its open store.

        Without ``overwrite`` an existing file, or a workspace already holding
        matrices, raises :class:`AlreadyExistsError`. Replacing a workspace
        replaces its history too.
        """
        where = parse_target(target)
        backend: FileBackend | DatabaseBackend
        if where.path is not None:
            path = where.path
            if not path.parent.is_dir():
                raise NotFoundError(
                    f"{path.name} cannot be created: the folder {path.parent} does not exist.",
                    str(path),
                )
            if path.is_dir():
                raise NotADocumentError(
                    f"{path.name} is a folder; choose a file name for the document.", str(path)
                )
            if path.exists() and not overwrite:
                raise AlreadyExistsError(
                    f"{path.name} already exists; choose another name or replace it.", str(path)
                )
            backend = FileBackend.new(path)
        else:
            from rolematrix.store.database_backend import DatabaseBackend

            assert where.url is not None
            backend = DatabaseBackend.open(where.url, readonly=False)
            if not overwrite and backend.has_matrices():
                backend.close()
                raise AlreadyExistsError(
                    f"The workspace {backend.where} already holds matrices; "
                    "open it instead, or replace its contents.",
                    backend.where,
                )
        store = cls(where, backend, user=user)
        try:
            store._save(document, fresh=True, force=True)
        except BaseException:
            store.close()
            raise
        return store

    @classmethod
    def write_snapshot(cls, document: Document, path: str | os.PathLike[str]) -> None:
        """Write a full copy of ``document`` to the file ``path`` (recovery autosave).

        Leaves the matrices' journals alone, takes no lock, keeps no store open
        and records no history: the next real save still writes only what changed.
        """
        from rolematrix.store.writer import write_document

        file = Path(path)
        backend = FileBackend.unlocked(file)
        matrices = list(document.matrices)

        def body(connection: Connection, fresh: bool) -> None:
            write_document(connection, matrices, {}, (), {}, check_versions=False)

        backend.write(body, fresh=True, force=True)

    # --------------------------------------------------------------- identity
    @property
    def target(self) -> Path | str:
        """The file path, or the database address as given (it may hold a password)."""
        return self._target.path if self._target.path is not None else self._target.text

    @property
    def display_name(self) -> str:
        """Short name for titles and messages: the file name, or "database on host"."""
        return self._backend.display_name

    @property
    def where(self) -> str:
        """The full path, or the address without password, for messages."""
        return self._backend.where

    @property
    def readonly(self) -> bool:
        return self._backend.readonly

    @property
    def is_database(self) -> bool:
        return not self._target.is_file

    @property
    def user(self) -> str:
        """Who the history records for saves made here.

        The ``user`` given to :meth:`open`, else ``ROLEMATRIX_USER``, else the
        login name; on PostgreSQL the database user (``current_user``) is always
        part of it: ``"Ann Smith (ann)"``, or just ``"ann"`` when no display
        name is configured.
        """
        display = self._user or os.environ.get("ROLEMATRIX_USER", "").strip() or None
        account = self._backend.database_user
        if account:
            if display is None or display == account:
                return account
            return f"{display} ({account})"
        return display or default_user()

    # ------------------------------------------------------------ load & save
    def load(self, *, first: int | None = None) -> Document:
        """Read the whole document. Its matrices' journals start empty.

        With ``first`` (files only), a staged load: each matrix gets the cells
        of its first ``first`` tasks now -- enough for a window to paint -- and
        the rest when :meth:`finish_loading` is called, which every save,
        refresh and look into the history does first (see
        :class:`~rolematrix.store.loading.PendingCells`).
        """
        self._check_open()
        self._damage = None
        if isinstance(self._backend, FileBackend):
            loaded = self._backend.read(first)
        else:
            loaded = self._backend.read()
        self._state = SyncState(self._serial)
        for item in loaded:
            self._state.track(item.matrix, Tracked(item.db_id, item.version))
        self._synced = True
        return Document(item.matrix for item in loaded)

    @property
    def loading(self) -> bool:
        """Are cells of a staged :meth:`load` still to be read?"""
        return isinstance(self._backend, FileBackend) and self._backend.reading

    def finish_loading(self) -> None:
        """Read the cells a staged :meth:`load` left (at once; nothing if there are none).

        Damage found in them raises :class:`CorruptFileError`, here and from
        every later save: a document that was not read whole is never written back.
        """
        if self._damage is not None:
            raise self._damage
        if isinstance(self._backend, FileBackend) and self._backend.reading:
            try:
                self._backend.finish_read()
            except StoreError as exc:
                self._damage = exc
                raise

    def _ready(self) -> None:
        """Open, and the document read whole: before anything that reads or writes it all."""
        self._check_open()
        self.finish_loading()

    def save(
        self, document: Document, *, force: bool = False, resolutions: Resolutions = None
    ) -> None:
        """Save ``document`` here, writing only what the matrices' journals say changed.

        Files are replaced atomically; a workspace is written in one
        transaction. If others saved the same matrices in a workspace since, their
        changes are merged into ``document`` first (through the matrices' own
        methods, so an open editor shows them; see :attr:`last_merge`) and mine
        are written on top. If both changed the same cell (or task, role...),
        :class:`MergeConflictError` lists the conflicts and nothing is written
        or changed; save again with ``resolutions`` -- ``Resolution.MINE`` or
        ``Resolution.THEIRS`` for all of them, or a dict from each
        :class:`Conflict` to its resolution. ``force`` writes my version of
        everything over whatever is there. A file changed on disk by another
        program raises :class:`ConflictError` unless ``force``.

        Journals are cleared only after the save succeeded: after any error
        the unsaved work is still in ``document``, to save again or elsewhere.
        """
        self._ready()
        fresh = self._target.is_file and (force or not self._synced)
        self.last_merge = None
        for attempt in range(_MERGE_ATTEMPTS):
            if attempt:
                # others saved between our merge and our write: wait a little, randomly, so
                # that two busy savers stop colliding in step
                time.sleep(random.uniform(0, _RETRY_PAUSE_S * 2**attempt))
            try:
                self._save(document, fresh=fresh, force=force)
                return
            except VersionConflict as exc:
                if self._target.is_file:
                    raise self._conflict(exc) from None
            except NameTaken as exc:
                raise ConflictError(
                    f"{self.display_name}: someone else added a matrix named “{exc.name}” "
                    "since you opened the workspace. Nothing was saved; rename your matrix "
                    "(or refresh to see theirs) and save again.",
                    self.where,
                ) from None
            from rolematrix.store.sync import reconcile

            merged = reconcile(
                self._backend, self.where, document, self._state, resolutions, saving=True
            )
            if self.last_merge is None:
                self.last_merge = merged
            else:
                self.last_merge.changes += merged.changes
                self.last_merge.cells += merged.cells
                self.last_merge.removed += merged.removed
                self.last_merge.renumbered.update(merged.renumbered)
        raise ConflictError(
            f"{self.display_name}: others keep saving the same matrices; nothing was saved. "
            "Try again in a moment.",
            self.where,
        )

    def save_as(self, document: Document, target: str | os.PathLike[str]) -> DocumentStore:
        """Write ``document`` in full to ``target`` (replacing what is there) and return its store.

        This store stays open; the caller usually closes it and keeps the new one.
        Saving as the store's own target is a plain :meth:`save`. Works from a
        workspace to a local file too (the file starts a history of its own).
        """
        self._ready()
        if self._same_target(parse_target(target)):
            self.save(document)
            return self
        return DocumentStore.create(target, document, overwrite=True, user=self._user)

    # ------------------------------------------------------- working together
    def changes_since(self, document: Document | None = None) -> list[RemoteChange]:
        """What others saved since this store last loaded, saved or refreshed: one cheap query.

        For the editor to poll every few seconds. Empty for files (a file has
        one writer at a time) and when nothing changed; otherwise one
        :class:`RemoteChange` per matrix changed, added or deleted by others,
        with the history entries behind it. ``document`` is accepted for symmetry
        with :meth:`refresh`; what was seen is tracked by the store.
        """
        self._ready()
        if not self.is_database or not self._synced:
            return []
        from rolematrix.store.sync import read_versions, remote_changes

        state = self._state

        def body(connection: Connection) -> list[RemoteChange]:
            return remote_changes(connection, state, read_versions(connection))

        return self._backend.run_read(body)

    def refresh(self, document: Document, *, resolutions: Resolutions = None) -> RefreshResult:
        """Bring others' saved changes into ``document``, keeping my unsaved edits.

        Changes are applied through the matrices' methods (the editor's models
        see them as usual); matrices others added are added to the document,
        ones they deleted (that I did not change) removed. Journals keep exactly
        my unsaved edits, so undo history and the next save are unaffected.
        Where I changed the same thing, my version stays and the conflict is
        returned in :attr:`RefreshResult.conflicts` -- saving then raises
        :class:`MergeConflictError` until it is resolved (pass ``resolutions``
        here or to :meth:`save`). Files: nothing to do.
        """
        self._ready()
        if not self.is_database or not self._synced:
            return RefreshResult()
        from rolematrix.store.sync import reconcile

        return reconcile(
            self._backend, self.where, document, self._state, resolutions, saving=False
        )

    def history(
        self,
        matrix_name: str | None = None,
        task: int | str | None = None,
        role: int | str | None = None,
        limit: int | None = None,
        *,
        matrix: Matrix | None = None,
    ) -> list[HistoryEntry]:
        """Recorded changes, newest first.

        ``matrix`` (an open matrix) or ``matrix_name`` (its name now, or the
        name it had) narrows to one matrix; ``task`` and ``role`` to one row,
        column or -- both -- cell, given by id (as in the open matrix) or by
        name (now or then). Snapshots used internally are never returned.
        """
        self._ready()
        from rolematrix.store import schema as s
        from rolematrix.store.history_log import read_entries
        from rolematrix.store.sync import read_versions
        from rolematrix.store.validation import text_value

        matrix_id = None
        if matrix is not None:
            where = self._state.tracked.get(matrix)
            if where is None:
                return []  # not saved here yet: no history
            matrix_id = where.db_id
            matrix_name = None

        def body(connection: Connection) -> list[HistoryEntry]:
            ids = [matrix_id] if matrix_id is not None else None
            if matrix_name is not None:
                key = normalise(matrix_name)
                ids = [
                    i
                    for i, (_v, n) in read_versions(connection).items()
                    if normalise(text_value(n, "matrices", f"id={i}", "name")) == key
                ]
            return read_entries(
                connection,
                matrix_ids=ids,
                matrix_name=matrix_name,
                task_ids=_item_ids(connection, s.tasks, task, ids),
                task_name=task if isinstance(task, str) else None,
                role_ids=_item_ids(connection, s.roles, role, ids),
                role_name=role if isinstance(role, str) else None,
                limit=limit,
            )

        return self._backend.run_read(body)

    def load_at(self, moment: datetime, matrix_name: str | None = None) -> Document:
        """The document (or only the matrix ``matrix_name``) as it was at ``moment``.

        Rebuilt from the current state and the history (see
        :mod:`rolematrix.store.time_travel`). A naive ``moment`` is local time.
        The result is a detached copy: saving it goes through :meth:`save_as`.
        """
        self._ready()
        from rolematrix.store.time_travel import document_at

        past = self._backend.run_read(lambda c: document_at(c, moment, matrix_name))
        for db_id, matrix in past:
            self._past[matrix] = db_id
        return Document([matrix for _db_id, matrix in past])

    def identity(self, matrix: Matrix) -> int | None:
        """The lasting id of a matrix this store loaded (now, or as it was at a past moment).

        A matrix keeps it through renames, so comparing a matrix with its past
        pairs it by this rather than by name. None for a matrix the store did not load.
        """
        where = self._state.tracked.get(matrix)
        return where.db_id if where is not None else self._past.get(matrix)

    def close(self) -> None:
        """Release the file lock (or database connections). Safe to call twice."""
        if not self._closed:
            self._closed = True
            self._backend.close()

    def __enter__(self) -> DocumentStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = "read-only" if self.readonly else "editing"
        return f"<DocumentStore {self.where} {mode}>"

    # ---------------------------------------------------------------- helpers
    def _check_open(self) -> None:
        if self._closed:
            raise StoreError(f"{self.display_name} is closed.", self.where)

    def _same_target(self, other: Target) -> bool:
        mine = self._target
        if mine.path is not None and other.path is not None:
            try:
                return mine.path.resolve() == other.path.resolve()
            except (OSError, RuntimeError):  # RuntimeError: a link loop (Python < 3.13)
                return False
        if mine.url is not None and other.url is not None:
            return mine.url.render_as_string(hide_password=False) == other.url.render_as_string(
                hide_password=False
            )
        return False

    def _save(self, document: Document, *, fresh: bool, force: bool) -> None:
        from rolematrix.store.history_log import HistoryLog
        from rolematrix.store.writer import write_document

        matrices = list(document.matrices)
        state = self._state
        tracked_now = dict(state.tracked.items())
        log = HistoryLog.for_user(self.user)

        def body(connection: Connection, fresh: bool) -> dict[Matrix, Tracked]:
            if fresh:
                return write_document(
                    connection, matrices, {}, (), {}, check_versions=False, log=log
                )
            tracked = {m: tracked_now[m] for m in matrices if m in tracked_now}
            incremental = set() if force else {m for m in tracked if state.relative(m)}
            present = {t.db_id for t in tracked.values()}
            forget = {i: v for i, v in state.known.items() if i not in present}
            return write_document(
                connection,
                matrices,
                tracked,
                incremental,
                forget,
                check_versions=not force,
                log=log,
            )

        result = self._backend.write(body, fresh=fresh, force=force)
        fresh_state = SyncState(self._serial)
        fresh_state.seen = {i: v for i, v in state.seen.items() if i not in state.known}
        for matrix, where in result.items():
            matrix.journal.clear()
            if where.next_id > matrix.next_id:
                matrix._reserve_id(where.next_id - 1)
            fresh_state.track(matrix, where)
        self._state = fresh_state
        self._synced = True

    def _conflict(self, exc: VersionConflict) -> ConflictError:
        parts = []
        for name, ours, theirs in exc.changed:
            if theirs is None:
                parts.append(f"{name!r} was deleted")
            else:
                parts.append(f"{name!r} was saved again (version {theirs}, yours {ours})")
        return ConflictError(
            f"{self.display_name}: someone else changed the document since you opened it "
            f"({'; '.join(parts)}). Nothing was saved; reload to see their changes.",
            self.where,
        )


def _item_ids(
    connection: Connection, table: Table, item: int | str | None, matrix_ids: list[int] | None
) -> list[tuple[int | None, int]] | None:
    """(matrix id or None for any, item id) pairs an id or a current name stands for."""
    if item is None:
        return None
    if isinstance(item, int):
        return [(m, item) for m in matrix_ids] if matrix_ids is not None else [(None, item)]
    from sqlalchemy import select

    key = normalise(item)
    query = select(table.c.matrix_id, table.c.id, table.c.name)
    from rolematrix.store.validation import text_value

    return [
        (row[0], row[1])
        for row in connection.execute(query)
        if normalise(text_value(row[2], table.name, f"matrix_id={row[0]}, id={row[1]}", "name"))
        == key
        and (matrix_ids is None or row[0] in matrix_ids)
    ]
