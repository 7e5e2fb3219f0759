"""The per-role handbook: a PDF a new hire reads to learn what their role does.

Cover, contents (with page numbers and links), one chapter per role -- who
holds it, its description, a one-line summary, then "Accountable for",
"Responsible for", "Consulted on", "Kept informed on" (and the scheme's other
codes) with each task's phase, description and who else is involved -- and an
appendix with the whole matrix and the legend. Chapters are PDF bookmarks.

It is laid out in a single pass: the contents' page numbers and the bookmarks
are drawn at the end by :class:`~rolematrix.io.pdf_text.DeferredCanvas`, which
is what keeps a 500 x 60 handbook under the 3-second target.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
)

from rolematrix.core.model import Document, Matrix, Role
from rolematrix.core.schemes import Code, Scheme
from rolematrix.io.files import atomic_output
from rolematrix.io.pdf_report import (
    MUTED,
    findings_flowables,
    grid_flowables,
    legend_flowables,
    page_footer,
    pick_matrix,
    styles,
)
from rolematrix.io.pdf_text import (
    FONT,
    FONT_BOLD,
    LateMarks,
    Run,
    TextBlock,
    canvas_maker,
    fit,
    markup,
    register_fonts,
)
from rolematrix.io.xlsx_workbook import default_findings

#: How each code reads as a chapter section, by the code's name.
SECTION_TITLES = {
    "Accountable": "Accountable for",
    "Approver": "Approves",
    "Responsible": "Responsible for",
    "Driver": "Drives",
    "Support": "Supports",
    "Consulted": "Consulted on",
    "Contributor": "Contributes to",
    "Informed": "Kept informed on",
    "Verifies": "Verifies",
    "Signs off": "Signs off",
    "Out of the loop": "Deliberately left out of",
    "Involved": "Involved in",
}
#: Other roles named per code in a task entry before "and N more".
WITH_NAMES = 4


def section_order(scheme: Scheme) -> list[Code]:
    """Accountable first, then responsible, then the rest as the scheme lists them."""
    first = [c for c in (scheme.accountable, scheme.responsible) if c]
    ordered = [scheme.code(letter) for letter in first]
    return ordered + [c for c in scheme.codes if c.letter not in first]


class Anchor(Flowable):
    """Zero-size mark: records where a chapter starts, for the contents and the bookmarks."""

    def __init__(self, marks: LateMarks, key: str, title: str, level: int = 0) -> None:
        super().__init__()
        self.marks = marks
        self.key = key
        self.title = title
        self.level = level
        marks.outline.append((title, key, level))

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        _, y = self.canv.absolutePosition(0, 0)
        self.marks.anchors[self.key] = (self.canv.page_index, y)


class ContentsLine(Flowable):
    """One contents line; its page number is drawn once the chapter's page is known."""

    def __init__(
        self, marks: LateMarks, key: str, title: str, rtl: bool, bold: bool = False
    ) -> None:
        super().__init__()
        self.marks = marks
        self.key = key
        self.title = title
        self.rtl = rtl
        self.font = FONT_BOLD if bold else FONT

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = 17
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        size = 10.5
        number_room = 30
        text = fit(self.title, self.font, size, self.width - number_room - 20)
        canvas.setFont(self.font, size)
        y = 4
        canvas.setStrokeColor(MUTED)
        canvas.setDash(1, 2)
        canvas.setLineWidth(0.5)
        if self.rtl:
            canvas.drawRightString(self.width, y, text)
            text_width = canvas.stringWidth(text, self.font, size)
            canvas.line(number_room, y, self.width - text_width - 6, y)
            number_x = 24.0
        else:
            canvas.drawString(0, y, text)
            text_width = canvas.stringWidth(text, self.font, size)
            canvas.line(text_width + 6, y, self.width - number_room, y)
            number_x = self.width
        canvas.setDash()
        x_abs, y_abs = canvas.absolutePosition(number_x, y)
        left, bottom = canvas.absolutePosition(0, 0)
        right, top = canvas.absolutePosition(self.width, self.height)
        self.marks.slots.setdefault(canvas.page_index, []).append(
            (self.key, x_abs, y_abs, (left, bottom, right, top))
        )


def write_handbook_pdf(
    document: Document, path: str | Path, matrix_name: str | None = None
) -> None:
    """Write the role handbook of one matrix (the named one, or the first) as a PDF.

    Raises :class:`ExportError` naming the path; never leaves a partial file.
    """
    matrix = pick_matrix(document, matrix_name, path)
    findings = default_findings(matrix)
    with atomic_output(path, "handbook") as temp:
        build_handbook(matrix, findings, temp)


