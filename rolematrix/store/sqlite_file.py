"""SQLite file handling: recognising a RoleMatrix file without touching it, and atomic writing.

Opening must never create or change a file, yet ``sqlite3.connect`` creates a
missing file and may write to an existing one (hot journal roll-back). So a file
is judged first from its bytes -- the 100-byte SQLite header says whether it
is SQLite at all, whether it is ours (``application_id``) and how long it
should be (a truncated file is shorter) -- and only then opened, read-only,
through a ``file:...?mode=ro`` URI.

Writing never happens in place: the new content is built in a temporary file
in the same folder, flushed to disk, and renamed over the document, so a crash
or a full disk leaves the previous file as it was.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import shutil
import sqlite3
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from rolematrix.store.errors import (
    CorruptFileError,
    EmptyFileError,
    NotADocumentError,
    NotFoundError,
    UnreadableFileError,
)
from rolematrix.store.identity import APPLICATION_ID

if TYPE_CHECKING:
    from sqlalchemy import Engine

SQLITE_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100
_ZIP_MAGIC = b"PK\x03\x04"


def real_path(path: Path) -> Path:
    """The file ``path`` stands for, symbolic links and ``..`` resolved.

    Resolved once when a document is opened or created: the lock, the
    temporary file, the rename and the backup all go beside the real file, so
    a save through a link changes the document (the link stays a link) and an
    editor on the link and one on the real path share one lock.
    """
    try:
        return path.resolve()
    except (OSError, RuntimeError) as exc:  # RuntimeError: a link loop (Python < 3.13)
        if isinstance(exc, RuntimeError) or exc.errno == errno.ELOOP:
            raise UnreadableFileError(
                f"{path.name} cannot be opened: it is a symbolic link that leads back to "
                "itself (a loop).",
                str(path),
            ) from None
        raise UnreadableFileError(
            f"{path.name} cannot be opened: {exc.strerror or exc}.", str(path)
        ) from None


def _kind_of(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def check_file(path: Path) -> None:
    """Raise the typed error describing why ``path`` is not a readable RoleMatrix file.

    Reads at most the first 100 bytes; never opens the file for writing. The
    file is opened without waiting (a named pipe would block a plain open
    until something writes to it) and refused unless it is a regular file.
    """
    name = path.name
    where = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        try:
            mode = os.fstat(fd).st_mode
            if stat.S_ISDIR(mode):
                raise IsADirectoryError(errno.EISDIR, "is a directory")
            if not stat.S_ISREG(mode):
                raise NotADocumentError(
                    f"{name} is {_kind_of(mode)}, not a RoleMatrix document: "
                    "RoleMatrix opens only regular files.",
                    where,
                )
            header = os.read(fd, _HEADER_SIZE)
            size = os.fstat(fd).st_size
        finally:
            os.close(fd)
    except FileNotFoundError:
        if not path.parent.is_dir():
            raise NotFoundError(
                f"{name} cannot be opened: the folder {path.parent} does not exist.", where
            ) from None
        raise NotFoundError(f"{name} does not exist (looked in {path.parent}).", where) from None
    except IsADirectoryError:
        raise NotADocumentError(f"{name} is a folder, not a RoleMatrix document.", where) from None
    except PermissionError:
        raise UnreadableFileError(
            f"{name} cannot be read: you do not have permission to read it.", where
        ) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnreadableFileError(
                f"{name} cannot be opened: it is a symbolic link that leads back to itself "
                "(a loop).",
                where,
            ) from None
        raise UnreadableFileError(f"{name} cannot be read: {exc.strerror or exc}.", where) from None
    if size == 0:
        raise EmptyFileError(
            f"{name} is empty (0 bytes): it holds no RoleMatrix document. "
            "It may have been created by another program or cut off while copying.",
            where,
        )
    if not header.startswith(SQLITE_MAGIC):
        if header.startswith(_ZIP_MAGIC):
            raise NotADocumentError(
                f"{name} is not a RoleMatrix document but a ZIP archive, for example an Excel "
                "workbook (.xlsx) with another name. Use Import to read a spreadsheet.",
                where,
            )
        raise NotADocumentError(
            f"{name} is not a RoleMatrix document (it is not a database file).", where
        )
    if len(header) < _HEADER_SIZE:
        raise CorruptFileError(f"{name} is damaged: the file is cut off after {size} bytes.", where)
    application_id = int.from_bytes(header[68:72], "big")
    if application_id != APPLICATION_ID:
        raise NotADocumentError(
            f"{name} is a database file of another program, not a RoleMatrix document.", where
        )
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    change_counter = header[24:28]
    pages = int.from_bytes(header[28:32], "big")
    valid_for = header[92:96]
    expected = page_size * pages if change_counter == valid_for else 0
    if size < expected or (page_size and size % page_size):
        raise CorruptFileError(
            f"{name} is damaged: it is shorter than its contents say "
            f"({size} of {expected} bytes), probably cut off while copying or saving.",
            where,
        )


def _read_only_uri(path: Path) -> str:
    """``mode=ro``; and ``immutable=1`` for a WAL-mode file without a ``-wal`` file beside it.

    Reading a WAL-mode file (another program set it) makes SQLite create
    ``-wal`` and ``-shm`` files beside it even read-only; with no ``-wal``
    there is nothing they could add, and an immutable read creates nothing.
    Our own saves never leave a file in WAL mode.
    """
    real = path.resolve()
    uri = real.as_uri() + "?mode=ro"
    with contextlib.suppress(OSError), real.open("rb") as stream:
        header = stream.read(20)
        wal = len(header) == 20 and header[18] == 2 and header[19] == 2
        if wal and not real.with_name(real.name + "-wal").exists():
            uri += "&immutable=1"
    return uri


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A ``sqlite3`` connection that reads ``path`` and can neither create nor modify it."""
    return sqlite3.connect(_read_only_uri(path), uri=True)


