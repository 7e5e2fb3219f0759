"""The editor window: live problems, accepting findings, files, prompts, autosave, presenting."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from gui_fixtures import (
    Dialogs,
    add_window,
    sample_matrix,
    session_of,
)
from gui_fixtures import dialogs as dialogs  # a fixture
from gui_fixtures import isolated as isolated  # a fixture
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from rolematrix.core.model import Document
from rolematrix.core.templates import builtin_templates, get_template
from rolematrix.gui import autosave
from rolematrix.gui.app import Controller
from rolematrix.gui.gallery import StartPage, TemplateGallery
from rolematrix.gui.main_window import MainWindow
from rolematrix.gui.presentation import PresentationWindow
from rolematrix.gui.settings import settings
from rolematrix.store import DocumentStore

pytestmark = pytest.mark.gui
Yes = QMessageBox.StandardButton.Yes
No = QMessageBox.StandardButton.No
Save = QMessageBox.StandardButton.Save
Discard = QMessageBox.StandardButton.Discard
Cancel = QMessageBox.StandardButton.Cancel


@pytest.fixture
def window(qtbot, isolated: Path) -> MainWindow:
    w = MainWindow(session_of(sample_matrix(), title="Launch"))
    add_window(qtbot, w)
    w.show()
    return w


def ids(w: MainWindow, task: str, role_label: str) -> tuple[int, int]:
    m = w.matrix
    assert m is not None
    return m.find_task(task).id, next(r.id for r in m.roles if r.label == role_label)


def open_rules(w: MainWindow) -> list[str]:
    return sorted(f.rule for f in w.problems.findings() if not f.accepted)


# ------------------------------------------------------------------ problems
def test_problems_panel_lists_findings_and_updates_after_an_edit(window: MainWindow, qtbot) -> None:
    assert "task-no-accountable" in open_rules(window)
    assert "1 error" in window.counts_label.text()
    write_code, am = ids(window, "Write code", "AM")
    window.grid.select_cell(write_code, am)
    qtbot.keyClick(window.grid, "a")
    qtbot.waitUntil(
        lambda: window.model is not None and "task-no-accountable" not in open_rules(window)
    )
    qtbot.waitUntil(lambda: window.problems.model.group_size(0) == 0)
    assert "error" not in window.counts_label.text()
    window.session.undo_stack.undo()
    qtbot.waitUntil(lambda: window.problems.model.group_size(0) == 1)
    assert "1 error" in window.counts_label.text()


def test_a_large_matrix_is_painted_first_and_its_problems_follow(
    qtbot, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("rolematrix.gui.main_window.CHECK_AT_ONCE_CELLS", 0)  # all are "large"
    window = add_window(qtbot, MainWindow(session_of(sample_matrix())))
    assert window.counts_label.text() == "Checking…"
    assert window.problems.findings() == []  # not checked before the grid is on screen
    window.show()
    qtbot.waitUntil(lambda: "1 error" in window.counts_label.text())
    assert "task-no-accountable" in open_rules(window)


def test_clicking_a_finding_selects_its_cell(window: MainWindow, qtbot) -> None:
    tree = window.problems.tree
    model = window.problems.model
    assert model.group_at(0) == 0  # the "Errors" header row
    finding_index = model.index(1, 0)
    finding = model.finding(finding_index)
    assert finding is not None and finding.rule == "task-no-accountable"
    rect = tree.visualRect(finding_index)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    task = window.grid.current_task()
    assert task is not None and task.name == "Write code"
    selected_rows = {i.row() for i in window.grid.selectionModel().selectedIndexes()}
    assert selected_rows == {window.model.row_of_task(task.id)}


def test_accepting_a_finding_needs_a_reason_and_undo_reopens_it(
    window: MainWindow,
    dialogs: Dialogs,
    qtbot,
) -> None:
    m = window.matrix
    assert m is not None
    finding = next(f for f in window.problems.findings() if f.rule == "task-no-accountable")
    dialogs.texts.append(("   ", True))  # an empty reason is no reason
    assert not window.problems.accept(finding)
    dialogs.texts.append(("The developers own their code; no single A", True))
    assert window.problems.accept(finding)
    accepted = next(f for f in window.problems.findings() if f.rule == "task-no-accountable")
    assert accepted.accepted and "no single A" in accepted.reason
    assert m.suppressions[0].reason == "The developers own their code; no single A"
    qtbot.waitUntil(lambda: window.problems.model.group_size(3) == 1)  # shown as accepted
    assert "error" not in window.counts_label.text() and "1 accepted" in window.counts_label.text()
    window.session.undo_stack.undo()
    assert m.suppressions == []
    assert "task-no-accountable" in open_rules(window)


# ----------------------------------------------------------------- closing
def test_unsaved_changes_prompt_cancel_keeps_the_window_and_discard_closes(
    window: MainWindow,
    dialogs: Dialogs,
) -> None:
    assert window.close()  # nothing changed: no question
    window.show()
    window.grid.type_code("C")
    assert window.isWindowModified()
    dialogs.answers.append(Cancel)
    assert not window.close()
    assert window.isVisible()
    dialogs.answers.append(Discard)
    assert window.close()
    assert dialogs.kinds() == ["question", "question"]


def test_unsaved_changes_prompt_save_writes_the_file(
    qtbot,
    isolated: Path,
    dialogs: Dialogs,
) -> None:
    path = isolated / "plan.rolematrix"
    DocumentStore.create(path, Document([sample_matrix()])).close()
    controller = Controller()
    w = controller.open_target(str(path))
    assert w is not None
    add_window(qtbot, w)
    task_id, role_id = ids(w, "Test", "AM")
    w.grid.select_cell(task_id, role_id)
    w.grid.type_code("I")
    assert w.isWindowModified()
    dialogs.answers.append(Save)
    assert w.close()
    with DocumentStore.open(path) as store:
        reopened = store.load().matrix()
    assert reopened.get(task_id, role_id) == "I"
    assert reopened.filled_count == sample_matrix().filled_count + 1


def test_save_as_then_reopen_shows_the_edits(
    window: MainWindow,
    isolated: Path,
) -> None:
    m = window.matrix
    assert m is not None
    window.insert_task("Celebrate")
    target = isolated / "saved.rolematrix"
    assert window.save_as(str(target))
    assert not window.isWindowModified()
    assert "saved.rolematrix" in window.windowTitle()
    window.grid.type_code("A")
    assert window.save()
    window.session.close()
    with DocumentStore.open(target) as store:
        again = store.load().matrix()
    assert again.find_task("Celebrate") is not None
    assert sorted(again.cells()) == sorted(m.cells())


# --------------------------------------------------------------- bad files
@pytest.mark.parametrize(
    "content",
    [os.urandom(3000), b"", b"PK\x03\x04 not really a workbook"],
    ids=["random", "empty", "zip"],
)
def test_a_bad_file_shows_an_error_naming_it_and_leaves_it_untouched(
    qtbot,
    isolated: Path,
    dialogs: Dialogs,
    content: bytes,
) -> None:
    path = isolated / "broken.rolematrix"
    path.write_bytes(content)
    controller = Controller()
    assert controller.open_target(str(path)) is None
    assert dialogs.kinds() == ["critical"]
    assert "broken.rolematrix" in dialogs.shown[0][2]
    assert path.read_bytes() == content
    assert controller.windows == []
    # the app keeps working: a good document still opens
    assert controller.new_from_template("agency-am-pm-raci") is not None


def test_a_missing_file_is_reported(isolated: Path, dialogs: Dialogs) -> None:
    controller = Controller()
    assert controller.open_target(str(isolated / "nowhere.rolematrix")) is None
    assert "nowhere.rolematrix" in dialogs.shown[0][2]
    assert not (isolated / "nowhere.rolematrix").exists()


def test_a_file_in_use_is_offered_read_only(
    qtbot,
    isolated: Path,
    dialogs: Dialogs,
) -> None:
    path = isolated / "shared.rolematrix"
    holder = DocumentStore.create(path, Document([sample_matrix()]))
    try:
        controller = Controller()
        dialogs.answers.append(Yes)
        w = controller.open_target(str(path))
        assert dialogs.kinds() == ["question"] and "in use" in dialogs.shown[0][1]
        assert w is not None and w.session.readonly
        add_window(qtbot, w)
        assert "read-only" in w.windowTitle()
    finally:
        holder.close()


# -------------------------------------------------------------- autosave
def test_autosave_writes_a_recovery_copy_and_it_is_offered_after_a_crash(
    qtbot,
    isolated: Path,
    dialogs: Dialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    w = MainWindow(session_of(sample_matrix(), title="Launch"))
    add_window(qtbot, w)
    w.autosaver.timer.setInterval(50)
    w.insert_task("Unsaved idea")
    qtbot.waitUntil(lambda: w.autosaver.path.exists(), timeout=3000)
    assert w.autosaver.path.parent == isolated / "recovery"
    # our own process is alive, so no recovery is offered yet...
    assert autosave.find_recoveries() == []
    # ...until the process that wrote it is gone (a crash)
    monkeypatch.setattr(autosave, "_alive", lambda pid: False)
    found = autosave.find_recoveries()
    assert len(found) == 1 and found[0].title == "Launch"
    controller = Controller()
    dialogs.answers.append(Yes)
    restored = controller.offer_recoveries()
    assert len(restored) == 1
    add_window(qtbot, restored[0])
    assert restored[0].session.document.matrix().find_task("Unsaved idea") is not None
    assert restored[0].isWindowModified()


def test_saving_or_discarding_removes_the_recovery_copy(
    window: MainWindow,
    dialogs: Dialogs,
) -> None:
    window.grid.type_code("R")
    assert window.autosaver.write_now()
    assert window.autosaver.path.exists()
    dialogs.answers.append(Discard)
    assert window.close()
    assert not window.autosaver.path.exists()


def test_declining_a_recovery_deletes_it(
    isolated: Path,
    dialogs: Dialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    saver = autosave.Autosaver(lambda: (Document([sample_matrix()]), "", "Old", True))
    assert saver.write_now()
    monkeypatch.setattr(autosave, "_alive", lambda pid: False)
    dialogs.answers.append(No)
    assert Controller().offer_recoveries() == []
    assert autosave.find_recoveries() == []


# ---------------------------------------------------------- presentation
def test_presentation_enters_steps_shows_badges_and_leaves(window: MainWindow, qtbot) -> None:
    geometry = window.geometry()
    write_code, pm = ids(window, "Write code", "PM")
    window.grid.select_cell(write_code, pm)
    window.present()
    show = window.presentation
    assert isinstance(show, PresentationWindow)
    qtbot.waitExposed(show)
    assert show.isFullScreen()
    assert show.cell_pixel_size >= 28
    assert show.highlighted_task_id() == write_code
    assert any("accountable" in text for text in show.badge_texts())
    qtbot.keyClick(show, Qt.Key.Key_Down)
    assert window.matrix.task(show.highlighted_task_id()).name == "Test"
    assert show.badge_texts() == []
    qtbot.keyClick(show, Qt.Key.Key_Up)
    qtbot.keyClick(show, Qt.Key.Key_Up)  # over the phase row, into the first phase
    assert window.matrix.task(show.highlighted_task_id()).name == "Estimate"
    qtbot.keyClick(show, Qt.Key.Key_Tab)
    assert show.mode == "role"
    qtbot.keyClick(show, Qt.Key.Key_Right)
    assert show.highlighted_role_id() == window.matrix.roles[1].id
    qtbot.keyClick(show, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.presentation is None)
    assert window.geometry() == geometry
    assert window.menuBar().isVisible() and window.docks["problems"].isVisible()


def test_presentation_marks_the_current_row_and_matches_the_editor(
    window: MainWindow, qtbot
) -> None:
    """The room must find the row being discussed, with the editor's colours and whole labels."""
    from rolematrix.gui.presentation import LIT_EDGE, LIT_EMPTY

    estimate, pm = ids(window, "Estimate", "PM")  # Estimate: PM holds A/R, AM nothing
    window.grid.select_cell(estimate, pm)
    window.present()
    show = window.presentation
    assert show is not None
    qtbot.waitExposed(show)
    model, table = show.model, show.table
    row = show.grid_model.row_of_task(estimate)
    am = window.matrix.roles.index(next(r for r in window.matrix.roles if r.short == "AM"))
    background = Qt.ItemDataRole.BackgroundRole
    assert model.data(model.index(row, am), background).color() == LIT_EMPTY
    assert (
        model.data(model.index(row, 0), background).color()
        == window.model.data(window.model.index(row, 0), background).color()
    )  # A/R coloured as in the editor
    # the task's own name, in the header, is framed
    header = table.verticalHeader()
    y = header.sectionViewportPosition(row) + header.sectionSize(row) // 2
    image = header.grab().toImage()
    assert image.pixelColor(3, y) == LIT_EDGE
    # every role label fits its column
    top = table.horizontalHeader()
    metrics = top.fontMetrics()
    for column, role in enumerate(window.matrix.roles):
        assert top.sectionSize(column) > metrics.horizontalAdvance(role.label)
    qtbot.keyClick(show, Qt.Key.Key_Tab)
    assert window.matrix.roles[0].name in show.step_label.text()
    qtbot.keyClick(show, Qt.Key.Key_Escape)


