"""Setting a block of cells at once (select all + a letter): exact undo, checker, journal, save."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from store_fixtures import document_state
from workspace_fixtures import workspace

from rolematrix.core.checker import IncrementalChecker, check
from rolematrix.core.model import Document, Matrix
from rolematrix.store import DocumentStore, writer

__all__ = ["workspace"]  # the fixture, imported for pytest

CODES = ["", "R", "A", "C", "I", "RA", "AC", "CI"]


def state(m: Matrix) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    return sorted(m.cells()), sorted(m.cell_texts())


def assert_indexes_agree(m: Matrix) -> None:
    """The by-role reading holds exactly the by-task one (no stale or missing cell)."""
    by_role = sorted((t, r, c) for r in (x.id for x in m.roles) for t, c in m.column(r).items())
    assert by_role == sorted(m.cells())


@st.composite
def matrices(draw: st.DrawFn) -> Matrix:
    tasks = draw(st.integers(1, 6))
    roles = draw(st.integers(1, 5))
    m = Matrix("Block")
    role_ids = [m.add_role(f"Role {j}").id for j in range(roles)]
    for i in range(tasks):
        task = m.add_task(f"Task {i}")
        for role_id in role_ids:
            m.set_cell(task.id, role_id, draw(st.sampled_from(CODES)))
            if draw(st.integers(0, 5)) == 0:
                m.set_cell_texts([(task.id, role_id, "maybe")])
    m.add_person("Ann", role_ids[: draw(st.integers(0, roles))])
    if draw(st.booleans()):
        m.load_row(m.tasks[0].id, {})  # the by-role index is built lazily, when next asked
    else:
        m.column(role_ids[0])
    m.journal.clear()
    return m


@settings(max_examples=120, deadline=None)
@given(m=matrices(), data=st.data())
def test_block_set_then_undo_gives_the_matrix_back(m: Matrix, data: st.DataObject) -> None:
    tasks = data.draw(st.lists(st.sampled_from([t.id for t in m.tasks]), unique=True))
    roles = data.draw(st.lists(st.sampled_from([r.id for r in m.roles]), unique=True))
    codes = data.draw(st.sampled_from(CODES))
    checker = IncrementalChecker(m)
    before = state(m)
    outside = {
        (t.id, r.id): m.get(t.id, r.id)
        for t in m.tasks
        for r in m.roles
        if not (t.id in tasks and r.id in roles)
    }

    undo = m.set_block(tasks, roles, codes)
    assert all(m.get(t, r) == codes for t in tasks for r in roles)
    assert all(m.cell_text(t, r) == "" for t in tasks for r in roles)
    assert {k: m.get(*k) for k in outside} == outside
    assert_indexes_agree(m)
    assert checker.findings == check(m)
    assert {(t, r) for t in tasks for r in roles} <= m.journal.cells

    m.restore_block(undo)
    assert state(m) == before
    assert_indexes_agree(m)
    assert checker.findings == check(m)


def test_block_set_tells_the_listeners_the_block_not_each_cell() -> None:
    m = Matrix("Wide")
    roles = [m.add_role(f"Role {j}").id for j in range(30)]
    tasks = [m.add_task(f"Task {i}").id for i in range(40)]
    events = []
    m.subscribe(events.append)
    m.set_block(tasks, roles, "I")
    [event] = events
    assert (event.kind, event.tasks, event.roles, event.keys) == (
        "cells",
        tuple(tasks),
        tuple(roles),
        (),
    )
    assert event.touches_role(roles[3])
    assert len(set(event.cell_keys())) == 1200


def test_renumbered_undo_follows_new_ids() -> None:
    m = Matrix("Ids")
    role = m.add_role("PM").id
    task = m.add_task("Plan").id
    m.set_cell(task, role, "A")
    undo = m.set_block([task], [role], "R")
    moved = undo.renumbered({task: 900, role: 901})
    assert (moved.tasks, moved.roles, moved.rows) == ((900,), (901,), {900: {901: "A"}})


def large_matrix(tasks: int, roles: int) -> Matrix:
    m = Matrix("Large")
    role_ids = [m.add_role(f"Role {j}").id for j in range(roles)]
    for i in range(tasks):
        task = m.add_task(f"Task {i}").id
        m.load_cells([(task, role_ids[i % roles], "A"), (task, role_ids[(i + 1) % roles], "R")])
    m.column(role_ids[0])
    m.journal.clear()
    return m


def test_setting_a_whole_matrix_holds_little_memory_beyond_the_cells() -> None:
    """Issue 12: select all + a letter grew memory by many times what the cells need.

    Measured: what the set block keeps allocated (its undo and journal included)
    against what the same cells cost loaded into a fresh matrix.
    """
    tasks, roles = 400, 50
    tracemalloc.start()
    try:
        start = tracemalloc.get_traced_memory()[0]
        full = large_matrix(tasks, roles)
        full.load_cells((t.id, r.id, "I") for t in full.tasks for r in full.roles)
        full.column(full.roles[0].id)
        cells_cost = tracemalloc.get_traced_memory()[0] - start
        del full

        m = large_matrix(tasks, roles)
        start = tracemalloc.get_traced_memory()[0]
        undo = m.set_block([t.id for t in m.tasks], [r.id for r in m.roles], "I")
        held = tracemalloc.get_traced_memory()[0] - start
    finally:
        tracemalloc.stop()
    assert m.filled_count == tasks * roles and undo.rows
    assert held < 1.5 * cells_cost


# ------------------------------------------------------------------- saving
def saved_pair(tmp_path: Path, m: Matrix) -> tuple[Path, Document]:
    path = tmp_path / "plan.rolematrix"
    DocumentStore.create(path, Document([m])).close()
    return path, Document([m])


def reload(path: Path) -> Document:
    with DocumentStore.open(path, readonly=True) as store:
        return store.load()


@pytest.mark.parametrize("read_all_above", [5_000, 3])
def test_incremental_save_after_a_block_set_and_its_undo_equals_a_full_save(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, read_all_above: int
) -> None:
    """Both ways the journaled cells are compared with the saved ones (by key, read whole)."""
    monkeypatch.setattr(writer, "_READ_ALL_ABOVE", read_all_above)
    path = tmp_path / "plan.rolematrix"
    DocumentStore.create(path, Document([large_matrix(30, 6)])).close()
    with DocumentStore.open(path) as store:
        document = store.load()
        m = document.matrices[0]
        m.set_cell_texts([(m.tasks[2].id, m.roles[1].id, "maybe")])
        store.save(document)
        whole = m.set_block([t.id for t in m.tasks], [r.id for r in m.roles], "C")
        part = m.set_block([t.id for t in m.tasks[3:9]], [r.id for r in m.roles[1:3]], "")
        assert m.journal.blocks  # kept as blocks, not spelled out, until saved
        store.save(document)
        assert m.journal.empty
        assert document_state(reload(path)) == document_state(document)
        m.restore_block(part)
        m.set_cell(m.tasks[0].id, m.roles[0].id, "A")
        store.save(document)
        assert document_state(reload(path)) == document_state(document)
        m.restore_block(whole)
        store.save(document)
    assert document_state(reload(path)) == document_state(document)
    full = tmp_path / "full.rolematrix"
    DocumentStore.create(full, document).close()
    assert document_state(reload(path)) == document_state(reload(full))
    assert reload(path).matrices[0].cell_text(m.tasks[2].id, m.roles[1].id) == "maybe"


def test_cell_by_cell_edit_of_most_of_the_matrix_is_checked_in_full_and_agrees() -> None:
    m = large_matrix(40, 6)
    m.add_person("Ann", [m.roles[0].id, m.roles[2].id])
    checker = IncrementalChecker(m)
    m.set_cells((t.id, r.id, "C") for t in m.tasks[:30] for r in m.roles)
    assert checker.findings == check(m)
    m.set_cells([(m.tasks[0].id, m.roles[0].id, "A")])
    assert checker.findings == check(m)


@pytest.mark.postgres
def test_a_block_set_in_a_shared_workspace_merges_with_anothers_edit(workspace: str) -> None:
    DocumentStore.create(workspace, Document([large_matrix(30, 6)]), user="Setup").close()
    with (
        DocumentStore.open(workspace, user="Ann") as ann,
        DocumentStore.open(workspace, user="Bob") as bob,
    ):
        ann_doc, bob_doc = ann.load(), bob.load()
        a, b = ann_doc.matrices[0], bob_doc.matrices[0]
        b.set_cell(b.tasks[-1].id, b.roles[-1].id, "I")  # outside Ann's block
        bob.save(bob_doc)
        a.set_block([t.id for t in a.tasks[:20]], [r.id for r in a.roles], "C")
        ann.save(ann_doc)  # finds Bob's newer version and merges
        assert a.journal.empty
        assert a.get(a.tasks[-1].id, a.roles[-1].id) == "I"
        assert {a.get(t.id, r.id) for t in a.tasks[:20] for r in a.roles} == {"C"}
        with DocumentStore.open(workspace, readonly=True) as store:
            assert document_state(store.load()) == document_state(ann_doc)


save_edit = st.tuples(
    st.sampled_from(["cell", "block", "undo", "remove-task", "remove-role", "text"]),
    st.integers(0, 99),
    st.integers(0, 99),
    st.sampled_from(CODES),
)


@settings(max_examples=25, deadline=None)
@given(ops=st.lists(save_edit, min_size=1, max_size=12), read_all_above=st.sampled_from([0, 10**6]))
def test_incremental_saves_equal_full_saves_after_random_block_edits(
    tmp_path_factory: pytest.TempPathFactory,
    ops: list[tuple[str, int, int, str]],
    read_all_above: int,
) -> None:
    """Whichever way the journaled cells are compared (read whole, or by key)."""
    folder = tmp_path_factory.mktemp("saves")
    path = folder / "plan.rolematrix"
    DocumentStore.create(path, Document([large_matrix(8, 5)])).close()
    undos = []
    with pytest.MonkeyPatch.context() as patch, DocumentStore.open(path) as store:
        patch.setattr(writer, "_READ_ALL_ABOVE", read_all_above)
        document = store.load()
        m = document.matrices[0]
        for i, (kind, a, b, codes) in enumerate(ops):
            tasks, roles = m.tasks, m.roles
            if kind == "cell":
                m.set_cell(tasks[a % len(tasks)].id, roles[b % len(roles)].id, codes)
            elif kind == "block":
                picked = [t.id for t in tasks[a % len(tasks) :]]
                undos.append(m.set_block(picked, [r.id for r in roles[b % len(roles) :]], codes))
            elif kind == "undo" and undos:
                m.restore_block(undos.pop())
            elif kind == "remove-task" and len(tasks) > 1:
                undos.clear()  # an undo stack would undo the removal first
                m.remove_task(tasks[a % len(tasks)].id)
            elif kind == "remove-role" and len(roles) > 1:
                undos.clear()
                m.remove_role(roles[b % len(roles)].id)
            elif kind == "text":
                m.set_cell_texts([(tasks[a % len(tasks)].id, roles[b % len(roles)].id, "maybe")])
            if i % 3 == 2:
                store.save(document)
        store.save(document)
    full = folder / "full.rolematrix"
    DocumentStore.create(full, document).close()
    assert document_state(reload(path)) == document_state(document)
    assert document_state(reload(path)) == document_state(reload(full))


def test_clearing_a_cell_first_thing_after_opening_a_file(tmp_path: Path) -> None:
    """Opening leaves the by-role index to be built when first asked; clearing built it too late."""
    path = tmp_path / "plan.rolematrix"
    DocumentStore.create(path, Document([large_matrix(8, 5)])).close()
    m = reload(path).matrices[0]
    task, role = m.tasks[0].id, m.roles[0].id
    assert m.get(task, role) == "A"
    m.set_cell(task, role, "")
    assert m.get(task, role) == "" and task not in m.column(role)
    assert_indexes_agree(m)


def test_one_cell_edited_after_a_block_keeps_the_block_one_entry() -> None:
    """A keystroke after select all + a letter must not spell the block into a million keys."""
    m = Matrix("Big")
    tasks = [m.add_task(f"T{i}").id for i in range(200)]
    roles = [m.add_role(f"R{j}").id for j in range(50)]
    m.journal.clear()
    m.set_block(tasks, roles, "R")
    m.set_cell(tasks[0], roles[0], "A")
    assert len(m.journal.blocks) == 1
    assert m.journal.keyed_cells == {(tasks[0], roles[0])}
    m.remove_task(tasks[1])
    assert len(m.journal.blocks) == 1
