"""The editing layer's shape, enforced: widgets call the Editor; only the adapter knows undo.

Issue 12: 36 undo commands used to be built in 5 widget modules, each widget with an
injected ``push`` whose default skipped undo. Now one module (gui/undo.py) turns the
editor's edits into QUndoCommands, and no other GUI module builds or runs one.
"""

from __future__ import annotations

import ast
from pathlib import Path

import rolematrix.gui

GUI = Path(rolematrix.gui.__file__).parent
ADAPTER = GUI / "undo.py"


def _calls_and_names(path: Path) -> tuple[set[str], set[str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    names |= {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
    names |= {a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) for a in n.names}
    calls = {
        n.func.attr
        for n in ast.walk(tree)
        if isinstance(n, ast.Call)
        and isinstance(n.func, ast.Attribute)
        # the Undo and Redo actions ask the window's stack to step: that is no command run by hand
        and not (isinstance(n.func.value, ast.Attribute) and n.func.value.attr == "undo_stack")
    }
    return calls, names


def test_no_gui_module_but_the_adapter_builds_or_runs_undo_commands() -> None:
    offenders = []
    for path in sorted(GUI.glob("*.py")):
        if path == ADAPTER:
            continue
        calls, names = _calls_and_names(path)
        if "QUndoCommand" in names:
            offenders.append(f"{path.name}: builds undo commands")
        offenders += [
            f"{path.name}: calls {c}() on an undo stack" for c in calls & {"push", "redo"}
        ]
    assert offenders == []


def test_the_old_command_module_is_gone_and_widgets_have_no_push() -> None:
    assert not (GUI / "commands.py").exists()
    for path in sorted(GUI.glob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert "self.push:" not in text and ".push = " not in text, path.name


def test_the_core_edits_know_no_qt() -> None:
    core = Path(rolematrix.gui.__file__).parent.parent / "core"
    for name in ("editor.py", "edits.py"):
        _calls, names = _calls_and_names(core / name)
        assert not {n for n in names if n.startswith("Q")}, name
