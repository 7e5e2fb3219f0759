"""The per-role handbook: a PDF a new hire reads to learn what their role does.

Cover, contents (with page numbers and links), one chapter per role -- who
holds it, its description, a one-line summary, then "Accountable for",
"Responsible for", "Consulted on", "Kept informed on" (and the scheme's other
codes) with each task's phase, description and who else is involved -- and an
appendix with the whole matrix and the legend. Chapters are PDF bookmarks.
All of it in the matrix's language: a Persian matrix makes a Persian handbook,
read right to left, with Persian digits and dates (:mod:`rolematrix.io.pdf_words`).

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
    SimpleDocTemplate,
    Spacer,
)

from rolematrix.core.model import Document, Matrix, Role
from rolematrix.core.schemes import Code, Scheme
from rolematrix.io.files import atomic_output
from rolematrix.io.pdf_report import (
    MUTED,
    PADDING,
    findings_flowables,
    grid_flowables,
    legend_flowables,
    page_footer,
    para,
    pick_matrix,
    pick_words,
    styles,
)
from rolematrix.io.pdf_text import (
    FONT,
    FONT_BOLD,
    LateMarks,
    Run,
    TextBlock,
    bare,
    canvas_maker,
    fit,
    one_document,
    register_fonts,
)
from rolematrix.io.pdf_words import Words, words_for
from rolematrix.io.xlsx_workbook import default_findings

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
        text = fit(self.title, self.font, size, self.width - number_room - 20, self.rtl)
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
    document: Document,
    path: str | Path,
    matrix_name: str | None = None,
    *,
    language: str | None = None,
) -> None:
    """Write the role handbook of one matrix (the named one, or the first) as a PDF.

    ``language`` ("en" or "fa") chooses the handbook's own words; None follows
    the matrix (Persian when it reads right to left). Raises
    :class:`ExportError` naming the path; never leaves a partial file.
    """
    matrix = pick_matrix(document, matrix_name, path)
    words = pick_words(matrix, language, path)
    findings = default_findings(matrix)
    with atomic_output(path, "handbook") as temp, one_document():
        build_handbook(matrix, findings, temp, words)


def build_handbook(
    matrix: Matrix, findings: list[Any], target: Path, words: Words | None = None
) -> None:
    register_fonts()
    words = words or words_for(matrix)
    rtl = words.rtl
    style = styles(rtl)
    page = A4
    margin = 18 * mm
    room = page[0] - 2 * margin - PADDING
    marks = LateMarks(footer=_footer(matrix.name, words), digits=words.number)
    doc = SimpleDocTemplate(
        str(target),
        pagesize=page,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=bare(words("handbook.title", name=matrix.name)),  # metadata: no bidi isolates
        author="RoleMatrix",
        subject=words("handbook.subject"),
        creator="RoleMatrix",
    )
    story: list[Flowable] = []
    story += _cover(matrix, style, room, words)
    # contents
    chapters = [(f"role-{role.id}", role.name) for role in matrix.roles]
    appendix_matrix = words("appendix.matrix")
    appendix_legend = words("appendix.legend")
    appendix = [("appendix-matrix", appendix_matrix), ("appendix-legend", appendix_legend)]
    story.append(Anchor(marks, "contents", words("contents")))
    story.append(para(words("contents"), style["h1"], room))
    story.append(Spacer(1, 6))
    for key, title in chapters:
        story.append(ContentsLine(marks, key, title, rtl))
    story.append(Spacer(1, 6))
    for key, title in appendix:
        story.append(ContentsLine(marks, key, title, rtl, bold=True))
    story.append(PageBreak())
    # one chapter per role
    chapter_tools = _ChapterWriter(matrix, style, room, marks, words)
    for role in matrix.roles:
        story += chapter_tools.chapter(role)
    # appendix
    story.append(PageBreak())
    story.append(Anchor(marks, "appendix-matrix", appendix_matrix))
    story.append(para(appendix_matrix, style["h1"], room))
    story += grid_flowables(matrix, room, style, words)
    story.append(CondPageBreak(120))
    story.append(Anchor(marks, "appendix-legend", appendix_legend))
    story.append(para(appendix_legend, style["h1"], room))
    story += legend_flowables(matrix, style, words, room)
    story += findings_flowables(findings, style, room, words, matrix)
    doc.build(story, canvasmaker=canvas_maker(marks))


def _footer(title: str, words: Words) -> Any:
    inner = page_footer(title, words)

    def draw(canvas: Any, index: int, count: int) -> None:
        if index:  # no furniture on the cover
            inner(canvas, index, count)

    return draw


def _cover(
    matrix: Matrix, style: dict[str, ParagraphStyle], room: float, words: Words
) -> list[Flowable]:
    big = ParagraphStyle("cover", style["title"], fontSize=30, leading=37)
    sub = ParagraphStyle(
        "coversub", style["h2"], textColor=MUTED, fontName=FONT, fontSize=15, leading=20
    )
    facts = words(
        "cover.facts",
        roles=words.count(len(matrix.roles), "roles"),
        tasks=words.count(len(matrix.tasks), "tasks"),
        scheme=words.scheme_title(matrix.scheme),
    )
    prepared = words("cover.prepared", date=words.date(dt.date.today()))
    out: list[Flowable] = [
        Spacer(1, 150),
        para(matrix.name, big, room),
        Spacer(1, 12),
        para(words("cover.subtitle"), sub, room),
        Spacer(1, 30),
    ]
    if matrix.description:
        out.append(para(matrix.description, style["body"], room))
        out.append(Spacer(1, 20))
    out += [
        para(words("cover.intro"), style["body"], room),
        Spacer(1, 40),
        para(facts, style["muted"], room),
        para(prepared, style["muted"], room),
        PageBreak(),
    ]
    return out


class _ChapterWriter:
    def __init__(
        self,
        matrix: Matrix,
        style: dict[str, ParagraphStyle],
        room: float,
        marks: LateMarks,
        words: Words,
    ) -> None:
        self.matrix = matrix
        self.style = style
        self.room = room
        self.marks = marks
        self.words = words
        self.sections = section_order(matrix.scheme)
        self.role_names = {r.id: r.name for r in matrix.roles}
        self.phase_names = {t.id: p.name for p in matrix.phases for t in p.tasks}
        self.rtl = words.rtl
        # the same few label lines repeat on every entry: build each once
        self._phase_lines = {p.name: words("entry.phase", phase=p.name) for p in matrix.phases}
        self._code_names = {c.letter: words.code_name(c) for c in matrix.scheme.codes}

    def chapter(self, role: Role) -> list[Flowable]:
        matrix = self.matrix
        style = self.style
        words = self.words
        room = self.room
        key = f"role-{role.id}"
        out: list[Flowable] = [CondPageBreak(250), Anchor(self.marks, key, role.name)]
        title = role.name + (f" ({role.short})" if role.short and role.short != role.name else "")
        out.append(para(title, style["h1"], room))
        holders = [p.name for p in matrix.holders(role.id)]
        if holders:
            names = words("list.separator").join(holders)
            out.append(para(words("chapter.held_by", names=names), style["muted"], room))
        if role.description:
            out.append(Spacer(1, 4))
            out.append(para(role.description, style["body"], room))
        column = matrix.column(role.id)
        by_code: dict[str, list[int]] = {c.letter: [] for c in self.sections}
        for task in matrix.tasks:
            codes = column.get(task.id)
            if codes:
                for letter in codes:
                    by_code.setdefault(letter, []).append(task.id)
        parts = [
            words.summary_part(code, len(by_code[code.letter]))
            for code in self.sections
            if by_code[code.letter]
        ]
        out.append(Spacer(1, 6))
        if parts:
            joined = words("chapter.summary_separator").join(parts)
            out.append(para(words("chapter.summary", parts=joined), style["body"], room))
        else:
            out.append(para(words("chapter.no_tasks"), style["body"], room))
        first_section: dict[int, str] = {}  # task id -> the section that described it in full
        for code in self.sections:
            task_ids = by_code[code.letter]
            if not task_ids:
                continue
            section = words.section(code)
            heading = words("chapter.heading", section=section, count=len(task_ids))
            entries = []
            for task_id in task_ids:
                if task_id in first_section:
                    entries.append(self.reminder(task_id, first_section[task_id]))
                else:
                    first_section[task_id] = section
                    entries.append(self.entry(task_id, role))
            out.append(KeepTogether([para(heading, style["h2"], room), entries[0]]))
            out.extend(entries[1:])
        for letter, task_ids in by_code.items():  # codes the scheme does not know (imported)
            if task_ids and not matrix.scheme.has(letter):
                heading = words(
                    "chapter.unknown_code",
                    letter=letter,
                    scheme=matrix.scheme.id,
                    count=len(task_ids),
                )
                out.append(para(heading, style["h2"], room))
                out.extend(self.entry(t, role) for t in task_ids)
        out.append(Spacer(1, 14))
        return out

    def entry(self, task_id: int, role: Role) -> Flowable:
        """One task as a short plain-text block: name, phase, description, who else is on it."""
        matrix = self.matrix
        task = matrix.task(task_id)
        runs = [Run(task.name, FONT_BOLD, 9.5)]
        phase = self.phase_names.get(task_id, "")
        if phase:
            runs.append(Run(self._phase_lines[phase], FONT, 8, MUTED))
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
            Run(self.words("entry.described_above", section=section), FONT, 8, MUTED),
        ]
        return TextBlock(runs, rtl=self.rtl, indent=10, space_after=5)

    def _others(self, task_id: int, role_id: int) -> str:
        """Who else is on the task, by code: "Accountable: Lead · Responsible: Dev, Ops"."""
        words = self.words
        scheme = self.matrix.scheme
        row = self.matrix.row(task_id)
        groups: dict[str, list[str]] = {}
        for other, codes in row.items():
            if other == role_id:
                continue
            for letter in codes:
                groups.setdefault(letter, []).append(self.role_names[other])
        parts = []
        separator = words("list.separator")
        for code in self.sections:
            names = groups.get(code.letter)
            if not names or not code.involves:
                continue
            shown = separator.join(names[:WITH_NAMES])
            if len(names) > WITH_NAMES:
                shown = words("entry.and_more", names=shown, count=len(names) - WITH_NAMES)
            parts.append(words("entry.with", code=self._code_names[code.letter], names=shown))
        if not parts:
            return words("entry.nobody_else") if scheme.is_check else ""
        return " · ".join(parts)
