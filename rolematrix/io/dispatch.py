"""One door for every file format: pick the reader or writer from the file's suffix.

The editor's File menu and the command line both come through here, so a
format added once is available everywhere. Writers for heavy formats (PDF) are
imported only when used, which keeps start-up fast.
"""

from __future__ import annotations

from pathlib import Path

from rolematrix.core.model import Document
from rolematrix.io.files import check_regular_file
from rolematrix.io.report import ExportError, ImportResult, UnreadableInputError

IMPORT_SUFFIXES = (".xlsx", ".csv", ".json")
EXPORT_SUFFIXES = (".xlsx", ".pdf", ".csv", ".json")


def read_any(path: str | Path) -> ImportResult:
    """Read ``path`` (.xlsx, .csv or .json) into a new document."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in IMPORT_SUFFIXES:
        # before any reader opens it: a named pipe would block, a device never end
        check_regular_file(path)
    elif not path.exists():
        raise UnreadableInputError(f"{path}: no such file")
    if suffix == ".json":
        from rolematrix.io.json_format import read_json

        return read_json(path)
    if suffix == ".csv":
        from rolematrix.io.csv_format import read_csv

        return read_csv(path)
    if suffix == ".xlsx":
        from rolematrix.io.xlsx_layout import is_rolematrix_workbook, read_xlsx_layout

        if is_rolematrix_workbook(path):
            return read_xlsx_layout(path)
        from rolematrix.io.sheet_import import read_sheet_xlsx

        return read_sheet_xlsx(path)
    raise UnreadableInputError(
        f"{path}: cannot import {suffix or 'a file without suffix'} "
        f"(RoleMatrix imports {', '.join(IMPORT_SUFFIXES)})"
    )


def only(document: Document, matrix_name: str | None) -> Document:
    """The document, or a document holding just the named matrix."""
    if matrix_name is None:
        return document
    return Document([document.matrix(matrix_name)])


def write_any(
    document: Document,
    path: str | Path,
    matrix_name: str | None = None,
    handbook: bool = False,
    language: str | None = None,
) -> None:
    """Export to ``path``; the format comes from its suffix.

    ``language`` chooses the words a PDF adds around the user's text ("en",
    "fa"); None follows the matrix (Persian for a right-to-left one).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if handbook and suffix != ".pdf":
        raise ExportError(f"{path}: the handbook is a PDF; give an output ending in .pdf")
    if language is not None and suffix != ".pdf":
        raise ExportError(f"{path}: the language of the labels can be chosen for PDF exports only")
    chosen = only(document, matrix_name)
    if suffix == ".json":
        from rolematrix.io.json_format import write_json

        write_json(chosen, path)
    elif suffix == ".csv":
        from rolematrix.io.csv_format import write_csv

        write_csv(chosen, path)
    elif suffix == ".xlsx":
        from rolematrix.io.xlsx_workbook import write_xlsx

        write_xlsx(chosen, path)
    elif suffix == ".pdf":
        if handbook:
            from rolematrix.io.pdf_handbook import write_handbook_pdf

            write_handbook_pdf(chosen, path, matrix_name, language=language)
        else:
            from rolematrix.io.pdf_report import write_matrix_pdf

            write_matrix_pdf(chosen, path, matrix_name, language=language)
    else:
        raise ExportError(
            f"{path}: cannot export to {suffix or 'a file without suffix'} "
            f"(RoleMatrix exports {', '.join(EXPORT_SUFFIXES)})"
        )
