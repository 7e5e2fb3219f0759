"""A small streaming xlsx reader that yields only the cells that hold something.

openpyxl's read-only mode hands back dense rows: one cell at XFD1048576 makes
it walk a million rows of 16,384 columns, and a row number in the billions
exhausts memory. Here the zip is checked before anything is inflated
(declared sizes, compression ratio, member count), every part is inflated in
chunks that stop at the declared size, and parsed by expat (C) with DOCTYPE
and entity declarations refused outright -- no XML part of a workbook needs
them, and they are how "billion laughs" works. What comes out per sheet is
the sparse set of filled cells; finding the table in them is the caller's
business (:mod:`rolematrix.io.sheet_import`), so another reader can take this
one's place.

Every limit is one of :mod:`rolematrix.io.limits`; a damaged part is refused
naming the file and the part.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.parsers import expat

from rolematrix.io import limits
from rolematrix.io.limits import exceeded
from rolematrix.io.report import UnreadableInputError, column_letter, sheet_reference

__all__ = ["SheetCells", "Workbook", "check_zip", "read_workbook"]

_CHUNK = 1 << 20
_CELL_REF = re.compile(r"([A-Za-z]{1,7})([0-9]{1,12})$")
# number formats Excel shows as dates without saying so in styles.xml
_BUILTIN_DATES = frozenset({*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59)})
_BUILTIN_TIMES = frozenset({18, 19, 20, 21, 45, 46, 47})
_QUOTED = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.')
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")
_EPOCH_1900 = dt.datetime(1899, 12, 30)
_EPOCH_1904 = dt.datetime(1904, 1, 1)


@dataclass(slots=True)
class SheetCells:
    """The filled cells of one sheet, 0-based: row -> [(column, value)] in column order.

    ``formulas`` lists the cells whose formula has no saved result; their
    value is the formula text (``=SUM(B2:B9)``).
    """

    title: str
    rows: dict[int, list[tuple[int, Any]]] = field(default_factory=dict)
    formulas: list[tuple[int, int, str]] = field(default_factory=list)


@dataclass(slots=True)
class Workbook:
    sheets: list[SheetCells]
    date1904: bool = False

    @property
    def sheetnames(self) -> list[str]:
        return [s.title for s in self.sheets]

    def sheet(self, title: str) -> SheetCells | None:
        return next((s for s in self.sheets if s.title == title), None)


class _Refused(Exception):
    """Raised inside expat handlers; turned into an error naming the file and the part."""


# --------------------------------------------------------------------------- zip
def check_zip(archive: zipfile.ZipFile, source: str) -> None:
    """Refuse a zip whose members are too many, too big, or inflate suspiciously far,
    from the sizes its directory declares (nothing is inflated yet)."""
    members = archive.infolist()
    if len(members) > limits.MAX_ZIP_MEMBERS:
        raise exceeded(
            source,
            f"the zip holds {len(members):,} members",
            limits.MAX_ZIP_MEMBERS,
            "MAX_ZIP_MEMBERS",
        )
    total = 0
    for member in members:
        size = member.file_size
        if size > limits.MAX_PART_BYTES:
            raise exceeded(
                source,
                f"the part {member.filename} inflates to {size:,} bytes",
                limits.MAX_PART_BYTES,
                "MAX_PART_BYTES",
            )
        ratio = size / max(member.compress_size, 1)
        if size > limits.RATIO_FLOOR_BYTES and ratio > limits.MAX_COMPRESSION_RATIO:
            raise exceeded(
                source,
                f"the part {member.filename} inflates {ratio:,.0f} times "
                f"({member.compress_size:,} to {size:,} bytes)",
                f"{limits.MAX_COMPRESSION_RATIO}:1",
                "MAX_COMPRESSION_RATIO",
            )
        total += size
    if total > limits.MAX_TOTAL_BYTES:
        raise exceeded(
            source,
            f"the parts inflate to {total:,} bytes together",
            limits.MAX_TOTAL_BYTES,
            "MAX_TOTAL_BYTES",
        )


def open_zip(path: Path) -> zipfile.ZipFile:
    """The checked zip of a workbook, or an error naming the file."""
    source = path.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UnreadableInputError(f"{path}: cannot read the file ({exc.strerror or exc})") from exc
    if size > limits.MAX_FILE_BYTES:
        raise exceeded(
            source, f"the file is {size:,} bytes", limits.MAX_FILE_BYTES, "MAX_FILE_BYTES"
        )
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise UnreadableInputError(
            f"{source}: not an Excel workbook (.xlsx) or damaged ({exc})"
        ) from exc
    except OSError as exc:
        raise UnreadableInputError(f"{source}: cannot read the file ({exc})") from exc
    try:
        check_zip(archive, source)
    except BaseException:
        archive.close()
        raise
    return archive


def part_chunks(archive: zipfile.ZipFile, name: str, source: str) -> Iterator[bytes]:
    """The inflated bytes of one member, stopping at its declared size (never trusting it)."""
    info = archive.getinfo(name)
    declared = info.file_size
    read = 0
    with archive.open(info) as part:
        while True:
            try:
                chunk = part.read(_CHUNK)
            except (zlib.error, EOFError, zipfile.BadZipFile) as exc:
                raise UnreadableInputError(
                    f"{source}: the part {name} is damaged and cannot be inflated ({exc})"
                ) from exc
            if not chunk:
                return
            read += len(chunk)
            if read > declared or read > limits.MAX_PART_BYTES:
                raise exceeded(
                    source,
                    f"the part {name} inflates past its declared {declared:,} bytes",
                    limits.MAX_PART_BYTES,
                    "MAX_PART_BYTES",
                )
            yield chunk


# --------------------------------------------------------------------------- xml
def _parse(
    archive: zipfile.ZipFile,
    name: str,
    source: str,
    start: Callable[[str, dict[str, str]], None],
    end: Callable[[str], None],
    text: Callable[[str], None] | None = None,
    raw: Callable[[str], None] | None = None,
    budget: list[int] | None = None,
) -> None:
    """Run expat over one part with the handlers given (tag names without prefix).

    With ``raw`` (the sheets: millions of elements) the handlers get the tag
    names as written and keep the depth themselves; ``raw`` is told the root's
    prefix (``"x:"`` or ``""``) first.

    DOCTYPE and entity declarations are refused, nesting is capped; anything
    expat or the zip cannot read becomes "the part ... is damaged".
    """
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.buffer_size = 1 << 16
    depth = 0
    elements = budget if budget is not None else [0, 0, limits.MAX_XML_ELEMENTS]

    def refuse_doctype(*_: object) -> None:
        raise _Refused(f"the part {name} declares a DOCTYPE or entities, which no workbook needs")

    def on_start(tag: str, attrs: dict[str, str]) -> None:
        nonlocal depth
        depth += 1
        elements[2] -= 1
        if elements[2] < 0:
            raise too_many_elements(source)
        if depth > limits.MAX_XML_DEPTH:
            raise exceeded(
                source,
                f"the part {name} nests deeper than {limits.MAX_XML_DEPTH} levels",
                limits.MAX_XML_DEPTH,
                "MAX_XML_DEPTH",
            )
        start(tag.rpartition(":")[2], attrs)

    def on_end(tag: str) -> None:
        nonlocal depth
        depth -= 1
        end(tag.rpartition(":")[2])

    parser.StartDoctypeDeclHandler = refuse_doctype
    parser.EntityDeclHandler = refuse_doctype
    parser.UnparsedEntityDeclHandler = refuse_doctype
    parser.ExternalEntityRefHandler = refuse_doctype
    parser.StartElementHandler = on_start
    parser.EndElementHandler = on_end
    if raw is not None:

        def first(tag: str, attrs: dict[str, str]) -> None:
            prefix = tag.rpartition(":")[0]
            raw(prefix + ":" if prefix else "")
            parser.StartElementHandler = start
            start(tag, attrs)

        parser.StartElementHandler = first
        parser.EndElementHandler = end
    if text is not None:
        parser.CharacterDataHandler = text
    try:
        for chunk in part_chunks(archive, name, source):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except _Refused as exc:
        raise UnreadableInputError(f"{source}: {exc}") from None
    except expat.ExpatError as exc:
        raise UnreadableInputError(
            f"{source}: the workbook is damaged (the part {name}: {exc})"
        ) from exc
    except (
        zipfile.BadZipFile,
        EOFError,
        OSError,
        ValueError,
        KeyError,
        RuntimeError,  # an encrypted member
        NotImplementedError,  # a compression zipfile does not know
    ) as exc:
        raise UnreadableInputError(
            f"{source}: the workbook is damaged (the part {name}: {exc})"
        ) from exc


def too_many_elements(source: str) -> Exception:
    return exceeded(
        source,
        f"the workbook's parts hold more than {limits.MAX_XML_ELEMENTS:,} XML elements",
        limits.MAX_XML_ELEMENTS,
        "MAX_XML_ELEMENTS",
    )


def _attr(attrs: dict[str, str], local: str) -> str | None:
    """An attribute by its local name, whatever prefix the writer gave it."""
    value = attrs.get(local)
    if value is not None:
        return value
    for key, value in attrs.items():
        if key.rpartition(":")[2] == local:
            return value
    return None


def _resolve(base: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(base), target))


def _workbook_index(
    archive: zipfile.ZipFile, source: str, budget: list[int]
) -> tuple[list[tuple[str, str]], bool]:
    """(sheet title, part name) of each worksheet in order, and the date1904 flag."""
    book = "xl/workbook.xml"
    for item in archive.namelist():
        if item.lower() == "xl/workbook.xml":
            book = item
    if book not in archive.NameToInfo and "_rels/.rels" in archive.NameToInfo:
        found: list[str] = []

        def office_document(tag: str, attrs: dict[str, str]) -> None:
            if tag == "Relationship" and attrs.get("Type", "").endswith("/officeDocument"):
                found.append(_resolve("", attrs.get("Target", "")))

        _parse(archive, "_rels/.rels", source, office_document, lambda tag: None, budget=budget)
        book = found[0] if found else book
    if book not in archive.NameToInfo:
        raise UnreadableInputError(f"{source}: not an Excel workbook (.xlsx): no xl/workbook.xml")
    sheets: list[tuple[str, str]] = []
    flags = {"date1904": False}

    def start(tag: str, attrs: dict[str, str]) -> None:
        if tag == "sheet":
            sheets.append((attrs.get("name", ""), _attr(attrs, "id") or ""))
        elif tag == "workbookPr":
            flags["date1904"] = attrs.get("date1904", "").lower() in {"1", "true"}

    _parse(archive, book, source, start, lambda tag: None, budget=budget)
    rels_name = posixpath.join(posixpath.dirname(book), "_rels", posixpath.basename(book) + ".rels")
    targets: dict[str, tuple[str, str]] = {}

    def rel(tag: str, attrs: dict[str, str]) -> None:
        if tag == "Relationship":
            targets[attrs.get("Id", "")] = (attrs.get("Target", ""), attrs.get("Type", ""))

    if rels_name in archive.NameToInfo:
        _parse(archive, rels_name, source, rel, lambda tag: None, budget=budget)
    parts = []
    for title, rel_id in sheets:
        target, kind = targets.get(rel_id, ("", ""))
        if not target or (kind and not kind.endswith("/worksheet")):
            continue  # chart sheets and dialogs hold no cells
        parts.append((title, _resolve(book, target)))
    return parts, flags["date1904"]


class _SharedReader:
    """expat handlers collecting the shared strings (``<si>``), phonetic runs left out."""

    def __init__(self, name: str, source: str, budget: list[int]) -> None:
        self.name, self.source, self.budget = name, source, budget
        self.strings: list[str] = []
        self.pieces: list[str] = []
        self.length = 0
        self.depth = 0
        self.in_t = False
        self.phonetic = 0
        self.prefix("")

    def prefix(self, prefix: str) -> None:
        self.t_si, self.t_t, self.t_rph = (prefix + t for t in ("si", "t", "rPh"))

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        self.depth += 1
        if self.depth > limits.MAX_XML_DEPTH:
            raise exceeded(
                self.source,
                f"the part {self.name} nests deeper than {limits.MAX_XML_DEPTH} levels",
                limits.MAX_XML_DEPTH,
                "MAX_XML_DEPTH",
            )
        self.budget[2] -= 1
        if self.budget[2] < 0:
            raise too_many_elements(self.source)
        if tag == self.t_t:
            self.in_t = True
        elif tag == self.t_si:
            self.pieces = []
            self.length = 0
        elif tag == self.t_rph:
            self.phonetic += 1

    def end(self, tag: str) -> None:
        self.depth -= 1
        if tag == self.t_t:
            self.in_t = False
        elif tag == self.t_si:
            if len(self.strings) >= limits.MAX_SHARED_STRINGS:
                raise exceeded(
                    self.source,
                    f"the part {self.name} holds more than {limits.MAX_SHARED_STRINGS:,} strings",
                    limits.MAX_SHARED_STRINGS,
                    "MAX_SHARED_STRINGS",
                )
            pieces = self.pieces
            self.strings.append(_unescape(pieces[0] if len(pieces) == 1 else "".join(pieces)))
        elif tag == self.t_rph:
            self.phonetic -= 1

    def text(self, data: str) -> None:
        if self.in_t and not self.phonetic:
            self.length += len(data)
            if self.length > limits.MAX_STRING_CHARS:
                raise exceeded(
                    self.source,
                    f"shared string {len(self.strings) + 1:,} in {self.name} is longer than "
                    f"{limits.MAX_STRING_CHARS:,} characters",
                    limits.MAX_STRING_CHARS,
                    "MAX_STRING_CHARS",
                )
            self.pieces.append(data)


def _shared_strings(archive: zipfile.ZipFile, source: str, budget: list[int]) -> list[str]:
    name = next((n for n in archive.namelist() if n.lower() == "xl/sharedstrings.xml"), None)
    if name is None:
        return []
    reader = _SharedReader(name, source, budget)
    _parse(archive, name, source, reader.start, reader.end, reader.text, reader.prefix, budget)
    return reader.strings


def _is_date_code(code: str) -> tuple[bool, bool]:
    """(is a date or time format, is a time-only format) of a number format code."""
    bare = _QUOTED.sub("", code.split(";")[0]).lower()
    has_date = any(ch in bare for ch in "dy") or (
        "m" in bare and "h" not in bare and "s" not in bare
    )
    has_time = any(ch in bare for ch in "hs")
    if "general" in bare:
        return False, False
    return has_date or has_time, has_time and not any(ch in bare for ch in "dy")


def _date_styles(archive: zipfile.ZipFile, source: str, budget: list[int]) -> dict[int, bool]:
    """Style index -> True for time-only, False for dates, for styles showing dates or times."""
    name = next((n for n in archive.namelist() if n.lower() == "xl/styles.xml"), None)
    if name is None:
        return {}
    custom: dict[int, str] = {}
    formats: list[int] = []
    where = {"xfs": False}

    def start(tag: str, attrs: dict[str, str]) -> None:
        if tag == "numFmt":
            number = _number(attrs.get("numFmtId", ""))
            if isinstance(number, int):
                custom[number] = attrs.get("formatCode", "")
        elif tag == "cellXfs":
            where["xfs"] = True
        elif tag == "xf" and where["xfs"]:
            try:
                formats.append(int(attrs.get("numFmtId", "0")))
            except ValueError:
                formats.append(0)

    def end(tag: str) -> None:
        if tag == "cellXfs":
            where["xfs"] = False

    _parse(archive, name, source, start, end, budget=budget)
    styles: dict[int, bool] = {}
    for index, fmt in enumerate(formats):
        if fmt in custom:
            is_date, time_only = _is_date_code(custom[fmt])
        else:
            is_date, time_only = fmt in _BUILTIN_DATES, fmt in _BUILTIN_TIMES
        if is_date:
            styles[index] = time_only
    return styles


def _as_date(serial: float, date1904: bool, time_only: bool) -> Any:
    """The date or time a serial number stands for (Excel's 1900 leap-year bug kept)."""
    if time_only and 0 <= serial < 1:
        seconds = round(serial * 86400)
        return dt.time(seconds // 3600 % 24, seconds // 60 % 60, seconds % 60)
    epoch = _EPOCH_1904 if date1904 else _EPOCH_1900
    if not date1904 and 0 < serial < 60:
        serial += 1
    try:  # Excel keeps milliseconds; the float's last digits are noise
        return epoch + dt.timedelta(milliseconds=round(serial * 86_400_000))
    except (OverflowError, ValueError):
        return serial


def _column(letters: str) -> int:
    index = 0
    for ch in letters.upper():
        index = index * 26 + ord(ch) - 64
    return index - 1


def _unescape(text: str) -> str:
    """Characters XML cannot carry, as OOXML writes them (``_x000D_``; ``_x005F_`` is ``_``)."""
    if "_x" not in text:
        return text
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text)


def _number(text: str) -> int | float | None:
    try:
        return int(text)
    except ValueError:
        pass
    try:
        return float(text)
    except ValueError:
        return None


class _SheetReader:
    """expat handlers collecting the filled cells of one worksheet part."""

    def __init__(
        self,
        sheet: SheetCells,
        part: str,
        source: str,
        shared: list[str],
        dates: dict[int, bool],
        date1904: bool,
        budget: list[int],
    ) -> None:
        self.sheet, self.part, self.source = sheet, part, source
        self.shared, self.dates, self.date1904 = shared, dates, date1904
        self.budget = budget  # [cells, filled cells, XML elements] left for the workbook
        self.row = -1
        self.col = -1
        self.kind = "n"
        self.style: str | None = None
        self.ref = ""
        self.pieces: list[str] = []
        self.formula: list[str] | None = None
        self.value: list[str] | None = None
        self.inline: list[str] | None = None
        self.collect: list[str] | None = None
        self.length = 0
        self.in_cell = False
        self.depth = 0
        self.phonetic = False
        self.max_depth = limits.MAX_XML_DEPTH
        self.columns: dict[str, int] = {}
        self.prefix("")

    def where(self) -> str:
        where = sheet_reference(self.sheet.title)
        return f"{where}!{self.ref}" if self.ref else where

    def prefix(self, prefix: str) -> None:
        """Tag names as this part writes them (``c`` or ``x:c``): compared as they come."""
        self.t_c, self.t_v, self.t_f, self.t_row = (prefix + t for t in ("c", "v", "f", "row"))
        self.t_is, self.t_t, self.t_rph = (prefix + t for t in ("is", "t", "rPh"))

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        self.depth += 1
        if self.depth > self.max_depth:
            raise exceeded(
                self.source,
                f"the part {self.part} nests deeper than {limits.MAX_XML_DEPTH} levels",
                limits.MAX_XML_DEPTH,
                "MAX_XML_DEPTH",
            )
        budget = self.budget
        budget[2] -= 1
        if budget[2] < 0:
            raise too_many_elements(self.source)
        if tag == self.t_c:
            self.start_cell(attrs)
        elif tag == self.t_v:
            self.value = self.collect = []
            self.length = 0
        elif tag == self.t_row and not self.in_cell:
            number = attrs.get("r")
            if number is not None:
                if not number.isdigit():
                    raise UnreadableInputError(
                        f"{self.source}: the workbook is damaged (the part {self.part}: "
                        f"row number {number!r})"
                    )
                row = int(number) - 1
                self._check_position(row, 0)
            else:
                row = self.row + 1
            self.row, self.col = row, -1
        elif not self.in_cell:
            return
        elif tag == self.t_f:
            self.formula = self.collect = []
            self.length = 0
        elif tag == self.t_is:
            self.inline = []
            self.length = 0
        elif tag == self.t_t and self.inline is not None and not self.phonetic:
            self.collect = self.inline
        elif tag == self.t_rph:  # a reading aid (furigana), no part of the text
            self.phonetic = True
            self.collect = None

    def start_cell(self, attrs: dict[str, str]) -> None:
        budget = self.budget
        budget[0] -= 1
        if budget[0] < 0:
            raise exceeded(
                self.source,
                f"the workbook holds more than {limits.MAX_CELLS:,} cells",
                limits.MAX_CELLS,
                "MAX_CELLS",
            )
        ref = attrs.get("r")
        if ref:
            letters = ref.rstrip("0123456789")
            col = self.columns.get(letters)
            digits = ref[len(letters) :]
            if col is None or not digits or not digits.isdigit():
                found = _CELL_REF.match(ref)
                if found is None:
                    raise UnreadableInputError(
                        f"{self.source}: the workbook is damaged (the part {self.part}: "
                        f"cell reference {ref!r})"
                    )
                col = self.columns[letters] = _column(found.group(1))
            row = int(digits) - 1
            self.ref = ref
        else:
            row, col = max(self.row, 0), self.col + 1
            self.ref = f"{column_letter(col)}{row + 1}"
        if row >= limits.MAX_ROWS or col >= limits.MAX_COLUMNS or row < 0:
            self._check_position(row, col)
        self.row, self.col = row, col
        self.kind = attrs.get("t", "n")
        self.style = attrs.get("s")
        self.formula = self.value = self.inline = self.collect = None
        self.in_cell = True

    def _check_position(self, row: int, col: int) -> None:
        if row >= limits.MAX_ROWS or row < 0:
            raise exceeded(
                self.source,
                f"{self.sheet.title} names row {row + 1:,} in {self.part}",
                limits.MAX_ROWS,
                "MAX_ROWS",
            )
        if col >= limits.MAX_COLUMNS or col < 0:
            raise exceeded(
                self.source,
                f"{self.sheet.title} names column {col + 1:,} in {self.part}",
                limits.MAX_COLUMNS,
                "MAX_COLUMNS",
            )

    def text(self, data: str) -> None:
        collect = self.collect
        if collect is not None:
            self.length += len(data)
            if self.length > limits.MAX_STRING_CHARS:
                raise exceeded(
                    self.source,
                    f"{self.where()} holds more than {limits.MAX_STRING_CHARS:,} characters",
                    limits.MAX_STRING_CHARS,
                    "MAX_STRING_CHARS",
                )
            collect.append(data)

    def end(self, tag: str) -> None:
        self.depth -= 1
        if tag == self.t_c:
            self.in_cell = False
            self._store()
        else:
            self.collect = None
            if tag == self.t_rph:
                self.phonetic = False

    def _store(self) -> None:
        if self.value is None and self.inline is None and self.formula is None:
            return  # an empty cell, written for its format
        pieces = self.value
        raw = "" if pieces is None else pieces[0] if len(pieces) == 1 else "".join(pieces)
        value: Any = None
        kind = self.kind
        if kind == "s" and raw:  # the most common cell: a shared string
            try:
                index = int(raw)
            except ValueError:
                index = -1
            if not 0 <= index < len(self.shared):
                raise UnreadableInputError(
                    f"{self.source}: {self.where()} refers to shared string {raw.strip()!r}, "
                    f"which does not exist (the workbook has {len(self.shared):,})"
                )
            value = self.shared[index]
        elif kind == "inlineStr":
            value = _unescape("".join(self.inline)) if self.inline is not None else raw or None
        elif not raw:
            value = None
        elif kind in ("str", "e"):
            value = _unescape(raw)
        elif kind == "b":
            value = raw.strip() in {"1", "true"}
        elif kind == "d":
            try:
                value = dt.datetime.fromisoformat(raw.strip())
            except ValueError:
                value = raw
        else:
            number = _number(raw.strip())
            if number is None:
                raise UnreadableInputError(
                    f"{self.source}: {self.where()} is damaged (number {raw[:40]!r})"
                )
            style = self.style
            time_only = self.dates.get(int(style)) if style and style.isdigit() else None
            value = number if time_only is None else _as_date(number, self.date1904, time_only)
        if value is None and self.formula is not None:
            formula = "".join(self.formula).strip()
            if formula:
                value = "=" + formula
                self.sheet.formulas.append((self.row, self.col, value))
        if value is None or value == "":
            return
        self.budget[1] -= 1
        if self.budget[1] < 0:
            raise exceeded(
                self.source,
                f"the workbook holds more than {limits.MAX_FILLED_CELLS:,} filled cells",
                limits.MAX_FILLED_CELLS,
                "MAX_FILLED_CELLS",
            )
        cells = self.sheet.rows.get(self.row)
        if cells is None:
            self.sheet.rows[self.row] = [(self.col, value)]
        elif cells[-1][0] < self.col:
            cells.append((self.col, value))
        else:  # written out of order: keep the column order, the last write wins
            kept = dict(cells)
            kept[self.col] = value
            self.sheet.rows[self.row] = sorted(kept.items())


def read_workbook(path: str | Path) -> Workbook:
    """The filled cells of every worksheet of ``path``, within the named limits."""
    path = Path(path)
    source = path.name
    with open_zip(path) as archive:
        budget = [limits.MAX_CELLS, limits.MAX_FILLED_CELLS, limits.MAX_XML_ELEMENTS]
        parts, date1904 = _workbook_index(archive, source, budget)
        shared = _shared_strings(archive, source, budget)
        dates = _date_styles(archive, source, budget)
        sheets = []
        for title, part in parts:
            sheet = SheetCells(title)
            if part not in archive.NameToInfo:
                raise UnreadableInputError(
                    f"{source}: the workbook is damaged (the part {part} of sheet {title!r} "
                    "is missing)"
                )
            reader = _SheetReader(sheet, part, source, shared, dates, date1904, budget)
            _parse(
                archive, part, source, reader.start, reader.end, reader.text, reader.prefix, budget
            )
            sheets.append(sheet)
    return Workbook(sheets, date1904)
