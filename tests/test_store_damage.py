"""Hostile documents: values no RoleMatrix wrote, read as damage naming the table and the row.

Each damaged file is made from a good one (written by :meth:`DocumentStore.create`)
with ``sqlite3``; where the damage breaks a constraint the file's table is first
rebuilt without it, as a program editing the file could. The same damage is
done to a PostgreSQL workspace where its types allow it. Every case must give
:class:`CorruptFileError` naming the file (or workspace), the table and the
row -- and exit 2 with one line in the CLI, never a traceback or exit 1.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from store_fixtures import rich_document
from workspace_fixtures import run_sql, workspace

from rolematrix.cli import main as cli
from rolematrix.core.model import Document
from rolematrix.store import CorruptFileError, DocumentStore, SaveFailedError

__all__ = ["workspace"]  # the fixture, imported for pytest

DEEP = "[" * 100_000 + "]" * 100_000
FIRST_TASK = "id = (SELECT min(id) FROM tasks)"
FIRST_CELL = "rowid = (SELECT min(rowid) FROM cells)"


@dataclass(frozen=True)
class Damage:
    name: str
    table: str  # rebuilt without constraints first (files)
    sql: str  # SQLite
    message: str  # a regular expression the error must match
    pg: str | None = None  # the same on PostgreSQL (None: its types forbid it)
    pg_loosen: str = ""  # constraints to drop on PostgreSQL first
    reading: str = "load"  # what finds it: "load", "history" or "at" (load_at)


CASES = [
    Damage(
        "task name NULL",
        "tasks",
        f"UPDATE tasks SET name = NULL WHERE {FIRST_TASK}",
        r"table tasks, row matrix_id=\d+, id=\d+: name is missing \(NULL\)",
        "UPDATE tasks SET name = NULL WHERE id = (SELECT min(id) FROM tasks)",
        "ALTER TABLE tasks ALTER COLUMN name DROP NOT NULL",
    ),
    Damage(
        "role name binary",
        "roles",
        "UPDATE roles SET name = x'ff00' WHERE id = (SELECT min(id) FROM roles)",
        r"table roles, row matrix_id=\d+, id=\d+: name holds binary data",
    ),
    Damage(
        "matrix name NULL",
        "matrices",
        "UPDATE matrices SET name = NULL",
        r"table matrices, row id=\d+: name is missing \(NULL\)",
        "UPDATE matrices SET name = NULL",
        "ALTER TABLE matrices ALTER COLUMN name DROP NOT NULL",
    ),
    Damage(
        "codes NULL",
        "cells",
        f"UPDATE cells SET codes = NULL WHERE {FIRST_CELL}",
        r"table cells, row matrix_id=\d+, task_id=\d+, role_id=\d+: codes is missing \(NULL\)",
        "UPDATE cells SET codes = NULL WHERE (task_id, role_id) = "
        "(SELECT task_id, role_id FROM cells ORDER BY task_id, role_id LIMIT 1)",
        "ALTER TABLE cells ALTER COLUMN codes DROP NOT NULL",
    ),
    Damage(
        "codes not letters",
        "cells",
        f"UPDATE cells SET codes = 'A/R' WHERE {FIRST_CELL}",
        r"table cells, row matrix_id=\d+, task_id=\d+, role_id=\d+: codes 'A/R' are not code",
        "UPDATE cells SET codes = 'A/R' WHERE (task_id, role_id) = "
        "(SELECT task_id, role_id FROM cells ORDER BY task_id, role_id LIMIT 1)",
    ),
    Damage(
        "cell of a missing role",
        "cells",
        f"UPDATE cells SET role_id = 9999 WHERE {FIRST_CELL}",
        r"table cells, row matrix_id=\d+, task_id=\d+, role_id=9999: its role does not exist",
        "UPDATE cells SET role_id = 9999 WHERE (task_id, role_id) = "
        "(SELECT task_id, role_id FROM cells ORDER BY task_id, role_id LIMIT 1)",
    ),
    Damage(
        "cell of a missing task",
        "cells",
        f"UPDATE cells SET task_id = 9999 WHERE {FIRST_CELL}",
        r"table cells, row matrix_id=\d+, task_id=9999, role_id=\d+: its task does not exist",
    ),
    Damage(
        "person holding a missing role",
        "person_roles",
        "UPDATE person_roles SET role_id = 9999 WHERE rowid = (SELECT min(rowid) FROM person_roles)",
        r"table person_roles, row matrix_id=\d+, person_id=\d+, role_id=9999: the role does not",
        "UPDATE person_roles SET role_id = 9999 WHERE (person_id, role_id) = "
        "(SELECT person_id, role_id FROM person_roles ORDER BY person_id, role_id LIMIT 1)",
    ),
    Damage(
        "conflict naming a missing role",
        "conflicts",
        "UPDATE conflicts SET role_a = 9999 WHERE rowid = (SELECT min(rowid) FROM conflicts)",
        r"table conflicts, row matrix_id=\d+, role_a=9999, role_b=\d+: role 9999 does not exist",
        "UPDATE conflicts SET role_a = 9999 WHERE position = 0",
    ),
    Damage(
        "task id used twice",
        "tasks",
        "INSERT INTO tasks SELECT matrix_id, id, (SELECT max(id) FROM phases WHERE matrix_id = 1),"
        f" 99, name || ' again', description, notes, reference FROM tasks WHERE {FIRST_TASK}",
        r"table tasks, row matrix_id=\d+, id=\d+: the id is used twice",
        "INSERT INTO tasks SELECT matrix_id, id, phase_id, 99, name || ' again', description,"
        " notes, reference FROM tasks WHERE id = (SELECT min(id) FROM tasks)",
        "ALTER TABLE tasks DROP CONSTRAINT tasks_pkey",
    ),
    Damage(
        "version NULL",
        "matrices",
        "UPDATE matrices SET version = NULL",
        r"table matrices, row id=\d+: version is missing \(NULL\)",
        "UPDATE matrices SET version = NULL",
        "ALTER TABLE matrices ALTER COLUMN version DROP NOT NULL",
    ),
    Damage(
        "version negative",
        "matrices",
        "UPDATE matrices SET version = -3",
        r"table matrices, row id=\d+: version is -3; expected 0 or more",
        "UPDATE matrices SET version = -3",
    ),
    Damage(
        "settings nested 100,000 deep",
        "matrices",
        f"UPDATE matrices SET settings_overrides = '{DEEP}'",
        r"table matrices, row id=\d+: settings_overrides is JSON nested too deep",
        f"UPDATE matrices SET settings_overrides = '{DEEP}'",
    ),
    Damage(
        "preset nested 100,000 deep",
        "presets",
        f"UPDATE presets SET people = '{DEEP}'",
        r"table presets, row matrix_id=\d+, name='Small team': people is JSON nested too deep",
        f"UPDATE presets SET people = '{DEEP}'",
    ),
    Damage(
        "history time NULL",
        "history",
        "UPDATE history SET at = NULL",
        r"table history, row id=\d+: at is missing \(NULL\)",
        "UPDATE history SET at = NULL",
        "ALTER TABLE history ALTER COLUMN at DROP NOT NULL",
        reading="history",
    ),
    Damage(
        "history time NULL, going back in time",
        "history",
        "UPDATE history SET at = NULL",
        r"table history, row id=\d+: at is missing \(NULL\)",
        "UPDATE history SET at = NULL",
        "ALTER TABLE history ALTER COLUMN at DROP NOT NULL",
        reading="at",
    ),
    Damage(
        "history time unreadable",
        "history",
        "UPDATE history SET at = 'yesterday'",
        r"table history, row id=\d+: at 'yesterday' is not a date and time",
        reading="history",
    ),
    Damage(
        "history time unreadable, going back in time",
        "history",
        "UPDATE history SET at = 'yesterday'",
        r"table history, row id=\d+: at 'yesterday' is not a date and time",
        reading="at",
    ),
]
PG_CASES = [case for case in CASES if case.pg is not None]


def _lived_in(store: DocumentStore) -> None:
    """Two more saves, so that the history has cells and a structure change to go back over."""
    document = store.load()
    m = document.matrices[0]
    m.set_cell(m.tasks[0].id, m.roles[2].id, "I")
    store.save(document)
    m.rename_phase(m.phases[0].id, "Planning")
    store.save(document)


def good_file(path: Path) -> Path:
    with DocumentStore.create(path, rich_document()) as store:
        _lived_in(store)
    return path


def loosen(db: sqlite3.Connection, table: str) -> None:
    """Rebuild ``table`` without its constraints (NOT NULL, keys), as another program could."""
    db.executescript(
        f"CREATE TABLE loose AS SELECT * FROM {table}; DROP TABLE {table}; "
        f"ALTER TABLE loose RENAME TO {table};"
    )


def damaged_file(tmp_path: Path, case: Damage) -> Path:
    path = good_file(tmp_path / "plan.rolematrix")
    db = sqlite3.connect(path)
    try:
        loosen(db, case.table)
        assert db.execute(case.sql).rowcount > 0
        db.commit()
        assert db.execute("PRAGMA quick_check").fetchone()[0] == "ok"  # SQLite sees no damage
    finally:
        db.close()
    return path


def read(target: str | Path, reading: str) -> None:
    with DocumentStore.open(target, readonly=True) as store:
        if reading == "load":
            store.load()
        elif reading == "history":
            store.history()
        else:
            store.load_at(datetime(2000, 1, 1))


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_damaged_file_is_refused_naming_the_file_the_table_and_the_row(
    tmp_path: Path, case: Damage
) -> None:
    path = damaged_file(tmp_path, case)
    with pytest.raises(CorruptFileError, match=r"plan\.rolematrix .*" + case.message):
        read(path, case.reading)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_damaged_file_is_exit_2_with_one_line(
    tmp_path: Path, case: Damage, capsys: pytest.CaptureFixture[str]
) -> None:
    path = damaged_file(tmp_path, case)
    command = {
        "load": ["check", str(path)],
        "history": ["history", str(path)],
        "at": ["diff", str(path), "--at", "2000-01-01"],
    }[case.reading]
    assert cli(command) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "plan.rolematrix" in err, err
    assert re.search(case.message, err), err


@pytest.mark.parametrize("case", PG_CASES, ids=[case.name for case in PG_CASES])
def test_damaged_workspace_is_refused_naming_the_table_and_the_row(
    workspace: str, case: Damage
) -> None:
    with DocumentStore.create(workspace, rich_document()) as store:
        _lived_in(store)
    if case.pg_loosen:
        run_sql(workspace, case.pg_loosen)
    assert case.pg is not None
    run_sql(workspace, case.pg)
    with pytest.raises(CorruptFileError, match=r"workspace .*" + case.message):
        read(workspace, case.reading)


def test_a_good_file_with_symbol_codes_and_unknown_letters_still_loads(tmp_path: Path) -> None:
    """The checks refuse what is no code, not what the checker should report: a ✓ of the
    CHECK scheme is a code, a letter the scheme does not know stays for cell-unknown-code."""
    path = good_file(tmp_path / "plan.rolematrix")
    with sqlite3.connect(path) as db:
        db.execute(f"UPDATE cells SET codes = 'RZ' WHERE {FIRST_CELL}")
    db.close()
    with DocumentStore.open(path, readonly=True) as store:
        document = store.load()
    assert "RZ" in {codes for _t, _r, codes in document.matrices[0].cells()}
    assert {codes for _t, _r, codes in document.matrices[1].cells()} == {"✓"}
    assert cli(["check", str(path)]) == 1  # findings, among them the unknown code


def test_damage_on_the_fast_path_reads_as_on_the_sqlalchemy_path(tmp_path: Path) -> None:
    """Opening reads through sqlite3; saving and the history through SQLAlchemy: both refuse."""
    from rolematrix.store.loading import DamagedDataError
    from rolematrix.store.reader import read_document
    from rolematrix.store.sqlite_file import read_engine

    path = damaged_file(tmp_path, CASES[3])  # codes NULL: the fast path's joined lists
    engine = read_engine(path)
    try:
        with (
            engine.connect() as connection,
            pytest.raises(DamagedDataError, match=CASES[3].message),
        ):
            read_document(connection)
    finally:
        engine.dispose()


def test_a_document_whose_codes_were_set_with_separators_saves_only_letters(
    tmp_path: Path,
) -> None:
    """Through the store API "A/R" used to store "/" as a code, which export/import refused."""
    document = rich_document()
    m = document.matrices[0]
    task, role = m.tasks[0].id, m.roles[3].id
    m.set_cell(task, role, "A/R")
    m.set_cell(m.tasks[1].id, role, "c, 1")
    path = tmp_path / "plan.rolematrix"
    DocumentStore.create(path, document).close()
    with DocumentStore.open(path, readonly=True) as store:
        loaded = store.load().matrices[0]
    assert loaded.get(task, role) == "RA"
    assert loaded.get(m.tasks[1].id, role) == "c"
    out = tmp_path / "plan.json"
    assert cli(["export", str(path), "-o", str(out)]) == 0
    assert cli(["import", str(out), str(tmp_path / "again.rolematrix")]) == 0


def test_an_empty_document_is_no_damage(tmp_path: Path) -> None:
    DocumentStore.create(tmp_path / "empty.rolematrix", Document([])).close()
    with DocumentStore.open(tmp_path / "empty.rolematrix", readonly=True) as store:
        assert store.load().matrices == []


# ------------------------------------------------------------ text that cannot be stored
def _with_broken_text(document: Document) -> Document:
    """A lone surrogate in a name, set past the model's cleaning (which replaces it): the
    store must still answer with its own error if one ever gets that far."""
    m = document.matrices[0]
    m.tasks[0].name = "Write \ud800 plan"
    m.journal.structure = True
    return document


def test_a_lone_surrogate_is_a_save_error_not_a_unicode_traceback(tmp_path: Path) -> None:
    path = tmp_path / "plan.rolematrix"
    with pytest.raises(SaveFailedError, match=r"plan\.rolematrix could not be saved: .*broken"):
        DocumentStore.create(path, _with_broken_text(rich_document()))
    assert not path.exists()
    assert [p.name for p in tmp_path.iterdir()] == []  # no temporary file, no lock left

    good_file(path)
    before = path.read_bytes()
    with DocumentStore.open(path) as store:
        document = store.load()
        m = document.matrices[0]
        m.load_cell_texts([(m.tasks[1].id, m.roles[0].id, "maybe \udfff")])  # past cleaning
        m.journal.structure = True
        with pytest.raises(SaveFailedError, match=r"\\udfff"):
            store.save(document)
        assert m.journal.structure  # the unsaved work is still there, to fix and save
        with pytest.raises(SaveFailedError):
            store.save_as(document, tmp_path / "copy.rolematrix")
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.rolematrix"]


def test_a_lone_surrogate_is_a_save_error_on_a_workspace(workspace: str) -> None:
    with pytest.raises(SaveFailedError, match=r"workspace .* could not be saved: .*broken"):
        DocumentStore.create(workspace, _with_broken_text(rich_document()))
    with DocumentStore.create(workspace, rich_document()) as store:
        document = store.load()
        with pytest.raises(SaveFailedError, match="broken character"):
            store.save(_with_broken_text(document))
    with DocumentStore.open(workspace, readonly=True) as store:
        assert store.load().matrices[0].tasks[0].name == "Write the plan"


def test_damage_done_to_a_workspace_after_loading_is_reported_by_the_next_save(
    workspace: str,
) -> None:
    """A save compares with the tables (not through loading): the same checks hold there."""
    with DocumentStore.create(workspace, rich_document()) as store:
        document = store.load()
        run_sql(workspace, "ALTER TABLE tasks ALTER COLUMN name DROP NOT NULL")
        run_sql(workspace, "UPDATE tasks SET name = NULL WHERE id = (SELECT max(id) FROM tasks)")
        m = document.matrices[0]
        m.rename_phase(m.phases[0].id, "Planning")
        with pytest.raises(
            CorruptFileError, match=r"table tasks, row matrix_id=\d+, id=\d+: name is missing"
        ):
            store.save(document)
        assert m.journal.structure  # nothing lost: the edit is still unsaved