def test_presentation_type_scales_with_the_screen() -> None:
    from rolematrix.gui.presentation import presentation_pixel_size

    assert presentation_pixel_size(1080) >= 28
    assert presentation_pixel_size(2160) > presentation_pixel_size(1080)
    assert presentation_pixel_size(600) == 28


# --------------------------------------------------------- start and gallery
def test_start_page_gallery_offers_every_template_and_opens_one(qtbot, isolated: Path) -> None:
    controller = Controller()
    page = controller.show_start_page()
    qtbot.addWidget(page)
    assert isinstance(page, StartPage)
    gallery: TemplateGallery = page.gallery
    offered = [gallery.item(i).data(Qt.ItemDataRole.UserRole + 30) for i in range(gallery.count())]
    assert offered == ["", *builtin_templates()]
    gallery.select_template("sales-pm-account")
    page.findChild(type(page.findChildren(type(gallery))[0]))  # the gallery is on the page
    page.template_chosen.emit(gallery.current_template_id())
    assert len(controller.windows) == 1
    w = controller.windows[0]
    add_window(qtbot, w)
    assert w.matrix is not None and w.matrix.template_id == "sales-pm-account"
    assert not w.isWindowModified()
    assert len(w.matrix.people) > 0  # the template's chosen staffing is applied


