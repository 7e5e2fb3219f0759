"""Two editors on one PostgreSQL workspace: nobody's work is lost, conflicts are shown.

Each "person" is a store opened on the same workspace, as two RoleMatrix windows
(or processes) would; what one saves, the other's save merges or refuses.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import make_url
from store_fixtures import document_state, persian_matrix, rich_document, rich_matrix
from workspace_fixtures import run_sql, workspace

from rolematrix.cli import main as cli
from rolematrix.core.model import Document, DuplicateNameError, Matrix, MatrixEvent
from rolematrix.store import (
    ConflictError,
    DocumentStore,
    MergeConflictError,
    Resolution,
)

pytestmark = pytest.mark.postgres
__all__ = ["workspace"]  # the fixture, imported for pytest


def state(url: str) -> list[dict[str, object]]:
    with DocumentStore.open(url, readonly=True) as store:
        return document_state(store.load())


@pytest.fixture
def people(workspace: str) -> Iterator[tuple[DocumentStore, DocumentStore]]:
    """Ann and Bob, each with the workspace (the rich document) open."""
    DocumentStore.create(workspace, rich_document(), user="Setup").close()
    ann = DocumentStore.open(workspace, user="Ann")
    bob = DocumentStore.open(workspace, user="Bob")
    try:
        yield ann, bob
    finally:
        ann.close()
        bob.close()


def cell(m: Matrix, task: str, role: str) -> str:
    found_task, found_role = m.find_task(task), m.find_role(role)
    assert found_task is not None and found_role is not None
    return m.get(found_task.id, found_role.id)


def set_cell(m: Matrix, task: str, role: str, codes: str) -> None:
    found_task, found_role = m.find_task(task), m.find_role(role)
    assert found_task is not None and found_role is not None
    m.set_cell(found_task.id, found_role.id, codes)


# ------------------------------------------------------------------ copy and CLI


def test_copy_file_to_workspace_and_back_is_lossless(
    tmp_path: Path, workspace: str, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.rolematrix"
    DocumentStore.create(plan, rich_document()).close()
    assert cli(["copy", str(plan), workspace]) == 0
    assert cli(["check", workspace]) == cli(["check", str(plan)])
    back = tmp_path / "back.rolematrix"
    assert cli(["copy", workspace, str(back)]) == 0
    capsys.readouterr()
    assert cli(["diff", str(plan), str(back)]) == 0
    assert capsys.readouterr().out == ""
    assert cli(["diff", str(plan), workspace]) == 0

    # a clash is refused without --replace, and replaced with it
    changed = tmp_path / "changed.rolematrix"
    edited = rich_document()
    m = edited.matrix("Release plan")
    set_cell(m, "Test", "Finance", "I")
    DocumentStore.create(changed, edited).close()
    assert cli(["copy", str(changed), workspace, "--matrix", "Release plan"]) == 2
    assert "--replace" in capsys.readouterr().err
    assert cli(["copy", str(changed), workspace, "--matrix", "Release plan", "--replace"]) == 0
    assert cli(["diff", str(changed), workspace, "--matrix", "Release plan"]) == 0
    assert sorted(x["name"] for x in state(workspace)) == ["Release plan", "ماتریس مسئولیت"]


def test_commands_never_print_the_password_of_an_address(
    tmp_path: Path, workspace: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with_password = make_url(workspace).set(password="s3cret").render_as_string(hide_password=False)
    plan = tmp_path / "plan.rolematrix"
    DocumentStore.create(plan, rich_document()).close()
    sheet = tmp_path / "plan.json"
    assert cli(["export", str(plan), "--output", str(sheet)]) == 0
    capsys.readouterr()
    assert cli(["copy", str(plan), with_password, "--matrix", "Release plan"]) == 0
    assert cli(["new", with_password, "--template", "sales-pm-account"]) == 0
    assert cli(["import", str(sheet), with_password, "--force"]) == 0
    out, err = capsys.readouterr()
    assert out.count("postgres@") == 3, out
    assert "s3cret" not in out + err


def test_new_and_import_add_to_a_workspace_and_force_replaces_only_their_own(
    tmp_path: Path, workspace: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A workspace is shared: creating a matrix in it never wipes colleagues' matrices."""
    DocumentStore.create(workspace, rich_document(), user="Setup").close()
    before = {x["name"]: x for x in state(workspace)}
    assert cli(["new", workspace, "--template", "sales-pm-account"]) == 0
    names = sorted(x["name"] for x in state(workspace))
    assert len(names) == 3 and set(before) < set(names)
    added = (set(names) - set(before)).pop()

    # the same template again clashes by name: refused, and nothing written
    capsys.readouterr()
    assert cli(["new", workspace, "--template", "sales-pm-account"]) == 2
    assert "--force" in capsys.readouterr().err
    assert sorted(x["name"] for x in state(workspace)) == names

    # an import whose matrix has the name of a colleague's replaces only that one with --force
    edited = rich_document()
    set_cell(edited.matrix("Release plan"), "Test", "Finance", "I")
    sheet = tmp_path / "release.json"
    DocumentStore.create(
        tmp_path / "r.rolematrix", Document([edited.matrix("Release plan")])
    ).close()
    assert cli(["export", str(tmp_path / "r.rolematrix"), "--output", str(sheet)]) == 0
    assert cli(["import", str(sheet), workspace]) == 2
    assert cli(["import", str(sheet), workspace, "--force"]) == 0
    after = {x["name"]: x for x in state(workspace)}
    assert sorted(after) == names
    assert after["ماتریس مسئولیت"] == before["ماتریس مسئولیت"]
    assert added in after
    with DocumentStore.open(workspace, readonly=True) as store:
        assert cell(store.load().matrix("Release plan"), "Test", "Finance") == "I"


