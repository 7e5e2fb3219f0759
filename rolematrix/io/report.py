"""What an import hands back: the document, and everything it could not take as is."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rolematrix.core.model import Document


def sheet_reference(sheet_name: str) -> str:
    """A sheet name as a formula writes it before ``!``: quoted when it holds spaces."""
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.]*", sheet_name):
        return sheet_name
    return "'" + sheet_name.replace("'", "''") + "'"


def column_letter(index: int) -> str:
    """Spreadsheet column name of a 0-based column index (0 -> A, 26 -> AA): how every
    import report names a cell (``Sheet1!D7``)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class InputError(Exception):
    """Base for unreadable input; the message names the file and the problem."""


class UnreadableInputError(InputError):
    """The file cannot be read as a matrix at all (wrong format, no table found, damaged)."""


class ExportError(Exception):
    """The export could not be written (unwritable path, disk full); no partial file is left."""


@dataclass(frozen=True, slots=True)
class ImportProblem:
    """One thing the import could not take as is, with where it stands (``Sheet1!D7``)."""

    location: str
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


@dataclass(slots=True)
class ImportResult:
    document: Document
    problems: list[ImportProblem] = field(default_factory=list)


def kept_text(location: str, text: str) -> ImportProblem:
    """The report for a cell holding text that is no code: kept as written, never dropped.

    The text stays beside its cell (:meth:`~rolematrix.core.model.Matrix.set_cell_texts`),
    where the editor shows it and the checker lists it as ``cell-unknown-code``.
    """
    return ImportProblem(location, f"{text!r} is no code; kept in the cell as written")
