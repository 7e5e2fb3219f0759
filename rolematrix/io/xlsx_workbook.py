"""Writing a document as a styled, formula-safe Excel workbook.

XlsxWriter writes it (the large matrix styled takes about as long as openpyxl
writes it plain -- bench/bench_xlsx.py); openpyxl stays the reader. Every user
text goes through ``write_string`` after :func:`~rolematrix.io.text_safety.cell_text`,
with the workbook options that turn off XlsxWriter's guessing, so a task named
``=1+1`` or ``@SUM(A1)`` stays text in Excel and LibreOffice.

The layout (positions in :mod:`rolematrix.io.xlsx_layout`): per matrix a sheet
with a title row, an info row, the description, the header row of roles
(rotated when there are many), phase rows and task rows, codes as "A/R" with
the fill colour of the first code; then a Legend, a Findings sheet and the
hidden ``_rolematrix`` sheet that lets :func:`read_xlsx_layout` give back the
document exactly.

Also home of :func:`default_findings`, which the PDF exporters share.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rolematrix.core.checker import check
from rolematrix.core.codes import cell_field
from rolematrix.core.findings import Finding, Severity
from rolematrix.core.model import Document, Matrix
from rolematrix.core.schemes import Scheme
from rolematrix.core.templates import reference_for
from rolematrix.io.files import atomic_output
from rolematrix.io.report import ExportError
from rolematrix.io.text_safety import cell_text, escape_json_for_xlsx
from rolematrix.io.xlsx_layout import (
    CHUNK,
    DATA_SHEET,
    DESCRIPTION_HEADER,
    DESCRIPTION_ROW,
    FINDINGS_SHEET,
    FIRST_ROLE_COL,
    FIRST_ROW,
    FORMAT_VERSION,
    HEADER_ROW,
    INFO_ROW,
    LEGEND_SHEET,
    MARKER,
    TASK_COL,
    TASK_HEADER,
    TITLE_ROW,
    matrix_data,
    sheet_names,
)

FindingsFor = Callable[[Matrix], list[Finding]]

#: More roles than this and the header text is turned upright to keep columns narrow.
ROTATE_ABOVE = 8
SEVERITY_FILL = {Severity.ERROR: "#F4B6B6", Severity.WARNING: "#FBE3A6", Severity.INFO: "#D6E6F5"}
PHASE_FILL = "#E7E6E6"
HEADER_FILL = "#F2F2F2"
# How the most common combined codes read; offered in the cell drop-down next to the single codes.
COMMON_COMBINATIONS = ("AR", "AD", "RC", "RS", "AS")


# ------------------------------------------------------------ shared helpers
def default_findings(matrix: Matrix) -> list[Finding]:
    """The checker's findings, against the built-in template the matrix came from if any."""
    return check(matrix, reference_for(matrix))


# ------------------------------------------------------------------- writer
def write_xlsx(
    document: Document, path: str | Path, *, findings_for: FindingsFor | None = None
) -> None:
    """Write every matrix of ``document`` to ``path`` as an xlsx workbook.

    ``findings_for(matrix)`` supplies the Findings sheet (the editor passes its
    live checker's findings); by default the matrix is checked here.
    Raises :class:`ExportError` naming the path; never leaves a partial file.
    """
    import xlsxwriter

    findings_for = findings_for or default_findings
    with atomic_output(path, "workbook") as temp:
        book = xlsxwriter.Workbook(
            str(temp),
            {
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "strings_to_numbers": False,
                "use_zip64": True,
            },
        )
        try:
            _WorkbookWriter(book, document, findings_for).write()
        finally:
            try:
                book.close()
            except Exception as exc:  # xlsxwriter wraps OS errors in its own types
                raise ExportError(f"{path}: cannot write the workbook ({exc})") from exc


