"""The role handbook: cover, contents with the right page numbers, chapters, bookmarks, and
its own words in the matrix's language (English, or Persian read right to left)."""

from __future__ import annotations

import datetime as dt
import re
import string
from pathlib import Path

import arabic_reshaper
import pytest
from pypdf import PdfReader

import rolematrix.core.rules
from rolematrix.core.model import Document, Matrix
from rolematrix.core.schemes import SCHEMES
from rolematrix.core.templates import builtin_templates
from rolematrix.io.pdf_handbook import write_handbook_pdf
from rolematrix.io.pdf_text import TextBlock, _shape, bare, visual, wrap
from rolematrix.io.pdf_words import EN, FA, WORDS, Words, to_jalali
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


# ------------------------------------------------------- the exporter's words
PERSIAN_LETTERS = re.compile("[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufefc]")


def shaped(text: str) -> str:
    """Persian as pypdf reads it back: shaped letters in reading order.

    (Where a line mixes in Latin text, digits or end punctuation, pypdf's own
    reordering varies; the labels compared are taken from within a line.)
    """
    return arabic_reshaper.reshape(text)


def footer_numbers(page: str) -> list[str]:
    """The numbers on the "صفحه‌ی N از M" line of a page."""
    line = next(line for line in page.splitlines() if shaped("صفحه‌ی") in line)
    assert shaped("از") in line
    return sorted(re.findall("[۰-۹]+", line))


def persian_digits(n: int) -> str:
    return str(n).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))


def english_labels() -> list[str]:
    """Every piece of English the exporter could add (its words minus the placeholders)."""
    pieces = set()
    for key, text in EN.items():
        if FA[key] == text:  # a scheme's Latin name ("RACI") is the same in both
            continue
        for piece in re.split(r"\{[^}]*\}", text):
            piece = piece.strip(" .,:;()“”")
            if len(piece) >= 4 and re.search("[A-Za-z]", piece):
                pieces.add(piece)
    return sorted(pieces)


def test_persian_matrix_makes_a_handbook_entirely_in_persian(tmp_path: Path) -> None:
    m = persian_matrix()
    path = tmp_path / "fa.pdf"
    write_handbook_pdf(Document([m]), path)
    reader = PdfReader(path)
    pages = [p.extract_text() for p in reader.pages]
    text = "\n".join(pages)
    role = m.roles[0]
    column = m.column(role.id)
    accountable = sum(1 for t in m.tasks if "A" in column.get(t.id, ""))
    summary = f"به‌طور خلاصه: پاسخگوی {persian_digits(accountable)} وظیفه؛"
    for label in [
        "نقش‌ها و مسئولیت‌ها: دفترچه‌ی راهنما",
        "تهیه‌شده در",
        "فهرست مطالب",
        summary,
        "مرحله: ",
        "پیش‌تر، زیر",
        "پیوست الف: کل ماتریس",
        "پیوست ب: راهنمای کدها و یافته‌ها",
        "راهنمای کدها",
        "صاحب نتیجه است و آن را تأیید نهایی می‌کند",
        "یافته‌ها",
    ]:
        assert shaped(label) in text, label
    assert [piece for piece in english_labels() if piece in text] == []
    assert not re.search("[\u2066-\u2069]", text)  # the bidi isolates steer, never print
    # page numbers and the contents in Persian digits
    count = len(pages)
    for number, page in enumerate(pages[1:], start=2):  # no furniture on the cover
        assert footer_numbers(page) == sorted([persian_digits(number), persian_digits(count)])
    marks = outline(reader)
    titles = [t for t, _ in marks]
    assert titles[0] == "فهرست مطالب"
    assert titles[-2:] == [FA["appendix.matrix"], FA["appendix.legend"]]
    numbers = re.findall(r"^([۰-۹]+)$", pages[marks[0][1]], re.MULTILINE)
    assert numbers == [persian_digits(page + 1) for _, page in marks[1:]]
    assert PdfReader(path).metadata.title == f"{m.name}: نقش‌ها و مسئولیت‌ها"


