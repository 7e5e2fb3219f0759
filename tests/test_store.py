"""The document store on SQLite files: round trips, incremental and atomic saves, locking."""

from __future__ import annotations

import errno
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from store_fixtures import (
    FileState,
    document_state,
    folder_listing,
    matrix_state,
    persian_matrix,
    rich_document,
    rich_matrix,
)

from rolematrix.core.model import Document, Matrix, Settings, StaffingPreset, Suppression
from rolematrix.store import (
    AlreadyExistsError,
    ConflictError,
    DocumentStore,
    LockedError,
    NotFoundError,
    ReadOnlyError,
    SaveFailedError,
    StoreError,
    is_database_url,
    sqlite_file,
    writer,
)
from rolematrix.store.schema import APPLICATION_ID


def reload(path: Path) -> Document:
    with DocumentStore.open(path, readonly=True) as store:
        return store.load()


def saved(tmp_path: Path, document: Document, name: str = "plan.rolematrix") -> Path:
    path = tmp_path / name
    DocumentStore.create(path, document).close()
    return path


def leftovers(folder: Path) -> list[str]:
    """Files a save may have left behind (temporary files, lock files)."""
    return sorted(n for n in folder_listing(folder) if n.endswith((".saving", ".lock")))


# ------------------------------------------------------------------ round trip
def test_round_trip_keeps_every_field_and_id(tmp_path: Path) -> None:
    document = rich_document()
    expected = document_state(document)
    path = saved(tmp_path, document)

    loaded = reload(path)

    assert document_state(loaded) == expected
    assert all(m.journal.empty for m in loaded.matrices)
    assert loaded.matrix("ماتریس مسئولیت").is_rtl


def test_created_file_is_marked_as_a_rolematrix_file(tmp_path: Path) -> None:
    path = saved(tmp_path, rich_document())
    header = path.read_bytes()[:100]
    assert header.startswith(b"SQLite format 3\x00")
    assert int.from_bytes(header[68:72], "big") == APPLICATION_ID
    assert leftovers(tmp_path) == []


def test_ids_of_deleted_items_are_not_reused_after_reload(tmp_path: Path) -> None:
    matrix = rich_matrix()
    last = matrix.add_task("Temporary")
    matrix.remove_task(last.id)
    path = saved(tmp_path, Document([matrix]))
    again = reload(path).matrix()
    assert again.add_task("New").id > last.id


def test_file_name_with_spaces_and_persian_letters(tmp_path: Path) -> None:
    path = saved(tmp_path, Document([persian_matrix()]), "برنامه ۱ #%?.rolematrix")
    assert document_state(reload(path)) == [matrix_state(persian_matrix())]


def test_sqlite_url_names_a_file(tmp_path: Path) -> None:
    path = saved(tmp_path, rich_document())
    with DocumentStore.open(f"sqlite:///{path}", readonly=True) as store:
        assert store.target == path
        assert store.display_name == "plan.rolematrix"
        assert len(store.load().matrices) == 2


# ----------------------------------------------------------------------- saving
def test_save_after_one_cell_edit_matches_a_full_save(tmp_path: Path) -> None:
    path = saved(tmp_path, rich_document())
    with DocumentStore.open(path) as store:
        document = store.load()
        matrix = document.matrix("Release plan")
        task, role = matrix.tasks[3], matrix.roles[3]
        matrix.set_cell(task.id, role.id, "C")
        matrix.set_cell(matrix.tasks[0].id, matrix.roles[1].id, "")  # emptied cell
        store.save(document)
        assert matrix.journal.empty

    full = saved(tmp_path, document, "full.rolematrix")
    assert document_state(reload(path)) == document_state(document)
    assert document_state(reload(path)) == document_state(reload(full))
    assert reload(path).matrix("Release plan").get(task.id, role.id) == "C"


