"""A document in a database server (a PostgreSQL shared workspace): one database, same tables.

Opening a database that holds no RoleMatrix tables creates them -- the
database *is* the workspace. A newer schema is refused; an older one is
upgraded inside one transaction (PostgreSQL runs schema changes
transactionally, so a failed upgrade leaves the old schema).

Saving is one transaction. Matrices are guarded by their ``version``: the
store remembers the version of each matrix it read, and saving a matrix whose
version in the database has moved on (someone else saved it) is refused
before anything is written.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator
from typing import TypeVar

from sqlalchemy import URL, Connection, Engine, create_engine, func, inspect, select
from sqlalchemy.exc import DBAPIError, NoSuchModuleError, OperationalError
from sqlalchemy.pool import NullPool

from rolematrix.store import migrate
from rolematrix.store import schema as s
from rolematrix.store.errors import (
    ConnectionFailedError,
    CorruptFileError,
    NewerVersionError,
    NotADocumentError,
    ReadOnlyError,
    SaveFailedError,
    StoreError,
    unstorable,
)
from rolematrix.store.reader import DamagedDataError, LoadedMatrix, read_document, read_revision
from rolematrix.store.targets import public_url
from rolematrix.store.writer import clear_document, create_schema, write_meta

T = TypeVar("T")

_CONNECT_TIMEOUT_S = 10


_MISSING = re.compile(r'(database|role) "([^"]+)" does not exist')
_LOST = (
    "server closed the connection",
    "terminating connection",
    "consuming input failed",
    "connection is lost",
    "connection is closed",
    "connection has been closed",
    "could not receive data",
    "could not send data",
    "connection reset",
    "broken pipe",
    "ssl syscall",
    "eof detected",
)

#: Said after every failed save: the user's work is not lost.
KEPT = (
    "Nothing was saved; your changes are still open. Save again when the connection "
    "is back, or save a copy to a file."
)


def connection_reason(exc: BaseException) -> str:
    """What went wrong talking to the server, in words (never with the password)."""
    original = getattr(exc, "orig", None) or exc
    text = str(original).strip()
    first = text.splitlines()[0] if text else type(original).__name__
    low = text.lower()
    if "password authentication failed" in low or "no password supplied" in low:
        return (
            "the server did not accept the password (give it in ~/.pgpass or the "
            "PGPASSWORD environment variable, not in the address)"
        )
    if "connection refused" in low:
        return "no database server is answering there (is it running, and is the port right?)"
    if "timeout expired" in low or "timed out" in low:
        return f"the server did not answer within {_CONNECT_TIMEOUT_S} s"
    if "could not translate host name" in low or "name or service not known" in low:
        return "the server's host name is unknown"
    if any(marker in low for marker in _LOST):
        return "the connection to the server was lost"
    missing = _MISSING.search(text)
    if missing is not None:
        kind, name = missing.groups()
        if kind == "database":
            return (
                f'the server has no database named "{name}" (check the address, or have it '
                f"created: createdb {name})"
            )
        return (
            f'the server has no database user "{name}" (role "{name}" does not exist; '
            "check the user name in the address)"
        )
    return first.rstrip(".")


def is_connection_problem(exc: BaseException) -> bool:
    if isinstance(exc, OperationalError):
        return True
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    return isinstance(exc, DBAPIError) and any(m in str(exc.orig).lower() for m in _LOST)


@contextlib.contextmanager
def database_errors(where: str, *, saving: bool = False) -> Iterator[None]:
    """Turn driver failures into typed errors naming the address (without password)."""
    try:
        yield
    except DamagedDataError as exc:
        raise CorruptFileError(
            f"The workspace {where} holds data RoleMatrix cannot read ({exc}).", where
        ) from exc
    except (UnicodeError, OverflowError) as exc:
        if not saving:
            raise CorruptFileError(
                f"The workspace {where} holds data RoleMatrix cannot read ({exc}).", where
            ) from exc
        raise SaveFailedError(
            f"The workspace {where} could not be saved: {unstorable(exc)}. {KEPT}", where
        ) from exc
    except DBAPIError as exc:
        for cause in (exc.orig, exc.__cause__):
            if saving and isinstance(cause, UnicodeError | OverflowError):
                raise SaveFailedError(
                    f"The workspace {where} could not be saved: {unstorable(cause)}. {KEPT}",
                    where,
                ) from exc
        after = f" {KEPT}" if saving else ""
        if is_connection_problem(exc):
            raise ConnectionFailedError(
                f"Could not connect to the workspace {where}: {connection_reason(exc)}.{after}",
                where,
            ) from exc
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise StoreError(
            f"The workspace {where} reported an error: {reason}.{after}", where
        ) from exc


class DatabaseBackend:
    def __init__(self, url: URL, engine: Engine, *, readonly: bool) -> None:
        self.url = url
        self.readonly = readonly
        self._engine = engine
        self.database_user = url.username or ""

    @property
    def where(self) -> str:
        return public_url(self.url)

    @property
    def display_name(self) -> str:
        host = self.url.host or "localhost"
        return f"{self.url.database or '(default database)'} on {host}"

    @classmethod
    def open(cls, url: URL, *, readonly: bool) -> DatabaseBackend:
        where = public_url(url)
        args = (
            {"connect_timeout": _CONNECT_TIMEOUT_S}
            if url.get_backend_name() == "postgresql"
            else {}
        )
        try:
            # NullPool: a desktop client saves now and then; hold no idle connections
            engine = create_engine(url, poolclass=NullPool, connect_args=args)
        except NoSuchModuleError:
            raise ConnectionFailedError(
                f"RoleMatrix cannot talk to {where}: it has no driver for "
                f"{url.drivername!r} databases (use postgresql+psycopg://).",
                where,
            ) from None
        except ModuleNotFoundError as exc:
            raise ConnectionFailedError(
                f"RoleMatrix cannot talk to {where}: the database driver {exc.name!r} "
                "is not installed.",
                where,
            ) from None
        backend = cls(url, engine, readonly=readonly)
        try:
            with database_errors(where), engine.begin() as connection:
                backend._prepare(connection)
        except BaseException:
            engine.dispose()
            raise
        return backend

    def _prepare(self, connection: Connection) -> None:
        """Check (and create or upgrade) the workspace schema."""
        where = self.where
        if connection.dialect.name == "postgresql":
            self.database_user = str(connection.execute(select(func.current_user())).scalar())
        tables = set(inspect(connection).get_table_names())
        known = migrate.revisions()
        if s.VERSION_TABLE in tables:
            revision = read_revision(connection)
            if revision is None:
                raise CorruptFileError(
                    f"The workspace {where} is damaged: its table {s.VERSION_TABLE} records "
                    "no format version. Restore it from a backup, or ask whoever looks after "
                    "the database.",
                    where,
                )
            if not known.knows(revision):
                raise NewerVersionError(
                    f"The workspace {where} was set up by a newer version of RoleMatrix "
                    f"(format {revision}; this version knows up to {known.head}). "
                    "Update RoleMatrix to open it.",
                    where,
                )
            if known.is_older(revision):
                # Even for reading: unlike a file there is no private copy to upgrade, and
                # this version's queries need the new schema. The upgrade is one
                # transaction, so a failure (a user without the right to alter tables)
                # leaves the workspace as it was.
                migrate.upgrade(connection)
                write_meta(connection)
            return
        ours = tables & set(s.metadata.tables)
        if ours:
            raise NotADocumentError(
                f"The database {where} is not a RoleMatrix workspace: it already has tables "
                f"named {', '.join(sorted(ours))} that belong to something else.",
                where,
            )
        if self.readonly:
            raise NotADocumentError(
                f"The database {where} holds no RoleMatrix workspace yet.", where
            )
        create_schema(connection, known.head)
        write_meta(connection)

    def has_matrices(self) -> bool:
        with database_errors(self.where), self._engine.connect() as connection:
            count = connection.execute(select(func.count()).select_from(s.matrices)).scalar()
        return bool(count)

    def read(self) -> list[LoadedMatrix]:
        return self.run_read(read_document)

    def run_read(self, body: Callable[[Connection], T]) -> T:
        """Run ``body`` in one read transaction that sees a single consistent state."""
        with database_errors(self.where), self._engine.connect() as connection:
            if connection.dialect.name == "postgresql":
                connection.execution_options(isolation_level="REPEATABLE READ")
            with connection.begin():
                return body(connection)

    def write(self, body: Callable[[Connection, bool], T], *, fresh: bool, force: bool) -> T:
        if self.readonly:
            raise ReadOnlyError(f"The workspace {self.where} was opened read-only.", self.where)
        with database_errors(self.where, saving=True), self._engine.begin() as connection:
            if fresh:
                clear_document(connection)
            result = body(connection, fresh)
            write_meta(connection)
        return result

    def close(self) -> None:
        self._engine.dispose()