def test_english_matrix_keeps_an_english_handbook(tmp_path: Path) -> None:
    path = tmp_path / "en.pdf"
    write_handbook_pdf(Document([builtin_templates()["sales-pm-account"].build()]), path)
    pages = [p.extract_text() for p in PdfReader(path).pages]
    text = "\n".join(pages)
    assert not PERSIAN_LETTERS.search(text)
    assert "Roles and responsibilities: a handbook" in text and "Prepared " in text
    assert f"page 2 of {len(pages)}" in pages[1]


def test_the_language_can_be_chosen_either_way(tmp_path: Path) -> None:
    english, persian = small_matrix(), persian_matrix()
    write_handbook_pdf(Document([english]), tmp_path / "en-fa.pdf", language="fa")
    text = "\n".join(p.extract_text() for p in PdfReader(tmp_path / "en-fa.pdf").pages)
    assert shaped("فهرست مطالب") in text and shaped("عهده‌دار") in text
    assert [piece for piece in english_labels() if piece in text] == []
    assert "Launch <b>plan</b>" in text and "Owns the plan." in text  # the matrix's own words
    write_handbook_pdf(Document([persian]), tmp_path / "fa-en.pdf", language="en")
    text = "\n".join(p.extract_text() for p in PdfReader(tmp_path / "fa-en.pdf").pages)
    assert "Contents" in text and "Accountable for (" in text and "page 2 of" in text
    assert shaped("فهرست مطالب") not in text and shaped("مرحله: ") not in text
    assert shaped(persian.roles[0].name) in text


def test_counts_agree_with_their_number_in_english_and_not_in_persian(tmp_path: Path) -> None:
    m = Matrix("Counts")
    solo, pair = m.add_role("Solo"), m.add_role("Pair")
    first, second = m.add_task("First"), m.add_task("Second")
    m.set_cells([(first.id, solo.id, "A"), (first.id, pair.id, "R"), (second.id, pair.id, "AR")])
    write_handbook_pdf(Document([m]), tmp_path / "en.pdf")
    text = "\n".join(p.extract_text() for p in PdfReader(tmp_path / "en.pdf").pages)
    assert "In short: accountable for 1 task." in text
    assert "In short: accountable for 1 task; responsible for 2 tasks." in text
    assert "2 roles · 2 tasks · RACI" in text
    write_handbook_pdf(Document([m]), tmp_path / "fa.pdf", language="fa")
    text = "\n".join(p.extract_text() for p in PdfReader(tmp_path / "fa.pdf").pages)
    assert shaped("به‌طور خلاصه: پاسخگوی ۱ وظیفه") in text
    assert shaped("به‌طور خلاصه: پاسخگوی ۱ وظیفه؛ مسئول ۲ وظیفه") in text
    assert shaped("۲ وظیفه") in text and "task" not in text


def test_an_unknown_language_is_refused_naming_the_file(tmp_path: Path) -> None:
    with pytest.raises(
        ExportError, match=r"book\.pdf: no words for language 'de' \(known: en, fa\)"
    ):
        write_handbook_pdf(Document([small_matrix()]), tmp_path / "book.pdf", language="de")
    assert list(tmp_path.iterdir()) == []


def test_every_word_exists_in_both_languages_with_the_same_placeholders() -> None:
    assert set(WORDS) == {"en", "fa"}
    assert EN.keys() == FA.keys()
    fields = string.Formatter()
    for key in EN:
        english = {name for _, name, _, _ in fields.parse(EN[key]) if name}
        persian = {name for _, name, _, _ in fields.parse(FA[key]) if name}
        assert english == persian, key
    for scheme in SCHEMES.values():
        assert f"scheme.{scheme.title}" in EN
        for code in scheme.codes:
            for key in ("code", "section", "summary"):
                assert f"{key}.{code.name}" in EN, (key, code.name)
            assert f"meaning.{code.meaning}" in EN
    rules = set()
    for source in (Path(rolematrix.core.rules.__file__).parent).glob("*.py"):
        rules |= set(re.findall(r'ctx\.finding\(\s*"([a-z-]+)"', source.read_text()))
    assert len(rules) > 15
    for rule in rules:
        assert f"rule.{rule}" in EN and f"finding.{rule}" in EN, rule