def test_every_template_title_shows_whole_on_its_card(qtbot, isolated: Path) -> None:
    """Two titles differ only in their end ("… Project Manager" and "… (RACI)")."""
    page = StartPage([])
    qtbot.addWidget(page)
    page.resize(1024, 640)
    page.show()
    qtbot.waitExposed(page)
    gallery: TemplateGallery = page.gallery
    metrics = gallery.fontMetrics()
    for i in range(gallery.count()):
        item = gallery.item(i)
        rect = gallery.visualItemRect(item)
        text = metrics.boundingRect(
            0, 0, rect.width(), 10_000, int(Qt.TextFlag.TextWordWrap), item.text()
        )
        assert rect.height() >= gallery.iconSize().height() + text.height(), item.text()
        assert rect.height() <= gallery.gridSize().height(), item.text()


def test_new_document_from_a_template_is_checked_against_it(qtbot, isolated: Path) -> None:
    controller = Controller()
    w = controller.new_from_template("agency-am-pm-raci")
    add_window(qtbot, w)
    checker = w.session.checker(w.matrix)
    assert checker.template is not None
    w.delete_tasks()  # the first task: now missing against the template
    qtbot.waitUntil(lambda: "template-task-missing" in open_rules(w))


def test_recent_files_are_remembered(qtbot, isolated: Path) -> None:
    path = isolated / "recent.rolematrix"
    DocumentStore.create(path, Document([get_template("pm-o-am").build()])).close()
    controller = Controller()
    w = controller.open_target(str(path))
    assert w is not None
    add_window(qtbot, w)
    assert controller.recent_files()[0] == str(path)
    stored = settings()
    assert str(path) in stored.value("recentFiles")
    assert Path(stored.fileName()).is_relative_to(isolated)  # never the user's real settings
    assert controller.open_target(str(path)) is w  # already open: the same window