# ------------------------------------------------------------------ concurrent edits


def test_edits_to_different_cells_both_survive(people: tuple[DocumentStore, DocumentStore]) -> None:
    ann, bob = people
    ann_doc, bob_doc = ann.load(), bob.load()
    a, b = ann_doc.matrix("Release plan"), bob_doc.matrix("Release plan")
    set_cell(a, "Implement", "Tester", "R")
    ann.save(ann_doc)
    set_cell(b, "Write the plan", "Finance", "I")
    bob.save(bob_doc)  # finds Ann's newer version and merges

    assert cell(b, "Implement", "Tester") == "R"  # Ann's change is in Bob's open matrix now
    assert b.journal.empty
    task, role = b.find_task("Implement"), b.find_role("Tester")
    assert task is not None and role is not None
    assert bob.last_merge is not None
    assert bob.last_merge.cells == [(b, (task.id, role.id))]
    saved = state(str(ann.target))
    assert saved == document_state(bob_doc)
    assert cell(ann.load().matrix("Release plan"), "Write the plan", "Finance") == "I"
    assert b.version == 3


def test_same_cell_is_a_conflict_showing_theirs_and_mine(
    people: tuple[DocumentStore, DocumentStore],
) -> None:
    ann, bob = people
    url = str(ann.target)
    ann_doc, bob_doc = ann.load(), bob.load()
    a, b = ann_doc.matrix("Release plan"), bob_doc.matrix("Release plan")
    set_cell(a, "Implement", "Tester", "R")  # was S
    ann.save(ann_doc)
    set_cell(b, "Implement", "Tester", "I")
    set_cell(b, "Test", "Finance", "C")  # no conflict there
    before = state(url)

    with pytest.raises(MergeConflictError) as caught:
        bob.save(bob_doc)
    assert state(url) == before  # nothing written
    assert cell(b, "Implement", "Tester") == "I"  # my version still on screen
    assert not b.journal.empty
    (conflict,) = caught.value.conflicts
    assert (conflict.matrix, conflict.task, conflict.role) == (
        "Release plan",
        "Implement",
        "Tester",
    )
    assert (conflict.base, conflict.theirs, conflict.mine) == ("S", "R", "I")
    assert conflict.who.startswith("Ann")
    assert isinstance(caught.value, ConflictError)
    assert "Implement × Tester" in str(caught.value)

    # keep theirs for the cell; my other edit still goes in
    bob.save(bob_doc, resolutions={conflict: Resolution.THEIRS})
    assert cell(b, "Implement", "Tester") == "R"
    saved = state(url)
    assert saved == document_state(bob_doc)

    # the other way round: both change it again, and Ann insists on hers
    set_cell(b, "Implement", "Tester", "C")
    bob.save(bob_doc)
    set_cell(a, "Implement", "Tester", "A")
    with pytest.raises(MergeConflictError) as caught:
        ann.save(ann_doc)
    assert [(c.base, c.theirs, c.mine) for c in caught.value.conflicts] == [("R", "C", "A")]
    ann.save(ann_doc, resolutions=Resolution.MINE)
    assert cell(a, "Implement", "Tester") == "A"
    assert state(url) == document_state(ann_doc)


