"""Who holds which roles: separation of duties and overload of one person."""

from __future__ import annotations

from rolematrix.core.findings import Finding, Severity
from rolematrix.core.model import Person
from rolematrix.core.rules.context import CheckContext, quote
from rolematrix.core.rules.role_rules import decision_tasks


def check_person(ctx: CheckContext, person: Person) -> list[Finding]:
    out: list[Finding] = []
    held = set(person.role_ids)
    m = ctx.matrix
    for a, b in m.conflicts:
        if a in held and b in held and m.has_role(a) and m.has_role(b):
            out.append(
                ctx.finding(
                    "person-conflicting-roles",
                    Severity.ERROR,
                    f"{person.name} holds both {quote(m.role(a).name)} and {quote(m.role(b).name)}, "
                    "which must stay with different people.",
                    person_id=person.id,
                    role_id=b,
                )
            )
    config = ctx.config
    total = ctx.task_count
    if (
        config.overload_rules
        and ctx.decides
        and len(m.people) >= config.person_overload_min_people
        and total
    ):
        tasks: set[int] = set()
        for role_id in held:
            if m.has_role(role_id):
                tasks |= decision_tasks(ctx, role_id)
        if len(tasks) > config.person_overload_share * total:
            out.append(
                ctx.finding(
                    "person-overloaded",
                    Severity.WARNING,
                    f"{person.name} is responsible or accountable for {len(tasks)} of {total} tasks "
                    f"({round(100 * len(tasks) / total)}%) through the roles they hold.",
                    person_id=person.id,
                )
            )
    return out
