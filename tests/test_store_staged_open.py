"""A staged load: the first tasks' cells at once, the rest on :meth:`DocumentStore.finish_loading`.

The editor opens a file this way so that the window paints before 250,000
cells are in. What it must keep: the document read whole is the same as by a
plain load, edits made before the rest arrives survive it, nothing is saved
before the rest is in, and damage in the rest is damage, worded as a plain
load words it, and stops every save.
"""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest
from store_fixtures import rich_document
from test_store_damage import CASES, damaged_file

from rolematrix.core.model import Document, Matrix
from rolematrix.store import CorruptFileError, DocumentStore


def wide_matrix(tasks: int = 120, roles: int = 9) -> Matrix:
    rnd = random.Random(3)
    m = Matrix("Wide")
    phases = [m.add_phase(f"Phase {i}").id for i in range(3)]
    role_ids = [m.add_role(f"Role {i}").id for i in range(roles)]
    for i in range(tasks):
        task = m.add_task(f"Task {i}", phases[i * 3 // tasks])
        m.set_cells(
            (task.id, r, rnd.choice(["A", "R", "C", "I", "RC"])) for r in role_ids[: 2 + i % 5]
        )
    m.journal.clear()
    return m


def cells_of(m: Matrix) -> dict[tuple[int, int], str]:
    return {(t, r): codes for t, r, codes in m.cells()}


@pytest.fixture
def wide_file(tmp_path: Path) -> Path:
    path = tmp_path / "wide.rolematrix"
    DocumentStore.create(path, Document([wide_matrix(), wide_matrix(30, 4)])).close()
    return path


def whole(path: Path) -> Document:
    with DocumentStore.open(path, readonly=True) as store:
        return store.load()


def test_a_staged_load_finished_holds_what_a_plain_load_holds(wide_file: Path) -> None:
    expected = [cells_of(m) for m in whole(wide_file).matrices]
    with DocumentStore.open(wide_file, readonly=True) as store:
        document = store.load(first=10)
        assert store.loading
        first = document.matrices[0]
        shown = {t.id for t in first.tasks[:10]}
        assert {k: v for k, v in expected[0].items() if k[0] in shown} == cells_of(first)
        store.finish_loading()
        assert not store.loading
        assert [cells_of(m) for m in document.matrices] == expected
        assert all(m.journal.empty for m in document.matrices)


def test_edits_made_before_the_rest_arrives_survive_it(wide_file: Path) -> None:
    """The editor finishes the load before it handles any input; the store, on its own,
    still keeps what the journal says was changed and what was deleted meanwhile."""
    expected = cells_of(whole(wide_file).matrices[0])
    with DocumentStore.open(wide_file) as store:
        document = store.load(first=10)
        m = document.matrices[0]
        late = m.tasks[50]
        gone_task = m.tasks[60]
        gone_role = m.roles[-1]
        set_role, cleared_role = sorted(r for t, r in expected if t == late.id)[:2]
        m.set_cell(late.id, set_role, "I")
        m.set_cell(late.id, cleared_role, "R")  # a cell set, then cleared: it stays clear
        m.set_cell(late.id, cleared_role, "")
        m.remove_task(gone_task.id)
        m.remove_role(gone_role.id)
        store.finish_loading()
        want = {
            k: v
            for k, v in expected.items()
            if k[0] != gone_task.id and k[1] != gone_role.id and k != (late.id, cleared_role)
        }
        want[(late.id, set_role)] = "I"
        assert cells_of(m) == want
        store.save(document)
    assert cells_of(whole(wide_file).matrices[0]) == want


def test_nothing_is_written_before_the_rest_is_in(wide_file: Path, tmp_path: Path) -> None:
    """Save-as writes the whole document: it must find every cell, not the first rows'."""
    expected = [cells_of(m) for m in whole(wide_file).matrices]
    copy = tmp_path / "copy.rolematrix"
    with DocumentStore.open(wide_file, readonly=True) as store:
        document = store.load(first=5)
        store.save_as(document, copy).close()
    assert [cells_of(m) for m in whole(copy).matrices] == expected
    with DocumentStore.open(wide_file) as store:
        document = store.load(first=5)
        store.save(document, force=True)  # rewrites everything
    assert [cells_of(m) for m in whole(wide_file).matrices] == expected


CELL_CASES = [case for case in CASES if case.table == "cells" and case.reading == "load"]


@pytest.mark.parametrize("case", CELL_CASES, ids=[case.name for case in CELL_CASES])
def test_damage_in_the_rest_reads_as_on_a_plain_load_and_stops_saving(
    tmp_path: Path, case: object
) -> None:
    path = damaged_file(tmp_path, case)  # type: ignore[arg-type]
    with pytest.raises(CorruptFileError) as plain:
        whole(path)
    before = path.read_bytes()
    with DocumentStore.open(path) as store:
        document = store.load(first=0)  # every cell comes later
        with pytest.raises(CorruptFileError) as late:
            store.finish_loading()
        assert str(late.value) == str(plain.value)
        with pytest.raises(CorruptFileError):
            store.save(document, force=True)
        with pytest.raises(CorruptFileError):
            store.save_as(document, tmp_path / "elsewhere.rolematrix")
    assert path.read_bytes() == before
    assert not (tmp_path / "elsewhere.rolematrix").exists()


def test_damage_in_the_first_rows_is_refused_by_the_load_itself(tmp_path: Path) -> None:
    path = tmp_path / "plan.rolematrix"
    DocumentStore.create(path, rich_document()).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE cells SET codes = 'A/R' WHERE rowid = (SELECT min(rowid) FROM cells)")
    db.close()
    with DocumentStore.open(path) as store, pytest.raises(CorruptFileError, match="are not code"):
        store.load(first=1000)


def damage_an_index_no_load_reads(path: Path) -> None:
    """Noise over a history index page: only SQLite's check of the whole file sees it."""
    with sqlite3.connect(path) as db:
        page = db.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'ix_history_matrix_at'"
        ).fetchone()[0]
        size = db.execute("PRAGMA page_size").fetchone()[0]
    db.close()
    data = bytearray(path.read_bytes())
    data[(page - 1) * size + 8 : page * size] = random.Random(5).randbytes(size - 8)
    path.write_bytes(bytes(data))


def test_a_staged_open_checks_the_whole_file_before_anything_is_saved(tmp_path: Path) -> None:
    path = tmp_path / "wide.rolematrix"
    DocumentStore.create(path, Document([wide_matrix()])).close()
    damage_an_index_no_load_reads(path)
    before = path.read_bytes()
    with pytest.raises(CorruptFileError, match="SQLite reports"):
        DocumentStore.open(path)  # a plain open checks at once
    with DocumentStore.open(path, staged=True) as store:
        document = store.load(first=10)  # the check waits: the window can paint
        assert store.loading
        with pytest.raises(CorruptFileError, match="SQLite reports") as late:
            store.finish_loading()
        assert "wide.rolematrix is damaged" in str(late.value)
        first = document.matrices[0]
        first.set_cell(first.tasks[0].id, first.roles[0].id, "I")
        with pytest.raises(CorruptFileError, match="SQLite reports"):
            store.save(document)
    assert path.read_bytes() == before


def test_a_staged_open_of_a_small_file_still_checks_it(tmp_path: Path) -> None:
    """Fewer tasks than the first rows: every cell is in at once, the check still waits."""
    path = tmp_path / "plan.rolematrix"
    DocumentStore.create(path, rich_document()).close()
    damage_an_index_no_load_reads(path)
    with DocumentStore.open(path, staged=True) as store:
        document = store.load(first=1000)
        assert store.loading
        with pytest.raises(CorruptFileError, match="SQLite reports"):
            store.save(document, force=True)
