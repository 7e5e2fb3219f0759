"""The checker: ``check(matrix, template)`` and its incremental twin for the editor.

Findings are grouped by the part of the matrix they depend on -- one task's
row, one role's column, one person, or the matrix's structure -- so that an
edit of one cell re-runs only the rules of that task, that role and the people
holding it. The incremental checker must always agree with a full check; the
property test in tests/test_checker_incremental.py holds it to that.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from rolematrix.core.findings import Finding
from rolematrix.core.model import Matrix, MatrixEvent
from rolematrix.core.rules.cell_rules import check_cells
from rolematrix.core.rules.context import CheckContext
from rolematrix.core.rules.person_rules import check_person
from rolematrix.core.rules.role_rules import check_role
from rolematrix.core.rules.task_rules import check_task
from rolematrix.core.rules.template_rules import (
    TemplateIndex,
    check_template_structure,
    check_template_task,
)

Scope = tuple[str, int] | tuple[str]
_STRUCTURE: Scope = ("structure",)
#: A cell edit touching more than this share of the tasks and roles re-checks everything.
FULL_CHECK_SHARE = 0.5


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Errors first, then by rule and position -- the order the problems panel shows."""
    return sorted(findings, key=lambda f: f.sort_key)


class _Pass:
    """One configured checking pass over a matrix (context + template index)."""

    def __init__(self, matrix: Matrix, template: Matrix | None) -> None:
        self.ctx = CheckContext(matrix, template)
        self.index = TemplateIndex(template) if template is not None else None

    def task(self, task_id: int) -> list[Finding]:
        task = self.ctx.matrix.task(task_id)
        out = check_task(self.ctx, task)
        out += check_cells(self.ctx, task)
        if self.index is not None:
            out += check_template_task(self.ctx, self.index, task)
        return out

    def role(self, role_id: int) -> list[Finding]:
        return check_role(self.ctx, self.ctx.matrix.role(role_id))

    def person(self, person_id: int) -> list[Finding]:
        return check_person(self.ctx, self.ctx.matrix.person(person_id))

    def structure(self) -> list[Finding]:
        if self.index is None:
            return []
        return check_template_structure(self.ctx, self.index)

    def all_scopes(self) -> dict[Hashable, list[Finding]]:
        m = self.ctx.matrix
        scopes: dict[Hashable, list[Finding]] = {}
        for task in m.tasks:
            scopes[("task", task.id)] = self.task(task.id)
        for role in m.roles:
            scopes[("role", role.id)] = self.role(role.id)
        for person in m.people:
            scopes[("person", person.id)] = self.person(person.id)
        scopes[_STRUCTURE] = self.structure()
        return scopes


def check(matrix: Matrix, template: Matrix | None = None) -> list[Finding]:
    """Every finding for ``matrix`` (checked against ``template`` when given), sorted."""
    scopes = _Pass(matrix, template).all_scopes()
    return sort_findings([f for group in scopes.values() for f in group])


class IncrementalChecker:
    """Keeps the findings of one matrix current as it is edited.

    Subscribes to the matrix; after a cell edit it re-checks only the touched
    tasks, roles and the people holding those roles. Any structural change
    (tasks, roles, people, settings) re-checks everything -- those are rare and a
    full check of a million cells stays under a tenth of a second. So does an edit
    touching most of the matrix (select all + a letter): one full check is then
    cheaper than re-checking task by task what amounts to every task.
    ``changed`` callbacks run after every update.
    """

    def __init__(self, matrix: Matrix, template: Matrix | None = None) -> None:
        self.matrix = matrix
        self._template = template
        self.changed: list[Callable[[], None]] = []
        self._scopes: dict[Hashable, list[Finding]] = {}
        self._sorted: list[Finding] | None = None
        self._pass = _Pass(matrix, template)
        self._full()
        self._unsubscribe = matrix.subscribe(self._on_event)

    @property
    def template(self) -> Matrix | None:
        return self._template

    def set_template(self, template: Matrix | None) -> None:
        self._template = template
        self._full()
        self._notify()

    def close(self) -> None:
        self._unsubscribe()

    @property
    def findings(self) -> list[Finding]:
        if self._sorted is None:
            self._sorted = sort_findings([f for group in self._scopes.values() for f in group])
        return self._sorted

    def findings_for_task(self, task_id: int) -> list[Finding]:
        return list(self._scopes.get(("task", task_id), []))

    def _full(self) -> None:
        self._pass = _Pass(self.matrix, self._template)
        self._scopes = self._pass.all_scopes()
        self._sorted = None

    def _notify(self) -> None:
        for callback in list(self.changed):
            callback()

    def _on_event(self, event: MatrixEvent) -> None:
        if event.stage != "after":
            return
        if event.kind == "cells":
            self._cells_changed(event)
        elif event.kind == "task-update" and event.task_id is not None:
            # a renamed task changes its own messages and the template matching
            self._scopes[("task", event.task_id)] = self._pass.task(event.task_id)
            self._scopes[_STRUCTURE] = self._pass.structure()
            self._sorted = None
        else:
            self._full()
        self._notify()

    def _cells_changed(self, event: MatrixEvent) -> None:
        m = self.matrix
        check = self._pass
        if event.is_block:
            tasks, roles = set(event.tasks), set(event.roles)
        else:
            tasks = {t for t, _ in event.keys}
            roles = {r for _, r in event.keys}
        if len(tasks) + len(roles) > FULL_CHECK_SHARE * (len(m.tasks) + len(m.roles)):
            self._full()
            return
        for task_id in tasks:
            self._scopes[("task", task_id)] = check.task(task_id)
        for role_id in roles:
            self._scopes[("role", role_id)] = check.role(role_id)
        for person in m.people:
            if not roles.isdisjoint(person.role_ids):
                self._scopes[("person", person.id)] = check.person(person.id)
        self._sorted = None
