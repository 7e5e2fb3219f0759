"""A document in a SQLite file: validated without touching it, replaced whole on every save.

Reading goes through a read-only connection. Saving builds the next version of
the file beside it -- a byte copy of the current file with only the changed
rows rewritten, or a new file when everything is written -- flushes it and
renames it over the document, so the document is at every moment either the
old or the new version.

A store remembers the save token (a random value rewritten by every save)
and the size and modification time of the file as it last read or wrote it.
If either differs when it is about to save, someone else wrote the file in
between and the save is refused with :class:`ConflictError`.

Opening and loading a current file read through ``sqlite3`` directly
(:mod:`rolematrix.store.sqlite_reader`); SQLAlchemy is imported here only
for what needs it -- saving, upgrading an older file, :meth:`FileBackend.run_read`.
"""

from __future__ import annotations

import contextlib
import errno
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from rolematrix.store import migrate
from rolematrix.store.errors import (
    ConflictError,
    CorruptFileError,
    LockedError,
    NewerVersionError,
    NotWritableError,
    ReadOnlyError,
    SaveFailedError,
    StoreError,
    UnreadableFileError,
    unstorable,
)
from rolematrix.store.file_lock import FileLock
from rolematrix.store.identity import APPLICATION_ID, APPLICATION_NAME, VERSION_TABLE
from rolematrix.store.loading import (
    DamagedDataError,
    LoadedMatrix,
    matrices_of,
    meta_of,
    revision_of,
)
from rolematrix.store.sqlite_file import (
    check_file,
    copy_file,
    read_engine,
    real_path,
    remove_quietly,
    remove_stale_temps,
    replace_atomically,
    scratch_engine,
    temp_beside,
)
from rolematrix.store.sqlite_reader import reading

if TYPE_CHECKING:
    from sqlalchemy import Connection

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """The file as a store last saw it."""

    token: str | None
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path, token: str | None) -> Fingerprint:
        st = path.stat()
        return cls(token, st.st_size, st.st_mtime_ns)

    def same_file(self, path: Path) -> bool:
        try:
            st = path.stat()
        except OSError:
            return False
        return (st.st_size, st.st_mtime_ns) == (self.size, self.mtime_ns)


@contextlib.contextmanager
def reading_errors(path: Path) -> Iterator[None]:
    """Turn SQLite's complaints while reading ``path`` into typed errors naming it."""
    name = path.name
    try:
        yield
    except DamagedDataError as exc:
        raise CorruptFileError(
            f"{name} holds data RoleMatrix cannot read ({exc}). "
            "It may be damaged or edited by another program.",
            str(path),
        ) from exc
    except sqlite3.Error as exc:
        raise _sqlite_error(path, exc) from exc
    except UnicodeDecodeError as exc:  # text SQLite hands back that is no UTF-8 (a damaged schema)
        raise CorruptFileError(
            f"{name} is damaged: it holds text that is not UTF-8 ({exc.reason}). "
            "Restore it from a backup.",
            str(path),
        ) from exc
    except Exception as exc:
        driver = _driver_error(exc)
        if driver is None:
            raise
        raise _sqlite_error(path, driver) from exc


def _driver_error(exc: BaseException) -> BaseException | None:
    """The driver's error inside SQLAlchemy's wrapper, or None if ``exc`` is not one.

    Without SQLAlchemy imported, nothing can have raised its errors: this looks
    for them without importing it.
    """
    errors = sys.modules.get("sqlalchemy.exc")
    if errors is not None and isinstance(exc, errors.DBAPIError):
        orig: BaseException | None = getattr(exc, "orig", None)
        return orig
    return None


def _sqlite_error(path: Path, exc: BaseException | None) -> StoreError:
    name = path.name
    text = str(exc).lower()
    if "unable to open" in text:
        return UnreadableFileError(f"{name} cannot be read (SQLite: {exc}).", str(path))
    if "locked" in text or "busy" in text:
        return LockedError(
            f"{name} is being written by another program; try again in a moment.", str(path)
        )
    return CorruptFileError(f"{name} is damaged and cannot be read (SQLite: {exc}).", str(path))


def _inspect(path: Path) -> tuple[str, str | None]:
    """The schema revision and save token of a file that passed :func:`check_file`."""
    with reading_errors(path), reading(path) as source:
        verdict = source.quick_check()
        if verdict != "ok":
            raise CorruptFileError(
                f"{path.name} is damaged and cannot be read (SQLite reports: {verdict}).",
                str(path),
            )
        tables = source.table_names()
        if VERSION_TABLE not in tables or "meta" not in tables:
            raise CorruptFileError(
                f"{path.name} is marked as a RoleMatrix document but its tables are missing.",
                str(path),
            )
        meta = meta_of(source)
        revision = revision_of(source)
    if meta.get("application") != APPLICATION_NAME or revision is None:
        raise CorruptFileError(
            f"{path.name} is marked as a RoleMatrix document but its contents are not.",
            str(path),
        )
    return revision, meta.get("save_token")


