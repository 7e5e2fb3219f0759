"""An exception nobody expected is a bug: exit 70 (never 1), one line, a crash report
without passwords; in the editor, a dialog, and the editor keeps running."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from gui_fixtures import Dialogs, dialogs, isolated

from rolematrix.cli import main

__all__ = ["dialogs", "isolated"]  # fixtures, for pytest

SECRET = "Crashsecret/with@odd#chars"
ADDRESS = f"postgresql+psycopg://ann:{SECRET}@127.0.0.1:1/plans"


def _report_path(line: str) -> Path:
    assert "crash report written to " in line, line
    return Path(line.rsplit("crash report written to ", 1)[1].strip())


def test_a_bug_in_a_command_exits_70_with_one_line_and_a_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise ZeroDivisionError(f"division by zero near {ADDRESS}")

    monkeypatch.setattr("rolematrix.cli.load_document", broken)
    code = main(["check", ADDRESS, "--matrix", "x"])
    out, err = capsys.readouterr()
    assert code == 70
    assert out == "" and err.count("\n") == 1
    assert err.startswith("rolematrix: internal error (a bug): ZeroDivisionError: division by zero")
    report = _report_path(err)
    assert report.is_relative_to(Path(os.environ["XDG_CACHE_HOME"]))
    text = report.read_text()
    assert "Traceback" in text and "ZeroDivisionError" in text and "broken" in text
    assert "127.0.0.1:1/plans" in text
    for piece in (SECRET, "Crashsecret", "with@odd", "chars@"):
        assert piece not in err + text


def test_the_real_exit_status_of_a_bug_is_70_without_a_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    program = (
        "import sys, rolematrix.cli as c\n"
        "def broken(*a, **k): raise RuntimeError('unexpected')\n"
        "c.cmd_templates = broken\n"
        "sys.exit(c.main(['templates']))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 70, done.stderr
    assert "Traceback" not in done.stderr
    assert "internal error (a bug): RuntimeError: unexpected" in done.stderr
    assert _report_path(done.stderr).is_relative_to(tmp_path / "cache")


def test_a_system_error_is_bad_input_not_a_bug(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(*args: Any, **kwargs: Any) -> Any:
        raise PermissionError(13, "Permission denied", str(tmp_path / "plan.rolematrix"))

    monkeypatch.setattr("rolematrix.cli.load_document", refused)
    assert main(["check", str(tmp_path / "plan.rolematrix")]) == 2
    err = capsys.readouterr().err
    assert err == f"rolematrix: {tmp_path / 'plan.rolematrix'}: Permission denied\n"


@pytest.mark.qt_no_exception_capture
def test_a_bug_in_a_slot_shows_a_dialog_and_the_editor_keeps_running(
    qtbot: Any, isolated: Path, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QTimer

    from rolematrix.gui.app import install_crash_handler

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored afterwards
    install_crash_handler(["--db", ADDRESS])
    calls: list[str] = []

    def slot() -> None:
        calls.append("ran")
        raise KeyError(f"no such thing in {ADDRESS}")

    def typed() -> None:  # an address typed in a dialog is in no command line
        raise ValueError("cannot use postgresql+psycopg://bob:Typedsecret@db.example.org/x")

    QTimer.singleShot(0, slot)
    qtbot.waitUntil(lambda: bool(dialogs.shown), timeout=3000)
    ((kind, title, text),) = dialogs.shown
    assert (kind, title) == ("critical", "Internal error")
    assert "internal error (a bug): KeyError" in text
    report = _report_path(text)
    assert "KeyError" in report.read_text()
    for piece in (SECRET, "Crashsecret"):
        assert piece not in text + report.read_text()
    dialogs.shown.clear()
    QTimer.singleShot(0, typed)
    qtbot.waitUntil(lambda: bool(dialogs.shown), timeout=3000)
    text = dialogs.shown[0][2]
    assert "bob@db.example.org" in text and "Typedsecret" not in text
    assert "Typedsecret" not in _report_path(text).read_text()
    later: list[str] = []
    QTimer.singleShot(0, lambda: later.append("still running"))
    qtbot.waitUntil(lambda: bool(later), timeout=3000)


def test_a_bug_while_the_editor_starts_exits_70(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "QT_QPA_PLATFORM": "offscreen"}
    program = (
        "import sys, rolematrix.gui.app as app, rolematrix.launcher as launcher\n"
        "def broken(): raise OSError('no display today')\n"
        "app.create_application = broken\n"
        "sys.exit(launcher.main(['postgresql://ann:Startsecret@127.0.0.1:1/plans']))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 70, done.stderr
    assert "Traceback" not in done.stderr
    assert "internal error (a bug): OSError: no display today" in done.stderr
    report = _report_path(done.stderr)
    assert "Startsecret" not in done.stderr + report.read_text()
