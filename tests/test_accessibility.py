"""What a screen reader and a keyboard user get from the editor.

The names are read back through Qt's accessibility layer (``QAccessible``),
the interface a screen reader talks to, rather than from widget properties,
so a name that never reaches assistive technology fails here.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re
from pathlib import Path

import pytest
from gui_fixtures import add_window, sample_matrix, session_of
from gui_fixtures import isolated as isolated  # a fixture
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAccessible, QAction, QColor, QPalette
from PySide6.QtWidgets import QApplication, QMenu, QToolButton

from rolematrix.gui import i18n
from rolematrix.gui.main_window import MainWindow
from rolematrix.gui.window_menus import plain

pytestmark = pytest.mark.gui
NAME = QAccessible.Text.Name
DESCRIPTION = QAccessible.Text.Description


@pytest.fixture
def window(qtbot, isolated: Path) -> MainWindow:
    w = add_window(qtbot, MainWindow(session_of(sample_matrix(), title="Launch")))
    w.show()
    qtbot.waitExposed(w)
    return w


def all_menus(window: MainWindow) -> list[QMenu]:
    found: list[QMenu] = []

    def walk(menu: QMenu) -> None:
        found.append(menu)
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu())

    for action in window.menuBar().actions():
        assert action.menu() is not None
        walk(action.menu())
    return found


def accessible_children(widget: object) -> list[QAccessible]:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return [interface.child(i) for i in range(interface.childCount())]


# ------------------------------------------------------------------ names
@pytest.mark.parametrize("language", ["en", "fa"])
def test_every_menu_item_has_a_name_a_screen_reader_announces(
    window: MainWindow, qapp: QApplication, language: str
) -> None:
    i18n.install(language, qapp)
    try:
        w = MainWindow(window.session)
        nameless = []
        for menu in all_menus(w):
            menu.aboutToShow.emit()  # dynamic menus (recent files) fill themselves
            for item in accessible_children(menu):
                if item.role() == QAccessible.Role.Separator:
                    continue
                if not item.text(NAME).strip():
                    nameless.append(menu.objectName())
        assert nameless == []
        w._handed_over = True  # the fixture's window owns the session
        w.close()
    finally:
        i18n.install("en", qapp)


def test_every_action_is_described(window: MainWindow) -> None:
    actions = [a for menu in all_menus(window) for a in menu.actions() if not a.isSeparator()]
    actions = [a for a in actions if a.menu() is None and a.parent() is window]
    assert len(actions) > 50
    undescribed = [a.objectName() for a in actions if not a.statusTip() or not a.toolTip()]
    assert undescribed == []
    assert all(a.objectName().startswith("action-") for a in actions)


def test_toolbar_buttons_have_names_and_descriptions(window: MainWindow) -> None:
    buttons = [
        item
        for item in accessible_children(window.toolbar)
        if item.role() == QAccessible.Role.Button or isinstance(item.object(), QToolButton)
    ]
    visible = [b for b in buttons if not b.state().invisible]
    assert len(visible) >= 11
    names = [b.text(NAME) for b in visible]
    assert "Undo" in names and "Save" in names and "Problems" in names
    assert all(name.strip() for name in names)
    assert all(b.text(DESCRIPTION).strip() for b in visible)
    # a change is named in the Edit menu, yet the toolbar button keeps its short name
    window.grid.select_cell(
        *next((t.id, r.id) for t in window.matrix.tasks for r in window.matrix.roles)
    )
    window.grid.type_code("I")
    assert window.undo_action.text().startswith("&Undo ") and len(window.undo_action.text()) > 6
    undo = window.toolbar.widgetForAction(window.undo_action)
    assert QAccessible.queryAccessibleInterface(undo).text(NAME) == "Undo"


def test_docks_and_panels_have_names_and_descriptions(window: MainWindow) -> None:
    for key, dock in window.docks.items():
        assert QAccessible.queryAccessibleInterface(dock).text(NAME) == dock.windowTitle(), key
        panel = QAccessible.queryAccessibleInterface(dock.widget())
        assert panel.text(NAME) == dock.windowTitle() and panel.text(DESCRIPTION), key
    for widget in (
        window.grid,
        window.find_bar,
        window.problems.tree,
        window.problems.filter,
        window.task_panel.name,
        window.task_panel.description,
        window.role_panel.short,
        window.people_panel.people,
        window.people_panel.roles,
        window.duties_panel.tree,
        window.counts_label,
        window.toolbar,
    ):
        assert QAccessible.queryAccessibleInterface(widget).text(NAME), widget


def test_grid_cells_say_task_role_and_what_the_codes_mean(window: MainWindow) -> None:
    cells = {
        item.text(NAME): item.text(DESCRIPTION)
        for item in accessible_children(window.grid)
        if item.role() == QAccessible.Role.Cell
    }
    assert "Estimate × Project Manager: Accountable and Responsible" in cells
    description = cells["Estimate × Project Manager: Accountable and Responsible"]
    assert "owns the outcome" in description and "does the work" in description
    assert "Estimate × Account Manager: not involved" in cells
    assert "Phase Plan, unfolded" in cells
    headers = [
        item.text(NAME)
        for item in accessible_children(window.grid)
        if item.role() == QAccessible.Role.ColumnHeader
    ]
    assert headers == ["Project Manager", "Account Manager", "Developer"]  # full names, not "PM"


def test_menus_have_mnemonics(window: MainWindow) -> None:
    bar = [action.text() for action in window.menuBar().actions()]
    letters = [re.search("&(.)", text).group(1).lower() for text in bar]  # type: ignore[union-attr]
    assert len(set(letters)) == len(bar)  # Alt+F, Alt+E, Alt+V, Alt+H: each opens one menu
    for menu in all_menus(window):
        if menu.objectName() in ("menu-recent", "menu-language"):
            continue  # file names and language names stay as they are
        missing = [
            a.text()
            for a in menu.actions()
            if not a.isSeparator() and "&" not in a.text().replace("&&", "")
        ]
        assert missing == [], menu.objectName()


# ------------------------------------------------------------ keyboard
def test_shortcuts_put_the_focus_on_each_panel(window: MainWindow, qtbot) -> None:
    window.activateWindow()
    window.focus_pane("grid")
    assert window.current_pane() == "grid"
    targets = {
        "go-problems": window.problems.tree,
        "go-people": window.people_panel.people,
        "go-task": window.task_panel.name,
        "go-grid": window.grid,
    }
    for key, widget in targets.items():
        action = window.actions_by_key[key]
        assert action.shortcut().toString().startswith("Ctrl+")
        action.trigger()
        assert QApplication.focusWidget() is widget, key
    assert window.docks["people"].isVisible()
    # F6 walks through the panels and back to the grid
    seen = []
    for _ in range(len(window.docks) + 1):
        window.actions_by_key["next-pane"].trigger()
        seen.append(window.current_pane())
    assert seen[-1] == "grid" and set(seen) == {"grid", *window.docks}


def test_no_shortcut_is_bound_to_two_actions(window: MainWindow, qtbot) -> None:
    """An ambiguous shortcut fires neither action: Qt only logs the clash."""
    owners: dict[str, list[str]] = {}
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            owners.setdefault(sequence.toString(), []).append(action.objectName())
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}

    # the keys that used to clash now do what their menus say
    window.activateWindow()
    window.focus_pane("grid")
    grid, matrix = window.grid, window.matrix
    assert matrix is not None
    tasks = len(matrix.tasks)
    grid.select_cell(matrix.tasks[0].id, matrix.roles[0].id)
    qtbot.keyClick(grid, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert grid.zoom_steps == -1 and len(matrix.tasks) == tasks
    qtbot.keyClick(grid, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert grid.zoom_steps == 0
    qtbot.keyClick(grid, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert len(matrix.tasks) == tasks - 1
    assert not window.actions_by_key["refresh"].isEnabled()  # a file, not a shared workspace


def test_the_problems_list_works_from_the_keyboard(window: MainWindow, qtbot) -> None:
    tree = window.problems.tree
    model = window.problems.model
    window.focus_pane("problems")
    assert model.group_at(0) == 0  # "Errors"
    tree.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    finding = model.finding(tree.currentIndex())
    assert finding is not None and finding.rule == "task-no-accountable"
    qtbot.keyClick(tree, Qt.Key.Key_Return)  # Enter goes to the finding's cell
    assert QApplication.focusWidget() is window.grid
    assert window.grid.current_task().id == finding.task_id
    # Left folds a group, Right unfolds it, as in a tree
    window.focus_pane("problems")
    tree.setCurrentIndex(model.index(0, 0))
    rows = model.rowCount()
    qtbot.keyClick(tree, Qt.Key.Key_Left)
    assert 0 in model.folded and model.rowCount() < rows
    qtbot.keyClick(tree, Qt.Key.Key_Right)
    assert 0 not in model.folded and model.rowCount() == rows


def test_tab_leaves_a_description_field(window: MainWindow, qtbot) -> None:
    window.focus_pane("task")
    description = window.task_panel.description
    description.setFocus()
    qtbot.keyClick(description, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not description
    assert "\t" not in description.toPlainText()


# ------------------------------------------------------------------ icons
def icon_ink(action: QAction) -> QColor:
    """The colour of the first opaque pixel of the action's icon."""
    image = action.icon().pixmap(QSize(24, 24)).toImage()
    for y in range(image.height()):
        for x in range(image.width()):
            colour = image.pixelColor(x, y)
            if colour.alpha() > 200:
                return colour
    raise AssertionError(f"{action.objectName()}: the icon is empty")


