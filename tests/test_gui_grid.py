"""The grid: its item model, keyboard editing, fill, copy/paste, reordering -- and undo of each.

Every assertion is on the document model (the Matrix), which is what gets saved.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import tracemalloc
from pathlib import Path

import pytest
from gui_fixtures import (
    Dialogs,
    add_window,
    flat_matrix,
    sample_matrix,
    session_of,
)
from gui_fixtures import dialogs as dialogs  # a fixture
from gui_fixtures import isolated as isolated  # a fixture
from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from rolematrix.core.model import Matrix
from rolematrix.core.templates import get_template
from rolematrix.gui.grid_model import MatrixGridModel
from rolematrix.gui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, isolated: Path) -> MainWindow:
    w = MainWindow(session_of(sample_matrix(), title="Launch"))
    add_window(qtbot, w)
    w.show()
    return w


def role_id(m: Matrix, label: str) -> int:
    return next(r.id for r in m.roles if label in (r.label, r.name))


def cell(w: MainWindow, task: str, role: str) -> str:
    m = w.matrix
    assert m is not None
    return m.get(m.find_task(task).id, role_id(m, role))


def go(w: MainWindow, task: str, role: str) -> None:
    m = w.matrix
    assert m is not None and w.model is not None
    w.grid.set_current(w.model.cell_index(m.find_task(task).id, role_id(m, role)))


def select_block(w: MainWindow, top: tuple[str, str], bottom: tuple[str, str]) -> None:
    m = w.matrix
    assert m is not None and w.model is not None
    a = w.model.cell_index(m.find_task(top[0]).id, role_id(m, top[1]))
    b = w.model.cell_index(m.find_task(bottom[0]).id, role_id(m, bottom[1]))
    w.grid.set_current(a)
    w.grid.selectionModel().select(
        QItemSelection(a, b), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )


def undo(w: MainWindow) -> None:
    w.session.undo_stack.undo()


def redo(w: MainWindow) -> None:
    w.session.undo_stack.redo()


# ------------------------------------------------------------------ the model
def test_model_passes_qt_model_tester_with_phases_and_flat(qtmodeltester, qapp) -> None:
    for matrix in (sample_matrix(), flat_matrix(), get_template("fa-am-pm").build()):
        model = MatrixGridModel(matrix)
        qtmodeltester.check(model, force_py=True)
        model.close()


def test_model_shows_codes_colours_and_phase_rows(qapp) -> None:
    m = sample_matrix()
    model = MatrixGridModel(m)
    assert model.rowCount() == 6  # 2 phase rows + 4 tasks
    assert model.headerData(0, Qt.Orientation.Vertical) == "▾ Plan"
    assert model.headerData(1, Qt.Orientation.Vertical) == "Define scope"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "PM"
    assert "Project Manager" in model.headerData(
        0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )
    estimate = model.index(2, 0)
    assert model.data(estimate) == "A/R"
    assert (
        model.data(estimate, Qt.ItemDataRole.BackgroundRole).color().name().upper()
        == m.scheme.code("A").colour
    )
    assert "Accountable" in model.data(estimate, Qt.ItemDataRole.ToolTipRole)
    assert (
        model.data(model.index(1, 2), Qt.ItemDataRole.BackgroundRole).color().name().upper()
        == "#F0E442"
    )
    model.close()


def test_model_follows_structural_changes_of_the_matrix(qtmodeltester, qapp) -> None:
    m = sample_matrix()
    model = MatrixGridModel(m)
    qtmodeltester.check(model, force_py=True)  # keeps checking while we change the matrix
    build = m.phases[1].id
    new = m.add_task("Deploy", build)
    assert model.task_at(model.rowCount() - 1) is new
    m.move_task(new.id, m.phases[0].id, 0)
    assert model.task_at(1) is new
    removed = m.remove_task(new.id)
    m.restore_task(removed)
    role = m.add_role("QA", 1)
    assert model.role_at(1) is role
    m.move_role(role.id, 3)
    assert model.headerData(3, Qt.Orientation.Horizontal) == "QA"
    m.remove_role(role.id)
    assert model.columnCount() == 3
    model.close()


# ------------------------------------------------------------- typing codes
def test_typing_a_code_letter_sets_the_cell_and_undo_restores(window: MainWindow, qtbot) -> None:
    go(window, "Write code", "AM")
    qtbot.keyClick(window.grid, "a")
    assert cell(window, "Write code", "AM") == "A"
    qtbot.keyClick(window.grid, "i")  # lower case, same cell: replaces
    assert cell(window, "Write code", "AM") == "I"
    undo(window)
    assert cell(window, "Write code", "AM") == ""
    redo(window)
    assert cell(window, "Write code", "AM") == "I"


def test_look_alike_letters_count_as_codes(window: MainWindow) -> None:
    go(window, "Test", "AM")
    cyrillic_er = QKeyEvent(
        QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, "р"
    )
    QApplication.sendEvent(window.grid, cyrillic_er)
    assert cell(window, "Test", "AM") == "R"


def test_unknown_letter_changes_nothing_and_says_why(window: MainWindow, qtbot) -> None:
    go(window, "Test", "AM")
    with qtbot.waitSignal(window.grid.message) as message:
        qtbot.keyClick(window.grid, "q")
    assert cell(window, "Test", "AM") == ""
    assert "not a code" in message.args[0]
    assert window.session.undo_stack.count() == 0
    # the same for text typed into the cell's editor (F2)
    go(window, "Test", "PM")
    qtbot.keyClick(window.grid, Qt.Key.Key_F2)
    editor = window.grid.findChild(QLineEdit)
    assert editor is not None
    editor.setText("zz")
    with qtbot.waitSignal(window.grid.message) as message:
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert "“zz” is not a code of RACI" in message.args[0]
    assert cell(window, "Test", "PM") == "A" and window.session.undo_stack.count() == 0


def test_shift_letter_toggles_a_code_and_rapid_edits_merge(window: MainWindow, qtbot) -> None:
    go(window, "Test", "AM")
    qtbot.keyClick(window.grid, "a")
    qtbot.keyClick(window.grid, "R", Qt.KeyboardModifier.ShiftModifier)
    assert cell(window, "Test", "AM") == "RA"
    assert window.model is not None
    assert window.grid.currentIndex().data() == "A/R"
    qtbot.keyClick(window.grid, "A", Qt.KeyboardModifier.ShiftModifier)
    assert cell(window, "Test", "AM") == "R"
    assert window.session.undo_stack.count() == 1  # three rapid edits of one cell: one step
    undo(window)
    assert cell(window, "Test", "AM") == ""


def test_edits_of_different_cells_do_not_merge(window: MainWindow, qtbot) -> None:
    go(window, "Test", "AM")
    qtbot.keyClick(window.grid, "c")
    go(window, "Estimate", "AM")
    qtbot.keyClick(window.grid, "c")
    assert window.session.undo_stack.count() == 2
    undo(window)
    assert cell(window, "Estimate", "AM") == ""
    assert cell(window, "Test", "AM") == "C"


def test_space_cycles_through_the_scheme_codes(window: MainWindow, qtbot) -> None:
    go(window, "Test", "AM")
    seen = []
    for _ in range(5):
        qtbot.keyClick(window.grid, Qt.Key.Key_Space)
        seen.append(cell(window, "Test", "AM"))
    assert seen == ["R", "A", "C", "I", ""]


def test_delete_clears_the_selection_and_undo_brings_it_back(window: MainWindow, qtbot) -> None:
    select_block(window, ("Define scope", "PM"), ("Estimate", "Dev"))
    qtbot.keyClick(window.grid, Qt.Key.Key_Delete)
    m = window.matrix
    assert m is not None
    assert all(
        cell(window, t, r) == "" for t in ("Define scope", "Estimate") for r in ("PM", "AM", "Dev")
    )
    assert cell(window, "Write code", "Dev") == "R"  # outside the selection
    undo(window)
    assert cell(window, "Define scope", "AM") == "R"
    assert cell(window, "Estimate", "PM") == "RA"


def test_typing_over_a_selection_fills_it_across_phase_rows(window: MainWindow, qtbot) -> None:
    select_block(window, ("Estimate", "AM"), ("Write code", "AM"))  # spans the "Build" phase row
    qtbot.keyClick(window.grid, "i")
    assert cell(window, "Estimate", "AM") == "I"
    assert cell(window, "Write code", "AM") == "I"
    assert window.session.undo_stack.count() == 1
    undo(window)
    assert cell(window, "Estimate", "AM") == "" and cell(window, "Write code", "AM") == ""


def test_shift_arrows_across_a_phase_row_keep_to_one_column(window: MainWindow, qtbot) -> None:
    """The phase row spans every column; extending through it must not select every role."""
    go(window, "Estimate", "AM")
    for _ in range(2):  # onto the "Build" phase row, then onto "Write code"
        qtbot.keyClick(window.grid, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert sorted(window.grid.selected_cells()) == sorted(
        [
            (window.matrix.find_task(t).id, role_id(window.matrix, "AM"))
            for t in ("Estimate", "Write code")
        ]
    )
    qtbot.keyClick(window.grid, "i")
    assert cell(window, "Estimate", "AM") == "I" and cell(window, "Write code", "AM") == "I"
    assert cell(window, "Estimate", "PM") == "RA" and cell(window, "Write code", "Dev") == "R"

    # the same by mouse: click, then Shift+click below the phase row
    m, grid = window.matrix, window.grid
    assert window.model is not None
    first = grid.visualRect(window.model.cell_index(m.find_task("Estimate").id, role_id(m, "Dev")))
    last = grid.visualRect(window.model.cell_index(m.find_task("Test").id, role_id(m, "Dev")))
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=first.center())
    qtbot.mouseClick(
        grid.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, last.center()
    )
    assert {r for _t, r in grid.selected_cells()} == {role_id(m, "Dev")}
    assert len(grid.selected_cells()) == 3


def test_a_selected_cell_keeps_its_code_colour(window: MainWindow, qtbot) -> None:
    """The selection is a frame: filled with the highlight, an A/R would look like an R."""
    m, model = window.matrix, window.model
    assert m is not None and model is not None
    index = model.cell_index(m.find_task("Estimate").id, role_id(m, "PM"))
    window.grid.set_current(index)
    qtbot.waitUntil(lambda: window.grid.selectionModel().isSelected(index))
    rect = window.grid.visualRect(index)
    image = window.grid.viewport().grab().toImage()
    inside = image.pixelColor(rect.left() + 6, rect.center().y())
    assert inside.name() == model.data(index, Qt.ItemDataRole.BackgroundRole).color().name()
    frame = image.pixelColor(rect.left() + 2, rect.center().y())
    highlight = window.grid.palette().highlight().color()
    assert frame.name() == highlight.name()
    # an empty selected cell is tinted, not filled like a coded one
    empty = model.cell_index(m.find_task("Estimate").id, role_id(m, "AM"))
    window.grid.set_current(empty)
    qtbot.waitUntil(lambda: window.grid.selectionModel().isSelected(empty))
    rect = window.grid.visualRect(empty)
    inside = window.grid.viewport().grab().toImage().pixelColor(rect.left() + 6, rect.center().y())
    assert inside.name() != highlight.name() and inside.lightness() > 200


def test_a_code_typed_on_a_phase_row_says_where_codes_go(window: MainWindow, qtbot) -> None:
    model = window.model
    assert model is not None and window.matrix is not None
    window.grid.select_phase(window.matrix.phases[1].id)
    with qtbot.waitSignal(window.grid.message) as message:
        qtbot.keyClick(window.grid, "a")
    assert "phase row holds no codes" in message.args[0]
    assert window.session.undo_stack.count() == 0


def test_enter_moves_down_skipping_phase_rows(window: MainWindow, qtbot) -> None:
    go(window, "Estimate", "PM")
    qtbot.keyClick(window.grid, Qt.Key.Key_Return)
    assert window.grid.current_task().name == "Write code"


def test_f2_editor_takes_free_text_and_enter_moves_down(window: MainWindow, qtbot) -> None:
    go(window, "Test", "AM")
    qtbot.keyClick(window.grid, Qt.Key.Key_F2)
    editor = window.grid.findChild(QLineEdit)
    assert editor is not None and editor.isVisible()
    editor.setText("a r")
    row = window.grid.currentIndex().row()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: cell(window, "Test", "AM") == "RA", timeout=2000)
    assert window.grid.currentIndex().row() == row  # the last task: nowhere further down to go
    undo(window)
    assert cell(window, "Test", "AM") == ""


# -------------------------------------------------------------- copy / paste
def test_copy_gives_tab_separated_display_text(window: MainWindow, qtbot) -> None:
    select_block(window, ("Define scope", "PM"), ("Estimate", "Dev"))
    qtbot.keyClick(window.grid, "c", Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "A\tR\tC\nA/R\t\tC\n"


def test_paste_tsv_from_a_spreadsheet_with_messy_values(window: MainWindow, qtbot) -> None:
    QGuiApplication.clipboard().setText("r\tA, C\r\nmaybe\t—\r\n")
    go(window, "Write code", "PM")
    qtbot.keyClick(window.grid, "v", Qt.KeyboardModifier.ControlModifier)
    assert cell(window, "Write code", "PM") == "R"
    assert cell(window, "Write code", "AM") == "AC"
    assert cell(window, "Test", "PM") == "A"  # "maybe" is not a code: left as it was
    assert cell(window, "Test", "AM") == ""  # "—" means not involved
    undo(window)
    assert cell(window, "Write code", "PM") == "I"
    assert cell(window, "Write code", "AM") == ""


def test_paste_one_value_fills_the_selection(window: MainWindow, qtbot) -> None:
    select_block(window, ("Write code", "PM"), ("Test", "AM"))
    window.grid.paste("C")
    assert [cell(window, t, r) for t in ("Write code", "Test") for r in ("PM", "AM")] == ["C"] * 4


# ---------------------------------------------------- structure and undo
def test_insert_rename_and_delete_a_task_with_undo(
    window: MainWindow, dialogs: Dialogs, qtbot
) -> None:
    m = window.matrix
    assert m is not None
    go(window, "Define scope", "PM")
    window.insert_task("Kick-off")
    assert [t.name for t in m.phases[0].tasks] == ["Define scope", "Kick-off", "Estimate"]
    # the cursor is on the new task, in the same column: a letter typed fills one cell
    qtbot.keyClick(window.grid, "a")
    assert [cell(window, "Kick-off", r) for r in ("PM", "AM", "Dev")] == ["A", "", ""]
    undo(window)
    window.rename_task()  # in place, over the task's row header
    editor = window.grid.header_editor.editor
    assert editor is not None
    editor.setText("Kick-off meeting")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert m.phases[0].tasks[1].name == "Kick-off meeting"
    assert dialogs.shown == []
    go(window, "Kick-off meeting", "PM")
    window.grid.type_code("A")
    window.delete_tasks()
    assert m.find_task("Kick-off meeting") is None
    undo(window)
    assert cell(window, "Kick-off meeting", "PM") == "A"
    undo(window)
    undo(window)
    assert m.find_task("Kick-off meeting") is None and m.find_task("Kick-off") is not None
    undo(window)
    assert [t.name for t in m.tasks] == ["Define scope", "Estimate", "Write code", "Test"]


def test_duplicate_task_name_is_refused_with_a_message(
    window: MainWindow, dialogs: Dialogs
) -> None:
    window.insert_task("estimate ")
    assert dialogs.kinds() == ["warning"]
    assert "already exists" in dialogs.shown[0][2]
    assert window.session.undo_stack.count() == 0


def test_delete_role_takes_its_cells_and_undo_restores_them_in_one_step(window: MainWindow) -> None:
    m = window.matrix
    assert m is not None
    go(window, "Define scope", "PM")
    window.delete_roles()
    assert [r.short for r in m.roles] == ["AM", "Dev"]
    assert window.model is not None and window.model.columnCount() == 2
    undo(window)
    assert [r.short for r in m.roles] == ["PM", "AM", "Dev"]
    assert cell(window, "Estimate", "PM") == "RA" and cell(window, "Test", "PM") == "A"


def test_insert_and_move_roles_with_undo(window: MainWindow) -> None:
    m = window.matrix
    assert m is not None
    go(window, "Define scope", "PM")
    window.insert_role("QA")
    assert [r.name for r in m.roles][1] == "QA"
    assert window.grid.selected_cells() == [(m.find_task("Define scope").id, m.roles[1].id)]
    window.move_role(1)
    assert [r.label for r in m.roles] == ["PM", "AM", "QA", "Dev"]
    undo(window)
    undo(window)
    assert [r.label for r in m.roles] == ["PM", "AM", "Dev"]


def test_move_task_by_keyboard_and_by_dragging_the_row_header(window: MainWindow, qtbot) -> None:
    m = window.matrix
    assert m is not None and window.model is not None
    go(window, "Estimate", "PM")
    qtbot.keyClick(
        window.grid,
        Qt.Key.Key_Up,
        Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    window.move_task(-1)
    assert [t.name for t in m.phases[0].tasks] == ["Estimate", "Define scope"]
    # drag the "Test" row header above "Write code" (rows: 0 Plan, 1, 2, 3 Build, 4 Write code, 5 Test)
    header = window.grid.verticalHeader()
    header.moveSection(5, 4)
    assert [t.name for t in m.phases[1].tasks] == ["Test", "Write code"]
    assert header.logicalIndex(4) == 4  # the view shows the model's order, not a private one
    # drag "Test" into the first phase
    header.moveSection(4, 1)
    assert [t.name for t in m.phases[0].tasks] == ["Test", "Estimate", "Define scope"]
    for _ in range(3):
        undo(window)
    assert [t.name for t in m.tasks] == ["Define scope", "Estimate", "Write code", "Test"]


def test_drag_a_role_header_moves_the_role(window: MainWindow) -> None:
    m = window.matrix
    assert m is not None
    window.grid.horizontalHeader().moveSection(0, 2)
    assert [r.label for r in m.roles] == ["AM", "Dev", "PM"]
    undo(window)
    assert [r.label for r in m.roles] == ["PM", "AM", "Dev"]


def test_phases_insert_rename_delete_and_collapse(window: MainWindow, dialogs: Dialogs) -> None:
    m = window.matrix
    assert m is not None and window.model is not None
    go(window, "Test", "PM")
    window.insert_phase("Release")
    assert [p.name for p in m.phases] == ["Plan", "Build", "Release"]
    build = m.phases[1]
    window.grid.toggle_phase(build.id)
    rows = window.model.tasks_of_phase_rows(build.id)
    assert all(window.grid.isRowHidden(r) for r in rows)
    assert (
        window.model.headerData(window.model.row_of_phase(build.id), Qt.Orientation.Vertical)
        == "▸ Build"
    )
    window.grid.toggle_phase(build.id)
    assert not any(window.grid.isRowHidden(r) for r in rows)
    go(window, "Write code", "PM")
    dialogs.answers.append(QMessageBox_Yes())
    window.delete_phase()
    assert [p.name for p in m.phases] == ["Plan", "Release"] and m.find_task("Test") is None
    undo(window)
    assert [p.name for p in m.phases] == ["Plan", "Build", "Release"]
    assert cell(window, "Write code", "Dev") == "R"


def test_a_task_inserted_after_a_new_phase_goes_into_it(window: MainWindow) -> None:
    m = window.matrix
    assert m is not None
    go(window, "Estimate", "PM")
    window.insert_phase("Review")
    assert [p.name for p in m.phases] == ["Plan", "Review", "Build"]
    window.insert_task("Sign off")
    assert [t.name for t in m.phases[1].tasks] == ["Sign off"]
    assert window.grid.current_task() is m.find_task("Sign off")


def QMessageBox_Yes():
    from PySide6.QtWidgets import QMessageBox

    return QMessageBox.StandardButton.Yes


def test_find_filters_tasks_by_name(window: MainWindow, qtbot) -> None:
    assert window.model is not None
    window.show_find()
    window.find_bar.setText("code")
    visible = [
        window.model.task_at(r).name
        for r in range(window.model.rowCount())
        if window.model.task_at(r) and not window.grid.isRowHidden(r)
    ]
    assert visible == ["Write code"]
    assert "One task matches" in window.statusBar().currentMessage()
    # Enter goes on to the match, ready for a code
    qtbot.keyClick(window.find_bar, Qt.Key.Key_Return)
    assert window.grid.hasFocus() or QApplication.focusWidget() is window.grid
    assert window.grid.current_task().name == "Write code"
    qtbot.keyClick(window.grid, "c")
    assert cell(window, "Write code", window.matrix.roles[0].short) == "C"
    window.find_bar.setText("nothing like this")
    assert "No task matches" in window.statusBar().currentMessage()
    window.find_bar.clear()
    assert not any(window.grid.isRowHidden(r) for r in range(window.model.rowCount()))


def test_zoom_changes_the_cell_font(window: MainWindow) -> None:
    before = window.grid.font().pointSizeF()
    window.grid.zoom(2)
    assert window.grid.font().pointSizeF() > before
    assert window.grid.verticalHeader().defaultSectionSize() > 0
    window.grid.zoom(0)
    assert window.grid.font().pointSizeF() == pytest.approx(before)


def test_persian_template_reads_right_to_left(qtbot, isolated: Path) -> None:
    matrix: Matrix = get_template("fa-am-pm").build()
    w = MainWindow(session_of(matrix, title="fa"))
    add_window(qtbot, w)
    assert w.grid.layoutDirection() == Qt.LayoutDirection.RightToLeft
    # the task's description, a Persian paragraph, starts at the right edge
    w.grid.select_cell(matrix.tasks[0].id, matrix.roles[0].id)
    option = w.task_panel.description.document().defaultTextOption()
    assert option.textDirection() == Qt.LayoutDirection.RightToLeft
    assert option.alignment() & Qt.AlignmentFlag.AlignRight


def test_codes_can_be_typed_with_the_persian_keyboard_layout(qtbot, isolated: Path) -> None:
    """With the Persian layout on, the key marked R types ق: the code R is meant."""
    matrix: Matrix = get_template("fa-am-pm").build()
    w = add_window(qtbot, MainWindow(session_of(matrix, title="fa")))
    task, role = matrix.tasks[0], matrix.roles[1]
    for letter, codes in (("ق", "R"), ("ش", "A"), ("ز", "C"), ("ه", "I")):
        w.grid.select_cell(task.id, role.id)
        press = QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, letter)
        QApplication.sendEvent(w.grid, press)
        assert matrix.get(task.id, role.id) == codes, letter


def test_the_window_fits_a_small_screen_with_the_widest_legend(qtbot, isolated: Path) -> None:
    matrix = Matrix("Six codes", "RACI-VS")  # the widest legend
    matrix.add_role("Lead")
    matrix.add_task("Plan")
    w = add_window(qtbot, MainWindow(session_of(matrix, title="six codes")))
    w.show()
    w.resize(1024, 640)
    qtbot.waitUntil(lambda: w.width() == 1024)
    assert w.minimumSizeHint().width() <= 1024


def test_a_long_task_name_shows_its_start(window: MainWindow) -> None:
    m = window.matrix
    assert m is not None
    window.grid.select_cell(m.tasks[0].id, m.roles[0].id)
    window.task_panel.name.setText("")
    long = "Answer every incoming request from a new customer, including the contract"
    m.update_task(m.tasks[1].id, name=long)
    window.grid.select_cell(m.tasks[1].id, m.roles[0].id)
    assert window.task_panel.name.text() == long
    assert window.task_panel.name.cursorPosition() == 0


def test_undo_redo_of_every_grid_edit_returns_the_exact_matrix(window: MainWindow, qtbot) -> None:
    m = window.matrix
    assert m is not None
    before = sorted(m.cells())
    go(window, "Test", "AM")
    qtbot.keyClick(window.grid, "c")
    select_block(window, ("Define scope", "PM"), ("Estimate", "AM"))
    qtbot.keyClick(window.grid, Qt.Key.Key_Delete)
    window.grid.paste("A\tR\nI\tI")
    window.insert_task("Extra")
    window.insert_role("Extra role")
    after = sorted(m.cells())
    stack = window.session.undo_stack
    while stack.canUndo():
        stack.undo()
    assert sorted(m.cells()) == before
    while stack.canRedo():
        stack.redo()
    assert sorted(m.cells()) == after


# ------------------------------------------------------- select all + a letter
def bulk_matrix(tasks: int = 400, roles: int = 50, fill: str = "") -> Matrix:
    """Four named phases (select all spans their header rows), an A and an R per task."""
    m = Matrix("Bulk", "RACI")
    role_ids = [m.add_role(f"Role {j + 1}").id for j in range(roles)]
    phases = [m.add_phase(f"Phase {p + 1}").id for p in range(4)]
    for i in range(tasks):
        task = m.add_task(f"Task {i + 1}", phases[i * 4 // tasks]).id
        m.load_cells([(task, role_ids[i % roles], "A"), (task, role_ids[(i + 3) % roles], "R")])
        if fill:
            m.load_cells((task, r, fill) for r in role_ids)
    m.column(role_ids[0])  # the by-role index, as a checked matrix has it
    m.set_cell_texts([(m.tasks[0].id, role_ids[7], "maybe")])
    m.journal.clear()
    return m


def test_select_all_and_a_letter_sets_every_cell_in_one_step_and_undo_restores(
    qtbot, isolated: Path
) -> None:
    """Issue 12: on a million cells this froze the editor and took gigabytes.

    Here on 20,000 cells: the grid hears of one changed rectangle, the memory the
    edit keeps (its undo included) is less than 1.5 times what the cells cost on
    their own, the problems panel agrees with a full check, and undo gives back
    every cell and the unread text the letter replaced.
    """
    from rolematrix.core.checker import check
    from rolematrix.core.findings import summary

    tracemalloc.start()
    start = tracemalloc.get_traced_memory()[0]
    alone = bulk_matrix(fill="I")
    cells_cost = tracemalloc.get_traced_memory()[0] - start
    del alone
    tracemalloc.stop()

    m = bulk_matrix()
    w = MainWindow(session_of(m, title="Bulk"))
    add_window(qtbot, w)
    w.show()
    qtbot.waitUntil(lambda: w._pending_check is None and w.problems.matrix is m)
    assert w.model is not None
    before = (sorted(m.cells()), sorted(m.cell_texts()))
    findings_before = check(m)
    rectangles: list[tuple[int, int, int, int]] = []
    w.model.dataChanged.connect(
        lambda a, b, *_: rectangles.append((a.row(), a.column(), b.row(), b.column()))
    )
    counts: list[dict[str, int]] = []
    w.problems.counts_changed.connect(counts.append)
    w.grid.setFocus()
    qtbot.keyClick(w.grid, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)

    tracemalloc.start()
    try:
        start = tracemalloc.get_traced_memory()[0]
        qtbot.keyClick(w.grid, "i")
        held = tracemalloc.get_traced_memory()[0] - start
    finally:
        tracemalloc.stop()

    assert all(m.get(t.id, r.id) == "I" for t in m.tasks for r in m.roles)
    assert m.cell_text(m.tasks[0].id, m.roles[7].id) == ""
    assert rectangles == [(1, 0, w.model.rowCount() - 1, len(m.roles) - 1)]
    assert w.session.undo_stack.count() == 1
    assert held < 1.5 * cells_cost
    qtbot.waitUntil(lambda: bool(counts) and counts[-1] == summary(check(m)))
    assert w.problems.findings() == check(m)

    undo(w)
    assert (sorted(m.cells()), sorted(m.cell_texts())) == before
    qtbot.waitUntil(lambda: counts[-1] == summary(findings_before))
    assert w.problems.findings() == findings_before
    redo(w)
    assert all(m.get(t.id, r.id) == "I" for t in m.tasks for r in m.roles)


def test_delete_on_select_all_clears_every_cell_but_folded_tasks(qtbot, isolated: Path) -> None:
    m = bulk_matrix()
    w = MainWindow(session_of(m, title="Bulk"))
    add_window(qtbot, w)
    w.show()
    folded = m.phases[1]
    w.grid.set_collapsed({folded.id})
    kept = {(t.id, r): c for t in folded.tasks for r, c in m.row(t.id).items()}
    before = sorted(m.cells())
    w.grid.setFocus()
    qtbot.keyClick(w.grid, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(w.grid, Qt.Key.Key_Delete)
    assert sorted((t, r, c) for (t, r), c in kept.items()) == sorted(m.cells())
    assert not m.has_cell_texts
    qtbot.keyClick(w.grid, Qt.Key.Key_Delete)  # nothing left to clear: no empty undo step
    assert w.session.undo_stack.count() == 1
    undo(w)
    assert sorted(m.cells()) == before


@pytest.mark.parametrize("gesture", ["paste", "space"])
def test_paste_or_space_on_select_all_fills_every_cell_in_one_step(
    qtbot, isolated: Path, gesture: str
) -> None:
    m = bulk_matrix()
    w = MainWindow(session_of(m, title="Bulk"))
    add_window(qtbot, w)
    w.show()
    before = (sorted(m.cells()), sorted(m.cell_texts()))
    w.grid.setFocus()
    qtbot.keyClick(w.grid, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    current = m.get(m.tasks[0].id, m.roles[0].id)
    if gesture == "paste":
        w.grid.paste("c")
        expected = "C"
    else:
        qtbot.keyClick(w.grid, Qt.Key.Key_Space)
        cycle = ["", *m.scheme.letters]
        expected = cycle[(cycle.index(current) + 1) % len(cycle)]
    assert {m.get(t.id, r.id) for t in m.tasks for r in m.roles} == {expected}
    assert w.session.undo_stack.count() == 1
    undo(w)
    assert (sorted(m.cells()), sorted(m.cell_texts())) == before
