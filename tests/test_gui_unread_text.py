"""Text an import could not read as codes ("maybe") is shown in its cell and settled by editing it.

Issue 11, class 10: the user's text is never dropped; the grid shows it as written, the
checker lists it, and a code typed over it (or Delete) replaces it -- undoably.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_fixtures import add_window, sample_matrix, session_of
from gui_fixtures import isolated as isolated  # a fixture
from PySide6.QtCore import Qt

from rolematrix.gui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, isolated: Path) -> MainWindow:
    matrix = sample_matrix()
    scope, build = matrix.find_task("Define scope"), matrix.find_task("Write code")
    am = matrix.find_role("Account Manager")
    matrix.set_cell_texts([(scope.id, am.id, "R maybe"), (build.id, am.id, "ask Olga")])
    matrix.journal.clear()
    w = MainWindow(session_of(matrix, title="Launch"))
    add_window(qtbot, w)
    w.show()
    return w


def at(w: MainWindow, task: str, role: str):
    m = w.matrix
    assert m is not None and w.model is not None
    return w.model.cell_index(m.find_task(task).id, m.find_role(role).id)


def unread_findings(w: MainWindow) -> list[str]:
    """What the problems panel lists as unknown codes."""
    return sorted(
        f"{f.task} × {f.role}" for f in w.problems.findings() if f.rule == "cell-unknown-code"
    )


def test_the_cell_shows_the_text_as_written_and_says_what_to_do(window: MainWindow) -> None:
    index = at(window, "Write code", "Account Manager")
    assert index.data(Qt.ItemDataRole.DisplayRole) == "ask Olga"
    assert "ask Olga" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert "Delete" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert at(window, "Define scope", "Account Manager").data() == "R maybe"
    assert unread_findings(window) == [
        "Define scope × Account Manager",
        "Write code × Account Manager",
    ]
    assert "3 errors" in window.counts_label.text()  # and "Write code" lacks an A


def test_a_code_typed_over_it_settles_it_and_undo_brings_it_back(window: MainWindow, qtbot) -> None:
    m = window.matrix
    assert m is not None
    task, role = m.find_task("Write code"), m.find_role("Account Manager")
    window.grid.set_current(at(window, "Write code", "Account Manager"))
    qtbot.keyClick(window.grid, "c")
    assert m.get(task.id, role.id) == "C"
    assert m.cell_text(task.id, role.id) == ""
    assert at(window, "Write code", "Account Manager").data() == "C"
    qtbot.waitUntil(lambda: unread_findings(window) == ["Define scope × Account Manager"])
    window.session.undo_stack.undo()
    assert m.get(task.id, role.id) == ""
    assert m.cell_text(task.id, role.id) == "ask Olga"
    qtbot.waitUntil(lambda: len(unread_findings(window)) == 2)
    window.session.undo_stack.redo()
    assert m.cell_text(task.id, role.id) == ""


def test_delete_clears_the_text_too(window: MainWindow, qtbot) -> None:
    m = window.matrix
    assert m is not None
    task, role = m.find_task("Write code"), m.find_role("Account Manager")
    window.grid.set_current(at(window, "Write code", "Account Manager"))
    qtbot.keyClick(window.grid, Qt.Key.Key_Delete)
    assert m.cell_text(task.id, role.id) == ""
    assert window.session.undo_stack.count() == 1
    window.session.undo_stack.undo()
    assert m.cell_text(task.id, role.id) == "ask Olga"


def test_the_cell_editor_opened_and_closed_unchanged_keeps_the_text(
    window: MainWindow, qtbot
) -> None:
    from PySide6.QtWidgets import QLineEdit

    m = window.matrix
    assert m is not None
    task, role = m.find_task("Write code"), m.find_role("Account Manager")
    index = at(window, "Write code", "Account Manager")
    window.grid.set_current(index)
    window.grid.edit(index)
    editor = window.grid.findChild(QLineEdit)
    assert editor is not None and editor.text() == "ask Olga"  # opens on the text as written
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert m.cell_text(task.id, role.id) == "ask Olga"
    assert window.session.undo_stack.count() == 0
