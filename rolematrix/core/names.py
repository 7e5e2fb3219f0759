"""Name handling shared by the model, the checker and the importers."""

from __future__ import annotations

import unicodedata

_RTL_BIDI = {"R", "AL"}


def clean_name(name: str) -> str:
    """Trim and fold runs of white space, as a user means a typed name."""
    return " ".join(name.split())


def normalise(name: str) -> str:
    """The identity of a name: trimmed, spaces folded, case folded, NFKC.

    Two tasks are "the same task" for uniqueness and for template matching when
    their normalised names are equal.
    """
    return unicodedata.normalize("NFKC", clean_name(name)).casefold()


def is_rtl(text: str) -> bool:
    """True when the first strong character of ``text`` is right-to-left."""
    for char in text:
        bidi = unicodedata.bidirectional(char)
        if bidi in _RTL_BIDI:
            return True
        if bidi == "L":
            return False
    return False


def distinct_name(name: str, taken: set[str]) -> str:
    """``name``, or ``name (2)``, ``name (3)``... -- the first whose normalised form is free."""
    if normalise(name) not in taken:
        return name
    n = 2
    while normalise(f"{name} ({n})") in taken:
        n += 1
    return f"{name} ({n})"
