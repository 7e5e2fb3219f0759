"""Reading input files and writing output files the same safe way in every format.

Every exporter writes through :func:`atomic_output`: the content goes to a
temporary file beside the target and replaces it only when complete, so a
failed export (unwritable folder, full disk, a writer error) never leaves a
partial file and never damages the previous one. Every importer reads through
:func:`read_input`, so a missing or unreadable file gets the same clear message
whatever its format.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from rolematrix.io import limits
from rolematrix.io.report import ExportError, UnreadableInputError


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str], what: str = "export") -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success it replaces ``path``.

    Failures are raised as :class:`ExportError` naming ``path``.
    """
    target = Path(path)
    try:
        handle, name = tempfile.mkstemp(
            dir=target.parent if str(target.parent) else ".",
            prefix=f".{target.name}.",
            suffix=".part",
        )
    except OSError as exc:
        raise ExportError(
            f"{target}: cannot write the {what} here ({exc.strerror or exc})"
        ) from exc
    os.close(handle)
    temp = Path(name)
    try:
        yield temp
        mask = os.umask(0)
        os.umask(mask)
        temp.chmod(0o666 & ~mask)
        temp.replace(target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(exc, ExportError):
            raise
        if isinstance(exc, OSError | ValueError | RuntimeError):
            detail = getattr(exc, "strerror", None) or str(exc)
            raise ExportError(f"{target}: cannot write the {what} ({detail})") from exc
        raise


def write_bytes_atomically(path: str | os.PathLike[str], data: bytes, what: str = "export") -> None:
    with atomic_output(path, what) as temp:
        temp.write_bytes(data)


def check_regular_file(path: str | os.PathLike[str]) -> int:
    """The size of ``path`` if it is a regular file (links followed) within
    :data:`~rolematrix.io.limits.MAX_FILE_BYTES`; else :class:`UnreadableInputError`.

    Looked at with ``stat``, before anything opens it: opening a named pipe
    (``mkfifo x.csv``) blocks until someone writes to it, and a device never ends.
    """
    source = Path(path)
    try:
        info = source.stat()
    except FileNotFoundError as exc:
        raise UnreadableInputError(f"{source}: no such file") from exc
    except OSError as exc:
        raise UnreadableInputError(
            f"{source}: cannot read the file ({exc.strerror or exc})"
        ) from exc
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableInputError(f"{source}: is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableInputError(
            f"{source}: not a regular file (a pipe, device or socket); nothing was read"
        )
    if info.st_size > limits.MAX_FILE_BYTES:
        raise limits.exceeded(
            source.name,
            f"the file is {info.st_size:,} bytes",
            limits.MAX_FILE_BYTES,
            "MAX_FILE_BYTES",
        )
    return info.st_size


def read_input(path: str | os.PathLike[str], *, allow_empty: bool = False) -> bytes:
    """The bytes of an input file, or :class:`UnreadableInputError` saying why not."""
    source = Path(path)
    check_regular_file(source)
    try:
        with source.open("rb") as handle:
            data = handle.read(limits.MAX_FILE_BYTES + 1)
    except FileNotFoundError as exc:
        raise UnreadableInputError(f"{source}: no such file") from exc
    except IsADirectoryError as exc:
        raise UnreadableInputError(f"{source}: is a folder, not a file") from exc
    except OSError as exc:
        raise UnreadableInputError(
            f"{source}: cannot read the file ({exc.strerror or exc})"
        ) from exc
    if len(data) > limits.MAX_FILE_BYTES:  # grew since it was looked at
        raise limits.exceeded(
            source.name, "the file is larger", limits.MAX_FILE_BYTES, "MAX_FILE_BYTES"
        )
    if not allow_empty and not data.strip():
        raise UnreadableInputError(f"{source.name}: the file is empty")
    return data