def test_a_recent_document_opened_by_a_relative_name_opens_from_another_folder(
    qtbot, isolated: Path, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = isolated / "plans"
    folder.mkdir()
    DocumentStore.create(folder / "sample.rolematrix", Document([sample_matrix()])).close()
    monkeypatch.chdir(folder)
    controller = Controller()
    first = controller.open_target("sample.rolematrix")  # as typed: rolematrix sample.rolematrix
    assert first is not None
    first.close()
    elsewhere = isolated / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)

    window = add_window(qtbot, MainWindow(session_of(sample_matrix(), title="Other"), controller))
    window.files.fill_recent()
    entries = [a for a in window.menus.recent_menu.actions() if "sample" in a.text()]
    assert len(entries) == 1
    entries[0].trigger()

    assert dialogs.kinds() == []  # no "Could not open"
    opened = [w for w in controller.windows if w is not window]
    assert len(opened) == 1
    add_window(qtbot, opened[0])
    assert Path(opened[0].session.origin) == folder / "sample.rolematrix"


def test_people_panel_applies_a_staffing_preset_as_one_undo_step(qtbot, isolated: Path) -> None:
    controller = Controller()
    w = controller.new_from_template("sales-pm-account")
    add_window(qtbot, w)
    m = w.matrix
    assert m is not None
    before = [(p.name, p.role_ids) for p in m.people]
    panel = w.people_panel
    panel.presets.setCurrentIndex([p.name for p in m.presets].index("All in one"))
    panel.apply_selected_preset()
    qtbot.waitUntil(lambda: "person-conflicting-roles" in open_rules(w))
    w.session.undo_stack.undo()
    assert [(p.name, p.role_ids) for p in m.people] == before


