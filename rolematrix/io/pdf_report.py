"""The matrix as a printable PDF report (landscape, paged, legend, findings summary).

A wide matrix does not fit a page -- a single reportlab table of 60 roles is
about 1,490 pt wide and gets clipped off both edges -- so the roles are split
into page groups that do fit, and every group repeats the task column; every
page repeats the role header. The grid is drawn by :class:`MatrixGrid`, a
flowable that paints straight onto the canvas (a reportlab ``Table`` of 30,000
styled cells is slow and cannot rotate headers); the handbook's appendix uses
it too. Right-to-left documents are drawn mirrored: task column on the right,
roles flowing leftwards, tables read from the right.

Every word the report adds is in the matrix's language (English, or Persian
for a right-to-left matrix; see :mod:`rolematrix.io.pdf_words`), and the
layout follows that language's direction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from math import ceil
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from rolematrix.core.findings import Finding, Severity, summary
from rolematrix.core.model import Document, Matrix, Role, Task
from rolematrix.io.files import atomic_output
from rolematrix.io.pdf_text import (
    FONT,
    FONT_BOLD,
    LateMarks,
    canvas_maker,
    fit,
    markup,
    one_document,
    register_fonts,
    visual,
    visual_lines,
    width,
    wrap,
)
from rolematrix.io.pdf_words import Words, words_for
from rolematrix.io.report import ExportError
from rolematrix.io.xlsx_workbook import default_findings

GRID_LINE = colors.HexColor("#BFBFBF")
HEADER_FILL = colors.HexColor("#F2F2F2")
PHASE_FILL = colors.HexColor("#E7E6E6")
MUTED = colors.HexColor("#595959")
SEVERITY_COLOUR = {
    Severity.ERROR: colors.HexColor("#F4B6B6"),
    Severity.WARNING: colors.HexColor("#FBE3A6"),
    Severity.INFO: colors.HexColor("#D6E6F5"),
}
#: Findings listed one by one in the report; beyond that only counted.
FINDINGS_LISTED = 150
#: What reportlab's page frame and table cells keep free beside the text (6 pt a side):
#: right-to-left text is wrapped here, before reportlab sees it, so to this narrower room.
PADDING = 12


# ------------------------------------------------------------------ styles
def styles(rtl: bool = False) -> dict[str, ParagraphStyle]:
    register_fonts()
    align = TA_RIGHT if rtl else TA_LEFT
    base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=13, alignment=align)
    return {
        "body": base,
        "title": ParagraphStyle("title", base, fontName=FONT_BOLD, fontSize=20, leading=25),
        "h1": ParagraphStyle(
            "h1", base, fontName=FONT_BOLD, fontSize=17, leading=22, spaceBefore=4, spaceAfter=6
        ),
        "h2": ParagraphStyle(
            "h2", base, fontName=FONT_BOLD, fontSize=12, leading=16, spaceBefore=10, spaceAfter=4
        ),
        "muted": ParagraphStyle("muted", base, textColor=MUTED, fontSize=8.5, leading=11),
        "small": ParagraphStyle("small", base, fontSize=8, leading=10),
        "entry": ParagraphStyle(
            "entry", base, leftIndent=0 if rtl else 10, rightIndent=10 if rtl else 0, spaceAfter=5
        ),
    }


def para(text: str, style: ParagraphStyle, room: float) -> Paragraph:
    """Plain ``text`` as a paragraph ``room`` points wide (right-to-left lines pre-wrapped).

    A right-aligned style belongs to a right-to-left document, whose
    paragraphs read right to left even when they start with a Latin word.
    """
    rtl = style.alignment == TA_RIGHT
    return Paragraph(markup(text, style.fontName, style.fontSize, room, rtl), style)


# -------------------------------------------------------------------- grid
@dataclass(frozen=True)
class GridLayout:
    task_width: float
    column_width: float
    header_height: float
    rotated: bool
    rtl: bool
    task_label: str = "Task"
    size: float = 7.5
    pad: float = 2.5

    @property
    def leading(self) -> float:
        return self.size + 2


@dataclass(frozen=True)
class GridRow:
    kind: str  # "phase" or "task"
    lines: tuple[str, ...]  # visual lines of the name
    height: float
    task: Task | None = None


def grid_layout(
    matrix: Matrix, room: float, words: Words | None = None
) -> tuple[GridLayout, list[list[Role]]]:
    """Column widths and the role groups that fit ``room`` points side by side."""
    words = words or words_for(matrix)
    rtl = words.rtl
    label = words("grid.task")
    register_fonts()
    size = 7.5
    names = [t.name for t in matrix.tasks]
    longest = max((width(visual(n), FONT, size) for n in names[:3000]), default=60)
    task_width = min(max(longest + 8, 110), min(220, room * 0.35))
    displays = {matrix.scheme.display(codes) for _, _, codes in matrix.cells()} or {"A/R"}
    code_width = max(width(d, FONT_BOLD, size) for d in displays) + 6
    roles = matrix.roles
    rest = room - task_width
    horizontal_width = 62.0
    if roles and len(roles) * horizontal_width <= rest:
        column = min(95.0, rest / len(roles))
        lines = max(len(visual_lines(r.name, FONT_BOLD, size, column - 4)) for r in roles)
        layout = GridLayout(task_width, column, min(lines, 3) * (size + 2) + 6, False, rtl, label)
        return layout, [list(roles)]
    column = max(code_width, 16.0)
    header = min(max((width(visual(r.name), FONT_BOLD, size) for r in roles), default=20) + 8, 120)
    per_group = max(1, int(rest // column))
    groups = ceil(len(roles) / per_group) if roles else 1
    per_group = ceil(len(roles) / groups) if roles else 0
    layout = GridLayout(task_width, column, header, True, rtl, label)
    return layout, [list(roles[i : i + per_group]) for i in range(0, len(roles), per_group)] or [[]]


def grid_rows(matrix: Matrix, layout: GridLayout) -> list[GridRow]:
    rows: list[GridRow] = []
    room = layout.task_width - 2 * layout.pad
    for phase in matrix.phases:
        if phase.name:
            line = fit(phase.name, FONT_BOLD, layout.size + 0.5, 10_000, layout.rtl)
            rows.append(GridRow("phase", (line,), layout.leading + 5))
        for task in phase.tasks:
            every = visual_lines(task.name, FONT, layout.size, room, layout.rtl)
            lines = every[:3]
            if len(every) > 3:  # cut the third line from reading order, not the drawn one
                third = wrap(task.name, FONT, layout.size, room)[2]
                lines[2] = fit(third + " …", FONT, layout.size, room, layout.rtl)
            rows.append(GridRow("task", tuple(lines), len(lines) * layout.leading + 4, task))
    return rows


class MatrixGrid(Flowable):
    """One role group of the matrix; splits by rows, repeating the header on each page."""

    def __init__(
        self, matrix: Matrix, roles: Sequence[Role], rows: Sequence[GridRow], layout: GridLayout
    ) -> None:
        super().__init__()
        self.matrix = matrix
        self.roles = list(roles)
        self.rows = list(rows)
        self.layout = layout
        self.total_width = layout.task_width + len(self.roles) * layout.column_width

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = self.total_width
        self.height = self.layout.header_height + sum(r.height for r in self.rows)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        room = avail_height - self.layout.header_height
        used = 0.0
        cut = 0
        for row in self.rows:
            if used + row.height > room:
                break
            used += row.height
            cut += 1
        if cut and cut < len(self.rows) and self.rows[cut - 1].kind == "phase":
            cut -= 1  # never leave a phase title alone at the foot of a page
        if cut == 0:
            return []
        layout = self.layout
        return [
            MatrixGrid(self.matrix, self.roles, self.rows[:cut], layout),
            MatrixGrid(self.matrix, self.roles, self.rows[cut:], layout),
        ]

    def _x(self, column: int) -> float:
        """Left edge of role column ``column`` (mirrored for right-to-left)."""
        lay = self.layout
        if lay.rtl:
            return self.total_width - lay.task_width - (column + 1) * lay.column_width
        return lay.task_width + column * lay.column_width

    def draw(self) -> None:
        canvas = self.canv
        lay = self.layout
        scheme = self.matrix.scheme
        task_x = self.total_width - lay.task_width if lay.rtl else 0.0
        top = self.height
        header_bottom = top - lay.header_height
        # header
        canvas.setFillColor(HEADER_FILL)
        canvas.rect(0, header_bottom, self.total_width, lay.header_height, stroke=0, fill=1)
        canvas.setFillColor(colors.black)
        canvas.setFont(FONT_BOLD, lay.size)
        label = visual(lay.task_label, lay.rtl)
        if lay.rtl:
            canvas.drawRightString(task_x + lay.task_width - lay.pad, header_bottom + 4, label)
        else:
            canvas.drawString(task_x + lay.pad, header_bottom + 4, label)
        for i, role in enumerate(self.roles):
            x = self._x(i)
            if lay.rotated:
                canvas.saveState()
                canvas.translate(x + lay.column_width / 2 + lay.size / 3, header_bottom + 4)
                canvas.rotate(90)
                room = lay.header_height - 8
                name = fit(role.name, FONT_BOLD, lay.size, room, lay.rtl)
                cut = width(name, FONT_BOLD, lay.size) < width(
                    visual(role.name, lay.rtl), FONT_BOLD, lay.size
                )
                if cut and role.short and role.short != role.name:
                    # cut short, names sharing a start look alike: lead with the short label
                    name = fit(f"{role.short} · {role.name}", FONT_BOLD, lay.size, room, lay.rtl)
                canvas.drawString(0, 0, name)
                canvas.restoreState()
            else:
                lines = visual_lines(role.name, FONT_BOLD, lay.size, lay.column_width - 4, lay.rtl)
                lines = lines[:3]
                y = header_bottom + 4 + (len(lines) - 1) * lay.leading
                for line in lines:
                    canvas.drawCentredString(x + lay.column_width / 2, y, line)
                    y -= lay.leading
        # rows
        y = header_bottom
        display = scheme.display
        fills: dict[str, Any] = {}
        canvas.setFont(FONT, lay.size)
        for row in self.rows:
            y -= row.height
            if row.kind == "phase":
                canvas.setFillColor(PHASE_FILL)
                canvas.rect(0, y, self.total_width, row.height, stroke=0, fill=1)
                canvas.setFillColor(colors.black)
                canvas.setFont(FONT_BOLD, lay.size + 0.5)
                if lay.rtl:
                    canvas.drawRightString(self.total_width - lay.pad, y + 5, row.lines[0])
                else:
                    canvas.drawString(lay.pad, y + 5, row.lines[0])
                canvas.setFont(FONT, lay.size)
                continue
            assert row.task is not None
            text_y = y + row.height - lay.leading + 1
            for line in row.lines:
                if lay.rtl:
                    canvas.drawRightString(task_x + lay.task_width - lay.pad, text_y, line)
                else:
                    canvas.drawString(task_x + lay.pad, text_y, line)
                text_y -= lay.leading
            cells = self.matrix.row(row.task.id)
            texts = self.matrix.row_texts(row.task.id)
            if not cells and not texts:
                continue
            for i, role in enumerate(self.roles):
                codes = cells.get(role.id, "")
                if role.id in texts:
                    # text that is no code: too long for a cell; marked here, quoted in the findings
                    codes += "?"
                if not codes:
                    continue
                shown = display(codes)
                fill = fills.get(codes)
                if fill is None:
                    first = shown.split("/")[0]
                    colour = scheme.code(first).colour if scheme.has(first) else "#FF6666"
                    fill = fills[codes] = colors.HexColor(colour)
                x = self._x(i)
                canvas.setFillColor(fill)
                canvas.rect(x, y, lay.column_width, row.height, stroke=0, fill=1)
                canvas.setFillColor(colors.black)
                canvas.drawCentredString(
                    x + lay.column_width / 2, y + row.height / 2 - lay.size / 3, shown
                )
        # grid lines
        canvas.setStrokeColor(GRID_LINE)
        canvas.setLineWidth(0.4)
        y = header_bottom
        path = canvas.beginPath()
        path.moveTo(0, top)
        path.lineTo(self.total_width, top)
        path.moveTo(0, y)
        path.lineTo(self.total_width, y)
        for row in self.rows:
            y -= row.height
            path.moveTo(0, y)
            path.lineTo(self.total_width, y)
        edges = [0.0, self.total_width, task_x if lay.rtl else lay.task_width]
        edges += [self._x(i) for i in range(len(self.roles))]
        for x in edges:
            path.moveTo(x, top)
            path.lineTo(x, y)
        canvas.drawPath(path, stroke=1, fill=0)


def grid_flowables(
    matrix: Matrix, room: float, style: dict[str, ParagraphStyle], words: Words
) -> list[Flowable]:
    """The matrix in page groups of roles, each group headed when there is more than one."""
    layout, groups = grid_layout(matrix, room, words)
    rows = grid_rows(matrix, layout)
    out: list[Flowable] = []
    total = len(matrix.roles)
    start = 0
    for number, group in enumerate(groups, start=1):
        if len(groups) > 1:
            end = start + len(group)
            text = words(
                "grid.group", first=start + 1, last=end, total=total, part=number, parts=len(groups)
            )
            out.append(para(text, style["h2"], room))
            start = end
        grid = MatrixGrid(matrix, group, rows, layout)
        grid.hAlign = "RIGHT" if layout.rtl else "LEFT"
        out.append(grid)
        out.append(Spacer(1, 10))
    return out


# ------------------------------------------------------------- legend etc.
def _mirrored(row: list[Any], rtl: bool) -> list[Any]:
    """A table row (or its column widths) in reading order: right to left when ``rtl``."""
    return row[::-1] if rtl else row


def legend_flowables(
    matrix: Matrix, style: dict[str, ParagraphStyle], words: Words, room: float
) -> list[Flowable]:
    scheme = matrix.scheme
    rtl = words.rtl
    widths = [36, 110, 300]
    small = style["small"]
    data: list[list[Any]] = [
        _mirrored(
            [
                para(words("legend.code"), small, widths[0] - PADDING),
                para(words("legend.name"), small, widths[1] - PADDING),
                para(words("legend.meaning"), small, widths[2] - PADDING),
            ],
            rtl,
        )
    ]
    letters = 2 if rtl else 0  # the column of the code letters
    table_style = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID_LINE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (letters, 0), (letters, -1), "CENTER"),
    ]
    for i, code in enumerate(scheme.codes, start=1):
        data.append(
            _mirrored(
                [
                    code.letter,
                    para(words.code_name(code), small, widths[1] - PADDING),
                    para(words.code_meaning(code), small, widths[2] - PADDING),
                ],
                rtl,
            )
        )
        table_style.append(("BACKGROUND", (letters, i), (letters, i), colors.HexColor(code.colour)))
    table = Table(
        data, colWidths=_mirrored(widths, rtl), hAlign="RIGHT" if rtl else "LEFT", splitInRow=1
    )
    table.setStyle(TableStyle(table_style))
    title = words("legend.title", scheme=words.scheme_title(scheme))
    return [
        KeepTogether(
            [
                para(title, style["h2"], room),
                table,
                Spacer(1, 4),
                para(words("legend.combined"), style["muted"], room),
            ]
        )
    ]


def findings_flowables(
    findings: list[Finding],
    style: dict[str, ParagraphStyle],
    room: float,
    words: Words,
    matrix: Matrix | None = None,
) -> list[Flowable]:
    counts = summary(findings)
    out: list[Flowable] = [CondPageBreak(90), para(words("findings.title"), style["h2"], room)]
    if not findings:
        out.append(para(words("findings.none"), style["body"], room))
        return out
    text = words(
        "findings.summary",
        errors=words.count(counts["error"], "errors"),
        warnings=words.count(counts["warning"], "warnings"),
        remarks=words.count(counts["info"], "remarks"),
        accepted=counts["accepted"],
    )
    out.append(para(text, style["body"], room))
    out.append(Spacer(1, 4))
    ordered = sorted(findings, key=lambda f: f.sort_key)
    shown = ordered[:FINDINGS_LISTED]
    rtl = words.rtl
    widths = [60, 150, room - 60 - 150]
    rooms = [w - PADDING for w in widths]
    small = style["small"]
    data: list[list[Any]] = [
        _mirrored(
            [
                para(words("findings.severity"), small, rooms[0]),
                para(words("findings.rule"), small, rooms[1]),
                para(words("findings.finding"), small, rooms[2]),
            ],
            rtl,
        )
    ]
    severities = 2 if rtl else 0  # the column of the severities
    table_style: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID_LINE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    for i, finding in enumerate(shown, start=1):
        message = words.finding(finding, matrix)
        severity = words.severity(finding.severity)
        if finding.accepted:
            message += "\n" + words("findings.reason", reason=finding.reason)
            severity = words("findings.accepted", severity=severity)
        data.append(
            _mirrored(
                [
                    para(severity, small, rooms[0]),
                    para(words.rule(finding.rule), small, rooms[1]),
                    para(message, small, rooms[2]),
                ],
                rtl,
            )
        )
        if not finding.accepted:
            colour = SEVERITY_COLOUR[finding.severity]
            table_style.append(("BACKGROUND", (severities, i), (severities, i), colour))
    # a row taller than a page (a name of thousands of characters) continues on the next
    table = Table(data, colWidths=_mirrored(widths, rtl), repeatRows=1, splitInRow=1)
    table.setStyle(TableStyle(table_style))
    out.append(table)
    if len(ordered) > len(shown):
        more = words("findings.more", count=len(ordered) - len(shown))
        out.append(para(more, style["muted"], room))
    return out


def page_footer(title: str, words: Words) -> Any:
    """Late-drawn page furniture: matrix name and date at the top, "page N of M" at the foot."""
    rtl = words.rtl
    today = visual(words.date(dt.date.today(), short=True), rtl)

    def draw(canvas: Any, index: int, count: int) -> None:
        page_width, page_height = canvas._pagesize
        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(MUTED)
        name = fit(title, FONT, 7.5, page_width / 2, rtl)
        if rtl:
            canvas.drawRightString(page_width - 15 * mm, page_height - 10 * mm, name)
            canvas.drawString(15 * mm, page_height - 10 * mm, today)
        else:
            canvas.drawString(15 * mm, page_height - 10 * mm, name)
            canvas.drawRightString(page_width - 15 * mm, page_height - 10 * mm, today)
        number = visual(words("page", page=index + 1, pages=count), rtl)
        canvas.drawCentredString(page_width / 2, 8 * mm, number)
        canvas.restoreState()

    return draw


def pick_matrix(document: Document, matrix_name: str | None, path: str | Path) -> Matrix:
    try:
        return document.matrix(matrix_name)
    except LookupError as exc:
        raise ExportError(f"{path}: {exc}") from exc


def pick_words(matrix: Matrix, language: str | None, path: str | Path) -> Words:
    """The words to export ``matrix`` with; an unknown language is an error naming ``path``."""
    try:
        return words_for(matrix, language)
    except ValueError as exc:
        raise ExportError(f"{path}: {exc}") from exc


# ------------------------------------------------------------------ report
def write_matrix_pdf(
    document: Document,
    path: str | Path,
    matrix_name: str | None = None,
    *,
    language: str | None = None,
) -> None:
    """Write one matrix (the named one, or the first) as a landscape PDF report.

    ``language`` ("en" or "fa") chooses the report's own words; None follows
    the matrix (Persian when it reads right to left). Raises
    :class:`ExportError` naming the path; never leaves a partial file.
    """
    matrix = pick_matrix(document, matrix_name, path)
    words = pick_words(matrix, language, path)
    findings = default_findings(matrix)
    with atomic_output(path, "PDF report") as temp, one_document():
        build_report(matrix, findings, temp, words)


def build_report(
    matrix: Matrix, findings: list[Finding], target: Path, words: Words | None = None
) -> None:
    register_fonts()
    words = words or words_for(matrix)
    style = styles(words.rtl)
    page = landscape(A4)
    margin = 15 * mm
    room = page[0] - 2 * margin - PADDING
    marks = LateMarks(footer=page_footer(matrix.name, words), digits=words.number)
    doc = SimpleDocTemplate(
        str(target),
        pagesize=page,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=matrix.name,
        author="RoleMatrix",
        subject=words("report.subject"),
        creator="RoleMatrix",
    )
    info = words(
        "report.facts",
        scheme=words.scheme_title(matrix.scheme),
        tasks=words.count(len(matrix.tasks), "tasks"),
        roles=words.count(len(matrix.roles), "roles"),
        date=words.date(dt.date.today(), short=True),
    )
    story: list[Flowable] = [
        para(matrix.name, style["title"], room),
        para(info, style["muted"], room),
    ]
    if matrix.description:
        story += [Spacer(1, 4), para(matrix.description, style["body"], room)]
    story.append(Spacer(1, 8))
    story += grid_flowables(matrix, room, style, words)
    story += legend_flowables(matrix, style, words, room)
    story += findings_flowables(findings, style, room, words, matrix)
    doc.build(story, canvasmaker=canvas_maker(marks))
