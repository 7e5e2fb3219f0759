"""Vertical reading: what each role does across the matrix."""

from __future__ import annotations

from rolematrix.core.findings import Finding, Severity
from rolematrix.core.model import Role
from rolematrix.core.rules.context import CheckContext, quote


def decision_tasks(ctx: CheckContext, role_id: int) -> set[int]:
    """Tasks on which the role is responsible or accountable (R or A; DACI: D or A)."""
    column = ctx.matrix.column(role_id)
    cells = ctx.decisive(set(column.values()))
    return {tid for tid, codes in column.items() if codes in cells}


def decision_count(ctx: CheckContext, role_id: int) -> int:
    values = ctx.matrix.column(role_id).values()
    cells = ctx.decisive(set(values))
    return sum(map(cells.__contains__, values)) if cells else 0


def check_role(ctx: CheckContext, role: Role) -> list[Finding]:
    out: list[Finding] = []
    column = ctx.matrix.column(role.id)
    name = quote(role.name)
    if ctx.involving.isdisjoint("".join(set(column.values()))):
        out.append(
            ctx.finding(
                "role-idle",
                Severity.WARNING,
                f"{name} takes part in no task of this matrix.",
                role_id=role.id,
            )
        )
        return out
    if not ctx.decides:
        return out  # CHECK: only coverage rules apply
    config = ctx.config
    decisions = decision_count(ctx, role.id)
    total = ctx.task_count
    if (
        config.overload_rules
        and ctx.role_count >= config.overload_min_roles
        and total
        and decisions > config.overload_share * total
    ):
        out.append(
            ctx.finding(
                "role-overloaded",
                Severity.WARNING,
                f"{name} is responsible or accountable for {decisions} of {total} tasks "
                f"({round(100 * decisions / total)}%); consider sharing the load.",
                role_id=role.id,
            )
        )
    if not decisions and ctx.active.isdisjoint("".join(set(column.values()))):
        out.append(
            ctx.finding(
                "role-no-decisions",
                Severity.INFO,
                f"{name} is only consulted or informed; it never does or decides anything.",
                role_id=role.id,
            )
        )
    if ctx.matrix.people and decisions and not ctx.matrix.holders(role.id):
        out.append(
            ctx.finding(
                "role-unstaffed",
                Severity.WARNING,
                f"Nobody holds {name}, yet it is responsible or accountable for "
                f"{decisions} task{'s' if decisions != 1 else ''}.",
                role_id=role.id,
            )
        )
    return out
