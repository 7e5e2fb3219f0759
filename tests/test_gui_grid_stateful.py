"""The real grid against a plain reference model, through random keyboard sessions.

Hypothesis drives a real :class:`GridView` in a real window with key events (letters,
Shift+letters, Space, Delete, arrows, Ctrl+arrows, Home/End, Ctrl+Home/End, Shift
selections, paste inside the edges, undo/redo, insert/delete/rename of tasks and roles)
and after every step checks two things a user relies on:

* the matrix holds what a plain model of the same keystrokes says it should;
* what typing changes is exactly the framed selection (a phase row is never a target),
  and Ctrl+Home frames the first task's first role.

Bounded for CI (``ROLEMATRIX_STATEFUL_EXAMPLES``, default 25 sessions of up to 30 steps,
about a minute); raise the count for a longer local run.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from gui_fixtures import isolated as isolated  # a fixture
from gui_fixtures import sample_matrix, session_of
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from rolematrix.core.edits import MERGE_WINDOW_S
from rolematrix.gui.main_window import MainWindow

pytestmark = pytest.mark.gui

EXAMPLES = int(os.environ.get("ROLEMATRIX_STATEFUL_EXAMPLES", "25"))
CODES = "RACI"
Cell = tuple[str, str]  # (task name, role name)

MOVES = {
    "Left": (Qt.Key.Key_Left, Qt.KeyboardModifier.NoModifier),
    "Right": (Qt.Key.Key_Right, Qt.KeyboardModifier.NoModifier),
    "Up": (Qt.Key.Key_Up, Qt.KeyboardModifier.NoModifier),
    "Down": (Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier),
    "Home": (Qt.Key.Key_Home, Qt.KeyboardModifier.NoModifier),
    "End": (Qt.Key.Key_End, Qt.KeyboardModifier.NoModifier),
    "Ctrl+Home": (Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier),
    "Ctrl+End": (Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier),
    "Ctrl+Down": (Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier),
    "Ctrl+Up": (Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier),
    "Ctrl+Right": (Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier),
    "Shift+Down": (Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier),
    "Shift+Right": (Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier),
}


class Reference:
    """What the matrix should hold: cells by names, and an undo history of snapshots that
    merges rapid edits of one cell as the editor does."""

    def __init__(self, cells: dict[Cell, str]) -> None:
        self.cells = dict(cells)
        self.done: list[tuple[dict[Cell, str], Cell | None]] = []  # (before, single cell)
        self.undone: list[dict[Cell, str]] = []

    def change(self, after: dict[Cell, str], single: Cell | None) -> None:
        if after == self.cells:
            return  # nothing changed: the editor records no edit
        if single is not None and self.done and self.done[-1][1] == single:
            before = self.done[-1][0]
            self.undone.clear()
            self.cells = after
            if after == before:
                self.done.pop()  # back where it started: the step disappears
            return
        self.done.append((dict(self.cells), single))
        self.undone.clear()
        self.cells = after

    def structural(self, after: dict[Cell, str]) -> None:
        """A change that never merges (insert, delete, rename)."""
        self.done.append((dict(self.cells), None))
        self.undone.clear()
        self.cells = after

    def undo(self) -> None:
        if self.done:
            before, _ = self.done.pop()
            self.undone.append(dict(self.cells))
            self.cells = before

    def redo(self) -> None:
        if self.undone:
            self.done.append((dict(self.cells), None))
            self.cells = self.undone.pop()


def canonical(codes: set[str]) -> str:
    return "".join(c for c in CODES if c in codes)


class GridSession(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.window = MainWindow(session_of(sample_matrix(), title="Stateful"))
        self.window._closing_confirmed = True  # type: ignore[attr-defined]
        self.window.show()
        QApplication.processEvents()
        self.ref = Reference(self.cells())
        self.count = 0

    def teardown(self) -> None:
        self.window.close()
        self.window.deleteLater()
        QApplication.processEvents()

    # ------------------------------------------------------------ reading
    @property
    def grid(self) -> Any:
        return self.window.grid

    @property
    def matrix(self) -> Any:
        return self.window.matrix

    def cells(self) -> dict[Cell, str]:
        m = self.matrix
        return {(m.task(t).name, m.role(r).name): codes for t, r, codes in m.cells()}

    def framed(self) -> list[Cell]:
        """The cells a user sees as the target: the selected task cells, else the current one."""
        model = self.window.model
        m = self.matrix
        out = []
        for index in self.grid.selectionModel().selectedIndexes():
            task = model.task_at(index.row())
            if task is not None and not self.grid.isRowHidden(index.row()):
                out.append((task.name, m.roles[index.column()].name))
        if not out:
            index = self.grid.currentIndex()
            task = model.task_at(index.row()) if index.isValid() else None
            if task is not None:
                out.append((task.name, m.roles[index.column()].name))
        return sorted(set(out))

    def key(
        self, key: Qt.Key | str, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        from pytestqt.qtbot import QtBot

        QtBot.keyClick(self.grid, key, mods)
        QApplication.processEvents()

    # -------------------------------------------------------------- rules
    @rule(letter=st.sampled_from("RACIQrac"), shift=st.booleans())
    def type_letter(self, letter: str, shift: bool) -> None:
        targets = self.framed()
        after = dict(self.ref.cells)
        code = letter.upper()
        if code in CODES and targets:
            for cell in targets:
                present = set(after.get(cell, ""))
                if shift:
                    present ^= {code}
                else:
                    present = {code}
                after[cell] = canonical(present)
                if not after[cell]:
                    del after[cell]
        mods = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
        self.key(letter.upper() if shift else letter, mods)
        changed = {
            c for c in set(after) | set(self.ref.cells) if after.get(c) != self.ref.cells.get(c)
        }
        assert changed <= set(targets), "typing changed cells that were not framed"
        self.ref.change(after, targets[0] if len(targets) == 1 else None)

    @rule()
    def space(self) -> None:
        targets = self.framed()
        if not targets:
            self.key(Qt.Key.Key_Space)
            return
        model, m = self.window.model, self.matrix
        index = self.grid.currentIndex()
        task = model.task_at(index.row())
        current = (task.name, m.roles[index.column()].name) if task else targets[0]
        cycle = ["", *CODES]
        now = self.ref.cells.get(current, "")
        following = cycle[(cycle.index(now) + 1) % len(cycle)] if now in cycle else "R"
        after = dict(self.ref.cells)
        for cell in targets:
            after[cell] = following
            if not following:
                del after[cell]
        self.key(Qt.Key.Key_Space)
        self.ref.change(after, targets[0] if len(targets) == 1 else None)

    @rule()
    def delete(self) -> None:
        targets = self.framed()
        after = {c: v for c, v in self.ref.cells.items() if c not in targets}
        self.key(Qt.Key.Key_Delete)
        self.ref.change(after, targets[0] if len(targets) == 1 else None)

    @rule(move=st.sampled_from(sorted(MOVES)))
    def navigate(self, move: str) -> None:
        key, mods = MOVES[move]
        self.key(key, mods)
        if move == "Ctrl+Home":
            model = self.window.model
            index = self.grid.currentIndex()
            first = next(r for r in range(model.rowCount()) if model.task_at(r) is not None)
            assert (index.row(), index.column()) == (first, 0), (
                "Ctrl+Home: the first task's first role"
            )

    @rule(
        values=st.lists(
            st.sampled_from(["R", "A", "C", "I", "A/R", "", "maybe"]), min_size=1, max_size=4
        )
    )
    def paste_inside(self, values: list[str]) -> None:
        """A row of values pasted at the current cell, as far as the roles reach."""
        model, m = self.window.model, self.matrix
        index = self.grid.currentIndex()
        task = model.task_at(index.row()) if index.isValid() else None
        if task is None:
            return
        self.grid.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        values = values[: len(m.roles) - index.column()]
        if len(values) == 1:
            values = [*values, "I"] if index.column() + 1 < len(m.roles) else values
        if values == [""]:
            return  # an empty clipboard: nothing to paste (tested in test_editor)
        after = dict(self.ref.cells)
        targets = []
        for offset, value in enumerate(values):
            cell = (task.name, m.roles[index.column() + offset].name)
            targets.append(cell)
            if value == "maybe":
                continue  # no code: the cell keeps what it holds
            codes = canonical(set(value.replace("/", "")))
            if codes:
                after[cell] = codes
            else:
                after.pop(cell, None)
        QGuiApplication.clipboard().setText("\t".join(values) + "\n")
        self.key("v", Qt.KeyboardModifier.ControlModifier)
        self.ref.change(after, None)  # a paste is a step of its own

    @rule()
    def undo(self) -> None:
        self.window.session.undo_stack.undo()
        QApplication.processEvents()
        self.ref.undo()

    @rule()
    def redo(self) -> None:
        self.window.session.undo_stack.redo()
        QApplication.processEvents()
        self.ref.redo()

    @rule()
    def insert_task(self) -> None:
        self.count += 1
        name = f"Added {self.count}"
        if self.grid.current_task() is None and self.grid.current_phase() is None:
            return
        self.window.insert_task(name)
        QApplication.processEvents()
        if self.matrix.find_task(name) is not None:
            self.ref.structural(dict(self.ref.cells))

    @rule()
    def delete_task(self) -> None:
        if len(self.matrix.tasks) <= 1:
            return
        doomed = {self.matrix.task(t).name for t in self.window._selected_task_ids()}
        if not doomed:
            return
        self.window.delete_tasks()
        QApplication.processEvents()
        self.ref.structural({c: v for c, v in self.ref.cells.items() if c[0] not in doomed})

    @rule(n=st.integers(1, 3))
    def rename_role(self, n: int) -> None:
        role = self.grid.current_role()
        if role is None:
            return
        old, new = role.name, f"{role.name.split(' #')[0]} #{n}"
        if old == new or self.matrix.find_role(new) is not None:
            return
        self.window.editor().update_role(role.id, name=new)
        QApplication.processEvents()
        self.ref.structural(
            {(t, new if r == old else r): v for (t, r), v in self.ref.cells.items()}
        )

    # --------------------------------------------------------- invariants
    @invariant()
    def matrix_is_what_was_typed(self) -> None:
        assert self.cells() == self.ref.cells


@pytest.mark.timeout(240)
def test_random_keyboard_sessions_match_a_plain_model(
    qapp: QApplication, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # rapid edits of one cell merge within a time window; a loaded CI machine must not make
    # a session slower than the window, so the window is made as long as any session here
    assert MERGE_WINDOW_S > 0
    monkeypatch.setattr("rolematrix.core.edits.MERGE_WINDOW_S", 3600.0)
    run_state_machine_as_test(
        GridSession,
        settings=settings(
            max_examples=EXAMPLES,
            stateful_step_count=30,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
        ),
    )
