"""The matrix PDF: literal text, page groups for wide matrices, page numbers, fonts, failures."""

from __future__ import annotations

import re
from pathlib import Path

import arabic_reshaper
import pytest
from pypdf import PdfReader
from reportlab.pdfbase.ttfonts import TTFont

from rolematrix.core.assets import resources_dir
from rolematrix.core.model import Document, Matrix
from rolematrix.core.templates import builtin_templates
from rolematrix.io.pdf_report import write_matrix_pdf
from rolematrix.io.pdf_text import visual
from rolematrix.io.report import ExportError

MARKUP = [
    "<b>bold</b> & co",
    "<img src='/etc/passwd'/>",
    "<unclosed",
    "<font size=40>big",
    "=1+1 & @SUM(A1)",
]


def pdf_text(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def font_names(path: Path) -> set[str]:
    names = set()
    for page in PdfReader(path).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            names.add(str(ref.get_object()["/BaseFont"]))
    return names


def test_markup_like_text_prints_literally(tmp_path: Path) -> None:
    m = Matrix("<b>Plan</b> & co", description="<font size=40>desc & more")
    role = m.add_role("<i>Lead</i>")
    for name in MARKUP:
        m.set_cell(m.add_task(name).id, role.id, "A")
    path = tmp_path / "plan.pdf"
    write_matrix_pdf(Document([m]), path)
    text = "\n".join(pdf_text(path))
    for literal in [*MARKUP, "<b>Plan</b> & co", "<font size=40>desc & more", "<i>Lead</i>"]:
        assert literal in text


def test_wide_matrix_is_split_into_role_groups_with_the_task_column_repeated(
    tmp_path: Path,
) -> None:
    m = Matrix("Wide")
    roles = [m.add_role(f"Role {i:02d}") for i in range(60)]
    for t in range(30):
        task = m.add_task(f"Task number {t}")
        m.set_cells([(task.id, roles[(t + k) % 60].id, "RACI"[k % 4]) for k in range(0, 60, 7)])
    path = tmp_path / "wide.pdf"
    write_matrix_pdf(Document([m]), path)
    pages = pdf_text(path)
    text = "\n".join(pages)
    groups = re.findall(r"Roles (\d+)–(\d+) of 60 \(part (\d) of (\d)\)", text)
    assert len(groups) >= 2
    assert groups[0][0] == "1" and groups[-1][1] == "60"
    n_groups = int(groups[0][3])
    assert text.count("Task number 7\n") + text.count("Task number 7 ") >= n_groups
    count = len(pages)
    for number, page in enumerate(pages, start=1):
        assert f"page {number} of {count}" in page


def test_header_row_is_repeated_on_every_page_of_a_long_matrix(tmp_path: Path) -> None:
    m = Matrix("Long")
    owner = m.add_role("Owner")
    for t in range(120):
        m.set_cell(m.add_task(f"Step {t}").id, owner.id, "AR")
    path = tmp_path / "long.pdf"
    write_matrix_pdf(Document([m]), path)
    grid_pages = [p for p in pdf_text(path) if "Step " in p]
    assert len(grid_pages) >= 2
    assert all("Task" in p and "Owner" in p for p in grid_pages)


def persian_matrix() -> Matrix:
    templates = builtin_templates()
    if "fa-am-pm" in templates:
        return templates["fa-am-pm"].build()
    m = Matrix("ماتریس آژانس")
    am = m.add_role("مدیر امور مشتری (AM)")
    task = m.add_task("مذاکره درباره هزینه‌ها")
    m.set_cell(task.id, am.id, "AR")
    return m


def test_persian_is_shaped_and_embedded_with_a_font_that_has_its_glyphs(tmp_path: Path) -> None:
    m = persian_matrix()
    assert m.is_rtl
    path = tmp_path / "fa.pdf"
    write_matrix_pdf(Document([m]), path)
    fonts = font_names(path)
    assert fonts and all("DejaVuSans" in name for name in fonts)  # no Helvetica fallback
    face = TTFont("check", str(resources_dir() / "fonts" / "DejaVuSans.ttf")).face
    shown = visual(m.tasks[0].name)
    assert shown != m.tasks[0].name  # shaped into presentation forms, visual order
    assert all(ord(ch) in face.charToGlyph for ch in shown)
    # pypdf gives right-to-left runs back in reading order: the shaped name, not reversed
    text = "\n".join(pdf_text(path))
    assert arabic_reshaper.reshape(m.tasks[0].name) in text


def test_unwritable_path_fails_clearly_and_leaves_nothing(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(ExportError, match=r"a-file/out\.pdf"):
        write_matrix_pdf(Document([Matrix("Plan")]), blocker / "out.pdf")
    assert [p.name for p in tmp_path.iterdir()] == ["a-file"]


def test_unknown_matrix_name_is_an_export_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="no matrix named 'Nope'"):
        write_matrix_pdf(Document([Matrix("Plan")]), tmp_path / "x.pdf", "Nope")
    assert list(tmp_path.iterdir()) == []
