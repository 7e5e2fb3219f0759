"""Plain sheets as people keep them in other tools: roles across, tasks down, codes in cells.

Nobody's sheet looks like the textbook. There is a title above the table, an
empty margin column, a cover sheet with prose, a notes column beside the
grid, phase headings between the tasks, blank rows, "A/R" typed five ways and
a Cyrillic "А" now and then. This module finds the grid where it stands and
reads it with :func:`rolematrix.core.codes.parse_codes`, and reports, cell by
cell (``Sheet1!D7: "maybe"``), whatever it could not take as is -- nothing is
dropped silently.

How a sheet is read:

1. Only the region of the sheet's filled cells that holds the table is read
   (:mod:`rolematrix.io.sheet_region`); cells far from it are reported. Every
   cell in it is classified once per distinct value (a dict; most cells repeat
   a handful of strings): empty, not-involved marker, codes, text, number.
2. The role block is the run of columns holding the most codes, where codes
   outweigh text; the task column is the leftmost column left of it holding
   text in most rows that carry codes -- names, not IDs like "1.2" or "T-07";
   an ID column beside it gives the tasks' references; the header is the
   nearest row above the first code row with text in the block (or that row itself when its corner
   is empty or says "Task" -- role names like "DA" read as codes); the title is
   the first text above the header.
3. Rows below the header are tasks (a name and cells), phases (a name and no
   codes, directly followed by tasks, or a label standing left of the task
   column) or blank. Text columns beside the table become task descriptions
   or notes; text above or below the table becomes the matrix description.
   Columns and rows of only numbers or formulas (a COUNTIF check column, a
   totals row) are no roles and no tasks: they are reported as not imported.
4. The scheme is the one that leaves the fewest cells with codes it does not
   define (only check marks: CHECK). Cells are then parsed in that scheme: a
   stray single letter stays in the cell as an unknown code for the checker
   to flag; what is no code at all is reported and left out of the cell.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import operator
import os
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rolematrix.core.codes import MARKS, ParsedCodes, clean_text, parse_codes
from rolematrix.core.model import Document, Matrix, Phase
from rolematrix.core.names import clean_name, distinct_name, normalise
from rolematrix.core.schemes import CHECK_MARK, SCHEMES, Code, Scheme
from rolematrix.io import limits
from rolematrix.io.files import check_regular_file, read_input
from rolematrix.io.report import (
    ImportProblem,
    ImportResult,
    UnreadableInputError,
    column_letter,
    kept_text,
    sheet_reference,
)
from rolematrix.io.sheet_region import find_region
from rolematrix.io.xlsx_formulas import missing_results
from rolematrix.io.xlsx_reader import read_workbook

__all__ = [
    "classify_cell",
    "column_letter",
    "detect_scheme",
    "read_sheet_csv",
    "read_sheet_rows",
    "read_sheet_text",
    "read_sheet_xlsx",
]

Row = Sequence[Any]

# cell kinds
UNKNOWN = -1  # not classified yet (an int, not None: comparing ints is much faster)
EMPTY, CODE, NONE, TEXT, NUMBER = range(5)  # order matters: > CODE is 'other', >= TEXT is text

# Every code letter of every lettered scheme: used to find the grid before the scheme is known.
_ANY = Scheme(
    "ANY",
    "any code letter",
    tuple(Code(letter, letter, "", "#FFFFFF", True) for letter in "RASCIVOD"),
    accountable="A",
    responsible="R",
)
_MARKS = frozenset(MARKS | {CHECK_MARK})
_SEPARATORS = re.compile(r"[\s/,;+&|\\]+")
_LONG_WORD = re.compile(r"[^\s/,;+&|\\]{4,}")
_LETTER_SCHEMES = ("RACI", "RASCI", "RACI-VS", "CAIRO", "DACI")

_DESCRIPTION_HEADERS = frozenset(
    {"description", "details", "task description", "beschreibung", "описание", "توضیحات", "شرح"}
)
_TASK_HEADERS = frozenset(
    {
        "task",
        "tasks",
        "task name",
        "activity",
        "activities",
        "deliverable",
        "deliverables",
        "step",
        "steps",
        "process",
        "work item",
        "item",
        "decision",
        "decisions",
        "aufgabe",
        "tätigkeit",
        "задача",
        "задачи",
        "وظیفه",
        "وظایف",
        "فعالیت",
        "فعالیت‌ها",
        "کار",
    }
)
_NOTES_HEADERS = frozenset(
    {
        "notes",
        "note",
        "comment",
        "comments",
        "remarks",
        "remark",
        "bemerkungen",
        "примечание",
        "یادداشت",
    }
)


#: Headers of an ID column: its values become the tasks' references.
_ID_HEADERS = frozenset(
    {"id", "#", "no", "no.", "nr", "nr.", "ref", "ref.", "reference", "wbs", "number", "num",
     "item no", "item no.", "task id", "lfd. nr.", "№", "номер", "шифр", "شماره", "ردیف", "کد"}
)  # fmt: skip
#: Headers of columns that count or check the codes (``=COUNTIF(C4:F4;"A")``).
_CHECK_HEADER = re.compile(
    r"^(?:#|№|σ|∑)|^(?:check|checks|count|counts|total|totals|sum|number of|anzahl|summe|"
    r"prüfung|kontrolle|итого|всего|сумма|проверка|количество|جمع|مجموع|تعداد|کنترل)\b"
)
#: Names of a totals row below the tasks.
_TOTAL_NAMES = re.compile(
    r"^(?:total|totals|sum|count|check|gesamt|summe|anzahl|итого|всего|сумма|جمع|مجموع|تعداد)\b"
)
# "1", "1.2", "2.a", "T-07", "WP3", "#4" -- but "Task 1" and "Step 2" are names
_REFERENCE = re.compile(
    r"^[#№]?(?:[A-Z]{1,5}|[A-Za-z]{1,2})?[-_.]?\d+(?:[.\-/]\d+)*(?:\.?[A-Za-z])?\.?$"
)
_NUMERIC = re.compile(r"^[-+]?\d+(?:[.,]\d+)?%?$")


def _is_reference(value: Any) -> bool:
    """Does a cell read as a task's ID ("1", "1.2", "T-07", "#3") rather than its name?"""
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return True
    return isinstance(value, str) and bool(_REFERENCE.match(value.strip()))


