"""The Matrix menu and the tabs: new, properties, duplicate, delete, move, rename; all undoable.

A document used to hold exactly the matrix it was opened with: no way to name or
describe it, change its scheme or profile, or add a second one. These tests
drive the dialogs and the tabs as a user would and check the tabs follow undo.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from gui_fixtures import Dialogs, add_window, sample_matrix, session_of
from gui_fixtures import dialogs as dialogs  # a fixture
from gui_fixtures import isolated as isolated  # a fixture
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox
from store_fixtures import matrix_state

from rolematrix.gui.main_window import MainWindow
from rolematrix.gui.matrix_dialogs import MatrixPropertiesDialog, NewMatrixDialog


@pytest.fixture
def window(qtbot: Any, isolated: Path) -> MainWindow:
    w = MainWindow(session_of(sample_matrix(), title="Launch"))
    add_window(qtbot, w)
    w.show()
    return w


def tab_names(w: MainWindow) -> list[str]:
    return [w.tabs.tabText(i) for i in range(w.tabs.count())]


def trigger(w: MainWindow, key: str) -> None:
    action = w.actions_by_key[key]
    assert action.isEnabled(), key
    action.trigger()


def answer(qtbot: Any, kind: type[QDialog], fill: Callable[[Any], None]) -> list[str]:
    """Fill in the next modal dialog of ``kind`` when it opens, then press OK."""
    seen: list[str] = []

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(10, act)
            return
        fill(dialog)
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        problem = dialog.findChild(type(dialog.problem), "name-problem")
        if dialog.isVisible():  # refused: note why, then give up
            seen.append(problem.text())
            dialog.reject()

    QTimer.singleShot(0, act)
    return seen


def test_a_new_blank_matrix_in_any_scheme_gets_a_tab_and_undo_removes_it(
    window: MainWindow, qtbot: Any
) -> None:
    assert not window.tabs.isVisible()  # one matrix: no tabs

    def fill(dialog: NewMatrixDialog) -> None:
        dialog.name_edit.clear()
        qtbot.keyClicks(dialog.name_edit, "Hiring")
        dialog.scheme_box.setCurrentIndex(dialog.scheme_box.findData("DACI"))

    answer(qtbot, NewMatrixDialog, fill)
    trigger(window, "matrix-new")
    assert tab_names(window) == ["Launch", "Hiring"]
    assert window.tabs.isVisible()
    assert window.matrix is not None and window.matrix.name == "Hiring"
    assert window.matrix.scheme.id == "DACI" and not window.matrix.tasks
    assert "Hiring" in window.session.undo_stack.undoText()
    window.session.undo_stack.undo()
    assert tab_names(window) == ["Launch"]
    assert window.matrix is not None and window.matrix.name == "Launch"
    window.session.undo_stack.redo()
    assert tab_names(window) == ["Launch", "Hiring"]


def test_a_name_the_document_has_is_refused_in_the_dialog(window: MainWindow, qtbot: Any) -> None:
    def fill(dialog: NewMatrixDialog) -> None:
        dialog.name_edit.clear()
        qtbot.keyClicks(dialog.name_edit, "  LAUNCH ")

    refused = answer(qtbot, NewMatrixDialog, fill)
    trigger(window, "matrix-new")
    assert refused and "already exists" in refused[0]
    assert tab_names(window) == ["Launch"]
    assert window.session.undo_stack.count() == 0


def test_properties_change_name_description_scheme_and_thresholds_in_one_undo_step(
    window: MainWindow, qtbot: Any
) -> None:
    matrix = window.matrix
    assert matrix is not None
    before = matrix_state(matrix)
    notes: list[str] = []

    def fill(dialog: MatrixPropertiesDialog) -> None:
        dialog.name_edit.clear()
        qtbot.keyClicks(dialog.name_edit, "Go live")
        qtbot.keyClicks(dialog.description_edit, "The launch, step by step")
        dialog.scheme_box.setCurrentIndex(dialog.scheme_box.findData("DACI"))
        notes.append(dialog.scheme_note.text())
        dialog.profile_box.setCurrentIndex(dialog.profile_box.findData("strict"))
        dialog.settings_widgets["max_consulted"].setValue(2)

    answer(qtbot, MatrixPropertiesDialog, fill)
    trigger(window, "matrix-properties")
    assert notes and "cells" in notes[0] and "DACI" in notes[0]
    assert matrix.name == "Go live" and matrix.description == "The launch, step by step"
    assert matrix.scheme.id == "DACI"
    assert sorted({c for _t, _r, c in matrix.cells()}) == sorted({"A", "D", "C", "I", "DA"})
    assert matrix.settings.profile == "strict"
    assert matrix.settings.overrides == {"max_consulted": 2}
    assert window.legend.isVisible()
    assert window.session.undo_stack.count() == 1
    window.session.undo_stack.undo()
    assert matrix_state(matrix) == before


def test_duplicate_delete_and_move_follow_undo_in_the_tabs(
    window: MainWindow, qtbot: Any, dialogs: Dialogs
) -> None:
    original = window.matrix
    assert original is not None
    trigger(window, "matrix-duplicate")
    assert tab_names(window) == ["Launch", "Launch (copy)"]
    copy = window.matrix
    assert copy is not None and copy is not original
    assert matrix_state(copy) == {**matrix_state(original), "name": "Launch (copy)"}
    assert window.tabs.currentIndex() == 1
    trigger(window, "matrix-move-left")
    assert tab_names(window) == ["Launch (copy)", "Launch"]
    assert window.tabs.currentIndex() == 0 and window.matrix is copy
    assert not window.actions_by_key["matrix-move-left"].isEnabled()
    dialogs.answers.append(QMessageBox.StandardButton.Yes)
    trigger(window, "matrix-delete")
    assert dialogs.kinds() == ["question"]  # it had tasks: asked first
    assert tab_names(window) == ["Launch"] and window.matrix is original
    assert not window.actions_by_key["matrix-delete"].isEnabled()  # the last one stays
    stack = window.session.undo_stack
    stack.undo()
    assert tab_names(window) == ["Launch (copy)", "Launch"]
    stack.undo()
    assert tab_names(window) == ["Launch", "Launch (copy)"]
    stack.undo()
    assert tab_names(window) == ["Launch"]
    assert window.matrix is original


def test_a_tab_double_clicked_renames_its_matrix(
    window: MainWindow, qtbot: Any, dialogs: Dialogs
) -> None:
    trigger(window, "matrix-duplicate")
    dialogs.texts.append(("  Rollout ", True))
    window.tabs.tabBarDoubleClicked.emit(0)
    assert tab_names(window) == ["Rollout", "Launch (copy)"]
    dialogs.texts.append(("launch (COPY)", True))
    window.tabs.tabBarDoubleClicked.emit(0)
    assert dialogs.kinds()[-1] == "warning"
    assert tab_names(window) == ["Rollout", "Launch (copy)"]
    window.session.undo_stack.undo()
    assert tab_names(window) == ["Launch", "Launch (copy)"]


def test_two_matrices_save_and_reopen_in_the_window(
    window: MainWindow, qtbot: Any, isolated: Path
) -> None:
    trigger(window, "matrix-duplicate")
    trigger(window, "matrix-move-left")
    path = isolated / "two.rolematrix"
    window.session.save_as(path)
    window.session.close()  # lets go of the file's lock
    again = MainWindow(type(window.session).open(str(path), readonly=True))
    add_window(qtbot, again)
    assert tab_names(again) == ["Launch (copy)", "Launch"]
    assert [matrix_state(m) for m in again.session.document.matrices] == [
        matrix_state(m) for m in window.session.document.matrices
    ]
