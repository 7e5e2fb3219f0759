"""The editor's incremental checker must always agree with a full check."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rolematrix.core.checker import IncrementalChecker, check
from rolematrix.core.model import Matrix, Settings, Suppression
from rolematrix.core.templates import builtin_templates
from tests.matrices import raci

CODES = ["", "R", "A", "C", "I", "RA", "AC", "RI", "S"]

KINDS = [
    "cell",
    "people",
    "rename",
    "add-task",
    "remove-task",
    "remove-role",
    "accept",
    "profile",
]
edit = st.tuples(
    st.sampled_from(KINDS), st.integers(0, 99), st.integers(0, 99), st.sampled_from(CODES)
)


def _apply(m: Matrix, op: tuple[str, int, int, str]) -> None:
    kind, a, b, codes = op
    tasks, roles = m.tasks, m.roles
    if kind == "cell" and tasks and roles:
        m.set_cell(tasks[a % len(tasks)].id, roles[b % len(roles)].id, codes)
    elif kind == "people" and roles:
        held = [roles[a % len(roles)].id, roles[b % len(roles)].id]
        if m.people and a % 3:
            m.set_person_roles(m.people[a % len(m.people)].id, held)
        else:
            m.add_person(f"P{len(m.people)}", held)
    elif kind == "rename" and tasks:
        m.update_task(tasks[a % len(tasks)].id, name=m.unique_task_name(f"Task {b}"))
    elif kind == "add-task":
        m.add_task(m.unique_task_name(f"New {a}"))
    elif kind == "remove-task" and len(tasks) > 1:
        m.remove_task(tasks[a % len(tasks)].id)
    elif kind == "remove-role" and len(roles) > 1:
        m.remove_role(roles[a % len(roles)].id)
    elif kind == "accept" and tasks:
        m.accept(Suppression("task-no-accountable", "agreed", task_id=tasks[a % len(tasks)].id))
    elif kind == "profile":
        m.set_settings(Settings(["standard", "strict", "lenient"][a % 3]))


@settings(max_examples=60, deadline=None)
@given(st.lists(edit, min_size=1, max_size=40))
def test_incremental_equals_full_after_random_edits(ops: list[tuple[str, int, int, str]]) -> None:
    m = raci(
        {
            "Plan": {"PM": "A", "Dev": "R"},
            "Build": {"Dev": "A/R", "QA": "C"},
            "Sell": {"Sales": "A/R", "PM": "I"},
            "Bill": {},
        },
        roles=["PM", "Dev", "QA", "Sales", "Ops"],
    )
    template = builtin_templates()["agency-am-pm-raci"].reference if builtin_templates() else None
    m.add_conflict(m.roles[0].id, m.roles[3].id)
    checker = IncrementalChecker(m, template)
    for op in ops:
        _apply(m, op)
        assert checker.findings == check(m, template), op


def test_incremental_notifies_and_updates_only_the_touched_scope() -> None:
    m = raci({"Plan": {"PM": "A", "Dev": "R"}, "Build": {"Dev": "R"}})
    checker = IncrementalChecker(m)
    calls: list[int] = []
    checker.changed.append(lambda: calls.append(1))
    assert [f.rule for f in checker.findings] == ["task-no-accountable"]
    build = m.find_task("Build")
    assert build is not None
    m.set_cell(build.id, m.roles[0].id, "A")
    assert checker.findings == [] and calls == [1]
    checker.close()
    m.set_cell(build.id, m.roles[0].id, "")
    assert checker.findings == [] and calls == [1]
