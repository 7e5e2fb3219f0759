"""Hand-built xlsx files, hostile ones included, for the tests and bench/bench_hostile.py.

Each is a minimal workbook written with :mod:`zipfile` (no openpyxl), so that
a test can put into a part exactly the bytes an attacker would.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

_CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    b'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    b"</Types>"
)
_ROOT_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    b"</Relationships>"
)
_WORKBOOK = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    b'<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    b'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    b"</Relationships>"
)
SHEET_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
SHEET_TAIL = b"</sheetData></worksheet>"

#: A 3 x 3 table: two roles, two tasks.
TABLE = [["Task", "PM", "Dev"], ["Plan", "A", "R"], ["Build", "C", "A/R"]]


def column(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell(row: int, col: int, value: str | float) -> bytes:
    """One cell (0-based position) as an inline string or a number."""
    ref = f"{column(col)}{row + 1}"
    if isinstance(value, str):
        return f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'.encode()
    return f'<c r="{ref}"><v>{value}</v></c>'.encode()


def rows_xml(rows: list[list[str | float | None]], start: int = 0) -> bytes:
    out = []
    for r, values in enumerate(rows, start=start):
        cells = b"".join(cell(r, c, v) for c, v in enumerate(values) if v is not None)
        out.append(f'<row r="{r + 1}">'.encode() + cells + b"</row>")
    return b"".join(out)


def write_workbook(
    path: Path,
    sheet_data: bytes,
    shared: bytes | None = None,
    *,
    sheet_xml: bytes | None = None,
) -> Path:
    """A workbook of one sheet holding ``sheet_data`` (the XML inside ``<sheetData>``)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        write_workbook_parts(archive, shared)
        archive.writestr(
            "xl/worksheets/sheet1.xml",
            sheet_xml if sheet_xml is not None else SHEET_HEAD + sheet_data + SHEET_TAIL,
        )
    return path


def shared_strings(strings: list[str], head: bytes = b"") -> bytes:
    items = b"".join(f"<si><t>{escape(s)}</t></si>".encode() for s in strings)
    return (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        + head
        + b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + items
        + b"</sst>"
    )


# ----------------------------------------------------------------- hostile files
def far_cell(path: Path) -> Path:
    """The 3 x 3 table and one cell at the sheet's last row and column (XFD1048576)."""
    far = b'<row r="1048576">' + cell(1_048_575, 16_383, "far away") + b"</row>"
    return write_workbook(path, rows_xml(TABLE) + far)


def huge_row_number(path: Path, row: int = 3_000_000_000) -> Path:
    """The table and a row numbered in the billions."""
    far = f'<row r="{row}"><c r="A{row}"><v>1</v></c></row>'.encode()
    return write_workbook(path, rows_xml(TABLE) + far)


def zip_bomb(path: Path, inflated: int) -> Path:
    """The table followed by ``inflated`` bytes of whitespace (compresses about 1000:1)."""
    head = SHEET_HEAD + rows_xml(TABLE)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        write_workbook_parts(archive)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            part.write(head)
            block = b" " * (1 << 20)
            left = inflated
            while left > 0:
                part.write(block[: min(left, len(block))])
                left -= len(block)
            part.write(SHEET_TAIL)
    return path


def write_workbook_parts(archive: zipfile.ZipFile, shared: bytes | None = None) -> None:
    archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
    archive.writestr("_rels/.rels", _ROOT_RELS)
    archive.writestr("xl/workbook.xml", _WORKBOOK)
    archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
    archive.writestr("xl/sharedStrings.xml", shared or shared_strings([]))


def many_shared_strings(path: Path, count: int) -> Path:
    """The table, then ``count`` shared strings."""
    strings = [f"s{i}" for i in range(count)]
    refs = b'<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
    return write_workbook(path, refs + rows_xml(TABLE, start=1), shared_strings(strings))


def long_string(path: Path, length: int) -> Path:
    """The table with one task name of ``length`` characters, as a shared string."""
    refs = b'<row r="5"><c r="A5" t="s"><v>0</v></c><c r="B5" t="s"><v>1</v></c></row>'
    return write_workbook(path, rows_xml(TABLE) + refs, shared_strings(["x" * length, "R"]))


def deep_xml(path: Path, depth: int) -> Path:
    """The table inside a cell nested ``depth`` elements deep."""
    nest = b"<x>" * depth + b"</x>" * depth
    return write_workbook(path, rows_xml(TABLE) + b'<row r="9"><c r="A9">' + nest + b"</c></row>")


def huge_xml(path: Path, cells: int) -> Path:
    """The table and ``cells`` empty cells (``<c/>`` written in the thousands)."""
    filler = b'<row r="5">' + b"<c/>" * cells + b"</row>"
    return write_workbook(path, rows_xml(TABLE) + filler)


def billion_laughs(path: Path, levels: int = 10) -> Path:
    """Shared strings whose DOCTYPE declares entities that expand 10**levels times."""
    decls = ['<!ENTITY lol0 "lol">']
    decls += [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels)]
    head = f"<!DOCTYPE sst [{''.join(decls)}]>".encode()
    shared = shared_strings([], head).replace(
        b"</sst>", f"<si><t>&lol{levels - 1};</t></si></sst>".encode()
    )
    refs = b'<row r="5"><c r="A5" t="s"><v>0</v></c></row>'
    return write_workbook(path, rows_xml(TABLE) + refs, shared)


def sheet_workbook(path: Path, rows: list[list[object]]) -> Path:
    """A workbook of ``rows``: strings, numbers, and (formula, saved result) pairs, the way
    Excel saves a COUNTIF beside its last result (a result of None: saved without one)."""

    def one(r: int, c: int, value: object) -> bytes:
        if isinstance(value, tuple):
            formula, result = value
            saved = b"" if result is None else f"<v>{result}</v>".encode()
            return f'<c r="{column(c)}{r + 1}"><f>{escape(formula)}</f>'.encode() + saved + b"</c>"
        assert isinstance(value, (str, int, float))
        return cell(r, c, value)

    data = b"".join(
        f'<row r="{r + 1}">'.encode()
        + b"".join(one(r, c, v) for c, v in enumerate(row) if v is not None)
        + b"</row>"
        for r, row in enumerate(rows)
    )
    return write_workbook(path, data)
