"""A document's matrices edited without Qt: add, rename, duplicate, delete, move, scheme.

Each change is one undoable step and undo gives back exactly what was there
(compared field by field with ``matrix_state``); the document announces every
change so that the tabs can follow undo as well.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from store_fixtures import document_state, matrix_state, persian_matrix, rich_matrix

from rolematrix.core.editor import DocumentEditor, Editor, History, convert_codes
from rolematrix.core.model import Document, DocumentEvent, Matrix
from rolematrix.core.schemes import SCHEMES
from rolematrix.store import DocumentStore


def two() -> tuple[Document, DocumentEditor, History]:
    document = Document([rich_matrix(), persian_matrix()])
    recorder = History()
    return document, DocumentEditor(document, recorder), recorder


def names(document: Document) -> list[str]:
    return [m.name for m in document.matrices]


def test_a_blank_matrix_can_start_in_any_scheme_and_undo_takes_it_away() -> None:
    document, editor, history = two()
    for scheme in SCHEMES:
        result = editor.add_matrix(f"  Blank   {scheme} ", scheme, "new one")
        assert result.done and not result.refusals
        added = document.matrices[-1]
        assert (added.name, added.scheme.id, added.description) == (
            f"Blank {scheme}",
            scheme,
            "new one",
        )
        assert not added.tasks and not added.roles
    assert len(document.matrices) == 2 + len(SCHEMES)
    while history.undo():
        pass
    assert names(document) == ["Release plan", "ماتریس مسئولیت"]
    history.redo()
    assert names(document)[-1] == "Blank RACI"


def test_names_are_unique_in_the_document_trimmed_and_case_folded() -> None:
    document, editor, history = two()
    taken = editor.add_matrix("  release PLAN ")
    assert not taken.done
    assert [(r.key, r.what) for r in taken.refusals] == [("name-taken", "matrix")]
    assert [r.key for r in editor.add_matrix("   ").refusals] == ["empty-name"]
    hiring = document.matrices[1]
    assert [r.key for r in editor.rename(hiring, "RELEASE plan").refusals] == ["name-taken"]
    assert not history.done
    # renaming a matrix to its own name in other case is no clash
    release = document.matrices[0]
    assert editor.rename(release, " release plan ").done
    assert release.name == "release plan"
    assert editor.rename(release, "Ship it").done
    history.undo()
    history.undo()
    assert release.name == "Release plan"
    history.redo()
    assert release.name == "release plan"


def test_a_duplicate_keeps_every_field_cells_and_unread_texts() -> None:
    document, editor, history = two()
    original = document.matrices[0]
    before = matrix_state(original)
    assert before["cell_texts"], "the fixture holds an unread cell text"
    result = editor.duplicate(original)
    assert result.done
    copy = document.matrices[1]
    assert copy is not original and copy.name == "Release plan (copy)"
    assert matrix_state(copy) == {**before, "name": "Release plan (copy)"}
    # a deep copy: editing the copy leaves the original alone
    Editor(copy).set_text([(copy.tasks[0].id, copy.roles[0].id)], "I")
    copy.phases[0].tasks[0].name = "changed"
    assert matrix_state(original) == before
    assert editor.duplicate(original).done
    assert document.matrices[1].name == "Release plan (copy) (2)"
    history.undo()
    history.undo()
    assert names(document) == ["Release plan", "ماتریس مسئولیت"]


def test_delete_and_move_undo_exactly() -> None:
    document, editor, history = two()
    editor.add_matrix("Third", "DACI")
    start = document_state(document)
    first = document.matrices[0]
    assert editor.move(first, 2).done
    assert names(document) == ["ماتریس مسئولیت", "Third", "Release plan"]
    assert not editor.move(first, 5).done  # already last: nothing to undo
    assert editor.delete(document.matrices[1]).done
    assert names(document) == ["ماتریس مسئولیت", "Release plan"]
    history.undo()
    history.undo()
    assert document_state(document) == start
    assert document.matrices[0] is first
    history.redo()
    history.redo()
    assert names(document) == ["ماتریس مسئولیت", "Release plan"]


def test_the_document_announces_each_change_undo_included() -> None:
    document, editor, history = two()
    events: list[DocumentEvent] = []
    unsubscribe = document.subscribe(events.append)
    editor.add_matrix("Third")
    third = document.matrices[2]
    editor.move(third, 0)
    editor.delete(third)
    history.undo()
    seen = [(e.kind, e.matrix.name, e.index, e.to_index) for e in events]
    assert seen == [
        ("matrix-insert", "Third", 2, None),
        ("matrix-move", "Third", 2, 0),
        ("matrix-remove", "Third", 0, None),
        ("matrix-insert", "Third", 0, None),
    ]
    unsubscribe()
    history.undo()
    assert len(events) == 4


@pytest.mark.parametrize(
    ("source", "target", "codes", "expected"),
    [
        ("RACI", "DACI", "RA", "DA"),
        ("DACI", "RACI", "DAC", "RAC"),
        ("RACI", "RASCI", "RACI", "RACI"),
        ("RASCI", "RACI", "RS", "RS"),  # S kept: the checker flags it
        ("RACI", "CHECK", "AR", "✓"),
        ("RACI", "CHECK", "I", "✓"),
        ("CAIRO", "CHECK", "O", ""),
        ("CHECK", "RACI", "✓", "R"),
        ("CHECK", "DACI", "✓", "D"),
        ("DACI", "CAIRO", "I", "I"),
    ],
)
def test_codes_convert_by_their_part(source: str, target: str, codes: str, expected: str) -> None:
    assert convert_codes(codes, SCHEMES[source], SCHEMES[target]) == expected


def test_a_scheme_change_converts_the_cells_in_one_undo_step() -> None:
    matrix = rich_matrix()  # RASCI, one cell holds S
    before = matrix_state(matrix)
    editor = Editor(matrix)
    result = editor.change_scheme("DACI")
    assert result.done and not result.refusals
    assert result.foreign_cells == 1  # the S of "Implement": kept, not dropped
    assert matrix.scheme.id == "DACI"
    cells = {(t, r): c for t, r, c in matrix.cells()}
    old = {(t, r): c for t, r, c in before["cells"]}
    for key, codes in old.items():
        assert cells[key] == codes.replace("R", "D")
    assert matrix_state(matrix)["cell_texts"] == before["cell_texts"]
    history = editor.recorder
    assert isinstance(history, History) and len(history.done) == 1
    history.undo()
    assert matrix_state(matrix) == before
    history.redo()
    assert matrix.scheme.id == "DACI" and {(t, r): c for t, r, c in matrix.cells()} == cells


def test_to_check_marks_and_back() -> None:
    matrix = rich_matrix()
    editor = Editor(matrix)
    filled = matrix.filled_count
    assert editor.change_scheme("CHECK").foreign_cells == 0
    assert {c for _t, _r, c in matrix.cells()} == {"✓"}
    assert matrix.filled_count == filled
    editor.change_scheme("RACI")
    assert {c for _t, _r, c in matrix.cells()} == {"R"}
    assert not editor.change_scheme("RACI").done


def test_a_document_with_two_matrices_saves_and_reopens_with_both(tmp_path: Path) -> None:
    document, editor, _history = two()
    editor.add_matrix("Hiring", "CAIRO", "Who hires whom")
    editor.duplicate(document.matrices[0])
    editor.move(document.matrices[0], 3)
    path = tmp_path / "two.rolematrix"
    DocumentStore.create(str(path), document).close()
    store = DocumentStore.open(str(path))
    try:
        again = store.load()
        assert document_state(again) == document_state(document)
        # delete and reorder, save over, reopen
        second = DocumentEditor(again, History())
        second.delete(again.matrix("Hiring"))
        second.move(again.matrices[2], 0)
        second.rename(again.matrices[0], "Launch")
        wanted = document_state(again)
        store.save(again)
    finally:
        store.close()
    store = DocumentStore.open(str(path))
    try:
        assert document_state(store.load()) == wanted
    finally:
        store.close()


def test_a_matrix_from_the_document_keeps_its_object_through_delete_and_undo() -> None:
    document, editor, history = two()
    matrix: Matrix = document.matrices[1]
    editor.delete(matrix)
    history.undo()
    assert document.matrices[1] is matrix


def test_the_last_matrix_is_not_deleted() -> None:
    document = Document([rich_matrix()])
    editor = DocumentEditor(document, History())
    result = editor.delete(document.matrices[0])
    assert not result.done and [r.key for r in result.refusals] == ["last-matrix"]
    assert len(document.matrices) == 1
