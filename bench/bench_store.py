"""Document store speed on the large matrix (5,000 tasks x 200 roles, 250,000 filled cells).

Run: python bench/bench_store.py [--runs 3]

Prints, as medians of ``--runs``: saving the whole document to a new file,
opening and loading it, saving after one cell edit, and after one structural
edit (a task renamed). Baselines measured in the same run on the same file:
a plain SQLAlchemy Core select of the cells table, the whole document read
through the SQLAlchemy Core reader (how files were opened before the sqlite3
reader), and a Core executemany insert of the same 250,000 rows into a fresh
table (the SPEC's figures for these are 0.32 s and 1.3 s). Then, in fresh
interpreters, opening from cold: importing the store, opening and loading,
against importing SQLAlchemy and reading through Core. Targets (SPEC section
9): open < 1.0 s including painting, so the store's part well under that;
save < 2 s in full, < 0.3 s after one edit.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from statistics import median

sys.path.insert(0, str(Path(__file__).resolve().parent))

from large import build_size, figure
from sqlalchemy import create_engine, select
from sqlalchemy.pool import NullPool

from rolematrix.core.model import Document
from rolematrix.store import DocumentStore
from rolematrix.store import schema as s
from rolematrix.store.reader import read_document
from rolematrix.store.sqlite_file import copy_file, fsync_path, read_engine

#: Run in a fresh interpreter: open and load ``argv[1]`` the way ``argv[2]`` says.
COLD = r"""
import json, sys, time
start = time.perf_counter()
if sys.argv[2] == "store":
    from rolematrix.store import DocumentStore
    imported = time.perf_counter()
    with DocumentStore.open(sys.argv[1], readonly=True) as store:
        store.load()
else:
    from pathlib import Path
    from rolematrix.store.reader import read_document
    from rolematrix.store.sqlite_file import read_engine
    imported = time.perf_counter()
    engine = read_engine(Path(sys.argv[1]))
    with engine.connect() as connection:
        read_document(connection)
    engine.dispose()
