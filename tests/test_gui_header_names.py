"""Names typed over the grid's headers, without a dialog per rename (issue 12, defect 5).

A task's name is edited in its row header, a role's in its column header: by
double-click, by F2 when the row or column is what is selected, or by typing on
a header that has the keyboard. Enter keeps the name, Esc the old one, Tab moves
right; a refused name is said in the status bar and the old name stays.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from gui_fixtures import Dialogs, add_window, sample_matrix, session_of
from gui_fixtures import dialogs as dialogs  # a fixture
from gui_fixtures import isolated as isolated  # a fixture
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QHeaderView, QLineEdit

from rolematrix.gui.main_window import MainWindow
from rolematrix.gui.standard_keys import add_ctrl_y_to_redo

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, isolated: Path, dialogs: Dialogs) -> MainWindow:
    """Any input dialog fails the test: renaming here is never a dialog."""
    w = MainWindow(session_of(sample_matrix(), title="Launch"))
    add_window(qtbot, w)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)  # header focus is only observable in the active window
    w.grid.setFocus()
    return w


def centre(header: QHeaderView, section: int) -> QPoint:
    middle = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    if header.orientation() == Qt.Orientation.Vertical:
        return QPoint(header.viewport().width() // 2, middle)
    return QPoint(middle, header.viewport().height() // 2)


def row_of(w: MainWindow, task: str) -> int:
    assert w.model is not None and w.matrix is not None
    return w.model.row_of_task(w.matrix.find_task(task).id)


def column_of(w: MainWindow, role: str) -> int:
    assert w.matrix is not None
    return next(i for i, r in enumerate(w.matrix.roles) if r.name == role)


def select_row(w: MainWindow, row: int) -> None:
    """The whole row selected, as a click on its header does (QTableView.selectRow would
    read the modifier keys a previous test left down)."""
    assert w.model is not None
    flags = QItemSelectionModel.SelectionFlag
    w.grid.selectionModel().setCurrentIndex(
        w.model.index(row, 0), flags.ClearAndSelect | flags.Rows
    )


def open_editor(w: MainWindow) -> QLineEdit:
    editor = w.grid.header_editor.editor
    assert editor is not None and editor.isVisible()
    return editor


def task_names(w: MainWindow) -> list[str]:
    assert w.matrix is not None
    return [t.name for t in w.matrix.tasks]


def role_names(w: MainWindow) -> list[str]:
    assert w.matrix is not None
    return [r.name for r in w.matrix.roles]


def test_double_click_on_a_row_header_edits_the_task_name_in_place(
    qtbot, window: MainWindow, dialogs: Dialogs
) -> None:
    header = window.grid.verticalHeader()
    qtbot.mouseDClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=centre(header, row_of(window, "Estimate"))
    )
    editor = open_editor(window)
    assert editor.parent() is header.viewport()
    assert editor.text() == "Estimate" and editor.selectedText() == "Estimate"
    qtbot.keyClicks(editor, "Size the work")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert task_names(window) == ["Define scope", "Size the work", "Write code", "Test"]
    assert window.grid.header_editor.editor is None
    assert dialogs.shown == []
    window.session.undo_stack.undo()  # one undo step
    assert task_names(window)[1] == "Estimate"


def test_double_click_on_a_column_header_edits_the_role_name_and_tab_moves_right(
    qtbot, window: MainWindow
) -> None:
    header = window.grid.horizontalHeader()
    qtbot.mouseDClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=centre(header, column_of(window, "Account Manager")),
    )
    editor = open_editor(window)
    assert editor.text() == "Account Manager"
    qtbot.keyClicks(editor, "Key Account")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert role_names(window) == ["Project Manager", "Key Account", "Developer"]
    editor = open_editor(window)  # on to the next role's name
    assert editor.text() == "Developer"
    qtbot.keyClicks(editor, "Engineer")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # Esc keeps the old name
    assert role_names(window) == ["Project Manager", "Key Account", "Developer"]
    assert window.grid.header_editor.editor is None
    assert window.grid.current_role() is not None
    assert window.grid.current_role().name == "Developer"


def test_f2_on_a_selected_row_edits_its_name_and_tab_goes_to_its_first_role(
    qtbot, window: MainWindow
) -> None:
    select_row(window, row_of(window, "Write code"))
    qtbot.keyClick(window.grid, Qt.Key.Key_F2)
    editor = open_editor(window)
    qtbot.keyClicks(editor, "Code it")  # the old name was selected: typing replaces it
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert task_names(window)[2] == "Code it"
    assert window.grid.hasFocus()
    assert window.grid.current_task().name == "Code it"
    assert window.grid.current_role().name == "Project Manager"
    qtbot.keyClick(window.grid, Qt.Key.Key_R)  # the framed cell is the one typed into
    m = window.matrix
    assert m is not None
    assert m.get(m.find_task("Code it").id, m.roles[0].id) == "R"


def test_f2_on_a_cell_still_edits_the_cell(qtbot, window: MainWindow) -> None:
    assert window.model is not None and window.matrix is not None
    m = window.matrix
    window.grid.set_current(window.model.cell_index(m.find_task("Test").id, m.roles[1].id))
    qtbot.keyClick(window.grid, Qt.Key.Key_F2)
    assert window.grid.header_editor.editor is None
    assert window.grid.state() == window.grid.State.EditingState


def test_typing_on_a_clicked_header_starts_the_name(qtbot, window: MainWindow) -> None:
    header = window.grid.verticalHeader()
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=centre(header, row_of(window, "Test"))
    )
    assert header.hasFocus()  # a click on a header gives it the keyboard
    qtbot.keyClicks(header, "Q")
    editor = open_editor(window)
    assert editor.text() == "Q"  # the key typed replaces the name, it is no code
    qtbot.keyClicks(editor, "A review")
    qtbot.keyClick(editor, Qt.Key.Key_Enter)
    assert task_names(window)[3] == "QA review"
    assert window.grid.hasFocus()


def test_other_keys_on_a_header_act_on_the_grid(qtbot, window: MainWindow) -> None:
    header = window.grid.horizontalHeader()
    column = column_of(window, "Developer")
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=centre(header, column))
    m = window.matrix
    assert m is not None
    dev = m.roles[column].id
    assert any(m.get(t.id, dev) for t in m.tasks)
    qtbot.keyClick(header, Qt.Key.Key_Delete)  # the whole column is selected: cleared
    assert all(m.get(t.id, dev) == "" for t in m.tasks)
    assert role_names(window)[column] == "Developer"


@pytest.mark.parametrize(
    ("typed", "said"), [("Estimate", "already exists"), ("   ", "needs a name")]
)
def test_a_refused_name_is_said_in_the_status_bar_and_the_old_name_stays(
    qtbot, window: MainWindow, dialogs: Dialogs, typed: str, said: str
) -> None:
    header = window.grid.verticalHeader()
    qtbot.mouseDClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=centre(header, row_of(window, "Test"))
    )
    editor = open_editor(window)
    editor.clear()
    qtbot.keyClicks(editor, typed)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert task_names(window) == ["Define scope", "Estimate", "Write code", "Test"]
    assert said in window.statusBar().currentMessage()
    assert dialogs.shown == []
    assert not window.session.undo_stack.canUndo()


def test_phase_name_in_place_by_f2_on_its_row(qtbot, window: MainWindow) -> None:
    m = window.matrix
    assert m is not None
    window.grid.select_phase(m.phases[1].id)
    qtbot.keyClick(window.grid, Qt.Key.Key_F2)
    editor = open_editor(window)
    qtbot.keyClicks(editor, "Make")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert [p.name for p in m.phases] == ["Plan", "Make"]


def test_clicking_away_keeps_the_typed_name(qtbot, window: MainWindow) -> None:
    header = window.grid.horizontalHeader()
    qtbot.mouseDClick(header.viewport(), Qt.MouseButton.LeftButton, pos=centre(header, 0))
    editor = open_editor(window)
    qtbot.keyClicks(editor, "Lead")
    window.grid.setFocus()
    QApplication.processEvents()
    assert role_names(window)[0] == "Lead"


def test_tab_moves_right_and_enter_at_the_last_role_goes_to_the_next_task(
    qtbot, window: MainWindow
) -> None:
    assert window.model is not None and window.matrix is not None
    m = window.matrix
    window.grid.set_current(window.model.cell_index(m.find_task("Estimate").id, m.roles[0].id))
    for role in ("Account Manager", "Developer"):
        qtbot.keyClick(window.grid, Qt.Key.Key_Tab)
        assert window.grid.current_role().name == role
    qtbot.keyClick(window.grid, Qt.Key.Key_Return)  # past the phase row "Build"
    assert window.grid.current_task().name == "Write code"
    assert window.grid.current_role().name == "Project Manager"
    for _ in range(3):
        qtbot.keyClick(window.grid, Qt.Key.Key_Tab)  # the last role, then the next task
    assert (window.grid.current_task().name, window.grid.current_role().name) == (
        "Test",
        "Project Manager",
    )
    assert window.grid.selected_cells() == [(m.find_task("Test").id, m.roles[0].id)]
    qtbot.keyClick(window.grid, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert (window.grid.current_task().name, window.grid.current_role().name) == (
        "Write code",
        "Developer",
    )


def test_ctrl_y_redoes(qtbot, window: MainWindow) -> None:
    m = window.matrix
    assert m is not None
    select_row(window, row_of(window, "Test"))
    qtbot.keyClick(window.grid, Qt.Key.Key_F2)
    qtbot.keyClicks(open_editor(window), "Check")
    qtbot.keyClick(open_editor(window), Qt.Key.Key_Return)
    window.session.undo_stack.undo()
    assert task_names(window)[3] == "Test"
    qtbot.keyClick(window.grid, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert task_names(window)[3] == "Check"


def test_ctrl_y_is_added_where_the_standard_redo_lacks_it(qapp) -> None:
    redo = QAction("Redo")
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z")])  # GNOME's and macOS's standard Redo
    add_ctrl_y_to_redo(redo)
    assert [k.toString() for k in redo.shortcuts()] == ["Ctrl+Shift+Z", "Ctrl+Y"]
    add_ctrl_y_to_redo(redo)  # never twice (an ambiguous shortcut fires nothing)
    assert [k.toString() for k in redo.shortcuts()] == ["Ctrl+Shift+Z", "Ctrl+Y"]


def test_rename_shortcuts_edit_in_place(qtbot, window: MainWindow, dialogs: Dialogs) -> None:
    """Ctrl+R (Rename task) and Ctrl+Shift+R (Rename role) open the header's editor, not a
    dialog; Enter goes back to the cell they were called from."""
    assert window.model is not None and window.matrix is not None
    m = window.matrix
    grid = window.grid
    grid.set_current(window.model.cell_index(m.find_task("Estimate").id, m.roles[1].id))
    qtbot.keyClick(grid, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    editor = open_editor(window)
    assert editor.parent() is grid.verticalHeader().viewport()
    qtbot.keyClicks(editor, "Sizing")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert task_names(window)[1] == "Sizing"
    assert (grid.current_task().name, grid.current_role().name) == ("Sizing", "Account Manager")
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(grid, Qt.Key.Key_R, shift_ctrl)
    editor = open_editor(window)
    assert editor.parent() is grid.horizontalHeader().viewport()
    qtbot.keyClicks(editor, "Client lead")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert role_names(window)[1] == "Client lead"
    assert grid.hasFocus() and grid.current_role().name == "Client lead"
    assert dialogs.shown == []


def test_arrows_on_a_clicked_header_go_from_name_to_name(qtbot, window: MainWindow) -> None:
    grid = window.grid
    header = grid.verticalHeader()
    row = row_of(window, "Estimate")
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=centre(header, row))
    assert header.hasFocus()
    qtbot.keyClick(header, Qt.Key.Key_Down)  # down the names: the phase "Build" next
    assert grid.current_phase().name == "Build" and grid.current_task() is None
    assert header.hasFocus()
    qtbot.keyClick(header, Qt.Key.Key_Down)
    assert grid.selectionModel().isRowSelected(row_of(window, "Write code"))
    qtbot.keyClicks(header, "N")
    qtbot.keyClicks(open_editor(window), "ew code")
    qtbot.keyClick(open_editor(window), Qt.Key.Key_Return)
    assert task_names(window)[2] == "New code"
    top = grid.horizontalHeader()
    qtbot.mouseClick(top.viewport(), Qt.MouseButton.LeftButton, pos=centre(top, 0))
    assert top.hasFocus() and grid.selectionModel().isColumnSelected(0)
    qtbot.keyClick(top, Qt.Key.Key_Right)  # along the names
    assert grid.selectionModel().isColumnSelected(1)
    qtbot.keyClick(top, Qt.Key.Key_F2)
    editor = open_editor(window)
    assert editor.text() == "Account Manager"
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert grid.hasFocus()  # back in the cells, in that role's column
    assert grid.current_role().name == "Account Manager"
    assert len(grid.selected_cells()) == 1
    qtbot.mouseClick(top.viewport(), Qt.MouseButton.LeftButton, pos=centre(top, 2))
    qtbot.keyClick(top, Qt.Key.Key_Down)  # towards the cells: back into the grid
    assert grid.hasFocus() and grid.current_role().name == "Developer"
    assert grid.current_task() is not None
