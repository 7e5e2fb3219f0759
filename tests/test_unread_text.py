"""Imported text that is no code stays in the document (issue 11, class 10).

A cell holding ``maybe`` used to be reported on stderr and left empty: the user's text was
gone. Now it stays beside its cell through the file, every export and every import, and the
checker reports it as an error until someone replaces it with a code.
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from rolematrix import cli
from rolematrix.store import DocumentStore


def plain_sheet(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "RACI"
    for row in (
        ["Task", "Sponsor", "PM", "Dev"],
        ["Plan", "A", "R", "maybe"],
        ["Build", "I", "A", "R, ask Olga"],
        ["Test", "I", "A", "R"],
        ["Ship", "A", "R", "C"],
    ):
        sheet.append(row)
    book.save(path)
    return path


@pytest.fixture
def document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    out = tmp_path / "team.rolematrix"
    assert cli.main(["import", str(plain_sheet(tmp_path / "ours.xlsx")), str(out)]) == 0
    err = capsys.readouterr().err
    assert "RACI!D2: 'maybe' is no code; kept in the cell as written" in err
    return out


def test_the_text_is_saved_in_the_document(document: Path) -> None:
    with DocumentStore.open(str(document), readonly=True) as store:
        matrix = store.load().matrices[0]
    plan, build = matrix.find_task("Plan"), matrix.find_task("Build")
    dev = matrix.find_role("Dev")
    assert matrix.cell_text(plan.id, dev.id) == "maybe"
    assert matrix.get(build.id, dev.id) == "R"  # the code part is read as a code
    assert matrix.cell_text(build.id, dev.id) == "R, ask Olga"


def test_check_reports_it_as_an_error(document: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check", str(document), "--format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)
    unread = [(f["task"], f["role"]) for f in findings if f["rule"] == "cell-unknown-code"]
    assert sorted(unread) == [("Build", "Dev"), ("Plan", "Dev")]


@pytest.mark.parametrize("suffix", [".json", ".xlsx", ".csv"])
def test_every_export_carries_it_and_imports_it_back(
    document: Path, tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / f"out{suffix}"
    assert cli.main(["export", str(document), "--output", str(exported)]) == 0
    again = tmp_path / "again.rolematrix"
    assert cli.main(["import", str(exported), str(again)]) == 0
    capsys.readouterr()
    assert cli.main(["diff", str(document), str(again)]) == 0, capsys.readouterr().out


def test_the_matrix_pdf_marks_the_cell_and_quotes_the_text(document: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    pdf = tmp_path / "matrix.pdf"
    assert cli.main(["export", str(document), "--output", str(pdf)]) == 0
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "maybe" in text and "ask Olga" in text
