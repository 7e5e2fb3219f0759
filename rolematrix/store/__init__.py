"""Where documents live: ``.rolematrix`` SQLite files and PostgreSQL shared workspaces.

Everything the GUI and the command line need is exported here::

    store = DocumentStore.open("plan.rolematrix")      # or a postgresql+psycopg:// URL
    document = store.load()
    ...                                                 # edit the matrices
    store.save(document)                                # writes only what changed
    store.close()

Failures raise a :class:`StoreError` subclass whose message names the file (or
the address, without password) and the problem.
"""

from rolematrix.core.history import (
    Conflict,
    HistoryEntry,
    RefreshResult,
    RemoteChange,
    Resolution,
)
from rolematrix.store.document_store import DocumentStore
from rolematrix.store.errors import (
    AlreadyExistsError,
    ConflictError,
    ConnectionFailedError,
    CorruptFileError,
    EmptyFileError,
    LockedError,
    MergeConflictError,
    NewerVersionError,
    NotADocumentError,
    NotFoundError,
    NotWritableError,
    ReadOnlyError,
    SaveFailedError,
    StoreError,
    UnreadableFileError,
)
from rolematrix.store.targets import is_database_url, without_password

#: The suffix of RoleMatrix document files.
SUFFIX = ".rolematrix"

__all__ = [
    "SUFFIX",
    "AlreadyExistsError",
    "Conflict",
    "ConflictError",
    "ConnectionFailedError",
    "CorruptFileError",
    "DocumentStore",
    "EmptyFileError",
    "HistoryEntry",
    "LockedError",
    "MergeConflictError",
    "NewerVersionError",
    "NotADocumentError",
    "NotFoundError",
    "NotWritableError",
    "ReadOnlyError",
    "RefreshResult",
    "RemoteChange",
    "Resolution",
    "SaveFailedError",
    "StoreError",
    "UnreadableFileError",
    "is_database_url",
    "without_password",
]