def _backup_path(path: Path, revision: str) -> Path:
    candidate = path.with_name(f"{path.name}.bak-{revision}")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.bak-{revision}-{n}")
        n += 1
    return candidate


@contextlib.contextmanager
def writing_errors(path: Path, doing: str = "saved") -> Iterator[None]:
    """Turn failures while writing the next version of ``path`` into typed errors."""
    name = path.name
    unchanged = "The file on disk was not changed."
    try:
        yield
    except StoreError:
        raise
    except PermissionError as exc:
        raise NotWritableError(
            f"{name} could not be {doing}: no permission to write in {path.parent}. {unchanged}",
            str(path),
        ) from exc
    except OSError as exc:
        reason = "the disk is full" if exc.errno == errno.ENOSPC else (exc.strerror or str(exc))
        raise SaveFailedError(
            f"{name} could not be {doing}: {reason}. {unchanged}", str(path)
        ) from exc
    except (UnicodeError, OverflowError) as exc:
        raise SaveFailedError(
            f"{name} could not be {doing}: {unstorable(exc)}. {unchanged}", str(path)
        ) from exc
    except Exception as exc:
        for cause in (exc, exc.__cause__, getattr(exc, "orig", None)):
            if isinstance(cause, UnicodeError | OverflowError):
                raise SaveFailedError(
                    f"{name} could not be {doing}: {unstorable(cause)}. {unchanged}", str(path)
                ) from exc
        driver = _driver_error(exc)
        if driver is None:
            raise
        if "full" in str(driver).lower():
            raise SaveFailedError(
                f"{name} could not be {doing}: the disk is full. {unchanged}", str(path)
            ) from exc
        raise SaveFailedError(
            f"{name} could not be {doing} (SQLite: {driver}). {unchanged}", str(path)
        ) from exc