def _is_count(value: Any) -> bool:
    """A number, a number typed as text, or a formula: what total and check cells hold."""
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return True
    if not isinstance(value, str):
        return False
    text = value.strip()
    return text.startswith("=") or bool(_NUMERIC.match(text))


def cell_text(value: Any) -> str:
    """A cell value as the text a person sees in it."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


#: Invisible characters a pasted name may start or end with (byte-order mark, zero-width
#: space and joiners, variation selectors); inside a name, the joiners stay.
_INVISIBLE_EDGES = "\ufeff\u200b\u2060\u200c\u200d\ufe0e\ufe0f"


def classify_cell(value: Any) -> tuple[int, str]:
    """(kind, code letters used) of one cell value, judged against every scheme at once."""
    if isinstance(value, bool):
        return TEXT, ""
    if isinstance(value, (int, float)):
        return (NONE, "") if value == 0 else (NUMBER, "")
    text = clean_text(cell_text(value))
    if not text:
        return EMPTY, ""
    if _LONG_WORD.search(text):  # no code, mark or not-involved word has four letters
        return TEXT, ""
    parsed = parse_codes(text, _ANY)
    if not parsed.codes and not parsed.foreign and not parsed.unreadable:
        return NONE, ""
    marks = [t for t in parsed.unreadable if t in _MARKS]
    if len(marks) != len(parsed.unreadable):
        return TEXT, ""
    for token in _SEPARATORS.split(text):
        # "AR" and "ar" are codes; "CIO", "Radio" and "Do" are words made of code letters
        if len(token) > 2 or (len(token) == 2 and not (token.isupper() or token.islower())):
            return TEXT, ""
    return CODE, parsed.codes + parsed.foreign + (CHECK_MARK if marks else "")


def detect_scheme(used: dict[str, int]) -> Scheme:
    """The scheme for cells whose code letters are ``used`` (letters -> number of cells).

    Only check marks: CHECK. Otherwise the lettered scheme that leaves the fewest
    cells with a letter it does not define; ties go to the simpler scheme
    (RACI before RASCI before RACI-VS before CAIRO before DACI).
    """
    lettered = {letters: n for letters, n in used.items() if letters.replace(CHECK_MARK, "")}
    if not lettered:
        return SCHEMES["CHECK"] if used else SCHEMES["RACI"]
    best = SCHEMES["RACI"]
    best_misfit = -1
    for scheme_id in _LETTER_SCHEMES:
        scheme = SCHEMES[scheme_id]
        allowed = set(scheme.letters)
        misfit = sum(
            n
            for letters, n in lettered.items()
            if not set(letters.replace(CHECK_MARK, "")) <= allowed
        )
        if best_misfit < 0 or misfit < best_misfit:
            best, best_misfit = scheme, misfit
    return best


@dataclass(slots=True)
class _Grid:
    """Where the table stands in a sheet (0-based rows and columns), and what its rows hold."""

    task_col: int
    first_col: int  # role block, inclusive
    last_col: int
    header: int | None  # row of role names
    first_row: int  # first row below the header that belongs to the table
    last_row: int  # inclusive
    code_span: list[tuple[int, int, int] | None]  # per row: (codes, first col, last col)
    none_span: list[tuple[int, int, int] | None]  # the same for not-involved marks ("-")
    others: list[list[tuple[int, int]]]  # per row: (col, kind) of text and numbers


@dataclass(slots=True)
class _Sheet:
    """One sheet being read: its rows, and what is known about their cells."""

    name: str
    rows: list[Row]
    kinds: dict[Any, tuple[int, str]]
    problems: list[tuple[int, int, ImportProblem]] = field(default_factory=list)
    row0: int = 0  # where rows[0][0] stands in the sheet (a region cut out of it)
    col0: int = 0

    def kind(self, value: Any) -> tuple[int, str]:
        key = value if value.__class__ is str else (value.__class__, value)
        found = self.kinds.get(key)
        if found is None:
            found = self.kinds[key] = classify_cell(value)
        return found

    def at(self, row: int, col: int) -> str:
        return f"{self.name}!{column_letter(col + self.col0)}{row + self.row0 + 1}"

    def value(self, row: int, col: int) -> Any:
        cells = self.rows[row]
        return cells[col] if col < len(cells) else None

    def text(self, row: int | None, col: int) -> str:
        """A cell's text as the user wrote it, only trimmed.

        Not :func:`clean_text`: that folds look-alikes and drops joiners to read
        codes, but in a name the zero-width non-joiner is spelling (Persian
        ``برنامه‌ریزی``) and "ﬁ" or "H₂O" are what the user typed.
        """
        if row is None:
            return ""
        return cell_text(self.value(row, col)).strip().strip(_INVISIBLE_EDGES).strip()

    def blank(self, row: int) -> bool:
        return all(v is None or self.kind(v)[0] == EMPTY for v in self.rows[row])

    def report(self, row: int, col: int, message: str) -> None:
        self.problems.append((row, col, ImportProblem(self.at(row, col), message)))

    def sorted_problems(self) -> list[ImportProblem]:
        """Problems in reading order: row by row, left to right."""
        return [p for _, _, p in sorted(self.problems, key=lambda item: (item[0], item[1]))]


def _span(kinds: list[int], kind: int, count: int) -> tuple[int, int, int] | None:
    """(count, first column, last column) of the cells of ``kind`` in a row, None if none."""
    if not count:
        return None
    return count, kinds.index(kind), len(kinds) - 1 - kinds[::-1].index(kind)


def _scan(sheet: _Sheet) -> tuple[list[int], list[int], list[Any], list[Any], list[Any]]:
    """One pass over every cell: codes and text per column, where codes, not-involved marks
    and text stand in each row.

    The per-cell work runs in C where it can (``map`` over a dict of kinds,
    ``list.count``): the large sheet has a million cells and the import must
    stay close to openpyxl's own reading time.
    """
    rows = sheet.rows
    kind_of: dict[Any, int] = {None: EMPTY}
    kind_get = kind_of.get
    unknown = itertools.repeat(UNKNOWN)
    code_span: list[tuple[int, int, int] | None] = []
    none_span: list[tuple[int, int, int] | None] = []
    others: list[list[tuple[int, int]]] = []
    row_kinds: list[list[int]] = []
    for row in rows:
        kinds = list(map(kind_get, row, unknown))
        if UNKNOWN in kinds:  # values not met before (a task name, most often)
            col = kinds.index(UNKNOWN)
            while True:
                kinds[col] = kind_of[row[col]] = sheet.kind(row[col])[0]
                try:
                    col = kinds.index(UNKNOWN, col + 1)
                except ValueError:
                    break
        n_codes = kinds.count(CODE)
        code_span.append(_span(kinds, CODE, n_codes))
        n_none = kinds.count(NONE)
        none_span.append(_span(kinds, NONE, n_none))
        other: list[tuple[int, int]] = []
        for kind in (TEXT, NUMBER):
            col = -1
            for _ in range(kinds.count(kind)):
                col = kinds.index(kind, col + 1)
                other.append((col, kind))
        other.sort()
        others.append(other)
        row_kinds.append(kinds)
    # Codes are counted per column by transposing the rows (in C), but only as far as the
    # last code of each row: a note far to the right (XFD1) or far down must not make the
    # transposition as wide or as long as the whole sheet. Text cells are few; counted one by one.
    code_rows = [
        kinds[: span[2] + 1] for kinds, span in zip(row_kinds, code_span, strict=True) if span
    ]
    code_width = max((len(k) for k in code_rows), default=0)
    text_width = max((other[-1][0] + 1 for other in others if other), default=0)
    width = max(code_width, text_width)
    code_count = [0] * width
    for col, column in enumerate(itertools.zip_longest(*code_rows, fillvalue=EMPTY)):
        code_count[col] = column.count(CODE)
    text_count = [0] * width
    for other in others:
        for col, _kind in other:
            text_count[col] += 1
    return code_count, text_count, code_span, none_span, others


def _find_grid(sheet: _Sheet) -> _Grid | None:
    rows = sheet.rows
    code_count, text_count, code_span, none_span, others = _scan(sheet)
    width = len(code_count)

    # the role block: the run of columns with the most codes, where codes outweigh text
    def candidate(col: int) -> bool:
        return code_count[col] >= 1 and text_count[col] <= code_count[col] + 1

    best: tuple[int, int, int] | None = None  # (codes, first, last)
    col = 0
    while col < width:
        if not candidate(col):
            col += 1
            continue
        start = end = col
        total = code_count[col]
        probe = col + 1
        while probe < width:
            if candidate(probe):
                end = probe
                total += code_count[probe]
            elif code_count[probe] or text_count[probe] > 1:
                break
            probe += 1
        if best is None or total > best[0]:
            best = (total, start, end)
        col = end + 1
    if best is None:
        return None
    _, first_col, last_col = best

    # the task column: leftmost column left of the block with text in most coded rows
    # (an ID column of "1", "1.2", "T-07" is text too, but names no task)
    def count_votes(names_only: bool) -> list[int]:
        votes = [0] * first_col
        for index, (spans, other) in enumerate(zip(code_span, others, strict=True)):
            if spans is not None:
                for col, kind in other:
                    if (
                        col < first_col
                        and kind == TEXT
                        and not (names_only and _is_reference(rows[index][col]))
                    ):
                        votes[col] += 1
        return votes

    votes = count_votes(names_only=True)
    if not votes or max(votes) == 0:
        votes = count_votes(names_only=False)  # tasks named "T-01", "T-02": IDs are the names
    if not votes or max(votes) == 0:
        return None
    top = max(votes)
    task_col = next(c for c, v in enumerate(votes) if v * 2 >= top)

    def block_counts(index: int) -> tuple[int, int]:
        spans = code_span[index]
        n_codes = 0
        if spans is not None:
            n, first, last = spans
            if first >= first_col and last <= last_col:
                n_codes = n
            else:
                n_codes = sum(
                    1
                    for v in rows[index][first_col : last_col + 1]
                    if v is not None and sheet.kind(v)[0] == CODE
                )
        n_text = sum(1 for c, _ in others[index] if first_col <= c <= last_col)
        return n_codes, n_text

    code_rows = [i for i in range(len(rows)) if (n := block_counts(i))[0] and n[0] >= n[1]]
    if not code_rows:
        return None
    first_code_row, last_code_row = code_rows[0], code_rows[-1]
    header = next((i for i in range(first_code_row - 1, -1, -1) if block_counts(i)[1]), None)
    if header is None:
        # role names that read as codes ("DA", "CA", "R"): the first row is the header when
        # its corner is empty or says "Task"
        corner = normalise(sheet.text(first_code_row, task_col))
        if not corner or corner in _TASK_HEADERS:
            header = first_code_row
            code_rows = code_rows[1:]
            if not code_rows:
                return None
            first_code_row = code_rows[0]

    def header_only(col: int) -> bool:
        """A role nobody is assigned to: a name in the header, nothing in the column."""
        word = normalise(sheet.text(header, col))
        if header is None or not word or word in _DESCRIPTION_HEADERS or word in _NOTES_HEADERS:
            return False
        if _CHECK_HEADER.search(word):
            return False  # a check column whose counts are all 0 ("-" marks, to the reader)
        header_text = 1 if sheet.kind(sheet.value(header, col))[0] >= TEXT else 0
        return code_count[col] == 0 and text_count[col] <= header_text

    while first_col - 1 > task_col and header_only(first_col - 1):
        first_col -= 1
    while last_col + 1 < width and header_only(last_col + 1):
        last_col += 1

    # the table goes on below the last coded row while rows still name a task
    last_row = last_code_row
    while last_row + 1 < len(rows) and sheet.text(last_row + 1, task_col):
        last_row += 1
    first_row = header + 1 if header is not None else first_code_row
    return _Grid(
        task_col, first_col, last_col, header, first_row, last_row, code_span, none_span, others
    )


def _roles(sheet: _Sheet, grid: _Grid) -> list[tuple[int, str]]:
    """(column, unique name) of each role: the header over the block, gaps left out."""
    rows = sheet.rows
    header = grid.header
    at_row = header if header is not None else grid.first_row
    roles: list[tuple[int, str]] = []
    taken: set[str] = set()
    for col in range(grid.first_col, grid.last_col + 1):
        name = clean_name(sheet.text(header, col))
        if not name:
            if not any(
                col < len(rows[i]) and rows[i][col] is not None
                for i in range(grid.first_row, grid.last_row + 1)
            ):
                continue  # an empty separator column
            name = column_letter(col + sheet.col0)
            sheet.report(at_row, col, f"a role column without a name; named {name!r}")
        unique = distinct_name(name, taken)
        if unique != name:
            sheet.report(at_row, col, f"a second role named {name!r}; kept as {unique!r}")
        taken.add(normalise(unique))
        roles.append((col, unique))
    return roles


def _inside(span: tuple[int, int, int] | None, first: int, last: int) -> bool | None:
    """Does a row's span of some kind lie in columns first..last? None: partly, look closer."""
    if span is None or span[2] < first or span[1] > last:
        return False
    return True if first <= span[1] and span[2] <= last else None


