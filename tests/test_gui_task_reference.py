"""A task's reference (its own id in the user's sheet, "1.2") is shown and can be edited."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_fixtures import add_window, sample_matrix, session_of
from gui_fixtures import isolated as isolated  # a fixture
from PySide6.QtCore import Qt

from rolematrix.gui.main_window import MainWindow

pytestmark = pytest.mark.gui


def test_the_reference_leads_the_row_header_and_is_edited_in_the_task_panel(
    qtbot, isolated: Path
) -> None:
    matrix = sample_matrix()
    scope = matrix.find_task("Define scope")
    matrix.update_task(scope.id, reference="1.1")
    matrix.journal.clear()
    w = add_window(qtbot, MainWindow(session_of(matrix, title="Launch")))
    w.show()
    assert w.model is not None
    row = w.model.cell_index(scope.id, matrix.roles[0].id).row()
    assert w.model.headerData(row, Qt.Orientation.Vertical) == "1.1  Define scope"
    w.grid.select_cell(scope.id, matrix.roles[0].id)
    qtbot.waitUntil(lambda: w.task_panel.reference.text() == "1.1")
    w.task_panel.reference.selectAll()
    qtbot.keyClicks(w.task_panel.reference, "S-01")
    qtbot.keyClick(w.task_panel.reference, Qt.Key.Key_Return)
    assert matrix.task(scope.id).reference == "S-01"
    assert w.model.headerData(row, Qt.Orientation.Vertical) == "S-01  Define scope"
    w.session.undo_stack.undo()
    assert matrix.task(scope.id).reference == "1.1"
