"""The role handbook: cover, contents with the right page numbers, chapters, bookmarks."""

from __future__ import annotations

import re
from pathlib import Path

import arabic_reshaper
import pytest
from pypdf import PdfReader

from rolematrix.core.model import Document, Matrix
from rolematrix.core.templates import builtin_templates
from rolematrix.io.pdf_handbook import write_handbook_pdf
from rolematrix.io.pdf_text import TextBlock, visual, wrap
from rolematrix.io.report import ExportError
from tests.test_pdf_report import MARKUP, font_names, persian_matrix


def small_matrix() -> Matrix:
    m = Matrix("Launch <b>plan</b>", description="How we ship & who decides.")
    lead = m.add_role("Lead", short="L", description="Owns the plan.")
    dev = m.add_role("Developer", description="Builds <it> & tests it.")
    idle = m.add_role("Observer")
    phase = m.add_phase("Build")
    for name in MARKUP:
        task = m.add_task(name, phase.id, description=f"About {name}")
        m.set_cells([(task.id, lead.id, "AR"), (task.id, dev.id, "C")])
    m.add_person("Alex", [lead.id])
    assert idle
    return m


def outline(reader: PdfReader) -> list[tuple[str, int]]:
    out = []
    for item in reader.outline:
        if not isinstance(item, list):
            out.append((item.title, reader.get_destination_page_number(item)))
    return out


def test_handbook_has_cover_contents_chapters_and_bookmarks(tmp_path: Path) -> None:
    m = small_matrix()
    path = tmp_path / "book.pdf"
    write_handbook_pdf(Document([m]), path)
    reader = PdfReader(path)
    pages = [p.extract_text() for p in reader.pages]
    assert "Launch <b>plan</b>" in pages[0] and "handbook" in pages[0]
    marks = outline(reader)
    titles = [t for t, _ in marks]
    assert titles[:4] == ["Contents", "Lead", "Developer", "Observer"]
    assert titles[-2:] == ["Appendix A: the whole matrix", "Appendix B: legend and findings"]
    contents = pages[marks[0][1]]
    for title, page in marks[1:]:
        assert title in pages[page]  # the bookmark lands on its chapter
        assert title in contents
    # page numbers are drawn last, so they are extracted after the titles, in the same order
    numbers = re.findall(r"^(\d+)$", contents, re.MULTILINE)
    assert numbers == [str(page + 1) for _, page in marks[1:]]
    lead_page = pages[marks[1][1]]
    assert "Accountable for (5)" in lead_page and "Responsible for (5)" in lead_page
    assert "Held by: Alex" in lead_page and "Owns the plan." in lead_page
    dev_text = pages[marks[2][1]]
    assert "Consulted on (5)" in dev_text and "Builds <it> & tests it." in dev_text
    assert "no tasks in the matrix yet" in pages[marks[3][1]]
    text = "\n".join(pages)
    for literal in MARKUP:
        assert literal in text and f"About {literal}" in text
    assert reader.pages[marks[0][1]].get("/Annots")  # contents lines link to the chapters


def test_every_template_makes_a_handbook(tmp_path: Path) -> None:
    for template_id, template in builtin_templates().items():
        path = tmp_path / f"{template_id}.pdf"
        write_handbook_pdf(Document([template.build()]), path)
        reader = PdfReader(path)
        titles = [t for t, _ in outline(reader)]
        assert [r.name for r in template.build().roles] == titles[1:-2], template_id


def test_persian_handbook_uses_the_shipped_font(tmp_path: Path) -> None:
    m = persian_matrix()
    path = tmp_path / "fa.pdf"
    write_handbook_pdf(Document([m]), path)
    assert all("DejaVuSans" in name for name in font_names(path))
    text = "".join(p.extract_text() for p in PdfReader(path).pages)
    assert arabic_reshaper.reshape(m.roles[0].name) in text


def test_right_to_left_brackets_are_mirrored() -> None:
    assert visual("مدیر امور مشتری (AM)").startswith("(AM)")
    assert visual("AM (x)") == "AM (x)"


def test_text_block_wraps_and_breaks_overlong_words() -> None:
    lines = wrap("word " * 30 + "x" * 300, "RoleMatrixSans", 10, 100)
    assert len(lines) > 5
    block = TextBlock([])
    assert block.wrap(100, 100) == (100, 0)


def test_unwritable_path_fails_clearly_and_leaves_nothing(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(ExportError, match=r"a-file/book\.pdf"):
        write_handbook_pdf(Document([small_matrix()]), blocker / "book.pdf")
    assert [p.name for p in tmp_path.iterdir()] == ["a-file"]
