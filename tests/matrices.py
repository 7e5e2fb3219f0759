"""Small matrices built in code for tests (a helper module, not a test file)."""

from __future__ import annotations

from rolematrix.core.codes import parse_codes
from rolematrix.core.model import Matrix


def raci(rows: dict[str, dict[str, str]], roles: list[str] | None = None, **kw: object) -> Matrix:
    """A RACI matrix from ``{task: {role: codes}}``; roles in first-seen order unless given."""
    scheme = str(kw.pop("scheme", "RACI"))
    matrix = Matrix(str(kw.pop("name", "Test")), scheme)
    names = roles or list(dict.fromkeys(r for cells in rows.values() for r in cells))
    ids = {n: matrix.add_role(n).id for n in names}
    for task_name, cells in rows.items():
        task = matrix.add_task(task_name)
        for role, codes in cells.items():
            parsed = parse_codes(codes, matrix.scheme)
            matrix.set_cell(task.id, ids[role], parsed.codes + parsed.foreign)
    matrix.journal.clear()
    return matrix


def rules(findings: list) -> list[str]:
    return sorted(f.rule for f in findings if not f.accepted)