def test_stale_structure_changes_merge(people: tuple[DocumentStore, DocumentStore]) -> None:
    ann, bob = people
    ann_doc, bob_doc = ann.load(), bob.load()
    a, b = ann_doc.matrix("Release plan"), bob_doc.matrix("Release plan")
    # both add a task (they get the same new id), Ann adds a role and renames a task
    ann_task = a.add_task("Review", a.phases[1].id)
    auditor = a.add_role("Auditor", short="Aud")
    a.set_cell(ann_task.id, auditor.id, "A")
    implement = a.find_task("Implement")
    assert implement is not None
    a.update_task(implement.id, name="Implement it")
    ann.save(ann_doc)
    bob_task = b.add_task("Deploy", b.phases[1].id)
    assert bob_task.id == ann_task.id  # the collision the merge must sort out
    b.set_cell(bob_task.id, b.roles[1].id, "R")
    set_cell(b, "Implement", "Developer", "A")  # in the task Ann renamed
    bob.save(bob_doc)

    names = [t.name for t in b.tasks]
    assert names == ["Write the plan", "Approve budget", "Implement it", "Test", "Review", "Deploy"]
    assert [r.name for r in b.roles][-1] == "Auditor"
    deploy = b.find_task("Deploy")
    assert deploy is not None and deploy.id != ann_task.id
    assert bob.last_merge is not None
    assert bob.last_merge.renumbered == {b: {bob_task.id: deploy.id}}  # for Bob's undo stack
    assert b.get(deploy.id, b.roles[1].id) == "R"
    assert cell(b, "Review", "Auditor") == "A"
    assert cell(b, "Implement it", "Developer") == "A"
    assert state(str(ann.target)) == document_state(bob_doc)
    # Ann refreshes and sees exactly what Bob sees
    result = ann.refresh(ann_doc)
    assert result.conflicts == []
    assert document_state(ann_doc) == document_state(bob_doc)


def test_deleting_a_task_someone_edited_is_a_conflict(
    people: tuple[DocumentStore, DocumentStore],
) -> None:
    ann, bob = people
    url = str(ann.target)
    ann_doc, bob_doc = ann.load(), bob.load()
    a, b = ann_doc.matrix("Release plan"), bob_doc.matrix("Release plan")
    test_task = a.find_task("Test")
    assert test_task is not None
    a.remove_task(test_task.id)
    ann.save(ann_doc)
    set_cell(b, "Test", "Finance", "C")

    with pytest.raises(MergeConflictError) as caught:
        bob.save(bob_doc)
    (conflict,) = caught.value.conflicts
    assert (conflict.kind, conflict.task, conflict.theirs) == ("task", "Test", "deleted")
    assert "deleted" in conflict.text

    bob.save(bob_doc, resolutions=Resolution.MINE)  # keep the task, with all its cells
    assert cell(b, "Test", "Finance") == "C"
    assert cell(b, "Test", "Tester") == "R"
    assert state(url) == document_state(bob_doc)

    # now Ann deletes it again and Bob gives in
    ann.refresh(ann_doc)
    again = a.find_task("Test")
    assert again is not None
    a.remove_task(again.id)
    ann.save(ann_doc)
    set_cell(b, "Test", "Developer", "S")
    with pytest.raises(MergeConflictError):
        bob.save(bob_doc)
    bob.save(bob_doc, resolutions=Resolution.THEIRS)
    assert b.find_task("Test") is None
    assert state(url) == document_state(bob_doc) == document_state(ann_doc)


