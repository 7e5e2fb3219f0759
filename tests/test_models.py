"""Every item model of the interface passes Qt's model tester, with realistic data and while
it changes.

``qtmodeltester`` (pytest-qt) checks what views rely on: row and column counts
that agree with ``index``/``parent``, data of the right types for each role,
and begin/end signals around every change. A model that breaks these paints
wrong rows or crashes a view, typically only with real data. The last test
makes sure a new model class cannot be added to ``rolematrix/gui`` without one
here.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import importlib
import inspect
import pkgutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from gui_fixtures import add_window, flat_matrix, sample_matrix, session_of
from gui_fixtures import isolated as isolated  # a fixture
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtTest import QAbstractItemModelTester

import rolematrix.gui
from rolematrix.core.checker import IncrementalChecker, check
from rolematrix.core.history import Conflict, HistoryEntry
from rolematrix.core.model import Matrix, Suppression
from rolematrix.core.templates import get_template
from rolematrix.gui.conflict_dialog import KEEP, ConflictModel
from rolematrix.gui.grid_model import MatrixGridModel
from rolematrix.gui.history_view import HistoryModel
from rolematrix.gui.main_window import MainWindow
from rolematrix.gui.presentation import PresentationModel
from rolematrix.gui.problems_panel import FindingsModel, ProblemsPanel

pytestmark = pytest.mark.gui

#: The model classes of rolematrix.gui these tests check (see the last test).
CHECKED: set[str] = {
    "MatrixGridModel",  # also in tests/test_gui_grid.py, with structural changes
    "FindingsModel",
    "PresentationModel",
    "ConflictModel",
    "HistoryModel",
    "RecordTableModel",  # through its two subclasses
}


def troubled_matrix() -> Matrix:
    """The sales template staffed "All in one" (a conflict), with one finding accepted and
    a task without an accountable: findings of every group."""
    m = get_template("sales-pm-account").build()
    m.apply_preset(next(p for p in m.presets if p.name == "All in one"))
    task = m.tasks[0]
    m.set_cells([(task.id, r.id, "") for r in m.roles])
    m.set_cells([(task.id, m.roles[0].id, "R")])
    first = check(m)[0]
    m.accept(Suppression(first.rule, "agreed in the kick-off", first.task_id, first.role_id))
    return m


def test_findings_model_with_every_group_folding_and_refilling(qtmodeltester, qapp) -> None:
    m = troubled_matrix()
    findings = check(m)
    assert len({f.severity for f in findings}) >= 2 and any(f.accepted for f in findings)
    model = FindingsModel()
    model.matrix = m
    model.set_findings(findings)
    qtmodeltester.check(model, force_py=True)
    model.toggle_group(0)  # the tester keeps checking every change from here on
    model.toggle_group(0)
    model.set_findings(findings[: len(findings) // 2])
    model.set_findings([])
    model.set_findings(findings)
    assert model.rowCount() > len(findings)  # a header row per group


def test_problems_panel_model_while_the_matrix_is_edited(qtmodeltester, qtbot) -> None:
    m = troubled_matrix()
    panel = ProblemsPanel()
    qtbot.addWidget(panel)
    panel.set_checker(IncrementalChecker(m))
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0)
    qtmodeltester.check(panel.model, force_py=True)
    rows = panel.model.rowCount()
    m.set_cells([(t.id, m.roles[1].id, "A") for t in m.tasks])  # many findings change
    qtbot.waitUntil(lambda: panel.model.rowCount() != rows)
    panel.filter.setText("account")
    panel.refresh()
    panel.filter.setText("")
    panel.refresh()


@pytest.mark.parametrize("build", [sample_matrix, flat_matrix, troubled_matrix])
def test_presentation_model_stepping_rows_and_columns(qtmodeltester, qapp, build) -> None:
    m = build()
    grid = MatrixGridModel(m)
    model = PresentationModel(grid)
    qtmodeltester.check(model, force_py=True)
    for row in range(model.rowCount()):
        model.set_current("task", row)
    for column in range(model.columnCount()):
        model.set_current("role", column)
    m.set_cells([(m.tasks[0].id, m.roles[0].id, "C")])  # typed live during a workshop
    m.add_task("Follow-up", m.phases[-1].id)
    assert model.rowCount() == grid.rowCount()
    grid.close()


def conflicts(m: Matrix) -> list[Conflict]:
    at = datetime(2026, 11, 20, 10, 3, tzinfo=UTC)
    task, role = m.tasks[0], m.roles[0]
    return [
        Conflict(
            m.name,
            "cell",
            f"{task.name} × {role.name}: yours A, theirs R",
            task=task.name,
            role=role.name,
            base="",
            theirs="R",
            mine="A",
            task_id=task.id,
            role_id=role.id,
            who="ann",
            at=at,
        ),
        Conflict(
            m.name,
            "task",
            "“Estimate” renamed by both",
            task="Estimate",
            base="Estimate",
            theirs="renamed to “Sizing”",
            mine="renamed to “Costing”",
            item="Estimate",
            who="بهرام",
            at=at + timedelta(minutes=5),
        ),
        Conflict(
            m.name,
            "task",
            "Two new tasks named “Review”",
            task="Review",
            theirs="added",
            mine="added",
            item="Review",
            resolvable=False,
        ),
        Conflict(m.name, "people", "People changed by both", who="ann"),
    ]


def test_conflict_model_while_choices_change(qtmodeltester, qapp) -> None:
    m = sample_matrix()
    model = ConflictModel(conflicts(m))
    qtmodeltester.check(model, force_py=True)
    for row in range(model.rowCount()):
        index = model.index(row, KEEP)
        model.setData(index, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
        model.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert model.rowCount() == 4


def test_history_model_with_cell_and_structural_entries(qtmodeltester, qapp) -> None:
    m = sample_matrix()
    at = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    task, role = m.tasks[1], m.roles[2]
    entries = [
        HistoryEntry(3, at + timedelta(hours=2), "ann", m.name, 7, "cell", "A → R",
                     task=task.name, role=role.name, old="A", new="R",
                     task_id=task.id, role_id=role.id),
        HistoryEntry(2, at + timedelta(hours=1), "bob", m.name, 6, "cell", "— → A/R",
                     task=task.name, role=role.name, old="", new="AR"),
        HistoryEntry(1, at, "مریم", m.name, 5, "task-renamed", "“Size” renamed to “Estimate”",
                     task="Estimate"),
        HistoryEntry(0, at - timedelta(days=3), "ann", m.name, 1, "matrix-added", "Launch added"),
    ]  # fmt: skip
    for matrix in (m, None):  # codes shown in the matrix's scheme, or plainly without one
        model = HistoryModel(entries, matrix)
        qtmodeltester.check(model, force_py=True)
        assert model.data(model.index(0, 4)) is not None
    assert HistoryModel([], m).rowCount() == 0
    qtmodeltester.check(HistoryModel([], m), force_py=True)


def qt_testers(*models: QAbstractItemModel) -> list[QAbstractItemModelTester]:
    """Qt's own tester on each of Qt's own models (QListWidget's, QComboBox's...) for the rest
    of the test; pytest-qt fails the test on anything it reports. (The Python tester wants
    enums where PySide hands these models' check states over as numbers, and one
    ``qtmodeltester`` watches one model at a time.)"""
    mode = QAbstractItemModelTester.FailureReportingMode.Warning
    return [QAbstractItemModelTester(model, mode) for model in models]


def test_widget_models_of_the_side_panels(qtbot, isolated: Path) -> None:
    """The people list, the roles a person holds, the staffing box and the role's duties
    are item views over Qt's own models, filled by us: checked while the people change."""
    m = get_template("sales-pm-account").build()
    w = MainWindow(session_of(m, title="Sales"))
    add_window(qtbot, w)
    w.show()
    people = w.people_panel
    duties = w.duties_panel
    duties.show()
    duties.set_role(m.roles[0].id)
    qtbot.waitUntil(lambda: duties.tree.topLevelItemCount() > 0)
    testers = qt_testers(
        people.people.model(),
        people.roles.model(),
        people.presets.model(),
        duties.tree.model(),
    )
    people.presets.setCurrentIndex(people.presets.findText("All in one"))
    people.apply_selected_preset()
    w.session.undo_stack.undo()
    people.people.setCurrentRow(1)
    duties.set_role(m.roles[1].id)
    qtbot.waitUntil(lambda: duties.role_id == m.roles[1].id)
    qtbot.wait(100)  # the duties tree refills after a short delay
    assert len(testers) == 4