class FileBackend:
    """One ``.rolematrix`` file, opened for reading or (locked) for editing.

    ``path`` is the real file (links resolved, see :func:`real_path`): every
    read, lock, temporary file and rename uses it. ``given`` is the path as the
    user gave it, for titles.
    """

    def __init__(
        self,
        path: Path,
        *,
        readonly: bool,
        lock: FileLock | None,
        fingerprint: Fingerprint | None,
        read_path: Path | None = None,
        scratch: Path | None = None,
        given: Path | None = None,
    ) -> None:
        self.path = path
        self.given = given or path
        self.readonly = readonly
        self._lock = lock
        self._fingerprint = fingerprint
        self._read_path = read_path or path
        self._scratch = scratch

    @property
    def where(self) -> str:
        return str(self.given)

    @property
    def display_name(self) -> str:
        return self.given.name

    # ------------------------------------------------------------------ opening
    @classmethod
    def open(cls, path: Path, *, readonly: bool) -> FileBackend:
        """Validate ``path``, lock it unless ``readonly``, and migrate it if it is older.

        Every failure before the migration leaves the file untouched and creates nothing.
        Opened for editing, what crashed saves left beside it is removed.
        """
        given, path = path, real_path(path)
        check_file(path)
        revision, token = _inspect(path)
        known = migrate.revisions()
        if not known.knows(revision):
            raise NewerVersionError(
                f"{path.name} was saved by a newer version of RoleMatrix (file format "
                f"{revision}; this version knows up to {known.head}). "
                "Update RoleMatrix to open it.",
                str(path),
            )
        lock = None if readonly else FileLock.acquire(path)
        try:
            if known.is_older(revision):
                if readonly:
                    scratch = Path(tempfile.mkdtemp(prefix="rolematrix-upgraded-"))
                    copy = scratch / path.name
                    try:
                        copy_file(path, copy)
                        cls._upgrade(copy, path)
                    except BaseException:
                        shutil.rmtree(scratch, ignore_errors=True)
                        raise
                    return cls(
                        path,
                        readonly=True,
                        lock=None,
                        fingerprint=None,
                        read_path=copy,
                        scratch=scratch,
                        given=given,
                    )
                remove_stale_temps(path)
                cls._upgrade_in_place(path, revision)
                _revision, token = _inspect(path)
            elif lock is not None:
                remove_stale_temps(path)
            return cls(
                path,
                readonly=readonly,
                lock=lock,
                fingerprint=Fingerprint.of(path, token),
                given=given,
            )
        except BaseException:
            if lock is not None:
                lock.release()
            raise

    @classmethod
    def new(cls, path: Path) -> FileBackend:
        """A backend for a file about to be created (or overwritten): locked, nothing read yet."""
        given, path = path, real_path(path)
        lock = FileLock.acquire(path, creating=True)
        remove_stale_temps(path)
        return cls(path, readonly=False, lock=lock, fingerprint=None, given=given)

    @classmethod
    def unlocked(cls, path: Path) -> FileBackend:
        """A backend writing ``path`` without a lock (the recovery copy, which no one edits)."""
        return cls(real_path(path), readonly=False, lock=None, fingerprint=None, given=path)

    @staticmethod
    def _upgrade(copy: Path, document: Path) -> None:
        """Upgrade ``copy`` (a copy of ``document``) to the newest schema."""
        from rolematrix.store.writer import write_meta

        engine = scratch_engine(copy)
        try:
            with writing_errors(document, "upgraded"), engine.begin() as connection:
                migrate.upgrade(connection)
                write_meta(connection)
        finally:
            engine.dispose()

    @classmethod
    def _upgrade_in_place(cls, path: Path, revision: str) -> None:
        """Keep a backup copy of the old file beside it, then replace it by its upgrade."""
        backup = _backup_path(path, revision)
        temp: Path | None = None
        try:
            with writing_errors(path, "upgraded"):
                shutil.copy2(path, backup)
                temp = temp_beside(path)
                copy_file(path, temp)
            cls._upgrade(temp, path)
            with writing_errors(path, "upgraded"):
                replace_atomically(temp, path)
        except BaseException:
            if temp is not None:
                remove_quietly(temp)
            raise

    # ------------------------------------------------------------------ reading
    def read(self) -> list[LoadedMatrix]:
        try:
            before = None if self._scratch else Fingerprint.of(self.path, None)
            with reading_errors(self.path), reading(self._read_path) as source:
                loaded = matrices_of(source)
                token = meta_of(source).get("save_token")
        except FileNotFoundError:
            raise StoreError(
                f"{self.path.name} was moved or deleted since it was opened.", self.where
            ) from None
        if before is not None:
            self._fingerprint = Fingerprint(token, before.size, before.mtime_ns)
        return loaded

    def run_read(self, body: Callable[[Connection], T]) -> T:
        """Run ``body`` on a read-only connection to the file."""
        engine = read_engine(self._read_path)
        try:
            with reading_errors(self.path), engine.connect() as connection:
                return body(connection)
        finally:
            engine.dispose()

    # ------------------------------------------------------------------ writing
    def _conflict(self) -> ConflictError:
        return ConflictError(
            f"{self.path.name} was changed on disk by another program or window since "
            "RoleMatrix read it. Your changes were not saved over it: save them under "
            "another name, or reload the file.",
            self.where,
        )

    def _current_token(self) -> str | None:
        try:
            with reading_errors(self.path), reading(self.path) as source:
                return meta_of(source).get("save_token")
        except StoreError:
            return None

    def write(self, body: Callable[[Connection, bool], T], *, fresh: bool, force: bool) -> T:
        """Build the next version of the file with ``body(connection, fresh)`` and put it in place.

        ``fresh`` starts from an empty document instead of a copy of the file
        (forced when the file is gone). Unless ``force``, refuses to replace a
        file that changed since this store last read or wrote it.
        """
        if self.readonly:
            raise ReadOnlyError(
                f"{self.path.name} was opened read-only; save it under another name.", self.where
            )
        from rolematrix.store.reader import read_meta
        from rolematrix.store.writer import create_schema, write_meta

        path = self.path
        exists = path.exists()
        known = self._fingerprint
        if exists and not force and known is not None and not known.same_file(path):
            raise self._conflict()
        fresh = fresh or not exists
        stale = exists and fresh and not force and known is not None
        if stale and known is not None and self._current_token() != known.token:
            raise self._conflict()
        temp: Path | None = None
        try:
            with writing_errors(path):
                temp = temp_beside(path)
                if not fresh:
                    copy_file(path, temp)
            engine = scratch_engine(temp)
            try:
                with writing_errors(path), engine.begin() as connection:
                    if fresh:
                        connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
                        create_schema(connection, migrate.revisions().head)
                    elif (
                        not force
                        and known is not None
                        and read_meta(connection).get("save_token") != known.token
                    ):
                        raise self._conflict()
                    result = body(connection, fresh)
                    token = write_meta(connection)
            finally:
                engine.dispose()
            with writing_errors(path):
                replace_atomically(temp, path)
            temp = None
        finally:
            if temp is not None:
                remove_quietly(temp)
        self._fingerprint = Fingerprint.of(path, token)
        return result

    @property
    def database_user(self) -> str:
        """Files have no database account: the history names the editor alone."""
        return ""

    def close(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = None