def _any_in_block(sheet: _Sheet, grid: _Grid, index: int, kind: int) -> bool:
    row = sheet.rows[index][grid.first_col : grid.last_col + 1]
    return any(v is not None and sheet.kind(v)[0] == kind for v in row)


def _row_kinds(sheet: _Sheet, grid: _Grid) -> list[str]:
    """Per table row: task (a name and cells), bare (a name, no cells), orphan (cells, no
    name), label (text left of the task column only), blank, or other (text elsewhere)."""
    first_col, last_col, task_col = grid.first_col, grid.last_col, grid.task_col
    kinds = []
    for i in range(grid.first_row, grid.last_row + 1):
        has_cells = any(first_col <= c <= last_col for c, _ in grid.others[i])
        for kind, span in ((CODE, grid.code_span[i]), (NONE, grid.none_span[i])):
            if not has_cells:
                inside = _inside(span, first_col, last_col)
                has_cells = _any_in_block(sheet, grid, i, kind) if inside is None else inside
        if sheet.text(i, task_col):
            kinds.append("task" if has_cells else "bare")
        elif has_cells:
            kinds.append("orphan")
        elif any(sheet.text(i, c) for c in range(task_col)):
            kinds.append("label")
        elif sheet.blank(i):
            kinds.append("blank")
        else:
            kinds.append("other")
    return kinds


