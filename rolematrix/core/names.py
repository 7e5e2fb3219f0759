"""Name handling shared by the model, the checker and the importers."""

from __future__ import annotations

import re
import unicodedata

_RTL_BIDI = {"R", "AL"}
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def without_lone_surrogates(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD.

    Python strings can hold half of a UTF-16 pair (a JSON ``"\\ud800"``, a
    damaged clipboard), but no UTF-8 file or database can store one: a name
    holding it would be accepted and then make every save fail.
    """
    return _LONE_SURROGATE.sub("\ufffd", text)


def clean_name(name: str) -> str:
    """Trim and fold runs of white space, as a user means a typed name; never a lone surrogate."""
    return " ".join(without_lone_surrogates(name).split())


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
