"""What can go wrong opening or saving a document, as exceptions the GUI and CLI can show as is.

Every message is one or two sentences a user understands; it names the file
(or the database address, without its password) and says what is wrong and,
where there is one, what to do. Storage code never prints or shows dialogs:
the caller decides how to present these.
"""

from __future__ import annotations

from rolematrix.core.history import Conflict


class StoreError(Exception):
    """Base of every store failure. ``where`` is the file or address the message names."""

    def __init__(self, message: str, where: str = "") -> None:
        super().__init__(message)
        self.where = where


class NotFoundError(StoreError):
    """The file (or its folder) does not exist."""


class NotADocumentError(StoreError):
    """The file exists but is not a RoleMatrix document (another program's file, a spreadsheet)."""


class EmptyFileError(StoreError):
    """The file is empty (zero bytes)."""


class CorruptFileError(StoreError):
    """A RoleMatrix file that is damaged or truncated."""


class UnreadableFileError(StoreError):
    """The file cannot be read (permissions, I/O error)."""


class NotWritableError(StoreError):
    """The document can be read but not saved where it is (read-only folder or disk)."""


class LockedError(StoreError):
    """Another window or program has the file open for editing."""


class NewerVersionError(StoreError):
    """Saved by a newer RoleMatrix whose file format this version does not know."""


class ConnectionFailedError(StoreError):
    """The database server could not be reached or refused the connection."""


class ConflictError(StoreError):
    """The document changed on disk or in the workspace since it was loaded; nothing was written."""


class MergeConflictError(ConflictError):
    """Someone else changed the same cells (or items) as I did; nothing was written.

    ``conflicts`` lists each one -- task, role, the codes before, theirs and mine
    -- for the editor to show. Save again with ``resolutions`` (a
    :class:`~rolematrix.core.history.Resolution` for all, or one per conflict)
    to settle them; my other changes and all of theirs merge by themselves.
    """

    def __init__(self, message: str, where: str, conflicts: list[Conflict]) -> None:
        super().__init__(message, where)
        self.conflicts = conflicts


class AlreadyExistsError(StoreError):
    """Creating a document where one already exists, without ``overwrite``."""


class ReadOnlyError(StoreError):
    """Saving through a store that was opened read-only."""


class SaveFailedError(StoreError):
    """Writing failed (disk full, I/O error); the previous file is left as it was."""


def unstorable(exc: UnicodeError | OverflowError) -> str:
    """Why a value of the document cannot be written, in words: a broken character, a huge number.

    Text can hold a lone surrogate (from a JSON ``\\ud800`` escape, say) that no
    database can store; the message shows where, escaped, so that it can be found.
    """
    if isinstance(exc, UnicodeError):
        text = getattr(exc, "object", None)
        start, end = getattr(exc, "start", 0), getattr(exc, "end", 0)
        if isinstance(text, str):
            around = text[max(0, start - 20) : end + 20]
            return f"a text holds a broken character that cannot be stored ({around!r})"
        return "a text holds a broken character that cannot be stored"
    return "a number is too large to be stored"