def test_save_after_one_edit_writes_one_cell_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The journal decides what is written: saving a large document stays fast."""
    path = saved(tmp_path, rich_document())
    written: list[tuple[str, int]] = []
    real_insert = writer.insert_rows

    def counting_insert(connection, table, rows):  # type: ignore[no-untyped-def]
        written.append((table.name, len(rows)))
        return real_insert(connection, table, rows)

    monkeypatch.setattr(writer, "insert_rows", counting_insert)
    with DocumentStore.open(path) as store:
        document = store.load()
        matrix = document.matrices[0]
        matrix.set_cell(matrix.tasks[0].id, matrix.roles[3].id, "I")
        store.save(document)
    assert written == [("cells", 1)]


def test_failed_create_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def failing_insert(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writer, "insert_rows", failing_insert)
    with pytest.raises(
        SaveFailedError, match=r"plan\.rolematrix could not be saved: the disk is full"
    ):
        DocumentStore.create(tmp_path / "plan.rolematrix", rich_document())
    assert folder_listing(tmp_path) == []


def test_save_after_structure_edits_matches_a_full_save(tmp_path: Path) -> None:
    path = saved(tmp_path, rich_document())
    with DocumentStore.open(path) as store:
        document = store.load()
        m = document.matrix("Release plan")
        plan, build = m.phases
        m.update(name="Release plan 2", description="new", scheme="RACI-VS", template_id="x")
        m.set_settings(Settings("lenient", {"max_consulted": 9}))
        m.update_task(m.tasks[0].id, name="Write the plan (v2)", notes="changed")
        gone = m.tasks[1]
        m.remove_task(gone.id)
        new_task = m.add_task("Deploy", build.id, index=0, description="to production")
        m.set_cell(new_task.id, m.roles[0].id, "V")
        m.move_task(m.tasks[-1].id, plan.id, 0)
        m.move_role(m.roles[0].id, 2)
        removed_role = m.roles[-1]
        m.remove_role(removed_role.id)
        m.add_role("Operator", index=0, short="Ops", colour="#000000")
        phase = m.add_phase("Run")
        m.add_task("Monitor", phase.id)
        m.move_phase(phase.id, 0)
        m.rename_phase(plan.id, "Planning")
        m.add_person("Dee", [m.roles[0].id])
        m.set_conflicts([(m.roles[0].id, m.roles[1].id)])
        m.accept(Suppression("overload", "temporary", person_id=m.people[0].id))
        m.set_presets([StaffingPreset("Only", (("Dee", ("Operator",)),))])
        store.save(document)
        assert all(x.journal.empty for x in document.matrices)
        first = reload(path)
        # a second round of edits on top of the first incremental save
        m.set_cell(new_task.id, m.roles[1].id, "SV")
        m.remove_phase(phase.id)
        store.save(document)

    assert document_state(first)[0]["name"] == "Release plan 2"
    full = saved(tmp_path, document, "full.rolematrix")
    assert document_state(reload(path)) == document_state(document)
    assert document_state(reload(path)) == document_state(reload(full))


def test_added_and_removed_matrices_are_saved(tmp_path: Path) -> None:
    path = saved(tmp_path, rich_document())
    with DocumentStore.open(path) as store:
        document = store.load()
        document.matrices.remove(document.matrix("Release plan"))
        document.add(rich_matrix("Second plan"))
        document.matrices.reverse()
        store.save(document)
    assert [m.name for m in reload(path).matrices] == ["Second plan", "ماتریس مسئولیت"]
    assert document_state(reload(path)) == document_state(document)


def test_matrix_versions_count_saved_changes(tmp_path: Path) -> None:
    path = saved(tmp_path, rich_document())
    with DocumentStore.open(path) as store:
        document = store.load()
        edited, untouched = document.matrices
        assert (edited.version, untouched.version) == (1, 1)
        edited.set_cell(edited.tasks[0].id, edited.roles[2].id, "I")
        store.save(document)
        assert (edited.version, untouched.version) == (2, 1)
    again = reload(path)
    assert [m.version for m in again.matrices] == [2, 1]


def test_save_without_load_writes_exactly_the_document(tmp_path: Path) -> None:
    path = saved(tmp_path, rich_document())
    with DocumentStore.open(path) as store:
        store.save(Document([persian_matrix()]))
    assert document_state(reload(path)) == [matrix_state(persian_matrix())]


def test_a_matrix_saved_elsewhere_in_between_is_written_in_full(tmp_path: Path) -> None:
    path = saved(tmp_path, rich_document())
    store = DocumentStore.open(path)
    document = store.load()
    matrix = document.matrices[0]
    matrix.set_cell(matrix.tasks[0].id, matrix.roles[3].id, "I")
    other = store.save_as(document, tmp_path / "copy.rolematrix")  # clears the journal
    other.close()
    matrix.set_cell(matrix.tasks[1].id, matrix.roles[1].id, "C")
    store.save(document)  # must still write the first edit into plan.rolematrix
    store.close()
    assert document_state(reload(path)) == document_state(document)


def test_save_as_returns_a_store_for_the_new_file(tmp_path: Path) -> None:
    path = saved(tmp_path, rich_document())
    with DocumentStore.open(path) as store:
        document = store.load()
        document.matrices[0].update(description="as copy")
        copy = store.save_as(document, tmp_path / "copy.rolematrix")
        assert store.save_as(document, path) is store
    with copy:
        assert copy.target == tmp_path / "copy.rolematrix"
        document.matrices[0].set_cell(
            document.matrices[0].tasks[0].id, document.matrices[0].roles[2].id, "S"
        )
        copy.save(document)
    assert document_state(reload(tmp_path / "copy.rolematrix")) == document_state(document)
    assert reload(path).matrices[0].description == "as copy"


def test_recovery_snapshot_keeps_the_journal(tmp_path: Path) -> None:
    document = rich_document()
    matrix = document.matrices[0]
    matrix.journal.clear()
    matrix.set_cell(matrix.tasks[0].id, matrix.roles[2].id, "I")
    DocumentStore.write_snapshot(document, tmp_path / "recovery.rolematrix")
    assert matrix.journal.cells == {(matrix.tasks[0].id, matrix.roles[2].id)}
    assert document_state(reload(tmp_path / "recovery.rolematrix")) == document_state(document)
    assert leftovers(tmp_path) == []


def test_create_refuses_to_replace_an_existing_file(tmp_path: Path) -> None:
    path = saved(tmp_path, rich_document())
    before = FileState.of(path)
    with pytest.raises(AlreadyExistsError, match=r"plan\.rolematrix"):
        DocumentStore.create(path, Document([persian_matrix()]))
    assert FileState.of(path) == before
    DocumentStore.create(path, Document([persian_matrix()]), overwrite=True).close()
    assert [m.name for m in reload(path).matrices] == ["ماتریس مسئولیت"]


def test_create_in_a_missing_folder_says_so(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="does not exist"):
        DocumentStore.create(tmp_path / "nowhere" / "plan.rolematrix", rich_document())
    assert folder_listing(tmp_path) == []


def test_read_only_store_refuses_to_save(tmp_path: Path) -> None:
    path = saved(tmp_path, rich_document())
    before = FileState.of(path)
    with DocumentStore.open(path, readonly=True) as store:
        document = store.load()
        with pytest.raises(ReadOnlyError, match=r"plan\.rolematrix"):
            store.save(document)
    assert FileState.of(path) == before


# --------------------------------------------------------------- atomic saving
def _edited(path: Path) -> tuple[DocumentStore, Document, Matrix]:
    store = DocumentStore.open(path)
    document = store.load()
    matrix = document.matrices[0]
    matrix.set_cell(matrix.tasks[0].id, matrix.roles[3].id, "I")
    matrix.add_task("One more")
    return store, document, matrix


def test_disk_full_while_writing_leaves_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = saved(tmp_path, rich_document())
    store, document, matrix = _edited(path)
    before = FileState.of(path)
    real = sqlite_file.scratch_engine

    def tiny_disk(target: Path):  # type: ignore[no-untyped-def]
        engine = real(target)
        from sqlalchemy import event

        @event.listens_for(engine, "connect")
        def limit(dbapi_connection, _record):  # type: ignore[no-untyped-def]
            # the file may not grow by a single page: SQLite reports "database or disk is full"
            pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
            dbapi_connection.execute(f"PRAGMA max_page_count = {max(pages, 1)}")

        return engine

    monkeypatch.setattr("rolematrix.store.file_backend.scratch_engine", tiny_disk)
    big = document.matrices[0]
    for i in range(300):
        big.add_task(f"Filler task {i} " + "x" * 200)
    with pytest.raises(SaveFailedError, match=r"plan\.rolematrix.*disk is full"):
        store.save(document)
    assert FileState.of(path).data == before.data
    assert FileState.of(path).mtime_ns == before.mtime_ns
    assert leftovers(tmp_path) == [".plan.rolematrix.lock"]
    assert not matrix.journal.empty  # nothing was saved, so nothing is forgotten

    monkeypatch.undo()
    store.save(document)
    store.close()
    assert document_state(reload(path)) == document_state(document)
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("stage", ["rows", "fsync"])
def test_failure_midway_leaves_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stage: str
) -> None:
    path = saved(tmp_path, rich_document())
    store, document, matrix = _edited(path)
    before = FileState.of(path)
    if stage == "rows":
        real_insert = writer.insert_rows
        calls = []

        def failing_insert(*args, **kwargs):  # type: ignore[no-untyped-def]
            calls.append(1)
            if len(calls) == 2:
                raise OSError(errno.ENOSPC, "No space left on device")
            return real_insert(*args, **kwargs)

        monkeypatch.setattr(writer, "insert_rows", failing_insert)
    else:

        def failing_fsync(fd: int) -> None:
            raise OSError(errno.EIO, "Input/output error")

        monkeypatch.setattr(sqlite_file.os, "fsync", failing_fsync)
    with pytest.raises(SaveFailedError, match=r"plan\.rolematrix") as caught:
        store.save(document)
    assert "not changed" in str(caught.value)
    assert FileState.of(path) == FileState(before.data, before.mtime_ns, before.listing)
    assert not matrix.journal.empty
    monkeypatch.undo()
    store.save(document)
    store.close()
    assert document_state(reload(path)) == document_state(document)


# -------------------------------------------------------- locking and conflicts
def test_second_writer_is_told_the_file_is_in_use(tmp_path: Path) -> None:
    path = saved(tmp_path, rich_document())
    first = DocumentStore.open(path)
    before = FileState.of(path)
    with pytest.raises(LockedError, match=r"plan\.rolematrix is already open for editing"):
        DocumentStore.open(path)
    assert FileState.of(path) == before
    with DocumentStore.open(path, readonly=True) as reader:  # check/export still work
        assert len(reader.load().matrices) == 2
    with pytest.raises(LockedError):
        DocumentStore.create(path, rich_document(), overwrite=True)
    first.close()
    assert leftovers(tmp_path) == []
    DocumentStore.open(path).close()


def test_lock_of_a_killed_process_does_not_block(tmp_path: Path) -> None:
    path = saved(tmp_path, rich_document())
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import sys
                from rolematrix.store import DocumentStore
                store = DocumentStore.open({str(path)!r})
                print("locked", flush=True)
                sys.stdin.readline()
                """
            ),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(LockedError, match=f"process {holder.pid}"):
            DocumentStore.open(path)
    finally:
        holder.kill()
        holder.wait()
        for stream in (holder.stdin, holder.stdout):
            if stream is not None:
                stream.close()
    assert (tmp_path / ".plan.rolematrix.lock").exists()  # left behind by the killed process
    with DocumentStore.open(path) as store:  # ...but it locks nothing any more
        store.save(store.load())


