"""Formulas a workbook holds without their results.

Excel and LibreOffice save each formula's last result beside it, and that is
what an import reads. Workbooks written by scripts often carry the formula
only; read for values, such a cell looks empty, and whatever it was meant to
say would vanish without a word. So the formula text takes its place (the
readers then treat it as any other text, reporting it where it cannot be a
code), and each one is reported by sheet and cell.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

from openpyxl.utils.cell import get_column_letter

from rolematrix.io.report import ImportProblem

Row = tuple[Any, ...]
_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")


def _may_hold_formulas(path: Path) -> bool:
    """A quick look at the sheets' XML, so that workbooks without formulas cost one scan."""
    try:
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                    with archive.open(name) as part:
                        if _FORMULA_TAG.search(part.read()):
                            return True
    except (OSError, zipfile.BadZipFile, KeyError):
        return False
    return False


def fill_missing_results(
    path: Path, sheets: dict[str, list[Row]], location: dict[str, str]
) -> list[ImportProblem]:
    """Put the formula text into each cell of ``sheets`` (rows by sheet title, read for values)
    whose formula has no saved result; returns one problem per such cell.

    ``location`` gives the name each sheet has in cell locations (``'RACI Sheet'``).
    """
    if not _may_hold_formulas(path):
        return []
    import openpyxl

    problems: list[ImportProblem] = []
    book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    try:
        for title, rows in sheets.items():
            if title not in book.sheetnames:
                continue
            worksheet = book[title]
            worksheet.reset_dimensions()
            for r, formulas in enumerate(worksheet.iter_rows(values_only=True)):
                if r >= len(rows):
                    break
                values = rows[r]
                changed: list[Any] | None = None
                for c, formula in enumerate(formulas):
                    if not (isinstance(formula, str) and formula.startswith("=")):
                        continue
                    if c < len(values) and values[c] is not None:
                        continue
                    if changed is None:
                        changed = list(values) + [None] * (len(formulas) - len(values))
                    changed[c] = formula
                    problems.append(
                        ImportProblem(
                            f"{location.get(title, title)}!{get_column_letter(c + 1)}{r + 1}",
                            f"the formula {formula} has no saved result (open and save the "
                            "workbook in Excel or LibreOffice to keep it); read as its text",
                        )
                    )
                if changed is not None:
                    rows[r] = tuple(changed)
    finally:
        book.close()
    return problems
