"""The history: who changed what and when, on workspaces and files, and documents rebuilt
as they were at a past moment (``load_at``, ``rolematrix diff --at``)."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, DateTime, column, create_engine, table
from sqlalchemy.pool import NullPool
from store_fixtures import document_state, rich_document, rich_matrix
from test_store_migrations import schema_revision
from workspace_fixtures import own_schema, url_in_schema

from rolematrix.cli import main as cli
from rolematrix.core.model import Document, Person
from rolematrix.store import DocumentStore, migrate
from rolematrix.store.sqlite_file import scratch_engine


def comparable(document: Document) -> list[dict[str, Any]]:
    """The document's state without id counters (a rebuilt past keeps the newer counter)."""
    return [{k: v for k, v in m.items() if k != "next_id"} for m in document_state(document)]


@pytest.fixture(params=["file", pytest.param("workspace", marks=pytest.mark.postgres)])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A place for a document: a file, or a PostgreSQL workspace."""
    if request.param == "file":
        yield str(tmp_path / "plan.rolematrix")
    else:
        with own_schema() as schema:
            yield url_in_schema(schema)


def back_to_revision_0001(
    target: str | Path, then: Callable[[Connection], None] | None = None
) -> None:
    """Turn a document (file or workspace) back into RoleMatrix's first format, with
    ``then`` run in the same transaction; 0001 never wrote history rows, so none are kept."""
    work = Path(f"{target}.work") if isinstance(target, Path) else None
    if work is not None:
        shutil.copyfile(target, work)
    engine = (
        scratch_engine(work) if work is not None else create_engine(str(target), poolclass=NullPool)
    )
    try:
        with engine.begin() as connection:
            config = Config()
            config.set_main_option("script_location", str(migrate.SCRIPT_LOCATION))
            config.attributes["connection"] = connection
            command.downgrade(config, "0001")
            connection.exec_driver_sql("DELETE FROM history")
            if then is not None:
                then(connection)
        with engine.connect() as connection:
            revision = connection.exec_driver_sql(
                "SELECT version_num FROM rolematrix_schema_version"
            ).scalar()
        assert revision == "0001"
    finally:
        engine.dispose()
    if work is not None:
        shutil.move(work, target)


def latest_moment(store: DocumentStore) -> datetime:
    return store.history(limit=1)[0].at


def test_every_change_is_recorded_with_who_and_when(
    target: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ROLEMATRIX_USER", "Sara")
    started = datetime.now(UTC) - timedelta(seconds=1)
    DocumentStore.create(target, rich_document()).close()
    with DocumentStore.open(target, user="Ann") as store:
        document = store.load()
        m = document.matrix("Release plan")
        implement, tester = m.find_task("Implement"), m.find_role("Tester")
        assert implement is not None and tester is not None
        m.set_cell(implement.id, tester.id, "R")
        store.save(document)
        m.update_task(implement.id, name="Implement it")
        m.move_role(tester.id, 0)
        finance = m.find_role("Finance")
        assert finance is not None
        m.remove_role(finance.id)
        m.add_person("Dan", [tester.id])
        store.save(document)
        entries = store.history()
        cell_history = store.history(matrix=m, task=implement.id, role=tester.id)
        by_name = store.history("release plan", task="Implement it", limit=2)
        of_removed_role = store.history(role="Finance")
    ended = datetime.now(UTC) + timedelta(seconds=1)

    is_database = "://" in target
    ann = "Ann (postgres)" if is_database else "Ann"
    setup = "Sara (postgres)" if is_database else "Sara"
    assert [e.who for e in entries].count(setup) == 2  # the two matrices created
    assert all(started <= e.at <= ended for e in entries)
    kinds = [e.kind for e in entries if e.who == ann]
    assert sorted(set(kinds)) == [
        "cell",
        "conflicts",  # Finance was incompatible with the project manager
        "people",
        "role-moved",
        "role-removed",
        "task-renamed",
    ]
    assert kinds.count("cell") == 1 + 1  # my edit, and the one cell of the removed role
    rename = next(e for e in entries if e.kind == "task-renamed")
    assert (rename.old, rename.new, rename.text) == (
        "Implement",
        "Implement it",
        "task renamed: “Implement” → “Implement it”",
    )
    (edit,) = cell_history
    assert (edit.task, edit.role, edit.old, edit.new) == ("Implement", "Tester", "S", "R")
    assert edit.text == "Implement × Tester: S → R"
    assert edit.matrix == "Release plan" and edit.version == 2
    # by the name now, the entries from before the rename too; newest first
    assert [e.kind for e in by_name] == ["task-renamed", "cell"]
    assert {e.kind for e in of_removed_role} == {"cell", "role-removed"}
    assert all(e.role == "Finance" for e in of_removed_role)


def test_load_at_rebuilds_each_past_state(target: str) -> None:
    steps: list[Callable[[Document], None]] = [
        lambda d: d.matrices[0].set_cells(
            [(d.matrices[0].tasks[0].id, d.matrices[0].roles[2].id, "I")]
        ),
        lambda d: d.matrices[0].remove_task(d.matrices[0].tasks[1].id),
        lambda d: d.matrices[0].add_task("Celebrate", d.matrices[0].phases[0].id, index=0),
        lambda d: d.matrices[0].update_role(d.matrices[0].roles[0].id, name="Lead", colour="#000"),
        lambda d: d.add(rich_matrix("Second plan")),
        lambda d: d.matrices.remove(d.matrices[1]),  # the Persian one, cells and all
        lambda d: d.matrices[0].set_people([Person(90, "Eve", [d.matrices[0].roles[1].id])]),
        lambda d: d.matrices[0].move_task(
            d.matrices[0].tasks[-1].id, d.matrices[0].phases[0].id, 0
        ),
        lambda d: d.matrices[0].remove_phase(d.matrices[0].phases[1].id),
    ]
    DocumentStore.create(target, rich_document()).close()
    with DocumentStore.open(target) as store:
        document = store.load()
        past = [(latest_moment(store), comparable(document))]
        for step in steps:
            step(document)
            store.save(document)
            past.append((latest_moment(store), comparable(document)))
        for moment, expected in past:
            assert comparable(store.load_at(moment)) == expected
        before_anything = past[0][0] - timedelta(microseconds=1)
        assert store.load_at(before_anything).matrices == []
        (persian,) = store.load_at(past[5][0], "ماتریس مسئولیت").matrices  # deleted since
        assert comparable(Document([persian])) == [past[5][1][1]]


def test_diff_at_compares_with_a_past_moment(
    target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    DocumentStore.create(target, rich_document()).close()
    with DocumentStore.open(target) as store:
        document = store.load()
        created = latest_moment(store)
        m = document.matrix("Release plan")
        m.set_cell(m.tasks[2].id, m.roles[2].id, "R")
        m.add_role("Auditor")
        store.save(document)
    at = created.astimezone().replace(tzinfo=None).isoformat()  # local time, as typed
    capsys.readouterr()
    assert cli(["diff", target, "--at", at]) == 1
    out = capsys.readouterr().out
    assert "Implement × Tester: S → R" in out
    assert "role added: “Auditor”" in out
    assert cli(["diff", target, "--at", at, "--matrix", "ماتریس مسئولیت"]) == 0
    assert cli(["diff", target, "--at", (datetime.now() + timedelta(hours=1)).isoformat()]) == 0
    assert cli(["diff", target, "--at", "yesterday"]) == 2
    assert "not a date and time" in capsys.readouterr().err
    assert cli(["diff", target]) == 2


def test_diff_at_shows_a_renamed_matrix_as_renamed(
    target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    DocumentStore.create(target, rich_document()).close()
    with DocumentStore.open(target) as store:
        document = store.load()
        created = latest_moment(store)
        m = document.matrix("Release plan")
        m.update(name="Release plan 2027")
        m.set_cell(m.tasks[0].id, m.roles[3].id, "I")
        store.save(document)
    capsys.readouterr()
    assert cli(["diff", target, "--at", created.isoformat()]) == 1
    out = capsys.readouterr().out
    assert "name 'Release plan' → 'Release plan 2027'" in out
    assert "Write the plan × Finance: — → I" in out
    assert "removed" not in out and "added" not in out


def test_history_command(target: str, capsys: pytest.CaptureFixture[str]) -> None:
    DocumentStore.create(target, rich_document(), user="Sara").close()
    with DocumentStore.open(target, user="Sara") as store:
        document = store.load()
        m = document.matrix("Release plan")
        m.set_cell(m.tasks[0].id, m.roles[3].id, "I")
        store.save(document)
    capsys.readouterr()
    assert cli(["history", target, "--matrix", "Release plan", "--limit", "1"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert "Sara" in line and "Release plan: Write the plan × Finance: — → I" in line
    assert cli(["history", target, "--task", "Write the plan"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1
    assert cli(["history", target, "--limit", "0"]) == 2


def test_file_from_before_the_history_columns_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.rolematrix"
    DocumentStore.create(path, rich_document()).close()
    back_to_revision_0001(path)

    with DocumentStore.open(path, user="Sara") as store:
        document = store.load()
        m = document.matrices[0]
        m.set_cell(m.tasks[0].id, m.roles[2].id, "I")
        store.save(document)
        (entry,) = store.history()
    assert schema_revision(path) == migrate.revisions().head
    assert (tmp_path / "old.rolematrix.bak-0001").exists()
    assert entry.who == "Sara" and entry.new == "I"
    assert comparable(document) == comparable(DocumentStore.open(path, readonly=True).load())


@pytest.mark.postgres
def test_workspace_from_before_the_history_columns_is_upgraded() -> None:
    with own_schema() as schema:
        url = url_in_schema(schema)
        DocumentStore.create(url, rich_document()).close()
        back_to_revision_0001(url)
        with DocumentStore.open(url, user="Sara") as store:
            document = store.load()
            m = document.matrices[0]
            m.set_cell(m.tasks[0].id, m.roles[2].id, "I")
            store.save(document)
            (entry,) = store.history()
        assert entry.who == "Sara (postgres)" and entry.new == "I"


def test_history_written_before_revision_0002_is_named_and_readable_after_the_upgrade(
    target: str,
) -> None:
    """Rows of the first format had ids only; the upgrade fills in names and a line."""
    DocumentStore.create(target, rich_document()).close()
    found: list[tuple[str, str, str]] = []

    def record_a_change(connection: Connection) -> None:
        matrix_id, task_id, role_id, *names = connection.exec_driver_sql(
            "SELECT m.id, t.id, r.id, m.name, t.name, r.name FROM matrices m "
            "JOIN tasks t ON t.matrix_id = m.id JOIN roles r ON r.matrix_id = m.id "
            "ORDER BY m.position, t.position, r.position LIMIT 1"
        ).one()
        found.append((names[0], names[1], names[2]))
        old_history = table(
            "history",
            *(column(name) for name in ("matrix_id", "who", "kind", "task_id", "role_id")),
            column("at", DateTime(timezone=True)),
            column("old"),
            column("new"),
        )
        connection.execute(
            old_history.insert().values(
                matrix_id=matrix_id,
                at=datetime.now(UTC),
                who="ann",
                kind="cell",
                task_id=task_id,
                role_id=role_id,
                old="",
                new="A",
            )
        )

    back_to_revision_0001(Path(target) if "://" not in target else target, record_a_change)
    ((matrix, task, role),) = found
    with DocumentStore.open(target, readonly=True) as store:
        (entry,) = store.history()
    assert (entry.matrix, entry.task, entry.role, entry.who) == (matrix, task, role, "ann")
    assert entry.text == f"{task} × {role}: — → A"