def test_two_new_tasks_with_one_name_cannot_both_be_saved(
    people: tuple[DocumentStore, DocumentStore],
) -> None:
    ann, bob = people
    ann_doc, bob_doc = ann.load(), bob.load()
    ann_doc.matrices[0].add_task("Retrospective")
    ann.save(ann_doc)
    b = bob_doc.matrices[0]
    mine = b.add_task("retrospective")
    with pytest.raises(MergeConflictError) as caught:
        bob.save(bob_doc, resolutions=Resolution.MINE)  # no choice settles a clash of names
    assert [c.resolvable for c in caught.value.conflicts] == [False]
    assert "rename yours" in caught.value.conflicts[0].text
    b.update_task(mine.id, name="Bob's retrospective")
    bob.save(bob_doc)
    assert [t.name for t in b.tasks][-2:] == ["Retrospective", "Bob's retrospective"]


# ------------------------------------------------------------------ seeing others' work


def test_refresh_applies_remote_changes_and_keeps_unsaved_edits(
    people: tuple[DocumentStore, DocumentStore],
) -> None:
    ann, bob = people
    ann_doc, bob_doc = ann.load(), bob.load()
    a, b = ann_doc.matrix("Release plan"), bob_doc.matrix("Release plan")
    assert bob.changes_since(bob_doc) == []
    set_cell(a, "Implement", "Tester", "R")
    set_cell(a, "Write the plan", "Tester", "I")
    a.add_role("Auditor")
    ann.save(ann_doc)
    set_cell(b, "Test", "Finance", "C")  # Bob's unsaved edit
    set_cell(b, "Write the plan", "Tester", "S")  # ...and a clash with Ann
    events: list[MatrixEvent] = []
    b.subscribe(events.append)

    (change,) = bob.changes_since(bob_doc)
    assert (change.matrix, change.kind, change.known_version, change.version) == (
        "Release plan",
        "changed",
        1,
        2,
    )
    assert change.who.startswith("Ann")
    assert {e.kind for e in change.entries} == {"cell", "role-added"}

    result = bob.refresh(bob_doc)
    assert cell(b, "Implement", "Tester") == "R"  # theirs, applied
    assert b.roles[-1].name == "Auditor"
    assert {e.kind for e in events} >= {"cells", "role-insert"}  # the editor saw it happen
    assert cell(b, "Test", "Finance") == "C"  # mine, kept...
    assert cell(b, "Write the plan", "Tester") == "S"
    finance = b.find_role("Finance")
    test_task = b.find_task("Test")
    assert finance is not None and test_task is not None
    assert (test_task.id, finance.id) in b.journal.cells  # ...and still to be saved
    assert [(c.task, c.theirs, c.mine) for c in result.conflicts] == [("Write the plan", "I", "S")]
    assert bob.changes_since(bob_doc) == []  # seen now

    with pytest.raises(MergeConflictError):
        bob.save(bob_doc)
    bob.save(bob_doc, resolutions=result.conflicts and {result.conflicts[0]: Resolution.MINE})
    assert state(str(bob.target)) == document_state(bob_doc)


def test_matrices_added_and_deleted_by_others(people: tuple[DocumentStore, DocumentStore]) -> None:
    ann, bob = people
    ann_doc, bob_doc = ann.load(), bob.load()
    ann_doc.add(rich_matrix("Second plan"))
    ann_doc.matrices.remove(ann_doc.matrix("ماتریس مسئولیت"))
    ann.save(ann_doc)

    kinds = sorted((c.kind, c.matrix) for c in bob.changes_since(bob_doc))
    assert kinds == [("added", "Second plan"), ("removed", "ماتریس مسئولیت")]
    result = bob.refresh(bob_doc)
    assert [m.name for m in result.added] == ["Second plan"]
    assert [m.name for m in result.removed] == ["ماتریس مسئولیت"]
    assert document_state(bob_doc) == document_state(ann_doc)
    assert bob.changes_since(bob_doc) == []


