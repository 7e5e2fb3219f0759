"""Whatever an edit accepts can be saved: no name may hold a lone surrogate."""

from __future__ import annotations

from pathlib import Path

from rolematrix.core.model import Document, Matrix
from rolematrix.core.names import clean_name
from rolematrix.store import DocumentStore


def test_clean_name_replaces_a_lone_surrogate() -> None:
    assert clean_name("  Sign \ud800 off ") == "Sign \ufffd off"
    assert clean_name("half \udc00") == "half \ufffd"
    assert clean_name("emoji 😀 stays") == "emoji 😀 stays"


def test_names_typed_with_a_lone_surrogate_can_be_saved(tmp_path: Path) -> None:
    matrix = Matrix("Plan \ud83d", "RACI")
    role = matrix.add_role("Owner \udfff", short="O").id
    phase = matrix.add_phase("Phase \ud800").id
    task = matrix.add_task("Task \udc01", phase).id
    matrix.set_cell(task, role, "A")
    matrix.update_task(task, name="Renamed \ud801")
    target = tmp_path / "plan.rolematrix"
    DocumentStore.create(target, Document([matrix])).close()
    with DocumentStore.open(target, readonly=True) as store:
        saved = store.load().matrices[0]
    assert saved.name == "Plan \ufffd"
    assert saved.roles[0].name == "Owner \ufffd"
    assert saved.phases[0].name == "Phase \ufffd"
    assert saved.tasks[0].name == "Renamed \ufffd"


def test_texts_edited_with_a_lone_surrogate_can_be_saved(tmp_path: Path) -> None:
    matrix = Matrix("Plan", "RACI", description="about \ud800")
    role = matrix.add_role("Owner", short="O\udc00", description="role \udbff").id
    task = matrix.add_task("Task", description="does \ud800", notes="n \udc00", reference="R\ud801")
    matrix.set_cell(task.id, role, "A")
    other = matrix.add_task("Other").id
    matrix.update_task(other, description="later \ud802", notes="note \udc02", reference="\ud803")
    matrix.update_role(role, description="changed \udc03", short="S\ud804")
    matrix.update(description="now \udfff")
    matrix.set_cell_texts([(other, role, "maybe \ud805")])
    target = tmp_path / "plan.rolematrix"
    DocumentStore.create(target, Document([matrix])).close()
    with DocumentStore.open(target, readonly=True) as store:
        saved = store.load().matrices[0]
    first, second = saved.tasks
    assert saved.description == "now \ufffd"
    assert (saved.roles[0].short, saved.roles[0].description) == ("S\ufffd", "changed \ufffd")
    assert (first.description, first.notes, first.reference) == (
        "does \ufffd",
        "n \ufffd",
        "R\ufffd",
    )
    assert (second.description, second.notes, second.reference) == (
        "later \ufffd",
        "note \ufffd",
        "\ufffd",
    )
    assert saved.cell_text(second.id, saved.roles[0].id) == "maybe \ufffd"
