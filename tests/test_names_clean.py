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