def test_file_replaced_on_disk_is_not_overwritten(tmp_path: Path) -> None:
    path = saved(tmp_path, rich_document())
    store, document, _matrix = _edited(path)
    other = saved(tmp_path, Document([persian_matrix()]), "other.rolematrix")
    other.replace(path)  # another program writes the file while we edit it
    before = FileState.of(path)
    with pytest.raises(ConflictError, match=r"plan\.rolematrix was changed on disk"):
        store.save(document)
    assert FileState.of(path) == before
    assert [m.name for m in reload(path).matrices] == ["ماتریس مسئولیت"]
    store.save(document, force=True)  # the user chose to overwrite it
    store.close()
    assert document_state(reload(path)) == document_state(document)


def test_file_touched_by_another_program_is_not_overwritten(tmp_path: Path) -> None:
    path = saved(tmp_path, rich_document())
    store, document, _matrix = _edited(path)
    import sqlite3

    with sqlite3.connect(path) as raw:  # same save token, but edited behind our back
        raw.execute("UPDATE tasks SET name = 'Edited elsewhere' WHERE id = 3")
    raw.close()
    with pytest.raises(ConflictError):
        store.save(document)
    store.close()
    assert "Edited elsewhere" in [t.name for t in reload(path).matrices[0].tasks]


def test_closed_store_refuses_work(tmp_path: Path) -> None:
    path = saved(tmp_path, rich_document())
    store = DocumentStore.open(path)
    store.close()
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.load()


# ------------------------------------------------------------------- addresses
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("postgresql+psycopg://user:pw@db.example/plans", True),
        ("postgresql://127.0.0.1/test", True),
        ("sqlite:///plans/a.rolematrix", True),
        ("plans/a.rolematrix", False),
        ("/home/ann/a.rolematrix", False),
        ("C:\\Users\\ann\\a.rolematrix", False),
        ("file:///home/ann/a.rolematrix", False),
        ("a.xlsx", False),
    ],
)
def test_is_database_url(text: str, expected: bool) -> None:
    assert is_database_url(text) is expected
