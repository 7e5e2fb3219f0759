"""What a store remembers about the matrices it loaded or saved, and what a save reports back.

Loading a file sets this up, so it lives apart from the SQLAlchemy reader,
writer and merging code (:mod:`rolematrix.store.sync`, :mod:`rolematrix.store.writer`
re-export it): opening a file must not pay for importing SQLAlchemy.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field

from rolematrix.core.model import Matrix

#: matrix -> serial of the store its journal is relative to (see document_store)
JOURNAL_BASE: weakref.WeakKeyDictionary[Matrix, int] = weakref.WeakKeyDictionary()


@dataclass(frozen=True, slots=True)
class Tracked:
    """Where a matrix lives in the tables and the version it had when last read or written."""

    db_id: int
    version: int
    next_id: int = 0  # the id counter as saved (another editor may have moved it on)


class VersionConflict(Exception):
    """Matrices changed in the tables since they were read.

    ``changed`` lists (name, ours, theirs or None when deleted); ``current`` maps
    the id of every matrix checked to its version in the tables (None: deleted).
    """

    def __init__(
        self,
        changed: list[tuple[str, int, int | None]],
        current: dict[int, int | None] | None = None,
    ) -> None:
        super().__init__(changed)
        self.changed = changed
        self.current = current or {}


class NameTaken(Exception):
    """A new matrix has the name of a matrix someone else added since the document was read."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


@dataclass(slots=True)
class SyncState:
    """What a store knows about the workspace, as of its last load, save or refresh."""

    serial: int
    tracked: weakref.WeakKeyDictionary[Matrix, Tracked] = field(
        default_factory=weakref.WeakKeyDictionary
    )
    known: dict[int, int] = field(default_factory=dict)  # ids in the document -> base version
    seen: dict[int, int] = field(default_factory=dict)  # ids -> version the editor has seen
    names: dict[int, str] = field(default_factory=dict)
    #: ids of items a refresh took from the workspace into a matrix whose base could not
    #: move on (a conflict is open): theirs, although they look new against that base
    adopted: weakref.WeakKeyDictionary[Matrix, set[int]] = field(
        default_factory=weakref.WeakKeyDictionary
    )

    def track(self, matrix: Matrix, where: Tracked) -> None:
        self.adopted.pop(matrix, None)
        self.tracked[matrix] = where
        self.known[where.db_id] = where.version
        self.seen[where.db_id] = where.version
        self.names[where.db_id] = matrix.name
        matrix.version = where.version
        JOURNAL_BASE[matrix] = self.serial

    def untrack(self, matrix: Matrix) -> None:
        where = self.tracked.pop(matrix, None)
        if where is not None:
            self.known.pop(where.db_id, None)
            self.seen.pop(where.db_id, None)

    def relative(self, matrix: Matrix) -> bool:
        return JOURNAL_BASE.get(matrix) == self.serial
