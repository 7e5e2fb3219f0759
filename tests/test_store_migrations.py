"""Schema versions: older files are upgraded after a backup, the migrations match the code.

To have an "older" file without shipping a fake revision, the tests copy the
real migrations into a temporary folder, add one more revision there (which
changes both the schema and the data, so its effect is visible), and point the
store at that folder. Files made by the real code are then one revision old.
"""

from __future__ import annotations

import shutil
import sqlite3
import textwrap
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from store_fixtures import FileState, document_state, rich_document
from workspace_fixtures import run_sql, workspace

from rolematrix.cli import main as cli
from rolematrix.store import DocumentStore, migrate
from rolematrix.store.schema import APPLICATION_ID, VERSION_TABLE, metadata
from rolematrix.store.sqlite_file import scratch_engine

__all__ = ["workspace"]  # the fixture, imported for pytest

NEXT_REVISION = textwrap.dedent(
    '''
    """Test-only revision: a labels table, and every description marked as upgraded."""

    import sqlalchemy as sa
    from alembic import op

    revision = "0002test"
    down_revision = "{head}"


    def upgrade() -> None:
        op.create_table("labels", sa.Column("id", sa.Integer, primary_key=True))
        op.execute("UPDATE matrices SET description = description || ' (upgraded)'")


    def downgrade() -> None:
        op.drop_table("labels")
    '''
)


def schema_revision(path: Path) -> str:
    with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as db:
        value = db.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone()[0]
    db.close()
    return str(value)


def become_newer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """From now on the store is a RoleMatrix one schema revision ahead; returns that revision."""
    location = tmp_path / "migrations"
    shutil.copytree(migrate.SCRIPT_LOCATION, location, ignore=shutil.ignore_patterns("__pycache__"))
    head = migrate.revisions().head
    (location / "versions" / "r0002test.py").write_text(
        NEXT_REVISION.format(head=head), encoding="utf-8"
    )
    monkeypatch.setattr(migrate, "SCRIPT_LOCATION", location)
    assert migrate.revisions().chain[-2:] == (head, "0002test")
    return "0002test"


def test_revision_chain_read_without_alembic_agrees_with_alembic() -> None:
    script = ScriptDirectory(str(migrate.SCRIPT_LOCATION))
    walked = tuple(reversed([rev.revision for rev in script.walk_revisions()]))
    assert migrate.revisions().chain == walked
    assert migrate.revisions().head == script.get_current_head()


def test_migrations_build_the_schema_new_files_get(tmp_path: Path) -> None:
    """Files are created from the table definitions; the migrations must give the same schema."""
    path = tmp_path / "migrated.sqlite"
    engine = scratch_engine(path)
    try:
        with engine.begin() as connection:
            migrate.upgrade(connection)
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE})
            assert compare_metadata(context, metadata) == []
            assert context.get_current_revision() == migrate.revisions().head
    finally:
        engine.dispose()


def test_older_file_is_upgraded_after_a_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "plan.rolematrix"
    old_head = migrate.revisions().head
    document = rich_document()
    expected = document_state(document)
    DocumentStore.create(path, document).close()
    newer_code = become_newer(tmp_path, monkeypatch)
    assert schema_revision(path) == old_head
    original = path.read_bytes()

    with DocumentStore.open(path) as store:
        loaded = store.load()

    backup = tmp_path / f"plan.rolematrix.bak-{old_head}"
    assert backup.read_bytes() == original
    assert schema_revision(path) == newer_code
    assert int.from_bytes(path.read_bytes()[68:72], "big") == APPLICATION_ID
    assert [m.description for m in loaded.matrices] == [
        m["description"] + " (upgraded)" for m in expected
    ]
    assert [{**m, "description": ""} for m in document_state(loaded)] == [
        {**m, "description": ""} for m in expected
    ]
    # the upgraded file is a normal document from now on
    with DocumentStore.open(path) as store:
        again = store.load()
        again.matrices[0].set_cell(
            again.matrices[0].tasks[0].id, again.matrices[0].roles[3].id, "I"
        )
        store.save(again)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("plan")) == [
        "plan.rolematrix",
        f"plan.rolematrix.bak-{old_head}",
    ]


def test_older_file_opened_read_only_is_upgraded_in_a_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "plan.rolematrix"
    DocumentStore.create(path, rich_document()).close()
    become_newer(tmp_path, monkeypatch)
    before = FileState.of(path)

    with DocumentStore.open(path, readonly=True) as store:
        loaded = store.load()

    assert FileState.of(path) == before  # not upgraded in place, no backup made
    assert loaded.matrices[0].description.endswith(" (upgraded)")


@pytest.mark.postgres
def test_older_workspace_is_upgraded_even_by_a_reading_command(
    workspace: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    DocumentStore.create(workspace, rich_document()).close()
    expected = [m["description"] + " (upgraded)" for m in document_state(rich_document())]
    newer_code = become_newer(tmp_path, monkeypatch)

    assert cli(["history", workspace]) == 0
    assert "older" not in capsys.readouterr().err
    assert run_sql(workspace, f"SELECT version_num FROM {VERSION_TABLE}") == [(newer_code,)]
    with DocumentStore.open(workspace, readonly=True) as store:
        assert [m.description for m in store.load().matrices] == expected
    with DocumentStore.open(workspace) as store:  # and, upgraded once, it stays so
        document = store.load()
        assert [m.description for m in document.matrices] == expected
        store.save(document)
