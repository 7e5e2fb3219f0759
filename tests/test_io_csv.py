"""Long-form csv: one row per filled cell, safe in spreadsheets, and the same bytes after a
round trip through RoleMatrix."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from rolematrix.cli import load_document, main
from rolematrix.core.model import Document, Matrix
from rolematrix.core.templates import builtin_templates
from rolematrix.io import limits
from rolematrix.io.csv_format import HEADER, dumps_csv, loads_csv, read_csv, write_csv
from rolematrix.io.report import ExportError, UnreadableInputError

BOM = "\ufeff"


def rows_of(text: str) -> list[list[str]]:
    assert text.startswith(BOM)
    return list(csv.reader(io.StringIO(text[1:], newline="")))


def tricky_matrix() -> Matrix:
    matrix = Matrix("=cmd|' /C calc'!A0", "RACI-VS")
    plan = matrix.add_phase('@Plan, "quoted"')
    matrix.add_phase("Empty phase")
    later = matrix.add_phase("")
    roles = [
        matrix.add_role(name)
        for name in ("+Sales", "-Ops", "'x", "''y", "مدیر پروژه", "Nobody", "Plain")
    ]
    t1 = matrix.add_task("=1+1", plan.id, description='line one\r\nline two, "quoted"')
    t2 = matrix.add_task("'x", plan.id, description="\ttab first")
    t3 = matrix.add_task("@SUM(A1)", plan.id, description="\rcarriage")
    t4 = matrix.add_task("بررسی <b>نیازها</b> & co", later.id, description="-5")
    matrix.add_task("no cells at all", later.id, description="'=quoted formula")
    matrix.set_cells(
        [
            (t1.id, roles[0].id, "RA"),
            (t1.id, roles[4].id, "VS"),
            (t2.id, roles[2].id, "C"),
            (t2.id, roles[3].id, "CS"),  # C before S in RACI-VS (S before C in RASCI)
            (t3.id, roles[1].id, "I"),
            (t4.id, roles[6].id, "A"),
            (t4.id, roles[4].id, "RQ"),  # Q is no code of any scheme: kept
        ]
    )
    matrix.journal.clear()
    return matrix


def assert_round_trip(document: Document) -> Document:
    text = dumps_csv(document)
    result = loads_csv(text, "grid.csv")
    assert result.problems == []
    assert dumps_csv(result.document) == text
    return result.document


@pytest.mark.parametrize("template_id", list(builtin_templates()))
def test_every_template_reexports_byte_for_byte(template_id: str) -> None:
    original = builtin_templates()[template_id].build()
    back = assert_round_trip(Document([original])).matrices[0]
    assert back.scheme.id == original.scheme.id
    # the column order comes back as far as the rows tell it: every task lists its roles in
    # column order, so each task's roles stand in the same order as before
    assert sorted(r.name for r in back.roles) == sorted(r.name for r in original.roles)
    for before, after in zip(original.tasks, back.tasks, strict=True):
        assert [
            original.role(r).name for r in sorted(original.row(before.id), key=original.role_column)
        ] == [back.role(r).name for r in sorted(back.row(after.id), key=back.role_column)]
    assert [(p.name, [t.name for t in p.tasks]) for p in back.phases] == [
        (p.name, [t.name for t in p.tasks]) for p in original.phases
    ]


def test_tricky_text_reexports_byte_for_byte_through_a_file(tmp_path: Path) -> None:
    document = Document([tricky_matrix(), Matrix("Second")])
    path = tmp_path / "grid.csv"
    write_csv(document, path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, for Excel
    assert b"\r\n" in data
    back = read_csv(path)
    assert back.problems == []
    again = tmp_path / "again.csv"
    write_csv(back.document, again)
    assert again.read_bytes() == data
    matrix = back.document.matrices[0]
    assert matrix.scheme.id == "RACI-VS"
    assert [t.name for t in matrix.tasks] == [t.name for t in tricky_matrix().tasks]
    assert [t.description for t in matrix.tasks] == [t.description for t in tricky_matrix().tasks]
    assert [m.name for m in back.document.matrices] == ["=cmd|' /C calc'!A0", "Second"]


def test_rows_are_long_form_with_codes_as_people_read_them() -> None:
    rows = rows_of(dumps_csv(Document([tricky_matrix()])))
    assert tuple(rows[0]) == HEADER
    body = [row[1:6] for row in rows[1:]]
    assert body == [
        ['\'@Plan, "quoted"', "'=1+1", 'line one\r\nline two, "quoted"', "'+Sales", "A/R"],
        ['\'@Plan, "quoted"', "'=1+1", 'line one\r\nline two, "quoted"', "مدیر پروژه", "V/S"],
        ['\'@Plan, "quoted"', "''x", "'\ttab first", "''x", "C"],
        ['\'@Plan, "quoted"', "''x", "'\ttab first", "'''y", "C/S"],
        ['\'@Plan, "quoted"', "'@SUM(A1)", "'\rcarriage", "'-Ops", "I"],
        ["Empty phase", "", "", "", ""],  # a phase without tasks
        ["", "بررسی <b>نیازها</b> & co", "'-5", "مدیر پروژه", "R/Q"],
        ["", "بررسی <b>نیازها</b> & co", "'-5", "Plain", "A"],
        ["", "no cells at all", "''=quoted formula", "", ""],  # a task without cells
        ["", "", "", "Nobody", ""],  # a role without cells
    ]
    assert {row[6] for row in rows[1:]} == {"RACI-VS"}


def test_formula_prefixes_are_neutralised_and_removed_again() -> None:
    rows = rows_of(dumps_csv(Document([tricky_matrix()])))
    for row in rows[1:]:
        for value in row:
            # nothing a spreadsheet runs as a formula: the apostrophe comes first
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    back = loads_csv(dumps_csv(Document([tricky_matrix()])), "x.csv").document.matrices[0]
    assert back.name == "=cmd|' /C calc'!A0"
    assert {r.name for r in back.roles} == {
        "+Sales",
        "-Ops",
        "'x",
        "''y",
        "مدیر پروژه",
        "Plain",
        "Nobody",
    }


def test_column_order_comes_back_from_the_order_within_tasks() -> None:
    matrix = Matrix("Order")
    a, b, c = (matrix.add_role(name) for name in "ABC")
    matrix.set_cells(
        [
            (matrix.add_task("only C").id, c.id, "R"),
            (matrix.add_task("B then C").id, b.id, "A"),
            (matrix.tasks[-1].id, c.id, "R"),
            (matrix.add_task("only A").id, a.id, "A"),
        ]
    )
    back = assert_round_trip(Document([matrix])).matrices[0]
    names = [r.name for r in back.roles]
    assert names.index("B") < names.index("C")


def test_a_hand_made_long_form_without_scheme_column_is_read() -> None:
    text = (
        "Matrix;Phase;Task;Task description;Role;Codes\n"
        "Launch;Plan;Budget;;Sales;A/R\n"
        "Launch;Plan;Budget;;Ops;O\n"
        "Launch;Plan;Review;money, time;Ops;maybe\n"
    )
    result = loads_csv(text, "hand.csv")
    matrix = result.document.matrices[0]
    assert matrix.scheme.id == "CAIRO"  # O only exists in CAIRO
    assert [r.name for r in matrix.roles] == ["Sales", "Ops"]
    budget, review = matrix.tasks
    assert dict(matrix.row(budget.id)) == {matrix.roles[0].id: "RA", matrix.roles[1].id: "O"}
    assert review.description == "money, time"
    assert [str(p) for p in result.problems] == [
        "hand.csv!F4: 'maybe' is no code; kept in the cell as written"
    ]
    assert matrix.cell_text(review.id, matrix.roles[1].id) == "maybe"  # not dropped


def test_unread_cell_text_goes_out_and_comes_back() -> None:
    matrix = Matrix("Launch")
    sales, ops, idle = matrix.add_role("Sales"), matrix.add_role("Ops"), matrix.add_role("Idle")
    budget, review = matrix.add_task("Budget"), matrix.add_task("Review")
    matrix.set_cells([(budget.id, sales.id, "A"), (review.id, ops.id, "RA")])
    matrix.set_cell_texts(
        [(budget.id, ops.id, "maybe"), (review.id, ops.id, "or C?"), (review.id, idle.id, "=1+1")]
    )
    text = dumps_csv(Document([matrix]))
    assert "Launch,,Review,,Ops,A/R or C?,RACI" in text.splitlines()
    result = loads_csv(text, "grid.csv")
    back = result.document.matrices[0]
    b_ops, b_idle = back.find_role("Ops"), back.find_role("Idle")
    b_budget, b_review = back.find_task("Budget"), back.find_task("Review")
    assert back.cell_text(b_budget.id, b_ops.id) == "maybe"
    assert back.cell_text(b_review.id, b_idle.id) == "=1+1"
    assert back.get(b_review.id, b_ops.id) == "RA"
    assert len(result.problems) == 3  # each is reported as kept, by cell
    assert dumps_csv(result.document) == text


def test_repeated_task_names_are_kept_apart_and_reported() -> None:
    text = (
        f"{','.join(HEADER)}\r\n"
        "M,,Review,,PM,R,RACI\r\n"
        "M,,Other,,PM,A,RACI\r\n"
        "M,,Review,,PM,I,RACI\r\n"
    )
    result = loads_csv(text, "dup.csv")
    assert [t.name for t in result.document.matrices[0].tasks] == ["Review", "Other", "Review (2)"]
    assert [str(p) for p in result.problems] == [
        "dup.csv!C4: a second task named 'Review'; kept as 'Review (2)'"
    ]


def test_a_row_with_another_scheme_is_reported() -> None:
    text = f"{','.join(HEADER)}\r\nM,,Plan,,PM,A,RACI\r\nM,,Build,,PM,R,NOPE\r\n"
    result = loads_csv(text, "mixed.csv")
    assert result.document.matrices[0].scheme.id == "RACI"
    assert [str(p) for p in result.problems] == [
        "mixed.csv!G3: scheme 'NOPE' differs from 'RACI' given before for matrix 'M'; "
        "the first is used"
    ]


def test_a_plain_sheet_csv_goes_to_the_sheet_reader(tmp_path: Path) -> None:
    path = tmp_path / "plain.csv"
    path.write_text("Task;PM;Dev\nDesign;A,R;C\nBuild;I;R\n", encoding="utf-8")
    matrix = read_csv(path).document.matrices[0]
    assert matrix.name == "plain"
    assert [r.name for r in matrix.roles] == ["PM", "Dev"]
    assert matrix.get(matrix.tasks[0].id, matrix.roles[0].id) == "RA"


def test_one_matrix_can_be_written_alone(tmp_path: Path) -> None:
    document = Document([tricky_matrix(), Matrix("Other")])
    path = tmp_path / "one.csv"
    write_csv(document, path, matrix_name="Other")
    assert [m.name for m in read_csv(path).document.matrices] == ["Other"]
    with pytest.raises(ExportError, match=r"no matrix named"):
        write_csv(document, path, matrix_name="missing")


@pytest.mark.parametrize(("content", "expected"), [(b"", "empty"), (b"  \r\n", "empty")])
def test_empty_files_are_refused(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "e.csv"
    path.write_bytes(content)
    with pytest.raises(UnreadableInputError, match=rf"e\.csv: .*{expected}"):
        read_csv(path)


def test_a_header_with_no_rows_is_refused() -> None:
    with pytest.raises(UnreadableInputError, match=r"h\.csv: .*no row"):
        loads_csv(",".join(HEADER) + "\r\n", "h.csv")


@pytest.mark.parametrize("long_form", [False, True], ids=["plain sheet", "long form"])
def test_a_field_longer_than_the_csv_module_default_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], long_form: bool
) -> None:
    description = "x" * 200_000  # the csv module's own limit is 131,072
    if long_form:
        text = ",".join(HEADER) + f"\r\nM,P,Plan,{description},PM,A,RACI\r\n"
    else:
        text = f"Task,PM,Notes\r\nPlan,A,{description}\r\n"
    path = tmp_path / "long.csv"
    path.write_text(text, encoding="utf-8")
    assert main(["import", str(path), str(tmp_path / "out.rolematrix")]) == 0
    task = load_document(str(tmp_path / "out.rolematrix")).matrices[0].tasks[0]
    assert description in (task.description + task.notes)
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize("long_form", [False, True], ids=["plain sheet", "long form"])
def test_a_field_past_the_limit_is_refused_naming_it(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    long_form: bool,
) -> None:
    monkeypatch.setattr(limits, "MAX_CSV_FIELD_CHARS", 1_000)
    field = "x" * 1_001
    head = ",".join(HEADER) + "\r\n" if long_form else "Task,PM\r\n"
    path = tmp_path / "huge.csv"
    path.write_text(head + f'M,P,"{field}",,PM,A,RACI\r\n', encoding="utf-8")
    assert main(["import", str(path), str(tmp_path / "out.rolematrix")]) == 2
    err = capsys.readouterr().err
    assert "huge.csv: " in err and "MAX_CSV_FIELD_CHARS = 1,000" in err
    assert "Traceback" not in err


def test_read_input_refuses_a_named_pipe_before_opening_it(tmp_path: Path) -> None:
    import os
    import threading

    from rolematrix.io.files import read_input

    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    raised: list[str] = []

    def attempt() -> None:
        try:
            read_input(fifo)
        except UnreadableInputError as exc:
            raised.append(str(exc))

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(10)
    if worker.is_alive():
        with fifo.open("wb"):
            pass
        pytest.fail("read_input blocked on a named pipe")
    assert raised == [f"{fifo}: not a regular file (a pipe, device or socket); nothing was read"]