def _extra_columns(sheet: _Sheet, grid: _Grid) -> list[int]:
    """Columns beside the grid that hold something in the table's rows (notes, descriptions)."""
    found: set[int] = set()
    first, last = grid.first_col, grid.last_col
    for i in range(grid.first_row, grid.last_row + 1):
        found.update(c for c, _ in grid.others[i] if not first <= c <= last)
        spans = (grid.code_span[i], grid.none_span[i])
        if any(s is not None and (s[1] < first or s[2] > last) for s in spans):
            found.update(
                c
                for c, v in enumerate(sheet.rows[i])
                if v is not None and not first <= c <= last and sheet.kind(v)[0] in {CODE, NONE}
            )
    found.discard(grid.task_col)
    return sorted(found)


def _reference_column(
    sheet: _Sheet, grid: _Grid, extra_cols: list[int], labels: dict[int, str], task_rows: list[int]
) -> int | None:
    """The ID column left of the roles: IDs in most task rows (or an ID header), nothing else.

    Its values become the tasks' references, kept as written ("1", "1.2", "T-07").
    """
    best: int | None = None
    for col in extra_cols:
        if col >= grid.first_col:
            continue
        values = [
            v for i in task_rows if (v := sheet.value(i, col)) is not None and cell_text(v).strip()
        ]
        if not values or not all(_is_reference(v) for v in values):
            continue
        if len(values) * 2 < len(task_rows) and normalise(labels[col]) not in _ID_HEADERS:
            continue
        if best is None or abs(col - grid.task_col) < abs(best - grid.task_col):
            best = col
    return best


