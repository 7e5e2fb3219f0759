"""Horizontal reading: does every task have one owner and someone doing it?"""

from __future__ import annotations

from rolematrix.core.findings import Finding, Severity
from rolematrix.core.model import Task
from rolematrix.core.rules.context import CheckContext, names, quote


def check_task(ctx: CheckContext, task: Task) -> list[Finding]:
    row = ctx.matrix.row(task.id)
    joined = "".join(row.values())
    out: list[Finding] = []
    tid = task.id
    title = quote(task.name)
    if ctx.involving.isdisjoint(joined):
        out.append(
            ctx.finding(
                "task-uncovered",
                Severity.ERROR,
                f"No role takes part in {title}, so nobody will do it.",
                task_id=tid,
            )
        )
        return out
    config = ctx.config
    a, r, c = ctx.accountable, ctx.responsible, ctx.consulted
    if a:
        count = joined.count(a)
        if count == 0:
            out.append(
                ctx.finding(
                    "task-no-accountable",
                    Severity.ERROR,
                    f"Nobody is {ctx.code_name(a)} for {title}: give exactly one role the {a}.",
                    task_id=tid,
                )
            )
        elif count > 1:
            holders = [ctx.matrix.role(rid).name for rid, codes in row.items() if a in codes]
            out.append(
                ctx.finding(
                    "task-multiple-accountable",
                    Severity.ERROR,
                    f"{title} has {count} {ctx.code_name(a)} roles ({names(holders)}); "
                    "only one can own the outcome.",
                    task_id=tid,
                )
            )
    if r:
        count = joined.count(r)
        if count == 0:
            out.append(
                ctx.finding(
                    "task-no-responsible",
                    Severity.ERROR,
                    f"Nobody is {ctx.code_name(r)} for doing {title}; "
                    "an accountable alone does not do the work.",
                    task_id=tid,
                )
            )
        elif config.too_many_rules and count > config.max_responsible:
            strict = config.exactly_one_responsible
            out.append(
                ctx.finding(
                    "task-too-many-responsible",
                    Severity.ERROR if strict else Severity.WARNING,
                    f"{title} has {count} {ctx.code_name(r)} roles"
                    + (
                        "; this matrix asks for exactly one."
                        if strict
                        else f", more than {config.max_responsible}; too many hands blur who does what."
                    ),
                    task_id=tid,
                )
            )
        if config.four_eyes and a and count == 1:
            doer = next(rid for rid, codes in row.items() if r in codes)
            if a in row[doer]:
                out.append(
                    ctx.finding(
                        "task-accountable-is-responsible",
                        Severity.ERROR,
                        f"{quote(ctx.matrix.role(doer).name)} both does {title} and signs it off; "
                        "nobody else checks the work.",
                        task_id=tid,
                        role_id=doer,
                    )
                )
    if c and config.too_many_rules:
        count = joined.count(c)
        if count > config.max_consulted:
            out.append(
                ctx.finding(
                    "task-too-many-consulted",
                    Severity.WARNING,
                    f"{title} has {count} {ctx.code_name(c)} roles, more than {config.max_consulted}; "
                    "asking everyone slows the work down.",
                    task_id=tid,
                )
            )
    roles = ctx.role_count
    if (
        config.too_many_rules
        and roles >= config.everyone_involved_min_roles
        and len(row) == roles
        and not any(ctx.involving.isdisjoint(codes) for codes in set(row.values()))
    ):
        out.append(
            ctx.finding(
                "task-everyone-involved",
                Severity.WARNING,
                f"Every role takes part in {title}; check that each one really needs to.",
                task_id=tid,
            )
        )
    return out
