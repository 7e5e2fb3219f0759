"""The editor on a shared workspace: two windows, others' changes arriving, conflicts, history.

Two windows on one workspace stand for two people at two desks: each has its
own session and store (its own connections), as two processes would. Polls
are triggered by calling the watcher instead of waiting for its timer.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path
from typing import Any

import pytest
from gui_fixtures import Dialogs, add_window, dialogs, isolated, sample_matrix
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from workspace_fixtures import TcpProxy, proxied_workspace, workspace

from rolematrix.core.model import Document, Matrix
from rolematrix.gui.app import Controller
from rolematrix.gui.conflict_dialog import ConflictDialog
from rolematrix.gui.grid_model import CHANGED_BY_OTHERS_ROLE
from rolematrix.gui.history_view import HistoryDialog
from rolematrix.gui.main_window import MainWindow
from rolematrix.gui.session import DocumentSession
from rolematrix.gui.settings import settings
from rolematrix.store import DocumentStore

__all__ = ["dialogs", "isolated", "proxied_workspace", "workspace"]  # fixtures, for pytest


def shared(url: str) -> str:
    with DocumentStore.create(url, Document([sample_matrix()])):
        pass
    return url


def window_on(qtbot: Any, url: str, user: str) -> MainWindow:
    session = DocumentSession.open(url)
    session.store._user = user  # type: ignore[union-attr]  # who the history records
    window = add_window(qtbot, MainWindow(session))
    window.watcher.stop()  # the tests poll by hand
    return window


def cell(window: MainWindow, task: str, role: str) -> tuple[int, int]:
    matrix = window.matrix
    assert matrix is not None
    found_task, found_role = matrix.find_task(task), matrix.find_role(role)
    assert found_task is not None and found_role is not None
    return found_task.id, found_role.id


def type_code(qtbot: Any, window: MainWindow, task: str, role: str, code: str) -> None:
    """Select the cell in the grid and type the code letter, as a user would."""
    window.grid.select_cell(*cell(window, task, role))
    qtbot.keyClicks(window.grid, code)


def codes(window: MainWindow, task: str, role: str) -> str:
    assert window.matrix is not None
    return window.matrix.get(*cell(window, task, role))


def shown_in_grid(window: MainWindow, task: str, role: str) -> str:
    assert window.model is not None and window.matrix is not None
    task_id, role_id = cell(window, task, role)
    row = next(
        r
        for r in range(window.model.rowCount())
        if (t := window.model.task_at(r)) and t.id == task_id
    )
    column = next(
        c for c in range(window.model.columnCount()) if window.model.role_at(c).id == role_id
    )
    return str(window.model.index(row, column).data(Qt.ItemDataRole.DisplayRole) or "")


def stored(url: str, task: str, role: str) -> str:
    with DocumentStore.open(url) as store:
        matrix = store.load().matrices[0]
        found_task, found_role = matrix.find_task(task), matrix.find_role(role)
        assert found_task is not None and found_role is not None
        return matrix.get(found_task.id, found_role.id)


def same_cell_saved_by_ann_first(qtbot: Any, workspace: str) -> tuple[str, MainWindow, MainWindow]:
    """Ann and Bob both change one cell (I -> A, I -> C); Ann saves first."""
    url = shared(workspace)
    ann = window_on(qtbot, url, "ann")
    bob = window_on(qtbot, url, "bob")
    type_code(qtbot, ann, "Write code", "Project Manager", "a")
    type_code(qtbot, bob, "Write code", "Project Manager", "c")
    assert ann.save()
    return url, ann, bob


# ------------------------------------------------------------------ addresses
def test_recent_workspaces_are_stored_without_their_password(isolated: Path) -> None:
    controller = Controller()
    controller.add_recent("postgresql+psycopg://ann:s3cret@db.example.org/plans")
    assert controller.recent_files() == ["postgresql+psycopg://ann@db.example.org/plans"]
    store = settings()
    store.sync()
    written = Path(store.fileName()).read_text()
    assert "s3cret" not in written and "db.example.org" in written


def test_an_unreachable_workspace_gives_a_clear_message_without_the_password(
    isolated: Path, dialogs: Dialogs
) -> None:
    controller = Controller()
    url = "postgresql+psycopg://ann:s3cret@127.0.0.1:1/plans?connect_timeout=3"
    assert controller.open_target(url) is None
    ((kind, title, text),) = dialogs.shown
    assert (kind, title) == ("critical", "Could not open")
    assert "127.0.0.1" in text and "s3cret" not in text
    assert "s3cret" not in "".join(controller.recent_files())


def test_open_shared_workspace_asks_for_the_address_and_opens_it(
    qtbot: Any, isolated: Path, dialogs: Dialogs, workspace: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = shared(workspace)
    with_password = url.replace("postgres@", "postgres:not-stored@", 1)
    assert with_password != url

    def answer(dialog: QDialog) -> int:
        qtbot.keyClicks(dialog.address, with_password)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr("rolematrix.gui.workspace_address.WorkspaceAddressDialog.exec", answer)
    controller = Controller()
    window = controller.ask_workspace()
    assert window is not None
    add_window(qtbot, window)
    assert window.matrix is not None and window.matrix.name == "Launch"
    assert window.session.shared and window.sync_label.text() == "Shared workspace"
    assert "not-stored" not in window.session.origin and "not-stored" not in window.windowTitle()
    assert all("not-stored" not in target for target in controller.recent_files())


# ---------------------------------------------------------- working together
def test_two_windows_edit_different_cells_and_both_edits_survive(
    qtbot: Any, isolated: Path, dialogs: Dialogs, workspace: str
) -> None:
    url = shared(workspace)
    ann = window_on(qtbot, url, "ann")
    bob = window_on(qtbot, url, "bob")

    type_code(qtbot, ann, "Test", "Account Manager", "i")
    type_code(qtbot, bob, "Write code", "Project Manager", "a")
    assert ann.save()

    bob.watcher.poll()  # bob's editor notices ann's save and brings it in
    assert codes(bob, "Test", "Account Manager") == "I"
    assert shown_in_grid(bob, "Test", "Account Manager") == "I"
    assert codes(bob, "Write code", "Project Manager") == "A"  # his unsaved edit is still there
    assert bob.isWindowModified()
    assert "ann" in bob.statusBar().currentMessage()

    bob.session.undo_stack.undo()  # his undo history survived the refresh
    assert codes(bob, "Write code", "Project Manager") == "I"
    assert codes(bob, "Test", "Account Manager") == "I"  # and undoes only his own edit
    bob.session.undo_stack.redo()
    assert bob.save()

    assert stored(url, "Test", "Account Manager") == "I"
    assert stored(url, "Write code", "Project Manager") == "A"
    ann.watcher.poll()
    assert codes(ann, "Write code", "Project Manager") == "A"
    assert not ann.isWindowModified()


def test_cells_others_changed_are_flagged_with_who_until_edited(
    qtbot: Any, isolated: Path, dialogs: Dialogs, workspace: str
) -> None:
    url = shared(workspace)
    ann = window_on(qtbot, url, "ann")
    bob = window_on(qtbot, url, "bob")
    type_code(qtbot, ann, "Test", "Account Manager", "i")
    assert ann.save()
    bob.watcher.poll()
    assert bob.model is not None

    def flag(task: str, role: str) -> object:
        window_cell = cell(bob, task, role)
        row = next(
            r
            for r in range(bob.model.rowCount())
            if (t := bob.model.task_at(r)) and t.id == window_cell[0]
        )
        column = bob.matrix.role_column(window_cell[1])  # type: ignore[union-attr]
        return bob.model.index(row, column).data(CHANGED_BY_OTHERS_ROLE)

    note = flag("Test", "Account Manager")
    assert isinstance(note, str) and "ann" in note
    assert flag("Test", "Project Manager") is None and flag("Estimate", "Account Manager") is None
    image = bob.grid.viewport().grab()  # the flag is drawn without errors
    assert not image.isNull()
    type_code(qtbot, bob, "Test", "Account Manager", "c")  # edited by bob: his now
    assert flag("Test", "Account Manager") is None


def test_the_same_cell_changed_by_both_asks_whose_version_to_keep(
    qtbot: Any, isolated: Path, dialogs: Dialogs, workspace: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, _ann, bob = same_cell_saved_by_ann_first(qtbot, workspace)

    seen: list[list[str]] = []

    def cancel(dialog: ConflictDialog) -> int:
        model = dialog.model
        seen.append(
            [
                str(model.index(0, column).data(Qt.ItemDataRole.DisplayRole))
                for column in range(model.columnCount())
            ]
        )
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(ConflictDialog, "exec", cancel)
    assert not bob.save()
    what, task, role, before, theirs, who, mine, keep = seen[0]
    assert (what, task, role, before, theirs, mine, keep) == (
        "Cell",
        "Write code",
        "Project Manager",
        "I",
        "A",
        "C",
        "mine",
    )
    assert who.startswith("ann")
    assert stored(url, "Write code", "Project Manager") == "A"  # nothing overwritten
    assert codes(bob, "Write code", "Project Manager") == "C"  # and nothing lost
    assert bob.isWindowModified()
    assert "1 conflicts" in bob.sync_label.text()

    def take_theirs(dialog: ConflictDialog) -> int:
        qtbot.mouseClick(dialog.all_theirs, Qt.MouseButton.LeftButton)
        assert dialog.model.index(0, 7).data(Qt.ItemDataRole.DisplayRole) == "theirs"
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ConflictDialog, "exec", take_theirs)
    assert bob.save()
    assert codes(bob, "Write code", "Project Manager") == "A"
    assert shown_in_grid(bob, "Write code", "Project Manager") == "A"
    assert stored(url, "Write code", "Project Manager") == "A"
    assert not bob.isWindowModified() and "conflicts" not in bob.sync_label.text()


def test_keeping_mine_in_a_conflict_overwrites_theirs_and_history_shows_both(
    qtbot: Any, isolated: Path, dialogs: Dialogs, workspace: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, _ann, bob = same_cell_saved_by_ann_first(qtbot, workspace)

    def keep_mine(dialog: ConflictDialog) -> int:
        index = dialog.model.index(0, 7)
        dialog.model.setData(index, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
        dialog.model.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ConflictDialog, "exec", keep_mine)
    assert bob.save()
    assert stored(url, "Write code", "Project Manager") == "C"

    histories: list[list[tuple[str, str, str]]] = []

    def capture(dialog: HistoryDialog) -> int:
        model = dialog.model
        histories.append(
            [
                tuple(str(model.index(row, c).data()) for c in (1, 2, 4))  # type: ignore[misc]
                for row in range(model.rowCount())
            ]
        )
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(HistoryDialog, "exec", capture)
    bob.grid.select_cell(*cell(bob, "Write code", "Project Manager"))
    bob.actions_by_key["cell-history"].trigger()
    assert histories[0][:2] == [
        ("bob (postgres)", "Write code", "A → C"),  # display name (database user)
        ("ann (postgres)", "Write code", "I → A"),
    ]


def test_new_tasks_added_by_both_keep_the_undo_history_working(
    qtbot: Any, isolated: Path, dialogs: Dialogs, workspace: str
) -> None:
    url = shared(workspace)
    ann = window_on(qtbot, url, "ann")
    bob = window_on(qtbot, url, "bob")
    assert ann.matrix is not None and bob.matrix is not None
    pm_ann = ann.matrix.find_role("Project Manager").id  # type: ignore[union-attr]
    pm_bob = bob.matrix.find_role("Project Manager").id  # type: ignore[union-attr]

    ann.editor().insert_task("Ann's task")
    ann.editor().type_code([(ann.matrix.find_task("Ann's task").id, pm_ann)], "A")  # type: ignore[union-attr]
    bob.editor().insert_task("Bob's task")
    bobs_id = bob.matrix.find_task("Bob's task").id  # type: ignore[union-attr]
    bob.editor().type_code([(bobs_id, pm_bob)], "R")
    assert ann.matrix.find_task("Ann's task").id == bobs_id  # type: ignore[union-attr]  # same new id
    assert ann.save()

    bob.watcher.poll()
    assert bob.matrix.find_task("Ann's task") is not None
    assert codes(bob, "Ann's task", "Project Manager") == "A"
    assert codes(bob, "Bob's task", "Project Manager") == "R"
    assert bob.matrix.find_task("Bob's task").id != bobs_id  # type: ignore[union-attr]  # renumbered

    bob.session.undo_stack.undo()
    assert codes(bob, "Bob's task", "Project Manager") == ""
    bob.session.undo_stack.undo()
    assert bob.matrix.find_task("Bob's task") is None
    assert codes(bob, "Ann's task", "Project Manager") == "A"  # ann's work untouched
    bob.session.undo_stack.redo()
    bob.session.undo_stack.redo()
    assert codes(bob, "Bob's task", "Project Manager") == "R"
    assert bob.save()
    with DocumentStore.open(url) as store:
        names = [t.name for t in store.load().matrices[0].tasks]
    assert "Ann's task" in names and "Bob's task" in names


def test_a_matrix_added_by_someone_else_appears_as_a_tab(
    qtbot: Any, isolated: Path, dialogs: Dialogs, workspace: str
) -> None:
    url = shared(workspace)
    bob = window_on(qtbot, url, "bob")
    assert not bob.tabs.isVisible() or bob.tabs.count() == 1
    with DocumentStore.open(url) as store:
        document = store.load()
        document.add(Matrix("Hiring", "RACI"))
        store.save(document)
    bob.watcher.poll()
    assert [bob.tabs.tabText(i) for i in range(bob.tabs.count())] == ["Launch", "Hiring"]
    assert bob.matrix is not None and bob.matrix.name == "Launch"  # still where he was


def test_server_gone_keeps_the_work_and_offers_a_local_copy(
    qtbot: Any,
    isolated: Path,
    dialogs: Dialogs,
    proxied_workspace: tuple[str, TcpProxy],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url, proxy = proxied_workspace
    shared(url)
    bob = window_on(qtbot, url, "bob")
    type_code(qtbot, bob, "Write code", "Project Manager", "a")
    proxy.stop()

    bob.watcher.poll()
    assert "unreachable" in bob.sync_label.text()

    asked: list[str] = []

    def choose_local_copy(box: QMessageBox) -> int:
        asked.append(box.text())
        local = next(b for b in box.buttons() if "local" in b.text())
        local.click()
        return 0

    target = isolated / "rescued.rolematrix"
    monkeypatch.setattr(QMessageBox, "exec", choose_local_copy)
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    assert bob.save()
    assert "Nothing was lost" in asked[0] and "127.0.0.1" in asked[0]
    with DocumentStore.open(target, readonly=True) as store:  # bob's window holds it
        rescued = store.load().matrices[0]
    pm = rescued.find_role("Project Manager")
    assert pm is not None
    assert rescued.get(rescued.find_task("Write code").id, pm.id) == "A"  # type: ignore[union-attr]
    assert not bob.isWindowModified() and Path(bob.session.origin) == target


# ------------------------------------------------------------- files too
def test_cell_history_of_a_file(
    qtbot: Any,
    isolated: Path,
    dialogs: Dialogs,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "plan.rolematrix"
    with DocumentStore.create(path, Document([sample_matrix()])):
        pass
    monkeypatch.setenv("ROLEMATRIX_USER", "Ann Smith")
    window = add_window(qtbot, MainWindow(DocumentSession.open(str(path))))
    assert not window.watcher.active  # files have one writer: nothing to poll
    type_code(qtbot, window, "Estimate", "Account Manager", "c")
    assert window.save()

    shown: list[HistoryDialog] = []
    monkeypatch.setattr(HistoryDialog, "exec", lambda dialog: shown.append(dialog) or 0)
    window.actions_by_key["cell-history"].trigger()
    model = shown[0].model
    assert model.rowCount() >= 1
    row = [str(model.index(0, c).data()) for c in range(model.columnCount())]
    assert row[1:] == ["Ann Smith", "Estimate", "Account Manager", "(empty) → C"]
    assert "Estimate" in shown[0].windowTitle()

    window.actions_by_key["matrix-history"].trigger()
    assert shown[1].model.rowCount() >= 1


def test_history_of_an_unsaved_document_says_to_save_first(
    qtbot: Any, isolated: Path, dialogs: Dialogs
) -> None:
    window = add_window(
        qtbot, MainWindow(DocumentSession(Document([sample_matrix()]), title="New"))
    )
    window.actions_by_key["matrix-history"].trigger()
    assert dialogs.kinds() == ["information"]
    assert "Save it first" in dialogs.shown[0][2]


# ------------------------------------------------- File ▸ Save to shared workspace
def give_address(monkeypatch: pytest.MonkeyPatch, url: str) -> list[str]:
    """The workspace dialog answers with ``url``; the titles it was shown with."""
    from rolematrix.gui.workspace_address import WorkspaceAddressDialog

    titles: list[str] = []

    def accept(dialog: WorkspaceAddressDialog) -> int:
        titles.append(dialog.windowTitle())
        dialog.address.setText(url)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(WorkspaceAddressDialog, "exec", accept)
    return titles


def answer_clash(monkeypatch: pytest.MonkeyPatch, choice: str) -> list[str]:
    """The name-clash question is answered by clicking ``choice`` ("Replace" or "Cancel")."""
    asked: list[str] = []

    def click(box: QMessageBox) -> int:
        asked.append(box.text())
        button = next(b for b in box.buttons() if choice in b.text().replace("&", ""))
        button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click)
    return asked


def test_save_to_shared_workspace_copies_the_document_there(
    qtbot: Any, isolated: Path, workspace: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    second = sample_matrix()
    second.name = "Second"
    controller = Controller()
    window = add_window(qtbot, controller.new_from_template(None))
    window.session.document.matrices[:] = [sample_matrix(), second]
    window.follow_document()
    type_code(qtbot, window, "Write code", "Project Manager", "a")
    titles = give_address(monkeypatch, workspace)

    window.actions_by_key["save-to-workspace"].trigger()

    assert titles == ["Save to shared workspace"]
    with DocumentStore.open(workspace) as store:
        assert [m.name for m in store.load().matrices] == ["Launch", "Second"]
    assert stored(workspace, "Write code", "Project Manager") == "A"
    assert "Copied" in window.statusBar().currentMessage()
    assert window.session.origin != workspace and not window.session.shared  # goes on as it was
    assert controller.recent_files()[0] == workspace
    opened = controller.open_target(workspace)  # and anyone can open it from there
    assert opened is not None and opened is not window
    add_window(qtbot, opened)
    assert opened.session.shared and codes(opened, "Write code", "Project Manager") == "A"


def test_save_to_shared_workspace_replaces_a_matrix_of_the_same_name_only_when_asked(
    qtbot: Any, isolated: Path, workspace: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    colleagues = sample_matrix()
    colleagues.name = "Colleagues' matrix"
    with DocumentStore.create(workspace, Document([sample_matrix(), colleagues])):
        pass
    before = stored(workspace, "Write code", "Project Manager")
    window = add_window(qtbot, MainWindow(DocumentSession(Document([sample_matrix()]))))
    window.watcher.stop()
    type_code(qtbot, window, "Write code", "Project Manager", "c")
    assert codes(window, "Write code", "Project Manager") != before
    give_address(monkeypatch, workspace)

    asked = answer_clash(monkeypatch, "Cancel")
    window.actions_by_key["save-to-workspace"].trigger()
    assert len(asked) == 1 and "Launch" in asked[0]
    assert stored(workspace, "Write code", "Project Manager") == before  # nothing written
    assert "Not copied" in window.statusBar().currentMessage()

    asked = answer_clash(monkeypatch, "Replace")
    window.actions_by_key["save-to-workspace"].trigger()
    assert len(asked) == 1
    with DocumentStore.open(workspace) as store:
        saved = {m.name: m for m in store.load().matrices}
    assert sorted(saved) == ["Colleagues' matrix", "Launch"]  # the colleagues' other one stays
    launch = saved["Launch"]
    task, role = launch.find_task("Write code"), launch.find_role("Project Manager")
    assert task is not None and role is not None
    assert launch.get(task.id, role.id) == "C"