def test_start_page_lists(qtbot, isolated: Path) -> None:
    from rolematrix.gui.gallery import StartPage

    dialog = StartPage(["/tmp/plan.rolematrix", "postgresql://db/team?matrix=Launch"])
    qtbot.addWidget(dialog)
    empty = StartPage([])
    qtbot.addWidget(empty)
    models = [dialog.gallery.model(), dialog.recent.model(), dialog.language.model()]
    assert len(qt_testers(*models, empty.recent.model())) == 4


def test_every_item_model_class_of_the_gui_is_checked_here() -> None:
    found: set[str] = set()
    for info in pkgutil.iter_modules(rolematrix.gui.__path__):
        module = importlib.import_module(f"rolematrix.gui.{info.name}")
        for name, value in vars(module).items():
            if (
                inspect.isclass(value)
                and issubclass(value, QAbstractItemModel)
                and value.__module__ == module.__name__
            ):
                found.add(name)
    assert found, "the scan found no model at all: it is broken"
    assert found - CHECKED == set(), "add a qtmodeltester test for each new model"
    assert CHECKED - found == set(), "a model checked here is gone: drop it from CHECKED"


def test_a_broken_model_would_fail_the_tester(qtmodeltester, qapp) -> None:
    """The checks above can fail: a findings model whose row count ignores the parent is
    caught (a table's cells must have no children)."""

    class Broken(FindingsModel):
        def rowCount(self, parent=None) -> int:
            return len(self._rows)

    model = Broken()
    model.matrix = sample_matrix()
    model.set_findings(check(troubled_matrix()))
    with pytest.raises(AssertionError):
        qtmodeltester.check(model, force_py=True)
