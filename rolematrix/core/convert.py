"""Turning a check-mark matrix into a RACI matrix.

A CHECK matrix only says who takes part. Converting keeps every mark as
"responsible" and lets the user name the accountable per task -- the one
decision a check mark cannot carry. A role that is the only one involved keeps
doing the work and owns it ("A/R").
"""

from __future__ import annotations

from collections.abc import Mapping

from rolematrix.core.model import Matrix
from rolematrix.core.schemes import CHECK_MARK


def raci_cells_from_check(
    matrix: Matrix, accountable: Mapping[int, int]
) -> list[tuple[int, int, str]]:
    """The RACI codes for every cell of the CHECK ``matrix``.

    ``accountable`` maps task id to the role id the user chose as accountable; a
    task missing from it gets no A (the checker will then ask for one).
    """
    if not matrix.scheme.is_check:
        raise ValueError(f"{matrix.name!r} uses {matrix.scheme.id}, not check marks")
    out: list[tuple[int, int, str]] = []
    for task in matrix.tasks:
        row = matrix.row(task.id)
        involved = [rid for rid, codes in row.items() if CHECK_MARK in codes]
        owner = accountable.get(task.id)
        for role_id in involved:
            if role_id == owner:
                out.append((task.id, role_id, "RA" if len(involved) == 1 else "A"))
            else:
                out.append((task.id, role_id, "R"))
        if owner is not None and owner not in involved:
            out.append((task.id, owner, "A"))
    return out


def convert_check_to_raci(matrix: Matrix, accountable: Mapping[int, int]) -> None:
    """Switch ``matrix`` to RACI in place (the editor wraps this in one undo step)."""
    cells = raci_cells_from_check(matrix, accountable)
    matrix.update(scheme="RACI")
    matrix.set_cells(cells)