def _check_columns(
    sheet: _Sheet, grid: _Grid, extra_cols: list[int], labels: dict[int, str], task_rows: list[int]
) -> list[int]:
    """Columns beside the roles that count or check the codes: only numbers or formulas in
    the task rows, under a header such as "Check", "Count A", "Total" or "#A" (a numeric
    column under another header, "Effort (days)", stays a note)."""
    found = []
    for col in extra_cols:
        values = [
            v for i in task_rows if (v := sheet.value(i, col)) is not None and cell_text(v).strip()
        ]
        if not values or not all(_is_count(v) for v in values):
            continue
        formulas = all(isinstance(v, str) and v.strip().startswith("=") for v in values)
        if formulas or _CHECK_HEADER.search(normalise(labels[col])):
            found.append(col)
    return found


def _is_totals_row(sheet: _Sheet, grid: _Grid, index: int, name: str) -> bool:
    """A row under (or among) the tasks whose role cells hold only numbers or formulas:
    the totals a sheet keeps of its codes, no task."""
    values = [
        v
        for v in sheet.rows[index][grid.first_col : grid.last_col + 1]
        if v is not None and cell_text(v).strip()
    ]
    if not values or not all(_is_count(v) for v in values):
        return False
    numbers = sum(1 for v in values if not (isinstance(v, (int, float)) and v == 0))
    return numbers > 0 or not name or bool(_TOTAL_NAMES.search(normalise(name)))


