"""What both PDFs share: the shipped fonts, safe text, right-to-left lines, late drawing.

* **Fonts.** DejaVu Sans (regular and bold, ``resources/fonts``, Bitstream Vera
  licence beside them) covers Latin, Cyrillic and the Arabic presentation forms
  Persian needs (پ چ ژ گ ی ک included), so the PDF is right on a fresh machine;
  reportlab's built-in Helvetica would draw black boxes for Persian.
* **Text is text.** reportlab's ``Paragraph`` reads markup (``<font>``,
  ``<img src=...>`` even opens local files, ``<unclosed`` raises), so every user
  string passes :func:`markup` (XML-escaped, control characters shown as ``�``).
* **Right to left.** reportlab cannot order bidi text itself; a line holding
  Arabic-script text is shaped with ``arabic_reshaper`` and put in visual order
  with ``bidi.get_display`` -- per *line*, so text is wrapped here first
  (:func:`visual_lines`) and the lines are handed over already broken. The
  base direction belongs to the paragraph, not the line: in a right-to-left
  document (``rtl=True``) every paragraph holding Arabic script reads right to
  left, even one that starts with a Latin word ("CRM را به‌روز کنید", "RACI ·
  ۱۵ وظیفه"); elsewhere its first strong character decides, as in HTML's
  ``dir=auto``. Text without Arabic script is never reordered. Names set into
  a right-to-left sentence come wrapped in isolates (FSI ... PDI, see
  :mod:`rolematrix.io.pdf_words`) so that "«Task 56» ۹ نقش" keeps its number
  outside the Latin name; the isolates steer the ordering and are then
  dropped, as the font has no glyph for them.
* **Late drawing.** :class:`DeferredCanvas` keeps every page until the end, so
  "page N of M", the page numbers in the contents and the PDF bookmarks are
  drawn once all pages are known -- in one layout pass instead of reportlab's
  usual two or three (``multiBuild``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.colors import black
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from rolematrix.core.assets import resources_dir

FONT = "RoleMatrixSans"
FONT_BOLD = "RoleMatrixSans-Bold"
FONT_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf"}

_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_ISOLATE = re.compile("[\u2066-\u2069]")
_NO_ISOLATES = dict.fromkeys(range(0x2066, 0x206A))
ELLIPSIS = "…"


class _FastTTFont(TTFont):
    """A TTFont whose text encoding skips reportlab's per-character loop for known text.

    reportlab maps every drawn character to a subset slot in Python, one by one
    (``splitString``); in a 500-page handbook that is a fifth of the time. Once
    the characters of a line all sit in the first subset (Latin text, after the
    first page), the same mapping is one ``str.translate``. Anything else takes
    reportlab's own path, so the result is always identical.
    """

    def splitString(self, text: Any, doc: Any, encoding: str = "utf-8") -> Any:
        state = self.state.get(doc)
        if state is not None and isinstance(text, str) and text:
            assignments = state.assignments
            cached = getattr(state, "_rm_fast", None)
            if cached is None or cached[0] != len(assignments):
                first = {code: n for code, n in assignments.items() if n < 256}
                if 32 in first:
                    first.setdefault(0xA0, first[32])
                cached = (len(assignments), first, frozenset(map(chr, first)))
                state._rm_fast = cached
            if cached[2].issuperset(text):
                return [(0, text.translate(cached[1]).encode("latin-1"))]
        return super().splitString(text, doc, encoding)


@cache
def register_fonts() -> None:
    """Register the shipped fonts with reportlab once per process."""
    from reportlab.lib.fonts import addMapping

    folder = resources_dir() / "fonts"
    for name, file_name in FONT_FILES.items():
        pdfmetrics.registerFont(_FastTTFont(name, str(folder / file_name)))
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, FONT_BOLD)
    addMapping(FONT, 0, 1, FONT)
    addMapping(FONT, 1, 1, FONT_BOLD)


def clean(text: str) -> str:
    """Control characters (and what a PDF string cannot hold) shown as ``�``; tabs as spaces."""
    text = text.replace("\t", " ").replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("\ufffd", text)


def has_rtl(text: str) -> bool:
    return _RTL.search(text) is not None


def bare(text: str) -> str:
    """``text`` without bidi isolates: they order the text but are not drawn."""
    if text.isascii() or _ISOLATE.search(text) is None:
        return text
    return text.translate(_NO_ISOLATES)


_SHAPED: dict[str, str] = {}


def _shape(text: str) -> str:
    """Arabic-script letters in their joined forms, word by word.

    Letters join only within a word, so shaping each space-separated word on
    its own gives what shaping the whole text gives; and as words repeat --
    the same role names, labels and vocabulary on every page -- each is
    shaped once. ``arabic_reshaper`` is pure Python and was most of the time
    of a Persian handbook.
    """
    import arabic_reshaper

    shaped = _SHAPED
    out = []
    for word in text.split(" "):
        found = shaped.get(word)
        if found is None:
            if len(shaped) > 200_000:
                shaped.clear()
            found = shaped[word] = arabic_reshaper.reshape(word) if has_rtl(word) else word
        out.append(found)
    return " ".join(out)


_MIRROR = dict(zip("()[]{}<>«»‹›", ")(][}{><»«›‹", strict=True))
_BRACKET = re.compile("[()\\[\\]{}<>«»‹›]")


@cache
def _strong(char: str) -> str | None:
    kind = unicodedata.bidirectional(char)
    if kind == "L":
        return "L"
    if kind in {"R", "AL", "EN", "AN"}:  # numbers count as right-to-left for neutrals (UBA N1)
        return "R"
    return None


def _mirror(shown: str, base: str) -> str:
    """Mirror brackets that ended up in right-to-left runs.

    python-bidi 0.6 reorders but does not mirror, so "(AM)" in a Persian line
    would print as ")AM(". A bracket takes the direction of the strong
    characters on both sides when they agree, else the line's base direction.
    """
    if _BRACKET.search(shown) is None:
        return shown
    chars = list(shown)
    after = [base] * len(chars)  # direction of the nearest strong character to the right
    seen = base
    for i in range(len(chars) - 1, -1, -1):
        after[i] = seen
        seen = _strong(chars[i]) or seen
    seen = base  # ... and to the left
    for i, ch in enumerate(chars):
        if ch in _MIRROR and (seen if seen == after[i] else base) == "R":
            chars[i] = _MIRROR[ch]
        seen = _strong(ch) or seen
    return "".join(chars)


def _base(paragraph: str, rtl: bool) -> str:
    """A paragraph's base direction: right to left in a right-to-left document, else by its
    first strong character."""
    if rtl:
        return "R"
    from bidi import get_base_level

    return "R" if get_base_level(paragraph) else "L"


def _order(line: str, base: str) -> str:
    from bidi import get_display

    return bare(_mirror(get_display(line, base_dir=base), base))


def visual(text: str, rtl: bool = False) -> str:
    """One line as it is drawn: shaped and in visual order when it holds right-to-left script."""
    text = clean(text)
    if not has_rtl(text):
        return bare(text)
    shaped = _shape(text)
    return _order(shaped, _base(shaped, rtl))


_WORD_WIDTHS: dict[tuple[str, float], dict[str, float]] = {}


def width(text: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(bare(text), font, size)


def word_width(word: str, font: str, size: float) -> float:
    """Width of one word, remembered: words repeat, and wrapping measures every one."""
    table = _WORD_WIDTHS.get((font, size))
    if table is None:
        table = _WORD_WIDTHS[(font, size)] = {}
    found = table.get(word)
    if found is None:
        if len(table) > 200_000:
            table.clear()
        found = table[word] = pdfmetrics.stringWidth(bare(word), font, size)
    return found


def fit(text: str, font: str, size: float, room: float, rtl: bool = False) -> str:
    """``text`` on one line (visual order), cut with an ellipsis to ``room`` points."""
    line = " ".join(clean(text).split())
    shown = visual(line, rtl)
    if width(shown, font, size) <= room:
        return shown
    low, high = 0, len(line)
    while low < high:  # longest logical prefix that fits with the ellipsis
        mid = (low + high + 1) // 2
        if width(visual(line[:mid].rstrip(), rtl) + ELLIPSIS, font, size) <= room:
            low = mid
        else:
            high = mid - 1
    cut = line[:low].rstrip()
    if has_rtl(cut):
        return visual(cut + ELLIPSIS, rtl)
    return bare(cut) + ELLIPSIS


def _break_word(word: str, font: str, size: float, room: float) -> list[str]:
    pieces: list[str] = []
    current = ""
    for char in word:
        if current and width(current + char, font, size) > room:
            pieces.append(current)
            current = char
        else:
            current += char
    if current:
        pieces.append(current)
    return pieces


def wrap(text: str, font: str, size: float, room: float) -> list[str]:
    """Break ``text`` into logical-order lines no wider than ``room`` (shaped when RTL)."""
    out: list[str] = []
    rtl = has_rtl(text)
    space = width(" ", font, size)
    measure = word_width
    for paragraph in clean(text).split("\n"):
        source = _shape(paragraph) if rtl else paragraph
        line: list[str] = []
        used = 0.0
        for word in source.split():
            word_size = measure(word, font, size)
            if line and used + space + word_size <= room:
                line.append(word)
                used += space + word_size
                continue
            if line:
                out.append(" ".join(line))
            if word_size > room:
                *full, last = _break_word(word, font, size, room)
                out.extend(full)
                line, used = [last], width(last, font, size)
            else:
                line, used = [word], word_size
        out.append(" ".join(line))
    return out


_LINES: dict[tuple[str, str, float, float, bool], tuple[str, ...]] = {}


def visual_lines(text: str, font: str, size: float, room: float, rtl: bool = False) -> list[str]:
    """Wrapped lines in visual order: each line ordered on its own, in its paragraph's direction.

    Remembered while one PDF is built (see :func:`one_document`): the
    handbook prints each task in the chapter of every role on it (nine times
    in the realistic benchmark), wrapped to the same width.
    """
    key = (text, font, size, room, rtl)
    found = _LINES.get(key)
    if found is None:
        if len(_LINES) > 50_000:
            _LINES.clear()
        found = _LINES[key] = tuple(_visual_lines(text, font, size, room, rtl))
    return list(found)


@contextmanager
def one_document() -> Iterator[None]:
    """Build one PDF: wrapped lines are remembered for its duration and forgotten after it."""
    _LINES.clear()
    try:
        yield
    finally:
        _LINES.clear()


def _visual_lines(text: str, font: str, size: float, room: float, rtl: bool) -> list[str]:
    if not has_rtl(text):
        lines = wrap(text, font, size, room)
        return lines if bare(text) is text else [bare(line) for line in lines]
    out: list[str] = []
    for paragraph in clean(text).split("\n"):
        lines = wrap(paragraph, font, size, room)
        if has_rtl(paragraph):
            base = _base(paragraph, rtl)
            out.extend(_order(line, base) for line in lines)
        else:
            out.extend(bare(line) for line in lines)
    return out


def markup(
    text: str, font: str = FONT, size: float = 10, room: float | None = None, rtl: bool = False
) -> str:
    """``text`` as safe ``Paragraph`` markup: escaped; RTL text pre-wrapped to ``room`` and ordered."""
    text = clean(text)
    if room is not None and has_rtl(text):
        lines = visual_lines(text, font, size, room - 1, rtl)
        return "<br/>".join(escape(line) for line in lines)
    return "<br/>".join(escape(part) for part in bare(text).split("\n"))


# ----------------------------------------------------------- late drawing
@dataclass
class LateMarks:
    """What the layout pass learned, drawn onto the kept pages at the end.

    ``anchors``: key -> (page index, y) where a chapter starts; ``outline``:
    (title, key, level) in document order; ``slots``: page index -> list of
    (key, x right edge, y baseline, link rectangle) for contents page numbers;
    ``footer``: draws page furniture given (canvas, page index, page count);
    ``digits``: writes a page number in the document's language (``۱۲`` in Persian).
    """

    anchors: dict[str, tuple[int, float]] = field(default_factory=dict)
    outline: list[tuple[str, str, int]] = field(default_factory=list)
    slots: dict[int, list[tuple[str, float, float, tuple[float, float, float, float]]]] = field(
        default_factory=dict
    )
    footer: Callable[[Canvas, int, int], None] | None = None
    number_font: tuple[str, float] = (FONT, 9)
    digits: Callable[[int], str] = str


class DeferredCanvas(Canvas):
    """A canvas that holds its pages until ``save`` to draw :class:`LateMarks` on them."""

    def __init__(self, *args: Any, marks: LateMarks, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._kept_pages: list[dict[str, Any]] = []
        self.marks = marks

    @property
    def page_index(self) -> int:
        return len(self._kept_pages)

    def showPage(self) -> None:
        self._kept_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        marks = self.marks
        count = len(self._kept_pages)
        by_page: dict[int, list[tuple[str, str, int, float]]] = {}
        for title, key, level in marks.outline:
            if key in marks.anchors:
                page, y = marks.anchors[key]
                by_page.setdefault(page, []).append((title, key, level, y))
        annotations = getattr(self, "_annotationCount", 0)
        for index, state in enumerate(self._kept_pages):
            self.__dict__.update(state)
            self._annotationCount = annotations  # names must stay unique across replayed pages
            for title, key, level, y in by_page.get(index, ()):
                self.bookmarkPage(key, fit="XYZ", top=y + 24, left=0)
                self.addOutlineEntry(title, key, level=level, closed=level > 0)
            self.setFillColorRGB(0, 0, 0)
            for key, x, y, rect in marks.slots.get(index, ()):
                if key in marks.anchors:
                    self.setFont(*marks.number_font)
                    self.drawRightString(x, y, marks.digits(marks.anchors[key][0] + 1))
                    self.linkRect("", key, rect, relative=0, thickness=0)
            if marks.footer is not None:
                marks.footer(self, index, count)
            annotations = self._annotationCount
            Canvas.showPage(self)
        Canvas.save(self)


def canvas_maker(marks: LateMarks) -> Callable[..., DeferredCanvas]:
    def make(*args: Any, **kwargs: Any) -> DeferredCanvas:
        if not kwargs.get("initialFontName"):
            kwargs["initialFontName"] = FONT  # else every page names Helvetica
        return DeferredCanvas(*args, marks=marks, **kwargs)

    return make


# ------------------------------------------------------------ plain text
@dataclass(frozen=True)
class Run:
    """One paragraph of a :class:`TextBlock`: plain text in one font, size and colour."""

    text: str
    font: str = FONT
    size: float = 9.5
    colour: Any = None  # a reportlab colour; None is black
    leading: float | None = None


class TextBlock(Flowable):
    """Plain text drawn as it is -- never parsed as markup -- wrapped, split across pages.

    Many times faster than ``Paragraph`` (no markup parsing, no fragments),
    which the handbook's thousands of task entries need; and as it interprets
    nothing, ``<b>`` or ``&`` in a task name prints exactly so.
    """

    def __init__(
        self,
        runs: list[Run],
        *,
        rtl: bool = False,
        indent: float = 0,
        space_after: float = 0,
        lines: list[tuple[Run, str, float]] | None = None,
    ) -> None:
        super().__init__()
        self.runs = runs
        self.rtl = rtl
        self.indent = indent
        self.space_after = space_after
        self._lines = lines
        self._room = -1.0

    def _layout(self, avail_width: float) -> list[tuple[Run, str, float]]:
        if self._lines is not None and (self._room < 0 or self._room == avail_width):
            return self._lines
        room = avail_width - self.indent
        lines: list[tuple[Run, str, float]] = []
        for run in self.runs:
            leading = run.leading or run.size * 1.3
            for line in visual_lines(run.text, run.font, run.size, room, self.rtl):
                lines.append((run, line, leading))
        self._lines = lines
        self._room = avail_width
        return lines

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        lines = self._layout(avail_width)
        self.width = avail_width
        self.height = sum(leading for _, _, leading in lines) + self.space_after
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        lines = self._layout(avail_width)
        used = 0.0
        cut = 0
        for _, _, leading in lines:
            if used + leading > avail_height:
                break
            used += leading
            cut += 1
        if cut < 2 or cut >= len(lines):  # no single orphan line at a page foot
            return []
        first = TextBlock(self.runs, rtl=self.rtl, indent=self.indent, lines=lines[:cut])
        rest = TextBlock(
            self.runs,
            rtl=self.rtl,
            indent=self.indent,
            space_after=self.space_after,
            lines=lines[cut:],
        )
        return [first, rest]

    def draw(self) -> None:
        canvas = self.canv
        y = self.height - self.space_after
        text = canvas.beginText()
        current: tuple[str, float, Any] | None = None
        for run, line, leading in self._lines or ():
            y -= leading
            style = (run.font, run.size, run.colour)
            if style != current:
                text.setFont(run.font, run.size)
                text.setFillColor(run.colour or black)
                current = style
            baseline = y + (leading - run.size) / 2 + run.size * 0.22
            if self.rtl:
                x = self.width - self.indent - word_width(line, run.font, run.size)  # lines repeat
            else:
                x = self.indent
            text.setTextOrigin(x, baseline)
            text.textOut(line)
        canvas.drawText(text)
