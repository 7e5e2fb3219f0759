"""Fixtures for the shared-workspace tests: a PostgreSQL schema per test, and ways to break
the connection without touching the shared server.

Needs a server: ``ROLEMATRIX_PG_URL`` (default ``postgresql+psycopg://postgres@127.0.0.1:5432/test``).
Without one the tests are skipped, unless ``ROLEMATRIX_REQUIRE_PG=1`` (CI), which turns an
unreachable server into a failure.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, create_engine, event, make_url, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool

PG_URL = os.environ.get("ROLEMATRIX_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def server_or_skip() -> Engine:
    """An engine on the test server; skips (or fails on CI) when there is none."""
    base = make_url(PG_URL)
    engine = create_engine(base, poolclass=NullPool, connect_args={"connect_timeout": 5})
    try:
        engine.connect().close()
    except OperationalError as exc:
        engine.dispose()
        reason = str(exc.orig).strip().splitlines()[0]
        where = base.render_as_string(hide_password=True)
        if os.environ.get("ROLEMATRIX_REQUIRE_PG") == "1":
            pytest.fail(f"PostgreSQL required (ROLEMATRIX_REQUIRE_PG=1) but {where}: {reason}")
        pytest.skip(f"no PostgreSQL server at {where} ({reason}); set ROLEMATRIX_PG_URL")
    return engine


def url_in_schema(schema: str, *, port: int | None = None) -> str:
    url = make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    if port is not None:
        url = url.set(host="127.0.0.1", port=port)
    return url.render_as_string(hide_password=False)


@contextlib.contextmanager
def own_schema() -> Iterator[str]:
    """A fresh schema (as if an empty database), dropped afterwards."""
    engine = server_or_skip()
    schema = f"rm_test_{uuid.uuid4().hex[:12]}"
    try:
        with engine.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        yield schema
    finally:
        with engine.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        engine.dispose()


@pytest.fixture
def workspace() -> Iterator[str]:
    """The URL of an empty workspace of its own."""
    with own_schema() as schema:
        yield url_in_schema(schema)


def run_sql(url: str, sql: str) -> list[tuple[object, ...]]:
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.begin() as connection:
            result = connection.execute(text(sql))
            return [tuple(row) for row in result] if result.returns_rows else []
    finally:
        engine.dispose()


@contextlib.contextmanager
def terminate_backend_on(statement_start: str) -> Iterator[list[int]]:
    """While active, the first statement starting with ``statement_start`` finds its
    server process terminated (as by an administrator or a crash); yields the killed pids."""
    admin = server_or_skip()
    killed: list[int] = []

    def before(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if killed or not statement.lstrip().upper().startswith(statement_start.upper()):
            return
        pid = conn.connection.dbapi_connection.info.backend_pid
        with admin.begin() as other:
            other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        killed.append(pid)

    event.listen(Engine, "before_cursor_execute", before)
    try:
        yield killed
    finally:
        event.remove(Engine, "before_cursor_execute", before)
        admin.dispose()


class TcpProxy:
    """A forwarder to the test server that can be "switched off": the server as the editor
    sees it goes away (connections cut, nobody listening) and comes back, while the real,
    shared server keeps running for everyone else."""

    def __init__(self) -> None:
        target = make_url(PG_URL)
        self._target = (target.host or "127.0.0.1", target.port or 5432)
        self._listener: socket.socket | None = None
        self._open: set[socket.socket] = set()
        self._lock = threading.Lock()
        self.port = 0
        self.start()

    def start(self) -> None:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(16)
        self.port = listener.getsockname()[1]
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def stop(self) -> None:
        """The server is gone: refuse new connections and cut the open ones."""
        listener, self._listener = self._listener, None
        if listener is not None:
            with contextlib.suppress(OSError):
                listener.shutdown(socket.SHUT_RDWR)
            listener.close()
        with self._lock:
            sockets, self._open = list(self._open), set()
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self._target, timeout=5)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            with self._lock:
                self._open.update((client, upstream))
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
            with self._lock:
                for sock in (source, sink):
                    if sock in self._open:
                        self._open.discard(sock)
                        sock.close()


@pytest.fixture
def proxied_workspace() -> Iterator[tuple[str, TcpProxy]]:
    """A workspace reached through a :class:`TcpProxy` (URL, proxy)."""
    server_or_skip().dispose()
    proxy = TcpProxy()
    try:
        with own_schema() as schema:
            yield url_in_schema(schema, port=proxy.port), proxy
    finally:
        proxy.stop()
