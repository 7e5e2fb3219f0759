"""Shared set-up for the GUI tests: isolated settings, stubbed dialogs, small matrices.

Imported by the tests/test_gui_*.py modules (``from gui_fixtures import *``
would hide names; they import the fixtures they use explicitly).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from rolematrix.core.model import Document, Matrix


def sample_matrix() -> Matrix:
    """Two phases, three roles, four tasks; one task without an accountable."""
    m = Matrix("Launch", "RACI")
    pm = m.add_role("Project Manager", short="PM").id
    am = m.add_role("Account Manager", short="AM").id
    dev = m.add_role("Developer", short="Dev").id
    plan = m.add_phase("Plan").id
    build = m.add_phase("Build").id
    t1 = m.add_task("Define scope", plan).id
    t2 = m.add_task("Estimate", plan).id
    t3 = m.add_task("Write code", build).id
    t4 = m.add_task("Test", build).id
    m.set_cells(
        [
            (t1, pm, "A"),
            (t1, am, "R"),
            (t1, dev, "C"),
            (t2, pm, "AR"),
            (t2, dev, "C"),
            (t3, dev, "R"),  # no accountable: an error
            (t3, pm, "I"),
            (t4, pm, "A"),
            (t4, dev, "R"),
        ]
    )
    m.journal.clear()
    return m


def flat_matrix(tasks: int = 5, roles: int = 4) -> Matrix:
    """One unnamed phase (no phase header rows), every task clean."""
    m = Matrix("Flat", "RACI")
    role_ids = [m.add_role(f"Role {j + 1}", short=f"R{j + 1}").id for j in range(roles)]
    for i in range(tasks):
        t = m.add_task(f"Task {i + 1}").id
        m.set_cells([(t, role_ids[0], "A"), (t, role_ids[1], "R")])
    m.journal.clear()
    return m


@dataclass
class Dialogs:
    """Records every modal dialog the code under test opened, answering from queues."""

    answers: list[Any] = field(default_factory=list)  # QMessageBox.question answers, in order
    texts: list[tuple[str, bool]] = field(default_factory=list)  # QInputDialog.getText answers
    shown: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, title, text)

    def kinds(self) -> list[str]:
        return [k for k, _, _ in self.shown]


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    record = Dialogs()

    def message(kind: str, default: Any) -> Any:
        def show(parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Any:
            record.shown.append((kind, title, text))
            if kind == "question":
                if not record.answers:
                    raise AssertionError(f"unexpected question dialog: {title}: {text}")
                return record.answers.pop(0)
            return default

        return staticmethod(show)

    ok = QMessageBox.StandardButton.Ok
    monkeypatch.setattr(QMessageBox, "question", message("question", None))
    monkeypatch.setattr(QMessageBox, "warning", message("warning", ok))
    monkeypatch.setattr(QMessageBox, "critical", message("critical", ok))
    monkeypatch.setattr(QMessageBox, "information", message("information", ok))

    def get_text(
        parent: Any, title: str, label: str, *args: Any, **kwargs: Any
    ) -> tuple[str, bool]:
        record.shown.append(("input", title, label))
        if not record.texts:
            raise AssertionError(f"unexpected input dialog: {title}")
        return record.texts.pop(0)

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    return record


@pytest.fixture
def isolated(qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Settings and recovery copies in a temp folder; app names as the real app sets them;
    the interface in English again afterwards."""
    qapp.setOrganizationName("RoleMatrix")
    qapp.setApplicationName("RoleMatrix")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    recovery = tmp_path / "recovery"
    monkeypatch.setattr("rolematrix.gui.autosave.recovery_dir", lambda: recovery)
    yield tmp_path
    from rolematrix.gui import i18n

    if i18n.active_language() != "en":
        i18n.install("en", qapp)  # a test that failed in Persian leaves the next in English
    for widget in QApplication.topLevelWidgets():
        if hasattr(widget, "_closing_confirmed"):
            widget._closing_confirmed = True  # no unsaved-changes prompt at teardown
        widget.close()
        widget.deleteLater()
    QApplication.processEvents()


def add_window(qtbot: Any, window: Any) -> Any:
    """Register a window with qtbot; at teardown it closes without the unsaved-changes prompt."""
    qtbot.addWidget(window, before_close_func=lambda w: setattr(w, "_closing_confirmed", True))
    return window


def session_of(*matrices: Matrix, **kw: Any) -> Any:
    from rolematrix.gui.session import DocumentSession

    return DocumentSession(Document(list(matrices)), **kw)