def _read_grid(sheet: _Sheet, grid: _Grid, matrix_name: str, title: str) -> Matrix:
    rows = sheet.rows
    task_col, first_col, last_col = grid.task_col, grid.first_col, grid.last_col
    roles = _roles(sheet, grid)
    extra_cols = _extra_columns(sheet, grid)
    labels = {col: clean_name(sheet.text(grid.header, col)) for col in extra_cols}
    kinds = _row_kinds(sheet, grid)
    task_rows = [
        grid.first_row + offset for offset, kind in enumerate(kinds) if kind in {"task", "orphan"}
    ]
    reference_col = _reference_column(sheet, grid, extra_cols, labels, task_rows)
    for col in _check_columns(sheet, grid, extra_cols, labels, task_rows):
        extra_cols.remove(col)
        label = f" {labels[col]!r}" if labels[col] else ""
        sheet.report(
            grid.header if grid.header is not None else grid.first_row,
            col,
            f"column{label} holds only numbers or formulas (a total or check column); not imported",
        )
    if reference_col is not None:
        extra_cols.remove(reference_col)

    def followed_by_tasks(index: int) -> bool:
        for kind in kinds[index + 1 :]:
            if kind != "blank":
                return kind in {"task", "orphan"}
        return False

    matrix = Matrix(matrix_name, "RACI")
    role_at: list[int | None] = [None] * (last_col + 1 - first_col)
    for col, name in roles:
        role_at[col - first_col] = matrix.add_role(name).id

    # structure first; the grid's values are gathered per task and parsed once the scheme
    # is known (from all values used), each distinct value once
    gathered: list[tuple[int, int, list[tuple[int, Any]]]] = []  # (task, row, [(role, value)])
    counts: Counter[Any] = Counter()
    second = operator.itemgetter(1)
    task_names: set[str] = set()
    phase: Phase | None = None
    description_lines: list[str] = []
    for offset, kind in enumerate(kinds):
        i = grid.first_row + offset
        if kind == "blank":
            continue
        if kind in {"bare", "label"} and (kind == "label" or followed_by_tasks(offset)):
            label_col = task_col
            if kind == "label":
                label_col = next(c for c in range(task_col) if sheet.text(i, c))
            phase = matrix.add_phase(clean_name(sheet.text(i, label_col)))
            description_lines.extend(
                sheet.text(i, c) for c in extra_cols if c != label_col and sheet.text(i, c)
            )
            continue
        if kind == "other":
            description_lines.extend(sheet.text(i, c) for c in extra_cols if sheet.text(i, c))
            continue
        name = clean_name(sheet.text(i, task_col))
        if _is_totals_row(sheet, grid, i, name):
            sheet.report(
                i,
                task_col,
                f"row {i + sheet.row0 + 1}{f' ({name!r})' if name else ''} holds only numbers "
                "or formulas (a totals row); not imported",
            )
            continue
        if kind == "orphan":
            name = f"Row {i + sheet.row0 + 1}"
            sheet.report(i, task_col, f"codes without a task name; kept as task {name!r}")
        unique = distinct_name(name, task_names)
        if unique != name:
            sheet.report(i, task_col, f"a second task named {name!r}; kept as {unique!r}")
        task_names.add(normalise(unique))
        description: list[str] = []
        notes: list[str] = []
        for col in extra_cols:
            text = cell_text(sheet.value(i, col)).strip()
            if not text:
                continue
            label = normalise(labels[col])
            if label in _DESCRIPTION_HEADERS:
                description.append(text)
            elif label in _NOTES_HEADERS or not label:
                notes.append(text)
            else:
                notes.append(f"{labels[col]}: {text}")
        if phase is None:
            phase = matrix.add_phase("")
        reference = ""
        if reference_col is not None:
            reference = cell_text(sheet.value(i, reference_col)).strip()
        task_id = matrix.add_task(
            unique,
            phase.id,
            description="\n".join(description),
            notes="\n".join(notes),
            reference=reference,
        ).id
        # gap columns are empty in every table row, so every value found has a role
        pairs = [
            (r, v) for r, v in zip(role_at, rows[i][first_col:], strict=False) if v is not None
        ]
        gathered.append((task_id, i, pairs))  # type: ignore[arg-type]
        counts.update(map(second, pairs))
    used: dict[str, int] = {}
    for value, n in counts.items():
        value_kind, letters = sheet.kind(value)
        if value_kind == CODE:
            used[letters] = used.get(letters, 0) + n
    scheme = detect_scheme(used)
    if scheme.id != matrix.scheme.id:
        matrix.update(scheme=scheme.id)

    codes_of: dict[Any, str] = {}
    unread_of: dict[Any, str] = {}  # value -> the text kept beside its cell, as written
    trouble: dict[Any, str] = {}  # value -> message for the report
    for value in counts:
        text = cell_text(value)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value:
            parsed = ParsedCodes("", "", (text,))  # a number is never a code
        else:
            parsed = parse_codes(text, scheme)
        codes_of[value] = scheme.canonical(parsed.codes + parsed.foreign)
        if parsed.unreadable:
            unread_of[value] = text.strip()
            trouble[value] = kept_text("", text.strip()).message
        elif parsed.foreign:
            trouble[value] = (
                f"code {', '.join(parsed.foreign)} is not part of {scheme.id}; "
                "kept for the checker to flag"
            )
    matrix.load_cells(
        [
            (task_id, role_id, codes_of[v])
            for task_id, _, values in gathered
            for role_id, v in values
            if codes_of[v]
        ]
    )
    if unread_of:
        matrix.load_cell_texts(
            (task_id, role_id, unread_of[v])
            for task_id, _, values in gathered
            for role_id, v in values
            if v in unread_of
        )
    if trouble:
        role_col = {role_id: first_col + j for j, role_id in enumerate(role_at)}
        for _, i, values in gathered:
            for role_id, v in values:
                if v in trouble:
                    sheet.report(i, role_col[role_id], trouble[v])

    # text above and below the table becomes the description
    def texts(first: int, stop: int) -> list[str]:
        return [
            text
            for i in range(first, stop)
            for c in range(len(rows[i]))
            if (text := sheet.text(i, c))
        ]

    above = texts(0, grid.header if grid.header is not None else grid.first_row)
    if above and title and clean_name(above[0]) == title:
        above = above[1:]
    lines = above + description_lines + texts(grid.last_row + 1, len(rows))
    if lines:
        matrix.update(description="\n".join(lines))
    matrix.journal.clear()
    return matrix