def test_task_details_edit_is_an_undoable_command(window: MainWindow) -> None:
    m = window.matrix
    assert m is not None
    task_id, pm = ids(window, "Estimate", "PM")
    window.grid.select_cell(task_id, pm)
    panel = window.task_panel
    assert panel.name.text() == "Estimate"
    panel.description.setPlainText("Size the work in days")
    panel.description.committed.emit()
    assert m.task(task_id).description == "Size the work in days"
    panel.name.setText("Write code")  # taken
    panel.name.editingFinished.emit()
    assert m.task(task_id).name == "Estimate" and "already exists" in panel.error.text()
    window.session.undo_stack.undo()
    assert m.task(task_id).description == ""
    assert panel.description.toPlainText() == ""


def test_no_window_is_left_behind(qapp: QApplication) -> None:
    assert all(not w.isVisible() for w in qapp.topLevelWidgets() if isinstance(w, MainWindow))


# ------------------------------------------------------------ entry point
def test_main_without_arguments_shows_the_start_page(
    isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rolematrix.gui import app as gui_app

    monkeypatch.setattr(QApplication, "exec", lambda *args: 0)
    assert gui_app.main([]) == 0
    pages = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, StartPage) and w.isVisible()
    ]
    assert len(pages) == 1


def test_main_with_a_file_opens_the_editor_on_it(
    isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rolematrix.gui import app as gui_app

    path = isolated / "cli.rolematrix"
    DocumentStore.create(path, Document([get_template("fa-am-pm").build()])).close()
    monkeypatch.setattr(QApplication, "exec", lambda *args: 0)
    assert gui_app.main([str(path)]) == 0
    windows = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]
    assert len(windows) == 1 and windows[0].session.origin == str(path)
    assert windows[0].grid.layoutDirection() == Qt.LayoutDirection.RightToLeft
    windows[0].close()


def test_a_document_opened_from_the_finder_opens_in_a_window(
    isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """macOS sends a double-clicked document as a FileOpen event, not in argv."""
    from PySide6.QtGui import QFileOpenEvent

    from rolematrix.gui import app as gui_app

    path = isolated / "finder.rolematrix"
    DocumentStore.create(path, Document([sample_matrix()])).close()

    def run(app: QApplication) -> int:
        QApplication.sendEvent(app, QFileOpenEvent(str(path)))
        return 0

    monkeypatch.setattr(QApplication, "exec", run)
    assert gui_app.main([]) == 0
    windows = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]
    assert [w.session.origin for w in windows] == [str(path)]
    assert not any(
        isinstance(w, StartPage) and w.isVisible() for w in QApplication.topLevelWidgets()
    )
    windows[0].close()


def test_the_window_does_not_import_the_application_controller() -> None:
    """The controller builds windows; a window reaches it only through ``WindowHost``."""
    import ast

    import rolematrix.gui

    gui = Path(rolematrix.gui.__file__).parent
    for module in ("main_window.py", "window_menus.py", "window_files.py"):
        tree = ast.parse((gui / module).read_text(encoding="utf-8"))
        imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)} | {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        }
        assert "rolematrix.gui.app" not in imported, module


def test_every_action_of_the_table_is_in_a_menu_once(window: MainWindow) -> None:
    """Each row of the action table is reachable from the menu bar, in exactly one place."""
    from rolematrix.gui.window_menus import ACTIONS

    def walk(actions) -> list[str]:
        found = []
        for action in actions:
            if action.menu() is not None:
                found += walk(action.menu().actions())
            elif action.objectName().startswith("action-"):
                found.append(action.objectName().removeprefix("action-"))
        return found

    in_menus = walk(window.menuBar().actions())
    for spec in ACTIONS:
        assert in_menus.count(spec.key) == 1, spec.key
        assert window.actions_by_key[spec.key].objectName() == f"action-{spec.key}"
