"""Per cell: codes that contradict each other, and codes the scheme does not know."""

from __future__ import annotations

from rolematrix.core.findings import Finding, Severity
from rolematrix.core.model import Task
from rolematrix.core.rules.context import CheckContext, quote


def check_cells(ctx: CheckContext, task: Task) -> list[Finding]:
    """Findings for the cells of one task's row (single-code known cells are skipped fast)."""
    out: list[Finding] = []
    letters = ctx.letters
    matrix = ctx.matrix
    if matrix.has_cell_texts:
        out += _unread_texts(ctx, task)
    row = matrix.row(task.id)
    if not ctx.suspect(set(row.values())):
        return out
    for role_id, codes in row.items():
        if not ctx.suspect({codes}):
            continue
        unknown = [ch for ch in codes if ch not in letters]
        if unknown:
            shown = ", ".join(quote(ch) for ch in unknown)
            out.append(
                ctx.finding(
                    "cell-unknown-code",
                    Severity.ERROR,
                    f"{quote(ctx.matrix.role(role_id).name)} has {shown} on {quote(task.name)}, "
                    f"which the {ctx.scheme.id} scheme does not define.",
                    task_id=task.id,
                    role_id=role_id,
                )
            )
        active = [ch for ch in codes if ch in ctx.active]
        passive = [ch for ch in codes if ch in ctx.passive]
        if active and passive:
            out.append(
                ctx.finding(
                    "cell-mixed-codes",
                    Severity.WARNING,
                    f"{quote(ctx.matrix.role(role_id).name)} is both {ctx.code_name(active[0])} and "
                    f"{ctx.code_name(passive[0])} on {quote(task.name)}; a role that does or decides "
                    "the work need not also be consulted or informed.",
                    task_id=task.id,
                    role_id=role_id,
                )
            )
    return out


def _unread_texts(ctx: CheckContext, task: Task) -> list[Finding]:
    """Text kept from an import that is no code ("maybe"): an error until someone decides.

    Worded as for an unknown code letter, which it is to a reader of the matrix.
    """
    matrix = ctx.matrix
    return [
        ctx.finding(
            "cell-unknown-code",
            Severity.ERROR,
            f"{quote(matrix.role(role_id).name)} has {quote(text)} on {quote(task.name)}, "
            f"which the {ctx.scheme.id} scheme does not define.",
            task_id=task.id,
            role_id=role_id,
        )
        for role_id, text in matrix.row_texts(task.id).items()
    ]