def test_toolbar_icons_follow_the_palette(window: MainWindow) -> None:
    light = QPalette(QColor("#EFEFEF"))
    light.setColor(QPalette.ColorRole.WindowText, QColor("#101010"))
    window.setPalette(light)
    for key in ("new", "save", "undo", "present", "show-problems"):
        assert icon_ink(window.actions_by_key[key]).lightness() < 60, key
    dark = QPalette(QColor("#2B2B2B"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#F0F0F0"))
    window.setPalette(dark)  # a PaletteChange: the icons are drawn again in the light ink
    for key in ("new", "save", "undo", "present", "show-problems"):
        assert icon_ink(window.actions_by_key[key]).lightness() > 200, key


def test_directional_icons_point_back_along_the_reading_direction(window: MainWindow) -> None:
    def alphas(key: str, mirrored: bool = False) -> list[float]:
        image = window.actions_by_key[key].icon().pixmap(QSize(24, 24)).toImage()
        columns = range(image.width() - 1, -1, -1) if mirrored else range(image.width())
        return [image.pixelColor(x, y).alphaF() for y in range(image.height()) for x in columns]

    def differ(a: list[float], b: list[float]) -> float:
        return sum(abs(p - q) for p, q in zip(a, b, strict=True)) / sum(a)

    before = {key: (alphas(key), alphas(key, mirrored=True)) for key in ("undo", "save")}
    assert differ(*before["undo"]) > 0.3  # the arrow has a direction
    window.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    assert differ(alphas("undo"), before["undo"][1]) < 0.05  # undo now points the other way
    assert alphas("save") == before["save"][0]  # a diskette has no direction
    assert plain(window.actions_by_key["undo"].text()) == "Undo"


def test_moving_a_role_follows_the_arrow_in_a_right_to_left_grid(qtbot, isolated: Path) -> None:
    from rolematrix.core.templates import get_template

    w = add_window(qtbot, MainWindow(session_of(get_template("fa-am-pm").build(), title="fa")))
    w.show()
    matrix = w.matrix
    assert matrix is not None and w.grid.layoutDirection() == Qt.LayoutDirection.RightToLeft
    first = matrix.roles[0]
    w.grid.select_cell(matrix.tasks[0].id, first.id)
    assert w.grid.visualRect(w.grid.currentIndex()).x() > w.grid.viewport().width() // 2
    w.actions_by_key["move-role-left"].trigger()  # the first column is the rightmost one
    assert matrix.roles.index(first) == 1
    w.actions_by_key["move-role-right"].trigger()
    assert matrix.roles.index(first) == 0