def test_numbers_dates_and_lists_in_each_language() -> None:
    english, persian = Words("en", EN), Words("fa", FA)
    assert [english.count(n, "tasks") for n in (0, 1, 7)] == ["0 tasks", "1 task", "7 tasks"]
    assert persian.count(1, "tasks") == "۱ وظیفه" and persian.count(1234, "tasks") == "۱۲۳۴ وظیفه"
    day = dt.date(2026, 12, 1)
    assert english.date(day) == "1 December 2026" and english.date(day, short=True) == "2026-12-01"
    assert persian.date(day) == "۱۰ آذر ۱۴۰۵" and persian.date(day, short=True) == "۱۴۰۵/۰۹/۱۰"
    assert english.join(["a", "b", "c"]) == "a, b and c"
    assert bare(persian.join([persian.quote("الف"), "ب"])) == "«الف» و ب"


@pytest.mark.parametrize(
    ("day", "persian"),
    [
        (dt.date(1979, 2, 11), (1357, 11, 22)),
        (dt.date(2000, 1, 1), (1378, 10, 11)),
        (dt.date(2021, 3, 20), (1399, 12, 30)),  # the last day of a leap year
        (dt.date(2021, 3, 21), (1400, 1, 1)),
        (dt.date(2024, 3, 19), (1402, 12, 29)),
        (dt.date(2024, 3, 20), (1403, 1, 1)),  # Nowruz moves with the equinox
        (dt.date(2025, 3, 21), (1404, 1, 1)),
        (dt.date(2026, 9, 22), (1405, 6, 31)),
        (dt.date(2026, 9, 23), (1405, 7, 1)),
    ],
)
def test_persian_calendar(day: dt.date, persian: tuple[int, int, int]) -> None:
    assert to_jalali(day) == persian


def test_a_latin_name_keeps_its_number_outside_in_a_persian_sentence() -> None:
    persian = Words("fa", FA)
    line = visual(persian("grid.group", first=1, last=30, total=60, part=1, parts=2), rtl=True)
    assert "۱" in line and "Task" not in line
    text = persian("entry.and_more", names="Role 5، Role 44", count=3)
    shown = visual(text, rtl=True)
    # read right to left: the Latin names, then "و ۳ نقش دیگر" further left
    assert shown.index("Role 5، Role 44") > shown.index("۳")
    facts = persian(
        "report.facts", tasks="۱۵ وظیفه", roles="۵ نقش", date="۱۴۰۵/۰۹/۱۰", scheme="RACI"
    )
    shown = visual(facts, rtl=True)
    assert shown.startswith("RACI · ۱۴۰۵/۰۹/۱۰ · ")  # the scheme last, at the far left
    assert not re.search("[\u2066-\u2069]", shown)


def test_a_paragraph_of_a_persian_document_reads_right_to_left_from_its_first_word() -> None:
    # "CRM" first would make the line left to right by the first-strong rule
    assert visual("CRM را به‌روز کنید.", rtl=True).startswith(".")
    assert visual("CRM را به‌روز کنید.").startswith("CRM")


def test_shaping_word_by_word_is_shaping_the_whole_text() -> None:
    texts = [
        *FA.values(),
        "لا إله",
        "مُدیر  دو  فاصله",
        "سطر\nدوم",
        " آغاز ",
        "«\u2068Task 5\u2069» ۹",
    ]
    m = persian_matrix()
    texts += [t.name for t in m.tasks] + [t.description for t in m.tasks if t.description]
    texts += [r.description for r in m.roles if r.description]
    for text in texts:
        assert _shape(text) == arabic_reshaper.reshape(text), text
