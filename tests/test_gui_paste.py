"""Pasting past the edges of the matrix, and pasting a table (issue 12, defect 3).

Pasting a block past the last task or role used to drop the overflow silently (4 of 8
values vanished). Now the grid asks once, then adds the missing tasks and roles in the
same undo step, or pastes nothing; a table copied with its names pastes by name.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_fixtures import Dialogs, add_window, sample_matrix, session_of
from gui_fixtures import dialogs as dialogs  # a fixture
from gui_fixtures import isolated as isolated  # a fixture
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from rolematrix.gui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, isolated: Path) -> MainWindow:
    w = MainWindow(session_of(sample_matrix(), title="Launch"))
    add_window(qtbot, w)
    w.show()
    return w


def at_last_cell(w: MainWindow) -> None:
    m = w.matrix
    assert m is not None and w.model is not None
    w.grid.set_current(w.model.cell_index(m.find_task("Test").id, m.find_role("Developer").id))


def test_a_block_past_the_edges_asks_then_grows_in_one_undo_step(
    window: MainWindow, dialogs: Dialogs, qtbot
) -> None:
    m = window.matrix
    assert m is not None
    at_last_cell(window)
    QGuiApplication.clipboard().setText("R\tA\nC\tI\n")  # 2 x 2 at the bottom right corner
    dialogs.answers.append(QMessageBox.StandardButton.Yes)
    qtbot.keyClick(window.grid, "v", Qt.KeyboardModifier.ControlModifier)
    assert dialogs.kinds() == ["question"]
    assert "1" in dialogs.shown[0][2]  # says how many tasks and roles it adds
    assert [t.name for t in m.tasks][-1] == "New task"
    assert [r.name for r in m.roles][-1] == "New role"
    new_task, new_role = m.tasks[-1].id, m.roles[-1].id
    test, dev = m.find_task("Test").id, m.find_role("Developer").id
    assert (m.get(test, dev), m.get(test, new_role)) == ("R", "A")
    assert (m.get(new_task, dev), m.get(new_task, new_role)) == ("C", "I")  # none lost
    window.session.undo_stack.undo()  # one step takes it all back
    assert [t.name for t in m.tasks][-1] == "Test" and len(m.roles) == 3
    assert m.get(test, dev) == "R"


def test_saying_no_pastes_nothing_and_says_so(window: MainWindow, dialogs: Dialogs, qtbot) -> None:
    m = window.matrix
    assert m is not None
    at_last_cell(window)
    before = sorted(m.cells())
    dialogs.answers.append(QMessageBox.StandardButton.No)
    messages: list[str] = []
    window.grid.message.connect(messages.append)
    window.grid.paste("A\tA\nA\tA")
    assert sorted(m.cells()) == before
    assert window.session.undo_stack.count() == 0
    assert messages == ["Nothing was pasted."]


def test_a_table_with_names_pastes_by_name(window: MainWindow, dialogs: Dialogs) -> None:
    m = window.matrix
    assert m is not None
    at_last_cell(window)
    window.grid.paste("Task\tDeveloper\tQA\nEstimate\tR\tC\nDeploy\tA\tR\n")
    assert dialogs.kinds() == []  # names say where everything goes: nothing to ask
    qa, deploy = m.find_role("QA"), m.find_task("Deploy")
    assert qa is not None and deploy is not None
    estimate, dev = m.find_task("Estimate").id, m.find_role("Developer").id
    assert (m.get(estimate, dev), m.get(estimate, qa.id)) == ("R", "C")
    assert (m.get(deploy.id, dev), m.get(deploy.id, qa.id)) == ("A", "R")
