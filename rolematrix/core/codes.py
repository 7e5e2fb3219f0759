"""Reading cell codes the way people actually type them.

"A/R", "A,R", "AR", "a r", "R/A" all mean one role with two codes; "x", "✓",
"☺︎" are a check mark; "N", "-", "—" mean not involved; Cyrillic and Greek
letters that look like (or sound like) the Latin codes are taken as those.
Used by the editor's free-text cell editor and by every importer.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rolematrix.core.schemes import CHECK_MARK, Scheme

# Cyrillic and Greek letters people type for the Latin code letters.
LOOKALIKES = str.maketrans(
    {
        "А": "A",
        "а": "A",
        "Α": "A",
        "α": "A",
        "С": "C",
        "с": "C",
        "Ϲ": "C",
        "ϲ": "C",
        "І": "I",
        "і": "I",
        "Ι": "I",
        "ι": "I",
        "Ӏ": "I",
        "ӏ": "I",
        "Р": "R",
        "р": "R",
        "Ρ": "R",
        "ρ": "R",
        "Ѕ": "S",
        "ѕ": "S",
        "О": "O",
        "о": "O",
        "Ο": "O",
        "ο": "O",
        "В": "V",
        "Д": "D",
        "Δ": "D",
        "δ": "D",
    }
)

MARKS = frozenset(
    {"x", "X", "✓", "✔", "✔️", "☑", "☺", "☺︎", "●", "•", "*", "yes", "Yes", "YES", "y", "Y"}
)
NOT_INVOLVED = frozenset(
    {"", "n", "N", "-", "–", "—", "−", "no", "No", "NO", "n/a", "N/A", "na", "NA", "0"}
)
_CODE_LETTERS = frozenset("RACISVDO")  # letters of any scheme: "R" in a check sheet means involved
_SEPARATORS = re.compile(r"[\s/,;+&|\\]+")
_VARIATION = re.compile("[\ufe0e\ufe0f\u200b\u200c\u200d\u2060\ufeff]")


@dataclass(frozen=True, slots=True)
class ParsedCodes:
    codes: str  # canonical codes of the scheme
    foreign: str = (
        ""  # single code letters the scheme does not define (kept, flagged by the checker)
    )
    unreadable: tuple[str, ...] = ()  # tokens that are no code at all

    @property
    def ok(self) -> bool:
        return not self.foreign and not self.unreadable

    @property
    def unknown(self) -> tuple[str, ...]:
        return tuple(self.foreign) + self.unreadable


def clean_text(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return _VARIATION.sub("", text).strip()


def parse_codes(text: str, scheme: Scheme) -> ParsedCodes:
    """Read ``text`` as the codes of one cell in ``scheme``."""
    text = clean_text(text)
    if text in NOT_INVOLVED:
        return ParsedCodes("")
    letters = scheme.letters
    found: list[str] = []
    foreign: list[str] = []
    unreadable: list[str] = []
    for token in _SEPARATORS.split(text):
        if not token or (token in NOT_INVOLVED and len(token) > 1):
            continue
        if token in MARKS or token == CHECK_MARK:
            if CHECK_MARK in letters:
                found.append(CHECK_MARK)
            elif token in {"x", "X"} and "X" in letters:
                found.append("X")
            else:
                unreadable.append(token)
            continue
        upper = token.translate(LOOKALIKES).upper()
        if CHECK_MARK in letters:
            # a CHECK matrix: any R/A/C/... letter still means "involved"
            if upper.isascii() and upper.isalpha() and set(upper) <= _CODE_LETTERS:
                found.append(CHECK_MARK)
            else:
                unreadable.append(token)
            continue
        if upper.isascii() and upper.isalpha() and all(ch in letters for ch in upper):
            found.extend(upper)
        elif upper.isascii() and upper.isalpha() and len(upper) == 1:
            foreign.append(upper)
        else:
            unreadable.append(token)
    return ParsedCodes(scheme.canonical(found), "".join(dict.fromkeys(foreign)), tuple(unreadable))


def format_codes(codes: str, scheme: Scheme) -> str:
    """The text a person reads in a cell: "A/R"."""
    return scheme.display(codes)


def read_cell(text: str, scheme: Scheme) -> tuple[str, str]:
    """One cell written as one field ("A/R", "maybe", "R maybe"): its codes, and its text as
    written when part of it is no code ("" otherwise), so that nothing typed is lost."""
    parsed = parse_codes(text, scheme)
    codes = scheme.canonical(parsed.codes + parsed.foreign)
    return codes, (text.strip() if parsed.unreadable else "")


def cell_field(codes: str, text: str, scheme: Scheme) -> str:
    """The one field that :func:`read_cell` reads back as ``codes`` and ``text``.

    Unread text is written as it was found; if the cell's codes differ from what the
    text says (the codes were changed since), they are written in front of it.
    """
    if not text:
        return scheme.display(codes)
    if read_cell(text, scheme)[0] == codes:
        return text
    return f"{scheme.display(codes)} {text}" if codes else text
