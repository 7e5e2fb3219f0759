"""Making user text safe to store in an xlsx cell, visibly.

An xlsx file is XML 1.0, which cannot hold most C0 control characters, the
non-characters U+FFFE/U+FFFF or lone surrogates: openpyxl refuses them
(``IllegalCharacterError``) and a file that holds them anyway no longer opens.
People do get them into names (pasted from terminals, old databases), so the
exporter replaces them rather than failing -- and replaces them *visibly*, so a
reader sees that something was there:

* a C0 control character U+0000..U+001F other than tab, line feed and carriage
  return becomes its Unicode "control picture" U+2400 + code (``\\x07`` → ``␇``,
  ``\\x00`` → ``␀``, ``\\x1b`` → ``␛``);
* U+FFFE, U+FFFF and lone surrogates (U+D800..U+DFFF) become the replacement
  character ``�`` (U+FFFD).

Tab, line feed and carriage return are legal and kept. The replacement is only
applied to what a person reads in the visible sheets; the hidden ``_rolematrix``
sheet stores the exact text (JSON escapes), so a RoleMatrix round trip loses
nothing.
"""

from __future__ import annotations

import re

# Characters XML 1.0 cannot carry (tab, LF and CR excluded).
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

#: The longest text an xlsx cell holds.
XLSX_CELL_LIMIT = 32_767
ELLIPSIS = "…"


def _replacement(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    return "\ufffd"


def has_illegal(text: str) -> bool:
    return _ILLEGAL.search(text) is not None


def clean_for_xlsx(text: str) -> str:
    """``text`` with the characters an xlsx file cannot hold replaced visibly (see module doc)."""
    if _ILLEGAL.search(text) is None:
        return text
    return _ILLEGAL.sub(_replacement, text)


def cell_text(text: str) -> str:
    """Cleaned text cut to the xlsx cell limit (with an ellipsis when cut)."""
    text = clean_for_xlsx(text)
    if len(text) > XLSX_CELL_LIMIT:
        text = text[: XLSX_CELL_LIMIT - 1] + ELLIPSIS
    return text


def escape_json_for_xlsx(json_text: str) -> str:
    """Turn characters XML cannot hold into JSON ``\\uXXXX`` escapes.

    ``json.dumps(ensure_ascii=False)`` escapes control characters already; this
    catches U+FFFE, U+FFFF and lone surrogates, which it leaves raw. They can
    only stand inside JSON strings, where the escape means the same character.
    """
    if _ILLEGAL.search(json_text) is None:
        return json_text
    return _ILLEGAL.sub(lambda m: f"\\u{ord(m.group()):04x}", json_text)
