"""Opening a file reads it through sqlite3 alone: no SQLAlchemy, same document, same checks.

SQLAlchemy takes almost half of the editor's cold-start budget to import, so
opening and loading a current file must not import it. Whether a module was
imported is only visible in a fresh interpreter, so each check runs a child
Python and compares what it found with the full SQLAlchemy reader.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool
from store_fixtures import FileState, document_state, rich_document
from test_store_open import CASES

from rolematrix.core.model import Document
from rolematrix.store import CorruptFileError, DocumentStore, migrate
from rolematrix.store.loading import DamagedDataError, matrices_of
from rolematrix.store.reader import read_document
from rolematrix.store.schema import VERSION_TABLE
from rolematrix.store.sqlite_file import read_engine
from rolematrix.store.sqlite_reader import reading

TESTS = Path(__file__).resolve().parent

#: Run first in every child: the test helpers importable, and a way to report back.
PRELUDE = f"""
import json, sys
sys.path.insert(0, {str(TESTS)!r})

def heavy():
    return sorted(m for m in sys.modules if m.split(".")[0] in ("sqlalchemy", "alembic"))

def report(**values):
    print(json.dumps(values))
"""


def run_child(code: str, *args: str) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, "-c", PRELUDE + code, *args],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    reported: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return reported


def core_load(path: Path) -> list[Any]:
    """The document as the SQLAlchemy Core reader reads it (the reference)."""
    engine = read_engine(path)
    try:
        with engine.connect() as connection:
            return read_document(connection)
    finally:
        engine.dispose()


def lived_in_file(path: Path) -> Document:
    """A file saved several times: versions above 1, a deleted task's id retired."""
    document = rich_document()
    with DocumentStore.create(path, document) as store:
        plan = document.matrices[0]
        plan.set_cell(plan.tasks[1].id, plan.roles[1].id, "C")
        store.save(document)
        plan.remove_task(plan.tasks[-1].id)
        plan.add_task("Release notes", plan.phases[-1].id, notes="for users")
        plan.set_cell(plan.tasks[-1].id, plan.roles[0].id, "A")
        store.save(document)
    return document


OPEN_AND_COMPARE = """
path, readonly = sys.argv[1], sys.argv[2] == "read-only"
from rolematrix.store import DocumentStore
store = DocumentStore.open(path, readonly=readonly)
fast = store.load()
imported = heavy()

from store_fixtures import document_state
from rolematrix.core.diff import diff_documents
from rolematrix.core.model import Document
from rolematrix.store.reader import read_document
from rolematrix.store.sqlite_file import read_engine
engine = read_engine(store._backend._read_path)
with engine.connect() as connection:
    core = read_document(connection)
engine.dispose()
reference = Document(item.matrix for item in core)
state = store._state
report(
    imported=imported,
    same=document_state(fast) == document_state(reference),
    differences=[str(c) for c in diff_documents(reference, fast)],
    tracked=[[state.tracked[m].db_id, state.tracked[m].version] for m in fast.matrices],
    expected=[[item.db_id, item.version] for item in core],
    relative=[state.relative(m) for m in fast.matrices],
    journals_empty=[m.journal.empty for m in fast.matrices],
)
store.close()
"""


@pytest.mark.parametrize("mode", ["edit", "read-only"])
def test_opening_a_file_imports_no_sqlalchemy_and_reads_the_same_document(
    tmp_path: Path, mode: str
) -> None:
    path = tmp_path / "plan.rolematrix"
    saved = lived_in_file(path)

    found = run_child(OPEN_AND_COMPARE, str(path), mode)

    assert found["imported"] == []
    assert found["differences"] == []
    assert found["same"]
    # set up for saving exactly as a SQLAlchemy load would: where each matrix lives,
    # the version it was read at, its journal relative to this store and empty
    assert found["tracked"] == found["expected"]
    assert [version for _id, version in found["tracked"]] == [3, 1]
    assert found["relative"] == [True, True]
    assert found["journals_empty"] == [True, True]
    with DocumentStore.open(path, readonly=True) as store:
        assert document_state(store.load()) == document_state(saved)


EDIT_AND_SAVE = """
path = sys.argv[1]
from rolematrix.store import DocumentStore
store = DocumentStore.open(path)
document = store.load()
imported = heavy()

import rolematrix.store.writer as writer
modes = []
real = writer._write_tracked
def spy(connection, matrix, db_id, *args, incremental, **kwargs):
    modes.append([matrix.name, incremental])
    return real(connection, matrix, db_id, *args, incremental=incremental, **kwargs)
writer._write_tracked = spy

plan = document.matrices[0]
task, role = plan.tasks[0], plan.roles[2]
plan.set_cell(task.id, role.id, "I")
store.save(document)
entries = store.history(limit=5)
store.close()

from store_fixtures import document_state
again = DocumentStore.open(path, readonly=True)
report(
    imported=imported,
    modes=modes,
    reloaded_same=document_state(again.load()) == document_state(document),
    newest=[[e.kind, e.matrix, e.task, e.role, e.old, e.new] for e in entries],
    edited=[task.id, role.id],
)
again.close()
"""

