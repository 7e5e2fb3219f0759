"""The editor says what the command line says about damaged input, and keeps running;
a failed save to a typed address never shows its password."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from gui_fixtures import Dialogs, add_window, dialogs, isolated, sample_matrix

from rolematrix.cli import main as cli
from rolematrix.core.model import Document
from rolematrix.gui.app import Controller
from rolematrix.gui.main_window import MainWindow
from rolematrix.gui.session import DocumentSession
from rolematrix.io.json_format import dumps_document

__all__ = ["dialogs", "isolated"]  # fixtures, for pytest


def _document() -> str:
    return dumps_document(Document([sample_matrix()]))


@pytest.mark.parametrize(
    "content",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"format": "rolematrix", "format_version": ' + "7" * 5000 + "}",
        _document().rstrip().rstrip("}") + ', "matrices": []}',
    ],
    ids=["deep", "long-number", "duplicate-key"],
)
def test_a_damaged_json_import_is_the_same_sentence_in_a_dialog(
    tmp_path: Path,
    content: str,
    isolated: Path,
    dialogs: Dialogs,
    capsys: pytest.CaptureFixture[str],
    qtbot: Any,
) -> None:
    source = tmp_path / "damaged.json"
    source.write_text(content, encoding="utf-8")
    assert cli(["check", str(source)]) == 2
    said = capsys.readouterr().err.removeprefix("rolematrix: ").strip()
    controller = Controller()
    assert controller.import_file(str(source)) is None
    assert dialogs.shown == [("critical", "Could not import", said)]
    window = controller.new_from_template(None)  # still running, still opening windows
    add_window(qtbot, window)
    assert window.isVisible()


def test_a_lone_surrogate_imports_with_a_report_and_saves(
    tmp_path: Path, isolated: Path, dialogs: Dialogs, qtbot: Any
) -> None:
    data = json.loads(_document())
    data["matrices"][0]["roles"][0]["name"] = "Project \ud800Manager"
    source = tmp_path / "lone.json"
    source.write_text(json.dumps(data), encoding="ascii")
    controller = Controller()
    window = controller.import_file(str(source))
    assert window is not None
    add_window(qtbot, window)
    ((kind, _title, text),) = dialogs.shown
    assert kind == "warning" and "matrices[0].roles[0].name" in text and "surrogate" in text
    assert window.save_as(str(tmp_path / "saved.rolematrix"))
    assert (tmp_path / "saved.rolematrix").exists()


def test_a_failed_save_to_a_typed_address_hides_its_password(
    qtbot: Any, isolated: Path, dialogs: Dialogs
) -> None:
    window = add_window(qtbot, MainWindow(DocumentSession(Document([sample_matrix()]))))
    secret = "Savesecret/with?odd@chars"
    assert not window.save_as(f"postgresql+psycopg://ann:{secret}@127.0.0.1:1/plans")
    ((kind, title, text),) = dialogs.shown
    assert (kind, title) == ("critical", "Could not save")
    assert "127.0.0.1" in text
    for piece in (secret, "Savesecret", "with?odd", "odd@chars"):
        assert piece not in text + window.windowTitle()
