"""Workbooks built to exhaust the machine are read or refused quickly, naming the file and
the limit they hit; the import never materialises a sheet's used range."""

from __future__ import annotations

import os
import threading
import time
import zipfile
from pathlib import Path

import pytest

from rolematrix.cli import load_document, main
from rolematrix.core.model import Document
from rolematrix.io import limits
from rolematrix.io.xlsx_workbook import write_xlsx
from tests import xlsx_hostile as hostile
from tests.matrices import raci


def run_import(
    capsys: pytest.CaptureFixture[str], path: Path, seconds: float = 10.0
) -> tuple[int, str, float]:
    """(exit code, stderr, seconds taken) of ``rolematrix import path``."""
    capsys.readouterr()
    start = time.perf_counter()
    code = main(["import", str(path), str(path.with_suffix(".rolematrix"))])
    took = time.perf_counter() - start
    assert took < seconds, f"{path.name} took {took:.1f} s"
    return code, capsys.readouterr().err, took


def refused(capsys: pytest.CaptureFixture[str], path: Path, *needles: str) -> str:
    code, err, _ = run_import(capsys, path)
    assert code == 2, err
    assert "Traceback" not in err
    assert path.name in err
    for needle in needles:
        assert needle in err, err
    return err


def test_a_cell_at_the_last_row_and_column_does_not_widen_the_scan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err, _ = run_import(capsys, hostile.far_cell(tmp_path / "far.xlsx"), seconds=5)
    assert code == 0, err
    assert "Sheet1!XFD1048576: 'far away' stands far from the table (A1:C3); not imported" in err


def test_a_row_number_in_the_billions_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    refused(capsys, hostile.huge_row_number(tmp_path / "rows.xlsx"), "MAX_ROWS", "3,000,000,000")


def test_a_zip_bomb_is_refused_before_it_is_inflated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = hostile.zip_bomb(tmp_path / "bomb.xlsx", 16 << 20)
    assert path.stat().st_size < 100_000
    refused(capsys, path, "MAX_COMPRESSION_RATIO", "xl/worksheets/sheet1.xml")


def patch_headers(path: Path, name: bytes, local_at: int, central_at: int, value: bytes) -> None:
    """Overwrite a field of ``name``'s local and central zip headers (offsets in each)."""
    data = bytearray(path.read_bytes())
    for signature, field_at, name_at in (
        (b"PK\x03\x04", local_at, 30),
        (b"PK\x01\x02", central_at, 46),
    ):
        at = data.index(signature)
        while data[at + name_at : at + name_at + len(name)] != name:
            at = data.index(signature, at + 4)
        data[at + field_at : at + field_at + len(value)] = value
    path.write_bytes(bytes(data))


def test_a_part_larger_than_its_declared_size_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = hostile.write_workbook(tmp_path / "lying.xlsx", hostile.rows_xml(hostile.TABLE))
    patch_headers(path, b"xl/worksheets/sheet1.xml", 22, 24, (40).to_bytes(4, "little"))
    refused(capsys, path, "xl/worksheets/sheet1.xml")


def test_a_part_in_an_unknown_compression_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = hostile.write_workbook(tmp_path / "method.xlsx", hostile.rows_xml(hostile.TABLE))
    patch_headers(path, b"xl/worksheets/sheet1.xml", 8, 10, (99).to_bytes(2, "little"))
    refused(capsys, path, "xl/worksheets/sheet1.xml", "damaged")


