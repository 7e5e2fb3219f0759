"""Connection trouble: a clear message, nothing half-saved, and the unsaved work kept.

The shared test server is never stopped: "the server went away" is a forwarding
proxy switched off (:class:`TcpProxy`), and "the connection dropped mid-save" is
the saving connection's server process terminated from another connection.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import make_url
from store_fixtures import document_state, rich_document
from workspace_fixtures import TcpProxy, proxied_workspace, run_sql, terminate_backend_on, workspace

from rolematrix.cli import main as cli
from rolematrix.store import ConnectionFailedError, DocumentStore

pytestmark = pytest.mark.postgres
__all__ = ["proxied_workspace", "workspace"]  # fixtures, imported for pytest


def saved_state(url: str) -> list[dict[str, object]]:
    with DocumentStore.open(url, readonly=True) as store:
        return document_state(store.load())


def test_connection_dropped_mid_save_saves_nothing_and_keeps_the_work(workspace: str) -> None:
    DocumentStore.create(workspace, rich_document()).close()
    before = saved_state(workspace)
    history_before = run_sql(workspace, "SELECT count(*) FROM history")
    with DocumentStore.open(workspace) as store:
        document = store.load()
        m = document.matrices[0]
        m.set_cell(m.tasks[0].id, m.roles[2].id, "I")
        m.add_task("Late addition")
        with (
            terminate_backend_on("INSERT INTO history") as killed,
            pytest.raises(ConnectionFailedError) as caught,
        ):
            store.save(document)
        assert killed  # it really happened in the middle of the save
        message = str(caught.value)
        assert "connection to the server was lost" in message
        assert "Nothing was saved; your changes are still open" in message
        assert saved_state(workspace) == before  # the transaction was rolled back whole
        assert run_sql(workspace, "SELECT count(*) FROM history") == history_before
        assert not m.journal.empty and m.journal.structure  # nothing forgotten

        store.save(document)  # the store reconnects by itself
        assert m.journal.empty
    assert saved_state(workspace) == document_state(document)


def test_server_gone_mid_session(proxied_workspace: tuple[str, TcpProxy], tmp_path: Path) -> None:
    url, proxy = proxied_workspace
    with_password = make_url(url).set(password="s3cret").render_as_string(hide_password=False)
    DocumentStore.create(with_password, rich_document()).close()
    with DocumentStore.open(with_password) as store:
        document = store.load()
        m = document.matrices[0]
        m.set_cell(m.tasks[1].id, m.roles[1].id, "C")
        proxy.stop()

        with pytest.raises(ConnectionFailedError) as caught:
            store.save(document)
        message = str(caught.value)
        assert "no database server is answering" in message
        assert f"127.0.0.1:{proxy.port}" in message
        assert "s3cret" not in message
        assert not m.journal.empty
        with pytest.raises(ConnectionFailedError):
            store.changes_since(document)  # polling says so too

        # the work can go to a local file meanwhile...
        local = store.save_as(document, tmp_path / "local.rolematrix")
        local.close()
        with DocumentStore.open(tmp_path / "local.rolematrix", readonly=True) as copy:
            assert document_state(copy.load()) == document_state(document)

        # ...and to the workspace once it is back
        proxy.start()
        store.save(document)
    assert saved_state(url) == document_state(document)


def test_unknown_database_user(workspace: str) -> None:
    url = make_url(workspace).set(username="nobody_here", password="hunter2")
    with pytest.raises(ConnectionFailedError) as caught:
        DocumentStore.open(url.render_as_string(hide_password=False))
    message = str(caught.value)
    assert 'role "nobody_here" does not exist' in message
    assert "hunter2" not in message
    assert "nobody_here:***@" in message
    assert 'no database user "nobody_here"' in message


def test_unknown_database_is_named(workspace: str, capsys: pytest.CaptureFixture[str]) -> None:
    url = make_url(workspace).set(database="no_such_db_here").render_as_string(hide_password=False)
    with pytest.raises(ConnectionFailedError, match='no database named "no_such_db_here"'):
        DocumentStore.open(url)
    assert cli(["check", url]) == 2
    err = capsys.readouterr().err
    assert "Could not connect" in err and "createdb no_such_db_here" in err
    assert "Traceback" not in err
