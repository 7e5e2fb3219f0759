"""import(export(document)) gives back the document, field for field."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from rolematrix.core.model import Document, Matrix, Settings, StaffingPreset, Suppression
from rolematrix.core.templates import builtin_templates
from rolematrix.io.report import UnreadableInputError
from rolematrix.io.xlsx_layout import is_rolematrix_workbook, read_xlsx_layout
from rolematrix.io.xlsx_workbook import write_xlsx


def matrix_state(m: Matrix) -> dict[str, object]:
    """Every field of a matrix in comparable form (ids included)."""
    return {
        "name": m.name,
        "description": m.description,
        "scheme": m.scheme.id,
        "template_id": m.template_id,
        "settings": (m.settings.profile, m.settings.overrides),
        "version": m.version,
        "phases": [
            (p.id, p.name, [(t.id, t.name, t.description, t.notes, t.reference) for t in p.tasks])
            for p in m.phases
        ],
        "roles": [(r.id, r.name, r.short, r.description, r.colour) for r in m.roles],
        "cells": sorted(m.cells()),
        "cell_texts": sorted(m.cell_texts()),
        "people": [(p.id, p.name, list(p.role_ids)) for p in m.people],
        "conflicts": sorted(m.conflicts),
        "suppressions": list(m.suppressions),
        "presets": list(m.presets),
    }


def assert_same_document(a: Document, b: Document) -> None:
    assert [m.name for m in a.matrices] == [m.name for m in b.matrices]
    for left, right in zip(a.matrices, b.matrices, strict=True):
        sl, sr = matrix_state(left), matrix_state(right)
        for key in sl:
            assert sl[key] == sr[key], f"{left.name}: {key} differs"


def round_trip(document: Document, tmp_path: Path) -> Document:
    path = tmp_path / "out.xlsx"
    write_xlsx(document, path)
    assert is_rolematrix_workbook(path)
    result = read_xlsx_layout(path)
    assert result.problems == []
    return result.document


def tricky_matrix() -> Matrix:
    """Formula-like, markup-like, control characters, Persian, long text, all the extras."""
    m = Matrix(
        "=1+1 [Q3]: plan/review?",
        "RASCI",
        description="Line one\nline two with \x07 bell and \x00 null",
        template_id="sales-pm-account",
        settings=Settings("strict", {"max_responsible": 2, "four_eyes": False}),
    )
    m.version = 7
    r1 = m.add_role(
        '=HYPERLINK("http://evil")', short="H", description="<b>x</b>", colour="#123456"
    )
    r2 = m.add_role("مدیر پروژه", short="PM", description="مسئول زمان‌بندی")
    r3 = m.add_role("Escape\x1b role\uffff")
    p0 = m.add_phase("")
    t0 = m.add_task("@SUM(A1)", p0.id, description="x" * 40_000, notes="note & <notes>")
    p1 = m.add_phase("Фаза один")
    t1 = m.add_task("<b>bold</b> & co", p1.id, reference="=1.2")
    t2 = m.add_task("+cmd|' /C calc'!A0", p1.id, description="-2+3")
    t3 = m.add_task("_x0041_ lone \ud800 surrogate", p1.id)
    m.add_phase("Empty phase")
    m.set_cells(
        [(t0.id, r1.id, "AR"), (t1.id, r2.id, "S"), (t2.id, r3.id, "CI"), (t3.id, r1.id, "A")]
    )
    # unread texts: alone, beside codes the text does not hold (t0 × r1 is AR), and Persian
    m.set_cell_texts([(t1.id, r1.id, "@maybe"), (t0.id, r1.id, "or C?"), (t2.id, r2.id, "شاید")])
    alex = m.add_person("Alex", [r1.id, r2.id])
    m.add_person("Sam =2", [r3.id])
    m.add_conflict(r1.id, r2.id)
    m.set_suppressions(
        [
            Suppression("task-no-accountable", "committee decides; no single A", task_id=t1.id),
            Suppression("person-conflicting-roles", "small team", person_id=alex.id),
        ]
    )
    m.set_presets([StaffingPreset("All in one", (("Alex", ("مدیر پروژه",)),), "one person")])
    m.journal.clear()
    return m


@pytest.mark.parametrize("template_id", sorted(builtin_templates()))
def test_every_template_round_trips(template_id: str, tmp_path: Path) -> None:
    document = Document([builtin_templates()[template_id].build()])
    assert_same_document(document, round_trip(document, tmp_path))


def test_tricky_document_round_trips_exactly(tmp_path: Path) -> None:
    second = Matrix("=1+1 [Q3]: plan/review? second", "CHECK")
    role = second.add_role("Solo")
    task = second.add_task("Only task")
    second.set_cell(task.id, role.id, "✓")
    document = Document([tricky_matrix(), second])
    assert_same_document(document, round_trip(document, tmp_path))


def test_codes_edited_in_a_spreadsheet_are_read(tmp_path: Path) -> None:
    m = Matrix("Plan")
    a, b = m.add_role("Lead"), m.add_role("Dev")
    t1, t2 = m.add_task("Design"), m.add_task("Build")
    m.set_cells([(t1.id, a.id, "A"), (t2.id, b.id, "R")])
    path = tmp_path / "plan.xlsx"
    write_xlsx(Document([m]), path)
    book = openpyxl.load_workbook(path)
    sheet = book["Plan"]
    assert sheet["A5"].value == "Design" and sheet["B5"].value == "A"
    sheet["C5"].value = "r, c"  # a person types loosely
    sheet["B6"].value = "maybe"
    book.save(path)
    result = read_xlsx_layout(path)
    read = result.document.matrix()
    assert read.get(t1.id, b.id) == "RC"
    assert read.cell_text(t2.id, a.id) == "maybe"  # the user's text stays in its cell
    assert [str(p) for p in result.problems] == [
        "Plan!B6: 'maybe' is no code; kept in the cell as written"
    ]


def test_a_formula_without_a_saved_result_is_reported_not_dropped(tmp_path: Path) -> None:
    m = Matrix("Release plan")
    a = m.add_role("Lead")
    t = m.add_task("Design")
    m.set_cells([(t.id, a.id, "I")])
    path = tmp_path / "plan.xlsx"
    write_xlsx(Document([m]), path)
    book = openpyxl.load_workbook(path)
    book["Release plan"]["B5"].value = '=IF(TRUE,"A","R")'  # written by a script: no result
    book.save(path)
    result = read_xlsx_layout(path)
    assert [str(p) for p in result.problems] == [
        '\'Release plan\'!B5: the formula =IF(TRUE,"A","R") has no saved result (open and save '
        "the workbook in Excel or LibreOffice to keep it); read as its text",
        "'Release plan'!B5: '=IF(TRUE,\"A\",\"R\")' is no code; kept in the cell as written",
    ]
    # kept as its text, for the user to decide
    assert result.document.matrix().cell_text(t.id, a.id) == '=IF(TRUE,"A","R")'


def test_rows_removed_in_a_spreadsheet_are_reported(tmp_path: Path) -> None:
    m = Matrix("Plan")
    lead = m.add_role("Lead")
    m.add_task("Design", description="draw it")
    build = m.add_task("Build")
    m.set_cell(build.id, lead.id, "R")
    path = tmp_path / "plan.xlsx"
    write_xlsx(Document([m]), path)
    book = openpyxl.load_workbook(path)
    book["Plan"].delete_rows(5)  # the "Design" row
    book["Plan"]["A7"].value = "Test"  # a new task typed below
    book["Plan"]["B7"].value = "A"
    book.save(path)
    result = read_xlsx_layout(path)
    read = result.document.matrix()
    assert [t.name for t in read.tasks] == ["Build", "Test"]
    assert read.task(build.id).name == "Build"  # kept its id
    assert read.get(read.tasks[1].id, lead.id) == "A"
    assert any("'Design' is no longer in the sheet" in str(p) for p in result.problems)


def test_a_task_renamed_in_a_spreadsheet_keeps_its_notes(tmp_path: Path) -> None:
    m = Matrix("Plan")
    lead = m.add_role("Lead")
    design = m.add_task("Design", description="draw it", notes="ask Sam first")
    build = m.add_task("Build")
    m.set_cell(build.id, lead.id, "R")
    path = tmp_path / "plan.xlsx"
    write_xlsx(Document([m]), path)
    book = openpyxl.load_workbook(path)
    sheet = book["Plan"]
    assert sheet["A5"].value == "Design"
    sheet["A5"].value = "Design the screens"
    sheet["B5"].value = "A"
    sheet.insert_rows(7)  # and a row added, so the sheet is not as written
    sheet["A7"].value = "Ship"
    sheet["B7"].value = "I"
    book.save(path)
    result = read_xlsx_layout(path)
    read = result.document.matrix()
    assert [t.name for t in read.tasks] == ["Design the screens", "Build", "Ship"]
    renamed = read.task(design.id)
    assert renamed.name == "Design the screens" and renamed.notes == "ask Sam first"
    assert read.get(design.id, lead.id) == "A"
    assert [str(p) for p in result.problems] == [
        "Plan!A5: task 'Design' renamed to 'Design the screens'; its notes are kept"
    ]


def test_plain_and_broken_files_are_not_taken_for_ours(tmp_path: Path) -> None:
    plain = tmp_path / "plain.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["Task", "PM"])
    book.save(plain)
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"\x00garbage")
    assert not is_rolematrix_workbook(plain)
    assert not is_rolematrix_workbook(junk)
    assert not is_rolematrix_workbook(tmp_path / "missing.xlsx")
    with pytest.raises(UnreadableInputError, match=r"plain\.xlsx"):
        read_xlsx_layout(plain)
    with pytest.raises(UnreadableInputError, match=r"junk\.xlsx"):
        read_xlsx_layout(junk)


def test_damaged_model_sheet_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    write_xlsx(Document([tricky_matrix()]), path)
    book = openpyxl.load_workbook(path)
    book["_rolematrix"]["A2"].value = '{"matrices": [ broken'
    book.save(path)
    with pytest.raises(UnreadableInputError, match=r"plan\.xlsx.*damaged"):
        read_xlsx_layout(path)
