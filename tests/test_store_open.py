"""Opening files that are not (good) RoleMatrix documents: a clear error, and nothing touched."""

from __future__ import annotations

import os
import random
import sqlite3
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from store_fixtures import FileState, folder_listing, rich_document

from rolematrix.store import (
    CorruptFileError,
    DocumentStore,
    EmptyFileError,
    LockedError,
    NewerVersionError,
    NotADocumentError,
    NotFoundError,
    NotWritableError,
    StoreError,
    UnreadableFileError,
    without_password,
)

NAME = "plan.rolematrix"


def make_missing(path: Path) -> None:
    pass


def make_empty(path: Path) -> None:
    path.write_bytes(b"")


def make_random(path: Path) -> None:
    path.write_bytes(random.Random(5).randbytes(5000))


def make_text(path: Path) -> None:
    path.write_text("Task;Role\nPlan;R\n", encoding="utf-8")


def make_xlsx(path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["Task", "PM"])
    book.save(path)  # openpyxl writes whatever name it is given: an .xlsx renamed


def make_other_sqlite(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        db.execute("INSERT INTO notes (text) VALUES ('not ours')")
    db.close()


def make_other_sqlite_with_our_tables(path: Path) -> None:
    """Another program's database that happens to have a "tasks" table."""
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE tasks (id INTEGER PRIMARY KEY, name TEXT)")
    db.close()


def make_rolematrix(path: Path) -> None:
    DocumentStore.create(path, rich_document()).close()


def make_truncated(path: Path) -> None:
    make_rolematrix(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def make_cut_in_header(path: Path) -> None:
    make_rolematrix(path)
    path.write_bytes(path.read_bytes()[:60])


def make_damaged(path: Path) -> None:
    """Pages in the middle overwritten with noise (a bad disk sector, a broken copy)."""
    make_rolematrix(path)
    data = bytearray(path.read_bytes())
    noise = random.Random(9).randbytes(4096 * 3)
    start = 4096 * 3
    data[start : start + len(noise)] = noise
    path.write_bytes(bytes(data))


def make_newer(path: Path) -> None:
    make_rolematrix(path)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE rolematrix_schema_version SET version_num = '9999'")
    db.close()


def make_folder(path: Path) -> None:
    path.mkdir()


CASES: list[tuple[str, Callable[[Path], None], type[StoreError], str]] = [
    ("missing", make_missing, NotFoundError, "does not exist"),
    ("empty", make_empty, EmptyFileError, "is empty"),
    ("random bytes", make_random, NotADocumentError, "not a RoleMatrix document"),
    ("text", make_text, NotADocumentError, "not a RoleMatrix document"),
    ("xlsx renamed", make_xlsx, NotADocumentError, "Excel workbook"),
    ("other sqlite", make_other_sqlite, NotADocumentError, "another program"),
    ("other sqlite, tasks table", make_other_sqlite_with_our_tables, NotADocumentError, "another"),
    ("truncated", make_truncated, CorruptFileError, "damaged"),
    ("cut in header", make_cut_in_header, CorruptFileError, "damaged"),
    ("damaged pages", make_damaged, CorruptFileError, "damaged"),
    ("newer version", make_newer, NewerVersionError, "newer version of RoleMatrix"),
    ("a folder", make_folder, NotADocumentError, "is a folder"),
]


@pytest.mark.parametrize("readonly", [False, True], ids=["edit", "read-only"])
@pytest.mark.parametrize(
    ("make", "error", "phrase"),
    [pytest.param(make, error, phrase, id=name) for name, make, error, phrase in CASES],
)
def test_bad_file_gives_a_clear_error_and_is_not_touched(
    tmp_path: Path,
    make: Callable[[Path], None],
    error: type[StoreError],
    phrase: str,
    readonly: bool,
) -> None:
    path = tmp_path / NAME
    make(path)
    before = FileState.of(path) if not path.is_dir() else None
    listing = folder_listing(tmp_path)

    with pytest.raises(error) as caught:
        DocumentStore.open(path, readonly=readonly)

    message = str(caught.value)
    assert NAME in message, message
    assert phrase in message, message
    assert "Traceback" not in message
    assert folder_listing(tmp_path) == listing  # nothing created (no lock, no journal)
    if before is not None:
        assert FileState.of(path) == before  # same bytes, same modification time


def test_locked_file_is_not_touched(tmp_path: Path) -> None:
    path = tmp_path / NAME
    make_rolematrix(path)
    holder = DocumentStore.open(path)
    before = FileState.of(path)
    try:
        with pytest.raises(LockedError) as caught:
            DocumentStore.open(path)
        assert NAME in str(caught.value)
        assert "open it read-only" in str(caught.value)
        assert FileState.of(path) == before
    finally:
        holder.close()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_unreadable_file(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("running as root: file permissions do not stop root from reading")
    path = tmp_path / NAME
    make_rolematrix(path)
    path.chmod(0)
    try:
        before = folder_listing(tmp_path)
        with pytest.raises(UnreadableFileError, match="permission"):
            DocumentStore.open(path, readonly=True)
        assert folder_listing(tmp_path) == before
    finally:
        path.chmod(0o644)


def test_damage_found_only_while_reading_is_a_clear_error(tmp_path: Path) -> None:
    """A RoleMatrix file whose rows the program cannot make sense of (edited by hand)."""
    path = tmp_path / NAME
    make_rolematrix(path)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE matrices SET settings_overrides = 'not json'")
    db.close()
    before = FileState.of(path)
    with (
        DocumentStore.open(path, readonly=True) as store,
        pytest.raises(CorruptFileError) as caught,
    ):
        store.load()
    assert NAME in str(caught.value)
    assert FileState.of(path) == before


def test_a_password_in_the_address_is_never_remembered() -> None:
    assert without_password("postgresql+psycopg://ann:s3cret@db.example.org:5433/plans?x=1") == (
        "postgresql+psycopg://ann@db.example.org:5433/plans?x=1"
    )
    assert without_password("postgresql://:s3cret@[::1]/plans") == "postgresql://[::1]/plans"
    assert (
        without_password("postgresql+psycopg://ann@db/plans") == "postgresql+psycopg://ann@db/plans"
    )
    assert without_password("/home/ann/plan.rolematrix") == "/home/ann/plan.rolematrix"
    # addresses SQLAlchemy refuses are still named without their password
    assert (
        without_password("postgresql://ann:s3cret@db:port/plans")
        == "postgresql://ann@db:port/plans"
    )
    assert without_password("postgresql://ann:s3cret@[::1/plans") == "postgresql://ann@[::1/plans"


def test_a_file_that_cannot_be_created_says_so_without_offering_to_read_it(
    tmp_path: Path,
) -> None:
    from rolematrix.store.file_lock import lock_path_for

    path = tmp_path / "new.rolematrix"
    lock_path_for(path).mkdir()  # the lock cannot be made, even for root
    with pytest.raises(NotWritableError) as caught:
        DocumentStore.create(path, rich_document())
    message = str(caught.value)
    assert "new.rolematrix cannot be saved there" in message and "read-only" not in message
    assert not path.exists()