def build_handbook(matrix: Matrix, findings: list[Any], target: Path) -> None:
    register_fonts()
    rtl = matrix.is_rtl
    style = styles(rtl)
    page = A4
    margin = 18 * mm
    room = page[0] - 2 * margin
    marks = LateMarks(footer=_footer(matrix.name, rtl))
    doc = SimpleDocTemplate(
        str(target),
        pagesize=page,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=f"{matrix.name}: roles and responsibilities",
        author="RoleMatrix",
        subject="Role handbook",
        creator="RoleMatrix",
    )
    story: list[Flowable] = []
    story += _cover(matrix, style, room)
    # contents
    chapters = [(f"role-{role.id}", role.name) for role in matrix.roles]
    appendix = [
        ("appendix-matrix", "Appendix A: the whole matrix"),
        ("appendix-legend", "Appendix B: legend and findings"),
    ]
    story.append(Anchor(marks, "contents", "Contents"))
    story.append(Paragraph(markup("Contents"), style["h1"]))
    story.append(Spacer(1, 6))
    for key, title in chapters:
        story.append(ContentsLine(marks, key, title, rtl))
    story.append(Spacer(1, 6))
    for key, title in appendix:
        story.append(ContentsLine(marks, key, title, rtl, bold=True))
    story.append(PageBreak())
    # one chapter per role
    chapter_tools = _ChapterWriter(matrix, style, room, marks)
    for role in matrix.roles:
        story += chapter_tools.chapter(role)
    # appendix
    story.append(PageBreak())
    story.append(Anchor(marks, "appendix-matrix", "Appendix A: the whole matrix"))
    story.append(Paragraph(markup("Appendix A: the whole matrix"), style["h1"]))
    story += grid_flowables(matrix, room, style)
    story.append(CondPageBreak(120))
    story.append(Anchor(marks, "appendix-legend", "Appendix B: legend and findings"))
    story.append(Paragraph(markup("Appendix B: legend and findings"), style["h1"]))
    story += legend_flowables(matrix, style)
    story += findings_flowables(findings, style, room)
    doc.build(story, canvasmaker=canvas_maker(marks))


def _footer(title: str, rtl: bool) -> Any:
    inner = page_footer(title, rtl)

    def draw(canvas: Any, index: int, count: int) -> None:
        if index:  # no furniture on the cover
            inner(canvas, index, count)

    return draw


def _cover(matrix: Matrix, style: dict[str, ParagraphStyle], room: float) -> list[Flowable]:
    big = ParagraphStyle("cover", style["title"], fontSize=30, leading=37)
    sub = ParagraphStyle(
        "coversub", style["h2"], textColor=MUTED, fontName=FONT, fontSize=15, leading=20
    )
    today = dt.date.today().strftime("%d %B %Y").lstrip("0")
    facts = f"{len(matrix.roles)} roles · {len(matrix.tasks)} tasks · {matrix.scheme.title}"
    out: list[Flowable] = [
        Spacer(1, 150),
        Paragraph(markup(matrix.name, FONT_BOLD, 30, room), big),
        Spacer(1, 12),
        Paragraph(markup("Roles and responsibilities: a handbook"), sub),
        Spacer(1, 30),
    ]
    if matrix.description:
        out.append(Paragraph(markup(matrix.description, FONT, 9.5, room), style["body"]))
        out.append(Spacer(1, 20))
    intro = (
        "Each chapter describes one role: what it is accountable for, the work it does, "
        "where it is consulted and what it is kept informed about. Read your own role's "
        "chapter first, then the roles you work with."
    )
    out += [
        Paragraph(markup(intro), style["body"]),
        Spacer(1, 40),
        Paragraph(markup(facts), style["muted"]),
        Paragraph(markup(f"Prepared {today}"), style["muted"]),
        PageBreak(),
    ]
    return out


