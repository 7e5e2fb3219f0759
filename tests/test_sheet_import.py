"""Plain sheets from other tools: the grid is found where it stands, codes are read the way
people type them, and whatever cannot be read is reported with its cell."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from rolematrix.core.model import Matrix
from rolematrix.io.report import ImportResult, UnreadableInputError
from rolematrix.io.sheet_import import read_sheet_csv, read_sheet_xlsx
from tests import xlsx_hostile as hostile

Rows = list[list[Any]]


def xlsx(path: Path, sheets: dict[str, Rows]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    sheet.cell(r, c, value)
    book.save(path)
    return path


def grid(matrix: Matrix) -> dict[str, dict[str, str]]:
    """task name -> {role name: codes} of the filled cells."""
    return {
        t.name: {matrix.role(r).name: c for r, c in sorted(matrix.row(t.id).items())}
        for t in matrix.tasks
    }


def messages(result: ImportResult) -> list[str]:
    return [str(p) for p in result.problems]


# A sheet as it is really kept: a cover sheet, a title and a status line above the table, an
# empty margin column A, a notes column beside the grid, phases, blank rows, every spelling.
COVER: Rows = [
    ["About this workbook"],
    ["It lists who does what in the relaunch; ask Sam before changing it."],
]
MESSY: Rows = [
    [None, "Website relaunch RACI"],
    [None, "Status: draft, 3 May"],
    [],
    [None, "Task", "PM", "Dev", "QA", "Sales", None, "Notes"],
    [None, "Planning"],
    [None, "Kick-off", "A/R", "C", "I", None, None, "first week"],
    [None, "Scope", "A,R", "maybe", "c", " i "],
    [],
    [None, "Build"],
    [None, "Code", "AR", "a r", "R/A", "—"],
    [None, "Test", "І", "С", "А/Р", "N"],  # Cyrillic I, C, A, P(=R)
    [None, "  Release   notes ", "A", "-", "R", "Ρ"],  # Greek Rho
    [None, "Code", "A", None, "D", None, None, "again?"],
    [],
    [None, "Legend: R = Responsible, A = Accountable"],
]


@pytest.fixture(scope="module")
def messy(tmp_path_factory: pytest.TempPathFactory) -> ImportResult:
    path = tmp_path_factory.mktemp("sheets") / "relaunch.xlsx"
    return read_sheet_xlsx(xlsx(path, {"Cover": COVER, "Sheet1": MESSY}))


def test_the_table_is_found_below_its_title_and_beside_its_notes(messy: ImportResult) -> None:
    (matrix,) = messy.document.matrices
    assert matrix.name == "Website relaunch RACI"
    assert matrix.scheme.id == "RACI"
    assert [r.name for r in matrix.roles] == ["PM", "Dev", "QA", "Sales"]
    assert [(p.name, [t.name for t in p.tasks]) for p in matrix.phases] == [
        ("Planning", ["Kick-off", "Scope"]),
        ("Build", ["Code", "Test", "Release notes", "Code (2)"]),
    ]
    assert matrix.tasks[0].notes == "first week"
    assert matrix.tasks[-1].notes == "again?"
    # text around the table is kept, as the description
    assert matrix.description == "Status: draft, 3 May\nLegend: R = Responsible, A = Accountable"


def test_codes_are_read_in_every_spelling(messy: ImportResult) -> None:
    matrix = messy.document.matrices[0]
    assert grid(matrix) == {
        "Kick-off": {"PM": "RA", "Dev": "C", "QA": "I"},
        "Scope": {"PM": "RA", "QA": "C", "Sales": "I"},
        "Code": {"PM": "RA", "Dev": "RA", "QA": "RA"},
        "Test": {"PM": "I", "Dev": "C", "QA": "RA"},
        "Release notes": {"PM": "A", "QA": "R", "Sales": "R"},
        "Code (2)": {"PM": "A", "QA": "D"},  # D is no RACI code: kept for the checker
    }


def test_what_cannot_be_taken_as_is_is_reported_with_its_cell(messy: ImportResult) -> None:
    assert messages(messy) == [
        "Cover: no table of roles and codes found; sheet skipped",
        "Sheet1!D7: 'maybe' is no code; kept in the cell as written",
        "Sheet1!B13: a second task named 'Code'; kept as 'Code (2)'",
        "Sheet1!E13: code D is not part of RACI; kept for the checker to flag",
    ]


def test_text_that_is_no_code_stays_in_its_cell(messy: ImportResult) -> None:
    from rolematrix.core.checker import check

    matrix = messy.document.matrices[0]
    scope, dev = matrix.find_task("Scope"), matrix.find_role("Dev")
    assert matrix.cell_text(scope.id, dev.id) == "maybe"  # the user's text, not gone
    unread = [f for f in check(matrix) if f.rule == "cell-unknown-code" and f.task == "Scope"]
    assert [(f.role, f.severity.value) for f in unread] == [("Dev", "error")]
    assert "maybe" in unread[0].message


def test_the_checker_flags_the_stray_letter(messy: ImportResult) -> None:
    from rolematrix.core.checker import check

    rules = {f.rule for f in check(messy.document.matrices[0])}
    assert "cell-unknown-code" in rules


def test_check_marks_make_a_check_matrix(tmp_path: Path) -> None:
    path = xlsx(
        tmp_path / "marks.xlsx",
        {
            "Who": [
                ["Task", "Alice", "Bob", "Carol"],
                ["Plan", "x", None, "✓"],
                ["Do", "X", "☺︎", "-"],
                ["Check", "✔", "N", "—"],
            ]
        },
    )
    matrix = read_sheet_xlsx(path).document.matrices[0]
    assert matrix.name == "Who"
    assert matrix.scheme.id == "CHECK"
    assert grid(matrix) == {
        "Plan": {"Alice": "✓", "Carol": "✓"},
        "Do": {"Alice": "✓", "Bob": "✓"},
        "Check": {"Alice": "✓"},
    }


@pytest.mark.parametrize(
    ("codes", "scheme"),
    [
        (["R", "A", "C/I"], "RACI"),
        (["R", "A", "S"], "RASCI"),
        (["R", "A/V", "S"], "RACI-VS"),
        (["R", "A", "O"], "CAIRO"),
        (["D", "A", "C"], "DACI"),
    ],
)
def test_the_scheme_follows_the_codes_used(tmp_path: Path, codes: list[str], scheme: str) -> None:
    path = tmp_path / "s.csv"
    path.write_text("Task,One,Two,Three\nFirst," + ",".join(codes) + "\n", encoding="utf-8")
    assert read_sheet_csv(path).document.matrices[0].scheme.id == scheme


def test_duplicate_role_names_are_kept_apart_and_reported(tmp_path: Path) -> None:
    path = xlsx(
        tmp_path / "dup.xlsx",
        {"Team": [["Task", "PM", "pm ", "QA"], ["Plan", "A", "R", "C"], ["Plan", "A", "", "R"]]},
    )
    result = read_sheet_xlsx(path)
    matrix = result.document.matrices[0]
    assert [r.name for r in matrix.roles] == ["PM", "pm (2)", "QA"]
    assert [t.name for t in matrix.tasks] == ["Plan", "Plan (2)"]
    assert messages(result) == [
        "Team!C1: a second role named 'pm'; kept as 'pm (2)'",
        "Team!A3: a second task named 'Plan'; kept as 'Plan (2)'",
    ]


def test_a_role_nobody_is_assigned_to_is_kept(tmp_path: Path) -> None:
    path = xlsx(
        tmp_path / "idle.xlsx",
        {
            "Sheet1": [
                ["Task", "Idle", "PM", "Dev", "Observer", "Comments"],
                ["Plan", None, "A", "R"],
            ]
        },
    )
    matrix = read_sheet_xlsx(path).document.matrices[0]
    assert [r.name for r in matrix.roles] == ["Idle", "PM", "Dev", "Observer"]


def test_names_are_kept_as_written(tmp_path: Path) -> None:
    """Only codes are cleaned; in a name the zero-width non-joiner is Persian spelling."""
    path = xlsx(
        tmp_path / "fa.xlsx",
        {
            "Sheet1": [
                ["فعالیت‌ها", "مدیر برنامه‌ریزی", "\ufeffﬁnance H₂O\u200b", "Step ①"],
                ["برنامه‌ریزی سالانه", "A", "R", "C"],
            ]
        },
    )
    result = read_sheet_xlsx(path)
    matrix = result.document.matrices[0]
    assert [r.name for r in matrix.roles] == ["مدیر برنامه‌ریزی", "ﬁnance H₂O", "Step ①"]
    assert [t.name for t in matrix.tasks] == ["برنامه‌ریزی سالانه"]
    assert messages(result) == []


def test_formulas_without_saved_results_are_reported(tmp_path: Path) -> None:
    path = xlsx(
        tmp_path / "script.xlsx",
        {
            "RACI Sheet": [
                ["Task", "PM", "Dev"],
                ["Plan", "A", '="R"'],
                ['=CONCAT("Bu","ild")', "A", "R"],
                ["Test", "=SUM(1,2)", "R"],
            ]
        },
    )
    result = read_sheet_xlsx(path)
    notes = messages(result)
    for cell in ("C2", "A3", "B4"):
        assert any(n.startswith(f"'RACI Sheet'!{cell}: the formula =") for n in notes), cell
    matrix = result.document.matrices[0]
    assert [t.name for t in matrix.tasks] == ["Plan", '=CONCAT("Bu","ild")', "Test"]
    assert "'RACI Sheet'!B4: '=SUM(1,2)' is no code; kept in the cell as written" in notes


def test_notes_far_from_the_table_are_no_part_of_it(tmp_path: Path) -> None:
    path = tmp_path / "far.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    for r, row in enumerate([["Task", "PM", "Dev"], ["Plan", "A", "R"], ["Build", "C", "A/R"]], 1):
        for c, value in enumerate(row, 1):
            sheet.cell(r, c, value)
    sheet["XFD1"] = "note at the far right"
    sheet["A20000"] = "note far below"
    book.save(path)
    matrix = read_sheet_xlsx(path).document.matrices[0]
    assert [r.name for r in matrix.roles] == ["PM", "Dev"]
    assert grid(matrix) == {"Plan": {"PM": "A", "Dev": "R"}, "Build": {"PM": "C", "Dev": "RA"}}


def test_numbers_in_the_grid_and_codes_without_a_task_are_reported(tmp_path: Path) -> None:
    path = xlsx(
        tmp_path / "odd.xlsx",
        {
            "Grid": [
                ["Task", "PM", "Dev"],
                ["Plan", "A", 3],
                [None, "R", "C"],
                ["Ship", "A/R (lead)", "I"],
            ]
        },
    )
    result = read_sheet_xlsx(path)
    matrix = result.document.matrices[0]
    assert grid(matrix) == {
        "Plan": {"PM": "A"},
        "Row 3": {"PM": "R", "Dev": "C"},
        "Ship": {"PM": "RA", "Dev": "I"},
    }
    assert messages(result) == [
        "Grid!C2: '3' is no code; kept in the cell as written",
        "Grid!A3: codes without a task name; kept as task 'Row 3'",
        "Grid!B4: 'A/R (lead)' is no code; kept in the cell as written",
    ]
    plan, ship = matrix.find_task("Plan"), matrix.find_task("Ship")
    pm, dev = matrix.find_role("PM"), matrix.find_role("Dev")
    assert matrix.cell_text(plan.id, dev.id) == "3"
    assert matrix.cell_text(ship.id, pm.id) == "A/R (lead)"  # beside its codes, A/R


def test_each_sheet_with_a_grid_becomes_a_matrix(tmp_path: Path) -> None:
    table = [["Task", "PM", "Dev"], ["Plan", "A", "R"]]
    path = xlsx(tmp_path / "two.xlsx", {"Team A": table, "Notes": COVER, "Team B": table})
    result = read_sheet_xlsx(path)
    assert [m.name for m in result.document.matrices] == ["Team A", "Team B"]
    assert messages(result) == ["Notes: no table of roles and codes found; sheet skipped"]


def test_a_legend_sheet_is_no_grid(tmp_path: Path) -> None:
    legend = [["R", "Responsible"], ["A", "Accountable"], ["C", "Consulted"]]
    path = xlsx(tmp_path / "legend.xlsx", {"Legend": legend})
    with pytest.raises(UnreadableInputError, match=r"legend\.xlsx: no table"):
        read_sheet_xlsx(path)


@pytest.mark.parametrize("content", [b"", b"not a zip at all", b"PK\x03\x04 broken zip"])
def test_damaged_workbooks_are_refused_naming_the_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "damaged.xlsx"
    path.write_bytes(content)
    with pytest.raises(UnreadableInputError, match=r"damaged\.xlsx: "):
        read_sheet_xlsx(path)


def test_an_empty_workbook_is_refused(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "empty.xlsx", {"Sheet1": []})
    with pytest.raises(UnreadableInputError, match=r"empty\.xlsx: no table"):
        read_sheet_xlsx(path)


# ------------------------------------------------------------------------------ csv
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_a_csv_sheet_is_read_with_any_usual_delimiter(tmp_path: Path, delimiter: str) -> None:
    def line(*cells: str) -> str:
        return delimiter.join(f'"{c}"' if delimiter in c else c for c in cells) + "\r\n"

    text = (
        line("Website relaunch RACI")
        + "\r\n"
        + line("", "Task", "PM", "Dev", "QA", "", "Notes")
        + line("", "Planning")
        + line("", "Kick-off", "A/R", "C", "I", "", "first, week")
        + line("", "Scope", "A,R", "maybe", "c")
        + "\r\n"
        + line("", "Test", "І", "a r", "R/A")
    )
    path = tmp_path / "relaunch.csv"
    path.write_bytes(text.encode("utf-8-sig"))
    result = read_sheet_csv(path)
    matrix = result.document.matrices[0]
    assert matrix.name == "Website relaunch RACI"
    assert [p.name for p in matrix.phases] == ["Planning"]
    assert grid(matrix) == {
        "Kick-off": {"PM": "RA", "Dev": "C", "QA": "I"},
        "Scope": {"PM": "RA", "QA": "C"},
        "Test": {"PM": "I", "Dev": "RA", "QA": "RA"},
    }
    assert matrix.tasks[0].notes == "first, week"
    assert messages(result) == ["relaunch.csv!D6: 'maybe' is no code; kept in the cell as written"]


def test_a_csv_without_title_is_named_after_the_file(tmp_path: Path) -> None:
    path = tmp_path / "team roles.csv"
    path.write_text("Task;PM\nPlan;A\n", encoding="utf-8")
    assert read_sheet_csv(path).document.matrices[0].name == "team roles"


def test_a_windows_1252_csv_is_read_and_the_guess_reported(tmp_path: Path) -> None:
    path = tmp_path / "ansi.csv"
    path.write_bytes("Task;Café owner\nPlan;A\n".encode("cp1252"))
    result = read_sheet_csv(path)
    assert [r.name for r in result.document.matrices[0].roles] == ["Café owner"]
    assert messages(result) == ["ansi.csv: not UTF-8 text; read as Windows-1252 (Western European)"]


def test_a_csv_without_codes_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "prose.csv"
    path.write_text("Dear team,\nplease fill in the sheet.\n", encoding="utf-8")
    with pytest.raises(UnreadableInputError, match=r"prose\.csv: no table"):
        read_sheet_csv(path)


def test_role_names_that_read_like_codes_still_head_the_table(tmp_path: Path) -> None:
    path = tmp_path / "codes.csv"
    path.write_text("Task,CIO,DA,CA\nPlan,A,R,C\nDo,I,A,R\n", encoding="utf-8")
    result = read_sheet_csv(path)
    matrix = result.document.matrices[0]
    assert [r.name for r in matrix.roles] == ["CIO", "DA", "CA"]
    assert grid(matrix) == {
        "Plan": {"CIO": "A", "DA": "R", "CA": "C"},
        "Do": {"CIO": "I", "DA": "A", "CA": "R"},
    }
    assert result.problems == []


def test_a_table_without_header_names_its_roles_by_column(tmp_path: Path) -> None:
    path = tmp_path / "bare.csv"
    path.write_text("Plan,A,R\nDo,I,A\n", encoding="utf-8")
    result = read_sheet_csv(path)
    assert [r.name for r in result.document.matrices[0].roles] == ["B", "C"]
    assert messages(result) == [
        "bare.csv!B1: a role column without a name; named 'B'",
        "bare.csv!C1: a role column without a name; named 'C'",
    ]


def test_a_workbook_with_a_broken_sheet_is_refused(tmp_path: Path) -> None:
    good = xlsx(tmp_path / "good.xlsx", {"Sheet1": [["Task", "PM"], ["Plan", "A"]]})
    bad = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bad, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = data[: len(data) // 2]  # cut off mid-XML
            target.writestr(item, data)
    with pytest.raises(UnreadableInputError, match=r"broken\.xlsx: the workbook is damaged"):
        read_sheet_xlsx(bad)


# ---------------------------------------------------------------- a typical Excel RACI
def countif(row: int, result: int | None) -> tuple[str, int | None]:
    return (f'COUNTIF(C{row}:F{row},"A")', result)


EXCEL_RACI: list[list[Any]] = [
    ["Project RACI"],
    [],
    ["ID", "Task", "Sponsor", "PM", "Dev", "QA", "Check"],
    [1, "Define scope", "A", "R", "C", "I", countif(4, 1)],
    [2, "Plan budget", "A", "R", None, "I", countif(5, 1)],
    ["2.1", "Book the venue", "I", "A", "R", None, countif(6, 1)],
    ["T-07", "Test product", None, "A", "C", "R", countif(7, 1)],
    [5, "Launch", "A", "R", "I", "I", countif(8, 1)],
    [
        None,
        "Total A",
        ('COUNTIF(C4:C8,"A")', 3),
        ('COUNTIF(D4:D8,"A")', 2),
        0,
        0,
        ("SUM(G4:G8)", 5),
    ],
]
EXCEL_NAMES = ["Define scope", "Plan budget", "Book the venue", "Test product", "Launch"]
EXCEL_REPORT = [
    "G3: column 'Check' holds only numbers or formulas (a total or check column); not imported",
    "B9: row 9 ('Total A') holds only numbers or formulas (a totals row); not imported",
]


def test_an_excel_raci_keeps_its_task_names_and_ids(tmp_path: Path) -> None:
    result = read_sheet_xlsx(hostile.sheet_workbook(tmp_path / "excel.xlsx", EXCEL_RACI))
    (matrix,) = result.document.matrices
    assert [t.name for t in matrix.tasks] == EXCEL_NAMES
    assert [t.reference for t in matrix.tasks] == ["1", "2", "2.1", "T-07", "5"]
    assert [t.notes for t in matrix.tasks] == [""] * 5
    assert [r.name for r in matrix.roles] == ["Sponsor", "PM", "Dev", "QA"]
    assert grid(matrix)["Test product"] == {"PM": "A", "Dev": "C", "QA": "R"}
    assert messages(result) == [f"Sheet1!{line}" for line in EXCEL_REPORT]


def test_an_excel_raci_saved_as_csv_keeps_its_task_names_and_ids(tmp_path: Path) -> None:
    def text(value: Any) -> str:
        value = value[1] if isinstance(value, tuple) else value
        return "" if value is None else str(value)

    path = tmp_path / "excel.csv"
    path.write_text("\n".join(",".join(map(text, row)) for row in EXCEL_RACI), encoding="utf-8")
    result = read_sheet_csv(path)
    (matrix,) = result.document.matrices
    assert [t.name for t in matrix.tasks] == EXCEL_NAMES
    assert [t.reference for t in matrix.tasks] == ["1", "2", "2.1", "T-07", "5"]
    assert messages(result) == [f"excel.csv!{line}" for line in EXCEL_REPORT]


def test_a_check_column_of_zeros_is_no_role(tmp_path: Path) -> None:
    path = tmp_path / "zeros.csv"
    path.write_text("Task,PM,Dev,Count A\nPlan,A,R,0\nBuild,C,A,0\n", encoding="utf-8")
    result = read_sheet_csv(path)
    assert [r.name for r in result.document.matrices[0].roles] == ["PM", "Dev"]
    assert any("column 'Count A'" in m and "not imported" in m for m in messages(result))


def test_a_numeric_column_under_another_header_stays_a_note(tmp_path: Path) -> None:
    path = tmp_path / "effort.csv"
    path.write_text("Task,PM,Dev,Effort\nPlan,A,R,3\nBuild,C,A,5\n", encoding="utf-8")
    matrix = read_sheet_csv(path).document.matrices[0]
    assert [t.notes for t in matrix.tasks] == ["Effort: 3", "Effort: 5"]


def test_numbered_task_names_are_names_not_ids(tmp_path: Path) -> None:
    path = tmp_path / "numbered.csv"
    path.write_text("No.,Task,PM,Dev\n1,Task 1,A,R\n2,Step 2,C,A\n3,Task 3,R,A\n", encoding="utf-8")
    matrix = read_sheet_csv(path).document.matrices[0]
    assert [(t.reference, t.name) for t in matrix.tasks] == [
        ("1", "Task 1"),
        ("2", "Step 2"),
        ("3", "Task 3"),
    ]


@pytest.mark.parametrize("epoch", ["1900", "1904"])
def test_dates_are_read_as_the_cell_shows_them(tmp_path: Path, epoch: str) -> None:
    import datetime as dt

    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    book = openpyxl.Workbook()
    if epoch == "1904":
        book.epoch = CALENDAR_MAC_1904
    sheet = book.active
    for row in (["Task", "PM", "Dev", "Due"], ["Plan", "A", "R", dt.date(2026, 5, 3)]):
        sheet.append(row)
    sheet.append(["Build", "C", "A", dt.datetime(2026, 5, 4, 9, 30)])
    sheet.append(["Ship", "R", "A", 45000])  # a number, not formatted as a date
    book.save(tmp_path / "dates.xlsx")
    matrix = read_sheet_xlsx(tmp_path / "dates.xlsx").document.matrices[0]
    assert [t.notes for t in matrix.tasks] == [
        "Due: 2026-05-03",
        "Due: 2026-05-04T09:30:00",
        "Due: 45000",
    ]


def test_tasks_named_like_ids_are_still_tasks(tmp_path: Path) -> None:
    path = tmp_path / "ids.csv"
    path.write_text("Task,PM,Dev\nT-01,A,R\nT-02,C,A\n", encoding="utf-8")
    matrix = read_sheet_csv(path).document.matrices[0]
    assert [t.name for t in matrix.tasks] == ["T-01", "T-02"]
