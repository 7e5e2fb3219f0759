"""The built-in responsibility schemes (RACI and its variants).

A scheme decides which codes a cell may hold and which rules make sense: a
CHECK matrix only says who is involved, so the accountable rules are skipped.
Codes are single characters so that a cell can be stored as a short string and
rows and columns can be counted with ``str.count`` -- the checker's speed on a
million-cell matrix rests on that.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Code:
    letter: str
    name: str
    meaning: str
    colour: str  # fill colour, ``#RRGGBB``
    active: bool  # does the work or decides; passive codes only receive/give information
    involves: bool = True  # ``O`` (out of the loop) is a code that says "not involved"


@dataclass(frozen=True, slots=True)
class Scheme:
    id: str
    title: str
    codes: tuple[Code, ...]
    accountable: str | None  # the code that owns the outcome (A), None when the scheme has none
    responsible: str | None  # the code that does the work (R; DACI: D)
    consulted: str | None = None

    @property
    def letters(self) -> str:
        return "".join(code.letter for code in self.codes)

    def code(self, letter: str) -> Code:
        for code in self.codes:
            if code.letter == letter:
                return code
        raise KeyError(letter)

    def has(self, letter: str) -> bool:
        return any(code.letter == letter for code in self.codes)

    @property
    def active_letters(self) -> str:
        return "".join(c.letter for c in self.codes if c.active)

    @property
    def passive_letters(self) -> str:
        return "".join(c.letter for c in self.codes if not c.active and c.involves)

    @property
    def involving_letters(self) -> str:
        return "".join(c.letter for c in self.codes if c.involves)

    @property
    def is_check(self) -> bool:
        return self.accountable is None and self.responsible is None

    def canonical(self, letters: Iterable[str]) -> str:
        """Order ``letters`` as the scheme lists them, unknown letters last, no repeats.

        Anything else -- "/", ",", digits, spaces -- is no code and is dropped, so
        "A/R" is "RA"; a letter the scheme lacks stays for the checker to report.
        """
        present = set(letters)
        known = "".join(c.letter for c in self.codes if c.letter in present)
        unknown = "".join(sorted(c for c in present - set(known) if c.isalpha()))
        return known + unknown

    def display(self, codes: str) -> str:
        """How a cell reads to people: accountable first, then as listed ("A/R")."""
        if not codes:
            return ""
        order = list(codes)
        if self.accountable and self.accountable in order:
            order.remove(self.accountable)
            order.insert(0, self.accountable)
        return "/".join(order)


# Okabe-Ito colour-blind-safe palette, lightened where a dark fill would hide black text.
_BLUE = "#56B4E9"
_VERMILLION = "#E69F00"
_YELLOW = "#F0E442"
_GREY = "#D9D9D9"
_GREEN = "#8FD6B5"
_PINK = "#E5A8CF"
_ORANGE = "#F5A27A"

_R = Code("R", "Responsible", "does the work", _BLUE, active=True)
_A = Code(
    "A", "Accountable", "owns the outcome and signs it off; exactly one per task", _ORANGE, True
)
_C = Code("C", "Consulted", "gives input before the work is done", _YELLOW, active=False)
_I = Code("I", "Informed", "is told about progress or the result", _GREY, active=False)

SCHEMES: dict[str, Scheme] = {
    "RACI": Scheme(
        "RACI", "RACI", (_R, _A, _C, _I), accountable="A", responsible="R", consulted="C"
    ),
    "RASCI": Scheme(
        "RASCI",
        "RASCI (RACI plus Support)",
        (_R, _A, Code("S", "Support", "helps the responsible with the work", _GREEN, True), _C, _I),
        accountable="A",
        responsible="R",
        consulted="C",
    ),
    "RACI-VS": Scheme(
        "RACI-VS",
        "RACI-VS (RACI plus Verifies and Signs off)",
        (
            _R,
            _A,
            _C,
            _I,
            Code("V", "Verifies", "checks the result against the agreed criteria", _PINK, True),
            Code("S", "Signs off", "approves the verified result", _GREEN, True),
        ),
        accountable="A",
        responsible="R",
        consulted="C",
    ),
    "CAIRO": Scheme(
        "CAIRO",
        "CAIRO (RACI plus Out of the loop)",
        (
            _R,
            _A,
            _C,
            _I,
            Code("O", "Out of the loop", "is deliberately not involved", "#FFFFFF", False, False),
        ),
        accountable="A",
        responsible="R",
        consulted="C",
    ),
    "DACI": Scheme(
        "DACI",
        "DACI (Driver, Approver, Contributor, Informed)",
        (
            Code("D", "Driver", "drives the work and the decision forward", _BLUE, True),
            Code("A", "Approver", "makes the final decision; exactly one per task", _ORANGE, True),
            Code("C", "Contributor", "contributes knowledge or work", _YELLOW, False),
            Code("I", "Informed", "is told about the decision", _GREY, False),
        ),
        accountable="A",
        responsible="D",
        consulted="C",
    ),
    "CHECK": Scheme(
        "CHECK",
        "Check marks (involved or not)",
        (Code("✓", "Involved", "takes part in the task", _GREEN, True),),
        accountable=None,
        responsible=None,
    ),
}

CHECK_MARK = "✓"


def get_scheme(scheme_id: str) -> Scheme:
    try:
        return SCHEMES[scheme_id]
    except KeyError:
        known = ", ".join(SCHEMES)
        raise ValueError(f"unknown scheme {scheme_id!r} (known: {known})") from None
