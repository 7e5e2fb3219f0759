"""The staffing box says which preset the people match now, or "Custom" (issue 12, defect 8).

It used to show the first preset ("All in one") whatever the people were.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from gui_fixtures import add_window, session_of
from gui_fixtures import isolated as isolated  # a fixture
from PySide6.QtCore import Qt

from rolematrix.core.edits import EditLabel
from rolematrix.core.model import Person
from rolematrix.core.templates import get_template
from rolematrix.gui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, isolated: Path) -> MainWindow:
    w = MainWindow(session_of(get_template("sales-pm-account").build(), title="Sales"))
    add_window(qtbot, w)
    w.show()
    return w


def shown(w: MainWindow) -> str:
    return w.people_panel.presets.currentText()


def test_staffing_box_shows_the_preset_the_people_match(window: MainWindow) -> None:
    m = window.matrix
    assert m is not None
    # the template staffs a new document as "Sales&Account + PM", not as the first preset
    assert m.presets[0].name == "All in one"
    assert shown(window) == "Sales&Account + PM"
    assert not window.people_panel.apply_button.isEnabled()  # already in force


def test_staffing_box_follows_holdings_and_undo(qtbot, window: MainWindow) -> None:
    m = window.matrix
    assert m is not None
    panel = window.people_panel
    ivan = next(i for i in range(panel.people.count()) if "Ivan" in panel.people.item(i).text())
    panel.people.setCurrentRow(ivan)
    sales = next(
        panel.roles.item(i)
        for i in range(panel.roles.count())
        if panel.roles.item(i).text() == "Sales Manager"
    )
    sales.setCheckState(Qt.CheckState.Checked)  # Ivan also sells now: no preset says so
    qtbot.waitUntil(lambda: shown(window) == "Custom")
    assert not panel.apply_button.isEnabled()
    window.session.undo_stack.undo()
    assert shown(window) == "Sales&Account + PM"
    window.session.undo_stack.redo()
    assert shown(window) == "Custom"


def test_applying_a_preset_shows_it_and_undo_shows_the_one_before(window: MainWindow) -> None:
    panel = window.people_panel
    panel.presets.setCurrentIndex(panel.presets.findText("All in one"))
    assert panel.apply_button.isEnabled()
    panel.apply_selected_preset()
    assert shown(window) == "All in one"
    window.session.undo_stack.undo()
    assert shown(window) == "Sales&Account + PM"


def test_matching_ignores_person_ids_and_the_order_of_people_and_roles(
    window: MainWindow,
) -> None:
    m = window.matrix
    assert m is not None
    ids = {r.name: r.id for r in m.roles}
    reordered = [
        Person(m.new_id(), "Ivan", [ids["Project Manager"]]),
        Person(
            m.new_id(),
            "Olga",
            [ids["Support Manager"], ids["Account Manager"], ids["Sales Manager"]],
        ),
    ]
    window.editor().set_people(reordered, EditLabel("apply-staffing", "reordered"))
    assert shown(window) == "Sales&Account + PM"
    window.editor().set_people(reordered[:1], EditLabel("remove-person", "Olga"))
    assert shown(window) == "Custom"
