"""Opening a large document in the editor: the grid paints before every cell is in.

The window's first rows come with the open; the rest of the cells are read
right after the first paint (when the checker is attached) or before the
user's first input is handled, whichever comes first. The tests shrink both
thresholds so that a small file takes the large document's path.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sqlite3
from pathlib import Path

import pytest
from gui_fixtures import Dialogs, add_window
from gui_fixtures import dialogs as dialogs  # a fixture
from gui_fixtures import isolated as isolated  # a fixture
from PySide6.QtWidgets import QApplication

from rolematrix.core.checker import check
from rolematrix.core.model import Document, Matrix
from rolematrix.core.templates import reference_for
from rolematrix.gui import main_window, session
from rolematrix.gui.app import Controller
from rolematrix.gui.main_window import MainWindow
from rolematrix.store import DocumentStore

FIRST = 5


def long_matrix(tasks: int = 40, roles: int = 4) -> Matrix:
    """Every task has its accountable and a doer, except every seventh: no accountable."""
    m = Matrix("Long", "RACI")
    role_ids = [m.add_role(f"Role {j + 1}", short=f"R{j + 1}").id for j in range(roles)]
    for i in range(tasks):
        t = m.add_task(f"Task {i + 1}").id
        lead = "R" if i % 7 == 6 else "A"
        m.set_cells([(t, role_ids[i % roles], lead), (t, role_ids[(i + 1) % roles], "R")])
    m.journal.clear()
    return m


@pytest.fixture
def staged(monkeypatch: pytest.MonkeyPatch) -> None:
    """The large document's path for a small one: few rows first, the check after the paint."""
    monkeypatch.setattr(session, "FIRST_ROWS", FIRST)
    monkeypatch.setattr(main_window, "CHECK_AT_ONCE_CELLS", 0)


def cells_of(m: Matrix) -> dict[tuple[int, int], str]:
    return {(t, r): codes for t, r, codes in m.cells()}


def open_window(qtbot, path: Path) -> MainWindow:
    w = Controller().open_target(str(path))
    assert w is not None
    return add_window(qtbot, w)


@pytest.mark.usefixtures("staged")
def test_the_grid_paints_first_and_the_problems_follow_with_every_cell(
    qtbot, isolated: Path
) -> None:
    path = isolated / "long.rolematrix"
    saved = long_matrix()
    DocumentStore.create(path, Document([saved])).close()
    w = open_window(qtbot, path)
    assert w.session.loading  # only the first rows are in: the window is shown before the rest
    assert w.model is not None and w.matrix is not None
    first_task = w.matrix.tasks[0]
    row = w.model.row_of_task(first_task.id)
    assert [w.model.index(row, c).data() for c in range(4)] == [
        saved.get(saved.tasks[0].id, role.id) for role in saved.roles
    ]
    qtbot.waitUntil(lambda: not w.session.loading and w._pending_check is None)
    assert cells_of(w.matrix) == cells_of(saved)
    expected = check(saved, reference_for(saved))
    assert sorted((f.rule, f.task_id) for f in w.problems.findings()) == sorted(
        (f.rule, f.task_id) for f in expected
    )
    last = w.matrix.tasks[-1]
    last_row = w.model.row_of_task(last.id)
    assert [w.model.index(last_row, c).data() for c in range(4)] == [
        saved.get(saved.tasks[-1].id, role.id) for role in saved.roles
    ]


@pytest.mark.usefixtures("staged")
def test_a_key_typed_before_the_rest_is_in_edits_the_cell_as_the_file_holds_it(
    qtbot, isolated: Path
) -> None:
    path = isolated / "long.rolematrix"
    saved = long_matrix()
    DocumentStore.create(path, Document([saved])).close()
    w = open_window(qtbot, path)
    assert w.session.loading and w.matrix is not None
    late = saved.tasks[-1]
    role = next(r for r in saved.roles if saved.get(late.id, r.id))
    was = saved.get(late.id, role.id)
    w.grid.select_cell(late.id, role.id)
    qtbot.keyClick(w.grid, "i")  # before the first paint: the load is finished first
    assert w.matrix.get(late.id, role.id) == "I"
    w.session.undo_stack.undo()
    assert w.matrix.get(late.id, role.id) == was  # not "" (the row not read yet)
    w.session.undo_stack.redo()
    w.session.save()
    with DocumentStore.open(path, readonly=True) as store:
        reopened = store.load().matrices[0]
    want = cells_of(saved) | {(late.id, role.id): "I"}
    assert cells_of(reopened) == want


@pytest.mark.usefixtures("staged")
def test_damage_in_the_rest_closes_the_window_as_a_failed_open(
    qtbot, isolated: Path, dialogs: Dialogs
) -> None:
    path = isolated / "long.rolematrix"
    DocumentStore.create(path, Document([long_matrix()])).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE cells SET codes = 'A/R' WHERE rowid = (SELECT max(rowid) FROM cells)")
    db.close()
    before = path.read_bytes()
    w = open_window(qtbot, path)
    assert w.session.loading  # the damaged row is not among the first
    qtbot.waitUntil(lambda: not w.isVisible())
    assert [(kind, title) for kind, title, _text in dialogs.shown] == [
        ("critical", "Could not open")
    ]
    assert "are not code" in dialogs.shown[0][2]
    QApplication.processEvents()
    assert path.read_bytes() == before
