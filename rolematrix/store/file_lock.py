"""The "this file is open for editing" lock, shared by windows and processes.

A document open for writing holds an OS lock on a small sidecar file beside it
(``.plan.rolematrix.lock``). The lock itself is ``flock`` (POSIX) or
``msvcrt.locking`` (Windows) and so dies with its process: a crashed editor
never leaves a stale lock, only a harmless stale lock *file*, which the next
opener simply locks again. The file holds the holder's process id and host so
that the "in use" message can say who has it.

The lock is not taken on the document file itself because every save replaces
that file (a new inode), which would silently drop a lock held on the old one.

Releasing on POSIX unlinks the sidecar *while still holding the lock*; an
opener that locked a file which was unlinked meanwhile notices (its inode is no
longer the one the path names) and starts over, so two holders can never both
believe they own the document.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import socket
import sys
import time
import weakref
from pathlib import Path

from rolematrix.store.errors import LockedError, NotWritableError


def lock_path_for(document: Path) -> Path:
    return document.with_name(f".{document.name}.lock")


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError as exc:  # pragma: no cover - file systems without flock support
        if exc.errno in (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS):
            return True  # cannot lock here: behave as before locking existed
        raise
    return True


def _release(fd: int, path: str) -> None:
    """Give the lock up: unlink the sidecar first (POSIX), then close, which unlocks."""
    if sys.platform != "win32":
        with contextlib.suppress(OSError):
            st = os.fstat(fd)
            now = Path(path).stat()
            if (st.st_dev, st.st_ino) == (now.st_dev, now.st_ino):
                Path(path).unlink()
    with contextlib.suppress(OSError):
        os.close(fd)


def _holder(fd: int) -> str:
    """Who holds the lock, as the holder wrote it ("process 123 on host")."""
    try:
        data = os.pread(fd, 4096, 0) if hasattr(os, "pread") else b""
        info = json.loads(data.decode("utf-8"))
        host = info.get("host", "")
        pid = info.get("pid")
        here = host == socket.gethostname()
        if pid == os.getpid() and here:
            return "another window of this RoleMatrix"
        where = "this computer" if here else f"computer {host}"
        return f"RoleMatrix process {pid} on {where}"
    except (OSError, ValueError, AttributeError):
        return "another window or program"


class FileLock:
    """An exclusive editing lock on one document; released by :meth:`release` or on collection."""

    def __init__(self, document: Path, fd: int, path: Path) -> None:
        self.document = document
        self.path = path
        self._finalizer = weakref.finalize(self, _release, fd, str(path))

    @classmethod
    def acquire(cls, document: Path, *, creating: bool = False) -> FileLock:
        """Lock ``document`` for editing, or raise :class:`LockedError` naming it and the holder.

        ``creating``: the document is about to be written for the first time, so a
        folder that cannot be written to is not a reason to offer reading it.
        """
        path = lock_path_for(document)
        for _attempt in range(50):
            try:
                fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as exc:
                why = exc.strerror or exc
                message = (
                    f"{document.name} cannot be saved there: RoleMatrix cannot write in "
                    f"{document.parent} ({why}). Choose a folder you can write to."
                    if creating
                    else f"{document.name} cannot be opened for editing: RoleMatrix cannot "
                    f"create its lock file in {document.parent} ({why}). "
                    "Open it read-only, or copy it to a folder you can write to."
                )
                raise NotWritableError(message, str(document)) from None
            if not _try_lock(fd):
                who = _holder(fd)
                os.close(fd)
                raise LockedError(
                    f"{document.name} is already open for editing by {who}. "
                    "Close it there first, or open it read-only.",
                    str(document),
                )
            if sys.platform != "win32":
                try:
                    now = path.stat()
                except FileNotFoundError:
                    now = None
                st = os.fstat(fd)
                if now is None or (st.st_dev, st.st_ino) != (now.st_dev, now.st_ino):
                    os.close(fd)  # the previous holder unlinked it as we locked: start over
                    time.sleep(0.001)
                    continue
            info = json.dumps(
                {"pid": os.getpid(), "host": socket.gethostname(), "since": time.time()}
            ).encode("utf-8")
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
                os.lseek(fd, 0, os.SEEK_SET)
                os.write(fd, info)
            return cls(document, fd, path)
        raise LockedError(  # pragma: no cover - needs a pathological race
            f"{document.name} could not be locked for editing; try again.", str(document)
        )

    @property
    def held(self) -> bool:
        return self._finalizer.alive

    def release(self) -> None:
        self._finalizer()