def test_a_huge_part_is_refused_by_its_declared_size(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_PART_BYTES", 50_000)
    path = hostile.huge_xml(tmp_path / "part.xlsx", 20_000)
    refused(capsys, path, "MAX_PART_BYTES", "xl/worksheets/sheet1.xml")


def test_too_many_cells_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_CELLS", 1_000)
    refused(capsys, hostile.huge_xml(tmp_path / "cells.xlsx", 2_000), "MAX_CELLS")


def test_too_many_shared_strings_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_SHARED_STRINGS", 1_000)
    path = hostile.many_shared_strings(tmp_path / "strings.xlsx", 1_001)
    refused(capsys, path, "MAX_SHARED_STRINGS", "xl/sharedStrings.xml")


def test_a_string_longer_than_the_limit_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = hostile.long_string(tmp_path / "long.xlsx", limits.MAX_STRING_CHARS + 1)
    refused(capsys, path, "MAX_STRING_CHARS")


def test_a_string_within_the_limit_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err, _ = run_import(capsys, hostile.long_string(tmp_path / "ok.xlsx", 30_000))
    assert code == 0, err


def test_deeply_nested_xml_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    refused(capsys, hostile.deep_xml(tmp_path / "deep.xlsx", 10_000), "MAX_XML_DEPTH")


def test_entity_declarations_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    refused(capsys, hostile.billion_laughs(tmp_path / "laughs.xlsx"), "DOCTYPE")


def test_a_table_region_past_the_limit_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_TABLE_CELLS", 6)
    refused(capsys, hostile.write_workbook(tmp_path / "wide.xlsx", hostile.rows_xml(hostile.TABLE)),
            "MAX_TABLE_CELLS")  # fmt: skip


def test_a_negative_shared_string_index_is_refused_naming_the_cell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    refs = b'<row r="5"><c r="A5" t="s"><v>0</v></c><c r="B5" t="s"><v>-1</v></c></row>'
    path = hostile.write_workbook(
        tmp_path / "negative.xlsx",
        hostile.rows_xml(hostile.TABLE) + refs,
        hostile.shared_strings(["Ship", "R"]),
    )
    refused(capsys, path, "Sheet1!B5", "shared string '-1'")


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".json"])
def test_a_named_pipe_is_refused_without_blocking(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    fifo = tmp_path / f"x{suffix}"
    os.mkfifo(fifo)
    link = tmp_path / f"link{suffix}"
    link.symlink_to(fifo)
    for path in (fifo, link):
        outcome: list[int] = []
        args = ["import", str(path), str(tmp_path / "o.rolematrix")]
        worker = threading.Thread(target=lambda a=args, o=outcome: o.append(main(a)), daemon=True)
        worker.start()
        worker.join(10)
        if worker.is_alive():  # unblock the reader so that the test run can end
            with fifo.open("wb"):
                pass
            pytest.fail(f"import of the pipe {path.name} blocked")
        assert outcome == [2]
        err = capsys.readouterr().err
        assert f"{path.name}: not a regular file" in err


def test_a_damaged_sheet_in_a_rolematrix_workbook_names_the_part(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:

    good = tmp_path / "ours.xlsx"
    write_xlsx(Document([raci({"Plan": {"PM": "A", "Dev": "R"}})]), good)
    bad = tmp_path / "ours-damaged.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bad, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            target.writestr(item, data)
    refused(capsys, bad, "xl/worksheets/sheet1.xml", "damaged")


def test_a_rolematrix_workbook_is_held_to_the_same_limits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:

    good = tmp_path / "ours.xlsx"
    write_xlsx(Document([raci({"Plan": {"PM": "A", "Dev": "R"}})]), good)
    bad = tmp_path / "ours-bomb.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</worksheet>", b" " * (16 << 20) + b"</worksheet>")
            target.writestr(item.filename, data)
    refused(capsys, bad, "MAX_COMPRESSION_RATIO")


def test_nested_cells_are_held_to_the_depth_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    nest = b'<c r="A9"><v>1</v>' * 5_000 + b"</c>" * 5_000
    path = hostile.write_workbook(
        tmp_path / "cells.xlsx", hostile.rows_xml(hostile.TABLE) + b'<row r="9">' + nest + b"</row>"
    )
    refused(capsys, path, "MAX_XML_DEPTH")


def test_elements_past_the_limit_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_XML_ELEMENTS", 5_000)
    rows = b"".join(f'<row r="{r}"/>'.encode() for r in range(10, 6_000))
    path = hostile.write_workbook(tmp_path / "rows.xlsx", hostile.rows_xml(hostile.TABLE) + rows)
    refused(capsys, path, "MAX_XML_ELEMENTS")


def test_every_limit_is_documented() -> None:
    documented = (Path(__file__).parent.parent / "docs" / "formats.md").read_text("utf-8")
    names = [name for name in vars(limits) if name.startswith("MAX_")]
    assert names
    assert [name for name in names if f"`{name}`" not in documented] == []


def test_a_far_note_typed_into_a_rolematrix_workbook_is_reported_quickly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import openpyxl

    path = tmp_path / "ours-edited.xlsx"
    write_xlsx(Document([raci({"Plan": {"PM": "A", "Dev": "R"}}, name="Team")]), path)
    book = openpyxl.load_workbook(path)
    book["Team"]["XFD1048576"] = "far note"
    book.save(path)
    code, err, _ = run_import(capsys, path, seconds=5)
    assert code == 0, err
    assert "Team!XFD1048576: 'far note' stands far from the matrix; not imported" in err
    imported = load_document(str(path.with_suffix(".rolematrix"))).matrices[0]
    assert {t.name: dict(imported.row(t.id)) for t in imported.tasks} == {
        "Plan": {r.id: c for r, c in zip(imported.roles, ["A", "R"], strict=True)}
    }


def test_too_many_different_texts_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_DISTINCT_TEXTS", 50)
    rows: list[list[str | float | None]] = [["Task", "PM", "Dev"]]
    rows += [[f"Task {i}", "A", f"n{i}"] for i in range(60)]
    path = hostile.write_workbook(tmp_path / "texts.xlsx", hostile.rows_xml(rows))
    refused(capsys, path, "MAX_DISTINCT_TEXTS")


def test_rich_inline_text_is_read_without_its_reading_aid(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rich = (
        b'<row r="4"><c r="A4" t="inlineStr"><is><r><t>Lau</t></r><r><t>nch</t></r>'
        b'<rPh sb="0" eb="1"><t>ruby</t></rPh></is></c><c r="B4" t="inlineStr"><is><t>R</t></is></c></row>'
    )
    path = hostile.write_workbook(tmp_path / "rich.xlsx", hostile.rows_xml(hostile.TABLE) + rich)
    code, err, _ = run_import(capsys, path)
    assert code == 0, err
    tasks = load_document(str(path.with_suffix(".rolematrix"))).matrices[0].tasks
    assert [t.name for t in tasks] == ["Plan", "Build", "Launch"]
