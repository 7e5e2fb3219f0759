"""Formulas a workbook holds without their results.

Excel and LibreOffice save each formula's last result beside it, and that is
what an import reads. Workbooks written by scripts often carry the formula
only; read for values, such a cell looks empty, and whatever it was meant to
say would vanish without a word. So the formula text takes its place (the
readers then treat it as any other text, reporting it where it cannot be a
code), and each one is reported by sheet and cell.

:mod:`rolematrix.io.xlsx_reader` already puts the formula text in such cells
while it streams the sheet; this module words the report, in one place for
every reader.
"""

from __future__ import annotations

from rolematrix.io.report import ImportProblem, column_letter, sheet_reference
from rolematrix.io.xlsx_reader import SheetCells


def formula_problem(location: str, formula: str) -> ImportProblem:
    """The report for a cell whose ``formula`` was saved without its result."""
    return ImportProblem(
        location,
        f"the formula {formula} has no saved result (open and save the "
        "workbook in Excel or LibreOffice to keep it); read as its text",
    )


def missing_results(sheet: SheetCells) -> list[ImportProblem]:
    """One problem per cell of ``sheet`` whose formula has no saved result, in reading order."""
    where = sheet_reference(sheet.title)
    return [
        formula_problem(f"{where}!{column_letter(c)}{r + 1}", formula)
        for r, c, formula in sorted(sheet.formulas)
    ]