def test_deleting_a_matrix_someone_changed_asks_first(
    people: tuple[DocumentStore, DocumentStore],
) -> None:
    ann, bob = people
    ann_doc, bob_doc = ann.load(), bob.load()
    persian = ann_doc.matrix("ماتریس مسئولیت")
    persian.set_cell(persian.tasks[0].id, persian.roles[1].id, "✓")
    ann.save(ann_doc)
    bob_doc.matrices.remove(bob_doc.matrix("ماتریس مسئولیت"))
    with pytest.raises(MergeConflictError) as caught:
        bob.save(bob_doc)
    assert [c.kind for c in caught.value.conflicts] == ["matrix-changed"]
    bob.save(bob_doc, resolutions=Resolution.THEIRS)  # keep their matrix after all
    assert document_state(bob_doc) == document_state(ann_doc)
    assert state(str(bob.target)) == document_state(ann_doc)


def test_a_workspace_matrix_deleted_while_i_edit_it(
    people: tuple[DocumentStore, DocumentStore],
) -> None:
    ann, bob = people
    ann_doc, bob_doc = ann.load(), bob.load()
    ann_doc.matrices.remove(ann_doc.matrix("Release plan"))
    ann.save(ann_doc)
    set_cell(bob_doc.matrix("Release plan"), "Test", "Finance", "C")
    with pytest.raises(MergeConflictError) as caught:
        bob.save(bob_doc)
    assert [c.kind for c in caught.value.conflicts] == ["matrix-deleted"]
    bob.save(bob_doc, resolutions=Resolution.MINE)  # put it back, with my change
    assert sorted(x["name"] for x in state(str(bob.target))) == ["Release plan", "ماتریس مسئولیت"]
    assert state(str(bob.target)) == document_state(bob_doc)


def test_save_with_force_overwrites(workspace: str) -> None:
    DocumentStore.create(workspace, Document([persian_matrix()])).close()
    with DocumentStore.open(workspace) as ann, DocumentStore.open(workspace) as bob:
        ann_doc, bob_doc = ann.load(), bob.load()
        a, b = ann_doc.matrices[0], bob_doc.matrices[0]
        a.set_cell(a.tasks[0].id, a.roles[1].id, "✓")
        ann.save(ann_doc)
        b.set_cell(b.tasks[0].id, b.roles[1].id, "")
        b.set_cell(b.tasks[0].id, b.roles[0].id, "")
        bob.save(bob_doc, force=True)
    assert state(workspace) == document_state(bob_doc)
    count = run_sql(workspace, "SELECT count(*) FROM history WHERE kind = 'cell'")
    assert count == [(3,)]  # Ann's cell, and Bob's two (one of them undoing Ann's)


def test_two_new_matrices_with_one_name(people: tuple[DocumentStore, DocumentStore]) -> None:
    ann, bob = people
    ann_doc, bob_doc = ann.load(), bob.load()
    ann_doc.add(rich_matrix("Third"))
    ann.save(ann_doc)
    bob_doc.add(rich_matrix("third"))
    with pytest.raises(ConflictError, match="someone else added a matrix named “Third”"):
        bob.save(bob_doc)
    result = bob.refresh(bob_doc)
    assert [(c.kind, c.resolvable) for c in result.conflicts] == [("matrix-name", False)]
    bob_doc.matrix("third").update(name="Bob's third")
    bob.save(bob_doc)
    bob.refresh(bob_doc)
    assert [m.name for m in bob_doc.matrices] == [
        "Release plan",
        "ماتریس مسئولیت",
        "Bob's third",
        "Third",
    ]