class _ChapterWriter:
    def __init__(
        self, matrix: Matrix, style: dict[str, ParagraphStyle], room: float, marks: LateMarks
    ) -> None:
        self.matrix = matrix
        self.style = style
        self.room = room
        self.marks = marks
        self.entry_room = room - 12
        self.sections = section_order(matrix.scheme)
        self.role_names = {r.id: r.name for r in matrix.roles}
        self.phase_names = {t.id: p.name for p in matrix.phases for t in p.tasks}
        self.rtl = matrix.is_rtl

    def chapter(self, role: Role) -> list[Flowable]:
        matrix = self.matrix
        style = self.style
        key = f"role-{role.id}"
        out: list[Flowable] = [CondPageBreak(250), Anchor(self.marks, key, role.name)]
        title = role.name + (f" ({role.short})" if role.short and role.short != role.name else "")
        out.append(Paragraph(markup(title, FONT_BOLD, 17, self.room), style["h1"]))
        holders = [p.name for p in matrix.holders(role.id)]
        if holders:
            out.append(
                Paragraph(
                    markup("Held by: " + ", ".join(holders), FONT, 8.5, self.room), style["muted"]
                )
            )
        if role.description:
            out.append(Spacer(1, 4))
            out.append(Paragraph(markup(role.description, FONT, 9.5, self.room), style["body"]))
        column = matrix.column(role.id)
        by_code: dict[str, list[int]] = {c.letter: [] for c in self.sections}
        for task in matrix.tasks:
            codes = column.get(task.id)
            if codes:
                for letter in codes:
                    by_code.setdefault(letter, []).append(task.id)
        parts = []
        for code in self.sections:
            count = len(by_code[code.letter])
            if count:
                noun = "task" if count == 1 else "tasks"
                parts.append(f"{SECTION_TITLES.get(code.name, code.name).lower()} {count} {noun}")
        out.append(Spacer(1, 6))
        if parts:
            summary = "In short: " + "; ".join(parts) + "."
            out.append(Paragraph(markup(summary[0].upper() + summary[1:]), style["body"]))
        else:
            out.append(
                Paragraph(markup("This role has no tasks in the matrix yet."), style["body"])
            )
        first_section: dict[int, str] = {}  # task id -> the section that described it in full
        for code in self.sections:
            task_ids = by_code[code.letter]
            if not task_ids:
                continue
            section = SECTION_TITLES.get(code.name, code.name)
            heading = f"{section} ({len(task_ids)})"
            entries = []
            for task_id in task_ids:
                if task_id in first_section:
                    entries.append(self.reminder(task_id, first_section[task_id]))
                else:
                    first_section[task_id] = section
                    entries.append(self.entry(task_id, role, code))
            out.append(KeepTogether([Paragraph(markup(heading), style["h2"]), entries[0]]))
            out.extend(entries[1:])
        for letter, task_ids in by_code.items():  # codes the scheme does not know (imported)
            if task_ids and not matrix.scheme.has(letter):
                heading = f"Marked “{letter}”, a code the {matrix.scheme.id} scheme does not define ({len(task_ids)})"
                out.append(Paragraph(markup(heading), style["h2"]))
                out.extend(self.entry(t, role, None) for t in task_ids)
        out.append(Spacer(1, 14))
        return out

    def entry(self, task_id: int, role: Role, code: Code | None) -> Flowable:
        """One task as a short plain-text block: name, phase, description, who else is on it."""
        matrix = self.matrix
        task = matrix.task(task_id)
        runs = [Run(task.name, FONT_BOLD, 9.5)]
        phase = self.phase_names.get(task_id, "")
        if phase:
            runs.append(Run(f"Phase: {phase}", FONT, 8, MUTED))
        if task.description:
            runs.append(Run(task.description, FONT, 9.5))
        others = self._others(task_id, role.id)
        if others:
            runs.append(Run(others, FONT, 8, MUTED))
        return TextBlock(runs, rtl=self.rtl, indent=10, space_after=5)

    def reminder(self, task_id: int, section: str) -> Flowable:
        """A task already described under an earlier heading: its name and where to look."""
        runs = [
            Run(self.matrix.task(task_id).name, FONT_BOLD, 9.5),
            Run(f"Described above, under “{section}”.", FONT, 8, MUTED),
        ]
        return TextBlock(runs, rtl=self.rtl, indent=10, space_after=5)

    def _others(self, task_id: int, role_id: int) -> str:
        """Who else is on the task, by code: "Accountable: Lead · Responsible: Dev, Ops"."""
        scheme = self.matrix.scheme
        row = self.matrix.row(task_id)
        groups: dict[str, list[str]] = {}
        for other, codes in row.items():
            if other == role_id:
                continue
            for letter in codes:
                groups.setdefault(letter, []).append(self.role_names[other])
        parts = []
        for code in self.sections:
            names = groups.get(code.letter)
            if not names or not code.involves:
                continue
            shown = ", ".join(names[:WITH_NAMES])
            if len(names) > WITH_NAMES:
                shown += f" and {len(names) - WITH_NAMES} more"
            parts.append(f"{code.name}: {shown}")
        if not parts:
            return "Nobody else is involved." if scheme.is_check else ""
        return " · ".join(parts)
