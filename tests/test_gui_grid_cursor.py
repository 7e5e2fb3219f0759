"""The grid's cursor: the framed cell, the current index and the target of typing are one cell.

Ctrl+Home, Ctrl+End and Ctrl+arrows used to move Qt's current index without the
selection (Qt's "move without selecting" for Ctrl), so the frame stayed on the old
cell while the view's idea of "current" moved on (issue 12, defect 1).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from gui_fixtures import add_window, flat_matrix, sample_matrix, session_of
from gui_fixtures import isolated as isolated  # a fixture
from PySide6.QtCore import Qt

from rolematrix.core.model import Matrix
from rolematrix.core.templates import get_template
from rolematrix.gui.main_window import MainWindow

pytestmark = pytest.mark.gui

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def open_window(qtbot, matrix: Matrix) -> MainWindow:
    w = MainWindow(session_of(matrix, title=matrix.name))
    add_window(qtbot, w)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    w.grid.setFocus()
    return w


@pytest.fixture
def window(qtbot, isolated: Path) -> MainWindow:
    return open_window(qtbot, sample_matrix())


def framed(w: MainWindow) -> list[tuple[str, str]]:
    """(task, role) of every cell the grid paints with the selection frame."""
    m = w.matrix
    assert m is not None
    return [(m.task(t).name, m.role(r).name) for t, r in w.grid.selected_cells()]


def current(w: MainWindow) -> tuple[str, str] | None:
    task, role = w.grid.current_task(), w.grid.current_role()
    return (task.name, role.name) if task and role else None


def start_at(w: MainWindow, task: str, role: str) -> None:
    m = w.matrix
    assert m is not None and w.model is not None
    role_id = next(r.id for r in m.roles if r.name == role)
    w.grid.set_current(w.model.cell_index(m.find_task(task).id, role_id))


def type_letter(qtbot, w: MainWindow) -> list[tuple[str, str]]:
    """Type C (no cell these tests land on holds it); the cells whose code it changed."""
    m = w.matrix
    assert m is not None
    before = {(t.name, r.name): m.get(t.id, r.id) for t in m.tasks for r in m.roles}
    qtbot.keyClick(w.grid, Qt.Key.Key_C)
    return [
        (t.name, r.name)
        for t in m.tasks
        for r in m.roles
        if m.get(t.id, r.id) != before[(t.name, r.name)]
    ]


def assert_one_cursor(qtbot, w: MainWindow, expected: tuple[str, str]) -> None:
    assert current(w) == expected
    assert framed(w) == [expected]
    assert w.grid.selectionModel().isSelected(w.grid.currentIndex())
    assert type_letter(qtbot, w) == [expected]


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        (Qt.Key.Key_Home, ("Define scope", "Project Manager")),
        (Qt.Key.Key_End, ("Test", "Developer")),
        (Qt.Key.Key_Up, ("Define scope", "Account Manager")),
        (Qt.Key.Key_Down, ("Test", "Account Manager")),
        (Qt.Key.Key_Left, ("Write code", "Project Manager")),
        (Qt.Key.Key_Right, ("Write code", "Developer")),
    ],
)
def test_ctrl_navigation_moves_frame_current_and_typing_together(
    qtbot, window: MainWindow, key: Qt.Key, expected: tuple[str, str]
) -> None:
    start_at(window, "Write code", "Account Manager")
    qtbot.keyClick(window.grid, key, CTRL)
    assert_one_cursor(qtbot, window, expected)


def test_ctrl_home_never_lands_on_a_phase_row(qtbot, window: MainWindow) -> None:
    start_at(window, "Test", "Developer")
    qtbot.keyClick(window.grid, Qt.Key.Key_Home, CTRL)
    assert window.model is not None
    assert window.model.phase_at(window.grid.currentIndex().row()) is None
    assert_one_cursor(qtbot, window, ("Define scope", "Project Manager"))


def test_ctrl_home_and_end_skip_tasks_the_filter_hides(qtbot, window: MainWindow) -> None:
    window.grid.set_filter("es")  # "Estimate" and "Test" stay in sight
    start_at(window, "Test", "Account Manager")
    qtbot.keyClick(window.grid, Qt.Key.Key_Home, CTRL)
    assert_one_cursor(qtbot, window, ("Estimate", "Project Manager"))
    qtbot.keyClick(window.grid, Qt.Key.Key_End, CTRL)
    assert_one_cursor(qtbot, window, ("Test", "Developer"))


def test_ctrl_shift_end_selects_the_block_to_the_last_cell(qtbot, isolated: Path) -> None:
    w = open_window(qtbot, flat_matrix(tasks=3, roles=3))
    start_at(w, "Task 2", "Role 2")
    qtbot.keyClick(w.grid, Qt.Key.Key_End, CTRL | SHIFT)
    assert current(w) == ("Task 3", "Role 3")
    assert sorted(framed(w)) == [
        ("Task 2", "Role 2"),
        ("Task 2", "Role 3"),
        ("Task 3", "Role 2"),
        ("Task 3", "Role 3"),
    ]


def test_plain_arrows_still_move_frame_and_current_together(qtbot, window: MainWindow) -> None:
    start_at(window, "Test", "Project Manager")
    qtbot.keyClick(window.grid, Qt.Key.Key_Right)
    assert_one_cursor(qtbot, window, ("Test", "Account Manager"))


def test_ctrl_arrows_follow_the_reading_direction_right_to_left(qtbot, isolated: Path) -> None:
    """In a Persian matrix the first role is at the right: Ctrl+Right goes there."""
    m = get_template("fa-am-pm").build()
    m.add_role("طراح", short="D")
    m.journal.clear()
    w = open_window(qtbot, m)
    assert w.grid.isRightToLeft() and len(m.roles) == 3
    task = m.tasks[1]
    assert w.model is not None
    w.grid.set_current(w.model.cell_index(task.id, m.roles[1].id))
    qtbot.keyClick(w.grid, Qt.Key.Key_Left, CTRL)
    assert w.grid.current_role() == m.roles[-1]
    assert w.grid.selected_cells() == [(task.id, m.roles[-1].id)]
    qtbot.keyClick(w.grid, Qt.Key.Key_Right, CTRL)
    assert w.grid.current_role() == m.roles[0]
    assert w.grid.selected_cells() == [(task.id, m.roles[0].id)]