def _title(sheet: _Sheet, grid: _Grid) -> str:
    """The first text above the header: the table's title, if it has one."""
    top = grid.header if grid.header is not None else grid.first_row
    for i in range(top):
        for col in range(len(sheet.rows[i])):
            text = clean_name(sheet.text(i, col))
            if text:
                return text
    return ""


@dataclass(slots=True)
class PlacedRows:
    """A sheet's table region as dense rows, where it stands, and what was left outside."""

    name: str  # as cell locations write it ('RACI Sheet')
    default_name: str  # the matrix name when the table has no title
    rows: list[Row]
    row0: int = 0
    col0: int = 0
    outside: list[tuple[int, int, Any]] = field(default_factory=list)


#: Cells outside the table reported one by one; the rest are counted.
_OUTSIDE_REPORTED = 20


def _report_outside(sheet: PlacedRows, problems: list[ImportProblem]) -> None:
    if not sheet.outside:
        return
    last_row = sheet.row0 + max(len(sheet.rows), 1)
    last_col = sheet.col0 + max((len(r) for r in sheet.rows), default=1)
    region = f"{column_letter(sheet.col0)}{sheet.row0 + 1}:{column_letter(last_col - 1)}{last_row}"
    for r, c, value in sheet.outside[:_OUTSIDE_REPORTED]:
        text = cell_text(value).strip()
        if len(text) > 60:
            text = text[:57] + "..."
        problems.append(
            ImportProblem(
                f"{sheet.name}!{column_letter(c)}{r + 1}",
                f"{text!r} stands far from the table ({region}); not imported",
            )
        )
    more = len(sheet.outside) - _OUTSIDE_REPORTED
    if more > 0:
        problems.append(
            ImportProblem(
                sheet.name, f"{more:,} more cells far from the table ({region}); not imported"
            )
        )


def read_sheet_rows(
    sheets: Sequence[tuple[str, str, list[Row]] | PlacedRows],
    source_name: str,
    kinds: dict[Any, tuple[int, str]] | None = None,
) -> ImportResult:
    """Read loaded sheets as matrices.

    Each sheet is (name used in cell locations, matrix name when the table has
    no title, rows starting at A1), or a :class:`PlacedRows` cut out of a sheet.
    """
    document = Document()
    problems: list[ImportProblem] = []
    taken: set[str] = set()
    if kinds is None:
        kinds = {}
    for given in sheets:
        placed = given if isinstance(given, PlacedRows) else PlacedRows(*given)
        sheet_name, default_name, rows = placed.name, placed.default_name, placed.rows
        sheet = _Sheet(sheet_name, rows, kinds, row0=placed.row0, col0=placed.col0)
        grid = _find_grid(sheet)
        if grid is None:
            if any(not sheet.blank(i) for i in range(len(rows))) or placed.outside:
                problems.append(
                    ImportProblem(sheet_name, "no table of roles and codes found; sheet skipped")
                )
            continue
        title = _title(sheet, grid)
        name = title or clean_name(default_name) or "Matrix"
        unique = distinct_name(name, taken)
        if unique != name:
            problems.append(
                ImportProblem(sheet_name, f"a second matrix named {name!r}; kept as {unique!r}")
            )
        taken.add(normalise(unique))
        document.matrices.append(_read_grid(sheet, grid, unique, title))
        problems.extend(sheet.sorted_problems())
        _report_outside(placed, problems)
    if not document.matrices:
        raise UnreadableInputError(
            f"{source_name}: no table of roles and codes found (roles across the first row, "
            "tasks down the first column, codes in the cells)"
        )
    return ImportResult(document, problems)


# ----------------------------------------------------------------------------- xlsx
def read_sheet_xlsx(path: str | os.PathLike[str]) -> ImportResult:
    """Read every sheet of a workbook that holds a grid of codes; each becomes a matrix.

    The workbook is streamed (:mod:`rolematrix.io.xlsx_reader`) within the named
    limits; each sheet's table is found among its filled cells
    (:mod:`rolematrix.io.sheet_region`) and only that region is read as rows.
    """
    source = Path(path)
    check_regular_file(source)
    workbook = read_workbook(source)
    notes = [note for cells in workbook.sheets for note in missing_results(cells)]
    result = _read_sparse([(c.title, c.title, c.rows) for c in workbook.sheets], source.name)
    result.problems[:0] = notes
    return result