TABLES = (
    "matrices",
    "phases",
    "tasks",
    "roles",
    "cells",
    "people",
    "person_roles",
    "conflicts",
    "suppressions",
    "presets",
    "history",
)


def rows_of(path: Path) -> dict[str, set[tuple[Any, ...]]]:
    with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as db:
        found = {table: set(db.execute(f"SELECT * FROM {table}")) for table in TABLES}
    db.close()
    return found


def test_saving_after_a_fast_open_writes_only_the_change(tmp_path: Path) -> None:
    path = tmp_path / "plan.rolematrix"
    lived_in_file(path)
    before = rows_of(path)

    found = run_child(EDIT_AND_SAVE, str(path))

    assert found["imported"] == []  # the save imported it, not the open
    assert found["modes"] == [["Release plan", True], ["ماتریس مسئولیت", True]]
    assert found["reloaded_same"]
    assert found["newest"][0] == ["cell", "Release plan", "Write the plan", "Tester", "", "I"]
    after = rows_of(path)
    assert {t for t in TABLES if before[t] != after[t]} == {"cells", "matrices", "history"}
    (plan_id,) = [row[0] for row in before["matrices"] if row[2] == "Release plan"]
    task_id, role_id = found["edited"]
    assert after["cells"] - before["cells"] == {(plan_id, task_id, role_id, "I")}
    assert before["cells"] <= after["cells"]
    (old_row,) = before["matrices"] - after["matrices"]
    (new_row,) = after["matrices"] - before["matrices"]
    assert old_row[0] == new_row[0] == plan_id
    changed_columns = [i for i, (a, b) in enumerate(zip(old_row, new_row, strict=True)) if a != b]
    assert changed_columns == [8]  # the version, 3 -> 4
    assert new_row[8] == old_row[8] + 1
    assert len(after["history"] - before["history"]) == 1
    assert before["history"] <= after["history"]


def downgrade(path: Path, revision: str) -> None:
    """Make ``path`` a file as an older RoleMatrix wrote it (its schema at ``revision``)."""
    engine = create_engine(f"sqlite:///{path}", poolclass=NullPool)
    try:
        with engine.begin() as connection:
            config = Config()
            config.set_main_option("script_location", str(migrate.SCRIPT_LOCATION))
            config.attributes["connection"] = connection
            command.downgrade(config, revision)
    finally:
        engine.dispose()


def schema_revision(path: Path) -> str:
    with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as db:
        value = db.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone()[0]
    db.close()
    return str(value)


OPEN_OLDER = """
path, readonly = sys.argv[1], sys.argv[2] == "read-only"
from store_fixtures import document_state
from rolematrix.store import DocumentStore
with DocumentStore.open(path, readonly=readonly) as store:
    state = document_state(store.load())
report(imported=heavy(), state=json.loads(json.dumps(state, default=repr)))
"""


@pytest.mark.parametrize("mode", ["edit", "read-only"])
def test_an_older_file_is_still_upgraded_on_open(tmp_path: Path, mode: str) -> None:
    path = tmp_path / "plan.rolematrix"
    document = rich_document()
    for matrix in document.matrices:  # what the oldest format cannot hold
        for task in matrix.tasks:
            matrix.update_task(task.id, reference="")
        matrix.set_cell_texts([(t, r, "") for t, r, _text in list(matrix.cell_texts())])
    DocumentStore.create(path, document).close()
    oldest = migrate.revisions().chain[0]
    assert oldest != migrate.revisions().head
    downgrade(path, oldest)
    assert schema_revision(path) == oldest
    before = FileState.of(path)

    found = run_child(OPEN_OLDER, str(path), mode)

    expected = json.loads(json.dumps(document_state(document), default=repr))
    assert found["state"] == expected
    assert "alembic" in found["imported"]  # upgrading is what needs it
    if mode == "edit":
        assert schema_revision(path) == migrate.revisions().head
        backup = path.with_name(f"{path.name}.bak-{oldest}")
        assert backup.read_bytes() == before.data
    else:
        assert FileState.of(path) == before


OPEN_BAD = """
from rolematrix.store import DocumentStore, StoreError
outcomes = []
for path, readonly in json.loads(sys.argv[1]):
    try:
        with DocumentStore.open(path, readonly=readonly) as store:
            store.load()
        outcomes.append(["opened", ""])
    except StoreError as exc:
        outcomes.append([type(exc).__name__, str(exc)])
report(outcomes=outcomes, imported=heavy())
"""


