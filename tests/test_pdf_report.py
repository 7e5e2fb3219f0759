"""The matrix PDF: literal text, page groups for wide matrices, page numbers, fonts, failures,
and its own words (findings included) in the matrix's language."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import arabic_reshaper
import pytest
from pypdf import PdfReader
from reportlab.pdfbase.ttfonts import TTFont

from rolematrix.core.assets import resources_dir
from rolematrix.core.checker import check
from rolematrix.core.model import Document, Matrix, Settings
from rolematrix.core.templates import builtin_templates, get_template
from rolematrix.io.pdf_report import grid_layout, grid_rows, write_matrix_pdf
from rolematrix.io.pdf_text import bare, visual
from rolematrix.io.pdf_words import EN, FA, Words
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


def test_long_role_names_that_share_a_start_lead_with_their_short_label(tmp_path: Path) -> None:
    m = Matrix("Wide")
    roles = [
        m.add_role(f"Regional operations coordinator for area {i}", short=f"ROC{i}")
        for i in range(30)
    ]
    task = m.add_task("Plan")
    m.set_cells([(task.id, r.id, "I") for r in roles])
    path = tmp_path / "wide.pdf"
    write_matrix_pdf(Document([m]), path)
    text = "\n".join(pdf_text(path))
    for i in (0, 7, 29):
        assert f"ROC{i} · Regional" in text


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


# ------------------------------------------------------ in the matrix's words
def shaped(text: str) -> str:
    return arabic_reshaper.reshape(text)


def checked_matrices() -> list[tuple[Matrix, Matrix | None]]:
    """Matrices (with the reference to check them against) bringing out every rule."""
    out: list[tuple[Matrix, Matrix | None]] = []
    for template in builtin_templates().values():
        matrix = template.build()
        out.append((matrix, template.reference))
        for preset in matrix.presets:  # staffing presets bring out the person rules
            staffed = template.build()
            staffed.apply_preset(preset)
            out.append((staffed, template.reference))
    strict = Matrix("Strict", "RACI", settings=Settings(profile="strict"))
    r = [strict.add_role(f"Role {i}").id for i in range(1, 8)]
    alone = strict.add_task("Alone").id
    crowd = strict.add_task("Crowd 2").id
    pair = strict.add_task("Pair").id
    strict.set_cells([(alone, r[0], "AR"), (pair, r[0], "A"), (pair, r[1], "R"), (pair, r[2], "R")])
    strict.set_cells([(crowd, r[0], "A"), (crowd, r[1], "R")] + [(crowd, x, "C") for x in r[2:]])
    out.append((strict, None))
    loose = Matrix("Loose", "RACI")
    hands = [loose.add_role(f"Hand {i}").id for i in range(5)]
    busy = loose.add_task("Busy").id
    loose.set_cells([(busy, hands[0], "A")] + [(busy, h, "R") for h in hands[1:]])
    two = loose.add_task("Two owners").id
    loose.set_cells([(two, hands[0], "A"), (two, hands[1], "AC"), (two, hands[2], "X")])
    loose.add_task("Nobody")
    loose.set_cell(loose.add_task("Ownerless").id, hands[1], "R")
    loose.add_role("Idle")
    loose.add_person("Ann", [hands[0]])  # the other hands with work are held by nobody
    out.append((loose, get_template("sales-pm-account").reference))
    template = get_template("fa-am-pm")
    moved = template.build()  # the template's accountable handed to another role
    first = moved.tasks[0].id
    moved.set_cells([(first, r.id, "R") for r in moved.roles] + [(first, moved.roles[1].id, "AR")])
    out.append((moved, template.reference))
    return out


def test_findings_read_in_persian_with_their_names_and_numbers() -> None:
    english, persian = Words("en", EN), Words("fa", FA)
    seen = set()
    for matrix, reference in checked_matrices():
        for finding in check(matrix, reference):
            seen.add(finding.rule)
            # the parts are read right: the English template rebuilds the checker's sentence
            if not finding.message.endswith(" 1 task."):  # the checker's singular
                assert english.rebuild(finding, matrix) == finding.message
            assert english.finding(finding, matrix) == finding.message
            text = bare(persian.finding(finding, matrix))
            assert text != finding.message and "{" not in text, text
            for name in re.findall(r"“([^”]*)”", finding.message):
                assert f"«{name}»" in text, (name, text)
            numbers = re.findall(r"\d+", re.sub(r"“[^”]*”", "", finding.message))
            for number in set(numbers) - {finding.person or ""}:
                assert number.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")) in text
    assert len(seen) == 19, sorted(seen)


def test_persian_report_speaks_persian(tmp_path: Path) -> None:
    m = persian_matrix()
    m.set_cell(m.tasks[0].id, m.roles[1].id, "A")  # a second accountable: a finding
    path = tmp_path / "fa.pdf"
    write_matrix_pdf(Document([m]), path)
    pages = pdf_text(path)
    text = "\n".join(pages)
    for label in ["وظیفه", "راهنمای کدها", "یافته‌ها", "شدت", "قاعده", "بیش از یک پاسخگو", "خطا"]:
        assert shaped(label) in text, label
    for english in ["Task", "Legend", "Findings", "Severity", "Rule", "page", "error", "tasks"]:
        assert english not in text, english
    assert shaped(f"«{m.tasks[0].name}»") in text
    assert not re.search("[\u2066-\u2069]", text)


def x_of(page: Any, word: str) -> float:
    """Where ``word`` is drawn on ``page`` (its left edge)."""
    found: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: Any) -> None:
        if text.strip() == word:
            found.append(cm[4] + tm[4])

    page.extract_text(visitor_text=visit)
    assert found, word
    return found[0]


def test_a_right_to_left_report_reads_its_tables_from_the_right(tmp_path: Path) -> None:
    m = persian_matrix()
    write_matrix_pdf(Document([m]), tmp_path / "fa.pdf")
    legend = next(
        p for p in PdfReader(tmp_path / "fa.pdf").pages if shaped("معنا") in p.extract_text()
    )
    assert x_of(legend, shaped("کد")) > x_of(legend, shaped("نام")) > x_of(legend, shaped("معنا"))
    write_matrix_pdf(Document([m]), tmp_path / "en.pdf", language="en")
    legend = next(p for p in PdfReader(tmp_path / "en.pdf").pages if "Meaning" in p.extract_text())
    assert x_of(legend, "Code") < x_of(legend, "Name") < x_of(legend, "Meaning")
    assert "Legend: RACI" in "\n".join(pdf_text(tmp_path / "en.pdf"))


def test_report_language_override_and_unknown_language(tmp_path: Path) -> None:
    m = Matrix("Plan")
    m.set_cell(m.add_task("Ship").id, m.add_role("Lead").id, "AR")
    write_matrix_pdf(Document([m]), tmp_path / "fa.pdf", language="fa")
    text = "\n".join(pdf_text(tmp_path / "fa.pdf"))
    assert shaped("راهنمای کدها") in text and "Legend" not in text and "Ship" in text
    with pytest.raises(ExportError, match=r"x\.pdf: no words for language 'xx'"):
        write_matrix_pdf(Document([m]), tmp_path / "x.pdf", language="xx")
    assert not (tmp_path / "x.pdf").exists()


def test_a_long_persian_task_name_is_cut_on_its_third_line_in_reading_order() -> None:
    words = ["یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه", "ده"]
    names = [f"{w}{i}" for i in range(4) for w in words]  # forty different words
    m = Matrix("ماتریس")
    m.set_cell(m.add_task(" ".join(names)).id, m.add_role("مدیر").id, "AR")
    layout, _ = grid_layout(m, 700)
    row = next(r for r in grid_rows(m, layout) if r.kind == "task")
    assert len(row.lines) == 3 and row.lines[2].startswith("…")  # the cut is at the far left
    drawn = row.lines[2].split()
    glyphs = {w: arabic_reshaper.reshape(w)[::-1] for w in names}  # a word as drawn: reversed
    shown = [w for w in names if glyphs[w] in drawn]
    assert len(shown) >= 2
    positions = [drawn.index(glyphs[w]) for w in shown]
    assert positions == sorted(positions, reverse=True)  # the words run right to left