def read_engine(path: Path) -> Engine:
    """A SQLAlchemy engine that reads ``path`` and can neither create nor modify it."""
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    uri = _read_only_uri(path)

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True)

    return create_engine("sqlite://", creator=connect, poolclass=NullPool)


def scratch_engine(path: Path) -> Engine:
    """An engine writing a temporary file we own: no journal, no syncs (we fsync at the end).

    A failure half-way leaves a broken temporary file, which is deleted; the
    document itself is only ever replaced by a complete one.
    """
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    target = str(path)

    def connect() -> sqlite3.Connection:
        connection = sqlite3.connect(target)
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA synchronous = OFF")
        return connection

    return create_engine("sqlite://", creator=connect, poolclass=NullPool)


def temp_beside(path: Path) -> Path:
    """A new empty file in ``path``'s folder for building the next version of ``path``.

    Created with the usual permissions (0666 less the umask), not mkstemp's 0600,
    because it becomes the document.
    """
    for _attempt in range(100):
        candidate = path.with_name(f".{path.name}.{secrets.token_hex(4)}.saving")
        try:
            fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        os.close(fd)
        return candidate
    raise FileExistsError(f"no free temporary name beside {path}")  # pragma: no cover


def _temp_pattern(path: Path) -> re.Pattern[str]:
    return re.compile(rf"\.{re.escape(path.name)}\.[0-9a-f]{{8}}\.saving\Z")


def remove_stale_temps(path: Path) -> list[Path]:
    """Delete what saves of ``path`` that crashed left beside it; returns what was removed.

    Only files named as :func:`temp_beside` names them for this document, and
    only to be called while holding its editing lock: then no live save of
    it can own them.
    """
    pattern = _temp_pattern(path)
    removed: list[Path] = []
    with contextlib.suppress(OSError), os.scandir(path.parent) as entries:
        for entry in entries:
            if pattern.match(entry.name) and entry.is_file(follow_symlinks=False):
                remove_quietly(Path(entry.path))
                removed.append(Path(entry.path))
    return removed


def fsync_path(path: Path) -> None:
    """Force the file's content to disk (Windows needs a writable handle for that)."""
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX); folders cannot be opened on Windows, nor need it."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def replace_atomically(temp: Path, target: Path) -> None:
    """Flush ``temp`` to disk and rename it over ``target`` in one step."""
    fsync_path(temp)
    with contextlib.suppress(OSError):
        if target.exists():
            temp.chmod(target.stat().st_mode & 0o7777)
    temp.replace(target)
    fsync_folder(target.parent)


def remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def copy_file(source: Path, target: Path) -> None:
    """Copy the bytes only: the copy is modified, then renamed over the original."""
    shutil.copyfile(source, target)
