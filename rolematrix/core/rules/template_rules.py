"""Against a reference template: what the matrix dropped or reassigned."""

from __future__ import annotations

from rolematrix.core.findings import Finding, Severity
from rolematrix.core.model import Matrix, Task
from rolematrix.core.names import normalise
from rolematrix.core.rules.context import CheckContext, names, quote


class TemplateIndex:
    """The template's tasks, roles and accountables by normalised name."""

    def __init__(self, template: Matrix) -> None:
        self.template = template
        self.tasks = {normalise(t.name): t for t in template.tasks}
        self.roles = {normalise(r.name): r for r in template.roles}
        letter = template.scheme.accountable
        self.accountables: dict[str, set[str]] = {}
        for key, task in self.tasks.items():
            self.accountables[key] = {
                normalise(template.role(rid).name)
                for rid, codes in template.row(task.id).items()
                if letter and letter in codes
            }


def check_template_structure(ctx: CheckContext, index: TemplateIndex) -> list[Finding]:
    out: list[Finding] = []
    m = ctx.matrix
    tname = index.template.name
    present_tasks = {normalise(t.name) for t in m.tasks}
    for key, task in index.tasks.items():
        if key not in present_tasks:
            out.append(
                ctx.finding(
                    "template-task-missing",
                    Severity.WARNING,
                    f"The template {quote(tname)} has the task {quote(task.name)}, "
                    "which this matrix lacks.",
                )
            )
    present_roles = {normalise(r.name) for r in m.roles}
    for key, role in index.roles.items():
        if key not in present_roles:
            out.append(
                ctx.finding(
                    "template-role-missing",
                    Severity.WARNING,
                    f"The template {quote(tname)} has the role {quote(role.name)}, "
                    "which this matrix lacks.",
                )
            )
    return out


def check_template_task(ctx: CheckContext, index: TemplateIndex, task: Task) -> list[Finding]:
    letter = ctx.accountable
    if not letter or not index.template.scheme.accountable:
        return []
    expected = index.accountables.get(normalise(task.name))
    if not expected:
        return []
    m = ctx.matrix
    mine = [m.role(rid).name for rid, codes in m.row(task.id).items() if letter in codes]
    if not mine or {normalise(n) for n in mine} == expected:
        return []  # no accountable at all is task-no-accountable's business
    theirs = [index.roles[k].name for k in sorted(expected) if k in index.roles]
    return [
        ctx.finding(
            "template-accountable-differs",
            Severity.INFO,
            f"The template makes {names(theirs)} accountable for {quote(task.name)}; "
            f"this matrix makes {names(mine)} accountable.",
            task_id=task.id,
        )
    ]
