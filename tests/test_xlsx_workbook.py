"""The workbook a person opens: text stays text, the sheet is set up for reading and printing."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from rolematrix.core.findings import Finding, Severity
from rolematrix.core.model import Document, Matrix, Suppression
from rolematrix.io.report import ExportError
from rolematrix.io.text_safety import clean_for_xlsx
from rolematrix.io.xlsx_layout import sheet_names
from rolematrix.io.xlsx_workbook import write_xlsx

HOSTILE = [
    "=1+1",
    "@SUM(A1)",
    '=HYPERLINK("http://example.com","click")',
    "+41 22 555",
    "-2+3",
    "<b>bold</b> & co",
    "Ünïcödé 数据 مدیر پروژه Задача",
    "long " * 40,
]


def _write(tmp_path: Path, *matrices: Matrix, **kw: object) -> openpyxl.Workbook:
    path = tmp_path / "book.xlsx"
    write_xlsx(Document(list(matrices)), path, **kw)  # type: ignore[arg-type]
    return openpyxl.load_workbook(path)


def test_user_text_is_stored_as_text_never_as_formula(tmp_path: Path) -> None:
    m = Matrix("=SUM(1)")
    roles = [m.add_role(name) for name in HOSTILE[:4]]
    tasks = [m.add_task(name, description=name) for name in HOSTILE]
    m.set_cell(tasks[0].id, roles[0].id, "A")
    book = _write(tmp_path, m)
    sheet = book[book.sheetnames[0]]
    texts = {}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is not None:
                assert cell.data_type == "s", (cell.coordinate, cell.value)
                texts[cell.value] = cell.coordinate
    for name in HOSTILE:
        assert name.strip() in texts or " ".join(name.split()) in texts
    assert sheet["A1"].value == "=SUM(1)"


def test_control_characters_are_replaced_visibly(tmp_path: Path) -> None:
    m = Matrix("Plan")
    m.add_role("Bell\x07role")
    m.add_task("Null\x00 and escape\x1b and \uffff")
    book = _write(tmp_path, m)
    sheet = book["Plan"]
    assert sheet["B4"].value == "Bell␇role"
    assert sheet["A5"].value == "Null␀ and escape␛ and \ufffd"
    assert clean_for_xlsx("tab\tnew\nline") == "tab\tnew\nline"


def test_sheet_names_are_legal_and_unique() -> None:
    names = sheet_names(["A/B: [draft]?", "a/b: [draft]?", "x" * 40, "Legend", "History", ""])
    assert names[0] == "A_B_ _draft__"
    assert len({n.casefold() for n in names}) == len(names)
    assert all(len(n) <= 31 and not set(n) & set("[]:*?/\\") for n in names)
    assert "legend" not in {n.casefold() for n in names}
    assert "history" not in {n.casefold() for n in names}


def test_matrix_sheet_is_set_up_for_reading_and_printing(tmp_path: Path) -> None:
    m = Matrix("Wide plan")
    roles = [m.add_role(f"Role number {i}") for i in range(12)]
    phase = m.add_phase("Start")
    task = m.add_task("Kick-off", phase.id)
    m.set_cells([(task.id, roles[0].id, "AR"), (task.id, roles[1].id, "C")])
    book = _write(tmp_path, m)
    sheet = book["Wide plan"]
    assert sheet.freeze_panes == "B5"
    assert sheet.auto_filter.ref.startswith("A4:")
    assert sheet["A5"].value == "Start" and sheet["A5"].font.b
    assert sheet["B6"].value == "A/R"
    assert sheet["B6"].fill.fgColor.rgb.endswith("F5A27A")  # A's colour comes first
    assert sheet["C6"].fill.fgColor.rgb.endswith("F0E442")
    assert sheet["B4"].alignment.textRotation == 90  # many roles: upright headers
    validation = sheet.data_validations.dataValidation[0]
    assert validation.type == "list" and validation.errorStyle == "warning"
    assert '"R,A,C,I,A/R' in validation.formula1
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.page_setup.fitToWidth in (None, 1)  # 1 is the default XlsxWriter leaves out
    assert sheet.page_setup.fitToHeight == 0
    assert sheet.print_title_rows == "$4:$4"
    assert book.properties.title == "Wide plan"
    assert book.sheetnames == ["Wide plan", "Legend", "Findings", "_rolematrix"]
    assert book["_rolematrix"].sheet_state == "hidden"


def test_a_long_description_wraps_inside_the_printed_columns(tmp_path: Path) -> None:
    m = Matrix("Plan")
    for name in ("Sales", "PM", "Account"):
        m.add_role(name)
    m.add_task("Kick-off")
    m.description = "Three roles that one manager may combine. " * 12
    sheet = _write(tmp_path, m)["Plan"]
    assert sheet["A3"].value == m.description
    assert "A3:D3" in {str(r) for r in sheet.merged_cells.ranges}  # task + role columns
    assert sheet["A3"].alignment.wrap_text
    assert sheet.row_dimensions[3].height >= 3 * 15  # tall enough for its lines on paper


def test_right_to_left_matrix_gets_a_right_to_left_sheet(tmp_path: Path) -> None:
    m = Matrix("ماتریس")
    m.add_role("مدیر پروژه")
    m.add_role("مدیر امور مشتری")
    m.add_task("مدیریت زمان‌بندی")
    book = _write(tmp_path, m)
    assert book["ماتریس"].sheet_view.rightToLeft
    assert book["Legend"].sheet_view.rightToLeft is not True


def test_legend_and_findings_sheets(tmp_path: Path) -> None:
    m = Matrix("Plan")
    lead = m.add_role("Lead", description="runs the team")
    task = m.add_task("Decide")
    m.set_cell(task.id, lead.id, "R")
    m.accept(Suppression("task-no-accountable", "committee decides; no single A", task_id=task.id))
    book = _write(tmp_path, m)
    legend = [c for row in book["Legend"].iter_rows(values_only=True) for c in row if c]
    assert {"Responsible", "does the work", "Lead", "runs the team"} <= set(legend)
    rows = list(book["Findings"].iter_rows(values_only=True))
    assert rows[0][:3] == ("Matrix", "Severity", "Rule")
    accepted = [r for r in rows if r[2] == "task-no-accountable"]
    assert accepted and accepted[0][7] == "yes"
    assert accepted[0][8] == "committee decides; no single A"


def test_findings_can_be_supplied_by_the_caller(tmp_path: Path) -> None:
    m = Matrix("Plan")
    m.add_task("Decide")
    given = [Finding("task-uncovered", Severity.ERROR, "Plan", "=cmd|' /C calc'!A0", task="Decide")]
    book = _write(tmp_path, m, findings_for=lambda matrix: given)
    rows = list(book["Findings"].iter_rows())
    assert len(rows) == 2
    assert rows[1][6].value == "=cmd|' /C calc'!A0" and rows[1][6].data_type == "s"


def test_unwritable_path_fails_clearly_and_leaves_nothing(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    target = blocker / "out.xlsx"
    with pytest.raises(ExportError, match=r"a-file/out\.xlsx"):
        write_xlsx(Document([Matrix("Plan")]), target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_failure_mid_write_keeps_the_old_file_and_leaves_no_partial(tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"previous export")

    def broken(matrix: Matrix) -> list[Finding]:
        raise OSError(28, "No space left on device")

    with pytest.raises(ExportError, match="No space left on device"):
        write_xlsx(Document([Matrix("Plan")]), target, findings_for=broken)
    assert target.read_bytes() == b"previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]