done = time.perf_counter()
heavy = sorted({m.split(".")[0] for m in sys.modules} & {"sqlalchemy", "alembic"})
print(json.dumps([imported - start, done - imported, heavy]))
"""


#: As the editor opens a file (rolematrix.gui.session.FIRST_ROWS; not imported: no Qt here).
FIRST_ROWS = 256


def timed(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return median(times)


def paired(
    fn: Callable[[], object], baseline: Callable[[], object], runs: int
) -> tuple[float, float]:
    """Medians of ``fn`` and ``baseline`` run alternately, so that load on a shared
    machine hits both alike and the ratio stays meaningful."""
    ours: list[float] = []
    base: list[float] = []
    for _ in range(runs):
        for target, sink in ((baseline, base), (fn, ours)):
            start = time.perf_counter()
            target()
            sink.append(time.perf_counter() - start)
    return median(ours), median(base)


def core_select(path: Path) -> int:
    """The baseline load: one Core select of every cell, rows fetched, nothing built."""
    engine = read_engine(path)
    try:
        with engine.connect() as connection:
            query = select(s.cells.c.task_id, s.cells.c.role_id, s.cells.c.codes)
            return len(connection.execute(query).all())
    finally:
        engine.dispose()


def core_reader(path: Path) -> int:
    """The old open path: the whole document read through the SQLAlchemy Core reader."""
    engine = read_engine(path)
    try:
        with engine.connect() as connection:
            return len(read_document(connection))
    finally:
        engine.dispose()


def cold_open(path: Path, via: str, runs: int) -> tuple[float, float, list[str]]:
    """Medians of import and open + load in fresh interpreters, and what heavy packages
    ended up imported (``via``: "store" or "core")."""
    imports: list[float] = []
    loads: list[float] = []
    heavy: list[str] = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", COLD, str(path), via], capture_output=True, text=True, check=True
        )
        imported, loaded, heavy = json.loads(out.stdout.strip().splitlines()[-1])
        imports.append(imported)
        loads.append(loaded)
    return median(imports), median(loads), heavy


def core_insert(folder: Path, rows: list[dict[str, object]]) -> None:
    """The baseline save: a Core executemany of every cell into a fresh file's cells table."""
    path = folder / f"baseline-{time.perf_counter_ns()}.sqlite"
    engine = create_engine(f"sqlite:///{path}", poolclass=NullPool)
    try:
        s.metadata.create_all(engine, tables=[s.matrices, s.cells])
        with engine.begin() as connection:
            connection.execute(s.cells.insert(), rows)
    finally:
        engine.dispose()
        path.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--size", default="large", choices=["small", "realistic", "large"])
    args = parser.parse_args()
    runs = args.runs

    matrix = build_size(args.size)
    document = Document([matrix])
    cells = matrix.filled_count
    print(
        f"{args.size} matrix: {len(matrix.tasks)} tasks x {len(matrix.roles)} roles, "
        f"{cells} filled cells"
    )
    with tempfile.TemporaryDirectory(prefix="rolematrix-bench-") as tmp:
        folder = Path(tmp)
        path = folder / "large.rolematrix"

        def full_save() -> None:
            DocumentStore.create(path, document, overwrite=True).close()

        save_full = timed(full_save, runs)
        size_mb = path.stat().st_size / 1e6

        dicts = [
            {"matrix_id": 1, "task_id": t, "role_id": r, "codes": c} for t, r, c in matrix.cells()
        ]
        insert_base = timed(lambda: core_insert(folder, dicts), runs)
        figure(
            f"save {args.size}, in full ({size_mb:.1f} MB file)",
            save_full,
            "< 2 s",
            ("Core executemany baseline", insert_base),
        )

        def open_load() -> Document:
            with DocumentStore.open(path) as store:
                return store.load()

        def open_load_readonly() -> Document:
            with DocumentStore.open(path, readonly=True) as store:
                return store.load()

        load, select_base = paired(open_load, lambda: core_select(path), runs)
        figure(
            f"open + load {args.size}",
            load,
            "< 1 s with painting",
            ("Core select baseline", select_base),
        )

        def open_staged() -> DocumentStore:
            store = DocumentStore.open(path, staged=True)
            store.load(first=FIRST_ROWS)
            return store

        staged, load = paired(lambda: open_staged().close(), open_load, runs)
        figure(
            f"open + staged load {args.size} (first {FIRST_ROWS} tasks' cells, as the editor)",
            staged,
            "",
            ("whole open + load", load),
        )
        rests = []
        for _ in range(runs):
            store = open_staged()
            start = time.perf_counter()
            store.finish_loading()  # after the first paint: SQLite's check and the other cells
            rests.append(time.perf_counter() - start)
            store.close()
        figure(f"... the rest of the staged load {args.size}", median(rests))
        load_ro, select_base = paired(open_load_readonly, lambda: core_select(path), runs)
        figure(
            f"open + load {args.size}, read-only",
            load_ro,
            "",
            ("Core select baseline", select_base),
        )
        load_ro, reader_base = paired(open_load_readonly, lambda: core_reader(path), runs)
        figure(
            f"open + load {args.size}, read-only, again",
            load_ro,
            "",
            ("SQLAlchemy Core reader", reader_base),
        )
        loaded = open_load()
        assert loaded.matrix().filled_count == cells, "the loaded matrix lost cells"

        for via, label in (("store", "the store"), ("core", "SQLAlchemy + Core reader")):
            imported, opened, heavy = cold_open(path, via, runs)
            figure(f"cold: import {label}, open + load {args.size}", imported + opened)
            print(
                f"{'':4}import {imported * 1000:.1f} ms + open and load {opened * 1000:.1f} ms; "
                f"imported {', '.join(heavy) or 'neither SQLAlchemy nor Alembic'}"
            )

        store = DocumentStore.open(path)
        try:
            document = store.load()
            matrix = document.matrix()
            rnd = random.Random(11)
            tasks, roles = matrix.tasks, matrix.roles

            def one_edit() -> None:
                matrix.set_cell(rnd.choice(tasks).id, rnd.choice(roles).id, rnd.choice("RACI"))
                store.save(document)

            edit = timed(one_edit, runs)
            figure(
                f"save {args.size} after one cell edit",
                edit,
                "< 0.3 s",
                ("full save", save_full),
            )
            counter = iter(range(10**6))

            def one_rename() -> None:
                task = rnd.choice(tasks)
                matrix.update_task(task.id, name=f"{task.name} v{next(counter)}")
                store.save(document)

            rename = timed(one_rename, runs)
            figure(
                f"save {args.size} after a task rename (structure)",
                rename,
                "",
                ("full save", save_full),
            )
        finally:
            store.close()

        # the copy-and-patch save is mostly copying the file and flushing it to disk
        scratch = folder / "copy.sqlite"

        def copy_and_sync() -> None:
            copy_file(path, scratch)
            fsync_path(scratch)

        figure("   of which: copy + fsync of the file", timed(copy_and_sync, runs))


if __name__ == "__main__":
    main()
