"""The document file as the file system has it: links, odd kinds of file, leftovers beside it."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from store_fixtures import folder_listing, rich_document
from test_store_migrations import become_newer

from rolematrix.cli import main as cli
from rolematrix.store import DocumentStore, LockedError, NotADocumentError, StoreError, migrate

needs_links = pytest.mark.skipif(
    not hasattr(os, "symlink") or os.name == "nt", reason="POSIX links"
)


def _document(path: Path) -> Path:
    DocumentStore.create(path, rich_document()).close()
    return path


def _first_cell(store: DocumentStore) -> str:
    m = store.load().matrices[0]
    return m.get(m.tasks[0].id, m.roles[2].id)


def _edit_and_save(store: DocumentStore, codes: str) -> None:
    document = store.load()
    m = document.matrices[0]
    m.set_cell(m.tasks[0].id, m.roles[2].id, codes)
    store.save(document)


# ------------------------------------------------------------- symbolic links
@needs_links
def test_saving_through_a_link_changes_the_document_and_the_link_stays_a_link(
    tmp_path: Path,
) -> None:
    (tmp_path / "real").mkdir()
    real = _document(tmp_path / "real" / "plan.rolematrix")
    link = tmp_path / "link.rolematrix"
    link.symlink_to(real)

    with DocumentStore.open(link) as store:
        _edit_and_save(store, "I")
        _edit_and_save(store, "C")  # a second save goes to the same file, no conflict

    assert link.is_symlink() and link.resolve() == real
    with DocumentStore.open(real, readonly=True) as store:
        assert _first_cell(store) == "C"
    # nothing of ours was left beside the link
    assert folder_listing(tmp_path) == ["link.rolematrix", "real"]
    assert folder_listing(tmp_path / "real") == ["plan.rolematrix"]


@needs_links
def test_an_editor_on_the_link_and_one_on_the_real_path_share_one_lock(tmp_path: Path) -> None:
    real = _document(tmp_path / "plan.rolematrix")
    link = tmp_path / "shortcut.rolematrix"
    link.symlink_to(real.name)  # relative link
    with DocumentStore.open(real):
        with pytest.raises(LockedError):
            DocumentStore.open(link)
        with pytest.raises(LockedError):
            DocumentStore.open(f"sqlite:///{link}")
        with pytest.raises(LockedError):
            DocumentStore.open(tmp_path / "sub" / ".." / "plan.rolematrix")
    with DocumentStore.open(link), pytest.raises(LockedError):
        DocumentStore.open(real)


@needs_links
def test_saving_through_a_sqlite_address_naming_a_link_changes_the_document(
    tmp_path: Path,
) -> None:
    real = _document(tmp_path / "plan.rolematrix")
    link = tmp_path / "shortcut.rolematrix"
    link.symlink_to(real)
    with DocumentStore.open(f"sqlite:///{link}") as store:
        _edit_and_save(store, "I")
    assert link.is_symlink()
    with DocumentStore.open(real, readonly=True) as store:
        assert _first_cell(store) == "I"


@needs_links
def test_creating_over_a_link_writes_the_linked_file(tmp_path: Path) -> None:
    real = _document(tmp_path / "plan.rolematrix")
    link = tmp_path / "shortcut.rolematrix"
    link.symlink_to(real)
    document = rich_document()
    document.matrices[0].rename_phase(document.matrices[0].phases[0].id, "Planning")
    DocumentStore.create(link, document, overwrite=True).close()
    assert link.is_symlink()
    with DocumentStore.open(real, readonly=True) as store:
        assert store.load().matrices[0].phases[0].name == "Planning"


@needs_links
def test_an_older_file_opened_through_a_link_is_upgraded_with_its_backup_beside_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "docs").mkdir()
    real = _document(tmp_path / "docs" / "plan.rolematrix")
    old_head = migrate.revisions().head
    link = tmp_path / "shortcut.rolematrix"
    link.symlink_to(real)
    become_newer(tmp_path, monkeypatch)
    with DocumentStore.open(link) as store:
        store.load()
    assert link.is_symlink()
    assert (tmp_path / "docs" / f"plan.rolematrix.bak-{old_head}").is_file()
    assert not any(p.name.startswith("shortcut") and p != link for p in tmp_path.iterdir())


@needs_links
def test_a_link_loop_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    loop = tmp_path / "loop.rolematrix"
    loop.symlink_to(loop)
    with pytest.raises(StoreError, match=r"loop\.rolematrix"):
        DocumentStore.open(loop)
    for command in (["check", str(loop)], ["export", str(loop), "-o", str(tmp_path / "o.json")]):
        assert cli(command) == 2
        err = capsys.readouterr().err
        assert "loop.rolematrix" in err and "loop" in err
    store = DocumentStore.create(tmp_path / "plan.rolematrix", rich_document())
    with store, pytest.raises(StoreError, match=r"loop\.rolematrix"):
        store.save_as(store.load(), loop)


# ------------------------------------------------------------ not regular files
@pytest.mark.timeout(20)
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX named pipes")
def test_a_named_pipe_is_refused_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "x.rolematrix"
    os.mkfifo(fifo)
    with pytest.raises(NotADocumentError, match=r"x\.rolematrix"):
        DocumentStore.open(fifo, readonly=True)
    with pytest.raises(NotADocumentError, match=r"x\.rolematrix"):
        DocumentStore.open(fifo)
    for command in (
        ["check", str(fifo)],
        ["export", str(fifo), "-o", str(tmp_path / "out.json")],
        ["diff", str(fifo), "--at", "2020-01-01"],
        ["history", str(fifo)],
    ):
        assert cli(command) == 2, command
        err = capsys.readouterr().err
        assert "x.rolematrix" in err and "regular file" in err
    assert not (tmp_path / "out.json").exists()


@pytest.mark.timeout(20)
@needs_links
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX named pipes")
def test_a_link_to_a_named_pipe_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "plan.rolematrix"
    link.symlink_to(fifo)
    with pytest.raises(NotADocumentError, match="regular file"):
        DocumentStore.open(link)


# ------------------------------------------------------------------ leftovers
def test_temporary_files_of_a_crashed_save_are_removed_on_the_next_open(tmp_path: Path) -> None:
    path = _document(tmp_path / "plan.rolematrix")
    other = _document(tmp_path / "other.rolematrix")
    crashed = tmp_path / ".plan.rolematrix.0badf00d.saving"
    crashed.write_bytes(os.urandom(1 << 20))
    theirs = tmp_path / ".other.rolematrix.0badf00d.saving"  # another document's
    theirs.write_bytes(b"x")
    mine_lookalike = tmp_path / ".plan.rolematrix.notes.saving"  # not a name we give
    mine_lookalike.write_bytes(b"x")

    with DocumentStore.open(path, readonly=True) as store:  # reading writes and removes nothing
        store.load()
    assert crashed.exists()

    with DocumentStore.open(path) as store:
        assert not crashed.exists()
        _edit_and_save(store, "I")
    assert theirs.exists() and mine_lookalike.exists() and other.exists()
    assert folder_listing(tmp_path) == sorted(
        [path.name, other.name, theirs.name, mine_lookalike.name]
    )


def test_temporary_files_of_a_crashed_save_are_removed_when_saving_over_it(tmp_path: Path) -> None:
    path = tmp_path / "plan.rolematrix"
    crashed = tmp_path / ".plan.rolematrix.12345678.saving"
    crashed.write_bytes(b"half a file")
    DocumentStore.create(path, rich_document()).close()
    assert folder_listing(tmp_path) == ["plan.rolematrix"]


def test_reading_a_wal_mode_file_creates_nothing_beside_it(tmp_path: Path) -> None:
    path = _document(tmp_path / "plan.rolematrix")
    with sqlite3.connect(path) as db:  # another program switched it to WAL mode
        assert db.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal"
    db.close()
    assert folder_listing(tmp_path) == ["plan.rolematrix"]
    before = path.read_bytes()

    with DocumentStore.open(path, readonly=True) as store:
        document = store.load()
        store.history()
    assert len(document.matrices) == 2
    assert folder_listing(tmp_path) == ["plan.rolematrix"]
    assert path.read_bytes() == before
    assert cli(["check", str(path)]) in (0, 1)
    assert folder_listing(tmp_path) == ["plan.rolematrix"]