def _read_sparse(
    sheets: Sequence[tuple[str, str, Mapping[int, Sequence[tuple[int, Any]]]]], source_name: str
) -> ImportResult:
    """Read sheets given as their filled cells: (title, matrix name, row -> [(col, value)]).

    The title is quoted for cell locations when it is a workbook's sheet title
    (``'RACI Sheet'!B4``); a csv's file name is used as it is.
    """
    kinds: dict[Any, tuple[int, str]] = {}  # shared with the grid finder: each value once
    texts = [limits.MAX_DISTINCT_TEXTS]

    def is_code(value: Any) -> bool:
        key = value if value.__class__ is str else (value.__class__, value)
        found = kinds.get(key)
        if found is None:
            if key is value:
                texts[0] -= 1
                if texts[0] < 0:
                    raise limits.exceeded(
                        source_name,
                        f"more than {limits.MAX_DISTINCT_TEXTS:,} different texts",
                        limits.MAX_DISTINCT_TEXTS,
                        "MAX_DISTINCT_TEXTS",
                    )
            found = kinds[key] = classify_cell(value)
        return found[0] == CODE

    placed: list[tuple[str, str, list[Row]] | PlacedRows] = []
    for title, default_name, cells in sheets:
        region = find_region(cells, is_code, source_name, title)
        where = title if title == source_name else sheet_reference(title)
        placed.append(
            PlacedRows(
                where, default_name, list(region.rows), region.row0, region.col0, region.outside
            )
        )
    return read_sheet_rows(placed, source_name, kinds)


# ------------------------------------------------------------------------------ csv
def decode_text(data: bytes, source_name: str) -> tuple[str, list[ImportProblem]]:
    """Text of a csv file: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError as exc:
            raise UnreadableInputError(f"{source_name}: damaged UTF-16 text ({exc})") from exc
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        note = ImportProblem(source_name, "not UTF-8 text; read as Windows-1252 (Western European)")
        return data.decode("cp1252", errors="replace"), [note]


def csv_rows(text: str, delimiter: str, source_name: str) -> Iterator[list[str]]:
    """The rows of csv ``text``, one at a time (a 60 MB file of tiny fields would take
    gigabytes as one list); a field past :data:`~rolematrix.io.limits.MAX_CSV_FIELD_CHARS`
    or damaged quoting is refused naming the file, never a traceback."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    while True:
        previous = csv.field_size_limit(limits.MAX_CSV_FIELD_CHARS)
        try:
            row = next(reader, None)
        except csv.Error as exc:
            if "field limit" in str(exc):
                raise limits.exceeded(
                    source_name,
                    f"a field is longer than {limits.MAX_CSV_FIELD_CHARS:,} characters",
                    limits.MAX_CSV_FIELD_CHARS,
                    "MAX_CSV_FIELD_CHARS",
                ) from exc
            raise UnreadableInputError(f"{source_name}: not readable as CSV ({exc})") from exc
        finally:
            csv.field_size_limit(previous)
        if row is None:
            return
        yield row


def sniff_delimiter(text: str) -> str:
    """Comma, semicolon or tab: the one that splits the first lines most consistently."""
    lines = [line for line in text.splitlines()[:60] if line.strip()]
    best, best_score = ",", (-1, -1)
    for delimiter in (",", ";", "\t"):
        counts: dict[int, int] = {}
        previous = csv.field_size_limit(limits.MAX_CSV_FIELD_CHARS)
        try:
            for fields in csv.reader(lines, delimiter=delimiter):
                counts[len(fields)] = counts.get(len(fields), 0) + 1
        except csv.Error:
            continue  # not this delimiter; the reader proper says what is wrong
        finally:
            csv.field_size_limit(previous)
        wide = {n: k for n, k in counts.items() if n > 1}
        if not wide:
            continue
        width, rows = max(wide.items(), key=lambda item: (item[1], item[0]))
        score = (rows, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_sheet_text(text: str, source_name: str) -> ImportResult:
    """Read csv text holding a plain sheet; cells are named ``file.csv!D7``."""
    if text.startswith("\ufeff"):
        text = text[1:]
    delimiter = sniff_delimiter(text)
    cells: dict[int, list[tuple[int, Any]]] = {}
    filled = 0
    for r, fields in enumerate(csv_rows(text, delimiter, source_name)):
        row = [(c, value) for c, value in enumerate(fields) if value.strip()]
        if row:
            cells[r] = row
            filled += len(row)
            if filled > limits.MAX_FILLED_CELLS:
                raise limits.exceeded(
                    source_name,
                    f"the file holds more than {limits.MAX_FILLED_CELLS:,} filled cells",
                    limits.MAX_FILLED_CELLS,
                    "MAX_FILLED_CELLS",
                )
    return _read_sparse([(source_name, Path(source_name).stem, cells)], source_name)


def read_sheet_csv(path: str | os.PathLike[str]) -> ImportResult:
    """Read a plain sheet saved as csv (comma, semicolon or tab separated)."""
    source = Path(path)
    data = read_input(source)
    text, notes = decode_text(data, source.name)
    result = read_sheet_text(text, source.name)
    result.problems[:0] = notes
    return result