class _WorkbookWriter:
    def __init__(self, book: Any, document: Document, findings_for: FindingsFor) -> None:
        self.book = book
        self.document = document
        self.findings_for = findings_for
        self.code_formats: dict[tuple[str, str], Any] = {}
        self.title = book.add_format({"bold": True, "font_size": 15})
        self.muted = book.add_format({"font_color": "#595959", "italic": True})
        # text a cell held that is no code, shown as written so that a reader sees it
        self.unread = book.add_format(
            {
                "font_color": "#9C0006",
                "italic": True,
                "align": "center",
                "border": 1,
                "border_color": "#BFBFBF",
            }
        )
        self.bold = book.add_format({"bold": True})
        self.wrap = book.add_format({"text_wrap": True, "valign": "top"})
        self.task = book.add_format({"valign": "vcenter", "border": 1, "border_color": "#BFBFBF"})
        self.phase = book.add_format(
            {"bold": True, "bg_color": PHASE_FILL, "border": 1, "border_color": "#BFBFBF"}
        )
        self.header = book.add_format(
            {
                "bold": True,
                "bg_color": HEADER_FILL,
                "border": 1,
                "text_wrap": True,
                "valign": "bottom",
                "align": "center",
            }
        )
        self.header_left = book.add_format(
            {"bold": True, "bg_color": HEADER_FILL, "border": 1, "valign": "bottom"}
        )
        self.header_rotated = book.add_format(
            {
                "bold": True,
                "bg_color": HEADER_FILL,
                "border": 1,
                "rotation": 90,
                "valign": "bottom",
                "align": "center",
            }
        )
        self.findings_cache: dict[int, list[Finding]] = {}

    # --------------------------------------------------------------- parts
    def write(self) -> None:
        matrices = self.document.matrices
        names = sheet_names(m.name for m in matrices)
        data = []
        for matrix, sheet in zip(matrices, names, strict=True):
            self.matrix_sheet(matrix, sheet)
            data.append(matrix_data(matrix, sheet))
        self.legend_sheet()
        self.findings_sheet()
        self.data_sheet({"format": "rolematrix-xlsx", "version": FORMAT_VERSION, "matrices": data})
        first = matrices[0] if matrices else None
        self.book.set_properties(
            {
                "title": cell_text(first.name) if first else "RoleMatrix",
                "subject": "Responsibility matrix",
                "author": "RoleMatrix",
                "comments": cell_text(first.description)[:1000] if first else "",
                "keywords": "RACI, responsibility matrix",
                "created": dt.datetime.now(),
            }
        )

    def code_format(self, scheme: Scheme, codes: str) -> Any:
        key = (scheme.id, codes)
        fmt = self.code_formats.get(key)
        if fmt is None:
            shown = scheme.display(codes).split("/")[0]
            colour = scheme.code(shown).colour if scheme.has(shown) else "#FF0000"
            fmt = self.book.add_format(
                {
                    "bg_color": colour,
                    "align": "center",
                    "valign": "vcenter",
                    "border": 1,
                    "border_color": "#BFBFBF",
                }
            )
            self.code_formats[key] = fmt
        return fmt

    def matrix_sheet(self, matrix: Matrix, sheet_name: str) -> None:
        ws = self.book.add_worksheet(sheet_name)
        scheme = matrix.scheme
        roles = matrix.roles
        n_roles = len(roles)
        if matrix.is_rtl:
            ws.right_to_left()
        rotate = n_roles > ROTATE_ABOVE
        write_string = ws.write_string
        # title, info, description
        write_string(TITLE_ROW, TASK_COL, cell_text(matrix.name), self.title)
        info = (
            f"{scheme.title} · {len(matrix.tasks)} tasks × {n_roles} roles · "
            f"exported {dt.date.today().isoformat()}"
        )
        write_string(INFO_ROW, TASK_COL, info, self.muted)
        # header
        write_string(HEADER_ROW, TASK_COL, TASK_HEADER, self.header_left)
        head_fmt = self.header_rotated if rotate else self.header
        longest = 0
        for i, role in enumerate(roles):
            label = cell_text(role.name)
            longest = max(longest, len(label))
            write_string(HEADER_ROW, FIRST_ROLE_COL + i, label, head_fmt)
        desc_col = FIRST_ROLE_COL + n_roles
        write_string(HEADER_ROW, desc_col, DESCRIPTION_HEADER, self.header_left)
        if rotate:
            ws.set_row(HEADER_ROW, min(300, 7 * min(longest, 40) + 12))
            if n_roles:
                ws.set_column(FIRST_ROLE_COL, desc_col - 1, 5.5)
        role_widths = [5.5] * n_roles
        if not rotate:
            ws.set_row(HEADER_ROW, 32 if longest > 14 else 18)
            for i, role in enumerate(roles):
                width = max(
                    8,
                    min(16, len(role.name) / 2 + 3 if len(role.name) > 14 else len(role.name) + 2),
                )
                role_widths[i] = width
                ws.set_column(FIRST_ROLE_COL + i, FIRST_ROLE_COL + i, width)
        task_width = max((len(t.name) for t in matrix.tasks[:2000]), default=10)
        task_width = max(18, min(60, task_width + 2))
        ws.set_column(TASK_COL, TASK_COL, task_width)
        ws.set_column(desc_col, desc_col, 50)
        if matrix.description:
            self.description_block(ws, matrix.description, [task_width, *role_widths])
        # grid
        row_index = FIRST_ROW
        role_cols = [(role.id, FIRST_ROLE_COL + i) for i, role in enumerate(roles)]
        display_cache: dict[str, tuple[str, Any]] = {}
        write_blank = ws.write_blank
        for phase in matrix.phases:
            if phase.name:
                write_string(row_index, TASK_COL, cell_text(phase.name), self.phase)
                for col in range(FIRST_ROLE_COL, desc_col + 1):
                    write_blank(row_index, col, None, self.phase)
                row_index += 1
            for task in phase.tasks:
                write_string(row_index, TASK_COL, cell_text(task.name), self.task)
                row = matrix.row(task.id)
                if row:
                    for role_id, col in role_cols:
                        codes = row.get(role_id)
                        if codes:
                            shown = display_cache.get(codes)
                            if shown is None:
                                shown = display_cache[codes] = (
                                    scheme.display(codes),
                                    self.code_format(scheme, codes),
                                )
                            write_string(row_index, col, shown[0], shown[1])
                texts = matrix.row_texts(task.id)
                if texts:
                    for role_id, col in role_cols:
                        if role_id in texts:
                            field = cell_field(row.get(role_id, ""), texts[role_id], scheme)
                            write_string(row_index, col, cell_text(field), self.unread)
                if task.description:
                    write_string(row_index, desc_col, cell_text(task.description))
                row_index += 1
        last_row = max(row_index - 1, HEADER_ROW)
        ws.freeze_panes(FIRST_ROW, FIRST_ROLE_COL)
        ws.autofilter(HEADER_ROW, TASK_COL, last_row, desc_col)
        if n_roles and last_row >= FIRST_ROW:
            ws.data_validation(
                FIRST_ROW, FIRST_ROLE_COL, last_row, desc_col - 1, self.validation(scheme)
            )
        # print set-up
        ws.set_landscape()
        ws.set_paper(9)  # A4
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(HEADER_ROW)
        ws.repeat_columns(TASK_COL)
        ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
        ws.set_header('&L&"-,Bold"&A&R&D')
        ws.set_footer("&CPage &P of &N")
        ws.print_area(0, 0, last_row, desc_col - 1 if n_roles else desc_col)

    def description_block(self, ws: Any, description: str, widths: list[float]) -> None:
        """The matrix description, wrapped across the printed columns.

        In one cell it would run past the print area's right edge and be cut
        off on paper (the grid fits one page wide, the text does not), so it
        is merged over the task and role columns, wrapped, and its row made
        tall enough for the lines it needs.
        """
        text = cell_text(description)
        last = TASK_COL + len(widths) - 1
        span = max(sum(widths) * 1.1, 20.0)  # characters per printed line, roughly
        lines = sum(max(1, -(-len(part) // int(span))) for part in text.split("\n"))
        if last > TASK_COL:
            ws.merge_range(DESCRIPTION_ROW, TASK_COL, DESCRIPTION_ROW, last, "", self.wrap)
        ws.write_string(DESCRIPTION_ROW, TASK_COL, text, self.wrap)
        ws.set_row(DESCRIPTION_ROW, min(409, 15 * lines + 3))

    def validation(self, scheme: Scheme) -> dict[str, Any]:
        """A drop-down of the codes that does not forbid combinations.

        An Excel list cannot enumerate every combination ("A/R", "R/C/I", ...),
        so it offers the single codes plus common pairs and uses the "warning"
        style: any other text asks once, and is kept on "Yes".
        """
        choices = [scheme.display(c.letter) for c in scheme.codes]
        for pair in COMMON_COMBINATIONS:
            if all(scheme.has(ch) for ch in pair):
                choices.append(scheme.display(scheme.canonical(pair)))
        letters = ", ".join(f"{c.letter} {c.name}" for c in scheme.codes)
        return {
            "validate": "list",
            "source": choices,
            "error_type": "warning",
            "error_title": "Not one of the usual codes",
            "error_message": (
                f"{scheme.id} codes: {letters}. Combine them with '/', e.g. A/R. Keep this entry?"
            )[:255],
            "ignore_blank": True,
        }

    def legend_sheet(self) -> None:
        ws = self.book.add_worksheet(LEGEND_SHEET)
        ws.set_column(0, 0, 24)
        ws.set_column(1, 1, 22)
        ws.set_column(2, 2, 60)
        ws.set_column(3, 3, 40)
        ws.write_string(0, 0, "Legend", self.title)
        row = 2
        seen: list[Scheme] = []
        for matrix in self.document.matrices:
            if matrix.scheme not in seen:
                seen.append(matrix.scheme)
        for scheme in seen:
            ws.write_string(row, 0, scheme.title, self.bold)
            row += 1
            for header_col, header in enumerate(("Code", "Name", "Meaning")):
                ws.write_string(row, header_col, header, self.header_left)
            row += 1
            for code in scheme.codes:
                ws.write_string(row, 0, code.letter, self.code_format(scheme, code.letter))
                ws.write_string(row, 1, code.name)
                ws.write_string(row, 2, code.meaning)
                row += 1
            row += 1
        for matrix in self.document.matrices:
            ws.write_string(row, 0, f"Roles of {cell_text(matrix.name)}", self.bold)
            row += 1
            for header_col, header in enumerate(("Role", "Short label", "Description", "Held by")):
                ws.write_string(row, header_col, header, self.header_left)
            row += 1
            for role in matrix.roles:
                ws.write_string(row, 0, cell_text(role.name))
                if role.short:
                    ws.write_string(row, 1, cell_text(role.short))
                if role.description:
                    ws.write_string(row, 2, cell_text(role.description), self.wrap)
                holders = ", ".join(p.name for p in matrix.holders(role.id))
                if holders:
                    ws.write_string(row, 3, cell_text(holders))
                row += 1
            row += 1

    def findings_sheet(self) -> None:
        ws = self.book.add_worksheet(FINDINGS_SHEET)
        headers = (
            "Matrix",
            "Severity",
            "Rule",
            "Task",
            "Role",
            "Person",
            "Message",
            "Accepted",
            "Reason",
        )
        widths = (20, 10, 26, 30, 20, 16, 70, 10, 40)
        for col, (header, width) in enumerate(zip(headers, widths, strict=True)):
            ws.write_string(0, col, header, self.header_left)
            ws.set_column(col, col, width)
        severity_formats = {
            sev: self.book.add_format({"bg_color": colour}) for sev, colour in SEVERITY_FILL.items()
        }
        row = 1
        for matrix in self.document.matrices:
            for finding in self.findings_for(matrix):
                values = (
                    finding.matrix,
                    finding.severity.value,
                    finding.rule,
                    finding.task or "",
                    finding.role or "",
                    finding.person or "",
                    finding.message,
                    "yes" if finding.accepted else "",
                    finding.reason if finding.accepted else "",
                )
                for col, value in enumerate(values):
                    if value:
                        fmt = severity_formats[finding.severity] if col == 1 else None
                        ws.write_string(row, col, cell_text(value), fmt)
                row += 1
        if row == 1:
            ws.write_string(1, 0, "No findings: every rule passes.", self.muted)
        ws.freeze_panes(1, 0)
        ws.autofilter(0, 0, max(row - 1, 1), len(headers) - 1)
        ws.set_landscape()
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(0)

    def data_sheet(self, payload: dict[str, Any]) -> None:
        ws = self.book.add_worksheet(DATA_SHEET)
        ws.write_string(0, 0, MARKER)
        ws.write_number(0, 1, FORMAT_VERSION)
        text = escape_json_for_xlsx(json.dumps(payload, ensure_ascii=False, separators=(",", ":")))
        for i, start in enumerate(range(0, len(text), CHUNK)):
            ws.write_string(1 + i, 0, text[start : start + CHUNK])
        ws.hide()
