"""Failures the bounded fuzz test (tests/test_fuzz_hostile.py) found, each kept as an example.

All six ended in exit 70 (an internal error) before their fixes; each is bad input or a
name a user may really give, so each is now exit 0, or exit 2 with one line naming the file.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

import openpyxl
import pytest

from rolematrix import cli
from rolematrix.core.model import Document, Matrix
from rolematrix.core.templates import get_template
from rolematrix.io.dispatch import write_any
from rolematrix.store import DocumentStore


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = cli.main(args)
    return status, capsys.readouterr().err


@pytest.fixture
def document(tmp_path: Path) -> Path:
    path = tmp_path / "team.rolematrix"
    DocumentStore.create(path, Document([get_template("sales-pm-account").build()])).close()
    return path


def test_an_emoji_name_fits_the_sheet_name_excel_allows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Excel counts an emoji as two characters of the 31 a sheet name may have."""
    matrix = Matrix("🙂" * 16 + " plan")
    matrix.add_role("Lead")
    matrix.add_task("Kick-off")
    out = tmp_path / "plan.xlsx"
    write_any(Document([matrix]), out)
    title = openpyxl.load_workbook(out).worksheets[0].title
    assert len(title.encode("utf-16-le")) // 2 <= 31 and title == "🙂" * 15
    status, err = run(["import", str(out), str(tmp_path / "back.rolematrix")], capsys)
    assert status == 0, err


@pytest.mark.parametrize("moment", ["0001-01-01T00:00", "9999-12-31T23:59"])
def test_a_moment_at_the_ends_of_the_calendar_is_bad_usage(
    document: Path, moment: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, err = run(["diff", str(document), "--at", moment], capsys)
    assert status in (0, 2), err
    assert "Traceback" not in err and "internal error" not in err


def test_a_huge_history_limit_is_refused(
    document: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, err = run(["history", str(document), "--limit", "99999999999999999999999"], capsys)
    assert status == 2
    assert "--limit must be between 1 and" in err


def test_a_schema_text_that_is_no_utf8_is_damage(
    document: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = bytearray(document.read_bytes())
    at = data.find(b"tabletaskstasks")
    assert at > 0
    data[at + 6] ^= 0xBA  # a byte of the schema's text that makes it no UTF-8
    document.write_bytes(bytes(data))
    status, err = run(["check", str(document)], capsys)
    assert status == 2, err
    assert "team.rolematrix" in err and "internal error" not in err


def _rewrite_member(path: Path, member: str, change) -> None:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(path) as source:
        items = [(info, source.read(info)) for info in source.infolist()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in items:
            target.writestr(info, change(data) if info.filename == member else data)
    path.write_bytes(buffer.getvalue())


def test_a_damaged_compressed_part_is_refused_naming_it(
    document: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "team.xlsx"
    assert cli.main(["export", str(document), "--output", str(out)]) == 0
    data = bytearray(out.read_bytes())
    with zipfile.ZipFile(out) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    stream = bytes(data[start : start + info.compress_size])
    for offset in range(len(stream) // 2, len(stream)):  # a flip that breaks the stream itself
        broken = bytearray(stream)
        broken[offset] ^= 0x5A
        try:
            zlib.decompressobj(-15).decompress(bytes(broken))
        except zlib.error:
            break
    else:
        pytest.fail("no byte of the stream breaks it")
    data[start + offset] ^= 0x5A
    out.write_bytes(bytes(data))
    status, err = run(["import", str(out), str(tmp_path / "x.rolematrix")], capsys)
    assert status == 2, err
    assert "team.xlsx" in err and "internal error" not in err


def test_an_infinite_format_version_in_our_workbook_is_refused(
    document: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "team.xlsx"
    assert cli.main(["export", str(document), "--output", str(out)]) == 0
    index = openpyxl.load_workbook(out, read_only=True).sheetnames.index("_rolematrix")
    data_sheet = f"xl/worksheets/sheet{index + 1}.xml"  # XlsxWriter numbers sheets in order
    with zipfile.ZipFile(out) as archive:
        assert b"<v>1</v>" in archive.read(data_sheet)  # the format version
    _rewrite_member(out, data_sheet, lambda xml: xml.replace(b"<v>1</v>", b"<v>1e400</v>", 1))
    status, err = run(["import", str(out), str(tmp_path / "x.rolematrix")], capsys)
    assert status == 2, err
    assert "team.xlsx" in err and "internal error" not in err


@pytest.mark.timeout(20)
def test_a_huge_name_in_a_message_is_masked_in_linear_time(
    document: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every error line is scrubbed of passwords; on a 200,000-letter scheme name the address
    search took 42 s (it was tried from every letter of the word)."""
    import sqlite3

    with sqlite3.connect(document) as db:
        db.execute("UPDATE matrices SET scheme = ?", ("X" * 200_000,))
    db.close()
    status, err = run(["check", str(document)], capsys)
    assert status == 2, err
    assert "team.rolematrix" in err


@pytest.mark.parametrize("command", ["check", "export", "diff-at", "copy"])
def test_a_missing_matrix_is_refused_naming_the_document(
    document: Path, tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = {
        "check": ["check", str(document), "--matrix", "Nope"],
        "export": [
            "export",
            str(document),
            "--output",
            str(tmp_path / "x.json"),
            "--matrix",
            "Nope",
        ],
        "diff-at": ["diff", str(document), "--at", "2026-01-01T00:00", "--matrix", "Nope"],
        "copy": ["copy", str(document), str(tmp_path / "c.rolematrix"), "--matrix", "Nope"],
    }[command]
    status, err = run(args, capsys)
    assert status == 2
    assert "team.rolematrix" in err, err


def test_a_huge_damaged_key_is_quoted_short(
    document: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    with sqlite3.connect(document) as db:
        db.execute(
            "UPDATE cells SET task_id = ? WHERE rowid = (SELECT min(rowid) FROM cells)",
            ("x" * 200_000,),
        )
    db.close()
    status, err = run(["check", str(document)], capsys)
    assert status == 2 and "table cells" in err
    assert len(err) < 2_000  # one readable line, not the 200,000 characters