def _random_edits(m: Matrix, rnd: random.Random, count: int, tag: str) -> None:
    """Edits an editor could make: cells mostly, and every kind of structural change."""
    for n in range(count):
        kind = rnd.choice(["cell"] * 5 + ["task+", "task-", "rename", "move", "role+", "role-"])
        try:
            if kind == "cell":
                codes = rnd.choice(["", "R", "A", "C", "I", "S"])
                m.set_cell(rnd.choice(m.tasks).id, rnd.choice(m.roles).id, codes)
            elif kind == "task+":
                task = m.add_task(f"{tag} {n} {rnd.randint(0, 999)}")
                m.set_cell(task.id, rnd.choice(m.roles).id, "A")
            elif kind == "task-" and len(m.tasks) > 2:
                m.remove_task(rnd.choice(m.tasks).id)
            elif kind == "rename":
                m.update_task(rnd.choice(m.tasks).id, name=f"{tag} renamed {rnd.randint(0, 999)}")
            elif kind == "move":
                phase = rnd.choice(m.phases)
                m.move_task(rnd.choice(m.tasks).id, phase.id, 0)
            elif kind == "role+":
                m.add_role(f"{tag} role {n} {rnd.randint(0, 999)}")
            elif kind == "role-" and len(m.roles) > 2:
                m.remove_role(rnd.choice(m.roles).id)
        except DuplicateNameError:
            pass


@pytest.mark.parametrize("seed", range(2))
def test_random_concurrent_edits_lose_nothing(
    people: tuple[DocumentStore, DocumentStore], seed: int
) -> None:
    """Whatever two people do at once, the workspace ends up with both sides' work (or, for
    a conflict, the side chosen), both editors agree after a refresh, and the history
    rebuilds every state that was saved."""
    ann, bob = people
    url = str(ann.target)
    rnd = random.Random(seed)
    ann_doc, bob_doc = ann.load(), bob.load()
    a, b = ann_doc.matrices[0], bob_doc.matrices[0]
    saved: list[tuple[datetime, list[dict[str, object]]]] = []
    for round_ in range(3):
        old = ({t.id for t in a.tasks}, {r.id for r in a.roles})  # new ids may be renumbered
        _random_edits(a, rnd, rnd.randint(1, 8), f"A{round_}")
        _random_edits(b, rnd, rnd.randint(1, 8), f"B{round_}")
        ann_cells = {k: a.get(*k) for k in a.journal.cells if k[0] in old[0] and k[1] in old[1]}
        bob_cells = {k: b.get(*k) for k in b.journal.cells if k[0] in old[0] and k[1] in old[1]}
        ann.save(ann_doc)
        saved.append((ann.history(limit=1)[0].at, document_state(ann_doc)))
        try:
            bob.save(bob_doc)
            clean = True
        except MergeConflictError as exc:
            clean = False
            for conflict in exc.conflicts:
                if not conflict.resolvable and conflict.task_id is not None:
                    b.update_task(conflict.task_id, name=f"Bob's {rnd.randint(0, 999)}")
                if not conflict.resolvable and conflict.role_id is not None:
                    b.update_role(conflict.role_id, name=f"Bob's {rnd.randint(0, 999)}")
            bob.save(bob_doc, resolutions=rnd.choice([Resolution.MINE, Resolution.THEIRS]))
        saved.append((bob.history(limit=1)[0].at, document_state(bob_doc)))
        assert state(url) == document_state(bob_doc)
        if clean:  # nothing conflicted: every edit of both is there
            for mine, other in ((ann_cells, bob_cells), (bob_cells, ann_cells)):
                for (task, role), codes in mine.items():
                    if (
                        b.has_task(task)
                        and b.has_role(role)
                        and other.get((task, role), codes) == codes
                    ):
                        assert b.get(task, role) == codes
        ann.refresh(ann_doc)
        assert document_state(ann_doc) == document_state(bob_doc)
        assert ann_doc.matrices[0].journal.empty and b.journal.empty

    def without_counter(states: list[dict[str, object]]) -> list[dict[str, object]]:
        return [{k: v for k, v in m.items() if k != "next_id"} for m in states]

    for moment, expected in saved:
        assert without_counter(document_state(ann.load_at(moment))) == without_counter(expected)
