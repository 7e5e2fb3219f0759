"""The editing layer without Qt: one rule for codes, one name check, undoable mergeable edits.

Every widget edits through :class:`rolematrix.core.editor.Editor`; these tests drive it
the way the grid, the panels and paste do, with the plain :class:`History` as recorder.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_fixtures import matrix_state

from rolematrix.core.editor import Editor, History
from rolematrix.core.edits import InsertRoleEdit, InsertTaskEdit
from rolematrix.core.model import Matrix


def small() -> Matrix:
    m = Matrix("Launch", "RACI")
    plan = m.add_phase("Plan")
    for name in ("Scope", "Estimate"):
        m.add_task(name, plan.id)
    for name in ("PM", "Dev"):
        m.add_role(name)
    m.journal.clear()
    return m


def ids(m: Matrix) -> tuple[list[int], list[int]]:
    return [t.id for t in m.tasks], [r.id for r in m.roles]


def history(editor: Editor) -> History:
    assert isinstance(editor.recorder, History)
    return editor.recorder


def test_one_rule_for_text_in_a_cell_typed_entered_or_pasted() -> None:
    """'A/X' used to become 'A' in the cell editor and nothing on paste: now both refuse it."""
    m = small()
    editor = Editor(m)
    (scope, _estimate), (pm, _dev) = ids(m)
    for result in (
        editor.set_text([(scope, pm)], "A/X"),
        editor.paste("A/X", selection=[(scope, pm)], tasks=[scope], roles=[pm]),
        editor.type_code([(scope, pm)], "X"),
    ):
        assert not result.done
        assert [r.key for r in result.refusals] == ["not-a-code"]
    assert m.get(scope, pm) == ""
    assert editor.set_text([(scope, pm)], " a / r ").done
    assert m.get(scope, pm) == "RA"
    assert editor.set_text([(scope, pm)], "-").done  # a not-involved mark clears
    assert m.get(scope, pm) == ""
    assert editor.read_codes("А") == "A"  # Cyrillic look-alike


def test_rapid_edits_of_one_cell_are_one_undo_step_and_a_round_trip_none() -> None:
    m = small()
    editor = Editor(m)
    (scope, _), (pm, dev) = ids(m)
    editor.type_code([(scope, pm)], "a")
    editor.type_code([(scope, pm)], "r", toggle=True)
    assert m.get(scope, pm) == "RA"
    assert len(history(editor).done) == 1
    history(editor).undo()
    assert m.get(scope, pm) == ""
    history(editor).redo()
    assert m.get(scope, pm) == "RA"
    editor.type_code([(scope, dev)], "c")
    editor.clear([(scope, dev)])  # back to where it started: the edit disappears
    assert len(history(editor).done) == 1


def test_a_block_past_the_edges_is_refused_then_grown_in_one_step() -> None:
    m = small()
    editor = Editor(m)
    (scope, estimate), (pm, dev) = ids(m)
    block = "A\tR\tC\nR\tA\tI\nI\tC\tA\n"  # 3 x 3 at Scope x PM: one task and one role short
    result = editor.paste(block, selection=[(scope, pm)], tasks=[scope, estimate], roles=[pm, dev])
    assert not result.done
    assert [(r.key, r.count, r.extra) for r in result.refusals] == [("paste-overflow", 1, 1)]
    assert list(m.cells()) == []  # nothing half pasted
    result = editor.paste(
        block, selection=[(scope, pm)], tasks=[scope, estimate], roles=[pm, dev], grow=True
    )
    assert result.done and not result.refusals
    assert [t.name for t in m.tasks] == ["Scope", "Estimate", "New task"]
    assert [r.name for r in m.roles] == ["PM", "Dev", "New role"]
    new_task, new_role = m.tasks[2].id, m.roles[2].id
    assert m.get(new_task, new_role) == "A" and m.get(scope, new_role) == "C"
    assert len(history(editor).done) == 1  # one undo step
    history(editor).undo()
    assert [t.name for t in m.tasks] == ["Scope", "Estimate"] and len(m.roles) == 2
    assert list(m.cells()) == []


def test_a_table_from_a_spreadsheet_pastes_by_name() -> None:
    m = small()
    editor = Editor(m)
    (scope, estimate), (pm, dev) = ids(m)
    table = "Task\tDev\tQA\nEstimate\tR\tC\nDeploy\tA\tR\n"
    result = editor.paste(table, selection=[(scope, pm)], tasks=[scope, estimate], roles=[pm, dev])
    assert result.done
    qa, deploy = m.find_role("QA"), m.find_task("Deploy")
    assert qa is not None and deploy is not None
    assert m.get(estimate, dev) == "R" and m.get(estimate, qa.id) == "C"
    assert m.get(deploy.id, dev) == "A" and m.get(scope, pm) == ""
    history(editor).undo()
    assert m.find_role("QA") is None and m.find_task("Deploy") is None


def test_words_that_name_nothing_of_the_matrix_are_no_table() -> None:
    """Pasted prose must not invent tasks and roles: it is values that are no codes."""
    m = small()
    editor = Editor(m)
    (scope, estimate), (pm, dev) = ids(m)
    result = editor.paste(
        "hello\tworld\nfoo\tbar\n",
        selection=[(scope, pm)],
        tasks=[scope, estimate],
        roles=[pm, dev],
    )
    assert [t.name for t in m.tasks] == ["Scope", "Estimate"] and len(m.roles) == 2
    assert [(r.key, r.count) for r in result.refusals] == [("pasted-not-codes", 4)]


def test_values_that_are_no_codes_leave_their_cells_and_are_counted() -> None:
    m = small()
    editor = Editor(m)
    (scope, estimate), (pm, dev) = ids(m)
    editor.set_text([(estimate, dev)], "I")
    result = editor.paste(
        "A\tmaybe\nR\tQ", selection=[(scope, pm)], tasks=[scope, estimate], roles=[pm, dev]
    )
    assert m.get(scope, pm) == "A" and m.get(estimate, pm) == "R"
    assert m.get(estimate, dev) == "I"  # "Q" is no code: the cell keeps its I
    assert [(r.key, r.count, r.text) for r in result.refusals] == [("pasted-not-codes", 2, "maybe")]


def test_one_name_check_for_inserts_and_renames() -> None:
    m = small()
    editor = Editor(m)
    (scope, _), _ = ids(m)
    for result in (
        editor.insert_task("  scope "),
        editor.update_task(m.tasks[1].id, name="SCOPE"),
        editor.insert_role("pm"),
    ):
        assert [r.key for r in result.refusals] == ["name-taken"]
    assert [r.key for r in editor.insert_task("   ").refusals] == ["empty-name"]
    assert editor.update_task(scope, name=" Scope ").edit is None  # unchanged: no edit
    assert editor.update_task(scope, name="Define scope").done
    assert m.task(scope).name == "Define scope"
    assert history(editor).done[-1].label.key == "rename-task"


def test_a_code_over_unread_text_settles_it_and_undo_brings_it_back() -> None:
    m = small()
    editor = Editor(m)
    (scope, _), (pm, _) = ids(m)
    m.set_cell_texts([(scope, pm, "maybe")])
    editor.type_code([(scope, pm)], "A")
    assert (m.get(scope, pm), m.cell_text(scope, pm)) == ("A", "")
    history(editor).undo()
    assert (m.get(scope, pm), m.cell_text(scope, pm)) == ("", "maybe")
    editor.clear([(scope, pm)])  # Delete on a cell holding only text clears the text
    assert m.cell_text(scope, pm) == ""


def test_edits_follow_ids_a_workspace_gave_my_new_items() -> None:
    m = small()
    editor = Editor(m)
    (_, _), (pm, _) = ids(m)
    inserted = editor.insert_task("Deploy").edit
    assert isinstance(inserted, InsertTaskEdit) and inserted.task_id is not None
    old = inserted.task_id
    editor.type_code([(old, pm)], "R")
    cells = history(editor).done[-1]
    cells.renumber({old: 99})
    assert inserted.task_id == old  # each edit follows only when told
    inserted.renumber({old: 99})
    assert inserted.task_id == 99
    assert cells.changes[0][0] == 99  # type: ignore[attr-defined]


operations = st.lists(
    st.tuples(
        st.sampled_from(
            ["type", "toggle", "clear", "cycle", "insert", "delete", "rename", "paste"]
        ),
        st.integers(0, 5),
        st.integers(0, 5),
        st.sampled_from(["R", "A", "C", "I", "A/R", "x", "maybe"]),
    ),
    max_size=25,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(operations)
def test_any_sequence_undoes_to_the_start_and_redoes_to_the_end(ops: list) -> None:
    m = small()
    editor = Editor(m)
    start = matrix_state(m)
    for op, i, j, text in ops:
        tasks, roles = ids(m)
        if not tasks or not roles:
            editor.insert_task(f"T{len(m.tasks) + 1}-{i}")
            continue
        cell = (tasks[i % len(tasks)], roles[j % len(roles)])
        if op == "type":
            editor.type_code([cell], text[0])
        elif op == "toggle":
            editor.type_code([cell], text[0], toggle=True)
        elif op == "clear":
            editor.clear([cell])
        elif op == "cycle":
            editor.cycle([cell], cell)
        elif op == "insert":
            editor.insert_task(f"Task {i}-{j}")
        elif op == "delete":
            editor.delete_tasks([cell[0]])
        elif op == "rename":
            editor.update_role(cell[1], name=f"Role {i}")
        elif op == "paste":
            at = tasks.index(cell[0])
            editor.paste(
                f"{text}\t{text}\n{text}\t{text}",
                selection=[cell],
                tasks=tasks[at:],
                roles=roles[roles.index(cell[1]) :],
                grow=bool(i % 2),
            )
    end = matrix_state(m)
    done = history(editor)
    while done.undo():
        pass
    assert matrix_state(m) == {**start, "next_id": m.next_id}
    while done.redo():
        pass
    assert matrix_state(m) == end


def test_the_editor_needs_no_qt() -> None:
    import subprocess
    import sys

    code = (
        "import sys; import rolematrix.core.editor, rolematrix.core.edits; "
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("text", ["", "\n", "\n\n"])
def test_an_empty_clipboard_changes_nothing(text: str) -> None:
    m = small()
    editor = Editor(m)
    (scope, _), (pm, _) = ids(m)
    result = editor.paste(text, selection=[(scope, pm)], tasks=[scope], roles=[pm])
    assert not result.done and not result.refusals


def test_undoing_a_delete_after_a_workspace_renumbered_my_new_items() -> None:
    """A refresh may give my new role another id; the deleted task's cells must follow it."""
    from rolematrix.store.merge import Renumbering
    from rolematrix.store.sync import renumber_matrix

    m = small()
    editor = Editor(m)
    (scope, _estimate), _roles = ids(m)
    added = editor.insert_role("QA").edit
    assert isinstance(added, InsertRoleEdit) and added.role_id is not None
    qa = added.role_id
    editor.type_code([(scope, qa)], "A")
    editor.delete_tasks([scope])
    renumber_matrix(m, Renumbering(roles={qa: 999}))
    for edit in history(editor).done:
        edit.renumber({qa: 999})
    history(editor).undo()  # the task comes back, its A in the renumbered column
    assert m.get(scope, 999) == "A"
    editor.delete_roles([999])
    history(editor).undo()
    assert m.get(scope, 999) == "A"