def test_bad_files_give_the_same_typed_errors_without_sqlalchemy(tmp_path: Path) -> None:
    cases: list[tuple[Path, bool, str, str]] = []
    for number, (_name, make, error, phrase) in enumerate(CASES):
        path = tmp_path / str(number) / "plan.rolematrix"
        path.parent.mkdir()
        make(path)
        for readonly in (False, True):
            cases.append((path, readonly, error.__name__, phrase))
    unreadable = tmp_path / "rows" / "plan.rolematrix"
    unreadable.parent.mkdir()
    DocumentStore.create(unreadable, rich_document()).close()
    with sqlite3.connect(unreadable) as db:
        db.execute("UPDATE matrices SET settings_overrides = 'not json'")
    db.close()
    cases.append((unreadable, True, "CorruptFileError", "cannot read"))
    locked = tmp_path / "locked" / "plan.rolematrix"
    locked.parent.mkdir()
    holder = DocumentStore.create(locked, rich_document())
    cases.append((locked, False, "LockedError", "already open for editing by RoleMatrix process"))
    try:
        found = run_child(OPEN_BAD, json.dumps([[str(p), ro] for p, ro, _e, _m in cases]))
    finally:
        holder.close()

    assert found["imported"] == []
    for (path, readonly, error, phrase), (got, message) in zip(
        cases, found["outcomes"], strict=True
    ):
        assert got == error, (path, readonly, message)
        assert phrase in message and "plan.rolematrix" in message, message


def test_a_code_holding_the_separator_is_refused_as_the_sqlalchemy_reader_refuses_it(
    tmp_path: Path,
) -> None:
    """The fast reader fetches a task's cells as comma-joined lists; a file edited by hand
    may hold a comma in a code. Codes are letters, so both readers refuse it, naming the cell."""
    path = tmp_path / "plan.rolematrix"
    DocumentStore.create(path, rich_document()).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE cells SET codes = 'A,R' WHERE rowid = (SELECT min(rowid) FROM cells)")
        task, role = db.execute("SELECT task_id, role_id FROM cells WHERE codes = 'A,R'").fetchone()
    db.close()

    cell = rf"table cells, row matrix_id=1, task_id={task}, role_id={role}: codes 'A,R'"
    with (
        DocumentStore.open(path, readonly=True) as store,
        pytest.raises(CorruptFileError, match=cell),
    ):
        store.load()
    with pytest.raises(DamagedDataError, match=cell):
        core_load(path)


def test_a_cell_naming_no_role_id_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "plan.rolematrix"
    DocumentStore.create(path, rich_document()).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE cells SET role_id = 'x' WHERE rowid = (SELECT min(rowid) FROM cells)")
    db.close()

    with (
        DocumentStore.open(path, readonly=True) as store,
        pytest.raises(CorruptFileError, match=r"plan\.rolematrix holds data RoleMatrix cannot"),
    ):
        store.load()


def test_reading_some_matrices_reads_those_only_and_as_sqlalchemy_does(tmp_path: Path) -> None:
    """Merging reads only the matrices others changed; both readers must pick the same."""
    path = tmp_path / "plan.rolematrix"
    lived_in_file(path)
    everything = core_load(path)
    wanted = [everything[1].db_id]

    with reading(path) as source:
        fast = matrices_of(source, wanted)
    engine = read_engine(path)
    try:
        with engine.connect() as connection:
            core = read_document(connection, wanted)
    finally:
        engine.dispose()

    assert [(m.db_id, m.version, m.matrix.name) for m in fast] == [
        (m.db_id, m.version, m.matrix.name) for m in core
    ]
    assert [m.matrix.name for m in fast] == ["ماتریس مسئولیت"]
    assert document_state(Document(m.matrix for m in fast)) == document_state(
        Document(m.matrix for m in core)
    )


def test_roles_see_their_cells_after_a_fast_open_and_edits_keep_both_views_in_step(
    tmp_path: Path,
) -> None:
    """The by-role view is built lazily after a bulk load; it must agree with the rows."""
    path = tmp_path / "plan.rolematrix"
    with DocumentStore.create(path, rich_document()):
        pass
    with DocumentStore.open(path, readonly=True) as store:
        matrix = store.load().matrices[0]
    by_rows = {(t, r): c for t, r, c in matrix.cells()}
    by_columns = {
        (t, role.id): c for role in matrix.roles for t, c in matrix.column(role.id).items()
    }
    assert by_columns == by_rows and by_rows
    task, role = matrix.tasks[0], matrix.roles[-1]
    matrix.set_cell(task.id, role.id, "I")
    assert matrix.column(role.id)[task.id] == "I"
    matrix.set_cell(task.id, role.id, "")
    assert task.id not in matrix.column(role.id)
    removed = matrix.remove_task(task.id)
    assert all(task.id not in matrix.column(r.id) for r in matrix.roles)
    matrix.restore_task(removed)
    assert {(t, r.id) for r in matrix.roles for t in matrix.column(r.id)} == {
        (t, r) for t, r, _ in matrix.cells()
    }
