"""Switching the interface language rebuilds each window; what the user was looking at stays.

The new window must show the same current cell, the same selection and the
same scroll position: a cursor on a phase row that came back as a whole-column
selection let one typed letter overwrite every cell of that column.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_fixtures import isolated as isolated  # a fixture
from PySide6.QtCore import QItemSelection, QItemSelectionModel

from rolematrix.core.model import Document
from rolematrix.gui import i18n
from rolematrix.gui.app import Controller
from rolematrix.gui.main_window import MainWindow
from rolematrix.gui.session import DocumentSession

pytestmark = pytest.mark.gui


@pytest.fixture
def controller(qtbot, isolated: Path) -> Iterator[Controller]:
    controller = Controller()
    yield controller
    i18n.install("en")
    for window in controller.windows:
        window._closing_confirmed = True
        window.close()


def long_window(controller: Controller) -> MainWindow:
    """A window on a matrix taller and wider than the window, so it scrolls both ways."""
    window = controller.new_from_template("sales-pm-account")
    matrix = window.matrix
    assert matrix is not None
    phase = matrix.phases[-1]
    for n in range(60):
        matrix.add_task(f"Extra task {n}", phase.id)
    for n in range(12):
        matrix.add_role(f"Extra role {n}", short=f"X{n}")
    window.close()
    controller.windows.clear()
    window = controller._show(DocumentSession(Document([matrix]), title="Long"))
    window.resize(700, 420)
    return window


def switch_language(qtbot, controller: Controller, window: MainWindow, code: str) -> MainWindow:
    window.actions_by_key[f"language-{code}"].trigger()
    qtbot.waitUntil(lambda: controller.windows and controller.windows[0] is not window)
    return controller.windows[0]


def cells(window: MainWindow) -> dict[tuple[int, int], str]:
    matrix = window.matrix
    assert matrix is not None
    return {(t.id, r.id): matrix.get(t.id, r.id) for t in matrix.tasks for r in matrix.roles}


def test_a_cursor_on_a_phase_row_stays_there_and_a_letter_changes_nothing(
    qtbot, controller: Controller
) -> None:
    window = long_window(controller)
    matrix = window.matrix
    assert matrix is not None
    window.grid.select_phase(matrix.phases[1].id)
    role_column = 2
    model = window.model
    assert model is not None
    row = model.row_of_phase(matrix.phases[1].id)
    window.grid.selectionModel().setCurrentIndex(
        model.index(row, role_column), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    before = cells(window)

    new = switch_language(qtbot, controller, window, "fa")

    assert new.grid.current_phase() is matrix.phases[1]
    assert new.grid.current_task() is None
    assert (new.grid.currentIndex().row(), new.grid.currentIndex().column()) == (row, role_column)
    assert new.grid.selected_cells() == []  # not a whole column
    qtbot.keyClick(new.grid, "r")
    assert cells(new) == before


def test_the_selection_and_the_scroll_position_come_back(qtbot, controller: Controller) -> None:
    window = long_window(controller)
    model = window.model
    assert model is not None
    grid = window.grid
    tasks = [r for r in range(model.rowCount()) if model.task_at(r) is not None]
    top, bottom = tasks[-8], tasks[-3]
    selection = QItemSelection(model.index(top, 3), model.index(bottom, 5))
    selection.merge(
        QItemSelection(model.index(tasks[-1], 9), model.index(tasks[-1], 9)),
        QItemSelectionModel.SelectionFlag.Select,
    )
    grid.selectionModel().setCurrentIndex(
        model.index(bottom, 5), QItemSelectionModel.SelectionFlag.NoUpdate
    )
    grid.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    qtbot.waitUntil(lambda: grid.verticalScrollBar().maximum() > 0)
    grid.verticalScrollBar().setValue(grid.verticalScrollBar().maximum() - 2)
    grid.horizontalScrollBar().setValue(grid.horizontalScrollBar().maximum() // 2)
    scroll = (grid.verticalScrollBar().value(), grid.horizontalScrollBar().value())
    assert scroll[0] > 0 and scroll[1] > 0
    chosen = sorted(grid.selected_cells())
    current = (grid.currentIndex().row(), grid.currentIndex().column())

    new = switch_language(qtbot, controller, window, "fa")
    qtbot.waitExposed(new)

    assert sorted(new.grid.selected_cells()) == chosen
    assert (new.grid.currentIndex().row(), new.grid.currentIndex().column()) == current
    qtbot.waitUntil(
        lambda: (
            (new.grid.verticalScrollBar().value(), new.grid.horizontalScrollBar().value()) == scroll
        )
    )
