"""The document store on a PostgreSQL shared workspace (same tables, same code as files).

Needs a server: ``ROLEMATRIX_PG_URL`` (default ``postgresql+psycopg://postgres@127.0.0.1:5432/test``).
Without one these tests are skipped, unless ``ROLEMATRIX_REQUIRE_PG=1`` (CI), which turns
an unreachable server into a failure. Each test works in a schema of its own, dropped after.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool
from store_fixtures import document_state, persian_matrix, rich_document, rich_matrix

from rolematrix.core.model import Document
from rolematrix.store import (
    AlreadyExistsError,
    ConflictError,
    ConnectionFailedError,
    CorruptFileError,
    DocumentStore,
    NewerVersionError,
    NotADocumentError,
)

pytestmark = pytest.mark.postgres

PG_URL = os.environ.get("ROLEMATRIX_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@pytest.fixture
def workspace() -> Iterator[str]:
    """The URL of an empty database schema of its own (as if a fresh database)."""
    base = make_url(PG_URL)
    engine = create_engine(base, poolclass=NullPool, connect_args={"connect_timeout": 5})
    try:
        connection = engine.connect()
    except OperationalError as exc:
        engine.dispose()
        reason = str(exc.orig).strip().splitlines()[0]
        where = base.render_as_string(hide_password=True)
        if os.environ.get("ROLEMATRIX_REQUIRE_PG") == "1":
            pytest.fail(f"PostgreSQL required (ROLEMATRIX_REQUIRE_PG=1) but {where}: {reason}")
        pytest.skip(f"no PostgreSQL server at {where} ({reason}); set ROLEMATRIX_PG_URL")
    schema = f"rm_test_{uuid.uuid4().hex[:12]}"
    with connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        connection.commit()
        try:
            yield base.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
                hide_password=False
            )
        finally:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            connection.commit()
    engine.dispose()


def run_sql(url: str, sql: str) -> None:
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.begin() as connection:
            connection.execute(text(sql))
    finally:
        engine.dispose()


def test_round_trip_in_a_new_workspace(workspace: str) -> None:
    document = rich_document()
    expected = document_state(document)
    with DocumentStore.open(workspace) as store:  # an empty database becomes a workspace
        assert store.is_database
        assert store.load().matrices == []
        store.save(document)
    with DocumentStore.open(workspace, readonly=True) as store:
        assert document_state(store.load()) == expected


def test_incremental_saves_match_a_full_write(workspace: str) -> None:
    DocumentStore.create(workspace, rich_document()).close()
    with DocumentStore.open(workspace) as store:
        document = store.load()
        m = document.matrix("Release plan")
        m.set_cell(m.tasks[0].id, m.roles[2].id, "S")
        m.set_cell(m.tasks[1].id, m.roles[3].id, "")
        store.save(document)
        m.update_task(m.tasks[2].id, name="Implement it", notes="n")
        m.remove_role(m.roles[1].id)
        m.add_task("Celebrate")
        document.add(rich_matrix("Another"))
        document.matrices.remove(document.matrix("ماتریس مسئولیت"))
        store.save(document)
        assert [x.version for x in document.matrices] == [3, 1]
    with DocumentStore.open(workspace, readonly=True) as store:
        assert document_state(store.load()) == document_state(document)


def test_saving_over_a_newer_version_is_refused(workspace: str) -> None:
    DocumentStore.create(workspace, rich_document()).close()
    ann = DocumentStore.open(workspace)
    bob = DocumentStore.open(workspace)
    try:
        ann_doc, bob_doc = ann.load(), bob.load()
        a, b = ann_doc.matrices[0], bob_doc.matrices[0]
        a.set_cell(a.tasks[0].id, a.roles[2].id, "I")
        ann.save(ann_doc)
        b.set_cell(b.tasks[0].id, b.roles[2].id, "C")
        other = bob_doc.matrices[1]
        other.set_cell(other.tasks[0].id, other.roles[1].id, "✓")
        with pytest.raises(ConflictError, match="Release plan") as caught:
            bob.save(bob_doc)
        assert "version 2" in str(caught.value)
        assert "test" in str(caught.value)  # names the workspace
    finally:
        ann.close()
        bob.close()
    with DocumentStore.open(workspace, readonly=True) as store:
        current = store.load()
    # Bob's save wrote nothing, not even his edit of the other matrix
    assert document_state(current) == document_state(ann_doc)


def test_force_overwrites_a_newer_version(workspace: str) -> None:
    DocumentStore.create(workspace, rich_document()).close()
    with DocumentStore.open(workspace) as ann, DocumentStore.open(workspace) as bob:
        ann_doc, bob_doc = ann.load(), bob.load()
        ann_doc.matrices[0].update(description="Ann's")
        ann.save(ann_doc)
        bob_doc.matrices[0].update(description="Bob's")
        bob.save(bob_doc, force=True)
    with DocumentStore.open(workspace, readonly=True) as store:
        assert document_state(store.load()) == document_state(bob_doc)


def test_create_refuses_a_workspace_with_matrices(workspace: str) -> None:
    DocumentStore.create(workspace, rich_document()).close()
    with pytest.raises(AlreadyExistsError, match="already holds matrices"):
        DocumentStore.create(workspace, Document([persian_matrix()]))
    DocumentStore.create(workspace, Document([persian_matrix()]), overwrite=True).close()
    with DocumentStore.open(workspace, readonly=True) as store:
        assert [m.name for m in store.load().matrices] == ["ماتریس مسئولیت"]


def test_newer_workspace_is_refused(workspace: str) -> None:
    DocumentStore.create(workspace, rich_document()).close()
    run_sql(workspace, "UPDATE rolematrix_schema_version SET version_num = '9999'")
    with pytest.raises(NewerVersionError, match="newer version of RoleMatrix"):
        DocumentStore.open(workspace)


def test_database_of_another_program_is_left_alone(workspace: str) -> None:
    run_sql(workspace, "CREATE TABLE tasks (id integer primary key, title text)")
    with pytest.raises(NotADocumentError, match="tasks"):
        DocumentStore.open(workspace)
    with pytest.raises(NotADocumentError, match="no RoleMatrix workspace"):
        run_sql(workspace, "DROP TABLE tasks")
        DocumentStore.open(workspace, readonly=True)


def test_unreachable_server_names_the_address_without_password() -> None:
    url = "postgresql+psycopg://ann:s3cret@127.0.0.1:1/plans"
    with pytest.raises(ConnectionFailedError) as caught:
        DocumentStore.open(url)
    message = str(caught.value)
    assert "127.0.0.1:1/plans" in message
    assert "s3cret" not in message


def test_workspace_without_a_recorded_version_is_called_damaged(workspace: str) -> None:
    DocumentStore.create(workspace, rich_document()).close()
    run_sql(workspace, "DELETE FROM rolematrix_schema_version")
    with pytest.raises(CorruptFileError, match="records no format version") as caught:
        DocumentStore.open(workspace, readonly=True)
    assert "None" not in str(caught.value)
